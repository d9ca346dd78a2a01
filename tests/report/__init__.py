"""Reading the report pages back: a small stdlib HTML parser shared by the unit and browser tests.

"Every span present exactly once" is checked on what this parser sees: for every span record
of a document (actor, amount, date, quantity, term) the key ``kind:start:end`` is the
``data-span`` of exactly one element, no element has a ``data-span`` without a record, and
that element's text (plus its ``data-span-cont`` fragments, when spans cross) is
``Document.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from schemas.models import Document

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str | None = None, cls: str | None = None, attr: str | None = None) -> list[Element]:
        """Descendants (document order) matching a tag, a class and/or having an attribute."""
        out: list[Element] = []
        for child in self.children:
            if (
                (tag is None or child.tag == tag)
                and (cls is None or cls in child.classes)
                and (attr is None or attr in child.attrs)
            ):
                out.append(child)
            out.extend(child.find_all(tag, cls, attr))
        return out

    def by_id(self, ident: str) -> Element:
        found = [e for e in self.find_all(attr="id") if e.attrs["id"] == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.parts.append(data)


def parse(page: str) -> Element:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    return builder.root


def span_keys(doc: Document) -> dict[str, list[str]]:
    """Expected ``kind:start:end`` -> the actor ids (or record texts) of the records on it."""
    keys: dict[str, list[str]] = {}
    for kind, name in (
        ("actor", "actors"),
        ("amount", "amounts"),
        ("date", "dates"),
        ("quantity", "quantities"),
        ("term", "terms"),
    ):
        for record in getattr(doc, name):
            value = (record.actor_id or "?") if kind == "actor" else record.text
            keys.setdefault(f"{kind}:{record.start}:{record.end}", []).append(value)
    return keys


def span_problems(doc: Document, root: Element) -> list[str]:
    """Every way the page breaks "each span record -> exactly one element" (empty when it holds)."""
    expected = span_keys(doc)
    elements = root.find_all(attr="data-span")
    seen: dict[str, list[Element]] = {}
    for element in elements:
        seen.setdefault(element.attrs["data-span"], []).append(element)
    continuations: dict[str, list[Element]] = {}
    for element in root.find_all(attr="data-span-cont"):
        continuations.setdefault(element.attrs["data-span-cont"], []).append(element)
    problems = [f"{key}: no element" for key in expected if key not in seen]
    problems += [f"{key}: element without a record" for key in seen if key not in expected]
    problems += [f"{key}: {len(found)} elements" for key, found in seen.items() if len(found) != 1]
    for key, found in seen.items():
        if key not in expected or len(found) != 1:
            continue
        kind, start, end = key.split(":")
        text = found[0].text + "".join(c.text for c in continuations.get(key, []))
        if text != doc.text[int(start) : int(end)]:
            problems.append(f"{key}: element text {text!r} != {doc.text[int(start) : int(end)]!r}")
        if found[0].attrs.get("data-kind") != kind:
            problems.append(f"{key}: data-kind {found[0].attrs.get('data-kind')!r}")
        if kind == "actor" and found[0].attrs.get("data-ids", "").split() != expected[key]:
            problems.append(f"{key}: data-ids {found[0].attrs.get('data-ids')!r} != {expected[key]}")
    return problems
