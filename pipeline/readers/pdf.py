"""PDF documents, read with ``pdfplumber`` (the ``[pdf]`` extra).

Per page, ``extract_text_lines`` gives each line with its left edge and top. Lines are then:

- dropped when they are page furniture: in the top or bottom band of the page and repeated
  (digits aside) on at least half of the pages, or a bare page number (``- 3 -``, ``3 / 10``);
- dropped from the running text when they lie inside a table ``find_tables`` found; the table
  is kept as a table, each cell with its row/column and spans from the cell's geometry;
- indented by their left edge relative to the page's body margin (one space per half an
  em), which recovers the ``□`` / ``○`` / ``-`` levels;
- joined to the previous line (same paragraph, across a page break too) when they carry no
  bullet marker, follow without a paragraph gap and the previous line does not end a
  sentence: a wrapped bullet, or an expression broken across lines (``12.4`` / ``억 달러``).

A PDF with no text (a scan), or a Korean-looking file without Hangul, is an error. Bounds:
at most ``MAX_PAGES`` pages and ``MAX_CHARS_PER_PAGE`` characters per page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pipeline.readers.base import Metadata, ReadError, ReadResult
from pipeline.readers.layout import TextBuilder, missing_extra
from pipeline.readers.normalize import normalize_text

MAX_PAGES = 2_000
MAX_CHARS_PER_PAGE = 60_000
_BAND = 0.08
"""Top and bottom share of the page where running headers, footers and page numbers sit."""
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_MARKER = re.compile(r"^(?:[□■◆◇○ㅇ◦●•▶▷▴▲※*·∙▪]|[-–]\s|\d{1,2}[.)]\s|\(\d{1,2}\)|[가-하][.)]\s|[①-⑳]|[ⅠⅡⅢⅣⅤ]\.)")
_FINAL = (".", "!", "?", "。", ":", ";", "…", ")")


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    top: float
    bottom: float
    size: float
    page: int


def _load() -> Any:
    try:
        import pdfplumber
    except ImportError as err:
        raise ReadError(*missing_extra("pdfplumber", "pdf")) from err
    return pdfplumber


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip())


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    in_band: list[tuple[int, int, str]] = []
    for p, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for i, line in enumerate(lines):
            if line.top < height * _BAND or line.bottom > height * (1 - _BAND):
                in_band.append((p, i, _shape(line.text)))
    counts = Counter(shape for _, _, shape in in_band)
    threshold = max(2, (len(pages) + 1) // 2)
    drop = set()
    for p, i, shape in in_band:
        text = pages[p][i].text.strip()
        if _PAGE_NUMBER.match(text) or (len(pages) >= 2 and counts[shape] >= threshold):
            drop.add((p, i))
    return drop


def _inside(line: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    mid_y = (line["top"] + line["bottom"]) / 2
    return any(x0 - 1 <= line["x0"] and line["x1"] <= x1 + 1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes)


def _table(builder: TextBuilder, table: Any, page_no: int) -> None:
    """Cells with their grid position; spans from how many column/row edges a cell covers."""
    texts = table.extract()
    cells = [
        (bbox, text or "")
        for row, row_texts in zip(table.rows, texts, strict=False)
        for bbox, text in zip(row.cells, row_texts, strict=False)
        if bbox is not None
    ]
    xs = sorted({round(b[0], 1) for b, _ in cells} | {round(b[2], 1) for b, _ in cells})
    ys = sorted({round(b[1], 1) for b, _ in cells} | {round(b[3], 1) for b, _ in cells})
    builder.begin_table()
    for (x0, top, x1, bottom), text in sorted(cells, key=lambda c: (round(c[0][1], 1), round(c[0][0], 1))):
        row, col = ys.index(round(top, 1)), xs.index(round(x0, 1))
        rowspan = ys.index(round(bottom, 1)) - row
        colspan = xs.index(round(x1, 1)) - col
        builder.cell(row, col, text.split("\n"), rowspan=rowspan, colspan=colspan, page=page_no)
    builder.end_table()


class PdfReader:
    """PDF: ``%PDF-`` within the first bytes."""

    name = "pdf"
    extensions: tuple[str, ...] = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, raw: bytes, path: str) -> ReadResult:
        pdfplumber = _load()
        from pdfminer.pdfparser import PDFSyntaxError

        try:
            pdf = pdfplumber.open(io.BytesIO(raw))
        except (PDFSyntaxError, ValueError, TypeError, KeyError) as err:
            raise ReadError(f"damaged PDF: {type(err).__name__}", "the file is truncated or not a PDF") from err
        except Exception as err:  # pdfminer raises its own bases for broken or encrypted files
            name = type(err).__name__
            hint = (
                "password-protected PDF: save an unprotected copy" if "Password" in name or "Encrypt" in name else "damaged PDF"
            )
            raise ReadError(f"cannot open PDF: {name}", hint) from err
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"PDF has {len(pdf.pages)} pages (limit {MAX_PAGES})", "split the file")
            return self._render(pdf, raw)

    def _render(self, pdf: Any, raw: bytes) -> ReadResult:  # noqa: C901 - to split into collect and lay-out passes
        pages: list[list[_Line]] = []
        heights: list[float] = []
        tables: list[tuple[Any, list[Any]]] = []
        for page in pdf.pages:
            if len(page.chars) > MAX_CHARS_PER_PAGE:
                raise ReadError(f"page {page.page_number} holds {len(page.chars)} characters", "not a fact sheet page")
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            lines = []
            for line in page.extract_text_lines(return_chars=True):
                if boxes and _inside(line, boxes):
                    continue
                size = max((c.get("size", 10.0) for c in line["chars"]), default=10.0)
                lines.append(_Line(line["text"], line["x0"], line["top"], line["bottom"], size, page.page_number))
            pages.append(lines)
            heights.append(float(page.height))
            tables.append((page, found))
        if not any(line.text.strip() for lines in pages for line in lines) and not any(t for _, t in tables):
            raise ReadError("no text layer: scanned PDF?", "run OCR on the file first, or use the HWP/HWPX original")
        drop = _furniture(pages, heights)
        builder = TextBuilder()
        body = [(p, i, ln) for p, lines in enumerate(pages) for i, ln in enumerate(lines) if (p, i) not in drop]
        margin = min((ln.x0 for _, _, ln in body), default=0.0)
        previous: _Line | None = None
        table_at = {p: list(found) for p, (_, found) in enumerate(tables)}
        for p, _, line in body:
            for table in [t for t in table_at.get(p, []) if t.bbox[1] <= line.top]:
                _table(builder, table, p + 1)
                table_at[p].remove(table)
                previous = None
            text = normalize_text(line.text).strip()
            if not text:
                continue
            gap = line.top - previous.bottom if previous is not None and previous.page == line.page else 0.0
            if previous is not None and gap > previous.size * 1.2:
                builder.blank()
                previous = None
            tail = builder.last_line()
            split_number = re.search(r"\d[.,]$", tail) is not None and text[:1].isdigit()
            if previous is not None and not _MARKER.match(text) and (split_number or not tail.endswith(_FINAL)):
                builder.extend_line(text, joiner="" if split_number else " ")
            else:
                builder.line(text, indent=round(2 * (line.x0 - margin) / max(line.size, 1.0)), page=line.page)
            previous = line
        for p, rest in table_at.items():
            for table in rest:
                _table(builder, table, p + 1)
        text = builder.text()
        if not text.strip():
            raise ReadError("no text layer: scanned PDF?", "run OCR on the file first, or use the HWP/HWPX original")
        info = pdf.metadata or {}
        title = str(info.get("Title") or "").strip() or None
        return builder.result(raw, self.name, Metadata(title=title))
