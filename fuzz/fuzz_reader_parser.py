"""Coverage-guided fuzzing of the reader and the layout parser with atheris.

Not part of the test suite (it runs until stopped). Bounded run, for example 5 minutes:

    .venv/bin/pip install atheris==3.0.0
    mkdir -p fuzz/corpus && cp raw/*.txt fuzz/corpus/
    .venv/bin/python fuzz/fuzz_reader_parser.py -max_total_time=300 fuzz/corpus

Any exception other than ``ReadError`` (a clean refusal of bad bytes), or a record whose
text is not ``text[start:end]``, is a finding. Findings are recorded in ``fuzz/FINDINGS.md``.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]  # atheris ships no type information

with atheris.instrument_imports():
    from pipeline.readers import ReadError
    from pipeline.readers.normalize import normalize_text
    from pipeline.readers.text import decode
    from pipeline.structure import parse_structure
    from schemas.models import Bullet, Language, Paragraph


def one_input(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except ReadError:
        return
    text = normalize_text(text)
    for language in Language:
        structure = parse_structure(text, language, "fuzz")
        records: list[Paragraph | Bullet] = [*structure.paragraphs, *structure.bullets]
        for record in records:
            if text[record.start : record.end] != record.text:
                raise AssertionError(f"offsets of {record!r} do not match the text")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
