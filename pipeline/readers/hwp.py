"""HWP 5.0 documents (``.hwp``, an OLE compound file), read with ``python-hwpx`` (the ``[hwp]``
extra): the file is converted to OWPML parts in memory and walked like an HWPX body.

Password-protected and 배포용 (distribution) documents cannot be read without Hancom Office:
they give a one-line error saying so.
"""

from __future__ import annotations

from pipeline.readers.base import ReadError, ReadResult
from pipeline.readers.hwpx import read_parts
from pipeline.readers.layout import missing_extra

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HINTS = {
    "hwp5-damaged": "the file is truncated or damaged; open and save it again in Hancom Office",
    "hwp5-not-hwp5": "an OLE file that is not an HWP 5.0 document (a .doc or .xls?)",
    "hwp5-version-unsupported": "save it as HWP 5.0 or HWPX in Hancom Office",
}
_PROTECTED_HINT = "password-protected or 배포용 (distribution) document: save an unprotected copy in Hancom Office"


class HwpReader:
    """HWP 5.0: the OLE compound-file signature."""

    name = "hwp"
    extensions: tuple[str, ...] = (".hwp",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(_OLE_MAGIC)

    def read(self, raw: bytes, path: str) -> ReadResult:
        try:
            from hwpx.hwp5.errors import Hwp5Error
            from hwpx.hwp5.package import convert
        except ImportError as err:
            raise ReadError(*missing_extra("python-hwpx", "hwp")) from err
        try:
            converted = convert(raw)
        except Hwp5Error as err:
            code = str(getattr(err, "code", "") or "")
            message = str(err).split("\n", 1)[0]
            hint = _PROTECTED_HINT if code in {"hwp5-password", "hwp5-distribution", "hwp5-drm"} else None
            raise ReadError(
                f"cannot read HWP: {message}", hint or _HINTS.get(code, "open and save it again in Hancom Office")
            ) from err
        except (ValueError, KeyError, IndexError, OverflowError, MemoryError) as err:
            raise ReadError(f"damaged HWP: {type(err).__name__}", _HINTS["hwp5-damaged"]) from err
        files = converted.files
        return read_parts(files, raw, self.name, files.get("Contents/content.hpf"))
