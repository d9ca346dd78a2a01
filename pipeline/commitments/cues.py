"""Cue lexicons for commitments: per-language YAML (``pipeline/lang/<code>/data/commitments.yaml``),
compiled once per process. Sectors are ``pipeline.commitments.sectors``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from pipeline.lexicon import alternation, lang_yaml, latin_bounded

LANGUAGES = ("ko", "en")
"""Languages with commitment cues; other languages get no commitment rows."""


class Cue(NamedTuple):
    """A cue found in the text: its class (action or modality) and where it is (a named tuple:
    built for every cue of every clause, at a third of a frozen dataclass's cost)."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    """One language's compiled cues."""

    language: str
    raw: dict[str, Any]
    actions: re.Pattern[str]
    action_of: dict[str, str]
    action_words: list[str]
    """The words the action pattern is built from: as written for Korean (whose pattern is
    case-sensitive: ``MOU``, ``R&D``), lower-cased for English (case-blind)."""
    modalities: dict[str, re.Pattern[str]]
    statistic: re.Pattern[str]
    blocked_after: dict[str, tuple[str, ...]]
    action_of_squashed: dict[str, str]
    """Cue keys by their form without spaces (the first key in file order): a Korean cue matched
    with its optional space left out (``무상 지원`` as ``무상지원``)."""
    sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    """Every word list of the file as a set, built once: analysers test membership per token
    (``lex.sets[key]``, a plain lookup in their per-clause paths)."""

    def list(self, key: str) -> list[str]:
        value: list[str] = self.raw[key]
        return value


def _pattern(words: list[str], language: str) -> re.Pattern[str]:
    if language == "ko":
        return re.compile(latin_bounded(words, space=r"\s?"))
    return re.compile(r"(?<![\w-])(?:" + alternation(words, space=r"\s+") + r")(?![\w-])", re.IGNORECASE)


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled cues of ``language`` (``ko`` or ``en``)."""
    raw: dict[str, Any] = lang_yaml(language, "commitments.yaml")
    action_of = {word.lower(): action for action, words in raw["actions"].items() for word in words}
    written = [word for words in raw["actions"].values() for word in words]
    action_words = list(dict.fromkeys(written)) if language == "ko" else list(action_of)
    modalities = {label: _pattern(words, language) for label, words in raw["modality"].items()}
    return Lexicon(
        language=language,
        raw=raw,
        actions=_pattern(action_words, language),
        action_of=action_of,
        action_words=action_words,
        modalities=modalities,
        statistic=_pattern(raw["statistic_verbs"], language),
        blocked_after={k.lower(): tuple(v) for k, v in raw.get("blocked_after", {}).items()},
        action_of_squashed=_squashed(action_of),
        sets={k: frozenset(v) for k, v in raw.items() if isinstance(v, list) and all(isinstance(w, str) for w in v)},
    )


def _squashed(keys: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in keys:
        out.setdefault(key.replace(" ", ""), key)
    return out


_SPACES = re.compile(r"\s+")


def action_cues(lex: Lexicon, text: str, offset: int) -> list[Cue]:
    """Every action cue in ``text`` (offsets shifted by ``offset``), without blocked compounds
    (``공급망``, ``supply chain``)."""
    return cues_of_matches(lex, text, offset, lex.actions.finditer(text))


def cues_of_matches(lex: Lexicon, text: str, offset: int, matches: Iterable[re.Match[str]]) -> list[Cue]:
    """The action cues of ``matches`` of ``lex.actions`` in ``text``, as ``action_cues``."""
    out = []
    language = lex.language
    for m in matches:
        label, blocked = _cue_of(language, m.group(0))
        start, end = m.span()
        if blocked and _blocked(language, text, end, blocked):
            continue
        if label is not None:
            out.append(Cue(label, offset + start, offset + end))
    return out


def cues_at(lex: Lexicon, text: str, offset: int, starts: list[int]) -> list[Cue]:
    """``cues_of_matches`` of the matches ``finditer`` would give in ``text``, tried only at
    ``starts`` (offsets of the document, ascending, where every match of ``lex.actions`` starts:
    ``pipeline.text_utils.matches_at`` in the same loop as the cues it yields)."""
    out = []
    language, match = lex.language, lex.actions.match
    pos = 0
    for q in starts:
        q -= offset
        if q < pos:
            continue
        m = match(text, q)
        if m is None:
            continue
        end = m.end()
        pos = max(end, q + 1)
        label, blocked = _cue_of(language, m.group())
        if blocked and _blocked(language, text, end, blocked):
            continue
        if label is not None:
            out.append(Cue(label, offset + q, offset + end))
    return out


@lru_cache(maxsize=8192)
def _cue_of(language: str, word: str) -> tuple[str | None, tuple[str, ...]]:
    """The class of a matched cue word (``None`` if it is none) and what may not follow it."""
    lex = lexicon(language)
    key = _SPACES.sub(" ", word).lower()
    if key not in lex.action_of:
        key = lex.action_of_squashed.get(key.replace(" ", ""), key)
    return lex.action_of.get(key), lex.blocked_after.get(key, ())


def whole_action_cue(lex: Lexicon, word: str) -> bool:
    """Whether ``word`` is, as a whole, one action cue (``지원``: the action noun heading an object)."""
    return _whole_action_cue(lex.language, word)


@lru_cache(maxsize=8192)
def _whole_action_cue(language: str, word: str) -> bool:
    return any(c.start == 0 and c.end == len(word) for c in action_cues(lexicon(language), word, 0))


def _blocked(language: str, text: str, end: int, blocked: tuple[str, ...]) -> bool:
    """Whether one of ``blocked`` follows ``end`` (after spaces in English, case-blind)."""
    if language == "en":
        return _any_blocked(blocked).match(text[end:].lstrip()) is not None
    return any(text.startswith(b, end) for b in blocked)


@lru_cache(maxsize=1024)
def _any_blocked(blocked: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "one of ``blocked`` starts here, as a whole word" (case-blind)."""
    return re.compile("(?:" + "|".join(re.escape(b) for b in blocked) + r")\b", re.IGNORECASE)


def modality_cue(lex: Lexicon, text: str) -> str | None:
    """The strongest modality class whose cue occurs in ``text`` (file order: welcomed first)."""
    for label, pattern in lex.modalities.items():
        if pattern.search(text):
            return label
    return None


_GENERIC = {"give", "provide", "supply"}
_MONEY_KINDS = {"lend", "aid", "fund", "contribute"}
MONEY_ACTIONS = ("invest", "lend", "aid", "fund", "contribute", "purchase", "give")
"""Cue classes that name what money does; a sum in a clause of cooperation (``투자 협약``)
is counted under the first of them the clause names."""


def specific(cues: list[Cue], chosen: Cue) -> Cue:
    """A generic cue of giving (``제공``, ``provide``, ``공급``) yields to a kind of money named in the
    same clause: ``차관을 제공하기로`` is a loan, ``provide … humanitarian assistance`` aid."""
    if chosen.label not in _GENERIC:
        return chosen
    kinds = [c for c in cues if c.label in _MONEY_KINDS]
    if kinds:
        return kinds[-1]
    if chosen.label != "give":
        return next((c for c in reversed(cues) if c.label == "give"), chosen)
    return chosen
