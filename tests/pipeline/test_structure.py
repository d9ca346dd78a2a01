"""Layout parsing on small fixtures of each layout the parser supports (not only the sample)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.context import Structure
from pipeline.readers.normalize import normalize_text
from pipeline.structure import parse_structure
from schemas.models import Bullet, Language, Paragraph

RAW = Path(__file__).resolve().parents[2] / "raw"


def _parse(text: str, language: Language = Language.KO) -> Structure:
    return parse_structure(text, language, "d")


def _check_offsets(text: str, structure: Structure) -> None:
    records: list[Paragraph | Bullet] = [*structure.paragraphs, *structure.bullets]
    for record in records:
        assert text[record.start : record.end] == record.text


KOREAN_GOV = """보도자료: 한일 협력 강화

2023. 4. 3.

□ 양국은 다음 분야에서 협력한다.
  ○ 반도체 공급망 안정
    - 소재·부품 공동 연구
    - 전문가 교류
  ○ 청정에너지 전환
□ 양국은 후속 회의를 개최한다.
  ※ 구체 일정은 추후 확정
"""


def test_korean_government_hierarchy_nests_by_marker_and_indent() -> None:
    s = _parse(KOREAN_GOV)
    assert s.title == "보도자료: 한일 협력 강화"
    assert s.date == dt.date(2023, 4, 3)
    got = [(b.marker, b.depth, b.parent_id, b.text) for b in s.bullets]
    assert got == [
        ("□", 0, None, "양국은 다음 분야에서 협력한다."),
        ("○", 1, "d:b1", "반도체 공급망 안정"),
        ("-", 2, "d:b2", "소재·부품 공동 연구"),
        ("-", 2, "d:b2", "전문가 교류"),
        ("○", 1, "d:b1", "청정에너지 전환"),
        ("□", 0, None, "양국은 후속 회의를 개최한다."),
        ("※", 1, "d:b6", "구체 일정은 추후 확정"),
    ]
    assert [b.lead_in for b in s.bullets if b.parent_id == "d:b1"] == ["양국은 다음 분야에서 협력한다."] * 2
    assert [b.lead_in for b in s.bullets if b.parent_id == "d:b2"] == ["반도체 공급망 안정"] * 2
    _check_offsets(KOREAN_GOV, s)


def test_latin_letter_items_nest_under_numbered_ones() -> None:
    text = "Title\n\n1. Launch a group.\n   a) It will report annually.\n   b) It will meet twice.\n2. (a) Fund it.\n"
    s = _parse(text, Language.EN)
    got = [(b.marker, b.text, b.parent_id) for b in s.bullets]
    assert got == [
        ("1.", "Launch a group.", None),
        ("a)", "It will report annually.", "d:b1"),
        ("b)", "It will meet twice.", "d:b1"),
        ("2.", "(a) Fund it.", None),
    ]


def test_same_indent_nests_by_marker_rank() -> None:
    text = "제목\n\n□ 첫째 항목\n○ 하위 항목\n□ 둘째 항목\n"
    s = _parse(text)
    assert [(b.text, b.parent_id) for b in s.bullets] == [("첫째 항목", None), ("하위 항목", "d:b1"), ("둘째 항목", None)]


ENGLISH = """Joint Statement on Clean Energy

21 May 2021

Overview

The two governments share a commitment to clean energy.

Together, the United States and Japan will:

* Expand research on hydrogen storage, including
  pilot projects in both countries.
* Launch a working group.

Next Steps

1. Hold a ministerial meeting.
2. Publish a progress report.
"""


def test_english_headings_lead_in_and_wrapped_bullets() -> None:
    s = _parse(ENGLISH, Language.EN)
    assert s.date == dt.date(2021, 5, 21)
    assert [sec.title for sec in s.sections] == [None, "Overview", "Next Steps"]
    assert [b.text for b in s.bullets] == [
        "Expand research on hydrogen storage, including\n  pilot projects in both countries.",
        "Launch a working group.",
        "Hold a ministerial meeting.",
        "Publish a progress report.",
    ]
    assert {b.lead_in for b in s.bullets[:2]} == {"Together, the United States and Japan will:"}
    assert s.bullets[2].lead_in is None  # a heading, not prose, precedes the numbered list
    assert [b.section_id for b in s.bullets] == ["d:s1", "d:s1", "d:s2", "d:s2"]
    assert [p.is_lead_in for p in s.paragraphs] == [False, True]
    _check_offsets(ENGLISH, s)


def test_lead_in_sentence_is_split_off_a_longer_paragraph() -> None:
    text = "제목\n\n2021년 5월 21일\n\n양국은 오랜 동맹이다. 양국은 아래와 같이 합의하였다.\n• 첫째\n• 둘째\n"
    s = _parse(text)
    assert [(p.text, p.is_lead_in) for p in s.paragraphs] == [
        ("양국은 오랜 동맹이다.", False),
        ("양국은 아래와 같이 합의하였다.", True),
    ]
    assert [b.lead_in for b in s.bullets] == ["양국은 아래와 같이 합의하였다."] * 2


def test_long_prose_before_a_list_without_cue_is_not_a_lead_in() -> None:
    prose = "이 문단은 목록을 소개하지 않는 긴 설명이다. " * 10
    text = f"제목\n\n{prose.strip()}\n• 항목\n"
    s = _parse(text)
    assert s.bullets[0].lead_in is None
    assert not any(p.is_lead_in for p in s.paragraphs)


@pytest.mark.parametrize(
    ("body", "items"),
    [
        (
            "• 동 그룹은 1) 원칙을 개발하고, 2) 대화를 출범시키며, 3) 교육을 고안할 것이다.",
            ["원칙을 개발하고", "대화를 출범시키며", "교육을 고안할 것이다"],
        ),
        (
            "• 지역에서의 ▴보건 협력 강화, ▴연계성 확대, ▴역량 구축을 추진한다.",
            ["보건 협력 강화", "연계성 확대", "역량 구축을 추진한다"],
        ),
        (
            "• It will 1) develop principles; 2) launch a dialogue; and 3) design programs.",
            ["develop principles", "launch a dialogue", "design programs"],
        ),
        ("• 양국은 ① 공급망 ② 기술 협력을 강화한다.", ["공급망", "기술 협력을 강화한다"]),
        ("• The parties will (a) share data, (b) train staff and (c) report.", ["share data", "train staff", "report"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_inline_enumerations_become_sub_items(body: str, items: list[str]) -> None:
    text = f"제목\n\n{body}\n"
    s = _parse(text)
    parent, *subs = s.bullets
    assert [b.text for b in subs] == items
    assert {b.parent_id for b in subs} == {parent.bullet_id}
    assert all(parent.start <= b.start and b.end <= parent.end for b in subs)
    _check_offsets(text, s)


@pytest.mark.parametrize(
    "body",
    [
        "• 2021. 5. 21. 회의에서 1) 하나만 있다.",  # one number is no enumeration
        "• 제2) 조항과 3) 조항을 검토한다.",  # does not count from 1
    ],
)
def test_no_sub_items_without_an_enumeration(body: str) -> None:
    s = _parse(f"제목\n\n{body}\n")
    assert len(s.bullets) == 1


def test_dash_without_space_and_dates_are_not_bullets() -> None:
    text = "제목\n\n-5% 감소가 예상된다.\n2021. 5. 21. 발표.\n"
    assert _parse(text).bullets == []


def test_empty_and_bare_documents_give_warnings_not_errors() -> None:
    empty = _parse("  \n\n")
    assert empty.title is None and empty.bullets == [] and "empty document: no text" in empty.warnings
    bare = _parse("그냥 한 줄의 글이다.")
    assert bare.title == "그냥 한 줄의 글이다."
    assert any("no date" in w for w in bare.warnings)
    assert any("no bullets" in w for w in bare.warnings)


@pytest.mark.parametrize(
    ("name", "language", "top_level_per_section"),
    [
        ("factsheet_2021-05-21_ko.txt", Language.KO, [0, 9, 10, 7, 12]),
        ("factsheet_2021-05-21_en.txt", Language.EN, [0, 9, 10, 7, 11]),
    ],
)
def test_sample_sections_and_bullets(name: str, language: Language, top_level_per_section: list[int]) -> None:
    text = normalize_text((RAW / name).read_text(encoding="utf-8"))
    s = _parse(text, language)
    counts = [sum(1 for b in s.bullets if b.section_id == sec.section_id and b.depth == 0) for sec in s.sections]
    assert counts == top_level_per_section
    assert all(b.lead_in for b in s.bullets if b.depth == 0)
    assert s.date == dt.date(2021, 5, 21)
    _check_offsets(text, s)


NUMBERED_SECTIONS = """보도자료: 한일 공급망 협력

2024년 2월 1일

1. 추진 배경

□ 양국은 공급망 협력을 강화하기로 하였다.

2. 주요 내용

□ 양국은 아래와 같이 협력한다.
  ○ 핵심광물 비축 공조
"""


def test_numbered_lines_standing_alone_are_section_headings() -> None:
    s = _parse(NUMBERED_SECTIONS)
    assert [sec.title for sec in s.sections] == [None, "1. 추진 배경", "2. 주요 내용"]
    assert [(b.text, b.section_id) for b in s.bullets] == [
        ("양국은 공급망 협력을 강화하기로 하였다.", "d:s1"),
        ("양국은 아래와 같이 협력한다.", "d:s2"),
        ("핵심광물 비축 공조", "d:s2"),
    ]


def test_a_numbered_list_of_short_lines_stays_a_list() -> None:
    s = _parse("제목\n\n양국은 아래 분야에서 협력한다.\n\n1. 반도체\n\n2. 배터리\n\n3. 핵심광물\n")
    assert [sec.title for sec in s.sections] == [None]
    assert [b.text for b in s.bullets] == ["반도체", "배터리", "핵심광물"]
    assert {b.lead_in for b in s.bullets} == {"양국은 아래 분야에서 협력한다."}
