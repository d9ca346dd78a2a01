"""Calendar arithmetic shared by the date rules: the inclusive range of a period of time.

>>> month_range(2021, 2)
(datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
>>> part_of_month_range(2021, 10, "early")
(datetime.date(2021, 10, 1), datetime.date(2021, 10, 10))
>>> decade_range(2020)
(datetime.date(2020, 1, 1), datetime.date(2029, 12, 31))
>>> century_range(21)
(datetime.date(2001, 1, 1), datetime.date(2100, 12, 31))
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from typing import Literal

DateRange = tuple[dt.date, dt.date]
PartOfMonth = Literal["early", "mid", "late"]


def day_range(year: int, month: int, day: int) -> DateRange:
    d = dt.date(year, month, day)
    return d, d


def month_range(year: int, month: int) -> DateRange:
    return dt.date(year, month, 1), dt.date(year, month, _cal.monthrange(year, month)[1])


def part_of_month_range(year: int, month: int, part: PartOfMonth) -> DateRange:
    """Early = days 1-10, mid = 11-20, late = 21 to the end (초순/중순/하순)."""
    last = _cal.monthrange(year, month)[1]
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return dt.date(year, month, first_day), dt.date(year, month, last_day)


def quarter_range(year: int, quarter: int) -> DateRange:
    first_month = 3 * (quarter - 1) + 1
    return dt.date(year, first_month, 1), month_range(year, first_month + 2)[1]


def half_range(year: int, half: int) -> DateRange:
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def year_range(year: int) -> DateRange:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def years_range(first: int, last: int) -> DateRange:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def decade_range(first_year: int) -> DateRange:
    return dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)


def century_range(century: int) -> DateRange:
    """The 21st century is 2001-2100, by the ordinal convention."""
    return dt.date(100 * (century - 1) + 1, 1, 1), dt.date(100 * century, 12, 31)


# --- periods relative to a reference day (the document date) ---------------------------------

Unit = Literal["day", "week", "month", "quarter", "year"]


def week_range(day: dt.date) -> DateRange:
    """The Monday-to-Sunday week holding ``day`` (ISO 8601 weeks)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def shift(day: dt.date, n: int, unit: Unit) -> dt.date:
    """``day`` moved by ``n`` units; a month shift keeps the day where the month has it, else its last day.

    >>> shift(dt.date(2021, 3, 31), -1, "month")
    datetime.date(2021, 2, 28)
    """
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def period_of(day: dt.date, unit: Unit) -> DateRange:
    """The day, week, month, quarter or year holding ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    if unit == "quarter":
        return quarter_range(day.year, (day.month - 1) // 3 + 1)
    return year_range(day.year)


def offset_period(base: dt.date, n: int, unit: Unit) -> DateRange:
    """The unit ``n`` units from ``base``: ``4년 전`` / ``two weeks ago`` (n < 0), ``in two weeks`` (n > 0).

    >>> offset_period(dt.date(2021, 5, 21), -2, "week")
    (datetime.date(2021, 5, 3), datetime.date(2021, 5, 9))
    """
    return period_of(shift(base, n, unit), unit)


def window(base: dt.date, n: int, unit: Unit) -> DateRange:
    """``n`` whole units before (n < 0: ``last 3 days``, ``지난 3주``) or after (n > 0: ``next 2
    months``, ``다음 2달``) the unit holding ``base``, which itself is left out.

    >>> window(dt.date(2021, 5, 21), -3, "day")
    (datetime.date(2021, 5, 18), datetime.date(2021, 5, 20))
    >>> window(dt.date(2021, 5, 21), 2, "month")
    (datetime.date(2021, 6, 1), datetime.date(2021, 7, 31))
    """
    if n < 0:
        return period_of(shift(base, n, unit), unit)[0], period_of(shift(base, -1, unit), unit)[1]
    return period_of(shift(base, 1, unit), unit)[0], period_of(shift(base, n, unit), unit)[1]


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last; None if there is none.

    >>> nth_weekday(2016, 5, 1, 2)
    datetime.date(2016, 5, 10)
    >>> nth_weekday(2021, 5, 4, -1)
    datetime.date(2021, 5, 28)
    """
    last = _cal.monthrange(year, month)[1]
    days = [dt.date(year, month, d) for d in range(1, last + 1) if dt.date(year, month, d).weekday() == weekday]
    if n == -1:
        return days[-1]
    return days[n - 1] if 1 <= n <= len(days) else None


def nth_week(year: int, month: int, n: int) -> DateRange | None:
    """The ``n``-th week of a month (``9월 셋째 주``, ``the second week of May``): the Monday-to-Sunday
    week holding the 1st is the first; ``n = -1`` is the week holding the last day. None when the
    week starts after the month.

    >>> nth_week(2016, 5, 2)
    (datetime.date(2016, 5, 2), datetime.date(2016, 5, 8))
    """
    if n == -1:
        return week_range(month_range(year, month)[1])
    first = week_range(dt.date(year, month, 1))[0] + dt.timedelta(weeks=n - 1)
    if n < 1 or first > month_range(year, month)[1]:
        return None
    return first, first + dt.timedelta(days=6)


def next_weekday(base: dt.date, weekday: int, direction: int = 1) -> dt.date:
    """The first ``weekday`` strictly after ``base`` (direction 1) or strictly before it (-1)."""
    step = (weekday - base.weekday()) % 7 if direction > 0 else (base.weekday() - weekday) % 7
    return base + dt.timedelta(days=direction * (step or 7))


def weekday_in_week(base: dt.date, weeks: int, weekday: int) -> dt.date:
    """``weekday`` of the week ``weeks`` from the one holding ``base`` (``다음 주 목요일``)."""
    return week_range(base)[0] + dt.timedelta(weeks=weeks, days=weekday)


def two_digit_year(yy: int) -> int:
    """``'15`` -> 2015, ``'81`` -> 1981: up to 50 in this century, else the last."""
    return 2000 + yy if yy <= 50 else 1900 + yy
