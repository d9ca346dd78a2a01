"""The number written in one table cell, with the marks Korean tables use around it.

``△51.2`` / ``▲3.1`` / ``▽2`` are decreases (negative), ``+3.4`` keeps its positive sign, ``-7.9``
is negative, ``-`` or ``–`` alone means no value, ``(147.8)`` is wrapped in parentheses (the
caller decides whether that makes it negative: it does in English accounts, never for a rate),
``12.5%`` / ``0.3%p`` carry their unit, thousands separators are checked.

>>> read_number("(△51.2)")
CellNumber(value=Decimal('-51.2'), parenthesized=True, unit_text='', decrease_mark=True)
>>> read_number("3,236.4").value
Decimal('3236.4')
>>> read_number("+0.3%p").unit_text
'%p'
>>> read_number("-") is None, read_number("25,00") is None
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pipeline.lang.ko.numbers import ARABIC
from pipeline.tabular.periods import parse_header
from pipeline.tabular.units import parse_unit
from pipeline.tabular.vocab import words


@dataclass(frozen=True, slots=True)
class CellNumber:
    value: Decimal
    parenthesized: bool
    unit_text: str
    decrease_mark: bool = False


@cache
def _pattern() -> re.Pattern[str]:
    decrease = "".join(re.escape(m) for m in words("decrease_marks"))
    increase = "".join(re.escape(m) for m in words("increase_marks"))
    return re.compile(
        rf"^(?P<prefix>[^\d()\s{decrease}{increase}\-−]{{0,4}}?)\s*"
        rf"(?P<sign>[{decrease}{increase}\-−])?\s*(?P<number>{ARABIC})(?![\d,])\s*(?P<unit>[^()\d]*?)\s*$"
    )


def is_figure(text: str) -> bool:
    """A cell that holds a figure: a number with no words after it but a unit, and not a
    period header (``1분기``, ``2023년`` are headers, not figures)."""
    number = read_number(text)
    if number is None or parse_header(text) is not None:
        return False
    return not number.unit_text or parse_unit(number.unit_text) is not None


def is_no_value(text: str) -> bool:
    """``-``, ``–``, ``…``, ``n.a.``: the cell says there is no figure."""
    return text.strip() in set(words("no_value"))


def read_number(text: str) -> CellNumber | None:
    """The signed number of a cell, or None when the cell is not one number."""
    body = text.strip()
    parenthesized = len(body) > 2 and body[0] in "(（" and body[-1] in ")）"
    if parenthesized:
        body = body[1:-1].strip()
    match = _pattern().match(body)
    if match is None:
        return None
    number = match.group("number")
    if "," in number and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        return None
    value = Decimal(number.replace(",", ""))
    sign = match.group("sign") or ""
    decrease = sign in words("decrease_marks")
    if decrease or (sign in "-−" and sign):
        value = -value
    unit = (match.group("prefix") + " " + match.group("unit")).strip() if match.group("prefix") else match.group("unit")
    return CellNumber(value, parenthesized, unit.strip(), decrease)
