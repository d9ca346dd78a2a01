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
TABLE_COLUMNS = ("commitment_id", "parties", "action", "modality", "amounts", "counterparts", "sectors")
"""The columns of the terminal table by default: those that fit 80-120 columns when wrapped."""


def pick_columns(spec: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """The columns named in ``spec`` (comma-separated, ``all`` for every one), else ``default``;
    an unknown name is a ``ValueError`` naming the known ones."""
    if not spec:
        return default
    names = tuple(n.strip() for n in spec.split(",") if n.strip())
    if names == ("all",):
        return COLUMNS
    unknown = [n for n in names if n not in COLUMNS]
    if unknown or not names:
        raise ValueError(f"unknown column {', '.join(unknown) or spec!r}; columns: {', '.join(COLUMNS)}, or all")
    return names


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
