"""Where a Korean rule's regex can match, so that it is tried only there.

Scanning the whole text with each pattern cost most of the Korean number rules: the regex
engine tries a pattern's long word alternation (every currency, every unit) at every
character. Yet each match starts at a number, or at one of a few words, and a number is
followed by the word that names it. So a document is read once for its *number runs* and its
*digit runs* (cached per text), a pattern is tried only at the positions where it can start,
and the matches are the very ones a full scan finds:

- ``every_match`` gives what retrying one character after each match start gives (a rejected
  match does not hide a shorter one inside it);
- ``each_match`` gives what ``finditer`` gives.

Both need every position where the pattern can match among the ``starts`` they get; each
caller says why its starts are enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache

from pipeline.lang.ko.common import data

_TEXTS_CACHED = 8
"""Texts whose runs are kept: the number rules of one document read them one after another."""


@cache
def _number_classes() -> tuple[str, str]:
    """Regex class bodies: what a number can start with, and what it can be made of.

    A number starts with a digit or a Sino-Korean numeral or unit (``3``, ``삼천``, ``만``) and
    goes on with those, the approximate infix ``여``, thousands commas, a decimal point (``.``,
    or ``점`` in words) and spaces or line breaks (``1조 2천억``, a PDF line break before ``억``).
    """
    nums = data("numbers")
    numerals = "".join(re.escape(c) for c in [*nums["digits"], *nums["small_units"], *nums["big_units"]])
    extra = "".join(re.escape(c) for c in sorted({nums["approx_infix"], *data("amounts")["decimal_point"]}))
    return rf"\d{numerals}", rf"\d{numerals}{extra},.\s"


def number_head_class() -> str:
    """Regex class body of the characters a Korean number can start with."""
    return _number_classes()[0]


@cache
def _run_pattern() -> re.Pattern[str]:
    head, body = _number_classes()
    return re.compile(rf"[{head}][{body}]*")


@cache
def _in_run() -> re.Pattern[str]:
    return re.compile(rf"[{_number_classes()[1]}]")


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=_TEXTS_CACHED)
def number_runs(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each run that begins with a number's first character and goes on
    over the characters a number and the space after it are made of. Every number of the
    text starts inside one run and goes on, with the space after it, to the run's end at most."""
    return tuple(m.span() for m in _run_pattern().finditer(text))


@lru_cache(maxsize=_TEXTS_CACHED)
def digit_starts(text: str) -> tuple[int, ...]:
    """The first digit of every run of digits (``\\d``): where a pattern that begins with a
    digit not preceded by another one can match."""
    return tuple(m.start() for m in _DIGITS.finditer(text))


class Anchors:
    """The words one of which must follow a number for a pattern to match (currency words,
    unit words, range separators), as the characters they begin with."""

    __slots__ = ("_after", "_inside")

    def __init__(self, words: Iterable[str]) -> None:
        firsts = {_first_char(w) for w in words}
        in_run = _in_run()
        self._after = frozenset(firsts)
        self._inside = "".join(sorted(c for c in firsts if in_run.fullmatch(c)))
        """First characters that can also be part of a number (``일`` of ``일본 엔``)."""

    def starts(self, text: str) -> Iterator[int]:
        """Every position of a number run from which a word of these anchors can be reached
        across number characters and spaces only: where a pattern ``number, space?, word``
        can start. Positions come in text order."""
        after, inside = self._after, self._inside
        for start, end in number_runs(text):
            if text[end : end + 1] in after or (inside and any(c in text[start + 1 : end] for c in inside)):
                yield from range(start, end)


def _first_char(word: str) -> str:
    """The character an alternation word (``pipeline.lexicon.alternation``) starts with."""
    if not word or word[0].isspace():
        raise ValueError(f"a lexicon word must not be empty or start with a space: {word!r}")
    return word[0]


def word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Every position where one of ``words`` begins, overlapping ones included. A word with a
    space matches with any or no space there (``alternation(..., space=r"\\s?")``), so only
    its part before the first space is looked for."""
    heads = {_first_segment(w) for w in words}
    found: set[int] = set()
    for head in heads:
        i = text.find(head)
        while i != -1:
            found.add(i)
            i = text.find(head, i + 1)
    return sorted(found)


def _first_segment(word: str) -> str:
    _first_char(word)
    return word.split(" ", 1)[0]


def within(finder: re.Pattern[str], text: str) -> Iterator[int]:
    """Every position inside each match of ``finder``, in text order. ``finder`` is a looser
    pattern (it matches, and not emptily, wherever the rule's pattern matches) that begins with
    a word or a character class, which the regex engine scans for fast. A position where the
    rule's pattern matches is then inside one of ``finder``'s matches: either ``finder``'s
    scan reaches it, or an earlier match of ``finder`` runs over it."""
    for m in finder.finditer(text):
        yield from range(m.start(), m.end())


def every_match(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The match of ``pattern`` at each of ``starts`` (ascending) where there is one: the same
    matches as searching again one character after each match start, when ``starts`` holds
    every position where ``pattern`` matches."""
    match = pattern.match
    for start in starts:
        if (m := match(text, start)) is not None:
            yield m


def each_match(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when ``starts`` (ascending, no repeats)
    holds every position where ``pattern`` matches: after a match, the next one is searched
    from its end. The patterns given here never match the empty string."""
    match = pattern.match
    pos = 0
    for start in starts:
        if start < pos:
            continue
        if (m := match(text, start)) is not None:
            yield m
            pos = max(m.end(), start + 1)


def merged(*positions: Iterable[int]) -> list[int]:
    """Ascending positions without repeats, from several lists."""
    return sorted({p for group in positions for p in group})
