"""Cost of reading each input format, per document and per page, on the format fixtures.

A PDF has pages; HWP, HWPX and HTML do not, so their "page" is an A4 page's worth of text
(``CHARS_PER_PAGE`` characters). ``python -m bench.readers`` prints a Markdown table.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from pipeline.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
CHARS_PER_PAGE = 1_500
"""About one A4 page of Korean press-release text."""


def pages(path: Path) -> tuple[int, str]:
    """Pages of a document and what a page means for its format."""
    result = read_document(path)
    numbered = {span.page for span in result.locations if span.page is not None}
    if numbered:
        return len(numbered), "PDF"
    return max(round(len(result.text) / CHARS_PER_PAGE), 1), f"text pages of {CHARS_PER_PAGE:,} characters"


def read_ms(path: Path, repeat: int = 5) -> float:
    """Median milliseconds to read and normalize ``path`` (after one untimed read)."""
    read_document(path)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_document(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def table(paths: list[Path]) -> list[str]:
    lines = ["| file | format | ms/document | pages | ms/page |", "| --- | --- | --- | --- | --- |"]
    for path in paths:
        ms = read_ms(path)
        count, unit = pages(path)
        lines.append(f"| {path.name} | {read_document(path).format} | {ms:.1f} | {count} ({unit}) | {ms / count:.1f} |")
    return lines


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]] or sorted(p for p in FIXTURES.iterdir() if p.is_file())
    print("\n".join(table(given)))
