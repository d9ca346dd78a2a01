"""The batch runner and CLI: per-file errors, exit codes, nothing lost, incremental updates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.run import run_extract
from pipeline.validate import validate_dir
from pipeline.write import ERRORS_FILE, load_document

GOOD = "팩트시트: 한일 협력\n\n2022년 3월 1일\n\n양국은 아래와 같이 협력한다.\n\n• 한국은 2억불을 약속했다.\n"
OTHER = "Fact Sheet: Clean Energy\n\nMarch 1, 2022\n\nTogether, the two countries will:\n\n• Invest $2 billion by 2030.\n"


@pytest.fixture()
def inputs(tmp_path: Path, kiwi: object) -> Path:
    folder = tmp_path / "원문"
    folder.mkdir()
    (folder / "좋은_ko.txt").write_text(GOOD, encoding="utf-8")
    (folder / "other_en.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _errors(out: Path) -> list[dict[str, str]]:
    return cast(list[dict[str, str]], json.loads((out / ERRORS_FILE).read_text(encoding="utf-8")))


def test_clean_run_exits_zero_and_validates(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.output
    assert _errors(out) == []
    assert validate_dir(out) == []


def test_a_broken_file_is_reported_and_the_others_still_processed(inputs: Path, tmp_path: Path) -> None:
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert [(e["path"].endswith("image.txt"), e["reason"]) for e in _errors(out)] == [(True, "binary file (NUL bytes)")]
    assert sorted(p.name for p in out.glob("*.json") if p.name != ERRORS_FILE) == ["other_en.json", "좋은_ko.json"]


def test_fail_fast_stops_at_the_first_failure(inputs: Path, tmp_path: Path) -> None:
    (inputs / "a_broken.txt").write_bytes(b"\x00\x01")
    out = tmp_path / "out"
    result = run_extract([inputs], out, fail_fast=True)
    assert len(result.errors) == 1 and result.extracted == []


def test_a_failing_file_keeps_its_previous_outputs(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_extract([inputs], out)
    before = (out / "좋은_ko.json").read_bytes()
    (inputs / "좋은_ko.txt").write_bytes(b"\x00binary now")
    result = run_extract([inputs], out, prune=True)
    assert len(result.errors) == 1
    assert (out / "좋은_ko.json").read_bytes() == before
    assert validate_dir(out) == []


def test_duplicate_doc_ids_are_errors_for_both(inputs: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / "좋은_ko.txt").write_text(GOOD, encoding="utf-8")
    result = run_extract([inputs, twin], tmp_path / "out")
    assert sorted(e.reason.split(" (")[0] for e in result.errors) == ["duplicate doc_id '좋은_ko'"] * 2
    assert result.extracted == ["other_en"]


def test_missing_path_is_an_error(tmp_path: Path, kiwi: object) -> None:
    result = run_extract([tmp_path / "없는폴더"], tmp_path / "out")
    assert [e.reason for e in result.errors] == ["no such file or folder"]


def test_extracting_one_file_keeps_the_other_documents_in_the_tables(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_extract([inputs], out)
    result = run_extract([inputs / "other_en.txt"], out)
    assert result.corpus == ["other_en", "좋은_ko"]
    assert validate_dir(out) == []


def test_prune_removes_outputs_of_documents_no_longer_given(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_extract([inputs], out)
    (inputs / "other_en.txt").unlink()
    result = run_extract([inputs], out, prune=True)
    assert result.corpus == ["좋은_ko"]
    assert not (out / "other_en.json").exists()


def test_documents_pair_by_language_suffix_and_by_explicit_pair(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (inputs / "좋은_ko.txt").rename(inputs / "pledge_ko.txt")
    (inputs / "other_en.txt").rename(inputs / "pledge_en.txt")
    run_extract([inputs], out)
    ko = load_document(out / "pledge_ko.json")
    assert ko.alignments and ko.bullets[0].aligned_id == "pledge_en:b1"
    assert load_document(out / "pledge_en.json").bullets[0].aligned_id == "pledge_ko:b1"

    other = tmp_path / "other"
    other.mkdir()
    (other / "seoul.txt").write_text(GOOD, encoding="utf-8")
    (other / "washington.txt").write_text(OTHER, encoding="utf-8")
    run_extract([other], tmp_path / "out2", pairs=[("seoul", "washington")])
    run_extract([other], tmp_path / "out2")  # the pair is remembered
    assert load_document(tmp_path / "out2" / "seoul.json").bullets[0].aligned_id == "washington:b1"


def test_unwritable_output_folder_is_a_clear_error(inputs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert "cannot write outputs" in result.output


def test_workers_give_the_same_bytes_as_one_process(inputs: Path, tmp_path: Path) -> None:
    for n in range(3):
        (inputs / f"copy{n}_ko.txt").write_text(GOOD.replace("2억불", f"{n + 3}억불"), encoding="utf-8")
    run_extract([inputs], tmp_path / "one", workers=1)
    run_extract([inputs], tmp_path / "two", workers=2)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two


def test_a_run_that_dies_midway_leaves_previous_outputs_intact(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run_extract([inputs], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (inputs / "좋은_ko.txt").write_text(GOOD.replace("2억불", "7억불"), encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pipeline.run._commit", disk_full)
    with pytest.raises(OSError):
        run_extract([inputs], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # staging removed, nothing renamed
    assert validate_dir(out) == []
