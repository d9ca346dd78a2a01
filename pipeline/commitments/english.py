"""English clauses over words rebuilt from the shared tokens: sentences end at ``.``/``!``/``?``/
``:`` and blank lines, clauses at ``;``, at ``, and``/``, but``/``, while`` and at ``and``
before a verb of commitment (``… batteries and commit to …``). The predicate is the first verb
group of the clause (``has committed``, ``will invest``, ``plans to invest``, ``is exploring``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from itertools import compress, count
from operator import attrgetter, itemgetter, methodcaller

from pipeline.commitments.cues import MONEY_ACTIONS, Cue, Lexicon, lexicon, specific
from pipeline.commitments.facts import Clause, Facts
from pipeline.commitments.scan import CueScan
from pipeline.context import DocContext
from pipeline.lang.en.words import Word, sentence_breaks, words_between

_AUX = {
    "will",
    "shall",
    "would",
    "can",
    "could",
    "may",
    "must",
    "should",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "to",
    "also",
    "jointly",
    "further",
    "each",
    "together",
    "now",
    "already",
    "not",
}
_COPULA = {"is", "are", "was", "were", "be", "been"}
_GROUP_OPENERS = frozenset(
    _AUX - {"to", "also", "jointly", "further", "each", "together", "now", "already", "not", "be", "been", "being"}
)
"""Auxiliaries that can open a verb group (modals, has/have/had, is/are/was/were); the other
words of ``_AUX`` only continue one."""
_ADVERBS = {"also", "jointly", "further", "each", "together", "now", "already", "not"}
_NOUN_ENDINGS = ("ment", "ments", "tion", "tions", "ance", "ances", "ship", "ships", "ure", "ures")
_FORM, _START = itemgetter(0), itemgetter(1)
"""A word's form and start, as C-level getters."""
_CLAUSE_MARKS = frozenset({";", ",", "and"})
_DETERMINERS = {"the", "a", "an", "our", "its", "their", "this", "these", "that", "those", "of", "his", "her", "such"}
_ENDS_IN_ED = methodcaller("endswith", "ed")
_NOT_BEFORE_PAST = frozenset(_DETERMINERS | _AUX)
"""Words after which a form in -ed is no past verb of the clause (``the proposed``, ``has raised``)."""


def segment(ctx: DocContext, lex: Lexicon, start: int, end: int) -> list[Clause]:
    """Clauses of ``[start, end)`` in order."""
    words = words_between(ctx.tokens, start, end)
    breaks = set(sentence_breaks(words, ctx.text))
    conj = lex.sets["clause_conjunctions"]
    verbs = lex.sets["clause_verbs_after_and"]
    out: list[Clause] = []
    cur, sentence = start, 0
    n = len(words)
    # only a sentence end, ``;``, ``,`` or ``and`` ends a clause: the other words need not be read
    marks = breaks.union(compress(count(), map(_CLAUSE_MARKS.__contains__, map(_FORM, words))))
    for k in sorted(marks):
        w = words[k]
        form = w.form
        if k in breaks:
            out.append(Clause(cur, w.end, sentence))
            cur, sentence = w.end, sentence + 1
        elif form == ";" or (form == "," and k + 2 < n and words[k + 1].form in conj and words[k + 2].form != ","):
            out.append(Clause(cur, w.end, sentence))
            cur = w.end
        elif form == "and" and k + 1 < n and words[k + 1].form.lower() in verbs and cur < w.start:
            out.append(Clause(cur, w.start, sentence))
            cur = w.start
    if cur < end and ctx.text[cur:end].strip():
        out.append(Clause(cur, end, sentence))
    return [_trim(ctx, c) for c in out if _WORD_CHAR.search(ctx.text, c.start, c.end)]


_WORD_CHAR = re.compile(r"\w")


def _trim(ctx: DocContext, c: Clause) -> Clause:
    s, e = c.start, c.end
    while s < e and ctx.text[s] in " \t\n,;":
        s += 1
    while e > s and ctx.text[e - 1] in " \t\n":
        e -= 1
    return Clause(s, e, c.sentence)


def _verb_words(lex: Lexicon) -> frozenset[str]:
    return _verb_words_of(lex.language)


@cache
def _verb_words_of(language: str) -> frozenset[str]:
    lex = lexicon(language)
    words = {w for w, a in lex.action_of.items() if " " not in w}
    for label in ("welcomed", "exploring", "planned", "committed", "committed_weak"):
        words |= {w.lower() for w in lex.raw["modality"][label] if " " not in w}
    words |= {w.lower() for w in lex.list("statistic_verbs") if " " not in w}
    words |= {w.lower() for w in lex.list("irregular_past") if " " not in w}
    words |= {"totaling", "totalling"}
    return frozenset(words)


def _verbal_words(lex: Lexicon) -> frozenset[str]:
    """The words that open a verb group or are a verb."""
    return _verbal_words_of(lex.language)


@cache
def _verbal_words_of(language: str) -> frozenset[str]:
    return _GROUP_OPENERS | _verb_words_of(language)


def _predicate(words: Sequence[Word], lex: Lexicon, clause_start: int) -> tuple[int, int] | None:
    """Word indices ``[i, j]`` of the first verb group."""
    verbs = _verb_words(lex)
    nouns = lex.sets["not_verbs"]
    forms = list(map(str.lower, map(_FORM, words)))
    # only a word that opens a verb group or is a verb can start one (a C-level pass finds them)
    for k in compress(count(), map(_verbal_words(lex).__contains__, forms)):
        form = forms[k]
        starts_group = form in _GROUP_OPENERS
        if not words[k].is_word:
            continue
        prev = forms[k - 1] if k > 0 else ""
        at_start = words[k].start == clause_start or prev in {"and", "or"}
        nounish = (
            form.endswith(_NOUN_ENDINGS)
            or (form.endswith("ing") and form not in {"totaling", "totalling"})
            or form in nouns
            or (k > 0 and words[k - 1].form in {"'s", "’s", "s", "'", "’"})
            or (k + 1 < len(words) and forms[k + 1] == "of")  # imports of goods, support of
        )
        is_verb = (
            form in verbs and not nounish and prev not in _DETERMINERS and not (words[k].form[:1].isupper() and not at_start)
        )
        if not (starts_group or is_verb):
            continue
        j = k
        last_verb = k if is_verb or starts_group else -1
        while j + 1 < len(words) and words[j + 1].is_word and (forms[j + 1] in _AUX or forms[j + 1] in verbs):
            j += 1
            if forms[j] in verbs or forms[j] not in {"to", "also", "jointly", "further", "each", "together", "now", "already"}:
                last_verb = j
        if starts_group and last_verb == k and not is_verb:
            n = j + 1 if all(f in _ADVERBS for f in forms[k + 1 : j + 1]) else k + 1
            if n < len(words) and words[n].is_word and forms[n] not in _DETERMINERS and forms[n][:1].islower():
                last_verb = n  # will discuss, has already disbursed: a verb not in the cue lists
            elif j > k:
                last_verb = j
        return k, max(last_verb, k)
    for k in compress(count(), map(_ENDS_IN_ED, forms)):  # raised, carried: a past verb outside the cue lists
        form = forms[k]
        if k > 0 and words[k].is_word and forms[k - 1] not in _NOT_BEFORE_PAST and form[:1].islower():
            return k, k
    return None


def analyse(
    ctx: DocContext,
    scan: CueScan,
    clause: Clause,
    actors: Sequence[tuple[int, int]],
    numeric: Sequence[tuple[int, int]],
    found: Sequence[Cue],
) -> Facts:
    """The predicate, cues, counterparts and object of one English clause (``found``: its action
    cues)."""
    lex = scan.lex
    words = words_between(ctx.tokens, clause.start, clause.end)
    facts = Facts()
    group = _predicate(words, lex, clause.start)
    cues = [c for c in found if not any(s <= c.start < e for s, e in numeric)] if numeric else list(found)
    if group is not None:
        i, j = group
        ps, pe = words[i].start, words[j].end
        facts.predicate = (ps, pe)
        forms = {w.form.lower() for w in words[i : j + 1]}
        facts.stance = bool(forms & lex.sets["stance_verbs"])
        future = bool(forms & lex.sets["future_words"])
        irregular = lex.sets["irregular_past"]
        facts.past = not future and any(f.endswith("ed") or f in irregular for f in forms if f not in {"need", "red"})
        facts.past = facts.past or (not future and bool(forms & {"was", "were"}))
        facts.statistic = scan.statistic(ps, pe) or bool(forms & {"totaling", "totalling"})
        facts.copula = forms <= _COPULA | _ADVERBS  # … were the largest sources, is the largest donor
        around = (words[max(0, i - 4)].start, words[min(len(words) - 1, j + 1)].end)
        facts.modality = scan.modality(ps, pe) or _near_cue(scan, *around)
        inside = [c for c in cues if ps <= c.start < pe]
        after = [c for c in cues if c.start >= pe]
        before = [c for c in cues if c.end <= ps]
        if inside:
            cue = inside[-1]
            facts.verbal_action = True
        elif after:
            cue = _compound_head(ctx, after)
        elif before:
            cue = before[-1]
        else:
            cue = None
    else:
        cue = cues[0] if cues else None
        facts.statistic = scan.statistic(clause.start, clause.end)
    if cue is not None:
        cue = specific(cues, cue)
        facts.action = cue.label
    leading = _Before(words, clause.start)
    facts.counterparts = _counterparts(ctx, lex, leading, actors)
    recipient = lex.sets["recipient_prepositions"]
    preposition = {span: _preposition(leading, span) for span in facts.counterparts}
    facts.recipients = [span for span in facts.counterparts if preposition[span] in recipient]
    if group is not None:
        subject = _subject(ctx, words, group[0], actors)
        facts.subjects = _coordinated(ctx, actors, subject) if subject else []
        we = lex.sets["we_pronouns"]
        facts.we = subject is None and any(w.form.lower() in we for w in words[max(0, group[0] - 2) : group[0]])
    facts.partners = [span for span in facts.counterparts if preposition[span] == "with"]
    facts.money_actions = [c.label for c in cues if c.label in MONEY_ACTIONS]
    if cue is not None:
        facts.object = _object(ctx, lex, words, cue.end, facts.verbal_action, numeric, actors)
    elif numeric:
        facts.object = _object(ctx, lex, words, max(e for _, e in numeric), False, numeric, actors)
    return facts


def _subject(ctx: DocContext, words: Sequence[Word], verb: int, actors: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The actor heading the noun phrase right before the verb group (``U.S. companies pledged``)."""
    start = words[max(0, verb - 3)].start
    for s, e in sorted(actors, reverse=True):
        if start <= e <= words[verb].start and re.fullmatch(r"[\s\w’'.-]*", ctx.text[e : words[verb].start]):
            before = [w.form.lower() for w in words if w.end <= s][-1:]
            if not before or before[0] not in {"to", "in", "into", "for", "with", "from", "through", "of", "by"}:
                return s, e
    return None


def _coordinated(ctx: DocContext, actors: Sequence[tuple[int, int]], subject: tuple[int, int]) -> list[tuple[int, int]]:
    """The subject with the actors joined before it (``the United States and Korea will``)."""
    out = [subject]
    for span in sorted((a for a in actors if a[1] <= subject[0]), reverse=True):
        if not re.fullmatch(r"\s*(?:,|and|&)?\s*(?:and\s+)?(?:the\s+)?", ctx.text[span[1] : out[0][0]]):
            break
        out.insert(0, span)
    return out


def _near_cue(scan: CueScan, start: int, end: int) -> str | None:
    """A planning or exploring cue just around the verb group (``its intention to donate``,
    ``is set to open``, ``is looking into``); a commitment cue there counts only in the group."""
    label = scan.modality(start, end)
    return label if label in {"planned", "exploring", "welcomed"} else None


def _compound_head(ctx: DocContext, cues: Sequence[Cue]) -> Cue:
    """The head of a run of cue words (``research cooperation`` is cooperation)."""
    cue = cues[0]
    for nxt in cues[1:]:
        if ctx.text[cue.end : nxt.start].strip():
            break
        cue = nxt
    return cue


class _Before:
    """The words of one clause just before an offset: what marks an actor there (``to``,
    ``with the``). Every word inside the clause is one of ``words`` (the clause's own)."""

    def __init__(self, words: Sequence[Word], clause_start: int) -> None:
        self.words = words
        self.starts = list(map(_START, words))
        self.clause_start = clause_start

    def forms(self, end: int) -> list[str]:
        """The forms of the words inside ``[end - 40, end)``, not before the clause."""
        lo = bisect.bisect_left(self.starts, max(self.clause_start, end - 40))
        hi = bisect.bisect_left(self.starts, end, lo)
        return [w.form for w in self.words[lo:hi] if w.end <= end]


def _counterparts(ctx: DocContext, lex: Lexicon, words: _Before, actors: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    preps = lex.sets["counterpart_prepositions"]
    skip = lex.sets["counterpart_skip"]
    out: list[tuple[int, int]] = []
    for s, e in sorted(actors):
        before = words.forms(s)
        while before and before[-1].lower() in skip:
            before.pop()
        if before and before[-1].lower() in preps:
            out.append((s, e))
        elif out and before and _listed(ctx, before[-1], e) and not re.search(r"[^\s,]", _gap(ctx, out[-1][1], s)):
            out.append((s, e))  # in the United States and the Republic of Korea
    return out


def _listed(ctx: DocContext, joiner: str, end: int) -> bool:
    """Whether an actor continues a list of counterparts: after ``and``/``or``, or after a comma
    when the list goes on (``to Laos, Cambodia and Vietnam``; not ``…, Korea will``)."""
    if joiner.lower() in {"and", "or"}:
        return True
    return joiner == "," and bool(re.match(r"\s*(,|and\b|or\b)", ctx.text[end : end + 6]))


def _gap(ctx: DocContext, end: int, start: int) -> str:
    """Text between two actor spans without coordinators and articles."""
    return re.sub(r"\b(and|or|the)\b", "", ctx.text[end:start])


def _preposition(words: _Before, span: tuple[int, int]) -> str:
    before = [w.lower() for w in words.forms(span[0]) if w.lower() != "the"]
    return before[-1] if before else ""


def _object(
    ctx: DocContext,
    lex: Lexicon,
    words: Sequence[Word],
    after: int,
    verbal: bool,
    numeric: Sequence[tuple[int, int]],
    actors: Sequence[tuple[int, int]],
) -> tuple[int, int] | None:
    """The noun phrase after the action cue: its direct object (verbs), else the one after
    ``in``/``into``/``for``/``to`` (``invest $3 billion in a battery plant``)."""
    stop = lex.sets["object_stop"]
    preps = lex.sets["object_prepositions"]
    drop = lex.sets["object_stopwords"]
    verbs = _verb_words(lex)
    k = bisect.bisect_left(words, after, key=attrgetter("start"))  # the first word from ``after``
    while k < len(words) and any(s <= words[k].start < e for s, e in numeric):
        k += 1
    if k < len(words) and words[k].form.lower() in preps:
        k += 1
    elif not verbal:
        return None
    phrase: list[Word] = []
    while k < len(words) and len(phrase) < 8:
        w = words[k]
        if (
            w.form.lower() in stop
            or (not w.is_word and w.form not in {"-", "'", "’"})
            or any(s <= w.start < e for s, e in numeric)
        ):
            break
        if phrase and w.form.lower() in verbs and w.form.lower() not in {"plant", "plants"}:
            break
        phrase.append(w)
        k += 1
    while phrase and phrase[0].form.lower() in drop:
        phrase = phrase[1:]
    if not phrase:
        return None
    s, e = phrase[0].start, phrase[-1].end
    if any(a <= s and e <= b for a, b in actors) and not any(w.form.lower() in {"fund", "facility", "amc"} for w in phrase):
        return None
    return s, e
