"""Run ``extract`` over files and folders: one document at a time, errors kept per file.

The per-document JSON files are the source of truth of an output folder; the Parquet tables
are rebuilt from every document JSON in it after each run. So extracting one file updates
its rows without dropping the others, and a file that fails keeps its previous outputs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.extract import extract_file
from pipeline.read import ReadError
from pipeline.write import json_bytes, atomic_write_bytes, load_document, write_document, write_tables
from schemas.models import Document

ERRORS_FILE = "errors.json"
INPUT_SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class FileError:
    """Why one input produced no document, and what to do about it."""

    path: str
    reason: str
    hint: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "hint": self.hint}


@dataclass(slots=True)
class RunResult:
    extracted: list[Document] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    corpus: list[Document] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def collect_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[FileError]]:
    """Files as given plus ``*.txt`` inside folders (sorted); missing paths become errors."""
    files: list[Path] = []
    errors: list[FileError] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(FileError(str(path), "no such file or folder", "check the path"))
    unique = list(dict.fromkeys(files))
    stems = Counter(p.stem for p in unique)
    clashes = [p for p in unique if stems[p.stem] > 1]
    for p in clashes:
        others = ", ".join(str(q) for q in clashes if q.stem == p.stem and q != p)
        errors.append(FileError(str(p), f"duplicate doc_id {p.stem!r} (also {others})", "rename one of the files"))
    return [p for p in unique if stems[p.stem] == 1], errors


def document_files(out_dir: Path) -> list[Path]:
    """The per-document JSON files of an output folder."""
    return sorted(p for p in out_dir.glob("*.json") if p.name != ERRORS_FILE and not p.name.startswith("."))


def extract_one(path: Path) -> Document | FileError:
    """One file -> its document, or the reason it failed (never raises for bad input)."""
    try:
        return extract_file(path)
    except ReadError as err:
        return FileError(str(path), err.reason, err.hint)
    except ValidationError as err:
        return FileError(str(path), f"extraction produced an invalid record: {err.errors()[0]['msg']}", "report this as a bug")
    except RecursionError as err:
        return FileError(str(path), f"document too deeply nested: {err}", "report this as a bug")


def run_extract(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    prune: bool = False,
    fail_fast: bool = False,
    on_document: Callable[[Path], None] | None = None,
    extractor: Callable[[Path], Document | FileError] = extract_one,
) -> RunResult:
    """Extract ``paths`` into ``out_dir``: JSON per document, then every table, then errors."""
    result = RunResult()
    files, result.errors = collect_inputs(paths)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        outcome = extractor(path)
        if isinstance(outcome, FileError):
            result.errors.append(outcome)
            if fail_fast:
                break
        else:
            write_document(outcome, out_dir)
            result.extracted.append(outcome)
        if on_document:
            on_document(path)
    if prune:
        keep = {p.stem for p in files} | {p.stem for p in _named_inputs(paths)}
        for stale in document_files(out_dir):
            if stale.stem not in keep:
                stale.unlink()
    result.corpus = _load_corpus(out_dir, result)
    write_tables(result.corpus, out_dir)
    atomic_write_bytes(out_dir / ERRORS_FILE, json_bytes([e.as_dict() for e in result.errors]))
    return result


def _named_inputs(paths: Iterable[Path]) -> list[Path]:
    """Every input path named, even failed or duplicate ones (their old outputs are kept)."""
    named = []
    for path in paths:
        named.extend(path.rglob("*.txt") if path.is_dir() else [path])
    return named


def _load_corpus(out_dir: Path, result: RunResult) -> list[Document]:
    fresh = {doc.doc_id: doc for doc in result.extracted}
    corpus = []
    for path in document_files(out_dir):
        if path.stem in fresh:
            corpus.append(fresh[path.stem])
            continue
        try:
            corpus.append(load_document(path))
        except (ValidationError, OSError, ValueError) as err:
            result.errors.append(FileError(str(path), f"existing output does not validate: {err}", "re-extract its source"))
    return corpus
