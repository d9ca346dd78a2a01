"""Korean clauses from Kiwi tags: sentences end at ``SF`` marks and at line breaks that do not
fall inside a phrase (a line ending in a particle or a connective goes on: ``150억 달러로⏎
전년 대비 하락하였다``), clauses at
connective endings (``EC`` 고/며/으며…) unless an auxiliary follows (``투자하고 있다``). The
predicate is the verbal chain at the clause end (``투자할 예정이다``, ``제공하기로 결정하였다``,
``검토 중이다``): verbs and ``하다`` nouns (``NNG`` + ``XSV``), endings, bound nouns and the
nouns of a planned act after an adnominal ending (``ㄹ 예정``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from itertools import compress, count
from operator import itemgetter

from pipeline.commitments.cues import MONEY_ACTIONS, Cue, Lexicon, lexicon, modality_cue, specific, whole_action_cue
from pipeline.commitments.facts import Clause, Facts
from pipeline.commitments.scan import CueScan
from pipeline.context import DocContext
from pipeline.tokens import Token

_VERBAL = {"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EP", "EF", "ETM", "ETN"}
_NOUNS = {"NNG", "NNP", "SL", "SH", "XSN", "NR", "SN", "NNB", "XPN"}
_PLAN_NOUNS = {"예정", "계획", "방침", "생각", "전망", "목표", "중", "것", "수", "바"}
_SENTENCE_ENDS = {".", "!", "?"}
_FORM, _START = itemgetter(0), itemgetter(2)
"""A token's form and start, as C-level getters."""
_OPEN_TAGS = {"JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC", "EC", "ETM", "ETN"}
"""Tags after which a phrase goes on: a line break there wraps a sentence, it does not end one."""


def segment(ctx: DocContext, lex: Lexicon, start: int, end: int) -> list[Clause]:
    """Clauses of ``[start, end)`` in order."""
    connectives = lex.sets["clause_connectives"]
    continuing = lex.sets["continuing_auxiliaries"]
    stops = _stops(lex)
    toks = ctx.tokens_in(start, end)
    out: list[Clause] = []
    cur, sentence = start, 0
    for k in _boundaries(ctx.text, toks, stops, start, end):
        t = toks[k]
        prev_end = toks[k - 1].end if k else start
        if "\n" in ctx.text[prev_end : t.start] and prev_end > cur and not _wrapped(toks[k - 1], t):
            out.append(Clause(cur, prev_end, sentence))
            cur, sentence = t.start, sentence + 1
        if t.form not in stops:
            continue  # no sentence end, semicolon or connective: no clause ends here
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.form in _SENTENCE_ENDS and _TAG[t.tag] == "SF":
            out.append(Clause(cur, t.end, sentence))
            cur, sentence = t.end, sentence + 1
        elif t.form == ";":
            out.append(Clause(cur, t.end, sentence))
            cur = t.end
        elif (
            t.form in connectives
            and _TAG[t.tag] == "EC"
            and (nxt is None or nxt.start > t.end or nxt.form == ",")
            and not (nxt is not None and _TAG[nxt.tag] == "VX" and nxt.form in continuing)
        ):
            stop = nxt.end if nxt is not None and nxt.form == "," else t.end
            out.append(Clause(cur, stop, sentence))
            cur = stop
    if cur < end and _NON_SPACE.search(ctx.text, cur, end):
        out.append(Clause(cur, end, sentence))
    return [_trim(ctx, c) for c in out if _NON_SPACE.search(ctx.text, c.start, c.end)]


_NON_SPACE = re.compile(r"\S")
"""A character ``str.strip`` keeps: a clause with one is not blank (found without copying it)."""


def _boundaries(text: str, toks: Sequence[Token], stops: frozenset[str], start: int, end: int) -> list[int]:
    """Indices of the tokens a clause may end at or before, in order: the forms of ``stops``, and
    the first token after each line break of ``text[start:end]`` (the first token starting past
    it; tokens are in offset order). Other tokens end no clause: they need not be read."""
    found = set(compress(count(), map(stops.__contains__, map(_FORM, toks))))
    line = text.find("\n", start, end)
    if line >= 0:
        starts = list(map(_START, toks))
        while line >= 0:
            found.add(bisect.bisect_right(starts, line))
            line = text.find("\n", line + 1, end)
        found.discard(len(toks))
    return sorted(found)


def _stops(lex: Lexicon) -> frozenset[str]:
    """Forms a clause can end at: sentence marks, ``;`` and the connective endings."""
    return _stops_of(lex.language)


@cache
def _stops_of(language: str) -> frozenset[str]:
    return frozenset(_SENTENCE_ENDS | {";"} | lexicon(language).sets["clause_connectives"])


@cache
def _longest_first(language: str, key: str) -> tuple[str, ...]:
    """The particles of the list ``key``, longest first (``에게`` is tried before ``에``)."""
    return tuple(sorted(lexicon(language).list(key), key=len, reverse=True))


def _wrapped(before: Token, after: Token) -> bool:
    """Whether a line break between two tokens only wraps a sentence: the line ends inside a
    phrase (a particle, a connective or adnominal ending, a comma) and the next line does not
    open with a mark (a new item)."""
    opens_item = _TAG[after.tag] in {"SW", "SO", "SS"} or not after.form[:1].isalnum()
    return not opens_item and (_TAG[before.tag] in _OPEN_TAGS or before.form == ",")


def _trim(ctx: DocContext, c: Clause) -> Clause:
    s, e = c.start, c.end
    while s < e and ctx.text[s] in " \t\n,":
        s += 1
    while e > s and ctx.text[e - 1] in " \t\n":
        e -= 1
    return Clause(s, e, c.sentence)


class _BaseTags(dict[str, str]):
    """Kiwi's tag without its irregular-conjugation suffix (``VV-I`` -> ``VV``), worked out once
    per tag: it is looked up for every token of every clause."""

    def __missing__(self, tag: str) -> str:
        base = self[tag] = tag.split("-", 1)[0]
        return base


_TAG = _BaseTags()


_CHAIN = frozenset(_VERBAL | {"NNB"})
"""Tags always part of a verbal chain; other tokens join it only in context (``_links_chain``)."""


def _links_chain(toks: Sequence[Token], k: int, j: int, tag: str, quotative: frozenset[str]) -> bool:
    """Whether ``toks[k]`` (base tag ``tag``, not in ``_CHAIN``) belongs to the verbal chain
    ending at ``toks[j]``: a connective before an auxiliary (``투자하고 있다``), a particle after
    a nominal ending, a ``하다`` noun or a planned act (``지원할 예정``)."""
    t = toks[k]
    if tag == "EC":
        return k == j or (k + 1 <= j and _TAG[toks[k + 1].tag] == "VX") or t.form == "기로" or t.form in quotative
    if tag in {"JKB", "JKO", "JX"}:
        return k > 0 and _TAG[toks[k - 1].tag] == "ETN"
    if tag == "NNG":
        nxt = toks[k + 1] if k + 1 <= j else None
        return (nxt is not None and (_TAG[nxt.tag] in {"XSV", "XSA", "VCP"} or nxt.form == "중")) or (
            t.form in _PLAN_NOUNS and k > 0 and _TAG[toks[k - 1].tag] == "ETM"
        )
    return False


def _predicate(toks: Sequence[Token], quotative: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Indices ``[i, j]`` of the verbal chain closing the clause, or ``None``."""
    j = len(toks) - 1
    while j >= 0 and _TAG[toks[j].tag].startswith("S") and _TAG[toks[j].tag] not in {"SL", "SN", "SH"}:
        j -= 1
    if j < 0:
        return None
    i = j + 1
    for k in range(j, -1, -1):
        tag = _TAG[toks[k].tag]
        if not (tag in _CHAIN or _links_chain(toks, k, j, tag, quotative)):
            break
        i = k
    if i > j or not any(_TAG[t.tag] in {"VV", "VA", "VX", "XSV", "XSA", "VCP", "EF"} for t in toks[i : j + 1]):
        return None
    return i, j


def analyse(
    ctx: DocContext,
    scan: CueScan,
    clause: Clause,
    actors: Sequence[tuple[int, int]],
    numeric: Sequence[tuple[int, int]],
    found: Sequence[Cue],
) -> Facts:
    """The predicate, cues, counterparts and object of one Korean clause (``found``: its action
    cues)."""
    lex = scan.lex
    toks = ctx.tokens_in(clause.start, clause.end)
    facts = Facts()
    chain = _predicate(toks, lex.sets["quotative_endings"])
    pred_end = clause.end
    if chain is not None:
        i, j = chain
        facts.predicate = (toks[i].start, toks[j].end)
        pred_end = toks[j].end
        _chain_facts(facts, lex, toks, i, j)
    cues = [c for c in found if c.start < pred_end and not (numeric and _inside(c.start, numeric))]
    region_start = facts.predicate[0] if facts.predicate else clause.start
    if cues:
        cue = specific(cues, max(cues, key=lambda c: (c.start, -c.end)))
        facts.action = cue.label
        facts.verbal_action = facts.predicate is not None and cue.start >= facts.predicate[0]
        region_start = min(region_start, cue.start)
    facts.modality = scan.modality(region_start, clause.end)
    if chain is None:  # a headline or fragment with a sum and no verb: a statistic, unless it names its act
        facts.measured = not _ends_in_act(lex, toks)
    ends = {e: _name_end(ctx, e) for _, e in actors}  # where each actor's noun phrase ends
    facts.counterparts, facts.partners = _counterparts(ctx, lex, actors, ends)
    recipient = _longest_first(lex.language, "recipient_particles")
    places = lex.sets["counterpart_nouns"]
    facts.recipients = [span for span in facts.counterparts if _marked_by(ctx, ends[span[1]], recipient, places)]
    facts.subjects = _coordinated(ctx, actors, _subject(ctx, actors, ends))
    facts.we = facts.subjects == [] and _we(ctx, lex, toks)
    facts.money_actions = [c.label for c in cues if c.label in MONEY_ACTIONS]
    facts.object = _object(ctx, lex, toks, facts, actors, numeric)
    return facts


def _chain_facts(facts: Facts, lex: Lexicon, toks: Sequence[Token], i: int, j: int) -> None:
    """What the predicate ``toks[i..j]`` says: past, a stance, a statistic, a measurement, a
    copula. Each word list is first checked against the chain's forms at once (a set)."""
    chain = toks[i : j + 1]
    forms = set(map(_FORM, chain))
    past = lex.sets["past_endings"]
    facts.past = not past.isdisjoint(forms) and any(_TAG[t.tag] == "EP" and t.form in past for t in chain)
    facts.stance = not lex.sets["stance_verbs"].isdisjoint(forms)
    statistic = lex.sets["statistic_verbs"]
    facts.statistic = not statistic.isdisjoint(forms) and any(t.form in statistic and _TAG[t.tag] in {"VV", "NNG"} for t in chain)
    measuring = not lex.sets["measure_verbs"].isdisjoint(forms) or not lex.sets["measure_passive_nouns"].isdisjoint(forms)
    facts.measured = measuring and _measured(lex, toks, i, j)
    facts.copula = _copula(toks, i, j)


def _copula(toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the predicate ``toks[i..j]`` is a copula after a noun that is no plan (``… 순이다``,
    ``52억 달러였다``; not ``지원할 예정이다``, ``지원할 것이다``)."""
    return any(
        _TAG[toks[k].tag] == "VCP" and k > 0 and toks[k - 1].form not in _PLAN_NOUNS and _TAG[toks[k - 1].tag] != "ETN"
        for k in range(i, j + 1)
    )


def _measured(lex: Lexicon, toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the predicate ``toks[i..j]`` states a measurement: a verb of change or
    observation (``감소하였다``, ``보이고 있다``, ``나타났다``) or a passive of evaluation
    (``평가된다``, ``분석된다``)."""
    verbs = lex.sets["measure_verbs"]
    passive = lex.sets["measure_passive_nouns"]
    for k in range(i, j + 1):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.form in verbs and _TAG[t.tag] in {"VV", "VA", "NNG"}:
            return True
        if t.form in passive and nxt is not None and nxt.form == "되":
            return True
    return False


def _ends_in_act(lex: Lexicon, toks: Sequence[Token]) -> bool:
    """Whether a fragment without a verb ends in the noun of its act (``300만 달러 지원``) or
    names a modality (``지원 약속``), rather than in a change or a figure (``14.6% 감소``)."""
    words = [t for t in toks if not _TAG[t.tag].startswith("S") or _TAG[t.tag] in {"SL", "SN", "SH"}]
    if not words:
        return False
    last = words[-1].form
    return whole_action_cue(lex, last) or modality_cue(lex, last) is not None


def _marked_by(ctx: DocContext, end: int, particles: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether the noun phrase of an actor, ending at ``end``, is followed by one of ``particles``
    (``라오스에``) or a place noun (``미국 내``): a recipient or host, not a partner or a figure's
    label."""
    after = ctx.text[end : end + 24]
    if after[:1] == " " and after.lstrip().split(" ", 1)[0].rstrip(",") in places:
        return True
    return after.startswith(particles) and any(after.startswith(p) and _ends_word(after[len(p) :]) for p in particles)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _counterparts(
    ctx: DocContext, lex: Lexicon, actors: Sequence[tuple[int, int]], ends: Mapping[int, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Actors marked as recipient, partner or place: ``라오스에``, ``세계은행을 통해``,
    ``미국 내``, ``일본과 함께`` (``ends``: where each actor's noun phrase ends, by its end)."""
    particles = _longest_first(lex.language, "counterpart_particles")
    places = lex.sets["counterpart_nouns"]
    partners = lex.list("partner_words")
    out = []
    partnered = []
    for s, e in actors:
        e2 = ends[e]
        after = ctx.text[e2 : e2 + 24]
        glued = after.startswith(particles) and any(after.startswith(p) and _ends_word(after[len(p) :]) for p in particles)
        place = after[:1] == " " and after.lstrip().split(" ", 1)[0].rstrip(",") in places
        partner = after[:1] in {"와", "과"} and (
            any(after[1:].lstrip().startswith(w) for w in partners) or not _actor_at(actors, ctx.text, e2 + 1)
        )
        if glued or place or partner:
            out.append((s, e))
        if partner:
            partnered.append((s, e))
    return out, partnered


def _subject(ctx: DocContext, actors: Sequence[tuple[int, int]], ends: Mapping[int, int]) -> tuple[int, int] | None:
    """The actor heading the clause's subject phrase (``미국 기업들은``, ``일본 정부가``)."""
    for s, e in actors:
        end = ends[e]
        t = ctx.token_at(end)
        if t is not None and t.start == end and _TAG[t.tag] == "XSN":
            end = t.end
        t = ctx.token_at(end)
        if t is not None and t.start == end and ((_TAG[t.tag] == "JX" and t.form in {"은", "는"}) or (_TAG[t.tag] == "JKS")):
            return s, e
    return None


def _coordinated(ctx: DocContext, actors: Sequence[tuple[int, int]], subject: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The subject with the actors joined before it (``한국과 미국은``, ``미국 재무부와 국무부는``)."""
    if subject is None:
        return []
    out = [subject]
    for span in sorted((a for a in actors if a[1] <= subject[0]), reverse=True):
        if not _JOINER.fullmatch(ctx.text[span[1] : out[0][0]]):
            break
        out.insert(0, span)
    return out


_JOINER = re.compile(r"(?:과|와|,|·|‧)?\s*(?:및|그리고)?\s*")


def _we(ctx: DocContext, lex: Lexicon, toks: Sequence[Token]) -> bool:
    """``우리는``/``우리가``: the document's own parties."""
    we = lex.sets["we_pronouns"]
    if we.isdisjoint(map(_FORM, toks)):
        return False  # no pronoun of them at all (a C-level pass)
    n = len(toks)
    return any(
        t.form in we and _TAG[t.tag] == "NP" and k + 1 < n and _TAG[toks[k + 1].tag] in {"JX", "JKS"} for k, t in enumerate(toks)
    )


def _name_end(ctx: DocContext, end: int) -> int:
    """The end of the noun phrase an actor heads: up to two more nouns (``코백스 AMC``,
    ``미국 정부``) before its particle."""
    for _ in range(2):
        t = ctx.token_at(end + 1) if ctx.text[end : end + 1] == " " else None
        if t is None or t.start != end + 1 or _TAG[t.tag] not in {"NNG", "NNP", "SL"}:
            break
        end = t.end
    m = _ABBREVIATION.match(ctx.text, end)
    return m.end() if m else end


_ABBREVIATION = re.compile(r"\([A-Za-z][A-Za-z0-9&.\- ]{0,15}\)")
"""An abbreviation in brackets after a name (``세계식량계획(WFP)을``): part of the name."""


def _actor_at(actors: Sequence[tuple[int, int]], text: str, pos: int) -> bool:
    """Whether the next word after ``pos`` starts an actor (``한국과 미국은``: a coordination)."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return any(s == pos for s, _ in actors) or pos >= len(text) or not text[pos].strip()


def _ends_word(rest: str) -> bool:
    """After a particle: the word ends, or only ``는``/``도``/``의``/``서`` follows (``에는``)."""
    for tail in ("", "는", "도", "의", "서", "서는", "게"):
        if rest.startswith(tail) and (len(rest) == len(tail) or not rest[len(tail)].isalnum()):
            return True
    return False


def _marked_phrases(toks: Sequence[Token], limit: int, numeric: Sequence[tuple[int, int]]) -> Iterator[list[Token]]:
    """Noun runs (joined by 의 and ·) ending in 을/를 or 에, before ``limit``, nearest first; a
    run breaks where a sum, date or quantity starts or ends. Found from the end, marker by
    marker: the object is most often the last phrase, so the clause is rarely read in full."""
    for m in range(bisect.bisect_left(toks, limit, key=_START) - 1, 0, -1):
        t = toks[m]
        tag = _TAG[t.tag]
        if tag == "JKO" or (tag == "JKB" and t.form in {"에", "에의"}):
            run = _run_before(toks, m, numeric)
            if run:
                yield run


def _run_before(toks: Sequence[Token], m: int, numeric: Sequence[tuple[int, int]]) -> list[Token]:
    """The noun run ending right before ``toks[m]``: the tokens of nouns and joiners before it,
    from the first noun (a joiner starts no run), from where the last sum starts or ends."""
    k = m
    while k > 0 and _in_run(toks[k - 1]):
        k -= 1
    while k < m and _TAG[toks[k].tag] not in _NOUNS:
        k += 1
    if numeric:
        for p in range(m - 1, k, -1):
            if _inside(toks[p].start, numeric) != _inside(toks[p - 1].start, numeric):
                k = p
                break
    return list(toks[k:m])


def _in_run(t: Token) -> bool:
    """Whether a token belongs in a noun run: a noun, or a joiner (의, ·) after one."""
    tag = _TAG[t.tag]
    return tag in _NOUNS or (tag in {"JKG", "SP", "SO"} and t.form in {"의", "·", "‧", "-"})


def _object(
    ctx: DocContext,
    lex: Lexicon,
    toks: Sequence[Token],
    facts: Facts,
    actors: Sequence[tuple[int, int]],
    numeric: Sequence[tuple[int, int]],
) -> tuple[int, int] | None:
    """The noun phrase before the predicate marked by 을/를 or 에 (nearest first), without the
    action noun at its head, amounts, dates and leading modifiers."""
    limit = facts.predicate[0] if facts.predicate else (toks[-1].end if toks else 0)
    stop = lex.sets["object_stopwords"]
    for phrase in _marked_phrases(toks, limit, numeric):
        words = [t for t in phrase if not _inside(t.start, numeric)] if numeric else phrase
        if not words:
            continue
        if whole_action_cue(lex, ctx.text[words[-1].start : words[-1].end]):
            words = words[:-1]
        while words and (words[0].form in stop or _TAG[words[0].tag] in {"JKG", "SP"}):
            words = words[1:]
        while words and _TAG[words[-1].tag] in {"JKG", "SP"}:
            words = words[:-1]
        if words and not any(a <= words[0].start and words[-1].end <= b for a, b in actors):
            return words[0].start, words[-1].end
    return None
