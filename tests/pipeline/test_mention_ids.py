"""Every span row has a stable id ``{doc_id}:{letter}{n}``, n from 1 in offset order, unique per
document, so rows of different tables can be joined."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.write import document_files, load_document
from schemas.models import SPAN_KINDS, Document

DATA = Path(__file__).resolve().parents[2] / "data"
DOCS = [load_document(p) for p in document_files(DATA)]


@pytest.mark.parametrize("doc", DOCS, ids=[d.doc_id for d in DOCS])
def test_ids_count_in_offset_order(doc: Document) -> None:
    letters = {kind.id_letter for kind in SPAN_KINDS}
    assert len(letters) == len(SPAN_KINDS)
    for kind in SPAN_KINDS:
        records = sorted(getattr(doc, kind.name), key=lambda r: (r.start, r.end))
        numbers = [int(r.mention_id.removeprefix(f"{doc.doc_id}:{kind.id_letter}")) for r in records]
        assert sorted(numbers) == list(range(1, len(records) + 1))
        assert [r.start for r in sorted(records, key=lambda r: int(r.mention_id.rsplit(kind.id_letter, 1)[1]))] == [
            r.start for r in records
        ]
