"""Committing parties: per bullet (own subject, parent, lead-in) and per money amount."""

from __future__ import annotations

import re

import pytest

from pipeline.actors.mentions import extract_actors
from pipeline.actors.parties import amount_parties, bullet_parties, document_parties
from pipeline.context import Mention, context_for_text
from schemas.models import Language

from .helpers import Item, NoFields, bulleted

AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:억|조|만)\s*(?:불|달러|원)|\$\d+(?:\.\d+)?(?:\s*(?:billion|million))?")


def _amounts(text: str) -> list[Mention[NoFields]]:
    return [Mention(m.start(), m.end(), "test", NoFields()) for m in AMOUNT.finditer(text)]


# (text, expected parties per amount, in order); prose documents whose first line names the parties
AMOUNT_CASES_KO = [
    ("미국은 25억불을 약속했고, 한국은 10억불을 약속했다.", [["USA"], ["KOR"]]),
    ("이를 촉진하기 위해 한국은 미래의 보건 위협 해소를 지원하기 위해 5년에 걸쳐 2억불 신규 공여를 약속했다.", [["KOR"]]),
    ("미국은 5억불을, 일본은 3억불을 약속했으며, 한국은 2억불을 공여한다.", [["USA"], ["JPN"], ["KOR"]]),
    ("한국과 미국은 각각 1억불을 공여한다.", [["KOR", "USA"]]),
    ("한국, 미국 및 일본은 총 3억불을 공여한다.", [["KOR", "USA", "JPN"]]),
    ("한국은 백신 공급을 확대하고 3억불을 추가로 공여한다.", [["KOR"]]),
    ("미국 정부는 4억불을 지원한다.", [["USA"]]),
    ("보건복지부에서 1억불을 지원한다.", [["KOR.MOHW"]]),
    ("한미 양국은 10억불을 공동 투자한다.", [["KOR", "USA"]]),
]
AMOUNT_CASES_EN = [
    ("The United States has committed $2.5 billion to this effort, and the ROK has committed $1 billion.", [["USA"], ["KOR"]]),
    ("To facilitate this the ROK has committed $200 million in new funding over five years.", [["KOR"]]),
    (
        "The United States will provide $100 million; Japan will provide $50 million, and the ROK will provide $30 million.",
        [["USA"], ["JPN"], ["KOR"]],
    ),
    ("The United States, Japan and the ROK will jointly provide $300 million.", [["USA", "JPN", "KOR"]]),
    ("The ROK will expand vaccine supply and contribute $300 million.", [["KOR"]]),
    ("Korea and the United States each have pledged $5 million.", [["KOR", "USA"]]),
]


@pytest.mark.parametrize(
    ("text", "expected", "language"),
    [pytest.param(t, e, Language.KO, id=t) for t, e in AMOUNT_CASES_KO]
    + [pytest.param(t, e, Language.EN, id=t) for t, e in AMOUNT_CASES_EN],
)
def test_amount_parties(text: str, expected: list[list[str]], language: Language) -> None:
    ctx = context_for_text(text, language=language)
    amounts = _amounts(text)
    assert len(amounts) == len(expected)
    assert amount_parties(ctx, extract_actors(ctx), amounts) == expected


@pytest.mark.parametrize(
    ("title", "lead_in", "item", "language", "expected"),
    [
        pytest.param(
            "팩트시트: 한미 파트너십",
            "양국은 아래 사항을 환영한다.",
            "투자 총 규모는 250억불 이상에 달하며, 이는 결속을 반영한다.",
            Language.KO,
            ["KOR", "USA"],
            id="투자 총 규모는 250억불 이상",
        ),
        pytest.param(
            "팩트시트: 한미 파트너십",
            "한미 양국은 아래와 같이 협력한다.",
            "이를 위해 우리는 5억불을 공여한다.",
            Language.KO,
            ["KOR", "USA"],
            id="우리는 5억불을",
        ),
        pytest.param(
            "FACT SHEET: United States – Republic of Korea Partnership",
            "The United States and the Republic of Korea welcome:",
            "These investments, totaling more than $25 billion, reflect ties.",
            Language.EN,
            ["USA", "KOR"],
            id="These investments, totaling more than $25 billion",
        ),
        pytest.param(
            "FACT SHEET: United States – Republic of Korea Partnership",
            "Together, the United States and the Republic of Korea will:",
            "We will provide $5 million.",
            Language.EN,
            ["USA", "KOR"],
            id="We will provide $5 million",
        ),
    ],
)
def test_amount_falls_back_to_bullet(title: str, lead_in: str, item: str, language: Language, expected: list[str]) -> None:
    ctx = bulleted(title, lead_in, [item], language)
    amounts = _amounts(ctx.text)
    assert amount_parties(ctx, extract_actors(ctx), amounts) == [expected]


BULLET_CASES: list[tuple[str, str, str, list[Item], list[list[str]], Language]] = [
    (
        "lead-in subject, own subjects, sub-items",
        "팩트시트: 한미 파트너십",
        "한미 양국은 아래와 같이 협력한다.",
        [
            "첨단 기술 협력을 강화한다.",
            "한국은 2030 NDC를 발표한다.",
            "미국은 지원한다. 한국은 협력한다.",
            ("워킹그룹을 발족한다.", ["원칙을 개발하고", "한국은 대화를 출범시킨다"]),
            "한국, 미국 및 일본은 협력한다.",
            "다음 위협에 대비하기 위하여, 한국과 미국은 협력해 나갈 것이다.",
        ],
        [["KOR", "USA"], ["KOR"], ["USA"], ["KOR", "USA"], ["KOR", "USA"], ["KOR"], ["KOR", "USA", "JPN"], ["KOR", "USA"]],
        Language.KO,
    ),
    (
        "we in the lead-in stands for the title's parties",
        "팩트시트: 한일 파트너십",
        "우리는 아래와 같이 협력한다.",
        ["기술 협력을 강화한다.", "일본은 지원한다."],
        [["KOR", "JPN"], ["JPN"]],
        Language.KO,
    ),
    (
        "relative-clause subject is not the bullet's subject",
        "팩트시트: 한미 파트너십",
        "한미 양국은 아래와 같이 협력한다.",
        ["미국 재무부와 국무부가 주도하는 워킹그룹을 설치한다."],
        [["KOR", "USA"]],
        Language.KO,
    ),
    (
        "English lead-in and own subjects",
        "FACT SHEET: United States – Republic of Korea Partnership",
        "Together, the United States and the Republic of Korea will:",
        [
            "Facilitate mutual investments in semiconductors.",
            "The ROK will release its provisional target.",
            "Korea and the United States each have research institutions.",
            "Support for the ROK’s development of its own system.",
            ("Create a working group. It will:", ["develop principles;", "launch a dialogue"]),
            "The United States, Japan, and the ROK will cooperate.",
        ],
        [
            ["USA", "KOR"],
            ["KOR"],
            ["KOR", "USA"],
            ["USA", "KOR"],
            ["USA", "KOR"],
            ["USA", "KOR"],
            ["USA", "KOR"],
            ["USA", "JPN", "KOR"],
        ],
        Language.EN,
    ),
]


@pytest.mark.parametrize(
    ("title", "lead_in", "items", "expected", "language"),
    [pytest.param(t, li, it, e, lang, id=name) for name, t, li, it, e, lang in BULLET_CASES],
)
def test_bullet_parties(title: str, lead_in: str, items: list[Item], expected: list[list[str]], language: Language) -> None:
    ctx = bulleted(title, lead_in, items, language)
    parties = bullet_parties(ctx, extract_actors(ctx))
    assert [parties[b.bullet_id] for b in ctx.structure.bullets] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param(
            "팩트시트: 한미 파트너십\n\n대한민국과 미합중국은 약속한다.",
            Language.KO,
            ["KOR", "USA"],
            id="팩트시트: 한미 파트너십",
        ),
        pytest.param(
            "FACT SHEET: United States – Republic of Korea Partnership\n\nText.",
            Language.EN,
            ["USA", "KOR"],
            id="United States – Republic of Korea",
        ),
        pytest.param(
            "대한민국과 미합중국은 동맹을 강화한다. 일본도 환영했다.", Language.KO, ["KOR", "USA"], id="대한민국과 미합중국은"
        ),
        pytest.param("한-아세안 디지털 협력 공동성명\n\n양측은 합의하였다.", Language.KO, ["KOR", "ASEAN"], id="한-아세안"),
        pytest.param("한미 양국의 WHO 협력 공동성명\n\n양국은 합의하였다.", Language.KO, ["KOR", "USA"], id="한미 양국의 WHO"),
    ],
)
def test_document_parties(text: str, language: Language, expected: list[str]) -> None:
    ctx = context_for_text(text, language=language)
    assert document_parties(ctx, extract_actors(ctx)) == expected
