"""Inputs a hostile user would try: odd file names, unreadable and special files, numbers the
output decimal cannot hold, documents that take too long, markup in paths. Each gives a
clear per-file error or a warning; the run goes on and commits the other documents."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, cast

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cli import app
from pipeline import engines
from pipeline.engines import FileError, Job, run_job
from pipeline.extract import build_document
from pipeline.run import run_extract
from pipeline.validate import validate_dir
from pipeline.write import ERRORS_FILE, document_files, load_document
from tests.golden_tool import ROOT

GOOD = "팩트시트: 한일 협력\n\n2022년 3월 1일\n\n양국은 아래와 같이 협력한다.\n\n• 한국은 2억불을 약속했다.\n"
SAMPLE_KO = ROOT / "raw" / "factsheet_2021-05-21_ko.txt"


def _errors(out: Path) -> dict[str, str]:
    """Input file name -> reason, from ``errors.json``."""
    listed = cast(list[dict[str, str]], json.loads((out / ERRORS_FILE).read_text(encoding="utf-8")))
    return {Path(e["path"]).name: e["reason"] for e in listed}


@pytest.fixture()
def inputs(tmp_path: Path, kiwi: object) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("errors.txt", "reserved"),
        ("Errors.TXT", "reserved"),
        (".notes.txt", "starts with '.'"),
        ("..txt", "starts with '.'"),
    ],
)
def test_a_name_whose_output_would_collide_or_hide_is_a_per_file_error(
    inputs: Path, tmp_path: Path, name: str, reason: str
) -> None:
    (inputs / name).write_text(GOOD.replace("2억불", "3억불"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert reason in _errors(out)[name]
    assert [p.name for p in document_files(out)] == ["good.json"]
    assert [a.display for a in load_document(out / "good.json").amounts] == ["$200M"]
    assert validate_dir(out) == []


def test_doc_ids_differing_only_in_letter_case_are_duplicates(inputs: Path, tmp_path: Path) -> None:
    (inputs / "Report.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "report.txt").write_text(GOOD, encoding="utf-8")
    result = run_extract([inputs], tmp_path / "out")
    assert sorted(Path(e.path).name for e in result.errors) == ["Report.txt", "report.txt"]
    assert all("duplicate doc_id" in e.reason for e in result.errors)
    assert result.extracted == ["good"]


# --- unreadable and special inputs ------------------------------------------------------------


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_processed(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = inputs / "locked"
    locked.mkdir()
    (locked / "hidden_away.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert _errors(out) == {"locked": "cannot read folder: Permission denied"}
    assert [p.name for p in document_files(out)] == ["good.json"]


def test_an_unreadable_file_named_directly_is_an_error_not_a_usage_error(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(secret), str(inputs / "good.txt"), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert _errors(out) == {"secret.txt": "cannot read: Permission denied"}
    assert [p.name for p in document_files(out)] == ["good.json"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_folder_without_read_permission_is_reported(inputs: Path, tmp_path: Path) -> None:
    locked = inputs / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run_extract([inputs], tmp_path / "out")
    finally:
        locked.chmod(0o755)
    assert [Path(e.path).name for e in result.errors] == ["locked"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_named_for_what_it_is(inputs: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(inputs / "queue.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "pipe.txt"), str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert _errors(out) == {
        "pipe.txt": "not a text file: a named pipe (FIFO)",
        "queue.txt": "not a text file: a named pipe (FIFO)",
    }
    assert [p.name for p in document_files(out)] == ["good.json"]


def test_a_character_device_is_named_for_what_it_is(tmp_path: Path) -> None:
    device = Path("/dev/null")
    if not device.exists():
        pytest.skip("no /dev/null")
    result = run_extract([device], tmp_path / "out")
    assert [(e.path, e.reason) for e in result.errors] == [("/dev/null", "not a text file: a character device")]


# --- numbers the output decimal cannot hold ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "• 금리는 0.1234567% 올랐다.",
        "• 금리는 0.0000001% 올랐다.",
        "• 미국은 99999999999999999999999999999999999999억불을 약속했다.",
        "• The U.S. pledged $999,999,999,999,999,999,999,999,999,999,999,999,999,999,999 trillion.",
        "• 일본은 1234567890123456789012345678901억불을 약속했다.",
    ],
)
def test_a_value_the_decimal_cannot_hold_is_left_out_with_a_warning(inputs: Path, tmp_path: Path, sentence: str) -> None:
    (inputs / "huge.txt").write_text(GOOD + sentence + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_extract([inputs], out)
    assert result.errors == [] and result.extracted == ["good", "huge"]
    huge = load_document(out / "huge.json")
    assert [a.display for a in huge.amounts] == ["$200M"]
    assert all(q.value < 100 for q in huge.quantities)
    assert any("does not fit the output decimal" in w for w in huge.warnings)
    assert validate_dir(out) == []


def test_a_value_the_tables_reject_fails_only_its_document(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Second line of defence: with the guard at extraction switched off, the table writer
    turns the value into an error for that document; the previous output stays current."""
    out = tmp_path / "out"
    (inputs / "huge.txt").write_text(GOOD, encoding="utf-8")
    run_extract([inputs], out)
    before = (out / "huge.json").read_bytes()
    (inputs / "huge.txt").write_text(GOOD + "• 금리는 0.1234567% 올랐다.\n", encoding="utf-8")
    monkeypatch.setattr("pipeline.extract._representable", lambda mentions, text: (mentions, []))
    result = run_extract([inputs], out)
    assert [(Path(e.path).name, e.reason.split(":")[0]) for e in result.errors] == [
        ("huge.txt", "cannot be written to the tables")
    ]
    assert result.extracted == ["good"]
    assert (out / "huge.json").read_bytes() == before
    assert validate_dir(out) == []


def test_any_failure_while_building_a_document_is_its_error(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_document

    def broken(raw: Any, doc_id: str, *args: Any, **kwargs: Any) -> Any:
        if doc_id == "broken":
            raise KeyError("a bug in some stage")
        return real(raw, doc_id, *args, **kwargs)

    monkeypatch.setattr(engines, "build_document", broken)
    (inputs / "broken.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_extract([inputs], out)
    assert [(Path(e.path).name, e.reason) for e in result.errors] == [
        ("broken.txt", "extraction failed: KeyError: 'a bug in some stage'")
    ]
    assert result.extracted == ["good"] and validate_dir(out) == []


# --- time budget ------------------------------------------------------------------------------


def test_a_document_over_its_time_budget_is_an_error_and_the_others_are_committed(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_document

    def endless(raw: Any, doc_id: str, *args: Any, **kwargs: Any) -> Any:
        while doc_id == "slow":  # a stage that never ends, in pure Python
            pass
        return real(raw, doc_id, *args, **kwargs)

    monkeypatch.setattr(engines, "build_document", endless)
    (inputs / "slow.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "zz_after.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--out", str(out), "--doc-timeout", "3", "--workers", "1"])
    assert result.exit_code == 1
    assert _errors(out) == {"slow.txt": "took longer than the time budget of 3 s"}
    assert [p.name for p in document_files(out)] == ["good.json", "zz_after.json"]
    assert pq.read_table(out / "documents.parquet").num_rows == 2


def test_the_budget_holds_in_one_process_with_the_look_ahead(inputs: Path, tmp_path: Path) -> None:
    (inputs / "big.txt").write_text(SAMPLE_KO.read_text(encoding="utf-8") * 300, encoding="utf-8")
    (inputs / "zz_after.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_extract([inputs], out, workers=1, doc_timeout=2)
    assert [(Path(e.path).name, e.reason) for e in result.errors] == [("big.txt", "took longer than the time budget of 2 s")]
    assert result.extracted == ["good", "zz_after"] and validate_dir(out) == []


def test_the_budget_holds_in_worker_processes(inputs: Path, tmp_path: Path) -> None:
    (inputs / "big.txt").write_text(SAMPLE_KO.read_text(encoding="utf-8") * 300, encoding="utf-8")
    out = tmp_path / "out"
    result = run_extract([inputs], out, workers=2, doc_timeout=2)
    assert [(Path(e.path).name, e.reason) for e in result.errors] == [("big.txt", "took longer than the time budget of 2 s")]
    assert result.extracted == ["good"] and validate_dir(out) == []


def test_kiwi_interrupted_by_the_budget_still_tokenizes_the_next_document(tmp_path: Path, kiwi: object) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SAMPLE_KO.read_text(encoding="utf-8") * 200, encoding="utf-8")
    reference = run_job(Job(str(SAMPLE_KO), "sample"))
    started = time.perf_counter()
    outcome = run_job(Job(str(big), "big", timeout=0.3))
    assert isinstance(outcome, FileError) and "time budget" in outcome.reason
    assert time.perf_counter() - started < 60  # interrupted, not run to the end
    assert run_job(Job(str(SAMPLE_KO), "sample", timeout=60)) == reference


# --- console output ---------------------------------------------------------------------------


def test_paths_with_console_markup_are_printed_as_written(inputs: Path, tmp_path: Path) -> None:
    (inputs / "bad[red].txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "o[/]x"
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert extracted.exit_code == 1, extracted.output
    assert "bad[red].txt: binary file" in extracted.output
    assert f"-> {out}/" in extracted.output
    validated = runner.invoke(app, ["validate", str(out)])
    assert validated.exit_code == 0 and f"{out}: valid" in validated.output
    checked = runner.invoke(app, ["check", str(out)])
    assert checked.exit_code == 0 and f"{out}: no disagreement" in checked.output
