"""Cell numbers, units and period headers: table-driven, many forms per class."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.tabular.periods import period_of
from pipeline.tabular.units import mentions_rate, parse_unit, units_in_caption, units_in_note
from pipeline.tabular.values import is_figure, read_number

NUMBERS = [
    ("282.3", "282.3", False, ""),
    ("3,236.4", "3236.4", False, ""),
    ("12,032.6", "12032.6", False, ""),
    ("(147.8)", "147.8", True, ""),
    ("(△51.2)", "-51.2", True, ""),
    ("△0.8", "-0.8", False, ""),
    ("▲3.1", "-3.1", False, ""),
    ("▽2", "-2", False, ""),
    ("-7.9", "-7.9", False, ""),
    ("+160", "160", False, ""),
    ("12.5%", "12.5", False, "%"),
    ("+0.3%p", "0.3", False, "%p"),
    ("(△0.3%p)", "-0.3", True, "%p"),
    ("1,200억원", "1200", False, "억원"),
    ("$1,234", "1234", False, "$"),
]


@pytest.mark.parametrize(("text", "value", "parenthesized", "unit"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_cell_numbers(text: str, value: str, parenthesized: bool, unit: str) -> None:
    number = read_number(text)
    assert number is not None
    assert (number.value, number.parenthesized, number.unit_text) == (Decimal(value), parenthesized, unit)


NOT_NUMBERS = ["-", "–", "…", "", "25,00", "1,2345", "044-215-7630", "(044-215-7630)", "총투자", "△", "1.2.3"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_cell_numbers(text: str) -> None:
    assert read_number(text) is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [("176.8", True), ("1분기", False), ("2023년", False), ("‘23.1Q", False), ("12명", True), ("3개월 후", False)],
)
def test_figures_are_not_period_headers(text: str, figure: bool) -> None:
    assert is_figure(text) is figure


UNITS = [
    ("억 달러", "money", 10**8, "USD", None),
    ("억달러", "money", 10**8, "USD", None),
    ("백만 달러", "money", 10**6, "USD", None),
    ("조원", "money", 10**12, "KRW", None),
    ("억원", "money", 10**8, "KRW", None),
    ("십억원", "money", 10**9, "KRW", None),
    ("천 유로", "money", 1000, "EUR", None),
    ("in millions of USD", "money", 10**6, "USD", None),
    ("in thousands of U.S. dollars", "money", 1000, "USD", None),
    ("USD million", "money", 10**6, "USD", None),
    ("KRW billion", "money", 10**9, "KRW", None),
    ("$ millions", "money", 10**6, "USD", None),
    ("%", "percent", 1, None, "percent"),
    ("전년동기 대비 %", "percent", 1, None, "percent"),
    ("%p", "percent", 1, None, "percentage_point"),
    ("천 명", "count", 1000, None, "person"),
    ("명", "count", 1, None, "person"),
    ("개사", "count", 1, None, "company"),
    ("만 톤", "number", 10000, None, "tonne"),
    ("백만", "number", 10**6, None, None),
    ("thousands", "number", 1000, None, None),
]


@pytest.mark.parametrize(("text", "kind", "scale", "currency", "name"), UNITS, ids=[u[0] for u in UNITS])
def test_units(text: str, kind: str, scale: int, currency: str | None, name: str | None) -> None:
    unit = parse_unit(text)
    assert unit is not None
    assert (unit.kind, unit.scale, unit.currency, unit.name) == (kind, Decimal(scale), currency, name)


@pytest.mark.parametrize("text", ["전년동기 대비", "구분", "지원 달러", "억 달러 이상", "millions of widgets", ""])
def test_not_units(text: str) -> None:
    assert parse_unit(text) is None


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("(단위: 억 달러, %)", ["억 달러", "%"]),
        ("(단위 : 조원)", ["조원"]),
        ("(Unit: KRW billion)", ["KRW billion"]),
        ("(in millions of USD)", ["in millions of USD"]),
        ("단위: 천 명", ["천 명"]),
        ("(단위: 억 달러, 전년동기 대비 %)", ["억 달러", "전년동기 대비 %"]),
        ("2024년 수출 실적 (잠정)", None),
    ],
)
def test_unit_notes(text: str, units: list[str] | None) -> None:
    assert units_in_note(text) == units


def test_caption_units_come_from_its_last_parenthetical() -> None:
    assert units_in_caption("분기별 해외직접투자액 추이(억 달러, 전년동기 대비, %)") == ["억 달러", "%"]
    assert units_in_caption("Table 3. Revenue by segment (in millions of USD)") == ["in millions of USD"]
    assert units_in_caption("국가별 투자(미국, 중국)") == []


@pytest.mark.parametrize(
    ("header", "rate"),
    [
        ("증감률", True),
        ("증감률(%)", True),
        ("실업률", True),
        ("비중", True),
        ("YoY", True),
        ("총투자", False),
        ("Corporate", False),
        ("증감", False),
    ],
)
def test_rate_headers(header: str, rate: bool) -> None:
    assert mentions_rate(header) is rate


D = dt.date
PERIODS = [
    (["2023년", "1분기"], D(2023, 1, 1), D(2023, 3, 31), False),
    (["2024년 1분기"], D(2024, 1, 1), D(2024, 3, 31), False),
    (["2023년", "4/4분기"], D(2023, 10, 1), D(2023, 12, 31), False),
    (["‘23.1Q"], D(2023, 1, 1), D(2023, 3, 31), False),
    (["’24.1분기"], D(2024, 1, 1), D(2024, 3, 31), False),
    (["Q1 2024"], D(2024, 1, 1), D(2024, 3, 31), False),
    (["2024Q3"], D(2024, 7, 1), D(2024, 9, 30), False),
    (["FY2024"], D(2024, 1, 1), D(2024, 12, 31), False),
    (["2024년", "1~3월"], D(2024, 1, 1), D(2024, 3, 31), False),
    (["2024년 1~9월"], D(2024, 1, 1), D(2024, 9, 30), False),
    (["2024년", "9월p"], D(2024, 9, 1), D(2024, 9, 30), True),
    (["2023p"], D(2023, 1, 1), D(2023, 12, 31), True),
    (["2024년", "상반기"], D(2024, 1, 1), D(2024, 6, 30), False),
    (["2024.3"], D(2024, 3, 1), D(2024, 3, 31), False),
    (["'22년"], D(2022, 1, 1), D(2022, 12, 31), False),
    (["총투자", "2022년", "2분기"], D(2022, 4, 1), D(2022, 6, 30), False),
]


@pytest.mark.parametrize(("path", "start", "end", "preliminary"), PERIODS, ids=[" ".join(p[0]) for p in PERIODS])
def test_periods(path: list[str], start: dt.date, end: dt.date, preliminary: bool) -> None:
    period = period_of(path)
    assert period is not None
    assert (period.start, period.end, period.preliminary) == (start, end, preliminary)


@pytest.mark.parametrize(
    "path", [["1분기"], ["9월"], ["증감률"], ["2023년", "2024년"], ["구분"], ["2023년 1분기", "3분기"], ["Group"]]
)
def test_no_period(path: list[str]) -> None:
    assert period_of(path) is None
