"""Turn a text plus overlapping intervals into well-formed HTML.

Mentions of different kinds nest (an actor inside a term) and may even cross (a span that
starts inside another and ends after it). HTML elements can only nest, so an interval that
crosses the end of an enclosing one is closed there and reopened right after as a
*continuation* fragment: its first fragment carries the identifying attributes
(``data-span``, ``id``), continuations carry ``data-span-cont`` only. This keeps "one element
per span" true whatever the overlaps, and the text content of the container equal to the text.

>>> nest("abcdef", [Interval(0, 4, 0, "<i>", "<i class=c>", "</i>"), Interval(2, 6, 1, "<b>", "<b class=c>", "</b>")])
'<i>ab<b>cd</b></i><b class=c>ef</b>'
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Interval:
    """One element to wrap around ``text[start:end]``; ``rank`` orders equal extents (lower = outer)."""

    start: int
    end: int
    rank: int
    open_tag: str
    cont_tag: str
    close_tag: str


def tag(name: str, attrs: Mapping[str, str | None]) -> str:
    """An opening tag with escaped attribute values (None drops the attribute), in the given order."""
    parts = [name] + [f'{key}="{html.escape(value, quote=True)}"' for key, value in attrs.items() if value is not None]
    return "<" + " ".join(parts) + ">"


def nest(text: str, intervals: Iterable[Interval]) -> str:
    """``text`` escaped, with every interval wrapped in its element (split where intervals cross)."""
    ordered = sorted((iv for iv in intervals if 0 <= iv.start < iv.end <= len(text)), key=lambda iv: (iv.start, -iv.end, iv.rank))
    starting: defaultdict[int, list[Interval]] = defaultdict(list)
    for iv in ordered:
        starting[iv.start].append(iv)
    bounds = sorted({0, len(text), *(iv.start for iv in ordered), *(iv.end for iv in ordered)})
    out: list[str] = []
    stack: list[Interval] = []
    for i, pos in enumerate(bounds):
        _close_at(pos, stack, out)
        for iv in starting.get(pos, ()):
            out.append(iv.open_tag)
            stack.append(iv)
        if i + 1 < len(bounds):
            out.append(html.escape(text[pos : bounds[i + 1]], quote=False))
    return "".join(out)


def _close_at(pos: int, stack: list[Interval], out: list[str]) -> None:
    """Close every open interval ending at ``pos``; the ones above it that go on are reopened."""
    lowest = next((k for k, iv in enumerate(stack) if iv.end == pos), None)
    if lowest is None:
        return
    above: Sequence[Interval] = stack[lowest:]
    out.extend(iv.close_tag for iv in reversed(above))
    del stack[lowest:]
    for iv in above:
        if iv.end != pos:
            out.append(iv.cont_tag)
            stack.append(iv)
