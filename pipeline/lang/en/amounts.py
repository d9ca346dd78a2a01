"""English money amounts: ``more than $25 billion``, ``USD 1 billion``, ``20 million euros``.

Extracted: a number with a currency sign or code before it (``$2.5 billion``, ``US$300 million``,
``€20 million``, ``KRW 3 trillion``, ``$1.5bn``) or a currency word after it (``20 million
euros``, ``five billion dollars``, ``3 trillion won``); ranges (``$2-3 billion``, ``$2 billion to
$3 billion``, ``between $2 and $3 billion``) as value + value_max; a qualifier phrase right
before (``more than``, ``up to``, ``about`` ...) or after (``or more``) the amount, which is
included in the span; a rate (``annually``, ``a year`` -> ``per``) or a spread (``over five
years``, ``over one and a half years`` -> ``P18M``, ``between 2022 and 2026`` -> ``P5Y``: the
years named, both ends included) in the few words after the amount (or ``five-year`` right
before it), which is read but kept out of the span. A code may follow a scaled number (``5
million USD``), and a number may end in ``and a half`` (``two and a half billion dollars``).

Not extracted: numbers without a currency (``5G``, ``COP26``, ``10 participants``, years),
bare currency words (``the dollar``), ``half a billion dollars``, amounts in ``constant 2015
dollars``, ``19 euro area countries``, ``5 pounds of plastic``. A ``$`` is read as USD.
The vocabulary sits in ``pipeline/data/currencies.yaml`` and ``pipeline/lang/en/data/money.yaml``.

>>> from pipeline.context import context_for_text
>>> from schemas.models import Language
>>> [m] = extract_amounts(context_for_text("investments totaling more than $25 billion.", Language.EN))
>>> m.fields.value, m.fields.qualifier.value, m.fields.display
(Decimal('25000000000'), 'more_than', '$25B')
>>> [m] = extract_amounts(context_for_text("the ROK has committed $200 million in new funding over five years", Language.EN))
>>> m.fields.display, m.fields.period
('$200M', 'P5Y')
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
from pipeline.lang.en.dates import YEAR
from pipeline.lexicon import alternation, lang_yaml
from pipeline.money import currencies, display, minor_words
from pipeline.money import words as money_words
from pipeline.overlap import resolve
from schemas.decimals import canonical_decimal
from schemas.models import AmountFields, Change, Qualifier

_DASHES = "-–—"
_WORDS = re.compile(r"[^\W\d_]+|¢")
_WINDOW = 160  # characters looked at after an amount for its rate/period; keeps the scan linear


@dataclass(frozen=True)
class _Lexicon:
    prefix: dict[str, str]
    suffix: dict[str, str]
    qual_before: dict[str, Qualifier]
    qual_after: dict[str, Qualifier]
    per: dict[str, str]
    fractions: dict[str, str]
    not_after: re.Pattern[str]
    not_before: frozenset[str]
    prefix_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    tail_re: re.Pattern[str]
    before_re: re.Pattern[str]
    suffix_by_last_word: dict[str, tuple[str, ...]]
    """Every currency word (lower case) under its last word (``francs``: ``swiss francs``,
    ``francs``?): a fast test that skips the slow ``suffix_re`` search (it may start at any
    position) in documents that name no currency in words."""
    signs: scan.Literals
    """The currency signs (``prefix``): every offset where a ``prefix_re`` sign starts, overlaps
    too (``U.S.$``, ``S.$``)."""
    after: dict[str, str]
    after_re: re.Pattern[str]
    after_gate: re.Pattern[str]
    """A number right before an ``after`` sign (``250 USD``, ``5m USD``); with :func:`_after_scale`
    (``5 million USD``) it is in every ``after_re`` match, and most texts have neither."""
    after_scale: re.Pattern[str]
    """A scale word and an ``after`` sign, tried at the scale words only (``million USD``)."""
    minor: dict[str, str]
    minor_tail: re.Pattern[str]
    cents_codes: frozenset[str]
    change_before: dict[str, Change]
    change_after: dict[str, Change]
    change_before_re: re.Pattern[str]
    change_after_re: re.Pattern[str]
    sign_re: re.Pattern[str]
    range_join: re.Pattern[str]
    range_lead: re.Pattern[str]
    range_tail: re.Pattern[str]
    lead: tuple[int, int]
    """The longest qualifier and the longest ``between``/``from`` a ``prefix_re`` match may
    hold before its sign: with the spaces around them, how far before the sign it can start."""


@cache
def _lexicon() -> _Lexicon:
    """Build the regexes once from the currency and money lexicons."""
    data: dict[str, Any] = lang_yaml("en", "money.yaml")
    prefix: dict[str, str] = {}
    suffix: dict[str, str] = {}
    for code, entry in currencies().items():
        for p in entry.get("prefix", []) or []:
            prefix[str(p)] = code
        for w in entry.get("en", []) or []:
            suffix[fold(str(w))] = code
    for code, extra in data["extra_words"].items():
        for w in extra:
            suffix[fold(str(w))] = code
    minor = {fold(k): v for k, v in minor_words("en").items()}
    for w, code in minor.items():  # `five cents`, `50 pence`: whole words only, never `5c`/`5p` alone
        if len(w) > 2:
            suffix.setdefault(w, code)
    after = money_words("after")
    qual_before = {lexicon_key(k): Qualifier(v) for k, v in data["qualifiers_before"].items()}
    qual_after = {lexicon_key(k): Qualifier(v) for k, v in data["qualifiers_after"].items()}
    per = {lexicon_key(k): v for k, v in data["per"].items()}

    number = num.number_pattern()
    scale = num.scale_pattern()
    qual = rf"(?:(?<![\w])(?P<qual>(?i:{alternation(list(qual_before))}))\s+)?"
    qafter = rf"(?P<qafter>(?:\s+|(?=-))(?i:{alternation(list(qual_after))})\b)?"
    signs = alternation(list(prefix))
    hyphen_scale = rf"(?i:{alternation(num.scale_words())})\b"  # `ten-million-dollar`, `$10-million`
    cur = rf"(?<![A-Za-z0-9])(?:{signs})"
    sep = rf"\s*(?P<sep>[{_DASHES}]|(?i:to|and))\s*"
    prefix_re = re.compile(
        rf"{qual}(?:(?P<between>(?i:between|from))\s+)?"
        rf"(?P<cur>{cur})\s?(?P<n1>{num.NUMERAL})(?!\d|[,.]\d)(?P<s1>{scale}|-{hyphen_scale})?"
        rf"(?:{sep}(?:(?P<cur2>{cur})\s?)?(?P<n2>{num.NUMERAL})(?!\d|[,.]\d)(?P<s2>{scale})?)?"
        rf"{qafter}"
    )
    words = rf"(?i:{alternation(list(suffix))})"
    suffix_re = re.compile(
        rf"{qual}(?:(?P<between>(?i:between|from))\s+)?"
        rf"(?:(?<![\w])(?P<frac>(?i:{alternation(list(data['article_fractions']))}))\s+(?:(?i:of)\s+)?(?=(?i:an?)\b))?"
        rf"(?P<n1>{number}|(?i:\ban?\b)(?=\s*(?i:{alternation(data['article_words'])})\b))(?P<s1>{scale}|-{hyphen_scale})?"
        rf"(?:{sep}(?P<n2>{number})(?P<s2>{scale})?)?"
        rf"(?:\s+|(?<=[\w])-)(?P<cur>{words})(?![\w$-])"
        rf"{qafter}"
    )
    # a parenthetical (or the end of the one the amount sits in) may stand before the words:
    # `¥150 billion (approximately $1 billion) over three years`
    gap = r"(?:\s*\([^()\n]{0,80}\))?\)?(?:\s+[A-Za-z][\w-]*){0,5}?"
    period_unit = r"(?P<pu>years?|months?|decades?)"
    determiners = alternation(data["period_determiners"])
    preps = alternation(data["period_prepositions"])
    tail_re = re.compile(
        rf"{gap}(?:\s+(?P<per>(?i:{alternation(list(per))}))\b"
        rf"|,?\s+(?i:{preps})\s+(?:(?i:{determiners})\s+)?"
        rf"(?:(?P<pn>{number})[\s-]+{period_unit}\b|(?P<pn2>{number})-(?P<pu2>year|month)\s+period|(?P<decade>decade)\b)"
        rf"|,?\s+(?P<yprep>(?i:{alternation(data['year_range_prepositions'])}))\s+(?:(?i:the\s+(?:period|years)\s+)?)"
        rf"(?P<y1>{YEAR})\s*(?P<ysep>[{_DASHES}/]|\s(?i:to|through|thru|and)\s)\s*(?P<y2>{YEAR}|\d{{2}})(?![\w%°]|[.,]\d|[{_DASHES}/]\d))"
    )
    before_re = re.compile(rf"(?P<pn>{number})-(?P<pu>year|month)\s*,?\s*$")
    after_re = re.compile(
        rf"{qual}(?:(?P<between>(?i:between|from))\s+)?"
        rf"(?<![\w.,]){'(?P<n1>' + num.NUMERAL + ')'}(?!\d|[,.]\d)(?P<s1>{scale})?"
        rf"(?:{sep}(?P<n2>{num.NUMERAL})(?!\d|[,.]\d)(?P<s2>{scale})?)?"
        rf"\s?(?P<cur>{alternation(list(after))})(?![A-Za-z0-9])"
        rf"{qafter}"
    )
    minor_alt = alternation(list(minor))
    minor_tail = re.compile(
        rf",?\s*(?:(?i:and)\s+)?(?P<n>\d{{1,2}}|{num.word_number_pattern()})\s?(?P<w>(?i:{minor_alt}))(?![\w$])"
    )
    change_before = {lexicon_key(k): Change(v) for k, v in data["change_before"].items()}
    change_after = {lexicon_key(k): Change(v) for k, v in data["change_after"].items()}
    change_before_re = re.compile(rf"(?<![\w])(?P<w>(?i:{alternation(list(change_before))}))\s+$")
    change_after_re = re.compile(rf"[\s-]+(?P<w>(?i:{alternation(list(change_after))}))\b")
    sign_re = re.compile(r"(?:^|(?<=[\s(]))(?P<s>[+−])$")
    range_join = re.compile(r"\s*(?:[-–—~]|(?i:to|and|through))\s*")
    range_lead = re.compile(r"(?<![\w])(?P<w>(?i:between|from))\s+$")
    range_tail = re.compile(
        rf"(?:(?<![\w])(?i:between)\s+\S+(?:\s+\S+)?\s+(?i:and)\s+|(?:\d|\b(?i:{alternation(list(num.word_values()))}))"
        rf"(?:{scale})?\s*(?:[-–—~]|\s(?i:to|through)\s)\s*)(?:{cur}\s?)?$"
    )
    not_after = re.compile(rf"[\s-]*(?i:{alternation(data['not_money_after'])})\b")
    return _Lexicon(
        prefix,
        suffix,
        qual_before,
        qual_after,
        per,
        {lexicon_key(k): str(v) for k, v in data["article_fractions"].items()},
        not_after,
        frozenset(fold(w) for w in data["not_money_before"]),
        prefix_re,
        suffix_re,
        tail_re,
        before_re,
        _by_last_word(suffix),
        scan.Literals(prefix),
        after,
        after_re,
        re.compile(rf"\d[\w.]{{0,8}}\s?(?:{alternation(list(after))})(?![A-Za-z0-9])"),
        re.compile(rf"[A-Za-z]+\s*(?:{alternation(list(after))})(?![A-Za-z0-9])"),
        minor,
        minor_tail,
        frozenset(data["cents_currencies"]),
        change_before,
        change_after,
        change_before_re,
        change_after_re,
        sign_re,
        range_join,
        range_lead,
        range_tail,
        (max(map(len, qual_before)), len("between")),
    )


def _by_last_word(words: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word in sorted(words):
        out.setdefault(word.split()[-1], []).append(word)
    return {last: tuple(group) for last, group in out.items()}


def _names_currency(text: str, lex: _Lexicon) -> bool:
    """The text holds a currency word (``20 million Swiss francs``): only then is ``suffix_re`` run.
    A last word counts where it stands as a whole run of letters (``[^\\W\\d_]+``) of the
    lower-cased text. An ASCII last word stands there only where :mod:`scan`'s whole-word pass
    (shared with the other English rules) finds it; the few others are looked for one by one."""
    lowered = fold(text)  # the same length: offsets hold
    present = {
        word
        for word, starts in _last_words().starts(text).items()
        if any(_whole_run(lowered, start, start + len(word)) for start in starts)
    }
    for word in _other_last_words():
        start = lowered.find(word)
        while start != -1 and word not in present:
            if _whole_run(lowered, start, start + len(word)):
                present.add(word)
            start = lowered.find(word, start + 1)
    return any(" " not in w or w in lowered for last in present for w in lex.suffix_by_last_word[last])


def _whole_run(lowered: str, start: int, end: int) -> bool:
    """``lowered[start:end]`` is a whole run of letters."""
    return (start == 0 or not _LETTER.match(lowered, start - 1)) and not _LETTER.match(lowered, end)


@cache
def _last_words() -> scan.Words:
    """The last words of the currency names that are ASCII words (most of them)."""
    return scan.Words(w for w in _lexicon().suffix_by_last_word if _ASCII_WORD.fullmatch(w))


@cache
def _other_last_words() -> tuple[str, ...]:
    """The last words of the currency names that are not ASCII words (``króna``)."""
    return tuple(sorted(w for w in _lexicon().suffix_by_last_word if not _ASCII_WORD.fullmatch(w)))


_ASCII_WORD = re.compile(r"[a-z]+")


_LETTER = re.compile(r"[^\W\d_]")


def _after_scale(text: str, lex: _Lexicon) -> bool:
    """A spaced scale word stands right before an ``after`` sign (``5 million USD``)."""
    return any(lex.after_scale.match(text, k) for starts in _scale_words().starts(text).values() for k in starts)


@cache
def _scale_words() -> scan.Words:
    """The scale words that may stand apart from their number (``million``, ``bn``), lower case."""
    return scan.Words(w for w in num.scale_values() if _ASCII_WORD.fullmatch(w))


def _sign_starts(text: str, lex: _Lexicon) -> list[int]:
    """Every offset where a currency sign of ``prefix_re`` starts (``(?<![A-Za-z0-9])``)."""
    return [start for start in lex.signs.starts(text) if start == 0 or text[start - 1] not in _ASCII_ALNUM]


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@cache
def _lead_words() -> scan.Words:
    """The words a ``suffix_re``/``after_re`` match may open with, besides a number."""
    lex = _lexicon()
    return scan.Words(scan.phrase_index([*lex.qual_before, *lex.fractions, "a", "an"]))


def _suffix_starts(text: str, lex: _Lexicon) -> list[int]:
    """Every offset where a ``suffix_re`` or ``after_re`` match may start: a qualifier, a
    fraction, a number or ``a``/``an``, or a ``between``/``from`` before one of the last three
    (the pattern gives it no word boundary before, so it may close a longer word)."""
    heads = scan.merged(
        num.number_starts(text),
        scan.phrase_starts(text, _lead_words(), [*lex.fractions, "a", "an"]),
    )
    return scan.merged(
        heads,
        scan.phrase_starts(text, _lead_words(), lex.qual_before),
        *(scan.preceded(text, heads, word, whole=False) for word in ("between", "from")),
    )


def _iso(n: Decimal | None, unit: str) -> str | None:
    """``5`` + ``years`` -> ``P5Y``, ``1.5`` + ``years`` -> ``P18M``; counts that make no whole
    number of months (``2.5 months``), or none, give ``None``."""
    if n is None:
        return None
    u = unit.lower()
    if u.startswith("decade"):
        return num.iso_duration(n * 10, "Y")
    return num.iso_duration(n, "Y" if u.startswith("year") else "M")


def _rate_and_period(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """Read ``annually``/``over five years`` after the amount and ``five-year`` before it."""
    lex = _lexicon()
    per: str | None = None
    period: str | None = None
    m = lex.tail_re.match(text, end, min(len(text), end + _WINDOW))
    if m:
        if m.group("per"):
            per = lex.per[lexicon_key(m.group("per"))]
        elif m.group("decade"):
            period = "P10Y"
        elif m.group("pn"):
            period = _iso(num.parse_number(m.group("pn")), m.group("pu"))
        elif m.group("pn2"):
            period = _iso(num.parse_number(m.group("pn2")), m.group("pu2"))
        elif m.group("y1"):
            period = _years_period(m)
    if period is None:
        b = lex.before_re.search(text, max(0, start - 40), start)
        if b:
            period = _iso(num.parse_number(b.group("pn")), b.group("pu"))
    return per, period


def _years_period(m: re.Match[str]) -> str | None:
    """``between 2022 and 2026``, ``over 2022-2026``, ``from 2021 to 2025``: the count of the
    years named, both ends included (as the date rules read the same range); ``None`` when the
    words do not make a range (``between 2022 to 2026``, ``in 2022 and 2026``)."""
    y1, raw2 = int(m.group("y1")), m.group("y2")
    sep, prep = fold(m.group("ysep").strip()), fold(m.group("yprep"))
    if len(raw2) == 2:
        if sep not in _DASHES + "/":
            return None
        y2 = y1 - y1 % 100 + int(raw2)
    else:
        y2 = int(raw2)
    if (sep == "and") != (prep == "between") or y2 <= y1:
        return None
    return f"P{y2 - y1 + 1}Y"


def _blocked(text: str, m: re.Match[str], cur_end: int) -> bool:
    """Currency word used as a noun modifier (``euro area``) or a price-level year (``constant 2015 dollars``)."""
    lex = _lexicon()
    if lex.not_after.match(text, cur_end, min(len(text), cur_end + 20)):
        return True
    before = text[max(0, m.start() - 20) : m.start()].split()
    return bool(before) and fold(before[-1]) in lex.not_before


_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}$")


def _thousands_dot(numeral: str, scale: str | None) -> bool:
    """``3.000`` or ``1.500 million`` may be European thousands (3000, 1500 million); ``$1.125 billion``
    (a scale, and a tail no writer pads with zeros) is a decimal."""
    return bool(_THOUSANDS_DOT.match(numeral)) and (not scale or numeral.endswith("00"))


_FRACTION_BEFORE = re.compile(r"(?i:\b(?:half|quarter|third|fourth|fifth|tenth)s?\s+(?:of\s+)?)$")


def _values(m: re.Match[str], *, has_cur2: bool, suffix_form: bool) -> tuple[Decimal | None, Decimal | None, int] | None:
    """The value, the upper end of a range (or None) and where the number part ends; None when
    the currency word belongs to a second number that does not make a range."""
    n1 = m.group("n1")
    frac = m.groupdict().get("frac")
    if frac:  # `half a million dollars`: the fraction stands for the number
        fraction = Decimal(_lexicon().fractions[lexicon_key(frac)])
        return num.scaled(fraction, m.group("s1")), None, m.end("s1") if m.group("s1") else m.end("n1")
    if fold(n1) in ("a", "an") and _FRACTION_BEFORE.search(m.string, max(0, m.start("n1") - 12), m.start("n1")):
        return None  # `half a billion dollars`: a fraction we do not read is no amount, not a billion
    v1 = Decimal(1) if fold(n1) in ("a", "an") else num.parse_number(n1)
    s1, s2, n2 = m.group("s1"), m.group("s2"), m.group("n2")
    if _thousands_dot(n1, s1) or (n2 and _thousands_dot(n2, s2)):
        return None  # `€ 3.000`: 3 or 3000 (a European thousands dot); no value rather than a wrong one
    sep = fold(m.group("sep") or "")
    between = fold(m.group("between") or "")
    if n2 and (sep != "and" or between == "between") and (bool(s2) or has_cur2 or sep in _DASHES or suffix_form):
        value = num.scaled(v1, s1 or s2)
        value_max = num.scaled(num.parse_number(n2), s2 or s1)
        if value is not None and value_max is not None and value_max > value:
            return value, value_max, m.end("s2") if s2 else m.end("n2")
    if n2 and suffix_form:
        return None
    return num.scaled(v1, s1), None, m.end("s1") if s1 else m.end("n1")


def _build(
    text: str, m: re.Match[str], code: str, rule: str, *, has_cur2: bool, suffix_form: bool, minor: bool = False
) -> Mention[AmountFields] | None:
    """Turn one regex match into a mention: settle range vs single amount, qualifier and span."""
    lex = _lexicon()
    read = _values(m, has_cur2=has_cur2, suffix_form=suffix_form)
    if read is None:
        return None
    value, value_max, core_end = read
    s1, s2 = m.group("s1"), m.group("s2")
    between = fold(m.group("between") or "")
    if suffix_form:
        core_end = m.end("cur")
    start = m.start()
    qualifier = Qualifier.EXACT
    if between and value_max is None:
        start = min(m.start("cur"), m.start("n1"))
    elif m.group("qual"):
        qualifier = lex.qual_before[lexicon_key(m.group("qual"))]
    end = core_end
    if m.group("qafter") and m.start("qafter") == core_end:
        end = m.end("qafter")
        if qualifier is Qualifier.EXACT:
            qualifier = lex.qual_after[lexicon_key(m.group("qafter").strip())]
    if value is None or value <= 0:
        return None
    if minor:
        value, value_max = value / 100, _hundredths(value_max)
    elif value_max is None and not (s1 or s2):
        joined = _with_minor_unit(text, end, value, code)
        if joined is None:
            return None
        value, end = joined
    per, period = _rate_and_period(text, start, end)
    shown = display(value, code) + (f"-{display(value_max, code)}" if value_max is not None else "")
    change, start = _change(text, start, end)
    fields = AmountFields(
        value=value,
        currency=code,
        qualifier=qualifier,
        value_max=value_max,
        display=shown,
        per=per,
        period=period,
        change=change,
    )
    return Mention(start, end, rule + ("_range" if value_max is not None else ""), fields)


def _hundredths(value: Decimal | None) -> Decimal | None:
    """``85 cents`` -> 0.85: an amount in the hundredth unit, in the main unit."""
    return None if value is None else canonical_decimal(value / 100)


def _with_minor_unit(text: str, end: int, value: Decimal, code: str) -> tuple[Decimal, int] | None:
    """``$15 and 20c``, ``4 GBP 5 pence``, ``2 dollars and sixty cents``: the hundredths after the
    main unit join the amount; hundredths that do not fit it give no amount (not a wrong one)."""
    lex = _lexicon()
    tail = lex.minor_tail.match(text, end)
    if tail is None:
        return value, end
    cents = num.parse_number(tail.group("n"))
    unit = lex.minor[fold(tail.group("w"))]
    if cents is None or cents >= 100 or not (unit == code or (unit == "USD" and code in lex.cents_codes)):
        return None
    return canonical_decimal(value + cents / 100), tail.end()


def _change(text: str, start: int, end: int) -> tuple[Change | None, int]:
    """``decreased by $3 billion``, ``a $2 million increase``, ``+$5 million``: a signed change,
    and the start of the span (a sign joins it, words do not)."""
    lex = _lexicon()
    if (m := lex.sign_re.search(text, max(0, start - 1), start)) is not None:
        return (Change.DECREASE if m.group("s") == "−" else Change.INCREASE), m.start("s")
    if (m := lex.change_before_re.search(text, max(0, start - 30), start)) is not None:
        return lex.change_before[lexicon_key(m.group("w"))], start
    if (m := lex.change_after_re.match(text, end)) is not None:
        return lex.change_after[fold(m.group("w"))], start
    return None, start


def extract_amounts(ctx: DocContext) -> list[Mention[AmountFields]]:
    """Every money amount in the text, overlaps settled longest-first."""
    lex = _lexicon()
    text = ctx.text
    out: list[Mention[AmountFields]] = []
    for pattern, suffix_form in ((lex.prefix_re, False), (lex.suffix_re, True), (lex.after_re, True)):
        if pattern is lex.suffix_re and not _names_currency(text, lex):
            continue
        if pattern is lex.after_re and lex.after_gate.search(text) is None and not _after_scale(text, lex):
            continue
        search = _SuffixSearch(pattern, text, lex).search if suffix_form else _PrefixSearch(text, lex).search
        pos = 0
        while (m := search(text, pos)) is not None:
            # resume right after the first number, so a second amount the match swallowed
            # as a would-be range (`$2 billion and $3 billion`) is still found
            pos = max(m.end("n1"), m.start() + 1)
            mention = _match_to_mention(text, m, pattern)
            if mention:
                out.append(mention)
                if mention.rule.endswith("_range"):
                    pos = max(pos, mention.end)
    return [m for m in _joined_ranges(text, resolve(out)) if not _range_tail(text, m)]


def _joined_ranges(text: str, mentions: list[Mention[AmountFields]]) -> list[Mention[AmountFields]]:
    """``from 5 dollars to 8 dollars``, ``5 euros - 8 euros``: two ends of one range become one
    amount (``between`` / ``from`` join the span, as in ``between $2 and $3 billion``)."""
    lex = _lexicon()
    out: list[Mention[AmountFields]] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.fields.value_max is None and m.fields.value_max is None:
            gap = lex.range_join.fullmatch(text, prev.end, m.start)
            lead = lex.range_lead.search(text, max(0, prev.start - 10), prev.start)
            word = fold(gap.group().strip()) if gap else ""
            if (
                gap is not None
                and prev.fields.currency == m.fields.currency
                and m.fields.value > prev.fields.value
                and (word != "and" or (lead is not None and fold(lead.group("w")) == "between"))
                and prev.fields.change is None
            ):
                start = lead.start() if lead is not None else prev.start
                low, high = prev.fields.value, m.fields.value
                shown = f"{display(low, prev.fields.currency)}-{display(high, prev.fields.currency)}"
                fields = prev.fields.model_copy(update={"value_max": high, "display": shown})
                out[-1] = Mention(start, m.end, prev.rule + "_range", fields)
                continue
        out.append(m)
    return out


def _range_tail(text: str, m: Mention[AmountFields]) -> bool:
    """The upper end of a range whose lower end was not understood (``between 5 and 8 dollars``
    read as 8 alone): better no amount than half a range."""
    return m.fields.value_max is None and _lexicon().range_tail.search(text, max(0, m.start - 40), m.start) is not None


def _skip_spaces_back(text: str, i: int) -> int:
    """The start of the whitespace run that ends at ``i``."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


class _PrefixSearch:
    """``prefix_re.search`` tried only near currency signs: every match holds one, after at most
    a qualifier and ``between``/``from`` with their spaces, so the slow scan of every offset
    (the optional qualifier may start anywhere) becomes a few ``match`` calls per sign."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.pattern = lex.prefix_re
        longest_qual, longest_between = lex.lead
        starts: list[int] = []
        for c in _sign_starts(text, lex):
            lo = _skip_spaces_back(text, max(0, _skip_spaces_back(text, c) - longest_between))
            starts.extend(range(max(0, lo - longest_qual, starts[-1] + 1 if starts else 0), c + 1))
        self.starts = starts

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        """The leftmost match starting at or after ``pos``, as ``prefix_re.search(text, pos)``."""
        return scan.search(self.pattern, text, self.starts, pos)


class _SuffixSearch:
    """``suffix_re.search``/``after_re.search`` tried only where a match may start."""

    def __init__(self, pattern: re.Pattern[str], text: str, lex: _Lexicon) -> None:
        self.pattern = pattern
        self.starts = _suffix_starts(text, lex)

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        return scan.search(self.pattern, text, self.starts, pos)


def _match_to_mention(text: str, m: re.Match[str], pattern: re.Pattern[str]) -> Mention[AmountFields] | None:
    lex = _lexicon()
    if pattern is lex.after_re:
        sign = m.group("cur")
        minor = sign in lex.minor  # 10¢
        code = lex.after[sign]
        return _build(text, m, code, "en.amount.number_sign", has_cur2=False, suffix_form=True, minor=minor)
    if pattern is lex.suffix_re:
        if _blocked(text, m, m.end("cur")):
            return None
        word = lexicon_key(m.group("cur"))
        code = lex.suffix[word]
        minor = word in lex.minor
        rule = "en.amount.number_minor_word" if minor else "en.amount.number_scale_word"
        return _build(text, m, code, rule, has_cur2=False, suffix_form=True, minor=minor)
    sign = m.group("cur")
    code = lex.prefix[sign]
    cur2 = m.group("cur2")
    rule = "en.amount.code_number_scale" if sign.isalpha() else "en.amount.symbol_number_scale"
    return _build(text, m, code, rule, has_cur2=bool(cur2) and lex.prefix[cur2] == code, suffix_form=False)
