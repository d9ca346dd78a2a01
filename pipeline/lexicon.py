"""Load the data files: shared ones (gazetteer, markers, currencies) in ``pipeline/data/``,
a language's own lexicons in ``pipeline/lang/<code>/data/``.

Rules read their vocabulary from here instead of carrying literals, so a linguist can edit a
YAML file without touching code. Files are read once per process and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    """Parse ``pipeline/data/<name>`` (a relative path such as ``ko/dates.yaml``)."""
    text = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_SafeLoader)  # a safe loader: the C one when PyYAML has it


@cache
def lang_yaml(code: str, name: str) -> Any:
    """Parse ``pipeline/lang/<code>/data/<name>``: a lexicon that belongs to one language."""
    text = resources.files("pipeline").joinpath("lang", code, "data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_SafeLoader)


def alternation(words: Iterable[str], space: str = r"\ ") -> str:
    """A regex alternation of ``words``, longest first so ``미국달러`` beats ``미`` and
    ``seventeen`` beats ``seven`` (ties in alphabetical order, so the pattern is the same in
    every process). A space inside a word becomes ``space`` (``\\s?`` in Korean, where
    spacing varies).

    >>> alternation(["불", "달러", "미국 달러"], space=r"\\s?")
    '미국\\\\s?달러|달러|불'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", space) for w in unique)
