"""Korean/English bullet alignment: the sample, and synthetic perturbations of its English side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import build_document
from pipeline.pairing import apply_alignment
from pipeline.readers import ReadResult
from pipeline.readers.normalize import normalize_text
from schemas.models import Document

RAW = Path(__file__).resolve().parents[2] / "raw"
KO_TEXT = normalize_text((RAW / "factsheet_2021-05-21_ko.txt").read_text(encoding="utf-8"))
EN_TEXT = normalize_text((RAW / "factsheet_2021-05-21_en.txt").read_text(encoding="utf-8"))
BULLET_LINE = re.compile(r"^  • .*$", re.MULTILINE)


def _doc(text: str, doc_id: str) -> Document:
    return build_document(ReadResult(text, "txt", "utf-8", "0" * 64), doc_id, f"{doc_id}.txt")


@pytest.fixture(scope="module")
def ko_doc(kiwi: object) -> Document:
    return _doc(KO_TEXT, "ko")


def _top_links(ko: Document, en_text: str) -> list[tuple[int | None, int | None]]:
    """(Korean top-level number, English top-level number) for every link, 1-based."""
    ko_aligned, en = apply_alignment(ko, _doc(en_text, "en"))
    ko_top = {b.bullet_id: n for n, b in enumerate((b for b in ko_aligned.bullets if b.parent_id is None), 1)}
    en_top = {b.bullet_id: n for n, b in enumerate((b for b in en.bullets if b.parent_id is None), 1)}
    return [
        (ko_top.get(a.ko_bullet_id or ""), en_top.get(a.en_bullet_id or ""))
        for a in ko_aligned.alignments
        if (a.ko_bullet_id in ko_top or a.ko_bullet_id is None) and (a.en_bullet_id in en_top or a.en_bullet_id is None)
    ]


def _bullet_lines(text: str) -> list[re.Match[str]]:
    return list(BULLET_LINE.finditer(text))


def test_sample_aligns_every_english_bullet_with_its_korean_one(ko_doc: Document) -> None:
    links = _top_links(ko_doc, EN_TEXT)
    assert [link for link in links if None not in link] == [(n, n) for n in range(1, 38)]
    assert (38, None) in links  # in English the last item is a paragraph after the list


def test_a_dropped_english_bullet_leaves_its_korean_bullet_unpaired(ko_doc: Document) -> None:
    line = _bullet_lines(EN_TEXT)[12]
    links = _top_links(ko_doc, EN_TEXT[: line.start()] + EN_TEXT[line.end() + 1 :])
    assert (13, None) in links
    paired = [link for link in links if None not in link]
    assert paired == [(n, n if n < 13 else n - 1) for n in range(1, 38) if n != 13]


def test_a_split_english_bullet_links_one_to_two(ko_doc: Document) -> None:
    line = _bullet_lines(EN_TEXT)[4]  # "... deployment of secure networks. The United States has committed ..."
    first, second = line.group(0).split(". The United States", 1)
    split = EN_TEXT[: line.start()] + first + ".\n  • The United States" + second + EN_TEXT[line.end() :]
    links = _top_links(ko_doc, split)
    assert (5, 5) in links and (5, 6) in links
    assert (4, 4) in links and (6, 7) in links and (37, 38) in links


def test_swapped_english_bullets_damage_only_their_neighbourhood(ko_doc: Document) -> None:
    lines = _bullet_lines(EN_TEXT)
    a, b = lines[27], lines[28]
    swapped = EN_TEXT[: a.start()] + b.group(0) + "\n" + a.group(0) + EN_TEXT[b.end() :]
    links = _top_links(ko_doc, swapped)
    correct = [(n, n) for n in range(1, 38) if n not in (28, 29)]
    assert all(link in links for link in correct)
    assert not any(link in links for link in [(28, 28), (29, 29)])
