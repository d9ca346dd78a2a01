"""Where a Korean rule's regex can match, so that it is tried only there.

Scanning the whole text with each pattern cost most of the Korean number rules: the regex
engine tries a pattern's long word alternation (every currency, every unit) at every
character. Yet each match starts at a number, or at one of a few words, and a number is
followed by the word that names it. So a document is read once for its *number runs* and its
*digit runs* (cached per text), a pattern is tried only at the positions where it can start,
and the matches are the very ones a full scan finds:

- ``every_match`` gives what retrying one character after each match start gives (a rejected
  match does not hide a shorter one inside it);
- ``pipeline.text_utils.matches_at`` gives what ``finditer`` gives.

Both need every position where the pattern can match among the ``starts`` they get; each
caller says why its starts are enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.lang.ko.common import alternation, data

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
    extra = "".join(re.escape(c) for c in sorted({*nums["approx_infix"], *data("amounts")["decimal_point"]}))
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


@dataclass(frozen=True, slots=True)
class NumberRuns:
    """The runs of a text that begin with a number's first character and go on over the
    characters a number and the space after it are made of. Every number of the text starts
    inside one run and goes on, with the space after it, to the run's end at most."""

    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of each run, in text order."""
    by_next: dict[str, list[int]]
    """The character right after a run -> the indexes of the runs it follows, ascending."""
    inner: tuple[int, ...]
    """Indexes of the runs with more than spaces after their first character (``3,500억``)."""


@lru_cache(maxsize=_TEXTS_CACHED)
def number_runs(text: str) -> NumberRuns:
    """The number runs of ``text``, found once for all the rules of a document."""
    spans = tuple(m.span() for m in _run_pattern().finditer(text))
    by_next: dict[str, list[int]] = {}
    inner = []
    for i, (start, end) in enumerate(spans):
        by_next.setdefault(text[end : end + 1], []).append(i)
        if end - start > 1 and not text[start + 1 : end].isspace():
            inner.append(i)
    return NumberRuns(spans, by_next, tuple(inner))


@lru_cache(maxsize=_TEXTS_CACHED)
def digit_starts(text: str) -> tuple[int, ...]:
    """The first digit of every run of digits (``\\d``): where a pattern that begins with a
    digit not preceded by another one can match."""
    return tuple(m.start() for m in _DIGITS.finditer(text))


class Anchors:
    """The words one of which must follow a number for a pattern to match (currency words,
    unit words, range separators)."""

    __slots__ = ("_by_first", "_firsts", "_inside")

    def __init__(self, words: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(_first_char(word), []).append(word)
        self._by_first = {c: re.compile(alternation(group)) for c, group in by_first.items()}
        """First character -> the alternation of the words it begins: matches where one of them
        does, as the alternation of all the words inside a pattern does (a dict look-up then a
        few words, not hundreds tried one after another)."""
        self._firsts = frozenset(by_first)
        inside = "".join(re.escape(c) for c in sorted(by_first) if _in_run().fullmatch(c))
        self._inside = re.compile(f"[{inside}]") if inside else None
        """First characters that can also be part of a number (``일`` of ``일본 엔``)."""

    def starts(self, text: str) -> Iterator[int]:
        """Every position of each number run from which one of the words is reached across
        number characters and spaces only: where a pattern ``number, space?, word`` can
        start. Positions come in text order."""
        runs = number_runs(text)
        spans = runs.spans
        reached = {i for c in runs.by_next.keys() & self._firsts for i in runs.by_next[c] if self._word_at(text, spans[i][1])}
        if self._inside is not None:
            reached.update(i for i in runs.inner if i not in reached and self._inside_reached(text, self._inside, *spans[i]))
        for i in sorted(reached):
            yield from range(*spans[i])

    def _word_at(self, text: str, pos: int) -> bool:
        """One of the words begins at ``pos``."""
        pattern = self._by_first.get(text[pos : pos + 1])
        return pattern is not None and pattern.match(text, pos) is not None

    def _inside_reached(self, text: str, inside: re.Pattern[str], start: int, end: int) -> bool:
        """One of the words begins inside the run ``[start, end)``, after its first character."""
        m = inside.search(text, start + 1, end)
        while m is not None:
            if self._word_at(text, m.start()):
                return True
            m = inside.search(text, m.start() + 1, end)
        return False


def _first_char(word: str) -> str:
    """The character an alternation word (``pipeline.lexicon.alternation``) starts with."""
    if not word or word[0].isspace():
        raise ValueError(f"a lexicon word must not be empty or start with a space: {word!r}")
    return word[0]


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """The alternation of ``words`` as the rules write it (a space inside a word is optional):
    a finder for ``within`` when a pattern can start with one of these words."""
    words = list(words)
    for word in words:
        _first_char(word)
    return re.compile(alternation(words))


def within(finder: re.Pattern[str], text: str) -> list[int]:
    """Every position inside each match of ``finder``, in text order. ``finder`` is a looser
    pattern (it matches, and not emptily, wherever the rule's pattern matches) that begins with
    a word or a character class, which the regex engine scans for fast. A position where the
    rule's pattern matches is then inside one of ``finder``'s matches: either ``finder``'s
    scan reaches it, or an earlier match of ``finder`` runs over it."""
    return [p for m in finder.finditer(text) for p in range(*m.span())]


def every_match(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The match of ``pattern`` at each of ``starts`` (ascending) where there is one: the same
    matches as searching again one character after each match start, when ``starts`` holds
    every position where ``pattern`` matches."""
    match = pattern.match
    for start in starts:
        if (m := match(text, start)) is not None:
            yield m
