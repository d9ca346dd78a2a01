"""English quantities: durations (``five years``, ``five-year``), measures (``1.5 degrees Celsius``)
and counts (``nine other nations``, ``10 participants``, ``100 million doses``).

Extracted: a number (digits or words, with an optional scale: ``100 million``) followed by a
unit from ``pipeline/lang/en/data/units.yaml``, directly (``6 months``, ``1.5°C``, ``50%``), joined
by a hyphen (``five-year``, ``24-hour``) or across up to three modifier words that are not
function words (``nine other nations``, ``10 new member countries``). Durations get an ISO 8601
``iso`` (``P5Y``, ``P6M``, ``P2W``, ``P30D``; a decade is ``P10Y``, a fortnight ``P2W``; a
fraction of a year in months: ``1.5 years`` -> ``P18M``); hours and minutes, and fractions that
are no whole number of months (``2.5 months``), have none, because the schema's IsoDuration
allows only whole Y/M/W/D. ``degrees`` alone is read as Celsius: in these documents it is the
climate target.

Without a numeral: ``a``/``an``/``half a`` + a duration unit after a cue word of length
(``for a year``, ``within a month``, ``lasts half a year``, ``in a fortnight.``), ``a year and a
half``, one unit after ``over the next`` / ``within the past`` (``over the next decade``: the
span is ``decade``), and ``a dozen`` / ``half a dozen`` before any unit.

The span is the number and its unit only: a preposition before (``over five years``, ``for 10
years``) and a qualifier (``over 100 countries``) stay outside, since the record has no field
for them. Not extracted: a number without a unit (``5G``, ``COP26``, ``G7``, ``Section 3``,
``1)``), ordinals (``the 7th Conference``), money (``$200 million``: see amounts), a year before
a noun with modifiers in between (``in 2021 many countries``), numbers glued to letters or
hyphens (``COVID-19 vaccine doses``), ``a year`` without a cue (``$5 billion a year``, ``twice a
year``: a rate), vague counts (``several years``, ``a few months``, ``dozens of countries``, ``a
couple of weeks``), and the upper end of a range alone: a range of one unit (``3-5 years``,
``three to five years``, ``between 2 and 3 percent``, ``10%-20%``) is one record with ``value``
and ``value_max`` and no ``iso``, as in Korean (``3~5년``); one that is vague (``2 or 3 days``) or
whose lower end is no smaller number (``2021-22 fiscal year``), or a change (``from 20 to 30
percent``), gives nothing.

>>> from pipeline.context import context_for_text
>>> from schemas.models import Language
>>> [m] = extract_quantities(context_for_text("joining nine other nations focused on", Language.EN))
>>> m.fields.value, m.fields.unit, m.fields.kind.value
(Decimal('9'), 'country', 'count')
>>> [m] = extract_quantities(context_for_text("$200 million in new funding over five years", Language.EN))
>>> m.fields.unit, m.fields.iso
('year', 'P5Y')
>>> [m] = extract_quantities(context_for_text("The pilot will run for a year and a half.", Language.EN))
>>> m.fields.value, m.fields.iso
(Decimal('1.5'), 'P18M')
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
from pipeline.text_utils import matches_at
from schemas.models import QuantityFields, QuantityKind

_SCALE = r"(?i:thousand|million|billion|trillion)"
"""The scale words a quantity's number may carry (``5 million people``)."""

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
    article: re.Pattern[str]
    """``a year``, ``half a month``, ``a year and a half``, ``a dozen countries`` (no numeral)."""
    window: re.Pattern[str]
    """``over the next decade``: one unit of time."""
    cue_re: re.Pattern[str]
    """A word of length right before ``a year`` (``for``, ``within``, ``up to``)."""
    dozen: dict[str, int]
    range_tail: re.Pattern[str]
    """What stands before the upper end of a range (``3-``, ``three to``, ``between 2 and``)."""
    range_low: re.Pattern[str]
    """The lower end of a range read whole before its upper end (``3-``, ``10% to``, ``between
    2 and``); ``or`` makes no range (``2 or 3 days`` is vague)."""


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
        rf"(?<![A-Za-z]-)(?<![$€£¥₩])(?P<n>{number})(?P<s>\s+{_SCALE}\b)?"
        rf"(?:"
        rf"-(?P<hy>(?i:{_alt(singular)}))(?![\w-])"  # five-year, 24-hour
        rf"|\s?(?P<sym>{_alt(list(symbols))})(?![\w])"  # 1.5°C, 50%, 3 GW
        rf"|(?P<fill>(?:\s+[A-Za-z][\w'-]*){{0,3}}?)\s+(?P<w>(?i:{_alt(list(words))}))\b(?!-)"  # nine other nations
        rf")"
    )
    durations = [w for w, u in words.items() if u.kind is QuantityKind.DURATION and not w.endswith("s")]
    dozen = {lexicon_key(k): int(v) for k, v in data["dozen"].items()}
    article = re.compile(
        rf"(?<![\w'’-])(?:(?P<dz>(?i:{_alt(list(dozen))}))(?P<fill>(?:\s+[A-Za-z][\w'-]*){{0,3}}?)\s+(?P<w>(?i:{_alt(list(words))}))\b(?!-)"
        rf"|(?P<art>(?i:half\s+an?|an?))\s+(?P<u>(?i:{_alt(durations)}))(?P<half>{num.HALF})?)(?![\w'’-])"
    )
    window = re.compile(
        rf"(?<![\w'’-])(?i:{_alt(data['window_prepositions'])})\s+(?i:the)\s+(?i:{_alt(data['window_words'])})\s+"
        rf"(?P<u>(?i:{_alt(durations)}))(?![\w'’-])(?!\s+(?i:of|or|and\s+a\s+half)\b)"
    )
    words_alt = alternation(list(num.word_values()))
    range_tail = re.compile(
        rf"(?:(?:\d%?|\b(?i:{words_alt})\b)(?:\s+{_SCALE})?\s*(?:[-–—~]|\s(?i:to|or|through|thru)\s)\s*"
        rf"|(?<![\w])(?i:between)\s+\S+(?:\s+\S+)?\s+(?i:and)\s+)$"
    )
    scale = rf"(?P<ls>\s+{_SCALE}\b)?"
    range_low = re.compile(
        rf"(?:(?<![\w.,\-−–—~/])(?P<low>{number}){scale}(?:\s?%)?\s*(?:[-–—~]|\s(?i:to|through|thru)\s)\s*"
        rf"|(?<![\w])(?i:between)\s+(?P<blow>{number})(?P<bls>\s+{_SCALE}\b)?(?:\s?%)?\s+(?i:and)\s+)$"
    )
    return _Lexicon(
        words,
        symbols,
        frozenset(fold(w) for w in data["filler_stopwords"]),
        pattern,
        article,
        window,
        re.compile(rf"(?<![\w'’-])(?P<cue>(?i:{_alt(data['article_cues'])}))\s+$"),
        dozen,
        range_tail,
        range_low,
    )


def _iso(value: Decimal, u: _Unit) -> str | None:
    """``P5Y`` for 5 years, ``P20Y`` for two decades, ``P18M`` for 1.5 years; ``None`` for hours
    or fractions that are no whole number of months."""
    if u.iso is None:
        return None
    return num.iso_duration(value * u.factor, u.iso)


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
        pos = m.end()
        if _range_end(text, m.start(), lex):
            low = _range_low(text, m.start(), m.group("s"), lex)
            if low is not None and low[1] < number:
                fields = QuantityFields(value=low[1], value_max=number, unit=u.unit, kind=u.kind)
                out.append(Mention(low[0], m.end(), "en.quantity.range", fields))
            continue
        fields = QuantityFields(value=number, unit=u.unit, kind=u.kind, iso=_iso(number, u))
        out.append(Mention(m.start(), m.end(), rule, fields))
    out.extend(_without_numeral(text, lex))
    return resolve(out)


def _range_end(text: str, start: int, lex: _Lexicon) -> bool:
    """The number at ``start`` closes a range (``3-5 years``, ``between 2 and 3 percent``) or
    follows a year (``2021-22 fiscal year``): its unit belongs to both ends, so it alone is no value."""
    return lex.range_tail.search(text, max(0, start - 40), start) is not None


_FROM_BEFORE = re.compile(r"(?<![\w])(?i:from)\s+$")


def _range_low(text: str, start: int, high_scale: str | None, lex: _Lexicon) -> tuple[int, Decimal] | None:
    """Where the range closed by the number at ``start`` begins, and its lower end: ``3-5 years``
    (3), ``between 2 and 3 percent`` (2), ``10%-20%``; a lower end without a scale takes the upper
    end's (``3 to 5 million tonnes``: 3 million). ``None`` when the lower end is no plain number."""
    m = lex.range_low.search(text, max(0, start - 60), start)
    if m is None or _FROM_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return None  # `from 20 to 30 percent` is a change, not a range
    low, scale = (m.group("low"), m.group("ls")) if m.group("low") else (m.group("blow"), m.group("bls"))
    value = num.scaled(num.parse_number(low), scale or high_scale)
    if value is None or value <= 0:
        return None
    return m.start(), value


def _without_numeral(text: str, lex: _Lexicon) -> list[Mention[QuantityFields]]:
    """``for a year``, ``half a month``, ``a year and a half``, ``a dozen countries``, ``over the
    next decade``: quantities whose number is a word that is no numeral."""
    out: list[Mention[QuantityFields]] = []
    for m in _article_matches(text):
        mention = _article_mention(text, m, lex)
        if mention is not None:
            out.append(mention)
    for m in _window_matches(text):
        u = lex.words[lexicon_key(m.group("u"))]
        fields = QuantityFields(value=Decimal(1), unit=u.unit, kind=u.kind, iso=_iso(Decimal(1), u))
        out.append(Mention(m.start("u"), m.end("u"), "en.quantity.window_unit", fields))
    return out


def _article_mention(text: str, m: re.Match[str], lex: _Lexicon) -> Mention[QuantityFields] | None:
    if m.group("dz"):
        if any(fold(f) in lex.stopwords for f in (m.group("fill") or "").split()):
            return None
        u = lex.words[lexicon_key(m.group("w"))]
        value = Decimal(lex.dozen[lexicon_key(m.group("dz"))])
        fields = QuantityFields(value=value, unit=u.unit, kind=u.kind, iso=_iso(value, u))
        return Mention(m.start(), m.end(), "en.quantity.dozen_unit", fields)
    if not _length_cue(text, m, lex):
        return None
    article = fold(m.group("art"))
    value = (Decimal("0.5") if article.startswith("half") else Decimal(1)) + (Decimal("0.5") if m.group("half") else 0)
    if value == 1 and article.startswith("half"):  # `half a year and a half`: not a phrase anyone writes
        return None
    u = lex.words[lexicon_key(m.group("u"))]
    fields = QuantityFields(value=value, unit=u.unit, kind=u.kind, iso=_iso(value, u))
    return Mention(m.start(), m.end(), "en.quantity.article_unit", fields)


_IN_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$|(?i:from\s+now|and)\b)")
_OR_AFTER = re.compile(r"\s+(?i:or)\b")


def _length_cue(text: str, m: re.Match[str], lex: _Lexicon) -> bool:
    """A word of length stands right before ``a year`` (``for``, ``within``, ``lasts``) and no
    ``or`` after it (``for a day or two``); after ``in`` the unit must end the phrase (``in a
    month.``), not open a longer one (``in a year when``)."""
    before = lex.cue_re.search(text, max(0, m.start() - 20), m.start())
    if before is None or _OR_AFTER.match(text, m.end()):
        return False  # `for a day or two`: vague
    return fold(before.group("cue")) != "in" or _IN_ENDS.match(text, m.end()) is not None


@cache
def _lead_words() -> scan.Words:
    """The words an article or window match starts with."""
    return scan.Words(["a", "an", "half", *(fold(w) for w in lang_yaml("en", "units.yaml")["window_prepositions"])])


def _article_matches(text: str) -> list[re.Match[str]]:
    """Every match of the article pattern: each starts at ``a``, ``an`` or ``half``."""
    found = _lead_words().starts(text)
    starts = scan.merged(found.get("a", ()), found.get("an", ()), found.get("half", ()))
    return list(matches_at(_lexicon().article, text, starts))


def _window_matches(text: str) -> list[re.Match[str]]:
    """Every match of the window pattern: each starts at one of its prepositions."""
    found = _lead_words().starts(text)
    preps = [fold(w) for w in lang_yaml("en", "units.yaml")["window_prepositions"]]
    return list(matches_at(_lexicon().window, text, scan.merged(*(found.get(p, ()) for p in preps))))
