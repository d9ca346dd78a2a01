"""Kiwi tokenization: one ``Kiwi`` per process, one tokenization per document.

Tokens carry code-point offsets into ``Document.text`` so every extractor can map a token
back to the text. Gazetteer names are registered as user words before the first use, so
names such as ``보건복지부`` tokenize whole.
"""

from __future__ import annotations

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

    from pipeline.actors.gazetteer import kiwi_user_words

    kiwi = Kiwi()
    for word, tag in kiwi_user_words():
        kiwi.add_user_word(word, tag)
    return kiwi


def _lines(text: str) -> tuple[list[int], list[str]]:
    """Non-blank lines and their offsets: the units Kiwi analyses."""
    offsets: list[int] = []
    lines: list[str] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            offsets.append(pos)
            lines.append(line)
        pos += len(line) + 1
    return offsets, lines


def tokenize(text: str) -> list[Token]:
    """Tokenize a whole document once; offsets are code points into ``text``.

    Lines go to Kiwi as one batch: a line break is a hard boundary in these documents
    (headings, bullets), Kiwi's cost grows faster than linearly with input length, and a
    heading analysed together with the next line can be mis-split (``진전`` -> ``진`` ``전``).
    """
    offsets, lines = _lines(text)
    tokens: list[Token] = []
    new = tuple.__new__  # skips the named tuple's Python-level __new__
    for offset, analysed in zip(offsets, get_kiwi().tokenize(lines), strict=True):
        tokens.extend([new(Token, (t.form, t.tag, offset + t.start, offset + t.end)) for t in analysed])
    return tokens
