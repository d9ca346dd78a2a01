"""The 2021-05-21 Korea-US fact sheet, both versions: organisations, terms, parties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.actors.mentions import extract_actors
from pipeline.actors.parties import amount_parties, bullet_parties
from pipeline.context import DocContext, Mention
from pipeline.terms import extract_terms
from pipeline.tokens import tokenize
from schemas.models import Language

from .helpers import NoFields

RAW = Path(__file__).resolve().parents[2] / "raw"

KO_ORGS = {
    "청와대": "KOR.PRESIDENT_OFFICE",
    "백악관": "USA.WHITE_HOUSE",
    "미국 재무부": "USA.TREASURY",
    "국무부": "USA.STATE",
    "미국 보건후생부": "USA.HHS",
    "한국 보건복지부": "KOR.MOHW",
    "세계보건기구": "WHO",
    "감염병혁신연합": "CEPI",
    "코백스": "COVAX",
    "경제협력개발기구": "OECD",
    "미국 해양대기청": "USA.NOAA",
    "유엔환경계획": "UNEP",
    "IAEA": "IAEA",
    "NATO": "NATO",
    "아세안": "ASEAN",
    "미국국제개발처": "USA.USAID",
    "한국국제협력단": "KOR.KOICA",
    "미국 국토안보부": "USA.DHS",
    "한국 국토교통부": "KOR.MOLIT",
    "주한미국대사관": "USA.EMBASSY_SEOUL",
    "주미한국대사관": "KOR.EMBASSY_WASHINGTON",
}
EN_ORGS = {
    "U.S. White House": "USA.WHITE_HOUSE",
    "ROK Office of the President": "KOR.PRESIDENT_OFFICE",
    "U.S. Departments of Treasury": "USA.TREASURY",
    "State": "USA.STATE",
    "U.S. Department of Health and Human Services": "USA.HHS",
    "Korean Ministry of Health and Welfare": "KOR.MOHW",
    "World Health Organization": "WHO",
    "Coalition for Epidemic Preparedness Innovation": "CEPI",
    "COVAX": "COVAX",
    "CEPI": "CEPI",
    "OECD": "OECD",
    "U.S. National Oceanic and Atmospheric Administration": "USA.NOAA",
    "United Nations Environment Programme": "UNEP",
    "IAEA": "IAEA",
    "NATO": "NATO",
    "ASEAN": "ASEAN",
    "USAID": "USA.USAID",
    "Korea International Cooperation Agency": "KOR.KOICA",
    "U.S. Department of Homeland Security": "USA.DHS",
    "ROK Ministry of Land, Infrastructure and Transport": "KOR.MOLIT",
    "U.S. Embassy Seoul": "USA.EMBASSY_SEOUL",
    "ROK Embassy in Washington": "KOR.EMBASSY_WASHINGTON",
}
KO_UNLISTED = {
    "공급망 태스크 포스",
    "사이버 워킹그룹",
    "원자력 고위급위원회",
    "아프간군신탁기금",
    "민주주의·거버넌스 협의체",
    "가정폭력 및 온라인 착취 민관 워킹그룹",
}
EN_UNLISTED = {
    "Supply Chain Task Force",
    "High Level Bilateral Commission",
    "Afghan National Army Trust Fund",
    "Domestic Violence and Cyber-Exploitation Working Group",
}
KO_TERMS = {
    ("감염병혁신연합", "Coalition for Epidemic Preparedness Innovation", "CEPI"),
    ("글로벌보건안보구상", None, "GHSA"),
    ("한국형 위성항법시스템", "Korean Positioning System", None),
    ("경제협력개발기구", None, "OECD"),
    ("한미 민주주의·거버넌스 협의체", None, "DGC"),
    ("불법 비보고 비규제", None, "IUU"),
}
PLEDGES: dict[str, tuple[str, list[str]]] = {
    Language.KO: (r"25억불|10억불|2억불", ["25억불", "10억불", "2억불"]),
    Language.EN: (r"\$2\.5 billion|\$1 billion|\$200 million", ["$2.5 billion", "$1 billion", "$200 million"]),
}


@pytest.fixture(scope="module", params=[Language.KO, Language.EN], ids=["ko", "en"])
def sample(request: pytest.FixtureRequest) -> DocContext:
    from pipeline.structure import parse_structure

    language: Language = request.param
    text = (RAW / f"factsheet_2021-05-21_{language.value}.txt").read_text(encoding="utf-8")
    structure = parse_structure(text, language)
    return DocContext(doc_id="sample", text=text, language=language, structure=structure, tokens=tokenize(text))


def test_every_named_organisation_is_found(sample: DocContext) -> None:
    found = {(sample.text[m.start : m.end], m.fields.actor_id) for m in extract_actors(sample)}
    expected = KO_ORGS if sample.language == Language.KO else EN_ORGS
    assert set(expected.items()) - found == set()


def test_unlisted_organisations(sample: DocContext) -> None:
    found = {sample.text[m.start : m.end] for m in extract_actors(sample) if m.fields.actor_id is None}
    assert found >= (KO_UNLISTED if sample.language == Language.KO else EN_UNLISTED)


EN_TERMS = {
    (None, "Republic of Korea", "ROK"),
    (None, "Democracy and Governance Consultations", "DGC"),
    (None, "illegal, unreported and unregulated", "IUU"),
}


def test_term_pairs(sample: DocContext) -> None:
    got = {(m.fields.term_ko, m.fields.term_en, m.fields.acronym) for m in extract_terms(sample)}
    assert got >= (KO_TERMS if sample.language == Language.KO else EN_TERMS)


def test_every_bullet_has_parties(sample: DocContext) -> None:
    parties = bullet_parties(sample, extract_actors(sample))
    assert sample.structure.bullets
    assert all(parties[b.bullet_id] for b in sample.structure.bullets)


def test_pledges_attributed(sample: DocContext) -> None:
    pattern, surfaces = PLEDGES[sample.language]
    amounts = [Mention(m.start(), m.end(), "test", NoFields()) for m in re.finditer(pattern, sample.text)]
    assert [sample.text[a.start : a.end] for a in amounts] == surfaces
    assert amount_parties(sample, extract_actors(sample), amounts) == [["USA"], ["KOR"], ["KOR"]]
