"""Build a ``ReadResult`` piece by piece, so every offset indexes the final normalized text.

Format readers (HWPX, HWP, PDF, HTML) render a document as lines the structure parser
understands (one paragraph per line, leading spaces for indentation, a blank line between
blocks) and record, as they go, the layout the format told them: blocks, tables with their
cells, and where each line came from (page or paragraph). Each piece is normalized on its
own (``normalize_text``) before it is appended; pieces never split a line's grapheme run in a
way NFC could join across, because a piece is a whole line or a whole cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pipeline.readers.base import Block, BlockKind, Metadata, ReadResult, SourceSpan, Table, TableCell
from pipeline.readers.normalize import normalize_text


def _flat(text: str) -> str:
    """One line: inner line breaks and tabs become spaces (a paragraph is one line of text)."""
    return " ".join(normalize_text(text).replace("\t", " ").split("\n"))


@dataclass(slots=True)
class _OpenTable:
    start: int
    cells: list[TableCell] = field(default_factory=list)
    caption: tuple[int, int] | None = None


@dataclass(slots=True)
class TextBuilder:
    """Appends normalized lines and tables; ``result`` gives the ``ReadResult``."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    locations: list[SourceSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _open: list[_OpenTable] = field(default_factory=list)

    def _append(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def last_line(self) -> str:
        """The content of the last line appended (empty after a blank line or a table)."""
        if len(self.parts) >= 2 and self.parts[-1] == "\n":
            return self.parts[-2]
        return ""

    def ends_blank(self) -> bool:
        """True at the start or right after a blank line."""
        return not self.parts or "".join(self.parts[-2:]).endswith("\n\n")

    def blank(self) -> None:
        """Close the current block with an empty line (never two in a row)."""
        if self.parts and not self.ends_blank():
            self._append("\n")

    def line(
        self,
        text: str,
        *,
        indent: int = 0,
        kind: BlockKind = BlockKind.PARAGRAPH,
        level: int | None = None,
        page: int | None = None,
        paragraph: int | None = None,
    ) -> tuple[int, int] | None:
        """Append one line (``indent`` leading spaces); returns its content span, None if empty."""
        content = _flat(text).strip()
        if not content:
            return None
        lead = " " * max(indent, 0)
        self._append(lead)
        span = self._append(content)
        self._append("\n")
        self.blocks.append(Block(kind, span[0], span[1], level))
        if page is not None or paragraph is not None:
            self.locations.append(SourceSpan(span[0], span[1], page=page, paragraph=paragraph))
        return span

    def extend_line(self, text: str, *, joiner: str = " ") -> tuple[int, int] | None:
        """Continue the previous line (a wrapped line of the same paragraph) on the same line."""
        content = _flat(text).strip()
        if not content or not self.parts or self.parts[-1] != "\n" or not self.blocks:
            return None
        self.parts.pop()
        self.length -= 1
        start = self.length
        self._append(joiner + content if joiner else content)
        self._append("\n")
        last = self.blocks[-1]
        self.blocks[-1] = Block(last.kind, last.start, self.length - 1, last.level)
        if self.locations and self.locations[-1].end == start:
            loc = self.locations[-1]
            self.locations[-1] = SourceSpan(loc.start, self.length - 1, loc.page, loc.paragraph)
        return start, self.length - 1

    # -- tables ------------------------------------------------------------------------------

    def begin_table(self) -> None:
        self.blank()
        self._open.append(_OpenTable(self.length))

    def caption(self, text: str) -> None:
        span = self.line(text)
        if span is not None and self._open:
            self._open[-1].caption = span

    def cell(
        self,
        row: int,
        col: int,
        lines: list[str],
        *,
        rowspan: int = 1,
        colspan: int = 1,
        page: int | None = None,
        paragraph: int | None = None,
    ) -> None:
        """One cell on its own line(s); an empty cell has ``start == end``."""
        texts = [t for t in (_flat(x).strip() for x in lines) if t]
        start = self.length
        if texts:
            self._append("\n".join(texts))
            end = self.length
            self._append("\n")
            if page is not None or paragraph is not None:
                self.locations.append(SourceSpan(start, end, page=page, paragraph=paragraph))
        else:
            end = start
        self._open[-1].cells.append(TableCell(row, col, start, end, max(rowspan, 1), max(colspan, 1)))

    def end_table(self) -> None:
        table = self._open.pop()
        end = self.length - 1 if self.length > table.start else table.start
        self.tables.append(Table(table.start, max(end, table.start), tuple(table.cells), table.caption))
        self.blocks.append(Block(BlockKind.TABLE, table.start, max(end, table.start)))
        self.blank()

    # -- result ------------------------------------------------------------------------------

    def text(self) -> str:
        return "".join(self.parts)

    def result(self, raw: bytes, fmt: str, metadata: Metadata | None = None) -> ReadResult:
        text = self.text()
        return ReadResult(
            text=text,
            format=fmt,
            encoding="utf-8",
            sha256=hashlib.sha256(raw).hexdigest(),
            blocks=tuple(sorted(self.blocks, key=lambda b: (b.start, b.end))),
            tables=tuple(sorted(self.tables, key=lambda t: t.start)),
            locations=tuple(sorted(self.locations, key=lambda s: s.start)),
            metadata=metadata or Metadata(),
            warnings=tuple(self.warnings),
        )


def missing_extra(module: str, extra: str) -> tuple[str, str]:
    """The reason and hint of a ``ReadError`` when an optional library is not installed."""
    return f"reading this format needs {module}, which is not installed", f"pip install 'factsheet-extract[{extra}]'"
