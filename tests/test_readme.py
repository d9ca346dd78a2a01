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


def test_commitments_query_gives_each_sum_with_party_action_and_modality(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(BLOCKS[0], "README.md", "exec"), namespace)
    pledges = cast("pd.DataFrame", namespace["pledges"])
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
    rows = sorted(zip(pledges["display"], pledges["parties"].map(list), pledges["en_text"].notna(), strict=False))
    assert rows == [("$1B", ["KOR"], True), ("$2.5B", ["USA"], True), ("$200M", ["KOR"], True), ("$25B", ["KOR", "USA"], True)]
