"""Who commits: the parties of the document, of each bullet, and of each money amount.

The subject of a clause is found from Kiwi tags, not from string positions: in Korean an
actor mention directly followed by a topic/subject particle (``JX`` 은/는/도, ``JKS`` 이/가,
``JKB`` 에서 for organisations), possibly through a head noun (``미국 정부는``, ``한미 양국은``)
and with actors coordinated before it (``한국과 미국은``: ``JC``); in English an actor phrase
followed by a verb such as ``will`` or ``has committed`` (words rebuilt from the same tokens).
``우리``/``we`` stand for the document's parties.

- :func:`document_parties`: the countries named in the title (else the first line/sentence);
- :func:`bullet_parties`: a bullet's own subject (first sentence), else its parent's parties
  (sub-items), else the subject of its lead-in, else the document's parties;
- :func:`amount_parties`: the subject of the clause holding the amount; clauses end at
  connective endings (``EC`` 고/며/으며...) and sentence ends in Korean, at ``;``, ``, and``
  and sentence ends in English. A clause without a subject takes the subject of the clause
  before it in the same sentence (Korean drops repeated subjects); a clause whose subject is
  not an actor (``투자 총 규모는 250억불``) falls back to the bullet's (or document's) parties.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.actors.words import Word, sentence_breaks_en, words_between
from pipeline.lexicon import lang_yaml
from pipeline.mentions import DocContext, Mention
from schemas.models import ActorFields, Bullet, Language

_NOUNS = {"NNG", "NNP", "NNB", "NR", "NP", "SL", "SN", "SH", "XSN"}
_VERBAL_ENDINGS = {"EC", "EF", "ETM", "ETN"}


@dataclass(frozen=True, slots=True)
class Span:
    """One actor span with all its ids (``None`` for an unlisted organisation)."""

    start: int
    end: int
    ids: tuple[str | None, ...]

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(i for i in self.ids if i is not None)


@dataclass(frozen=True, slots=True)
class Subject:
    """A clause subject at ``pos``: actor ids, or ``()`` for a subject that is no actor."""

    pos: int
    ids: tuple[str, ...]


@cache
def _ko() -> dict[str, Any]:
    data: dict[str, Any] = lang_yaml("ko", "actors.yaml")
    return data


@cache
def _en() -> dict[str, Any]:
    data: dict[str, Any] = lang_yaml("en", "actors.yaml")
    return data


class _Index:
    """Actor spans by start and end offset."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.by_end = {s.end: s for s in self.spans}
        self.by_start = {s.start: s for s in self.spans}
        self.starts = [s.start for s in self.spans]

    def within(self, start: int, end: int) -> list[Span]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.end <= end]


def _spans(actors: Iterable[Mention[ActorFields]]) -> list[Span]:
    grouped: dict[tuple[int, int], list[str | None]] = {}
    for m in actors:
        ids = grouped.setdefault((m.start, m.end), [])
        if m.fields.actor_id not in ids:
            ids.append(m.fields.actor_id)
    return [Span(s, e, tuple(ids)) for (s, e), ids in grouped.items()]


def _dedupe(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


# --- document parties -----------------------------------------------------------------------


def parties_from_groups(ctx: DocContext, groups: Sequence[Any]) -> list[str]:
    """Document parties from actor groups (anything with ``start``, ``end``, ``ids``)."""
    return _document_parties(ctx, _Index(Span(g.start, g.end, tuple(g.ids)) for g in groups))


def document_parties(ctx: DocContext, actors: list[Mention[ActorFields]]) -> list[str]:
    """The parties of the document: the countries its title names, in order (``[KOR, USA]``),
    with an organisation joined to a country in one compound (``한-아세안`` -> ``[KOR, ASEAN]``)."""
    return _document_parties(ctx, _Index(_spans(actors)))


def _document_parties(ctx: DocContext, index: _Index) -> list[str]:
    from pipeline.actors.gazetteer import load_gazetteer

    gz = load_gazetteer()
    text = ctx.text
    windows: list[tuple[int, int]] = []
    title = ctx.structure.title
    if title:
        at = text.find(title)
        if at >= 0:
            windows.append((at, at + len(title)))
    stripped = len(text) - len(text.lstrip())
    line_end = text.find("\n", stripped)
    line_end = line_end if line_end >= 0 else len(text)
    windows.append((stripped, _first_sentence_end(ctx, stripped, line_end)))
    for p in ctx.structure.paragraphs[:1]:
        windows.append((p.start, _first_sentence_end(ctx, p.start, p.end)))
    windows.append((0, _first_sentence_end(ctx, 0, len(text))))
    for start, end in windows:
        parties = []
        for span in index.within(start, end):
            compound = len(span.actor_ids) > 1 and any(gz.get(i).is_country for i in span.actor_ids)
            parties += [i for i in span.actor_ids if compound or gz.get(i).is_country]
        if parties:
            return _dedupe(parties)
    return _dedupe(i for s in index.spans for i in s.actor_ids if gz.get(i).is_country)[:2]


def _first_sentence_end(ctx: DocContext, start: int, end: int) -> int:
    for t in ctx.tokens_in(start, end):
        if t.tag == "SF" and t.form in {".", "!", "?"}:
            return t.end
    return end


# --- sentences and clauses ------------------------------------------------------------------


def _ko_sentences(ctx: DocContext, start: int, end: int, clauses: bool) -> list[tuple[int, int]]:
    """Sentence (or clause) ranges inside ``[start, end)``."""
    connectives = set(_ko()["clause_connectives"])
    out: list[tuple[int, int]] = []
    cur = start
    prev_end = start
    for t in ctx.tokens_in(start, end):
        if "\n" in ctx.text[prev_end : t.start] and prev_end > cur:
            out.append((cur, prev_end))
            cur = t.start
        prev_end = t.end
        if (t.tag == "SF") or (clauses and t.tag == "EC" and t.form in connectives):
            out.append((cur, t.end))
            cur = t.end
    if cur < end:
        out.append((cur, end))
    return [(s, e) for s, e in out if ctx.text[s:e].strip()]


def _en_sentences(ctx: DocContext, start: int, end: int, clauses: bool) -> list[tuple[int, int]]:
    words = _words_in(ctx, start, end)
    breaks = set(sentence_breaks_en(words, ctx.text))
    conj = set(_en()["clause_conjunctions"])
    out: list[tuple[int, int]] = []
    cur = start
    for k, w in enumerate(words):
        cut = None
        if (
            k in breaks
            or (clauses and w.form == ";")
            or (clauses and w.form == "," and k + 1 < len(words) and words[k + 1].form in conj)
        ):
            cut = w.end
        if cut is not None:
            out.append((cur, cut))
            cur = cut
    if cur < end:
        out.append((cur, end))
    return [(s, e) for s, e in out if ctx.text[s:e].strip()]


def _words_in(ctx: DocContext, start: int, end: int) -> list[Word]:
    return words_between(ctx.tokens, start, end)


def _sentences(ctx: DocContext, start: int, end: int, clauses: bool = False) -> list[tuple[int, int]]:
    if ctx.language == Language.KO:
        return _ko_sentences(ctx, start, end, clauses)
    return _en_sentences(ctx, start, end, clauses)


# --- subjects -------------------------------------------------------------------------------


def _subjects(ctx: DocContext, index: _Index, start: int, end: int, doc: list[str]) -> list[Subject]:
    if ctx.language == Language.KO:
        return _ko_subjects(ctx, index, start, end, doc)
    return _en_subjects(ctx, index, start, end, doc)


def _ko_subjects(ctx: DocContext, index: _Index, start: int, end: int, doc: list[str]) -> list[Subject]:
    from pipeline.actors.gazetteer import load_gazetteer

    gz = load_gazetteer()
    ko = _ko()
    particles: dict[str, list[str]] = ko["subject_particles"]
    org_particles: dict[str, list[str]] = ko["org_subject_particles"]
    heads = set(ko["subject_heads"])
    we = set(ko["we_pronouns"])
    toks = list(ctx.tokens_in(start, end))
    out: list[Subject] = []
    for k, t in enumerate(toks):
        is_subj = t.form in particles.get(t.tag, [])
        is_org = t.form in org_particles.get(t.tag, [])
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
        out.append(Subject(t.start, tuple(_dedupe(_ko_coordinated(ctx, index, span) + ids))))
    return out


def _embedded(toks: Sequence[Any], k: int) -> bool:
    """Whether the clause after the particle ends in an adnominal/nominal ending (a modifier)."""
    for t in toks[k + 1 :]:
        if t.tag in _VERBAL_ENDINGS:
            return t.tag in {"ETM", "ETN"}
    return False


def _ko_coordinated(ctx: DocContext, index: _Index, span: Span) -> list[str]:
    """Actors joined before ``span`` by 와/과/및/·/, (``한국과 미국은`` -> [KOR])."""
    coord: dict[str, list[str]] = _ko()["coordinators"]
    out: list[str] = []
    cur = span
    for _ in range(6):
        before = list(ctx.tokens_in(max(0, cur.start - 8), cur.start))
        if not before:
            break
        c = before[-1]
        if c.form not in coord.get(c.tag, []) or ctx.text[c.end : cur.start].strip():
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


def _en_subjects(ctx: DocContext, index: _Index, start: int, end: int, doc: list[str]) -> list[Subject]:
    en = _en()
    verbs = set(en["subject_verbs"])
    adverbs = set(en["subject_adverbs"])
    we = set(en["we_pronouns"])
    words = _words_in(ctx, start, end)
    starts = [w.start for w in words]
    out: list[Subject] = []

    def verb_follows(k: int) -> bool:
        while k < len(words) and words[k].form in adverbs:
            k += 1
        return k < len(words) and words[k].is_word and words[k].form in verbs

    def between(a: int, b: int) -> list[str]:
        return [w.form for w in words[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]]

    for k, w in enumerate(words):
        if w.form in we and verb_follows(k + 1):
            out.append(Subject(w.start, tuple(doc)))
    for span in index.within(start, end):
        if not span.actor_ids:
            continue
        nxt = bisect.bisect_left(starts, span.end)
        if nxt >= len(words) or words[nxt].start - span.end > 2 or not verb_follows(nxt):
            continue
        ids = list(span.actor_ids)
        cur = span
        for _ in range(6):
            prev = _prev_span(index, cur)
            if prev is None or not prev.actor_ids or prev.start < start:
                break
            forms = between(prev.end, cur.start)
            if not forms or forms[0] == "the" or not set(forms) <= {"and", ",", "the", "&"}:
                break
            ids = list(prev.actor_ids) + ids
            cur = prev
        out.append(Subject(span.start, tuple(_dedupe(ids))))
    out.sort(key=lambda s: s.pos)
    return out


def _prev_span(index: _Index, span: Span) -> Span | None:
    i = bisect.bisect_left(index.starts, span.start)
    return index.spans[i - 1] if i > 0 else None


def _prev_end(index: _Index, span: Span) -> int:
    prev = _prev_span(index, span)
    return prev.end if prev is not None else 0


# --- bullets and amounts ---------------------------------------------------------------------


def _first_subject(ctx: DocContext, index: _Index, start: int, end: int, doc: list[str]) -> list[str]:
    """Actor ids of the first actor subject in the first sentence of ``[start, end)``."""
    sentences = _sentences(ctx, start, end)
    if not sentences:
        return []
    s, e = sentences[0]
    for subj in _subjects(ctx, index, s, e, doc):
        if subj.ids:
            return list(subj.ids)
    return []


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


def _bullet_parties(ctx: DocContext, index: _Index, doc: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    lead_ins = _LeadIns(ctx)
    lead_cache: dict[tuple[int, int], list[str]] = {}
    for b in sorted(ctx.structure.bullets, key=lambda x: x.start):
        own = _first_subject(ctx, index, b.start, b.end, doc)
        if not own and b.parent_id and out.get(b.parent_id):
            own = out[b.parent_id]
        if not own:
            span = lead_ins.span(b)
            if span is not None:
                if span not in lead_cache:
                    lead_cache[span] = _first_subject(ctx, index, span[0], span[1], doc)
                own = lead_cache[span]
        out[b.bullet_id] = own or list(doc)
    return out


def bullet_parties(ctx: DocContext, actors: list[Mention[ActorFields]]) -> dict[str, list[str]]:
    """``bullet_id -> actor ids`` committing to the bullet, in order of first appearance."""
    index = _Index(_spans(actors))
    return _bullet_parties(ctx, index, _document_parties(ctx, index))


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


def _clause_subject(ctx: DocContext, index: _Index, start: int, end: int, pos: int, doc: list[str]) -> list[str] | None:
    """Subject ids for an amount at ``pos``; ``None`` means fall back to the bullet's parties."""
    sentences = _sentences(ctx, start, end)
    sentence = next(((s, e) for s, e in sentences if s <= pos < e), (start, end))
    clauses = _sentences(ctx, sentence[0], sentence[1], clauses=True)
    ci = next((i for i, (s, e) in enumerate(clauses) if s <= pos < e), len(clauses) - 1)
    for i in range(ci, -1, -1):
        s, e = clauses[i]
        subjects = _subjects(ctx, index, s, e, doc)
        before = [x for x in subjects if x.pos < pos]
        if before:
            actor = [x for x in before if x.ids]
            if actor:
                return list(actor[-1].ids)
            return None
        after = [x for x in subjects if x.pos >= pos]
        if i == ci and after:
            return list(after[0].ids) if after[0].ids else None
        if i == ci and ctx.language == Language.EN and not _en_carries(ctx, s, e):
            return None
    return None


def _en_carries(ctx: DocContext, start: int, end: int) -> bool:
    """An English clause without an actor subject takes the one before only if it opens with a
    verb (``, and commit $1 billion``), not with a noun phrase (``, and the total is ...``)."""
    en = _en()
    words = [w for w in _words_in(ctx, start, end) if w.is_word]
    conj = set(en["clause_conjunctions"])
    while words and words[0].form in conj:
        words = words[1:]
    if not words:
        return False
    first = words[0].form
    return first not in set(en["determiners"]) and first[:1].islower()


def amount_parties(ctx: DocContext, actors: list[Mention[ActorFields]], amounts: Sequence[Mention[Any]]) -> list[list[str]]:
    """Actor ids each amount belongs to, in the order of ``amounts``."""
    index = _Index(_spans(actors))
    doc = _document_parties(ctx, index)
    bullets = _bullet_parties(ctx, index, doc)
    containers = _Containers(ctx)
    out: list[list[str]] = []
    for a in amounts:
        start, end, bullet_id = containers.at(a.start)
        ids = _clause_subject(ctx, index, start, end, a.start, doc)
        if not ids:
            ids = bullets.get(bullet_id, doc) if bullet_id else doc
        out.append(list(ids))
    return out


__all__ = ["amount_parties", "bullet_parties", "document_parties", "parties_from_groups"]
