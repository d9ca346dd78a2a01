"""The real overseas-investment release (HWPX, HWP, PDF): its tables as typed cells."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.extract import extract_file
from schemas.models import Document

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "2024-q1_overseas-fdi_ko"


@cache
def _doc(suffix: str) -> Document:
    return extract_file(REAL.with_suffix(f".{suffix}"))


def _cells(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (
            c.table_id,
            c.row,
            c.col,
            c.text,
            tuple(c.row_header),
            tuple(c.col_header),
            c.value,
            c.kind,
            c.currency,
            c.date_start,
            c.date_end,
        )
        for c in doc.table_cells
    ]


@pytest.mark.parametrize("suffix", ["hwpx", "hwp", "pdf"])
def test_quarterly_table_is_a_time_series_in_dollars_and_signed_rates(suffix: str) -> None:
    doc = _doc(suffix)
    first = doc.tables[0]
    assert (first.caption, first.units, first.n_rows, first.n_cols) == (
        "< 분기별 해외직접투자액 추이(억 달러, 전년동기 대비, %) >",
        ["억 달러", "%"],
        4,
        10,
    )
    cells = [c for c in doc.table_cells if c.table_id == first.table_id]
    totals = [c for c in cells if c.row_header == ["총투자"]]
    rates = [c for c in cells if c.row_header == ["총투자", "증감률"]]
    assert len(totals) == len(rates) == 9
    assert all(c.kind == "money" and c.currency == "USD" for c in totals)
    assert all(c.kind == "percent" for c in rates)
    quarters = [(c.date_start, c.date_end) for c in totals]
    assert quarters[0] == (dt.date(2022, 1, 1), dt.date(2022, 3, 31))
    assert quarters[-1] == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    q1_2023 = next(c for c in totals if c.col_header == ["2023년", "1분기"])
    assert q1_2023.value == Decimal("17680000000")
    assert next(c for c in rates if c.col_header == ["2023년", "1분기"]).value == Decimal("-37.4")
    assert next(c for c in rates if c.col_header == ["2022년", "1분기"]).value == Decimal("147.8")


@pytest.mark.parametrize("suffix", ["hwpx", "hwp", "pdf"])
def test_every_data_table_is_found_with_units(suffix: str) -> None:
    doc = _doc(suffix)
    assert len(doc.tables) == 21  # 4 in the release, the contact box, 16 in the annex
    assert sum(1 for t in doc.tables if t.units) == 20
    kinds = {c.kind.value for c in doc.table_cells if c.table_id != doc.tables[4].table_id}
    assert kinds == {"money", "percent"}


@pytest.mark.parametrize("suffix", ["hwpx", "hwp", "pdf"])
def test_table_numbers_are_not_running_text_amounts(suffix: str) -> None:
    doc = _doc(suffix)
    assert doc.tables and doc.amounts
    for amount in doc.amounts:
        assert not any(t.start <= amount.start < t.end for t in doc.tables)


def test_hwpx_and_hwp_agree_cell_by_cell() -> None:
    assert _cells(_doc("hwpx")) == _cells(_doc("hwp"))


def _data_tables(doc: Document) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(table shapes, cells) of the tables with units: the release's four and the annex's 16."""
    data = {t.table_id for t in doc.tables if t.units}
    shapes = [(t.table_id, t.caption, t.units, t.n_rows, t.n_cols) for t in doc.tables if t.table_id in data]
    return shapes, [c for c in _cells(doc) if c[0] in data]


def test_pdf_agrees_with_hwpx_cell_by_cell_on_every_data_table() -> None:
    """Dotted rules between figure and rate rows, row headers with an open left border, names
    spread over the cell width (``미    국``): the PDF's data tables are the HWPX's, cell by cell."""
    pdf, hwpx = _doc("pdf"), _doc("hwpx")
    assert len(pdf.tables) == len(hwpx.tables) == 21
    shapes, cells = _data_tables(pdf)
    assert len(shapes) == 20 and len(cells) == 1149
    assert (shapes, cells) == _data_tables(hwpx)


@pytest.mark.xfail(
    strict=True,
    reason="the contact box splits title, name and phone into cells with no rule between them; the PDF shows one cell",
)
def test_pdf_agrees_with_hwpx_cell_by_cell() -> None:
    assert _cells(_doc("pdf")) == _cells(_doc("hwpx"))
