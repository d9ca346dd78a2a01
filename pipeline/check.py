"""Cross-check aligned Korean/English bullets: their amounts (value and currency; at_least ~
more_than) and date ranges must agree. Unpaired bullets are listed as notes, not failures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.locks import reading
from pipeline.write import document_files, load_document
from schemas.models import Commitment, Document


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "amounts" | "dates" | "commitments" | "unpaired"
    message: str


def _describe(doc: Document, bullet_id: str) -> str:
    bullet = next(b for b in doc.bullets if b.bullet_id == bullet_id)
    amounts = [f"{a.display} {a.qualifier.value}" for a in doc.amounts if bullet.start <= a.start and a.end <= bullet.end]
    dates = [f"{d.date_start}..{d.date_end}" for d in doc.dates if bullet.start <= d.start and d.end <= bullet.end]
    return f"{bullet_id} amounts={amounts} dates={dates} «{bullet.text[:60]}»"


def check_dir(out_dir: Path) -> list[Finding]:
    """Disagreements (and unpaired bullets) of every aligned pair in an output folder (read
    under its read lock: never half of a commit)."""
    with reading(out_dir):
        docs = {doc.doc_id: doc for doc in map(load_document, document_files(out_dir))}
    findings: list[Finding] = []
    for ko in sorted(docs.values(), key=lambda d: d.doc_id):
        for row in ko.alignments:
            en = docs.get(row.en_doc_id)
            if en is None:
                findings.append(Finding("unpaired", f"{row.en_doc_id}: English document missing"))
                break
            if row.ko_bullet_id is None or row.en_bullet_id is None:
                side = _describe(ko, row.ko_bullet_id) if row.ko_bullet_id else _describe(en, row.en_bullet_id or "")
                findings.append(Finding("unpaired", f"no counterpart: {side}"))
                continue
            for kind, agree in (("amounts", row.amounts_agree), ("dates", row.dates_agree)):
                if agree is False:
                    findings.append(
                        Finding(
                            kind,
                            f"{kind} differ:\n    ko {_describe(ko, row.ko_bullet_id)}\n    en {_describe(en, row.en_bullet_id)}",
                        )
                    )
        flagged = {r.ko_bullet_id for r in ko.alignments if r.amounts_agree is False}
        findings += _commitment_findings(ko, docs.get(ko.alignments[0].en_doc_id) if ko.alignments else None, flagged)
    return findings


def _commitment(row: Commitment) -> str:
    return f"{row.commitment_id} {row.action.value} {row.modality.value} «{row.text[:60]}»"


def _commitment_findings(ko: Document, en: Document | None, flagged: set[str | None]) -> list[Finding]:
    """Aligned commitments must agree on action, modality and amounts (value, currency); the
    amounts of a bullet already reported as differing are not reported a second time."""
    if en is None:
        return []
    parent = {b.bullet_id: b.parent_id for b in ko.bullets}
    theirs = {c.commitment_id: c for c in en.commitments}
    ko_values = {a.mention_id: (a.value, a.currency) for a in ko.amounts}
    en_values = {a.mention_id: (a.value, a.currency) for a in en.amounts}
    out = []
    for row in ko.commitments:
        other = theirs.get(row.aligned_id or "")
        if other is None:
            continue
        reported = row.bullet_id in flagged or parent.get(row.bullet_id or "") in flagged
        ours = [] if reported else sorted(ko_values[i] for i in row.amount_ids)
        their = [] if reported else sorted(en_values[i] for i in other.amount_ids)
        differ = [
            name
            for name, a, b in (
                ("action", row.action, other.action),
                ("modality", row.modality, other.modality),
                ("amounts", ours, their),
            )
            if a != b
        ]
        if differ:
            out.append(
                Finding(
                    "commitments",
                    f"commitments differ in {', '.join(differ)}:\n    ko {_commitment(row)}\n    en {_commitment(other)}",
                )
            )
    return out
