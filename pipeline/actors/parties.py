"""Who commits: the parties of the document, of each bullet, and of each money amount.

Sentences, clauses and clause subjects come from the document language's ``ActorRules``
(``sentences``, ``subjects``, ``clause_carries``); a language without them attributes every
amount to its bullet's (or the document's) parties.

- :func:`document_parties`: the countries named in the title (else the first line/sentence);
- :func:`bullet_parties`: a bullet's own subject (first sentence), else its parent's parties
  (sub-items), else the subject of its lead-in, else the document's parties;
- :func:`amount_parties`: the subject of the clause holding the amount. A clause without a
  subject takes the subject of the clause before it in the same sentence (Korean drops
  repeated subjects); a clause whose subject is not an actor (``투자 총 규모는 250억불``) falls
  back to the bullet's (or document's) parties.

Each block (bullet, paragraph) is split into sentences once, each sentence into clauses once
and each clause's subjects found once; an amount finds its sentence and clause by binary
search, so attribution grows linearly with the block.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from itertools import compress, count, islice
from operator import itemgetter
from typing import Any

from pipeline.actors.gazetteer import load_gazetteer
from pipeline.actors.language import ActorRules
from pipeline.actors.spans import SpanIndex, Subject, dedupe
from pipeline.context import DocContext, Mention, Structure
from pipeline.lang.registry import rules_for
from pipeline.tokens import Token
from schemas.models import ActorFields, Bullet

_TOKEN_START = itemgetter(2)
_TOKEN_TAG = itemgetter(1)
_SF_TAG = frozenset({"SF"})
_SENTENCE_FINAL = frozenset({".", "!", "?"})

# --- document parties -----------------------------------------------------------------------


def document_parties(ctx: DocContext, actors: list[Mention[ActorFields]]) -> list[str]:
    """The parties of the document: the countries its title (else its first line, paragraph or
    sentence) names, in order (``[KOR, USA]``), with an organisation joined to a country in one
    compound (``한-아세안`` -> ``[KOR, ASEAN]``). None when those name no country: a press
    release about statistics has no parties, and countries mentioned further down are topics,
    not the parties of every amount."""
    return parties_of_index(ctx, _index_of(actors))


_LAST_INDEX: list[tuple[tuple[Mention[ActorFields], ...], SpanIndex]] = []
"""The last actor list indexed and its index (one entry)."""


def _index_of(actors: list[Mention[ActorFields]]) -> SpanIndex:
    """The spans of ``actors``, indexed once for the document's, the bullets' and the amounts'
    parties, which read the same list one after the other. Mentions are immutable, so the
    same mentions (compared one by one, by identity) give the same index."""
    if _LAST_INDEX:
        seen, index = _LAST_INDEX[0]
        if len(seen) == len(actors) and all(a is b for a, b in zip(seen, actors, strict=True)):
            return index
    index = SpanIndex.of_mentions(actors)
    _LAST_INDEX[:] = [(tuple(actors), index)]
    return index


def parties_of_index(ctx: DocContext, index: SpanIndex) -> list[str]:
    """:func:`document_parties` over indexed actor spans."""
    gz = load_gazetteer()
    for start, end in _windows(ctx):
        parties = []
        for span in index.within(start, end):
            compound = len(span.actor_ids) > 1 and any(gz.get(i).is_country for i in span.actor_ids)
            parties += [i for i in span.actor_ids if compound or gz.get(i).is_country]
        if parties:
            return dedupe(parties)
    return []


class _Windows:
    """Where the document's parties are looked for, in order: the title, the first sentence of
    the first line, of the first paragraph and of the text.

    A window's first sentence end is found the first time a search reaches that window, and
    kept: most documents name their parties in the title, and the other windows are then
    never cut into sentences.
    """

    def __init__(self, ctx: DocContext) -> None:
        self._tokens = ctx.tokens
        text = ctx.text
        self._found: list[tuple[int, int]] = []
        """The windows worked out so far, in order."""
        self._pending: list[tuple[int, int]] = []
        """The ranges whose first sentence makes the other windows, in order."""
        title = ctx.structure.title
        if title:
            at = text.find(title)
            if at >= 0:
                self._found.append((at, at + len(title)))
        stripped = len(text) - len(text.lstrip())
        line_end = text.find("\n", stripped)
        self._pending.append((stripped, line_end if line_end >= 0 else len(text)))
        self._pending += [(p.start, p.end) for p in ctx.structure.paragraphs[:1]]
        self._pending.append((0, len(text)))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        k = 0
        while True:
            if k == len(self._found):
                if not self._pending:
                    return
                start, end = self._pending.pop(0)
                self._found.append((start, _first_sentence_end(self._tokens, start, end)))
            yield self._found[k]
            k += 1


_LAST_WINDOWS: list[tuple[DocContext, str, Structure, Sequence[Token], _Windows]] = []
"""The last document's windows (one entry): the actor stage and the parties stage both ask."""


def _windows(ctx: DocContext) -> _Windows:
    """The document's :class:`_Windows`, made once per document."""
    if _LAST_WINDOWS:
        last, text, structure, tokens, windows = _LAST_WINDOWS[0]
        if last is ctx and text is ctx.text and structure is ctx.structure and tokens is ctx.tokens:
            return windows
    windows = _Windows(ctx)
    _LAST_WINDOWS[:] = [(ctx, ctx.text, ctx.structure, ctx.tokens, windows)]
    return windows


def _first_sentence_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """The end of the first sentence-final ``.``/``!``/``?`` token (``SF``) lying inside
    ``[start, end)``, else ``end``: among the tokens starting there (binary search), as
    :meth:`DocContext.tokens_in` would list them, up to the first mark.

    Only ``SF`` tokens are looked at, found by a lazy C-level pass over the tags."""
    first = bisect.bisect_left(tokens, start, key=_TOKEN_START)
    stop = bisect.bisect_left(tokens, end, first, key=_TOKEN_START)
    for k in compress(count(first), map(_SF_TAG.__contains__, map(_TOKEN_TAG, islice(tokens, first, stop)))):
        form, _, _, t_end = tokens[k]
        if t_end <= end and form in _SENTENCE_FINAL:
            return t_end
    return end


# --- sentences, clauses and subjects, each computed once --------------------------------------


class _Ranges:
    """Non-overlapping ranges in order, searchable by offset."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self.starts = [s for s, _ in ranges]

    def index_of(self, pos: int) -> int | None:
        """The index of the range holding ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ranges[i][1] else None


class _Attribution:
    """The subject machinery of one document, with every split and subject search cached."""

    def __init__(self, ctx: DocContext, index: SpanIndex, doc: list[str]) -> None:
        self.ctx = ctx
        self.index = index
        self.doc = doc
        self.rules: ActorRules = rules_for(ctx.language).actors
        self._splits: dict[tuple[int, int, bool], _Ranges] = {}
        self._subjects: dict[tuple[int, int], list[Subject]] = {}
        self._nonempty: dict[tuple[int, int], list[int]] = {}

    def split(self, start: int, end: int, clauses: bool = False) -> _Ranges:
        key = (start, end, clauses)
        hit = self._splits.get(key)
        if hit is None:
            if self.rules.sentences is not None:
                ranges = self.rules.sentences(self.ctx, start, end, clauses)
            else:
                ranges = [(start, end)] if self.ctx.text[start:end].strip() else []
            hit = self._splits[key] = _Ranges(ranges)
        return hit

    def subjects(self, start: int, end: int) -> list[Subject]:
        if self.rules.subjects is None:
            return []
        key = (start, end)
        hit = self._subjects.get(key)
        if hit is None:
            hit = self._subjects[key] = self.rules.subjects(self.ctx, self.index, start, end, self.doc)
        return hit

    def _with_subjects(self, sentence: tuple[int, int], clauses: _Ranges) -> list[int]:
        """Indices of the sentence's clauses that have any subject, in order."""
        hit = self._nonempty.get(sentence)
        if hit is None:
            hit = self._nonempty[sentence] = [i for i, (s, e) in enumerate(clauses.ranges) if self.subjects(s, e)]
        return hit

    def first_subject(self, start: int, end: int) -> list[str]:
        """Actor ids of the first actor subject in the first sentence of ``[start, end)``."""
        sentences = self.split(start, end).ranges
        if not sentences:
            return []
        s, e = sentences[0]
        for subj in self.subjects(s, e):
            if subj.ids:
                return list(subj.ids)
        return []

    def clause_subject(self, start: int, end: int, pos: int) -> list[str] | None:
        """Subject ids for an amount at ``pos``; ``None`` means fall back to the bullet's parties."""
        sentences = self.split(start, end)
        si = sentences.index_of(pos)
        sentence = sentences.ranges[si] if si is not None else (start, end)
        clauses = self.split(sentence[0], sentence[1], clauses=True)
        ci = clauses.index_of(pos)
        if ci is None:
            ci = len(clauses.ranges) - 1
        if ci < 0:
            return None
        s, e = clauses.ranges[ci]
        subjects = self.subjects(s, e)
        before = [x for x in subjects if x.pos < pos]
        if not before:
            after = [x for x in subjects if x.pos >= pos]
            if after:
                return list(after[0].ids) if after[0].ids else None
            if self.rules.clause_carries is not None and not self.rules.clause_carries(self.ctx, s, e):
                return None
            # the nearest earlier clause with a subject before ``pos`` (clauses without any
            # subject are skipped: they decide nothing)
            nonempty = self._with_subjects(sentence, clauses)
            k = bisect.bisect_left(nonempty, ci) - 1
            while k >= 0 and not before:
                s, e = clauses.ranges[nonempty[k]]
                before = [x for x in self.subjects(s, e) if x.pos < pos]
                k -= 1
            if not before:
                return None
        actor = [x for x in before if x.ids]
        return list(actor[-1].ids) if actor else None


# --- bullets and amounts ---------------------------------------------------------------------


class _LeadIns:
    """Lead-in paragraphs by text, so each bullet finds its own in O(log n)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.by_text: dict[str, list[tuple[int, int]]] = {}
        for p in ctx.structure.paragraphs:
            if p.is_lead_in:
                self.by_text.setdefault(p.text.strip(), []).append((p.start, p.end))

    def span(self, bullet: Bullet) -> tuple[int, int] | None:
        if not bullet.lead_in:
            return None
        spans = self.by_text.get(bullet.lead_in.strip(), [])
        i = bisect.bisect_right(spans, (bullet.start, bullet.start)) - 1
        if i >= 0:
            return spans[i]
        at = self.ctx.text.rfind(bullet.lead_in, max(0, bullet.start - 5000), bullet.start)
        return (at, at + len(bullet.lead_in)) if at >= 0 else None


def _bullet_parties(ctx: DocContext, attribution: _Attribution) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    lead_ins = _LeadIns(ctx)
    for b in sorted(ctx.structure.bullets, key=lambda x: x.start):
        own = attribution.first_subject(b.start, b.end)
        if not own and b.parent_id and out.get(b.parent_id):
            own = out[b.parent_id]
        if not own:
            span = lead_ins.span(b)
            if span is not None:
                own = attribution.first_subject(span[0], span[1])
        out[b.bullet_id] = own or list(attribution.doc)
    return out


def bullet_parties(ctx: DocContext, actors: list[Mention[ActorFields]], doc: list[str] | None = None) -> dict[str, list[str]]:
    """``bullet_id -> actor ids`` committing to the bullet, in order of first appearance;
    ``doc`` is the document's parties when the caller has them already."""
    index = _index_of(actors)
    doc = parties_of_index(ctx, index) if doc is None else doc
    return _bullet_parties(ctx, _Attribution(ctx, index, list(doc)))


class _Containers:
    """The innermost bullet (else paragraph, else the whole text) holding an offset."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.bullets = sorted(ctx.structure.bullets, key=lambda b: (b.start, -b.end))
        self.bullet_starts = [b.start for b in self.bullets]
        self.paragraphs = sorted(ctx.structure.paragraphs, key=lambda p: p.start)
        self.paragraph_starts = [p.start for p in self.paragraphs]

    def at(self, pos: int) -> tuple[int, int, str | None]:
        i = bisect.bisect_right(self.bullet_starts, pos) - 1
        for b in reversed(self.bullets[max(0, i - 8) : i + 1]):
            if b.start <= pos < b.end:
                return b.start, b.end, b.bullet_id
        j = bisect.bisect_right(self.paragraph_starts, pos) - 1
        if j >= 0 and self.paragraphs[j].start <= pos < self.paragraphs[j].end:
            return self.paragraphs[j].start, self.paragraphs[j].end, None
        return 0, len(self.ctx.text), None


def amount_parties(
    ctx: DocContext,
    actors: list[Mention[ActorFields]],
    amounts: Sequence[Mention[Any]],
    doc: list[str] | None = None,
    bullets: dict[str, list[str]] | None = None,
) -> list[list[str]]:
    """Actor ids each amount belongs to, in the order of ``amounts``; ``doc`` and ``bullets``
    are the document's and the bullets' parties when the caller has them already."""
    index = _index_of(actors)
    doc = parties_of_index(ctx, index) if doc is None else doc
    attribution = _Attribution(ctx, index, list(doc))
    bullets = _bullet_parties(ctx, attribution) if bullets is None else bullets
    containers = _Containers(ctx)
    out: list[list[str]] = []
    for a in amounts:
        start, end, bullet_id = containers.at(a.start)
        ids = attribution.clause_subject(start, end, a.start)
        if not ids:
            ids = bullets.get(bullet_id, doc) if bullet_id else doc
        out.append(list(ids))
    return out


__all__ = ["amount_parties", "bullet_parties", "document_parties", "parties_of_index"]
