"""Cue lexicons for commitments: per-language YAML (``pipeline/lang/<code>/data/commitments.yaml``)
and the shared sector lexicon (``pipeline/data/sectors.yaml``), compiled once per process."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import ahocorasick

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
    action_of_squashed: dict[str, str]
    """Cue keys by their form without spaces (the first key in file order): a Korean cue matched
    with its optional space left out (``무상 지원`` as ``무상지원``)."""
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def list(self, key: str) -> list[str]:
        value: list[str] = self.raw[key]
        return value

    def words(self, key: str) -> frozenset[str]:
        """The list ``key`` as a set, built once: analysers test membership per token."""
        found = self.word_sets.get(key)
        if found is None:
            found = self.word_sets[key] = frozenset(self.list(key))
        return found


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
        action_of_squashed=_squashed(action_of),
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
    for m in matches:
        word = m.group(0)
        key = _SPACES.sub(" ", word).lower()
        if key not in lex.action_of:
            key = lex.action_of_squashed.get(key.replace(" ", ""), key)
        blocked = lex.blocked_after.get(key, ())
        if blocked and _blocked(lex.language, text, m.end(), blocked):
            continue
        if key in lex.action_of:
            out.append(Cue(lex.action_of[key], offset + m.start(), offset + m.end()))
    return out


def whole_action_cue(lex: Lexicon, word: str) -> bool:
    """Whether ``word`` is, as a whole, one action cue (``지원``: the action noun heading an object)."""
    return _whole_action_cue(lex.language, word)


@lru_cache(maxsize=8192)
def _whole_action_cue(language: str, word: str) -> bool:
    return any(c.start == 0 and c.end == len(word) for c in action_cues(lexicon(language), word, 0))


def _blocked(language: str, text: str, end: int, blocked: tuple[str, ...]) -> bool:
    """Whether one of ``blocked`` follows ``end`` (after spaces in English, case-blind)."""
    if language == "en":
        after = text[end:].lstrip()
        return any(re.match(re.escape(b) + r"\b", after, re.IGNORECASE) for b in blocked)
    return any(text.startswith(b, end) for b in blocked)


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


FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter; folded to it
before ``str.lower`` so a cue matched by a case-blind pattern is a substring of the folded text."""
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


def fold(text: str) -> str:
    """``text`` with ``FOLD`` applied, lower-cased (``str.translate`` is slow: only when needed)."""
    if not text.isascii() and _FOLDED.search(text):
        text = text.translate(FOLD)
    return text.lower()


@dataclass(frozen=True)
class _SectorFilter:
    """Which sectors may match a text of one language, found in one Aho-Corasick pass: a cue
    matches only where its longest space-free part occurs (exactly for Korean and upper-case
    cues, folded for the others). A superset: the sector's own patterns still decide, so
    results are unchanged. One filter per language: an automaton whose root has few children
    (no Korean keys over English text) walks the text several times faster."""

    exact: Any  # ahocorasick.Automaton over the text: key -> (key length, sector indices)
    folded: Any  # the same over the folded text
    always: frozenset[int]  # sectors with a cue without a usable part: always tried

    def hits(self, text: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """Every key in ``text``: its start, its end and the sectors it may stand for."""
        for automaton, seen in ((self.exact, text), (self.folded, None)):
            if automaton.kind != ahocorasick.AHOCORASICK:
                continue
            for end, (length, found) in automaton.iter(fold(text) if seen is None else seen):
                yield end + 1 - length, end + 1, found

    def candidates(self, text: str) -> set[int]:
        out = set(self.always)
        for _, _, found in self.hits(text):
            out.update(found)
        return out


class SectorHits:
    """The sector keys of one document, found in one pass: the candidate sectors of any span of
    it, a superset of those of the span's own text (blanked actors too: keys hold no spaces)."""

    def __init__(self, text: str, language: str) -> None:
        sector_filter = _sector_filter(language)
        self.always = sector_filter.always
        self.exact = language == "ko" or len(fold(text)) == len(text)  # else offsets would not carry over
        hits = sorted(sector_filter.hits(text)) if self.exact else []
        self.starts = [start for start, _, _ in hits]
        self.hits = hits

    def candidates(self, start: int, end: int) -> set[int] | None:
        """Sectors that may match in ``[start, end)`` (``None``: not known, look at the text)."""
        if not self.exact:
            return None
        out = set(self.always)
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        for _, hit_end, found in self.hits[lo:hi]:
            if hit_end <= end:
                out.update(found)
        return out


def _automaton(table: dict[str, set[int]]) -> Any:
    automaton = ahocorasick.Automaton()
    for key, value in table.items():
        automaton.add_word(key, (len(key), tuple(sorted(value))))
    if table:
        automaton.make_automaton()
    return automaton


@cache
def _sector_filter(language: str) -> _SectorFilter:
    data: dict[str, dict[str, list[str]]] = load_yaml("sectors.yaml")
    keys: dict[str, dict[str, set[int]]] = {"exact": {}, "folded": {}}
    always: set[int] = set()
    for i, cues in enumerate(data.values()):
        en_words = cues.get("en", [])
        upper = [w for w in en_words if w.isupper() or any(c.isdigit() for c in w)]
        groups = [("en_cs", upper, "exact")]
        if language == "ko":
            groups.append(("ko", cues.get("ko", []), "exact"))
            if not cues.get("ko"):
                always.add(i)  # an empty alternation matches everywhere
        else:
            groups.append(("en_ci", [w for w in en_words if w not in upper], "folded"))
        for _, words, where in groups:
            for word in words:
                part = max(word.split(" "), key=len)
                if where == "folded":
                    part = part.lower() if part.isascii() else ""
                if part:
                    keys[where].setdefault(part, set()).add(i)
                else:
                    always.add(i)
    return _SectorFilter(_automaton(keys["exact"]), _automaton(keys["folded"]), frozenset(always))


def sectors_in(
    text: str, language: str, in_word: Callable[[int, int], bool] | None = None, candidates: set[int] | None = None
) -> list[str]:
    """Sector ids whose cues occur in ``text``, in lexicon order. Korean cues match inside words
    (배터리 in 이차전지배터리); given ``in_word`` (a span of ``text`` -> whether it starts a
    morpheme or lies inside one), only such spans count: 도로 is no road in 다각도로. Only the
    ``candidates`` (sector indices, a superset of those that match) are tried, by default those
    whose keys occur in ``text``."""
    out = []
    if candidates is None:
        candidates = _sector_filter(language).candidates(text)
    sectors = _sectors()
    for i in sorted(candidates):
        sector, ko, en_ci, en_cs = sectors[i]
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
