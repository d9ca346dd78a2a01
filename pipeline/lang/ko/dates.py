"""Korean dates: absolute and relative dates, month parts, halves, quarters, decades, centuries.

Extracted (each as an inclusive range with its grain):
- days ``2021년 5월 21일``, ``2021.5.21.``, day ranges ``6월 11~13일``, ``2021. 5. 21.``, ``2021-05-21``; months ``2023년 4월``;
  years ``2024년``, ``2021년도``; year ranges ``2026~2028년`` (grain year);
- month parts ``10월 초순`` / ``초`` (1-10), ``중순`` (11-20), ``하순`` / ``말`` (21-end);
  halves ``상반기``/``하반기``; quarters ``1분기``, ``1/4분기``; decades ``2020년대``;
  centuries ``21세기``; year parts ``2021년 말`` / ``연말`` (December, grain month) and
  ``2021년 초`` / ``연초`` (January, grain month);
- relative words, resolved against the document date with ``relative`` true: ``금년``/``올해``,
  ``내년``, ``작년``/``지난해``, ``연내`` (this year, relation by), ``이달``/``다음 달``/``지난달``,
  and ``지난 10월`` / ``오는 3월`` (a month in the past or future of the document date);
- a bare 4-digit year before a target noun of ``ko/dates.yaml`` (``2030 NDC``, ``2050 탄소중립``)
  and ``post-2025`` / ``pre-2020`` (after / before, grain year).

A month or day written without its year (``10월``, ``5월 21일``, ``상반기``, ``1분기``) takes the
year of the document date and is skipped when the document has no date; ``relative`` is true for
it, as for ``금년``: its value depends on the document date (the English rules do the same).

Relations: ``까지`` -> by, ``부터``/``이래`` -> from, ``이후``/``후`` -> after, ``이전``/``전`` ->
before, ``중``/``동안`` -> during; otherwise on.

Span convention: the span covers the date words only. Relation words (``까지``, ``부터``, ``이후``,
``이전``, ``전``, ``중``), attached or written as separate words, and approximation words (``경``,
``쯤``) are never part of it: ``2024년까지`` -> ``2024년``; ``10월 초순 경`` -> ``10월 초순``. Words that
change the value are part of it: ``지난 10월``, ``금년 말``, and the glued English prefix ``post-2025``.

Not dates: ``5G``, ``COP26``, ``제7차``, ``제3조``, ``02-123-4567``, ``1.5도``, ``24시간``,
``5년간`` (durations, see quantities), ``2030세대``, weekdays (``수`` is never Wednesday), a bare
day of the month (``21일``).

>>> import datetime as dt
>>> from pipeline.context import context_for_text
>>> ctx = context_for_text("10월 초순 경 발표하고 2024년까지 완료한다", doc_date=dt.date(2021, 5, 21))
>>> [(ctx.text[m.start:m.end], m.fields.grain.value, m.fields.relation.value) for m in extract_dates(ctx)]
[('10월 초순', 'part_of_month', 'on'), ('2024년', 'year', 'by')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Any, cast

from pipeline import periods
from pipeline.context import DocContext, Mention
from pipeline.lang.casefold import fold
from pipeline.lang.ko.common import alternation, data, ends_token, ends_token_after, prev_char, starts_token, whole_word
from pipeline.lang.ko.numbers import blocking_prefixes, native_counts, native_ok, native_pattern, parse_native
from pipeline.lang.ko.scan import digit_starts, within, words_pattern
from pipeline.overlap import resolve
from pipeline.text_utils import compact, matches_at
from schemas.models import DateFields, Grain, Relation

MIN_YEAR, MAX_YEAR = 1800, 2200
_DASHES = "~∼～〜\\-–"


@dataclass(slots=True)
class _Draft:
    """A date being assembled: span, inclusive range, grain, relation, relative flag."""

    start: int
    end: int
    first: dt.date
    last: dt.date
    grain: Grain
    rule: str
    relation: Relation = Relation.ON
    relative: bool = False
    closed: bool = False  # a range read with its own words (부터 … 까지): no relation word applies


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Date words from ``ko/dates.yaml`` and the regexes compiled from them."""

    month_parts: dict[str, periods.PartOfMonth]
    year_parts: dict[str, int]
    period_parts: dict[str, str]
    halves: dict[str, int]
    relative_years: dict[str, int]
    standalone: dict[str, dict[str, Any]]
    relative_months: dict[str, int]
    month_direction: dict[str, str]
    relations: dict[str, Relation]
    strict_relations: frozenset[str]
    english: dict[str, Relation]
    weekdays: dict[str, int]
    weekday_short: dict[str, int]
    ordinals: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    relative_quarters: dict[str, int]
    offset_units: dict[str, periods.Unit]
    offset_directions: dict[str, int]
    window_words: dict[str, int]
    day_directions: dict[str, str]
    join_gap: re.Pattern[str]
    second_day: re.Pattern[str]
    sub_period: re.Pattern[str]
    patterns: tuple[tuple[re.Pattern[str], Callable[[DocContext, re.Match[str]], _Draft | None], _Starts | None], ...]
    relation: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Starts:
    """Where a date pattern can start (``pipeline.lang.ko.scan``): at the first digit of a run of
    digits (``digits``), inside a match of ``words`` (the words the pattern can begin with), or
    ``lead`` characters before such a digit when the character before the digit matches ``gap``
    (a word of known length, that character, then the number: ``지난 10월``, ``post-2025``)."""

    digits: bool = False
    words: re.Pattern[str] | None = None
    lead: tuple[int, ...] = ()
    gap: re.Pattern[str] | None = None

    def positions(self, text: str) -> Iterable[int]:
        """The candidate start positions in ``text``, ascending (a repeat is harmless)."""
        runs = digit_starts(text)
        groups: list[Iterable[int]] = [runs] if self.digits else []
        if self.words is not None:
            groups.append(within(self.words, text))
        if self.lead and self.gap is not None:
            gap = self.gap
            led = (p - n for p in runs if p > 0 and gap.match(text, p - 1) for n in self.lead if p >= n)
            groups.append(sorted(led))
        return groups[0] if len(groups) == 1 else sorted(chain.from_iterable(groups))


def _leads(words: Iterable[str]) -> tuple[int, ...]:
    """How far before a number a pattern ``(word)(one character)(number)`` starts: the word's
    length, less any of its spaces (an alternation word matches with or without them), plus one."""
    return tuple(sorted({n + 1 for w in words for n in range(len(w) - w.count(" "), len(w) + 1)}))


def _native_finder(d: dict[str, Any]) -> re.Pattern[str]:
    """A looser native count (``이틀``, ``한 달``, ``열두 달``): a count word, or a numeral and its
    unit. Each alternative begins with a word, so the regex engine scans for their first
    characters fast; a bare numeral (``한``, ``세``: syllables of many words) is not a candidate alone."""
    return re.compile(rf"{alternation(native_counts())}|{native_pattern()}\s?(?:{alternation(d['native_units'])})")


_WEEKDAY_DIRECTIONS = ("지난", "오는", "이번")
"""Words before a weekday that place it (``지난 토요일``)."""


@cache
def lexicon() -> _Lexicon:
    """Load ``ko/dates.yaml`` once and compile one regex per date shape."""
    d = data("dates")
    mp = alternation(d["month_parts"])
    yp = alternation(d["year_parts"])
    halves = alternation(d["halves"])
    quarter = rf"(?P<q>[1-4])\s?(?:/4\s?)?(?:{alternation(d['quarter_words'])})"
    day_range = rf"(?:\s?일)?\s?(?:[{_DASHES}]|부터|에서)\s?(?P<d2>\d{{1,2}})\s?일"
    ordinals = alternation(d["ordinals"])
    weekdays = alternation(d["weekdays"])
    week_of_month = rf"\s?(?P<wn>{ordinals}|[1-5])\s?(?:번째\s?|째\s?)?주(?:차)?(?!간|년|일|기|요|말)(?:\s?(?P<wwd>{weekdays}))?"
    weekday_of_month = rf"\s?(?P<wdn>{ordinals}|[1-5])\s?(?:번째\s?)?(?P<wdm>{weekdays})"
    last_day = rf"\s?(?P<ld>{alternation(d['last_day_words'])})"
    month_tail = rf"(?:\s?(?P<d>\d{{1,2}})(?:{day_range}|\s?일)|{weekday_of_month}|{week_of_month}|{last_day}|\s?(?P<mp>{mp}))?"
    period_part = rf"(?:\s?(?P<pp>{alternation(d['period_parts'])}))?"
    half_or_quarter = rf"(?:(?P<h>{halves})|(?P<qw>{quarter})){period_part}"
    year_tail = rf"(?:\s?(?P<m>\d{{1,2}})\s?월{month_tail}|\s?{half_or_quarter}|\s?(?P<yp>{yp}))?"
    aps = "".join(re.escape(a) for a in d["apostrophes"])
    units = alternation(d["offset_units"])
    seps = alternation(d["range_separators"])
    rel_years = alternation(d["relative_years"])
    targets = alternation(d["year_target_nouns"])
    approx = alternation(d["approx_words"])
    native_counts_alt, native_numeral = alternation(native_counts()), native_pattern()
    # Where each pattern can start (None: it begins with a word or a character class, which the
    # regex engine scans for fast). A digit pattern's first digit is behind a look-behind that
    # refuses a digit before it, so it starts a run of digits.
    digits = _Starts(digits=True)
    year_starts = _Starts(digits=True, words=words_pattern([*d["apostrophes"], *d["relative_years"]]))
    weekday_starts = _Starts(words=words_pattern([*_WEEKDAY_DIRECTIONS, *d["weekdays"]]))
    native_starts = _Starts(words=_native_finder(d))
    month_starts = _Starts(digits=True, lead=_leads(d["month_direction"]), gap=re.compile(r"\s"))  # 지난 10월
    half_starts = _Starts(digits=True, words=words_pattern(d["halves"]))
    holiday_starts = _Starts(digits=True, words=words_pattern(d["fixed_holidays"]))
    english_starts = _Starts(lead=_leads(d["english_prefixes"]), gap=re.compile("-"))  # post-2025
    patterns = (
        (re.compile(r"(?<![\d.])(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})(?:\.(?!\d))?(?![\d])"), _numeric, digits),
        (re.compile(r"(?<![\d\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-])"), _numeric, digits),
        (re.compile(r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"), _numeric, digits),
        (
            re.compile(
                rf"(?:(?<!\d)(?P<y>\d{{4}})\s?년도?|(?P<ap>[{aps}])(?P<yy>\d{{2}})[ \t]*\n?[ \t]*년도?"
                rf"|(?<![\d{aps}.,])(?P<yy2>\d{{2}})\s?(?:년(?=\s?\d{{1,2}}\s?월)|년도)|(?P<ry>{rel_years})){year_tail}"
            ),
            _korean,
            year_starts,
        ),
        (
            re.compile(
                rf"(?P<ap>[{aps}])(?P<yy>\d{{2}})\.\s?(?:(?P<m>\d{{1,2}})\.\s?(?P<d>\d{{1,2}})\.?(?!\d)"
                rf"|(?P<q>[1-4])\s?(?:Q|분기)|(?P<mo>\d{{1,2}})(?!\d)(?:\s?월)?)"
            ),
            _apostrophe_dotted,
            None,
        ),
        (re.compile(rf"(?P<ap>[{aps}])(?P<yy>\d{{2}})(?![\d가-힣.%]|\.\d)"), _apostrophe_year, None),
        (
            re.compile(
                r"(?<![\w.,'‘’])(?P<yy>\d{2})\.(?P<sp1>\s?)(?P<m>\d{1,2})\.(?P<sp2>\s?)(?P<d>\d{1,2})\.(?!\d)"
                r"(?:\s?\((?P<wd>[월화수목금토일])\))?"
            ),
            _short_year_dotted,
            digits,
        ),
        (re.compile(r"(?<![\w.,])(?P<q>[1-4])Q\s?(?P<yy>\d{2}|\d{4})(?![\d.])"), _quarter_code, digits),
        (
            re.compile(
                r"(?<![\d.,'‘’])(?P<m>\d{1,2})\.(?P<sp>\s?)(?P<d>\d{1,2})(?P<dot>\.(?!\d))?"
                r"(?:\s?\((?P<wd>[월화수목금토일])\))?"
                rf"(?:\s?[{_DASHES}]\s?(?:(?P<m2>\d{{1,2}})\.\s?)?(?P<d2>\d{{1,2}})\.?(?!\d)(?:\s?\((?P<wd2>[월화수목금토일])\))?)?"
                r"(?P<il>\s?일)?"
            ),
            _dotted,
            digits,
        ),
        (re.compile(rf"(?<![\d.])(?P<m1>\d{{1,2}})\s?(?:월\s?)?[{_DASHES}]\s?(?P<m2>\d{{1,2}})\s?월"), _month_range, digits),
        (re.compile(rf"(?P<rd>{alternation(d['relative_days'])})"), _relative_day, None),
        (re.compile(rf"(?P<rw>{alternation(d['relative_weeks'])})(?:\s?(?P<wd>{weekdays}))?"), _relative_week, None),
        (re.compile(rf"(?P<rq>{alternation(d['relative_quarters'])})"), _relative_quarter, None),
        (re.compile(rf"(?P<rh>{alternation(d['relative_halves'])})"), _relative_half, None),
        (re.compile(rf"(?:(?P<dir>{'|'.join(_WEEKDAY_DIRECTIONS)})\s?)?(?P<wd>{weekdays})"), _weekday, weekday_starts),
        (
            re.compile(rf"(?<![\d.,])(?P<n>\d{{1,3}})\s?(?P<u>{units})\s?(?P<dir>{alternation(d['offset_directions'])})"),
            _offset,
            digits,
        ),
        (re.compile(rf"(?P<w>{alternation(d['window_words'])})\s?(?P<n>\d{{1,3}})\s?(?P<u>{units})"), _window, None),
        (
            re.compile(
                rf"(?P<w>{alternation(d['window_words'])})\s?(?:(?P<nat>{native_counts_alt})|(?P<nn>{native_numeral})\s?(?P<nu>{alternation(d['native_units'])}))"
            ),
            _window,
            None,
        ),
        (
            re.compile(
                rf"(?:(?P<nat>{native_counts_alt})|(?P<nn>{native_numeral})\s?(?P<nu>{alternation(d['native_units'])}))\s?(?P<dir>{alternation(d['offset_directions'])})"
            ),
            _offset,
            native_starts,
        ),
        (re.compile(rf"(?P<we>{alternation(d['relative_weekends'])})"), _weekend, None),
        (re.compile(rf"(?P<dir>{alternation(d['day_directions'])})\s?(?P<d>\d{{1,2}})\s?일"), _day_of_month, None),
        (
            re.compile(rf"(?:(?P<dir>{alternation(d['month_direction'])})\s)?(?<!\d)(?P<m>\d{{1,2}})\s?월{month_tail}"),
            _month,
            month_starts,
        ),
        (re.compile(rf"(?:(?P<h>{halves})|(?<![\d/])(?P<qw>{quarter})){period_part}"), _half_or_quarter, half_starts),
        (
            re.compile(rf"(?:(?<!\d)(?P<y>\d{{4}})\s?년\s?)?(?P<hol>{alternation(list(d['fixed_holidays']))})"),
            _holiday,
            holiday_starts,
        ),
        (re.compile(r"(?<![\d.,~\-])(?P<d>\d{1,2})\s?일\s?\((?P<wd>[월화수목금토일])\)"), _day_with_weekday, digits),
        (
            re.compile(rf"(?P<rm>{alternation(d['relative_months'])})(?:{last_day}|\s?(?P<mp>{mp})|\s?(?P<d>\d{{1,2}})\s?일)?"),
            _relative_month,
            None,
        ),
        (re.compile(rf"(?P<w>{alternation(d['relative_standalone'])})"), _standalone, None),
        (re.compile(r"(?<!\d)(?P<dec>\d{3}0)\s?년대"), _decade, digits),
        (re.compile(r"(?<!\d)(?P<c>\d{1,2})\s?세기"), _century, digits),
        (re.compile(rf"(?<!\d)(?P<y1>\d{{4}})\s?(?:년\s?)?[{_DASHES}]\s?(?P<y2>\d{{4}})\s?년"), _year_range, digits),
        (
            re.compile(rf"(?<![A-Za-z])(?P<pre>(?i:{alternation(d['english_prefixes'])}))-(?P<y>\d{{4}})(?!\d)"),
            _english_prefix,
            english_starts,
        ),
        (re.compile(rf"(?<![\d.,\-/A-Za-z])(?P<y>\d{{4}})(?![\d.,])\s?(?={targets})"), _year_before_noun, digits),
    )
    return _Lexicon(
        month_parts=dict(d["month_parts"]),
        year_parts=dict(d["year_parts"]),
        period_parts=dict(d["period_parts"]),
        halves=dict(d["halves"]),
        relative_years=dict(d["relative_years"]),
        standalone=dict(d["relative_standalone"]),
        relative_months={compact(k): v for k, v in d["relative_months"].items()},
        month_direction=dict(d["month_direction"]),
        relations={k: Relation(v) for k, v in d["relations"].items()},
        strict_relations=frozenset(d["strict_relations"]),
        english={fold(k): Relation(v) for k, v in d["english_prefixes"].items()},
        weekdays=dict(d["weekdays"]),
        weekday_short=dict(d["weekday_short"]),
        ordinals=dict(d["ordinals"]),
        relative_days=dict(d["relative_days"]),
        relative_weeks={compact(k): v for k, v in d["relative_weeks"].items()},
        relative_quarters={compact(k): v for k, v in d["relative_quarters"].items()},
        offset_units=dict(d["offset_units"]),
        offset_directions=dict(d["offset_directions"]),
        window_words=dict(d["window_words"]),
        day_directions={compact(k): v for k, v in d["day_directions"].items()},
        join_gap=re.compile(rf"\s?(?:{seps})\s?"),
        second_day=re.compile(rf"\s?(?:{alternation(d['day_conjunctions'])})\s?(?P<d>\d{{1,2}})\s?일"),
        sub_period=re.compile(rf"\s?(?:{ordinals}|\d\s?(?:번째|째)?\s?주|\d\s?번째|{weekdays})"),
        patterns=patterns,
        relation=re.compile(rf"\s?(?:(?:{approx})\s?)?(?P<r>{alternation(d['relations'])})"),
    )


# --- small checks ---------------------------------------------------------------------------


def _free_number(ctx: DocContext, start: int) -> bool:
    """A number starting at ``start`` is not glued to a code or an ordinal (COP26, 제3조, G7)."""
    before = prev_char(ctx.text, start)
    if before and ((before.isascii() and (before.isalnum() or before in "'_")) or before in blocking_prefixes()):
        return False
    return starts_token(ctx, start)


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _doc_year(ctx: DocContext) -> int | None:
    return ctx.doc_date.year if ctx.doc_date else None


def _month_of(base: dt.date, offset: int) -> tuple[int, int]:
    """(year, month) ``offset`` months from ``base``."""
    index = base.year * 12 + base.month - 1 + offset
    return index // 12, index % 12 + 1


def _safe_day(year: int, month: int, day: int) -> tuple[dt.date, dt.date] | None:
    try:
        return periods.day_range(year, month, day)
    except ValueError:
        return None


def _tail_ok(ctx: DocContext, m: re.Match[str], group: str) -> bool:
    """An optional tail word (``초``, ``말``, ``상반기``) must be a whole word, not ``초청``."""
    return m.group(group) is None or ends_token(ctx, m.end(group))


# --- builders, one per pattern --------------------------------------------------------------


def _numeric(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2021.5.21.``, ``2021. 5. 21.``, ``2021-05-21``: year, month and day in digits."""
    year = int(m.group("y"))
    if not _year_ok(year) or not _free_number(ctx, m.start()):
        return None
    rng = _safe_day(year, int(m.group("m")), int(m.group("d")))
    if rng is None:
        return None
    return _Draft(m.start(), m.end(), *rng, Grain.DAY, "ko.date.numeric")


def _month_tail(ctx: DocContext, m: re.Match[str], year: int, start: int, rule: str, relative: bool) -> _Draft | None:
    """The month of ``m`` in ``year``, narrowed by a day or month part when present and whole."""
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    end_month = ctx.text.index("월", m.end("m")) + 1
    if m.group("d") is not None:
        last_group = "d2" if m.group("d2") is not None else "d"
        end_day = ctx.text.index("일", m.end(last_group)) + 1
        first = _safe_day(year, month, int(m.group("d")))
        last = _safe_day(year, month, int(m.group(last_group)))
        if first is None or last is None or first[0] > last[0] or not _day_ends(ctx, end_day):
            return None
        draft = _Draft(start, end_day, first[0], last[0], Grain.DAY, f"{rule}_day", relative=relative)
        draft.closed = last_group == "d2" and any(w in ctx.text[m.end("d") : m.start("d2")] for w in ("부터", "에서"))
        return draft
    if m.group("ld") is not None and _tail_ok(ctx, m, "ld"):  # 3월 말일
        month_end = periods.month_range(year, month)[1]
        return _Draft(start, m.end("ld"), month_end, month_end, Grain.DAY, f"{rule}_last_day", relative=relative)
    if m.group("mp") is not None and _tail_ok(ctx, m, "mp"):
        part = lexicon().month_parts[m.group("mp")]
        rng = periods.part_of_month_range(year, month, part)
        return _Draft(start, m.end("mp"), *rng, Grain.PART_OF_MONTH, f"{rule}_part", relative=relative)
    if m.group("wn") is not None:  # 9월 셋째 주, 9월3주, 7월 둘째 주 화요일
        week = periods.nth_week(year, month, _ordinal(m.group("wn")))
        if week is None:
            return None
        if m.group("wwd") is not None:
            day = week[0] + dt.timedelta(days=lexicon().weekdays[m.group("wwd")])
            return _Draft(start, m.end(), day, day, Grain.DAY, f"{rule}_week_day", relative=relative)
        return _Draft(start, m.end(), *week, Grain.WEEK, f"{rule}_week", relative=relative)
    if m.group("wdn") is not None and ends_token(ctx, m.end("wdm")):  # 5월 마지막 금요일
        weekday = lexicon().weekdays[m.group("wdm")]
        nth = periods.nth_weekday(year, month, weekday, _ordinal(m.group("wdn")))
        return None if nth is None else _Draft(start, m.end("wdm"), nth, nth, Grain.DAY, f"{rule}_weekday", relative=relative)
    if lexicon().sub_period.match(ctx.text, end_month):
        return None  # a part of the month not understood (둘째 주 화요일): nothing rather than the month
    if not ends_token(ctx, end_month):
        return None
    return _Draft(start, end_month, *periods.month_range(year, month), Grain.MONTH, rule, relative=relative)


def _day_ends(ctx: DocContext, end: int) -> bool:
    """A day ends a token, or a token that only adds a suffix such as ``자`` (``30일자로``: as of)."""
    return ends_token_after(ctx, end, data("dates")["day_suffixes"])


def _korean(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2021년 5월 21일``, ``2024년``, ``금년``, ``내년 상반기``, ``2021년 1분기``, ``금년 말``."""
    lex = lexicon()
    digits = next((g for g in ("y", "yy", "yy2") if m.group(g) is not None), None)
    if digits is not None:
        value = int(m.group(digits))
        year, relative = (value if digits == "y" else periods.two_digit_year(value)), False
        if not _year_ok(year) or (digits != "yy" and not _free_number(ctx, m.start(digits))):
            return None
        head_end = ctx.text.index("년", m.end(digits)) + 1
        if ctx.text.startswith("도", head_end):
            head_end += 1
    else:
        base = _doc_year(ctx)
        if base is None or not starts_token(ctx, m.start("ry")) or _bare_determiner(m):
            return None
        year, relative, head_end = base + lex.relative_years[m.group("ry")], True, m.end("ry")
    start = m.start()
    if _tail_on_next_line(ctx, start, head_end, m.end()):
        return _year_only(ctx, start, head_end, year, relative)
    if m.group("m") is not None:
        draft = _month_tail(ctx, m, year, start, "ko.date.year_month", relative)
        if draft is not None:
            return draft
    elif m.group("h") is not None or m.group("q") is not None:
        core = "h" if m.group("h") is not None else "qw"
        if m.group("h") is not None:
            rng, grain, rule = periods.half_range(year, lex.halves[m.group("h")]), Grain.HALF, "ko.date.year_half"
        else:
            rng, grain, rule = periods.quarter_range(year, int(m.group("q"))), Grain.QUARTER, "ko.date.year_quarter"
        draft = _period_draft(ctx, m, start, core, rng, grain, rule, relative)
        if draft is not None:
            return draft
    elif m.group("yp") is not None and whole_word(ctx, m.start("yp"), m.end("yp")):
        rng = periods.month_range(year, lex.year_parts[m.group("yp")])
        return _Draft(start, m.end("yp"), *rng, Grain.MONTH, "ko.date.year_part", relative=relative)
    return _year_only(ctx, start, head_end, year, relative)


def _bare_determiner(m: re.Match[str]) -> bool:
    """The year word of ``m`` is a determiner (``올``) with no month, half, quarter or year part
    after it: ``올 것으로`` is the verb 오다, not this year."""
    return m.group("ry") in data("dates")["year_determiners"] and all(m.group(g) is None for g in ("m", "h", "q", "yp"))


@cache
def _fiscal_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = data("dates")
    breaks = re.escape(".,;:!?\n()[]")
    return (
        re.compile(rf"\s?(?:{alternation(d['fiscal_year_words'])})"),
        re.compile(rf"(?<![가-힣])(?:{alternation(d['foreign_fiscal_markers'])})(?:의|은|는|이|가)?(?![가-힣])[^{breaks}]*$"),
    )


def _foreign_fiscal(ctx: DocContext, start: int, end: int) -> bool:
    """``미국 2022 회계연도``: another country's fiscal year, which is not the calendar year."""
    fiscal, foreign = _fiscal_patterns()
    if fiscal.match(ctx.text, end) is None:
        return False
    return foreign.search(ctx.text, max(0, start - 16), start) is not None


def _year_only(ctx: DocContext, start: int, head_end: int, year: int, relative: bool) -> _Draft | None:
    """The year itself (``2024년``, ``금년``), when it ends a word."""
    if not ends_token(ctx, head_end) or _foreign_fiscal(ctx, start, head_end):
        return None
    if _SAME_PERIOD.match(ctx.text, head_end):
        return None  # 전년 동월, 작년 동기: the same month or period of that year, not the year
    rule = "ko.date.relative_year" if relative else "ko.date.year"
    return _Draft(start, head_end, *periods.year_range(year), Grain.YEAR, rule, relative=relative)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` fills its line and a line beside it is another short cell: a table
    cell (``2022년`` / ``1분기`` / ``2분기``), whose year or column is written elsewhere."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    before = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].strip()
    after_end = text.find("\n", line_end + 1)
    after = text[line_end + 1 : len(text) if after_end == -1 else after_end].strip()
    return any(0 < len(cell) <= _CELL for cell in (before if line_start else "", after if line_end < len(text) else ""))


def _tail_on_next_line(ctx: DocContext, start: int, head_end: int, end: int) -> bool:
    """``2024년`` alone on a line and ``1분기`` on the next: two table headers, not one date."""
    return end > head_end and "\n" in ctx.text[head_end:end] and _alone_on_line(ctx.text, start, head_end)


def _month(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``10월``, ``5월 21일``, ``10월 초순``, ``지난 10월``: the year comes from the document date."""
    if ctx.doc_date is None or not _free_number(ctx, m.start("m")) or _alone_on_line(ctx.text, m.start(), m.end()):
        return None
    month, base = int(m.group("m"), 10), ctx.doc_date
    year, relative, start = base.year, True, m.start("m")
    if m.group("dir") is not None and starts_token(ctx, m.start("dir")):
        direction = lexicon().month_direction[m.group("dir")]
        start, relative = m.start("dir"), True
        if direction == "past" and month > base.month:
            year -= 1
        elif direction == "future" and month < base.month:
            year += 1
    return _month_tail(ctx, m, year, start, "ko.date.month", relative)


def _half_or_quarter(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``상반기``, ``3분기`` without a year: in the year of the document date."""
    year = _doc_year(ctx)
    core = "h" if m.group("h") is not None else "qw"
    if year is None or not whole_word(ctx, m.start(), m.end(core)) or _alone_on_line(ctx.text, m.start(), m.end(core)):
        return None  # a bare 2분기 filling a table cell belongs to a year in the header
    if m.group("h") is not None:
        rng = periods.half_range(year, lexicon().halves[m.group("h")])
        return _period_draft(ctx, m, m.start(), "h", rng, Grain.HALF, "ko.date.half", True)
    if not _free_number(ctx, m.start()):
        return None
    rng = periods.quarter_range(year, int(m.group("q")))
    return _period_draft(ctx, m, m.start(), "qw", rng, Grain.QUARTER, "ko.date.quarter", True)


def _period_draft(
    ctx: DocContext, m: re.Match[str], start: int, core: str, rng: periods.DateRange, grain: Grain, rule: str, relative: bool
) -> _Draft | None:
    """A half or quarter, or its first or last month when ``초`` / ``말`` follows as a word (``2분기 말``)."""
    part = m.group("pp")
    if part is not None and ends_token(ctx, m.end("pp")):
        first, last = rng
        month = first if lexicon().period_parts[part] == "first" else last
        span = periods.month_range(month.year, month.month)
        return _Draft(start, m.end("pp"), *span, Grain.MONTH, f"{rule}_part", relative=relative)
    if not ends_token(ctx, m.end(core)):
        return None
    return _Draft(start, m.end(core), *rng, grain, rule, relative=relative)


def _relative_month(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``이달``, ``다음 달``, ``지난달 말``: months counted from the document date."""
    if ctx.doc_date is None or not starts_token(ctx, m.start()):
        return None
    year, month = _month_of(ctx.doc_date, lexicon().relative_months[compact(m.group("rm"))])
    if m.group("d") is not None:  # 다음 달 5일
        day = _safe_day(year, month, int(m.group("d")))
        if day is None or not ends_token(ctx, m.end()):
            return None
        return _Draft(m.start(), m.end(), *day, Grain.DAY, "ko.date.relative_month_day", relative=True)
    if m.group("ld") is not None and _tail_ok(ctx, m, "ld"):  # 다음 달 말일
        last = periods.month_range(year, month)[1]
        return _Draft(m.start(), m.end("ld"), last, last, Grain.DAY, "ko.date.relative_month_last_day", relative=True)
    if m.group("mp") is not None and _tail_ok(ctx, m, "mp"):
        rng = periods.part_of_month_range(year, month, lexicon().month_parts[m.group("mp")])
        return _Draft(m.start(), m.end(), *rng, Grain.PART_OF_MONTH, "ko.date.relative_month_part", relative=True)
    if not ends_token(ctx, m.end("rm")):
        return None
    rng = periods.month_range(year, month)
    return _Draft(m.start(), m.end("rm"), *rng, Grain.MONTH, "ko.date.relative_month", relative=True)


@cache
def _year_before() -> re.Pattern[str]:
    """A year written right before a word (``2022년 연내``, ``내년 연내``, ``’22 연내``)."""
    return re.compile(rf"(?:\d\s?년도?|(?<![가-힣])(?:{alternation(data('dates')['relative_years'])}))\s?$")


def _standalone(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``연내`` (this year, by), ``연말`` (December), ``연초`` (January) of the document year."""
    base = _doc_year(ctx)
    if base is None or not whole_word(ctx, m.start(), m.end()):
        return None
    if ctx.text.startswith(tuple(data("dates")["standalone_not_before"]), m.end()) or _year_before().search(
        ctx.text, max(0, m.start() - 8), m.start()
    ):
        return None  # 연말연시; 내년 연내: not the document's year
    entry = lexicon().standalone[m.group("w")]
    year = base + int(entry.get("offset", 0))
    if entry["grain"] == "month":
        rng, grain = periods.month_range(year, int(entry["month"])), Grain.MONTH
    else:
        rng, grain = periods.year_range(year), Grain.YEAR
    draft = _Draft(m.start(), m.end(), *rng, grain, "ko.date.relative_word", relative=True)
    draft.relation = Relation(entry.get("relation", "on"))
    return draft


def _decade(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2020년대`` -> 2020-2029."""
    first = int(m.group("dec"))
    if not _year_ok(first) or not _free_number(ctx, m.start()) or not ends_token(ctx, m.end()):
        return None
    return _Draft(m.start(), m.end(), *periods.decade_range(first), Grain.DECADE, "ko.date.decade")


def _century(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``21세기`` -> 2001-2100."""
    century = int(m.group("c"))
    if not 1 <= century <= 22 or not _free_number(ctx, m.start()) or not ends_token(ctx, m.end()):
        return None
    return _Draft(m.start(), m.end(), *periods.century_range(century), Grain.CENTURY, "ko.date.century")


def _year_range(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2026~2028년``, ``2021-2025년`` -> one range of whole years."""
    first, last = int(m.group("y1")), int(m.group("y2"))
    if not (_year_ok(first) and _year_ok(last) and first < last) or not _free_number(ctx, m.start()):
        return None
    if not ends_token(ctx, m.end()):
        return None
    return _Draft(m.start(), m.end(), *periods.years_range(first, last), Grain.YEAR, "ko.date.year_range")


def _english_prefix(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``post-2025`` -> after 2025, ``pre-2020`` -> before 2020 (grain year)."""
    year = int(m.group("y"))
    if not _year_ok(year):
        return None
    draft = _Draft(m.start(), m.end(), *periods.year_range(year), Grain.YEAR, "ko.date.english_prefix")
    draft.relation = lexicon().english[fold(m.group("pre"))]
    return draft


def _year_before_noun(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2030 NDC``, ``2050 탄소중립``: a bare year naming a target (nouns in ``ko/dates.yaml``)."""
    year = int(m.group("y"))
    if not 1900 <= year <= 2100 or not _free_number(ctx, m.start()) or not ends_token(ctx, m.end("y")):
        return None
    if _foreign_fiscal(ctx, m.start(), m.end("y")):
        return None
    return _Draft(m.start(), m.end("y"), *periods.year_range(year), Grain.YEAR, "ko.date.year_before_noun")


def _ordinal(word: str) -> int:
    """``셋째`` -> 3, ``마지막`` -> -1, ``3`` -> 3."""
    return int(word) if word.isdigit() else lexicon().ordinals[word]


def _short_weekday_ok(day: dt.date, mark: str | None) -> bool:
    """A weekday written after a date (``8. 3.(화)``) must be that date's: else the year is not the one assumed."""
    return mark is None or lexicon().weekday_short[mark] == day.weekday()


def _apostrophe_dotted(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``‘17. 8. 3.`` (a day), ``‘22.3Q`` / ``‘22.3분기`` (a quarter), ``’23.11`` / ``‘23.11월`` (a month)."""
    year = periods.two_digit_year(int(m.group("yy")))
    if m.group("d") is not None:
        rng = _safe_day(year, int(m.group("m")), int(m.group("d")))
        return None if rng is None else _Draft(m.start(), m.end(), *rng, Grain.DAY, "ko.date.short_year_day")
    if m.group("q") is not None:
        rng = periods.quarter_range(year, int(m.group("q")))
        return _Draft(m.start(), m.end(), *rng, Grain.QUARTER, "ko.date.short_year_quarter")
    month = int(m.group("mo"))
    if not 1 <= month <= 12 or not ends_token(ctx, m.end()):
        return None
    return _Draft(m.start(), m.end(), *periods.month_range(year, month), Grain.MONTH, "ko.date.short_year_month")


def _holiday(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``광복절``, ``2024년 한글날``: a fixed-date holiday in the year written or the document's."""
    if not whole_word(ctx, m.start("hol"), m.end("hol")):
        return None
    if m.group("y") is not None:
        year, relative = int(m.group("y")), False
        if not _year_ok(year) or not _free_number(ctx, m.start()):
            return None
    else:
        base = _doc_year(ctx)
        if base is None:
            return None
        year, relative = base, True
    month, day = data("dates")["fixed_holidays"][m.group("hol")]
    date = dt.date(year, month, day)
    return _Draft(m.start(), m.end(), date, date, Grain.DAY, "ko.date.holiday", relative=relative)


_MONTH_OR_DIRECTION_BEFORE = re.compile(r"(?:월|지난|오는|이번\s?달|이달|다음\s?달)\s?$")


def _day_with_weekday(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``21일(금)``: a day of the document's month, only when the weekday written is that day's
    (else the month is another one, which the text does not say)."""
    if ctx.doc_date is None or not _free_number(ctx, m.start()):
        return None
    if _MONTH_OR_DIRECTION_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return None  # `5월 21일(금)`, `오는 28일(금)`: other rules read the month
    rng = _safe_day(ctx.doc_date.year, ctx.doc_date.month, int(m.group("d")))
    if rng is None or not _short_weekday_ok(rng[0], m.group("wd")):
        return None
    return _Draft(m.start(), m.end(), *rng, Grain.DAY, "ko.date.day_weekday", relative=True)


@cache
def _date_label() -> re.Pattern[str]:
    """A label that says a date follows (``시행일:``, ``작성일자``), right before the number."""
    return re.compile(rf"(?<![가-힣])(?:{alternation(data('dates')['date_labels'])})\s*[:：]?\s*$")


def _short_year_dotted(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``25. 3. 4.``, ``25.3.4.(화)`` or ``시행일: 25.3.4.``: a day with a two-digit year. Section and
    version numbers look the same (``12.3.4.``), so the form must be the spaced official one, carry
    a weekday that matches, or follow a date label; ``25.3.4.`` alone gives nothing."""
    spaced = bool(m.group("sp1")) and bool(m.group("sp2"))
    labelled = _date_label().search(ctx.text, max(0, m.start() - 12), m.start()) is not None
    if not (spaced or m.group("wd") or labelled) or not _free_number(ctx, m.start()):
        return None
    year = periods.two_digit_year(int(m.group("yy")))
    rng = _safe_day(year, int(m.group("m")), int(m.group("d")))
    if rng is None or not _year_ok(year) or not _short_weekday_ok(rng[0], m.group("wd")):
        return None
    return _Draft(m.start(), m.end(), *rng, Grain.DAY, "ko.date.short_year_day")


def _apostrophe_year(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``‘18`` alone (statistics tables): the year 2018."""
    year = periods.two_digit_year(int(m.group("yy")))
    return _Draft(m.start(), m.end(), *periods.year_range(year), Grain.YEAR, "ko.date.short_year")


def _quarter_code(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``3Q23``, ``3Q 2023``: the third quarter of 2023."""
    raw = m.group("yy")
    year = int(raw) if len(raw) == 4 else periods.two_digit_year(int(raw))
    if not _year_ok(year):
        return None
    return _Draft(m.start(), m.end(), *periods.quarter_range(year, int(m.group("q"))), Grain.QUARTER, "ko.date.quarter_code")


_DIGIT_NEXT = re.compile(r"\s?\d")
_CELL = 12  # the longest line taken for a table cell beside a date
_YEAR_BEFORE = re.compile(r"\d\s?년도?\s?$")
_SAME_PERIOD = re.compile(r"\s?(?:동기|동월|동분기|동기간|같은\s?(?:기간|달|분기))")
_AFTER_DOTTED_RANGE = re.compile(r"\s*(?:$|[(),·\]]|까지|중|간)")


def _dotted(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``9.17(금)``, ``8. 3.(화)``, ``7.1~12.31``, ``4.30~5.2일``: month and day with dots, in the
    document's year. A decimal number looks the same (``1.5``, ``3.1절``), so the form must be
    unmistakable: a weekday in parentheses (which must match), ``일`` after it, the spaced official
    form ``8. 3.``, or a range ending the phrase."""
    if ctx.doc_date is None or not _free_number(ctx, m.start()):
        return None
    if _YEAR_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # 2019년 9.17(화): a year is written, the document's would be wrong
    has_range = m.group("d2") is not None
    spaced = bool(m.group("sp")) and m.group("dot") is not None and not _DIGIT_NEXT.match(ctx.text, m.end())
    if not (m.group("wd") or m.group("il") or spaced or (has_range and _AFTER_DOTTED_RANGE.match(ctx.text, m.end()))):
        return None
    year = ctx.doc_date.year
    first = _safe_day(year, int(m.group("m")), int(m.group("d")))
    if first is None or not _short_weekday_ok(first[0], m.group("wd")):
        return None
    if not has_range:
        return _Draft(m.start(), m.end(), *first, Grain.DAY, "ko.date.dotted", relative=True)
    month2 = int(m.group("m2") or m.group("m"))
    last = _safe_day(year if month2 >= int(m.group("m")) else year + 1, month2, int(m.group("d2")))
    if last is None or last[0] <= first[0] or not _short_weekday_ok(last[0], m.group("wd2")):
        return None
    return _Draft(m.start(), m.end(), first[0], last[0], Grain.DAY, "ko.date.dotted_range", relative=True)


def _month_range(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``4~6월``: April to June of the document's year."""
    if ctx.doc_date is None or not _free_number(ctx, m.start()) or not ends_token(ctx, m.end()):
        return None
    if _alone_on_line(ctx.text, m.start(), m.end()):
        return None
    first, last = int(m.group("m1")), int(m.group("m2"))
    if not 1 <= first < last <= 12:
        return None
    year = ctx.doc_date.year
    span = periods.month_range(year, first)[0], periods.month_range(year, last)[1]
    return _Draft(m.start(), m.end(), *span, Grain.MONTH, "ko.date.month_range", relative=True)


def _relative_day(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``오늘``, ``어제``, ``내일``, ``모레``: days counted from the document date."""
    if ctx.doc_date is None or not whole_word(ctx, m.start(), m.end()):
        return None
    if ctx.text.startswith(("을", "를", "의", "이", "가"), m.end()):
        return None  # 더 나은 내일을 위해, 오늘의 한국: the future or the present, not a day
    day = ctx.doc_date + dt.timedelta(days=lexicon().relative_days[m.group("rd")])
    return _Draft(m.start(), m.end(), day, day, Grain.DAY, "ko.date.relative_day", relative=True)


def _relative_week(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``이번 주``, ``다음 주``, ``지난주``; with a weekday (``다음 주 목요일``) that day."""
    if ctx.doc_date is None or not starts_token(ctx, m.start()):
        return None
    weeks = lexicon().relative_weeks[compact(m.group("rw"))]
    if m.group("wd") is not None and ends_token(ctx, m.end("wd")):
        day = periods.weekday_in_week(ctx.doc_date, weeks, lexicon().weekdays[m.group("wd")])
        return _Draft(m.start(), m.end("wd"), day, day, Grain.DAY, "ko.date.relative_week_day", relative=True)
    if not ends_token(ctx, m.end("rw")):
        return None
    rng = periods.offset_period(ctx.doc_date, weeks, "week")
    return _Draft(m.start(), m.end("rw"), *rng, Grain.WEEK, "ko.date.relative_week", relative=True)


def _relative_quarter(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``이번 분기``, ``다음 분기``, ``지난 분기``."""
    if ctx.doc_date is None or not whole_word(ctx, m.start(), m.end()):
        return None
    rng = periods.offset_period(ctx.doc_date, lexicon().relative_quarters[compact(m.group("rq"))], "quarter")
    return _Draft(m.start(), m.end(), *rng, Grain.QUARTER, "ko.date.relative_quarter", relative=True)


@cache
def _relative_halves() -> dict[str, int]:
    return {compact(k): v for k, v in data("dates")["relative_halves"].items()}


def _relative_half(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``이번 반기``, ``다음 반기``, ``지난 반기``: halves of a year counted from the document date."""
    if ctx.doc_date is None or not whole_word(ctx, m.start(), m.end()):
        return None
    index = ctx.doc_date.year * 2 + (ctx.doc_date.month - 1) // 6 + _relative_halves()[compact(m.group("rh"))]
    rng = periods.half_range(index // 2, index % 2 + 1)
    return _Draft(m.start(), m.end(), *rng, Grain.HALF, "ko.date.relative_half", relative=True)


def _weekday(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``수요일`` (the next one after the document date), ``지난 토요일``, ``오는 금요일``, ``이번 목요일``."""
    if ctx.doc_date is None or not whole_word(ctx, m.start(), m.end()):
        return None
    if _DATE_BEFORE_WEEKDAY.search(ctx.text[max(0, m.start() - 2) : m.start()]):
        return None  # 5월 3일 월요일, 둘째 주 화요일: the weekday names a date read elsewhere
    weekday = lexicon().weekdays[m.group("wd")]
    direction = m.group("dir")
    if direction == "이번":
        day = periods.weekday_in_week(ctx.doc_date, 0, weekday)
    else:
        past = direction == "지난" or (direction is None and _past_clause(ctx.text, m.end()))
        day = periods.next_weekday(ctx.doc_date, weekday, -1 if past else 1)
    return _Draft(m.start(), m.end(), day, day, Grain.DAY, "ko.date.weekday", relative=True)


_DATE_BEFORE_WEEKDAY = re.compile(r"(?:일|주|\d)\s?$")


@cache
def _tense_cue() -> re.Pattern[str]:
    d = data("dates")
    return re.compile(rf"(?P<past>{alternation(d['past_endings'])})|(?P<future>{alternation(d['future_cues'])})")


def _past_clause(text: str, end: int) -> bool:
    """The first tense cue after a bare weekday in its sentence is a past ending (``수요일 발표했다``)."""
    stop = min(i for i in (text.find(".", end), text.find("\n", end), end + 80) if i != -1)
    m = _tense_cue().search(text, end, stop)
    return m is not None and m.group("past") is not None


def _offset(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``4년 전``, ``3달전``, ``2주 후``: the unit so far from the document date. After a noun
    (``발효 2년 후``) the offset counts from that event, not from the document: not read."""
    if ctx.doc_date is None or not _free_number(ctx, m.start()) or not ends_token(ctx, m.end()):
        return None
    before = ctx.token_at(max(0, m.start() - 2))
    if before is not None and before.end <= m.start() and before.tag.startswith(("NN", "XSN", "SL", "SN")):
        return None
    lex = lexicon()
    count = _count(ctx, m)
    if count is None:
        return None
    n, unit = count
    rng = periods.offset_period(ctx.doc_date, lex.offset_directions[m.group("dir")] * n, unit)
    return _Draft(m.start(), m.end(), *rng, Grain(unit), "ko.date.offset", relative=True)


def _count(ctx: DocContext, m: re.Match[str]) -> tuple[int, periods.Unit] | None:
    """``3주``, ``이틀``, ``한 달``: how many of which unit (None: a native numeral that does not
    go with its unit, ``석 주``, or that Kiwi reads as part of a word)."""
    groups = m.groupdict()
    if groups.get("nat"):
        n, unit = native_counts()[m.group("nat")]
        return n, cast(periods.Unit, unit)
    if groups.get("nn"):
        value = parse_native(m.group("nn"), m.group("nu"))
        if not native_ok(ctx, m.start("nn"), m.end("nn")):
            return None
        return None if value is None else (value, data("dates")["native_units"][m.group("nu")])
    return int(m.group("n")), lexicon().offset_units[m.group("u")]


def _weekend(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``이번 주말``, ``다음 주말``: Saturday and Sunday of that week."""
    if ctx.doc_date is None or not whole_word(ctx, m.start(), m.end()):
        return None
    weeks = data("dates")["relative_weekends"][m.group("we")]
    saturday = periods.weekday_in_week(ctx.doc_date, weeks, 5)
    return _Draft(m.start(), m.end(), saturday, saturday + dt.timedelta(days=1), Grain.DAY, "ko.date.weekend", relative=True)


def _window(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``지난 3주``, ``다음 2달``: whole units before or after the current one (``지난 14일`` is a day)."""
    lex = lexicon()
    count = _count(ctx, m)
    if count is None:
        return None
    n, unit = count
    sign = lex.window_words[m.group("w")]
    spread = ctx.text.startswith(("간", "동안", " 동안"), m.end())
    if ctx.doc_date is None or (unit == "day" and sign < 0 and not spread) or not starts_token(ctx, m.start()):
        return None
    if not (ends_token(ctx, m.end()) or spread):
        return None
    rng = periods.window(ctx.doc_date, sign * n, unit)
    return _Draft(m.start(), m.end(), *rng, Grain(unit), "ko.date.window", relative=True)


def _day_of_month(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``지난 14일`` (the last 14th before the document date), ``오는 28일`` (the next one), ``이달 5일``."""
    if ctx.doc_date is None or not starts_token(ctx, m.start()) or not ends_token(ctx, m.end()):
        return None
    if ctx.text.startswith(("간", "동안", " 동안"), m.end()):
        return None  # 지난 3일간: the last three days (a window), not the 3rd
    base, day = ctx.doc_date, int(m.group("d"))
    direction = lexicon().day_directions[compact(m.group("dir"))]
    offset = 0
    if direction == "past" and day >= base.day:
        offset = -1
    elif direction == "future" and day <= base.day:
        offset = 1
    year, month = _month_of(base, offset)
    rng = _safe_day(year, month, day)
    return None if rng is None else _Draft(m.start(), m.end(), *rng, Grain.DAY, "ko.date.day_of_month", relative=True)


# --- assembly -------------------------------------------------------------------------------


def _add_relation(ctx: DocContext, draft: _Draft) -> None:
    """A relation word after the date (``까지`` -> by); the word stays outside the span."""
    lex = lexicon()
    m = lex.relation.match(ctx.text, draft.end)
    if m is None or not whole_word(ctx, m.start("r"), m.end("r")):
        return
    word = m.group("r")
    if word in lex.strict_relations:
        after = ctx.text[m.end("r") : m.end("r") + 1]
        token = ctx.token_at(m.start("r"))
        if after.isspace() or (token is not None and token.tag == "MM"):  # 전 세계: determiner
            return
    tag = data("dates")["relation_tags"].get(word)
    if tag is not None and (token := ctx.token_at(m.start("r"))) is not None and token.tag != tag:
        return  # 내 목표: my aim, not within
    draft.relation = lex.relations[word]


def _with_year(draft: _Draft, year: int) -> _Draft | None:
    """``6월`` after ``2021년 5월~``: the second end of a range takes the first end's year."""
    try:
        first, last = draft.first.replace(year=year), draft.last.replace(year=year)
    except ValueError:
        return None
    return _Draft(draft.start, draft.end, first, last, draft.grain, draft.rule, relative=False)


_YEARLESS = frozenset({"ko.date.month_range", "ko.date.half", "ko.date.quarter"})
"""Rules whose date takes the document's year only for want of a written one (4~6월, 상반기)."""


def _in_year_before(ctx: DocContext, prev: _Draft, draft: _Draft) -> _Draft | None:
    """A date read in the document's year right after a written year (``2022년 3~5월``,
    ``‘23년 1~7월``) is in that year: one date from the year to its end."""
    if prev.grain is not Grain.YEAR or prev.relative or draft.rule not in _YEARLESS or ctx.doc_date is None:
        return None
    if ctx.text[prev.end : draft.start] not in ("", " ") or draft.first.year != ctx.doc_date.year:
        return None
    if draft.last.year != ctx.doc_date.year or prev.first.year != prev.last.year:
        return None
    moved = _with_year(draft, prev.first.year)
    if moved is None:
        return None
    return _Draft(prev.start, draft.end, moved.first, moved.last, draft.grain, draft.rule, relative=False)


def _joined(ctx: DocContext, drafts: list[_Draft]) -> list[_Draft]:
    """Two dates of one grain joined by ``~``/``-``/``부터`` make one range (``5월 3일 - 5월 9일``);
    a day after ``과``/``와`` borrows the month of the day before (``4월 8일과 9일``)."""
    lex = lexicon()
    out: list[_Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        prev = out[-1] if out else None
        if prev is not None and (in_year := _in_year_before(ctx, prev, draft)) is not None:
            out[-1] = in_year  # ‘23년 1~7월: the months of that year, not of the document's
            continue
        if prev is not None and prev.grain is draft.grain and lex.join_gap.fullmatch(ctx.text, prev.end, draft.start):
            second: _Draft | None = draft
            if draft.relative and not prev.relative and ctx.doc_date and draft.first.year == ctx.doc_date.year:
                second = _with_year(draft, prev.first.year)
            changed = ctx.text.startswith(("로", "으로"), draft.end)
            if second is not None and second.first > prev.last and not changed:
                gap = ctx.text[prev.end : draft.start]
                out[-1] = _Draft(prev.start, draft.end, prev.first, second.last, prev.grain, prev.rule + "_range")
                out[-1].relative, out[-1].closed = prev.relative, "부터" in gap or "에서" in gap
                continue
        out.append(draft)
        if draft.grain is Grain.DAY and draft.first == draft.last and (m := lex.second_day.match(ctx.text, draft.end)):
            rng = _safe_day(draft.first.year, draft.first.month, int(m.group("d")))
            if rng is not None and rng[0] > draft.first and ends_token(ctx, m.end()):
                out.append(_Draft(m.start("d"), m.end(), *rng, Grain.DAY, "ko.date.second_day", relative=draft.relative))
    return out


@cache
def _recurring() -> re.Pattern[str]:
    """A word right before a date that makes it recurring (``매년 3월``, ``매주 수요일``)."""
    return re.compile(rf"(?<![가-힣])(?:{alternation(data('dates')['recurring_words'])})\s?$")


def extract_dates(ctx: DocContext) -> list[Mention[DateFields]]:
    """Every date expression of the document, non-overlapping, in text order."""
    drafts: list[_Draft] = []
    text = ctx.text
    for pattern, build, starts in lexicon().patterns:
        for m in pattern.finditer(text) if starts is None else matches_at(pattern, text, starts.positions(text)):
            draft = build(ctx, m)
            if draft is not None:
                drafts.append(draft)
    kept = resolve([Mention(d.start, d.end, d.rule, d) for d in drafts])
    kept = [k for k in kept if not (k.fields.relative and _recurring().search(text, max(0, k.start - 8), k.start))]
    mentions = []
    for draft in _joined(ctx, [m.fields for m in kept]):
        if draft.relation is Relation.ON and not draft.closed:
            _add_relation(ctx, draft)
        fields = DateFields(
            date_start=draft.first,
            date_end=draft.last,
            grain=draft.grain,
            relation=draft.relation,
            relative=draft.relative,
        )
        mentions.append(Mention(draft.start, draft.end, draft.rule, fields))
    return resolve(mentions)
