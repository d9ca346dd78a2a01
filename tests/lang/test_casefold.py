"""Text a case-insensitive lexicon pattern matched is always found in its lexicon.

`re` lets ``(?i)s`` match ``ſ``, ``(?i)i`` match ``ı`` and ``İ``, ``(?i)k`` match the Kelvin sign:
``5 mİllİon dollars`` or ``6 yearſ ago`` reach the rules, which must read them as the ASCII
spelling (or not at all), never fail nor give another value. Checked three ways: the fold
against `re` over every code point, each lexicon class (units, scales, months, currency words,
durations, weekdays, ...) spelled with each odd letter, and the expression corpora so spelled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.context import Mention, context_for_text
from pipeline.lang.casefold import fold, lexicon_key
from pipeline.lang.en import amounts, dates, quantities
from pipeline.lang.en import numbers as num
from pipeline.lang.ko import amounts as ko_amounts
from pipeline.lang.ko import dates as ko_dates
from pipeline.lang.registry import rules_for
from schemas.models import Language

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOC_DATE = dt.date(2021, 6, 15)
_EVERY = "".join(map(chr, range(0x110000)))

ODD = {"s": "\u017f", "i": "\u0131", "k": "\u212a"}
"""An ASCII letter -> a non-ASCII letter `re` matches it with case-insensitively (``İ`` is below)."""


def _lexicon_keys() -> Iterable[str]:
    en, dl, ql = amounts._lexicon(), dates._lexicon(), quantities._lexicon()
    tables: list[Iterable[str]] = [
        en.suffix, en.qual_before, en.qual_after, en.per, en.fractions, en.minor, en.change_before, en.change_after,
        dl.months, dl.parts, dl.relative, dl.relations, dl.weekdays, dl.nth, dl.offset_units, dl.window_words,
        ql.words, num.word_values(), num.scale_values(), num.ordinal_values(),
        ko_amounts.lexicon().en_words, ko_dates.lexicon().english,
    ]  # fmt: skip
    for table in tables:
        yield from table


def test_fold_keeps_length_and_maps_each_character_as_re_compares_it() -> None:
    folded = fold(_EVERY)
    assert len(folded) == len(_EVERY)
    for char in sorted({c for key in _lexicon_keys() for c in fold(key)} - set(" ")):
        matched = {m.start() for m in re.finditer("(?i)" + re.escape(char), _EVERY)}
        assert {k for k in matched if folded[k] != char} == set(), char
        assert {k for k, c in enumerate(folded) if c == char} <= matched, char


def test_lexicon_key_joins_whitespace_runs() -> None:
    assert lexicon_key("Per \n  Y\u0130ar") == "per yiar"
    assert lexicon_key("\u212aM") == "km"


def _odd_spellings(text: str) -> list[str]:
    """``text`` with every ``s``, ``i`` or ``k`` (either case) spelled with an odd letter, one
    letter at a time and all at once."""
    out = [re.sub(letter, odd, text, flags=re.I) for letter, odd in ODD.items()]
    out.append(re.sub("i", "\u0130", text, flags=re.I))
    mixed: dict[str, str | int | None] = {"s": "\u017f", "i": "\u0130", "I": "\u0131", "k": "\u212a", "K": "\u212a"}
    out.append(text.translate(str.maketrans(mixed)))
    return [t for t in out if t != text]


def _read(extract: Callable[[Any], list[Mention[Any]]], text: str, language: str = Language.EN) -> list[tuple[Any, ...]]:
    found = extract(context_for_text(text, language, DOC_DATE))
    return [(m.start, m.end, m.rule, m.fields) for m in found]


EN_FORMS: list[tuple[str, str]] = [
    # scales and number words
    ("amounts", "5 million dollars"),
    ("amounts", "2.5 billion euros"),
    ("amounts", "six thousand pounds"),
    ("amounts", "$5 million"),
    ("amounts", "$3 billion"),
    ("amounts", "twenty-six million dollars"),
    ("amounts", "a thousand dollars"),
    ("amounts", "half a million dollars"),
    # currency words
    ("amounts", "20 million Swiss francs"),
    ("amounts", "40 Danish kroner"),
    ("amounts", "300 rupees"),
    ("amounts", "15 Icelandic krónur"),
    ("amounts", "85 cents"),
    ("amounts", "$15 and 20 cents"),
    # qualifiers, rates, changes
    ("amounts", "nearly $5 million"),
    ("amounts", "almost 5 million dollars"),
    ("amounts", "at least $2 billion"),
    ("amounts", "$2 million or more"),
    ("amounts", "$10 million per year"),
    ("amounts", "$10 million annually"),
    ("amounts", "between $2 and $3 billion"),
    ("amounts", "from 5 million dollars to 8 million dollars"),
    ("amounts", "increased by $3 billion"),
    ("amounts", "a $2 million increase"),
    # months, parts of months and years, weekdays, relative words
    ("dates", "on 5 April 2021"),
    ("dates", "in September 2021"),
    ("dates", "on Sept. 14, 2021"),
    ("dates", "until the end of 2022"),
    ("dates", "in mid-June 2021"),
    ("dates", "early this month"),
    ("dates", "until the end of this month"),
    ("dates", "in the first quarter of 2021"),
    ("dates", "in the second half of 2021"),
    ("dates", "the first week of October"),
    ("dates", "the second Tuesday of May 2021"),
    ("dates", "the 10th of this month"),
    ("dates", "next Thursday"),
    ("dates", "this coming Friday"),
    ("dates", "Wednesday of next week"),
    ("dates", "this weekend"),
    ("dates", "this year"),
    ("dates", "this decade"),
    ("dates", "six weeks ago"),
    ("dates", "in six days"),
    ("dates", "the past six months"),
    ("dates", "the last six weeks"),
    ("dates", "Christmas Day 2021"),
    ("dates", "in the twenty-first century"),
    ("dates", "prior to 2030"),
    ("dates", "since 2015"),
    ("dates", "since the first half of 2020"),
    ("dates", "in fiscal year 2021"),
    # units and durations
    ("quantities", "6 years"),
    ("quantities", "six months"),
    ("quantities", "two decades"),
    ("quantities", "10 weeks"),
    ("quantities", "36 hours"),
    ("quantities", "45 minutes"),
    ("quantities", "five-year"),
    ("quantities", "six-week"),
    ("quantities", "20 kilometres"),
    ("quantities", "10 square kilometres"),
    ("quantities", "1.5 degrees Celsius"),
    ("quantities", "12 kilometers"),
    ("quantities", "nine other nations"),
    ("quantities", "ten million doses"),
    ("quantities", "six countries"),
    ("quantities", "30 kilograms"),
    ("quantities", "5 million tonnes"),
    ("quantities", "100 participants"),
]


def _rule(kind: str, language: str = Language.EN) -> Callable[[Any], list[Mention[Any]]]:
    rules = rules_for(language)
    extract: Callable[[Any], list[Mention[Any]]] = getattr(rules, kind)
    return extract


@pytest.mark.parametrize(("kind", "text"), EN_FORMS)
def test_odd_letters_read_as_the_ascii_spelling(kind: str, text: str) -> None:
    extract = _rule(kind)
    expected = _read(extract, text)
    assert expected, text  # the ASCII spelling is understood
    spellings = _odd_spellings(text)
    assert spellings, text  # the form holds a letter with an odd spelling
    for spelled in spellings:
        assert _read(extract, spelled) == expected, spelled


KO_FORMS: list[tuple[str, str]] = [
    ("amounts", "지원금 20 million euros 규모"),
    ("amounts", "총 5 billion dollars 투자"),
    ("amounts", "약 300 Swiss francs 지급"),
    ("dates", "post-2025 체제"),
    ("dates", "pre-2020 수준"),
]


@pytest.mark.parametrize(("kind", "text"), KO_FORMS)
def test_odd_letters_in_english_words_of_korean_text(kind: str, text: str) -> None:
    extract = _rule(kind, Language.KO)
    expected = _read(extract, text, Language.KO)
    assert expected, text
    for spelled in _odd_spellings(text):
        found = _read(extract, spelled, Language.KO)
        assert found in ([], expected), spelled  # read as the ASCII spelling, or not at all


def _corpus_texts(language: str) -> list[str]:
    texts: list[str] = []
    for path in sorted((CORPUS / language).glob("*.yaml")):
        texts.extend(row["text"] for row in yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return texts


@pytest.mark.parametrize("language", [Language.EN, Language.KO])
def test_corpus_with_odd_letters_never_fails(language: str) -> None:
    """Every corpus text, spelled with odd letters (all at once, in two mixes of case), is read
    without an error."""
    rules = rules_for(language)
    for text in _corpus_texts(language):
        for spelled in _odd_spellings(text)[-2:]:
            ctx = context_for_text(spelled, language, DOC_DATE)
            rules.amounts(ctx), rules.dates(ctx), rules.quantities(ctx)
