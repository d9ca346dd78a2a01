"""English dates: ``May 21, 2021``, ``by 2024``, ``early in October``, ``the 2020s``, ``post-2025``.

Extracted, each as an inclusive range with its grain:
day (``May 21, 2021``, ``21 May 2021``, ``2021-05-21``, US ``05/21/2021``, ``May 20-21, 2021``),
month (``May 2021``, ``in June``, ranges ``May-July 2021``, ``from June 2021 to March 2022``),
part of month (``early October``, ``early in October``, ``mid-October``, ``the end of
October``), quarter (``Q3 2025``, ``the third quarter of 2025``), half (``H1 2026``, ``the first
half of 2026``), year (``in 2022``, ``2030 targets``, ``the 2022 Conference``, ``FY2022``,
``mid-2022``), part of a year (``the end of 2022``, ``early 2024``: December, January, grain
month, as the Korean ``2022년 말``), year ranges (``2026-2028``, ``from 2026 to 2028``, ``between 2026 and 2028``),
decade (``the 2020s``, ``the '90s``), century (``the 21st century``), and relative phrases
(``this year``, ``next year``, ``today``, ``the week after next``). Also: days spelled as ordinal
words (``June first``, ``the twenty-first of June``), ``the week of June 7`` (that Monday-to-Sunday
week), a year after an apostrophe (``in '98``), a compact ``20210526`` after a date word (``dated
20210526``), ``year-end`` (December), fiscal years (``FY22``, ``FY2021-22``: both calendar years),
a part of a century, decade or quarter (``mid-century``, ``the end of the decade``: the whole
period, as ``mid-2022`` gives the year; a ``by``/``after`` before it is left out where the whole
period reaches past the part, ``by mid-century`` having no deadline of 2100), and ``the 15th``
after a dated day or month of the same sentence (``opens on June 14 and closes on the
15th``); alone it gives nothing, the month being unsure. A relation word before the first date
of a list holds for each (``by 2030 and 2035``).
Dates without a year (``early in October``, ``in June``) take the year of the document date and
are marked ``relative``; relative dates are skipped when the document has no date.

Relations: a relation phrase right before the date (``pipeline/lang/en/data/relations.yaml``) sets
``by`` (by, until, through, no later than), ``from`` (from, since, starting in), ``after``
(after, post-, beyond), ``before`` (before, prior to, pre-) or ``during`` (during, throughout:
the date bounds a stretch of activity, so the explicit enum value fits better than ``on``)
and is *included in the span* (``by 2024``, ``no later than 2050``, ``post-2025``), as the
Korean ``2024년까지`` carries its particle. Plain ``in``/``on``/``at``/``of`` give ``on`` and
stay outside the span. A year before a baseline noun (``from 2005 levels``) keeps ``on``.

Each pattern is tried only where one of its matches can start (a month name, a run of digits, a
lexicon word found once per document: ``pipeline.lang.en.scan``), after a cheap gate on a word
every match holds; the matches are those of a scan of every offset.

A bare four-digit year (1900-2100) counts as a date, including before an event noun (``the 2022
Conference``: the event's year), unless it is glued to other characters (``COP2021``, phone
numbers, ``2021.5``), follows a label word (``Section 2021``, ``No. 2030``) or precedes a unit,
count noun or currency (``2000 participants``, ``2021 dollars``). Not extracted: durations
(``24 hours``, ``five years``: see quantities), ordinals (``the 7th Conference``), ``5G``,
``COP26``, the modal ``may`` and the verb ``march`` (month names match capitalized only, and a
bare month needs a preposition before it), month ranges without a year, seasons (``spring 2024``
gives the year, ``winter 2021`` nothing: it may run into 2022), ``this fiscal year`` (fiscal years
start in different months by country), phrases counted from a date in the text (``the following
year``, ``three days later``), ``the last quarter`` without a year (the one before this, or Q4).

>>> import datetime as dt
>>> from pipeline.context import context_for_text
>>> from schemas.models import Language
>>> text = "achieve net zero emissions no later than 2050"
>>> [m] = extract_dates(context_for_text(text, Language.EN, doc_date=dt.date(2021, 5, 21)))
>>> text[m.start:m.end], m.fields.date_start, m.fields.relation.value
('no later than 2050', datetime.date(2050, 1, 1), 'by')
>>> text = "The ROK will release early in October its provisional enhanced 2030 target"
>>> ctx = context_for_text(text, Language.EN, doc_date=dt.date(2021, 5, 21))
>>> [(text[m.start:m.end], str(m.fields.date_end)) for m in extract_dates(ctx)]
[('early in October', '2021-10-10'), ('2030', '2030-12-31')]
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from pipeline import periods
from pipeline.context import DocContext, Mention
from pipeline.lang.casefold import fold, lexicon_key
from pipeline.lang.en import numbers as num
from pipeline.lang.en import scan
from pipeline.lexicon import alternation, lang_yaml
from pipeline.money import currencies
from pipeline.overlap import resolve
from pipeline.text_utils import matches_at
from schemas.models import DateFields, Grain, Relation

YEAR = r"(?:19\d{2}|20\d{2}|2100)"
_Y_BEFORE = r"(?<![\w.,$€£¥₩#§/:–-])"  # not glued to a code, amount, decimal or phone number
_Y_AFTER = r"(?![\w%°]|[.,]\d|[-–/:]\d)"
_LOOKBACK = 40  # characters searched before a date for its relation phrase


@dataclass(frozen=True)
class _Core:
    """A date expression found by one pattern, before its relation phrase is attached."""

    start: int
    end: int
    rule: str
    span: periods.DateRange
    grain: Grain
    relative: bool = False
    own_relation: bool = False  # the core already holds its lead word (`from 2026 to 2028`)
    baseline: bool = False  # `2005 levels`: no relation phrase applies
    wide: frozenset[str] = frozenset()  # ends where the period reaches past what the words name (`mid-2022`)


_WIDE_ENDS = {"early": frozenset({"end"}), "mid": frozenset({"start", "end"}), "late": frozenset({"start"})}
"""Ends of a whole period that reach past a part of it: ``early 2030s`` ends later than meant,
``late 2030s`` starts earlier, ``mid-century`` both."""

_RELATION_END = {Relation.BY: "end", Relation.BEFORE: "end", Relation.AFTER: "start", Relation.FROM: "start"}
"""The end of the period a relation reads: ``by`` X is a deadline at X's end, ``after`` X starts at its start."""


def _wide(part: str | None) -> frozenset[str]:
    """The ends of the whole period that reach past ``part`` (``early``, ``mid``, ``late``)."""
    return _WIDE_ENDS.get(fold(part or "").strip(" -"), frozenset())


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    parts: dict[str, periods.PartOfMonth]
    relations: dict[str, Relation]
    relative: dict[str, dict[str, Any]]
    target_nouns: frozenset[str]
    event_nouns: frozenset[str]
    reference_nouns: frozenset[str]
    label_words: frozenset[str]
    blocking_nouns: frozenset[str]
    ordinals: dict[str, int]
    month_re: str
    month_ci_re: str
    weekdays: dict[str, int]
    weekday_re: str
    offset_units: dict[str, periods.Unit]
    in_units: frozenset[str]
    window_words: dict[str, int]
    nth: dict[str, int]
    sub_period: re.Pattern[str]
    full_month_re: str
    part_re: str
    rel_year_re: str
    relation_re: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    months: dict[str, int] = lang_yaml("en", "months.yaml")
    parts_raw: dict[str, periods.PartOfMonth] = lang_yaml("en", "parts_of_month.yaml")
    parts = {fold(k.rstrip("-")): v for k, v in parts_raw.items()}
    rel_raw: dict[str, str] = lang_yaml("en", "relations.yaml")
    relative: dict[str, dict[str, Any]] = lang_yaml("en", "relative.yaml")
    ctx: dict[str, list[str]] = lang_yaml("en", "target_nouns.yaml")
    units: dict[str, Any] = lang_yaml("en", "units.yaml")
    blocking = {fold(w) for w in units["words"]} | {fold(w) for w in num.scale_values()}
    for entry in currencies().values():
        blocking |= {fold(str(w)) for w in entry.get("en", []) or []}
    blocking |= {"percent", "per"}
    full = [m for m in months if len(m) > 4 or m in ("May", "June", "July")]
    abbreviations = [m for m in months if m not in full]
    month_re = rf"\b(?:(?:{alternation(full)})\b|(?:{alternation(abbreviations)})(?:\.|\b))"
    month_ci_re = rf"\b(?i:(?:{alternation(full)})\b|(?:{alternation(abbreviations)})(?:\.|\b))"
    weekdays: dict[str, int] = lang_yaml("en", "weekdays.yaml")
    offsets: dict[str, Any] = lang_yaml("en", "offsets.yaml")
    part_re = rf"\b(?i:{alternation(list(parts))})"
    year_words = [k for k, v in relative.items() if v["grain"] == "year"]
    rel_words = [k for k in rel_raw if k not in ("post", "pre")]
    relation_re = re.compile(rf"(?i:(?<![\w])(?P<rel>{alternation(rel_words)})\s+|(?<![\w])(?P<pp>post|pre)[\s-]?)$")
    return _Lexicon(
        months=months,
        parts=parts,
        relations={fold(k): Relation(v) for k, v in rel_raw.items()},
        relative=relative,
        target_nouns=frozenset(fold(w) for w in ctx["target_nouns"]),
        event_nouns=frozenset(fold(w) for w in ctx["event_nouns"]),
        reference_nouns=frozenset(fold(w) for w in ctx["reference_nouns"]),
        label_words=frozenset(fold(w) for w in ctx["label_words"]),
        blocking_nouns=frozenset(blocking),
        ordinals=num.ordinal_values(),
        month_re=month_re,
        month_ci_re=month_ci_re,
        weekdays=weekdays,
        weekday_re=rf"\b(?i:{alternation(list(weekdays))})\b",
        offset_units=dict(offsets["units"]),
        in_units=frozenset(offsets["in_units"]),
        window_words=dict(offsets["window_words"]),
        nth=dict(offsets["nth"]),
        sub_period=re.compile(
            rf"(?i:\b(?:{alternation(offsets['sub_period_words'])}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:of|in)\s+(?:the\s+)?)$"
        ),
        full_month_re=rf"\b(?:{alternation(full)})\b",
        part_re=part_re,
        rel_year_re=rf"(?i:{alternation(year_words)})\b",
        relation_re=relation_re,
    )


# --- small helpers ------------------------------------------------------------------------------


def _month(word: str) -> int:
    return _month_numbers()[fold(word.rstrip("."))]


@cache
def _month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, folded (``april``, ``apr``), -> its number."""
    return {fold(name): number for name, number in _lexicon().months.items()}


def _ordinal(text: str) -> int | None:
    """``third`` -> 3, ``3rd`` -> 3."""
    t = fold(text)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", t)
    return int(m.group(1)) if m else _lexicon().ordinals.get(t)


def _rel_year(phrase: str, doc: dt.date | None) -> int | None:
    """``next year`` -> doc year + 1; ``None`` without a document date."""
    entry = _lexicon().relative.get(lexicon_key(phrase))
    if doc is None or entry is None:
        return None
    return doc.year + int(entry["offset"])


def _year_of(m: re.Match[str], doc: dt.date | None) -> tuple[int | None, bool]:
    """The explicit year of a match, else a relative one, else the document's: (year, relative)."""
    groups = m.groupdict()
    if groups.get("y"):
        raw = groups["y"]
        return (int(raw) if len(raw) == 4 else periods.two_digit_year(int(raw))), False
    if groups.get("relw"):
        return _rel_year(groups["relw"], doc), True
    return (doc.year, True) if doc else (None, True)


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z][\w.]*)", text[end : end + 40])
    return fold(m.group(1).rstrip(".")) if m else ""


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"(\S+)\s*$", text[max(0, start - 30) : start])
    return fold(m.group(1)) if m else ""


# --- one handler per pattern: match -> _Core or None --------------------------------------------

Handler = Callable[[re.Match[str], str, dt.date | None], _Core | None]


def _day(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``May 21, 2021`` / ``21 May 2021`` / ``May 20-21``: one day or a run of days."""
    year, relative = _year_of(m, doc)
    if year is None or _verb_not_month(m, text) or _WEEK_OF.search(text, max(0, m.start() - 12), m.start()):
        return None  # `the week of June 7` is a week (see _week_of_day)
    month = _month(m.group("mon"))
    d1 = int(m.group("d"))
    d2 = int(m.group("d2")) if m.group("d2") else d1
    last = calendar.monthrange(year, month)[1]
    if not (1 <= d1 <= d2 <= last):
        return None
    rule = "en.date.day_range" if d2 != d1 else "en.date.day"
    span = (dt.date(year, month, d1), dt.date(year, month, d2))
    lead = _LEAD.search(text, max(0, m.start() - 10), m.start()) if d2 != d1 else None
    if lead is not None:  # `from 2nd to 6th May`: the range holds its own lead word
        return _Core(lead.start(), m.end(), rule, span, Grain.DAY, relative, own_relation=True)
    return _Core(m.start(), m.end(), rule, span, Grain.DAY, relative)


_VERB_MONTHS = frozenset({"may", "march", "mar"})


def _verb_not_month(m: re.Match[str], text: str) -> bool:
    """Lowercase ``may``/``march`` before a number and a word is the verb (``may 5 times``,
    ``march 5 miles``), unless a year or an ordinal suffix makes it a date."""
    if m.group("mon") not in _VERB_MONTHS or m.group("y") or m.start("mon") > m.start("d"):
        return False
    return not re.search(r"(?:st|nd|rd|th)$", m.group(0)) and re.match(r"\s+[A-Za-z]", text[m.end() : m.end() + 3]) is not None


def _ymd(m: re.Match[str]) -> dt.date | None:
    """The day of a match's ``y``, ``mo`` and ``d`` groups; ``None`` when there is no such day."""
    try:
        return dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None


def _iso(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    d = _ymd(m)
    return None if d is None else _Core(m.start(), m.end(), "en.date.iso", (d, d), Grain.DAY)


def _us_numeric(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``05/21/2021``, ``11/30/81``: month first (US usage in English documents), day first only when the month can't be."""
    a, b, raw = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(raw) if len(raw) == 4 else periods.two_digit_year(int(raw))
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.numeric", (d, d), Grain.DAY)


def _month_range(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``May-July 2021``, ``from June 2021 to March 2022``: months, the first year defaulting to the last."""
    sep = fold(m.group("sep").strip())
    pre = fold(m.group("pre") or "")
    if (sep == "and") != (pre == "between"):
        return None
    m1, m2, y2 = _month(m.group("mon1")), _month(m.group("mon2")), int(m.group("y"))
    y1 = int(m.group("y1")) if m.group("y1") else (y2 if m1 < m2 else y2 - 1)
    first, last = periods.month_range(y1, m1)[0], periods.month_range(y2, m2)[1]
    if last <= first or (y1, m1) == (y2, m2):
        return None
    return _Core(m.start(), m.end(), "en.date.month_range", (first, last), Grain.MONTH, own_relation=bool(pre))


def _month_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    year = int(m.group("y"))
    return _Core(m.start(), m.end(), "en.date.month_year", periods.month_range(year, _month(m.group("mon"))), Grain.MONTH)


def _bare_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``in June``: only after a preposition, so ``May`` the modal and names stay out."""
    lex = _lexicon()
    if doc is None:
        return None
    prev = _prev_word(text, m.start())
    after_relation = lex.relation_re.search(text, max(0, m.start() - _LOOKBACK), m.start()) is not None
    if not (after_relation or prev in {"in", "on", "of", "between", "and", "or", "to"}):
        return None
    return _Core(m.start(), m.end(), "en.date.month", periods.month_range(doc.year, _month(m.group("mon"))), Grain.MONTH, True)


def _shifted_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``this October`` (document year), ``next March`` (the first March after the document date)."""
    if doc is None:
        return None
    month = _month(m.group("mon"))
    which = fold(m.group("which"))
    year = doc.year
    if which == "next" and month <= doc.month:
        year += 1
    elif which == "last" and month >= doc.month:
        year -= 1
    return _Core(m.start(), m.end(), "en.date.relative_month", periods.month_range(year, month), Grain.MONTH, True)


def _part_of_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    part = _lexicon().parts[lexicon_key(m.group("part"))]
    span = periods.part_of_month_range(year, _month(m.group("mon")), part)
    return _Core(m.start(), m.end(), "en.date.part_of_month", span, Grain.PART_OF_MONTH, relative)


def _part_of_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the end of 2022`` -> December 2022 and ``early 2024`` -> January 2024 (grain month, as
    the Korean ``2022년 말`` / ``2024년 초``); ``mid-2022`` names no month, so year grain."""
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    part = _lexicon().parts[lexicon_key(m.group("part")).rstrip("-")]
    month = _year_part_months().get(part)
    if month is None:
        return _Core(m.start(), m.end(), "en.date.part_of_year", periods.year_range(year), Grain.YEAR, relative, wide=_wide(part))
    return _Core(m.start(), m.end(), "en.date.part_of_year_month", periods.month_range(year, month), Grain.MONTH, relative)


@cache
def _year_part_months() -> dict[str, int]:
    months: dict[str, int] = lang_yaml("en", "year_parts.yaml")
    return months


_QUARTER_LEAD = re.compile(r"(?i:\b(?:in|during|by|for|until|till|before|after|since|through|from|to|the|this|of))\s+$")
_QUARTER_FOLLOW = re.compile(r"\s+[a-z]")


def _bare_quarter(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``Q4`` without a year, in the document's year: only after a preposition (``in Q4``) or
    before a lowercase word (``Q4 revenue``), never as a question label (``Q4.``, ``Q4: How``)."""
    lead = _QUARTER_LEAD.search(text, max(0, m.start() - 12), m.start())
    if lead is None and not _QUARTER_FOLLOW.match(text, m.end()):
        return None
    return _quarter(m, text, doc)


def _part_of_relative_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the end of the month``, ``early next month``: a part of the document's month or one next to it."""
    if doc is None:
        return None
    offset = {"the": 0, "this": 0, "next": 1, "last": -1}[fold(m.group("which") or "the")]
    first, _ = periods.offset_period(doc, offset, "month")
    part = _lexicon().parts[lexicon_key(m.group("part"))]
    span = periods.part_of_month_range(first.year, first.month, part)
    return _Core(m.start(), m.end(), "en.date.part_of_month", span, Grain.PART_OF_MONTH, True)


def _quarter(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    q = int(m.group("q")) if m.groupdict().get("q") else _ordinal(m.group("ord") or "")
    if m.groupdict().get("ord") and fold(m.group("ord")) in ("last", "final"):
        if not (m.groupdict().get("y") or m.groupdict().get("relw") or m.groupdict().get("y2")):
            return None  # `last quarter` alone is the one before this; `the last quarter of 2021` is Q4
        q = 4
    year, relative = _year_of(m, doc)
    if m.groupdict().get("y2"):  # `third quarter 2025`
        year, relative = int(m.group("y2")), False
    elif relative and re.match(r"\s+of\b", text[m.end() : m.end() + 5]):  # `the first quarter of the century`
        return None
    if year is None or q is None or not 1 <= q <= 4:
        return None
    return _Core(m.start(), m.end(), "en.date.quarter", periods.quarter_range(year, q), Grain.QUARTER, relative)


def _half(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    if m.groupdict().get("h"):
        h = int(m.group("h"))
    else:
        word = fold(m.group("ord"))
        h = 2 if word in ("latter", "later", "second", "2nd") else 1
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    return _Core(m.start(), m.end(), "en.date.half", periods.half_range(year, h), Grain.HALF, relative)


def _year_range(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``2026-2028``, ``2021-25``, ``from 2026 to 2028``, ``between 2026 and 2028``."""
    y1 = int(m.group("y1"))
    raw2 = m.group("y2")
    sep = fold(m.group("sep").strip())
    pre = fold(m.group("pre") or "")
    if len(raw2) == 2:
        if sep not in "-–—/":
            return None
        y2 = y1 - y1 % 100 + int(raw2)
    else:
        y2 = int(raw2)
    if y2 <= y1 or (sep == "and" and pre != "between") or (pre == "between" and sep != "and"):
        return None
    return _Core(m.start(), m.end(), "en.date.year_range", periods.years_range(y1, y2), Grain.YEAR, own_relation=bool(pre))


def _decade(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    span = periods.decade_range(int(m.group("y")))
    return _Core(m.start(), m.end(), "en.date.decade", span, Grain.DECADE, wide=_wide(m.group("part")))


def _century(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    n = int(m.group("n")) if m.groupdict().get("n") else _ordinal(m.group("ordw") or "")
    if not n or not 1 <= n <= 22:
        return None
    return _Core(m.start(), m.end(), "en.date.century", periods.century_range(n), Grain.CENTURY)


_THE_BEFORE = re.compile(r"(?<![\w])(?i:the)\s+$")
_ROLLING = re.compile(r"(?i:next|last|past)\s")


def _relative(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``this year``, ``next month``, ``today``, ``this decade`` against the document date."""
    entry = _lexicon().relative[lexicon_key(m.group(0))]
    if doc is None or entry.get("only_after_of"):
        return None
    if _THE_BEFORE.search(text, max(0, m.start() - 6), m.start()) and _ROLLING.match(m.group(0)):
        return None  # `the last year of his term`, `within the next year`: a position or twelve months, not a calendar year
    off = int(entry["offset"])
    grain = Grain(entry["grain"])
    if grain is Grain.YEAR:
        span = periods.year_range(doc.year + off)
    elif grain is Grain.MONTH:
        y, mo = divmod(doc.year * 12 + doc.month - 1 + off, 12)
        span = periods.month_range(y, mo + 1)
    elif grain is Grain.DAY:
        d = doc + dt.timedelta(days=off)
        span = (d, d)
    elif grain is Grain.WEEK:
        span = periods.offset_period(doc, off, "week")
    elif grain is Grain.QUARTER:
        span = periods.offset_period(doc, off, "quarter")
    elif grain is Grain.DECADE:
        span = periods.decade_range(doc.year - doc.year % 10 + 10 * off)
    else:
        span = periods.century_range((doc.year - 1) // 100 + 1 + off)
    return _Core(m.start(), m.end(), "en.date.relative", span, grain, True)


def _fiscal_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    return _Core(m.start(), m.end(), "en.date.fiscal_year", periods.year_range(int(m.group("y"))), Grain.YEAR)


def _bare_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """A lone year, unless a label word precedes it or a unit/currency/count noun follows it."""
    lex = _lexicon()
    prev = _prev_word(text, m.start())
    if prev in lex.label_words or prev.isdigit() or prev in _lexicon_words("season_spanning"):
        return None
    nxt = _next_word(text, m.end())
    if nxt in lex.blocking_nouns:
        return None
    year = int(m.group("y"))
    rule = "en.date.year_before_noun" if nxt in lex.target_nouns or nxt in lex.event_nouns else "en.date.year"
    return _Core(m.start(), m.end(), rule, periods.year_range(year), Grain.YEAR, baseline=nxt in lex.reference_nouns)


_DATE_PREPOSITIONS = frozenset({"on", "by", "until", "till", "from", "through"})


def _month_day(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``3/17`` in the document's year: only where it cannot be a fraction (a day above 12, or a
    date preposition before it) and not before ``of``/``%`` (``1/3 of``)."""
    month, day = int(m.group("a")), int(m.group("b"))
    if doc is None or re.match(r"\s*(?:of\b|%|percent|th\b)", text[m.end() : m.end() + 10]):
        return None
    if day <= 12 and _prev_word(text, m.start()) not in _DATE_PREPOSITIONS:
        return None
    try:
        d = dt.date(doc.year, month, day)
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.month_day", (d, d), Grain.DAY, True)


def _numeric_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``2016-09``, ``5/2016``: a month; ``2011-12`` is left to the year ranges (2011-2012)."""
    year, month = int(m.group("y")), int(m.group("mo"))
    if not 1 <= month <= 12 or (m.groupdict().get("iso") and month > year % 100):
        return None
    return _Core(m.start(), m.end(), "en.date.numeric_month", periods.month_range(year, month), Grain.MONTH)


def _day_mon_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``30-Nov-81``, ``30-Nov-2021``."""
    raw = m.group("y")
    year = int(raw) if len(raw) == 4 else periods.two_digit_year(int(raw))
    try:
        d = dt.date(year, _month(m.group("mon")), int(m.group("d")))
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.day_mon_year", (d, d), Grain.DAY)


def _nth_weekday(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the second Tuesday of May 2016``, ``the last Friday of May``."""
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    lex = _lexicon()
    day = periods.nth_weekday(year, _month(m.group("mon")), lex.weekdays[fold(m.group("wd"))], lex.nth[fold(m.group("nth"))])
    return None if day is None else _Core(m.start(), m.end(), "en.date.nth_weekday", (day, day), Grain.DAY, relative)


def _nth_week(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the first week of October``: the Monday-to-Sunday week holding the 1st is the first."""
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    week = periods.nth_week(year, _month(m.group("mon")), _lexicon().nth[fold(m.group("nth"))])
    return None if week is None else _Core(m.start(), m.end(), "en.date.nth_week", week, Grain.WEEK, relative)


def _day_of_relative_month(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the 10th of next month``."""
    if doc is None:
        return None
    offset = {"this": 0, "next": 1, "last": -1}[fold(m.group("which"))]
    first = periods.shift(doc.replace(day=1), offset, "month")
    try:
        d = first.replace(day=int(m.group("d")))
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.day_of_relative_month", (d, d), Grain.DAY, True)


def _weekday(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``friday`` / ``next Thursday`` (the first after the document date), ``last Saturday`` (the
    last before it), ``this Friday`` (in the document's week)."""
    if doc is None or re.match(rf",?\s+(?:the\s+)?(?:\d|{_lexicon().month_ci_re})", text[m.end() : m.end() + 16]):
        return None  # `Friday, May 21`: the weekday names the date that follows
    weekday = _lexicon().weekdays[fold(m.group("wd"))]
    which = " ".join(fold(m.group("which") or "").split())
    if which == "this coming":  # `this coming Friday`: the next one, as `coming Friday`
        which = "coming"
    if m.group("wk"):  # `wednesday of next week`, `sunday last week`
        if which:
            return None
        day = periods.weekday_in_week(doc, {"this": 0, "next": 1, "last": -1}[fold(m.group("wk"))], weekday)
        return _Core(m.start(), m.end(), "en.date.weekday_of_week", (day, day), Grain.DAY, True)
    if m.group("after_next"):  # `friday after next`: the one after the next
        if which:
            return None
        day = periods.next_weekday(doc, weekday) + dt.timedelta(weeks=1)
        return _Core(m.start(), m.end(), "en.date.weekday", (day, day), Grain.DAY, True)
    if which == "this":
        day = periods.weekday_in_week(doc, 0, weekday)
    else:
        past = which in ("last", "past") or (not which and _past_tense(text, m.start(), m.end()))
        day = periods.next_weekday(doc, weekday, -1 if past else 1)
    return _Core(m.start(), m.end(), "en.date.weekday", (day, day), Grain.DAY, True)


@cache
def _tense_cues() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], str]:
    data: dict[str, Any] = lang_yaml("en", "tense.yaml")
    words = re.compile(r"[A-Za-z']+")
    return words, frozenset(data["past_words"]), frozenset(data["future_words"]), str(data["past_suffix"])


def _past_tense(text: str, start: int, end: int) -> bool:
    """The sentence holding a bare weekday speaks of the past: its tense cue nearest before the
    weekday, else nearest after it, is a past-tense verb (``On Tuesday, the minister announced``)."""
    words_re, past, future, suffix = _tense_cues()
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 200)
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min([*stops, end + 200])

    def cue(match: re.Match[str], before: str) -> str | None:
        word = fold(match.group())
        if word in future:
            return "future"
        if (word in past or (word.endswith(suffix) and len(word) > 4)) and before not in ("be", "been", "being"):
            return "past"
        return None

    tokens = list(words_re.finditer(text, max(0, left), right))
    found = [(t.start(), cue(t, fold(tokens[i - 1].group()) if i else "")) for i, t in enumerate(tokens)]
    before = [c for pos, c in found if pos < start and c]
    after = [c for pos, c in found if pos >= end and c]
    return (before[-1] if before else after[0] if after else None) == "past"


def _count(word: str) -> int | None:
    if fold(word) in ("a", "an"):
        return 1
    n = num.parse_number(word)
    return int(n) if n is not None and n == n.to_integral_value() and 0 < n < 1000 else None


def _offset(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``two weeks ago``, ``in three days``: the unit that far from the document date."""
    n = _count(m.group("n"))
    if doc is None or n is None:
        return None
    lex = _lexicon()
    unit_word = fold(m.group("u"))
    inward = m.groupdict().get("inw")
    if inward and unit_word not in lex.in_units:
        return None
    unit = lex.offset_units[unit_word]
    forward = inward or m.groupdict().get("fwd")
    span = periods.offset_period(doc, n if forward else -n, unit)
    return _Core(m.start(), m.end(), "en.date.offset", span, Grain(unit), True)


@cache
def _offsets() -> dict[str, Any]:
    offsets: dict[str, Any] = lang_yaml("en", "offsets.yaml")
    return offsets


@cache
def _holidays() -> dict[str, tuple[int, int]]:
    """Fixed-date holiday names (lowercase, one apostrophe) -> (month, day)."""
    raw: dict[str, list[int]] = lang_yaml("en", "holidays.yaml")
    return {name: (md[0], md[1]) for name, md in raw.items()}


def _weekend(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``this weekend``, ``next weekend``: Saturday and Sunday of that week."""
    if doc is None:
        return None
    weeks = {fold(k): v for k, v in _offsets()["weekends"].items()}[" ".join(fold(m.group("we")).split())]
    saturday = periods.weekday_in_week(doc, weeks, 5)
    return _Core(m.start(), m.end(), "en.date.weekend", (saturday, saturday + dt.timedelta(days=1)), Grain.DAY, True)


_MODIFIED = re.compile(r"\s+[a-z]")


def _holiday(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``Christmas Day``, ``New Year's Eve 2024``: a fixed-date holiday in the year written or the document's."""
    name = " ".join(fold(m.group("hol")).split())
    if " " not in name and not m.group("y") and _MODIFIED.match(text, m.end()):
        return None  # `the Christmas season`, `Halloween costumes`: the name qualifies a noun, not a day
    dated = rf"\s*(?:,|\(|(?i:is|was|falls\s+on|on))?\s*(?:\d|{_lexicon().month_ci_re})"
    if not m.group("y") and re.match(dated, text[m.end() : m.end() + 30]):
        return None  # `Christmas Day, December 25, 2024`: the date written after it says which year
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    names = {fold(k): v for k, v in _holidays().items()}
    month, day = names[name]
    date = dt.date(year, month, day)
    return _Core(m.start(), m.end(), "en.date.holiday", (date, date), Grain.DAY, relative)


def _day_first_dotted(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``26.05.2021``: day first, as everywhere dots separate a date with the year last; never
    after a label word (``version 1.2.2021``)."""
    if _prev_word(text, m.start()) in _lexicon().label_words:
        return None
    try:
        date = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.dotted", (date, date), Grain.DAY, False)


def _window(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the last 3 days``, ``next 2 months``, ``the past two weeks``: whole units before or after the current one."""
    n = _count(m.group("n"))
    if doc is None or n is None:
        return None
    lex = _lexicon()
    unit = lex.offset_units[fold(m.group("u"))]
    span = periods.window(doc, lex.window_words[fold(m.group("w"))] * n, unit)
    return _Core(m.start(), m.end(), "en.date.window", span, Grain(unit), True)


# --- everyday forms: spelled-out days, short and compact years, parts of a century -------------


@cache
def _day_word_values() -> dict[str, int]:
    """Ordinal words of a day, folded, hyphens as spaces (``first``, ``twenty first``) -> the day."""
    return {w.replace("-", " "): v for w, v in _lexicon().ordinals.items() if v <= 31}


def _day_word_pattern() -> str:
    """``first`` .. ``thirty-first``, the tens joined by a hyphen or a space."""
    return alternation(list(_day_word_values()), space=r"[\s-]")


_DAY_CUE = re.compile(r"(?<![\w])(?i:on|by|until|till|before|after|since|from|through|starting|beginning|effective)\s+$")


def _spelled_day(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``June first``, ``June the twenty-first``, ``the first of June``: a day spelled as an
    ordinal word. After a month name the word is a day only with a year, ``the``, or a date
    preposition before the month (``on June first``): ``first`` is often an adverb (``in June
    first, then July``)."""
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    groups = m.groupdict()
    if groups.get("mon_first") and not (groups.get("y") or groups.get("the_d")):
        if _DAY_CUE.search(text, max(0, m.start() - 14), m.start()) is None:
            return None
    day = _day_word_values()[" ".join(fold(m.group("dw")).replace("-", " ").split())]
    try:
        d = dt.date(year, _month(m.group("mon")), day)
    except ValueError:
        return None
    return _Core(m.start(), m.end(), "en.date.spelled_day", (d, d), Grain.DAY, relative)


def _week_of_day(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the week of June 7``: the Monday-to-Sunday week holding that day. A Sunday gives
    nothing: where weeks start on Sunday (US usage) it opens the next week instead."""
    year, relative = _year_of(m, doc)
    if year is None:
        return None
    try:
        day = dt.date(year, _month(m.group("mon")), int(m.group("d")))
    except ValueError:
        return None
    if day.weekday() == 6 or (m.groupdict().get("wd") and _lexicon().weekdays[fold(m.group("wd"))] != day.weekday()):
        return None
    return _Core(m.start(), m.end(), "en.date.week_of_day", periods.week_range(day), Grain.WEEK, relative)


_WEEK_OF = re.compile(r"(?i:\bweek\s+of\s+(?:(?:the\s+)|[a-z]+day\.?,?\s+)?)$")


@cache
def _short_year_cue() -> re.Pattern[str]:
    """A preposition right before ``'98``: the apostrophe year is a date only there."""
    return re.compile(rf"(?<![\w])(?P<w>(?i:{alternation(_lexicon_words('short_year_cues'))}))\s+$")


def _lexicon_words(key: str) -> list[str]:
    words: list[str] = lang_yaml("en", "target_nouns.yaml")[key]
    return words


def _apostrophe_year(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``in '98``, ``since '15``, ``from '21 to '25``: a year (or years) written with two digits
    after an apostrophe (``'15`` -> 2015, ``'81`` -> 1981), only after a preposition (``'98``
    alone may be a quoted number)."""
    cue = _short_year_cue().search(text, max(0, m.start() - 12), m.start())
    if cue is None:
        return None
    year = periods.two_digit_year(int(m.group("yy")))
    if not m.group("yy2"):
        return _Core(m.start(), m.end(), "en.date.apostrophe_year", periods.year_range(year), Grain.YEAR)
    last = periods.two_digit_year(int(m.group("yy2")))  # `from '21 to '25`, `between '98 and '02`
    lead = fold(cue.group("w"))
    if last <= year or (fold(m.group("sep").strip()) == "and") != (lead == "between"):
        return None
    own = lead in ("from", "between")
    start = cue.start() if own else m.start()
    return _Core(start, m.end(), "en.date.apostrophe_years", periods.years_range(year, last), Grain.YEAR, own_relation=own)


def _apostrophe_decade(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``the '90s``: the latest such decade that has begun by the document date (``'90s`` ->
    1990s, ``'10s`` -> 2010s in 2021); the decade of the document date itself gives nothing
    (``the '20s`` in 2021: the 1920s or this decade)."""
    if doc is None:
        return None
    tens = int(m.group("dd")) * 10
    first = doc.year - doc.year % 100 + tens
    if first > doc.year:
        first -= 100
    if first + 9 >= doc.year:
        return None
    return _Core(
        m.start(), m.end(), "en.date.decade", periods.decade_range(first), Grain.DECADE, True, wide=_wide(m.group("part"))
    )


@cache
def _compact_cue() -> re.Pattern[str]:
    cues = alternation(_lexicon_words("compact_date_cues"), space=r"\s+")
    return re.compile(rf"(?<![\w])(?i:{cues})\s*:?\s+$")


def _compact_date(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``20210526``: eight digits that make a valid date, read only right after a date word
    (``dated 20210526``, ``on 20210526``); elsewhere the digits may be an identifier or a number."""
    if _compact_cue().search(text, max(0, m.start() - 16), m.start()) is None:
        return None
    if _next_word(text, m.end()) in _lexicon().blocking_nouns:
        return None
    d = _ymd(m)
    return None if d is None else _Core(m.start(), m.end(), "en.date.compact", (d, d), Grain.DAY)


def _part_of_long_period(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``by mid-century``, ``the end of the decade``, ``the middle of the 21st century``: a part of
    a century or decade that the grains cannot hold; the whole period is the part the rules are
    sure of (as ``mid-2022`` gives the year), with the ends that reach past the part marked
    ``wide`` (no ``by`` before ``mid-century``). The start or end of this quarter is its first or
    last month (as ``2분기 초`` / ``2분기 말``), its middle the quarter."""
    unit = fold(m.group("unit"))
    wide = _wide(_lexicon().parts[lexicon_key(m.group("part")).rstrip("-")])
    if m.group("n") or m.group("ordw"):
        n = int(m.group("n")) if m.group("n") else _ordinal(m.group("ordw"))
        if unit != "century" or not n or not 1 <= n <= 22:
            return None
        return _Core(m.start(), m.end(), "en.date.part_of_century", periods.century_range(n), Grain.CENTURY, wide=wide)
    if doc is None:
        return None
    if unit == "century":
        span, grain = periods.century_range((doc.year - 1) // 100 + 1), Grain.CENTURY
    elif unit == "decade":
        span, grain = periods.decade_range(doc.year - doc.year % 10), Grain.DECADE
    else:
        span, grain = periods.offset_period(doc, 0, "quarter"), Grain.QUARTER
        part = _lexicon().parts[lexicon_key(m.group("part")).rstrip("-")]
        if part in _year_part_months():  # `the end of the quarter`: its last month, as `2분기 말`
            month = span[0].month if part == "early" else span[1].month
            span, grain = periods.month_range(span[0].year, month), Grain.MONTH
    exact = grain is Grain.MONTH  # `the end of the quarter` is its last month: nothing reaches past it
    return _Core(m.start(), m.end(), f"en.date.part_of_{unit}", span, grain, True, wide=frozenset() if exact else wide)


_YEAR_END_CUE = re.compile(r"(?<![\w])(?i:by|at|before|until|till|toward|towards|around|near|after|from)\s+(?:(?i:the)\s+)?$")


def _year_end(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``year-end 2022`` (December 2022, as ``the end of 2022``); ``by year-end`` without a year is
    December of the document's year, only after a preposition (``year-end bonus`` is no date), and
    never after ``fiscal`` (a fiscal year may end in another month)."""
    if _prev_word(text, m.start()) == "fiscal":
        return None
    if m.group("y"):
        year, relative = int(m.group("y")), False
    elif doc is not None and _YEAR_END_CUE.search(text, max(0, m.start() - 16), m.start()):
        year, relative = doc.year, True
    else:
        return None
    return _Core(m.start(), m.end(), "en.date.year_end", periods.month_range(year, 12), Grain.MONTH, relative)


def _fiscal_years(m: re.Match[str], text: str, doc: dt.date | None) -> _Core | None:
    """``FY22`` (2022), ``FY2021-22`` / ``fiscal 2021/22`` (a fiscal year across two calendar
    years: both years, the range that surely holds it)."""
    raw1, raw2 = m.group("fy1"), m.groupdict().get("fy2")
    y1 = int(raw1) if len(raw1) == 4 else periods.two_digit_year(int(raw1))
    if raw2 is None:
        return _Core(m.start(), m.end(), "en.date.fiscal_year", periods.year_range(y1), Grain.YEAR)
    y2 = int(raw2) if len(raw2) == 4 else y1 - y1 % 100 + int(raw2)
    if y2 != y1 + 1:
        return None
    return _Core(m.start(), m.end(), "en.date.fiscal_year", periods.years_range(y1, y2), Grain.YEAR)


# --- post-passes over the kept dates: a bare day after a dated one, relations over a list -------

_BARE_DAY = re.compile(r"(?P<d>\d{1,2})(?i:st|nd|rd|th)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?i:and|or|to|through|until|at|in|when)\b)")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _bare_days(cores: list[_Core], text: str) -> list[_Core]:
    """``The summit opens on June 14 and closes on the 15th``: a day without a month after a
    dated day or month of the same sentence takes that month (a later day of it, for a day);
    with no such date before it, ``the 15th`` gives nothing (which month is not sure)."""
    if not cores:
        return cores
    out = list(cores)
    by_end = sorted(cores, key=lambda c: c.end)
    ends = [c.end for c in by_end]
    for m in matches_at(_BARE_DAY, text, scan.numbers(text).short):
        the = _THE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        k = bisect.bisect_right(ends, m.start())
        if the is None or k == 0 or any(c.start < m.end() and m.start() < c.end for c in by_end[k - 1 : k + 1]):
            continue
        anchor = by_end[k - 1]
        day = _day_after(anchor, int(m.group("d")))
        if day is None or _SENTENCE_BREAK.search(text, anchor.end, the.start()):
            continue
        out.append(_Core(the.start(), m.end(), "en.date.bare_day", (day, day), Grain.DAY, anchor.relative))
    return sorted(out, key=lambda c: (c.start, c.end))


def _day_after(anchor: _Core, day: int) -> dt.date | None:
    """Day ``day`` of the one month ``anchor`` lies in (after it, for a day); else ``None``."""
    first, last = anchor.span
    if anchor.grain not in (Grain.DAY, Grain.MONTH) or (first.year, first.month) != (last.year, last.month):
        return None
    if day > calendar.monthrange(first.year, first.month)[1] or day < 1 or (anchor.grain is Grain.DAY and day <= last.day):
        return None
    return first.replace(day=day)


_LIST_JOIN = re.compile(r"\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or)\s+")
_SHARED_RELATIONS = frozenset({Relation.BY, Relation.BEFORE, Relation.AFTER, Relation.DURING})


def _shared_relations(mentions: list[Mention[DateFields]], cores: list[_Core], text: str) -> list[Mention[DateFields]]:
    """``by 2030 and 2035``, ``before 2025, 2030 or 2035``: a relation word before the first date
    of a list of dates of one grain holds for each of them. A list needs ``and``/``or`` before its
    last date; a date before a noun (``2035 targets``) ends it."""
    out = list(mentions)
    k = 0
    while k < len(out):
        head = out[k]
        if head.fields.relation not in _SHARED_RELATIONS or head.start == cores[k].start:
            k += 1
            continue
        j = k
        while (
            j + 1 < len(out)
            and out[j + 1].fields.relation is Relation.ON
            and out[j + 1].start == cores[j + 1].start
            and out[j + 1].fields.grain is head.fields.grain
            and out[j + 1].rule != "en.date.year_before_noun"
            and _LIST_JOIN.fullmatch(text, out[j].end, out[j + 1].start)
        ):
            j += 1
        if j > k and re.search(r"(?i:and|or)", text[out[j - 1].end : out[j].start]):
            for i in range(k + 1, j + 1):
                out[i] = Mention(
                    out[i].start, out[i].end, out[i].rule, out[i].fields.model_copy(update={"relation": head.fields.relation})
                )
        k = j + 1
    return out


class _Leads:
    """Where the date patterns may start in one document (see :mod:`pipeline.lang.en.scan`), each
    kind of offset found once: month names, numbers, lexicon phrases."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._months: list[int] | None = None
        self._pieces: dict[str, bool] = {}

    def months(self) -> list[int]:
        """Where a month name (``_month_pattern``) starts; none of its matches overlap."""
        if self._months is None:
            match = _month_pattern().match
            candidates = scan.phrase_starts(self.text, _words(), _lexicon().months)
            self._months = [k for k in candidates if match(self.text, k)]
        return self._months

    def any_month(self) -> bool:
        return bool(self.months())

    def digits(self) -> list[int]:
        return scan.numbers(self.text).starts

    def short_numbers(self) -> list[int]:
        """Where a run of one or two digits starts: a pattern opening with ``\\d{1,2}`` and a
        non-digit starts at one (it cannot start inside a run: each has ``(?<![\\w...])``)."""
        return scan.numbers(self.text).short

    def number_then(self, chars: str, *, space: bool = False) -> bool:
        """Whether a run of digits is followed by one of ``chars`` (the ``/`` of ``5/21``) or,
        with ``space``, by whitespace."""
        after = scan.numbers(self.text).after
        return not after.isdisjoint(chars) or (space and any(c.isspace() for c in after))

    def parts(self) -> list[int]:
        """Where a part of a month or year (``early``, ``the end of``) may start."""
        return self.phrases(_lexicon().parts)

    def years(self) -> list[int]:
        """Where a ``YEAR`` may start: a run of digits opening with 19, 20 or 21."""
        return [k for k in scan.numbers(self.text).starts if self.text.startswith(("19", "20", "21"), k)]

    def phrases(self, phrases: Iterable[str]) -> list[int]:
        return scan.phrase_starts(self.text, _words(), phrases)

    def after(self, starts: Iterable[int], *words: str) -> list[int]:
        """``starts`` and where one of ``words`` stands right before one of them (``the``, ``from``)."""
        starts = list(starts)
        return scan.merged(starts, *(scan.preceded(self.text, starts, w) for w in words))

    def has(self, phrases: Iterable[str]) -> bool:
        """Whether one of ``phrases`` may stand in the text, its first word (one of the words of
        ``_words``) as a whole word: a pattern that holds one cannot match otherwise."""
        found = _words().starts(self.text)
        return any(
            scan.phrase_words(p)[0] in found and (len(scan.phrase_words(p)) == 1 or scan.has_phrase(self.text, p))
            for p in phrases
        )

    def holds(self, piece: str) -> bool:
        """Whether the regex ``piece`` is found in the text (searched once per document)."""
        if piece not in self._pieces:
            self._pieces[piece] = re.search(piece, self.text) is not None
        return self._pieces[piece]


Gate = Callable[[_Leads], bool]
"""A cheap test that a document may hold a match of the pattern at all (``False``: it cannot)."""
Lead = Callable[[_Leads], Sequence[int]]
"""Every offset where the pattern may start in a document (see :func:`pipeline.text_utils.matches_at`)."""


def _regex_gate(piece: str) -> Gate:
    """A piece every match of the pattern contains, searched for (most documents lack it)."""
    return lambda leads: leads.holds(piece)


def _all_gates(*gates: Gate) -> Gate:
    return lambda leads: all(gate(leads) for gate in gates)


@cache
def _words() -> scan.Words:
    """The lexicon words the date patterns may start with (see :func:`scan.phrase_starts`), and
    the words their gates look for."""
    lex = _lexicon()
    phrases = [*lex.months, *_LEAD_WORDS, *lex.parts, *lex.relative, *lex.window_words, *_GATE_WORDS, *_day_word_values()]
    gates = [*lex.weekdays, *lex.offset_units, *_offsets()["forward_words"], *_holidays()]
    return scan.Words([*scan.phrase_index(phrases), *(scan.phrase_words(g)[0] for g in gates)])


_LEAD_WORDS = ("from", "between", "this", "next", "last", "in", "fy", "fiscal", "calendar", "the year")
_GATE_WORDS = ("week", "month", "ago", "weekend", "half", "century", "decade", "quarter")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Handler, Gate | None, Lead | None], ...]:
    """Each pattern with its handler, an optional gate and where its matches may start (``None``:
    anywhere, for patterns whose gate rarely passes)."""
    lex = _lexicon()
    mon = rf"(?P<mon>{lex.month_re})"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    day2 = r"(?:\s*(?:[-–]|\s(?i:to|through|thru|until)\s)\s*(?:(?i:the)\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?"
    year_opt = rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?"
    rel_year = rf"(?P<relw>{lex.rel_year_re})"
    year_or_rel = rf"(?:(?P<y>{YEAR})(?!\d)|{rel_year})"
    ord_q = r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final))"
    quarter_word = r"(?i:quarter|qtr\.?)"
    ord_h = r"(?P<ord>(?i:first|second|latter|1st|2nd))"
    the = r"(?:(?i:the)\s+)?"
    ordinal_words = alternation([w for w, v in lex.ordinals.items() if 15 <= v <= 22])
    day_words = _day_word_pattern()
    mon_ci = rf"(?P<mon>{lex.month_ci_re})"
    nth = rf"(?P<nth>(?i:{alternation(list(lex.nth))}))"
    units = rf"(?P<u>(?i:{alternation(list(lex.offset_units))}))\b"
    count = rf"(?P<n>{num.number_pattern()}|(?i:an?)\b)"
    forward = _offsets()["forward_words"]
    # A gate must hold wherever the pattern matches (the words it looks for are in every match);
    # a lead must hold every offset where a match can start: a month name, a run of digits, a
    # lexicon phrase, and what the pattern allows before them (``the``, ``from``). The test
    # suite checks both against a scan of every offset (tests/lang/test_en_scan.py).
    table: list[tuple[str, Handler, Gate | None, Lead | None]] = [
        (rf"{mon_ci}\s+{day}{day2}{year_opt}", _day, None, _Leads.months),
        (
            rf"(?<![\w.,-]){day}{day2}\s+(?:(?i:of)\s+)?{mon_ci}{year_opt}",
            _day,
            _all_gates(_Leads.any_month, lambda L: L.number_then("snrt", space=True)),
            _Leads.short_numbers,
        ),
        (
            r"(?<![\w./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,]\d)",
            _month_day,
            lambda L: L.number_then("/"),
            _Leads.short_numbers,
        ),
        (
            rf"(?<![\w./-])(?P<y>{YEAR})(?P<iso>-)(?P<mo>\d{{2}})(?![\d-]|[.,]\d)",
            _numeric_month,
            lambda L: L.number_then("-"),
            _Leads.years,
        ),
        (
            rf"(?<![\w./-])(?P<mo>\d{{1,2}})/(?P<y>{YEAR})(?![\d/])",
            _numeric_month,
            lambda L: L.number_then("/"),
            _Leads.short_numbers,
        ),
        (
            rf"(?<![\w./-])(?P<d>\d{{1,2}})-(?P<mon>{lex.month_ci_re})-(?P<y>{YEAR}|\d{{2}})(?!\d)",
            _day_mon_year,
            lambda L: L.number_then("-"),
            _Leads.short_numbers,
        ),
        (
            rf"\b{the}{nth}\s+(?P<wd>{lex.weekday_re})\s+(?i:of|in)\s+{mon_ci}{year_opt}",
            _nth_weekday,
            lambda L: L.has(lex.weekdays),
            None,
        ),
        (rf"\b{the}{nth}\s+(?i:week)\s+(?i:of|in)\s+{mon_ci}{year_opt}", _nth_week, lambda L: L.has(["week"]), None),
        (
            rf"\b{the}(?P<d>\d{{1,2}})(?:st|nd|rd|th)\s+(?i:of)\s+(?P<which>(?i:this|next|last))\s+(?i:month)\b",
            _day_of_relative_month,
            lambda L: L.has(["month"]),
            lambda L: L.after(L.short_numbers(), "the"),
        ),
        (
            rf"(?:\b(?P<which>(?i:this\s+coming|this|next|last|coming|past))\s+)?(?P<wd>{lex.weekday_re})"
            rf"(?:(?P<after_next>\s+(?i:after\s+next)\b)|\s+(?:(?i:of)\s+)?(?P<wk>(?i:this|next|last))\s+(?i:week)\b)?",
            _weekday,
            lambda L: L.has(lex.weekdays),
            None,
        ),
        (rf"\b{count}\s+{units}\s+(?i:ago)\b", _offset, lambda L: L.has(["ago"]), None),
        (
            rf"\b{count}\s+{units}\s+(?P<fwd>(?i:{alternation(forward)}))\b",
            _offset,
            lambda L: L.has(forward),
            None,
        ),
        (rf"\b(?P<we>(?i:{alternation(list(_offsets()['weekends']))}))\b", _weekend, lambda L: L.has(["weekend"]), None),
        (
            rf"\b(?P<hol>(?i:{alternation(list(_holidays()))}))(?![\w'’])(?:,?\s+(?P<y>{YEAR})(?!\d))?",
            _holiday,
            lambda L: L.has(_holidays()),
            None,
        ),
        (
            rf"(?<![\w.,])(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>{YEAR})(?!\d|\.\d)",
            _day_first_dotted,
            lambda L: L.number_then("."),
            _Leads.short_numbers,
        ),
        (
            rf"(?<![\w])(?P<inw>(?i:in))\s+{count}\s+{units}",
            _offset,
            lambda L: L.has(lex.offset_units),
            lambda L: L.phrases(["in"]),
        ),
        (
            rf"\b{the}(?P<w>(?i:{alternation(list(lex.window_words))}))\s+{count}\s+{units}",
            _window,
            lambda L: L.has(lex.offset_units),
            lambda L: L.after(L.phrases(lex.window_words), "the"),
        ),
        (
            rf"(?<![\w.,/-])(?P<y>{YEAR})(?P<sep>[-/.])(?P<mo>\d{{2}})(?P=sep)(?P<d>\d{{2}})(?![\d])",
            _iso,
            lambda L: L.number_then("-/."),
            _Leads.years,
        ),
        (rf"{mon_ci},?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})(?!\d)", _month_year, None, _Leads.months),
        (
            rf"(?<![\w./-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{YEAR}|\d{{2}})(?![\d/])",
            _us_numeric,
            lambda L: L.number_then("/"),
            _Leads.short_numbers,
        ),
        (
            rf"(?:(?<![\w])(?P<pre>(?i:from|between))\s+)?(?P<mon1>{lex.month_re})(?:,?\s+(?P<y1>{YEAR}))?"
            rf"\s*(?P<sep>[-–—]|\s(?i:to|through|until|and)\s)\s*(?P<mon2>{lex.month_re}),?\s+(?P<y>{YEAR})(?!\d)",
            _month_range,
            lambda L: len(L.months()) > 1,
            lambda L: L.after(L.months(), "from", "between"),
        ),
        (rf"(?P<mon>{lex.full_month_re})(?!\s*\d)", _bare_month, None, _Leads.months),
        (
            rf"\b(?P<which>(?i:this|next|last))\s+(?P<mon>{lex.full_month_re})",
            _shifted_month,
            _Leads.any_month,
            lambda L: scan.merged(*(scan.preceded(L.text, L.months(), w) for w in ("this", "next", "last"))),
        ),
        (
            rf"(?P<part>{lex.part_re})(?:\s+|\s*-\s*)(?:(?i:the\s+month\s+of)\s+)?{mon}{year_opt}",
            _part_of_month,
            _Leads.any_month,
            _Leads.parts,
        ),
        (rf"(?P<part>{lex.part_re})(?:\s+|\s*-\s*)(?:(?i:of)\s+)?{year_or_rel}{_Y_AFTER}", _part_of_year, None, _Leads.parts),
        (
            rf"\b{the}{ord_q}\s+{quarter_word}(?:\s+(?i:of)\s+{year_or_rel}|,?\s+(?P<y2>{YEAR})(?!\d))?",
            _quarter,
            lambda L: scan.has_phrase(L.text, "quarter") or scan.has_phrase(L.text, "qtr"),
            None,
        ),
        (rf"\bQ(?P<q>[1-4])(?:\s*(?:-|/|(?i:of))?\s*){year_or_rel}", _quarter, _regex_gate("Q[1-4]"), None),
        (r"(?<![\w-])Q(?P<q>[1-4])\b(?![-/.]\d)", _bare_quarter, _regex_gate("Q[1-4]"), None),
        (
            rf"(?P<part>{lex.part_re})\s+(?:(?i:of)\s+)?(?:(?P<which>(?i:the|this|next|last))\s+)?(?i:month)\b(?!\s*\d)",
            _part_of_relative_month,
            lambda L: L.has(["month"]),
            _Leads.parts,
        ),
        (rf"\b(?P<q>[1-4])Q\s*(?P<y>{YEAR}|\d{{2}})(?!\d)", _quarter, lambda L: L.number_then("Q"), None),
        (rf"\b{the}{ord_h}\s+(?i:half)\s+(?i:of)\s+{year_or_rel}", _half, lambda L: L.has(["half"]), None),
        (rf"\bH(?P<h>[12])(?:\s*(?:-|/|(?i:of))?\s*)(?P<y>{YEAR})(?!\d)", _half, _regex_gate("H[12]"), None),
        (rf"\b(?P<h>[12])H\s*(?P<y>{YEAR}|\d{{2}})(?!\d)", _half, lambda L: L.number_then("H"), None),
        (
            rf"(?:(?<![\w])(?P<pre>(?i:from|between))\s+|{_Y_BEFORE})(?P<y1>{YEAR})"
            rf"\s*(?P<sep>[-–—/]|\s(?i:to|through|thru|until|and)\s)\s*(?P<y2>{YEAR}|\d{{2}}){_Y_AFTER}",
            _year_range,
            None,
            lambda L: scan.merged(L.years(), L.phrases(["from", "between"])),
        ),
        (
            r"(?:\b(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]*|(?<![\w.,$-]))(?P<y>(?:19|20)\d0)['’]?s\b",
            _decade,
            lambda L: L.number_then("'’s"),
            _decade_starts,
        ),
        (
            rf"(?:\b(?i:the)\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ordw>(?i:{ordinal_words})))[\s-]+(?i:century)\b",
            _century,
            lambda L: L.has(["century"]),
            _century_starts,
        ),
        (rf"\b(?i:{alternation(list(lex.relative))})\b", _relative, None, lambda L: L.phrases(lex.relative)),
        (
            rf"(?P<mon_first>(?P<mon>{lex.month_re}))\s+(?:(?P<the_d>(?i:the))\s+)?(?P<dw>(?i:{day_words}))(?![\w-]){year_opt}",
            _spelled_day,
            None,
            _Leads.months,
        ),
        (
            rf"\b(?i:the)\s+(?P<dw>(?i:{day_words}))\s+(?i:of)\s+{mon_ci}(?!['’]s){year_opt}",
            _spelled_day,
            _Leads.any_month,
            lambda L: L.after(L.phrases(_day_word_values()), "the"),
        ),
        (
            rf"\b(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?:(?P<wd>{lex.weekday_re})\.?,?\s+)?{mon_ci}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){year_opt}",
            _week_of_day,
            lambda L: L.has(["week"]),
            lambda L: L.after(L.phrases(["week"]), "the"),
        ),
        (
            rf"\b(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{mon_ci}{year_opt}",
            _week_of_day,
            lambda L: L.has(["week"]),
            lambda L: L.after(L.phrases(["week"]), "the"),
        ),
        (
            r"(?<![\w'’])['’](?P<yy>\d{2})(?:\s*(?P<sep>[-–—]|\s(?i:to|through|until|and)\s)\s*['’](?P<yy2>\d{2}))?"
            r"(?![\w'’%°]|[.,]\d)",
            _apostrophe_year,
            _regex_gate(r"['’]\d{2}"),
            None,
        ),
        (
            r"(?:\b(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]*)?['’](?P<dd>\d)0s\b",
            _apostrophe_decade,
            _regex_gate(r"['’]\d0s"),
            None,
        ),
        (
            r"(?<![\w.,/:#$€£¥₩-])(?P<y>(?:19|20)\d{2})(?P<mo>\d{2})(?P<d>\d{2})(?![\w%°]|[.,/:-]\d)",
            _compact_date,
            None,
            _Leads.years,
        ),
        (
            rf"(?P<part>{lex.part_re})(?:\s+|\s*-\s*)(?:(?i:the|this)\s+)?"
            rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+|(?P<ordw>(?i:{ordinal_words}))[\s-]+)?(?P<unit>(?i:century|decade|quarter))\b",
            _part_of_long_period,
            lambda L: L.has(["century", "decade", "quarter"]),
            _Leads.parts,
        ),
        (
            rf"(?<![\w-])(?:(?i:the)\s+)?(?i:year[\s-]end|end[\s-]of[\s-]year|end[\s-]year)(?![\w-])(?:,?\s+(?P<y>{YEAR})(?!\d))?",
            _year_end,
            lambda L: any(scan.has_phrase(L.text, p) for p in ("year end", "end year", "end of year")),
            None,
        ),
        (
            r"\b(?i:FY)\s?(?P<fy1>\d{2})(?![\w%°]|[.,/–-]\d)",
            _fiscal_years,
            lambda L: L.has(["fy"]),
            lambda L: L.phrases(["fy"]),
        ),
        (
            rf"\b(?i:FY\s?|fiscal\s+year\s+|fiscal\s+)(?P<fy1>{YEAR})\s*[-/–]\s*(?P<fy2>{YEAR}|\d{{2}}){_Y_AFTER}",
            _fiscal_years,
            lambda L: L.has(["fy", "fiscal"]),
            lambda L: L.phrases(["fy", "fiscal"]),
        ),
        (
            rf"\b(?i:FY\s?|fiscal\s+year\s+|fiscal\s+|calendar\s+year\s+|the\s+year\s+)(?P<y>{YEAR}){_Y_AFTER}",
            _fiscal_year,
            lambda L: bool(L.years()),
            lambda L: L.phrases(["fy", "fiscal", "calendar", "the year"]),
        ),
        (rf"(?:{_Y_BEFORE}|(?<=\b[Pp]ost-)|(?<=\b[Pp]re-))(?P<y>{YEAR}){_Y_AFTER}", _bare_year, None, lambda L: L.years()),
    ]
    return tuple((re.compile(p), h, gate, lead) for p, h, gate, lead in table)


@cache
def _month_pattern() -> re.Pattern[str]:
    """Month names (full or abbreviated); no two matches overlap, as each is one word."""
    return re.compile(_lexicon().month_ci_re)


def _with_relation(core: _Core, text: str) -> Mention[DateFields]:
    """Attach the relation phrase right before the date (and widen the span over it)."""
    lex = _lexicon()
    start, relation = core.start, Relation.ON
    if not core.own_relation and not core.baseline:
        m = lex.relation_re.search(text, max(0, core.start - _LOOKBACK), core.start)
        if m:
            word = fold(m.group("rel") or m.group("pp") or "")
            relation = lex.relations[re.sub(r"\s+", " ", word)]
            start = m.start()
            if _RELATION_END.get(relation) in core.wide:  # `by mid-century`: its deadline is not 2100
                start, relation = core.start, Relation.ON
    fields = DateFields(
        date_start=core.span[0], date_end=core.span[1], grain=core.grain, relation=relation, relative=core.relative
    )
    return Mention(start, core.end, core.rule, fields)


@cache
def _century_number_lengths() -> frozenset[int]:
    """The lengths of the numbers the century pattern allows before ``century`` (``21st``,
    ``1st``, ``twenty-first``)."""
    lex = _lexicon()
    return frozenset([3, 4, *(len(w) for w, v in lex.ordinals.items() if 15 <= v <= 22)])


def _skip_back(text: str, i: int, chars: str) -> int:
    """The start of the run of whitespace (and of ``chars``) that ends at ``i``."""
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in chars):
        i -= 1
    return i


def _century_starts(leads: _Leads) -> list[int]:
    """Every offset where a century match may start: its number (``21st``, ``twenty-first``) ends
    where the ``[\\s-]+`` before ``century`` begins, and ``the`` may come before it."""
    text = leads.text
    return _number_starts(
        text, [_skip_back(text, c, "-") for c in _words().starts(text).get("century", ())], _century_number_lengths()
    )


def _decade_starts(leads: _Leads) -> list[int]:
    """Every offset where a decade match may start: at its digits (a run opening a year, its
    fourth digit 0, then ``'``, ``’`` or ``s``), or ``early``/``mid``/``late`` and the
    ``[\\s-]*`` before them, and ``the`` before that."""
    text = leads.text
    years = [d for d in leads.years() if text[d + 3 : d + 4] == "0" and text[d + 4 : d + 5] in ("'", "’", "s")]
    return sorted({*years, *_number_starts(text, [_skip_back(text, d, "-") for d in years], frozenset({0, 3, 4, 5}))})


def _number_starts(text: str, ends: list[int], lengths: frozenset[int]) -> list[int]:
    """Where a word of one of ``lengths`` ending at one of ``ends`` starts, and where a ``the``
    with whitespace after it before that word starts."""
    out: set[int] = set()
    for end in ends:
        for n in lengths:
            out.add(end - n)
            out.add(_skip_back(text, end - n, "") - 3)  # `the` (3 letters) and its spaces
    return sorted(k for k in out if k >= 0)


def extract_dates(ctx: DocContext) -> list[Mention[DateFields]]:
    """Every date expression in the text, overlaps settled longest-first (before relations widen spans)."""
    text, doc = ctx.text, ctx.doc_date
    leads = _Leads(text)
    # resolve() settles overlaps on Mentions; each _Core (a dataclass, not a pydantic model) rides in `fields`
    cores: list[Mention[Any]] = []
    for pattern, handler, gate, lead in _patterns():
        if gate is not None and not gate(leads):
            continue  # cheap test for a piece every match must contain: most documents lack it
        found = pattern.finditer(text) if lead is None else matches_at(pattern, text, lead(leads))
        for m in found:
            core = handler(m, text, doc)
            if core is not None:
                cores.append(Mention(core.start, core.end, core.rule, cast(Any, core)))
    kept = _bare_days([cast(_Core, c.fields) for c in resolve(cores)], text)
    kept = [
        c
        for c in _joined_days(kept, text)
        if not _unread_sub_period(c, text) and not _unread_offset(c, text) and _weekday_agrees(c, text)
    ]
    kept = [_part_of_quarter(c, text) for c in kept if not _half_range(c, text)]
    return _shared_relations([_with_relation(c, text) for c in kept], kept, text)


_DAY_JOIN = re.compile(r"\s*(?:[-–—]|(?i:to|through|thru|until))\s*")
_LEAD = re.compile(r"(?<![\w])(?i:from|between)\s+(?:(?i:the)\s+)?$")
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|\s(?i:to|through|thru|until)\s)\s*\d")


def _joined_days(cores: list[_Core], text: str) -> list[_Core]:
    """``Aug 8 - Aug 12``, ``May 3 to May 9``: two days make one range."""
    out: list[_Core] = []
    for core in cores:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.grain is Grain.DAY
            and core.grain is Grain.DAY
            and _DAY_JOIN.fullmatch(text, prev.end, core.start)
            and core.span[0] > prev.span[1]
        ):
            lead = _LEAD.search(text, max(0, prev.start - 10), prev.start)
            start = lead.start() if lead else prev.start
            out[-1] = _Core(
                start, core.end, "en.date.day_range", (prev.span[0], core.span[1]), Grain.DAY, prev.relative, own_relation=True
            )
            continue
        out.append(core)
    return out


def _half_range(core: _Core, text: str) -> bool:
    """A day followed by a range to a number the rules did not read (``July 13 thru 15th of``):
    the first day alone would be half a range."""
    return core.grain is Grain.DAY and core.span[0] == core.span[1] and _RANGE_AFTER.match(text, core.end) is not None


def _weekday_agrees(core: _Core, text: str) -> bool:
    """``monday, feb 18`` in a year where the 18th is no Monday: the year is not the one assumed."""
    if core.grain is not Grain.DAY or core.span[0] != core.span[1]:
        return True
    m = re.search(rf"{_lexicon().weekday_re},?\s*(?:the\s+)?$", text[max(0, core.start - 12) : core.start])
    return m is None or _lexicon().weekdays[fold(m.group().strip(" ,").split()[0])] == core.span[0].weekday()


_WHOLE_PERIODS = frozenset({Grain.MONTH, Grain.YEAR, Grain.QUARTER, Grain.HALF, Grain.WEEK})


@cache
def _part_before() -> re.Pattern[str]:
    """A part of a period right before it (``the end of``, ``early``, ``end-``)."""
    return re.compile(rf"(?<![\w-])(?P<part>{_lexicon().part_re})(?:\s+|\s*-\s*)(?:(?i:of)\s+)?$")


def _part_of_quarter(core: _Core, text: str) -> _Core:
    """``the end of the third quarter of 2021``, ``early H2 2022``: the last or first month of the
    quarter or half (as ``3분기 말``, ``하반기 초``), the part joining the span; other parts keep
    the whole quarter or half."""
    if core.grain not in (Grain.QUARTER, Grain.HALF) or core.own_relation:
        return core
    m = _part_before().search(text, max(0, core.start - 24), core.start)
    if m is None:
        return core
    part = _lexicon().parts.get(lexicon_key(m.group("part")).rstrip("-"))
    if part not in _year_part_months():
        return core
    first, last = core.span
    month = first.month if part == "early" else last.month
    span = periods.month_range(first.year, month)
    return _Core(m.start(), core.end, "en.date.part_of_quarter", span, Grain.MONTH, core.relative)


_OFFSET_BEFORE = re.compile(
    r"(?i:(?P<for>\bfor\s+)?\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:days?|weeks?|fortnights?|months?|years?|decades?)\s+(?P<w>from|after|before)\s+(?:the\s+)?)$"
)


def _unread_offset(core: _Core, text: str) -> bool:
    """``two years after 2020``, ``a week from Monday``: a date counted from the one written by an
    offset the rules did not read; the written date (``after 2020``) would be a wrong value. A
    stretch that starts there stays (``for 10 days from June 5``), as does ``N years from 2021``
    (a start more often than an offset)."""
    m = _OFFSET_BEFORE.search(text, max(0, core.start - 40), core.start)
    if m is None or m.group("for"):
        return False
    return fold(m.group("w")) != "from" or core.grain is Grain.DAY


def _unread_sub_period(core: _Core, text: str) -> bool:
    """``the third weekend of May``, ``the 2nd day of next month``: a part of the period the rules
    did not read; the whole period would be a wrong value, so nothing is emitted."""
    if core.grain not in _WHOLE_PERIODS:
        return False
    return _lexicon().sub_period.search(text, max(0, core.start - 30), core.start) is not None
