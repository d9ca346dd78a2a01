"""Organisations that are not in the gazetteer (``actor_id`` None, type ``unlisted``).

Korean: a run of nouns (Kiwi ``NNG``/``NNP``/``SL``/``SN``/``XSN``..., joined by spaces,
``·`` or ``및``) whose last morphemes form an organisation suffix from
``pipeline/lang/ko/data/actors.yaml`` (``워킹그룹``, ``위원회``, a glued ``부``/``처``/``청``).
The name's extent comes from the tokens, never a character count; a gazetteer actor that
opens the run and is followed by a space stays its own mention (``NATO`` | ``아프간군신탁기금``).

English: a capitalized phrase ending in a head such as ``Working Group`` or ``Commission``,
or opening with ``Ministry of`` / ``Department of`` ...
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TypedDict

from pipeline.actors.words import Word, is_capitalized
from pipeline.lexicon import lang_yaml
from pipeline.mentions import DocContext
from schemas.models import Language

if TYPE_CHECKING:
    from pipeline.actors.mentions import Group

_NOUNISH = {"NNG", "NNP", "SL", "SN", "SH", "XSN", "XPN", "NR"}
_JOINERS = {"·", "‧", "ㆍ", "및"}


class _KoRules(TypedDict):
    """``unlisted`` of ``ko/data/actors.yaml``."""

    suffixes: list[str]
    glued_suffixes: list[str]
    exclusions: list[str]
    followers: list[str]
    determiners: list[str]
    max_tokens: int


class _EnRules(TypedDict):
    """``unlisted`` of ``en/data/actors.yaml``."""

    final_heads: list[str]
    initial_heads: list[str]
    connectors: list[str]
    exclusions: list[str]
    max_words: int


@cache
def _ko_rules() -> _KoRules:
    rules: _KoRules = lang_yaml("ko", "actors.yaml")["unlisted"]
    return rules


@cache
def _en_rules() -> _EnRules:
    rules: _EnRules = lang_yaml("en", "actors.yaml")["unlisted"]
    return rules


def _compact(s: str) -> str:
    return "".join(s.split())


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


@dataclass(frozen=True, slots=True)
class _EnTables:
    """``_EnRules`` in the shapes the per-word loop needs, built once per process."""

    finals_by_first: dict[str, tuple[list[str], ...]]
    """Head-final phrases (most words first) grouped by their first word: only those can
    start at a given word."""
    initials: frozenset[str]
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
        connectors=frozenset(rules["connectors"]),
        exclusions=frozenset(rules["exclusions"]),
        max_words=int(rules["max_words"]),
    )


def unlisted_groups(ctx: DocContext, named: Sequence[Group], words: Sequence[Word]) -> list[Group]:
    """Unlisted-organisation groups; ``named`` are the gazetteer groups already found."""
    from pipeline.actors.mentions import Group

    spans = [(g.start, g.end) for g in named]
    if ctx.language == Language.KO:
        found = _korean(ctx, spans)
        rule = "unlisted.ko"
    else:
        found = _english(ctx, spans, words)
        rule = "unlisted.en"
    return [Group(s, e, rule, (None,)) for s, e in found]


def _korean_runs(ctx: DocContext) -> list[list[int]]:
    """Token index runs of noun-like morphemes (one noun phrase each)."""
    toks = ctx.tokens
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, t in enumerate(toks):
        if cur:
            gap = ctx.text[toks[cur[-1]].end : t.start]
            if "\n" in gap or gap.strip():
                runs.append(cur)
                cur = []
        if (
            t.tag in _NOUNISH
            or (t.tag == "NNB" and cur and toks[cur[-1]].end == t.start)
            or (cur and t.form in _JOINERS and t.tag in {"SP", "SO", "MAG", "MAJ", "SS"})
        ):
            cur.append(k)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _korean(ctx: DocContext, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tables = _ko_tables()
    suffixes_by_last = tables.suffixes_by_last
    exclusions, followers, determiners = tables.exclusions, tables.followers, tables.determiners
    max_tokens = tables.max_tokens
    named_end = {e: s for s, e in named}
    toks, text = ctx.tokens, ctx.text
    starts = {t.start for t in toks}
    out: list[tuple[int, int]] = []
    for run in _korean_runs(ctx):
        for pos, k in enumerate(run):
            t = toks[k]
            if t.form in _JOINERS:
                continue
            nxt = toks[run[pos + 1]] if pos + 1 < len(run) else None
            if nxt is not None and nxt.form not in _JOINERS:
                if nxt.tag == "XSN" or nxt.form not in followers:
                    continue
            prefix = _compact(text[t.start - min(t.start, 30) : t.end])
            suffix_start = None
            for suffix, must_glue in suffixes_by_last.get(prefix[-1:], ()):
                if not prefix.endswith(suffix):
                    continue
                s = _back(text, t.end, len(suffix))
                # a proper noun Kiwi already knows whole (한국개발연구원) may hold its suffix
                inside_nnp = t.tag == "NNP" and len(suffix) >= 2 and t.start < s and s - t.start >= 2
                if not inside_nnp and (s not in starts or s <= toks[run[0]].start):
                    continue
                if must_glue and text[s - 1].isspace():
                    continue
                suffix_start = s
                break
            if suffix_start is None:
                continue
            # the name: from the run start, minus determiners and leading named actors + space
            first = max(0, pos - max_tokens + 1)
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
                continue
            start = toks[idx[begin]].start
            if start >= suffix_start:
                continue
            name = _compact(text[start : t.end])
            if name in exclusions:
                continue
            out.append((start, t.end))
    return out


def _en_prefix_before(text: str, start: int) -> tuple[str, int] | None:
    from pipeline.actors.gazetteer import load_gazetteer
    from pipeline.actors.mentions import _en_prefix_before as find

    return find(text, load_gazetteer(), start)


def _back(text: str, end: int, count: int) -> int:
    """Offset ``count`` non-space characters before ``end``."""
    i = end
    while count > 0 and i > 0:
        i -= 1
        if not text[i].isspace():
            count -= 1
    return i


def _english(ctx: DocContext, named: list[tuple[int, int]], words: Sequence[Word]) -> list[tuple[int, int]]:
    tables = _en_tables()
    finals_by_first = tables.finals_by_first
    initials, connectors, exclusions = tables.initials, tables.connectors, tables.exclusions
    max_words = tables.max_words
    named_by_end = {e: s for s, e in named}
    out: list[tuple[int, int]] = []
    n = len(words)
    for k, w in enumerate(words):
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
                prefix = _en_prefix_before(ctx.text, w.start)
                if prefix is not None:
                    begin = prefix[1]
                out.append((begin, end))
    return out
