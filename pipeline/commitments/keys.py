"""Where a pattern built from a word list can match: only where one of its words' first
space-free part (its *key*) occurs. One Aho-Corasick pass over a document finds every key;
a pattern is then tried only at those starts, in ``finditer``'s order, which gives the same
matches as scanning the whole text, at a fraction of the cost (alternations of many words,
the English ones behind a look-behind, are slow to scan character by character)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence, Set
from typing import Any

import ahocorasick

FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter; folded to it
before ``str.lower`` so a cue matched by a case-blind pattern is a substring of the folded text."""
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


def fold(text: str) -> str:
    """``text`` with ``FOLD`` applied, lower-cased (``str.translate`` is slow: only when needed)."""
    if not text.isascii() and _FOLDED.search(text):
        text = text.translate(FOLD)
    return text.lower()


def folds_in_place(text: str, folded: str) -> bool:
    """Whether ``fold`` kept every offset (it does unless ``str.lower`` lengthened a character)."""
    return len(folded) == len(text)


def key(word: str, case_blind: bool) -> str:
    """The part every match of ``word`` starts with; "" when none is usable (a case-blind key
    must be ASCII to be found in the folded text)."""
    first = word.split(" ", 1)[0]
    if not case_blind:
        return first
    return first.lower() if first.isascii() else ""


def matches(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (ascending): the
    leftmost match at or after the previous match's end, as ``finditer`` finds it."""
    pos = 0
    for q in starts:
        if q < pos:
            continue
        m = pattern.match(text, q)
        if m is not None:
            yield m
            pos = max(m.end(), q + 1)


def automaton(table: Mapping[str, Set[Any]]) -> Any:
    """An Aho-Corasick automaton of ``table``'s keys, each with its length and its sorted values."""
    out = ahocorasick.Automaton()
    for part, values in table.items():
        out.add_word(part, (len(part), tuple(sorted(values))))
    if table:
        out.make_automaton()
    return out


def built(found: Any) -> bool:
    """Whether an automaton has keys to find (one built from an empty table cannot be searched)."""
    return bool(found.kind == ahocorasick.AHOCORASICK)
