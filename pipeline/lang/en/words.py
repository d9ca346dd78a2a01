"""Words and sentences over the shared Kiwi tokens, for Latin-script text.

Kiwi tags every English word ``SL`` and sometimes cuts a word before a final period
(``Pres`` + ``ident.``), so English rules need words rebuilt from the tokens: contiguous
letter/digit tokens are joined (hyphens between letters too: ``Cyber-Exploitation``,
``U.S.-ROK``), and a final period is split off unless the word is an abbreviation
(``U.S.``). Nothing is tokenized again; only ``ctx.tokens`` is read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from pipeline.lexicon import lang_yaml
from pipeline.text_utils import nondecreasing
from pipeline.tokens import Token

_WORDY = {"SL", "SN", "SH"}
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_SENTENCE_MARKS = frozenset({".", "!", "?", ":"})
_FORM = itemgetter(0)
_START = itemgetter(1)
_END = itemgetter(2)
"""A word's form, start and end, as C-level getters."""


class Word(NamedTuple):
    """A word (``is_word``) or a punctuation mark, with offsets into the document text.

    A named tuple rather than a frozen dataclass: one is built per token of every document,
    and a tuple is built about twice as fast (same fields, immutable, compared by value).
    """

    form: str
    start: int
    end: int
    is_word: bool


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lang_yaml("en", "actors.yaml")["abbreviations"])


def build_words(tokens: Sequence[Token]) -> list[Word]:
    """Join Kiwi tokens into words; split a sentence-final period off a non-abbreviation."""
    abbreviations = _abbreviations()
    new = tuple.__new__  # skips the named tuple's Python-level __new__: one word per token
    out: list[Word] = []
    append = out.append
    i, n = 0, len(tokens)
    while i < n:
        form, tag, start, end = tokens[i]
        i += 1
        if tag not in _WORDY:
            append(new(Word, (form, start, end, False)))
            continue
        if i < n and tokens[i][2] == end:  # a token touches this one: join what belongs to the word
            form, end, i = _joined(tokens, i, form, end)
        if "." in form and form.endswith(".") and len(form) > 1 and form not in abbreviations and not _INITIALS.match(form):
            append(new(Word, (form[:-1], start, end - 1, True)))
            append(new(Word, (".", end - 1, end, False)))
        else:
            append(new(Word, (form, start, end, True)))
    return out


def _joined(tokens: Sequence[Token], j: int, form: str, end: int) -> tuple[str, int, int]:
    """The word that starts with ``form`` and goes on with ``tokens[j:]``: contiguous letter/digit
    tokens, and hyphens between them; its form, end and the index of the next token."""
    parts = [form]
    n = len(tokens)
    while j < n:
        u_form, u_tag, u_start, u_end = tokens[j]
        if u_start != end:
            break
        if u_tag in _WORDY or (u_form in "-‐‑–" and j + 1 < n and tokens[j + 1][2] == u_end and tokens[j + 1][1] in _WORDY):
            parts.append(u_form)
            end = u_end
            j += 1
            continue
        break
    return "".join(parts), end, j


class _Indexed(NamedTuple):
    """A document's words with their starts, and their ends when those never go down (then the
    words inside a range are one slice, found by binary search on both sides)."""

    tokens: Sequence[Token]
    words: list[Word]
    starts: list[int]
    ends: list[int] | None


_CACHE: dict[int, _Indexed] = {}


def _cached(tokens: Sequence[Token]) -> _Indexed:
    hit = _CACHE.get(id(tokens))
    if hit is not None and hit.tokens is tokens:
        return hit
    words = build_words(tokens)
    if len(_CACHE) >= 4:
        _CACHE.pop(next(iter(_CACHE)))
    ends = list(map(_END, words))
    entry = _Indexed(tokens, words, list(map(_START, words)), ends if nondecreasing(ends) else None)
    _CACHE[id(tokens)] = entry
    return entry


def words_of(tokens: Sequence[Token]) -> list[Word]:
    """Words of a whole document, cached for the last few token lists (held, so ids stay unique)."""
    return _cached(tokens).words


def words_between(tokens: Sequence[Token], start: int, end: int) -> list[Word]:
    """Words lying inside ``[start, end)`` (binary search over the cached word starts)."""
    _, words, starts, ends = _cached(tokens)
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    if ends is not None:  # ends in order: those ending by ``end`` are a prefix of the range
        return words[lo : bisect.bisect_right(ends, end, lo, hi)] if lo < hi else []
    return [w for w in words[lo:hi] if w.end <= end]


def is_capitalized(form: str) -> bool:
    first = form[:1]
    return first.isupper() or (first.isdigit() and any(c.isupper() for c in form))


def sentence_breaks(words: Sequence[Word], text: str) -> list[int]:
    """Indices of words that end a sentence: ``.``/``!``/``?``/``:`` marks, or a blank line after."""
    last = len(words) - 1
    if last < 1 or text.find("\n", min(map(_END, words)), max(map(_START, words))) == -1:
        # no line break from the earliest word end to the latest word start, where every gap
        # between two words lies: only the marks end sentences (a C-level pass over the forms)
        return [k for k in compress(count(), map(_SENTENCE_MARKS.__contains__, map(_FORM, words))) if not words[k].is_word]
    out: list[int] = []
    for k, w in enumerate(words):
        if (not w.is_word and w.form in _SENTENCE_MARKS) or (k < last and text.find("\n", w.end, words[k + 1].start) != -1):
            out.append(k)
    return out
