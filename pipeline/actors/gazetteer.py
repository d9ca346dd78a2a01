"""The bilingual actor gazetteer (``pipeline/data/gazetteer.yaml``) and its alias index.

The index is a character trie over every Korean and English name, alias and
country-prefixed body name (``미국 재무부``, ``U.S. Department of Homeland Security``).
Whitespace inside a name is optional when matching (``보건 복지부`` = ``보건복지부``), so one
walk from a token start finds the longest name there in time proportional to the name, not
to the size of the gazetteer. A document is not walked from every token start: an
Aho-Corasick automaton (``ahocorasick_rs``) over the same keys finds, in one compiled pass
over the text with its spaces taken out, the few offsets where a name can start at all
(``pyahocorasick`` looks a character up among a node's children one by one, and the root
has hundreds: its pass cost ten times more). Kiwi's
user dictionary gets the Korean names so they tokenize whole (``보건후생부`` instead of
``보건/후생/부``): see :func:`pipeline.lexicon.kiwi_user_words`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, MatchKind

from pipeline.lexicon import lang_yaml, load_yaml
from pipeline.text_utils import has_hangul
from schemas.models import ActorType

_FOLDS = {"’": "'", "‘": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "ㆍ": "·", "‧": "·", "・": "·"}
_FOLD = str.maketrans(_FOLDS)
_SPACES = " \t\u00a0"
_OTHER_SPACES = {c: " " for c in _SPACES if c != " "}
assert not set(_FOLDS.values()) & set(_FOLDS), "fold_text replaces one variant after the other"


def fold(ch: str) -> str:
    """Normalize one character for matching (curly apostrophes, dash and middle-dot variants)."""
    return ch.translate(_FOLD)


def _replace_each(text: str, pairs: dict[str, str]) -> str:
    """``text`` with each key character replaced by its value: for a handful of characters,
    one ``str.replace`` per character present is far cheaper than ``str.translate`` on
    Hangul text (which goes character by character through the table)."""
    for old, new in pairs.items():
        if old in text:
            text = text.replace(old, new)
    return text


def fold_text(text: str) -> str:
    """``fold`` applied to every character at once; one char maps to one char, so offsets hold."""
    return _replace_each(text, _FOLDS)


@dataclass(frozen=True, slots=True)
class Actor:
    """One gazetteer entry."""

    id: str
    type: ActorType
    name_en: str
    name_ko: str
    country: str | None = None
    ko: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    abbr_ko: tuple[str, ...] = ()
    adj_en: tuple[str, ...] = ()
    strict_ko: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()

    @property
    def is_country(self) -> bool:
        return self.type is ActorType.COUNTRY


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched key stands for: candidate ids, and whether a country prefix was part of it."""

    ids: tuple[str, ...]
    prefixed: bool = False
    strict: bool = False


class Match(NamedTuple):
    """A key found in the text: ``text[start:end]`` (whitespace inside allowed).

    A named tuple: a walk builds one per key it passes, and a tuple is built at a fraction of
    a frozen dataclass's cost.
    """

    start: int
    end: int
    key: str
    entry: Entry


class _Node:
    """One trie node, made the first time a walk reaches it (a plain slotted class)."""

    __slots__ = ("children", "entry", "key", "space_after")

    def __init__(self, key: str, entry: Entry | None, space_after: bool) -> None:
        self.children: dict[str, _Node | None] = {}
        """The characters looked up so far, with their child (``None``: no key goes on with
        it); a character not here is looked up by :meth:`AliasTrie._child`."""
        self.entry = entry
        self.space_after = space_after  # the name itself has a space here (``미국 재무부``)
        self.key = key
        """The folded characters from the root to this node: the key a walk ending here found."""


_UNSEEN = _Node("", None, False)
"""What a node's ``children`` give for a character not looked up yet (one dict lookup)."""


class AliasTrie:
    """Character trie of normalized keys (whitespace removed, characters folded).

    ``add`` only records a key: its entry, and where the name has spaces. The trie itself is
    the set of every prefix of every key, built in one comprehension at the first walk; a
    node object is made the first time a walk reaches it, and kept. Building all 62,000
    nodes up front (one per prefix) cost a quarter of a second per process, and a walk only
    ever reaches a few thousand of them.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._spaced: set[str] = set()
        """Keys of the nodes after which some name has a space (``미국 재무부``: ``미국``)."""
        self._prefixes: set[str] = set()
        self._root: _Node | None = None  # built at the first walk, after the last ``add``
        self._automaton: AhoCorasick | None = None  # built at the first search, after the last ``add``

    @staticmethod
    def normalize(key: str) -> str:
        return "".join(fold(c) for c in key if c not in _SPACES and not c.isspace())

    def add(self, key: str, actor_id: str, *, prefixed: bool = False, strict: bool = False) -> None:
        # the key is folded once and cut at its whitespace runs (``str.split`` and ``isspace``
        # agree on what whitespace is): its parts joined are :meth:`normalize`'s result
        parts = fold_text(key).split()
        if not parts:
            return
        self._root = self._automaton = None
        norm = "".join(parts)
        if len(parts) > 1:
            node = ""
            for part in parts[:-1]:
                node += part
                self._spaced.add(node)
        old = self._entries.get(norm)
        if old is None:
            self._entries[norm] = Entry((actor_id,), prefixed, strict)
        elif actor_id not in old.ids:
            self._entries[norm] = Entry((*old.ids, actor_id), old.prefixed and prefixed, old.strict and strict)
        elif old.strict and not strict:
            self._entries[norm] = Entry(old.ids, old.prefixed, False)

    def _start(self) -> _Node:
        """The root, with the prefix set, built on first use."""
        root = self._root
        if root is None:
            self._prefixes = {key[:size] for key in self._entries for size in range(1, len(key) + 1)}
            root = self._root = _Node("", None, False)
        return root

    def _child(self, node: _Node, ch: str) -> _Node | None:
        """The child of ``node`` by ``ch``, ``None`` if no key goes on with ``ch`` there; made
        and kept (either way) on first use, so what is kept is bounded by the nodes times the
        characters that ever follow them in the text walked."""
        key = node.key + ch
        child = _Node(key, self._entries.get(key), key in self._spaced) if key in self._prefixes else None
        node.children[ch] = child
        return child

    def _search_automaton(self) -> AhoCorasick:
        if self._automaton is None:
            self._automaton = AhoCorasick(sorted(self._entries), matchkind=MatchKind.Standard)
        return self._automaton

    def candidate_starts(self, folded: str) -> list[int]:
        """Offsets of ``folded`` (a :func:`fold_text` result) where some key occurs once the
        spaces :meth:`walk` may skip are taken out, in text order.

        Every offset where :meth:`walk` finds a key is among them (a walk only ever skips
        those spaces), so walking from these alone finds what walking from everywhere finds.
        """
        spaced = _replace_each(folded, _OTHER_SPACES)
        found = self._search_automaton().find_matches_as_indexes(spaced.replace(" ", ""), overlapping=True)
        return _with_spaces(spaced, sorted({start for _, start, _ in found}))

    def walk(self, text: str, pos: int, *, folded: bool = False) -> list[Match]:
        """Every key starting at ``pos``, shortest first.

        Spaces are skipped where the name has one, and elsewhere only between two parts of at
        least two letters each (``보건 복지부``), never around a single letter (``한 전`` is
        no ``한전``). ``folded`` says ``text`` already went through :func:`fold_text`, so a
        caller walking from every token start folds the document once, not once per step.
        """
        n = len(text)
        if pos >= n:
            return []
        first = text[pos] if folded else fold(text[pos])
        root = self._root or self._start()
        node = root.children.get(first, _UNSEEN)
        if node is _UNSEEN:
            node = self._child(root, first)
        if node is None:  # most token starts begin no name: no allocation for them
            return []
        out: list[Match] = []
        new = tuple.__new__  # skips the named tuple's Python-level __new__
        depth = 1  # characters of the key so far
        i = pos + 1
        if node.entry is not None:
            out.append(new(Match, (pos, i, node.key, node.entry)))
        free_skip_at = -1  # key length at an unmarked skip
        while i < n:
            ch = text[i]
            if ch in _SPACES:
                j = i
                while j < n and text[j] in _SPACES:
                    j += 1
                if j - i > 2:
                    break
                if not node.space_after:
                    if depth < 2 or free_skip_at >= 0:
                        break
                    free_skip_at = depth
                i = j
                continue
            if not folded:
                ch = fold(ch)
            nxt = node.children.get(ch, _UNSEEN)
            if nxt is _UNSEEN:
                nxt = self._child(node, ch)
            if nxt is None:
                break
            node = nxt
            depth += 1
            i += 1
            if node.entry is not None and (free_skip_at < 0 or depth - free_skip_at >= 2):
                out.append(new(Match, (pos, i, node.key, node.entry)))
        return out


def _with_spaces(spaced: str, offsets: list[int]) -> list[int]:
    """Ascending ``offsets`` into ``spaced`` with its spaces taken out, as offsets into
    ``spaced``: the character at each one (a few ``str.count`` calls per offset instead of a
    table over every space of the document).

    >>> _with_spaces("ab  cd e", [0, 2, 4])
    [0, 4, 7]
    """
    out: list[int] = []
    pos = kept = 0  # ``kept`` characters other than spaces stand in ``spaced[:pos]``
    for target in offsets:
        while kept < target:
            step = pos + target - kept
            kept += target - kept - spaced.count(" ", pos, step)
            pos = step
        while spaced[pos] == " ":
            pos += 1
        out.append(pos)
    return out


@dataclass(slots=True)
class Gazetteer:
    """Actors by id, the alias trie, defaults for ambiguous bare names and country prefixes."""

    actors: dict[str, Actor]
    trie: AliasTrie
    defaults: dict[str, str]
    glued_abbr: dict[str, str]
    abbr: dict[str, str]
    en_prefixes: dict[str, str]
    ko_prefixes: dict[str, str]

    _facts: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    """``facts`` by ids, filled as names are found."""

    def get(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def facts(self, ids: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
        """What every name standing for ``ids`` is tested against: the ``not_followed_by``
        words of all of them (in order), and whether all of them are countries. Worked out
        once per set of ids, not once per name found."""
        hit = self._facts.get(ids)
        if hit is None:
            actors = [self.get(i) for i in ids]
            hit = self._facts[ids] = (tuple(w for a in actors for w in a.not_followed_by), all(a.is_country for a in actors))
        return hit

    def resolve_default(self, key: str, ids: tuple[str, ...]) -> str:
        """The id a bare ambiguous name stands for: the data's default, else the first listed."""
        chosen = self.defaults.get(AliasTrie.normalize(key))
        return chosen if chosen in ids else ids[0]


def _entry(raw: dict[str, object]) -> Actor:
    def strs(name: str) -> tuple[str, ...]:
        value = raw.get(name) or []
        assert isinstance(value, list), f"{raw['id']}: {name} must be a list"
        return tuple(str(v) for v in value)

    return Actor(
        id=str(raw["id"]),
        type=ActorType(str(raw["type"])),
        name_en=str(raw["name_en"]),
        name_ko=str(raw["name_ko"]),
        country=str(raw["country"]) if raw.get("country") else None,
        ko=strs("ko"),
        en=strs("en"),
        abbr_ko=strs("abbr_ko"),
        adj_en=strs("adj_en"),
        strict_ko=strs("strict_ko"),
        not_followed_by=strs("not_followed_by"),
    )


def _ko_names(actor: Actor) -> list[str]:
    return [actor.name_ko, *actor.ko]


def _en_names(actor: Actor) -> list[str]:
    return [actor.name_en, *actor.en]


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer once per process and build its index."""
    data = load_yaml("gazetteer.yaml")
    actors = {a.id: a for a in (_entry(raw) for raw in data["actors"])}
    markers = lang_yaml("ko", "actors.yaml")
    glued = set(markers["compound_glued_abbr"])
    trie = AliasTrie()
    ko_prefixes: dict[str, str] = {}
    en_prefixes: dict[str, str] = {}
    abbr: dict[str, str] = {}
    for actor in actors.values():
        if not actor.is_country:
            continue
        for form in (actor.name_ko, *actor.ko, *actor.abbr_ko):
            if form not in actor.strict_ko and not form.endswith("측") and form not in ("우리나라", "아국"):
                ko_prefixes[form] = actor.id
        for form in actor.abbr_ko:
            abbr[form] = actor.id
        for form in (*actor.adj_en, *actor.en):
            en_prefixes[form] = actor.id
            if not form.endswith(("'s", "'", "’s")):
                en_prefixes[form + "'s"] = actor.id
    for actor in actors.values():
        for name in _ko_names(actor):
            trie.add(name, actor.id, strict=name in actor.strict_ko)
        for name in actor.strict_ko:
            trie.add(name, actor.id, strict=True)
        for name in _en_names(actor):
            trie.add(name, actor.id)
        if actor.country is None:
            continue
        for prefix, country in ko_prefixes.items():
            if country == actor.country:
                for name in _ko_names(actor):
                    if has_hangul(name):
                        trie.add(prefix + name, actor.id, prefixed=True)
        for prefix, country in en_prefixes.items():
            if country == actor.country:
                for name in _en_names(actor):
                    if not has_hangul(name) and not name.startswith(("U.S. ", "US ")):
                        trie.add(f"{prefix} {name}", actor.id, prefixed=True)
    defaults = {AliasTrie.normalize(k): str(v) for k, v in (data.get("defaults") or {}).items()}
    return Gazetteer(
        actors=actors,
        trie=trie,
        defaults=defaults,
        glued_abbr={k: v for k, v in abbr.items() if k in glued},
        abbr=abbr,
        en_prefixes=en_prefixes,
        ko_prefixes=ko_prefixes,
    )
