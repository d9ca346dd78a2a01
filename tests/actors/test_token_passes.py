"""The per-document passes of the actor stage that read tokens around a few positions only:
Korean noun runs read from candidate tokens, words inside a range as one slice, trie keys
held by the nodes. Hand-built tokens, so each case says exactly which tags and gaps it tests."""

from __future__ import annotations

import pytest

from pipeline.actors.gazetteer import AliasTrie, load_gazetteer
from pipeline.lang.en.words import Word, build_words, words_between
from pipeline.lang.ko.unlisted import _Runs
from pipeline.tokens import Token


def _tokens(*pieces: tuple[str, str, str]) -> tuple[str, list[Token]]:
    """Text and tokens from (gap before, form, tag) pieces; each form stands in the text as is."""
    text, tokens = "", []
    for gap, form, tag in pieces:
        text += gap
        tokens.append(Token(form, tag, len(text), len(text) + len(form)))
        text += form
    return text, tokens


# (pieces, token asked about, first token of its run or None)
RUN_CASES = [
    # nouns after single spaces on one line make one run
    ([("", "사이버", "NNG"), (" ", "워킹", "NNG"), (" ", "그룹", "NNG")], 2, 0),
    # a line break starts a new run
    ([("", "사이버", "NNG"), ("\n", "워킹", "NNG"), (" ", "그룹", "NNG")], 2, 1),
    # text that is no space between two nouns ends the run
    ([("", "한국", "NNP"), ("x", "위원회", "NNG")], 1, 1),
    # a dependent noun goes on with the run only when glued to it
    ([("", "회의", "NNG"), ("", "수", "NNB"), (" ", "위원회", "NNG")], 2, 0),
    ([("", "회의", "NNG"), (" ", "수", "NNB"), (" ", "위원회", "NNG")], 2, 2),
    # a joiner (by form and tag) goes on with the run, after a space too
    ([("", "한국", "NNP"), (" ", "및", "MAJ"), (" ", "위원회", "NNG")], 2, 0),
    ([("", "한국", "NNP"), ("", "·", "SP"), ("", "일본", "NNP")], 2, 0),
    # a form that joins under another tag ends the run
    ([("", "한국", "NNP"), ("", "·", "SW"), ("", "일본", "NNP")], 2, 2),
    # a joiner or dependent noun with no run before it is in none
    ([("", "는", "JX"), (" ", "및", "MAJ")], 1, None),
    ([("", "는", "JX"), ("", "수", "NNB")], 1, None),
    # a verb ends the run; the next noun starts one
    ([("", "협력", "NNG"), ("", "하", "XSV"), (" ", "위원회", "NNG")], 2, 2),
]


@pytest.mark.parametrize(("pieces", "asked", "expected"), RUN_CASES)
def test_korean_run_start(pieces: list[tuple[str, str, str]], asked: int, expected: int | None) -> None:
    text, tokens = _tokens(*pieces)
    assert _Runs(text, tokens).start_of(asked) == expected


def test_korean_runs_asked_in_order_share_what_was_read() -> None:
    """Asking token after token of one long run gives its one start each time."""
    pieces = [("", "국제", "NNG")] + [(" ", f"명{k}", "NNG") for k in range(30)]
    text, tokens = _tokens(*pieces)
    runs = _Runs(text, tokens)
    assert [runs.start_of(k) for k in range(0, 31, 3)] == [0] * 11
    assert not runs.goes_on(31)  # past the last token


def _inside(words: list[Word], start: int, end: int) -> list[Word]:
    return [w for w in words if start <= w.start and w.end <= end]


@pytest.mark.parametrize(
    "pieces",
    [
        [("", "The", "SL"), (" ", "U.S.", "SL"), (" ", "and", "SL"), (" ", "Korea", "SL"), ("", ".", "SF")],
        [("", "Cyber", "SL"), ("", "-", "SO"), ("", "Exploitation", "SL"), (" ", "Group", "SL"), ("", ",", "SP")],
    ],
)
def test_words_between_is_the_words_inside(pieces: list[tuple[str, str, str]]) -> None:
    text, tokens = _tokens(*pieces)
    words = build_words(tokens)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            assert words_between(tokens, start, end) == _inside(words, start, end)


def test_words_between_with_overlapping_tokens() -> None:
    """Word ends that go down (a token inside the one before) are still read one by one."""
    tokens = [Token("Alpha", "SL", 0, 5), Token("l", "NNG", 1, 2), Token("Beta", "SL", 6, 10)]
    words = build_words(tokens)
    for start in range(12):
        for end in range(start, 12):
            assert words_between(tokens, start, end) == _inside(words, start, end)


def test_walk_keys_are_the_folded_names_without_spaces() -> None:
    trie = load_gazetteer().trie
    for text in ["보건 복지부는", "U.S. Department of State", "미국 재무부"]:
        for m in trie.walk(text, 0):
            assert m.key == AliasTrie.normalize(text[m.start : m.end])
