"""Input formats as plug-ins: one module per format behind ``pipeline.readers.base.Reader``.

The format of a file is chosen by its content (magic bytes), not only by its name: a ``.pdf``
that is really an HTML page is read as HTML, with a warning. Content no reader claims is read
as text (which rejects binary data with a clear error). Adding a format is one module and one
line in ``_BUILTIN`` (or ``register_reader`` at run time).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline.readers.base import Block, BlockKind, Metadata, Reader, ReadError, ReadResult, SourceSpan, Table, TableCell
from pipeline.readers.html import HtmlReader
from pipeline.readers.hwp import HwpReader
from pipeline.readers.hwpx import HwpxReader
from pipeline.readers.pdf import PdfReader
from pipeline.readers.text import TextReader

_FALLBACK: Reader = TextReader()
_BUILTIN: list[Reader] = [HwpxReader(), HwpReader(), PdfReader(), HtmlReader()]
"""Formats recognised by their magic bytes, tried in this order before the text fallback."""

_READERS: list[Reader] = [*_BUILTIN, _FALLBACK]
_SNIFF_BYTES = 4096


def register_reader(reader: Reader) -> None:
    """Add (or replace, by name) an input format; sniffed before the text fallback."""
    _READERS[:] = [r for r in _READERS if r.name != reader.name and r is not _FALLBACK] + [reader, _FALLBACK]


def unregister_reader(name: str) -> None:
    """Remove a format added with ``register_reader`` (tests); the text reader stays."""
    _READERS[:] = [r for r in _READERS if r.name != name or r is _FALLBACK]


def readers() -> tuple[Reader, ...]:
    """Every registered format, in sniffing order (text last)."""
    return tuple(_READERS)


def input_suffixes() -> frozenset[str]:
    """File name endings (lower case) collected from folders: every format's extensions."""
    return frozenset(ext for reader in _READERS for ext in reader.extensions)


def _by_extension(path: str) -> Reader | None:
    suffix = Path(path).suffix.lower()
    return next((r for r in _READERS if suffix in r.extensions), None)


def format_by_name(path: str) -> str | None:
    """The format a file name claims (``hwpx`` for ``보도자료.HWPX``), None for an unknown ending."""
    named = _by_extension(path)
    return named.name if named is not None else None


def choose_reader(raw: bytes, path: str) -> tuple[Reader, str | None]:
    """The reader for this content and, when the file name claims another format, a warning."""
    head = raw[:_SNIFF_BYTES]
    reader = next((r for r in _READERS if r is not _FALLBACK and r.sniff(head)), _FALLBACK)
    named = _by_extension(path)
    if named is not None and named is not reader:
        return reader, f"content is {reader.name}, not {named.name} as the file name says: read as {reader.name}"
    return reader, None


def read_bytes(raw: bytes, path: str = "") -> ReadResult:
    """Read one file's bytes with the reader its content calls for (raises ``ReadError``)."""
    reader, warning = choose_reader(raw, path)
    try:
        result = reader.read(raw, path)
    except ReadError as err:
        if warning is None:
            raise
        named = _by_extension(path)
        raise ReadError(f"not a {named.name if named else ''} file: {err.reason}", "the file is damaged or misnamed") from err
    if warning is None:
        return result
    return replace(result, warnings=(warning, *result.warnings))


def read_raw(path: Path) -> bytes:
    """The file's bytes; an unreadable file is a ``ReadError`` with a hint."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}", "check the path and its permissions") from err


def read_document(path: Path) -> ReadResult:
    """Read one file from disk."""
    return read_bytes(read_raw(path), str(path))


__all__ = [
    "Block",
    "BlockKind",
    "Metadata",
    "ReadError",
    "ReadResult",
    "Reader",
    "SourceSpan",
    "Table",
    "TableCell",
    "choose_reader",
    "format_by_name",
    "input_suffixes",
    "read_bytes",
    "read_document",
    "read_raw",
    "readers",
    "register_reader",
    "unregister_reader",
]
