"""English quantities: durations (``five years``, ``five-year``), measures (``1.5 degrees Celsius``)
and counts (``nine other nations``, ``10 participants``, ``100 million doses``).

Extracted: a number (digits or words, with an optional scale: ``100 million``) followed by a
unit from ``pipeline/lang/en/data/units.yaml``, directly (``6 months``, ``1.5°C``, ``50%``), joined
by a hyphen (``five-year``, ``24-hour``) or across up to three modifier words that are not
function words (``nine other nations``, ``10 new member countries``). Durations get an ISO 8601
``iso`` (``P5Y``, ``P6M``, ``P2W``, ``P30D``; a decade is ``P10Y``); hours and minutes, and
fractional counts (``1.5 years``), have none, because the schema's IsoDuration allows only
whole Y/M/W/D. ``degrees`` alone is read as Celsius: in these documents it is the climate target.

The span is the number and its unit only: a preposition before (``over five years``, ``for 10
years``) and a qualifier (``over 100 countries``) stay outside, since the record has no field
for them. Not extracted: a number without a unit (``5G``, ``COP26``, ``G7``, ``Section 3``,
``1)``), ordinals (``the 7th Conference``), money (``$200 million``: see amounts), a year before
a noun with modifiers in between (``in 2021 many countries``), numbers glued to letters or
hyphens (``COVID-19 vaccine doses``), ``a year`` / ``a dozen`` (no numeral).

>>> from pipeline.context import context_for_text
>>> from schemas.models import Language
>>> [m] = extract_quantities(context_for_text("joining nine other nations focused on", Language.EN))
>>> m.fields.value, m.fields.unit, m.fields.kind.value
(Decimal('9'), 'country', 'count')
>>> [m] = extract_quantities(context_for_text("$200 million in new funding over five years", Language.EN))
>>> m.fields.unit, m.fields.iso
('year', 'P5Y')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from pipeline.context import DocContext, Mention
from pipeline.lang.casefold import fold, lexicon_key
from pipeline.lang.en import numbers as num
from pipeline.lang.en import scan
from pipeline.lexicon import alternation, lang_yaml
from pipeline.overlap import resolve
from schemas.models import QuantityFields, QuantityKind

_YEARLIKE = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class _Unit:
    unit: str
    kind: QuantityKind
    iso: str | None = None
    factor: int = 1


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, _Unit]
    symbols: dict[str, _Unit]
    stopwords: frozenset[str]
    pattern: re.Pattern[str]


def _alt(words: list[str]) -> str:
    """Unit phrases match across any run of whitespace (``degrees  Celsius``)."""
    return alternation(words, space=r"\s+")


@cache
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = lang_yaml("en", "units.yaml")

    def unit(entry: dict[str, Any]) -> _Unit:
        return _Unit(entry["unit"], QuantityKind(entry["kind"]), entry.get("iso"), int(entry.get("factor", 1)))

    words = {lexicon_key(k): unit(v) for k, v in data["words"].items()}
    symbols = {k: unit(v) for k, v in data["symbols"].items()}
    singular = [w for w in words if not w.endswith("s")]
    number = num.number_pattern()
    pattern = re.compile(
        rf"(?<![A-Za-z]-)(?<![$€£¥₩])(?P<n>{number})(?P<s>\s+(?i:thousand|million|billion|trillion)\b)?"
        rf"(?:"
        rf"-(?P<hy>(?i:{_alt(singular)}))(?![\w-])"  # five-year, 24-hour
        rf"|\s?(?P<sym>{_alt(list(symbols))})(?![\w])"  # 1.5°C, 50%, 3 GW
        rf"|(?P<fill>(?:\s+[A-Za-z][\w'-]*){{0,3}}?)\s+(?P<w>(?i:{_alt(list(words))}))\b(?!-)"  # nine other nations
        rf")"
    )
    return _Lexicon(words, symbols, frozenset(fold(w) for w in data["filler_stopwords"]), pattern)


def _iso(value: Decimal, u: _Unit) -> str | None:
    """``P5Y`` for 5 years, ``P20Y`` for two decades; ``None`` for hours or fractional values."""
    if u.iso is None:
        return None
    total = value * u.factor
    if total != total.to_integral_value():
        return None
    return f"P{int(total)}{u.iso}"


def extract_quantities(ctx: DocContext) -> list[Mention[QuantityFields]]:
    """Every number + unit in the text, overlaps settled longest-first."""
    lex = _lexicon()
    text = ctx.text
    out: list[Mention[QuantityFields]] = []
    pos = 0
    starts = num.number_starts(text)  # every match starts with its number
    while (m := scan.search(lex.pattern, text, starts, pos)) is not None:
        pos = m.end("n")  # a rejected match must not hide a later number (`2021 many countries`)
        number = num.scaled(num.parse_number(m.group("n")), m.group("s"))
        if number is None or number <= 0:
            continue
        fill = m.group("fill") or ""
        if m.group("hy"):
            u, rule = lex.words[fold(m.group("hy"))], "en.quantity.hyphenated"
        elif m.group("sym"):
            u, rule = lex.symbols[m.group("sym")], "en.quantity.symbol"
        else:
            fillers = fill.split()
            if any(fold(f) in lex.stopwords for f in fillers):
                continue
            if fillers and _YEARLIKE.fullmatch(m.group("n")):
                continue
            u = lex.words[lexicon_key(m.group("w"))]
            rule = "en.quantity.number_modifiers_unit" if fillers else "en.quantity.number_unit"
        fields = QuantityFields(value=number, unit=u.unit, kind=u.kind, iso=_iso(number, u))
        out.append(Mention(m.start(), m.end(), rule, fields))
        pos = m.end()
    return resolve(out)
