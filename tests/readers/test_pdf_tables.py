"""PDF tables as a Hancom export draws them, built here with reportlab and a Korean font from
Debian's ``fonts-nanum`` (skipped without it): two header rows, a row header spanning a figure
line and the rate line under it with no rule between them, an open left border, names spread
over the cell width."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from pipeline.readers import read_bytes
from pipeline.readers.base import ReadResult

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
SIZE = 10.0
LEFT, TOP = 72.0, 700.0
WIDTHS = (80.0, 70.0, 70.0, 70.0, 70.0)
HEADER, BODY = 18.0, 30.0

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="fonts-nanum is not installed")

# (row header lines, then per figure column its lines, top to bottom)
ROWS: list[tuple[list[str], list[list[str]]]] = [
    (["총투자"], [["282.3", "(147.8)"], ["198.5", "(16.6)"], ["176.8", "(△37.4)"], ["150.9", "(△14.6)"]]),
    (["제조업"], [["63.2", "(12.0)"], ["40.5", "(△35.9)"], ["52.1", "(3.3)"], ["44.0", "(△15.5)"]]),
]


def _xs() -> list[float]:
    xs = [LEFT]
    for width in WIDTHS:
        xs.append(xs[-1] + width)
    return xs


def _draw_table(page: Any, rows: Sequence[tuple[list[str], list[list[str]]]], *, left_border: bool) -> None:
    """Header rows ruled all round; body rows ruled between each other, not between the two
    lines of a row; the body's left border drawn or not."""
    xs = _xs()
    ys = [TOP, TOP - HEADER, TOP - 2 * HEADER] + [TOP - 2 * HEADER - BODY * (i + 1) for i in range(len(rows))]
    right, bottom = xs[-1], ys[-1]
    page.drawCentredString((xs[0] + xs[1]) / 2, TOP - HEADER - 4, "구 분")
    for i, year in enumerate(("2023년", "2024년")):
        page.drawCentredString((xs[1 + 2 * i] + xs[3 + 2 * i]) / 2, TOP - HEADER + 5, year)
    for i in range(4):
        page.drawCentredString((xs[1 + i] + xs[2 + i]) / 2, TOP - 2 * HEADER + 5, f"{i % 2 + 1}분기")
    page.line(LEFT, TOP, right, TOP)
    page.line(xs[1], TOP - HEADER, right, TOP - HEADER)
    for y in ys[2:]:
        page.line(LEFT, y, right, y)
    page.line(LEFT, TOP, LEFT, ys[2] if not left_border else bottom)
    for i, x in enumerate(xs[1:], start=1):
        page.line(x, ys[1] if i in (2, 4) else TOP, x, bottom)
    for r, (header, figures) in enumerate(rows):
        top = ys[2 + r]
        for k, text in enumerate(header):
            page.drawCentredString((xs[0] + xs[1]) / 2, top - BODY / 2 - 4 - 12 * (k - (len(header) - 1) / 2), text)
        for c, lines in enumerate(figures):
            for k, text in enumerate(lines):
                page.drawRightString(xs[2 + c] - 4, top - 12 - 12 * k, text)


def _pdf(draw: Any) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Nanum", str(FONT)))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    page.setFont("Nanum", SIZE)
    page.drawString(LEFT, 760, "○ 1분기 해외직접투자는 150.9억 달러로 감소하였다.")
    page.drawCentredString(LEFT + sum(WIDTHS) / 2, 720, "< 분기별 추이(억 달러, 전년동기 대비, %) >")
    draw(page)
    page.drawString(LEFT, 500, "○ 업종별로는 제조업 투자가 줄었다.")
    page.save()
    return out.getvalue()


def _grid(result: ReadResult) -> dict[tuple[int, int], tuple[str, int, int]]:
    (table,) = result.tables
    return {(c.row, c.col): (result.text[c.start : c.end], c.rowspan, c.colspan) for c in table.cells}


@pytest.mark.parametrize("left_border", [True, False])
def test_stacked_figure_and_rate_lines_are_rows_and_the_row_header_spans_them(left_border: bool) -> None:
    result = read_bytes(_pdf(lambda page: _draw_table(page, ROWS, left_border=left_border)), "drawn.pdf")
    grid = _grid(result)
    assert grid[(0, 0)] == ("구 분", 2, 1)  # a typed space is kept
    assert grid[(0, 1)] == ("2023년", 1, 2) and grid[(1, 4)] == ("2분기", 1, 1)
    assert grid[(2, 0)] == ("총투자", 2, 1) and grid[(4, 0)] == ("제조업", 2, 1)
    assert [grid[(2, c)][0] for c in range(1, 5)] == ["282.3", "198.5", "176.8", "150.9"]
    assert [grid[(3, c)][0] for c in range(1, 5)] == ["(147.8)", "(16.6)", "(△37.4)", "(△14.6)"]
    assert [grid[(5, c)][0] for c in range(1, 5)] == ["(12.0)", "(△35.9)", "(3.3)", "(△15.5)"]
    assert len(grid) == 3 + 4 + 2 + 4 * 4  # header cells, quarters, row headers, figures and rates
    assert all(grid[(r, c)][1:] == (1, 1) for r in (2, 3, 4, 5) for c in range(1, 5))


def test_row_header_lines_that_line_up_with_the_figures_are_rows_of_their_own() -> None:
    rows = [(["투자액", "증감률"], figures) for _, figures in ROWS[:1]]
    grid = _grid(read_bytes(_pdf(lambda page: _draw_table(page, rows, left_border=False)), "drawn.pdf"))
    assert grid[(2, 0)] == ("투자액", 1, 1) and grid[(3, 0)] == ("증감률", 1, 1)
    assert grid[(2, 1)][0] == "282.3" and grid[(3, 1)][0] == "(147.8)"


def test_a_wrapped_row_header_beside_one_line_of_figures_is_not_split() -> None:
    rows = [(["해외직접", "투자"], [["282.3"], ["198.5"], ["176.8"], ["150.9"]])]
    grid = _grid(read_bytes(_pdf(lambda page: _draw_table(page, rows, left_border=True)), "drawn.pdf"))
    assert grid[(2, 0)] == ("해외직접\n투자", 1, 1)
    assert [grid[(2, c)][0] for c in range(1, 5)] == ["282.3", "198.5", "176.8", "150.9"]
    assert (3, 1) not in grid


def test_a_name_spread_over_the_cell_width_is_one_word() -> None:
    rows = [*ROWS, ([], ROWS[0][1])]

    def draw(page: Any) -> None:
        _draw_table(page, rows, left_border=True)
        xs = _xs()
        page.drawString(xs[0] + 6, TOP - 2 * HEADER - 3 * BODY + 12, "미")
        page.drawRightString(xs[1] - 6, TOP - 2 * HEADER - 3 * BODY + 12, "국")

    result = read_bytes(_pdf(draw), "drawn.pdf")
    texts = [result.text[c.start : c.end] for c in result.tables[0].cells]
    assert "미국" in texts and "미 국" not in texts


def test_every_cell_offset_indexes_the_text_and_the_table_is_not_running_text() -> None:
    result = read_bytes(_pdf(lambda page: _draw_table(page, ROWS, left_border=False)), "drawn.pdf")
    (table,) = result.tables
    for cell in table.cells:
        assert table.start <= cell.start <= cell.end <= table.end
        assert "\n" not in result.text[cell.start : cell.end] or cell.col == 0
    lines = result.text.split("\n")
    assert lines.index("○ 업종별로는 제조업 투자가 줄었다.") > lines.index("(△14.6)")
    assert result.text.count("282.3") == 1


def test_a_drawn_release_gives_typed_rates_under_their_figures(tmp_path: Path) -> None:
    from pipeline.extract import extract_file

    path = tmp_path / "drawn.pdf"
    path.write_bytes(_pdf(lambda page: _draw_table(page, ROWS, left_border=False)))
    doc = extract_file(path)
    (table,) = doc.tables
    assert table.caption == "< 분기별 추이(억 달러, 전년동기 대비, %) >" and (table.n_rows, table.n_cols) == (6, 5)
    figures = [c for c in doc.table_cells if c.row == 2]
    rates = [c for c in doc.table_cells if c.row == 3]
    assert all(c.row_header == ["총투자"] for c in figures + rates)
    assert [c.kind.value for c in figures] == ["money"] * 4 and [c.kind.value for c in rates] == ["percent"] * 4
    assert figures[2].col_header == ["2024년", "1분기"] and str(rates[2].value) == "-37.4"
