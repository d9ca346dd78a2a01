"""A ruled PDF table as the format drew it: cells rebuilt from pdfplumber's cell boxes and chars.

``find_tables`` builds cells from ruling lines only, which loses two things Korean statistics
tables rely on:

- a slot of the grid without four ruled sides gives no cell: a row-header column whose left
  side is open (no outer border), the last cell of a row whose right side is open. Such a slot
  (inside the table's grid) becomes a cell from the characters drawn inside it;
- rows without a ruling between them (a figure row and the rate row under it) come out as one
  row whose cells hold several lines (``282.3`` / ``(147.8)``). When the cells of a row hold
  lines that line up (a split height that falls between two of their lines, for at least two
  cells, and through no line of a cell that holds more than one), the row is split there, one
  row per line; a cell with one line across the split (a row header ``총투자`` beside the two
  lines) spans the new rows.

Hangul spread over a cell's width (distributed alignment) is read without the gaps as spaces.
Dotted rules (each dot a short segment) are kept by ``TABLE_SETTINGS``: joined, they are rules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

TABLE_SETTINGS: dict[str, Any] = {"edge_min_length_prefilter": 0.1}
_SNAP = 1.0
"""Points within which two cell edges are the same grid line."""
_LINE_TOLERANCE = 3.0
"""Points within which characters' tops are one text line (pdfplumber's own ``y_tolerance``)."""

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class TextLine:
    top: float
    bottom: float
    text: str


@dataclass(frozen=True, slots=True)
class FoundCell:
    bbox: Box
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class FoundTable:
    """A ruled table: its box and its cells, each with its box and its text lines."""

    bbox: Box
    cells: list[FoundCell]


def _inside(char: dict[str, Any], box: Box) -> bool:
    x0, top, x1, bottom = box
    mid_x, mid_y = (float(char["x0"]) + float(char["x1"])) / 2, (float(char["top"]) + float(char["bottom"])) / 2
    return x0 <= mid_x < x1 and top <= mid_y < bottom


def _distributed(chars: Sequence[dict[str, Any]]) -> bool:
    """Hangul spread evenly over the cell's width (Hancom's distributed alignment, ``미    국``):
    no space character drawn between the glyphs, every gap between two glyphs the same and
    wider than a fifth of an em. The gaps are layout, not spaces (a typed space is drawn as a
    space character)."""
    glyphs = sorted(chars, key=lambda c: c["x0"])
    while glyphs and not glyphs[-1]["text"].strip():
        glyphs.pop()
    while glyphs and not glyphs[0]["text"].strip():
        glyphs.pop(0)
    if len(glyphs) < 2 or not all(_HANGUL.fullmatch(c["text"]) for c in glyphs):
        return False
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(glyphs)]
    em = max(float(c.get("size", 10.0)) for c in glyphs)
    return max(gaps) - min(gaps) <= 0.5 and min(gaps) > 0.2 * em


def _lines(chars: Sequence[dict[str, Any]]) -> tuple[TextLine, ...]:
    from pdfplumber.utils.clustering import cluster_objects
    from pdfplumber.utils.text import extract_text

    out = []
    for group in cluster_objects(list(chars), "top", _LINE_TOLERANCE):
        if _distributed(group):
            text = "".join(c["text"] for c in sorted(group, key=lambda c: c["x0"])).strip()
        else:
            text = extract_text(group).strip()
        if text:
            out.append(TextLine(min(c["top"] for c in group), max(c["bottom"] for c in group), text))
    return tuple(sorted(out, key=lambda line: line.top))


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _SNAP:
            out.append(value)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _open_slots(cells: list[FoundCell], chars: list[dict[str, Any]]) -> list[FoundCell]:
    """Cells for the grid slots no ruled cell covers but characters are drawn in; neighbouring
    slots of a row are one cell when a character straddles the column line between them."""
    xs = _edges([v for c in cells for v in (c.bbox[0], c.bbox[2])])
    ys = _edges([v for c in cells for v in (c.bbox[1], c.bbox[3])])
    covered: set[tuple[int, int]] = set()
    for cell in cells:
        x0, top, x1, bottom = cell.bbox
        for r in range(_index(ys, top), _index(ys, bottom)):
            covered.update((r, c) for c in range(_index(xs, x0), _index(xs, x1)))
    found: list[FoundCell] = []
    for r in range(len(ys) - 1):
        run: list[int] = []
        for c in [*range(len(xs) - 1), len(xs)]:
            if c < len(xs) - 1 and (r, c) not in covered:
                run.append(c)
                continue
            found.extend(_run_cells(run, xs, ys[r], ys[r + 1], chars))
            run = []
    return found


def _run_cells(run: list[int], xs: list[float], top: float, bottom: float, chars: list[dict[str, Any]]) -> list[FoundCell]:
    if not run:
        return []
    box: Box = (xs[run[0]], top, xs[run[-1] + 1], bottom)
    inside = [ch for ch in chars if _inside(ch, box)]
    if not inside:
        return []
    cuts = [xs[c] for c in run[1:] if not any(ch["x0"] < xs[c] < ch["x1"] for ch in inside)]
    bounds = [xs[run[0]], *cuts, xs[run[-1] + 1]]
    out = []
    for left, right in itertools.pairwise(bounds):
        piece: Box = (left, top, right, bottom)
        lines = _lines([ch for ch in inside if _inside(ch, piece)])
        if lines:
            out.append(FoundCell(piece, lines))
    return out


def _gap_at(cell: FoundCell, y: float) -> bool:
    return any(a.bottom <= y <= b.top for a, b in zip(cell.lines, cell.lines[1:], strict=False))


def _crosses(cell: FoundCell, y: float) -> bool:
    return any(line.top < y < line.bottom for line in cell.lines)


def _splits(cells: list[FoundCell]) -> list[float]:
    """Heights where a ruled row holds rows without a ruling between them."""
    candidates = _edges([(a.bottom + b.top) / 2 for cell in cells for a, b in zip(cell.lines, cell.lines[1:], strict=False)])
    accepted = []
    for y in candidates:
        across = [c for c in cells if c.bbox[1] < y < c.bbox[3] and c.lines]
        support = [c for c in across if _gap_at(c, y)]
        broken = [c for c in across if _crosses(c, y) and len(c.lines) > 1]
        if len(support) >= 2 and not broken:
            accepted.append(y)
    return accepted


def _split(cell: FoundCell, splits: list[float]) -> list[FoundCell]:
    x0, top, x1, bottom = cell.bbox
    inner = [y for y in splits if top < y < bottom and _gap_at(cell, y)]
    if not inner:
        return [cell]
    bounds = [top, *inner, bottom]
    return [
        FoundCell((x0, a, x1, b), tuple(line for line in cell.lines if a <= (line.top + line.bottom) / 2 < b))
        for a, b in itertools.pairwise(bounds)
    ]


def found_table(table: Any, page_chars: Sequence[dict[str, Any]]) -> FoundTable:
    """The table pdfplumber found, with open slots recovered and unruled rows split."""
    bbox: Box = tuple(table.bbox)
    chars = [ch for ch in page_chars if _inside(ch, bbox)]
    cells = []
    for row in table.rows:
        for box in row.cells:
            if box is not None:
                cells.append(FoundCell(tuple(box), _lines([ch for ch in chars if _inside(ch, tuple(box))])))
    cells += _open_slots(cells, chars)
    splits = _splits(cells)
    return FoundTable(bbox, [piece for cell in cells for piece in _split(cell, splits)])


def grid_cells(table: FoundTable) -> list[tuple[int, int, int, int, FoundCell]]:
    """(row, col, rowspan, colspan, cell) from how many column/row lines each cell covers."""
    xs = _edges([v for c in table.cells for v in (c.bbox[0], c.bbox[2])])
    ys = _edges([v for c in table.cells for v in (c.bbox[1], c.bbox[3])])
    out = []
    for cell in table.cells:
        x0, top, x1, bottom = cell.bbox
        row, col = _index(ys, top), _index(xs, x0)
        out.append((row, col, max(_index(ys, bottom) - row, 1), max(_index(xs, x1) - col, 1), cell))
    return sorted(out, key=lambda item: (item[0], item[1]))
