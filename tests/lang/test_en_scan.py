"""The candidate offsets of ``pipeline.lang.en.scan`` must hold every match of the patterns
tried at them: matching there only gives exactly the matches of a scan of every offset.

Checked on the English expression corpus and on variants of it that stress what the offsets
rely on: case (``(?i)`` matches ``ſ``, ``ı``, ``İ`` and the Kelvin sign for ASCII letters),
whitespace runs, digits of other scripts, and words glued together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
import yaml

from pipeline.lang.en import amounts, dates, quantities, scan
from pipeline.lang.en import numbers as num
from pipeline.text_utils import matches_at

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "en"


def _variants(text: str) -> list[str]:
    folded = text.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı").replace("I", "İ")
    return [
        text,
        text.upper(),
        text.lower(),
        text.title(),
        "".join(c.upper() if k % 2 else c for k, c in enumerate(text)),
        folded,
        folded.upper(),
        text.replace(" ", "  ").replace(",", "\n,"),
        text.replace(" ", "\u00a0"),
        text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        text.replace(" ", ""),
        "x" + text.replace(" ", "-") + "x",
    ]


@cache
def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts.extend(_variants(row["text"]))
    joined = [" ".join(texts[k : k + 40 : 7]) for k in range(0, len(texts), 40)]  # several forms per text
    return texts + joined


def _spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def test_fold_covers_every_character_re_matches_to_an_ascii_letter() -> None:
    """``letters`` maps to a letter exactly the characters ``(?i)[a-z]`` matches, keeping length."""
    every = "".join(map(chr, range(0x110000)))
    folded = scan.letters(every)[1:-1]
    assert len(folded) == len(every)
    lettered = {m.start() for m in re.finditer(r"(?i)[a-z]", every)}
    assert {k for k, c in enumerate(folded) if c != " "} == lettered
    assert all(folded[k] == every[k].lower() for k in lettered if every[k].isascii())


def test_date_pattern_leads_hold_every_match() -> None:
    for text in _texts():
        leads = dates._Leads(text)
        for pattern, _, gate, lead in dates._patterns():
            full = _spans(pattern.finditer(text))
            if gate is not None and not gate(leads):
                assert full == [], (pattern.pattern[:60], text)
            elif lead is not None:
                assert _spans(matches_at(pattern, text, lead(leads))) == full, (pattern.pattern[:60], text)


def _searched(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := scan.search(pattern, text, starts, pos)) is not None:
        out.append(m.span())
        pos = m.start() + 1
    return out


def _scanned(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m.span())
        pos = m.start() + 1
    return out


def test_number_and_amount_starts_hold_every_match() -> None:
    lex = amounts._lexicon()
    unit_pattern = quantities._lexicon().pattern
    for text in _texts():
        assert _searched(unit_pattern, text, num.number_starts(text)) == _scanned(unit_pattern, text), text
        starts = amounts._suffix_starts(text, lex)
        for pattern in (lex.suffix_re, lex.after_re):
            assert _searched(pattern, text, starts) == _scanned(pattern, text), text
        signs = [m.start() for m in re.finditer(r"(?=(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, lex.prefix)) + "))", text)]
        assert amounts._sign_starts(text, lex) == signs, text


def test_quantity_word_leads_hold_every_match() -> None:
    """The quantities without a numeral (``for a year``, ``over the next decade``) are tried only
    at ``a``/``an``/``half`` and at the window prepositions: the same matches as a full scan."""
    lex = quantities._lexicon()
    for text in _texts():
        assert _spans(quantities._article_matches(text)) == _spans(lex.article.finditer(text)), text
        assert _spans(quantities._window_matches(text)) == _spans(lex.window.finditer(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fees in euros and 5 Swiss francs", True),
        ("Fees in EUROS", True),
        ("the eurosystem", False),
        ("no money here", False),
        ("15 Icelandic KRÓNUR", True),
        ("Icelandic xkrónur", False),
        ("Tongan paʻanga", True),
        ("the dollarsé", False),
        ("é dollars", True),
        ("5_dollars", True),
        ("Dollarſ paid", True),
    ],
)
def test_names_currency_finds_whole_currency_words(text: str, expected: bool) -> None:
    assert amounts._names_currency(text, amounts._lexicon()) is expected


def test_phrase_starts_find_whole_words_and_the_before_second_words() -> None:
    text = "At THE  End of May, the endgame; mid-June"
    words = scan.Words(["end", "mid", "the"])
    assert scan.phrase_starts(text, words, ["the end of", "mid"]) == [text.index("THE"), text.index("mid")]
    assert scan.preceded(text, [text.index("End")], "the") == [text.index("THE")]
    assert scan.preceded("therefrom 5", [10], "from", whole=False) == [5]
    assert scan.preceded("therefrom 5", [10], "from") == []


@pytest.mark.parametrize(
    ("strings", "text"),
    [
        (["$", "US$", "U.S.$", "S.$", "USD"], "U.S.$5, US$3, USD 4 and $$"),
        (["ab", "abc", "bcd", "c", "d"], "abcd abc bcdd"),
        (["A", "AB", "ABA", "BAB"], "ABABABA"),
        (["€", "€ ", " €"], "5 € and €5 €"),
        (["x"], "no match here"),
    ],
)
def test_literals_find_every_start_overlaps_too(strings: list[str], text: str) -> None:
    every = sorted({k for k in range(len(text)) for s in strings if text.startswith(s, k)})
    assert scan.Literals(strings).starts(text) == every
