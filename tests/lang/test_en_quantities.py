"""English quantities on the sample fact sheet (the expression corpus runs in ``test_corpus.py``)."""

from __future__ import annotations

from pipeline.context import DocContext
from pipeline.lang.en import RULES
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
