"""Periods in table headers: ``2023년`` + ``1분기``, ``‘23.1Q``, ``1~3월``, ``FY2024``, ``Q1 2024``.

A header may name only part of a period (``1분기`` under ``2023년``): the parts of a header path
are merged from the outside in, and a period becomes a date range only once it has a year. A
``p`` right after a period (``9월p``, ``2023p``) marks a preliminary figure; the period itself
is unchanged. A fiscal year is taken as the calendar year (the Korean government's fiscal year).

>>> period_of(["2023년", "1분기"])
Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 3, 31), preliminary=False)
>>> period_of(["‘23.1Q"]).end
datetime.date(2023, 3, 31)
>>> period_of(["2024년", "9월p"])
Period(start=datetime.date(2024, 9, 1), end=datetime.date(2024, 9, 30), preliminary=True)
>>> period_of(["1~3월"]) is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.periods import month_range
from pipeline.tabular.vocab import patterns, words


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    preliminary: bool = False


@dataclass(frozen=True, slots=True)
class _Part:
    """What one header says about a period; months are an inclusive range."""

    year: int | None = None
    month: int | None = None
    month_end: int | None = None
    preliminary: bool = False


def _strip_preliminary(header: str) -> tuple[str, bool]:
    text = header.strip()
    for mark in words("preliminary_marks"):
        if (
            text.endswith(mark)
            and len(text) > len(mark)
            and (text[-len(mark) - 1].isdigit() or text[-len(mark) - 1] in "년월기QH)")
        ):
            return text[: -len(mark)].strip(), True
    return text, False


def parse_header(header: str) -> _Part | None:
    """The period part one header names, or None when it names no period."""
    text, preliminary = _strip_preliminary(header.replace(" ", " "))
    for pattern in patterns("periods"):
        match = pattern.match(text)
        if match is None:
            continue
        g = {k: v for k, v in match.groupdict().items() if v is not None}
        year = int(g["year"]) if "year" in g else int(g["fy"]) if "fy" in g else 2000 + int(g["yy"]) if "yy" in g else None
        if "quarter" in g:
            q = int(g["quarter"])
            first, last = 3 * q - 2, 3 * q
        elif "half" in g:
            h = 1 if g["half"] in ("1", "상") else 2
            first, last = 6 * h - 5, 6 * h
        elif "month" in g:
            first = int(g["month"])
            last = int(g.get("month_end", first))
        else:
            first, last = 1, 12
        if not (1 <= first <= last <= 12):
            return None
        return _Part(year, first, last, preliminary)
    return None


def _merge(outer: _Part, inner: _Part) -> _Part | None:
    """``2023년`` then ``1분기``: the inner part narrows the outer one; conflicts give None."""
    if inner.year is not None and outer.year is not None and inner.year != outer.year:
        return None
    if inner.year is not None and outer.year is None and outer.month is not None:
        return None
    year = inner.year if inner.year is not None else outer.year
    month, month_end = inner.month, inner.month_end
    if inner.year is None and outer.month is not None and (month, month_end) != (1, 12):
        if month is None or month_end is None or outer.month_end is None:
            return None
        if not (outer.month <= month and month_end <= outer.month_end):
            return None
    elif inner.year is not None and (month, month_end) == (1, 12) and outer.month is not None:
        month, month_end = outer.month, outer.month_end
    return replace(inner, year=year, month=month, month_end=month_end, preliminary=outer.preliminary or inner.preliminary)


def period_of(path: Sequence[str]) -> Period | None:
    """The period a header path names (outermost first), or None without a complete period."""
    merged: _Part | None = None
    for header in path:
        part = parse_header(header)
        if part is None:
            continue
        merged = part if merged is None else _merge(merged, part)
        if merged is None:
            return None
    if merged is None or merged.year is None or merged.month is None or merged.month_end is None:
        return None
    return Period(month_range(merged.year, merged.month)[0], month_range(merged.year, merged.month_end)[1], merged.preliminary)
