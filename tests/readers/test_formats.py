"""The format readers on real and synthetic files, and on hostile input."""

from __future__ import annotations

import datetime as dt
import io
import sys
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import build_document
from pipeline.readers import ReadError, ReadResult, read_bytes
from pipeline.readers import hwpx as hwpx_module
from schemas.models import Document

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
REAL = "2024-q1_overseas-fdi_ko"


@cache
def _read(name: str) -> ReadResult:
    return read_bytes((FIXTURES / name).read_bytes(), name)


@cache
def _doc(name: str) -> Document:
    return build_document(_read(name), Path(name).stem, name)


def _check_offsets(result: ReadResult) -> None:
    for block in result.blocks:
        assert 0 <= block.start <= block.end <= len(result.text)
    for table in result.tables:
        for cell in table.cells:
            assert table.start <= cell.start <= cell.end <= table.end + 1
            assert "\n\n" not in result.text[cell.start : cell.end]
    assert unicodedata.normalize("NFC", result.text) == result.text


@pytest.mark.parametrize("name", [f"{REAL}.hwpx", f"{REAL}.hwp", f"{REAL}.pdf", "press.hwpx", "press.hwp", "press_reportlab.pdf"])
def test_formats_read_by_content(name: str) -> None:
    result = _read(name)
    assert result.format == Path(name).suffix[1:]
    assert result.tables, "the header and statistics tables are kept as tables"
    _check_offsets(result)
    assert not result.warnings


@pytest.mark.parametrize("suffix", ["hwpx", "hwp", "pdf"])
def test_real_release_structure_is_clean(suffix: str) -> None:
    doc = _doc(f"{REAL}.{suffix}")
    assert doc.date == dt.date(2024, 6, 21) and doc.date_source == "header"
    assert len(doc.bullets) >= 3
    for bullet in doc.bullets:
        assert "보도시점" not in bullet.text and "담당" not in bullet.text[:10] and "@" not in bullet.text
        assert doc.text[bullet.start : bullet.end] == bullet.text
    assert "해외직접투자" in (doc.title or "")


def test_real_release_same_amounts_in_every_format() -> None:
    def running(doc: Document) -> set[tuple[str, str | None]]:
        return {(str(a.value), a.currency) for a in doc.amounts if a.bullet_id is not None}

    hwpx, hwp, pdf = (running(_doc(f"{REAL}.{s}")) for s in ("hwpx", "hwp", "pdf"))
    assert len(hwpx) >= 10
    assert hwpx == hwp == pdf


def test_nfd_text_layer_is_normalized() -> None:
    result = _read("press_nfd_text_layer.pdf")
    assert "\u1100" not in result.text and any("가" <= ch <= "힣" for ch in result.text)


def test_html_main_content_only() -> None:
    result = _read("wh_factsheet.html")
    assert result.metadata.date == dt.date(2025, 3, 14)
    levels = [b.level for b in result.blocks if b.kind == "list_item"]
    assert 0 in levels and 1 in levels, "nested list items keep their level"
    assert any(b.kind == "heading" for b in result.blocks)
    assert result.tables and len(result.tables[0].cells) >= 4
    portal = _read("korea_kr_press.html")
    assert "바로가기" not in portal.text and "홈 >" not in portal.text
    assert "□ 고용노동부" in portal.text


def test_pdf_named_file_that_is_html_is_read_as_html() -> None:
    raw = (FIXTURES / "wh_factsheet.html").read_bytes()
    result = read_bytes(raw, "statement.pdf")
    assert result.format == "html" and "content is html" in result.warnings[0]
    assert "Capping insulin" in result.text


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/hwp+zip")
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


_SECTION = (
    b'<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">'
    b"<hp:p><hp:run><hp:t>\xec\xa0\x9c\xeb\xaa\xa9</hp:t></hp:run></hp:p></hs:sec>"
)


def test_small_hwpx_built_here() -> None:
    result = read_bytes(_zip({"Contents/section0.xml": _SECTION}), "x.hwpx")
    assert result.text == "제목\n" and result.locations[0].paragraph == 0


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"../../x": b"a", "Contents/section0.xml": _SECTION}, "unsafe member path"),
        ({f"f{i}": b"" for i in range(hwpx_module.MAX_MEMBERS + 1)}, "members"),
        ({"Contents/section0.xml": b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>"}, "expands"),
    ],
)
def test_hostile_hwpx_is_refused(members: dict[str, bytes], reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(_zip(members), "bad.hwpx")


def test_truncated_hwpx_is_a_read_error() -> None:
    raw = (FIXTURES / "press.hwpx").read_bytes()
    with pytest.raises(ReadError):
        read_bytes(raw[: len(raw) // 2], "cut.hwpx")


def test_deep_html_is_bounded() -> None:
    raw = b"<!doctype html><html><body>" + b"<div>" * 10_000 + b"<p>deep text</p>" + b"</div>" * 10_000 + b"</body></html>"
    assert "deep text" in read_bytes(raw, "deep.html").text


def test_missing_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(ReadError, match=r"pip install 'factsheet-extract\[pdf\]'"):
        read_bytes((FIXTURES / "press_reportlab.pdf").read_bytes(), "x.pdf")


def test_scanned_pdf_has_no_text_layer() -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 200, 200, fill=1)
    page.save()
    with pytest.raises(ReadError, match="no text layer"):
        read_bytes(out.getvalue(), "scan.pdf")
