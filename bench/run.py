"""Benchmark ``factsheet extract`` on a generated corpus and write ``bench/results.md``.

Reports, for ``--workers 1`` and ``--workers 2``: documents/s, MB/s, peak RSS, and the ratio
of end-to-end time to Kiwi tokenization alone over the same texts in the same run; plus the
cold start of a one-document run against importing kiwipiepy and building a Kiwi.
Timings are medians of ``--repeat`` runs. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import ROOT, build_corpus
from bench.readers import readers_section

FACTSHEET = [sys.executable, str(ROOT / "cli.py")]


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MB) of the largest process the command started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def kiwi_alone(paths: list[Path]) -> float:
    """Seconds to build a Kiwi (with the same user words) and tokenize every text once."""
    code = (
        "import sys,time\n"
        "from pathlib import Path\n"
        "from pipeline.readers import read_document\n"
        "texts=[read_document(Path(p)).text for p in sys.argv[1:]]\n"
        "t=time.perf_counter()\n"
        "from pipeline.tokens import get_kiwi, tokenize\n"
        "get_kiwi()\n"
        "for x in texts: tokenize(x)\n"
        "print(time.perf_counter()-t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip())


def _python_seconds(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def cold_start(repeat: int) -> tuple[float, float, float]:
    """Median wall seconds of: a one-document extract; importing kiwipiepy and building a Kiwi;
    the same plus Kiwi's first analysis of one sentence (Kiwi loads its model lazily then)."""
    one = sorted((ROOT / "raw").glob("*.txt"))[0]
    extracts = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            extracts.append(_timed([*FACTSHEET, "extract", str(one), "--out", tmp, "--quiet", "--workers", "1"])[0])
    build = statistics.median(_python_seconds("from kiwipiepy import Kiwi; Kiwi()") for _ in range(repeat))
    ready = statistics.median(
        _python_seconds("from kiwipiepy import Kiwi; Kiwi().tokenize('한미 양국은 협력한다.')") for _ in range(repeat)
    )
    return statistics.median(extracts), build, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=500, help="documents in the corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    corpus = ROOT / "bench" / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    paths = build_corpus(corpus, args.n)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    kiwi = statistics.median(kiwi_alone(paths) for _ in range(args.repeat))
    rows = []
    for workers in (1, 2):
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                runs.append(_timed([*FACTSHEET, "extract", str(corpus), "--out", tmp, "--quiet", "--workers", str(workers)]))
        seconds = statistics.median(r[0] for r in runs)
        rows.append((workers, seconds, max(r[1] for r in runs)))
    extract_one, build_kiwi, ready_kiwi = cold_start(args.repeat)
    one_worker = rows[0][1]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}.",
        f"Corpus: {args.n} generated documents, {megabytes:.1f} MB (`python -m bench.corpus`). Median of {args.repeat} runs.",
        "",
        "| run | seconds | documents/s | MB/s | peak RSS (MB, largest process) | end-to-end / Kiwi alone |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| Kiwi tokenization alone (1 process) | {kiwi:.2f} | {args.n / kiwi:.1f} | {megabytes / kiwi:.2f} | | 1.00 |",
    ]
    for workers, seconds, rss in rows:
        speed = f"{args.n / seconds:.1f} | {megabytes / seconds:.2f}"
        lines.append(f"| `extract --workers {workers}` | {seconds:.2f} | {speed} | {rss:.0f} | {seconds / kiwi:.2f} |")
    lines += [
        "",
        f"Speed-up of 2 workers over 1: {one_worker / rows[1][1]:.2f}x.",
        f"Cold start: one-document extract {extract_one:.2f} s; import kiwipiepy + build Kiwi {build_kiwi:.2f} s "
        f"(ratio {extract_one / build_kiwi:.2f}); import + build + first analysis of one sentence {ready_kiwi:.2f} s "
        f"(ratio {extract_one / ready_kiwi:.2f}).",
    ]
    lines += ["", *readers_section(args.repeat)]
    analysis = ROOT / "bench" / "analysis.md"
    if analysis.exists():
        lines += ["", analysis.read_text(encoding="utf-8").rstrip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
