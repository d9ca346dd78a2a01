"""English sentences, clauses and clause subjects, over words rebuilt from the Kiwi tokens.

A subject is an actor phrase followed by a verb such as ``will`` or ``has committed``, with
actors coordinated before it (``the United States and Korea will``); ``we`` stands for the
document's parties. Clauses end at ``;``, ``, and`` and sentence ends. Markers in
``data/actors.yaml``.
"""

from __future__ import annotations

import bisect
from functools import cache
from itertools import compress, count
from operator import itemgetter

from pipeline.actors.spans import Span, SpanIndex, Subject, dedupe
from pipeline.context import DocContext
from pipeline.lang.en.actors import markers
from pipeline.lang.en.words import Word, sentence_breaks, words_between

_FORM = itemgetter(0)
_START = itemgetter(1)
"""A word's form and start, as C-level getters."""


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``data/actors.yaml`` as a set, built once per process (not once per call)."""
    return frozenset(markers()[key])


def sentences(ctx: DocContext, start: int, end: int, clauses: bool) -> list[tuple[int, int]]:
    """Sentence (or clause) ranges inside ``[start, end)``."""
    words = words_between(ctx.tokens, start, end)
    ends = sentence_breaks(words, ctx.text)
    if not clauses:  # sentences end at the breaks alone: no pass over every word
        cuts = [words[k].end for k in ends]
    else:
        breaks = set(ends)
        conj = _words("clause_conjunctions")
        cuts = [
            w.end
            for k, w in enumerate(words)
            if k in breaks or w.form == ";" or (w.form == "," and k + 1 < len(words) and words[k + 1].form in conj)
        ]
    out: list[tuple[int, int]] = []
    cur = start
    for cut in cuts:
        out.append((cur, cut))
        cur = cut
    if cur < end:
        out.append((cur, end))
    return [(s, e) for s, e in out if ctx.text[s:e].strip()]


def subjects(ctx: DocContext, index: SpanIndex, start: int, end: int, doc: list[str]) -> list[Subject]:
    """Clause subjects in ``[start, end)``, in text order."""
    words = words_between(ctx.tokens, start, end)
    spans = index.within(start, end)
    if not spans and _words("we_pronouns").isdisjoint(map(_FORM, words)):
        return []  # no actor and no "we": no subject (most clauses; no per-word work)
    return _subjects(index, start, words, spans, doc)


def _subjects(index: SpanIndex, start: int, words: list[Word], spans: list[Span], doc: list[str]) -> list[Subject]:
    """:func:`subjects` of the clause from ``start`` holding ``words`` and the actor ``spans``."""
    verbs = _words("subject_verbs")
    adverbs = _words("subject_adverbs")
    we = _words("we_pronouns")
    starts = list(map(_START, words))
    out: list[Subject] = []

    def verb_follows(k: int) -> bool:
        while k < len(words) and words[k].form in adverbs:
            k += 1
        return k < len(words) and words[k].is_word and words[k].form in verbs

    def between(a: int, b: int) -> list[str]:
        return [w.form for w in words[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]]

    for k in compress(count(), map(we.__contains__, map(_FORM, words))):  # only "we" words
        if verb_follows(k + 1):
            out.append(Subject(words[k].start, tuple(doc)))
    for span in spans:
        if not span.actor_ids:
            continue
        nxt = bisect.bisect_left(starts, span.end)
        if nxt >= len(words) or words[nxt].start - span.end > 2 or not verb_follows(nxt):
            continue
        ids = list(span.actor_ids)
        cur = span
        for _ in range(6):
            prev = index.before(cur)
            if prev is None or not prev.actor_ids or prev.start < start:
                break
            forms = between(prev.end, cur.start)
            if not forms or forms[0] == "the" or not set(forms) <= {"and", ",", "the", "&"}:
                break
            ids = list(prev.actor_ids) + ids
            cur = prev
        out.append(Subject(span.start, tuple(dedupe(ids))))
    out.sort(key=lambda s: s.pos)
    return out


def clause_carries(ctx: DocContext, start: int, end: int) -> bool:
    """An English clause without an actor subject takes the one before only if it opens with a
    verb (``, and commit $1 billion``), not with a noun phrase (``, and the total is ...``)."""
    words = [w for w in words_between(ctx.tokens, start, end) if w.is_word]
    conj = _words("clause_conjunctions")
    while words and words[0].form in conj:
        words = words[1:]
    if not words:
        return False
    first = words[0].form
    return first not in _words("determiners") and first[:1].islower()
