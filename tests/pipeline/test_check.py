"""``factsheet check``: aligned versions must agree; unpaired bullets are notes unless --strict."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from pipeline.check import check_dir
from pipeline.pairing import apply_alignment
from pipeline.write import document_json, load_document
from tests.golden_tool import ROOT

DATA = ROOT / "data"


def test_sample_versions_agree() -> None:
    result = CliRunner().invoke(app, ["check", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "no disagreement" in result.output
    assert {f.kind for f in check_dir(DATA)} == {"unpaired"}


def test_strict_fails_on_unpaired_bullets() -> None:
    result = CliRunner().invoke(app, ["check", str(DATA), "--strict"])
    assert result.exit_code == 1
    assert "no counterpart" in result.output


def test_a_changed_english_amount_is_a_disagreement(tmp_path: Path) -> None:
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    en_path = out / "factsheet_2021-05-21_en.json"
    en = load_document(en_path)
    amounts = list(en.amounts)
    assert amounts[1].text == "$2.5 billion"
    amounts[1] = amounts[1].model_copy(update={"value": amounts[1].value * 2})
    changed = en.model_copy(update={"amounts": amounts})
    ko, en = apply_alignment(load_document(out / "factsheet_2021-05-21_ko.json"), changed)
    (out / "factsheet_2021-05-21_ko.json").write_bytes(document_json(ko))
    en_path.write_bytes(document_json(en))
    findings = [f for f in check_dir(out) if f.kind == "amounts"]
    assert len(findings) == 1 and "$2.5B" in findings[0].message
    result = CliRunner().invoke(app, ["check", str(out)])
    assert result.exit_code == 1 and "amounts differ" in result.output
