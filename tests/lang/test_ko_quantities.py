"""Korean quantities on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.context import context_for_text
from pipeline.lang.ko.quantities import extract_quantities
from tests.lang.test_ko_amounts import SAMPLE

# The quantities of the 2021-05-21 fact sheet: span, value, unit, kind, iso.
SAMPLE_QUANTITIES = [
    ("9개국", Decimal(9), "country", "count", None),
    ("5년", Decimal(5), "year", "duration", "P5Y"),
    ("1.5도", Decimal("1.5"), "celsius", "measure", None),
    ("1.5도", Decimal("1.5"), "celsius", "measure", None),
    ("10명", Decimal(10), "person", "count", None),
]


def test_sample_quantities(kiwi: object) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    ctx = context_for_text(text, doc_date=dt.date(2021, 5, 21))
    got = [
        (text[m.start : m.end], m.fields.value, m.fields.unit, m.fields.kind.value, m.fields.iso) for m in extract_quantities(ctx)
    ]
    assert got == SAMPLE_QUANTITIES
