"""English term pairs: ``Democracy and Governance Consultations (DGC)`` gives term_en
``Democracy and Governance Consultations`` and acronym ``DGC``, with term_ko null; the span is
the name through the closing parenthesis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.context import DocContext, Mention
from pipeline.lang.en.words import Word, words_of
from pipeline.terms import ACRONYM as _ACRONYM
from schemas.models import TermFields


@dataclass(frozen=True, slots=True)
class EnglishPair:
    """An English name with its acronym, ``Democracy and Governance Consultations (DGC)``."""

    start: int
    end: int
    term_en: str
    acronym: str


def extract_terms(ctx: DocContext) -> list[Mention[TermFields]]:
    """English name + acronym pairs."""
    return [
        Mention(p.start, p.end, "terms.en_acronym", TermFields(term_en=p.term_en, acronym=p.acronym))
        for p in english_acronym_pairs(ctx)
    ]


def english_acronym_pairs(ctx: DocContext) -> list[EnglishPair]:
    """``Name Words (NWA)`` pairs in Latin text: the name is the shortest run of words before the
    parenthesis whose initials spell the acronym in order (Schwartz & Hearst, 2003)."""
    words = words_of(ctx.tokens)
    out: list[EnglishPair] = []
    for k, w in enumerate(words):
        if w.form != "(" or k + 2 >= len(words) or words[k + 2].form != ")":
            continue
        acronym = words[k + 1].form
        if not _ACRONYM.match(acronym):
            continue
        found = _match_initials(words, k, acronym)
        if found is not None:
            out.append(EnglishPair(found, words[k + 2].end, ctx.text[found : w.start].strip(), acronym))
    return out


def _match_initials(words: Sequence[Word], paren: int, acronym: str) -> int | None:
    letters = [c.lower() for c in acronym if c.isalpha()]
    j = paren - 1
    start = None
    li = len(letters) - 1
    limit = len(letters) + 5
    while j >= 0 and li >= 0 and paren - j <= limit:
        x = words[j]
        if not x.is_word:
            if x.form != ",":
                break
            j -= 1
            continue
        if x.form.lower()[:1] == letters[li]:
            li -= 1
            start = x.start
        elif x.form.lower() in {"and", "of", "for", "the", "on", "in", "to"}:
            pass
        else:
            parts = re.split(r"-", x.form)
            if len(parts) > 1 and [p[:1].lower() for p in parts][-1] == letters[li]:
                li -= len(parts)
                start = x.start
            else:
                return None
        j -= 1
    return start if li < 0 else None
