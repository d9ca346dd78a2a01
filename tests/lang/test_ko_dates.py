"""Korean dates: the expression corpus ``tests/corpus/ko_dates.yaml``, the date part of
``ko_negatives.yaml``, and the dates of the sample fact sheet (written as a table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from pipeline.lang.ko.dates import extract_dates
from pipeline.mentions import DocContext, Mention, context_for_text
from schemas.models import DateFields
from tests.lang.test_ko_amounts import SAMPLE, load_cases, negative_cases


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def observed(ctx: DocContext, m: Mention[DateFields]) -> dict[str, Any]:
    f = m.fields
    return {
        "span": ctx.text[m.start : m.end],
        "start": f.date_start,
        "end": f.date_end,
        "grain": f.grain.value,
        "relation": f.relation.value,
        "relative": f.relative,
    }


def expected(entry: dict[str, Any]) -> dict[str, Any]:
    """A corpus expectation: ``date`` is a one-day range; defaults relation on, relative false."""
    first = _day(entry["date"] if "date" in entry else entry["start"])
    last = _day(entry["date"] if "date" in entry else entry["end"])
    return {
        "span": str(entry["span"]),
        "start": first,
        "end": last,
        "grain": entry["grain"],
        "relation": entry.get("relation", "on"),
        "relative": entry.get("relative", False),
    }


@pytest.mark.parametrize("case", load_cases("ko_dates.yaml"))
def test_date_corpus(case: dict[str, Any], make_ctx: Callable[..., DocContext]) -> None:
    doc_date = _day(case["doc_date"]) if case.get("doc_date") else None
    ctx = make_ctx(case["text"]) if "doc_date" not in case else make_ctx(case["text"], doc_date=doc_date)
    got = [observed(ctx, m) for m in extract_dates(ctx)]
    assert got == [expected(e) for e in case["expect"]], case["text"]


@pytest.mark.parametrize("text", negative_cases("dates"))
def test_date_negatives(text: str, make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(text)
    assert [ctx.text[m.start : m.end] for m in extract_dates(ctx)] == [], text


Y = "year"
# Every date of the 2021-05-21 fact sheet, in text order: span, first day, last day, grain,
# relation, relative.
SAMPLE_DATES = [
    ("2021년 5월 21일", "2021-05-21", "2021-05-21", "day", "on", False),
    ("21세기", "2001-01-01", "2100-12-31", "century", "on", False),
    ("2024년", "2024-01-01", "2024-12-31", Y, "by", False),
    ("금년", "2021-01-01", "2021-12-31", Y, "on", True),
    ("2050년", "2050-01-01", "2050-12-31", Y, "by", False),
    ("2050", "2050-01-01", "2050-12-31", Y, "on", False),
    ("2030", "2030-01-01", "2030-12-31", Y, "on", False),
    ("10월 초순", "2021-10-01", "2021-10-10", "part_of_month", "on", True),
    ("2030", "2030-01-01", "2030-12-31", Y, "on", False),
    ("2030", "2030-01-01", "2030-12-31", Y, "on", False),
    ("2050", "2050-01-01", "2050-12-31", Y, "on", False),
    ("2050", "2050-01-01", "2050-12-31", Y, "on", False),
    ("2050년", "2050-01-01", "2050-12-31", Y, "by", False),
    ("2020년대", "2020-01-01", "2029-12-31", "decade", "on", False),
    ("post-2025", "2025-01-01", "2025-12-31", Y, "after", False),
    ("2022년", "2022-01-01", "2022-12-31", Y, "on", False),
    ("21세기", "2001-01-01", "2100-12-31", "century", "on", False),
]


def test_sample_dates(kiwi: object) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    ctx = context_for_text(text, doc_date=dt.date(2021, 5, 21))
    got = [
        (
            text[m.start : m.end],
            m.fields.date_start.isoformat(),
            m.fields.date_end.isoformat(),
            m.fields.grain.value,
            m.fields.relation.value,
            m.fields.relative,
        )
        for m in extract_dates(ctx)
    ]
    assert got == SAMPLE_DATES
