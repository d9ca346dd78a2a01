"""The action, modality and statistic cues of one document's clauses, each pattern tried only
where a key of its words starts (``pipeline.commitments.keys``; lower-cased keys for English,
whose patterns are case-blind). A class with a word that has no usable key is scanned in full.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from pipeline.commitments.cues import Cue, Lexicon, cues_of_matches, lexicon
from pipeline.commitments.keys import DocumentKeys, KeyTable, key
from pipeline.text_utils import matches_at

ACTIONS = "actions"
STATISTIC = "statistic"
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
        for last, (length, labels) in keys.hits:
            if labels[table]:
                by_labels.setdefault(labels[table], set()).add(last + 1 - length)
        starts: dict[str, set[int]] = {}
        for names, found in by_labels.items():
            for name in names:
                starts.setdefault(name, set()).update(found)
        self.starts = {name: sorted(found) for name, found in starts.items()}
        self.every_action = self.starts.get(ACTIONS, [])
        self.inner: dict[str, set[int]] = {}
        """English keys inside a word of the document: a match there needs the span to start there."""
        if lex.language != "ko":
            every: set[int] = set().union(*starts.values())
            inside_word = {q for q in every if not _AT_WORD_START.match(text, q)}  # each start tried once
            self.inner = {name: found & inside_word for name, found in starts.items()}
            self.starts = {name: [q for q in found if q not in self.inner[name]] for name, found in self.starts.items()}

    def _starts_in(self, name: str, start: int, end: int) -> list[int] | None:
        """Key starts of class ``name`` inside ``[start, end)``, relative to ``start`` and in
        order; ``None`` when the class is scanned in full."""
        if name in self.scanned:
            return None
        starts = self.starts.get(name, [])
        lo = bisect.bisect_left(starts, start)
        out = [q - start for q in starts[lo : bisect.bisect_left(starts, end, lo)]]
        if start in self.inner.get(name, ()):
            out.insert(0, 0)  # the span starts inside a word: nothing before it to look behind at
        return out

    def _any_in(self, name: str, start: int, end: int) -> bool:
        """Whether ``_starts_in`` would give anything but ``[]`` (without building the list)."""
        if name in self.scanned or start in self.inner.get(name, ()):
            return True
        starts = self.starts.get(name, [])
        lo = bisect.bisect_left(starts, start)
        return lo < len(starts) and starts[lo] < end

    def _search(self, name: str, pattern: re.Pattern[str], start: int, end: int) -> bool:
        starts = self._starts_in(name, start, end)
        if starts is None:
            return pattern.search(self.text[start:end]) is not None
        if not starts:
            return False
        text, match = self.text[start:end], pattern.match
        return any(match(text, q) is not None for q in starts)  # as the first of ``matches_at``

    def may_act(self, start: int, end: int) -> bool:
        """Whether an action cue may occur in ``text[start:end]`` or any part of it (a part may
        start inside a word: every key counts)."""
        if ACTIONS in self.scanned:
            return True
        lo = bisect.bisect_left(self.every_action, start)
        return lo < len(self.every_action) and self.every_action[lo] < end

    def actions(self, start: int, end: int) -> list[Cue]:
        """``action_cues`` of ``text[start:end]``."""
        starts = self._starts_in(ACTIONS, start, end)
        if starts == []:
            return []
        text = self.text[start:end]
        found = self.lex.actions.finditer(text) if starts is None else matches_at(self.lex.actions, text, starts)
        return cues_of_matches(self.lex, text, start, found)

    def modality(self, start: int, end: int) -> str | None:
        """``modality_cue`` of ``text[start:end]``."""
        if not self._any_in(MODALITY, start, end):
            return None  # no modality key at all in the span
        for label, pattern in self.modalities:
            if self._search(label, pattern, start, end):
                return label
        return None

    def statistic(self, start: int, end: int) -> bool:
        """Whether a statistic verb occurs in ``text[start:end]``."""
        return self._search(STATISTIC, self.lex.statistic, start, end)
