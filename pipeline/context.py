"""What extractors see and what they return.

An extractor is a pure function ``(DocContext) -> list[Mention]``: it reads the normalized
text, the shared Kiwi tokens and the document structure, and returns candidate spans with
their normalized values. It never edits another stage's output; overlaps between candidates
are settled once, by ``pipeline.overlap``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter
from typing import Generic, TypeVar

from pydantic import BaseModel

from pipeline.text_utils import nondecreasing
from pipeline.tokens import Token
from schemas.models import Bullet, Language, Paragraph, Section

F = TypeVar("F", bound=BaseModel)
_START = attrgetter("start")
_END = attrgetter("end")


@dataclass(frozen=True, slots=True)
class Mention(Generic[F]):
    """A candidate span ``text[start:end]`` with its value ``fields`` and the ``rule`` that made it."""

    start: int
    end: int
    rule: str
    fields: F


@dataclass(frozen=True, slots=True)
class Structure:
    """The layout of a document: title, date line, sections, prose paragraphs and bullets."""

    title: str | None
    date: dt.date | None
    sections: Sequence[Section]
    paragraphs: Sequence[Paragraph]
    bullets: Sequence[Bullet]
    warnings: Sequence[str] = ()
    date_source: str | None = None
    """Where ``date`` came from: text (date line), header, metadata, filename, option."""


@dataclass(slots=True)
class DocContext:
    """Everything an extractor may read about one document, built once per document."""

    doc_id: str
    text: str
    language: str
    structure: Structure
    tokens: Sequence[Token]
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _token_ends: list[int] = field(default_factory=list, repr=False)
    _token_reach: list[int] = field(default_factory=list, repr=False)

    @property
    def doc_date(self) -> dt.date | None:
        return self.structure.date

    def _starts(self) -> list[int]:
        """Token start offsets, built on first use (for binary search)."""
        starts = self._token_starts
        if not starts and self.tokens:
            starts = self._token_starts = list(map(_START, self.tokens))
        return starts

    def token_ends(self) -> list[int]:
        """Token end offsets in token order, built on first use and shared by every stage
        (read only)."""
        ends = self._token_ends
        if not ends and self.tokens:
            ends = self._token_ends = list(map(_END, self.tokens))
        return ends

    def _reach(self) -> list[int]:
        """The furthest token end up to each token, built on first use: nondecreasing, so a
        binary search finds the tokens that surely end by a given offset."""
        reach = self._token_reach
        if not reach and self.tokens:
            ends = self.token_ends()
            # token ends rarely go down (never in Kiwi's output so far): then they are their own
            # running maximum, checked by one C-level pass instead of a ``max`` call per token
            reach = ends if nondecreasing(ends) else list(accumulate(ends, max))
            self._token_reach = reach
        return reach

    def tokens_in(self, start: int, end: int) -> Sequence[Token]:
        """Tokens lying inside ``[start, end)``, in order (binary search; only the tokens after
        the last one surely ending by ``end`` are checked one by one)."""
        starts = self._starts()
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        if lo >= hi:
            return []
        inside = bisect.bisect_right(self._reach(), end, lo, hi)
        if inside == hi:
            return list(self.tokens[lo:hi])
        return [*self.tokens[lo:inside], *(t for t in self.tokens[inside:hi] if t.end <= end)]

    def token_at(self, offset: int) -> Token | None:
        """The token covering ``offset``, if any."""
        i = bisect.bisect_right(self._starts(), offset) - 1
        if i >= 0:
            token = self.tokens[i]
            if token.start <= offset < token.end:
                return token
        return None

    def token_starting(self, offset: int) -> Token | None:
        """The first token starting at ``offset``, if any (binary search: no table by offset
        is built for a document that asks a few hundred times)."""
        starts = self._starts()
        i = bisect.bisect_left(starts, offset)
        return self.tokens[i] if i < len(starts) and starts[i] == offset else None

    def token_ends_at(self, offset: int) -> bool:
        """Whether some token ends at ``offset``: among the tokens starting by then, from the
        last one back while the running furthest end still reaches ``offset``."""
        reach = self._reach()
        i = bisect.bisect_right(self._starts(), offset) - 1
        tokens = self.tokens
        while i >= 0 and reach[i] >= offset:
            if tokens[i].end == offset:
                return True
            i -= 1
        return False


Extractor = Callable[[DocContext], list[Mention[F]]]


def context_for_text(
    text: str,
    language: str = Language.KO,
    doc_date: dt.date | None = None,
    doc_id: str = "snippet",
    structure: Structure | None = None,
) -> DocContext:
    """A context for a bare snippet (tests, doctests, the expression corpus): one untitled
    section, no bullets unless a ``structure`` is given; the text is tokenized once here."""
    from pipeline.tokens import tokenize

    if structure is None:
        section = Section(section_id=f"{doc_id}:s0", index=0, title=None, start=0, end=len(text))
        structure = Structure(title=None, date=doc_date, sections=[section], paragraphs=[], bullets=[])
    return DocContext(doc_id=doc_id, text=text, language=language, structure=structure, tokens=tokenize(text))
