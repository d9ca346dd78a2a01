"""The alias trie records keys as they are added and makes its nodes as walks reach them: a key
added after a walk is found by the next walk, and a walk finds the same keys however often the
text is walked (nodes made by an earlier walk change nothing)."""

from __future__ import annotations

from pipeline.actors.gazetteer import AliasTrie


def _keys(trie: AliasTrie, text: str, pos: int = 0) -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(m.start, m.end, m.key, m.entry.ids) for m in trie.walk(text, pos)]


def test_keys_added_after_a_walk_are_found() -> None:
    trie = AliasTrie()
    trie.add("보건복지부", "A")
    assert _keys(trie, "보건복지부는") == [(0, 5, "보건복지부", ("A",))]
    trie.add("보건", "B")
    assert _keys(trie, "보건복지부는") == [(0, 2, "보건", ("B",)), (0, 5, "보건복지부", ("A",))]
    assert trie.candidate_starts("그 보건복지부") == [2]


def test_walks_agree_whatever_was_walked_before() -> None:
    trie = AliasTrie()
    for key, actor in [("미국 재무부", "T"), ("미국", "U"), ("U.S. Department of State", "S"), ("State", "X")]:
        trie.add(key, actor)
    texts = ["미국 재무부는", "미국재무부", "미국  재무부", "미 국"]
    texts += ["U.S. Department of State", "U.S.Department  of State", "State"]
    first = [_keys(trie, t) for t in texts]
    again = [_keys(trie, t) for t in reversed(texts)][::-1]
    assert first == again
    assert first[0] == [(0, 2, "미국", ("U",)), (0, 6, "미국재무부", ("T",))]
    assert first[1] == [(0, 2, "미국", ("U",)), (0, 5, "미국재무부", ("T",))]
    assert first[3] == []  # no space inside a one-letter part


def test_an_actor_added_twice_under_one_key_keeps_one_entry() -> None:
    trie = AliasTrie()
    trie.add("인도", "IND", strict=True)
    trie.add("인 도", "IND")
    trie.add("인도", "IDN")
    [match] = trie.walk("인도", 0)
    assert match.entry.ids == ("IND", "IDN")
    assert not match.entry.strict
