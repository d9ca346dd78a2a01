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
