"""Korean term pairs: a Korean term followed by a Latin-script parenthetical.

``감염병혁신연합(Coalition for Epidemic Preparedness Innovation ; CEPI)`` gives term_ko
``감염병혁신연합``, term_en ``Coalition for Epidemic Preparedness Innovation``, acronym
``CEPI``; ``글로벌보건안보구상(GHSA)`` gives only the acronym; ``한국형 위성항법시스템(Korean
Positioning System)`` only the English name.

The Korean term's extent comes from the Kiwi tokens before ``(``: nouns (``NNG``, ``NNP``,
``XPN``, ``XSN``, ``SL``, ``SN``, ``MM``...) and ``·``-joined nouns, across spaces, stopping
at a particle, an ending, a verb or punctuation (``포괄적인 한미 글로벌 백신 파트너십(...)``
gives ``한미 글로벌 백신 파트너십``). At most ``_MAX_WORDS`` words are kept, the nearest.

Span: the whole ``term(...)``, from the Korean term's first character to the closing
parenthesis, so the record shows both sides of the pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.context import DocContext, Mention
from pipeline.terms import ACRONYM as _ACRONYM
from pipeline.text_utils import HANGUL as _HANGUL
from pipeline.tokens import Token
from schemas.models import TermFields

_TERM_TAGS = {"NNG", "NNP", "NNB", "NR", "XPN", "XSN", "SL", "SN", "SH", "MM"}
_JOINERS = {"·", "‧", "ㆍ", "-"}
_NOT_LEADING = {"NNB", "XSN"}
_MAX_WORDS = 8
_LATIN_OK = re.compile(r"^[A-Za-z0-9 ,;:&'’\-./“”\"()]+$")


def split_gloss(inner: str) -> tuple[str | None, str | None]:
    """``'Coalition for ... ; CEPI'`` -> (full English name or None, acronym or None).

    >>> split_gloss("Coalition for Epidemic Preparedness Innovation ; CEPI")
    ('Coalition for Epidemic Preparedness Innovation', 'CEPI')
    >>> split_gloss("GHSA")
    (None, 'GHSA')
    """
    body = inner.strip().strip("“”\"'’").strip()
    parts = [p.strip() for p in re.split(r"\s*[;,:]\s*", body) if p.strip()]
    if not parts:
        return None, None
    acronym = None
    if len(parts) > 1 and _ACRONYM.match(parts[-1]) and " " not in parts[-1]:
        acronym = parts.pop()
    elif len(parts) > 1 and _ACRONYM.match(parts[0]) and " " not in parts[0]:
        acronym = parts.pop(0)
    name = ", ".join(parts)
    if acronym is None and " " not in name and _ACRONYM.match(name):
        return None, name
    if not re.search(r"[A-Za-z]{2}", name):
        return None, acronym
    return name, acronym


def _korean_extent(ctx: DocContext, toks: Sequence[Token], k: int, paren: int) -> int | None:
    """Start offset of the noun phrase whose last token is ``toks[k]`` (ending at ``paren``)."""
    text = ctx.text
    if k < 0 or toks[k].end != paren or toks[k].tag not in _TERM_TAGS:
        return None
    start = toks[k].start
    words = 1
    j = k - 1
    while j >= 0:
        t = toks[j]
        gap = text[t.end : start]
        if "\n" in gap or gap.strip():
            break
        if gap:
            words += 1
            if words > _MAX_WORDS:
                break
        if t.tag in _TERM_TAGS or (
            t.form in _JOINERS and not gap and j > 0 and toks[j - 1].tag in _TERM_TAGS and toks[j - 1].end == t.start
        ):
            start = t.start
        else:
            break
        j -= 1
    # do not open on a bound noun or suffix (``간``, ``들``), nor on a joiner
    for t in ctx.tokens_in(start, paren):
        if t.tag in _NOT_LEADING or t.form in _JOINERS or (t.tag == "MM" and t.end < paren and text[t.end : t.end + 1].isspace()):
            start = t.end
            while start < paren and text[start].isspace():
                start += 1
            continue
        break
    if start >= paren or not _HANGUL.search(text[start:paren]):
        return None
    return start


def _closing(text: str, open_at: int) -> int | None:
    """Index of the parenthesis closing ``text[open_at]`` (nesting allowed, same line)."""
    depth = 0
    for i in range(open_at, min(len(text), open_at + 200)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def extract_terms(ctx: DocContext) -> list[Mention[TermFields]]:
    """Korean term + Latin parenthetical pairs."""
    toks = list(ctx.tokens)
    text = ctx.text
    out: list[Mention[TermFields]] = []
    for k, t in enumerate(toks):
        if t.form != "(" or k == 0:
            continue
        close = _closing(text, t.start)
        if close is None:
            continue
        inner = text[t.start + 1 : close]
        if not inner.strip() or _HANGUL.search(inner) or not _LATIN_OK.match(inner):
            continue
        term_en, acronym = split_gloss(inner)
        if term_en is None and acronym is None:
            continue
        start = _korean_extent(ctx, toks, k - 1, t.start)
        if start is None:
            continue
        term_ko = text[start : t.start].strip()
        out.append(Mention(start, close + 1, "terms.ko_paren", TermFields(term_ko=term_ko, term_en=term_en, acronym=acronym)))
    return out
