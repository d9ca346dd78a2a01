"""Sector cues of a span (``pipeline.commitments.sectors``): each pattern tried only where a key
of its words starts, Korean cues kept to whole morphemes, English cues to whole words (case-blind,
except cues written in capitals), and only keys inside the span counted."""

from __future__ import annotations

import pytest

from pipeline.commitments.keys import DocumentKeys, automata
from pipeline.commitments.sectors import DocumentSectors, key_table
from pipeline.context import context_for_text


def _sectors(language: str, text: str, start: int = 0, end: int | None = None) -> list[str]:
    ctx = context_for_text(text, language)
    keys = DocumentKeys(ctx.text, automata((key_table(language),)))
    found = DocumentSectors(language, keys, 0)

    def in_word(s: int, e: int) -> bool:
        first = ctx.token_at(s)
        return first is None or first.start == s or e <= first.end

    end = len(text) if end is None else end
    return found.sectors(text[start:end], start, in_word)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ko", "양국은 도로와 항만을 함께 건설한다.", ["infrastructure"]),
        ("ko", "양국은 다각도로 협력해 나가기로 했다.", []),
        ("ko", "이차전지배터리와 반도체 공장을 짓는다.", ["semiconductors", "batteries", "manufacturing"]),
        ("ko", "양국은 소형모듈원전(SMR) 협력을 확대한다.", ["nuclear"]),
        ("en", "They will build new chip fabs and EV lines.", ["semiconductors", "automotive"]),
        ("en", "Chipmaking and Battery Cells are covered.", ["semiconductors", "batteries"]),
        ("en", "The microchips were sold at the level of the ev index.", []),
        ("en", "Investment in offshore   wind and clean-energy projects.", ["energy"]),
    ],
)
def test_sectors_of_text(language: str, text: str, expected: list[str]) -> None:
    assert _sectors(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "part", "expected"),
    [
        ("en", "A battery line. A shipyard in Ulsan.", "A shipyard in Ulsan.", ["shipbuilding"]),
        ("en", "A battery line. A shipyard in Ulsan.", "A battery line.", ["batteries"]),
        ("ko", "배터리 공장을 짓고, 조선소를 확장한다.", "조선소를 확장한다.", ["shipbuilding"]),
        ("en", "Funding for semiconductors", "Funding for semicon", []),
    ],
)
def test_only_keys_inside_the_span_count(language: str, text: str, part: str, expected: list[str]) -> None:
    start = text.index(part)
    assert _sectors(language, text, start, start + len(part)) == expected
