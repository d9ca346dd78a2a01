"""Bilingual actor gazetteer (placeholder until the gazetteer data file lands)."""

from __future__ import annotations

from collections.abc import Iterator


def kiwi_user_words() -> Iterator[tuple[str, str]]:
    """``(word, tag)`` pairs Kiwi should keep whole; none until the gazetteer exists."""
    yield from ()
