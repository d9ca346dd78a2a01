"""Tables in plain text: runs of tab-separated lines.

Two or more consecutive lines that each hold a tab form a table; each tab separates two cells
(so an empty cell keeps the columns aligned). In the header rows, an empty cell right of a
filled one continues it (``2022년\\t\\t\\t\\t2023년`` spans four columns) and an empty cell under
a filled one continues that one down (the corner ``구분`` over two header rows), which is how
merged cells look in text. The caption (``< … >``, ``【 … 】``, ``표 1``, ``Table 1.``) and unit notes
are found by ``pipeline.tabular.context`` in the lines above the table, as for every format.

>>> text = "< 수출 >\\n구분\\t2023년\\t2024년\\n수출\\t1,200\\t1,350\\n"
>>> [text[t.start : t.end] for t in find_text_tables(text)]
['구분\\t2023년\\t2024년\\n수출\\t1,200\\t1,350']
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.readers.base import Table, TableCell
from pipeline.tabular.values import is_figure


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped (start, end) of each tab-separated cell of one line."""
    cells = []
    pos = start
    for piece in text[start:end].split("\t"):
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        s = pos + lead
        cells.append((s, s + len(stripped)))
        pos += len(piece) + 1
    return cells


def _merge_header(rows: list[list[tuple[int, int]]], text: str, is_number: Callable[[str], bool]) -> list[TableCell]:
    """Cells of all rows; header rows (before the first row with a number) get text spans."""
    n_cols = max(len(r) for r in rows)
    header_rows = 0
    for cells in rows:
        if any(is_number(text[s:e]) for s, e in cells[1:]):
            break
        header_rows += 1
    header_rows = min(max(header_rows, 1), len(rows) - 1)
    out: list[TableCell] = []
    owner: dict[tuple[int, int], int] = {}
    for r, cells in enumerate(rows):
        for c in range(n_cols):
            s, e = cells[c] if c < len(cells) else (cells[-1][1], cells[-1][1])
            empty = s == e
            if empty and r < header_rows:
                left = owner.get((r, c - 1))
                up = owner.get((r - 1, c))
                if c > 0 and left is not None and (r == 0 or up is None or up != owner.get((r - 1, c - 1))):
                    cell = out[left]
                    out[left] = TableCell(cell.row, cell.col, cell.start, cell.end, cell.rowspan, cell.colspan + 1)
                    owner[(r, c)] = left
                    continue
                if up is not None and out[up].col == c and out[up].colspan == 1:
                    cell = out[up]
                    out[up] = TableCell(cell.row, cell.col, cell.start, cell.end, cell.rowspan + 1, cell.colspan)
                    owner[(r, c)] = up
                    continue
            owner[(r, c)] = len(out)
            out.append(TableCell(r, c, s, e))
    return out


def find_text_tables(text: str, is_number: Callable[[str], bool] = is_figure) -> list[Table]:
    """Every run of two or more tab-separated lines, as a ``Table`` (no caption yet)."""
    tables: list[Table] = []
    run: list[tuple[int, int]] = []
    for start, end in [*_lines(text), (len(text) + 1, len(text) + 1)]:
        if start <= len(text) and "\t" in text[start:end] and text[start:end].strip():
            run.append((start, end))
            continue
        if len(run) >= 2:
            rows = [_row_cells(text, s, e) for s, e in run]
            first = next(s for r in rows for s, e in r if e > s)
            last = max(e for r in rows for s, e in r if e > s)
            tables.append(Table(first, last, _merge_header(rows, text, is_number)))
        run = []
    return tables
