"""README examples run as tests, against the published ``data/``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

if TYPE_CHECKING:
    import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)


def test_readme_has_python_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_readme_example_runs(code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert capsys.readouterr().out.strip()


def test_commitments_query_gives_each_sum_with_party_action_and_modality(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(BLOCKS[0], "README.md", "exec"), namespace)
    pledges = cast("pd.DataFrame", namespace["pledges"])
    pledges = pledges[pledges["doc_id"].str.startswith("factsheet_2021-05-21_")]  # the bilingual sample
    rows = sorted(zip(pledges["parties"].map(sorted), pledges["action"], pledges["modality"], strict=True))
    assert rows == sorted(
        2
        * [
            (["KOR", "USA"], "invest", "welcomed"),
            (["USA"], "fund", "committed"),
            (["KOR"], "fund", "committed"),
            (["KOR"], "fund", "committed"),
        ]
    )
    assert pledges["aligned_id"].notna().all()


def test_pledge_query_pairs_every_korean_amount_with_english_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(BLOCKS[1], "README.md", "exec"), namespace)
    pledges = cast("pd.DataFrame", namespace["pledges"])
    pledges = pledges[pledges["doc_id"] == "factsheet_2021-05-21_ko"]  # the bilingual sample
    rows = sorted(zip(pledges["display"], pledges["parties"].map(list), pledges["en_text"].notna(), strict=False))
    assert rows == [("$1B", ["KOR"], True), ("$2.5B", ["USA"], True), ("$200M", ["KOR"], True), ("$25B", ["KOR", "USA"], True)]


def test_table_series_example_gives_full_unit_dollars_and_signed_rates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (code,) = [block for block in BLOCKS if "table_cells.parquet" in block]
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    series = cast("pd.DataFrame", namespace["series"]).reset_index()
    quarterly = series[series["caption"].str.contains("분기별", na=False)].set_index("series")
    total, rates = quarterly.loc["총투자"], quarterly.loc["총투자 / 증감률"]
    assert (total["kind"], total["currency"]) == ("money", "USD")
    assert str(total[dt.date(2023, 1, 1)]) == "17680000000.000000"
    assert [str(v) for v in total.iloc[3:].dropna()][-1] == "15090000000.000000"  # 2024 Q1
    assert rates["kind"] == "percent"
    assert str(rates[dt.date(2023, 1, 1)]) == "-37.400000"
