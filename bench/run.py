"""Benchmark ``factsheet extract`` on a generated corpus and write ``bench/results.md``.

Every figure is measured in the same run for several trees, interleaved so all see the same
load: *issue* (the code when issue 16 was filed, ``--issue-ref``; timings only, its outputs
lack later columns), *start* (``--baseline``, the code before the current round of speed work,
same output contract as now) and *now* (this tree); each other tree is checked out into a
temporary folder with ``git archive``. Reported:

- the default number of workers against ``--workers 1`` on 1, 2, 10, 100 and 500 documents;
- the cost of the Python stages per document (one warm process: whole extraction minus Kiwi);
- end-to-end with default settings on all the documents against Kiwi tokenization alone;
- per-stage costs (``bench.stages``, one entry per stage) and a short cProfile of now;
- reading each input format per document and per page (``bench.readers``, the format fixtures);
- that the outputs (every JSON and Parquet file) of now, under every worker setting, are
  byte-identical to start's ``--workers 1``; the run fails if they are not.

Timings are medians of ``--repeat`` runs. Not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import ROOT, build_corpus
from bench.stages import JSON_STAGE, KIWI_STAGE, READ_STAGE, STAGES, WHOLE_STAGE

ISSUE_REF = "85d8f46"
"""Main when issue 16 was filed: its figures are the issue's "today" (timings only: tables and
commitments came later, so its outputs differ)."""
BASELINE = "d0c6ade"
"""Main before the current round of speed work, with the same outputs as now: now must be
byte-identical to it. A later change of the output contract needs a later ``--baseline``."""
LABELS = ("issue", "start", "now")
SIZES = (1, 2, 10, 100, 500)
PYTHON_DOCS = 100
"""Documents for the in-process Python-stage measure (the first of the corpus)."""


def checkout(ref: str, into: Path) -> Path:
    """The tree of ``ref`` as plain files (its ``cli.py`` and ``pipeline`` run from there)."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def extract_seconds(tree: Path, inputs: Path, out: Path, workers: int | None) -> float:
    """Wall seconds of ``factsheet extract`` of ``tree`` (a fresh output folder)."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, str(tree / "cli.py"), "extract", str(inputs), "--out", str(out), "--quiet"]
    cmd += ["--workers", str(workers)] if workers else []
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def _in_tree(tree: Path, code: str, paths: Sequence[Path]) -> str:
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True, text=True, cwd=tree)
    return out.stdout.strip()


_KIWI_ALONE = """
import sys, time
from pathlib import Path
from pipeline.readers import read_document
texts = [read_document(Path(p)).text for p in sys.argv[1:]]
t = time.perf_counter()
from pipeline.tokens import get_kiwi, tokenize
get_kiwi()
for x in texts: tokenize(x)
print(time.perf_counter() - t)
"""

_PYTHON_STAGES = """
import sys, time
from pathlib import Path
from pipeline.engines import _warm_worker
from pipeline.extract import extract_file
from pipeline.readers import read_document
from pipeline.tokens import tokenize
from pipeline.write import document_json
_warm_worker()
paths = [Path(p) for p in sys.argv[1:]]
document_json(extract_file(paths[0]))  # Kiwi loads its model at the first analysis
full = kiwi = 0.0
for p in paths:
    t = time.perf_counter(); document_json(extract_file(p)); full += time.perf_counter() - t
    text = read_document(p).text
    t = time.perf_counter(); tokenize(text); kiwi += time.perf_counter() - t
print(full, kiwi)
"""


def kiwi_alone(paths: Sequence[Path]) -> float:
    """Seconds to build a Kiwi (with the same user words) and tokenize every text once."""
    return float(_in_tree(ROOT, _KIWI_ALONE, paths))


def python_stage_ms(tree: Path, paths: Sequence[Path]) -> float:
    """Milliseconds per document of everything but Kiwi, one warm process, no overlap."""
    full, kiwi = map(float, _in_tree(tree, _PYTHON_STAGES, paths).split())
    return (full - kiwi) * 1000 / len(paths)


def subsets(paths: Sequence[Path], root: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """Folders holding the first n corpus documents, for each n of ``sizes`` (hard links)."""
    folders = {}
    for n in sizes:
        folder = root / f"first_{n}"
        folder.mkdir(parents=True)
        for path in paths[:n]:
            os.link(path, folder / path.name)
        folders[n] = folder
    return folders


def same_outputs(a: Path, b: Path) -> list[str]:
    """Files that differ (or exist on one side only) between two output folders."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    return [n for n in names if not (a / n).is_file() or not (b / n).is_file() or (a / n).read_bytes() != (b / n).read_bytes()]


def stages_in(tree: Path, paths: Sequence[Path]) -> dict[str, float]:
    """Per-stage ms/document of the code in ``tree`` (``bench.stages`` run there)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.stages", *map(str, paths)], check=True, capture_output=True, text=True, cwd=tree
    )
    return {name: seconds * 1000 / len(paths) for name, seconds in json.loads(out.stdout).items()}


def stage_profile(paths: Sequence[Path]) -> tuple[dict[str, float], str]:
    """Per-stage ms/document of now, and the top of a cProfile of the same loop."""
    per_doc = stages_in(ROOT, paths)
    profiler = cProfile.Profile()
    from bench.stages import measure

    profiler.runcall(measure, list(paths))
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
    lines = [line for line in text.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return per_doc, "\n".join(lines[start:])


def _median_table(samples: dict[str, list[float]]) -> dict[str, float]:
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="corpus sizes (the largest is the corpus)")
    parser.add_argument("--baseline", default=BASELINE, help="git ref of 'start' (outputs must be identical)")
    parser.add_argument("--issue-ref", default=ISSUE_REF, help="git ref of 'issue' (timings only)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    n = max(args.sizes)
    corpus = ROOT / "bench" / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    paths = build_corpus(corpus, n)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees = {
            "issue": checkout(args.issue_ref, tmp / "issue"),
            "start": checkout(args.baseline, tmp / "start"),
            "now": ROOT,
        }
        folders = subsets(paths, tmp / "inputs", args.sizes)
        samples: dict[str, list[float]] = {}
        kept: dict[str, Path] = {}
        for repeat in range(args.repeat):
            samples.setdefault("kiwi", []).append(kiwi_alone(paths))
            for size, folder in folders.items():
                settings: list[int | None] = [None, 1, 2] if size == n else [None, 1]
                for workers in settings:
                    for label, tree in trees.items():
                        key = f"{label}/{size}/{workers or 'default'}"
                        out = tmp / "out" / f"{key}/run{repeat}"
                        samples.setdefault(key, []).append(extract_seconds(tree, folder, out, workers))
                        if repeat == 0 and size == n and label != "issue":
                            kept[key] = out
                        else:
                            shutil.rmtree(out)
            for label, tree in trees.items():
                samples.setdefault(f"{label}/python", []).append(python_stage_ms(tree, paths[:PYTHON_DOCS]))
        median = _median_table(samples)
        reference = kept[f"start/{n}/1"]
        differences = {key: same_outputs(reference, out) for key, out in kept.items()}
        start_stages = stages_in(trees["start"], paths[:PYTHON_DOCS])
    per_stage, profile = stage_profile(paths[:PYTHON_DOCS])
    readers = subprocess.run(
        [sys.executable, "-m", "bench.readers"], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    load_after = os.getloadavg()
    lines = _report(args, n, megabytes, median, differences, (start_stages, per_stage), profile, (load_before, load_after))
    lines += ["", "## Reading each input format (format fixtures, now)", "", readers]
    analysis = ROOT / "bench" / "analysis.md"
    if analysis.exists():
        lines += ["", analysis.read_text(encoding="utf-8").rstrip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if any(differences.values()):
        sys.exit("outputs differ between settings: see the table above")


def _report(
    args: argparse.Namespace,
    n: int,
    megabytes: float,
    median: dict[str, float],
    differences: dict[str, list[str]],
    stage_costs: tuple[dict[str, float], dict[str, float]],
    profile: str,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
) -> list[str]:
    kiwi = median["kiwi"]
    load = ", ".join(f"{x:.1f}" for x in loads[0]) + " before; " + ", ".join(f"{x:.1f}" for x in loads[1]) + " after"
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average (1, 5, 15 min) {load}.",
        f"Corpus: {n} generated documents, {megabytes:.1f} MB (`python -m bench.corpus`). Median of {args.repeat} runs.",
        f'*Issue* is the code at `{args.issue_ref}` (when issue 16 was filed: its "today"), *start* the code at '
        f"`{args.baseline}` (before this round), *now* this tree; all measured in this run, interleaved.",
        "",
        "## Default workers against `--workers 1` (seconds, whole `factsheet extract` command)",
        "",
        "| documents | "
        + " | ".join(f"{label} default | {label} `--workers 1` | {label} default / 1" for label in LABELS)
        + " |",
        "| --- " * (1 + 3 * len(LABELS)) + "|",
    ]
    for size in args.sizes:
        cells = []
        for label in LABELS:
            default, one = median[f"{label}/{size}/default"], median[f"{label}/{size}/1"]
            cells += [f"{default:.2f}", f"{one:.2f}", f"{default / one:.2f}"]
        lines.append(f"| {size} | " + " | ".join(cells) + " |")
    two = ", ".join(f"{label} {median[f'{label}/{n}/2']:.2f} s" for label in LABELS)

    def row(figure: str, values: list[str], target: str) -> str:
        return f"| {figure} | " + " | ".join(values) + f" | {target} |"

    lines += [
        "",
        f"`--workers 2` on {n} documents: {two}.",
        "",
        "## Python stages and Kiwi",
        "",
        "| figure | " + " | ".join(LABELS) + " | target |",
        "| --- " * (2 + len(LABELS)) + "|",
        row(
            f"Python stages, ms per document (one warm process, first {min(PYTHON_DOCS, n)} documents)",
            [f"{median[f'{label}/python']:.1f}" for label in LABELS],
            "<= 4",
        ),
        row(
            f"end-to-end default / Kiwi alone ({n} documents; Kiwi alone {kiwi:.2f} s)",
            [f"{median[f'{label}/{n}/default'] / kiwi:.2f}" for label in LABELS],
            "<= 1.3",
        ),
        row("end-to-end `--workers 1` / Kiwi alone", [f"{median[f'{label}/{n}/1'] / kiwi:.2f}" for label in LABELS], ""),
        "",
        f"## Outputs ({n} documents, every JSON and Parquet file, against start `--workers 1`)",
        "",
        "| run | differing files |",
        "| --- | --- |",
    ]
    for key, diff in differences.items():
        listed = f"{len(diff)}: {', '.join(diff[:3])}{' ...' if len(diff) > 3 else ''}" if diff else "none (byte-identical)"
        lines.append(f"| {key} | {listed} |")
    start_stage, per_stage = stage_costs
    kiwi_ms = per_stage[KIWI_STAGE]
    python_ms = sum(per_stage[name] for name in (READ_STAGE, WHOLE_STAGE, JSON_STAGE))
    start_python_ms = sum(start_stage.get(name, 0.0) for name in (READ_STAGE, WHOLE_STAGE, JSON_STAGE))
    lines += [
        "",
        f"## Where the time goes, start and now (ms per document, first {min(PYTHON_DOCS, n)} documents, no overlap)",
        "",
        "| stage | start ms/document | now ms/document |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {name} | {start_stage.get(name, float('nan')):.2f} | {per_stage[name]:.2f} |" for name, _ in STAGES]
    lines += [
        "",
        f"Python stages in this measure (reading + whole document without Kiwi + JSON): start {start_python_ms:.2f}, "
        f"now {python_ms:.2f} ms/document; Kiwi {kiwi_ms:.2f}. The stage lines above the whole-document line are parts of it.",
        "",
        "cProfile of the same loop (top functions by own time):",
        "",
        "```",
        profile,
        "```",
    ]
    return lines


if __name__ == "__main__":
    main()
