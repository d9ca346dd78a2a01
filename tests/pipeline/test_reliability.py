"""Bad and unusual input: same outputs whatever the encoding, big inputs, killed runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from pipeline.extract import extract_file
from pipeline.validate import validate_dir
from tests.golden_tool import ROOT

SAMPLE_KO = ROOT / "raw" / "factsheet_2021-05-21_ko.txt"
_PROVENANCE = {"source", "sha256", "encoding"}


def _without_provenance(path: Path) -> dict[str, object]:
    return extract_file(path, doc_id="doc").model_dump(exclude=_PROVENANCE)


def _cp949_safe(text: str) -> str:
    """The sample with the few characters CP949 lacks (``•``, ``‧``) swapped for ones it has."""
    return "".join(ch if ch.encode("cp949", errors="ignore") else "·" for ch in text)


@pytest.fixture(scope="module")
def references(kiwi: object, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    safe = tmp_path_factory.mktemp("ref") / "safe.txt"
    safe.write_text(_cp949_safe(SAMPLE_KO.read_text(encoding="utf-8")), encoding="utf-8")
    return {"sample": _without_provenance(SAMPLE_KO), "cp949-safe": _without_provenance(safe)}


@pytest.mark.parametrize(
    "variant",
    ["cp949", "euc-kr", "utf-16", "utf-8-sig", "nfd", "crlf", "cr", "nbsp+zero-width"],
)
def test_variants_of_the_sample_give_the_same_document(
    tmp_path: Path, references: dict[str, dict[str, object]], variant: str
) -> None:
    text = SAMPLE_KO.read_text(encoding="utf-8")
    encoding, reference = "utf-8", references["sample"]
    if variant in ("cp949", "euc-kr"):
        text, encoding, reference = _cp949_safe(text), variant, references["cp949-safe"]
    elif variant in ("utf-16", "utf-8-sig"):
        encoding = variant
    elif variant == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "cr":
        text = text.replace("\n", "\r")
    elif variant == "nbsp+zero-width":
        text = text.replace("억불", "억\u200b불").replace("2021년 5월", "2021년\u00a05월")
    path = tmp_path / f"문서_{variant}.txt"
    path.write_bytes(text.encode(encoding, errors="strict"))
    assert _without_provenance(path) == reference


def test_full_width_digits_are_read_as_ascii(tmp_path: Path, kiwi: object) -> None:
    path = tmp_path / "full.txt"
    path.write_text("제목\n\n２０２１년 ５월 ２１일\n\n• 미국은 ２５억불을 약속했다.\n", encoding="utf-8")
    doc = extract_file(path)
    assert doc.date is not None and doc.date.isoformat() == "2021-05-21"
    assert [a.display for a in doc.amounts] == ["$2.5B"]


def test_a_5mb_document_and_a_1mb_line(tmp_path: Path, kiwi: object) -> None:
    """Linear stages: this would take minutes if any stage were quadratic."""
    sample = SAMPLE_KO.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join([sample] * (5_000_000 // len(sample.encode()) + 1)), encoding="utf-8")
    line = tmp_path / "line.txt"
    line.write_text("제목\n\n" + sample.replace("\n", " ") * (1_000_000 // len(sample.encode()) + 1), encoding="utf-8")
    started = time.perf_counter()
    doc = extract_file(big)
    assert big.stat().st_size >= 5_000_000 and len(doc.amounts) >= 4 * 290
    one_line = extract_file(line)
    assert len(one_line.text.splitlines()) == 3 and one_line.amounts
    assert time.perf_counter() - started < 300


def test_a_killed_run_leaves_the_previous_outputs_intact(tmp_path: Path, kiwi: object) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    sample = SAMPLE_KO.read_text(encoding="utf-8")
    for n in range(3):
        (inputs / f"doc{n}.txt").write_text(sample, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, str(ROOT / "cli.py"), "extract", str(inputs), "--out", str(out), "--quiet", "--workers", "1"]
    subprocess.run(command, check=True, cwd=ROOT)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for n in range(3, 40):
        (inputs / f"doc{n}.txt").write_text(sample.replace("25억불", f"{n}억불"), encoding="utf-8")
    process = subprocess.Popen(command, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(out.glob(".staging-*/*.json")):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".staging-")}
    assert after == before
    assert validate_dir(out) == []
    subprocess.run(command, check=True, cwd=ROOT)  # the next run cleans up and completes
    assert not any(out.glob(".staging-*"))
    assert len([p for p in out.glob("doc*.json")]) == 40
