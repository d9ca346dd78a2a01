"""Tables on the review page and in the index: every typed cell drawn once, coloured by kind."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract import build_document
from pipeline.readers.text import TextReader
from pipeline.report.render import document_page, index_page
from tests.report import parse

TEXT = (
    "수출 동향\n\n< 수출 실적(억 달러, %) >\n구분\t2023년\t2024년p\n수출\t6,322\t6,838\n증감률\t(△7.4)\t(8.2)\n\n"
    "Table 1. Hostile <b>caption</b> (in millions of USD)\nItem\tQ1 2024\nRevenue\t-\n"
)


def test_each_table_and_typed_cell_is_shown(tmp_path: Path) -> None:
    doc = build_document(TextReader().read(TEXT.encode("utf-8"), "수출.txt"), "수출", "수출.txt")
    assert [t.table_id for t in doc.tables] == ["수출:t1", "수출:t2"]
    root = parse(document_page(doc, {doc.doc_id: doc}))
    figures = root.find_all("figure", cls="datatable")
    assert [f.attrs["id"] for f in figures] == ["t1", "t2"]
    cells = figures[0].find_all("td")
    assert [(c.text, c.attrs["class"]) for c in cells] == [
        ("6,322", "num c-money"),
        ("6,838", "num c-money"),
        ("(△7.4)", "num c-percent"),
        ("(8.2)", "num c-percent"),
    ]
    assert "$683.8B" in cells[1].attrs["title"] and "preliminary" in cells[1].attrs["title"]
    assert "-7.4 percent" in cells[2].attrs["title"]
    assert "<b>" not in document_page(doc, {doc.doc_id: doc}).split('id="t2"')[1].split("</figcaption>")[0]
    index = parse(index_page({doc.doc_id: doc}, []))
    links = [a.attrs["href"] for a in index.find_all("a") if "#t" in a.attrs.get("href", "")]
    assert links == ["%EC%88%98%EC%B6%9C.html#t1", "%EC%88%98%EC%B6%9C.html#t2"]
