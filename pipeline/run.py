"""Run ``extract`` over files and folders, with per-file errors and nothing ever lost.

The per-document JSON files are the source of truth of an output folder; the Parquet tables
are rebuilt from every document JSON in it after each run, so extracting one file updates
its rows without dropping the others, and a file that fails keeps its previous outputs.

A run writes everything into a staging folder inside the output folder and renames the
files into place only at the end: a run that fails or is killed leaves the previous outputs
intact and consistent with each other. Extraction runs on an engine of ``pipeline.engines``
(local processes or Dask); the outputs are the same bytes whatever the engine and workers.
One run at a time writes to an output folder, and readers never see half of a commit
(``pipeline.locks``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from pydantic import ValidationError

from pipeline.budget import DEFAULT_DOC_TIMEOUT
from pipeline.engines import FileError, Job, Outcome, dask_engine, local_engine
from pipeline.locks import committing, run_lock
from pipeline.pairing import DocInfo, apply_alignment, clear_alignment, find_pairs
from pipeline.readers import format_by_name, input_suffixes
from pipeline.tables import arrow_rows
from pipeline.write import ERRORS_FILE, TableWriter, atomic_write_bytes, document_files, document_json, json_bytes, load_document
from schemas.models import Document

STAGING_PREFIX = ".staging-"
RESERVED_DOC_IDS = frozenset({Path(ERRORS_FILE).stem})
"""Doc ids whose JSON would be one of the run's own files (compared in any letter case)."""


@dataclass(slots=True)
class RunResult:
    """What a run did: documents extracted now, errors, and every document now in the folder."""

    out_dir: Path
    extracted: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    corpus: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _documents_in(folder: Path, errors: list[FileError] | None = None) -> list[Path]:
    """The input documents below a folder, sorted: files whose name ends with an extension of a
    registered reader (``pipeline.readers``), in any letter case. A subfolder that cannot be
    read is added to ``errors``."""

    def unreadable(err: OSError) -> None:
        if errors is not None:
            reason = f"cannot read folder: {err.strerror or err}"
            errors.append(FileError(str(err.filename or folder), reason, "check its permissions"))

    suffixes = input_suffixes()
    found: list[Path] = []
    for root, _subfolders, names in os.walk(folder, onerror=unreadable):
        found.extend(Path(root) / name for name in names if Path(name).suffix.lower() in suffixes)
    return sorted(found)


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _not_a_file(path: Path, mode: int) -> FileError | None:
    """An input that exists but is not a regular file or folder, named for what it is."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return FileError(str(path), f"not a text file: {kind}", "give a text file or a folder")


def _doc_id_problem(path: Path) -> FileError | None:
    """A file whose output would be hidden or would overwrite one of the run's own files."""
    doc_id = path.stem
    if doc_id.startswith("."):
        return FileError(str(path), f"file name {path.name!r} starts with '.': its output would be hidden", "rename the file")
    if doc_id.casefold() in RESERVED_DOC_IDS:
        return FileError(str(path), f"doc_id {doc_id!r} is reserved for the run's {ERRORS_FILE}", "rename the file")
    return None


FORMAT_PREFERENCE = ("hwpx", "hwp", "html", "txt", "pdf")
"""When one release is given in several formats (same folder, same file stem), the format read:
the one whose structure survives best. Formats not listed come after these, by name."""


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """One document to extract: the file read first and, when the same release is also given in
    other formats, those files in order of preference (read if the first cannot be)."""

    path: Path
    alternates: tuple[Path, ...] = ()


def _preference(path: Path) -> tuple[int, str, str]:
    fmt = format_by_name(str(path)) or path.suffix.lower()
    rank = FORMAT_PREFERENCE.index(fmt) if fmt in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)
    return rank, fmt, str(path)


def _group_formats(files: list[Path], errors: list[FileError]) -> list[DocumentInput]:
    """Files in one folder with the same stem (any letter case) and different formats are one
    document; the same stem in two folders, or twice in one format, is a duplicate doc_id
    (the outputs would collide, also on case-insensitive file systems)."""
    groups: dict[tuple[Path, str], list[Path]] = {}
    for path in files:
        groups.setdefault((path.parent, path.stem.casefold()), []).append(path)
    documents: list[DocumentInput] = []
    for members in groups.values():
        formats = [_preference(p)[1] for p in members]
        if len(set(formats)) == len(formats):
            ranked = sorted(members, key=_preference)
            documents.append(DocumentInput(ranked[0], tuple(ranked[1:])))
        else:
            documents.extend(DocumentInput(p) for p in members)  # same format twice: reported below
    stems = Counter(d.path.stem.casefold() for d in documents)
    kept: list[DocumentInput] = []
    for doc in documents:
        if stems[doc.path.stem.casefold()] == 1:
            kept.append(doc)
            continue
        clashing = [p for d in documents if d.path.stem.casefold() == doc.path.stem.casefold() for p in (d.path, *d.alternates)]
        for p in (doc.path, *doc.alternates):
            others = ", ".join(str(q) for q in clashing if q != p)
            errors.append(FileError(str(p), f"duplicate doc_id {p.stem!r} (also {others})", "rename one of the files"))
    return sorted(kept, key=lambda d: d.path)


def gather_inputs(paths: Sequence[Path]) -> tuple[list[DocumentInput], list[FileError]]:
    """Files as given (read by their content, whatever their name) plus the documents inside
    folders (sorted). Missing, unreadable or special paths (pipes, devices), reserved or hidden
    names and duplicate doc ids become errors; one release in several formats is one document."""
    candidates: list[Path] = []
    errors: list[FileError] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            errors.append(FileError(str(path), "no such file or folder", "check the path"))
            continue
        except OSError as err:
            errors.append(FileError(str(path), f"cannot read: {err.strerror or err}", "check the path and its permissions"))
            continue
        candidates.extend(_documents_in(path, errors) if stat.S_ISDIR(mode) else [path])
    files: list[Path] = []
    for path in dict.fromkeys(candidates):
        try:
            problem = _not_a_file(path, path.stat().st_mode) or _doc_id_problem(path)
        except OSError as err:
            problem = FileError(str(path), f"cannot read: {err.strerror or err}", "check the path and its permissions")
        if problem:
            errors.append(problem)
        else:
            files.append(path)
    return _group_formats(files, errors), errors


def collect_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[FileError]]:
    """The files ``gather_inputs`` reads first (one per document), and the input errors."""
    documents, errors = gather_inputs(paths)
    return [d.path for d in documents], errors


def default_workers() -> int:
    return max(os.cpu_count() or 1, 1)


def run_extract(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    prune: bool = False,
    fail_fast: bool = False,
    pairs: Sequence[tuple[str, str]] = (),
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    on_document: Callable[[], None] | None = None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    lock_timeout: float = -1,
    on_wait: Callable[[str], None] | None = None,
    doc_date: dt.date | None = None,
) -> RunResult:
    """Extract ``paths`` into ``out_dir``: JSON per document, alignment of Korean/English
    pairs, every table and ``errors.json``, all staged and then renamed into place.

    The whole run holds the folder's run lock (``pipeline.locks``): a second run waits up to
    ``lock_timeout`` seconds (-1: as long as it takes) and raises ``FolderBusy`` after that.
    A document taking more than ``doc_timeout`` seconds (None: no limit) becomes an error.
    ``doc_date`` is the date of documents that give none (text, metadata, file name)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(out_dir, lock_timeout, on_wait):
        return _run_locked(
            paths, out_dir, prune, fail_fast, pairs, workers, engine, scheduler, on_document, doc_timeout, doc_date
        )


def _run_locked(
    paths: Sequence[Path],
    out_dir: Path,
    prune: bool,
    fail_fast: bool,
    pairs: Sequence[tuple[str, str]],
    workers: int | None,
    engine: str,
    scheduler: str | None,
    on_document: Callable[[], None] | None,
    doc_timeout: float | None,
    doc_date: dt.date | None,
) -> RunResult:
    result = RunResult(out_dir)
    documents, result.errors = gather_inputs(paths)
    files = [d.path for d in documents]
    for stale in out_dir.glob(STAGING_PREFIX + "*"):  # we hold the run lock: its owner is gone
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    try:
        jobs = [
            Job(str(d.path), d.path.stem, timeout=doc_timeout, alternates=tuple(map(str, d.alternates)), doc_date=doc_date)
            for d in documents
        ]
        outcomes = dask_engine(jobs, workers or default_workers(), scheduler) if engine == "dask" else local_engine(jobs, workers)
        prepared = _stage_outcomes(outcomes, staging, result, fail_fast, on_document)
        removed = _pruned(out_dir, files, paths) if prune else set()
        sources = _current_sources(out_dir, staging, removed)
        _align(sources, staging, pairs, result, prepared)
        result.corpus = sorted(sources)
        with TableWriter(staging) as tables:
            inputs = {p.stem: str(p) for p in files}
            for doc_id in result.corpus:
                source = sources[doc_id]
                known = prepared.pop(source, None)
                if known is not None and known.tables is not None:
                    tables.add_converted(known.tables)
                else:
                    _add_to_tables(tables, source, out_dir, result, inputs.get(doc_id, str(source)))
        atomic_write_bytes(staging / ERRORS_FILE, json_bytes([e.as_dict() for e in result.errors]))
        with committing(out_dir):
            _commit(staging, out_dir, removed)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


PREPARED_DOCUMENTS = 1024
"""Documents of a run whose table rows are kept in memory until the tables are written (about
a quarter of a megabyte each); the tables read the others back from their JSON files."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What the end of the run needs of a document extracted in this process, taken from the
    document itself while it is in memory: its pairing facts and its table rows (None when
    they do not fit the tables: the JSON is then read back, and fails there, as any other)."""

    info: DocInfo
    tables: dict[str, pa.Table] | None


def _prepare(doc: Document) -> _Prepared:
    """The pairing facts ``_info`` reads from the JSON, and the rows ``TableWriter.add`` would
    add, from the document in memory: its JSON's bytes are this document's, so both are the
    same as when read back and validated, without parsing and validating again."""
    first = doc.alignments[0] if doc.alignments else None
    aligned = first is not None or any(b.aligned_id for b in doc.bullets)
    info = DocInfo(doc.doc_id, str(doc.language), (first.ko_doc_id, first.en_doc_id) if first else None, aligned)
    try:
        tables: dict[str, pa.Table] | None = arrow_rows(doc)
    except Exception:  # the tables read its JSON back and fail on it as on any other
        tables = None
    return _Prepared(info, tables)


def _stage_outcomes(
    outcomes: Iterable[Outcome], staging: Path, result: RunResult, fail_fast: bool, on_document: Callable[[], None] | None
) -> dict[Path, _Prepared]:
    """Stage each extracted document's JSON and collect the errors; return what the end of the
    run needs of the documents extracted in this process, by staged path. The files are
    written (and synced to disk) by a second thread: a sync waits on the disk for milliseconds,
    time the extraction of the next document can use. Every write has finished (or raised) on
    return."""
    prepared: dict[Path, _Prepared] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="stage-writer") as writer:
        writes: list[Future[None]] = []
        for outcome in outcomes:
            if isinstance(outcome, FileError):
                result.errors.append(outcome)
                if fail_fast:
                    break
            else:
                target = staging / f"{outcome.doc_id}.json"
                writes.append(writer.submit(atomic_write_bytes, target, outcome.json))
                result.extracted.append(outcome.doc_id)
                if outcome.document is not None and len(prepared) < PREPARED_DOCUMENTS:
                    prepared[target] = _prepare(outcome.document)
            if on_document:
                on_document()
        for write in writes:
            write.result()
    return prepared


_UNUSABLE = (ValidationError, OSError, ValueError, pa.ArrowException)


def _add_to_tables(tables: TableWriter, source: Path, out_dir: Path, result: RunResult, input_path: str) -> None:
    """Add one document's rows. A document the tables cannot hold is an error: a staged one
    is dropped (its previous output, if any, stays current), an existing one is left out."""
    try:
        tables.add(load_document(source))
        return
    except _UNUSABLE as err:
        if source.parent == out_dir:
            result.errors.append(FileError(str(source), f"existing output does not validate: {err}", "re-extract its source"))
            return
        result.errors.append(FileError(input_path, f"cannot be written to the tables: {err}", "report this as a bug"))
    source.unlink()
    doc_id = source.stem
    if doc_id in result.extracted:
        result.extracted.remove(doc_id)
    if (out_dir / source.name).exists():
        _add_to_tables(tables, out_dir / source.name, out_dir, result, input_path)


def _pruned(out_dir: Path, files: Sequence[Path], paths: Iterable[Path]) -> set[str]:
    """Doc ids whose outputs ``--prune`` removes: not among the inputs named this run
    (a failed or duplicate input still counts as named: its old outputs are kept)."""
    named = {p.stem for p in files}
    for path in paths:
        try:
            named.update(p.stem for p in (_documents_in(path) if path.is_dir() else [path]))
        except OSError:
            continue  # reported by collect_inputs
    return {p.stem for p in document_files(out_dir)} - named


def _current_sources(out_dir: Path, staging: Path, removed: set[str]) -> dict[str, Path]:
    """Doc id -> the JSON that will be current after this run (staged ones win)."""
    sources = {p.stem: p for p in document_files(out_dir) if p.stem not in removed}
    sources.update({p.stem: p for p in document_files(staging)})
    return sources


def _info(path: Path) -> DocInfo | None:
    """The few fields pairing needs, without validating the whole document."""
    try:
        raw = json.loads(path.read_bytes())
        first = raw["alignments"][0] if raw.get("alignments") else None
        aligned = bool(first) or any(b.get("aligned_id") for b in raw.get("bullets", []))
        return DocInfo(raw["doc_id"], raw["language"], (first["ko_doc_id"], first["en_doc_id"]) if first else None, aligned)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # reported when the tables are built


def _align(
    sources: dict[str, Path],
    staging: Path,
    explicit: Sequence[tuple[str, str]],
    result: RunResult,
    prepared: dict[Path, _Prepared] | None = None,
) -> None:
    """Recompute alignment of every pair, clear it for documents no longer paired. A document
    whose JSON changes here loses its ``prepared`` rows (the tables read the new JSON)."""
    prepared = {} if prepared is None else prepared
    infos = []
    for path in sources.values():
        known = prepared.get(path)
        info = known.info if known is not None else _info(path)
        previous = _info(staging.parent / path.name) if path.parent == staging else None
        if info is not None and info.recorded_pair is None and previous is not None and previous.recorded_pair:
            info = DocInfo(info.doc_id, info.language, previous.recorded_pair, info.aligned)  # re-extracted: keep its pair
        if info is not None:
            infos.append(info)
    pairs = find_pairs(infos, explicit)
    paired = {doc_id for pair in pairs for doc_id in pair}
    for ko_id, en_id in pairs:
        try:
            ko, en = apply_alignment(load_document(sources[ko_id]), load_document(sources[en_id]))
        except (ValidationError, OSError, ValueError):
            continue  # the broken side is reported when the tables are built
        for doc in (ko, en):
            sources[doc.doc_id] = _stage_if_changed(sources[doc.doc_id], staging, document_json(doc), prepared)
    for info in infos:
        if info.aligned and info.doc_id not in paired:
            try:
                doc = clear_alignment(load_document(sources[info.doc_id]))
            except (ValidationError, OSError, ValueError):
                continue
            sources[info.doc_id] = _stage_if_changed(sources[info.doc_id], staging, document_json(doc), prepared)


def _stage_if_changed(current: Path, staging: Path, data: bytes, prepared: dict[Path, _Prepared]) -> Path:
    if current.read_bytes() == data:
        return current
    target = staging / current.name
    atomic_write_bytes(target, data)
    prepared.pop(target, None)
    return target


def _commit(staging: Path, out_dir: Path, removed: set[str]) -> None:
    """Rename every staged file into place, then drop pruned documents."""
    for path in sorted(staging.iterdir()):
        os.replace(path, out_dir / path.name)
    for doc_id in sorted(removed):
        (out_dir / f"{doc_id}.json").unlink(missing_ok=True)
