"""Actor resolution over a corpus of surface forms (both languages), negatives included."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from pipeline.actors.mentions import extract_actors
from pipeline.context import Structure, context_for_text
from schemas.models import Language, Section

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load((Path(__file__).parent / "actor_cases.yaml").read_text(encoding="utf-8"))
PARAMS = [pytest.param(Language(lang), case, id=f"{lang}:{case['text']}") for lang, cases in CASES.items() for case in cases]


def _ctx(text: str, language: Language, title: str | None) -> Any:
    if title is None:
        return context_for_text(text, language=language)
    full = f"{title}\n\n{text}"
    section = Section(section_id="snippet:s0", index=0, title=None, start=0, end=len(full))
    structure = Structure(title=title, date=None, sections=[section], paragraphs=[], bullets=[])
    return context_for_text(full, language=language, structure=structure)


@pytest.mark.parametrize(("language", "case"), PARAMS)
def test_actor_mentions(language: Language, case: dict[str, Any]) -> None:
    ctx = _ctx(case["text"], language, case.get("title"))
    offset = len(case["title"]) + 2 if case.get("title") else 0
    got = Counter(f"{ctx.text[m.start : m.end]}={m.fields.actor_id}" for m in extract_actors(ctx) if m.start >= offset)
    assert got == Counter(case["expect"])


def test_corpus_is_large_enough() -> None:
    assert len(PARAMS) >= 60
    assert sum(1 for p in PARAMS if not cast(dict[str, Any], p.values[1])["expect"]) >= 10


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("한미 양국은 협력한다.", Language.KO, id="한미 양국은 협력한다."),
        pytest.param("The U.S.-ROK alliance", Language.EN, id="The U.S.-ROK alliance"),
    ],
)
def test_compound_gives_one_mention_per_country_on_one_span(text: str, language: Language) -> None:
    mentions = extract_actors(context_for_text(text, language=language))
    assert len({(m.start, m.end) for m in mentions}) == 1
    assert [m.fields.actor_id for m in mentions] == (["KOR", "USA"] if language == Language.KO else ["USA", "KOR"])


def test_unlisted_fields() -> None:
    (m,) = extract_actors(context_for_text("사이버 워킹그룹을 설립한다."))
    assert m.fields.actor_id is None and m.fields.actor_type.value == "unlisted"
    assert m.fields.name_ko == "사이버 워킹그룹"
