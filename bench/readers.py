"""Reading time of each input format on the format fixtures: per page for PDF, per document
for HWPX, HWP and HTML. Only the reader (bytes to ``ReadResult``), not extraction; medians of
warm runs in this process (the first read of each file, which pays the imports, is left out).

    .venv/bin/python -m bench.readers
"""

from __future__ import annotations

import io
import statistics
import time
from pathlib import Path

from bench.corpus import ROOT
from pipeline.readers import read_bytes

FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def _pages(raw: bytes) -> int | None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return len(pdf.pages)


def time_reader(path: Path, repeat: int) -> tuple[str, float, int | None]:
    """The format read, median seconds per read, and the page count (PDF only)."""
    raw = path.read_bytes()
    result = read_bytes(raw, path.name)  # warm-up: imports, Kiwi for the PDF word joins
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_bytes(raw, path.name)
        times.append(time.perf_counter() - start)
    return result.format, statistics.median(times), _pages(raw) if result.format == "pdf" else None


def readers_section(repeat: int = 5) -> list[str]:
    """Markdown lines: one row per fixture, with the time per document and per page."""
    lines = [
        "## Readers",
        "",
        f"Reading only (bytes to `ReadResult`), median of {max(repeat, 1)} warm runs, fixtures in `tests/fixtures/formats/`.",
        "",
        "| file | format | KB | pages | ms per document | ms per page |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for path in sorted(FIXTURES.iterdir()):
        fmt, seconds, pages = time_reader(path, max(repeat, 1))
        per_page = f"{1000 * seconds / pages:.1f}" if pages else "—"
        size = path.stat().st_size / 1024
        lines.append(f"| `{path.name}` | {fmt} | {size:.0f} | {pages or '—'} | {1000 * seconds:.1f} | {per_page} |")
    return lines


if __name__ == "__main__":
    print("\n".join(readers_section()))
