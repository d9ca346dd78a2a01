"""Concurrent commands on one output folder: runs never lose each other's documents, readers
never see half of a commit, leftover staging folders go only when their run is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from filelock import FileLock
from typer.testing import CliRunner

from cli import app
from pipeline.locks import RUN_LOCK
from pipeline.run import run_extract
from pipeline.validate import validate_dir
from pipeline.write import document_files
from tests.golden_tool import ROOT

SAMPLE_KO = ROOT / "raw" / "factsheet_2021-05-21_ko.txt"
GOOD = "팩트시트: 한일 협력\n\n2022년 3월 1일\n\n양국은 아래와 같이 협력한다.\n\n• 한국은 2억불을 약속했다.\n"


def _corpus(folder: Path, prefix: str, n: int) -> Path:
    folder.mkdir()
    sample = SAMPLE_KO.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{prefix}{i:02d}.txt").write_text(sample.replace("25억불", f"{i + 30}억불"), encoding="utf-8")
    return folder


def _command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), "extract", str(inputs), "--out", str(out), "--quiet", "--workers", "1"]


def test_two_runs_into_one_folder_keep_every_document(tmp_path: Path) -> None:
    """The second run starts while the first is extracting: it waits, and both commit."""
    first, second = _corpus(tmp_path / "a", "a", 16), _corpus(tmp_path / "b", "b", 5)
    out = tmp_path / "out"
    run_a = subprocess.Popen(_command(first, out), cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(out.glob(".staging-*/*.json")):
        time.sleep(0.05)
    run_b = subprocess.Popen(_command(second, out), cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _, errors_b = run_b.communicate(timeout=300)
    _, errors_a = run_a.communicate(timeout=300)
    assert (run_a.returncode, run_b.returncode) == (0, 0), errors_a + errors_b
    assert "waiting for another extract run" in errors_b
    assert len(document_files(out)) == 21
    assert pq.read_table(out / "documents.parquet").num_rows == 21
    assert validate_dir(out) == []


def test_a_second_run_that_may_not_wait_stops_with_a_clear_message(tmp_path: Path, kiwi: object) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(out / RUN_LOCK):
        result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "--lock-timeout", "0"])
    assert result.exit_code == 2
    assert "another extract run is writing to" in result.output
    assert not (out / "good.json").exists()


def test_a_waiting_run_goes_on_when_the_other_finishes(tmp_path: Path, kiwi: object) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    held = threading.Event()

    def other_run() -> None:
        with FileLock(out / RUN_LOCK):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=other_run)
    holder.start()
    assert held.wait(10)
    messages: list[str] = []
    result = run_extract([tmp_path / "in"], out, on_wait=messages.append)
    holder.join()
    assert result.extracted == ["good"] and len(messages) == 1
    assert validate_dir(out) == []


def test_leftover_staging_of_a_dead_run_is_removed(tmp_path: Path, kiwi: object) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    (out / ".staging-dead").mkdir(parents=True)
    (out / ".staging-dead" / "half.json").write_text("{", encoding="utf-8")
    run_extract([tmp_path / "in"], out)
    assert not any(out.glob(".staging-*"))


def test_a_reader_never_sees_half_of_a_commit(tmp_path: Path, kiwi: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """``validate`` started while a run renames its files waits for the last rename."""
    inputs = _corpus(tmp_path / "in", "doc", 3)
    out = tmp_path / "out"
    run_extract([inputs], out)
    for path in inputs.iterdir():  # every document and table changes in the next run
        path.write_text(path.read_text(encoding="utf-8").replace("2021년", "2022년"), encoding="utf-8")

    mid_commit, resume = threading.Event(), threading.Event()
    real_replace = os.replace

    def pausing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        if Path(src).parent.name.startswith(".staging-") and Path(dst).parent == out and not mid_commit.is_set():
            mid_commit.set()  # one file renamed, the others not yet
            resume.wait(30)

    monkeypatch.setattr(os, "replace", pausing_replace)
    writer = threading.Thread(target=run_extract, args=([inputs], out))
    writer.start()
    assert mid_commit.wait(120)
    problems: list[list[str]] = []
    reader = threading.Thread(target=lambda: problems.append(validate_dir(out)))
    reader.start()
    reader.join(1.5)
    still_waiting = reader.is_alive()
    resume.set()
    writer.join(60)
    reader.join(60)
    assert still_waiting, f"validate read the folder mid-commit: {problems}"
    assert problems == [[]]
