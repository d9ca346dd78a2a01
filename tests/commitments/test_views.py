"""Commitments downstream: the model's offset checks, the Parquet table, aligned ids and
``factsheet check``, the ``factsheet commitments`` command and the review page view."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from cli import app
from pipeline.check import check_dir
from pipeline.report.render import document_page
from pipeline.tables import SCHEMAS
from pipeline.write import document_files, document_json, load_document
from schemas.models import Action, Commitment, Modality
from tests.golden_tool import ROOT

DATA = ROOT / "data"
DOCS = {doc.doc_id: doc for doc in map(load_document, document_files(DATA))}
KO = DOCS["factsheet_2021-05-21_ko"]  # the bilingual sample
EN = DOCS["factsheet_2021-05-21_en"]


def _row(**changes: object) -> Commitment:
    base = KO.commitments[0].model_dump()
    return Commitment(**(base | changes))


def test_predicate_and_object_must_match_the_clause() -> None:
    row = KO.commitments[0]
    with pytest.raises(ValidationError):
        _row(object="엉뚱한", object_start=row.start, object_end=row.start + 3)
    with pytest.raises(ValidationError):
        _row(predicate=row.text[:2], predicate_start=row.start + 1, predicate_end=row.start + 3)
    with pytest.raises(ValidationError):
        _row(object=None, object_start=row.start, object_end=row.start + 1)


def test_ids_are_numbered_in_offset_order() -> None:
    for doc in (KO, EN):
        ids = [c.commitment_id for c in doc.commitments]
        assert ids == [f"{doc.doc_id}:c{n}" for n in range(1, len(ids) + 1)]
        assert [c.start for c in doc.commitments] == sorted(c.start for c in doc.commitments)


def test_every_amount_of_the_sample_is_in_exactly_one_commitment() -> None:
    for doc in (KO, EN):
        held = [i for c in doc.commitments for i in c.amount_ids]
        assert sorted(held) == sorted(a.mention_id for a in doc.amounts)


def test_parquet_table_has_list_columns_and_dates() -> None:
    schema = SCHEMAS["commitments"]
    for name in ("parties", "counterparts", "amount_ids", "date_ids", "quantity_ids", "sectors"):
        assert schema.field(name).type == pa.list_(pa.string())
    assert schema.field("deadline").type == pa.date32()
    table = pq.read_table(DATA / "commitments.parquet")
    assert table.num_rows == sum(len(doc.commitments) for doc in DOCS.values())
    assert set(table.column("modality").to_pylist()) <= {m.value for m in Modality}
    assert set(table.column("action").to_pylist()) <= {a.value for a in Action}


def test_sample_amount_commitments_are_aligned_both_ways() -> None:
    linked = {c.commitment_id: c.aligned_id for c in KO.commitments if c.amount_ids}
    assert len(linked) == 4 and all(linked.values())
    back = {c.commitment_id: c.aligned_id for c in EN.commitments}
    assert all(en is not None and back[en] == ko for ko, en in linked.items())


def test_check_reports_a_changed_english_modality(tmp_path: Path) -> None:
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    path = out / f"{EN.doc_id}.json"
    rows = [c.model_copy(update={"modality": Modality.PLANNED}) if c.aligned_id and c.amount_ids else c for c in EN.commitments]
    path.write_bytes(document_json(EN.model_copy(update={"commitments": rows})))
    findings = [f for f in check_dir(out) if f.kind == "commitments"]
    assert len(findings) == 4 and all("modality" in f.message for f in findings)
    result = CliRunner().invoke(app, ["check", str(out)])
    assert result.exit_code == 1 and "commitments differ in modality" in result.output


def test_commitments_command_filters_and_formats() -> None:
    result = CliRunner().invoke(app, ["commitments", str(DATA), "--party", "KOR", "--sector", "health", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all("KOR" in r["parties"].split() and "health" in r["sectors"].split() for r in rows)
    assert {"$200M"} <= {r["amounts"] for r in rows}
    csv_out = CliRunner().invoke(app, ["commitments", str(DATA), "--modality", "welcomed", "--format", "csv"]).output
    lines = csv_out.strip().splitlines()
    assert lines[0].startswith("commitment_id,parties,action,modality")
    assert len(lines) > 1 and all(",welcomed," in line for line in lines[1:])
    table = CliRunner().invoke(app, ["commitments", str(DATA), "--modality", "reported"])
    assert table.exit_code == 0
    missing = CliRunner().invoke(app, ["commitments", str(ROOT / "no-such-folder")])
    assert missing.exit_code == 1


def test_review_page_has_one_badged_row_per_commitment() -> None:
    page = document_page(KO, DOCS)
    section = page[page.index('<section id="commitments"') :]
    section = section[: section.index("</section>")]
    assert section.count("<tr id=") == len(KO.commitments)
    for modality in {c.modality.value for c in KO.commitments}:
        assert f'class="badge m-{modality}"' in section
    for amount in KO.amounts:  # each amount links to its highlighted span in the text
        anchor = f"m-amount-{amount.start}-{amount.end}"
        assert f'href="#{anchor}"' in section and f'id="{anchor}"' in page
    assert section.count('class="c-pred"') == sum(1 for c in KO.commitments if c.predicate)


def test_commitments_table_is_readable_in_a_narrow_terminal() -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["commitments", str(DATA), "--party", "KOR"], env={"COLUMNS": "80"}).output
    assert max(len(line) for line in table.splitlines()) <= 80
    rows = [c for doc in DOCS.values() for c in doc.commitments if "KOR" in c.parties]
    words = set(table.split())
    assert {c.action.value for c in rows} <= words and {c.modality.value for c in rows} <= words  # never cut
    picked = runner.invoke(app, ["commitments", str(DATA), "--columns", "action,object", "--format", "csv"]).output
    assert picked.splitlines()[0] == "action,object"
    wrong = runner.invoke(app, ["commitments", str(DATA), "--columns", "action,nope"])
    assert wrong.exit_code == 2 and "nope" in wrong.output
