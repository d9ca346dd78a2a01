"""Engines give the same bytes: one process, a local pool, and a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.engines import (
    BYTES_PER_WORKER,
    WORKER_DIED,
    Extracted,
    FileError,
    Job,
    Outcome,
    WorkersKeepDying,
    _pipelined,
    _result,
    auto_workers,
    pooled,
    run_job,
)
from pipeline.run import run_extract
from tests.golden_tool import ROOT
from tests.pipeline.crashing_tasks import always_crash, crash_on_marked


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


def test_look_ahead_gives_the_outcomes_of_run_job_in_order(kiwi: object) -> None:
    raw = sorted((ROOT / "raw").glob("*.txt"))
    jobs = [
        Job(str(raw[0]), "a"),
        Job("image.txt", "bad", raw=b"\x89PNG\x00\x00"),
        Job(str(raw[1]), "b"),
        Job("missing.txt", "missing"),
        Job(str(raw[0]), "c", raw=raw[0].read_bytes()),
    ]
    assert list(_pipelined(jobs)) == [run_job(job) for job in jobs]
    assert list(_pipelined([])) == []


def test_look_ahead_stops_cleanly_when_the_consumer_stops(kiwi: object) -> None:
    raw = sorted((ROOT / "raw").glob("*.txt"))
    outcomes = _pipelined([Job(str(raw[0]), "a"), Job(str(raw[1]), "b"), Job(str(raw[0]), "c")])
    first = next(outcomes)
    outcomes.close()  # as a --fail-fast run does
    assert isinstance(first, Extracted) and first.doc_id == "a"


@pytest.mark.parametrize(
    ("sizes", "cores", "expected"),
    [
        ([10_000], 64, 1),  # one document: never a pool
        ([10_000] * 500, 2, 1),  # one process already keeps both cores busy
        ([10_000] * 500, 64, 1),  # 5 MB does not pay for a second worker's start-up
        ([10_000] * 2_000, 64, 2),
        ([10_000] * 100_000, 8, 4),  # at most one process per two cores
        ([40_000_000, 40_000_000], 64, 2),  # never more workers than documents
    ],
)
def test_auto_workers_starts_a_pool_only_when_it_pays(sizes: list[int], cores: int, expected: int) -> None:
    jobs = [Job(f"d{i}.txt", f"d{i}", raw=b"x" * size) for i, size in enumerate(sizes)]
    assert auto_workers(jobs, cores) == expected


def test_auto_workers_counts_files_on_disk_and_skips_missing_ones(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (3 * BYTES_PER_WORKER))
    jobs = [Job(str(big), "big"), Job(str(tmp_path / "gone.txt"), "gone")]
    assert auto_workers(jobs, cores=8) == 2
    assert auto_workers([Job(str(big), "big")], cores=8) == 1


def _ids(outcomes: list[Outcome]) -> list[str]:
    return [o.doc_id if isinstance(o, Extracted) else f"error:{o.path}" for o in outcomes]


@pytest.mark.parametrize(
    "ids",
    [
        ["a", "crash-1", "b", "c"],  # the pool breaks with b in flight: b runs again in a new pool
        ["crash-1", "a", "crash-2", "b"],  # the first document, and two crashes in one run
    ],
)
def test_a_document_that_kills_its_worker_becomes_its_own_error(ids: list[str]) -> None:
    jobs = [Job(f"{doc_id}.txt", doc_id) for doc_id in ids]
    outcomes = list(pooled(jobs, 2, task=crash_on_marked, initializer=None))
    assert _ids(outcomes) == [f"error:{i}.txt" if i.startswith("crash") else i for i in ids]
    crashed = [o for o in outcomes if isinstance(o, FileError)]
    assert all((o.reason, o.hint) == WORKER_DIED for o in crashed)


def test_workers_that_die_on_every_document_stop_the_run() -> None:
    jobs = [Job(f"d{i}.txt", f"d{i}") for i in range(6)]
    with pytest.raises(WorkersKeepDying, match="3 documents in a row"):
        list(pooled(jobs, 2, task=always_crash, initializer=None))


def test_dask_turns_a_document_that_keeps_killing_workers_into_its_own_error() -> None:
    """Dask gives up on a document that was on a dying worker more than ``allowed-failures``
    times (``KilledWorker``); that document becomes its error, the run goes on."""
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

    class GaveUp:
        def result(self) -> Outcome:
            raise distributed.KilledWorker("run_job-1", "tcp://127.0.0.1:1", 3)

    job = Job("poison.txt", "poison")
    assert _result(job, GaveUp()) == FileError("poison.txt", *WORKER_DIED)
    assert _result(job, FileError("poison.txt", "unreadable", "fix it")) == FileError("poison.txt", "unreadable", "fix it")
