"""Korean money amounts: a number, a currency word or sign, and the words around them.

Extracted:
- ``250억불``, ``3,500억 원``, ``일억 오천만 원``, ``5천만유로``, ``미화 5억 달러`` (Korean number
  then a currency word of ``currencies.yaml`` or ``ko/amounts.yaml``; the prefix ``미화`` joins
  the span);
- English amounts inside Korean text: ``$1.5 billion``, ``USD 2 billion``, ``US$ 300 million``,
  ``₩1.2조``, ``20 million euros``;
- ranges ``2억~3억 달러``, ``2~3억 달러``, ``2억에서 3억 달러`` -> ``value`` + ``value_max``;
- qualifiers: written after the amount (``이상``, ``초과``, ``이하``, ``미만``, ``까지``, ``가량``,
  ``정도``, ``안팎``, ``100억원대``, ``10억 달러가 넘는``) or before it (``약``, ``최대``, ``최소``),
  and the infix ``10여억``; an adjacent qualifier word is part of the span (``250억불 이상``),
  a following particle is not (``이상의`` -> span ends at ``이상``);
- ``per`` for rates (``연간``/``매년``/``annually`` -> ``P1Y``) and ``period`` for a spread
  (``5년에 걸쳐 2억불``, ``3년간 총 10억 달러``, ``2억 달러를 5년에 걸쳐`` -> ``P5Y``); these
  words are not part of the span.

Not extracted: numbers without a currency (``5G``, ``COP26``, ``9개국``, ``1억 명``, ``3억 회분``,
``100만 톤``, ``2030 NDC``: counts and measures belong to the quantities), vague amounts
(``수십억 달러``), a change ``2억 달러에서 3억 달러로`` (two amounts, not a range).

>>> from pipeline.context import context_for_text
>>> [(m.fields.display, m.fields.qualifier.value) for m in extract_amounts(context_for_text("총 250억불 이상에 달한다"))]
[('$25B', 'at_least')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import cast

from pipeline.context import DocContext, Mention
from pipeline.lang.casefold import lexicon_key
from pipeline.lang.ko.common import alternation, data, ends_token, prev_char, starts_token, whole_word
from pipeline.lang.ko.numbers import (
    ARABIC,
    borrow_units,
    has_approx_infix,
    number_ok,
    number_pattern,
    parse_korean_number,
    unit_words,
)
from pipeline.lang.ko.quantities import duration_iso, duration_unit_pattern, native_duration_iso, native_duration_pattern
from pipeline.lang.ko.scan import Anchors, digit_starts, every_match, number_head_class, within
from pipeline.money import currencies, display, minor_words
from pipeline.money import words as money_words
from pipeline.overlap import resolve
from pipeline.text_utils import compact
from schemas.decimals import canonical_decimal
from schemas.models import AmountFields, Change, Qualifier

_GAP = r"(?:[ \t]*\n[ \t]*|\s)?"
"""Between a number and its unit: a space, nothing, or a line break of text pasted from a PDF."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Every word list the amount rules read, and the regexes compiled from them."""

    ko_words: dict[str, str]
    ko_prefixes: dict[str, str]
    prefixes: dict[str, str]
    en_words: dict[str, str]
    scales: dict[str, Decimal]
    post_q: dict[str, Qualifier]
    attached_q: dict[str, Qualifier]
    pre_q: dict[str, Qualifier]
    pre_rates: dict[str, str]
    post_rates: dict[str, str]
    exceed_q: Qualifier
    min_values: dict[str, Decimal]
    change_particles: tuple[str, ...]
    minor: dict[str, str]
    signs: dict[str, str]
    change_words: dict[str, Change]
    simple: re.Pattern[str]
    words: re.Pattern[str]
    minor_re: re.Pattern[str]
    sign_before: re.Pattern[str]
    change_after: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_tail: re.Pattern[str]
    ko_prefixed: re.Pattern[str]
    en_prefixed: re.Pattern[str]
    en_postfixed: re.Pattern[str]
    ranged: re.Pattern[str]
    post: re.Pattern[str]
    exceed: re.Pattern[str]
    post_rate: re.Pattern[str]
    pre: re.Pattern[str]
    period_before: re.Pattern[str]
    period_after: re.Pattern[str]
    currency_after: Anchors
    currency_or_range_after: Anchors
    word_currency_after: Anchors
    minor_after: Anchors
    en_prefix_finder: re.Pattern[str]
    """A looser ``en_prefixed`` (a prefix word, a space, a number's first character) that the
    regex engine scans for fast: ``en_prefixed`` is tried only inside its matches."""


def _keyed(words: dict[str, str]) -> dict[str, str]:
    return {compact(w): v for w, v in words.items()}


def _currency_words(field: str) -> dict[str, str]:
    """Word -> ISO code for one list of ``currencies.yaml`` (``ko``, ``ko_prefix``, ``prefix``, ``en``)."""
    out: dict[str, str] = {}
    for code, entry in currencies().items():
        for word in cast(list[str], entry.get(field) or []):
            out[word] = code
    return out


@cache
def lexicon() -> _Lexicon:
    """Load the currency lexicon and the Korean markers once, and compile the amount regexes."""
    d = data("amounts")
    nums = data("numbers")
    ko_words = _currency_words("ko")
    ko_prefixes = _currency_words("ko_prefix")
    for code, extra in d["extra_currency_prefixes"].items():
        for w in extra:
            ko_prefixes[w] = code
    prefixes = _currency_words("prefix")
    en_words = _currency_words("en")
    for code, extra in d["extra_currency_words"].items():
        for w in extra:
            ko_words[w] = code
    for sign, code in money_words("after").items():
        ko_words.setdefault(sign, code)
    minor = minor_words("ko")
    sino = "".join(k for k in nums["digits"]) + "".join(nums["small_units"]) + "".join(nums["big_units"])
    sino_digits = "".join(nums["digits"])
    decimal_point = d["decimal_point"]
    scales = {k: Decimal(v) for k, v in nums["english_scales"].items()}
    scale_words = [k for k in scales if len(k) > 1] + [k.capitalize() for k in scales if len(k) > 1]
    scale_alt = alternation(scale_words + [k for k in scales if len(k) == 1])
    num = number_pattern()
    ko_alt = alternation(ko_words)
    seps = alternation(d["range_separators"])
    breaks = re.escape(d["clause_breaks"])
    fillers = alternation(d["fillers"])
    dur = duration_unit_pattern()
    native_dur = native_duration_pattern()
    marks = alternation(d["period_markers"])
    endings = "".join(d["clause_endings"])
    gap = rf"(?:[^\s\d{breaks}]+(?<![{endings}])\s+){{0,2}}"
    pre_words = alternation([*d["pre_qualifiers"], *d["pre_rates"]])
    return _Lexicon(
        ko_words=_keyed(ko_words),
        ko_prefixes=_keyed(ko_prefixes),
        prefixes=_keyed(prefixes),
        en_words={lexicon_key(k): v for k, v in en_words.items()},
        scales={**scales, **{k.capitalize(): v for k, v in scales.items() if len(k) > 1}},
        post_q={k: Qualifier(v) for k, v in d["post_qualifiers"].items()},
        attached_q={k: Qualifier(v) for k, v in d["attached_qualifiers"].items()},
        pre_q={k: Qualifier(v) for k, v in d["pre_qualifiers"].items()},
        pre_rates=dict(d["pre_rates"]),
        post_rates={compact(k): v for k, v in d["post_rates"].items()},
        exceed_q=Qualifier(d["exceed_qualifier"]),
        min_values={compact(k): Decimal(v) for k, v in d.get("min_values", {}).items()},
        change_particles=tuple(d["change_particles"]),
        minor=_keyed(minor),
        signs=dict(d["change_signs"]),
        change_words={compact(k): Change(v) for k, v in d["change_words"].items()},
        simple=re.compile(rf"(?P<num>{num}){_GAP}(?P<cur>{ko_alt})"),
        words=re.compile(
            rf"(?<![가-힣])(?P<num>[{sino}]+(?:{decimal_point}[{sino_digits}]+)?)\s?(?P<cur>{ko_alt}|{alternation(minor)})"
        ),
        minor_re=re.compile(rf"(?P<num>{num}){_GAP}(?P<cur>{alternation(minor)})"),
        sign_before=re.compile(rf"(?:^|(?<=[\s(\[:]))(?P<s>[{re.escape(''.join(d['change_signs']))}])$"),
        change_after=re.compile(
            rf"(?:\s?(?:{alternation(d['change_particles_before_word'])}))?\s?(?P<w>{alternation(d['change_words'])})"
        ),
        range_gap=re.compile(rf"\s?(?:{seps})\s?"),
        range_tail=re.compile(rf"(?:\d|[{sino}])\s?(?:{seps})\s?$"),
        ko_prefixed=re.compile(rf"(?P<kp>{alternation(ko_prefixes)})\s?(?P<num>{num})(?:\s?(?P<cur>{ko_alt}))?"),
        en_prefixed=re.compile(
            rf"(?<![A-Za-z])(?P<pre>{alternation(prefixes)})\s?(?P<num>{num})"
            rf"(?:\s?[-–~]\s?(?:(?P=pre)\s?)?(?P<num2>{num}))?(?:\s?(?P<scale>{scale_alt})(?![A-Za-z]))?"
        ),
        en_postfixed=re.compile(
            rf"(?<![\d,.])(?P<num>{ARABIC})(?:\s?(?P<scale>{scale_alt}))?\s(?P<en>(?i:{alternation(en_words)}))(?![A-Za-z])"
        ),
        ranged=re.compile(rf"(?P<a>{num})(?:\s?(?P<cura>{ko_alt}))?\s?(?P<sep>{seps})\s?(?P<b>{num})\s?(?P<cur>{ko_alt})"),
        post=re.compile(rf"\s?(?P<q>{alternation(d['post_qualifiers'])})"),
        exceed=re.compile(rf"(?:{alternation(d['exceed_particles'])})?\s?(?P<q>{alternation(d['exceed_verbs'])})"),
        post_rate=re.compile(rf"\s?(?P<r>{alternation(d['post_rates'])})(?![A-Za-z])"),
        pre=re.compile(rf"(?P<w>{pre_words})\s?$"),
        period_before=re.compile(
            rf"(?:(?P<n>\d+(?:\.\d+)?)\s?(?P<u>{dur})|{native_dur})\s?(?:{marks})(?:\s+(?:{fillers}))?\s+{gap}$"
        ),
        period_after=re.compile(
            rf"(?:{alternation(d['period_object_particles'])})\s+(?:(?:{alternation(d['period_lead_words'])})\s+)?(?:(?P<n>\d+(?:\.\d+)?)\s?(?P<u>{dur})|{native_dur})\s?(?:{marks})"
        ),
        currency_after=Anchors(ko_words),
        currency_or_range_after=Anchors([*ko_words, *d["range_separators"]]),
        word_currency_after=Anchors([*ko_words, *minor]),
        minor_after=Anchors(minor),
        en_prefix_finder=re.compile(rf"(?:{alternation(prefixes)})\s?[{number_head_class()}]"),
    )


@dataclass(slots=True)
class _Draft:
    """An amount being assembled: span, value(s), currency, and what the context adds."""

    start: int
    end: int
    value: Decimal
    currency: str
    rule: str
    value_max: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    per: str | None = None
    period: str | None = None
    change: Change | None = None


def _searches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, retrying one character later after each match.

    Unlike ``finditer`` a rejected match (``제3조 10억 원``) does not hide a shorter one
    inside it; each retry reads only the rejected match again, so this stays linear.
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


_Builder = Callable[[DocContext, re.Match[str]], "_Draft | None"]


def _number_value(ctx: DocContext, m: re.Match[str], group: str = "num") -> Decimal | None:
    """The value of the number group of ``m`` if Kiwi agrees it is a number, else None."""
    if not number_ok(ctx, m.start(group), m.end(group)):
        return None
    return parse_korean_number(m.group(group))


def _from_simple(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``250억불``, ``3,500억 원``: a Korean number then a currency word ending a token."""
    lex = lexicon()
    value = _number_value(ctx, m)
    if value is None or not ends_token(ctx, m.end("cur")):
        return None
    if value < lex.min_values.get(compact(m.group("cur")), 0):
        return None
    draft = _Draft(m.start(), m.end(), value, lex.ko_words[compact(m.group("cur"))], "ko.amount.number_currency")
    if has_approx_infix(m.group("num")):
        draft.qualifier = Qualifier.APPROX
    return draft


def _from_ko_prefixed(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``미화 5억 달러``, ``미화 5억``, ``미 달러 5억``: the Korean currency prefix names the currency
    (a currency word after the number must name the same one)."""
    lex = lexicon()
    value = _number_value(ctx, m)
    if value is None or not starts_token(ctx, m.start("kp")):
        return None
    code = lex.ko_prefixes[compact(m.group("kp"))]
    if m.group("cur") is not None and (not ends_token(ctx, m.end("cur")) or lex.ko_words[compact(m.group("cur"))] != code):
        return None  # 미 달러 1,100원: a rate, the number is in won
    end = m.end("cur") if m.group("cur") is not None else m.end("num")
    return _Draft(m.start(), end, value, code, "ko.amount.prefix_number_currency")


def _from_en_prefixed(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``$1.5 billion``, ``USD 2 billion``, ``US$ 300 million``, ``₩1.2조``."""
    lex = lexicon()
    low_text = borrow_units(m.group("num"), m.group("num2")) if m.group("num2") else m.group("num")
    value = parse_korean_number(low_text)
    high = parse_korean_number(m.group("num2")) if m.group("num2") else None
    if value is None or (m.group("num2") and (high is None or high <= value)):
        return None  # `$5-3 billion`: not a range we understand, and half of it would be wrong
    scale = lex.scales[m.group("scale")] if m.group("scale") else Decimal(1)
    code = lex.prefixes[compact(m.group("pre"))]
    value_max = canonical_decimal(high * scale) if high is not None else None
    return _Draft(m.start(), m.end(), canonical_decimal(value * scale), code, "ko.amount.english_prefix", value_max=value_max)


def _from_en_postfixed(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``20 million euros``, ``5 billion dollars`` inside Korean text."""
    lex = lexicon()
    before = ctx.text[m.start() - 1] if m.start() else ""
    value = parse_korean_number(m.group("num"))
    if value is None or (before and (before.isalnum() or before in ".,$")):
        return None
    if m.group("scale"):
        value = canonical_decimal(value * lex.scales[m.group("scale")])
    return _Draft(m.start(), m.end(), value, lex.en_words[lexicon_key(m.group("en"))], "ko.amount.english_postfix")


def _sino_value(text: str) -> Decimal | None:
    """``삼천이백오십만`` -> 32500000, ``만`` -> 10000, ``이점오`` -> 2.5: Sino-Korean numerals in words."""
    point = data("amounts")["decimal_point"]
    whole, _, fraction = text.partition(point)
    big = data("numbers")["big_units"]
    value = parse_korean_number(("일" + whole) if whole[:1] in big else whole)  # 만오천 = 일만오천
    if value is None:
        return None
    if fraction:
        digits = data("numbers")["digits"]
        if value != value.to_integral_value() or any(c not in digits for c in fraction):
            return None
        value += Decimal("0." + "".join(str(digits[c]) for c in fraction))
    return value


def _from_words(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``삼십달러``, ``만유로``, ``만불``, ``이점오달러``, ``오십센트``: a number written in Sino-Korean words.

    A lone digit syllable before a one-syllable currency word is part of another word
    (``일원`` a member, ``구원`` rescue, ``사원``), so the number must hold a unit or the currency
    word two syllables (``오달러``); the match must start a word and end a token.
    """
    lex = lexicon()
    num, cur = m.group("num"), compact(m.group("cur"))
    small, big = unit_words()
    if num in big and not _lone_unit_ok(ctx, m):
        return None
    has_unit = any(c in small or c in big for c in num) or data("amounts")["decimal_point"] in num
    if not has_unit and len(cur) < 2:
        return None
    if not ends_token(ctx, m.end("cur")):
        return None
    value = _sino_value(num)
    if value is None:
        return None
    if cur in lex.minor:
        return _Draft(m.start(), m.end(), canonical_decimal(value / 100), lex.minor[cur], "ko.amount.words_minor")
    if value < lex.min_values.get(cur, 0):
        return None
    return _Draft(m.start(), m.end(), canonical_decimal(value), lex.ko_words[cur], "ko.amount.words_currency")


_LABEL_BEFORE = re.compile(r"(?:[(:/,\[<]|단위)\s*$")


def _lone_unit_ok(ctx: DocContext, m: re.Match[str]) -> bool:
    """``만원``, ``만불``, ``만 원``: ten thousand, written as the unit alone before the currency. A
    table's unit label (``(억 달러, %)``, ``단위: 만원``) looks the same and is no amount; spaced,
    the unit must begin a word and be Kiwi's numeral (``1개만 원하는``: the particle 만)."""
    if m.group("num") not in data("amounts")["lone_units"]:
        return False
    if m.end("num") != m.start("cur"):
        token = ctx.token_at(m.start("num"))
        spaced_numeral = token is not None and token.tag == "NR" and ctx.text[m.end("num") : m.start("cur")] == " "
        if not spaced_numeral or not starts_token(ctx, m.start("num")) or prev_char(ctx.text, m.start()).isalnum():
            return False
    if _DIGIT_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()):
        return False  # 10 만 원: the rest of a number split by a space, not ten thousand
    return _LABEL_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()) is None


_DIGIT_BEFORE = re.compile(r"\d[ \t]*$")


def _from_minor(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``50센트``, ``20펜스``: the hundredth unit of a currency alone."""
    lex = lexicon()
    value = _number_value(ctx, m)
    if value is None or not ends_token(ctx, m.end("cur")):
        return None
    return _Draft(m.start(), m.end(), canonical_decimal(value / 100), lex.minor[compact(m.group("cur"))], "ko.amount.minor")


def _from_range(ctx: DocContext, m: re.Match[str]) -> _Draft | None:
    """``2억~3억 달러``, ``2억에서 3억 달러``: one amount with ``value_max``; a change is not a range."""
    lex = lexicon()
    if not (number_ok(ctx, m.start("a"), m.end("a")) and number_ok(ctx, m.start("b"), m.end("b"))):
        return None
    if not ends_token(ctx, m.end("cur")):
        return None
    currency = lex.ko_words[compact(m.group("cur"))]
    if m.group("cura") is not None and lex.ko_words[compact(m.group("cura"))] != currency:
        return None
    if ctx.text.startswith(lex.change_particles, m.end()):
        return None
    high = parse_korean_number(m.group("b"))
    low = parse_korean_number(borrow_units(m.group("a"), m.group("b")))
    if low is None or high is None or high <= low:
        return None
    return _Draft(m.start(), m.end(), low, currency, "ko.amount.range", value_max=high)


def _add_post_context(ctx: DocContext, draft: _Draft) -> None:
    """Qualifiers and rate/period words after the amount; a qualifier word joins the span."""
    lex = lexicon()
    text, end = ctx.text, draft.end
    for word, qual in lex.attached_q.items():
        if text.startswith(word, end) and ends_token(ctx, end + len(word)):
            draft.end, draft.qualifier = end + len(word), qual
            return
    if (m := lex.post.match(text, end)) and whole_word(ctx, m.start("q"), m.end("q")):
        draft.end = m.end("q")
        draft.qualifier = lex.post_q[m.group("q")]
    elif (m := lex.exceed.match(text, end)) and starts_token(ctx, m.start("q")):
        draft.end, draft.qualifier = m.end("q"), lex.exceed_q
    if (m := lex.post_rate.match(text, draft.end)) is not None:
        draft.per = lex.post_rates[compact(m.group("r"))]
    if draft.period is None and (m := lex.period_after.match(text, draft.end)) is not None:
        draft.period = _period_of(ctx, m)


def _add_pre_context(ctx: DocContext, draft: _Draft) -> None:
    """Qualifier (joins the span), rate word and spreading period written before the amount."""
    lex = lexicon()
    for _ in range(3):  # at most: rate word, filler, qualifier ("연간 총 약 5억 달러")
        lo = max(0, draft.start - 12)
        m = lex.pre.search(ctx.text, lo, draft.start)
        if m is None or not starts_token(ctx, m.start("w")) or not ends_token(ctx, m.end("w")):
            break
        word = m.group("w")
        if prev_char(ctx.text, m.start("w")).isalnum():
            break  # a syllable of a longer word: 규약, 10월
        if word in lex.pre_q and draft.per is None:
            draft.start = m.start("w")
            if draft.qualifier is Qualifier.EXACT:  # a qualifier after the amount wins
                draft.qualifier = lex.pre_q[word]
            continue
        if word in lex.pre_rates and draft.per is None:
            draft.per = lex.pre_rates[word]
        break
    _add_period_before(ctx, draft)


def _add_period_before(ctx: DocContext, draft: _Draft) -> None:
    """A period phrase before the amount in its clause (``5년에 걸쳐 2억불``, ``석 달간 5억 원``)."""
    lo = max(0, draft.start - 40)
    if (m := lexicon().period_before.search(ctx.text, lo, draft.start)) is None:
        return
    if m.group("n") is None:
        draft.period = _period_of(ctx, m)  # 석 달간 5억 원, 이틀간
    elif starts_token(ctx, m.start("n")):
        before = prev_char(ctx.text, m.start("n"))
        if _YEARS_BEFORE.search(ctx.text, max(0, m.start("n") - 8), m.start("n")):
            return  # 1년 6개월간: the months alone would be a wrong period
        if not before or not (before.isdigit() or before in _NUMBER_OR_RANGE):  # 3~5년간: a range has no one period
            draft.period = duration_iso(Decimal(m.group("n")), m.group("u"))


def _period_of(ctx: DocContext, m: re.Match[str]) -> str | None:
    """The ISO period of a period phrase: digits and a unit (``5년``) or a native duration (``두 달``)."""
    if m.group("n") is not None:
        return duration_iso(Decimal(m.group("n")), m.group("u"))
    return native_duration_iso(ctx, m)


_NUMBER_OR_RANGE = ".,~∼～〜-–"
_YEARS_BEFORE = re.compile(r"\d\s?년\s?$")
"""Characters before a period's number that make it part of another number or of a range."""


def _joined(ctx: DocContext, drafts: list[_Draft]) -> list[_Draft]:
    """Join what belongs together: ``3달러 50센트`` (major and minor unit of one currency) and
    ``5달러~8달러`` / ``오달러 - 팔달러`` (two ends of one range; a change ``…에서 …로`` stays two)."""
    lex = lexicon()
    ordered = sorted(drafts, key=lambda d: (d.start, -d.end))
    out: list[_Draft] = []
    for draft in ordered:
        prev = out[-1] if out else None
        if prev is None or draft.start < prev.end or prev.currency != draft.currency:
            out.append(draft)
            continue
        gap = ctx.text[prev.end : draft.start]
        if prev.rule.endswith("minor") is False and draft.rule.endswith("minor") and gap.strip() == "" and prev.value_max is None:
            prev.end, prev.value, prev.rule = draft.end, canonical_decimal(prev.value + draft.value), prev.rule + "_minor"
            continue
        sep = lex.range_gap.fullmatch(gap) or _between(ctx, gap, draft.end)
        if (
            sep
            and not ctx.text.startswith(lex.change_particles, draft.end)
            and draft.value > prev.value
            and prev.value_max is None
        ):
            prev.end, prev.value_max, prev.rule = draft.end, draft.value, "ko.amount.range"
            continue
        out.append(draft)
    return out


def _between(ctx: DocContext, gap: str, end: int) -> bool:
    """``10달러와 20달러 사이``: two amounts joined by 와/과 and followed by 사이 are one range."""
    d = data("amounts")
    return gap.strip() in d["between_joiners"] and ctx.text[end : end + 4].lstrip().startswith(d["between_word"])


def _add_change(ctx: DocContext, draft: _Draft) -> None:
    """A sign written before (``+3.4조원``, ``△0.8조원``) or a verb after (``1.2억 달러 감소``): the
    amount is a change; the sign joins the span, the verb does not."""
    lex = lexicon()
    if (m := lex.sign_before.search(ctx.text, max(0, draft.start - 2), draft.start)) is not None:
        draft.start, draft.change = m.start("s"), Change(lex.signs[m.group("s")])
        return
    if (m := lex.change_after.match(ctx.text, draft.end)) is not None and starts_token(ctx, m.start("w")):
        draft.change = lex.change_words[compact(m.group("w"))]


def _range_tail(ctx: DocContext, draft: _Draft) -> bool:
    """The amount is the upper end of a range whose lower end was not understood (``5-8달러``
    read only as 8): emitting it alone would give a wrong value."""
    lo = max(0, draft.start - 8)
    return draft.value_max is None and lexicon().range_tail.search(ctx.text, lo, draft.start) is not None


def _mention(ctx: DocContext, draft: _Draft) -> Mention[AmountFields]:
    """Freeze a draft into a mention with its display form."""
    shown = display(draft.value, draft.currency)
    if draft.value_max is not None:
        shown = f"{shown}-{display(draft.value_max, draft.currency)}"
    fields = AmountFields(
        value=draft.value,
        currency=draft.currency,
        qualifier=draft.qualifier,
        value_max=draft.value_max,
        display=shown,
        period=draft.period,
        per=draft.per,
        change=draft.change,
    )
    return Mention(draft.start, draft.end, draft.rule, fields)


def _scans(text: str) -> tuple[tuple[re.Pattern[str], Iterable[int] | None, _Builder], ...]:
    """Each amount pattern, the positions of ``text`` where it can start (None: it is scanned
    for over the whole text) and its builder (``pipeline.lang.ko.scan``): a number followed by
    the words the pattern needs, a digit not preceded by another one (``en_postfixed`` starts
    with one), or inside a match of a looser pattern; ``ko_prefixed`` starts with one of three
    words, which the regex engine already scans for fast."""
    lex = lexicon()
    return (
        (lex.simple, lex.currency_after.starts(text), _from_simple),
        (lex.ko_prefixed, None, _from_ko_prefixed),
        (lex.en_prefixed, within(lex.en_prefix_finder, text), _from_en_prefixed),
        (lex.en_postfixed, digit_starts(text), _from_en_postfixed),
        (lex.ranged, lex.currency_or_range_after.starts(text), _from_range),
        (lex.words, lex.word_currency_after.starts(text), _from_words),
        (lex.minor_re, lex.minor_after.starts(text), _from_minor),
    )


def extract_amounts(ctx: DocContext) -> list[Mention[AmountFields]]:
    """Every money amount of the document, non-overlapping, in text order."""
    text = ctx.text
    drafts: list[_Draft] = []
    for pattern, starts, build in _scans(text):
        matches = _searches(pattern, text) if starts is None else every_match(pattern, text, starts)
        for m in matches:
            draft = build(ctx, m)
            if draft is not None:
                drafts.append(draft)
    kept = {(m.start, m.end, m.rule) for m in resolve([Mention(d.start, d.end, d.rule, None) for d in drafts])}
    drafts = _joined(ctx, [d for d in drafts if (d.start, d.end, d.rule) in kept])
    mentions = []
    for draft in drafts:
        if _range_tail(ctx, draft):
            continue
        _add_post_context(ctx, draft)
        _add_pre_context(ctx, draft)
        _add_change(ctx, draft)
        mentions.append(_mention(ctx, draft))
    return resolve(mentions)
