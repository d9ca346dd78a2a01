"""The Parquet tables of the output contract: one explicit Arrow schema per table, and the
rows each ``Document`` contributes. Rows are ordered by ``doc_id`` then ``start``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from schemas.models import SCHEMA_VERSION, SPAN_KINDS, Commitment, Document, Span, SpanKind

DECIMAL = pa.decimal128(38, 6)
"""Money and quantities: exact, up to 10^32 with six decimals (no float rounding)."""


def fits_decimal(value: Decimal) -> bool:
    """Whether ``DECIMAL`` holds ``value`` exactly: at most 32 digits before the point and 6
    after (trailing zeros do not count).

    >>> [fits_decimal(Decimal(v)) for v in ("2500000000", "0.123456", "0.1234567", "1E+32", "0.10000000")]
    [True, True, False, False, True]
    """
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return False  # NaN or infinity
    while len(digits) > 1 and digits[-1] == 0 and exponent < 0:
        digits, exponent = digits[:-1], exponent + 1
    places = max(-exponent, 0)
    whole_digits = max(len(digits) + exponent, 0) if any(digits) else 0
    scale, precision = int(DECIMAL.scale), int(DECIMAL.precision)
    return places <= scale and whole_digits <= precision - scale


_SPAN = [
    ("mention_id", pa.string()),
    ("doc_id", pa.string()),
    ("section_id", pa.string()),
    ("bullet_id", pa.string()),
    ("text", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("page", pa.int64()),
    ("paragraph", pa.int64()),
]
_RULE = [("rule", pa.string())]
_STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source", pa.string()),
            ("sha256", pa.string()),
            ("encoding", pa.string()),
            ("format", pa.string()),
            ("language", pa.string()),
            ("title", pa.string()),
            ("date", pa.date32()),
            ("date_source", pa.string()),
            ("n_sections", pa.int64()),
            ("n_bullets", pa.int64()),
            ("n_top_bullets", pa.int64()),
            ("n_warnings", pa.int64()),
            ("schema_version", pa.int64()),
        ]
    ),
    "sections": pa.schema(
        [
            ("doc_id", pa.string()),
            ("section_id", pa.string()),
            ("index", pa.int64()),
            ("title", pa.string()),
            ("title_en", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    ),
    "bullets": pa.schema(
        [
            ("doc_id", pa.string()),
            ("bullet_id", pa.string()),
            ("section_id", pa.string()),
            ("index", pa.int64()),
            ("index_in_section", pa.int64()),
            ("parent_id", pa.string()),
            ("depth", pa.int64()),
            ("marker", pa.string()),
            ("lead_in", pa.string()),
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("parties", _STRINGS),
            ("aligned_id", pa.string()),
            ("page", pa.int64()),
            ("paragraph", pa.int64()),
        ]
    ),
    "tables": pa.schema(
        [
            ("table_id", pa.string()),
            ("doc_id", pa.string()),
            ("section_id", pa.string()),
            ("caption", pa.string()),
            ("units", _STRINGS),
            ("n_rows", pa.int64()),
            ("n_cols", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("page", pa.int64()),
            ("paragraph", pa.int64()),
        ]
    ),
    "table_cells": pa.schema(
        [
            ("table_id", pa.string()),
            ("doc_id", pa.string()),
            ("row", pa.int64()),
            ("col", pa.int64()),
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("row_header", _STRINGS),
            ("col_header", _STRINGS),
            ("value", DECIMAL),
            ("kind", pa.string()),
            ("currency", pa.string()),
            ("unit", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("preliminary", pa.bool_()),
        ]
    ),
    "alignments": pa.schema(
        [
            ("ko_doc_id", pa.string()),
            ("en_doc_id", pa.string()),
            ("ko_bullet_id", pa.string()),
            ("en_bullet_id", pa.string()),
            ("score", pa.float64()),
            ("amounts_agree", pa.bool_()),
            ("dates_agree", pa.bool_()),
        ]
    ),
}


def _arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a model field: optional and ``Annotated`` wrappers removed."""
    if get_origin(annotation) is Annotated:
        return _arrow_type(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return _arrow_type(inner)
    if get_origin(annotation) is list:
        return pa.list_(_arrow_type(get_args(annotation)[0]))
    for python_type, arrow_type in _ARROW:
        if isinstance(annotation, type) and issubclass(annotation, python_type):
            return arrow_type
    raise TypeError(f"no Arrow type for {annotation!r}")


_ARROW: tuple[tuple[type, pa.DataType], ...] = (
    (bool, pa.bool_()),  # before int: bool is an int
    (int, pa.int64()),
    (float, pa.float64()),
    (Decimal, DECIMAL),
    (dt.date, pa.date32()),
    (str, pa.string()),  # also every StrEnum
)


def span_schema(kind: SpanKind) -> pa.Schema:
    """A span table: the located columns, the record's own columns in model order (the kind's
    value fields, plus what the assembly adds, such as an amount's ``parties``), the rule."""
    located = set(Span.model_fields)
    fields = [(name, _arrow_type(info.annotation)) for name, info in kind.record.model_fields.items() if name not in located]
    return pa.schema([*_SPAN, *fields, *_RULE])


def model_schema(model: type[BaseModel]) -> pa.Schema:
    """A table with one column per model field, in model order (clause records)."""
    return pa.schema([(name, _arrow_type(info.annotation)) for name, info in model.model_fields.items()])


SCHEMAS.update({kind.name: span_schema(kind) for kind in SPAN_KINDS})
SCHEMAS["commitments"] = model_schema(Commitment)
SCHEMAS["alignments"] = SCHEMAS.pop("alignments")  # tables are written in this order
TABLES = tuple(SCHEMAS)


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "format": doc.format,
        "language": doc.language,
        "title": doc.title,
        "date": doc.date,
        "date_source": doc.date_source,
        "n_sections": len(doc.sections),
        "n_bullets": len(doc.bullets),
        "n_top_bullets": sum(1 for b in doc.bullets if b.parent_id is None),
        "n_warnings": len(doc.warnings),
        "schema_version": doc.schema_version,
    }


@cache
def _columns_of(model: type[BaseModel], name: str) -> tuple[str, ...]:
    """The fields of ``model`` that are columns of table ``name``, in model order."""
    columns = set(SCHEMAS[name].names)
    return tuple(field for field in model.model_fields if field in columns)


def _records(doc: Document, name: str) -> list[dict[str, Any]]:
    """Rows of one span/structure table, read from each record's field values (``__dict__``):
    the columns are scalars or lists of scalars and no field has a serializer, so these are the
    values ``model_dump(mode="python")`` gives, without dumping the fields left out. Enums stay
    members: every one is a ``StrEnum``, which Arrow stores as its string value."""
    out = []
    doc_id = doc.doc_id
    records: list[BaseModel] = getattr(doc, name)
    for record in records:
        values = record.__dict__
        row = {column: values[column] for column in _columns_of(type(record), name)}
        row["doc_id"] = doc_id
        out.append(row)
    return out


def rows(doc: Document, name: str) -> list[dict[str, Any]]:
    """The rows ``doc`` contributes to table ``name``, in the order the document holds them."""
    if name == "documents":
        return [_document_row(doc)]
    if name == "alignments":
        return [a.model_dump(mode="python") for a in doc.alignments]
    return _records(doc, name)


def table_metadata(name: str) -> dict[str, str]:
    """Key-value metadata of every Parquet file: the contract version and the table's name."""
    return {"schema_version": str(SCHEMA_VERSION), "table": name}


def sort_rows(table_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Offset order within a document (stable, so same-span rows keep extraction order)."""
    if table_rows and "start" in table_rows[0]:
        table_rows.sort(key=lambda r: (r["start"], r["end"]))
    return table_rows


@cache
def file_schema(name: str) -> pa.Schema:
    """Table ``name``'s schema with the metadata of its Parquet file."""
    return SCHEMAS[name].with_metadata(table_metadata(name))


def arrow_rows(doc: Document) -> dict[str, pa.Table]:
    """Every table's rows of ``doc``, sorted and converted to Arrow (in ``TABLES`` order);
    raises if a row does not fit its table (a value beyond the contract's decimal)."""
    return {name: pa.Table.from_pylist(sort_rows(rows(doc, name)), schema=file_schema(name)) for name in TABLES}


def build_table(docs: Iterable[Document], name: str) -> pa.Table:
    """One table over many documents in memory, ordered by ``doc_id`` then ``start``."""
    all_rows = [row for doc in sorted(docs, key=lambda d: d.doc_id) for row in sort_rows(rows(doc, name))]
    schema = SCHEMAS[name].with_metadata(table_metadata(name))
    return pa.Table.from_pylist(all_rows, schema=schema)
