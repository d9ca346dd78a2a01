"""English numbers for the amount, date and quantity rules: digits, number words and scales.

Extracted: digit numerals with thousands separators and decimals (``1,000``, ``2.5``), cardinal
words up to the hundreds (``five``, ``twenty-five``, ``two hundred fifty``), a trailing ``and a
half`` (``two and a half``, ``1 and a half``) and scale words or abbreviations after them
(``million``, ``bn``, ``m``, ``k``). Not handled: other fractions (``half a billion`` is read by
the amount rules, ``half a year`` and ``a dozen`` by the quantity rules), Roman numerals,
European decimal commas (``2,5``).
The vocabulary lives in ``pipeline/lang/en/data/numbers.yaml``; this module only builds regex
fragments from it and evaluates what they match.

>>> parse_number("twenty-five")
Decimal('25')
>>> parse_number("1,000")
Decimal('1000')
>>> scaled(parse_number("2.5"), "bn")
Decimal('2500000000')
>>> parse_number("one and a half")
Decimal('1.5')
>>> iso_duration(Decimal("1.5"), "Y")
'P18M'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from pipeline.lang.casefold import fold
from pipeline.lang.en import scan
from pipeline.lexicon import alternation, lang_yaml
from schemas.decimals import canonical_decimal


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = lang_yaml("en", "numbers.yaml")
    return data


@cache
def word_values() -> dict[str, int]:
    """Cardinal word -> value (``nine`` -> 9, ``ninety`` -> 90, ``hundred`` -> 100)."""
    d = _data()
    return {**d["cardinals"], **d["tens"], **d["hundred"]}


@cache
def scale_words() -> list[str]:
    """The full scale words (``thousand``, ``million``, ``lakh``), without abbreviations."""
    return list(_data()["scales"])


@cache
def scale_values() -> dict[str, int]:
    """Every scale surface (full words lowercase, abbreviations as written) -> multiplier."""
    d = _data()
    out: dict[str, int] = dict(d["scales"])
    out.update(d["abbreviations"]["spaced"])
    out.update(d["abbreviations"]["attached"])
    return out


@cache
def ordinal_values() -> dict[str, int]:
    return dict(_data()["ordinals"])


NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
"""A digit numeral: ``2.5``, ``1,000``, ``25``, Indian grouping ``1,20,000``; callers add their own boundaries."""


@cache
def word_number_pattern() -> str:
    """A run of cardinal words: ``five``, ``twenty-five``, ``two hundred and fifty`` (case-insensitive)."""
    word = alternation(list(word_values()))
    return rf"(?i:\b(?:{word})(?:(?:-|\s+(?:and\s+)?)(?:{word}))*\b)"


HALF = r"\s+(?i:and\s+a\s+half)\b"
"""``and a half`` after a whole number (``two and a half``): half a unit more."""
_HALF_TAIL = re.compile(HALF + "$")


@cache
def number_pattern() -> str:
    """A digit numeral or a run of number words, with an optional ``and a half``."""
    return rf"(?:(?:(?<![\w.,]){NUMERAL}(?![\d]|[.,]\d)|{word_number_pattern()})(?:{HALF})?)"


@cache
def scale_pattern() -> str:
    """A scale after a number: `` million``, `` bn``, ``bn``, ``m``, ``B`` (attached forms need no space).

    Full words and spaced abbreviations may follow a space, single letters only attached
    (``$3m``), so that ``$5 m`` and ``$5 to`` never read as scales.
    """
    d = _data()
    spaced = alternation(list(d["scales"]) + list(d["abbreviations"]["spaced"]))
    attached = alternation(list(d["abbreviations"]["attached"]))
    return rf"(?:\s*(?i:{spaced})\b|(?:{attached})\b)"


@cache
def _number_words() -> scan.Words:
    return scan.Words(word_values())


def number_starts(text: str) -> list[int]:
    """Every offset where ``number_pattern`` may match: a run of digits or a number word
    (see :mod:`pipeline.lang.en.scan`)."""
    return scan.merged(scan.numbers(text).starts, *_number_words().starts(text).values())


def parse_words(text: str) -> Decimal | None:
    """Value of a run of number words; ``None`` if a word is unknown."""
    values = word_values()
    total = 0
    for word in re.split(r"[\s-]+", fold(text)):
        if word == "and" or not word:
            continue
        if word not in values:
            return None
        v = values[word]
        total = max(total, 1) * v if v == 100 else total + v
    return Decimal(total)


def parse_number(text: str) -> Decimal | None:
    """A numeral (``1,000.5``) or number words (``nine``), with an optional ``and a half``, as a
    Decimal; ``None`` if neither (or a half after a fraction: ``1.5 and a half``)."""
    text = text.strip()
    half = _HALF_TAIL.search(text)
    if half is not None:
        whole = parse_number(text[: half.start()])
        if whole is None or whole != whole.to_integral_value():
            return None
        return canonical_decimal(whole + Decimal("0.5"))
    if text and text[0].isdigit():
        try:
            return canonical_decimal(Decimal(text.replace(",", "")))
        except InvalidOperation:
            return None
    return parse_words(text)


def scale_value(scale: str | None) -> int:
    """Multiplier of a scale surface such as `` billion`` or ``bn``; 1 when absent."""
    if not scale:
        return 1
    s = scale.strip().lstrip("-")  # `ten-million-dollar`
    table = scale_values()
    return table.get(s) or table.get(fold(s)) or 1


def scaled(number: Decimal | None, scale: str | None) -> Decimal | None:
    """``number`` times its scale, normalized (``2.5`` + ``bn`` -> 2500000000)."""
    if number is None:
        return None
    return canonical_decimal(number * scale_value(scale))


_MONTHS_PER = {"Y": 12}
"""A fraction of a unit that is a whole number of a smaller one (``1.5 years`` = 18 months)."""


def iso_duration(value: Decimal, designator: str) -> str | None:
    """``value`` units of an ISO 8601 designator (``Y``, ``M``, ``W``, ``D``) as a duration the
    schema allows (whole numbers only): ``5`` Y -> ``P5Y``, ``1.5`` Y -> ``P18M``, ``2.5`` M -> None."""
    if value <= 0:
        return None
    if value == value.to_integral_value():
        return f"P{int(value)}{designator}"
    months = value * _MONTHS_PER.get(designator, 0)
    if months and months == months.to_integral_value():
        return f"P{int(months)}M"
    return None
