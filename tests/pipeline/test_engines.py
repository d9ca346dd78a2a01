"""Engines give the same bytes: one process, a local pool, and a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.engines import FileError, Job, run_job
from pipeline.run import run_extract
from tests.golden_tool import ROOT


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}  # not the lock files


def test_run_job_from_bytes_equals_run_job_from_path(kiwi: object) -> None:
    path = ROOT / "raw" / "factsheet_2021-05-21_ko.txt"
    from_path = run_job(Job(str(path), "doc"))
    from_bytes = run_job(Job(str(path), "doc", raw=path.read_bytes()))
    assert from_path == from_bytes


def test_run_job_turns_bad_bytes_into_an_error(kiwi: object) -> None:
    outcome = run_job(Job("image.txt", "image", raw=b"\x89PNG\x00\x00"))
    assert isinstance(outcome, FileError) and outcome.reason == "binary file (NUL bytes)"


def test_dask_local_cluster_gives_the_same_tables_as_the_local_engine(tmp_path: Path, kiwi: object) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in (ROOT / "raw").glob("*.txt"):
        (inputs / path.name).write_bytes(path.read_bytes())
    (inputs / "broken.txt").write_bytes(b"\x00\x01binary")
    local = run_extract([inputs], tmp_path / "local", workers=1)
    dask = run_extract([inputs], tmp_path / "dask", workers=2, engine="dask")
    assert [e.reason for e in dask.errors] == [e.reason for e in local.errors] == ["binary file (NUL bytes)"]
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
