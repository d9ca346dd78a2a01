"""English money amounts: the expression corpus (``tests/corpus/en_amounts.yaml``), the shared
negatives and the sample fact sheet. Also holds the small corpus runner the other English
dimension tests import (``load_cases``, ``check_case``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.lang.en import RULES
from pipeline.mentions import DocContext, Mention, context_for_text
from schemas.models import Language

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SAMPLE = Path(__file__).resolve().parents[2] / "raw" / "factsheet_2021-05-21_en.txt"
SAMPLE_DATE = dt.date(2021, 5, 21)

AMOUNT_DEFAULTS: dict[str, Any] = {"qualifier": "exact", "value_max": None, "period": None, "per": None}


def _case_id(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "..."


def load_cases(corpus: str, dimension: str) -> list[Any]:
    """Positive cases of ``en_<corpus>.yaml`` plus the negatives that name ``dimension``, as pytest params."""
    params: list[Any] = []
    positives = yaml.safe_load((CORPUS / f"en_{corpus}.yaml").read_text(encoding="utf-8"))
    negatives = yaml.safe_load((CORPUS / "en_negatives.yaml").read_text(encoding="utf-8"))
    cases = positives + [{**n, "expect": []} for n in negatives if dimension in n["none"]]
    for case in cases:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        prefix = "neg: " if "none" in case else ""
        params.append(pytest.param(case["text"], case["expect"], marks=marks, id=prefix + _case_id(case["text"])))
    return params


def _plain(value: Any) -> Any:
    """Comparable form of a field value: enums by value, numbers as Decimal."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    return value


def check_case(
    text: str,
    expect: list[dict[str, Any]],
    extractor: Callable[[DocContext], list[Mention[Any]]],
    ctx: DocContext,
    defaults: dict[str, Any],
) -> None:
    """Exactly the expected mentions, in order; listed fields equal, unlisted defaulted fields at their default."""
    got = extractor(ctx)
    spans = [text[m.start : m.end] for m in got]
    assert spans == [e["span"] for e in expect], f"spans {spans} for {text!r}"
    for m, e in zip(got, expect, strict=False):
        wanted = {**defaults, **{k: v for k, v in e.items() if k != "span"}}
        actual = {k: _plain(getattr(m.fields, k)) for k in wanted}
        assert actual == {k: _plain(v) for k, v in wanted.items()}, f"{m.rule} on {text[m.start : m.end]!r}"
        assert m.rule.startswith("en."), m.rule
        assert ctx.text[m.start : m.end] == e["span"]


@pytest.mark.parametrize(("text", "expect"), load_cases("amounts", "amounts"))
def test_en_amount_corpus(text: str, expect: list[dict[str, Any]], make_ctx: Callable[..., DocContext]) -> None:
    check_case(text, expect, RULES.amounts, make_ctx(text, language=Language.EN), AMOUNT_DEFAULTS)


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

    from pipeline.mentions import DocContext, Structure

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
