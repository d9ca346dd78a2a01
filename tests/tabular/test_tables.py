"""Whole tables through ``build_document``: plain-text tables and tables as a reader gives them
(merged cells), Korean statistical releases and English accounts."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from pipeline.extract import build_document
from pipeline.readers import ReadResult, Table, TableCell
from pipeline.readers.text import TextReader
from pipeline.run import run_extract
from pipeline.validate import validate_dir
from schemas.models import DataCell, Document


def from_text(text: str, doc_id: str = "표") -> Document:
    return build_document(TextReader().read(text.encode("utf-8"), f"{doc_id}.txt"), doc_id, f"{doc_id}.txt")


def cell(doc: Document, row_header: list[str], col_header: list[str]) -> DataCell:
    (found,) = [c for c in doc.table_cells if c.row_header == row_header and c.col_header == col_header]
    return found


def summary(c: DataCell) -> tuple[Any, ...]:
    return (c.value, c.kind.value, c.currency, c.unit, c.date_start, c.date_end, c.preliminary)


QUARTERLY = (
    "해외직접투자 동향\n\n"
    "□ 2024년 1분기 해외직접투자는 150.9억 달러로 전년동기 대비 14.6% 감소하였다.\n\n"
    "< 분기별 해외직접투자액 추이(억 달러, 전년동기 대비, %) >\n"
    "구분\t2022년\t\t\t\t2023년\t\t\t\t2024년\n"
    "\t1분기\t2분기\t3분기\t4분기\t1분기\t2분기\t3분기\t4분기\t1분기\n"
    "총투자\t282.3\t198.5\t184.8\t150.9\t176.8\t159.8\t150.5\t157.7\t150.9\n"
    "증감률\t(147.8)\t(16.6)\t(5.2)\t(△51.2)\t(△37.4)\t(△19.5)\t(△18.5)\t(4.5)\t(△14.6)\n"
)


def test_korean_quarterly_table_in_text() -> None:
    doc = from_text(QUARTERLY)
    (table,) = doc.tables
    assert (table.table_id, table.caption, table.units, table.n_rows, table.n_cols) == (
        "표:t1",
        "< 분기별 해외직접투자액 추이(억 달러, 전년동기 대비, %) >",
        ["억 달러", "%"],
        4,
        10,
    )
    assert len(doc.table_cells) == 18
    q1 = (dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    assert summary(cell(doc, ["총투자"], ["2023년", "1분기"])) == (Decimal("17680000000"), "money", "USD", None, *q1, False)
    assert summary(cell(doc, ["총투자", "증감률"], ["2023년", "1분기"])) == (
        Decimal("-37.4"),
        "percent",
        None,
        "percent",
        *q1,
        False,
    )
    assert cell(doc, ["총투자", "증감률"], ["2022년", "1분기"]).value == Decimal("147.8")  # parentheses wrap, not negate
    # the running text keeps its amount; the table's numbers are only in table_cells
    assert [a.text for a in doc.amounts] == ["150.9억 달러"]
    assert all(not (table.start <= m.start < table.end) for m in [*doc.amounts, *doc.dates, *doc.quantities])


def test_employment_table_with_note_preliminary_and_percentage_points() -> None:
    doc = from_text(
        "【 고용 동향 】\n(단위: 천 명, %)\n구분\t2023년\t2024년p\t증감\n취업자\t28,416\t28,576\t+160\n실업률\t2.7\t2.8\t0.1%p\n"
    )
    (table,) = doc.tables
    assert (table.caption, table.units) == ("【 고용 동향 】", ["천 명", "%"])
    year = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert summary(cell(doc, ["취업자"], ["2024년p"])) == (Decimal("28576000"), "count", None, "person", *year, True)
    assert summary(cell(doc, ["취업자"], ["증감"])) == (Decimal("160000"), "count", None, "person", None, None, False)
    assert summary(cell(doc, ["실업률"], ["2023년"]))[:4] == (Decimal("2.7"), "percent", None, "percent")
    assert summary(cell(doc, ["실업률"], ["증감"]))[:4] == (Decimal("0.1"), "percent", None, "percentage_point")
    assert not doc.quantities  # "천 명" of the unit note is no quantity


def test_english_accounts_in_millions_parentheses_are_negative() -> None:
    doc = from_text(
        "Quarterly results\n\nTable 2. Operating results\n(in millions of USD)\n"
        "Item\tQ1 2024\tQ2 2024\tFY2023\nRevenue\t1,250.5\t1,310.0\t4,820\nNet income\t(35.2)\t12.4\t-\n",
        doc_id="results",
    )
    (table,) = doc.tables
    assert (table.caption, table.units) == ("Table 2. Operating results", ["in millions of USD"])
    q1 = (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert summary(cell(doc, ["Revenue"], ["Q1 2024"])) == (Decimal("1250500000"), "money", "USD", None, *q1, False)
    assert cell(doc, ["Net income"], ["Q1 2024"]).value == Decimal("-35200000")
    dash = cell(doc, ["Net income"], ["FY2023"])
    assert (dash.value, dash.kind.value, dash.date_start) == (None, "text", dt.date(2023, 1, 1))
    assert not doc.amounts


def test_undecidable_unit_is_a_plain_number() -> None:
    doc = from_text("< 주요 지표(억원, 명, %) >\n구분\t2023년\t2024년\n사업비\t120\t150\n참여\t30\t45\n")
    assert {(c.kind.value, c.value) for c in doc.table_cells} == {("number", Decimal(v)) for v in ("120", "150", "30", "45")}


def test_row_periods_and_column_categories() -> None:
    rows = "구분\t금융보험업\t제조업\n‘23.1Q\t66.8\t63.2\n‘24.1Q\t55.0\t40.5\n증감률(%)\t(△17.8)\t(△35.9)\n"
    doc = from_text(f"< 업종별 투자(억 달러, %) >\n{rows}")
    assert summary(cell(doc, ["‘24.1Q"], ["제조업"])) == (
        Decimal("4050000000"),
        "money",
        "USD",
        None,
        dt.date(2024, 1, 1),
        dt.date(2024, 3, 31),
        False,
    )
    assert summary(cell(doc, ["증감률(%)"], ["금융보험업"]))[:2] == (Decimal("-17.8"), "percent")


def test_single_lines_with_a_tab_are_no_table() -> None:
    assert from_text("제목\n\n가\t나\n\n본문 25억불\n").tables == []


def _reader_document(lines: list[list[tuple[str, int, int]]], before: str, fmt: str = "hwpx") -> Document:
    """A document whose reader gave one table: ``lines`` are rows of (text, rowspan, colspan)
    cells placed left to right in the free grid slots (as HWPX lists them)."""
    text = before
    cells: list[TableCell] = []
    taken: set[tuple[int, int]] = set()
    start = len(text)
    for r, row in enumerate(lines):
        c = 0
        for content, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            s = len(text)
            text += content + "\n"
            cells.append(TableCell(r, c, s, s + len(content), rowspan, colspan))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    end = len(text) - 1
    text += "\n끝.\n"
    raw = ReadResult(
        text=text,
        format=fmt,
        encoding="utf-8",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        tables=[Table(start, end, cells)],
    )
    return build_document(raw, "merged", "merged.hwpx")


def test_merged_cells_corner_unit_and_unlabelled_rate_row() -> None:
    head = [("(단위 : 조원)", 2, 1), ("2023년", 1, 2), ("2024년", 1, 2)]
    sub = [("상반기", 1, 1), ("하반기", 1, 1), ("상반기", 1, 1), ("하반기p", 1, 1)]
    body = [("국세수입", 2, 1), ("178.5", 1, 1), ("165.4", 1, 1), ("168.6", 1, 1), ("△", 1, 1)]
    rate = [("(△10.0)", 1, 1), ("(△8.1)", 1, 1), ("(△5.5)", 1, 1), ("-", 1, 1)]
    doc = _reader_document([head, sub, body, rate], "세수 동향\n\n")
    (table,) = doc.tables
    assert (table.units, table.n_rows, table.n_cols, table.caption) == (["조원"], 4, 5, None)
    h2 = (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    (first,) = [c for c in doc.table_cells if c.row == 2 and c.col_header == ["2024년", "상반기"]]
    assert first.row_header == ["국세수입"]
    assert next(c for c in doc.table_cells if c.row == 2).value == Decimal("178500000000000")
    assert (first.value, first.kind.value, first.currency) == (Decimal("168600000000000"), "money", "KRW")
    # the second row under the merged 국세수입 has only "(…)": one unit listed, so it is money, not a guess at %
    assert [c.kind.value for c in doc.table_cells if c.row == 3] == ["money", "money", "money", "text"]
    assert [(c.date_start, c.date_end, c.preliminary) for c in doc.table_cells if c.col == 4] == [(*h2, True), (*h2, True)]


def test_unlabelled_parenthesized_row_is_the_rate_when_caption_lists_both() -> None:
    head = [("구 분", 2, 2), ("2022년", 1, 2), ("2023년", 1, 1)]
    sub = [("1분기", 1, 1), ("2분기", 1, 1), ("1분기", 1, 1)]
    body = [("전 체", 2, 2), ("282.3", 1, 1), ("198.5", 1, 1), ("176.8", 1, 1)]
    rate = [("(147.8)", 1, 1), ("(16.6)", 1, 1), ("(△37.4)", 1, 1)]
    doc = _reader_document([head, sub, body, rate], "세부 통계(단위: 억 달러, 전년동기 대비 %)\n")
    assert doc.tables[0].units == ["억 달러", "전년동기 대비 %"]
    rows = {(c.row, c.col): (c.value, c.kind.value, c.row_header, c.col_header) for c in doc.table_cells}
    assert rows[(2, 4)] == (Decimal("17680000000"), "money", ["전 체"], ["2023년", "1분기"])
    assert rows[(3, 4)] == (Decimal("-37.4"), "percent", ["전 체"], ["2023년", "1분기"])


@pytest.mark.parametrize("sign", ["△", "▲", "▽"])
def test_decrease_marks_make_money_negative(sign: str) -> None:
    doc = from_text(f"(단위: 억원)\n구분\t2023년\t2024년\n세수\t100\t{sign}12\n")
    assert cell(doc, ["세수"], ["2024년"]).value == Decimal("-1200000000")


def test_tables_are_written_and_validated(tmp_path: Path) -> None:
    source = tmp_path / "보도자료.txt"
    source.write_text(QUARTERLY, encoding="utf-8")
    out = tmp_path / "out"
    run_extract([source], out)
    assert validate_dir(out) == []
    tables = pq.read_table(out / "tables.parquet").to_pylist()
    cells = pq.read_table(out / "table_cells.parquet")
    assert [t["table_id"] for t in tables] == ["보도자료:t1"]
    assert cells.num_rows == 18
    assert str(cells.schema.field("value").type) == "decimal128(38, 6)"
    # a hand-edited cell no longer matches the table
    pq.write_table(cells.slice(1), out / "table_cells.parquet")
    assert any("table_cells.parquet" in problem for problem in validate_dir(out))


def test_annex_note_in_a_layout_box_holds_for_the_tables_below() -> None:
    head = [("구 분", 1, 1), ("2023년", 1, 1), ("2024년", 1, 1)]
    first = [head, [("제조업", 1, 1), ("63.2", 1, 1), ("40.5", 1, 1)]]
    second = [head, [("미국", 1, 1), ("87.1", 1, 1), ("(△29.8)", 1, 1)]]
    text, tables = "보도자료\n", []
    box = "별첨 세부 통계(단위: 억 달러, 전년동기 대비 %)"
    s = len(text)
    text += box + "\n1. 업종별 동향\n"
    tables.append(Table(s, s + len(box), [TableCell(0, 0, s, s + len(box))]))  # a one-cell layout box
    for rows in (first, second):
        start, cells = len(text), []
        for r, row in enumerate(rows):
            for c, (content, _, _) in enumerate(row):
                cells.append(TableCell(r, c, len(text), len(text) + len(content)))
                text += content + "\n"
        tables.append(Table(start, len(text) - 1, cells))
        text += "2. 국가별 동향\n"
    raw = ReadResult(text=text, format="hwpx", encoding="utf-8", sha256="0" * 64, tables=tables)
    doc = build_document(raw, "annex", "annex.hwpx")
    assert [(t.table_id, t.units) for t in doc.tables] == [
        ("annex:t1", ["억 달러", "전년동기 대비 %"]),
        ("annex:t2", ["억 달러", "전년동기 대비 %"]),
    ]
    assert [(c.value, c.kind.value) for c in doc.table_cells] == [
        (Decimal("6320000000"), "money"),
        (Decimal("4050000000"), "money"),
        (Decimal("8710000000"), "money"),
        (Decimal("-29.8"), "percent"),
    ]


def test_a_one_row_box_is_no_table_and_its_amount_stays_running_text() -> None:
    line = "‘24년 1분기 해외직접투자는 150.9억 달러로 감소"
    text = f"보도자료\n{line}\n"
    box = Table(9, 9 + len(line), [TableCell(0, 0, 9, 9 + len(line))])
    raw = ReadResult(text=text, format="hwpx", encoding="utf-8", sha256="0" * 64, tables=[box])
    doc = build_document(raw, "box", "box.hwpx")
    assert doc.tables == []
    assert [a.text for a in doc.amounts] == ["150.9억 달러"]


def test_a_value_the_decimal_column_cannot_hold_is_left_out() -> None:
    doc = from_text("(단위: %)\n구분\t2023년\t2024년\n비중\t0.1234567\t12.5\n")
    assert [(c.value, c.kind.value) for c in doc.table_cells] == [(None, "text"), (Decimal("12.5"), "percent")]
