"""The review page says where a span is in the original file: the PDF page or the paragraph."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from pipeline.extract import build_document
from pipeline.readers import read_bytes
from pipeline.report.render import document_page, pledges_table, source_location
from schemas.models import Document

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
REAL = "2024-q1_overseas-fdi_ko"


def _doc(name: str) -> Document:
    return build_document(read_bytes((FORMATS / name).read_bytes(), name), Path(name).stem, name)


@pytest.mark.parametrize(("suffix", "label"), [("pdf", r"p\. \d+"), ("hwpx", r"paragraph \d+")])
def test_span_tooltips_and_pledges_name_the_page_or_paragraph(suffix: str, label: str, kiwi: object) -> None:
    doc = _doc(f"{REAL}.{suffix}")
    located = [a for a in doc.amounts if source_location(a)]
    assert located, "the reader knows where the amounts are"
    first = located[0]
    expected = f"p. {first.page}" if suffix == "pdf" else f"paragraph {first.paragraph + 1}"  # type: ignore[operator]
    assert source_location(first) == expected
    page = html.unescape(document_page(doc, {doc.doc_id: doc}))
    assert f"amount «{first.text}» · {expected}" in page
    table = pledges_table(doc, {doc.doc_id: doc}, {})
    assert len(re.findall(rf'<span class="bid src">{label}</span>', table)) == len(located)


def test_plain_text_spans_have_no_location(kiwi: object) -> None:
    doc = build_document(read_bytes("제목\n\n2024년 6월 21일\n\n• 정부는 2억원을 지원한다.\n".encode(), "a.txt"), "a", "a.txt")
    assert doc.amounts and all(source_location(a) is None for a in doc.amounts)
    assert 'class="bid src"' not in pledges_table(doc, {doc.doc_id: doc}, {})
