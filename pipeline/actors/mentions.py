"""Actor mentions: gazetteer names, language name rules, "both countries", unlisted organisations.

``extract_actors`` is language-neutral; every language-specific step goes through the
``ActorRules`` the document's language registers (``pipeline.actors.language``):

1. gazetteer names are found by walking the alias trie from every token start where the
   alias automaton saw a name begin, keeping the longest name whose ends fall on token
   (Korean) or word (Latin) boundaries, unless a name rule rejects it (``미국산``);
2. name rules add their own groups (Korean compounds ``한미``, English plural heads ``the U.S.
   Departments of Treasury and State``); adjacent country names joined by a hyphen
   (``U.S.-ROK``) give one mention per country on one span;
3. "both countries" (``양국``) stand for the document's two parties (from its title);
4. unlisted organisations come from the language's ``unlisted`` rule;
5. overlaps are settled here, longest span first, keeping all mentions of one span together
   (a compound has several); then bare ambiguous body names (``국방부``) are resolved by a
   country prefix, by a coordinated list (``미국 재무부와 국무부``), or by the data's default.

A language without actor rules gets gazetteer names only. It does not decide who commits to
what: see :mod:`pipeline.actors.parties`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache
from typing import cast

from pipeline.actors.gazetteer import Gazetteer, Match, fold, fold_text, load_gazetteer
from pipeline.actors.groups import Bounds, Group, is_start, resolve_groups
from pipeline.actors.language import ActorRules
from pipeline.actors.parties import parties_of_index
from pipeline.actors.spans import Span, SpanIndex
from pipeline.context import DocContext, Mention
from pipeline.lang.registry import rules_for
from pipeline.text_utils import has_hangul
from schemas.models import ActorFields, ActorType


def _name_rules(ctx: DocContext) -> list[ActorRules]:
    """The name rules a document applies: its language's, then those of the languages it quotes."""
    own = rules_for(ctx.language).actors
    return [own, *(rules_for(code).actors for code in own.quotes)]


# --- gazetteer names -----------------------------------------------------------------------


Rejecter = Callable[[DocContext, Gazetteer, Bounds, Match], bool]
"""A name rule's ``rejects_name``."""


def _valid(ctx: DocContext, gz: Gazetteer, bounds: Bounds, m: Match, rejecters: list[Rejecter]) -> bool:
    text = ctx.text
    if not bounds.is_end(text, m.end):
        return False
    if m.entry.strict:
        tok = bounds.token_starting(m.start)
        if tok is None or tok.tag != "NNP" or tok.end != m.end:
            return False
    not_followed_by, _ = gz.facts(m.entry.ids)
    if not_followed_by and text[m.end : m.end + 12].lstrip(" -·–‐").startswith(not_followed_by):
        return False  # ``startswith`` of a tuple: any of them
    return not any(rejects(ctx, gz, bounds, m) for rejects in rejecters)


def _gazetteer_groups(ctx: DocContext, gz: Gazetteer, bounds: Bounds, names: list[ActorRules]) -> list[Group]:
    text = ctx.text
    folded = fold_text(text)  # once per document, not once per character walked
    out: list[Group] = []
    rejecters = [r.rejects_name for r in names if r.rejects_name is not None]
    for pos in gz.trie.candidate_starts(folded):
        if not is_start(text, pos) or not bounds.starts_token(pos):
            continue
        for m in reversed(gz.trie.walk(folded, pos, folded=True)):
            if _valid(ctx, gz, bounds, m, rejecters):
                out.append(Group(m.start, m.end, "gazetteer", m.entry.ids, m.key, m.entry.prefixed))
                break
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


def _prefix_before(ctx: DocContext, gz: Gazetteer, g: Group, names: list[ActorRules]) -> tuple[str, int] | None:
    """A country prefix before a bare body name, by the name rules of the name's own script."""
    for rules in names:
        if rules.owns_name(g.key):
            return rules.prefix_before(ctx, gz, g.start) if rules.prefix_before is not None else None
    return None


# --- overlap and context -------------------------------------------------------------------


def _coordinated(ctx: DocContext, a: Group, b: Group) -> bool:
    """Whether only a coordinator stands between two groups (와/과/및/·/,/and/or)."""
    gap = ctx.text[a.end : b.start]
    if len(gap) > 8 or "\n" in gap:
        return False
    return (
        re.fullmatch(r"\s*(?:와|과|및|및\s*|·|,|/|and|or|&|또는|그리고)?\s*(?:및|and|the)?\s*", gap) is not None
        and gap.strip() != ""
    )


def _contextualize(ctx: DocContext, gz: Gazetteer, groups: list[Group], names: list[ActorRules]) -> list[Group]:
    """Resolve bare body names by a country prefix, a coordinated list, or the default."""
    out: list[Group] = []
    for g in groups:
        if g.rule != "gazetteer" or g.prefixed or None in g.ids:
            out.append(g)
            continue
        listed = cast(tuple[str, ...], g.ids)  # no None among them: checked just above
        actors = [gz.get(i) for i in g.ids if i is not None]
        if any(a.country is None for a in actors):
            if len(g.ids) > 1:
                g = g._replace(ids=(gz.resolve_default(g.key, listed),))
            out.append(g)
            continue
        prefix = _prefix_before(ctx, gz, g, names)
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
            g = g._replace(ids=(chosen or gz.resolve_default(g.key, listed),))
        out.append(g)
    return out


def _compatible_unlisted(found: list[Group], named: list[Group], gz: Gazetteer) -> list[Group]:
    """Unlisted names may hold a country name (``아프간군신탁기금``) but must not cut across a
    gazetteer name or swallow a listed body (``Department of ... and the Korean Ministry``)."""
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
    gz = load_gazetteer()
    own = rules_for(ctx.language).actors
    names = _name_rules(ctx)
    bounds = Bounds.of(ctx)
    found = _gazetteer_groups(ctx, gz, bounds, names)
    for rules in names:
        if rules.named_groups is not None:
            found += rules.named_groups(ctx, gz, bounds)
    named = _merge_hyphenated(resolve_groups(found), ctx.text, gz)
    named = _contextualize(ctx, gz, named, names)
    candidates = list(named)
    if own.unlisted is not None:
        candidates += _compatible_unlisted(own.unlisted(ctx, named), named, gz)
    if with_both and own.both_countries is not None:
        # the pair "both countries" stands for: the parties the named actors alone give (the
        # document's final parties, computed once by the assembly, come after this step)
        parties = parties_of_index(ctx, SpanIndex(Span(g.start, g.end, g.ids) for g in named))
        if len(parties) >= 2:
            candidates += own.both_countries(ctx, tuple(parties[:2]))
    return _drop_glosses(ctx, resolve_groups(candidates))


@cache
def _listed_fields(actor_id: str) -> ActorFields:
    """The fields of a gazetteer actor, validated once per process: the model is frozen, so
    every mention of the actor can share them."""
    a = load_gazetteer().get(actor_id)
    return ActorFields(actor_id=a.id, name_ko=a.name_ko, name_en=a.name_en, actor_type=a.type)


def to_mentions(ctx: DocContext, groups: list[Group]) -> list[Mention[ActorFields]]:
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
                fields = _listed_fields(actor_id)
            out.append(Mention(g.start, g.end, f"actors.{g.rule}", fields))
    return out


def extract_actors(ctx: DocContext) -> list[Mention[ActorFields]]:
    """Actor mentions of a document, in text order; a compound yields one per actor on one span.

    >>> from pipeline.context import context_for_text
    >>> [(m.fields.actor_id, m.start, m.end) for m in extract_actors(context_for_text("한미 양국은 협력한다."))]
    [('KOR', 0, 5), ('USA', 0, 5)]
    """
    return to_mentions(ctx, find_groups(ctx))


__all__ = ["Group", "extract_actors", "find_groups", "resolve_groups", "to_mentions"]
