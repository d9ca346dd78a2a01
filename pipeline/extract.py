"""From normalized text to a validated ``Document``: structure, one tokenization, extractors,
one overlap resolution, attribution, then placement of every span in its section and bullet.

Each stage is a pure function of the context; only this module puts their results together.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import decimal
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import GenericAlias
from typing import Any

from pydantic import TypeAdapter

from pipeline.actors.mentions import extract_actors
from pipeline.actors.parties import amount_parties, bullet_parties, document_parties
from pipeline.commitments.build import Parties, extract_commitments
from pipeline.context import DocContext, Mention, Structure
from pipeline.docdate import date_from_filename
from pipeline.lang.detect import detect_language
from pipeline.lang.registry import rules_for
from pipeline.overlap import resolve
from pipeline.readers import ReadResult, SourceSpan, read_bytes, read_document
from pipeline.structure import Layout, parse_structure
from pipeline.tables import fits_decimal
from pipeline.tabular.build import build_tables, outside_tables
from pipeline.tabular.text_tables import find_text_tables
from pipeline.terms import extract_terms
from pipeline.tokens import Token, tokenize
from schemas.models import (
    SPAN_KINDS,
    ActorMention,
    Amount,
    AmountFields,
    Bullet,
    DateFields,
    DateMention,
    Document,
    Quantity,
    QuantityFields,
    Span,
)

_KIND_PRIORITY: dict[type, int] = {AmountFields: 0, DateFields: 1, QuantityFields: 2}
"""When an amount, a date and a quantity claim exactly the same span, this order decides."""


@dataclass(frozen=True, slots=True)
class _Locator:
    """Maps an offset range to its section id and innermost bullet id (binary search)."""

    section_starts: list[int]
    section_ids: list[str]
    bullets: Sequence[Bullet]
    bullet_starts: list[int]

    @classmethod
    def of(cls, ctx: DocContext) -> _Locator:
        sections = ctx.structure.sections
        bullets = sorted(ctx.structure.bullets, key=lambda b: (b.start, b.depth))
        return cls([s.start for s in sections], [s.section_id for s in sections], bullets, [b.start for b in bullets])

    def section_id(self, start: int) -> str:
        return self.section_ids[max(bisect.bisect_right(self.section_starts, start) - 1, 0)]

    def bullet_id(self, start: int, end: int) -> str | None:
        """The deepest bullet holding the whole span (sub-items nest inside their parent)."""
        best: Bullet | None = None
        i = bisect.bisect_right(self.bullet_starts, start) - 1
        while i >= 0:
            bullet = self.bullets[i]
            if bullet.start <= start and end <= bullet.end and (best is None or bullet.depth > best.depth):
                best = bullet
            if bullet.depth == 0 and bullet.start <= start:
                break  # top-level bullets do not overlap: nothing earlier can hold the span
            i -= 1
        return best.bullet_id if best else None

    def place(self, ctx: DocContext, mention: Mention[Any], mention_id: str, source: _Source) -> dict[str, Any]:
        """The located record of ``mention`` as the fields of its model: where it is, then its
        own values (``vars``, not a ``model_dump`` copy: the record validates them again)."""
        start, end = mention.start, mention.end
        page, paragraph = source.where(start)
        return {
            "mention_id": mention_id,
            "doc_id": ctx.doc_id,
            "section_id": self.section_id(start),
            "bullet_id": self.bullet_id(start, end),
            "text": ctx.text[start:end],
            "start": start,
            "end": end,
            "page": page,
            "paragraph": paragraph,
            "rule": mention.rule,
            **vars(mention.fields),
        }


@dataclass(frozen=True, slots=True)
class _Source:
    """Offset -> where it is in the original file (page or paragraph), from the reader's map."""

    starts: list[int]
    spans: Sequence[SourceSpan]

    @classmethod
    def of(cls, raw: ReadResult) -> _Source:
        spans = sorted(raw.locations, key=lambda s: s.start)
        return cls([s.start for s in spans], spans)

    def at(self, offset: int) -> dict[str, int | None]:
        page, paragraph = self.where(offset)
        return {"page": page, "paragraph": paragraph}

    def where(self, offset: int) -> tuple[int | None, int | None]:
        """The page and paragraph of ``offset`` (``None`` when the reader does not know)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.spans[i].end:
            return self.spans[i].page, self.spans[i].paragraph
        return None, None


def _ids(ctx: DocContext, kind: str, mentions: Sequence[Mention[Any]]) -> list[str]:
    """``{doc_id}:{letter}{n}``: n from 1 in offset order (start, then end, then list order)."""
    letter = next(k.id_letter for k in SPAN_KINDS if k.name == kind)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end, i))
    ids = [""] * len(mentions)
    for n, i in enumerate(order, start=1):
        ids[i] = f"{ctx.doc_id}:{letter}{n}"
    return ids


_NO_DATE = "no date line found: relative dates are left unresolved"


def _dated(structure: Structure, raw: ReadResult | None, source: str, doc_date: dt.date | None) -> Structure:
    """The document's date from the first place that has it: its text (date line or header),
    the format's metadata, the file name, then ``--doc-date``; ``date_source`` says which."""
    if structure.date is not None:
        return structure
    found = [
        (raw.metadata.date if raw is not None else None, "metadata"),
        (date_from_filename(Path(source).name) if source else None, "filename"),
        (doc_date, "option"),
    ]
    date, origin = next(((d, o) for d, o in found if d is not None), (None, None))
    if date is None:
        return structure
    warnings = tuple(w for w in structure.warnings if w != _NO_DATE)
    return dataclasses.replace(structure, date=date, date_source=origin, warnings=warnings)


def build_context(
    text: str,
    doc_id: str,
    language: str | None = None,
    raw: ReadResult | None = None,
    source: str = "",
    doc_date: dt.date | None = None,
    tokens: list[Token] | None = None,
) -> DocContext:
    """Parse the layout and tokenize the text once (unless ``tokens`` of ``text`` are given,
    analysed ahead by ``pipeline.engines``): what every extractor reads."""
    language = language or detect_language(text)
    layout = Layout(tables=[(t.start, t.end) for t in raw.tables], paragraph_items=raw.format != "txt") if raw else None
    structure = _dated(parse_structure(text, language, doc_id, layout), raw, source, doc_date)
    return DocContext(
        doc_id=doc_id, text=text, language=language, structure=structure, tokens=tokenize(text) if tokens is None else tokens
    )


_DECIMAL_PRECISION = 120
"""Digits of Decimal arithmetic while a document is built (Python's default, 28, would round
a 30-digit amount silently); values beyond the contract's decimal are then left out."""


def _representable(mentions: list[Mention[Any]], text: str) -> tuple[list[Mention[Any]], list[str]]:
    """Mentions whose every decimal value fits the contract's Parquet decimal, and a warning
    for each one left out (``0.1234567%``, a 46-digit amount): a wrong value is worse than none."""
    kept: list[Mention[Any]] = []
    warnings: list[str] = []
    for m in mentions:
        if all(fits_decimal(v) for v in vars(m.fields).values() if isinstance(v, Decimal)):
            kept.append(m)
        else:
            warnings.append(
                f"{text[m.start : m.end]!r} at {m.start}..{m.end} left out: its value does not fit the output decimal"
                " (at most 32 digits before the point and 6 after)"
            )
    return kept, warnings


@cache
def _record_validator(kind: str) -> TypeAdapter[list[Any]]:
    """One validator of a whole list of located records of a kind: the same checks as each
    record's own ``model_validate``, without a Python call per record."""
    record: type[Span] = next(k.record for k in SPAN_KINDS if k.name == kind)
    records: Any = GenericAlias(list, (record,))  # list[record]
    return TypeAdapter(records)


def _validated(kind: str, rows: list[dict[str, Any]]) -> list[Any]:
    """``rows`` as validated located records of ``kind`` (a ``ValidationError`` on any bad one)."""
    return _record_validator(kind).validate_python(rows)


def build_document(
    raw: ReadResult,
    doc_id: str,
    source: str,
    language: str | None = None,
    doc_date: dt.date | None = None,
    tokens: list[Token] | None = None,
) -> Document:
    """Run every stage over one normalized text and validate the result."""
    with decimal.localcontext(prec=_DECIMAL_PRECISION):
        return _build_document(raw, doc_id, source, language, doc_date, tokens)


def _build_document(
    raw: ReadResult, doc_id: str, source: str, language: str | None, doc_date: dt.date | None, tokens: list[Token] | None
) -> Document:
    rules = rules_for(language or detect_language(raw.text))  # an unsupported language fails before any work
    ctx = build_context(raw.text, doc_id, rules.language, raw, source, doc_date, tokens)
    where = _Locator.of(ctx)
    origin = _Source.of(raw)
    found = raw.tables or (find_text_tables(raw.text) if raw.format == "txt" else ())
    tables = build_tables(doc_id, raw.text, ctx.language, found, where.section_id, origin.at)
    in_running_text = outside_tables(tables)  # table numbers live only in table_cells
    candidates: list[Mention[Any]] = [*rules.amounts(ctx), *rules.dates(ctx), *rules.quantities(ctx)]
    numeric, out_of_range = _representable(
        resolve(
            [m for m in candidates if in_running_text(m.start, m.end)],
            priority=lambda m: _KIND_PRIORITY[type(m.fields)],
        ),
        ctx.text,
    )
    amounts = [m for m in numeric if isinstance(m.fields, AmountFields)]
    actors = extract_actors(ctx)
    parties_of_document = document_parties(ctx, actors)  # once: bullets and amounts fall back to it
    parties_of_bullet = bullet_parties(ctx, actors, parties_of_document)
    parties_of_amount = amount_parties(ctx, actors, amounts, parties_of_document, parties_of_bullet)
    structure = ctx.structure
    dates = [m for m in numeric if isinstance(m.fields, DateFields)]
    quantities = [m for m in numeric if isinstance(m.fields, QuantityFields)]
    terms = extract_terms(ctx)

    def located(kind: str, mentions: Sequence[Mention[Any]]) -> list[dict[str, Any]]:
        return [where.place(ctx, m, i, origin) for m, i in zip(mentions, _ids(ctx, kind, mentions), strict=True)]

    located_actors: list[ActorMention] = _validated("actors", located("actors", actors))
    amount_rows = located("amounts", amounts)
    for row, parties in zip(amount_rows, parties_of_amount, strict=True):
        row["parties"] = parties
    located_amounts: list[Amount] = _validated("amounts", amount_rows)
    located_dates: list[DateMention] = _validated("dates", located("dates", dates))
    located_quantities: list[Quantity] = _validated("quantities", located("quantities", quantities))
    commitments = extract_commitments(
        ctx,
        located_actors,
        located_amounts,
        located_dates,
        located_quantities,
        Parties(parties_of_bullet, parties_of_document),
    )
    return Document(
        doc_id=doc_id,
        source=source,
        sha256=raw.sha256,
        encoding=raw.encoding,
        format=raw.format,
        language=ctx.language,
        title=structure.title,
        date=structure.date,
        date_source=structure.date_source,
        text=ctx.text,
        sections=list(structure.sections),
        paragraphs=list(structure.paragraphs),
        bullets=[
            b.model_copy(update={"parties": parties_of_bullet.get(b.bullet_id, []), **origin.at(b.start)})
            for b in structure.bullets
        ],
        actors=located_actors,
        amounts=located_amounts,
        dates=located_dates,
        quantities=located_quantities,
        terms=_validated("terms", located("terms", terms)),
        tables=tables.tables,
        table_cells=tables.cells,
        commitments=commitments,
        warnings=[*raw.warnings, *structure.warnings, *out_of_range],
    )


def extract_file(path: Path, doc_id: str | None = None, source: str | None = None, doc_date: dt.date | None = None) -> Document:
    """Read and extract one file in whatever format its content is (raises ``ReadError``)."""
    return build_document(
        read_document(path), doc_id or path.stem, source if source is not None else str(path), doc_date=doc_date
    )


def extract_bytes(raw: bytes, doc_id: str, source: str) -> Document:
    """Read and extract the bytes of one document (for workers on other machines)."""
    return build_document(read_bytes(raw, source), doc_id, source)
