"""The short summary ``factsheet extract`` prints: documents, sections, bullets, mentions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from schemas.models import ActorType, Document


def summarize(docs: Sequence[Document], out_dir: Path) -> str:
    sections = sum(len(d.sections) for d in docs)
    bullets = sum(len(d.bullets) for d in docs)
    counts = {kind: sum(len(getattr(d, kind)) for d in docs) for kind in ("actors", "amounts", "dates", "quantities", "terms")}
    unlisted = sum(1 for d in docs for a in d.actors if a.actor_type == ActorType.UNLISTED)
    warnings = sum(len(d.warnings) for d in docs)
    mentions = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return (
        f"{len(docs)} documents, {sections} sections, {bullets} bullets -> {out_dir}/\n"
        f"mentions: {mentions}\n"
        f"unlisted actors (not in the gazetteer): {unlisted}; warnings: {warnings}"
    )
