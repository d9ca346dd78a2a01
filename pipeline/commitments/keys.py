"""Where a pattern built from a word list can match: only where one of its words' first
space-free part (its *key*) occurs. One Aho-Corasick pass over a document finds every key;
a pattern is then tried only at those starts, in ``finditer``'s order, which gives the same
matches as scanning the whole text, at a fraction of the cost (alternations of many words,
the English ones behind a look-behind, are slow to scan character by character)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

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


Labels = tuple[tuple[Any, ...], ...]
"""A key's labels in each table (empty where the table does not hold it)."""


@dataclass(frozen=True)
class Finder:
    """An Aho-Corasick automaton over keys (``ahocorasick_rs``: compiled, a document walked at
    C speed; ``None`` without keys) and each key's labels, by the automaton's key index."""

    automaton: AhoCorasick | None
    labels: list[Labels]

    def hits(self, text: str) -> list[tuple[int, Labels]]:
        """``(start, labels)`` of every occurrence of every key in ``text``, overlapping ones too."""
        if self.automaton is None:
            return []
        labels = self.labels
        return [(start, labels[i]) for i, start, _ in self.automaton.find_matches_as_indexes(text, overlapping=True)]


def automata(tables: Sequence[KeyTable]) -> tuple[Finder, Finder]:
    """Two automata over the keys of all ``tables`` (as written, folded): one walk of a document
    each serves every table."""
    return _combined([t.exact for t in tables]), _combined([t.folded for t in tables])


def _combined(tables: Sequence[Mapping[str, Set[Any]]]) -> Finder:
    parts = sorted(set().union(*tables))
    labels = [tuple(tuple(sorted(t.get(part, ()))) for t in tables) for part in parts]
    # a DFA: the fastest walk, for a few hundred keys at little memory
    automaton = AhoCorasick(parts, matchkind=MatchKind.Standard, implementation=Implementation.DFA) if parts else None
    return Finder(automaton, labels)


class DocumentKeys:
    """Every key of some tables in one document (one walk per automaton); each user reads the
    hits of its table once (``CueScan``, ``DocumentSectors``)."""

    def __init__(self, text: str, found: tuple[Finder, Finder]) -> None:
        exact, folded = found
        folded_text = fold(text) if folded.automaton is not None else text
        self.in_place = folds_in_place(text, folded_text)
        """Whether the folded text kept the offsets; if not, patterns must scan in full."""
        hits = exact.hits(text)
        if self.in_place:
            hits += folded.hits(folded_text)
        self.hits = hits
        """``(start, labels per table)`` of every key found, in no particular order."""
