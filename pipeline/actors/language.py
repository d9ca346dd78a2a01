"""What a language registers for actors (``LanguageRules.actors``): the hooks the shared actor
code calls. Every hook is optional; a language without one simply gets nothing from it, never
another language's rule.

Two kinds of hooks:

- **name rules** read actor names written in the language's script wherever they stand
  (``owns_name``, ``prefix_before``, ``rejects_name``, ``named_groups``). A document applies its
  own language's name rules and those of the languages it lists in ``quotes`` (a Korean release
  quotes English names, and the other way round);
- **document rules** read the document's own language: "both countries" (``both_countries``),
  unlisted organisations (``unlisted``), sentences and clauses (``sentences``), clause subjects
  (``subjects``) and whether a clause without a subject carries the previous one
  (``clause_carries``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.actors.gazetteer import Gazetteer, Match
from pipeline.actors.groups import Bounds, Group
from pipeline.actors.spans import SpanIndex, Subject
from pipeline.context import DocContext

PrefixLookup = Callable[[DocContext, Gazetteer, int], "tuple[str, int] | None"]
"""A country prefix right before an offset (``일본 국방부``, ``U.S. Department``): (country, start)."""
SentenceSplitter = Callable[[DocContext, int, int, bool], list[tuple[int, int]]]
"""Sentence ranges in ``[start, end)``; clause ranges when the flag is set."""
SubjectFinder = Callable[[DocContext, SpanIndex, int, int, list[str]], list[Subject]]
"""Clause subjects in ``[start, end)``, given the actor spans and the document's parties."""


@dataclass(frozen=True, slots=True)
class ActorRules:
    """A language's actor logic (see the module docstring for the two kinds of hooks)."""

    owns_name: Callable[[str], bool] = lambda key: False
    prefix_before: PrefixLookup | None = None
    rejects_name: Callable[[DocContext, Gazetteer, Bounds, Match], bool] | None = None
    named_groups: Callable[[DocContext, Gazetteer, Bounds], list[Group]] | None = None
    quotes: tuple[str, ...] = ()
    """Languages (codes) whose name rules also apply to this language's documents, in order."""
    both_countries: Callable[[DocContext, tuple[str, ...]], list[Group]] | None = None
    unlisted: Callable[[DocContext, Sequence[Group]], list[Group]] | None = None
    sentences: SentenceSplitter | None = None
    subjects: SubjectFinder | None = None
    clause_carries: Callable[[DocContext, int, int], bool] | None = None
    """Whether a clause without an actor subject takes the one before; unset: it always does."""


NO_ACTOR_RULES = ActorRules()
"""A language that registers no actor logic."""
