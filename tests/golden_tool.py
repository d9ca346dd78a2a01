"""Golden files: a readable view of the outputs of ``raw/`` (each document's JSON, each
Parquet table as JSON lines). ``make golden`` rewrites ``tests/golden/`` from a fresh run;
review the diff before committing it. The golden test compares a fresh run with it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.run import run_extract
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
GOLDEN = ROOT / "tests" / "golden"


def extract_raw(out_dir: Path) -> None:
    """The main job, as ``make extract`` runs it (sources named relative to the repo)."""
    import os

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = run_extract([Path("raw")], out_dir, prune=True)
    finally:
        os.chdir(cwd)
    if result.errors:
        raise RuntimeError(f"extraction failed: {result.errors}")


def golden_view(out_dir: Path) -> dict[str, str]:
    """File name -> text of every golden file derived from an output folder."""
    view = {p.name: p.read_text(encoding="utf-8") for p in sorted(out_dir.glob("*.json"))}
    for name in TABLES:
        rows = pq.read_table(out_dir / f"{name}.parquet").to_pylist()
        lines = [json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) for row in rows]
        view[f"{name}.jsonl"] = "".join(line + "\n" for line in lines)
    return view


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        extract_raw(Path(tmp))
        view = golden_view(Path(tmp))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    GOLDEN.mkdir(parents=True)
    for name, text in view.items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
    print(f"rewrote {len(view)} golden files in {GOLDEN.relative_to(ROOT)}/ (review with git diff)")


if __name__ == "__main__":
    regenerate()
