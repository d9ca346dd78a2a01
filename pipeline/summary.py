"""The short summary ``factsheet extract`` prints, read back from the tables it wrote."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.models import SPAN_KINDS

_MENTIONS = tuple(kind.name for kind in SPAN_KINDS)


def _count(out_dir: Path, table: str, doc_ids: Sequence[str], where: tuple[str, str] | None = None) -> int:
    columns = ["doc_id"] + ([where[0]] if where else [])
    data = pq.read_table(out_dir / f"{table}.parquet", columns=columns)
    mask = pc.is_in(data["doc_id"], value_set=pa.array(list(doc_ids), type=pa.string()))
    if where:
        mask = pc.and_(mask, pc.equal(data[where[0]], where[1]))
    return int(pc.sum(mask.cast("int64")).as_py() or 0)


def summarize(doc_ids: Sequence[str], out_dir: Path) -> str:
    """Documents, sections, bullets, mentions by kind and tables extracted in this run."""
    counts = {name: _count(out_dir, name, doc_ids) for name in ("sections", "bullets", "tables", "table_cells", *_MENTIONS)}
    unlisted = _count(out_dir, "actors", doc_ids, ("actor_type", "unlisted"))
    mentions = ", ".join(f"{counts[kind]} {kind}" for kind in _MENTIONS)
    return (
        f"{len(doc_ids)} documents, {counts['sections']} sections, {counts['bullets']} bullets -> {out_dir}/\n"
        f"mentions: {mentions}\n"
        f"tables: {counts['tables']} ({counts['table_cells']} cells)\n"
        f"unlisted actors (not in the gazetteer): {unlisted}"
    )
