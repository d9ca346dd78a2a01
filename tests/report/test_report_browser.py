"""End to end: the report as headless Chromium sees it after its script ran, plus a screenshot.

Drives the ``chromium`` binary directly (``--dump-dom`` gives the DOM after JS ran), so no
Python browser driver is needed. Skipped when no ``chromium`` is on PATH; CI installs it.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.report import write_report
from tests.report import Element, parse, span_problems
from tests.report.test_report_html import DATA, KO, SAMPLE

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium); browser test skipped"
)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(DATA, out)
    return out


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium offline-ish (no background traffic) with a throwaway profile."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _rows(table: Element) -> list[list[Element]]:
    return [[c for c in row.children if c.tag == "td"] for row in table.find_all("tbody")[0].find_all("tr")]


@pytest.mark.parametrize("doc_id", sorted(SAMPLE))
def test_spans_highlighted_in_the_live_dom(doc_id: str, report_dir: Path, tmp_path: Path) -> None:
    dom = parse(chromium(tmp_path, "--dump-dom", (report_dir / f"{doc_id}.html").as_uri()))
    assert dom.find_all("body")[0].attrs.get("data-ready") == "1", "the inline script ran"
    doc = SAMPLE[doc_id]
    assert span_problems(doc, dom) == []
    marks = dom.by_id("text").find_all("mark", cls="k")
    assert {m.attrs["data-kind"] for m in marks} == {k for k, n in _kinds(doc).items() if n}
    assert [m.text for m in marks if m.attrs["data-kind"] == "amount"] == [a.text for a in doc.amounts]
    toggles = [e.attrs["data-toggle"] for e in dom.find_all("input", attr="data-toggle")]
    assert sorted(toggles) == sorted(_kinds(doc))


def _kinds(doc: object) -> dict[str, int]:
    names = {"actor": "actors", "amount": "amounts", "date": "dates", "quantity": "quantities", "term": "terms"}
    return {kind: len(getattr(doc, name)) for kind, name in names.items()}


def test_pledges_table_sorted_by_the_script(report_dir: Path, tmp_path: Path) -> None:
    """``#sort=value-desc`` makes the script sort the pledges table: the DOM order changes."""
    url = (report_dir / f"{KO.doc_id}.html").as_uri() + "#sort=value-desc"
    dom = parse(chromium(tmp_path, "--dump-dom", url))
    (table,) = dom.find_all("table", cls="pledges")
    rows = _rows(table)
    values = [Decimal(cells[2].attrs["data-sort"]) for cells in rows]
    assert len(rows) == len(KO.amounts) and values == sorted((a.value for a in KO.amounts), reverse=True)
    assert [cells[1].text for cells in rows] == [a.display for a in sorted(KO.amounts, key=lambda a: a.value, reverse=True)]
    header = next(th for th in table.find_all("th") if th.attrs.get("data-col") == "value")
    assert header.attrs.get("aria-sort") == "descending"


def test_screenshot(report_dir: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / "report_ko.png"
    png.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={png}", "--window-size=1400,2000", (report_dir / f"{KO.doc_id}.html").as_uri())
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
