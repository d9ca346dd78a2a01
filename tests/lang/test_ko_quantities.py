"""Korean quantities: the expression corpus ``tests/corpus/ko_quantities.yaml``, the quantity
part of ``ko_negatives.yaml``, and the quantities of the sample fact sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from pipeline.lang.ko.quantities import extract_quantities
from pipeline.mentions import DocContext, Mention, context_for_text
from schemas.models import QuantityFields
from tests.lang.test_ko_amounts import SAMPLE, load_cases, negative_cases


def observed(ctx: DocContext, m: Mention[QuantityFields]) -> dict[str, Any]:
    f = m.fields
    return {"span": ctx.text[m.start : m.end], "value": f.value, "unit": f.unit, "kind": f.kind.value, "iso": f.iso}


def expected(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "span": str(entry["span"]),
        "value": Decimal(str(entry["value"])),
        "unit": entry["unit"],
        "kind": entry["kind"],
        "iso": entry.get("iso"),
    }


@pytest.mark.parametrize("case", load_cases("ko_quantities.yaml"))
def test_quantity_corpus(case: dict[str, Any], make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(case["text"])
    got = [observed(ctx, m) for m in extract_quantities(ctx)]
    assert got == [expected(e) for e in case["expect"]], case["text"]


@pytest.mark.parametrize("text", negative_cases("quantities"))
def test_quantity_negatives(text: str, make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(text)
    assert [ctx.text[m.start : m.end] for m in extract_quantities(ctx)] == [], text


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
