"""Small text helpers used across languages and stages, in one place each: the whitespace-free
lookup key, Hangul tests, ASCII letter/digit tests, and a pattern's matches at known starts."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from operator import le

HANGUL = re.compile(r"[\uac00-\ud7a3]")
"""One precomposed Hangul syllable (가..힣)."""

ASCII_ALNUM_CHARS = frozenset(string.ascii_letters + string.digits)
"""ASCII letters and digits, for per-character checks (a set lookup, not a regex call)."""


def compact(text: str) -> str:
    """Lookup key of a word or name: every whitespace removed (``미국 달러`` = ``미국달러``)."""
    return "".join(text.split())


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable."""
    return HANGUL.search(text) is not None


def is_hangul_char(ch: str) -> bool:
    """Whether one character is a Hangul syllable (``HANGUL.match`` without a regex call)."""
    return "\uac00" <= ch <= "\ud7a3"


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at ``starts`` (ascending; a repeat is skipped),
    when ``starts`` holds every offset where ``pattern`` can match: after a match the next one
    is looked for from its end (one character on after an empty match), as ``finditer`` does.
    The rules find the few offsets where a long pattern can start once per document, instead
    of letting the regex engine try it at every character."""
    match = pattern.match
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            pos = max(m.end(), start + 1)


def nondecreasing(values: Sequence[int]) -> bool:
    """Whether ``values`` never go down: one C-level pass, no Python call per item."""
    return all(map(le, values, islice(values, 1, None)))
