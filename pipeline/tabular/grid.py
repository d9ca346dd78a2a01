"""A table's cells on a grid: merged cells resolved, header rows and row-header columns found.

Header rows: the first row, more rows while the corner cell spans down over them, and the row
under a header that has column-spanning cells (``2022년`` over ``1분기 … 4분기``) when that row
holds no number. Row-header columns: the first column, more while the corner cell spans right
over them or a column holds no number in any body row. A body cell's ``col_header`` is the
path of distinct non-empty header cells above it, outermost first; its ``row_header`` the
path of distinct row-header cells to its left. Unit notes in header cells (``(단위 : 조원)``
in the corner) are units of the table, not header text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.readers.base import Table, TableCell


@dataclass(frozen=True, slots=True)
class Grid:
    cells: Sequence[TableCell]
    slots: dict[tuple[int, int], int]
    n_rows: int
    n_cols: int

    @classmethod
    def of(cls, table: Table) -> Grid:
        slots: dict[tuple[int, int], int] = {}
        for i, cell in enumerate(table.cells):
            for r in range(cell.row, cell.row + max(cell.rowspan, 1)):
                for c in range(cell.col, cell.col + max(cell.colspan, 1)):
                    slots.setdefault((r, c), i)
        n_rows = max((r for r, _ in slots), default=-1) + 1
        n_cols = max((c for _, c in slots), default=-1) + 1
        return cls(table.cells, slots, n_rows, n_cols)

    def at(self, row: int, col: int) -> TableCell | None:
        i = self.slots.get((row, col))
        return self.cells[i] if i is not None else None


@dataclass(frozen=True, slots=True)
class Layout:
    header_rows: int
    header_cols: int


def layout(grid: Grid, text_of: Callable[[TableCell], str], is_number: Callable[[str], bool]) -> Layout:
    """How many rows are column headers and how many columns are row headers."""

    def numeric_row(r: int) -> bool:
        return any(
            cell is not None and cell.row == r and is_number(text_of(cell)) for c in range(grid.n_cols) if (cell := grid.at(r, c))
        )

    corner = grid.at(0, 0)
    rows = max(1, corner.rowspan if corner is not None else 1)
    while rows < grid.n_rows - 1:
        spans_right = any(
            cell is not None and cell.colspan > 1 and cell.row + cell.rowspan <= rows
            for r in range(rows)
            for c in range(1, grid.n_cols)
            if (cell := grid.at(r, c))
        )
        if spans_right and not numeric_row(rows):
            rows += 1
        else:
            break
    cols = max(1, corner.colspan if corner is not None else 1)
    while cols < grid.n_cols - 1:
        column_has_number = any(
            cell is not None and cell.col == cols and is_number(text_of(cell))
            for r in range(rows, grid.n_rows)
            if (cell := grid.at(r, cols))
        )
        if column_has_number:
            break
        cols += 1
    return Layout(min(rows, max(grid.n_rows - 1, 1)), cols)


def _path(cells: Sequence[TableCell | None], text_of: Callable[[TableCell], str], skip: Callable[[str], bool]) -> list[str]:
    out: list[str] = []
    seen: set[int] = set()
    for cell in cells:
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        text = " ".join(text_of(cell).split())
        if text and not skip(text) and (not out or out[-1] != text):
            out.append(text)
    return out


def col_header(
    grid: Grid, shape: Layout, col: int, text_of: Callable[[TableCell], str], skip: Callable[[str], bool]
) -> list[str]:
    return _path([grid.at(r, col) for r in range(shape.header_rows)], text_of, skip)


def row_header(
    grid: Grid, shape: Layout, row: int, text_of: Callable[[TableCell], str], skip: Callable[[str], bool]
) -> list[str]:
    return _path([grid.at(row, c) for c in range(shape.header_cols)], text_of, skip)
