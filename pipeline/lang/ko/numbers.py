"""Korean numbers: Arabic digits, Sino-Korean words and the myriad units 만/억/조, in any mix.

Parsed: ``3,500억``, ``2.5억``, ``1조 2천억``, ``5억 4천만``, ``1억 2,500만``, ``4백만``,
``2천5백만``, ``삼천만``, ``일억 오천만``, the approximate infix ``10여억`` / ``1억여``.
Native Korean numerals before a counter (``두`` 명, ``석`` 달, ``열두`` 달, ``스무`` 명) are read by
``parse_native``. Not parsed: vague numbers (``수십억``, ``몇억``: the rules refuse a number right
after 수/몇; ``두세`` 명, ``한두`` 달), ordinals (``제3조``).

>>> parse_korean_number("1조 2천억")
Decimal('1200000000000')
>>> parse_korean_number("일억 오천만")
Decimal('150000000')
>>> parse_korean_number("1억 2,500만")
Decimal('125000000')
>>> parse_korean_number("2.5억")
Decimal('250000000')
>>> parse_korean_number("억만") is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from pipeline.context import DocContext
from pipeline.lang.ko.common import alternation, data, ends_token, prev_char, starts_token
from schemas.decimals import canonical_decimal

ARABIC = r"(?:\d{1,3}(?:,\d{3})++(?:\.\d+)?+|\d++(?:\.\d+)?+)"
"""Arabic digits with thousands commas and an optional decimal part (possessive: no backtracking)."""

# Kiwi tags a number's pieces may carry: digits, numerals, the bound noun 조 (``₩1.2조``), the
# suffix 여 (``10여억``) and the comma/space symbols. A Sino-Korean word read as a noun (``백신``)
# fails this check.
NUMBER_TAGS = frozenset({"SN", "NR", "NNB", "XSN", "SO", "SP", "SW", "W_SERIAL"})


@cache
def _lexicon() -> tuple[dict[str, int], dict[str, int], dict[str, int], str]:
    """Digits, small units, big units and the approximate infix from ``ko/numbers.yaml``."""
    d = data("numbers")
    return dict(d["digits"]), dict(d["small_units"]), dict(d["big_units"]), str(d["approx_infix"])


def unit_words() -> tuple[dict[str, int], dict[str, int]]:
    """The place units (십/백/천) and the myriad units (만/억/조) with their values."""
    _, small, big, _ = _lexicon()
    return small, big


@cache
def number_pattern() -> str:
    """Regex source for one Korean number, built from the numeral data.

    Shape: a head (Arabic number, Sino digit or small unit), then runs of units each optionally
    followed by a space and the next group; possessive so a failed match never backtracks, and
    never starting right after a digit or numeral, so retries after a rejected match stay linear.
    """
    digits, small, big, yeo = _lexicon()
    sino = "".join(k for k, v in digits.items() if v > 0)
    sm = "".join(small)
    units = sm + "".join(big)
    atom = rf"(?:{ARABIC}|[{sino}])"
    head = rf"(?:{atom}|[{sm}])"
    group = rf"(?:{yeo}?[{units}]++{yeo}?(?:[ ]?(?:{atom}[{units}]|{ARABIC}(?!\.\d)|[{sm}]))?+)"
    # Never start inside another number (a digit run, 천만, 일천): keeps every scan linear.
    pdf_break = rf"(?:[ \t]*\n[ \t]*(?=[{units}]))?+"  # `12.4` / `억 달러`: a line break of a pasted PDF
    return rf"(?<![\d,.{sino}{units}]){head}{pdf_break}{group}*+(?:{yeo}(?![가-힣]))?"


@cache
def blocking_prefixes() -> frozenset[str]:
    """Characters that make the following number vague or ordinal (수십억, 몇억, 제3조)."""
    return frozenset(data("numbers")["blocking_prefixes"])


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _arabic(text: str) -> Decimal | None:
    """``2,500`` -> 2500; rejects misplaced commas such as ``25,00``."""
    if "," in text and not _GROUPED.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


_PIECE = re.compile(r"\d[\d,]*(?:\.\d+)?|\S")


def parse_korean_number(text: str) -> Decimal | None:
    """The value of a Korean number string, or None when it is not well formed.

    Groups close on 만/억/조, which must descend; inside a group 천/백/십 must descend too.
    A space is allowed only after a myriad unit (``1조 2천억``).

    >>> parse_korean_number("4백만")
    Decimal('4000000')
    >>> parse_korean_number("삼천만")
    Decimal('30000000')
    >>> parse_korean_number("10여억")
    Decimal('1000000000')
    """
    digits, small, big, yeo = _lexicon()
    text = _LINE_BREAK.sub("", text) if "\n" in text else text
    if not text or text[0] in big:
        return None
    for i, ch in enumerate(text):
        if ch == " " and (i == 0 or text[i - 1] not in big):
            return None
    total = Decimal(0)
    group = Decimal(0)
    current: Decimal | None = None
    last_small = 10**9
    last_big = 10**20
    for piece in _PIECE.findall(text.replace(yeo, "")):
        if piece[0].isdigit() or piece in digits:
            if current is not None:
                return None
            current = _arabic(piece) if piece[0].isdigit() else Decimal(digits[piece])
            if current is None:
                return None
        elif piece in small:
            unit = small[piece]
            if unit >= last_small:
                return None
            group += (current if current is not None else Decimal(1)) * unit
            current, last_small = None, unit
        elif piece in big:
            unit = big[piece]
            value = group + (current if current is not None else Decimal(0))
            if unit >= last_big or value == 0:
                return None
            total += value * unit
            group, current, last_small, last_big = Decimal(0), None, 10**9, unit
        else:
            return None
    total += group + (current if current is not None else Decimal(0))
    return canonical_decimal(total) if total > 0 else None


def has_approx_infix(text: str) -> bool:
    """``10여억`` / ``1억여``: the writer marks the number as approximate."""
    return _lexicon()[3] in text


def number_ok(ctx: DocContext, start: int, end: int, *, in_range: bool = False) -> bool:
    """The regex match ``text[start:end]`` is a number by Kiwi's reading too.

    It must start and end on token boundaries, not follow a letter/digit (``COP26``, ``G7``) or a
    blocking prefix (``제7차``, ``수십억``; with ``in_range`` the caller read a range separator
    there), and every token inside must carry a number-like tag, so that ``백`` in ``백신`` or
    ``이`` in ``이번`` is never a numeral; a Sino-Korean number needs a unit (``삼천만``), since a
    lone digit syllable is part of a word (``일원``, ``사건``).
    """
    before = prev_char(ctx.text, start)
    if in_range:
        before = ""  # the upper end of a range (``10-20%``): the separator before it was checked
    if before and ((before.isascii() and (before.isalnum() or before in ".,'-/_")) or before in blocking_prefixes()):
        return False
    if not starts_token(ctx, start) or not ends_token(ctx, end):
        return False
    text = ctx.text[start:end]
    _, small, big, _ = _lexicon()
    if not any(c.isdigit() for c in text) and not any(c in small or c in big for c in text):
        return False  # a lone Sino digit is a syllable of a word: 일원, 사건
    tokens = ctx.tokens_in(start, end)
    return bool(tokens) and all(t.tag in NUMBER_TAGS for t in tokens)


@cache
def _native() -> tuple[dict[str, int], dict[str, int], re.Pattern[str]]:
    """Native units and tens of ``ko/numbers.yaml`` and a regex splitting a numeral into them."""
    nat = data("numbers")["native"]
    units, tens = dict(nat["units"]), dict(nat["tens"])
    split = re.compile(rf"(?P<t>{alternation(tens)})?(?P<u>{alternation(units)})?")
    return units, tens, split


@cache
def native_pattern() -> str:
    """Regex source for one native Korean numeral (``두``, ``열두``, ``스무``, ``서른세``), never
    starting inside a word (``두세`` 명 gives no ``세``)."""
    units, tens, _ = _native()
    return rf"(?<!\w)(?:(?:{alternation(tens)})(?:{alternation(units)})?|(?:{alternation(units)}))"


def parse_native(text: str, counter: str) -> int | None:
    """The value of a native numeral written before ``counter``, or None when the form does not go
    with it (``스무두``, ``스물`` alone, ``석 명``).

    >>> parse_native("열두", "달"), parse_native("스무", "명"), parse_native("석", "달")
    (12, 20, 3)
    >>> parse_native("석", "명") is None, parse_native("스물", "명") is None
    (True, True)
    """
    nat = data("numbers")["native"]
    units, tens, split = _native()
    m = split.fullmatch(text)
    if m is None or not text:
        return None
    ten, unit = m.group("t"), m.group("u")
    if ten in nat["tens_alone"] and unit is not None:
        return None
    if ten in nat["tens_combining"] and unit is None:
        return None
    if unit in nat["only_before"] and (ten is not None or counter not in nat["only_before"][unit]):
        return None
    return (tens[ten] if ten else 0) + (units[unit] if unit else 0)


def native_ok(ctx: DocContext, start: int, end: int) -> bool:
    """Kiwi reads ``text[start:end]`` as a native numeral: whole tokens, each a determiner or a
    numeral (``세`` 명 is MM; ``세`` in ``세계`` is part of a noun)."""
    if not starts_token(ctx, start) or not ends_token(ctx, end):
        return False
    tags = data("numbers")["native"]["tags"]
    tokens = ctx.tokens_in(start, end)
    return bool(tokens) and all(t.tag in tags for t in tokens)


@cache
def native_counts() -> dict[str, tuple[int, str]]:
    """Native words that are a count of a time unit: ``이틀`` -> (2, ``day``), ``반년`` -> (6, ``month``)."""
    return {word: (int(e["n"]), str(e["unit"])) for word, e in data("numbers")["native_counts"].items()}


def borrow_units(low: str, high: str) -> str:
    """``2~3억`` means 2억~3억: a bare first number of a range takes the units of the second.

    >>> borrow_units("2", "3억"), borrow_units("2천", "3천만"), borrow_units("5천만", "1억")
    ('2억', '2천만', '5천만')
    """
    small, big = unit_words()
    big_chars = "".join(big)
    for chars in ("".join(small) + big_chars, big_chars):
        if not any(c in chars for c in low):
            tail = re.search(f"[{chars}]+$", high)
            return low + tail.group() if tail else low
    return low
