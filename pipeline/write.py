"""Write outputs so that nothing is ever half-written: every file goes to a temporary file in
the same folder and is renamed into place (atomic on POSIX); a failure leaves the previous
file untouched. Output bytes depend only on the documents (no timestamps, sorted rows).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import SCHEMAS, TABLES, arrow_rows, table_metadata
from schemas.models import Document

ERRORS_FILE = "errors.json"
"""The run's error list, beside the document JSON files and the tables."""


def document_files(out_dir: Path) -> list[Path]:
    """The per-document JSON files of an output folder."""
    return sorted(p for p in out_dir.glob("*.json") if p.name != ERRORS_FILE and not p.name.startswith("."))


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
    """The nested document as UTF-8 JSON (not ASCII-escaped), newline-terminated: the bytes
    ``model_dump_json`` would give, taken from the serializer as bytes (``model_dump_json``
    decodes them to a str, which would then be encoded again)."""
    return type(doc).__pydantic_serializer__.to_json(doc, indent=1) + b"\n"


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


_PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "write_statistics": True, "store_schema": True}
"""Fixed writer settings, so equal rows give equal bytes."""


class TableWriter:
    """Every Parquet table of the contract, streamed: each document's rows are converted to
    Arrow when it is added (so a row the contract's types cannot hold fails *that* document,
    not the run) and flushed as a row group every ``docs_per_group`` documents, so memory
    stays bounded on large corpora. Documents must be added in ``doc_id`` order."""

    def __init__(self, out_dir: Path, docs_per_group: int = 256) -> None:
        self.out_dir = out_dir
        self.docs_per_group = docs_per_group
        self.buffers: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
        self.pending = 0
        self.sinks: dict[str, pa.BufferOutputStream] = {}
        self.writers: dict[str, pq.ParquetWriter] = {}

    def __enter__(self) -> TableWriter:
        for name in TABLES:
            self.sinks[name] = pa.BufferOutputStream()
            self.writers[name] = pq.ParquetWriter(
                self.sinks[name], SCHEMAS[name].with_metadata(table_metadata(name)), **_PARQUET_OPTIONS
            )
        return self

    def add(self, doc: Document) -> None:
        """Buffer one document's rows; raises (adding nothing) if any row does not fit its table."""
        self.add_converted(arrow_rows(doc))

    def add_converted(self, converted: dict[str, pa.Table]) -> None:
        """Buffer one document's rows as ``arrow_rows`` gave them."""
        for name, table in converted.items():
            if table.num_rows:
                self.buffers[name].append(table)
        self.pending += 1
        if self.pending >= self.docs_per_group:
            self._flush()

    def _flush(self) -> None:
        for name in TABLES:
            if self.buffers[name]:
                self.writers[name].write_table(pa.concat_tables(self.buffers[name]).combine_chunks())
                self.buffers[name] = []
        self.pending = 0

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:
            for writer in self.writers.values():
                writer.close()
            return
        self._flush()
        for name in TABLES:
            self.writers[name].close()
            atomic_write_bytes(self.out_dir / f"{name}.parquet", bytes(self.sinks[name].getvalue().to_pybytes()))


def load_document(path: Path) -> Document:
    """Reload one ``<doc_id>.json`` through the models (validates it)."""
    return Document.model_validate_json(path.read_bytes())
