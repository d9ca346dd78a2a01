"""Lexicon files hold words: a YAML 1.1 boolean (`on`, `no`, `yes` unquoted) in a word list
silently becomes True/False and the word is lost."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(str(resources.files("pipeline")))
FILES = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.yaml"))


def _booleans_in_lists(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _booleans_in_lists(item, f"{path}/{key}")]
    if isinstance(value, list):
        found = [f"{path}[{i}]" for i, item in enumerate(value) if isinstance(item, bool)]
        return found + [hit for i, item in enumerate(value) for hit in _booleans_in_lists(item, f"{path}[{i}]")]
    return []


def test_there_are_data_files() -> None:
    assert {"data/gazetteer.yaml", "data/markers.yaml", "lang/ko/data/dates.yaml", "lang/en/data/months.yaml"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_no_yaml_booleans_in_word_lists(name: str) -> None:
    assert _booleans_in_lists(yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))) == []
