"""Korean dates on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

import datetime as dt

from pipeline.context import context_for_text
from pipeline.lang.ko.dates import extract_dates
from tests.lang.test_ko_amounts import SAMPLE

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
