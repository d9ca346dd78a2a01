"""The rows ``factsheet commitments`` lists: every commitment of an output folder, filtered by
party, sector and modality, with its amounts shown as written in the amounts table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.write import document_files, load_document

COLUMNS = (
    "commitment_id",
    "parties",
    "action",
    "modality",
    "amounts",
    "counterparts",
    "sectors",
    "deadline",
    "period",
    "object",
    "predicate",
)


def commitment_rows(
    out_dir: Path, party: str | None = None, sector: str | None = None, modality: str | None = None
) -> list[dict[str, Any]]:
    """One dict per commitment (list columns joined with spaces), in document and offset order."""
    out = []
    for path in document_files(out_dir):
        doc = load_document(path)
        display = {a.mention_id: a.display for a in doc.amounts}
        for c in doc.commitments:
            if party and party not in c.parties:
                continue
            if sector and sector not in c.sectors:
                continue
            if modality and c.modality.value != modality:
                continue
            out.append(
                {
                    "commitment_id": c.commitment_id,
                    "parties": " ".join(c.parties),
                    "action": c.action.value,
                    "modality": c.modality.value,
                    "amounts": " ".join(display[i] for i in c.amount_ids),
                    "counterparts": " ".join(c.counterparts),
                    "sectors": " ".join(c.sectors),
                    "deadline": c.deadline.isoformat() if c.deadline else "",
                    "period": c.period or "",
                    "object": c.object or "",
                    "predicate": c.predicate or "",
                }
            )
    return out
