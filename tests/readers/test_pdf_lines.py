"""PDF lines as a reader sees them: fake bold, Korean words broken at a line end, centred lines.

The PDFs are drawn here with reportlab and a Korean TrueType font from Debian's ``fonts-nanum``
(skipped without it); each case places lines where a Hancom export would.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.readers import read_bytes

FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
REAL_PDF = Path(__file__).parent.parent / "fixtures" / "formats" / "2024-q1_overseas-fdi_ko.pdf"
LEFT, SIZE = 72.0, 12.0

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="fonts-nanum is not installed")


def _pdf(draw: Callable[[Any], None]) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Nanum", str(FONT)))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    page.setFont("Nanum", SIZE)
    draw(page)
    page.save()
    return out.getvalue()


def _lines(raw: bytes) -> list[str]:
    return [line for line in read_bytes(raw, "drawn.pdf").text.split("\n") if line.strip()]


def _width(text: str, size: float = SIZE) -> float:
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(text, "Nanum", size))


@pytest.mark.parametrize("offset", [0.2, 0.5])
def test_fake_bold_characters_are_read_once(offset: float) -> None:
    def draw(page: Any) -> None:
        for dx in (0.0, offset):  # Hancom's bold without a bold font: the same glyphs twice
            page.drawString(LEFT + dx, 700, "□ 별첨 참고자료")
        page.drawString(LEFT, 680, "○ 정부는 2억 달러를 지원한다.")

    assert [line.strip() for line in _lines(_pdf(draw))] == ["□ 별첨 참고자료", "○ 정부는 2억 달러를 지원한다."]


# (end of a full line, start of the next, what the reader must give). A full line is the widest
# on its page; a line that ends early was ended, not wrapped.
WORD_BREAKS = [
    ("순서는 미국, 유럽 순이었다. 한편 국가", "별로는 미국이 가장 많았다.", "국가별로는"),
    ("혁신산업 투자가 지속되는 가운데, 수익 다", "변화를 위해 늘었다.", "수익 다변화를"),
    ("업종별로는 금융보험업, 제조업, 부동산업", "(22.4억 달러) 순이다.", "부동산업(22.4억"),
    ("투자는 회복세에서 주춤한", "모습을 보였다.", "주춤한 모습을"),
    ("정부는 이번 달에 기업을", "지원한다.", "기업을 지원한다"),
    ("정부는 2억 달러를", "지원한다.", "달러를 지원한다"),
    ("Investment fell in the first", "quarter of the year.", "first quarter"),
]


@pytest.mark.parametrize(("first", "second", "expected"), WORD_BREAKS)
def test_a_word_broken_at_a_full_line_is_joined_only_where_it_is_one_word(first: str, second: str, expected: str) -> None:
    def draw(page: Any) -> None:
        page.drawString(LEFT, 700, first)
        page.drawString(LEFT, 700 - 1.6 * SIZE, second)

    assert _width(first) > _width(second)
    lines = _lines(_pdf(draw))
    assert len(lines) == 1 and expected in lines[0]


def test_a_line_that_ends_early_is_never_joined_inside_a_word() -> None:
    def draw(page: Any) -> None:
        page.drawString(LEFT, 720, "○ 이 줄은 본문에서 가장 긴 줄이어서 오른쪽 여백까지 닿는다고 본다.")
        page.drawString(LEFT, 700, "○ 짧은 줄의 끝 국가")
        page.drawString(LEFT, 700 - 1.6 * SIZE, "별로는 미국이 많았다.")

    assert "끝 국가 별로는" in _lines(_pdf(draw))[1]


def test_a_centred_caption_is_not_a_nested_item() -> None:
    body = "○ 해외직접투자는 150.9억 달러로 전년 동기 대비 14.6% 감소하였다."

    def draw(page: Any) -> None:
        page.drawString(LEFT, 720, body)
        page.drawString(LEFT + 2 * SIZE, 700, "- 금융보험업 투자가 줄었다.")
        page.drawCentredString(LEFT + _width(body) / 2, 670, "< 분기별 추이(억 달러) >")
        page.drawString(LEFT, 640, "○ 제조업 투자도 줄었다.")

    lines = _lines(_pdf(draw))
    assert lines[2] == "< 분기별 추이(억 달러) >"  # no indentation: not a sub-item of the one above
    assert lines[1].startswith("    - ") and lines[3] == "○ 제조업 투자도 줄었다."


def test_a_wrapped_centred_title_stays_one_line_and_a_caption_is_not_joined_to_ragged_text() -> None:
    body = "○ 본문의 첫 줄은 왼쪽 여백에서 시작해 오른쪽 여백까지 이어지는 긴 줄이다"
    middle = LEFT + _width(body) / 2

    def draw(page: Any) -> None:
        page.setFont("Nanum", 20)
        page.drawCentredString(middle, 780, "해외직접투자는 150.9억 달러로")
        page.drawCentredString(middle, 756, "전년 대비 감소")
        page.setFont("Nanum", SIZE)
        page.drawString(LEFT, 700, body)
        page.drawString(LEFT, 700 - 1.6 * SIZE, "짧은 끝줄")
        page.drawCentredString(middle, 700 - 3.2 * SIZE, "< 분기별 추이 >")

    lines = _lines(_pdf(draw))
    assert lines[0].strip() == "해외직접투자는 150.9억 달러로 전년 대비 감소"
    assert lines[1].endswith("긴 줄이다 짧은 끝줄") and lines[2] == "< 분기별 추이 >"


def test_real_release_pdf_reads_its_words_whole() -> None:
    text = read_bytes(REAL_PDF.read_bytes(), REAL_PDF.name).text
    for joined in ("국가별로는", "부동산업(22.4억", "중남미(18.6억", "다변화를", "전년 동기(138.4억"):
        assert joined in text
    for kept in ("투자심리 위축", "주춤한 모습"):
        assert kept in text
    assert "참참" not in text and "고고" not in text
    assert "\n< 분기별 해외직접투자액 추이" in text  # the caption is not indented as a sub-item
