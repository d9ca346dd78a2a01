"""The commitments corpus (``tests/corpus/commitments.yaml``) and the sample fact sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.extract import build_document, extract_file
from pipeline.readers import read_bytes
from schemas.models import Commitment, Document

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FILES = ("commitments.yaml", "commitments_heldout.yaml", "commitments_press.yaml")
"""Developed on (``commitments.yaml``), held out (``commitments_heldout.yaml``, written after
the rules were frozen, measured once, then kept as a regression suite) and press releases
(``commitments_press.yaml``: statistics and ministries' announcements, measured before the
rules for them were written)."""
CORPORA = {name: yaml.safe_load((ROOT / "tests/corpus" / name).read_text(encoding="utf-8")) for name in CORPUS_FILES}
CORPUS = CORPORA["commitments.yaml"]
FIELDS = ("action", "modality", "parties", "counterparts", "sectors", "only_sectors", "object", "period", "deadline")


def _marks(case: dict[str, Any]) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []


CASES = [
    pytest.param(lang, case, id=f"{name.split('.')[0]}:{lang}:{case['text']}#{case.get('pick', 0)}", marks=_marks(case))
    for name, corpus in CORPORA.items()
    for lang in ("ko", "en")
    for case in corpus[lang]
]


TITLES = {"ko": "대한민국 정부 보도자료", "en": "Republic of Korea Government press release"}


def _doc(text: str, language: str) -> Document:
    """The clause as the one paragraph of a press release of the Korean government (the title
    names the issuing party, as real press releases do)."""
    raw = f"{TITLES[language]}\n\n{text}\n".encode()
    return build_document(read_bytes(raw, "case.txt"), "case", "case.txt", language)


def _row(doc: Document, pick: int) -> Commitment:
    if doc.amounts:
        return next(c for c in doc.commitments if doc.amounts[pick].mention_id in c.amount_ids)
    return doc.commitments[0]


def field_errors(row: Commitment, case: dict[str, Any]) -> list[str]:
    """The fields of ``case`` that ``row`` gets wrong."""
    wrong = []
    for field in FIELDS:
        if field not in case:
            continue
        got = getattr(row, "sectors" if field == "only_sectors" else field)
        want = case[field]
        if field == "only_sectors":
            ok = sorted(got) == sorted(want)  # a wrong sector is an error, not only a missing one
        elif field == "sectors":
            ok = set(want) <= set(got)
        elif field == "object":
            ok = got is not None and want in got
        elif field == "deadline":
            ok = got == dt.date.fromisoformat(want)
        elif field in ("action", "modality"):
            ok = got.value == want
        else:
            ok = got == want
        if not ok:
            wrong.append(f"{field}: got {got!r}, want {want!r}")
    return wrong


@pytest.mark.parametrize(("language", "case"), CASES)
def test_corpus_clause(language: str, case: dict[str, Any]) -> None:
    doc = _doc(case["text"], language)
    if case.get("rows") == 0:
        assert doc.commitments == []
        return
    assert field_errors(_row(doc, case.get("pick", 0)), case) == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_amount_in_exactly_one_commitment(language: str) -> None:
    for case in (case for corpus in CORPORA.values() for case in corpus[language]):
        doc = _doc(case["text"], language)
        held = [i for c in doc.commitments for i in c.amount_ids]
        assert sorted(held) == sorted(a.mention_id for a in doc.amounts)


def test_sample_amounts_in_commitments_agree_across_languages() -> None:
    docs = {lang: extract_file(ROOT / f"raw/factsheet_2021-05-21_{lang}.txt") for lang in ("ko", "en")}
    fields = {}
    for lang, doc in docs.items():
        rows = []
        for amount in doc.amounts:
            (row,) = [c for c in doc.commitments if amount.mention_id in c.amount_ids]
            rows.append((amount.display, tuple(sorted(row.parties)), row.action.value, row.modality.value, tuple(row.sectors)))
        fields[lang] = rows
    assert fields["ko"] == fields["en"]
    assert [r[:4] for r in fields["ko"]] == [
        ("$25B", ("KOR", "USA"), "invest", "welcomed"),
        ("$2.5B", ("USA",), "fund", "committed"),
        ("$1B", ("KOR",), "fund", "committed"),
        ("$200M", ("KOR",), "fund", "committed"),
    ]
    assert "telecom" in fields["ko"][1][4] and "health" in fields["ko"][3][4]
