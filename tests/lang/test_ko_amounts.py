"""Korean money amounts on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from pipeline.context import DocContext, context_for_text
from pipeline.lang.ko import RULES
from pipeline.lang.ko.amounts import extract_amounts
from schemas.models import Language

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SAMPLE = Path(__file__).resolve().parents[2] / "raw" / "factsheet_2021-05-21_ko.txt"


# The four amounts of the 2021-05-21 fact sheet: span, value, qualifier, display, period.
SAMPLE_AMOUNTS = [
    ("250억불 이상", Decimal("25000000000"), "at_least", "$25B", None),
    ("25억불", Decimal("2500000000"), "exact", "$2.5B", None),
    ("10억불", Decimal("1000000000"), "exact", "$1B", None),
    ("2억불", Decimal("200000000"), "exact", "$200M", "P5Y"),
]


def test_sample_amounts(kiwi: object) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    ctx = context_for_text(text, doc_date=dt.date(2021, 5, 21))
    got = [
        (text[m.start : m.end], m.fields.value, m.fields.qualifier.value, m.fields.display, m.fields.period)
        for m in extract_amounts(ctx)
    ]
    assert got == SAMPLE_AMOUNTS
    assert all(m.fields.currency == "USD" for m in extract_amounts(ctx))


def test_rules_entry_point() -> None:
    assert RULES.language == Language.KO
    assert RULES.amounts is extract_amounts


def test_spans_point_into_text(make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx("약 3천만 달러와 2억~3억 달러, 그리고 $1.5 billion")
    for m in extract_amounts(ctx):
        assert 0 <= m.start < m.end <= len(ctx.text)
        assert m.rule.startswith("ko.amount.")
