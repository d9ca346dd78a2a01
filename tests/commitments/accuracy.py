"""Per-field accuracy of the commitments on a corpus file (``python -m tests.commitments.accuracy``)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from tests.commitments.test_corpus import FIELDS, ROOT, _doc, _row, field_errors


def accuracy(path: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """``{language: {field: (right, checked)}}`` over the cases of ``path`` (``rows`` as a field)."""
    corpus: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for language, cases in corpus.items():
        right: Counter[str] = Counter()
        checked: Counter[str] = Counter()
        for case in cases:
            doc = _doc(case["text"], language)
            if case.get("rows") == 0:
                checked["rows"] += 1
                right["rows"] += not doc.commitments
                continue
            try:
                wrong = {e.split(":")[0] for e in field_errors(_row(doc, case.get("pick", 0)), case)}
            except (StopIteration, IndexError):
                wrong = {f for f in FIELDS if f in case}
            for field in FIELDS:
                if field in case:
                    checked[field] += 1
                    right[field] += field not in wrong
        out[language] = {f: (right[f], checked[f]) for f in (*FIELDS, "rows") if checked[f]}
    return out


if __name__ == "__main__":
    for name in sys.argv[1:] or ["commitments.yaml", "commitments_heldout.yaml", "commitments_press.yaml"]:
        for language, fields in accuracy(ROOT / "tests/corpus" / name).items():
            line = ", ".join(f"{f} {r}/{n}" for f, (r, n) in fields.items())
            print(f"{name} {language}: {line}")
