"""``Document`` checks every record with offsets against its text: a record moved, or with a
``text`` that is not the document's at its offsets, is rejected, list by list."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pipeline.extract import extract_file
from schemas.models import CLAUSE_LISTS, Commitment, Document

RAW = Path(__file__).resolve().parents[1] / "raw"


@cache
def _dumped() -> dict[str, Any]:
    return extract_file(RAW / "factsheet_2021-05-21_en.txt").model_dump()


def _lists_with(field: str) -> list[str]:
    doc = _dumped()
    return [
        name
        for name, records in doc.items()
        if isinstance(records, list) and records and isinstance(records[0], dict) and field in records[0]
    ]


def test_the_sample_has_records_in_every_checked_kind_of_list() -> None:
    assert {"sections", "paragraphs", "bullets", "actors", "amounts", "dates", "quantities", "commitments"} <= set(
        _lists_with("start")
    )


@pytest.mark.parametrize("name", _lists_with("start"))
def test_a_record_past_the_end_of_the_text_is_rejected(name: str) -> None:
    doc = _dumped()
    record = dict(doc[name][-1])
    n = len(doc["text"])
    record["start"], record["end"] = n + 1, n + 1 + (record["end"] - record["start"])
    if "text" in record:
        record["text"] = "x" * (record["end"] - record["start"])
    with pytest.raises(ValidationError, match=f"{name}: span .* outside text of length {n}"):
        Document.model_validate({**doc, name: [*doc[name][:-1], _without_inner_spans(record)]})


@pytest.mark.parametrize("name", _lists_with("text"))
def test_a_record_whose_text_is_not_the_documents_is_rejected(name: str) -> None:
    doc = _dumped()
    record = dict(doc[name][0])
    record["text"] = "\u2603" * len(record["text"])
    with pytest.raises(ValidationError, match=f"{name}: text .* differs from Document.text"):
        Document.model_validate({**doc, name: [_without_inner_spans(record), *doc[name][1:]]})


@pytest.mark.parametrize("name", CLAUSE_LISTS)
def test_a_clause_whose_object_is_not_the_text_at_its_offsets_is_rejected(name: str) -> None:
    doc = _dumped()
    records = [r for r in doc[name] if r["object"] is not None]
    assert records, "the sample has a clause with an object"
    record = dict(records[0])
    shift = record["start"]  # the clause moved to the text's start: its object is then other words
    record["object_start"] -= shift
    record["object_end"] -= shift
    record["start"] -= shift
    record["end"] -= shift
    record["text"] = doc["text"][record["start"] : record["end"]]
    record["predicate"] = record["predicate_start"] = record["predicate_end"] = None
    record["object"] = records[0]["object"]
    assert doc["text"][record["object_start"] : record["object_end"]] != record["object"]
    with pytest.raises(ValidationError):
        Document.model_validate({**doc, name: [record]})


def _without_inner_spans(record: dict[str, Any]) -> dict[str, Any]:
    """A clause record without its predicate and object spans (they must lie in the clause)."""
    if "object" in record:
        return {
            **record,
            "object": None,
            "object_start": None,
            "object_end": None,
            "predicate": None,
            "predicate_start": None,
            "predicate_end": None,
        }
    return record


def _clause() -> dict[str, Any]:
    """A commitment of the sample with both its object and its predicate."""
    return next(c for c in _dumped()["commitments"] if c["object"] is not None and c["predicate"] is not None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"object_start": None}, "object and its offsets must be given together"),
        ({"object": None}, "object and its offsets must be given together"),
        ({"predicate_end": None}, "predicate and its offsets must be given together"),
        ({"predicate": None, "predicate_start": None}, "predicate and its offsets must be given together"),
        ({"object": "\u2603"}, "object span .* must lie in the clause and match its text"),
        ({"predicate_start": -1}, "predicate span .* must lie in the clause and match its text"),
        ({"text": ""}, "commitment text does not match its offsets"),
    ],
)
def test_a_clause_with_inconsistent_inner_spans_is_rejected(change: dict[str, Any], message: str) -> None:
    Commitment.model_validate(_clause())
    with pytest.raises(ValidationError, match=message):
        Commitment.model_validate({**_clause(), **change})
