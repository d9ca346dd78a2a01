"""Where documents are extracted: in this process, in a pool of local processes, or on a Dask
cluster. Every engine runs the same per-document task and yields outcomes in input order, so
the outputs are the same bytes whatever the engine and the number of workers.

In one process, Kiwi analyses document n+1 in a thread while this thread runs the Python
stages of document n (Kiwi's C++ analysis releases the GIL and has its own thread pool), so one
process keeps two cores busy; a pool of processes is started only when the inputs are large
enough to pay for each worker's start-up (``auto_workers``). Each worker process builds its own
Kiwi once (``pipeline.tokens.get_kiwi`` is cached per process). Dask workers may run on other
machines: the task then carries the file's bytes and returns the document's JSON bytes, so
workers need neither the input nor the output folder.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from pipeline.budget import DocumentTimeout, time_budget
from pipeline.extract import build_document, extract_bytes
from pipeline.readers import ReadError, ReadResult, read_bytes, read_document, read_raw
from pipeline.tokens import Token, tokenize
from pipeline.write import document_json

if TYPE_CHECKING:
    from schemas.models import Document


@dataclass(frozen=True, slots=True)
class FileError:
    """Why one input produced no document, and what to do about it."""

    path: str
    reason: str
    hint: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "hint": self.hint}


@dataclass(frozen=True, slots=True)
class Job:
    """One document to extract; ``raw`` travels with it when the worker cannot read ``path``;
    ``timeout`` is its time budget in seconds (None: no limit); ``alternates`` are the same
    document in other formats, read in order when ``path`` cannot be (their bytes in
    ``alternate_raw`` likewise); ``doc_date`` is the date when the document gives none."""

    path: str
    doc_id: str
    raw: bytes | None = None
    timeout: float | None = None
    alternates: tuple[str, ...] = ()
    alternate_raw: tuple[bytes, ...] | None = None
    doc_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document's id and its JSON file's bytes; ``document`` is the document itself when it
    was extracted in this process (so the run can take its table rows without reading the JSON
    back), else None. Two outcomes are equal when their ids and bytes are."""

    doc_id: str
    json: bytes
    document: Document | None = field(default=None, compare=False, repr=False)


Outcome = Extracted | FileError


def _read_first(job: Job) -> tuple[ReadResult, str]:
    """The first of the document's files that reads, and its path; when the document was given
    in several formats, a warning says which was read and why an earlier one was not."""
    raws: Sequence[bytes | None] = job.alternate_raw or (None,) * len(job.alternates)
    candidates = [(job.path, job.raw), *zip(job.alternates, raws, strict=True)]
    failures: list[tuple[str, ReadError]] = []
    for path, raw in candidates:
        try:
            result = read_bytes(raw, path) if raw is not None else read_document(Path(path))
        except ReadError as err:
            failures.append((path, err))
            continue
        if len(candidates) == 1:
            return result, path
        others = ", ".join(Path(p).suffix for p, _ in candidates if p != path)
        why = "".join(f"; {Path(p).suffix} not readable: {err.reason}" for p, err in failures)
        note = f"also given as {others}: read {Path(path).suffix}{why}"
        return replace(result, warnings=(note, *result.warnings)), path
    first = failures[0][1]
    if len(failures) == 1:
        raise first
    rest = "; ".join(f"{Path(p).suffix}: {err.reason}" for p, err in failures[1:])
    raise ReadError(f"{first.reason} (also given as {rest})", first.hint)


def run_job(job: Job) -> Outcome:
    """Extract one document within its time budget; bad input, an overrun or any failure while
    building it becomes a ``FileError`` for that document, never an exception for the run."""
    try:
        with time_budget(job.timeout):
            result, path = _read_first(job)
            doc = build_document(result, job.doc_id, path, doc_date=job.doc_date)
            data = document_json(doc)
    except ReadError as err:
        return FileError(job.path, err.reason, err.hint)
    except DocumentTimeout as err:
        return FileError(job.path, str(err), "raise --doc-timeout, or split the document")
    except ValidationError as err:
        return FileError(job.path, f"extraction produced an invalid record: {err.errors()[0]['msg']}", "report this as a bug")
    except RecursionError as err:
        return FileError(job.path, f"document too deeply nested: {err}", "report this as a bug")
    except Exception as err:  # any other failure is this document's, never the run's
        return FileError(job.path, f"extraction failed: {type(err).__name__}: {err}", "report this as a bug")
    return Extracted(doc.doc_id, data)


_WARM_UP = {
    "ko": "제목\n\n2021년 5월 21일\n\n• 한미 양국은 5년간 2억불을 지원한다.\n",
    "en": "Title\n\nMay 21, 2021\n\n• The two countries will provide $200 million over five years.\n",
}


@dataclass(frozen=True, slots=True)
class _Tokenized:
    """A document read and analysed by Kiwi, waiting for the Python stages."""

    job: Job
    raw: ReadResult
    tokens: list[Token]
    source: str


def _read_and_tokenize(job: Job, abandoned: threading.Event) -> _Tokenized | FileError:
    """The first half of a job: read the input (its bytes if they travel with the job) and
    tokenize it; stops early (``TokenizationCancelled``) once the job is ``abandoned``."""
    try:
        raw, source = _read_first(job)
    except ReadError as err:
        return FileError(job.path, err.reason, err.hint)
    return _Tokenized(job, raw, tokenize(raw.text, abandoned.is_set), source)


def _finish(item: _Tokenized | FileError) -> Outcome:
    """The second half of a job: every Python stage, then the document's JSON bytes."""
    if isinstance(item, FileError):
        return item
    path = item.job.path
    try:
        doc = build_document(item.raw, item.job.doc_id, item.source, doc_date=item.job.doc_date, tokens=item.tokens)
    except ReadError as err:
        return FileError(path, err.reason, err.hint)
    except ValidationError as err:
        return FileError(path, f"extraction produced an invalid record: {err.errors()[0]['msg']}", "report this as a bug")
    except RecursionError as err:
        return FileError(path, f"document too deeply nested: {err}", "report this as a bug")
    except Exception as err:  # as run_job: this document's failure, never the run's
        return FileError(path, f"extraction failed: {type(err).__name__}: {err}", "report this as a bug")
    return Extracted(doc.doc_id, document_json(doc), doc)


LOOK_AHEAD = 3
"""Documents read and tokenized ahead of the one in the Python stages. More than one, so that
Kiwi keeps working through a run of cheap documents (English ones cost Kiwi a fifth of Korean
ones) instead of waiting for the Python stages of each; the tokens of a few documents are small."""


def _pipelined(jobs: Sequence[Job], look_ahead: int = LOOK_AHEAD) -> Generator[Outcome, None, None]:
    """``run_job`` over ``jobs`` in order, with a look-ahead: a thread reads and tokenizes the
    next documents while this one runs the Python stages. The outcomes are those of
    ``run_job``, byte for byte; only the timing differs."""
    if not jobs:
        return
    abandoned = [threading.Event() for _ in jobs]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiwi-ahead") as ahead:
        pending: deque[Future[_Tokenized | FileError]] = deque()
        submitted = 0
        try:
            for i, job in enumerate(jobs):
                while submitted < len(jobs) and submitted <= i + look_ahead:
                    pending.append(ahead.submit(_read_and_tokenize, jobs[submitted], abandoned[submitted]))
                    submitted += 1
                yield _finish_within_budget(pending.popleft(), job, abandoned[i])
        finally:
            for flag in abandoned:
                flag.set()
            ahead.shutdown(cancel_futures=True)


def _finish_within_budget(tokenized: Future[_Tokenized | FileError], job: Job, abandoned: threading.Event) -> Outcome:
    """Wait for the look-ahead's work on ``job`` and run its Python stages, all within the
    job's time budget. The budget is a signal to this (the main) thread, which interrupts the
    wait as well as the stages; the look-ahead thread then drops the document within one line
    of Kiwi's work, so the next document is not held up."""
    try:
        with time_budget(job.timeout):
            return _finish(tokenized.result())
    except DocumentTimeout as err:
        abandoned.set()
        return FileError(job.path, str(err), "raise --doc-timeout, or split the document")


def _warm_worker() -> None:
    """Build the worker's Kiwi and gazetteer and extract two tiny documents before its first
    document (so no document's time budget pays for the process's start-up), then move them
    out of the garbage collector's reach: they live as long as the process, and rescanning
    their hundred thousand objects at every full collection cost a fifth of the run time."""
    from pipeline.actors.gazetteer import load_gazetteer
    from pipeline.tokens import get_kiwi

    get_kiwi()
    load_gazetteer()
    for language, text in _WARM_UP.items():  # Kiwi's first analysis and lazily loaded rules: not any document's time
        extract_bytes(text.encode("utf-8"), f"warm-up-{language}", "warm-up")
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


GC_YOUNG_THRESHOLD = 20_000
"""Allocations between two young-generation collections (Python's default is 700). A document
allocates hundreds of thousands of short-lived tuples and records, nearly all freed by
reference counting; at 700 the collector ran every few hundred tokens and took 5-7% of the
Python stages (``bench.stages``, interleaved); 20,000 objects are a few MB at most."""


CORES_PER_PROCESS = 2
"""Cores one process keeps busy: Kiwi's analysis of the next document beside the Python stages."""

BYTES_PER_WORKER = 8_000_000
"""Input a worker process must have to pay for its start-up (imports, Kiwi's model, the
gazetteer: about 2-3 s of CPU, the time to extract about 4 MB of text in a warm process)."""


def auto_workers(jobs: Sequence[Job], cores: int | None = None) -> int:
    """The default number of worker processes: one, unless there are spare cores beyond what
    one process keeps busy and enough input to pay for each extra worker's start-up."""
    total = 0
    for job in jobs:
        try:
            total += len(job.raw) if job.raw is not None else os.stat(job.path).st_size
        except OSError:
            continue  # reported when the job runs
    by_cores = max((cores or os.cpu_count() or 1) // CORES_PER_PROCESS, 1)
    by_size = max(total // BYTES_PER_WORKER, 1)
    return min(by_cores, by_size, max(len(jobs), 1))


def local_engine(jobs: Sequence[Job], workers: int | None = None) -> Iterator[Outcome]:
    """This process (Kiwi overlapped with the Python stages) for one worker, else a pool of
    ``workers`` processes; ``None`` chooses with ``auto_workers``."""
    if workers is None:
        workers = auto_workers(jobs)
    if workers <= 1 or len(jobs) <= 1:
        if jobs:
            _warm_worker()
        yield from _pipelined(jobs)
        return
    yield from pooled(jobs, workers)


WORKER_DIED = (
    "the worker process extracting it stopped abruptly (it crashed, or the system killed it, for example out of memory)",
    "extract it alone with --workers 1 to see what fails; report it as a bug",
)
"""The error of a document that takes its worker process down with it."""

CRASHES_IN_A_ROW = 3
"""Documents in a row that crash a worker even alone before the run stops: by then the workers
themselves are failing (their start-up, the machine), not the documents."""


class WorkersKeepDying(RuntimeError):
    """Worker processes die whatever document they are given: the run cannot go on."""


def pooled(
    jobs: Sequence[Job],
    workers: int,
    task: Callable[[Job], Outcome] = run_job,
    initializer: Callable[[], None] | None = _warm_worker,
) -> Iterator[Outcome]:
    """``task`` over ``jobs`` in a pool of ``workers`` processes, outcomes in input order. A
    document that kills its worker (a crash in native code, the out-of-memory killer) breaks
    the whole pool, and every document in flight with it: the document the run was waiting
    for is then run again in a pool of its own, so only a document that crashes even alone
    becomes an error (``WORKER_DIED``), and a new pool takes the rest."""
    done = crashes = 0
    while done < len(jobs):
        try:
            for outcome in _in_pool(jobs[done:], workers, task, initializer):
                crashes = 0
                done += 1
                yield outcome
        except BrokenProcessPool:
            outcome = _alone(jobs[done], task, initializer)
            crashes = crashes + 1 if outcome == FileError(jobs[done].path, *WORKER_DIED) else 0
            if crashes >= CRASHES_IN_A_ROW:
                raise WorkersKeepDying(
                    f"worker processes died on {crashes} documents in a row, each run alone: the workers fail,"
                    " not the documents (try --workers 1)"
                ) from None
            done += 1
            yield outcome


def _in_pool(
    jobs: Sequence[Job], workers: int, task: Callable[[Job], Outcome], initializer: Callable[[], None] | None
) -> Iterator[Outcome]:
    """``task`` over ``jobs`` in one pool; raises ``BrokenProcessPool`` once a worker dies."""
    # spawn, not fork: a forked child inherits Kiwi's thread pool in whatever state it was and hangs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer, mp_context=context) as pool:
        try:
            yield from pool.map(task, jobs, chunksize=1)
        finally:
            pool.shutdown(cancel_futures=True)


def _alone(job: Job, task: Callable[[Job], Outcome], initializer: Callable[[], None] | None) -> Outcome:
    """``job`` in a pool of its own: its outcome, or ``WORKER_DIED`` when it kills that worker too."""
    try:
        (outcome,) = _in_pool([job], 1, task, initializer)
        return outcome
    except BrokenProcessPool:
        return FileError(job.path, *WORKER_DIED)


def _with_bytes(job: Job) -> Job | FileError:
    try:
        return replace(job, raw=read_raw(Path(job.path)), alternate_raw=tuple(read_raw(Path(p)) for p in job.alternates))
    except ReadError as err:
        return FileError(job.path, err.reason, err.hint)


def dask_engine(
    jobs: Sequence[Job],
    workers: int,
    scheduler: str | None = None,
    task: Callable[[Job], Outcome] = run_job,
    initializer: Callable[[], None] | None = _warm_worker,
) -> Iterator[Outcome]:
    """Run on the Dask cluster at ``scheduler`` (``tcp://host:8786``), or on a LocalCluster of
    ``workers`` processes. At most a few documents per worker are in flight, so memory stays
    bounded on large corpora; outcomes come back in input order. Dask restarts a worker that
    dies and retries its documents; one that kills workers every time (Dask's
    ``allowed-failures``) becomes its own error (``WORKER_DIED``), not the run's."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError("the dask engine needs the extra: pip install 'factsheet-extract[dask]'") from err
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        if initializer is not None:
            client.run(initializer)
        in_flight: deque[tuple[Job, object]] = deque()
        window = 4 * max(len(client.scheduler_info()["workers"]), 1)
        for job in jobs:
            loaded = _with_bytes(job)
            in_flight.append((job, loaded if isinstance(loaded, FileError) else client.submit(task, loaded, pure=False)))
            if len(in_flight) >= window:
                yield _result(*in_flight.popleft())
        while in_flight:
            yield _result(*in_flight.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result(job: Job, item: object) -> Outcome:
    """The outcome of ``job`` from its Dask future (or the error found before submitting it)."""
    from distributed import KilledWorker

    if isinstance(item, FileError):
        return item
    try:
        outcome: Outcome = item.result()  # type: ignore[attr-defined]  # a distributed Future
    except KilledWorker:
        return FileError(job.path, *WORKER_DIED)
    return outcome
