"""Kiwi tokenization: one ``Kiwi`` per process, one tokenization per document.

Tokens carry code-point offsets into ``Document.text`` so every extractor can map a token
back to the text. Gazetteer names are registered as user words before the first use, so
names such as ``보건복지부`` tokenize whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi


@dataclass(frozen=True, slots=True)
class Token:
    """One Kiwi morpheme: surface ``form``, Sejong-style ``tag``, offsets ``start``..``end``."""

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


def tokenize(text: str) -> list[Token]:
    """Tokenize a whole document once; offsets are code points into ``text``.

    Lines go to Kiwi as one batch: a line break is a hard boundary in these documents
    (headings, bullets), Kiwi's cost grows faster than linearly with input length, and a
    heading analysed together with the next line can be mis-split (``진전`` -> ``진`` ``전``).
    Very long lines are cut into pieces first (``MAX_PIECE``), at sentence ends or spaces.
    """
    offsets, lines = _lines(text)
    tokens: list[Token] = []
    for offset, analysed in zip(offsets, get_kiwi().tokenize(lines), strict=True):
        tokens.extend(Token(t.form, t.tag, offset + t.start, offset + t.start + t.len) for t in analysed)
    return tokens
