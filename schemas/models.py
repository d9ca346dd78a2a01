"""Pydantic models for one extracted document: the public output contract (schema version 1).

Every span record carries ``start``/``end``: code-point offsets into ``Document.text`` (the
normalized text), ``end`` exclusive, with ``Document.text[start:end] == text``. The models
validate values (positive amounts, ordered date ranges, closed enums); ``Document`` checks
the offset invariant for every span it holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, Self, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from schemas.decimals import canonical_decimal

SCHEMA_VERSION = 1


class Language(StrEnum):
    """The built-in languages; a document's ``language`` is any registered code (``LanguageCode``)."""

    KO = "ko"
    EN = "en"


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code of a registered language")]


class ActorType(StrEnum):
    COUNTRY = "country"
    GOVERNMENT = "government"
    INTERNATIONAL_ORG = "international_org"
    COMPANY = "company"
    GROUP = "group"
    UNLISTED = "unlisted"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    APPROX = "approx"


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    PART_OF_MONTH = "part_of_month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Relation(StrEnum):
    ON = "on"
    BY = "by"
    FROM = "from"
    AFTER = "after"
    BEFORE = "before"
    DURING = "during"


class Change(StrEnum):
    """The sign of a change written in a statistics release (``+3.4조원 증가``, ``△0.8조원``,
    ``decreased by $3 billion``): the amount keeps its size, the sign lives here."""

    INCREASE = "increase"
    DECREASE = "decrease"


class QuantityKind(StrEnum):
    DURATION = "duration"
    MEASURE = "measure"
    COUNT = "count"


class Action(StrEnum):
    """What a commitment does with its money or effort (``pipeline/lang/*/data/commitments.yaml``)."""

    INVEST = "invest"
    FUND = "fund"
    CONTRIBUTE = "contribute"
    AID = "aid"
    LEND = "lend"
    PURCHASE = "purchase"
    SUPPLY = "supply"
    BUILD = "build"
    COOPERATE = "cooperate"
    RESEARCH = "research"
    EXCHANGE = "exchange"
    OTHER = "other"


class Modality(StrEnum):
    """How firmly: decided, planned, under consideration, only welcomed, or a past fact."""

    COMMITTED = "committed"
    PLANNED = "planned"
    EXPLORING = "exploring"
    WELCOMED = "welcomed"
    REPORTED = "reported"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


PositiveDecimal = Annotated[Decimal, Field(gt=0), AfterValidator(canonical_decimal)]
IsoDuration = Annotated[str, Field(pattern=r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$")]


# --- value fields, produced by the rule modules -------------------------------------------


class _Money(_Strict):
    """The value of a money amount (shared by the rules' fields and the located record)."""

    value: PositiveDecimal
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    qualifier: Qualifier = Qualifier.EXACT
    value_max: PositiveDecimal | None = None
    display: str


class _Attributed(_Money):
    """Who commits to an amount: set by attribution in the document assembly, not by the rules."""

    parties: list[str] = Field(default_factory=list)


def _check_range(value: Decimal, value_max: Decimal | None) -> None:
    """A range's upper end lies above its lower end (amounts and quantities alike)."""
    if value_max is not None and value_max <= value:
        raise ValueError(f"value_max {value_max} must exceed value {value}")


class AmountFields(_Money):
    """A money amount, normalized: ``25억불`` -> value 2500000000, USD, display ``$2.5B``."""

    period: IsoDuration | None = None
    per: IsoDuration | None = None
    change: Change | None = None

    @model_validator(mode="after")
    def _range_ordered(self) -> Self:
        _check_range(self.value, self.value_max)
        return self


class DateFields(_Strict):
    """A date or date range, inclusive at both ends, with its grain and relation."""

    date_start: dt.date
    date_end: dt.date
    grain: Grain
    relation: Relation = Relation.ON
    relative: bool = False

    @model_validator(mode="after")
    def _range_ordered(self) -> Self:
        if self.date_end < self.date_start:
            raise ValueError(f"date_end {self.date_end} precedes date_start {self.date_start}")
        return self


class QuantityFields(_Strict):
    """A duration (``5년`` -> P5Y), a measure (``1.5도``) or a count (``9개국``); a range
    (``10~20%``) has its upper end in ``value_max`` and no ``iso``."""

    value: PositiveDecimal
    unit: str
    kind: QuantityKind
    iso: IsoDuration | None = None
    value_max: PositiveDecimal | None = None

    @model_validator(mode="after")
    def _range_ordered(self) -> Self:
        _check_range(self.value, self.value_max)
        return self


class ActorFields(_Strict):
    """An actor mention resolved against the gazetteer (``actor_id`` null when unlisted)."""

    actor_id: str | None
    name_ko: str | None = None
    name_en: str | None = None
    actor_type: ActorType


class TermFields(_Strict):
    """A bilingual term pair: Korean term followed by its English name and/or acronym; in
    English documents an English name with its acronym (``term_ko`` null)."""

    term_ko: str | None = None
    term_en: str | None = None
    acronym: str | None = None


# --- located records ------------------------------------------------------------------------


class Span(_Strict):
    """Where a record sits: its stable id, document, section, bullet (null in prose), offsets,
    and where the span is in the original file (``page`` of a PDF, ``paragraph`` of an
    HWPX/HWP; null for plain text or when the reader does not know)."""

    mention_id: str = Field(description="Stable row id: {doc_id}:{kind letter}{n}, n from 1 in offset order.")
    doc_id: str
    section_id: str
    bullet_id: str | None = None
    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    page: int | None = None
    paragraph: int | None = None
    rule: str = Field(description="Name of the rule that produced the record, for tracing.")

    @model_validator(mode="after")
    def _span_ordered(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must exceed start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class ActorMention(Span, ActorFields):
    pass


# A located amount with its ``parties`` (no docstring: it would enter the published JSON
# schema). The base order puts ``parties`` right after the value (``_Money``, then
# ``_Attributed``, then ``AmountFields``, then ``Span``: pydantic orders fields from the last
# base of the MRO): the column order of the contract.
class Amount(Span, AmountFields, _Attributed):
    pass


class DateMention(Span, DateFields):
    pass


class Quantity(Span, QuantityFields):
    pass


class Term(Span, TermFields):
    pass


class Commitment(_Strict):
    """One predicate of commitment or action with everything in its clause: who (``parties``),
    to whom (``counterparts``), how much (``amount_ids``), for what (``action``, ``object``,
    ``sectors``), by when (``deadline``, ``period``) and how firmly (``modality``). The clause is
    ``text``/``start``/``end``; ``object`` is a span of its own (``object_start``/``object_end``)."""

    commitment_id: str = Field(description="Stable row id: {doc_id}:c{n}, n from 1 in offset order.")
    doc_id: str
    section_id: str
    bullet_id: str | None = None
    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    predicate: str | None = Field(default=None, description="The verb phrase as written (투자할 예정이다, will invest).")
    predicate_start: int | None = None
    predicate_end: int | None = None
    action: Action
    modality: Modality
    parties: list[str] = Field(default_factory=list)
    counterparts: list[str] = Field(default_factory=list)
    amount_ids: list[str] = Field(default_factory=list)
    date_ids: list[str] = Field(default_factory=list)
    quantity_ids: list[str] = Field(default_factory=list)
    deadline: dt.date | None = Field(default=None, description="Last day of the clause's date with relation `by`.")
    period: IsoDuration | None = None
    sectors: list[str] = Field(default_factory=list)
    object: str | None = Field(default=None, description="Noun phrase of what is funded, built or bought.")
    object_start: int | None = None
    object_end: int | None = None
    aligned_id: str | None = Field(default=None, description="The commitment in the other language version.")
    rule: str = Field(description="Name of the rule that produced the record, for tracing.")

    @model_validator(mode="after")
    def _spans_consistent(self) -> Self:
        if self.end <= self.start or len(self.text) != self.end - self.start:
            raise ValueError("commitment text does not match its offsets")
        self._inner_span_consistent("object", self.object, self.object_start, self.object_end)
        self._inner_span_consistent("predicate", self.predicate, self.predicate_start, self.predicate_end)
        return self

    def _inner_span_consistent(self, name: str, value: str | None, start: int | None, end: int | None) -> None:
        """``name`` (the object, the predicate) and its offsets are all given or all null, and
        given ones lie in the clause and match its text."""
        if value is None:
            if start is not None or end is not None:
                raise ValueError(f"{name} and its offsets must be given together")
            return
        if start is None or end is None:
            raise ValueError(f"{name} and its offsets must be given together")
        if not self.start <= start < end <= self.end or self.text[start - self.start : end - self.start] != value:
            raise ValueError(f"{name} span {start}..{end} must lie in the clause and match its text")


@dataclass(frozen=True, slots=True)
class SpanKind:
    """One kind of extracted span: the ``Document`` list and Parquet table ``name``, its singular
    ``label`` (summary line, review page legend), the located ``record`` model and the value
    ``fields`` the rules produce, the ``id_letter`` of its row ids. ``nesting`` orders kinds that claim the same extent on the
    review page (lower = outer: a term holds actors)."""

    name: str
    label: str
    record: type[Span]
    fields: type[BaseModel]
    nesting: int
    id_letter: str


SPAN_KINDS: tuple[SpanKind, ...] = (
    SpanKind("actors", "actor", ActorMention, ActorFields, nesting=4, id_letter="e"),
    SpanKind("amounts", "amount", Amount, AmountFields, nesting=1, id_letter="a"),
    SpanKind("dates", "date", DateMention, DateFields, nesting=2, id_letter="d"),
    SpanKind("quantities", "quantity", Quantity, QuantityFields, nesting=3, id_letter="q"),
    SpanKind("terms", "term", Term, TermFields, nesting=0, id_letter="g"),
)
"""The one list of span kinds: the models' ``Document`` lists, ``Document.spans()``, the Parquet
tables, the summary line and the review page legend all follow it. Adding a kind is a fields
model, a located model, one line here and one ``Document`` field (checked at import)."""

STRUCTURE_LISTS = ("sections", "paragraphs", "bullets")
"""``Document`` lists with offsets that are layout, not extracted spans."""

TABLE_LISTS = ("tables", "table_cells")
"""``Document`` lists of tables and their typed body cells (``tables`` / ``table_cells`` Parquet)."""
CLAUSE_LISTS = ("commitments",)
"""``Document`` lists of clause records: offsets like spans, built from the spans inside them."""


class Section(_Strict):
    section_id: str
    index: int
    title: str | None
    title_en: str | None = None
    start: int
    end: int


class Paragraph(_Strict):
    """A block of prose (not a bullet); ``is_lead_in`` when it introduces the next list."""

    section_id: str
    text: str
    start: int
    end: int
    is_lead_in: bool = False


class Bullet(_Strict):
    bullet_id: str
    section_id: str
    index: int
    index_in_section: int
    parent_id: str | None = None
    marker: str
    depth: int = 0
    lead_in: str | None = None
    text: str
    start: int
    end: int
    parties: list[str] = Field(default_factory=list)
    aligned_id: str | None = None
    page: int | None = None
    paragraph: int | None = None


class CellKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    NUMBER = "number"
    TEXT = "text"


class DataTable(_Strict):
    """One table of the document: its extent, caption and units as read, and its grid size."""

    table_id: str = Field(description="{doc_id}:t{n}, n from 1 in text order.")
    doc_id: str
    section_id: str
    caption: str | None = Field(description="The caption line (< … >, 【 … 】, 표 n, Table n.) or the format's caption.")
    units: list[str] = Field(description="Unit texts from the caption, a (단위: …) note or the corner cell, as written.")
    n_rows: int
    n_cols: int
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    page: int | None = None
    paragraph: int | None = None


class DataCell(_Strict):
    """One non-empty body cell with its header paths and its typed value (null when none)."""

    table_id: str
    doc_id: str
    row: int
    col: int
    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    row_header: list[str]
    col_header: list[str]
    value: Annotated[Decimal, AfterValidator(canonical_decimal)] | None = Field(
        default=None, description="In full units (176.8 under 억 달러 -> 17680000000); percents as written."
    )
    kind: CellKind
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    unit: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    preliminary: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if len(self.text) != self.end - self.start or self.end <= self.start:
            raise ValueError("cell text length does not match its offsets")
        if (self.date_start is None) != (self.date_end is None) or (
            self.date_start is not None and self.date_end is not None and self.date_end < self.date_start
        ):
            raise ValueError("cell period must have an ordered start and end")
        if (self.kind == CellKind.MONEY) != (self.currency is not None):
            raise ValueError("a money cell, and only a money cell, has a currency")
        return self


_OFFSET_LISTS = (*STRUCTURE_LISTS, *TABLE_LISTS, *(kind.name for kind in SPAN_KINDS), *CLAUSE_LISTS)
"""``Document`` lists of records with offsets, in the order they are checked and listed."""
_WITHOUT_TEXT = frozenset({"sections", "tables"})
"""Lists of records without a ``text`` of their own (every other record's ``text`` must be the
document text at its offsets)."""


class Alignment(_Strict):
    """One link between a Korean and an English bullet (either side may be null)."""

    ko_doc_id: str
    en_doc_id: str
    ko_bullet_id: str | None
    en_bullet_id: str | None
    score: Annotated[float, Field(ge=0.0, le=1.0)]
    amounts_agree: bool | None = None
    dates_agree: bool | None = None


class Document(_Strict):
    """One fact sheet with everything extracted from it: the file ``data/<doc_id>.json``."""

    schema_version: int = SCHEMA_VERSION
    doc_id: str
    source: str
    sha256: str
    encoding: str = "utf-8"
    format: str = Field(default="txt", description="Input format the document was read from: txt, hwpx, hwp, pdf, html.")
    language: LanguageCode
    title: str | None
    date: dt.date | None
    date_source: Literal["text", "header", "metadata", "filename", "option"] | None = Field(
        default=None,
        description="Where date came from: text (the date line), header (보도시점/배포), metadata (the file's own), "
        "filename, option (--doc-date); null when there is no date.",
    )
    text: str
    sections: list[Section]
    paragraphs: list[Paragraph] = Field(default_factory=list)
    bullets: list[Bullet]
    actors: list[ActorMention] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    tables: list[DataTable] = Field(default_factory=list)
    table_cells: list[DataCell] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    alignments: list[Alignment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def spans(self) -> list[tuple[str, Section | Paragraph | Bullet | Span | DataTable | DataCell | Commitment]]:
        """Every record that has offsets, with the name of the list it sits in."""
        out: list[tuple[str, Section | Paragraph | Bullet | Span | DataTable | DataCell | Commitment]] = []
        for name in _OFFSET_LISTS:
            out.extend((name, record) for record in getattr(self, name))
        return out

    @model_validator(mode="after")
    def _offsets_point_into_text(self) -> Self:
        text = self.text
        n = len(text)
        for name in _OFFSET_LISTS:  # the order of ``spans()``, one list at a time
            records: list[Any] = getattr(self, name)
            with_text = name not in _WITHOUT_TEXT
            for record in records:
                start, end = record.start, record.end
                if not 0 <= start <= end <= n:
                    raise ValueError(f"{name}: span {start}..{end} outside text of length {n}")
                if with_text and text[start:end] != record.text:
                    raise ValueError(f"{name}: text {record.text!r} differs from Document.text[{start}:{end}]")
                if name in CLAUSE_LISTS and record.object is not None:
                    if text[record.object_start : record.object_end] != record.object:
                        raise ValueError(f"{name}: object {record.object!r} differs from the document text")
        return self


def _list_item(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is list else None


def _check_span_registry() -> None:
    """Every ``Document`` list of spans is in ``SPAN_KINDS`` and the other way round, so a new
    kind cannot silently miss the offset check or its table."""
    listed = {kind.name: kind.record for kind in SPAN_KINDS}
    declared = {
        name: item
        for name, info in Document.model_fields.items()
        if isinstance(item := _list_item(info.annotation), type) and issubclass(item, Span)
    }
    if listed != declared:
        raise TypeError(f"SPAN_KINDS {sorted(listed)} and Document's span lists {sorted(declared)} differ")


def _check_offset_lists() -> None:
    """``_WITHOUT_TEXT`` names exactly the offset lists whose records have no ``text``, and each
    clause list's records have an ``object`` span: what the offset check relies on."""
    items = {name: _list_item(Document.model_fields[name].annotation) for name in _OFFSET_LISTS}
    without = {name for name, item in items.items() if "text" not in item.model_fields}
    if without != _WITHOUT_TEXT or not all("object" in items[name].model_fields for name in CLAUSE_LISTS):
        raise TypeError(f"Document lists without text {sorted(without)}, expected {sorted(_WITHOUT_TEXT)}")


_check_span_registry()
_check_offset_lists()
