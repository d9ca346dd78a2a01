"""Check an output folder: every JSON reloads through the models (which verify that each
span's text is ``Document.text[start:end]``), and every Parquet table equals the table
rebuilt from those JSON files, with the current ``schema_version``.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import ValidationError

from pipeline.locks import reading
from pipeline.tables import TABLES, build_table
from pipeline.write import document_files, load_document
from schemas.models import SCHEMA_VERSION, Document


def _first_difference(found: pa.Table, expected: pa.Table) -> str:
    if found.schema.remove_metadata() != expected.schema.remove_metadata():
        return "columns or types differ from the contract"
    if found.num_rows != expected.num_rows:
        return f"{found.num_rows} rows, the JSON files give {expected.num_rows}"
    for name in expected.column_names:
        got, want = found.column(name).to_pylist(), expected.column(name).to_pylist()
        for i, (a, b) in enumerate(zip(got, want, strict=True)):
            if a != b:
                return f"row {i}, column {name!r}: {a!r} != {b!r} (from JSON)"
    return "contents differ"


def validate_dir(out_dir: Path) -> list[str]:
    """Readable problems found in ``out_dir``; empty when all is consistent. Holds the folder's
    read lock, so a run committing meanwhile is seen entirely before or entirely after."""
    if not out_dir.is_dir():
        return [f"{out_dir}: not a folder"]
    with reading(out_dir):
        return _problems(out_dir)


def _problems(out_dir: Path) -> list[str]:
    problems: list[str] = []
    docs: list[Document] = []
    for path in document_files(out_dir):
        try:
            doc = load_document(path)
        except (ValidationError, ValueError) as err:
            problems.append(f"{path.name}: does not validate: {err}")
            continue
        if doc.doc_id != path.stem:
            problems.append(f"{path.name}: holds doc_id {doc.doc_id!r}")
        docs.append(doc)
    for name in TABLES:
        path = out_dir / f"{name}.parquet"
        if not path.exists():
            problems.append(f"{path.name}: missing")
            continue
        try:
            found = pq.read_table(path)
        except (OSError, pa.ArrowException) as err:
            problems.append(f"{path.name}: unreadable ({err})")
            continue
        version = (found.schema.metadata or {}).get(b"schema_version")
        if version != str(SCHEMA_VERSION).encode():
            problems.append(f"{path.name}: schema_version {version!r}, expected {SCHEMA_VERSION}")
        expected = build_table(docs, name)
        if not found.equals(expected):
            problems.append(f"{path.name}: does not match the JSON files: {_first_difference(found, expected)}")
    return problems
