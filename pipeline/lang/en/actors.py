"""English actor names: country prefixes (``U.S.``, ``Korean``, ``ROK's``), plural heads
(``the U.S. Departments of Treasury and State``: one mention per department) and "both
countries" for the document's two parties. Markers in ``data/actors.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import compress, count
from operator import itemgetter
from typing import Any

from pipeline.actors.gazetteer import Gazetteer
from pipeline.actors.groups import Bounds, Group
from pipeline.context import DocContext
from pipeline.lang.en import scan
from pipeline.lang.en.words import Word, is_capitalized, words_of
from pipeline.lexicon import lang_yaml
from pipeline.text_utils import ASCII_ALNUM_CHARS, has_hangul, matches_at
from pipeline.tokens import Token

_FORM = itemgetter(0)
"""A token's or a word's form, as a C-level getter."""


@cache
def markers() -> dict[str, Any]:
    """``data/actors.yaml``, read once."""
    data: dict[str, Any] = lang_yaml("en", "actors.yaml")
    return data


def owns_name(key: str) -> bool:
    """Names without a Hangul syllable are read with the English rules."""
    return not has_hangul(key)


# --- both countries -------------------------------------------------------------------------


@cache
def _both_pattern() -> re.Pattern[str]:
    """ "both countries" and its variants, longest first; built once, not once per document."""
    phrases = sorted(markers()["both_countries"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_ci_first(p) for p in phrases) + r")\b")


def _ci_first(phrase: str) -> str:
    first, rest = phrase[0], phrase[1:]
    return f"[{first.lower()}{first.upper()}]" + re.escape(rest).replace(r"\ ", r"\s+")


@cache
def _both_words() -> scan.Words:
    return scan.Words(scan.phrase_index(markers()["both_countries"]))


def both_countries(ctx: DocContext, pair: tuple[str, ...]) -> list[Group]:
    """ "both countries" (and its variants) stands for the document's two parties; the pattern
    is tried only where one of its phrases may start (see :mod:`pipeline.lang.en.scan`)."""
    starts = scan.phrase_starts(ctx.text, _both_words(), markers()["both_countries"])
    return [Group(m.start(), m.end(), "both_countries", pair) for m in matches_at(_both_pattern(), ctx.text, starts)]


# --- country prefixes -----------------------------------------------------------------------

_PrefixTable = tuple[dict[str, str], dict[str, str], tuple[int, ...]]
_PREFIX_TABLES: dict[int, _PrefixTable] = {}


def _prefix_table(gz: Gazetteer) -> _PrefixTable:
    """English country prefixes (and their curly-apostrophe spellings) by spelling, with their
    lengths longest first: a lookup per length instead of an ``endswith`` per prefix per call.

    The first prefix in data order wins for a spelling, as in a scan of ``gz.en_prefixes``.
    """
    hit = _PREFIX_TABLES.get(id(gz))
    if hit is not None and hit[0] is gz.en_prefixes:
        return hit
    by_form: dict[str, str] = {}
    for form, country in gz.en_prefixes.items():
        by_form.setdefault(form, country)
        by_form.setdefault(form.replace("'", "’"), country)
    table = (gz.en_prefixes, by_form, tuple(sorted({len(f) for f in by_form}, reverse=True)))
    _PREFIX_TABLES[id(gz)] = table
    return table


def prefix_in(text: str, gz: Gazetteer, start: int) -> tuple[str, int] | None:
    """A country prefix (``U.S.``, ``Korean``, ``ROK's``) right before ``start``: (country, its start).

    The longest prefix whose start is not glued to a letter or digit wins (the earliest start).
    """
    window = text[max(0, start - 40) : start]
    if not window.endswith((" ", "\u00a0")):
        return None
    head = window.rstrip()
    head_end = start - (len(window) - len(head))
    _, by_form, lengths = _prefix_table(gz)
    size = len(head)
    for length in lengths:
        if length > size:
            continue
        country = by_form.get(head[size - length :])
        if country is not None:
            p = head_end - length
            if p == 0 or text[p - 1] not in ASCII_ALNUM_CHARS:
                return (country, p)
    return None


def prefix_before(ctx: DocContext, gz: Gazetteer, start: int) -> tuple[str, int] | None:
    """:func:`prefix_in` over the document text (the ``ActorRules.prefix_before`` hook)."""
    return prefix_in(ctx.text, gz, start)


# --- plural heads: the U.S. Departments of Treasury and State --------------------------------


def plural_groups(ctx: DocContext, gz: Gazetteer, bounds: Bounds) -> list[Group]:
    """``Departments of Treasury and State`` gives one group per department found in the gazetteer."""
    heads: dict[str, str] = markers()["plural_heads"]
    words, found = _heads_of(ctx.tokens, heads)
    out: list[Group] = []
    for k in found:
        w = words[k]
        if k + 1 >= len(words) or words[k + 1].form != "of":
            continue
        singular = heads[w.form]
        country = prefix_in(ctx.text, gz, w.start)
        pieces: list[list[Word]] = [[]]
        j = k + 2
        while j < len(words):
            x = words[j]
            if x.form in {"and", ","}:
                if pieces[-1]:
                    pieces.append([])
            elif x.form == "the" and not pieces[-1]:
                pass
            elif x.is_word and is_capitalized(x.form):
                pieces[-1].append(x)
            else:
                break
            j += 1
        pieces = [p for p in pieces if p]
        i = 0
        first = True
        while i < len(pieces):
            hit = None
            for stop in range(len(pieces), i, -1):
                name = " and ".join(" ".join(x.form for x in p) for p in pieces[i:stop])
                ids = _lookup_body(gz, f"{singular} {name}", country) or _lookup_body(gz, f"{singular} the {name}", country)
                if ids:
                    hit = (stop, ids)
                    break
            if hit is None:
                break
            stop, ids = hit
            start = (country[1] if country else w.start) if first else pieces[i][0].start
            out.append(Group(start, pieces[stop - 1][-1].end, "plural_heads", ids, prefixed=country is not None))
            first = False
            i = stop
    return out


def _heads_of(tokens: Sequence[Token], heads: dict[str, str]) -> tuple[list[Word], list[int]]:
    """The document's words and the indices of those reading as a plural head.

    A word's first token reads as a prefix of the word's form, or of the form with the period
    split off it (``Departments.``): without a token reading as such a prefix of any head, no
    word is one, and the words are not even built (a Korean document is spared them).
    """
    if _head_prefixes(tuple(heads)).isdisjoint(map(_FORM, tokens)):
        return [], []
    words = words_of(tokens)
    return words, list(compress(count(), map(heads.__contains__, map(_FORM, words))))


@cache
def _head_prefixes(heads: tuple[str, ...]) -> frozenset[str]:
    """Every prefix (the empty one too) of every head and of the head with a period after it:
    the forms a word reading as a head may start with, built once per set of heads."""
    return frozenset(f"{head}."[:size] for head in heads for size in range(len(head) + 2))


def _lookup_body(gz: Gazetteer, name: str, country: tuple[str, int] | None) -> tuple[str, ...]:
    matches = gz.trie.walk(name, 0)
    full = [m for m in matches if m.end == len(name)]
    if not full:
        return ()
    ids = full[-1].entry.ids
    if country is not None:
        ids = tuple(i for i in ids if gz.get(i).country == country[0]) or ()
    elif len(ids) > 1:
        ids = (gz.resolve_default(full[-1].key, ids),)
    return ids[:1]
