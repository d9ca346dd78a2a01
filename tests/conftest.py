"""Shared fixtures: one Kiwi per test session, and contexts built from snippets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from pipeline.context import DocContext, context_for_text
from pipeline.tokens import get_kiwi
from schemas.models import Language

REFERENCE_DATE = dt.date(2021, 5, 21)
"""Fixed document date for every expression corpus (like Duckling's reference time)."""


@pytest.fixture(scope="session")
def kiwi() -> object:
    return get_kiwi()


@pytest.fixture(scope="session")
def make_ctx(kiwi: object) -> Callable[..., DocContext]:
    """``make_ctx("미국은 25억불을", language=Language.KO, doc_date=...)`` -> DocContext."""

    def build(text: str, language: Language = Language.KO, doc_date: dt.date | None = REFERENCE_DATE) -> DocContext:
        return context_for_text(text, language=language, doc_date=doc_date)

    return build
