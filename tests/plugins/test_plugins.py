"""A language and an input format can be added from their own folder with one registry call,
and the pipeline then reads and extracts them like the built-in ones."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.extract import build_document, extract_bytes
from pipeline.lang.registry import UnsupportedLanguage, register_language, registered_languages, unregister_language
from pipeline.readers import ReadResult, choose_reader, input_suffixes, read_bytes, register_reader, unregister_reader
from pipeline.run import run_extract
from tests.plugins.toy_language import RULES as TOY_RULES
from tests.plugins.toy_reader import MAGIC, ToyReader


@pytest.fixture
def toy_language() -> Iterator[None]:
    register_language(TOY_RULES)
    yield
    unregister_language("xx")


@pytest.fixture
def toy_reader() -> Iterator[None]:
    register_reader(ToyReader())
    yield
    unregister_reader("toy")


def test_registered_language_extracts_its_amounts(toy_language: None) -> None:
    text = "Toy title\n\nThe council gives 12 zorp and 3 blip.\n"
    doc = build_document(ReadResult(text, "txt", "utf-8", "0" * 64), "toy", "toy.txt", language="xx")
    assert doc.language == "xx" and "xx" in registered_languages()
    assert [(a.text, a.value, a.currency) for a in doc.amounts] == [
        ("12 zorp", Decimal(12), "XTS"),
        ("3 blip", Decimal(3), "XXX"),
    ]


_CUES = (
    "Japan and Korea toy title\n\nThe council meets. The United States will provide {amount}, "
    "and both countries join the Joint Working Group on Democracy and Governance Consultations (DGC).\n"
)
"""English cues (a subject before ``will``, "both countries", an unlisted ``Working Group``, an
acronym pair) around an amount: English reads them, a language without actor rules must not."""


def test_english_cues_work_in_english() -> None:
    doc = build_document(ReadResult(_CUES.format(amount="$12 billion"), "txt", "utf-8", "0" * 64), "en", "en.txt", language="en")
    assert [a.parties for a in doc.amounts] == [["USA"]]
    rules = {a.rule for a in doc.actors}
    assert {"actors.both_countries", "actors.unlisted.en"} <= rules and [t.acronym for t in doc.terms] == ["DGC"]


def test_toy_language_gets_no_english_actor_logic(toy_language: None) -> None:
    doc = build_document(ReadResult(_CUES.format(amount="12 zorp"), "txt", "utf-8", "0" * 64), "toy", "toy.txt", language="xx")
    assert [a.text for a in doc.amounts] == ["12 zorp"]
    assert [a.parties for a in doc.amounts] == [["JPN", "KOR"]]  # the document's parties, not the subject before "will"
    assert {a.rule for a in doc.actors} == {"actors.gazetteer"}  # names from the shared gazetteer only
    assert {a.actor_id for a in doc.actors} == {"JPN", "KOR", "USA"}
    assert doc.terms == []


def test_unregistered_language_is_an_error_not_english() -> None:
    with pytest.raises(UnsupportedLanguage, match="'xx' has no extraction rules"):
        build_document(ReadResult("some text\n", "txt", "utf-8", "0" * 64), "toy", "toy.txt", language="xx")


def test_detected_language_without_rules_is_a_file_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "日本.txt").write_text("日米首脳共同声明\n\n両国はエネルギー分野で協力する。\n", encoding="utf-8")
    result = run_extract([tmp_path / "in"], tmp_path / "out")
    errors = json.loads((tmp_path / "out" / "errors.json").read_text(encoding="utf-8"))
    assert not result.extracted and [e["reason"] for e in errors] == ["language 'ja' has no extraction rules"]


def test_format_is_chosen_by_content_with_a_warning_for_a_wrong_name(toy_reader: None) -> None:
    raw = MAGIC + b"# Heading\nbody line\n"
    assert choose_reader(raw, "a.toy")[1] is None
    reader, warning = choose_reader(raw, "misnamed.txt")
    assert reader.name == "toy" and warning is not None and "not txt" in warning
    doc = extract_bytes(raw, "misnamed", "misnamed.txt")
    assert doc.text.startswith("Heading\nbody line") and any("content is toy" in w for w in doc.warnings)


def test_plain_text_with_a_format_name_says_so(toy_reader: None) -> None:
    result = read_bytes(b"just text\n", "notes.toy")
    assert result.format == "txt" and any("content is txt, not toy" in w for w in result.warnings)


def test_binary_content_with_a_format_name_is_a_clear_error(toy_reader: None) -> None:
    from pipeline.readers import ReadError

    with pytest.raises(ReadError, match="not a toy file"):
        read_bytes(b"\x00\x01\x02garbage", "broken.toy")


def test_registered_format_is_collected_from_folders(toy_reader: None, tmp_path: Path) -> None:
    assert ".toy" in input_suffixes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.toy").write_bytes(MAGIC + b"# Toy release\nThe ministry will invest 5 billion dollars.\n")
    (tmp_path / "in" / "b.txt").write_text("Plain release\n\nThe agency will provide $2 million.\n", encoding="utf-8")
    result = run_extract([tmp_path / "in"], tmp_path / "out")
    assert result.extracted == ["a", "b"] and result.ok
    doc = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert doc["title"] == "Toy release" and [a["value"] for a in doc["amounts"]] == ["5000000000"]


def test_unregistered_format_is_not_collected() -> None:
    assert ".toy" not in input_suffixes() and ".txt" in input_suffixes()
