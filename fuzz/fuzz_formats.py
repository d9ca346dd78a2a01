"""Coverage-guided fuzzing of the format readers (HWPX, HWP, PDF, HTML) with atheris.

Not part of the test suite (it runs until stopped). The first byte of each input picks the
reader, the rest is the file; seed it with the format fixtures. Bounded run, for example:

    .venv/bin/pip install atheris==3.0.0
    mkdir -p fuzz/corpus_formats
    for f in tests/fixtures/formats/press.hwpx tests/fixtures/formats/press.hwp \\
             tests/fixtures/formats/press_reportlab.pdf tests/fixtures/formats/*.html; do
        .venv/bin/python fuzz/fuzz_formats.py --seed "$f" fuzz/corpus_formats
    done
    .venv/bin/python fuzz/fuzz_formats.py -max_total_time=300 -rss_limit_mb=4096 fuzz/corpus_formats

Any exception other than ``ReadError``, or a block, table, cell or location outside the text,
is a finding. Findings are recorded in ``fuzz/FINDINGS.md``.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

with atheris.instrument_imports():
    from pipeline.readers import Block, ReadError, ReadResult, SourceSpan, Table, TableCell, readers

FORMATS = ("hwpx", "hwp", "pdf", "html")


def _check(result: ReadResult) -> None:
    size = len(result.text)
    cells = [c for t in result.tables for c in t.cells]
    spans: list[Block | Table | TableCell | SourceSpan] = [*result.blocks, *result.tables, *result.locations, *cells]
    for span in spans:
        if not 0 <= span.start <= span.end <= size:
            raise AssertionError(f"{span!r} is outside the text of {size} characters")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = FORMATS[data[0] % len(FORMATS)]
    reader = next(r for r in readers() if r.name == name)
    try:
        _check(reader.read(data[1:], f"fuzz.{name}"))
    except ReadError:
        return


def _write_seed(path: Path, corpus: Path) -> None:
    """A corpus entry for a fixture: the selector byte of its format, then its bytes."""
    name = path.suffix.lstrip(".").lower()
    entry = bytes([FORMATS.index(name)]) + path.read_bytes()
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / hashlib.sha256(entry).hexdigest()[:16]).write_bytes(entry)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--seed":
        _write_seed(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        atheris.Setup(sys.argv, one_input)
        atheris.Fuzz()
