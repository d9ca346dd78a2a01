"""The Korean rules try each pattern only where it can start (``pipeline.lang.ko.scan``): for
any text, the matches must be exactly those of a scan over the whole text. Checked on forms
written for the purpose and on texts built at random from the lexicons' own words, so that a
new currency, unit or date word is covered the day it is added."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from pipeline.lang.ko import amounts, dates, quantities, scan
from pipeline.lang.ko.common import data
from pipeline.text_utils import matches_at

Found = list[tuple[tuple[int, int], dict[str, str | None]]]

WRITTEN = [
    "총 250억불 이상, 3,500억 원, 일억 오천만 원, 5천만유로와 미화 5억 달러",
    "삼일본엔, 10일본 엔, 3 이집트파운드, 2조선민주주의인민공화국원, 오백만 유로센트",
    "2억~3억 달러, 2~3억 달러, 2억에서 3억 달러, 5달러~8달러, 10달러와 20달러 사이",
    "$1.5 billion, USD 2 billion, US$ 300 million, ₩1.2조, F CFA 5, FCFA 5, Rs. 100, U.S.$ 3",
    "20 million euros, 5 billion Dollars, 3 u.s. dollars, 7 pounds sterling, 1,000 YEN",
    "삼십달러, 만유로, 만불, 이점오달러, 오십센트, 50센트, 20펜스, 3달러 50센트",
    "1조\n2천억 원, 12.4\n억 달러, 10여억 원, 1억여 달러, 수십억 달러, 제3조 10억 원",
    "5년에 걸쳐 9개국과, 100만 톤, 1.5도, 40%, 30일간, 24시간, 6개월 이내, 3억 회분, 2주간",
    "2021년 5월 21일, 2021.5.21., 2021. 5. 21., 2021-05-21, 2021/5/21, 2023년 4월, 2021년도",
    "6월 11~13일, 4월 8일과 9일, 10월 초순 경, 상반기, 1/4분기, 2020년대, 21세기, 2026~2028년",
    "금년 말, 내년 상반기, 지난해, 지난 10월, 오는 3월, 올 3월, 이달, 다음 달 5일, 지난 14일",
    "‘17. 8. 3., ‘22.3Q, ’23.11월, ‘18, 25. 3. 4.(화), 3Q23, 4Q 2023, 9.17(금), 7.1~12.31",
    "post-2025, pre-2020, Post-2030, 2030 NDC, 2050 탄소중립, 4~6월, 21일(금), 광복절, 2024년 한글날",
    "수요일 발표했다, 지난 토요일, 이번 주 목요일, 9월 셋째 주, 한 달 전, 두 해 후, 이틀 뒤, 3주 후, 지난 3주",
]


def _full_scan(pattern: re.Pattern[str], text: str) -> Found:
    """Every match, searching again one character after each match start."""
    out: Found = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append((m.span(), m.groupdict()))
        pos = m.start() + 1
    return out


def _found(matches: Iterator[re.Match[str]]) -> Found:
    return [(m.span(), m.groupdict()) for m in matches]


def _pieces() -> list[str]:
    """Words of the Korean lexicons, numbers of every shape, spaces and plain syllables."""
    lex = amounts.lexicon()
    words = [*lex.ko_words, *lex.ko_prefixes, *lex.prefixes, *lex.en_words, *lex.minor, *lex.scales]
    words += [w for entry in data("quantities")["units"] for w in entry["words"]]
    d = data("dates")
    for key in ("relative_years", "month_direction", "halves", "fixed_holidays", "weekdays"):
        words += list(d[key])
    native = data("numbers")["native"]
    words += [*data("numbers")["native_counts"], *native["units"], *native["tens"]]
    words += [*d["native_units"], *d["range_separators"], *d["english_prefixes"], *d["apostrophes"]]
    nums = data("numbers")
    numerals = [*nums["digits"], *nums["small_units"], *nums["big_units"], nums["approx_infix"], "점"]
    numbers = ["3", "10", "2,500", "1.5", "2021", "12", "31", "1,000,000", "25,00", "１２", "٣", "2021.", "5."]
    others = ["년", "월", "일", "분기", "세기", "년대", "요일", "전", "후", "에서", "지원", "한국", "이", "은", "-", "~", "(금)"]
    return words + numbers * 8 + numerals * 4 + others * 2


def _random_texts(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    pieces = _pieces()
    gaps = ["", "", "", " ", " ", "\n", "\t", "  ", " \n ", "\u3000"]
    for _ in range(count):
        yield "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(2, 24)))


TEXTS = WRITTEN + list(_random_texts(1500, seed=16))


@pytest.mark.parametrize("text", TEXTS[: len(WRITTEN)] + TEXTS[len(WRITTEN) :: 50])
def test_amount_patterns_match_where_a_full_scan_does(text: str) -> None:
    for pattern, starts, _ in amounts._scans(text):
        if starts is not None:
            assert _found(scan.every_match(pattern, text, starts)) == _full_scan(pattern, text), pattern.pattern[:60]


def test_amount_and_quantity_patterns_on_random_texts() -> None:
    for text in TEXTS:
        for pattern, starts, _ in amounts._scans(text):
            if starts is not None:
                assert _found(scan.every_match(pattern, text, starts)) == _full_scan(pattern, text), (text, pattern.pattern[:60])
        unit = quantities._patterns()[0]
        assert _found(scan.every_match(unit, text, quantities._unit_after().starts(text))) == _full_scan(unit, text), text


def test_date_patterns_match_where_finditer_does() -> None:
    for text in TEXTS:
        for pattern, _, starts in dates.lexicon().patterns:
            if starts is not None:
                expected = _found(pattern.finditer(text))
                assert _found(matches_at(pattern, text, starts.positions(text))) == expected, (text, pattern.pattern[:60])


def test_the_written_forms_are_found() -> None:
    """The forms above do reach the patterns (the comparison is not between two empty lists)."""
    hits = sum(len(_full_scan(p, t)) for t in WRITTEN for p, starts, _ in amounts._scans(t) if starts is not None)
    date_hits = sum(len(list(p.finditer(t))) for t in WRITTEN for p, _, s in dates.lexicon().patterns if s is not None)
    assert hits > 40 and date_hits > 40


def test_an_anchor_word_may_start_inside_a_number() -> None:
    """``일본 엔`` begins with the numeral ``일``: ``삼일본엔`` is 삼 then the currency."""
    text = "삼일본엔"
    starts = list(amounts.lexicon().currency_after.starts(text))
    assert 0 in starts
    assert [m.group("cur") for m in scan.every_match(amounts.lexicon().simple, text, starts)] == ["일본엔"]


def test_matches_at_skips_what_a_match_covers() -> None:
    pattern = re.compile(r"\d+")
    assert [m.group() for m in matches_at(pattern, "12 345", [0, 1, 3, 3, 4])] == ["12", "345"]


def test_a_lexicon_word_starting_with_a_space_is_refused() -> None:
    with pytest.raises(ValueError, match="start with a space"):
        scan.Anchors([" 달러"])
