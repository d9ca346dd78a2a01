"""Align the bullets of a Korean document with those of its English version, and cross-check
the numbers of every aligned pair.

Alignment is a monotonic dynamic programme in the spirit of Gale–Church over top-level
bullets (then over the sub-items of each aligned pair), allowing 1:1, 1:0, 0:1, 2:1 and 1:2
links. A pair scores on what survives translation — normalized amounts, date ranges,
numbers, actor ids, Latin-script tokens and acronyms — plus a length term whose expected
English/Korean ratio is measured on the document pair itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from schemas.models import Alignment, Amount, Bullet, Document, Qualifier

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SKIP_GAIN = 0.2
"""Gain of leaving one bullet unpaired, per bullet: a 1:1 link must score above this."""
_MERGE_FACTOR = 0.8
"""2:1 and 1:2 links are discounted, so a merge wins only when clearly better."""
_LENGTH_SIGMA = 0.45
_EQUIVALENT_QUALIFIERS = {Qualifier.MORE_THAN: Qualifier.AT_LEAST, Qualifier.LESS_THAN: Qualifier.AT_MOST}
"""Qualifiers the two languages use for the same bound (``over`` / ``이상``)."""


def amount_key(a: Amount) -> tuple[Decimal, str, str]:
    """What makes two amounts the same commitment across the two languages: value, currency and
    qualifier, with "more than" = "at least" and "less than" = "at most"."""
    return a.value, a.currency, _EQUIVALENT_QUALIFIERS.get(a.qualifier, a.qualifier).value


@dataclass(frozen=True, slots=True)
class _Unit:
    """One side of a link: one or two bullets, with the anchors a translation keeps."""

    bullets: tuple[Bullet, ...]
    length: int
    latin: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[str]
    amounts: frozenset[tuple[Decimal, str]]
    dates: frozenset[tuple[str, str]]
    actors: frozenset[str]


def _unit(doc: Document, bullets: Sequence[Bullet], common_actors: frozenset[str], english: bool) -> _Unit:
    spans = [(b.start, b.end) for b in bullets]

    def inside(start: int, end: int) -> bool:
        return any(lo <= start and end <= hi for lo, hi in spans)

    text = " ".join(b.text for b in bullets)
    found = _LATIN.findall(text)
    words = frozenset(w.lower() for w in found)
    latin = words
    if english:  # only what would stay Latin in Korean: acronyms, mixed tokens, names
        latin = frozenset(w.lower() for w in found if (w.isupper() and len(w) > 1) or any(c.isdigit() for c in w) or "-" in w)
    return _Unit(
        bullets=tuple(bullets),
        length=max(sum(len(b.text) for b in bullets), 1),
        latin=latin,
        words=words,
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
        amounts=frozenset((a.value, a.currency) for a in doc.amounts if inside(a.start, a.end)),
        dates=frozenset((a.date_start.isoformat(), a.date_end.isoformat()) for a in doc.dates if inside(a.start, a.end)),
        actors=frozenset(a.actor_id for a in doc.actors if a.actor_id and inside(a.start, a.end)) - common_actors,
    )


def _overlap(a: frozenset[object], b: frozenset[object]) -> tuple[int, int]:
    return len(a & b), len(a | b)


class _Scorer:
    def __init__(self, ratio: float) -> None:
        self.log_ratio = math.log(ratio)

    def __call__(self, ko: _Unit, en: _Unit) -> float:
        """Similarity in [0, 1]: anchors shared (weighted) and a Gale–Church length term."""
        length = math.exp(-((math.log(en.length / ko.length) - self.log_ratio) ** 2) / (2 * _LENGTH_SIGMA**2))
        shared = total = 0.0
        for weight, (hit, union) in (
            (3.0, _overlap(ko.amounts, en.amounts)),
            (2.0, _overlap(ko.dates, en.dates)),
            (1.5, _overlap(ko.numbers, en.numbers)),
            (1.0, _overlap(ko.actors, en.actors)),
            (1.0, (len(ko.latin & en.words), len(ko.latin | en.latin))),
        ):
            shared += weight * hit
            total += weight * union
        if total == 0:
            return 0.6 * length
        anchors = shared / total
        return 0.4 * length + 0.6 * anchors


@dataclass(frozen=True, slots=True)
class Link:
    ko: tuple[Bullet, ...]
    en: tuple[Bullet, ...]
    score: float


def align_sequences(ko_doc: Document, en_doc: Document, ko: Sequence[Bullet], en: Sequence[Bullet]) -> list[Link]:
    """Monotonic alignment of two bullet sequences (DP over 1:1, 1:0, 0:1, 2:1, 1:2)."""
    common = frozenset(_pervasive_actors(ko_doc)) | frozenset(_pervasive_actors(en_doc))
    ratio = max(sum(len(b.text) for b in en), 1) / max(sum(len(b.text) for b in ko), 1)
    score = _Scorer(ratio)
    ko_units = {(i, n): _unit(ko_doc, ko[i : i + n], common, False) for n in (1, 2) for i in range(len(ko) - n + 1)}
    en_units = {(j, n): _unit(en_doc, en[j : j + n], common, True) for n in (1, 2) for j in range(len(en) - n + 1)}
    m, n = len(ko), len(en)
    best = [[-math.inf] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            if best[i][j] == -math.inf:
                continue
            moves: list[tuple[int, int, float]] = [(1, 0, _SKIP_GAIN), (0, 1, _SKIP_GAIN)]
            if i < m and j < n:
                moves.append((1, 1, 2 * score(ko_units[(i, 1)], en_units[(j, 1)])))
            if i + 1 < m and j < n:
                moves.append((2, 1, 3 * _MERGE_FACTOR * score(ko_units[(i, 2)], en_units[(j, 1)])))
            if i < m and j + 1 < n:
                moves.append((1, 2, 3 * _MERGE_FACTOR * score(ko_units[(i, 1)], en_units[(j, 2)])))
            for di, dj, gain in moves:
                ni, nj = i + di, j + dj
                if ni <= m and nj <= n and best[i][j] + gain > best[ni][nj] + 1e-12:
                    best[ni][nj] = best[i][j] + gain
                    back[ni][nj] = (di, dj, gain / (di + dj))
    links: list[Link] = []
    i, j = m, n
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        di, dj, per_unit = step
        ko_part, en_part = tuple(ko[i - di : i]), tuple(en[j - dj : j])
        paired = bool(ko_part and en_part)
        links.append(
            Link(ko_part, en_part, round(per_unit / _MERGE_FACTOR if di + dj == 3 else per_unit / 2, 4) if paired else 0.0)
        )
        i, j = i - di, j - dj
    return links[::-1]


def _pervasive_actors(doc: Document) -> list[str]:
    """Actors that appear in nearly every bullet (the two parties): no help for alignment."""
    counts: Counter[str] = Counter()
    top = [b for b in doc.bullets if b.parent_id is None]
    for b in top:
        counts.update(set(b.parties))
    return [actor for actor, count in counts.items() if count >= max(len(top) // 2, 1)]


def _amounts_of(doc: Document, bullets: Sequence[Bullet]) -> Counter[tuple[Decimal, str, str]]:
    spans = [(b.start, b.end) for b in bullets]
    return Counter(amount_key(a) for a in doc.amounts if any(lo <= a.start and a.end <= hi for lo, hi in spans))


def _dates_of(doc: Document, bullets: Sequence[Bullet]) -> set[tuple[str, str]]:
    spans = [(b.start, b.end) for b in bullets]
    return {
        (d.date_start.isoformat(), d.date_end.isoformat())
        for d in doc.dates
        if any(lo <= d.start and d.end <= hi for lo, hi in spans)
    }


def _agree(left: Collection[object], right: Collection[object]) -> bool | None:
    if not left and not right:
        return None
    return left == right


def _rows(ko_doc: Document, en_doc: Document, link: Link) -> list[Alignment]:
    paired = bool(link.ko and link.en)
    amounts = _agree(_amounts_of(ko_doc, link.ko), _amounts_of(en_doc, link.en)) if paired else None
    dates = _agree(_dates_of(ko_doc, link.ko), _dates_of(en_doc, link.en)) if paired else None
    pairs: list[tuple[Bullet | None, Bullet | None]] = [(k, e) for k in link.ko for e in link.en]
    pairs = pairs or [(k, None) for k in link.ko] or [(None, e) for e in link.en]
    return [
        Alignment(
            ko_doc_id=ko_doc.doc_id,
            en_doc_id=en_doc.doc_id,
            ko_bullet_id=k.bullet_id if k else None,
            en_bullet_id=e.bullet_id if e else None,
            score=min(max(link.score, 0.0), 1.0),
            amounts_agree=amounts,
            dates_agree=dates,
        )
        for k, e in pairs
    ]


def align_documents(ko_doc: Document, en_doc: Document) -> list[Alignment]:
    """Every link between the two documents' bullets, in document order: each top-level
    link, then the links between the sub-items of a 1:1 pair."""
    top_ko = [b for b in ko_doc.bullets if b.parent_id is None]
    top_en = [b for b in en_doc.bullets if b.parent_id is None]
    rows: list[Alignment] = []
    for link in align_sequences(ko_doc, en_doc, top_ko, top_en):
        rows.extend(_rows(ko_doc, en_doc, link))
        sub_ko = [b for k in link.ko for b in ko_doc.bullets if b.parent_id == k.bullet_id]
        sub_en = [b for e in link.en for b in en_doc.bullets if b.parent_id == e.bullet_id]
        for sub in align_sequences(ko_doc, en_doc, sub_ko, sub_en):
            rows.extend(_rows(ko_doc, en_doc, sub))
    return rows
