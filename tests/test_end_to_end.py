"""The main job on ``raw/``: golden files, published ``data/``, validation, determinism."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from pipeline.validate import validate_dir
from tests.golden_tool import GOLDEN, ROOT, extract_raw, golden_view


@pytest.fixture(scope="session")
def fresh_run(tmp_path_factory: pytest.TempPathFactory, kiwi: object) -> Path:
    out = tmp_path_factory.mktemp("out")
    extract_raw(out)
    return out


def _diff(name: str, expected: str, actual: str, limit: int = 60) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), f"golden/{name}", f"fresh/{name}", lineterm=""))
    more = f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def test_outputs_match_golden_files(fresh_run: Path) -> None:
    """Regenerate with ``make golden`` and review the diff when a change is intended."""
    actual = golden_view(fresh_run)
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*"))}
    assert sorted(actual) == sorted(expected), "golden file set differs: run `make golden`"
    problems = [_diff(name, expected[name], actual[name]) for name in sorted(actual) if actual[name] != expected[name]]
    assert not problems, "outputs differ from tests/golden (run `make golden` if intended):\n" + "\n\n".join(problems)


def test_published_data_is_current(fresh_run: Path) -> None:
    """``data/`` is the published dataset: byte-identical to a fresh ``make extract``."""
    published = ROOT / "data"
    fresh = {p.name: p.read_bytes() for p in fresh_run.iterdir() if not p.name.startswith(".")}  # not the lock files
    current = {p.name: p.read_bytes() for p in published.iterdir() if not p.name.startswith(".")}
    assert sorted(current) == sorted(fresh), "data/ has other files than a fresh run: run `make extract`"
    stale = [name for name in fresh if fresh[name] != current[name]]
    assert not stale, f"data/ is stale, run `make extract`: {stale}"


def test_rerun_is_byte_identical(fresh_run: Path, tmp_path: Path) -> None:
    extract_raw(tmp_path)
    for path in fresh_run.iterdir():
        if not path.name.startswith("."):  # the lock files are not outputs
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_fresh_outputs_validate(fresh_run: Path) -> None:
    assert validate_dir(fresh_run) == []


@pytest.mark.parametrize(
    ("corruption", "expected_problem"),
    [
        ("truncate_json", "does not validate"),
        ("edit_span_text", "differs from Document.text"),
        ("drop_table", "amounts.parquet: missing"),
        ("stale_table", "bullets.parquet: does not match the JSON files"),
        ("garbage_table", "dates.parquet: unreadable"),
    ],
)
def test_validate_catches_corrupted_outputs(fresh_run: Path, tmp_path: Path, corruption: str, expected_problem: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(fresh_run, out)
    ko = out / "factsheet_2021-05-21_ko.json"
    if corruption == "truncate_json":
        ko.write_bytes(ko.read_bytes()[:1000])
    elif corruption == "edit_span_text":
        text = ko.read_text(encoding="utf-8")
        ko.write_text(text.replace('"text": "첨단·자동차용', '"text": "첨단-자동차용', 1), encoding="utf-8")
    elif corruption == "drop_table":
        (out / "amounts.parquet").unlink()
    elif corruption == "stale_table":
        text = ko.read_text(encoding="utf-8")
        ko.write_text(text.replace('"index_in_section": 1,', '"index_in_section": 99,', 1), encoding="utf-8")
    elif corruption == "garbage_table":
        (out / "dates.parquet").write_bytes(b"not parquet")
    problems = validate_dir(out)
    assert any(expected_problem in p for p in problems), problems
