"""Korean quantities: durations (``5년``, ``6개월``, ``2주``, ``24시간``), measures (``1.5도``,
``100만 톤``, ``40%``) and counts (``9개국``, ``10명``, ``1억 명``, ``3억 회분``).

The span is the number and its unit only: ``향후 10년간`` -> ``10년``, ``6개월 이내`` ->
``6개월``. Units, their kind and ISO designator live in ``pipeline/lang/ko/data/quantities.yaml``.
Durations carry ``iso`` (``P5Y``, ``P6M``, ``P2W``, ``P30D``); hours have none, because the
model's duration pattern allows only Y/M/W/D, so ``24시간`` has ``iso`` None.

Not extracted: money (amounts), years and dates (``2024년``, ``5월 21일``: a day needs a
duration word after it, ``30일간``), ordinals (``제7차``, ``제3조``), model names and codes
(``5G``, ``COP26``, ``G7``), vague numbers (``수십 명``), native numerals (``두 명``).

>>> from pipeline.context import context_for_text
>>> [(m.fields.value, m.fields.unit, m.fields.iso) for m in extract_quantities(context_for_text("5년에 걸쳐 9개국과"))]
[(Decimal('5'), 'year', 'P5Y'), (Decimal('9'), 'country', None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pipeline.context import DocContext, Mention
from pipeline.lang.ko.common import alternation, data, ends_token
from pipeline.lang.ko.numbers import number_ok, number_pattern, parse_korean_number
from pipeline.lang.ko.scan import Anchors, every_match
from pipeline.overlap import resolve
from pipeline.text_utils import compact
from schemas.models import QuantityFields, QuantityKind


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit entry of ``ko/quantities.yaml``."""

    unit: str
    kind: QuantityKind
    iso: str | None
    max_value: Decimal | None
    requires_after: re.Pattern[str] | None
    forbid_after: re.Pattern[str] | None


@cache
def units() -> dict[str, Unit]:
    """Surface word (spaces removed) -> unit entry."""
    out: dict[str, Unit] = {}
    for entry in data("quantities")["units"]:
        after = entry.get("requires_after")
        forbid = entry.get("forbid_after")
        unit = Unit(
            unit=entry["unit"],
            kind=QuantityKind(entry["kind"]),
            iso=entry.get("iso"),
            max_value=Decimal(entry["max_value"]) if entry.get("max_value") is not None else None,
            requires_after=re.compile(rf"\s?(?:{alternation(after)})") if after else None,
            forbid_after=re.compile(forbid) if forbid else None,
        )
        for word in entry["words"]:
            out[compact(word)] = unit
    return out


@cache
def duration_unit_pattern() -> str:
    """Regex alternation of the duration words that form an ISO period (년, 개월, 주, 일)."""
    entries = data("quantities")["units"]
    return alternation(w for e in entries if e["kind"] == "duration" and e.get("iso") for w in e["words"])


def duration_iso(value: Decimal, word: str) -> str | None:
    """``5``, ``년`` -> ``P5Y``; None for fractions or units without an ISO designator."""
    unit = units().get(compact(word))
    if unit is None or unit.iso is None or value != value.to_integral_value():
        return None
    if unit.max_value is not None and value > unit.max_value:
        return None  # 2021년 is a year, not a period of 2021 years
    return f"P{int(value)}{unit.iso}"


@cache
def _pattern() -> re.Pattern[str]:
    """A number, an optional space and any unit word of the data file."""
    words = alternation(_unit_words())
    return re.compile(rf"(?P<num>{number_pattern()})\s?(?P<u>{words})")


def _unit_words() -> list[str]:
    return [w for entry in data("quantities")["units"] for w in entry["words"]]


@cache
def _unit_after() -> Anchors:
    """Where ``_pattern`` can start: in a number run that reaches a unit word."""
    return Anchors(_unit_words())


def _accept(ctx: DocContext, m: re.Match[str], unit: Unit, value: Decimal) -> bool:
    """Unit guards: max value, required duration word after, forbidden continuation."""
    if unit.max_value is not None and value > unit.max_value:
        return False
    if unit.requires_after is not None and unit.requires_after.match(ctx.text, m.end()) is None:
        return False
    return unit.forbid_after is None or unit.forbid_after.match(ctx.text, m.end()) is None


def _unit_ends(ctx: DocContext, end: int) -> bool:
    """The unit ends a token, or a token that only adds a glued suffix (``주간`` in ``2주간``)."""
    if ends_token(ctx, end):
        return True
    return any(
        ctx.text.startswith(suffix, end) and ends_token(ctx, end + len(suffix))
        for suffix in data("quantities").get("glued_suffixes", [])
    )


def extract_quantities(ctx: DocContext) -> list[Mention[QuantityFields]]:
    """Every number-plus-unit quantity, non-overlapping, in text order."""
    pattern = _pattern()
    table = units()
    found: list[Mention[QuantityFields]] = []
    for m in every_match(pattern, ctx.text, _unit_after().starts(ctx.text)):
        unit = table[compact(m.group("u"))]
        if not number_ok(ctx, m.start("num"), m.end("num")) or not _unit_ends(ctx, m.end("u")):
            continue
        value = parse_korean_number(m.group("num"))
        if value is None or not _accept(ctx, m, unit, value):
            continue
        iso = duration_iso(value, m.group("u")) if unit.kind is QuantityKind.DURATION else None
        fields = QuantityFields(value=value, unit=unit.unit, kind=unit.kind, iso=iso)
        found.append(Mention(m.start(), m.end(), f"ko.quantity.{unit.kind.value}", fields))
    return resolve(found)
