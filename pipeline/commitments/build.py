"""Commitment rows of one document: clauses of every bullet and paragraph, analysed by the
document's language, then settled here: modality (explicit cue, else a later clause of the
same sentence, else the lead-in, else committed), action (money given becomes ``aid``,
``contribute`` or ``fund`` by its counterpart), parties, counterparts, mentions, sectors.

Every amount ends in exactly one row: a clause with an amount always gives a row, a clause
that only measures a sum (``투자 총 규모는 … 달하며``, ``totaling …``) joins the commitment
before it in the same bullet, and an amount outside any bullet or paragraph gets its line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from itertools import accumulate
from operator import attrgetter, itemgetter
from types import ModuleType
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import TypeAdapter

from pipeline.commitments import english, korean
from pipeline.commitments.cues import LANGUAGES, Lexicon, lexicon, modality_cue
from pipeline.commitments.facts import Clause, Facts
from pipeline.commitments.keys import DocumentKeys, Finder, automata
from pipeline.commitments.scan import CueScan
from pipeline.commitments.scan import key_table as scan_keys
from pipeline.commitments.sectors import DocumentSectors
from pipeline.commitments.sectors import key_table as sector_keys
from pipeline.context import DocContext
from schemas.models import (
    Action,
    ActorMention,
    ActorType,
    Amount,
    Commitment,
    DateMention,
    Modality,
    Quantity,
    QuantityKind,
    Relation,
)

_ANALYSERS: dict[str, ModuleType] = {"ko": korean, "en": english}
R = TypeVar("R")
_PAIR = itemgetter(0, 1)
"""The span of a ``(start, end)`` pair: the pair itself."""
_EXPLICIT = {"welcomed", "exploring", "planned", "committed"}


class _Container(NamedTuple):
    """A bullet, paragraph or line whose clauses may hold commitments."""

    start: int
    end: int
    bullet_id: str | None
    lead_in: str | None
    amounts_only: bool = False
    line: bool = False


@dataclass(slots=True)
class _Row:
    container: int
    clause: Clause
    facts: Facts
    amounts: list[Amount]
    modality: str | None
    start: int
    end: int
    rule: str


class _Index(Generic[R]):
    """Records with offsets, sorted by start: the ones inside a range by binary search."""

    def __init__(
        self,
        records: Sequence[R],
        span: Callable[[R], tuple[int, int]] = attrgetter("start", "end"),
        spans: list[tuple[int, int]] | None = None,
    ) -> None:
        """``spans``: the span of each record, when the caller has them already."""
        spans = list(map(span, records)) if spans is None else spans
        order = sorted(range(len(spans)), key=spans.__getitem__)  # stable: as sorting by span
        self.records = [records[i] for i in order]
        self.starts = [spans[i][0] for i in order]
        self.ends = [spans[i][1] for i in order]
        self.reach = list(accumulate(self.ends, max))
        """The furthest end up to each record: where it is within a range's end, so are all before."""

    def within(self, start: int, end: int) -> list[R]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end, lo)
        if lo == hi or self.reach[hi - 1] <= end:
            return self.records[lo:hi]
        return [r for r, e in zip(self.records[lo:hi], self.ends[lo:hi], strict=True) if e <= end]


class _Actors:
    """The actor mentions of one document, read once: by span, and indexed by offset (their
    distinct spans; all of them and the government bodies, built when first asked)."""

    def __init__(self, actors: Sequence[ActorMention]) -> None:
        self.actors = actors
        self.spans_of = list(map(_SPAN, actors))
        self.by_span: dict[tuple[int, int], list[ActorMention]] = {}
        """The actor mentions at each span."""
        for span, a in zip(self.spans_of, actors, strict=True):
            self.by_span.setdefault(span, []).append(a)
        self.spans = _Index(sorted(self.by_span), span=_PAIR)

    @cached_property
    def mentions(self) -> _Index[ActorMention]:
        return _Index(self.actors, spans=self.spans_of)

    @cached_property
    def government(self) -> _Index[ActorMention]:
        """Ministries and other government bodies: blanked before sectors are looked for."""
        return _Index([a for a in self.actors if a.actor_type == ActorType.GOVERNMENT])


_SPAN = attrgetter("start", "end")


def _containers(ctx: DocContext, amounts: Sequence[Amount]) -> list[_Container]:
    out = [_Container(b.start, b.end, b.bullet_id, b.lead_in) for b in ctx.structure.bullets if b.parent_id is None]
    out += [_Container(p.start, p.end, None, None, amounts_only=p.is_lead_in) for p in ctx.structure.paragraphs]
    covered = sorted((c.start, c.end) for c in out)
    starts = [s for s, _ in covered]
    lines: set[int] = set()
    for a in amounts:
        i = bisect.bisect_right(starts, a.start) - 1
        if i >= 0 and covered[i][0] <= a.start and a.end <= covered[i][1]:
            continue
        line_start = ctx.text.rfind("\n", 0, a.start) + 1
        line_end = ctx.text.find("\n", a.end)
        line_end = len(ctx.text) if line_end < 0 else line_end
        if line_start not in lines:
            lines.add(line_start)
            out.append(_Container(line_start, line_end, None, None, amounts_only=True, line=True))
    return sorted(out, key=lambda c: c.start)


def _explicit_modality(facts: Facts, has_amount: bool) -> str | None:
    """The modality the clause states itself, or ``None`` when it only follows its context."""
    if facts.modality in _EXPLICIT:
        return facts.modality
    if facts.statistic or facts.measured or (facts.copula and has_amount):
        return Modality.REPORTED.value
    if facts.past:
        return Modality.COMMITTED.value if facts.modality == "committed_weak" else Modality.REPORTED.value
    if facts.modality == "committed_weak":
        return Modality.COMMITTED.value
    return None


@dataclass(frozen=True, slots=True)
class Parties:
    """Who commits when a clause does not say: the parties of each bullet and of the document
    (``pipeline.actors.parties``)."""

    of_bullet: Mapping[str, list[str]]
    of_document: list[str]


def extract_commitments(
    ctx: DocContext,
    actors: Sequence[ActorMention],
    amounts: Sequence[Amount],
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
    parties: Parties,
) -> list[Commitment]:
    """Every commitment row of the document, numbered ``{doc_id}:c{n}`` in offset order."""
    if ctx.language not in LANGUAGES:
        return []
    lex = lexicon(ctx.language)
    analyser = _ANALYSERS[ctx.language]
    containers = _containers(ctx, amounts)
    numeric_all = _Index([(m.start, m.end) for m in (*amounts, *dates, *quantities)], span=_PAIR)
    amount_index = _Index(amounts)
    mentions = _Actors(actors)
    rows: list[_Row] = []
    clauses_of: dict[int, list[Clause]] = {}
    keys = DocumentKeys(ctx.text, _automata(ctx.language))
    scan = CueScan(lex, ctx.text, keys, _CUE_KEYS)
    for ci, container in enumerate(containers):
        sums = amount_index.within(container.start, container.end)
        if not sums and (container.amounts_only or not scan.may_act(container.start, container.end)):
            continue  # no clause of it can hold a sum or an action cue: no row
        clauses = analyser.segment(ctx, lex, container.start, container.end)
        clauses_of[ci] = clauses
        pending: list[_Row] = []
        for clause in clauses:
            held = amount_index.within(clause.start, clause.end) if sums else []  # a clause lies in its container
            found = [] if container.amounts_only and not held else scan.actions(clause.start, clause.end)
            if not held and not found:
                continue  # no sum and no action cue: no row, whatever the clause says
            numeric = numeric_all.within(clause.start, clause.end)
            spans = mentions.spans.within(clause.start, clause.end)
            facts = analyser.analyse(ctx, scan, clause, spans, numeric, found)
            if not held and (facts.action is None or facts.stance):
                continue
            explicit = _explicit_modality(facts, bool(held))
            previous = pending[-1] if pending else None
            if (
                held
                and previous is not None
                and not previous.amounts
                and facts.modality not in _EXPLICIT
                and not facts.past
                and (facts.statistic or facts.predicate is None)
                and not facts.verbal_action
            ):
                previous.amounts = held
                previous.end = clause.end
                previous.rule = f"commitments.{ctx.language}.measured_sum"
                continue
            kind = "amount_line" if container.line else "clause"
            row = _Row(ci, clause, facts, held, explicit, clause.start, clause.end, f"commitments.{ctx.language}.{kind}")
            pending.append(row)
        _settle_defaults(pending, clauses, lex, container)
        rows.extend(pending)
    sectors = DocumentSectors(ctx.language, keys, _SECTOR_KEYS)
    return _records(ctx, lex, rows, containers, clauses_of, parties, mentions, dates, quantities, sectors)


_CUE_KEYS, _SECTOR_KEYS = 0, 1


@cache
def _automata(language: str) -> tuple[Finder, Finder]:
    """The keys of the cues and of the sectors, found in a document by one walk (two in English:
    the capitalised sector cues as written, the rest folded)."""
    return automata((scan_keys(language), sector_keys(language)))


def _settle_defaults(rows: list[_Row], clauses: Sequence[Clause], lex: Lexicon, container: _Container) -> None:
    """A clause without its own modality takes a later clause's of the same sentence (``촉진하고,
    … 약속한다``), else its lead-in's (``… welcome:``), else ``committed``."""
    lead: list[str | None] = []  # the lead-in's modality, looked up once if a row needs it
    later: dict[int, str] = {}  # sentence -> the explicit modality of its nearest later clause
    for row in reversed(rows):
        if row.modality is None:
            if not lead:
                lead.append(_lead_modality(lex.language, container.lead_in) if container.lead_in else None)
            explicit_lead = lead[0] if lead[0] in _EXPLICIT else None
            row.modality = later.get(row.clause.sentence) or explicit_lead or Modality.COMMITTED.value
        elif row.modality in _EXPLICIT:
            later[row.clause.sentence] = row.modality


@lru_cache(maxsize=1024)
def _lead_modality(language: str, lead_in: str) -> str | None:
    """The modality cue of a lead-in (``… welcome:``), shared by the bullets under it."""
    return modality_cue(lexicon(language), lead_in)


def _fund_like(lex: Lexicon, text: str) -> bool:
    words = lex.list("fund_words")
    if lex.language == "ko":
        return any(w in text for w in words)
    return _any_word(lex.language, "fund_words").search(text) is not None


@cache
def _any_word(language: str, key: str) -> re.Pattern[str]:
    """One pattern for "any word of the list ``key`` occurs" (English: whole words, case-blind;
    Korean: not inside a longer Hangul word): found by one search, not one per word."""
    words = "|".join(re.escape(w) for w in lexicon(language).list(key))
    if not words:
        return re.compile(r"(?!)")  # an empty list: nothing occurs
    if language == "ko":
        return re.compile(rf"(?<![가-힣])(?:{words})(?![가-힣])")
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


_Given = Callable[[], tuple[set[ActorType], str]]


def _action(facts: Facts, has_amount: bool, sectors: list[str], lex: Lexicon, given: _Given) -> Action:
    """The action of a clause: its cue, with money given settled by whom it goes to — a country
    (``aid``), an international organisation or a fund (``contribute``), else ``fund``
    (``given``: the types of the actors it could go to and the text naming what it goes to,
    worked out only for money given)."""
    raw = facts.action
    if has_amount and raw in (None, "cooperate") and facts.money_actions:
        raw = facts.money_actions[0]  # 투자 협약, investment agreements: the sum is invested
    if raw is None:
        raw = "give"
    if raw == "provide":
        raw = "give" if has_amount else "supply"
    if raw == "give":
        recipients, object_text = given()
        if ActorType.COUNTRY in recipients:
            return Action.AID
        if ActorType.INTERNATIONAL_ORG in recipients or _fund_like(lex, object_text):
            return Action.CONTRIBUTE
        if "humanitarian" in sectors:
            return Action.AID
        return Action.FUND if has_amount else Action.OTHER
    return _ACTIONS.get(raw) or Action(raw)


_ACTIONS = {a.value: a for a in Action}
_MODALITIES = {m.value: m for m in Modality}
_REPORTED, _COMMITTED = Modality.REPORTED.value, Modality.COMMITTED.value


def _recipient_types(row: _Row, actors: _Index[ActorMention], parties: list[str]) -> set[ActorType]:
    """Types of the actors money could go to: counterparts that are not partners, and, for a
    sum, any other country named in the clause (``이라크 재건을 위해``, ``for Iraq's reconstruction``)."""
    out: set[ActorType] = set()
    if not row.amounts and not row.facts.counterparts:
        return out  # neither a sum nor a marked actor: nobody it could go to
    partners = set(row.facts.partners)
    for m in actors.within(row.start, row.end):
        span = (m.start, m.end)
        if span in partners:
            continue
        marked = span in row.facts.counterparts
        if m.actor_id and m.actor_id not in parties and (marked or (row.amounts and m.actor_type == ActorType.COUNTRY)):
            out.add(m.actor_type)
    return out


def _given(ctx: DocContext, row: _Row, actors: _Actors, parties: list[str], object_text: str) -> tuple[set[ActorType], str]:
    """Whom money given in ``row`` could go to (``_recipient_types``), and the text that names
    what it goes to: the object, the counterparts, and in English what follows the sum."""
    held = row.amounts
    after_sum = ctx.text[max(a.end for a in held) : row.end] if held and ctx.language == "en" else ""
    named = " ".join([object_text, after_sum, *(ctx.text[s:e] for s, e in row.facts.counterparts)])
    return _recipient_types(row, actors.mentions, parties), named


class _Sectors:
    """Sectors of clauses and sentences, each sentence computed once. Only cues of the clause
    count, and names of ministries are no cues (the Department of Energy, 과학기술정보통신부); a
    commitment without a cue of its own takes its sentence's (``반도체 공장을 짓고, 10억 달러를
    투자한다``), else, when it points back (``이를 위해``), the earlier sentence's; a reported
    figure never: no sector is better than a wrong one."""

    def __init__(self, ctx: DocContext, clauses_of: Mapping[int, list[Clause]], keys: DocumentSectors, actors: _Actors) -> None:
        self.ctx = ctx
        self.actors = actors
        self.clauses_of = clauses_of
        self.spans: dict[int, dict[int, tuple[int, int]]] = {}
        """Per container, the span of each sentence: built for a container when first asked."""
        self.cache: dict[tuple[int, int], list[str]] = {}
        self.found: dict[tuple[int, int], list[str]] = {}  # by span: a sentence may be one clause
        self.keys = keys

    def _sentence_span(self, container: int, sentence: int) -> tuple[int, int] | None:
        spans = self.spans.get(container)
        if spans is None:
            spans = self.spans[container] = {}
            for c in self.clauses_of.get(container, ()):
                start, end = spans.get(c.sentence, (c.start, c.end))
                spans[c.sentence] = (min(start, c.start), max(end, c.end))
        return spans.get(sentence)

    def _in(self, start: int, end: int) -> list[str]:
        found = self.found.get((start, end))
        if found is None:
            found = self.found[(start, end)] = self._find(start, end)
        return found

    def _find(self, start: int, end: int) -> list[str]:
        if not self.keys.may_find(start, end):
            return []
        text = self.ctx.text[start:end]
        # 세계보건기구, the Green Climate Fund: what they are for is the sector; ministries are blanked
        government = self.actors.government.within(start, end)
        if government:
            chars = list(text)
            for a in government:
                chars[a.start - start : a.end - start] = " " * (a.end - a.start)
            text = "".join(chars)
        return self.keys.sectors(text, start, self._morphemes)

    def _morphemes(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` starts a morpheme or lies inside one (a compound: 세계보건기구),
        not begins inside one and runs past it (다각도|로)."""
        first = self.ctx.token_at(start)
        return first is None or first.start == start or end <= first.end

    def clause(self, row: _Row) -> list[str]:
        return self._in(row.start, row.end)

    def sentence(self, row: _Row, sentence: int | None = None) -> list[str]:
        key = (row.container, row.clause.sentence if sentence is None else sentence)
        found = self.cache.get(key)
        if found is None:
            span = self._sentence_span(*key)
            if span is None:
                return []
            found = self.cache[key] = self._in(*span)
        return found

    def sentence_text(self, row: _Row) -> str:
        start, end = self._sentence_span(row.container, row.clause.sentence) or (row.start, row.end)
        return self.ctx.text[start:end]

    def earlier(self, row: _Row) -> list[str]:
        """The sectors of the nearest earlier sentence of the same bullet that has any: what
        ``이를 위해``, ``to this effort`` refers to."""
        for sentence in range(row.clause.sentence - 1, -1, -1):
            found = self.sentence(row, sentence)
            if found:
                return found
        return []


def _refers_back(lex: Lexicon, text: str) -> bool:
    """Whether a clause points back to an earlier sentence (``이를 위해``, ``to this effort``)."""
    return _any_word(lex.language, "anaphora").search(text) is not None


def _ids_of(spans: Sequence[tuple[int, int]], by_span: Mapping[tuple[int, int], Sequence[ActorMention]]) -> list[str]:
    if not spans:
        return []
    return list(dict.fromkeys(m.actor_id for span in spans for m in by_span.get(span, []) if m.actor_id))


def _subject_parties(
    rows: Sequence[_Row],
    containers: Sequence[_Container],
    known: Parties,
    by_span: Mapping[tuple[int, int], Sequence[ActorMention]],
) -> list[list[str]]:
    """Who commits in each clause without a sum: its subject (``우리``/``we``: the document's
    parties), else the subject of an earlier clause of the same sentence (Korean drops a
    repeated subject), else the bullet's parties, else the document's."""
    out: list[list[str]] = []
    carried: dict[tuple[int, int], list[str]] = {}
    for row in rows:
        sentence = (row.container, row.clause.sentence)
        own = _ids_of(row.facts.subjects, by_span) or (list(known.of_document) if row.facts.we else [])
        if own:
            carried[sentence] = own
        bullet = containers[row.container].bullet_id
        fallback = known.of_bullet.get(bullet, known.of_document) if bullet else known.of_document
        out.append(own or carried.get(sentence) or list(fallback))
    return out


def _period(ctx: DocContext, amounts: Sequence[Amount], quantities: Sequence[Quantity]) -> str | None:
    for a in amounts:
        if a.period:
            return a.period
    for q in quantities:
        if q.kind != QuantityKind.DURATION or q.iso is None:
            continue
        after = ctx.text[q.end : q.end + 6]
        before = ctx.text[max(0, q.start - 12) : q.start].lower()
        if ctx.language == "ko" and re.match(r"\s?(간|동안|에\s?걸쳐)", after):
            return q.iso
        if ctx.language == "en" and re.search(r"\b(over|for|during)( the next| the| a)?\s*$", before):
            return q.iso
    return None


def _records(
    ctx: DocContext,
    lex: Lexicon,
    rows: Sequence[_Row],
    containers: Sequence[_Container],
    clauses_of: dict[int, list[Clause]],
    known: Parties,
    actors: _Actors,
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
    document_sectors: DocumentSectors,
) -> list[Commitment]:
    rows = sorted(rows, key=lambda r: (r.start, r.end))
    by_span = actors.by_span
    subject_parties = _subject_parties(rows, containers, known, by_span)
    sectors_of = _Sectors(ctx, clauses_of, document_sectors, actors)
    sections = ctx.structure.sections
    section_starts = [s.start for s in sections]
    sub_items = _Index([b for b in ctx.structure.bullets if b.depth > 0])
    date_index = _Index(dates)
    quantity_index = _Index(quantities)
    out: list[dict[str, Any]] = []
    for row, fallback in zip(rows, subject_parties, strict=True):
        container = containers[row.container]
        held = row.amounts
        counterpart_ids: list[str] = []
        reported = row.modality == _REPORTED
        # a reported figure keeps only whom it went to (라오스에, to Ukraine), not its labels
        for span in row.facts.recipients if reported else row.facts.counterparts:
            for mention in by_span.get(span, []):
                if mention.actor_id and mention.actor_id not in counterpart_ids:
                    counterpart_ids.append(mention.actor_id)
        subjects = list(dict.fromkeys(p for a in held for p in a.parties)) if held else list(fallback)
        own = _ids_of(row.facts.subjects, by_span)
        if own and not set(own) <= set(subjects):
            subjects = own  # 미국 기업들은, U.S. companies: the subject the clause names
        # 라오스에, to Indonesia: a recipient is no party, unless nobody else would be left
        parties = [p for p in subjects if p not in counterpart_ids] or subjects
        counterpart_ids = [c for c in counterpart_ids if c not in parties]
        text = ctx.text[row.start : row.end]
        sectors = sectors_of.clause(row)
        if not sectors and not reported:  # a commitment without a cue of its own
            sectors = sectors_of.sentence(row)
            if not sectors and _refers_back(lex, sectors_of.sentence_text(row)):
                sectors = sectors_of.earlier(row)
        obj = row.facts.object
        object_text = ctx.text[obj[0] : obj[1]] if obj else ""
        held_dates = date_index.within(row.start, row.end)
        held_quantities = quantity_index.within(row.start, row.end)
        deadline = next((d.date_end for d in held_dates if d.relation == Relation.BY), None)
        pred = row.facts.predicate
        action = _action(row.facts, bool(held), sectors, lex, partial(_given, ctx, row, actors, parties, object_text))
        if action == Action.OTHER and not held:
            continue  # support of an unknown kind, without a sum: nothing sure to record
        bullet_id = container.bullet_id
        if bullet_id is not None:  # the deepest sub-item holding the whole clause, else the bullet
            inner = [b for b in sub_items.within(container.start, container.end) if b.start <= row.start and row.end <= b.end]
            bullet_id = max(inner, key=lambda b: b.depth).bullet_id if inner else bullet_id
        out.append(
            dict(
                commitment_id=f"{ctx.doc_id}:c{len(out) + 1}",
                doc_id=ctx.doc_id,
                section_id=sections[max(bisect.bisect_right(section_starts, row.start) - 1, 0)].section_id,
                bullet_id=bullet_id,
                text=text,
                start=row.start,
                end=row.end,
                predicate=ctx.text[pred[0] : pred[1]] if pred else None,
                predicate_start=pred[0] if pred else None,
                predicate_end=pred[1] if pred else None,
                action=action,
                modality=_MODALITIES.get(row.modality or _COMMITTED) or Modality(row.modality or _COMMITTED),
                parties=parties,
                counterparts=counterpart_ids,
                amount_ids=[a.mention_id for a in held],
                date_ids=[d.mention_id for d in held_dates],
                quantity_ids=[q.mention_id for q in held_quantities],
                deadline=deadline,
                period=_period(ctx, held, held_quantities),
                sectors=sectors,
                object=object_text or None,
                object_start=obj[0] if obj else None,
                object_end=obj[1] if obj else None,
                rule=row.rule,
            )
        )
    return _validated_rows().validate_python(out)


@cache
def _validated_rows() -> TypeAdapter[list[Commitment]]:
    """Commitment rows validated from their fields in one call for a whole document (the same
    validation as one ``Commitment(...)`` per row, without the per-row Python call)."""
    return TypeAdapter(list[Commitment])
