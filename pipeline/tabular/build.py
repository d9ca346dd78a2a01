"""From the tables of a read document to ``DataTable`` rows and typed ``DataCell`` rows.

Which unit a body cell is in: a unit written in the cell (``12.5%``) first; then units named
in its headers (``증감률(%)``, ``금액(억원)``); then the table's units (caption, note, corner
cell): a header naming a rate (증감률, 비중) takes the table's percent unit, other cells its
one non-percent unit; in a Korean table that lists both, a number wrapped in parentheses is
the rate (``(△37.4)`` under ``총투자`` in ``(억 달러, 전년동기 대비, %)``). When this does not
decide, the cell is ``number`` with its value as written. In English documents parentheses
make a number negative (accounting), in Korean tables they never do.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pipeline.readers.base import Table, TableCell
from pipeline.tables import fits_decimal
from pipeline.tabular.context import table_context, table_floors
from pipeline.tabular.grid import Grid, Layout, col_header, layout, row_header
from pipeline.tabular.periods import parse_header, period_of
from pipeline.tabular.units import Unit, is_change_rate, mentions_rate, parse_unit, units_in_caption, units_in_note
from pipeline.tabular.values import CellNumber, is_figure, is_no_value, read_number
from pipeline.tabular.vocab import patterns
from schemas.models import CellKind, DataCell, DataTable


def is_unit_note(text: str) -> bool:
    """A cell or line that is nothing but a unit note (``(단위 : 조원)``)."""
    if not units_in_note(text):
        return False
    rest = text
    for pattern in patterns("unit_notes"):
        rest = pattern.sub("", rest)
    return not rest.strip()


def _distinct(units: Sequence[Unit]) -> Unit | None:
    return units[0] if units and all(u == units[0] for u in units) else None


@dataclass(frozen=True, slots=True)
class _Units:
    """The table's units split into percents and the others."""

    percent: Unit | None
    other: Unit | None
    n_other: int

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Units:
        units = [u for t in texts if (u := parse_unit(t)) is not None]
        percents = [u for u in units if u.kind == "percent"]
        others = [u for u in units if u.kind != "percent"]
        return cls(_distinct(percents), _distinct(others), len(set(others)))


def cell_unit(number: CellNumber, row_path: Sequence[str], col_path: Sequence[str], table: _Units) -> Unit | None:
    """The unit of one number cell, or None when it cannot be decided."""
    if number.unit_text:
        return parse_unit(number.unit_text)
    headers = [*reversed(row_path), *reversed(col_path)]
    for header in headers:  # innermost first: 증감률(%) under 금액(억원) is a percent
        named = [u for t in units_in_caption(header) if (u := parse_unit(t)) is not None]
        if named:
            return _distinct(named)
    if any(mentions_rate(h) for h in headers):
        return table.percent
    if table.n_other > 1:
        return None
    if table.other is not None and table.percent is not None:
        return table.percent if number.parenthesized else table.other
    return table.other or table.percent


@dataclass(frozen=True, slots=True)
class TablesFound:
    tables: list[DataTable]
    cells: list[DataCell]
    notes: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Typed:
    value: Decimal | None
    kind: CellKind
    currency: str | None
    unit: str | None


def type_cell(text: str, row_path: Sequence[str], col_path: Sequence[str], table: _Units, language: str) -> _Typed:
    """The typed value of one body cell."""
    number = read_number(text)
    if number is None or is_no_value(text):
        return _Typed(None, CellKind.TEXT, None, None)
    value = number.value
    if number.parenthesized and language == "en" and value > 0:
        value = -value
    unit = cell_unit(number, row_path, col_path, table)
    if unit is None:
        return _checked(_Typed(value, CellKind.NUMBER, None, None))
    if unit.kind == "percent":
        return _checked(_Typed(value, CellKind.PERCENT, None, unit.name))
    return _checked(_Typed(value * unit.scale, CellKind(unit.kind), unit.currency, unit.name))


def _checked(typed: _Typed) -> _Typed:
    """A value the Parquet decimal cannot hold exactly (``0.1234567``) is not given at all."""
    if typed.value is None or fits_decimal(typed.value):
        return typed
    return _Typed(None, CellKind.TEXT, None, None)


def _text_of(text: str) -> Callable[[TableCell], str]:
    return lambda cell: text[cell.start : cell.end]


def _body_cells(grid: Grid, shape: Layout) -> list[TableCell]:
    return sorted(
        {
            id(c): c
            for r in range(shape.header_rows, grid.n_rows)
            for col in range(shape.header_cols, grid.n_cols)
            if (c := grid.at(r, col))
        }.values(),
        key=lambda c: (c.row, c.col),
    )


def _corner_units(table: Table, shape: Layout, text_of: Callable[[TableCell], str]) -> list[str]:
    """Units of a header cell that is only a unit note (``(단위 : 조원)`` in the corner)."""
    header = [c for c in table.cells if c.row < shape.header_rows or c.col < shape.header_cols]
    return [u for c in header if is_unit_note(t := text_of(c)) for u in units_in_note(t) or []]


def _row_paths(grid: Grid, shape: Layout, text_of: Callable[[TableCell], str]) -> dict[int, list[str]]:
    """Row header path of each body row; a rate row (``증감률``) right under a series row
    (``수출``) belongs to that series: ``["수출", "증감률"]``; not under a period row (``‘24.1Q``),
    where it compares the rows above."""
    paths: dict[int, list[str]] = {}
    for r in range(shape.header_rows, grid.n_rows):
        path = row_header(grid, shape, r, text_of, is_unit_note)
        above = paths.get(r - 1, [])
        if len(path) == 1 and is_change_rate(path[0]) and above and not any(mentions_rate(h) or parse_header(h) for h in above):
            path = [*above, *path]
        paths[r] = path
    return paths


def build_tables(
    doc_id: str,
    text: str,
    language: str,
    tables: Sequence[Table],
    section_of: Callable[[int], str],
    source_of: Callable[[int], dict[str, Any]],
) -> TablesFound:
    """Every table with at least two rows, two columns and one filled body cell, and its cells."""
    out_tables: list[DataTable] = []
    out_cells: list[DataCell] = []
    notes: list[tuple[int, int]] = []
    standing: dict[str, list[str]] = {}  # section -> units of a note that holds for its tables
    grids = [(t, g) for t in sorted(tables, key=lambda t: (t.start, t.end)) if (g := Grid.of(t)).n_rows >= 2 and g.n_cols >= 2]
    text_of = _text_of(text)
    # layout boxes (one row or one column) are not tables: their text may be a caption or a note
    for (table, grid), floor in zip(grids, table_floors([t for t, _ in grids]), strict=True):
        shape = layout(grid, text_of, is_figure)
        context = table_context(text, table, floor)
        section = section_of(table.start)
        unit_texts = context.units or _corner_units(table, shape, text_of) or standing.get(section, [])
        if context.standing:
            standing[section] = context.units
        units = _Units.of(unit_texts)
        table_id = f"{doc_id}:t{len(out_tables) + 1}"
        cells = []
        row_paths = _row_paths(grid, shape, text_of)
        for cell in _body_cells(grid, shape):
            raw = text_of(cell)
            if cell.end <= cell.start or not raw.strip() or is_unit_note(raw):
                continue
            rows = row_paths[cell.row]
            cols = col_header(grid, shape, cell.col, text_of, is_unit_note)
            typed = type_cell(raw, rows, cols, units, language)
            period = period_of([*rows, *cols])
            cells.append(
                DataCell(
                    table_id=table_id,
                    doc_id=doc_id,
                    row=cell.row,
                    col=cell.col,
                    text=raw,
                    start=cell.start,
                    end=cell.end,
                    row_header=rows,
                    col_header=cols,
                    value=typed.value,
                    kind=typed.kind,
                    currency=typed.currency,
                    unit=typed.unit,
                    date_start=period.start if period else None,
                    date_end=period.end if period else None,
                    preliminary=period.preliminary if period else False,
                )
            )
        if not cells:
            continue
        out_tables.append(
            DataTable(
                table_id=table_id,
                doc_id=doc_id,
                section_id=section,
                caption=context.caption,
                units=unit_texts,
                n_rows=grid.n_rows,
                n_cols=grid.n_cols,
                start=table.start,
                end=table.end,
                **source_of(table.start),
            )
        )
        out_cells.extend(cells)
        notes.extend(context.notes)
    return TablesFound(out_tables, out_cells, tuple(notes))


def outside_tables(found: TablesFound) -> Callable[[int, int], bool]:
    """Whether a running-text span may be extracted: not inside a table or a unit note of one,
    unless it lies inside a body cell of prose (kind ``text``), whose amounts and dates stay
    running text. Tables and cells do not overlap each other, so a binary search finds the
    candidates (linear in the number of mentions, whatever the number of tables)."""
    ranges = sorted([*((t.start, t.end) for t in found.tables), *found.notes])
    range_starts = [s for s, _ in ranges]
    prose = sorted((c.start, c.end) for c in found.cells if c.kind == CellKind.TEXT)
    prose_starts = [s for s, _ in prose]

    def allowed(start: int, end: int) -> bool:
        i = bisect.bisect_left(range_starts, end)  # ranges[:i] start before the span ends
        if i == 0 or all(e <= start for _, e in ranges[max(i - 2, 0) : i]):
            return True
        j = bisect.bisect_right(prose_starts, start) - 1
        return j >= 0 and prose[j][0] <= start and end <= prose[j][1]

    return allowed
