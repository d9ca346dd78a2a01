"""Small text helpers used across languages and stages, in one place each: the whitespace-free
lookup key, Hangul tests, and ASCII letter/digit tests."""

from __future__ import annotations

import re
import string

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
