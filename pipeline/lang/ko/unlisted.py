"""Korean organisations that are not in the gazetteer (``actor_id`` None, type ``unlisted``).

A run of nouns (Kiwi ``NNG``/``NNP``/``SL``/``SN``/``XSN``..., joined by spaces, ``·`` or
``및``) whose last morphemes form an organisation suffix from ``data/actors.yaml``
(``워킹그룹``, ``위원회``, a glued ``부``/``처``/``청``). The name's extent comes from the tokens,
never a character count; a gazetteer actor that opens the run and is followed by a space stays
its own mention (``NATO`` | ``아프간군신탁기금``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, count, repeat
from operator import attrgetter, eq, is_, itemgetter, or_, sub
from typing import TypedDict, cast

from pipeline.actors.groups import Group
from pipeline.context import DocContext
from pipeline.lexicon import lang_yaml
from pipeline.text_utils import compact as _compact
from pipeline.tokens import Token

_NOUNISH = {"NNG", "NNP", "SL", "SN", "SH", "XSN", "XPN", "NR"}
_JOINERS = {"·", "‧", "ㆍ", "및"}
_JOINER_TAGS = {"SP", "SO", "MAG", "MAJ", "SS"}
_START = attrgetter("start")
_FORM = itemgetter(0)
_TAG = itemgetter(1)
_TOKEN_START = itemgetter(2)
_TOKEN_END = itemgetter(3)
"""A token's fields, as C-level getters."""


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
    ends_of_suffixes: frozenset[str]
    """The keys of ``suffixes_by_last``, and the empty string (a token with no last character
    is tested further, as one ending in a space is)."""
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
        ends_of_suffixes=frozenset({*by_last, ""}),
        exclusions=frozenset(_compact(s) for s in rules["exclusions"]),
        followers=frozenset(rules["followers"]),
        determiners=frozenset(rules["determiners"]),
        max_tokens=int(rules["max_tokens"]),
    )


def unlisted_groups(ctx: DocContext, named: Sequence[Group]) -> list[Group]:
    """Unlisted-organisation groups; ``named`` are the gazetteer groups already found."""
    return [Group(s, e, "unlisted.ko", (None,)) for s, e in _korean(ctx, [(g.start, g.end) for g in named])]


def _run_code(kind: str, touching: bool, gap: str) -> str:
    """The run letter of a token (see :func:`_korean_runs`) from its kind (``n`` noun-like,
    ``b`` dependent noun, ``j`` joiner, ``x`` anything else), whether it touches the token
    before and the text between them."""
    if kind == "x":
        return "x"
    joins = "\n" not in gap and not gap.strip()  # only spaces on one line: the run goes on
    if kind == "n":
        return "n" if joins else "N"
    if kind == "b":
        return "b" if touching else "x"
    return "j" if joins else "x"


_KINDS = {
    **{(tag, joiner): "n" for tag in _NOUNISH for joiner in (False, True)},
    **{("NNB", joiner): "b" for joiner in (False, True)},
    **{(tag, True): "j" for tag in _JOINER_TAGS},
}
"""A token's kind by (tag, whether its form is a joiner); any other token is ``x``."""
_CODES = {(k, t, g): _run_code(k, t, g) for k in "nbjx" for t in (False, True) for g in ("", " ")}
"""Run letters for the common gaps (none, one space); others go through ``_run_code``."""
_RUN = re.compile("[nN][nbj]*")


def _korean_runs(ctx: DocContext) -> list[range]:
    """Token index runs of noun-like morphemes (one noun phrase each).

    A run starts at a noun-like token and goes on over noun-like tokens and joiners after at
    most spaces on one line, and over a dependent noun glued to it; any other token ends it.
    Each token gets one letter saying so (``N``: a noun-like token after a line break or
    other text, which starts a new run), computed by C-level maps, and one regex pass over
    the letters finds the runs.
    """
    text, toks = ctx.text, ctx.tokens
    if not toks:
        return []
    kinds = list(map(_KINDS.get, zip(map(_TAG, toks), map(_JOINERS.__contains__, map(_FORM, toks)), strict=True), repeat("x")))
    starts, ends = list(map(_TOKEN_START, toks)), list(map(_TOKEN_END, toks))
    after = starts[1:]
    gaps = list(map(text.__getitem__, map(slice, ends, after)))  # the gap before each token but the first
    codes = list(map(_CODES.get, zip(kinds[1:], map(eq, after, ends), gaps, strict=True)))
    for k in compress(count(), map(is_, codes, repeat(None))):  # an unusual gap
        codes[k] = _run_code(kinds[k + 1], after[k] == ends[k], gaps[k])
    first = "n" if kinds[0] == "n" else "x"
    return [range(m.start(), m.end()) for m in _RUN.finditer(first + "".join(cast(list[str], codes)))]


def _candidates(text: str, toks: Sequence[Token], ends_of_suffixes: frozenset[str]) -> Iterator[int]:
    """Indices of the tokens an organisation suffix may end: their last character ends some
    suffix (or is a space, or there is none: such a token is tested further too)."""
    ends = list(map(_TOKEN_END, toks))
    lasts = list(map(text.__getitem__, map(slice, map(sub, ends, repeat(1)), ends)))
    return compress(count(), map(or_, map(ends_of_suffixes.__contains__, lasts), map(str.isspace, lasts)))


def _korean(ctx: DocContext, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tables = _ko_tables()
    followers = tables.followers
    toks = ctx.tokens
    candidates = _candidates(ctx.text, toks, tables.ends_of_suffixes)
    first = next(candidates, None)
    if first is None:
        return []
    runs = _korean_runs(ctx)
    run_starts = [r.start for r in runs]
    found: _Found | None = None
    out: list[tuple[int, int]] = []
    for k in chain((first,), candidates):
        i = bisect.bisect_right(run_starts, k) - 1
        if i < 0 or k >= runs[i].stop or toks[k].form in _JOINERS:
            continue  # in no run, or a joiner
        run = runs[i]
        if k + 1 < run.stop:
            next_form, next_tag, _, _ = toks[k + 1]
            if next_form not in _JOINERS and (next_tag == "XSN" or next_form not in followers):
                continue  # inside a longer noun phrase (not before 구축, 회의, ...)
        if found is None:
            found = _Found(ctx, tables, {e: s for s, e in named}, set(map(_START, toks)))
        span = found.name(run, k - run.start)
        if span is not None:
            out.append(span)
    return out


class _Found:
    """The name an organisation suffix ends, for the tokens that pass the cheap tests."""

    __slots__ = ("_named_end", "_starts", "_tables", "_text", "_toks")

    def __init__(self, ctx: DocContext, tables: _KoTables, named_end: dict[int, int], starts: set[int]) -> None:
        self._text, self._toks, self._tables = ctx.text, ctx.tokens, tables
        self._named_end, self._starts = named_end, starts

    def name(self, run: range, pos: int) -> tuple[int, int] | None:
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

    def _suffix_start(self, run: range, t: Token) -> int | None:
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
