"""Every reader on damaged bytes: a ``ReadResult`` whose offsets are valid, or a ``ReadError``.

Hypothesis truncates, flips, deletes and inserts bytes in the format fixtures (a few dozen
examples per reader: the suite stays fast; ``fuzz/fuzz_formats.py`` runs for longer). Any other
exception is a bug: a damaged file must become a one-line error for that file only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.readers import ReadError, ReadResult, read_bytes, readers

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
SEEDS = {
    "hwpx": "press.hwpx",
    "hwp": "press.hwp",
    "pdf": "press_reportlab.pdf",
    "html": "wh_factsheet.html",
}


def check_result(result: ReadResult) -> None:
    """The invariants every reader promises about its offsets."""
    size = len(result.text)
    for block in result.blocks:
        assert 0 <= block.start <= block.end <= size
    for table in result.tables:
        assert 0 <= table.start <= table.end <= size
        for cell in table.cells:
            assert 0 <= cell.start <= cell.end <= size and cell.rowspan >= 1 and cell.colspan >= 1
    for span in result.locations:
        assert 0 <= span.start <= span.end <= size


@st.composite
def damaged(draw: st.DrawFn, raw: bytes) -> bytes:
    """The seed truncated, or with a few bytes flipped, deleted or inserted."""
    data = bytearray(raw)
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data)))])
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        if not data:
            break
    return bytes(data)


def _outcome(raw: bytes, name: str, reader_name: str) -> None:
    reader = next(r for r in readers() if r.name == reader_name)
    for by_content in (False, True):
        try:
            check_result(read_bytes(raw, name) if by_content else reader.read(raw, name))
        except ReadError as err:
            assert err.reason and err.hint and "\n" not in err.reason


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_damaged_files_give_a_result_or_a_read_error(fmt: str) -> None:
    name = SEEDS[fmt]
    seed = (FIXTURES / name).read_bytes()

    @settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
    @given(damaged(seed))
    def run(raw: bytes) -> None:
        _outcome(raw, name, fmt)

    run()


def _corrupt_member(raw: bytes, name: str, at: int) -> bytes:
    """Flip one byte inside the compressed data of one zip member (its CRC is never reached)."""
    import io
    import zipfile

    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(raw)
    data[start + at] ^= 0xFF
    return bytes(data)


# Found by the damaged-bytes search above, kept as regression cases.
SECTION = "Contents/section0.xml"
FOUND = [
    pytest.param("press.hwpx", lambda raw: _corrupt_member(raw, SECTION, 5), "damaged zip member", id="hwpx-zlib"),
    pytest.param("press.hwpx", lambda raw: _corrupt_member(raw, SECTION, 200), "damaged zip member", id="hwpx-distance"),
    pytest.param("press_reportlab.pdf", lambda raw: raw.replace(b"/Kids [", b"/Kids [ /", 1), "damaged PDF", id="pdf-page-tree"),
]


@pytest.mark.parametrize("markup", ["<ul><li>a<?td ?>b</li></ul>", "<p>a<?td ?>b</p>", "<div><?xml x?><p>a</p></div>"])
def test_processing_instructions_in_html_are_not_elements(markup: str) -> None:
    """Found by atheris: lexbor gives a processing instruction no tag (None)."""
    result = read_bytes(f"<!doctype html><html><body>{markup}</body></html>".encode(), "pi.html")
    check_result(result)
    assert "a" in result.text


@pytest.mark.parametrize(("name", "damage", "reason"), FOUND)
def test_damage_found_by_the_search_is_a_read_error(name: str, damage: Callable[[bytes], bytes], reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(damage((FIXTURES / name).read_bytes()), name)
