"""Pair Korean and English versions of a document and write the alignment into both.

Documents pair up when their ids differ only by the language suffix (``x_ko`` / ``x_en``),
when the user names them (``--pair KO EN``), or when an earlier run recorded the pair in the
Korean document's ``alignments`` (so an explicit pair survives later runs).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.align import align_documents
from pipeline.commitments.align import with_commitment_links
from schemas.models import Document, Language

_SUFFIX = re.compile(r"^(?P<base>.+?)[_.-](?P<lang>ko|kr|kor|en|eng)$", re.IGNORECASE)
_LANG = {"ko": Language.KO, "kr": Language.KO, "kor": Language.KO, "en": Language.EN, "eng": Language.EN}


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What pairing needs to know of a document, read without loading all of it."""

    doc_id: str
    language: str
    recorded_pair: tuple[str, str] | None = None
    aligned: bool = False


def find_pairs(docs: Sequence[DocInfo], explicit: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """``(ko_doc_id, en_doc_id)`` pairs among ``docs``; each document is in one pair at most.
    Explicit pairs come first, then pairs recorded by earlier runs, then language suffixes."""
    by_id = {d.doc_id: d for d in docs}
    wanted: list[tuple[str, str]] = list(explicit)
    wanted += [d.recorded_pair for d in sorted(docs, key=lambda d: d.doc_id) if d.recorded_pair]
    groups: dict[str, dict[str, str]] = {}
    for doc in sorted(docs, key=lambda d: d.doc_id):
        match = _SUFFIX.match(doc.doc_id)
        if match and _LANG[match["lang"].lower()].value == doc.language:
            groups.setdefault(match["base"], {}).setdefault(doc.language, doc.doc_id)
    wanted += [(g[Language.KO.value], g[Language.EN.value]) for g in groups.values() if len(g) == 2]
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    for ko, en in wanted:
        if ko in by_id and en in by_id and ko not in used and en not in used and ko != en:
            if by_id[ko].language == Language.EN.value and by_id[en].language == Language.KO.value:
                ko, en = en, ko
            pairs.append((ko, en))
            used.update((ko, en))
    return sorted(pairs)


def clear_alignment(doc: Document) -> Document:
    """The document without any alignment fields (no longer paired)."""
    return doc.model_copy(
        update={
            "alignments": [],
            "bullets": [b.model_copy(update={"aligned_id": None}) for b in doc.bullets],
            "sections": [s.model_copy(update={"title_en": None}) for s in doc.sections],
            "commitments": [c.model_copy(update={"aligned_id": None}) for c in doc.commitments],
        }
    )


def apply_alignment(ko_doc: Document, en_doc: Document) -> tuple[Document, Document]:
    """Both documents with ``aligned_id`` filled, the links stored in the Korean document and
    each Korean section titled in English after the section most of its bullets align with."""
    ko_doc, en_doc = clear_alignment(ko_doc), clear_alignment(en_doc)
    rows = align_documents(ko_doc, en_doc)
    ko_to_en: dict[str, str] = {}
    en_to_ko: dict[str, str] = {}
    for row in rows:
        if row.ko_bullet_id and row.en_bullet_id:
            ko_to_en.setdefault(row.ko_bullet_id, row.en_bullet_id)
            en_to_ko.setdefault(row.en_bullet_id, row.ko_bullet_id)
    en_section = {b.bullet_id: b.section_id for b in en_doc.bullets}
    en_title = {s.section_id: s.title for s in en_doc.sections}
    votes: dict[str, Counter[str]] = {}
    for b in ko_doc.bullets:
        if b.bullet_id in ko_to_en:
            votes.setdefault(b.section_id, Counter())[en_section[ko_to_en[b.bullet_id]]] += 1
    sections = []
    for s in ko_doc.sections:
        ranked = sorted(votes.get(s.section_id, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        sections.append(s.model_copy(update={"title_en": en_title.get(ranked[0][0]) if ranked and s.index else None}))
    ko_doc = ko_doc.model_copy(
        update={
            "alignments": rows,
            "sections": sections,
            "bullets": [b.model_copy(update={"aligned_id": ko_to_en.get(b.bullet_id)}) for b in ko_doc.bullets],
        }
    )
    en_doc = en_doc.model_copy(
        update={"bullets": [b.model_copy(update={"aligned_id": en_to_ko.get(b.bullet_id)}) for b in en_doc.bullets]}
    )
    return with_commitment_links(ko_doc, en_doc)
