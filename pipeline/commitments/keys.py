"""Where a pattern built from a word list can match: only where one of its words' first
space-free part (its *key*) occurs. One Aho-Corasick pass over a document finds every key;
a pattern is then tried only at those starts, in ``finditer``'s order, which gives the same
matches as scanning the whole text, at a fraction of the cost (alternations of many words,
the English ones behind a look-behind, are slow to scan character by character)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import ahocorasick

from pipeline.lang.casefold import fold


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


@dataclass(frozen=True)
class KeyTable:
    """One user's keys (key -> its labels), found in the text as written or folded, and the
    labels whose patterns are scanned in full (a word without a usable key)."""

    exact: Mapping[str, Set[Any]]
    folded: Mapping[str, Set[Any]]
    scanned: frozenset[Any]


def automata(tables: Sequence[KeyTable]) -> tuple[Any, Any]:
    """Two automata over the keys of all ``tables`` (as written, folded): one walk of a document
    each serves every table. A key's value is its length and its labels in each table."""
    return _combined([t.exact for t in tables]), _combined([t.folded for t in tables])


def _combined(tables: Sequence[Mapping[str, Set[Any]]]) -> Any:
    out = ahocorasick.Automaton()
    parts = sorted(set().union(*tables))
    for part in parts:
        out.add_word(part, (len(part), tuple(tuple(sorted(t.get(part, ()))) for t in tables)))
    if parts:
        out.make_automaton()
    return out


class DocumentKeys:
    """Every key of some tables in one document (one walk per automaton), by end offset; each
    user reads the hits of its table once (``CueScan``, ``DocumentSectors``)."""

    def __init__(self, text: str, found: tuple[Any, Any]) -> None:
        exact, folded = found
        folded_text = fold(text) if built(folded) else text
        self.in_place = folds_in_place(text, folded_text)
        """Whether the folded text kept the offsets; if not, patterns must scan in full."""
        hits = list(exact.iter(text)) if built(exact) else []
        if built(folded) and self.in_place:
            hits += folded.iter(folded_text)
            hits.sort(key=itemgetter(0))
        self.hits: list[tuple[int, tuple[int, tuple[tuple[Any, ...], ...]]]] = hits
        """``(end - 1, (length, labels per table))`` of every key found, by end."""


def built(found: Any) -> bool:
    """Whether an automaton has keys to find (one built from an empty table cannot be searched)."""
    return bool(found.kind == ahocorasick.AHOCORASICK)
