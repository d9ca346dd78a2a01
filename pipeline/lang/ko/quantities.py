"""Korean quantities: durations (``5년``, ``6개월``, ``2주``, ``24시간``), measures (``1.5도``,
``100만 톤``, ``40%``) and counts (``9개국``, ``10명``, ``1억 명``, ``3억 회분``).

The span is the number and its unit only: ``향후 10년간`` -> ``10년``, ``6개월 이내`` ->
``6개월``. Units, their kind and ISO designator live in ``pipeline/lang/ko/data/quantities.yaml``.
Durations carry ``iso`` (``P5Y``, ``P6M``, ``P2W``, ``P30D``; ``1.5년`` and ``1년 반`` -> ``P18M``);
hours have none, because the model's duration pattern allows only Y/M/W/D, so ``24시간`` has
``iso`` None, and neither has a fraction that is not whole in a smaller unit (``1.5개월``).

Also read: native numerals before a counter (``두 명``, ``한 달``, ``석 달``, ``열두 달``, ``한 해``,
``세 곳``), native count words (``하루``, ``이틀``, ``사흘``, ``열흘``, ``보름``, ``일주일``, ``반년``)
and ranges of one unit (``10~20%``, ``3~5년``, ``3년 내지 5년``: ``value`` and ``value_max``, no ``iso``).

Not extracted: money (amounts), years and dates (``2024년``, ``5월 21일``: a day needs a
duration word after it, ``30일간``), ordinals (``제7차``, ``제3조``), model names and codes
(``5G``, ``COP26``, ``G7``), vague numbers (``수십 명``, ``몇 년``, ``두세 명``, ``한두 달``), and the
upper end of a range whose lower end is not understood (nothing rather than half a range).

>>> from pipeline.context import context_for_text
>>> [(m.fields.value, m.fields.unit, m.fields.iso) for m in extract_quantities(context_for_text("5년에 걸쳐 9개국과"))]
[(Decimal('5'), 'year', 'P5Y'), (Decimal('9'), 'country', None)]
>>> [(m.fields.value, m.fields.unit, m.fields.iso) for m in extract_quantities(context_for_text("두 달 동안 세 명이"))]
[(Decimal('2'), 'month', 'P2M'), (Decimal('3'), 'person', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from pipeline.context import DocContext, Mention
from pipeline.lang.ko.common import alternation, data, ends_token, ends_token_after, prev_char, starts_token, whole_word
from pipeline.lang.ko.numbers import (
    borrow_units,
    native_counts,
    native_ok,
    native_pattern,
    number_ok,
    number_pattern,
    parse_korean_number,
    parse_native,
)
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
    fraction: tuple[str, int] | None
    """A smaller designator and how many of it make one unit (year: ``M``, 12)."""


def _unit(entry: dict[str, Any]) -> Unit:
    after = entry.get("requires_after")
    forbid = entry.get("forbid_after")
    fraction = entry.get("fraction_in")
    return Unit(
        unit=entry["unit"],
        kind=QuantityKind(entry["kind"]),
        iso=entry.get("iso"),
        max_value=Decimal(entry["max_value"]) if entry.get("max_value") is not None else None,
        requires_after=re.compile(rf"\s?(?:{alternation(after)})") if after else None,
        forbid_after=re.compile(forbid) if forbid else None,
        fraction=(str(fraction["iso"]), int(fraction["factor"])) if fraction else None,
    )


@cache
def _tables() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """Surface word (spaces removed) -> unit entry: after an Arabic or Sino-Korean number, and
    after a native numeral."""
    after_number: dict[str, Unit] = {}
    after_native: dict[str, Unit] = {}
    for entry in data("quantities")["units"]:
        unit = _unit(entry)
        for word in entry["words"]:
            after_number[compact(word)] = unit
        for word in entry.get("native_words", []):
            after_native[compact(word)] = unit
    return after_number, after_native


def units() -> dict[str, Unit]:
    """Surface word (spaces removed) -> unit entry, for words written after an Arabic number."""
    return _tables()[0]


@cache
def duration_unit_pattern() -> str:
    """Regex alternation of the duration words that form an ISO period (년, 개월, 주, 일)."""
    entries = data("quantities")["units"]
    return alternation(w for e in entries if e["kind"] == "duration" and e.get("iso") for w in e["words"])


def duration_iso(value: Decimal, word: str, unit: Unit | None = None) -> str | None:
    """``5``, ``년`` -> ``P5Y``; ``1.5``, ``년`` -> ``P18M``; None for a fraction not whole in a
    smaller designator or a unit without an ISO designator."""
    unit = unit if unit is not None else units().get(compact(word))
    if unit is None or unit.iso is None:
        return None
    if unit.max_value is not None and value > unit.max_value:
        return None  # 2021년 is a year, not a period of 2021 years
    if value == value.to_integral_value():
        return f"P{int(value)}{unit.iso}"
    if unit.fraction is not None:
        smaller, factor = unit.fraction
        scaled = value * factor
        if scaled == scaled.to_integral_value():
            return f"P{int(scaled)}{smaller}"
    return None


@cache
def native_duration_pattern() -> str:
    """Regex source for a native duration with an ISO designator: a numeral and its unit word
    (``두 달``, ``한 해``: groups ``nn``, ``nu``) or a count word (``이틀``, ``반년``: group ``cw``)."""
    words = [
        w for e in data("quantities")["units"] if e["kind"] == "duration" and e.get("iso") for w in e.get("native_words", [])
    ]
    return rf"(?:(?P<nn>{native_pattern()})\s?(?P<nu>{alternation(words)})|(?P<cw>{alternation(native_counts())}))"


def native_duration_iso(ctx: DocContext, m: re.Match[str]) -> str | None:
    """The ISO period of a ``native_duration_pattern`` match, when Kiwi reads it as one
    (``석 달`` -> ``P3M``, ``이틀`` -> ``P2D``); None for ``석 해`` or a syllable of another word."""
    if m.group("cw") is not None:
        if not whole_word(ctx, m.start("cw"), m.end("cw")) and not _unit_ends(ctx, m.end("cw")):
            return None
        n, name = native_counts()[m.group("cw")]
        unit = next(u for u in units().values() if u.unit == name and u.kind is QuantityKind.DURATION)
        return duration_iso(Decimal(n), "", unit)
    number = parse_native(m.group("nn"), compact(m.group("nu")))
    if number is None or not native_ok(ctx, m.start("nn"), m.end("nn")):
        return None
    return duration_iso(Decimal(number), "", _tables()[1][compact(m.group("nu"))])


def _unit_words() -> list[str]:
    return [w for entry in data("quantities")["units"] for w in entry["words"]]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A number and a unit word; a native numeral and a unit word; a native count word; the
    lower end of a range before a number; and a separator after something number-like, which
    says a range is there even when its lower end is not understood."""
    d = data("quantities")
    half = rf"(?:\s?(?P<half>{re.escape(d['half_word'])}))?"
    native_words = [w for entry in d["units"] for w in entry.get("native_words", [])]
    seps = alternation(d["range_separators"])
    sino = "".join([*data("numbers")["digits"], *data("numbers")["small_units"], *data("numbers")["big_units"]])
    return (
        re.compile(rf"(?P<num>{number_pattern()})\s?(?P<u>{alternation(_unit_words())}){half}"),
        re.compile(rf"(?P<num>{native_pattern()})\s?(?P<u>{alternation(native_words)}){half}"),
        re.compile(alternation(native_counts())),
        re.compile(rf"(?P<lo>{number_pattern()})(?:\s?(?P<lu>{alternation(_unit_words())}))?\s?(?:{seps})\s?$"),
        re.compile(rf"(?:\d|[{sino}])\s?(?:{alternation(_unit_words())})?\s?(?:{seps})\s?$"),
    )


@cache
def _unit_after() -> Anchors:
    """Where the number pattern can start: in a number run that reaches a unit word."""
    return Anchors(_unit_words())


def _accept(ctx: DocContext, end: int, unit: Unit, value: Decimal) -> bool:
    """Unit guards: max value, required duration word after, forbidden continuation."""
    if unit.max_value is not None and value > unit.max_value:
        return False
    if unit.requires_after is not None and unit.requires_after.match(ctx.text, end) is None:
        return False
    return unit.forbid_after is None or unit.forbid_after.match(ctx.text, end) is None


def _unit_ends(ctx: DocContext, end: int) -> bool:
    """The unit ends a token, or a token that only adds a glued suffix (``주간`` in ``2주간``)."""
    return ends_token_after(ctx, end, data("quantities").get("glued_suffixes", []))


def _with_half(ctx: DocContext, m: re.Match[str], unit: Unit, value: Decimal) -> tuple[Decimal, int]:
    """``1년 반``, ``한 달 반``: half a unit more when ``반`` is a word of its own after a duration."""
    if m.group("half") is None or unit.kind is not QuantityKind.DURATION or not whole_word(ctx, m.start("half"), m.end("half")):
        return value, m.end("u")
    if m.end("u") != m.start("half") and not ends_token(ctx, m.end("u")):
        return value, m.end("u")
    return value + Decimal("0.5"), m.end("half")


_NO_RANGE: tuple[int, int, Decimal] | None = None
_BROKEN = (-1, -1, Decimal(0))
"""A range is written before the number but its lower end is not understood."""


def _range_ok(ctx: DocContext, low_start: int, low_end: int, start: int, end: int) -> bool:
    """Kiwi reads both ends of a range as numbers, each alone (``3년 내지 5년``) or together
    (``5-10`` is one serial token)."""
    alone = number_ok(ctx, low_start, low_end) and number_ok(ctx, start, end, in_range=True)
    return alone or number_ok(ctx, low_start, end)


def _range_low(ctx: DocContext, start: int, high_text: str, unit: Unit) -> tuple[int, int, Decimal] | None:
    """The start and value of a range's lower end before the number at ``start`` (``10~`` of
    ``10~20%``, ``3년 내지`` of ``3년 내지 5년``): ``_NO_RANGE`` when none is written, ``_BROKEN``
    when one is but cannot be read (another unit, not a number, not below the upper end)."""
    *_, low_pattern, tail = _patterns()
    lo = max(0, start - 24)
    if tail.search(ctx.text, lo, start) is None:
        return _NO_RANGE
    m = low_pattern.search(ctx.text, lo, start)
    if m is None:
        return _BROKEN
    if m.group("lu") is not None and units().get(compact(m.group("lu"))) != unit:
        return _BROKEN
    low = parse_korean_number(borrow_units(m.group("lo"), high_text) if m.group("lu") is None else m.group("lo"))
    return _BROKEN if low is None else (m.start(), m.end("lo"), low)


def _ordinal_after(ctx: DocContext, end: int) -> bool:
    """``3년째``, ``이틀째``: an ordinal (the third year), not a quantity."""
    return ctx.text.startswith(tuple(data("quantities")["ordinal_suffixes"]), end)


def _numeric(ctx: DocContext) -> Iterator[Mention[QuantityFields]]:
    """``5년``, ``10명``, ``1.5도``, ``1년 반``, ``10~20%``: an Arabic or Sino-Korean number and a unit."""
    pattern, *_ = _patterns()
    table = units()
    for m in every_match(pattern, ctx.text, _unit_after().starts(ctx.text)):
        unit = table[compact(m.group("u"))]
        if not _unit_ends(ctx, m.end("u")):
            continue
        value = parse_korean_number(m.group("num"))
        if value is None or not _accept(ctx, m.end("u"), unit, value):
            continue
        if _ordinal_after(ctx, m.end("u")):
            continue
        low = _range_low(ctx, m.start("num"), m.group("num"), unit)
        if low is _BROKEN:
            continue
        if low is not None:
            low_start, low_end, low_value = low
            if low_value >= value or not _range_ok(ctx, low_start, low_end, m.start("num"), m.end("num")):
                continue  # 20~10%: not a range we understand, and its upper end alone would be wrong
            fields = QuantityFields(value=low_value, value_max=value, unit=unit.unit, kind=unit.kind)
            yield Mention(low_start, m.end("u"), f"ko.quantity.{unit.kind.value}_range", fields)
            continue
        if not number_ok(ctx, m.start("num"), m.end("num")):
            continue
        value, end = _with_half(ctx, m, unit, value)
        iso = duration_iso(value, m.group("u"), unit) if unit.kind is QuantityKind.DURATION else None
        fields = QuantityFields(value=value, unit=unit.unit, kind=unit.kind, iso=iso)
        yield Mention(m.start(), end, f"ko.quantity.{unit.kind.value}", fields)


def _native(ctx: DocContext) -> Iterator[Mention[QuantityFields]]:
    """``두 명``, ``석 달``, ``열두 달``, ``한 해``, ``한 달 반``: a native numeral before its counter."""
    _, pattern, *_ = _patterns()
    table = _tables()[1]
    for m in pattern.finditer(ctx.text):
        unit = table[compact(m.group("u"))]
        number = parse_native(m.group("num"), compact(m.group("u")))
        if number is None or not native_ok(ctx, m.start("num"), m.end("num")) or not _unit_ends(ctx, m.end("u")):
            continue
        if _ordinal_after(ctx, m.end("u")):
            continue
        if not starts_token(ctx, m.start("u")):
            continue
        value, end = _with_half(ctx, m, unit, Decimal(number))
        iso = duration_iso(value, m.group("u"), unit) if unit.kind is QuantityKind.DURATION else None
        fields = QuantityFields(value=value, unit=unit.unit, kind=unit.kind, iso=iso)
        yield Mention(m.start(), end, f"ko.quantity.native_{unit.kind.value}", fields)


def _glued_ok(ctx: DocContext, end: int) -> bool:
    """What is glued after a native duration word is a particle or a duration word (``이틀간``,
    ``하루도``), not another word making a compound (``하루빨리``)."""
    after = ctx.text[end : end + 1]
    if not ("가" <= after <= "힣"):
        return True
    token = ctx.token_at(end)
    if token is None:
        return False
    if token.start < end:
        return True  # 사흘간 read as one token: _unit_ends checked that only a glued suffix follows
    return token.tag.startswith("J") or token.form in data("quantities")["count_word_glued"]


def _count_words(ctx: DocContext) -> Iterator[Mention[QuantityFields]]:
    """``이틀``, ``사흘``, ``열흘``, ``일주일``, ``반년``: a native word that is itself a duration."""
    *_, pattern, _, _ = _patterns()
    by_unit = {u.unit: u for u in units().values() if u.kind is QuantityKind.DURATION}
    for m in pattern.finditer(ctx.text):
        if not starts_token(ctx, m.start()) or not _unit_ends(ctx, m.end()) or prev_char(ctx.text, m.start()).isalnum():
            continue
        if _ordinal_after(ctx, m.end()) or not _glued_ok(ctx, m.end()):
            continue
        n, name = native_counts()[m.group()]
        unit = by_unit[name]
        value = Decimal(n)
        fields = QuantityFields(value=value, unit=unit.unit, kind=unit.kind, iso=duration_iso(value, "", unit))
        yield Mention(m.start(), m.end(), "ko.quantity.native_duration", fields)


def _years_and_months(ctx: DocContext, found: list[Mention[QuantityFields]]) -> list[Mention[QuantityFields]]:
    """``1년 6개월``, ``2년 3개월간``: whole years then whole months, one duration counted in months
    (value 18, ``P1Y6M``)."""
    out: list[Mention[QuantityFields]] = []
    for mention in found:
        prev = out[-1] if out else None
        if prev is not None and _is_whole(prev, "year") and _is_whole(mention, "month") and mention.fields.value < 12:
            if ctx.text[prev.end : mention.start] in ("", " "):
                years, months = int(prev.fields.value), int(mention.fields.value)
                fields = QuantityFields(
                    value=Decimal(years * 12 + months), unit="month", kind=QuantityKind.DURATION, iso=f"P{years}Y{months}M"
                )
                out[-1] = Mention(prev.start, mention.end, "ko.quantity.duration_years_months", fields)
                continue
        out.append(mention)
    return out


def _is_whole(mention: Mention[QuantityFields], unit: str) -> bool:
    f = mention.fields
    return f.unit == unit and f.value_max is None and f.iso is not None and f.value == f.value.to_integral_value()


def extract_quantities(ctx: DocContext) -> list[Mention[QuantityFields]]:
    """Every quantity, non-overlapping, in text order."""
    return _years_and_months(ctx, resolve([*_numeric(ctx), *_native(ctx), *_count_words(ctx)]))
