"""Link each Korean commitment to its English counterpart: inside aligned bullets, the rows
whose amounts (value and currency) are the same. Rows without amounts stay unlinked: clause
splits differ too much between the languages to pair them safely."""

from __future__ import annotations

from decimal import Decimal

from schemas.models import Commitment, Document


def _amount_keys(doc: Document, row: Commitment) -> frozenset[tuple[Decimal, str]]:
    by_id = {a.mention_id: a for a in doc.amounts}
    return frozenset((by_id[i].value, by_id[i].currency) for i in row.amount_ids if i in by_id)


def commitment_links(ko_doc: Document, en_doc: Document) -> dict[str, str]:
    """``ko commitment_id -> en commitment_id`` from the bullets' ``aligned_id``."""
    top = {b.bullet_id: b.parent_id or b.bullet_id for b in [*ko_doc.bullets, *en_doc.bullets]}
    en_rows: dict[str, list[Commitment]] = {}
    for row in en_doc.commitments:
        if row.bullet_id:
            en_rows.setdefault(top[row.bullet_id], []).append(row)
    ko_rows: dict[str, list[Commitment]] = {}
    for row in ko_doc.commitments:
        if row.bullet_id:
            ko_rows.setdefault(top[row.bullet_id], []).append(row)
    links: dict[str, str] = {}
    for bullet in ko_doc.bullets:
        if bullet.parent_id or not bullet.aligned_id or bullet.bullet_id not in ko_rows:
            continue
        theirs = en_rows.get(bullet.aligned_id, [])
        used: set[str] = set()
        for row in ko_rows[bullet.bullet_id]:
            keys = _amount_keys(ko_doc, row)
            if not keys:
                continue
            match = [r for r in theirs if r.commitment_id not in used and _amount_keys(en_doc, r) == keys]
            if match:
                links[row.commitment_id] = match[0].commitment_id
                used.add(match[0].commitment_id)
    return links


def with_commitment_links(ko_doc: Document, en_doc: Document) -> tuple[Document, Document]:
    """Both documents with the commitments' ``aligned_id`` filled (and cleared elsewhere)."""
    links = commitment_links(ko_doc, en_doc)
    back = {en: ko for ko, en in links.items()}
    ko_doc = ko_doc.model_copy(
        update={"commitments": [c.model_copy(update={"aligned_id": links.get(c.commitment_id)}) for c in ko_doc.commitments]}
    )
    en_doc = en_doc.model_copy(
        update={"commitments": [c.model_copy(update={"aligned_id": back.get(c.commitment_id)}) for c in en_doc.commitments]}
    )
    return ko_doc, en_doc
