"""Sector cues (the shared lexicon ``pipeline/data/sectors.yaml``) in spans of one document.

Korean cues match inside words (배터리 in 이차전지배터리); English cues match whole words,
case-blind, except cues written in capitals or with digits (AI, 5G), which match as written.
Each sector's patterns are tried only where a key of its words starts in the document
(``pipeline.commitments.keys``): the keys are found once per document, so a span costs a few
``Pattern.match`` calls, not a scan per sector.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cache

from pipeline.commitments.keys import DocumentKeys, KeyTable, key
from pipeline.lexicon import alternation, load_yaml
from pipeline.text_utils import matches_at

_Patterns = tuple[str, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]


@cache
def _sectors() -> tuple[_Patterns, ...]:
    """Per sector: its id, its Korean pattern, its case-blind and its case-kept English pattern."""
    data: dict[str, dict[str, list[str]]] = load_yaml("sectors.yaml")
    out = []
    for sector, cues in data.items():
        ko = re.compile(alternation(cues.get("ko", []), space=r"\s?"))
        en_words = cues.get("en", [])
        upper = _upper(en_words)
        lower = [w for w in en_words if w not in upper]
        bound = r"(?<![\w-])(?:{})(?![\w-])"
        en_ci = re.compile(bound.format(alternation(lower, space=r"[\s-]+")), re.IGNORECASE) if lower else None
        en_cs = re.compile(bound.format(alternation(upper, space=r"\s+"))) if upper else None
        out.append((sector, ko, en_ci, en_cs))
    return tuple(out)


def _upper(words: list[str]) -> list[str]:
    """The English cues matched as written: capitals (AI, EV) or digits (5G)."""
    return [w for w in words if w.isupper() or any(c.isdigit() for c in w)]


def sector_ids() -> list[str]:
    """Every sector id of the lexicon, in file order."""
    return [s for s, *_ in _sectors()]


_Pattern = tuple[int, str]
"""One pattern of the lexicon: a sector index and ``ko``, ``en_ci`` or ``en_cs``."""


@cache
def key_table(language: str) -> KeyTable:
    """The sector keys of ``language``: Korean and capitalised cues as written, the other English
    cues folded; an empty Korean list (which matches everywhere) is scanned in full."""
    data: dict[str, dict[str, list[str]]] = load_yaml("sectors.yaml")
    tables: dict[str, dict[str, set[_Pattern]]] = {"exact": {}, "folded": {}}
    scanned: set[_Pattern] = set()
    for i, cues in enumerate(data.values()):
        en_words = cues.get("en", [])
        upper = _upper(en_words)
        groups = [("en_cs", upper, "exact")]
        if language == "ko":
            groups.append(("ko", cues.get("ko", []), "exact"))
            if not cues.get("ko"):
                scanned.add((i, "ko"))
        else:
            groups.append(("en_ci", [w for w in en_words if w not in upper], "folded"))
        for kind, words, where in groups:
            for word in words:
                part = key(word, case_blind=where == "folded")
                if part:
                    tables[where].setdefault(part, set()).add((i, kind))
                else:
                    scanned.add((i, kind))
    return KeyTable(tables["exact"], tables["folded"], frozenset(scanned))


@cache
def _every_pattern() -> frozenset[_Pattern]:
    """Every pattern of the lexicon: all are scanned in full when the keys cannot be used."""
    return frozenset((i, kind) for i in range(len(_sectors())) for kind in ("ko", "en_ci", "en_cs"))


class DocumentSectors:
    """``sectors`` of any span of one document, from the keys of table ``table`` of ``keys``
    (by start: a key that starts in a span but runs past it cannot match there, so no harm)."""

    def __init__(self, language: str, keys: DocumentKeys, table: int) -> None:
        self.language = language
        self.hits = sorted((last + 1 - length, labels[table]) for last, (length, labels) in keys.hits if labels[table])
        self.starts = [q for q, _ in self.hits]
        self.scanned = key_table(language).scanned if keys.in_place else _every_pattern()
        self.always = sorted({i for i, _ in self.scanned})

    def may_find(self, start: int, end: int) -> bool:
        """Whether ``sectors`` of ``[start, end)`` can find anything: a key starts there, or a
        pattern is scanned in full (else no pattern is even tried)."""
        if self.always:
            return True
        lo = bisect.bisect_left(self.starts, start)
        return lo < len(self.starts) and self.starts[lo] < end

    def sectors(self, text: str, start: int, in_word: Callable[[int, int], bool]) -> list[str]:
        """Sector ids (lexicon order) whose cues occur in ``text``: the document's text from
        ``start``, actors blanked with spaces or not (a key holds no space, so none is lost).
        ``in_word`` (a span of the document -> whether it starts a morpheme or lies inside one)
        keeps a Korean cue to whole morphemes: 도로 is no road in 다각도로."""
        starts: dict[_Pattern, list[int]] = {}
        lo = bisect.bisect_left(self.starts, start)
        for q, patterns in self.hits[lo : bisect.bisect_left(self.starts, start + len(text), lo)]:
            for pattern in patterns:
                starts.setdefault(pattern, []).append(q - start)
        out = []
        patterns = _sectors()
        for i in sorted({i for i, _ in starts}.union(self.always)):
            sector, ko, en_ci, en_cs = patterns[i]
            if self.language == "ko":
                found = self._finditer((i, "ko"), ko, text, starts)
                hit = found is not None and any(in_word(start + m.start(), start + m.end()) for m in found)
            else:
                hit = self._found((i, "en_ci"), en_ci, text, starts)
            if hit or self._found((i, "en_cs"), en_cs, text, starts):
                out.append(sector)
        return out

    def _finditer(
        self, which: _Pattern, pattern: re.Pattern[str], text: str, starts: dict[_Pattern, list[int]]
    ) -> Iterator[re.Match[str]] | None:
        """The matches of one pattern in ``text``; ``None`` when none can occur (no key of it)."""
        if which in self.scanned:
            return pattern.finditer(text)
        found = starts.get(which)
        return matches_at(pattern, text, found) if found else None

    def _found(self, which: _Pattern, pattern: re.Pattern[str] | None, text: str, starts: dict[_Pattern, list[int]]) -> bool:
        """Whether ``pattern`` matches in ``text``: some match at one of its key starts (the first
        match ``matches_at`` would give), without building the matches."""
        if pattern is None:
            return False
        if which in self.scanned:
            return pattern.search(text) is not None
        match = pattern.match
        return any(match(text, q) is not None for q in starts.get(which, ()))
