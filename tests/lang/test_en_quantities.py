"""English quantities on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.context import DocContext
from pipeline.lang.en import RULES
from schemas.models import Language
from tests.lang.test_en_amounts import sample_ctx  # noqa: F401  (fixture)

# span, value, unit, kind, iso — every quantity in the sample, in order.
SAMPLE_QUANTITIES = [
    ("two countries", "2", "country", "count", None),
    ("nine other nations", "9", "country", "count", None),
    ("five years", "5", "year", "duration", "P5Y"),
    ("1.5 degrees Celsius", "1.5", "celsius", "measure", None),
    ("1.5 degrees Celsius", "1.5", "celsius", "measure", None),
    ("two countries", "2", "country", "count", None),
    ("two countries", "2", "country", "count", None),
    ("two countries", "2", "country", "count", None),
    ("10 participants", "10", "person", "count", None),
    ("two countries", "2", "country", "count", None),
    ("two countries", "2", "country", "count", None),
]


def test_en_quantities_on_sample(sample_ctx: DocContext) -> None:  # noqa: F811
    got = [
        (sample_ctx.text[m.start : m.end], str(m.fields.value), m.fields.unit, m.fields.kind.value, m.fields.iso)
        for m in RULES.quantities(sample_ctx)
    ]
    assert got == SAMPLE_QUANTITIES


@pytest.mark.parametrize(
    "spread",
    ["over five years", "over one and a half years", "over 1.5 years", "over two decades", "over 18 months", "over 2.5 months"],
)
def test_amount_period_is_the_duration_of_the_same_words(spread: str, make_ctx: Callable[..., DocContext]) -> None:
    """The amount rules and the quantity rules read a spread of time alike: an amount's period
    is the ISO duration of the quantity found in the same words (both null when it has none)."""
    ctx = make_ctx(f"The fund will provide $40 million {spread}.", language=Language.EN)
    [amount] = RULES.amounts(ctx)
    [quantity] = RULES.quantities(ctx)
    assert quantity.fields.kind.value == "duration"
    assert amount.fields.period == quantity.fields.iso
