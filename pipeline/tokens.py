"""Kiwi tokenization: one ``Kiwi`` per process, one tokenization per document.

Tokens carry code-point offsets into ``Document.text`` so every extractor can map a token
back to the text. Gazetteer names are registered as user words before the first use, so
names such as ``보건복지부`` tokenize whole.
"""

from __future__ import annotations

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

    from pipeline.actors.gazetteer import kiwi_user_words

    kiwi = Kiwi()
    for word, tag in kiwi_user_words():
        kiwi.add_user_word(word, tag)
    return kiwi


def tokenize(text: str) -> list[Token]:
    """Tokenize a whole document once; offsets are code points into ``text``."""
    return [Token(t.form, t.tag, t.start, t.start + t.len) for t in get_kiwi().tokenize(text)]
