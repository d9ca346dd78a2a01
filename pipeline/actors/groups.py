"""Actor groups (one span, every actor id it stands for), token boundaries and overlap settling:
the language-neutral pieces every language's actor rules build on."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from pipeline.text_utils import ASCII_ALNUM_CHARS, is_hangul_char
from pipeline.tokens import Token


class Group(NamedTuple):
    """All actor ids one span stands for (several for 한미); ``ids`` None entries are unlisted.

    A named tuple rather than a frozen dataclass: a document yields a hundred or so candidate
    groups, and a tuple is built at a fraction of the cost (immutable, compared by value).
    """

    start: int
    end: int
    rule: str
    ids: tuple[str | None, ...]
    key: str = ""
    prefixed: bool = False

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1 and self.rule == "gazetteer"


_RANK = {"gazetteer": 0, "compound": 1, "plural_heads": 1, "both_countries": 2}
"""Which rule wins when two candidates have the same span (lower wins)."""
_UNLISTED_RANK = 3
"""A language's unlisted-organisation rule (``unlisted.<code>``)."""


def _rank(rule: str) -> int:
    if rule in _RANK:
        return _RANK[rule]
    if rule.startswith("unlisted.") and rule != "unlisted.prefix":
        return _UNLISTED_RANK
    return 9


_START = itemgetter(2)
_END = itemgetter(3)
"""A token's start and end, as C-level getters."""


@dataclass(slots=True)
class Bounds:
    """Token starts/ends of the document, for O(1) boundary checks."""

    starts: dict[int, Token]
    ends: set[int]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> Bounds:
        # backwards, so that of several tokens at one offset the first is stored last and kept
        # (built by C-level maps: about a thousand tokens per document)
        starts = dict(zip(map(_START, reversed(tokens)), reversed(tokens), strict=True))
        return cls(starts, set(map(_END, tokens)))

    def is_end(self, text: str, end: int) -> bool:
        """Whether a name may end at ``end``: a word end for Latin, a morpheme end for Hangul."""
        if end >= len(text):
            return True
        last, nxt = text[end - 1], text[end]
        if last in ASCII_ALNUM_CHARS:
            return nxt not in ASCII_ALNUM_CHARS
        if is_hangul_char(last):
            return end in self.ends or end in self.starts or not is_hangul_char(nxt)
        return True


def is_start(text: str, pos: int) -> bool:
    """Whether a name may start at ``pos`` (not inside a Latin word)."""
    if pos == 0:
        return True
    return not (text[pos] in ASCII_ALNUM_CHARS and text[pos - 1] in ASCII_ALNUM_CHARS)


def resolve_groups(groups: list[Group]) -> list[Group]:
    """Keep non-overlapping groups: longest first, then earliest, then rule rank."""
    ranked = sorted(groups, key=lambda g: (-(g.end - g.start), g.start, _rank(g.rule)))
    kept: list[Group] = []
    taken: list[tuple[int, int]] = []
    for g in ranked:
        i = bisect.bisect_left(taken, (g.start, g.end))
        if i < len(taken) and taken[i][0] < g.end:
            continue
        if i > 0 and taken[i - 1][1] > g.start:
            continue
        taken.insert(i, (g.start, g.end))
        kept.insert(i, g)
    return kept
