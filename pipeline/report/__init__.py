"""``factsheet report``: static, self-contained HTML review pages for an output folder.

One page per document (text with every extracted span highlighted, outline, pledges table,
Korean/English side by side) plus ``index.html``. No network: CSS and JS are inlined.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.check import check_dir
from pipeline.locks import reading
from pipeline.report.render import document_page, index_page, page_name
from pipeline.write import atomic_write_bytes, document_files, load_document

__all__ = ["build_report", "write_report"]


def build_report(data_dir: Path) -> dict[str, bytes]:
    """File name -> bytes of every page for the documents in ``data_dir`` (deterministic),
    read under the folder's read lock (never half of a commit)."""
    with reading(data_dir):
        docs = {doc.doc_id: doc for doc in map(load_document, document_files(data_dir))}
        findings = check_dir(data_dir)
    pages = {page_name(doc_id): document_page(doc, docs).encode("utf-8") for doc_id, doc in sorted(docs.items())}
    pages["index.html"] = index_page(docs, findings).encode("utf-8")
    return pages


def write_report(data_dir: Path, out_dir: Path) -> list[Path]:
    """Write the pages into ``out_dir`` (each atomically); other files there are left alone."""
    written = []
    for name, data in build_report(data_dir).items():
        atomic_write_bytes(out_dir / name, data)
        written.append(out_dir / name)
    return written
