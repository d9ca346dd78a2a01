"""The context's token look-ups (binary searches over per-document offset lists) agree with a
plain scan of the tokens, whatever their shape: zero-length tokens, tokens sharing a start,
overlapping tokens whose ends go down (the running furthest end then differs from the ends)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.context import DocContext, Structure
from pipeline.tokens import Token

_STRUCTURE = Structure(title=None, date=None, sections=[], paragraphs=[], bullets=[])


@st.composite
def token_lists(draw: st.DrawFn) -> list[Token]:
    """Tokens in text order (starts never go down), of length 0 to 4."""
    tokens: list[Token] = []
    start = 0
    for _ in range(draw(st.integers(0, 12))):
        start += draw(st.integers(0, 3))
        length = draw(st.integers(0, 4))
        tokens.append(Token("x" * length, draw(st.sampled_from(["NNG", "SF", "JX"])), start, start + length))
    return tokens


def _context(tokens: list[Token]) -> DocContext:
    return DocContext("t", "x" * 40, "ko", _STRUCTURE, tokens)


@given(token_lists(), st.integers(0, 40), st.integers(0, 40))
def test_tokens_in_lists_the_tokens_inside(tokens: list[Token], start: int, end: int) -> None:
    expected = [t for t in tokens if start <= t.start < end and t.end <= end]
    assert list(_context(tokens).tokens_in(start, end)) == expected


@given(token_lists(), st.integers(0, 40))
def test_offset_lookups_agree_with_a_scan(tokens: list[Token], offset: int) -> None:
    ctx = _context(tokens)
    assert ctx.token_starting(offset) == next((t for t in tokens if t.start == offset), None)
    assert ctx.token_ends_at(offset) == any(t.end == offset for t in tokens)
    # ``token_at`` reads the last token starting by ``offset``, if it covers the offset
    started = [t for t in tokens if t.start <= offset]
    expected = started[-1] if started and offset < started[-1].end else None
    assert ctx.token_at(offset) == expected


def test_token_ends_are_shared_and_in_token_order() -> None:
    tokens = [Token("ab", "NNG", 0, 2), Token("abc", "NNG", 1, 4), Token("b", "JX", 2, 3)]
    ctx = _context(tokens)
    assert ctx.token_ends() == [2, 4, 3]
    assert ctx.token_ends() is ctx.token_ends()
    assert ctx.token_ends_at(3) and ctx.token_ends_at(2) and not ctx.token_ends_at(1)
    assert list(ctx.tokens_in(0, 3)) == [tokens[0], tokens[2]]
