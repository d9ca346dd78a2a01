"""The tables of a run take the rows of documents extracted in this process from memory: the
bytes must be those of tables built from the JSON files read back and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import run
from pipeline.run import run_extract
from pipeline.tables import TABLES
from pipeline.write import TableWriter, document_files, load_document
from tests.golden_tool import ROOT


def _tables(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (ROOT / "raw").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


def test_tables_from_memory_equal_tables_from_the_json_files(inputs: Path, tmp_path: Path, kiwi: object) -> None:
    out = tmp_path / "out"
    result = run_extract([inputs], out, workers=1)
    assert len(result.extracted) == 3  # the pair is aligned: its JSON changed after extraction
    rebuilt = tmp_path / "rebuilt"
    rebuilt.mkdir()
    with TableWriter(rebuilt) as tables:
        for path in document_files(out):
            tables.add(load_document(path))
    assert _tables(out) == _tables(rebuilt)


def test_documents_beyond_the_memory_limit_are_read_back_with_the_same_bytes(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kiwi: object
) -> None:
    run_extract([inputs], tmp_path / "memory", workers=1)
    monkeypatch.setattr(run, "PREPARED_DOCUMENTS", 1)
    run_extract([inputs], tmp_path / "one")
    monkeypatch.setattr(run, "PREPARED_DOCUMENTS", 0)
    run_extract([inputs], tmp_path / "none")
    assert _tables(tmp_path / "memory") == _tables(tmp_path / "one") == _tables(tmp_path / "none")
