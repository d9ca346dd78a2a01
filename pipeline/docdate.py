"""Find and parse a document's own date line (``2021년 5월 21일``, ``May 21, 2021``, ``2021.5.21.``).

This is the date every relative expression (``금년``, ``10월``, ``this year``) resolves
against. Mentions of dates inside the text are the date rules' job, not this module's.

>>> parse_date_line("2021년 5월 21일")
datetime.date(2021, 5, 21)
>>> parse_date_line("May 21, 2021")
datetime.date(2021, 5, 21)
>>> parse_date_line("2021. 5. 21.")
datetime.date(2021, 5, 21)
>>> parse_date_line("우리는 2021년 5월 21일에 만나 오랜 시간 동안 여러 현안에 대해 논의하였다.") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from pipeline.lexicon import load_yaml


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_yaml("doc_dates.yaml")["patterns"])


_YEAR_GROUP = r"(?P<year>\d{4})"
_FOUR_DIGITS = re.compile(r"\d{4}")


@cache
def _digits_required() -> bool:
    """Whether every pattern spells its year as ``(?P<year>\\d{4})``: ``_date_of`` always reads
    the year, so a text without four digits in a row then holds no date, and one C-level
    search rules out every pattern at once (most lines of a document have no year)."""
    return all(_YEAR_GROUP in p for p in load_yaml("doc_dates.yaml")["patterns"])


def _may_hold_date(text: str) -> bool:
    return not _digits_required() or _FOUR_DIGITS.search(text) is not None


def _month(name: str) -> int | None:
    months: dict[str, int] = load_yaml("doc_dates.yaml")["month_names"]
    return months.get(name.lower().rstrip("."))


def parse_date_line(line: str) -> dt.date | None:
    """The date a short line consists of, or None when the line is prose or no valid date."""
    if not _may_hold_date(line):
        return None
    extra_allowed: int = load_yaml("doc_dates.yaml")["max_extra_chars"]
    stripped = line.strip()
    for pattern in _patterns():
        match = pattern.search(stripped)
        if not match or len(stripped) - len(match.group(0)) > extra_allowed:
            continue
        found = _date_of(match)
        if found is not None:
            return found
    return None


def find_date(text: str) -> dt.date | None:
    """The first valid full date anywhere in ``text`` (a header cell: ``2024. 6. 21.(금) 11:00``).

    >>> find_date(" 2024. 6. 21.(금) 11:00")
    datetime.date(2024, 6, 21)
    """
    if not _may_hold_date(text):
        return None
    for pattern in _patterns():
        for match in pattern.finditer(text):
            found = _date_of(match)
            if found is not None:
                return found
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    """The date a pattern's named groups spell (year, month or month_name, day), if valid."""
    parts = match.groupdict()
    month = int(parts["month"]) if parts.get("month") else _month(parts.get("month_name") or "")
    if month is None:
        return None
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


_FILENAME_DATES = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_.](?P<month>\d{2})[-_.](?P<day>\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?!\d)"),
    re.compile(r"\((?P<yy>\d{2})(?P<month>\d{2})(?P<day>\d{2})\)"),
)


def date_from_filename(name: str) -> dt.date | None:
    """A date written in a file name: ``2018-03-05_…``, ``20180305``, ``(240621)``.

    >>> date_from_filename("보도자료(240621).hwpx")
    datetime.date(2024, 6, 21)
    >>> date_from_filename("report_20181305.pdf") is None
    True
    """
    for pattern in _FILENAME_DATES:
        for match in pattern.finditer(name):
            parts = match.groupdict()
            year = 2000 + int(parts["yy"]) if parts.get("yy") else int(parts["year"])
            try:
                return dt.date(year, int(parts["month"]), int(parts["day"]))
            except ValueError:
                continue
    return None
