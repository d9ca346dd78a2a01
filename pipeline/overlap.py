"""The one rule that settles overlapping candidate spans: longest first, then earliest.

>>> from pipeline.context import Mention
>>> a, b, c = Mention(0, 5, "a", None), Mention(3, 10, "b", None), Mention(10, 12, "c", None)
>>> [m.rule for m in resolve([a, b, c])]
['b', 'c']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

from pipeline.context import Mention


def resolve(mentions: Iterable[Mention[Any]], priority: Callable[[Mention[Any]], int] = lambda m: 0) -> list[Mention[Any]]:
    """Keep a non-overlapping subset: longer spans win, then earlier ones, then the lower
    ``priority`` (e.g. amount before date before quantity), then the rule name."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, priority(m), m.rule))
    starts: list[int] = []  # kept spans, sorted and disjoint: O(n log n) overall
    kept: list[Mention[Any]] = []
    for m in ranked:
        i = bisect.bisect_left(starts, m.start)
        if i < len(kept) and kept[i].start < m.end:
            continue
        if i > 0 and kept[i - 1].end > m.start:
            continue
        starts.insert(i, m.start)
        kept.insert(i, m)
    return kept
