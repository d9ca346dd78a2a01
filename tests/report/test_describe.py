"""What the review pages say of a record: a range shows both ends."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_bytes
from pipeline.report.describe import quantity_lines


@pytest.mark.parametrize(
    ("text", "first_line"),
    [
        ("Title\n\nMay 21, 2021\n\n• Emissions fall by 40-45 percent.\n", "40 – 45 percent (measure)"),
        ("제목\n\n2021년 5월 21일\n\n• 배출량을 10~20% 감축한다.\n", "10 – 20 percent (measure)"),
        ("Title\n\nMay 21, 2021\n\n• The pilot runs for 5 years.\n", "5 year (duration)"),
    ],
)
def test_a_quantity_range_shows_both_ends(text: str, first_line: str, kiwi: object) -> None:
    [quantity] = extract_bytes(text.encode(), "doc", "doc.txt").quantities
    assert quantity_lines(quantity)[0] == first_line
