"""What a language analyser finds in one clause: the shared record both languages fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Clause(NamedTuple):
    """A clause ``[start, end)`` and the sentence ``sentence`` (index in its container) it is in
    (a named tuple: built for every clause, at a third of a frozen dataclass's cost)."""

    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class Facts:
    """The language-specific findings of one clause (offsets into the document text).

    ``action`` is a cue class (an action, or ``give``/``provide`` to be settled by the
    builder) and ``money_actions`` the kinds of money the clause names (``투자``, ``loan``);
    ``subjects`` are the actors of the clause's subject (coordinated ones too), ``we`` a
    subject ``우리``/``we`` standing for the document's parties; ``partners`` are the
    counterparts that act with the parties (``일본과 함께``, ``with``); ``modality`` is an
    explicit cue class or ``None``; ``past`` and ``statistic`` tell a reported sum; ``measured``
    a clause that states a measurement (an evaluative or observational predicate, a change, a
    headline without a verb: ``평가된다``, ``감소``) and ``copula`` a predicate that is only a
    copula (``… 순이다``, ``were``): with a sum, reported unless a cue says otherwise;
    ``recipients`` are the counterparts marked as receiving or hosting (dative ``에``,
    ``to``/``in``), the only ones a reported figure keeps;
    ``verbal_action`` says the action cue is a verb of the predicate; ``stance`` that the
    predicate states a position, not an act (``지지한다``, ``recognize``).
    """

    predicate: tuple[int, int] | None = None
    action: str | None = None
    verbal_action: bool = False
    modality: str | None = None
    past: bool = False
    statistic: bool = False
    measured: bool = False
    copula: bool = False
    recipients: list[tuple[int, int]] = field(default_factory=list)
    counterparts: list[tuple[int, int]] = field(default_factory=list)
    partners: list[tuple[int, int]] = field(default_factory=list)
    subjects: list[tuple[int, int]] = field(default_factory=list)
    we: bool = False
    stance: bool = False
    money_actions: list[str] = field(default_factory=list)
    object: tuple[int, int] | None = None
