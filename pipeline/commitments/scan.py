"""The action, modality and statistic cues of one document's clauses, each pattern tried only
where a key of its words starts (``pipeline.commitments.keys``; lower-cased keys for English,
whose patterns are case-blind). A class with a word that has no usable key is scanned in full.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from pipeline.commitments.cues import Cue, Lexicon, cues_at, cues_of_matches, lexicon
from pipeline.commitments.keys import DocumentKeys, KeyTable, key

ACTIONS = "actions"
STATISTIC = "statistic"
_NONE: list[int] = []
MODALITY = " modality"
"""Every modality class at once (a name no class of the lexicon can have): a span without any
of their keys has no modality cue."""


_AT_WORD_START = re.compile(r"(?<![\w-])", re.IGNORECASE)
"""The look-behind every English cue pattern opens with (``cues._pattern``): a key after a
letter, digit or hyphen of the document starts no match, unless the span starts there."""


def _classes(lex: Lexicon) -> dict[str, list[str]]:
    """The words each pattern of ``lex`` was compiled from, by class."""
    modal = lex.raw["modality"]
    every_modal = [w for words in modal.values() for w in words]
    return {ACTIONS: lex.action_words, STATISTIC: lex.list("statistic_verbs"), **modal, MODALITY: every_modal}


@cache
def key_table(language: str) -> KeyTable:
    """The cue keys of ``language``: as written for Korean, folded for English."""
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
    if language == "ko":
        return KeyTable(table, {}, frozenset(scanned))
    return KeyTable({}, table, frozenset(scanned))


class CueScan:
    """The cue patterns of one document's language, tried only where a key starts (the keys of
    table ``table`` of ``keys``)."""

    def __init__(self, lex: Lexicon, text: str, keys: DocumentKeys, table: int) -> None:
        self.lex = lex
        self.text = text
        self.scanned = key_table(lex.language).scanned if keys.in_place else frozenset(_classes(lex))
        self.modalities = list(lex.modalities.items())
        if any(label in self.scanned for label, _ in self.modalities):
            self.scanned |= {MODALITY}
        by_labels: dict[tuple[str, ...], set[int]] = {}  # hits of the same key share their labels
        for q, labels in keys.hits:
            if labels[table]:
                by_labels.setdefault(labels[table], set()).add(q)
        starts: dict[str, set[int]] = {}
        for names, found in by_labels.items():
            for name in names:
                starts.setdefault(name, set()).update(found)
        self.starts = {name: sorted(found) for name, found in starts.items()}
        self.modal_at: dict[int, frozenset[str]] = {}
        """The modality classes with a key at each offset where any has one."""
        modal = frozenset(lex.modalities)
        at = self.modal_at
        for names, found in by_labels.items():
            if not modal.isdisjoint(names):
                own = modal.intersection(names)
                for q in found:
                    before = at.get(q)
                    at[q] = own if before is None else before | own
        self.every_action = self.starts.get(ACTIONS, [])
        self.inner: dict[str, set[int]] = {}
        """English keys inside a word of the document: a match there needs the span to start there."""
        if lex.language != "ko":
            every: set[int] = set().union(*starts.values())
            inside_word = {q for q in every if not _AT_WORD_START.match(text, q)}  # each start tried once
            self.inner = {name: found & inside_word for name, found in starts.items()}
            self.starts = {name: [q for q in found if q not in self.inner[name]] for name, found in self.starts.items()}

    def _span(self, name: str, start: int, end: int) -> tuple[list[int], int, int, bool]:
        """The key starts of class ``name`` (absolute, in order), the range ``[lo, hi)`` of them
        inside ``[start, end)``, and whether the span starts inside a word at a key of the class
        (a match there needs nothing before it to look behind at)."""
        starts = self.starts.get(name, _NONE)
        lo = bisect.bisect_left(starts, start)
        return starts, lo, bisect.bisect_left(starts, end, lo), start in self.inner.get(name, ())

    def _search(self, name: str, pattern: re.Pattern[str], start: int, end: int) -> bool:
        if name in self.scanned:
            return pattern.search(self.text[start:end]) is not None
        starts, lo, hi, inner = self._span(name, start, end)
        if lo == hi and not inner:
            return False
        text, match = self.text[start:end], pattern.match
        if inner and match(text, 0) is not None:
            return True
        return any(match(text, q - start) is not None for q in starts[lo:hi])  # as the first of ``matches_at``

    def may_act(self, start: int, end: int) -> bool:
        """Whether an action cue may occur in ``text[start:end]`` or any part of it (a part may
        start inside a word: every key counts)."""
        if ACTIONS in self.scanned:
            return True
        lo = bisect.bisect_left(self.every_action, start)
        return lo < len(self.every_action) and self.every_action[lo] < end

    def actions(self, start: int, end: int) -> list[Cue]:
        """``action_cues`` of ``text[start:end]``."""
        if ACTIONS in self.scanned:
            text = self.text[start:end]
            return cues_of_matches(self.lex, text, start, self.lex.actions.finditer(text))
        starts, lo, hi, inner = self._span(ACTIONS, start, end)
        if lo == hi and not inner:
            return []
        return cues_at(self.lex, self.text[start:end], start, [start, *starts[lo:hi]] if inner else starts[lo:hi])

    def modality(self, start: int, end: int) -> str | None:
        """``modality_cue`` of ``text[start:end]``: the modality keys of the span are looked up
        once, then each class is tried (in file order) at those that are its own."""
        if MODALITY in self.scanned:
            return next((label for label, pattern in self.modalities if self._search(label, pattern, start, end)), None)
        starts, lo, hi, inner = self._span(MODALITY, start, end)
        if lo == hi and not inner:
            return None  # no modality key at all in the span
        at = self.modal_at
        found = [(q - start, at[q]) for q in starts[lo:hi]]
        if inner:
            found.insert(0, (0, at[start]))
        text = self.text[start:end]
        for label, pattern in self.modalities:
            match = pattern.match
            if any(match(text, q) is not None for q, labels in found if label in labels):
                return label
        return None

    def statistic(self, start: int, end: int) -> bool:
        """Whether a statistic verb occurs in ``text[start:end]``."""
        return self._search(STATISTIC, self.lex.statistic, start, end)
