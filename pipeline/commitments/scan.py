"""Where the cue patterns can match in one document, found in one Aho-Corasick pass.

Every cue word's first space-free part (lower-cased for English, whose patterns are
case-blind) is a key; a pattern can only match where one of its words' keys starts. So the
patterns of a clause are tried only at those starts, with ``Pattern.match`` in ``finditer``'s
order: the same matches as scanning the whole clause, at a fraction of the cost (the English
cue alternations are slow to scan character by character). A class with a word that has no
usable key is scanned in full.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick

from pipeline.commitments.cues import Cue, Lexicon, cues_of_matches, fold, lexicon

ACTIONS = "actions"
STATISTIC = "statistic"


@dataclass(frozen=True)
class _Keys:
    """A language's cue keys: the automaton (key -> its length and the classes it opens) and
    the classes scanned in full."""

    automaton: Any  # ahocorasick.Automaton
    scanned: frozenset[str]


def _key(word: str, language: str) -> str:
    """The part a match of ``word`` starts with ("" when none is usable)."""
    first = word.split(" ", 1)[0]
    if language == "ko":
        return first
    return first.lower() if first.isascii() else ""


def _classes(lex: Lexicon) -> dict[str, list[str]]:
    """The words each pattern of ``lex`` was compiled from, by class."""
    return {ACTIONS: list(lex.action_of), STATISTIC: lex.list("statistic_verbs"), **lex.raw["modality"]}


@cache
def _keys(language: str) -> _Keys:
    table: dict[str, set[str]] = {}
    scanned: set[str] = set()
    for name, words in _classes(lexicon(language)).items():
        if not words:
            scanned.add(name)  # an empty alternation matches everywhere
        for word in words:
            key = _key(word, language)
            if key:
                table.setdefault(key, set()).add(name)
            else:
                scanned.add(name)
    automaton = ahocorasick.Automaton()
    for key, names in table.items():
        automaton.add_word(key, (len(key), tuple(sorted(names))))
    if table:
        automaton.make_automaton()
    return _Keys(automaton, frozenset(scanned))


def _matches(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (sorted): the
    leftmost match at or after the previous match's end, as ``finditer`` finds it."""
    pos = 0
    for q in starts:
        if q < pos:
            continue
        m = pattern.match(text, q)
        if m is not None:
            yield m
            pos = max(m.end(), q + 1)


class CueScan:
    """The cue patterns of one document's language, tried only where a key starts."""

    def __init__(self, lex: Lexicon, text: str) -> None:
        self.lex = lex
        self.text = text
        keys = _keys(lex.language)
        self.scanned = keys.scanned
        self.modalities = list(lex.modalities.items())
        folded = text if lex.language == "ko" else fold(text)
        found: dict[str, set[int]] = {}
        if len(folded) != len(text):  # offsets would not carry over: scan everything in full
            self.scanned = frozenset(_classes(lex))
        elif keys.automaton.kind == ahocorasick.AHOCORASICK:
            for end, (length, names) in keys.automaton.iter(folded):
                for name in names:
                    found.setdefault(name, set()).add(end - length + 1)
        self.starts = {name: sorted(s) for name, s in found.items()}

    def _starts_in(self, name: str, start: int, end: int) -> list[int] | None:
        """Key starts of class ``name`` inside ``[start, end)``, relative to ``start``; ``None``
        when the class is scanned in full."""
        if name in self.scanned:
            return None
        starts = self.starts.get(name, [])
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [q - start for q in starts[lo:hi]]

    def _search(self, name: str, pattern: re.Pattern[str], start: int, end: int) -> bool:
        starts = self._starts_in(name, start, end)
        if starts is None:
            return pattern.search(self.text[start:end]) is not None
        if not starts:
            return False
        return next(_matches(pattern, self.text[start:end], starts), None) is not None

    def may_act(self, start: int, end: int) -> bool:
        """Whether an action cue may occur in ``text[start:end]`` or any part of it."""
        return self._starts_in(ACTIONS, start, end) != []

    def actions(self, start: int, end: int) -> list[Cue]:
        """``action_cues`` of ``text[start:end]``."""
        starts = self._starts_in(ACTIONS, start, end)
        if starts == []:
            return []
        text = self.text[start:end]
        found = self.lex.actions.finditer(text) if starts is None else _matches(self.lex.actions, text, starts)
        return cues_of_matches(self.lex, text, start, found)

    def modality(self, start: int, end: int) -> str | None:
        """``modality_cue`` of ``text[start:end]``."""
        for label, pattern in self.modalities:
            if self._search(label, pattern, start, end):
                return label
        return None

    def statistic(self, start: int, end: int) -> bool:
        """Whether a statistic verb occurs in ``text[start:end]``."""
        return self._search(STATISTIC, self.lex.statistic, start, end)
