"""Cue lexicons for commitments: per-language YAML (``pipeline/lang/<code>/data/commitments.yaml``)
and the shared sector lexicon (``pipeline/data/sectors.yaml``), compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.lexicon import alternation, lang_yaml, load_yaml

LANGUAGES = ("ko", "en")
"""Languages with commitment cues; other languages get no commitment rows."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in the text: its class (action or modality) and where it is."""

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
    modalities: dict[str, re.Pattern[str]]
    statistic: re.Pattern[str]
    blocked_after: dict[str, tuple[str, ...]]

    def list(self, key: str) -> list[str]:
        value: list[str] = self.raw[key]
        return value


def _pattern(words: list[str], language: str) -> re.Pattern[str]:
    if language == "ko":
        return re.compile(alternation(words, space=r"\s?"))
    return re.compile(r"(?<![\w-])(?:" + alternation(words, space=r"\s+") + r")(?![\w-])", re.IGNORECASE)


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled cues of ``language`` (``ko`` or ``en``)."""
    raw: dict[str, Any] = lang_yaml(language, "commitments.yaml")
    action_of = {word.lower(): action for action, words in raw["actions"].items() for word in words}
    modalities = {label: _pattern(words, language) for label, words in raw["modality"].items()}
    return Lexicon(
        language=language,
        raw=raw,
        actions=_pattern(list(action_of), language),
        action_of=action_of,
        modalities=modalities,
        statistic=_pattern(raw["statistic_verbs"], language),
        blocked_after={k.lower(): tuple(v) for k, v in raw.get("blocked_after", {}).items()},
    )


def action_cues(lex: Lexicon, text: str, offset: int) -> list[Cue]:
    """Every action cue in ``text`` (offsets shifted by ``offset``), without blocked compounds
    (``공급망``, ``supply chain``)."""
    out = []
    for m in lex.actions.finditer(text):
        word = m.group(0)
        key = re.sub(r"\s+", " ", word).lower()
        if key not in lex.action_of:
            key = next((k for k in lex.action_of if k.replace(" ", "") == key.replace(" ", "")), key)
        after = text[m.end() :]
        blocked = lex.blocked_after.get(key, ())
        if lex.language == "en":
            after = after.lstrip()
            if any(re.match(re.escape(b) + r"\b", after, re.IGNORECASE) for b in blocked):
                continue
        elif any(after.startswith(b) for b in blocked):
            continue
        if key in lex.action_of:
            out.append(Cue(lex.action_of[key], offset + m.start(), offset + m.end()))
    return out


def modality_cue(lex: Lexicon, text: str) -> str | None:
    """The strongest modality class whose cue occurs in ``text`` (file order: welcomed first)."""
    for label, pattern in lex.modalities.items():
        if pattern.search(text):
            return label
    return None


@cache
def _sectors() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    data: dict[str, dict[str, list[str]]] = load_yaml("sectors.yaml")
    out = []
    for sector, cues in data.items():
        ko = re.compile(alternation(cues.get("ko", []), space=r"\s?"))
        en_words = cues.get("en", [])
        upper = [w for w in en_words if w.isupper() or any(c.isdigit() for c in w)]
        lower = [w for w in en_words if w not in upper]
        bound = r"(?<![\w-])(?:{})(?![\w-])"
        en_ci = re.compile(bound.format(alternation(lower, space=r"[\s-]+")), re.IGNORECASE) if lower else None
        en_cs = re.compile(bound.format(alternation(upper, space=r"\s+"))) if upper else None
        out.append((sector, ko, en_ci, en_cs))
    return tuple(out)


def sector_ids() -> list[str]:
    """Every sector id of the lexicon, in file order."""
    return [s for s, *_ in _sectors()]


def sectors_in(text: str, language: str, in_word: Callable[[int, int], bool] | None = None) -> list[str]:
    """Sector ids whose cues occur in ``text``, in lexicon order. Korean cues match inside words
    (배터리 in 이차전지배터리); given ``in_word`` (a span of ``text`` -> whether it starts a
    morpheme or lies inside one), only such spans count: 도로 is no road in 다각도로."""
    out = []
    for sector, ko, en_ci, en_cs in _sectors():
        if language == "ko":
            hit = any(in_word is None or in_word(m.start(), m.end()) for m in ko.finditer(text))
            hit = hit or bool(en_cs and en_cs.search(text))
        else:
            hit = bool(en_ci and en_ci.search(text)) or bool(en_cs and en_cs.search(text))
        if hit:
            out.append(sector)
    return out


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
