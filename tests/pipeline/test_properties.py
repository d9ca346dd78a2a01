"""Property tests: random Unicode and random documents built from fact-sheet pieces never
crash the pipeline, and every offset stays exact."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import build_document
from pipeline.readers import ReadResult
from pipeline.readers.normalize import normalize_text
from pipeline.structure import parse_structure
from schemas.models import Bullet, Language, Paragraph

_PIECES = [
    "팩트시트: 한미 파트너십",
    "2021년 5월 21일",
    "기술 혁신",
    "한미 양국은 아래와 같이 협력한다.",
    "  • 미국은 25억불을 약속했고, 한국은 10억불을 약속했다.",
    "  • 한국은 5년에 걸쳐 2억불 신규 공여를 약속했다.",
    "  ○ 2024년까지 달로 귀환하는 9개국에 동참한다.",
    "    - 10월 초순 경 발표하고 2050 탄소중립을 달성한다.",
    "  • 동 그룹은 1) 원칙을 개발하고, 2) 대화를 출범시킨다.",
    "  • ▴공중 보건 협력 강화, ▴연계성 협력 확대",
    "Together, the United States and the ROK will:",
    "  • The ROK has committed $200 million in new funding over five years.",
    "  * more than $25 billion by 2024, early in October, post-2025",
    "감염병혁신연합(Coalition for Epidemic Preparedness Innovation ; CEPI)",
    "  ※ 구체 일정은 추후 확정",
    "",
    "",
    "\t",
    "２５억불（약）\u00a0\u200b",
]

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=_SURROGATES), max_size=400)
_document = st.lists(st.sampled_from(_PIECES), max_size=30).map("\n".join)


def _assert_structure_offsets(text: str, language: Language) -> None:
    s = parse_structure(text, language, "p")
    records: list[Paragraph | Bullet] = [*s.paragraphs, *s.bullets]
    for record in records:
        assert text[record.start : record.end] == record.text
        assert record.text == record.text.strip()
    by_id = {b.bullet_id: b for b in s.bullets}
    for bullet in s.bullets:
        if bullet.parent_id:
            parent = by_id[bullet.parent_id]
            assert parent.index < bullet.index and parent.start <= bullet.start
    starts = [sec.start for sec in s.sections]
    assert starts == sorted(starts) and starts[0] == 0


@given(_text)
@settings(max_examples=300, deadline=None)
def test_random_unicode_never_breaks_the_parser(raw: str) -> None:
    text = normalize_text(raw)
    for language in Language:
        _assert_structure_offsets(text, language)


@given(_document)
@settings(max_examples=200, deadline=None)
def test_random_fact_sheet_layouts_never_break_the_parser(text: str) -> None:
    _assert_structure_offsets(normalize_text(text), Language.KO)


@given(_document, st.sampled_from([None, Language.KO, Language.EN]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_documents_extract_with_exact_offsets(text: str, language: Language | None) -> None:
    text = normalize_text(text)
    doc = build_document(ReadResult(text, "txt", "utf-8", "0" * 64), "prop", "prop.txt", language)  # validates every span
    bullets = {b.bullet_id: b for b in doc.bullets}
    for _, record in doc.spans():
        bullet_id = getattr(record, "bullet_id", None)
        if bullet_id and bullet_id in bullets:
            assert bullets[bullet_id].start <= record.start and record.end <= bullets[bullet_id].end
    for amount in doc.amounts:
        assert amount.value > 0 and (amount.value_max is None or amount.value_max > amount.value)
    for date in doc.dates:
        assert date.date_start <= date.date_end


# --- parse(render(spec)) keeps the structure ------------------------------------------------

_word = st.sampled_from(["협력", "기술", "보건", "기후", "동맹", "투자", "교류", "연구", "안보", "에너지"])
_phrase = st.lists(_word, min_size=2, max_size=6).map(" ".join)
_item = st.tuples(_phrase, st.lists(_phrase, max_size=3))
_section = st.tuples(_phrase, st.lists(_item, min_size=1, max_size=5))


@given(st.lists(_section, min_size=1, max_size=4), st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
@settings(max_examples=150, deadline=None)
def test_parse_of_render_keeps_the_structure(sections: list[tuple[str, list[tuple[str, list[str]]]]], date: dt.date) -> None:
    lines = ["보도자료: 한미 협력", "", f"{date.year}년 {date.month}월 {date.day}일", ""]
    for heading, items in sections:
        lines += [f"{heading} 분야", "", "양국은 아래와 같이 협력한다.", ""]
        for text, subs in items:
            lines.append(f"□ {text}한다.")
            lines += [f"  ○ {sub}" for sub in subs]
        lines.append("")
    s = parse_structure("\n".join(lines), Language.KO, "r")
    assert s.date == date
    assert [sec.title for sec in s.sections[1:]] == [f"{h} 분야" for h, _ in sections]
    expected = [(f"{text}한다.", None) for _, items in sections for text, _ in items]
    assert [(b.text, b.parent_id) for b in s.bullets if b.depth == 0] == expected
    assert [b.text for b in s.bullets if b.depth == 1] == [sub for _, items in sections for _, subs in items for sub in subs]
    assert {b.lead_in for b in s.bullets if b.depth == 0} == {"양국은 아래와 같이 협력한다."}
