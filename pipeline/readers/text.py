"""Plain-text documents (``.txt``): the first reader, and the fallback for unknown content.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, then charset-normalizer's best guess
(CP949/EUC-KR files saved by older Korean tools). The text is then normalized
(``pipeline.readers.normalize``). Plain text carries no layout hints: the structure parser
reads markers and indentation from the text itself.
"""

from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

from pipeline.readers.base import ReadError, ReadResult
from pipeline.readers.normalize import CONTROL, normalize_text

_BINARY_SHARE = 0.01


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name); raises ReadError for binary or undecodable input."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise ReadError("binary file (NUL bytes)", "expected a UTF-8, UTF-16 or CP949 text file")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable bytes", "save the file as UTF-8")
    return str(best), best.encoding


class TextReader:
    """UTF-8/UTF-16/CP949 text; claims no magic bytes (it is the fallback)."""

    name = "txt"
    extensions: tuple[str, ...] = (".txt",)

    def sniff(self, head: bytes) -> bool:
        return False

    def read(self, raw: bytes, path: str) -> ReadResult:
        text, encoding = decode(raw)
        controls = len(CONTROL.findall(text))
        if text and controls / len(text) > _BINARY_SHARE:
            raise ReadError("binary content (control characters)", "expected a text file")
        return ReadResult(text=normalize_text(text), format=self.name, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())
