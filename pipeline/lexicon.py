"""Load the data files: shared ones (gazetteer, markers, currencies) in ``pipeline/data/``,
a language's own lexicons in ``pipeline/lang/<code>/data/``.

Rules read their vocabulary from here instead of carrying literals, so a linguist can edit a
YAML file without touching code. Files are read once per process and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pipeline.text_utils import has_hangul

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


def latin_bounded(words: Iterable[str], space: str = r"\ ") -> str:
    """As :func:`alternation`, for patterns without word boundaries (Korean, where particles
    attach to words): a word starting or ending with a Latin letter (``MOU``, ``R&D``) is not
    matched inside a longer Latin word (``MOUNT``).

    >>> latin_bounded(["MOU", "협력"])
    '(?<![A-Za-z])MOU(?![A-Za-z])|협력'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    parts = []
    for word in unique:
        part = re.escape(word).replace(r"\ ", space)
        if word[:1].isascii() and word[:1].isalpha():
            part = r"(?<![A-Za-z])" + part
        if word[-1:].isascii() and word[-1:].isalpha():
            part += r"(?![A-Za-z])"
        parts.append(part)
    return "|".join(parts)


def kiwi_user_words() -> Iterator[tuple[str, str]]:
    """``(word, "NNP")`` for every Korean gazetteer name without spaces, so Kiwi keeps it whole.

    Names that are also common words (``strict_ko``: 인도, 가나) are left out, so Kiwi's own
    tagging can still tell the country from the noun. Read straight from the gazetteer data
    (not through ``pipeline.actors.gazetteer``), so the tokenizer depends on data, not on the
    actor code, and building Kiwi stays cheap.
    """
    data = load_yaml("gazetteer.yaml")
    seen: set[str] = set()
    for raw in data["actors"]:
        strict = set(raw.get("strict_ko") or [])
        for name in [raw["name_ko"], *(raw.get("ko") or [])]:
            word = str(name)
            if word in strict or word in seen or len(word) < 2 or not has_hangul(word):
                continue
            if any(c.isspace() for c in word):
                continue
            seen.add(word)
            yield word, "NNP"
