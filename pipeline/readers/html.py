"""HTML pages (fact sheets, statements, portal press pages), read with ``selectolax`` (the
``[html]`` extra) by a walk over the main content.

Main content is ``<main>`` or ``<article>`` when the page has one, else ``<body>``; inside it,
navigation, headers, footers, forms, buttons, scripts and elements whose class or id names
breadcrumbs, share/SNS buttons, menus or footers are skipped. Headings become heading lines
between blank lines; list items become ``•`` lines indented two spaces per nesting level;
paragraphs (and ``div``s holding text directly) become lines, split at ``<br>`` with their
leading spaces kept (portal pages indent ``○`` / ``-`` with ``&nbsp;``); tables stay tables.
Elements nested deeper than ``MAX_DEPTH`` are read as plain text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pipeline.readers.base import BlockKind, Metadata, ReadError, ReadResult
from pipeline.readers.layout import TextBuilder, missing_extra
from pipeline.readers.normalize import normalize_text
from pipeline.readers.text import decode

MAX_DEPTH = 200
MAX_BYTES = 20 * 1024 * 1024
_SKIP_TAGS = frozenset(
    {"nav", "header", "footer", "aside", "form", "button", "script", "style", "noscript", "template", "svg", "iframe", "input",
     "select", "label", "head", "title", "meta", "link", "img", "figure", "object", "embed", "canvas", "video", "audio"}
)  # fmt: skip
_SKIP_NAMES = re.compile(
    r"breadcrumb|location|share|sns|social|skip|menu|gnb|lnb|snb|footer|nav|sidebar|related|banner|cookie|print|util|pagination",
    re.IGNORECASE,
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "blockquote", "dd", "dt", "dl", "center", "pre", "address"})
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _parser(raw: bytes) -> Any:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as err:
        raise ReadError(*missing_extra("selectolax", "html")) from err
    text, _ = decode(raw)
    return LexborHTMLParser(text)


def _skipped(node: Any) -> bool:
    if node.tag in _SKIP_TAGS:
        return True
    attrs = node.attributes
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "search") or "hidden" in attrs:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and _SKIP_NAMES.search(names) is not None


def _lines_of(text: str) -> list[tuple[int, str]]:
    """(indent, content) per ``<br>``-separated line; nbsp counts as indentation."""
    out = []
    for line in normalize_text(text).split("\n"):
        stripped = line.lstrip()
        if stripped.strip():
            out.append((len(line) - len(stripped), stripped.strip()))
    return out


class _Walker:
    def __init__(self, builder: TextBuilder) -> None:
        self.b = builder
        self.inline: list[str] = []
        self.paragraph = 0

    def flush(self, indent_base: int = 0, kind: BlockKind = BlockKind.PARAGRAPH, level: int | None = None) -> None:
        text = "".join(self.inline)
        self.inline.clear()
        for indent, content in _lines_of(text):
            self.b.line(content, indent=indent_base + indent, kind=kind, level=level, paragraph=self.paragraph)
            self.paragraph += 1

    def walk(self, node: Any, depth: int, list_depth: int) -> None:  # noqa: C901 - one dispatch over tag kinds; to split
        for child in node.iter(include_text=True):
            tag = child.tag or "-none"  # lexbor gives some nodes of broken markup no tag: not an element
            if tag == "-text":
                self.inline.append(child.text_content or "")
                continue
            if tag == "br":
                self.inline.append("\n")
                continue
            if tag.startswith("-") or _skipped(child):
                continue
            if depth >= MAX_DEPTH:
                self.inline.append(child.text(deep=True, separator=" "))
                continue
            if tag in _HEADINGS:
                self.flush()
                self.b.blank()
                self.b.line(
                    child.text(deep=True, separator=" "), kind=BlockKind.HEADING, level=_HEADINGS[tag], paragraph=self.paragraph
                )
                self.paragraph += 1
                self.b.blank()
            elif tag in ("ul", "ol"):
                self.flush()
                if list_depth == 0:
                    self.b.blank()
                self.walk(child, depth + 1, list_depth + 1)
                if list_depth == 0:
                    self.b.blank()
            elif tag == "li":
                self.flush()
                self.inline.append("• ")
                self._li(child, depth, list_depth)
            elif tag == "table":
                self.flush()
                self._table(child)
            elif tag in _BLOCKS or tag == "tr":
                self.flush()
                self.walk(child, depth + 1, list_depth)
                self.flush()
                if tag == "p":
                    self.b.blank()
            else:
                self.walk(child, depth + 1, list_depth)

    def _li(self, node: Any, depth: int, list_depth: int) -> None:
        indent = 2 * max(list_depth - 1, 0)
        for child in node.iter(include_text=True):
            tag = child.tag or "-none"
            if tag in ("ul", "ol"):
                self.flush(indent, BlockKind.LIST_ITEM, list_depth - 1)
                self.walk(child, depth + 1, list_depth + 1)
            elif tag == "-text":
                self.inline.append(child.text_content or "")
            elif not tag.startswith("-") and not _skipped(child):
                if tag in ("p", "div", "br"):
                    self.inline.append(" ")
                self.inline.append(child.text(deep=True, separator=" ") if depth < MAX_DEPTH else "")
        self.flush(indent, BlockKind.LIST_ITEM, list_depth - 1)

    def _table(self, node: Any) -> None:
        self.b.begin_table()
        caption = node.css_first("caption")
        if caption is not None:
            self.b.caption(caption.text(deep=True, separator=" "))
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(node.css("tr")):
            c = 0
            for cell in tr.iter():
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in taken:
                    c += 1
                rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
                taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
                self.b.cell(r, c, cell.text(deep=True, separator=" ").split("\n"), rowspan=rowspan, colspan=colspan)
                c += colspan
        self.b.end_table()


def _span(cell: Any, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), 1000) if value.isdigit() and int(value) > 0 else 1


def _metadata(tree: Any) -> Metadata:
    title = None
    date = None
    for selector in ('meta[property="og:title"]', 'meta[name="title"]'):
        node = tree.css_first(selector)
        if node is not None and (node.attributes.get("content") or "").strip():
            title = normalize_text(node.attributes["content"] or "").strip()
            break
    candidates = [
        (tree.css_first(sel), attr)
        for sel, attr in (
            ('meta[property="article:published_time"]', "content"),
            ('meta[name="article:published_time"]', "content"),
            ('meta[itemprop="datePublished"]', "content"),
            ("time[datetime]", "datetime"),
        )
    ]
    for node, attr in candidates:
        found = _DATE.search((node.attributes.get(attr) or "") if node is not None else "")
        if found:
            try:
                date = dt.date(int(found[1]), int(found[2]), int(found[3]))
                break
            except ValueError:
                continue
    return Metadata(title=title, date=date)


class HtmlReader:
    """HTML: a doctype or ``<html`` near the start (after a BOM and spaces)."""

    name = "html"
    extensions: tuple[str, ...] = (".html", ".htm")

    def sniff(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
        return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<") and b"<html" in head[:1024].lower())

    def read(self, raw: bytes, path: str) -> ReadResult:
        if len(raw) > MAX_BYTES:
            raise ReadError(f"HTML page of {len(raw) >> 20} MB (limit {MAX_BYTES >> 20} MB)", "save the article alone")
        tree = _parser(raw)
        root = tree.css_first("main") or tree.css_first("article") or tree.body
        builder = TextBuilder()
        if root is not None:
            walker = _Walker(builder)
            walker.walk(root, 0, 0)
            walker.flush()
        if not builder.text().strip():
            raise ReadError("HTML page has no main text", "save the page with its article, not a frame or a script shell")
        return builder.result(raw, self.name, _metadata(tree))
