"""The one runner of every expression corpus: ``tests/corpus/<language>/<dimension>.yaml``.

Each row is checked against the language's registered rules (``pipeline.lang.registry``):
exactly the expected spans, in text order, and for each the listed model fields plus the
defaults of the fields left out. ``negatives.yaml`` rows name the dimensions that must find
nothing. A row with ``xfail`` runs as a strict xfail. The file header of each corpus states
the format; adding a case is adding one row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from pipeline.context import DocContext
from pipeline.lang.registry import rules_for
from schemas.models import AmountFields, DateFields, Language, QuantityFields
from tests.conftest import REFERENCE_DATE

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DIMENSIONS = ("amounts", "dates", "quantities")
FIELDS: dict[str, type[BaseModel]] = {"amounts": AmountFields, "dates": DateFields, "quantities": QuantityFields}
DEFAULTS: dict[str, dict[str, Any]] = {
    "amounts": {"qualifier": "exact", "value_max": None, "period": None, "per": None, "change": None},
    "dates": {"relation": "on", "relative": False},
    "quantities": {"iso": None, "value_max": None},
}
ROW_KEYS = {"group", "text", "expect", "none", "doc_date", "xfail"}


def _rows(language: str, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load((CORPUS / language / f"{name}.yaml").read_text(encoding="utf-8"))
    return rows


def _case_id(language: str, dimension: str, text: str) -> str:
    short = text if len(text) <= 60 else text[:57] + "..."
    return f"{language}/{dimension}: {short}"


def _params() -> list[Any]:
    """One param per (row, dimension): positives of each dimension file, then the negatives."""
    params: list[Any] = []
    for language in sorted(p.name for p in CORPUS.iterdir() if p.is_dir()):
        cases: list[tuple[str, dict[str, Any]]] = [(d, row) for d in DIMENSIONS for row in _rows(language, d)]
        for row in _rows(language, "negatives"):
            cases.extend((d, {**row, "expect": []}) for d in row["none"])
        for dimension, row in cases:
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            ident = _case_id(language, dimension, str(row["text"]))
            params.append(pytest.param(language, dimension, row, marks=marks, id=ident))
    return params


PARAMS = _params()


def _plain(value: Any) -> Any:
    """Comparable form of a field value: enums by value, numbers as Decimal, dates as dates."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return dt.date.fromisoformat(value)
    return value


@pytest.mark.parametrize(("language", "dimension", "row"), PARAMS)
def test_corpus(language: str, dimension: str, row: dict[str, Any], make_ctx: Callable[..., DocContext]) -> None:
    text = str(row["text"])
    doc_date = row.get("doc_date", REFERENCE_DATE)
    ctx = make_ctx(text, language=Language(language), doc_date=doc_date)
    extractor = getattr(rules_for(Language(language)), dimension)
    got = extractor(ctx)
    expect: list[dict[str, Any]] = row["expect"]
    spans = [text[m.start : m.end] for m in got]
    assert spans == [str(e["span"]) for e in expect], f"spans {spans} for {text!r}"
    for m, e in zip(got, expect, strict=True):
        wanted = {**DEFAULTS[dimension], **{k: v for k, v in e.items() if k != "span"}}
        actual = {k: _plain(getattr(m.fields, k)) for k in wanted}
        assert actual == {k: _plain(v) for k, v in wanted.items()}, f"{m.rule} on {text[m.start : m.end]!r}"
        assert m.rule.startswith(f"{language}."), m.rule


def test_corpus_rows_are_well_formed() -> None:
    """Every row has a group, a text and either `expect` or `none`; expected fields exist on the model."""
    seen = 0
    for language_dir in CORPUS.iterdir():
        for path in language_dir.glob("*.yaml"):
            for row in yaml.safe_load(path.read_text(encoding="utf-8")):
                seen += 1
                assert set(row) <= ROW_KEYS, (path.name, row)
                assert row.get("group") and row.get("text"), (path.name, row)
                assert ("none" in row) == (path.stem == "negatives"), (path.name, row)
                if path.stem == "negatives":
                    assert set(row["none"]) <= set(DIMENSIONS), row
                    continue
                fields = FIELDS[path.stem].model_fields
                for e in row["expect"]:
                    assert "span" in e and str(e["span"]) in str(row["text"]), (path.name, row["text"], e)
                    assert set(e) - {"span"} <= set(fields), (path.name, e)
    assert seen >= 400
