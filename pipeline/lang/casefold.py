"""The one case fold for looking up, in a lexicon, text that a case-insensitive pattern matched.

A pattern written ``(?i:million)`` also matches ``mİllİon``, ``yearſ`` or ``20 Km`` (Kelvin sign):
`re` lets a case-insensitive ASCII letter match ``İ ı ſ`` and the Kelvin sign besides its two
cases. ``str.lower`` keeps ``ı ſ`` as they are and turns ``İ`` into two characters, so a lexicon
looked up with it misses what the pattern matched. :func:`fold` maps every character the way
`re` compares it (the test suite checks this against every code point), so a lexicon whose keys
are folded the same way finds every match; :func:`lexicon_key` also joins whitespace runs, as
lexicon phrases match across any run (``per  year``).
"""

from __future__ import annotations

import re

FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The characters other than ASCII letters that a case-insensitive ASCII letter matches in `re`:
``İ ı ſ`` and the Kelvin sign."""

_ODD = "\u0130\u0131\u017f\u212a"
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` lower-cased, ``İ ı ſ`` and the Kelvin sign as the ASCII letter `re` matches them to;
    the same length as ``text``."""
    if text.isascii() or not any(c in text for c in _ODD):  # `translate` is slow on long texts
        return text.lower()
    return text.translate(FOLDS).lower()


def lexicon_key(text: str) -> str:
    """``text`` as a lexicon phrase is looked up: folded, each whitespace run one space."""
    return _SPACES.sub(" ", fold(text))
