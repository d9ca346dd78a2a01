"""Per-document cost of each stage of the pipeline, one process, no overlap.

A stage is one entry of ``STAGES``: a name and a function of the per-document state (a dict
holding what earlier stages produced). A new stage (a reader, tables, commitments) is one
more entry; its cost then appears in ``bench/results.md``. Run in the tree being measured:
``python -m bench.stages FILE...`` prints JSON (stage -> total seconds, documents).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.actors.mentions import extract_actors
from pipeline.actors.parties import amount_parties, bullet_parties, document_parties
from pipeline.commitments.build import Parties, extract_commitments
from pipeline.context import DocContext
from pipeline.extract import _KIND_PRIORITY, build_document
from pipeline.lang.detect import detect_language
from pipeline.lang.registry import rules_for
from pipeline.overlap import resolve
from pipeline.readers import read_document
from pipeline.structure import parse_structure
from pipeline.terms import extract_terms
from pipeline.tokens import tokenize
from pipeline.write import document_json
from schemas.models import AmountFields

State = dict[str, Any]


def _read(s: State) -> None:
    s["raw"] = read_document(s["path"])
    s["rules"] = rules_for(detect_language(s["raw"].text))


def _structure(s: State) -> None:
    s["structure"] = parse_structure(s["raw"].text, s["rules"].language, s["path"].stem)


def _kiwi(s: State) -> None:
    s["tokens"] = tokenize(s["raw"].text)


def _ctx(s: State) -> DocContext:
    if "ctx" not in s:
        raw, rules = s["raw"], s["rules"]
        s["ctx"] = DocContext(s["path"].stem, raw.text, rules.language, s["structure"], s["tokens"])
    ctx: DocContext = s["ctx"]
    return ctx


def _numbers(s: State) -> None:
    ctx, rules = _ctx(s), s["rules"]
    s["amounts"], s["dates"], s["quantities"] = rules.amounts(ctx), rules.dates(ctx), rules.quantities(ctx)


def _overlap(s: State) -> None:
    s["numeric"] = resolve([*s["amounts"], *s["dates"], *s["quantities"]], priority=lambda m: _KIND_PRIORITY[type(m.fields)])


def _actors(s: State) -> None:
    s["actors"] = extract_actors(_ctx(s))


def _parties(s: State) -> None:
    ctx = _ctx(s)
    amounts = [m for m in s["numeric"] if isinstance(m.fields, AmountFields)]
    whole = document_parties(ctx, s["actors"])
    amount_parties(ctx, s["actors"], amounts, whole, bullet_parties(ctx, s["actors"], whole))


def _terms(s: State) -> None:
    extract_terms(_ctx(s))


def _document(s: State) -> None:
    """The whole extraction again minus Kiwi: the cost of putting the stages together
    (placing spans, ids, building and validating the pydantic models) is this minus the
    stages above."""
    s["doc"] = build_document(s["raw"], s["path"].stem, str(s["path"]), tokens=s["tokens"])


def _commitments(s: State) -> None:
    """Commitment rows again, from the spans of the built document (its cost is also inside
    the whole-document line above)."""
    ctx, doc = _ctx(s), s["doc"]
    parties = Parties({b.bullet_id: b.parties for b in doc.bullets}, document_parties(ctx, s["actors"]))
    extract_commitments(ctx, doc.actors, doc.amounts, doc.dates, doc.quantities, parties)


def _json(s: State) -> None:
    document_json(s["doc"])


STAGES: list[tuple[str, Callable[[State], None]]] = [
    ("read and decode, detect language", _read),
    ("structure (layout)", _structure),
    ("Kiwi tokenization (tokens)", _kiwi),
    ("amounts, dates, quantities (rules)", _numbers),
    ("overlap resolution", _overlap),
    ("actors", _actors),
    ("parties", _parties),
    ("terms", _terms),
    ("whole document without Kiwi (stages above + assembly, pydantic)", _document),
    ("commitments (part of the whole document)", _commitments),
    ("JSON", _json),
]
READ_STAGE = "read and decode, detect language"
KIWI_STAGE = "Kiwi tokenization (tokens)"
JSON_STAGE = "JSON"
WHOLE_STAGE = "whole document without Kiwi (stages above + assembly, pydantic)"


def measure(paths: list[Path]) -> dict[str, float]:
    """Total seconds per stage over ``paths`` (one warm process, garbage collector frozen as in
    a worker)."""
    from pipeline.engines import _warm_worker

    _warm_worker()
    warm: State = {"path": paths[0]}  # untimed: Kiwi loads its model at its first analysis
    for _, stage in STAGES:
        stage(warm)
    totals = dict.fromkeys((name for name, _ in STAGES), 0.0)
    for path in paths:
        state: State = {"path": path}
        for name, stage in STAGES:
            start = time.perf_counter()
            stage(state)
            totals[name] += time.perf_counter() - start
    return totals


if __name__ == "__main__":
    print(json.dumps(measure([Path(p) for p in sys.argv[1:]])))
