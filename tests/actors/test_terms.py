"""Bilingual term pairs: Korean term + Latin parenthetical."""

from __future__ import annotations

import pytest

from pipeline.context import context_for_text
from pipeline.lang.en.terms import english_acronym_pairs
from pipeline.terms import extract_terms
from schemas.models import Language

# (text, [(span text, term_ko, term_en, acronym)])
CASES = [
    (
        "그리고 감염병혁신연합(Coalition for Epidemic Preparedness Innovation ; CEPI) 및 코백스(COVAX)와 함께",
        [
            (
                "감염병혁신연합(Coalition for Epidemic Preparedness Innovation ; CEPI)",
                "감염병혁신연합",
                "Coalition for Epidemic Preparedness Innovation",
                "CEPI",
            ),
            ("코백스(COVAX)", "코백스", None, "COVAX"),
        ],
    ),
    ("우리는 글로벌보건안보구상(GHSA) 하의 협력을 확대하고", [("글로벌보건안보구상(GHSA)", "글로벌보건안보구상", None, "GHSA")]),
    (
        "한국의 자체 위성항법시스템인 한국형 위성항법시스템(Korean Positioning System) 개발을 지원하고",
        [("한국형 위성항법시스템(Korean Positioning System)", "한국형 위성항법시스템", "Korean Positioning System", None)],
    ),
    (
        "배출량이 저감되지 않는 해외 석탄발전소에 대해 경제협력개발기구(OECD) 및 여타",
        [("경제협력개발기구(OECD)", "경제협력개발기구", None, "OECD")],
    ),
    (
        "역할을 할 한미 민주주의·거버넌스 협의체(DGC)를 발표한다.",
        [("한미 민주주의·거버넌스 협의체(DGC)", "한미 민주주의·거버넌스 협의체", None, "DGC")],
    ),
    ("국가들의 불법 비보고 비규제(IUU) 어업 근절을", [("불법 비보고 비규제(IUU)", "불법 비보고 비규제", None, "IUU")]),
    (
        "포괄적인 한미 글로벌 백신 파트너십(KORUS Global Vaccine Partnership)을 구축할 것이다.",
        [
            (
                "한미 글로벌 백신 파트너십(KORUS Global Vaccine Partnership)",
                "한미 글로벌 백신 파트너십",
                "KORUS Global Vaccine Partnership",
                None,
            )
        ],
    ),
    (
        "국제원자력기구(International Atomic Energy Agency, IAEA)와",
        [
            (
                "국제원자력기구(International Atomic Energy Agency, IAEA)",
                "국제원자력기구",
                "International Atomic Energy Agency",
                "IAEA",
            )
        ],
    ),
    # negatives: Korean inside, numbers only, no Korean term before
    ("차세대 이동통신 네트워크(6G), 데이터", []),
    ("동 시범사업(예 : 해상 풍력) 분야", []),
    ("1) 온라인 착취에 대한 대응", []),
    ("(DGC)를 발표한다.", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=t) for t, e in CASES])
def test_korean_term_pairs(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    ctx = context_for_text(text, language=Language.KO)
    got = [(text[m.start : m.end], m.fields.term_ko, m.fields.term_en, m.fields.acronym) for m in extract_terms(ctx)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Announce the U.S.-ROK Democracy and Governance Consultations (DGC), which",
            [("Democracy and Governance Consultations", "DGC")],
            id="DGC",
        ),
        pytest.param(
            "to eradicate illegal, unreported and unregulated (IUU) fishing",
            [("illegal, unreported and unregulated", "IUU")],
            id="IUU",
        ),
        pytest.param("the Republic of Korea (ROK) pledge", [("Republic of Korea", "ROK")], id="ROK"),
        pytest.param("networks (6G) and data (XYZ)", [], id="negatives"),
    ],
)
def test_english_acronym_pairs(text: str, expected: list[tuple[str, str]]) -> None:
    ctx = context_for_text(text, language=Language.EN)
    assert [(p.term_en, p.acronym) for p in english_acronym_pairs(ctx)] == expected
    mentions = extract_terms(ctx)
    assert [(m.fields.term_ko, m.fields.term_en, m.fields.acronym) for m in mentions] == [(None, en, ac) for en, ac in expected]
    assert all(ctx.text[m.start : m.end].endswith(")") for m in mentions)
