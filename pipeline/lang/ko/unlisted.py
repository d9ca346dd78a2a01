"""Korean organisations that are not in the gazetteer (``actor_id`` None, type ``unlisted``).

A run of nouns (Kiwi ``NNG``/``NNP``/``SL``/``SN``/``XSN``..., joined by spaces, ``·`` or
``및``) whose last morphemes form an organisation suffix from ``data/actors.yaml``
(``워킹그룹``, ``위원회``, a glued ``부``/``처``/``청``). The name's extent comes from the tokens,
never a character count; a gazetteer actor that opens the run and is followed by a space stays
its own mention (``NATO`` | ``아프간군신탁기금``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import attrgetter, itemgetter
from typing import TypedDict

from pipeline.actors.groups import Group
from pipeline.context import DocContext
from pipeline.lexicon import lang_yaml
from pipeline.text_utils import compact as _compact
from pipeline.tokens import Token

_NOUNISH = {"NNG", "NNP", "SL", "SN", "SH", "XSN", "XPN", "NR"}
_JOINERS = {"·", "‧", "ㆍ", "및"}
_JOINER_TAGS = {"SP", "SO", "MAG", "MAJ", "SS"}
_START = attrgetter("start")
_TAG = itemgetter(1)
_RUN_TAGS = frozenset({*_NOUNISH, "NNB", *_JOINER_TAGS})
"""Every tag a token of a noun run may have (a joiner is also tested by its form)."""


class _KoRules(TypedDict):
    """``unlisted`` of ``ko/data/actors.yaml``."""

    suffixes: list[str]
    glued_suffixes: list[str]
    exclusions: list[str]
    followers: list[str]
    determiners: list[str]
    max_tokens: int


@cache
def _ko_rules() -> _KoRules:
    rules: _KoRules = lang_yaml("ko", "actors.yaml")["unlisted"]
    return rules


@dataclass(frozen=True, slots=True)
class _KoTables:
    """``_KoRules`` in the shapes the per-token loop needs, built once per process."""

    suffixes_by_last: dict[str, tuple[tuple[str, bool], ...]]
    """Spaced suffixes (longest first), then glued ones (``True``), grouped by their last
    character: only suffixes ending in a token's last character can end that token."""
    exclusions: frozenset[str]
    followers: frozenset[str]
    determiners: frozenset[str]
    max_tokens: int


@cache
def _ko_tables() -> _KoTables:
    rules = _ko_rules()
    spaced = sorted((_compact(s) for s in rules["suffixes"]), key=len, reverse=True)
    glued = sorted((_compact(s) for s in rules["glued_suffixes"]), key=len, reverse=True)
    ordered = [(s, False) for s in spaced] + [(s, True) for s in glued]
    assert all(suffix for suffix, _ in ordered), "ko/data/actors.yaml: empty unlisted suffix"
    by_last: dict[str, list[tuple[str, bool]]] = {}
    for suffix, must_glue in ordered:
        by_last.setdefault(suffix[-1], []).append((suffix, must_glue))
    return _KoTables(
        suffixes_by_last={last: tuple(group) for last, group in by_last.items()},
        exclusions=frozenset(_compact(s) for s in rules["exclusions"]),
        followers=frozenset(rules["followers"]),
        determiners=frozenset(rules["determiners"]),
        max_tokens=int(rules["max_tokens"]),
    )


def unlisted_groups(ctx: DocContext, named: Sequence[Group]) -> list[Group]:
    """Unlisted-organisation groups; ``named`` are the gazetteer groups already found."""
    return [Group(s, e, "unlisted.ko", (None,)) for s, e in _korean(ctx, [(g.start, g.end) for g in named])]


def _korean_runs(ctx: DocContext) -> list[list[int]]:
    """Token index runs of noun-like morphemes (one noun phrase each)."""
    text, toks = ctx.text, ctx.tokens
    runs: list[list[int]] = []
    cur: list[int] = []
    prev_end = 0  # end of the last token of ``cur``
    after = -1  # the last token looked at
    # only tokens whose tag a run may hold are looked at (a C-level filter); any token
    # skipped between two of them could join no run, so it ends the current one
    for k in compress(count(), map(_RUN_TAGS.__contains__, map(_TAG, toks))):
        if k != after + 1 and cur:
            runs.append(cur)
            cur = []
        after = k
        form, tag, start, end = toks[k]
        if cur and start != prev_end:
            gap = text[prev_end:start]
            if "\n" in gap or gap.strip():
                runs.append(cur)
                cur = []
        if tag in _NOUNISH or (tag == "NNB" and cur and prev_end == start) or (cur and form in _JOINERS and tag in _JOINER_TAGS):
            cur.append(k)
            prev_end = end
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _korean(ctx: DocContext, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tables = _ko_tables()
    suffixes_by_last, followers = tables.suffixes_by_last, tables.followers
    toks, text = ctx.tokens, ctx.text
    found = _Found(ctx, tables, {e: s for s, e in named}, set(map(_START, toks)))
    out: list[tuple[int, int]] = []
    for run in _korean_runs(ctx):
        last_pos = len(run) - 1
        for pos, k in enumerate(run):
            form, _, _, end = toks[k]
            last = text[end - 1 : end]  # the last character of the compacted text before ``end``
            if last not in suffixes_by_last and last and not last.isspace():
                continue  # no suffix ends in this character: the test that rules out most tokens
            if form in _JOINERS:
                continue
            if pos < last_pos:
                next_form, next_tag, _, _ = toks[run[pos + 1]]
                if next_form not in _JOINERS and (next_tag == "XSN" or next_form not in followers):
                    continue  # inside a longer noun phrase (not before 구축, 회의, ...)
            span = found.name(run, pos)
            if span is not None:
                out.append(span)
    return out


class _Found:
    """The name an organisation suffix ends, for the tokens that pass the cheap tests."""

    __slots__ = ("_named_end", "_starts", "_tables", "_text", "_toks")

    def __init__(self, ctx: DocContext, tables: _KoTables, named_end: dict[int, int], starts: set[int]) -> None:
        self._text, self._toks, self._tables = ctx.text, ctx.tokens, tables
        self._named_end, self._starts = named_end, starts

    def name(self, run: list[int], pos: int) -> tuple[int, int] | None:
        """``(start, end)`` of the organisation name ending with token ``run[pos]``, if any."""
        toks, text = self._toks, self._text
        t = toks[run[pos]]
        suffix_start = self._suffix_start(run, t)
        if suffix_start is None:
            return None
        # the name: from the run start, minus determiners and leading named actors + space
        named_end, determiners = self._named_end, self._tables.determiners
        first = max(0, pos - self._tables.max_tokens + 1)
        idx = run[first : pos + 1]
        begin = 0
        for q, kk in enumerate(idx):
            tk = toks[kk]
            if tk.end in named_end and named_end[tk.end] <= tk.start and tk.end < suffix_start:
                if text[tk.end : tk.end + 1].isspace():
                    begin = q + 1
        while begin < len(idx) and (
            toks[idx[begin]].form in determiners or toks[idx[begin]].form in _JOINERS or toks[idx[begin]].tag == "MM"
        ):
            begin += 1
        if begin >= len(idx):
            return None
        start = toks[idx[begin]].start
        if start >= suffix_start or _compact(text[start : t.end]) in self._tables.exclusions:
            return None
        return start, t.end

    def _suffix_start(self, run: list[int], t: Token) -> int | None:
        """Where the organisation suffix ending ``t`` starts, if one does."""
        toks, text = self._toks, self._text
        prefix = _compact(text[t.start - min(t.start, 30) : t.end])
        for suffix, must_glue in self._tables.suffixes_by_last.get(prefix[-1:], ()):
            if not prefix.endswith(suffix):
                continue
            s = _back(text, t.end, len(suffix))
            # a proper noun Kiwi already knows whole (한국개발연구원) may hold its suffix
            inside_nnp = t.tag == "NNP" and len(suffix) >= 2 and t.start < s and s - t.start >= 2
            if not inside_nnp and (s not in self._starts or s <= toks[run[0]].start):
                continue
            if must_glue and text[s - 1].isspace():
                continue
            return s
        return None


def _back(text: str, end: int, count: int) -> int:
    """Offset ``count`` non-space characters before ``end``."""
    i = end
    while count > 0 and i > 0:
        i -= 1
        if not text[i].isspace():
            count -= 1
    return i
