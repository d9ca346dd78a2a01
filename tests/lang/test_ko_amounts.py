"""Korean money amounts: the expression corpus ``tests/corpus/ko_amounts.yaml`` (positives),
the amount part of ``ko_negatives.yaml``, and the amounts of the sample fact sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.lang.ko import RULES
from pipeline.lang.ko.amounts import extract_amounts
from pipeline.mentions import DocContext, Mention, context_for_text
from schemas.models import AmountFields, Language

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SAMPLE = Path(__file__).resolve().parents[2] / "raw" / "factsheet_2021-05-21_ko.txt"


def load_cases(name: str) -> list[Any]:
    """One ``pytest.param`` per corpus entry, id = the Korean input; ``xfail`` entries strict."""
    entries = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    params = []
    for entry in entries:
        marks = [pytest.mark.xfail(reason=entry["xfail"], strict=True)] if entry.get("xfail") else []
        params.append(pytest.param(entry, id=entry["text"], marks=marks))
    return params


def negative_cases(dimension: str) -> list[Any]:
    """Negative corpus entries that must yield nothing in ``dimension``."""
    entries = yaml.safe_load((CORPUS / "ko_negatives.yaml").read_text(encoding="utf-8"))
    return [pytest.param(e["text"], id=e["text"]) for e in entries if dimension in e["none"]]


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def observed(ctx: DocContext, m: Mention[AmountFields], keys: set[str]) -> dict[str, Any]:
    """The fields of ``m`` in the corpus vocabulary, restricted to ``keys``."""
    f = m.fields
    row = {
        "span": ctx.text[m.start : m.end],
        "value": f.value,
        "currency": f.currency,
        "qualifier": f.qualifier.value,
        "value_max": f.value_max,
        "period": f.period,
        "per": f.per,
        "display": f.display,
    }
    return {k: v for k, v in row.items() if k in keys}


def expected(entry: dict[str, Any]) -> dict[str, Any]:
    """A corpus expectation with model defaults filled in (display only when given)."""
    row = {"qualifier": "exact", "value_max": None, "period": None, "per": None, **entry}
    row["value"], row["value_max"] = _dec(row["value"]), _dec(row["value_max"])
    return row


@pytest.mark.parametrize("case", load_cases("ko_amounts.yaml"))
def test_amount_corpus(case: dict[str, Any], make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(case["text"])
    want = [expected(e) for e in case["expect"]]
    got = [observed(ctx, m, set(w)) for m, w in zip(extract_amounts(ctx), want, strict=False)]
    found = [ctx.text[m.start : m.end] for m in extract_amounts(ctx)]
    assert len(found) == len(want), f"{case['text']!r}: found {found}"
    assert got == want, case["text"]


@pytest.mark.parametrize("text", negative_cases("amounts"))
def test_amount_negatives(text: str, make_ctx: Callable[..., DocContext]) -> None:
    ctx = make_ctx(text)
    assert [ctx.text[m.start : m.end] for m in extract_amounts(ctx)] == [], text


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
