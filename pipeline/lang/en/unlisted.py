"""English organisations that are not in the gazetteer (``actor_id`` None, type ``unlisted``):
a capitalized phrase ending in a head such as ``Working Group`` or ``Commission``, or opening
with ``Ministry of`` / ``Department of`` ... (heads in ``data/actors.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import itemgetter
from typing import TypedDict

from pipeline.actors.gazetteer import load_gazetteer
from pipeline.actors.groups import Group
from pipeline.context import DocContext
from pipeline.lang.en.actors import prefix_in
from pipeline.lang.en.words import Word, is_capitalized, words_of
from pipeline.lexicon import lang_yaml

_FORM = itemgetter(0)
"""A word's form, as a C-level getter."""


class _EnRules(TypedDict):
    """``unlisted`` of ``en/data/actors.yaml``."""

    final_heads: list[str]
    initial_heads: list[str]
    connectors: list[str]
    exclusions: list[str]
    max_words: int


@cache
def _en_rules() -> _EnRules:
    rules: _EnRules = lang_yaml("en", "actors.yaml")["unlisted"]
    return rules


@dataclass(frozen=True, slots=True)
class _EnTables:
    """``_EnRules`` in the shapes the per-word loop needs, built once per process."""

    finals_by_first: dict[str, tuple[list[str], ...]]
    """Head-final phrases (most words first) grouped by their first word: only those can
    start at a given word."""
    initials: frozenset[str]
    heads: frozenset[str]
    """The words a phrase is found from (first words of ``finals_by_first`` and ``initials``):
    the per-word loop skips every other word at once."""
    connectors: frozenset[str]
    exclusions: frozenset[str]
    max_words: int


@cache
def _en_tables() -> _EnTables:
    rules = _en_rules()
    finals = [h.split() for h in rules["final_heads"]]
    finals.sort(key=len, reverse=True)
    assert all(finals), "en/data/actors.yaml: empty unlisted final head"
    by_first: dict[str, list[list[str]]] = {}
    for head in finals:
        by_first.setdefault(head[0], []).append(head)
    return _EnTables(
        finals_by_first={first: tuple(group) for first, group in by_first.items()},
        initials=frozenset(rules["initial_heads"]),
        heads=frozenset(by_first) | frozenset(rules["initial_heads"]),
        connectors=frozenset(rules["connectors"]),
        exclusions=frozenset(rules["exclusions"]),
        max_words=int(rules["max_words"]),
    )


def unlisted_groups(ctx: DocContext, named: Sequence[Group]) -> list[Group]:
    """Unlisted-organisation groups; ``named`` are the gazetteer groups already found."""
    found = _english(ctx, [(g.start, g.end) for g in named], words_of(ctx.tokens))
    return [Group(s, e, "unlisted.en", (None,)) for s, e in found]


def _english(ctx: DocContext, named: list[tuple[int, int]], words: Sequence[Word]) -> list[tuple[int, int]]:
    tables = _en_tables()
    finals_by_first = tables.finals_by_first
    initials, connectors, exclusions = tables.initials, tables.connectors, tables.exclusions
    max_words = tables.max_words
    named_by_end = {e: s for s, e in named}
    out: list[tuple[int, int]] = []
    n = len(words)
    heads = tables.heads
    # only words reading as a head are looked at (a C-level filter over the forms)
    for k in compress(count(), map(heads.__contains__, map(_FORM, words))):
        w = words[k]
        if not w.is_word or not is_capitalized(w.form):
            continue
        # head-final
        for head in finals_by_first.get(w.form, ()):
            last = k + len(head) - 1
            if last >= n or [x.form for x in words[k : last + 1]] != head:
                continue
            j = k - 1
            first = k
            while j >= 0 and k - j <= max_words:
                x = words[j]
                if x.is_word and is_capitalized(x.form) and x.form not in exclusions:
                    first = j
                elif x.is_word and x.form in connectors and j > 0 and words[j - 1].is_word:
                    pass
                else:
                    break
                j -= 1
            if first == k:
                break
            # cut a leading named actor followed by a space (NATO | Afghan ... Fund)
            start = words[first].start
            for q in range(first, k):
                if words[q].end in named_by_end and ctx.text[words[q].end : words[q].end + 1].isspace():
                    start = words[q + 1].start
            q = first
            while q < k and words[q].start < start:
                q += 1
            while q < k and words[q].form in connectors:
                q += 1
            start = words[q].start
            if start < words[k].start:
                out.append((start, words[last].end))
            break
        # head-initial: Ministry of Foreign Affairs of Japan
        if w.form in initials and k + 2 < n and words[k + 1].form in {"of", "for", "on"}:
            j = k + 2
            end = None
            while j < n and j - k <= max_words:
                x = words[j]
                if x.is_word and is_capitalized(x.form):
                    end = x.end
                elif (x.is_word and x.form in connectors) or x.form == ",":
                    follow = words[j + 1] if j + 1 < n else None
                    if follow is None or not follow.is_word:
                        break
                    if not (is_capitalized(follow.form) or (x.form == "of" and follow.form == "the")):
                        break
                else:
                    break
                j += 1
            if end is not None:
                begin = w.start
                prefix = prefix_in(ctx.text, load_gazetteer(), w.start)
                if prefix is not None:
                    begin = prefix[1]
                out.append((begin, end))
    return out
