"""HWPX documents (Hancom Office's OWPML zip): sections walked paragraph by paragraph.

The zip is opened with bounds before anything is decompressed: at most ``MAX_MEMBERS``
members, no member path that climbs out (``../``) or is absolute, and at most
``MAX_UNCOMPRESSED`` bytes read in all (counted while reading, not trusted from the
directory). The body is ``Contents/section*.xml`` in order (``pipeline.readers.owpml``); the
title and last-saved date come from ``Contents/content.hpf``. ``python-hwpx`` (the ``[hwp]``
extra) brings ``lxml`` and reads HWP 5.0 (``pipeline.readers.hwp``); HWPX itself is plain XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from pipeline.readers.base import Metadata, ReadError, ReadResult
from pipeline.readers.layout import TextBuilder, missing_extra

if TYPE_CHECKING:
    from lxml import etree

MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Bytes decompressed from one package at most (a fact sheet's XML is a few MB)."""
MAX_RATIO = 200
"""A member that claims to expand more than this many times its compressed size is refused."""

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_OPF = "{http://www.idpf.org/2007/opf/}"


class _Budget:
    """Bytes still allowed to be decompressed from this package."""

    def __init__(self) -> None:
        self.left = MAX_UNCOMPRESSED

    def read(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        if info.compress_size and info.file_size > MAX_RATIO * info.compress_size and info.file_size > 1024 * 1024:
            raise ReadError(f"member {info.filename} expands {info.file_size // info.compress_size}x", "not a genuine HWPX")
        out = io.BytesIO()
        try:
            with archive.open(info) as member:
                while chunk := member.read(1 << 16):
                    self.left -= len(chunk)
                    if self.left < 0:
                        raise ReadError(f"package expands past {MAX_UNCOMPRESSED >> 20} MB", "not a genuine HWPX")
                    out.write(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, zlib.error, ValueError) as err:
            reason = str(err).split("\n", 1)[0]
            raise ReadError(f"damaged zip member {info.filename}: {reason}", "the file is truncated or damaged") from err
        return out.getvalue()


def _safe_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"zip has {len(infos)} members (limit {MAX_MEMBERS})", "not a genuine HWPX")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            raise ReadError(f"unsafe member path {info.filename!r}", "not a genuine HWPX")
        members[str(path)] = info
    return members


def open_zip(raw: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise ReadError(f"damaged zip: {err}", "the file is truncated or damaged; save it again") from err


def _metadata(opf: etree._Element | None) -> Metadata:
    if opf is None:
        return Metadata()
    title_el = opf.find(f".//{_OPF}title")
    title = (title_el.text or "").strip() if title_el is not None else ""
    date: dt.date | None = None
    creator: str | None = None
    for meta in opf.iter(f"{_OPF}meta"):
        name, value = meta.get("name"), (meta.text or "").strip()
        if name == "ModifiedDate" and (found := re.match(r"(\d{4})-(\d{2})-(\d{2})T", value)):
            try:
                date = dt.date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                date = None
        elif name == "creator" and value:
            creator = value
    # A one- or two-character title is a template leftover, not the document's title.
    return Metadata(title=title if len(title) > 2 else None, date=date, author=creator)


def read_parts(files: dict[str, bytes], raw: bytes, fmt: str, opf: bytes | None) -> ReadResult:
    """Render OWPML parts (from a zip, or converted from HWP 5.0) into a ``ReadResult``."""
    try:
        from pipeline.readers.owpml import parse_xml, walk_sections
    except ImportError as err:  # lxml comes with the [hwp] extra
        raise ReadError(*missing_extra("lxml", "hwp")) from err
    order = sorted((int(m[1]), name) for name in files if (m := _SECTION.match(name)))
    if not order:
        raise ReadError("no body sections (Contents/section*.xml)", "not a Hancom document, or a damaged one")
    builder = TextBuilder()
    walk_sections(builder, [parse_xml(files[name], name) for _, name in order])
    if not builder.text().strip():
        raise ReadError("document has no text", "an empty document, or one made only of images")
    return builder.result(raw, fmt, _metadata(parse_xml(opf, "content.hpf") if opf else None))


class HwpxReader:
    """HWPX (``.hwpx``): a zip whose first member is ``mimetype`` = ``application/hwp+zip``."""

    name = "hwpx"
    extensions: tuple[str, ...] = (".hwpx",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and b"application/hwp+zip" in head[:200]

    def read(self, raw: bytes, path: str) -> ReadResult:
        archive = open_zip(raw)
        members = _safe_members(archive)
        budget = _Budget()
        wanted = [name for name in members if _SECTION.match(name)]
        files = {name: budget.read(archive, members[name]) for name in wanted}
        opf = budget.read(archive, members["Contents/content.hpf"]) if "Contents/content.hpf" in members else None
        return read_parts(files, raw, self.name, opf)
