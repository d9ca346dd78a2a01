"""Walk OWPML section XML (the body of HWPX, and of HWP once converted) into lines and tables.

Every top-level paragraph (``hp:p``) becomes one line, its leading spaces kept (Hancom bodies
indent with spaces, often with no bullet marker); an empty paragraph becomes a blank line.
A table (``hp:tbl``) is kept as a table: each cell's paragraphs on their own lines, with the
cell's row, column and spans from ``hp:cellAddr``/``hp:cellSpan``, and never joined to the
paragraph around it. Tables nested in a cell are read into that cell's text and also kept as
tables of their own. Source locations are the 0-based index of the top-level paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from pipeline.readers.base import ReadError
from pipeline.readers.layout import TextBuilder

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
MAX_TABLE_CELLS = 20_000
"""Per table: more cells than this is not a fact sheet (and would be slow to render)."""
MAX_DEPTH = 8
"""Tables nested deeper than this are read as text only."""

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one XML part without entity expansion or network access."""
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as err:
        raise ReadError(f"damaged document part {name}: {err}", "open and save the file again in Hancom Office") from err


def _inline_text(run: etree._Element, depth: int) -> Iterator[str]:
    for child in run:
        tag = child.tag
        if tag == HP + "t":
            for piece in child.iter():
                if piece.tag == HP + "t" and piece.text:
                    yield piece.text
                elif piece.tag in (HP + "tab", HP + "fwSpace", HP + "nbSpace") or piece.tag == HP + "lineBreak":
                    yield " "
                if piece is not child and piece.tail:
                    yield piece.tail


def paragraph_text(p: etree._Element) -> str:
    """The text of a paragraph's runs, without the tables anchored in it."""
    return "".join(piece for run in p.iterchildren(HP + "run") for piece in _inline_text(run, 0))


def _tables_of(p: etree._Element) -> list[etree._Element]:
    return [tbl for run in p.iterchildren(HP + "run") for tbl in run.iterchildren(HP + "tbl")]


def _cell_lines(tc: etree._Element, depth: int) -> list[str]:
    """A cell's paragraphs, nested tables flattened into lines (row by row)."""
    lines: list[str] = []
    for sub in tc.iterchildren(HP + "subList"):
        for p in sub.iterchildren(HP + "p"):
            text = paragraph_text(p).strip()
            if text:
                lines.append(text)
            if depth < MAX_DEPTH:
                for tbl in _tables_of(p):
                    for tr in tbl.iterchildren(HP + "tr"):
                        for inner in tr.iterchildren(HP + "tc"):
                            lines.extend(_cell_lines(inner, depth + 1))
    return lines


def _int(element: etree._Element | None, attr: str, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(attr, default))
    except ValueError:
        return default


def _table(builder: TextBuilder, tbl: etree._Element, paragraph: int) -> None:
    builder.begin_table()
    count = 0
    for r, tr in enumerate(tbl.iterchildren(HP + "tr")):
        for c, tc in enumerate(tr.iterchildren(HP + "tc")):
            count += 1
            if count > MAX_TABLE_CELLS:
                raise ReadError(f"a table has more than {MAX_TABLE_CELLS} cells", "split the table or export it separately")
            addr = tc.find(HP + "cellAddr")
            span = tc.find(HP + "cellSpan")
            builder.cell(
                _int(addr, "rowAddr", r),
                _int(addr, "colAddr", c),
                _cell_lines(tc, 1),
                rowspan=_int(span, "rowSpan", 1),
                colspan=_int(span, "colSpan", 1),
                paragraph=paragraph,
            )
    builder.end_table()


def walk_sections(builder: TextBuilder, sections: list[etree._Element]) -> None:
    """Render every section's top-level paragraphs and tables, in document order."""
    index = 0
    for section in sections:
        for p in section.iterchildren(HP + "p"):
            text = paragraph_text(p)
            stripped = text.lstrip(" ")
            if stripped.strip():
                builder.line(stripped, indent=len(text) - len(stripped), paragraph=index)
            else:
                builder.blank()
            for tbl in _tables_of(p):
                _table(builder, tbl, index)
            index += 1
