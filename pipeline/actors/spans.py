"""Actor spans indexed by offset, and clause subjects: what the shared attribution code and
each language's subject rules exchange."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import cast

from pipeline.context import Mention
from schemas.models import ActorFields


@dataclass(frozen=True, slots=True)
class Span:
    """One actor span with all its ids (``None`` for an unlisted organisation)."""

    start: int
    end: int
    ids: tuple[str | None, ...]

    @property
    def actor_ids(self) -> tuple[str, ...]:
        ids = self.ids
        if None not in ids:  # most spans: every id listed, the tuple itself (a C-level test)
            return cast(tuple[str, ...], ids)
        return tuple(i for i in ids if i is not None)


@dataclass(frozen=True, slots=True)
class Subject:
    """A clause subject at ``pos``: actor ids, or ``()`` for a subject that is no actor."""

    pos: int
    ids: tuple[str, ...]


_EXTENT = attrgetter("start", "end")
"""A span's (start, end), as a C-level sort key."""


class SpanIndex:
    """Actor spans by start and end offset."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=_EXTENT)
        self.by_end = {s.end: s for s in self.spans}
        self.by_start = {s.start: s for s in self.spans}
        self.starts = [s.start for s in self.spans]

    @classmethod
    def of_mentions(cls, actors: Iterable[Mention[ActorFields]]) -> SpanIndex:
        """One span per distinct extent, holding the ids of every mention on it in order."""
        grouped: dict[tuple[int, int], list[str | None]] = {}
        for m in actors:
            ids = grouped.setdefault((m.start, m.end), [])
            if m.fields.actor_id not in ids:
                ids.append(m.fields.actor_id)
        return cls(Span(s, e, tuple(ids)) for (s, e), ids in grouped.items())

    def within(self, start: int, end: int) -> list[Span]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.end <= end]

    def before(self, span: Span) -> Span | None:
        """The span starting just before ``span``."""
        i = bisect.bisect_left(self.starts, span.start)
        return self.spans[i - 1] if i > 0 else None


def dedupe(ids: Iterable[str]) -> list[str]:
    """Ids in order of first appearance, each once."""
    return list(dict.fromkeys(ids))
