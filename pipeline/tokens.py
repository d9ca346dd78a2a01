"""Kiwi tokenization: one ``Kiwi`` per process, one tokenization per document.

Tokens carry code-point offsets into ``Document.text`` so every extractor can map a token
back to the text. Gazetteer names are registered as user words before the first use, so
names such as ``보건복지부`` tokenize whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from kiwipiepy import Kiwi


class Token(NamedTuple):
    """One Kiwi morpheme: surface ``form``, Sejong-style ``tag``, offsets ``start``..``end``.

    A named tuple, not a frozen dataclass: a document has about a thousand tokens, and a
    tuple is built at half the cost (no per-field ``object.__setattr__``)."""

    form: str
    tag: str
    start: int
    end: int


@cache
def get_kiwi() -> Kiwi:
    """Build the process-wide Kiwi (about a second) with every registered user word."""
    from kiwipiepy import Kiwi

    from pipeline.lexicon import kiwi_user_words

    kiwi = Kiwi()
    for word, tag in kiwi_user_words():
        kiwi.add_user_word(word, tag)
    return kiwi


MAX_PIECE = 4000
"""Longest text handed to Kiwi at once, in code points. Kiwi's cost grows faster than
linearly with the length of one input (a 100k-character line takes seconds, 1M minutes);
lines of real documents are far shorter, so they are analysed whole and unchanged."""

_SENTENCE_END = re.compile(r"[.?!。][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(line: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """A line as pieces of at most ``limit`` code points with their offsets in the line, cut
    after the last sentence end in the second half of each window, else after the last run of
    spaces, else (one unbroken word) at the limit. Short lines are one piece.

    >>> _cut("Kiwi reads this. And this one.", limit=20)
    [(0, 'Kiwi reads this. '), (17, 'And this one.')]
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(line) - start > limit:
        window = line[start + limit // 2 : start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)] or [m.end() for m in _SPACE.finditer(window)]
        cut = start + limit // 2 + ends[-1] if ends else start + limit
        pieces.append((start, line[start:cut]))
        start = cut
    pieces.append((start, line[start:]))
    return pieces


def _lines(text: str) -> tuple[list[int], list[str]]:
    """Non-blank lines, cut into pieces when very long, and their offsets: the units Kiwi
    analyses."""
    offsets: list[int] = []
    lines: list[str] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for offset, piece in _cut(line):
                if piece.strip():
                    offsets.append(pos + offset)
                    lines.append(piece)
        pos += len(line) + 1
    return offsets, lines


class TokenizationCancelled(Exception):
    """The caller gave up on this document (its time budget ran out) while Kiwi worked on it."""


def tokenize(text: str, cancelled: Callable[[], bool] | None = None) -> list[Token]:
    """Tokenize a whole document once; offsets are code points into ``text``.

    Lines go to Kiwi as one batch: a line break is a hard boundary in these documents
    (headings, bullets), Kiwi's cost grows faster than linearly with input length, and a
    heading analysed together with the next line can be mis-split (``진전`` -> ``진`` ``전``).
    Very long lines are cut into pieces first (``MAX_PIECE``), at sentence ends or spaces.
    ``cancelled`` is asked after each line: a thread tokenizing ahead stops within one line
    once the document is abandoned (``TokenizationCancelled``).
    """
    offsets, lines = _lines(text)
    tokens: list[Token] = []
    new = tuple.__new__  # skips the named tuple's Python-level __new__
    for offset, analysed in zip(offsets, get_kiwi().tokenize(lines), strict=True):
        if cancelled is not None and cancelled():
            raise TokenizationCancelled
        tokens.extend([new(Token, (t.form, t.tag, offset + t.start, offset + t.end)) for t in analysed])
    return tokens
