"""One release given in several formats is one document; ``--doc-date`` reaches the document."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.engines import Extracted, Job, run_job
from pipeline.run import gather_inputs, run_extract

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"
REAL = "2024-q1_overseas-fdi_ko"


def _touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("names", "first", "rest"),
    [
        (["보도.pdf", "보도.hwp", "보도.hwpx"], "보도.hwpx", ["보도.hwp", "보도.pdf"]),
        (["보도.pdf", "보도.hwp"], "보도.hwp", ["보도.pdf"]),
        (["보도.pdf", "보도.html", "보도.txt"], "보도.html", ["보도.txt", "보도.pdf"]),
        (["보도.pdf", "보도.txt"], "보도.txt", ["보도.pdf"]),
        (["보도.PDF", "보도.HWPX"], "보도.HWPX", ["보도.PDF"]),
        (["보도.htm", "보도.pdf"], "보도.htm", ["보도.pdf"]),
    ],
)
def test_one_release_in_several_formats_is_one_document(tmp_path: Path, names: list[str], first: str, rest: list[str]) -> None:
    for name in names:
        _touch(tmp_path / name)
    documents, errors = gather_inputs([tmp_path])
    assert errors == []
    assert [d.path.name for d in documents] == [first]
    assert [p.name for p in documents[0].alternates] == rest


@pytest.mark.parametrize(
    "names",
    [
        ["a/보도.hwpx", "b/보도.hwpx"],  # same format in two folders
        ["a/보도.hwpx", "b/보도.pdf"],  # two folders: maybe two releases, never guessed
        ["a/보도.htm", "a/보도.html"],  # one format under two endings
        ["a/보도.hwpx", "a/보도.pdf", "b/보도.pdf"],
    ],
)
def test_same_stem_that_is_not_one_release_stays_a_duplicate(tmp_path: Path, names: list[str]) -> None:
    for name in names:
        _touch(tmp_path / name)
    documents, errors = gather_inputs([tmp_path])
    assert documents == []
    assert sorted(Path(e.path).relative_to(tmp_path).as_posix() for e in errors) == sorted(names)
    assert all(e.reason.startswith("duplicate doc_id '보도'") for e in errors)


def test_real_release_in_three_formats_reads_the_hwpx_and_warns(tmp_path: Path, kiwi: object) -> None:
    folder = tmp_path / "in"
    for suffix in ("hwpx", "hwp", "pdf"):
        _touch(folder / f"{REAL}.{suffix}", (FORMATS / f"{REAL}.{suffix}").read_bytes())
    result = run_extract([folder], tmp_path / "out", workers=1)
    assert result.errors == [] and result.extracted == [REAL]
    doc = json.loads((tmp_path / "out" / f"{REAL}.json").read_text(encoding="utf-8"))
    assert doc["format"] == "hwpx" and doc["source"].endswith(".hwpx")
    assert doc["warnings"][0] == "also given as .hwp, .pdf: read .hwpx"
    assert json.loads((tmp_path / "out" / "errors.json").read_text(encoding="utf-8")) == []


def test_a_damaged_preferred_format_falls_back_to_the_next(tmp_path: Path, kiwi: object) -> None:
    hwpx = _touch(tmp_path / f"{REAL}.hwpx", (FORMATS / f"{REAL}.hwpx").read_bytes()[:3000])  # truncated zip
    pdf = _touch(tmp_path / f"{REAL}.pdf", (FORMATS / f"{REAL}.pdf").read_bytes())
    outcome = run_job(Job(str(hwpx), REAL, alternates=(str(pdf),)))
    assert isinstance(outcome, Extracted)
    doc = json.loads(outcome.json)
    assert doc["format"] == "pdf" and doc["source"] == str(pdf)
    assert doc["warnings"][0].startswith("also given as .hwpx: read .pdf; .hwpx not readable: ")
    with_bytes = Job(str(hwpx), REAL, raw=hwpx.read_bytes(), alternates=(str(pdf),), alternate_raw=(pdf.read_bytes(),))
    assert run_job(with_bytes) == outcome


def test_every_format_unreadable_is_one_error_naming_each(tmp_path: Path, kiwi: object) -> None:
    hwpx = _touch(tmp_path / "보도.hwpx", b"PK\x03\x04 truncated")
    pdf = _touch(tmp_path / "보도.pdf", b"%PDF-1.7\n truncated")
    outcome = run_job(Job(str(hwpx), "보도", alternates=(str(pdf),)))
    assert not isinstance(outcome, Extracted)
    assert outcome.path == str(hwpx) and "(also given as .pdf: " in outcome.reason


def test_doc_date_option_dates_an_undated_document(tmp_path: Path, kiwi: object) -> None:
    source = _touch(tmp_path / "in" / "공지.txt", "공지\n\n• 정부는 5월 14일 2억원을 지원했다.\n".encode())
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "--doc-date", "2024-06-21", "-q", "--workers", "1"])
    assert run.exit_code == 0, run.output
    doc = json.loads((out / "공지.json").read_text(encoding="utf-8"))
    assert (doc["date"], doc["date_source"]) == ("2024-06-21", "option")
    assert [d["date_start"] for d in doc["dates"] if d["text"] == "5월 14일"] == ["2024-05-14"]  # year from the option
    bad = CliRunner().invoke(app, ["extract", str(source), "--out", str(out), "--doc-date", "21.06.2024"])
    assert bad.exit_code == 2


def test_a_dated_document_keeps_its_own_date_over_the_option(tmp_path: Path, kiwi: object) -> None:
    source = _touch(tmp_path / "공지.txt", "공지\n\n2023년 3월 2일\n\n• 정부는 2억원을 지원했다.\n".encode())
    result = run_extract([source], tmp_path / "out", workers=1, doc_date=dt.date(2024, 6, 21))
    assert result.errors == []
    doc = json.loads((tmp_path / "out" / "공지.json").read_text(encoding="utf-8"))
    assert (doc["date"], doc["date_source"]) == ("2023-03-02", "text")


def _flagged_hwp(bit: int) -> bytes:
    """The synthetic release with one protection bit set in its FileHeader stream (the first
    property word after the 32-byte signature and the version), as Hancom marks such files."""
    raw = bytearray((FORMATS / "press.hwp").read_bytes())
    at = raw.find(b"HWP Document File")
    assert at >= 0
    raw[at + 36] |= 1 << bit
    return bytes(raw)


def _scanned_pdf() -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 400, 600, fill=1)  # a page image and no text layer
    page.save()
    return out.getvalue()


def test_bad_files_are_one_line_errors_and_the_other_files_are_extracted(tmp_path: Path, kiwi: object) -> None:
    folder = tmp_path / "보도자료"
    _touch(folder / "암호.hwp", _flagged_hwp(1))
    _touch(folder / "배포용.hwp", _flagged_hwp(2))
    _touch(folder / "스캔.pdf", _scanned_pdf())
    _touch(folder / "잘림.hwpx", (FORMATS / "press.hwpx").read_bytes()[:4000])
    _touch(folder / "press.hwpx", (FORMATS / "press.hwpx").read_bytes())
    _touch(folder / "press_reportlab.pdf", (FORMATS / "press_reportlab.pdf").read_bytes())
    _touch(folder / "note.txt", "공지\n\n2024년 6월 21일\n\n• 정부는 2억원을 지원했다.\n".encode())
    out = tmp_path / "out"
    result = run_extract([folder], out, workers=1)
    assert sorted(result.extracted) == ["note", "press", "press_reportlab"]
    errors = {Path(e["path"]).name: e for e in json.loads((out / "errors.json").read_text(encoding="utf-8"))}
    assert sorted(errors) == ["배포용.hwp", "스캔.pdf", "암호.hwp", "잘림.hwpx"]
    assert "password-protected" in errors["암호.hwp"]["reason"]
    assert "distribution" in errors["배포용.hwp"]["reason"]
    assert errors["스캔.pdf"]["reason"] == "no text layer: scanned PDF?" and "OCR" in errors["스캔.pdf"]["hint"]
    assert "zip" in errors["잘림.hwpx"]["reason"] and "truncated" in errors["잘림.hwpx"]["hint"]
    for error in errors.values():
        assert error["hint"] and "\n" not in error["reason"] + error["hint"]
    for name in ("암호.hwp", "배포용.hwp"):
        assert "배포용" in errors[name]["hint"] and "Hancom Office" in errors[name]["hint"]
