"""Tokenization of very long lines: Kiwi gets bounded pieces cut at safe boundaries, offsets
stay exact, and lines of normal length are analysed exactly as before."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline import tokens
from pipeline.tokens import MAX_PIECE, _cut, tokenize
from tests.golden_tool import ROOT

SAMPLE_KO = (ROOT / "raw" / "factsheet_2021-05-21_ko.txt").read_text(encoding="utf-8")
SAMPLE_EN = (ROOT / "raw" / "factsheet_2021-05-21_en.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "where"),
    [
        (SAMPLE_KO.replace("\n", " ") * 30, "sentence"),
        (SAMPLE_EN.replace("\n", " ") * 30, "sentence"),
        ("만 " * 50_000, "space"),
        ("가" * 25_000, "hard"),
    ],
    ids=["korean prose", "english prose", "one word repeated", "no space at all"],
)
def test_a_long_line_is_cut_into_bounded_pieces_at_safe_boundaries(line: str, where: str) -> None:
    pieces = _cut(line)
    assert "".join(piece for _, piece in pieces) == line
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(len(piece) <= MAX_PIECE for _, piece in pieces)
    for _, piece in pieces[:-1]:
        if where == "sentence":
            assert piece.rstrip()[-1] in ".?!", piece[-20:]
        elif where == "space":
            assert piece.endswith(" ")
        else:
            assert len(piece) == MAX_PIECE


def test_kiwi_never_gets_more_than_a_piece(monkeypatch: pytest.MonkeyPatch, kiwi: Any) -> None:
    seen: list[int] = []

    class Spy:
        def tokenize(self, lines: list[str]) -> Any:
            seen.extend(len(line) for line in lines)
            return kiwi.tokenize(lines)

    monkeypatch.setattr(tokens, "get_kiwi", lambda: Spy())
    text = "제목\n\n" + "만 " * 100_000 + "\n끝\n"
    found = tokenize(text)
    assert max(seen) <= MAX_PIECE
    assert [t.form for t in found[:1]] == ["제목"]
    assert [(t.form, text[t.start : t.end]) for t in found if t.tag == "NR"][:3] == [("만", "만")] * 3
    assert found[-1].form == "끝" and text[found[-1].start : found[-1].end] == "끝"


def test_offsets_of_a_cut_line_point_into_the_text(kiwi: object) -> None:
    text = "머리말\n" + SAMPLE_KO.replace("\n", " ") * 20
    found = tokenize(text)
    assert all(0 <= t.start < t.end <= len(text) for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    plain = [t for t in found if t.tag in ("NNP", "SN", "SL")]
    assert plain and all(text[t.start : t.end] == t.form for t in plain)


def test_lines_of_normal_length_are_analysed_whole(kiwi: Any) -> None:
    line = SAMPLE_KO.replace("\n", " ")[:MAX_PIECE]
    whole = [(t.form, t.tag, t.start, t.start + t.len) for t in kiwi.tokenize(line)]
    assert [(t.form, t.tag, t.start, t.end) for t in tokenize(line)] == whole
