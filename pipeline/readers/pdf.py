"""PDF documents, read with ``pdfplumber`` (the ``[pdf]`` extra).

Per page, ``extract_text_lines`` gives each line with its left edge and top. Lines are then:

- dropped when they are page furniture: in the top or bottom band of the page and repeated
  (digits aside) on at least half of the pages, or a bare page number (``- 3 -``, ``3 / 10``);
- dropped from the running text when they lie inside a table ``find_tables`` found; the table
  is kept as a table, each cell with its row/column and spans from the cell's geometry, the
  cells rebuilt as the format drew them (``pdf_tables``: open borders, unruled stacked rows),
  in page order (a table that ends a page comes before the next page's text);
- indented by their left edge relative to the page's body margin (one space per half an
  em), which recovers the ``□`` / ``○`` / ``-`` levels; a centred line that does not reach
  the right edge (a banner, a table caption ``< … >``) is not indented: it is not a nested item;
- joined to the previous line (same paragraph, across a page break too) when they carry no
  bullet marker, follow without a paragraph gap, have about the same font size, are centred
  alike and the previous line does not end a sentence: a wrapped bullet, or an expression
  broken across lines (``12.4`` / ``억 달러``). The join is a space, except inside a number
  and inside a Korean word: when the previous line is full (reaches the right edge), ends in
  Hangul and the next starts with Hangul or ``(``, and Kiwi's spacing of the two words puts no
  space between them (``국가`` / ``별로는``, ``다변`` / ``화를``). Compound nouns Kiwi would space
  (``회수`` / ``금액``) keep the space: both spellings are correct Korean, and a wrong join is
  worse than a kept space.

Characters drawn twice at (almost) the same place, the "fake bold" of Hancom exports, are read
once (``page.dedupe_chars``: ``별첨``, not ``별별첨첨``).

A PDF with no text (a scan), or a Korean-looking file without Hangul, is an error. Bounds:
at most ``MAX_PAGES`` pages and ``MAX_CHARS_PER_PAGE`` characters per page.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pipeline.readers.base import Metadata, ReadError, ReadResult
from pipeline.readers.layout import TextBuilder, missing_extra
from pipeline.readers.normalize import normalize_text
from pipeline.readers.pdf_tables import TABLE_SETTINGS, FoundTable, found_table, grid_cells

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
    x1: float
    top: float
    bottom: float
    size: float
    page: int


@dataclass(frozen=True, slots=True)
class _Frame:
    """The body's left edge (the document's: indentation is comparable across pages) and right
    edge (the page's: an annex in a box is narrower); indentation, centring and full lines are
    measured from them."""

    left: float
    right: float

    def symmetric(self, line: _Line) -> bool:
        """The line's middle is the body's middle (within 0.4 em, at least 2 pt)."""
        return abs((line.x0 + line.x1) - (self.left + self.right)) / 2 <= max(2.0, 0.4 * line.size)

    def centred(self, line: _Line) -> bool:
        """Indented by more than two ems, short of the right edge by as much, and symmetric."""
        indented = line.x0 - self.left > 2 * line.size
        short = self.right - line.x1 > 2 * line.size
        return indented and short and self.symmetric(line)

    def full(self, line: _Line) -> bool:
        """Reaches the right edge: the line was wrapped, not ended."""
        return self.right - line.x1 <= line.size

    def indent(self, line: _Line) -> int:
        return 0 if self.centred(line) else round(2 * (line.x0 - self.left) / max(line.size, 1.0))


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _joins_without_space(tail: str, text: str) -> bool:
    """A Korean word broken at the line end (``국가`` / ``별로는``): Kiwi's spacing of the last
    word and the next one puts no space between them. Only asked when the previous line is full."""
    if not (tail and text and _HANGUL.fullmatch(tail[-1]) and (_HANGUL.fullmatch(text[0]) or text[0] == "(")):
        return False
    from pipeline.tokens import get_kiwi

    left, right = tail.split()[-1], text.split()[0]
    spaced = get_kiwi().space(left + right, reset_whitespace=True)
    seen = 0
    for i, char in enumerate(spaced):
        if char.isspace():
            continue
        if seen == len(left):
            return not spaced[i - 1].isspace()
        seen += 1
    return False


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


def _table(builder: TextBuilder, table: FoundTable, page_no: int) -> None:
    """Cells with their grid position and spans (``pdf_tables`` rebuilt them from the page)."""
    builder.begin_table()
    for row, col, rowspan, colspan, cell in grid_cells(table):
        builder.cell(row, col, [line.text for line in cell.lines], rowspan=rowspan, colspan=colspan, page=page_no)
    builder.end_table()


def _collect(pdf: Any) -> tuple[list[list[_Line]], list[float], list[list[FoundTable]]]:
    """Per page: its lines outside tables, its height and its tables (pdfplumber's work)."""
    pages: list[list[_Line]] = []
    heights: list[float] = []
    tables: list[list[FoundTable]] = []
    for whole in pdf.pages:
        if len(whole.chars) > MAX_CHARS_PER_PAGE:
            raise ReadError(f"page {whole.page_number} holds {len(whole.chars)} characters", "not a fact sheet page")
        page = whole.dedupe_chars()
        found = [found_table(t, page.chars) for t in page.find_tables(TABLE_SETTINGS)]
        boxes = [t.bbox for t in found]
        lines = []
        for line in page.extract_text_lines(return_chars=True):
            if boxes and _inside(line, boxes):
                continue
            size = max((c.get("size", 10.0) for c in line["chars"]), default=10.0)
            lines.append(_Line(line["text"], line["x0"], line["x1"], line["top"], line["bottom"], size, whole.page_number))
        pages.append(lines)
        heights.append(float(page.height))
        tables.append(found)
    return pages, heights, tables


def _continues(previous: _Line, line: _Line, frames: dict[int, _Frame], text: str) -> bool:
    """Can ``line`` be the wrapped rest of ``previous``: no bullet marker, about the same font
    size (not a heading after body text), a centred line only after a symmetric one (a wrapped
    title, not a caption after ragged text) and the other way round, and across a page break
    only after a full line."""
    same_size = abs(line.size - previous.size) <= 0.15 * max(line.size, previous.size)
    frame, full = frames[line.page], frames[previous.page].full(previous)
    centring = full or (
        (not frame.centred(line) or frame.symmetric(previous)) and (not frame.centred(previous) or frame.symmetric(line))
    )
    page_break = line.page != previous.page and not full
    return not _MARKER.match(text) and same_size and centring and not page_break


def _close(pdf: Any) -> None:
    """Close the file; pdfplumber's ``close`` walks the pages again, which a damaged file
    refuses a second time: the reason was reported already."""
    with contextlib.suppress(Exception):
        pdf.close()


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
        try:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"PDF has {len(pdf.pages)} pages (limit {MAX_PAGES})", "split the file")
            pages, heights, tables = _collect(pdf)
            title = str((pdf.metadata or {}).get("Title") or "").strip() or None
        except ReadError:
            raise
        except Exception as err:  # pdfminer and pdfplumber raise anything on a damaged page
            reason = f"damaged PDF: {type(err).__name__} while reading its pages"
            raise ReadError(reason, "the file is truncated or damaged") from err
        finally:
            _close(pdf)
        return self._render(pages, heights, tables, raw, title)

    def _render(
        self, pages: list[list[_Line]], heights: list[float], tables: list[list[FoundTable]], raw: bytes, title: str | None
    ) -> ReadResult:
        if not any(line.text.strip() for lines in pages for line in lines) and not any(tables):
            raise ReadError("no text layer: scanned PDF?", "run OCR on the file first, or use the HWP/HWPX original")
        drop = _furniture(pages, heights)
        builder = TextBuilder()
        body = [(p, i, ln) for p, lines in enumerate(pages) for i, ln in enumerate(lines) if (p, i) not in drop]
        left = min((ln.x0 for _, _, ln in body), default=0.0)
        right: dict[int, float] = {}
        for _, _, ln in body:
            right[ln.page] = max(right.get(ln.page, 0.0), ln.x1)
        frames = {page: _Frame(left, edge) for page, edge in right.items()}
        previous: _Line | None = None
        table_at = {p: list(found) for p, found in enumerate(tables)}
        for p, _, line in body:
            for q in range(p + 1):  # tables above the line, and those below the last line of earlier pages
                for table in [t for t in table_at.get(q, []) if q < p or t.bbox[1] <= line.top]:
                    _table(builder, table, q + 1)
                    table_at[q].remove(table)
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
            frame = frames[line.page]
            if previous is not None and _continues(previous, line, frames, text) and (split_number or not tail.endswith(_FINAL)):
                split_word = not split_number and frames[previous.page].full(previous) and _joins_without_space(tail, text)
                builder.extend_line(text, joiner="" if split_number or split_word else " ")
            else:
                builder.line(text, indent=frame.indent(line), page=line.page)
            previous = line
        for p, rest in table_at.items():
            for table in rest:
                _table(builder, table, p + 1)
        text = builder.text()
        if not text.strip():
            raise ReadError("no text layer: scanned PDF?", "run OCR on the file first, or use the HWP/HWPX original")
        return builder.result(raw, self.name, Metadata(title=title))
