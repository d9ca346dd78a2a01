"""README examples run as tests, against the published ``data/``."""

from __future__ import annotations

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


def test_pledge_query_pairs_every_korean_amount_with_english_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(BLOCKS[0], "README.md", "exec"), namespace)
    pledges = cast("pd.DataFrame", namespace["pledges"])
    rows = sorted(zip(pledges["display"], pledges["parties"].map(list), pledges["en_text"].notna(), strict=False))
    assert rows == [("$1B", ["KOR"], True), ("$2.5B", ["USA"], True), ("$200M", ["KOR"], True), ("$25B", ["KOR", "USA"], True)]


def test_table_series_example_gives_full_unit_dollars_and_signed_rates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (code,) = [block for block in BLOCKS if "table_cells.parquet" in block]
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    series = cast("pd.DataFrame", namespace["series"]).reset_index()
    exports = series[series["series"] == "수출"].iloc[0]
    rates = series[series["series"] == "수출 / 증감률"].iloc[0]
    assert (exports["kind"], exports["currency"]) == ("money", "USD")
    assert [str(v) for v in exports.iloc[4:].dropna()][-1] == "173200000000.000000"
    assert rates["kind"] == "percent"
    assert str(rates.iloc[4]) == "-9.700000"
