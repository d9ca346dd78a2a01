"""English money amounts on the sample fact sheet, without a document date, and on a large text
(the expression corpus runs in ``test_corpus.py``); holds the ``sample_ctx`` fixture."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.context import DocContext, context_for_text
from pipeline.lang.en import RULES
from schemas.models import Language

SAMPLE = Path(__file__).resolve().parents[2] / "raw" / "factsheet_2021-05-21_en.txt"
SAMPLE_DATE = dt.date(2021, 5, 21)


# span, value, currency, qualifier, display, period — the whole list of amounts in the sample, in order.
SAMPLE_AMOUNTS = [
    ("more than $25 billion", "25000000000", "USD", "more_than", "$25B", None),
    ("$2.5 billion", "2500000000", "USD", "exact", "$2.5B", None),
    ("$1 billion", "1000000000", "USD", "exact", "$1B", None),
    ("$200 million", "200000000", "USD", "exact", "$200M", "P5Y"),
]


@pytest.fixture(scope="module")
def sample_ctx(kiwi: object) -> DocContext:
    return context_for_text(SAMPLE.read_text(encoding="utf-8"), language=Language.EN, doc_date=SAMPLE_DATE)


def test_en_amounts_on_sample(sample_ctx: DocContext) -> None:
    got = [
        (
            sample_ctx.text[m.start : m.end],
            str(m.fields.value),
            m.fields.currency,
            m.fields.qualifier.value,
            m.fields.display,
            m.fields.period,
        )
        for m in RULES.amounts(sample_ctx)
    ]
    assert got == SAMPLE_AMOUNTS


def test_en_amount_without_doc_date(make_ctx: Callable[..., DocContext]) -> None:
    """Amounts never depend on the document date."""
    [m] = RULES.amounts(make_ctx("a grant of $5 million", language=Language.EN, doc_date=None))
    assert m.fields.display == "$5M"


def test_en_amounts_linear_on_large_text() -> None:
    """A 5 MB document must not trigger quadratic scans (no tokens needed for the regex rules)."""
    import time

    from pipeline.context import DocContext, Structure

    chunk = SAMPLE.read_text(encoding="utf-8")
    text = chunk * (5_000_000 // len(chunk))
    ctx = DocContext("big", text, Language.EN, Structure(None, SAMPLE_DATE, [], [], []), tokens=[])
    t0 = time.perf_counter()
    n_amounts = len(RULES.amounts(ctx))
    n_dates = len(RULES.dates(ctx))
    n_quantities = len(RULES.quantities(ctx))
    elapsed = time.perf_counter() - t0
    copies = 5_000_000 // len(chunk)
    assert n_amounts == 4 * copies and n_dates == 17 * copies and n_quantities > 0
    assert elapsed < 60, elapsed
