"""Money helpers shared by every language: the currency lexicon and the ``display`` form.

>>> from decimal import Decimal
>>> display(Decimal("2500000000"), "USD")
'$2.5B'
>>> display(Decimal("200000000"), "USD")
'$200M'
>>> display(Decimal("1200000000000"), "KRW")
'₩1.2T'
>>> display(Decimal("1500"), "GBP")
'£1.5K'
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import TypedDict

from pipeline.lexicon import load_yaml

_SCALES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "T"),
    (Decimal(10) ** 9, "B"),
    (Decimal(10) ** 6, "M"),
    (Decimal(10) ** 3, "K"),
)


class Currency(TypedDict, total=False):
    """One entry of ``currencies.yaml``: display symbol and the words/signs naming the currency."""

    symbol: str
    ko: list[str]
    ko_prefix: list[str]
    prefix: list[str]
    en: list[str]


@cache
def currencies() -> dict[str, Currency]:
    """The currency lexicon (``pipeline/data/currencies.yaml``), keyed by ISO 4217 code."""
    data: dict[str, Currency] = load_yaml("currencies.yaml")
    return data


def symbol(code: str) -> str:
    """Display symbol of a currency; the ISO code itself (plus a space) when it has none."""
    entry = currencies().get(code)
    sym = entry.get("symbol") if entry else None
    return str(sym) if sym else f"{code} "


def _plain(number: Decimal) -> str:
    """``2.50`` -> ``2.5``, ``25.0`` -> ``25``: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def display(value: Decimal, currency: str) -> str:
    """Short human form: symbol, value scaled to K/M/B/T, trailing zeros dropped."""
    for scale, suffix in _SCALES:
        if value >= scale:
            return f"{symbol(currency)}{_plain(value / scale)}{suffix}"
    return f"{symbol(currency)}{_plain(value)}"
