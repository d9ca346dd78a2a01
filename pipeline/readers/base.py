"""The reader interface: what every input format gives the rest of the pipeline.

A reader receives the raw bytes of one file (and its path, for messages and file-name hints)
and returns a ``ReadResult``: the normalized text every offset points into, the layout it
knows from the format (headings, paragraphs, list items with their level, tables), where each
stretch of text came from in the original file (page or paragraph), and the metadata the
format carries (title, date, author). Readers never extract values; structure and rules work
on the text and may use the layout hints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class ReadError(Exception):
    """A file that cannot become text: the message names the reason and a hint."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(f"{reason} ({hint})")
        self.reason = reason
        self.hint = hint


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    """One layout unit of the text, ``text[start:end]``; ``level`` is a heading's rank or a
    list item's nesting depth (0 = outermost), None when the format does not say."""

    kind: BlockKind
    start: int
    end: int
    level: int | None = None


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell as the format defines it (merged cells span several rows/columns); its text is
    ``text[start:end]`` of the document (empty cells have ``start == end``)."""

    row: int
    col: int
    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table kept as a table: its cells and, when the format has one, its caption's span."""

    start: int
    end: int
    cells: Sequence[TableCell]
    caption: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where ``text[start:end]`` sits in the original file: a 1-based page (PDF) or a 0-based
    paragraph index (HWPX/HWP), whichever the format has."""

    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the file says about itself, outside its text."""

    title: str | None = None
    date: dt.date | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    """A document as read: normalized text plus everything the format told us about it."""

    text: str
    format: str
    encoding: str
    sha256: str
    blocks: Sequence[Block] = ()
    tables: Sequence[Table] = ()
    locations: Sequence[SourceSpan] = ()
    metadata: Metadata = field(default_factory=Metadata)
    warnings: Sequence[str] = ()


class Reader(Protocol):
    """An input format: ``name`` (``txt``, ``hwpx``...), the file ``extensions`` it owns,
    ``sniff`` (does this content look like my format?) and ``read``."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes of a file are this format's (magic bytes, not the name)."""
        ...

    def read(self, raw: bytes, path: str) -> ReadResult:
        """Read one file; raises ``ReadError`` with a reason and a hint for bad input."""
        ...
