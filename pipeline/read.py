"""Read a document's bytes and normalize them into ``Document.text``.

Decoding: UTF-8 (with or without BOM), UTF-16 with BOM, then charset-normalizer's best guess
(CP949/EUC-KR files saved by older Korean tools). Normalization: NFC, line ends to LF (also
form feeds and Unicode line separators), full-width ASCII forms to ASCII, no-break and other
exotic spaces and stray control characters to a space, zero-width characters removed.
Every offset in the outputs points into the text returned here.

>>> normalize_text("\\ufeff２５억불（CEPI）\\r\\n")
'25억불(CEPI)\\n'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


class ReadError(Exception):
    """A file that cannot become text: the message names the reason and a hint."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(f"{reason} ({hint})")
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class RawText:
    """The normalized text of one file, with how it was decoded and the raw bytes' hash."""

    text: str
    encoding: str
    sha256: str


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_SHARE = 0.01


def normalize_text(text: str) -> str:
    """NFC, LF line ends, ASCII for full-width forms, plain spaces, no zero-width marks.

    Full-width ASCII is folded *before* NFC; ``\\t`` is kept (indentation signals nesting).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAKS.sub("\n", text)  # vertical tab, form feed, Unicode line/paragraph separators
    text = text.translate(_ZERO_WIDTH).translate(_FULLWIDTH)
    text = _CONTROL.sub(" ", _SPACES.sub(" ", text))
    return unicodedata.normalize("NFC", text)


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


def read_raw(path: Path) -> bytes:
    """The file's bytes; an unreadable file is a ``ReadError`` with a hint."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}", "check the path and its permissions") from err


def read_document(path: Path) -> RawText:
    """Read, decode and normalize one file."""
    return read_bytes(read_raw(path))


def read_bytes(raw: bytes) -> RawText:
    """Decode and normalize the bytes of one document (raises ``ReadError`` for bad input)."""
    text, encoding = decode(raw)
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > _BINARY_SHARE:
        raise ReadError("binary content (control characters)", "expected a text file")
    return RawText(text=normalize_text(text), encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())
