"""Korean number parsing: Arabic digits, Sino-Korean words, 만/억/조 and 천/백/십 in any mix."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from pipeline.context import DocContext
from pipeline.lang.ko.numbers import native_pattern, number_ok, number_pattern, parse_korean_number, parse_native

PARSED = [
    ("250", "250"),
    ("3,500억", "350000000000"),
    ("2.5억", "250000000"),
    ("1조 2천억", "1200000000000"),
    ("1조2천억", "1200000000000"),
    ("5억 4천만", "540000000"),
    ("1억 2,500만", "125000000"),
    ("4백만", "4000000"),
    ("2천5백만", "25000000"),
    ("2천500만", "25000000"),
    ("1억 5000", "100005000"),
    ("삼천만", "30000000"),
    ("일억 오천만", "150000000"),
    ("이만칠천", "27000"),
    ("사백만", "4000000"),
    ("육십억", "6000000000"),
    ("십억", "1000000000"),
    ("천만", "10000000"),
    ("백억", "10000000000"),
    ("10여억", "1000000000"),
    ("1억여", "100000000"),
    ("1.5", "1.5"),
    ("1,000", "1000"),
    ("0.5억", "50000000"),
]

REJECTED = ["", "억", "만", "억만", "1만 2억", "5백3천", "25,00", "1 2", "천 2억", "12 3"]


@pytest.mark.parametrize(("text", "value"), PARSED, ids=[t for t, _ in PARSED])
def test_parse(text: str, value: str) -> None:
    assert parse_korean_number(text) == Decimal(value)


@pytest.mark.parametrize("text", REJECTED, ids=[t or "<empty>" for t in REJECTED])
def test_reject(text: str) -> None:
    assert parse_korean_number(text) is None


# The regex finds the whole number, stopping before what follows it.
EXTENT = [
    ("1억 2,500만 원", "1억 2,500만"),
    ("2억 이상", "2억"),
    ("30일간", "30"),
    ("일억 오천만 원", "일억 오천만"),
    ("10여 명", "10여"),
    ("1조 2천억 원", "1조 2천억"),
]


@pytest.mark.parametrize(("text", "number"), EXTENT, ids=[t for t, _ in EXTENT])
def test_extent(text: str, number: str) -> None:
    m = re.compile(number_pattern()).search(text)
    assert m is not None and m.group() == number


# (text, the number's text, whether Kiwi's tokens agree it is a number)
TOKEN_CHECKS = [
    ("삼천만 원", "삼천만", True),
    ("10억 달러", "10억", True),
    ("백신 3억 회분", "백", False),  # 백 of 백신
    ("선도그룹의 일원으로서", "일", False),  # 일 of 일원
    ("사이버범죄 사건", "사", False),  # 사 of 사건
    ("COP26까지", "26", False),
    ("제7차 회의", "7", False),
    ("수십억 달러", "십억", False),
]


@pytest.mark.parametrize(("text", "number", "ok"), TOKEN_CHECKS, ids=[t for t, _, _ in TOKEN_CHECKS])
def test_number_ok(text: str, number: str, ok: bool, make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(text)
    start = text.index(number)
    assert number_ok(ctx, start, start + len(number)) is ok


# Native numerals written out by the orthography's rule (a ten, then a unit), independently of the lexicon.
_NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
_NATIVE_UNITS = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]


def _native_word(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("스무" if (tens, units) == (2, 0) else _NATIVE_TENS[tens]) + _NATIVE_UNITS[units]


@pytest.mark.parametrize("n", range(1, 100))
def test_native_numerals_one_to_ninety_nine(n: int) -> None:
    word = _native_word(n)
    assert parse_native(word, "명") == n
    assert re.fullmatch(native_pattern(), word), word


@pytest.mark.parametrize(
    ("word", "counter", "value"),
    [
        ("석", "달", 3),
        ("넉", "달", 4),
        ("석", "명", None),
        ("넉", "곳", None),
        ("열석", "달", None),
        ("스물", "명", None),
        ("스무두", "명", None),
        ("", "명", None),
        ("셋", "명", None),
    ],
)
def test_native_numerals_that_go_only_with_some_counters(word: str, counter: str, value: int | None) -> None:
    assert parse_native(word, counter) == value
