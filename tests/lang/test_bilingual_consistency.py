"""The Korean and English rules give the same normalized value for the same expression, so
`factsheet check` compares like with like (table of translation pairs, document date
2021-05-21)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from pipeline.context import DocContext, Extractor
from pipeline.lang.en import RULES as EN
from pipeline.lang.ko import RULES as KO
from schemas.models import AmountFields, DateFields, Language

DATES = [
    ("2021년 5월 21일", "May 21, 2021"),
    ("2024년까지", "by 2024"),
    ("10월 초순", "early in October"),
    ("10월 하순", "late October"),
    ("2020년대", "the 2020s"),
    ("21세기", "the 21st century"),
    ("2025년 상반기", "the first half of 2025"),
    ("2025년 3분기", "Q3 2025"),
    ("2022년 말까지", "by the end of 2022"),
    ("2024년 초", "early 2024"),
    ("금년", "this year"),
    ("내년", "next year"),
    ("post-2025", "post-2025"),
    ("2026~2028년", "2026-2028"),
    ("2023년 4월", "April 2023"),
]
AMOUNTS = [
    ("250억불 이상", "more than $25 billion"),
    ("25억불", "$2.5 billion"),
    ("2억불", "$200 million"),
    ("3,500억 원", "KRW 350 billion"),
    ("2천만 유로", "€20 million"),
    ("2억~3억 달러", "$200-300 million"),
    ("1조 2천억원", "KRW 1.2 trillion"),
]


def _dates(ctx: DocContext, extract: Extractor[DateFields]) -> list[tuple[str, str, str]]:
    return [(m.fields.date_start.isoformat(), m.fields.date_end.isoformat(), m.fields.grain.value) for m in extract(ctx)]


@pytest.mark.parametrize(("ko", "en"), DATES, ids=[f"{k} = {e}" for k, e in DATES])
def test_dates_agree(make_ctx: Callable[..., DocContext], ko: str, en: str) -> None:
    korean = _dates(make_ctx(ko, Language.KO), KO.dates)
    english = _dates(make_ctx(en, Language.EN), EN.dates)
    assert korean and korean == english


@pytest.mark.parametrize(("ko", "en"), AMOUNTS, ids=[f"{k} = {e}" for k, e in AMOUNTS])
def test_amounts_agree(make_ctx: Callable[..., DocContext], ko: str, en: str) -> None:
    def values(ctx: DocContext, rules: Extractor[AmountFields]) -> list[tuple[Decimal, Decimal | None, str, str]]:
        return [(m.fields.value, m.fields.value_max, m.fields.currency, m.fields.display) for m in rules(ctx)]

    korean = values(make_ctx(ko, Language.KO), KO.amounts)
    english = values(make_ctx(en, Language.EN), EN.amounts)
    assert korean and korean == english
