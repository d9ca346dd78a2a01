"""Korean sentences, clauses and clause subjects, from Kiwi tags.

A subject is an actor mention directly followed by a topic/subject particle (``JX`` 은/는/도,
``JKS`` 이/가, ``JKB`` 에서 for organisations), possibly through a head noun (``미국 정부는``,
``한미 양국은``) and with actors coordinated before it (``한국과 미국은``: ``JC``); ``우리``
stands for the document's parties. Clauses end at connective endings (``EC`` 고/며/으며...)
and sentence ends. Markers in ``data/actors.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import itemgetter
from typing import Any

from pipeline.actors.gazetteer import load_gazetteer
from pipeline.actors.spans import Span, SpanIndex, Subject, dedupe
from pipeline.context import DocContext
from pipeline.lang.ko.actors import markers

_NOUNS = {"NNG", "NNP", "NNB", "NR", "NP", "SL", "SN", "SH", "XSN"}
_VERBAL_ENDINGS = {"EC", "EF", "ETM", "ETN"}
_SENTENCE_CUT_TAGS = frozenset({"SF"})
_CLAUSE_CUT_TAGS = frozenset({"SF", "EC"})
_FORM = itemgetter(0)
_TAG = itemgetter(1)


def sentences(ctx: DocContext, start: int, end: int, clauses: bool) -> list[tuple[int, int]]:
    """Sentence (or clause) ranges inside ``[start, end)``."""
    connectives = _markers().connectives
    text = ctx.text
    tokens = ctx.tokens_in(start, end)
    out: list[tuple[int, int]] = []
    cur = prev_end = start
    breaks = text.find("\n", start, end) != -1
    # without a line break in the range (where every gap between its tokens lies) only sentence
    # marks and clause connectives cut: those tokens are found by a C-level pass over the tags
    cut_tags = _CLAUSE_CUT_TAGS if clauses else _SENTENCE_CUT_TAGS
    looked_at = range(len(tokens)) if breaks else compress(count(), map(cut_tags.__contains__, map(_TAG, tokens)))
    for k in looked_at:
        form, tag, t_start, t_end = tokens[k]
        if breaks and prev_end != t_start and "\n" in text[prev_end:t_start] and prev_end > cur:
            out.append((cur, prev_end))
            cur = t_start
        prev_end = t_end
        if (tag == "SF") or (clauses and tag == "EC" and form in connectives):
            out.append((cur, t_end))
            cur = t_end
    if cur < end:
        out.append((cur, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


@dataclass(frozen=True, slots=True)
class _Markers:
    """The markers of ``data/actors.yaml`` that the clause and subject loops test, as sets."""

    connectives: frozenset[str]
    particles: dict[str, frozenset[str]]
    org_particles: dict[str, frozenset[str]]
    heads: frozenset[str]
    we: frozenset[str]
    coordinators: dict[str, frozenset[str]]
    any_particle: frozenset[str]
    """Every form of ``particles`` and ``org_particles``, whatever its tag."""


@cache
def _markers() -> _Markers:
    ko = markers()

    def by_tag(name: str) -> dict[str, frozenset[str]]:
        return {tag: frozenset(forms) for tag, forms in ko[name].items()}

    particles, org_particles = by_tag("subject_particles"), by_tag("org_subject_particles")
    return _Markers(
        connectives=frozenset(ko["clause_connectives"]),
        particles=particles,
        org_particles=org_particles,
        heads=frozenset(ko["subject_heads"]),
        we=frozenset(ko["we_pronouns"]),
        coordinators=by_tag("coordinators"),
        any_particle=frozenset().union(*particles.values(), *org_particles.values()),
    )


_NONE: frozenset[str] = frozenset()


def subjects(ctx: DocContext, index: SpanIndex, start: int, end: int, doc: list[str]) -> list[Subject]:
    """Clause subjects in ``[start, end)``: actor ids, or ``()`` for a subject that is no actor."""
    gz = load_gazetteer()
    ko = _markers()
    particles, org_particles, heads, we = ko.particles, ko.org_particles, ko.heads, ko.we
    toks = list(ctx.tokens_in(start, end))
    out: list[Subject] = []
    # most tokens are no particle of either list: only the others are looked at (a C-level
    # pass over the forms)
    for k in compress(count(), map(ko.any_particle.__contains__, map(_FORM, toks))):
        t = toks[k]
        is_subj = t.form in particles.get(t.tag, _NONE)
        is_org = t.form in org_particles.get(t.tag, _NONE)
        if not (is_subj or is_org) or k == 0:
            continue
        p = toks[k - 1]
        if p.end != t.start or p.tag not in _NOUNS:
            continue
        span = index.by_end.get(p.end)
        q = k - 1
        hops = 0
        while span is None and toks[q].form in heads and q > 0 and hops < 3:
            q -= 1
            hops += 1
            span = index.by_end.get(toks[q].end)
        if span is None or not span.actor_ids:
            if p.tag == "NP" and p.form in we:
                out.append(Subject(t.start, tuple(doc)))
            elif is_subj and t.form != "도":
                out.append(Subject(t.start, ()))
            continue
        if is_org and not is_subj and all(gz.get(i).is_country for i in span.actor_ids):
            continue
        if t.tag != "JX" and _embedded(toks, k):
            continue
        ids = list(span.actor_ids)
        out.append(Subject(t.start, tuple(dedupe(_coordinated(ctx, index, span) + ids))))
    return out


def _embedded(toks: Sequence[Any], k: int) -> bool:
    """Whether the clause after the particle ends in an adnominal/nominal ending (a modifier)."""
    for t in toks[k + 1 :]:
        if t.tag in _VERBAL_ENDINGS:
            return t.tag in {"ETM", "ETN"}
    return False


def _coordinated(ctx: DocContext, index: SpanIndex, span: Span) -> list[str]:
    """Actors joined before ``span`` by 와/과/및/·/, (``한국과 미국은`` -> [KOR])."""
    coord = _markers().coordinators
    out: list[str] = []
    cur = span
    for _ in range(6):
        before = list(ctx.tokens_in(max(0, cur.start - 8), cur.start))
        if not before:
            break
        c = before[-1]
        if c.form not in coord.get(c.tag, _NONE) or ctx.text[c.end : cur.start].strip():
            break
        e = c.start
        while e > 0 and ctx.text[e - 1].isspace():
            e -= 1
        prev = index.by_end.get(e)
        if prev is None or not prev.actor_ids:
            break
        out = list(prev.actor_ids) + out
        cur = prev
    return out
