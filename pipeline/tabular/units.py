"""Units of a table: read from captions, ``(단위: …)`` / ``(Unit: …)`` notes and headers.

A unit is a kind (money, percent, count, number), a scale that turns the written number into
full units (``억 달러`` -> 10^8 USD), and a currency or unit name. Currency words come from the
shared currency lexicon, Korean scale words from the Korean number parser, English scale words
from the number lexicon; a unit text that is not understood whole is no unit.

>>> parse_unit("억 달러")
Unit(kind='money', scale=Decimal('100000000'), currency='USD', name=None)
>>> parse_unit("in millions of USD")
Unit(kind='money', scale=Decimal('1000000'), currency='USD', name=None)
>>> parse_unit("조원").scale
Decimal('1000000000000')
>>> parse_unit("%p").name
'percentage_point'
>>> units_in_caption("분기별 해외직접투자액 추이(억 달러, 전년동기 대비, %)")
['억 달러', '%']
>>> parse_unit("전년동기 대비") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from pipeline.lang.ko.common import data as ko_data
from pipeline.lang.ko.numbers import parse_korean_number
from pipeline.money import currencies
from pipeline.tabular.vocab import patterns, vocab, words

Kind = Literal["money", "percent", "count", "number", "text"]


@dataclass(frozen=True, slots=True)
class Unit:
    kind: Kind
    scale: Decimal
    currency: str | None = None
    name: str | None = None


PERCENT = Unit("percent", Decimal(1), name="percent")
PERCENT_POINT = Unit("percent", Decimal(1), name="percentage_point")


@cache
def _currency_words() -> tuple[tuple[str, str], ...]:
    """(word, ISO code) for every way the lexicon names a currency, longest first."""
    pairs = {
        (str(word), code)
        for code, entry in currencies().items()
        for key in ("ko", "ko_prefix", "prefix", "en")
        for word in entry.get(key, [])  # type: ignore[attr-defined]
    }
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


@cache
def _english_scales() -> dict[str, Decimal]:
    scales = {str(k).lower(): Decimal(v) for k, v in ko_data("numbers")["english_scales"].items() if len(str(k)) > 2}
    return scales | {f"{k}s": v for k, v in scales.items()}


def _scale(text: str) -> Decimal | None:
    """``억`` -> 10^8, ``백만`` -> 10^6, ``millions`` -> 10^6, empty -> 1; else None."""
    text = text.strip()
    if not text:
        return Decimal(1)
    english = _english_scales().get(text.lower())
    if english is not None:
        return english
    if re.fullmatch(r"[십백천만억조]+", text):
        return parse_korean_number(f"1{text}")
    return None


def _strip_fillers(text: str) -> str:
    fillers = {w.lower() for w in words("filler_words")}
    return " ".join(w for w in re.split(r"\s+", text) if w.lower() not in fillers)


def parse_unit(text: str) -> Unit | None:
    """The unit a short text names, or None when any part of it is not understood."""
    text = text.strip().strip("()[]").strip()
    if not text:
        return None
    for word in words("percent_points"):
        if text == word or (text.endswith(f" {word}") and _is_rate_phrase(text[: -len(word)])):
            return PERCENT_POINT
    for word in words("percent"):
        if text.lower() == word.lower() or (text.endswith(word) and _is_rate_phrase(text[: -len(word)])):
            return PERCENT
    rest = _strip_fillers(text)
    for word, code in _currency_words():
        i = rest.find(word)
        if i < 0 or (word.isascii() and re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", rest) is None):
            continue
        scale = _scale((rest[:i] + " " + rest[i + len(word) :]).strip())
        return Unit("money", scale, currency=code) if scale is not None else None
    for table, kind in (("counts", "count"), ("measures", "number")):
        for word in words(table):
            if rest.endswith(word) and (scale := _scale(rest[: -len(word)])) is not None:
                return Unit(kind, scale, name=str(vocab()[table][word]))  # type: ignore[arg-type]
    scale = _scale(rest)
    return Unit("number", scale) if scale is not None and scale != 1 else None  # (단위: 백만)


def _is_rate_phrase(prefix: str) -> bool:
    """``전년동기 대비 %``: the words before a percent sign only say what the rate compares."""
    prefix = prefix.strip(" ,")
    return not prefix or any(prefix.lower().endswith(w.lower()) for w in (*words("rate_headers"), *words("comparisons")))


def split_units(text: str) -> list[str]:
    """The unit texts of one note or parenthetical, in order (pieces that are no unit dropped)."""
    pieces = [p.strip() for p in re.split(str(vocab()["unit_separators"]), text)]
    return [p for p in pieces if p and parse_unit(p) is not None]


def units_in_note(line: str) -> list[str] | None:
    """Units of a ``(단위: …)`` / ``(Unit: …)`` / ``(in millions of USD)`` note in ``line``."""
    for pattern in patterns("unit_notes"):
        match = pattern.search(line)
        if match:
            found = split_units(match.group("units"))
            if found:
                return found
    return None


def units_in_caption(caption: str) -> list[str]:
    """Units of a caption: its unit note, else the units listed in its last parenthetical."""
    note = units_in_note(caption)
    if note:
        return note
    groups = re.findall(r"\(([^()]*)\)", caption)
    return split_units(groups[-1]) if groups else []


def mentions_rate(text: str) -> bool:
    """A header that names a rate (증감률, 비중, YoY, ``(%)``)."""
    if "%" in text:
        return True
    squeezed = text.lower().replace(" ", "")
    if any(w.endswith(tuple(words("rate_suffixes"))) for w in re.findall(r"[가-힣]{2,}", text)):
        return True
    for word in words("rate_headers"):
        if word.isascii():
            if re.search(rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])", text.lower()):
                return True
        elif word.replace(" ", "") in squeezed:
            return True
    return False


def is_change_rate(header: str) -> bool:
    """A header naming the change of the series above it (``증감률``, ``YoY``, ``증감률(%)``)."""
    bare = re.sub(r"\s*\((?:%|％)\)\s*$", "", header).strip().lower()
    return bare in {w.lower() for w in words("change_rate_headers")}
