"""Actor mentions: gazetteer names, compounds (한미, U.S.-ROK), 양국, and unlisted organisations.

``extract_actors`` works on both languages (``ctx.language`` only switches the marker data
used for 양국 / "both countries" and the unlisted-organisation rule):

1. gazetteer names are found by walking the alias trie from every token start, keeping the
   longest name whose ends fall on token (Korean) or word (Latin) boundaries;
2. Korean one-letter compounds (``한미``, ``한·미·일``, ``한-아세안``) and adjacent country
   names joined by a hyphen (``U.S.-ROK``) give one mention per country on one span;
3. ``양국`` / "both countries" stand for the document's two parties (from its title);
4. ``the U.S. Departments of Treasury and State`` gives one mention per department;
5. unlisted organisations come from :mod:`pipeline.actors.unlisted`;
6. overlaps are settled here, longest span first, keeping all mentions of one span together
   (a compound has several); then bare ambiguous body names (``국방부``) are resolved by a
   country prefix, by a coordinated list (``미국 재무부와 국무부``), or by the data's default.

It does not decide who commits to what: see :mod:`pipeline.actors.parties`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TypedDict, cast

from pipeline.actors.gazetteer import AliasTrie, Gazetteer, Match, fold, fold_text, has_hangul, load_gazetteer
from pipeline.actors.words import Word, is_capitalized, words_of
from pipeline.lexicon import lang_yaml
from pipeline.mentions import DocContext, Mention
from pipeline.tokens import Token
from schemas.models import ActorFields, ActorType, Language

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_HANGUL_CHAR = re.compile(r"[\uac00-\ud7a3]")
_ASCII_ALNUM_CHARS = frozenset(string.ascii_letters + string.digits)
"""``_ASCII_ALNUM`` as a set, for the per-position checks (a set lookup, not a regex call)."""


def _is_hangul_char(ch: str) -> bool:
    """``_HANGUL_CHAR.match(ch)`` for one character, without a regex call."""
    return "\uac00" <= ch <= "\ud7a3"


# rank: which rule wins when two candidates have the same span (lower wins)
_RANK = {"gazetteer": 0, "compound": 1, "plural_heads": 1, "both_countries": 2, "unlisted.ko": 3, "unlisted.en": 3}


@dataclass(frozen=True, slots=True)
class Group:
    """All actor ids one span stands for (several for 한미); ``ids`` None entries are unlisted."""

    start: int
    end: int
    rule: str
    ids: tuple[str | None, ...]
    key: str = ""
    prefixed: bool = False

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1 and self.rule == "gazetteer"


class _KoMarkers(TypedDict):
    """The parts of ``ko/data/actors.yaml`` read here."""

    country_blocking_suffixes: list[str]
    compound_separators: list[str]
    compound_exclusions: list[str]
    compound_heads: list[str]
    both_countries: list[str]


class _EnMarkers(TypedDict):
    """The parts of ``en/data/actors.yaml`` read here."""

    both_countries: list[str]
    plural_heads: dict[str, str]


@cache
def _markers(language: Language) -> dict[str, object]:
    data: dict[str, object] = lang_yaml(language, "actors.yaml")
    return data


def _ko() -> _KoMarkers:
    return cast(_KoMarkers, _markers(Language.KO))


def _en() -> _EnMarkers:
    return cast(_EnMarkers, _markers(Language.EN))


# --- boundaries ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Bounds:
    """Token starts/ends of the document, for O(1) boundary checks."""

    starts: dict[int, Token]
    ends: set[int]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> _Bounds:
        starts: dict[int, Token] = {}
        for t in tokens:
            if t.start not in starts:  # the first token at an offset, as ``setdefault`` would keep
                starts[t.start] = t
        return cls(starts, {t.end for t in tokens})

    def is_end(self, text: str, end: int) -> bool:
        """Whether a name may end at ``end``: a word end for Latin, a morpheme end for Hangul."""
        if end >= len(text):
            return True
        last, nxt = text[end - 1], text[end]
        if last in _ASCII_ALNUM_CHARS:
            return nxt not in _ASCII_ALNUM_CHARS
        if _is_hangul_char(last):
            return end in self.ends or end in self.starts or not _is_hangul_char(nxt)
        return True


def _is_start(text: str, pos: int) -> bool:
    if pos == 0:
        return True
    return not (text[pos] in _ASCII_ALNUM_CHARS and text[pos - 1] in _ASCII_ALNUM_CHARS)


# --- gazetteer names -----------------------------------------------------------------------


def _valid(gz: Gazetteer, text: str, bounds: _Bounds, m: Match) -> bool:
    if not bounds.is_end(text, m.end):
        return False
    if m.entry.strict:
        tok = bounds.starts.get(m.start)
        if tok is None or tok.tag != "NNP" or tok.end != m.end:
            return False
    rest = text[m.end : m.end + 12].lstrip(" -·–‐")
    for actor_id in m.entry.ids:
        actor = gz.get(actor_id)
        if any(rest.startswith(block) for block in actor.not_followed_by):
            return False
    if all(gz.get(i).is_country for i in m.entry.ids) and has_hangul(text[m.end - 1]):
        nxt = bounds.starts.get(m.end)
        blocking = _ko()["country_blocking_suffixes"]
        assert isinstance(blocking, list)
        if nxt is not None and nxt.tag == "XSN" and nxt.form in blocking:
            return False
    return True


def _gazetteer_groups(ctx: DocContext, gz: Gazetteer, bounds: _Bounds) -> list[Group]:
    text = ctx.text
    folded = fold_text(text)  # once per document, not once per character walked
    initials = gz.trie.initials()
    out: list[Group] = []
    for pos in sorted(bounds.starts):
        if folded[pos : pos + 1] not in initials or not _is_start(text, pos):
            continue
        for m in reversed(gz.trie.walk(folded, pos, folded=True)):
            if _valid(gz, text, bounds, m):
                out.append(Group(m.start, m.end, "gazetteer", m.entry.ids, m.key, m.entry.prefixed))
                break
    return out


# --- compounds -----------------------------------------------------------------------------


def _compound_at(ctx: DocContext, gz: Gazetteer, bounds: _Bounds, pos: int) -> Group | None:
    """``한미``, ``한미일``, ``한·미``, ``한-아세안`` (+ ``양국``) starting at ``pos``."""
    text, n = ctx.text, len(ctx.text)
    ko = _ko()
    seps = set(ko["compound_separators"])
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
                j + 1 >= n or not _HANGUL_CHAR.match(text[j + 1]) or text[j + 1] in gz.abbr or j + 1 in bounds.ends
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
        if _HANGUL_CHAR.match(t.form[:1] or " ") and t.tag != "NNP":
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


def _compound_groups(ctx: DocContext, gz: Gazetteer, bounds: _Bounds) -> list[Group]:
    out = []
    for pos, tok in sorted(bounds.starts.items()):
        if ctx.text[pos] in gz.abbr and tok.tag == "NNP":
            g = _compound_at(ctx, gz, bounds, pos)
            if g is not None:
                out.append(g)
    return out


def _merge_hyphenated(groups: list[Group], text: str, gz: Gazetteer) -> list[Group]:
    """Adjacent countries joined by one hyphen or slash (``U.S.-ROK``) share one span; a list
    joined by ``·`` (``베트남·인도네시아``) stays one mention per name."""
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (
            prev is not None
            and g.start - prev.end == 1
            and fold(text[prev.end]) in "-/"
            and all(i is not None and gz.get(i).is_country for i in (*prev.ids, *g.ids))
            and prev.rule in ("gazetteer", "compound")
            and g.rule in ("gazetteer", "compound")
        ):
            ids = tuple(dict.fromkeys((*prev.ids, *g.ids)))
            out[-1] = Group(prev.start, g.end, "compound", ids)
            continue
        out.append(g)
    return out


# --- both countries -------------------------------------------------------------------------


def _both_groups(ctx: DocContext, parties: list[str]) -> list[Group]:
    if len(parties) < 2:
        return []
    pair = tuple(parties[:2])
    out: list[Group] = []
    if ctx.language == Language.KO:
        forms = set(_ko()["both_countries"])
        for t in ctx.tokens:
            if t.tag.startswith("NN") and t.form in forms:
                out.append(Group(t.start, t.end, "both_countries", pair))
    else:
        out.extend(Group(m.start(), m.end(), "both_countries", pair) for m in _en_both_pattern().finditer(ctx.text))
    return out


@cache
def _en_both_pattern() -> re.Pattern[str]:
    """ "both countries" and its variants, longest first; built once, not once per document."""
    phrases = sorted(_en()["both_countries"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_ci_first(p) for p in phrases) + r")\b")


def _ci_first(phrase: str) -> str:
    first, rest = phrase[0], phrase[1:]
    return f"[{first.lower()}{first.upper()}]" + re.escape(rest).replace(r"\ ", r"\s+")


# --- plural heads: the U.S. Departments of Treasury and State --------------------------------


def _plural_groups(ctx: DocContext, gz: Gazetteer, words: list[Word]) -> list[Group]:
    heads: dict[str, str] = _en()["plural_heads"]
    out: list[Group] = []
    for k, w in enumerate(words):
        if w.form not in heads or k + 1 >= len(words) or words[k + 1].form != "of":
            continue
        singular = heads[w.form]
        country = _en_prefix_before(ctx.text, gz, w.start)
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


_PrefixTable = tuple[dict[str, str], dict[str, str], tuple[int, ...]]
_PREFIX_TABLES: dict[int, _PrefixTable] = {}


def _en_prefix_table(gz: Gazetteer) -> _PrefixTable:
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


def _en_prefix_before(text: str, gz: Gazetteer, start: int) -> tuple[str, int] | None:
    """A country prefix (``U.S.``, ``Korean``, ``ROK's``) right before ``start``: (country, its start).

    The longest prefix whose start is not glued to a letter or digit wins (the earliest start).
    """
    window = text[max(0, start - 40) : start]
    if not window.endswith((" ", "\u00a0")):
        return None
    head = window.rstrip()
    head_end = start - (len(window) - len(head))
    _, by_form, lengths = _en_prefix_table(gz)
    size = len(head)
    for length in lengths:
        if length > size:
            continue
        country = by_form.get(head[size - length :])
        if country is not None:
            p = head_end - length
            if p == 0 or text[p - 1] not in _ASCII_ALNUM_CHARS:
                return (country, p)
    return None


def _ko_prefix_before(ctx: DocContext, gz: Gazetteer, start: int) -> tuple[str, int] | None:
    """A Korean country name right before ``start`` (``일본 국방부``, ``중 외교부``): (country, its
    start). A one-syllable abbreviation tagged as a dependent noun is no country: ``1분기 중
    외교부`` is "the ministry, during the first quarter" (Kiwi: ``중``/NNB)."""
    text = ctx.text
    head = text[max(0, start - 12) : start]
    stripped = head.rstrip(" \t")
    offset = start - (len(head) - len(stripped))
    best: tuple[str, int] | None = None
    for form, country in gz.ko_prefixes.items():
        if stripped.endswith(form):
            p = offset - len(form)
            if (len(form) > 1 or offset < start) and (p == 0 or not _HANGUL_CHAR.match(text[p - 1])):
                token = ctx.token_at(p)
                if len(form) == 1 and token is not None and token.tag == "NNB":
                    continue
                if best is None or p < best[1]:
                    best = (country, p)
    return best


# --- overlap and context -------------------------------------------------------------------


def resolve_groups(groups: list[Group]) -> list[Group]:
    """Keep non-overlapping groups: longest first, then earliest, then rule rank."""
    ranked = sorted(groups, key=lambda g: (-(g.end - g.start), g.start, _RANK.get(g.rule, 9)))
    kept: list[Group] = []
    taken: list[tuple[int, int]] = []
    import bisect

    for g in ranked:
        i = bisect.bisect_left(taken, (g.start, g.end))
        if i < len(taken) and taken[i][0] < g.end:
            continue
        if i > 0 and taken[i - 1][1] > g.start:
            continue
        taken.insert(i, (g.start, g.end))
        kept.insert(i, g)
    return kept


def _coordinated(ctx: DocContext, a: Group, b: Group) -> bool:
    """Whether only a coordinator stands between two groups (와/과/및/·/,/and/or)."""
    gap = ctx.text[a.end : b.start]
    if len(gap) > 8 or "\n" in gap:
        return False
    return (
        re.fullmatch(r"\s*(?:와|과|및|및\s*|·|,|/|and|or|&|또는|그리고)?\s*(?:및|and|the)?\s*", gap) is not None
        and gap.strip() != ""
    )


def _contextualize(ctx: DocContext, gz: Gazetteer, groups: list[Group]) -> list[Group]:
    """Resolve bare body names by a country prefix, a coordinated list, or the default."""
    out: list[Group] = []
    for g in groups:
        if g.rule != "gazetteer" or g.prefixed or any(i is None for i in g.ids):
            out.append(g)
            continue
        listed = cast(tuple[str, ...], g.ids)  # no None among them: checked just above
        actors = [gz.get(i) for i in g.ids if i is not None]
        if any(a.country is None for a in actors):
            if len(g.ids) > 1:
                g = replace(g, ids=(gz.resolve_default(g.key, listed),))
            out.append(g)
            continue
        prefix = _ko_prefix_before(ctx, gz, g.start) if has_hangul(g.key) else _en_prefix_before(ctx.text, gz, g.start)
        if prefix is not None:
            country, pstart = prefix
            keep = [a.id for a in actors if a.country == country]
            while out and out[-1].start >= pstart:
                out.pop()
            if keep:
                out.append(Group(pstart, g.end, "gazetteer", (keep[0],), g.key, True))
            else:
                out.append(Group(pstart, g.end, "unlisted.prefix", (None,), g.key))
            continue
        if len(g.ids) > 1:
            chosen = None
            if out and _coordinated(ctx, out[-1], g) and out[-1].ids[0] is not None:
                prev = gz.get(out[-1].ids[0])
                chosen = next((a.id for a in actors if a.country == prev.country), None)
            g = replace(g, ids=(chosen or gz.resolve_default(g.key, listed),))
        out.append(g)
    return out


def _compatible_unlisted(found: list[Group], named: list[Group], gz: Gazetteer) -> list[Group]:
    """Unlisted names may hold a country name (``아프간군신탁기금``) but must not cut across a
    gazetteer name or swallow a listed body (``Department of ... and the Korean Ministry``)."""
    import bisect

    starts = [g.start for g in named]
    out: list[Group] = []
    for u in found:
        lo = bisect.bisect_left(starts, u.start) - 1
        ok = True
        for g in named[max(lo, 0) :]:
            if g.start >= u.end:
                break
            if g.end <= u.start:
                continue
            inside = u.start <= g.start and g.end <= u.end
            if not inside or not all(i is not None and gz.get(i).is_country for i in g.ids):
                ok = False
                break
        if ok:
            out.append(u)
    return out


def _drop_glosses(ctx: DocContext, groups: list[Group]) -> list[Group]:
    """``코백스(COVAX)``: the parenthesized gloss of the name just before is not a new mention."""
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and prev.ids == g.ids and ctx.text[prev.end : g.start].strip() == "(":
            continue
        out.append(g)
    return out


# --- public ---------------------------------------------------------------------------------


def find_groups(ctx: DocContext, with_both: bool = True) -> list[Group]:
    """Every actor span of the document, overlaps settled and ambiguous names resolved."""
    from pipeline.actors.unlisted import unlisted_groups

    gz = load_gazetteer()
    bounds = _Bounds.of(ctx.tokens)
    words = words_of(ctx.tokens)
    found = _gazetteer_groups(ctx, gz, bounds)
    found += _compound_groups(ctx, gz, bounds)
    found += _plural_groups(ctx, gz, words)
    named = _merge_hyphenated(resolve_groups(found), ctx.text, gz)
    named = _contextualize(ctx, gz, named)
    candidates = list(named)
    candidates += _compatible_unlisted(unlisted_groups(ctx, named, words), named, gz)
    if with_both:
        from pipeline.actors.parties import parties_from_groups

        candidates += _both_groups(ctx, parties_from_groups(ctx, named))
    return _drop_glosses(ctx, resolve_groups(candidates))


def to_mentions(ctx: DocContext, groups: list[Group]) -> list[Mention[ActorFields]]:
    gz = load_gazetteer()
    out: list[Mention[ActorFields]] = []
    for g in groups:
        for actor_id in g.ids:
            if actor_id is None:
                surface = ctx.text[g.start : g.end]
                korean = has_hangul(surface)
                fields = ActorFields(
                    actor_id=None,
                    name_ko=surface if korean else None,
                    name_en=None if korean else surface,
                    actor_type=ActorType.UNLISTED,
                )
            else:
                a = gz.get(actor_id)
                fields = ActorFields(actor_id=a.id, name_ko=a.name_ko, name_en=a.name_en, actor_type=a.type)
            out.append(Mention(g.start, g.end, f"actors.{g.rule}", fields))
    return out


def extract_actors(ctx: DocContext) -> list[Mention[ActorFields]]:
    """Actor mentions of a document, in text order; a compound yields one per actor on one span.

    >>> from pipeline.mentions import context_for_text
    >>> [(m.fields.actor_id, m.start, m.end) for m in extract_actors(context_for_text("한미 양국은 협력한다."))]
    [('KOR', 0, 5), ('USA', 0, 5)]
    """
    return to_mentions(ctx, find_groups(ctx))


__all__ = ["AliasTrie", "Group", "extract_actors", "find_groups", "resolve_groups", "to_mentions"]
