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
from typing import Any, TypedDict

from pipeline.lexicon import load_yaml

_SCALES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "T"),
    (Decimal(10) ** 9, "B"),
    (Decimal(10) ** 6, "M"),
    (Decimal(10) ** 3, "K"),
)


class Minor(TypedDict, total=False):
    """The hundredth unit of a currency: English and Korean words (``cents``, ``센트``)."""

    en: list[str]
    ko: list[str]


class Currency(TypedDict, total=False):
    """One currency: display symbol and the words/signs naming it (see ``currency_words.yaml``)."""

    symbol: str
    ko: list[str]
    ko_prefix: list[str]
    prefix: list[str]
    after: list[str]
    en: list[str]
    minor: Minor


def _merged(generated: dict[str, Any], curated: dict[str, Any]) -> dict[str, Currency]:
    """ISO entries (``currencies.yaml``) with the curated words added: each code is a prefix and
    an ``after`` sign (``USD 5``, ``250 USD``), and so is each CLDR symbol holding a sign (``A$``)."""
    out: dict[str, Currency] = {}
    word_codes = set(curated.get("word_codes") or [])
    for code in sorted((set(generated) | set(curated)) - {"word_codes"}):
        gen = generated.get(code) or {}
        cur = curated.get(code) or {}
        sym = str(cur.get("symbol") or gen.get("symbol") or f"{code} ")
        signs = [sym] if sym.strip() != code and not sym.strip().isalpha() and sym != "$" else []
        entry: Currency = {
            "symbol": sym,
            "ko": _unique(gen.get("ko"), cur.get("ko")),
            "ko_prefix": _unique(cur.get("ko_prefix")),
            "prefix": _unique([] if code in word_codes else [code], signs, cur.get("prefix")),
            "after": _unique([] if code in word_codes else [code], cur.get("after")),
            "en": _unique(gen.get("en"), cur.get("en")),
        }
        if cur.get("minor"):
            entry["minor"] = cur["minor"]
        out[code] = entry
    return out


def _unique(*lists: Any) -> list[str]:
    seen: dict[str, None] = {}
    for words in lists:
        for w in words or []:
            seen.setdefault(str(w), None)
    return list(seen)


@cache
def currencies() -> dict[str, Currency]:
    """Every ISO 4217 currency in use with its words, keyed by code: the generated
    ``pipeline/data/currencies.yaml`` merged with the curated ``currency_words.yaml``."""
    return _merged(load_yaml("currencies.yaml"), load_yaml("currency_words.yaml"))


def words(field: str) -> dict[str, str]:
    """Word or sign -> ISO code for one field of every currency (``prefix``, ``after``, ``ko``, ...)."""
    out: dict[str, str] = {}
    for code, entry in currencies().items():
        for word in entry.get(field) or []:  # type: ignore[attr-defined]
            out.setdefault(str(word), code)
    return out


def minor_words(language: str) -> dict[str, str]:
    """Words of the hundredth units in ``language`` (``cents`` -> USD, ``센트`` -> USD)."""
    out: dict[str, str] = {}
    for code, entry in currencies().items():
        for word in (entry.get("minor") or {}).get(language, []):  # type: ignore[attr-defined]
            out.setdefault(str(word), code)
    return out


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
