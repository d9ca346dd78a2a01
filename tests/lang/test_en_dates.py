"""English dates on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pipeline.context import DocContext
from pipeline.lang.en import RULES
from schemas.models import Language
from tests.lang.test_en_amounts import sample_ctx  # noqa: F401  (fixture)

D = dt.date
# span, date_start, date_end, grain, relation, relative — every date in the sample, in order.
SAMPLE_DATES = [
    ("May 21, 2021", D(2021, 5, 21), D(2021, 5, 21), "day", "on", False),
    ("the 21st century", D(2001, 1, 1), D(2100, 12, 31), "century", "on", False),
    ("by 2024", D(2024, 1, 1), D(2024, 12, 31), "year", "by", False),
    ("this year", D(2021, 1, 1), D(2021, 12, 31), "year", "on", True),
    ("no later than 2050", D(2050, 1, 1), D(2050, 12, 31), "year", "by", False),
    ("early in October", D(2021, 10, 1), D(2021, 10, 10), "part_of_month", "on", True),
    ("2030", D(2030, 1, 1), D(2030, 12, 31), "year", "on", False),  # provisional enhanced 2030 target
    ("2030", D(2030, 1, 1), D(2030, 12, 31), "year", "on", False),  # final enhanced 2030 target
    ("no later than 2050", D(2050, 1, 1), D(2050, 12, 31), "year", "by", False),
    ("2030", D(2030, 1, 1), D(2030, 12, 31), "year", "on", False),  # 2030 targets
    ("2050", D(2050, 1, 1), D(2050, 12, 31), "year", "on", False),  # 2050 goals
    ("by 2050", D(2050, 1, 1), D(2050, 12, 31), "year", "by", False),
    ("no later than 2050", D(2050, 1, 1), D(2050, 12, 31), "year", "by", False),
    ("the 2020s", D(2020, 1, 1), D(2029, 12, 31), "decade", "on", False),
    ("post-2025", D(2025, 1, 1), D(2025, 12, 31), "year", "after", False),
    ("2022", D(2022, 1, 1), D(2022, 12, 31), "year", "on", False),  # the 2022 Conference
    ("the 21st Century", D(2001, 1, 1), D(2100, 12, 31), "century", "on", False),
]


def test_en_dates_on_sample(sample_ctx: DocContext) -> None:  # noqa: F811
    got = [
        (
            sample_ctx.text[m.start : m.end],
            m.fields.date_start,
            m.fields.date_end,
            m.fields.grain.value,
            m.fields.relation.value,
            m.fields.relative,
        )
        for m in RULES.dates(sample_ctx)
    ]
    assert got == SAMPLE_DATES


def test_en_relative_dates_need_a_doc_date(make_ctx: Callable[..., DocContext]) -> None:
    """Without a document date, `this year` cannot be resolved and is skipped; absolute dates stay."""
    ctx = make_ctx("this year and by 2024", language=Language.EN, doc_date=None)
    assert [ctx.text[m.start : m.end] for m in RULES.dates(ctx)] == ["by 2024"]
