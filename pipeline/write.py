"""Write outputs so that nothing is ever half-written: every file goes to a temporary file in
the same folder and is renamed into place (atomic on POSIX); a failure leaves the previous
file untouched. Output bytes depend only on the documents (no timestamps, sorted rows).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import TABLES, build_table
from schemas.models import Document


def _file_mode() -> int:
    """The mode a plainly created file gets under the current umask (mkstemp uses 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a same-folder temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_json(doc: Document) -> bytes:
    """The nested document as UTF-8 JSON (not ASCII-escaped), newline-terminated."""
    return (doc.model_dump_json(indent=1) + "\n").encode("utf-8")


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def parquet_bytes(table: pa.Table) -> bytes:
    """Parquet with fixed writer settings, so equal tables give equal bytes."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", row_group_size=64_000, write_statistics=True, store_schema=True)
    return bytes(sink.getvalue().to_pybytes())


def write_document(doc: Document, out_dir: Path) -> Path:
    path = out_dir / f"{doc.doc_id}.json"
    atomic_write_bytes(path, document_json(doc))
    return path


def write_tables(docs: Iterable[Document], out_dir: Path) -> list[Path]:
    """Every Parquet table of the contract over ``docs`` (empty tables included)."""
    docs = list(docs)
    written = []
    for name in TABLES:
        path = out_dir / f"{name}.parquet"
        atomic_write_bytes(path, parquet_bytes(build_table(docs, name)))
        written.append(path)
    return written


def load_document(path: Path) -> Document:
    """Reload one ``<doc_id>.json`` through the models (validates it)."""
    return Document.model_validate_json(path.read_bytes())
