"""Helpers shared by the Korean rules: data loading, regex alternations, token boundaries.

The Korean rules find candidates with regexes over ``ctx.text`` and then ask the shared Kiwi
tokens whether a match starts and ends on morpheme boundaries: ``원`` in ``10원`` is a
currency, in ``3개 원전`` it is part of another word. Nothing here tokenizes again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline import lexicon
from pipeline.context import DocContext
from pipeline.lexicon import lang_yaml


def data(name: str) -> Any:
    """A Korean data file, ``pipeline/lang/ko/data/<name>.yaml`` (parsed once per process)."""
    return lang_yaml("ko", f"{name}.yaml")


def alternation(words: Iterable[str]) -> str:
    """``pipeline.lexicon.alternation`` with Korean spacing: a space inside a word is optional.

    >>> alternation(["불", "달러", "미국 달러"])
    '미국\\\\s?달러|달러|불'
    """
    return lexicon.alternation(words, space=r"\s?")


def starts_token(ctx: DocContext, offset: int) -> bool:
    """True when ``offset`` begins a Kiwi token (or sits where Kiwi put no token)."""
    tok = ctx.token_at(offset)
    return tok is None or tok.start == offset


def ends_token(ctx: DocContext, end: int) -> bool:
    """True when no Kiwi token runs past ``end`` (exclusive): the match ends on a boundary."""
    if end <= 0:
        return True
    tok = ctx.token_at(end - 1)
    return tok is None or tok.end <= end


def ends_token_after(ctx: DocContext, end: int, suffixes: Iterable[str]) -> bool:
    """A token ends at ``end``, or right after one of ``suffixes`` glued there (``30일자로``,
    ``2주간``): a suffix that only adds to the word keeps it whole."""
    if ends_token(ctx, end):
        return True
    return any(ctx.text.startswith(s, end) and ends_token(ctx, end + len(s)) for s in suffixes)


def whole_word(ctx: DocContext, start: int, end: int) -> bool:
    """``text[start:end]`` starts and ends on token boundaries (``전`` but not ``전략``)."""
    return starts_token(ctx, start) and ends_token(ctx, end)


def prev_char(text: str, offset: int) -> str:
    """The character before ``offset`` ("" at the start of the text)."""
    return text[offset - 1] if offset > 0 else ""
