"""The action, modality and statistic cues of one document's clauses, each pattern tried only
where a key of its words starts (``pipeline.commitments.keys``; lower-cased keys for English,
whose patterns are case-blind). A class with a word that has no usable key is scanned in full.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.commitments.cues import Cue, Lexicon, cues_of_matches, lexicon
from pipeline.commitments.keys import automaton, built, fold, folds_in_place, key, matches

ACTIONS = "actions"
STATISTIC = "statistic"


@dataclass(frozen=True)
class _Keys:
    """A language's cue keys: the automaton (key -> its length and the classes it opens) and
    the classes scanned in full."""

    automaton: Any  # ahocorasick.Automaton
    scanned: frozenset[str]


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
            word_key = key(word, case_blind=language != "ko")
            if word_key:
                table.setdefault(word_key, set()).add(name)
            else:
                scanned.add(name)
    return _Keys(automaton(table), frozenset(scanned))


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
        if not folds_in_place(text, folded):  # offsets would not carry over: scan everything in full
            self.scanned = frozenset(_classes(lex))
        elif built(keys.automaton):
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
        return next(matches(pattern, self.text[start:end], starts), None) is not None

    def may_act(self, start: int, end: int) -> bool:
        """Whether an action cue may occur in ``text[start:end]`` or any part of it."""
        return self._starts_in(ACTIONS, start, end) != []

    def actions(self, start: int, end: int) -> list[Cue]:
        """``action_cues`` of ``text[start:end]``."""
        starts = self._starts_in(ACTIONS, start, end)
        if starts == []:
            return []
        text = self.text[start:end]
        found = self.lex.actions.finditer(text) if starts is None else matches(self.lex.actions, text, starts)
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
