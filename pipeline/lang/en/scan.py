"""Where an English pattern may start, found once per document, so the pattern is tried there only.

`re` has no fast way to skip ahead for a pattern that opens with an assertion or a
case-insensitive group, as most English date and number patterns do: ``finditer`` then tries the
whole pattern at every offset of the text. Every such pattern starts at a lexicon word (a month,
``the end of``, ``between``), a number or a currency sign. This module finds those offsets in a
few cheap passes per document; :func:`matches` and :func:`search` then try the pattern at them
only, which gives exactly the matches of a scan of every offset as long as the offsets given hold
every offset where the pattern can match (more are harmless).

Words are looked up in :func:`letters`, a copy of the text of the same length in which every
character that a case-insensitive ASCII letter matches in `re` (that letter in either case,
``İ ı ſ`` and the Kelvin sign: the test suite checks the list against every code point) is
that lower-case letter and every other character is a space. A word that `re` matches as ``\\b(?i:word)\\b`` (or after
``(?<![\\w])``) is there a run of letters with spaces around it, so the offsets of such runs are a
superset of where the pattern can match.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import ahocorasick

from pipeline.lang.casefold import fold

_LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_DIGIT_RUN = re.compile(r"\d+")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=8)
def letters(text: str) -> str:
    """``text`` with ASCII letters (and what `re` folds to them) lower-cased and everything else a
    space, padded with one space on each side: offset ``i`` of the text is offset ``i + 1`` here."""
    return _fold(text)


def _fold(text: str) -> str:
    lowered = fold(text)
    return " " + lowered.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii") + " "


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` (case-insensitive) may occur in ``text``: ``False`` only when `re`
    cannot match ``(?i:phrase)`` anywhere in it."""
    return _folded_phrase(phrase) in letters(text)


@cache
def _folded_phrase(phrase: str) -> str:
    return _fold(phrase)[1:-1]


@dataclass(frozen=True)
class Numbers:
    """The runs of digits (``\\d``, any script) of a text: where a numeral can begin."""

    starts: list[int]
    short: list[int]
    """Starts of the runs of one or two digits (a day, a month: ``\\d{1,2}(?!\\d)``)."""
    after: frozenset[str]
    """Every character right after a run (``/`` when the text holds ``5/21``)."""


@lru_cache(maxsize=8)
def numbers(text: str) -> Numbers:
    spans = [m.span() for m in _DIGIT_RUN.finditer(text)]
    return Numbers(
        [s for s, _ in spans],
        [s for s, e in spans if e - s <= 2],
        frozenset(text[e : e + 1] for _, e in spans),
    )


@cache
def phrase_words(phrase: str) -> tuple[str, ...]:
    """The letter runs of a lexicon phrase as :func:`letters` folds them (``New Year's Day`` ->
    new, year, s, day); the phrase must start with a letter."""
    folded = _folded_phrase(phrase)
    if not folded[:1].isalpha():
        raise ValueError(f"a lead phrase must start with a letter: {phrase!r}")
    return tuple(folded.split())


class _AllWords:
    """One Aho-Corasick automaton of the words of every :class:`Words`: one pass over a text
    finds them all (a pass costs about the same for three words as for three hundred), and each
    :class:`Words` keeps its own. Rebuilt when a new list of words is made (at start-up)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._words: set[str] = set()
        self._automaton: Any = None
        self._last: tuple[str, Any, dict[str, list[int]]] | None = None

    def add(self, words: frozenset[str]) -> None:
        with self._lock:
            if not words <= self._words:
                self._words |= words
                self._automaton = None

    def _built(self) -> Any:
        with self._lock:
            if self._automaton is None:
                automaton = ahocorasick.Automaton()
                for word in sorted(self._words):
                    automaton.add_word(f" {word} ", word)
                automaton.make_automaton()
                self._automaton = automaton
            return self._automaton

    def starts(self, text: str) -> dict[str, list[int]]:
        """Word -> ascending offsets in ``text`` where it stands as a whole word, words in the
        order they first occur."""
        automaton = self._built()
        last = self._last  # read once: documents may be extracted in several threads
        if last is not None and last[0] is text and last[1] is automaton:
            return last[2]
        found: dict[str, list[int]] = {}
        for end, word in automaton.iter(letters(text)):
            found.setdefault(word, []).append(end - len(word) - 1)  # `end`: the space after the word, in letters()
        self._last = (text, automaton, found)
        return found


_ALL_WORDS = _AllWords()


class Words:
    """The offsets of whole words from a fixed list (found by the one pass of :class:`_AllWords`)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        for word in sorted(self._words):
            if not _WORD.fullmatch(word):
                raise ValueError(f"not a lower-case ASCII word: {word!r}")
        _ALL_WORDS.add(self._words)
        self._last: tuple[str, dict[str, list[int]]] | None = None

    def starts(self, text: str) -> dict[str, list[int]]:
        """Word -> ascending offsets in ``text`` where it stands as a whole word (case-insensitive),
        words in the order they first occur. The lists are shared: callers must not change them."""
        last = self._last  # read once: documents may be extracted in several threads
        if last is not None and last[0] is text:
            return last[1]
        own = self._words
        found = {word: offsets for word, offsets in _ALL_WORDS.starts(text).items() if word in own}
        self._last = (text, found)
        return found


class Literals:
    """Every offset where one of a fixed set of strings starts, overlapping ones too (``U.S.$``
    holds ``S.$`` and ``$``): what an Aho-Corasick pass gives, from one `re` pass over a
    trie-shaped alternation (which the regex engine runs several times faster on most texts)
    and, inside each match, the other strings that may start there."""

    def __init__(self, strings: Iterable[str]) -> None:
        keys = sorted(set(strings))
        if not keys or "" in keys:
            raise ValueError("literals must be non-empty strings")
        self._pattern = re.compile(_trie_pattern(keys))
        self._inside: dict[str, tuple[tuple[int, str], ...]] = {
            key: tuple((k, other) for k in range(1, len(key)) for other in keys if _may_start_at(key, k, other)) for key in keys
        }
        """Each string -> (offset in it, string) pairs where that other string may start inside it."""

    def starts(self, text: str) -> list[int]:
        """The ascending offsets where one of the strings starts in ``text``."""
        out: set[int] = set()
        inside = self._inside
        for m in self._pattern.finditer(text):  # the longest string at each leftmost start
            start = m.start()
            out.add(start)
            out.update(start + k for k, other in inside[m.group()] if text.startswith(other, start + k))
        return sorted(out)


def _may_start_at(key: str, k: int, other: str) -> bool:
    """``other`` may start at offset ``k`` of a text where ``key`` stands: it agrees with the rest of ``key``."""
    rest = key[k:]
    return rest.startswith(other) or other.startswith(rest)


def _trie_pattern(keys: list[str]) -> str:
    """An alternation of ``keys`` with shared prefixes factored out (``A(?:\\$|ED|U(?:\\$|D))``):
    it matches the longest key at a position, trying each character once."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def preceded(text: str, starts: Iterable[int], word: str, *, whole: bool = True) -> list[int]:
    """The offsets where ``word`` stands, followed by non-letters only, right before one of ``starts``
    (the ``the`` of ``the end of``): where a pattern opening with ``(?:word\\s+)?`` may start.
    With ``whole=False`` the word may also close a longer word (no ``\\b`` before it)."""
    padded = letters(text)
    n = len(word)
    key = f" {word}" if whole else word
    out: list[int] = []
    for k in starts:
        q = k  # padded[k] is the character before text[k]
        while q > 0 and padded[q] == " ":
            q -= 1
        if padded[q - len(key) + 1 : q + 1] == key:
            out.append(q - n)
    return out


_COMMON = frozenset({"the", "a", "an", "in", "at", "no", "not", "of", "to", "up"})
"""Words too common to try a pattern at each: a phrase opening with one is found from its second word."""


def _lead(phrase: str) -> tuple[str, str | None]:
    """The word a phrase is looked up by, and the word that must stand right before it (or ``None``)."""
    first, *rest = phrase_words(phrase)
    if first in _COMMON and rest and rest[0] not in _COMMON:
        return rest[0], first
    return first, None


def phrase_starts(text: str, words: Words, phrases: Iterable[str]) -> list[int]:
    """Where any of ``phrases`` may start (``words`` built from :func:`phrase_index` of them)."""
    found = words.starts(text)
    out: set[int] = set()
    for phrase in phrases:
        word, before = _lead(phrase)
        starts = found.get(word, ())
        out.update(starts if before is None else preceded(text, starts, before))
    return sorted(out)


def phrase_index(phrases: Iterable[str]) -> list[str]:
    """The words :func:`phrase_starts` looks up for ``phrases`` (for building a :class:`Words`)."""
    return [_lead(phrase)[0] for phrase in phrases]


def search(pattern: re.Pattern[str], text: str, starts: Sequence[int], pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` when every match starts at one of ``starts`` (ascending)."""
    match = pattern.match
    for k in range(bisect.bisect_left(starts, pos), len(starts)):
        m = match(text, starts[k])
        if m is not None:
            return m
    return None


def merged(*lists: Iterable[int]) -> list[int]:
    """The ascending union of several offset lists."""
    out: set[int] = set()
    for offsets in lists:
        out.update(offsets)
    return sorted(out)
