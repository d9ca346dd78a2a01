"""A table's caption and unit notes, from the format's caption or the lines just above it.

Looked at: the caption span the reader gives, else up to three non-blank lines above the table
(stopping at another table or at a line of prose: long, or ending a sentence; short titles such
as ``1. 분기별 동향`` are stepped over); a unit note may also stand on its own line right above the table or on the
line right below it. ``units`` keeps the unit texts as written (``["억 달러", "%"]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.readers.base import Table
from pipeline.tabular.units import units_in_caption, units_in_note
from pipeline.tabular.vocab import patterns

_LOOK_BACK = 3
_SHORT = 60
"""A line above a table longer than this, or ending a sentence, is prose: the look-back stops."""
_SENTENCE_END = (".", "다", "다.", "!", "?")


@dataclass(frozen=True, slots=True)
class TableContext:
    caption: str | None
    units: list[str]
    notes: tuple[tuple[int, int], ...] = ()
    """Offsets of the unit-note lines used (their ``천 명`` is no quantity of the text)."""
    standing: bool = False
    """The units come from a note above the table that is not its caption (an annex title
    ``세부 통계(단위: 억 달러, 전년동기 대비 %)``): it also holds for the next tables of the section
    that state no units of their own."""


def caption_title(line: str) -> str | None:
    """The caption a whole line is, or None."""
    stripped = line.strip()
    for pattern in patterns("captions"):
        match = pattern.match(stripped)
        if match:
            return stripped
    return None


def _lines_before(text: str, start: int, floor: int) -> list[tuple[int, int, str]]:
    """Non-blank lines above ``start`` (nearest first, with offsets), not past ``floor``."""
    line_start = text.rfind("\n", floor, start) + 1 if "\n" in text[floor:start] else start
    out: list[tuple[int, int, str]] = []
    end = line_start - 1
    while end > floor and len(out) < _LOOK_BACK:
        begin = max(text.rfind("\n", floor, end) + 1, floor)
        if text[begin:end].strip():
            out.append((begin, end, text[begin:end].strip()))
        end = begin - 1
    return out


def table_context(text: str, table: Table, floor: int) -> TableContext:
    """Caption and units of ``table``; ``floor`` is the end of the previous table."""
    caption: str | None = None
    units: list[str] = []
    notes: list[tuple[int, int]] = []
    standing = False
    if table.caption is not None:
        caption = " ".join(text[table.caption[0] : table.caption[1]].split()) or None
    for begin, end, line in _lines_before(text, table.start, floor):
        note = units_in_note(line)
        title = caption_title(line)
        if note and not units:
            units = note
            standing = not title
            if not title:
                notes.append((begin, end))
        if title and caption is None:
            caption = title
            if not units:
                units = units_in_caption(title)
        if not note and not title and (len(line) > _SHORT or line.endswith(_SENTENCE_END)):
            break  # prose: what is above belongs to the text, not to this table
    if caption is not None and not units:
        units = units_in_caption(caption)
    if not units:
        line_end = text.find("\n", table.end)
        if line_end >= 0:
            next_end = text.find("\n", line_end + 1)
            next_end = len(text) if next_end < 0 else next_end
            below = units_in_note(text[line_end + 1 : next_end])
            if below:
                units = below
                notes.append((line_end + 1, next_end))
    return TableContext(caption, units, tuple(notes), standing)


def table_floors(tables: Sequence[Table]) -> list[int]:
    """For each table (in text order), the offset the look-back must not pass."""
    return [0, *(table.end for table in tables[:-1])][: len(tables)]
