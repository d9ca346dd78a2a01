"""Korean organisations that are not in the gazetteer (``actor_id`` None, type ``unlisted``).

A run of nouns (Kiwi ``NNG``/``NNP``/``SL``/``SN``/``XSN``..., joined by spaces, ``·`` or
``및``) whose last morphemes form an organisation suffix from ``data/actors.yaml``
(``워킹그룹``, ``위원회``, a glued ``부``/``처``/``청``). The name's extent comes from the tokens,
never a character count; a gazetteer actor that opens the run and is followed by a space stays
its own mention (``NATO`` | ``아프간군신탁기금``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypedDict

from pipeline.actors.groups import Group
from pipeline.context import DocContext
from pipeline.lexicon import lang_yaml
from pipeline.text_utils import compact as _compact
from pipeline.tokens import Token

_NOUNISH = {"NNG", "NNP", "SL", "SN", "SH", "XSN", "XPN", "NR"}
_JOINERS = {"·", "‧", "ㆍ", "및"}
_JOINER_TAGS = {"SP", "SO", "MAG", "MAJ", "SS"}


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
    suffix_last: re.Pattern[str]
    """One character that ends some suffix (a key of ``suffixes_by_last``), or a space."""
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
        suffix_last=re.compile("[" + "".join(map(re.escape, sorted(by_last))) + r"\s]"),
        exclusions=frozenset(_compact(s) for s in rules["exclusions"]),
        followers=frozenset(rules["followers"]),
        determiners=frozenset(rules["determiners"]),
        max_tokens=int(rules["max_tokens"]),
    )


def unlisted_groups(ctx: DocContext, named: Sequence[Group]) -> list[Group]:
    """Unlisted-organisation groups; ``named`` are the gazetteer groups already found."""
    return [Group(s, e, "unlisted.ko", (None,)) for s, e in _korean(ctx, [(g.start, g.end) for g in named])]


def _run_code(kind: str, touching: bool, gap: str) -> str:
    """The run letter of a token (see :class:`_Runs`) from its kind (``n`` noun-like, ``b``
    dependent noun, ``j`` joiner, ``x`` anything else), whether it touches the token before and
    the text between them."""
    if kind == "x":
        return "x"
    joins = "\n" not in gap and not gap.strip()  # only spaces on one line: the run goes on
    if kind == "n":
        return "n" if joins else "N"
    if kind == "b":
        return "b" if touching else "x"
    return "j" if joins else "x"


class _Runs:
    """Runs of noun-like morphemes (one noun phrase each), found around the tokens asked about.

    A run starts at a noun-like token and goes on over noun-like tokens and joiners after at
    most spaces on one line, and over a dependent noun glued to it; any other token ends it.
    Each token reads as one letter: ``n`` (noun-like, goes on with the run before it, if any),
    ``N`` (noun-like after a line break or other text: starts a new run), ``b``/``j`` (a
    dependent noun / joiner going on with the run before it), ``x`` (ends any run). Only the
    tokens between the asked ones are read, each at most once over a document.
    """

    __slots__ = ("_known", "_known_start", "_text", "_toks")

    def __init__(self, text: str, toks: Sequence[Token]) -> None:
        self._text, self._toks = text, toks
        self._known = -1  # the last token asked about (``-1``: none, as if before the first)
        self._known_start: int | None = None  # the start of its run; ``None``: in no run

    def letter(self, j: int) -> str:
        form, tag, start, _ = self._toks[j]
        if tag in _NOUNISH:
            kind = "n"
        elif tag == "NNB":
            kind = "b"
        elif tag in _JOINER_TAGS and form in _JOINERS:
            kind = "j"
        else:
            return "x"
        if j == 0:
            return "n" if kind == "n" else "x"
        prev_end = self._toks[j - 1][3]
        return _run_code(kind, start == prev_end, self._text[prev_end:start])

    def start_of(self, k: int) -> int | None:
        """The first token of the run holding token ``k`` (asked in increasing ``k``); ``None``
        when ``k`` is in no run."""
        j, first_noun = k, None
        while j != self._known:
            letter = self.letter(j)
            if letter == "N":
                first_noun = j
                break
            if letter == "x":
                break  # the run (if any) starts at the first noun-like token after ``j``
            if letter == "n":
                first_noun = j
            j -= 1
        else:  # every token after the one asked before goes on with its run (if any)
            if self._known_start is not None:
                first_noun = self._known_start
        self._known, self._known_start = k, first_noun
        return first_noun

    def goes_on(self, k: int) -> bool:
        """Whether token ``k`` goes on with the run holding token ``k - 1``."""
        return k < len(self._toks) and self.letter(k) in "nbj"


def _candidates(text: str, ends: Sequence[int], tables: _KoTables) -> list[int]:
    """Indices of the tokens an organisation suffix may end, in order: their last character
    ends some suffix, or is a space (a token with no last character is taken too).

    One regex pass over a string of every token's last character (of ``" " + text``, shifted
    by one, so that a token ending at 0 reads a space). Taking a token that cannot end a
    suffix only costs time: :meth:`_Found.suffix_options` tests the suffixes themselves.
    """
    lasts = "".join(map((" " + text).__getitem__, ends))
    return [m.start() for m in tables.suffix_last.finditer(lasts)]


def _korean(ctx: DocContext, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tables = _ko_tables()
    followers = tables.followers
    toks = ctx.tokens
    runs = _Runs(ctx.text, toks)
    found: _Found | None = None
    out: list[tuple[int, int]] = []
    for k in _candidates(ctx.text, ctx.token_ends(), tables):
        if toks[k].form in _JOINERS:
            continue
        if k + 1 < len(toks):
            next_form, next_tag, _, _ = toks[k + 1]
            if next_form not in _JOINERS and (next_tag == "XSN" or next_form not in followers) and runs.goes_on(k + 1):
                continue  # inside a longer noun phrase (not before 구축, 회의, ...), or in no run
        if found is None:
            found = _Found(ctx, tables, {e: s for s, e in named})
        options = found.suffix_options(toks[k])
        if not options:
            continue  # no suffix ends here, whatever the run
        start = runs.start_of(k)
        if start is None:
            continue  # in no run
        span = found.name(range(start, k + 1), k - start, options)
        if span is not None:
            out.append(span)
    return out


class _Found:
    """The name an organisation suffix ends, for the tokens that pass the cheap tests."""

    __slots__ = ("_ctx", "_named_end", "_tables", "_text", "_toks")

    def __init__(self, ctx: DocContext, tables: _KoTables, named_end: dict[int, int]) -> None:
        self._ctx, self._text, self._toks, self._tables = ctx, ctx.text, ctx.tokens, tables
        self._named_end = named_end

    def name(self, run: range, pos: int, options: list[tuple[int, bool]]) -> tuple[int, int] | None:
        """``(start, end)`` of the organisation name ending with token ``run[pos]``, if any;
        ``options`` are its :meth:`suffix_options`."""
        toks, text = self._toks, self._text
        t = toks[run[pos]]
        run_start = toks[run[0]].start
        # the first suffix (in the tables' order) that starts inside the run, past its first token
        suffix_start = next((s for s, in_run in options if not in_run or s > run_start), None)
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

    def suffix_options(self, t: Token) -> list[tuple[int, bool]]:
        """Where each organisation suffix ending ``t`` starts, in the tables' order, with whether
        it must also start after the run's first token; only suffixes that pass every test
        needing no run (a suffix that must be glued is, one starting a token, or one inside a
        proper noun)."""
        text = self._text
        prefix = _compact(text[t.start - min(t.start, 30) : t.end])
        out: list[tuple[int, bool]] = []
        for suffix, must_glue in self._tables.suffixes_by_last.get(prefix[-1:], ()):
            if not prefix.endswith(suffix):
                continue
            s = _back(text, t.end, len(suffix))
            # a proper noun Kiwi already knows whole (한국개발연구원) may hold its suffix
            inside_nnp = t.tag == "NNP" and len(suffix) >= 2 and t.start < s and s - t.start >= 2
            if not inside_nnp and self._ctx.token_starting(s) is None:
                continue
            if must_glue and text[s - 1].isspace():
                continue
            out.append((s, not inside_nnp))
        return out


def _back(text: str, end: int, count: int) -> int:
    """Offset ``count`` non-space characters before ``end``."""
    i = end
    while count > 0 and i > 0:
        i -= 1
        if not text[i].isspace():
            count -= 1
    return i
