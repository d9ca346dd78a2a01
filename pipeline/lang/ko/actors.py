"""Korean actor names: one-letter compounds (``한미``, ``한·미·일``, ``한-아세안``), country
prefixes (``일본 국방부``), the suffixes that make a country name something else
(``미국산``), and ``양국`` for the document's two parties. Markers in ``data/actors.yaml``."""

from __future__ import annotations

import re
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Any

from pipeline.actors.gazetteer import Gazetteer, Match
from pipeline.actors.groups import Bounds, Group
from pipeline.context import DocContext
from pipeline.lexicon import lang_yaml
from pipeline.text_utils import HANGUL, has_hangul
from schemas.models import ActorType

_FORM = itemgetter(0)
"""A token's form, as a C-level getter."""


@cache
def markers() -> dict[str, Any]:
    """``data/actors.yaml``, read once."""
    data: dict[str, Any] = lang_yaml("ko", "actors.yaml")
    return data


def owns_name(key: str) -> bool:
    """Names with a Hangul syllable are Korean."""
    return has_hangul(key)


def rejects_name(ctx: DocContext, gz: Gazetteer, bounds: Bounds, m: Match) -> bool:
    """A country name glued to a suffix that makes it something else (``미국산``: XSN)."""
    if not gz.facts(m.entry.ids)[1] or not has_hangul(ctx.text[m.end - 1]):
        return False
    nxt = bounds.token_starting(m.end)
    return nxt is not None and nxt.tag == "XSN" and nxt.form in _blocking_suffixes()


@cache
def _blocking_suffixes() -> frozenset[str]:
    """``country_blocking_suffixes`` as a set, built once."""
    blocking = markers()["country_blocking_suffixes"]
    assert isinstance(blocking, list)
    return frozenset(blocking)


def _compound_at(ctx: DocContext, gz: Gazetteer, bounds: Bounds, pos: int) -> Group | None:
    """``한미``, ``한미일``, ``한·미``, ``한-아세안`` (+ ``양국``) starting at ``pos``."""
    text, n = ctx.text, len(ctx.text)
    ko = markers()
    seps = _separators()
    ids: list[str] = []
    i = pos
    glued_ok = True
    while i < n:
        ch = text[i]
        if ch in gz.glued_abbr and (glued_ok or not ids):
            ids.append(gz.glued_abbr[ch])
            i += 1
            continue
        if ids and ch in seps and i + 1 < n:
            j = i + 1
            if text[j] in gz.abbr and (
                j + 1 >= n or not HANGUL.match(text[j + 1]) or text[j + 1] in gz.abbr or bounds.ends_token(j + 1)
            ):
                ids.append(gz.abbr[text[j]])
                i = j + 1
                continue
            found = [m for m in gz.trie.walk(text, j) if bounds.is_end(text, m.end) and len(m.entry.ids) == 1]
            if found and gz.get(found[-1].entry.ids[0]).type in (ActorType.COUNTRY, ActorType.INTERNATIONAL_ORG):
                ids.append(found[-1].entry.ids[0])
                i = found[-1].end
                glued_ok = False
                continue
        break
    if len(ids) < 2 or len(set(ids)) != len(ids):
        return None
    end = i
    surface = text[pos:end]
    if surface in ko["compound_exclusions"] or not bounds.is_end(text, end):
        return None
    for t in ctx.tokens_in(pos, end):
        if HANGUL.match(t.form[:1] or " ") and t.tag != "NNP":
            return None
    # extend over a head noun: 한미 양국, 한미일 3국
    k = end
    while k < n and text[k] in " \t":
        k += 1
    for head in ko["compound_heads"]:
        if text.startswith(head, k) and bounds.is_end(text, k + len(head)):
            end = k + len(head)
            break
    return Group(pos, end, "compound", tuple(ids))


@cache
def _separators() -> frozenset[str]:
    """``·``, ``-``, ``/``: what may join the letters of a compound (``한·미``)."""
    return frozenset(markers()["compound_separators"])


def compound_groups(ctx: DocContext, gz: Gazetteer, bounds: Bounds) -> list[Group]:
    """One group per compound of one-letter country abbreviations, one id per country."""
    glued = frozenset(k for k in gz.glued_abbr if len(k) == 1)
    if not glued:
        return []
    out = []
    for m in _start_finder(glued, _separators()).finditer(ctx.text):
        tok = bounds.token_starting(m.start())
        if tok is not None and tok.tag == "NNP" and ctx.text[m.start()] in gz.abbr:
            g = _compound_at(ctx, gz, bounds, m.start())
            if g is not None:
                out.append(g)
    return out


@cache
def _start_finder(glued: frozenset[str], separators: frozenset[str]) -> re.Pattern[str]:
    """Where a compound can start, found in one regex pass in text order: ``_compound_at`` reads
    a glued letter first (``한``), then another (``한미``) or a separator (``한·미``, ``한-아세안``)."""
    letters = "".join(re.escape(c) for c in sorted(glued))
    joins = "".join(re.escape(c) for c in sorted(separators))
    return re.compile(f"[{letters}](?=[{letters}{joins}])")


def both_countries(ctx: DocContext, pair: tuple[str, ...]) -> list[Group]:
    """``양국`` (a noun token) stands for the document's two parties."""
    forms = _both_forms()
    tokens = compress(ctx.tokens, map(forms.__contains__, map(_FORM, ctx.tokens)))  # a C-level pass over the forms
    return [Group(t.start, t.end, "both_countries", pair) for t in tokens if t.tag.startswith("NN")]


@cache
def _both_forms() -> frozenset[str]:
    return frozenset(markers()["both_countries"])


def prefix_before(ctx: DocContext, gz: Gazetteer, start: int) -> tuple[str, int] | None:
    """A Korean country name right before ``start`` (``일본 국방부``, ``중 외교부``): (country, its
    start). A one-syllable abbreviation tagged as a dependent noun is no country: ``1분기 중
    외교부`` is "the ministry, during the first quarter" (Kiwi: ``중``/NNB)."""
    text = ctx.text
    head = text[max(0, start - 12) : start]
    stripped = head.rstrip(" \t")
    offset = start - (len(head) - len(stripped))
    size = len(stripped)
    prefixes = gz.ko_prefixes
    # the longest form that passes starts earliest, and wins (two forms of one length ending
    # ``stripped`` are one form): one lookup per length, longest first
    for length in _prefix_lengths(prefixes):
        if length > size:
            continue
        form = stripped[size - length :]
        country = prefixes.get(form)
        if country is None:
            continue
        p = offset - length
        if (length > 1 or offset < start) and (p == 0 or not HANGUL.match(text[p - 1])):
            token = ctx.token_at(p)
            if length == 1 and token is not None and token.tag == "NNB":
                continue
            return (country, p)
    return None


_PREFIX_LENGTHS: dict[int, tuple[dict[str, str], tuple[int, ...]]] = {}


def _prefix_lengths(prefixes: dict[str, str]) -> tuple[int, ...]:
    """The lengths of the Korean country prefixes, longest first (worked out once per table)."""
    hit = _PREFIX_LENGTHS.get(id(prefixes))
    if hit is not None and hit[0] is prefixes:
        return hit[1]
    lengths = tuple(sorted({len(f) for f in prefixes}, reverse=True))
    _PREFIX_LENGTHS[id(prefixes)] = (prefixes, lengths)
    return lengths
