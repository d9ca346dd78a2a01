"""Actor groups (one span, every actor id it stands for), token boundaries and overlap settling:
the language-neutral pieces every language's actor rules build on."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.context import DocContext
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


@dataclass(slots=True)
class Bounds:
    """Token starts and ends of the document, for boundary checks.

    Asked a few hundred times per document, so answered by binary search over the context's
    token offsets (built once per document and shared with every other stage), not by tables
    of every token's start and end built for the actor stage alone.
    """

    ctx: DocContext

    @classmethod
    def of(cls, ctx: DocContext) -> Bounds:
        return cls(ctx)

    def token_starting(self, pos: int) -> Token | None:
        """The first token starting at ``pos``, if any."""
        return self.ctx.token_starting(pos)

    def starts_token(self, pos: int) -> bool:
        return self.ctx.token_starting(pos) is not None

    def ends_token(self, end: int) -> bool:
        return self.ctx.token_ends_at(end)

    def is_end(self, text: str, end: int) -> bool:
        """Whether a name may end at ``end``: a word end for Latin, a morpheme end for Hangul."""
        if end >= len(text):
            return True
        last, nxt = text[end - 1], text[end]
        if last in ASCII_ALNUM_CHARS:
            return nxt not in ASCII_ALNUM_CHARS
        if is_hangul_char(last):
            # the cheap test first: the three are pure, so their order changes nothing
            return not is_hangul_char(nxt) or self.ctx.token_ends_at(end) or self.ctx.token_starting(end) is not None
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
