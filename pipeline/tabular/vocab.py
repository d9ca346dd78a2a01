"""The table vocabulary (``pipeline/data/tables.yaml``), compiled once per process."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.lexicon import load_yaml


@cache
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("tables.yaml")
    return data


@cache
def patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """The regexes listed under ``key`` (captions, unit_notes, periods)."""
    return tuple(re.compile(p, re.IGNORECASE) for p in vocab()[key])


def words(key: str) -> tuple[str, ...]:
    """A word list, longest first (so ``%p`` is tried before ``%``)."""
    return tuple(sorted((str(w) for w in vocab()[key]), key=lambda w: (-len(w), w)))
