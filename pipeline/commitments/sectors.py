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
from collections.abc import Callable
from functools import cache

from pipeline.commitments.keys import DocumentKeys, KeyTable, key
from pipeline.lexicon import alternation, load_yaml

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
def _compiled() -> dict[_Pattern, re.Pattern[str]]:
    """Every compiled pattern of the lexicon by sector index and kind."""
    out: dict[_Pattern, re.Pattern[str]] = {}
    for i, (_, ko, en_ci, en_cs) in enumerate(_sectors()):
        for kind, pattern in (("ko", ko), ("en_ci", en_ci), ("en_cs", en_cs)):
            if pattern is not None:
                out[(i, kind)] = pattern
    return out


@cache
def _every_pattern() -> frozenset[_Pattern]:
    """Every pattern of the lexicon: all are scanned in full when the keys cannot be used."""
    return frozenset((i, kind) for i in range(len(_sectors())) for kind in ("ko", "en_ci", "en_cs"))


class DocumentSectors:
    """``sectors`` of any span of one document, from the keys of table ``table`` of ``keys``
    (by start: a key that starts in a span but runs past it cannot match there, so no harm)."""

    def __init__(self, language: str, keys: DocumentKeys, table: int) -> None:
        self.language = language
        self.hits = sorted((q, labels[table]) for q, labels in keys.hits if labels[table])
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
        keeps a Korean cue to whole morphemes: 도로 is no road in 다각도로.

        One pass over the keys in the span tries each pattern where its keys start, as
        ``matches_at`` would (a Korean pattern goes on from the end of its last match); a
        sector once found is not tried again. Patterns scanned in full come after."""
        hit: set[int] = set()
        resume: dict[_Pattern, int] = {}  # a Korean pattern: where its next match may start
        compiled = _compiled()
        lo = bisect.bisect_left(self.starts, start)
        for q, patterns in self.hits[lo : bisect.bisect_left(self.starts, start + len(text), lo)]:
            q -= start
            for which in patterns:
                if which[0] in hit or which in self.scanned:
                    continue
                if which[1] != "ko":
                    if compiled[which].match(text, q) is not None:
                        hit.add(which[0])
                elif q >= resume.get(which, 0):
                    m = compiled[which].match(text, q)
                    if m is not None:
                        resume[which] = max(m.end(), q + 1)
                        if in_word(start + m.start(), start + m.end()):
                            hit.add(which[0])
        for i in self.always:
            if i not in hit and self._scanned_hit(i, text, start, in_word):
                hit.add(i)
        patterns = _sectors()
        return [patterns[i][0] for i in sorted(hit)]

    def _scanned_hit(self, i: int, text: str, start: int, in_word: Callable[[int, int], bool]) -> bool:
        """Whether a pattern of sector ``i`` that is scanned in full matches in ``text``."""
        _, ko, en_ci, en_cs = _sectors()[i]
        if self.language == "ko" and (i, "ko") in self.scanned:
            if any(in_word(start + m.start(), start + m.end()) for m in ko.finditer(text)):
                return True
        if self.language != "ko" and en_ci is not None and (i, "en_ci") in self.scanned and en_ci.search(text):
            return True
        return en_cs is not None and (i, "en_cs") in self.scanned and en_cs.search(text) is not None
