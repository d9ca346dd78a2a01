"""The tables of a document on its review page, and the list of tables on the index.

Each table is drawn from its typed body cells: one column per distinct column-header path,
one row per body row with its row-header path; a cell is coloured by its kind (money,
percent, count, number; text uncoloured) and its title shows the typed value, unit and
period, so a reviewer sees at a glance what each number became.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from pipeline.money import display
from schemas.models import CellKind, DataCell, DataTable, Document


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _anchor(table: DataTable) -> str:
    return table.table_id.rsplit(":", 1)[-1]


def cell_title(cell: DataCell) -> str:
    """What a cell became: ``money $17.68B (17680000000 USD) · 2023-01-01..2023-03-31``."""
    parts = [cell.kind.value]
    if cell.value is not None:
        if cell.kind == CellKind.MONEY and cell.currency:
            sign = "-" if cell.value < 0 else ""
            parts.append(f"{sign}{display(abs(cell.value), cell.currency)} ({cell.value} {cell.currency})")
        else:
            parts.append(f"{cell.value}{' ' + cell.unit if cell.unit else ''}")
    if cell.date_start is not None and cell.date_end is not None:
        parts.append(f"{cell.date_start.isoformat()}..{cell.date_end.isoformat()}")
    if cell.preliminary:
        parts.append("preliminary")
    return " · ".join(parts)


def table_html(table: DataTable, cells: list[DataCell]) -> str:
    """One table, rebuilt from its body cells and their header paths."""
    columns: dict[int, str] = {}
    rows: dict[int, str] = {}
    by_slot: dict[tuple[int, int], DataCell] = {}
    for cell in cells:
        columns.setdefault(cell.col, " · ".join(cell.col_header))
        rows.setdefault(cell.row, " · ".join(cell.row_header))
        by_slot[(cell.row, cell.col)] = cell
    head = '<th scope="col"></th>' + "".join(f'<th scope="col">{_esc(columns[c])}</th>' for c in sorted(columns))
    body = []
    for r in sorted(rows):
        tds = []
        for c in sorted(columns):
            found = by_slot.get((r, c))
            if found is None:
                tds.append("<td></td>")
                continue
            tds.append(f'<td class="num c-{found.kind.value}" title="{_esc(cell_title(found))}">{_esc(found.text)}</td>')
        body.append(f'<tr><th scope="row">{_esc(rows[r])}</th>{"".join(tds)}</tr>')
    units = f' <span class="hint">units: {_esc(", ".join(table.units))}</span>' if table.units else ""
    caption = _esc(table.caption or "(no caption)")
    return (
        f'<figure id="{_esc(_anchor(table))}" class="datatable"><figcaption><span class="bid">{_esc(_anchor(table))}</span> '
        f"{caption}{units}</figcaption>"
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div></figure>'
    )


def tables_section(doc: Document) -> str:
    """Every table of the document with a legend of the cell kinds; empty when it has none."""
    if not doc.tables:
        return ""
    by_table: dict[str, list[DataCell]] = {}
    for cell in doc.table_cells:
        by_table.setdefault(cell.table_id, []).append(cell)
    legend = " ".join(f'<span class="c-{k.value}">{k.value}</span>' for k in CellKind)
    return (
        f'<section id="tables" class="block"><h2>Tables</h2><p class="hint">Typed cells: {legend}. '
        "Hover a cell for its value in full units, its period and whether it is preliminary.</p>"
        + "".join(table_html(t, by_table.get(t.table_id, [])) for t in doc.tables)
        + "</section>"
    )


def tables_index(docs: Mapping[str, Document], href: Mapping[str, str]) -> str:
    """The index's list of every table: document, caption, size, typed cells."""
    rows = []
    for doc in sorted(docs.values(), key=lambda d: d.doc_id):
        for table in doc.tables:
            cells = [c for c in doc.table_cells if c.table_id == table.table_id]
            typed = sum(1 for c in cells if c.value is not None)
            link = f"{href[doc.doc_id]}#{_anchor(table)}"
            rows.append(
                f'<tr><td><a href="{_esc(link)}">{_esc(table.table_id)}</a></td><td lang="{_esc(doc.language)}">'
                f"{_esc(table.caption or '—')}</td><td>{_esc(', '.join(table.units) or '—')}</td>"
                f'<td class="num">{table.n_rows}×{table.n_cols}</td><td class="num">{len(cells)}</td>'
                f'<td class="num">{typed}</td></tr>'
            )
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{h}</th>' for h in ("table", "caption", "units", "rows×cols", "cells", "with a value"))
    return (
        f'<section class="block"><h2>Tables</h2><div class="scroll"><table class="index"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )
