"""Lexicon files hold words: a YAML 1.1 boolean (`on`, `no`, `yes` unquoted) in a word list
silently becomes True/False and the word is lost."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from pipeline.lexicon import load_yaml

DATA = Path(str(resources.files("pipeline").joinpath("data")))
FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))


def _booleans_in_lists(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _booleans_in_lists(item, f"{path}/{key}")]
    if isinstance(value, list):
        found = [f"{path}[{i}]" for i, item in enumerate(value) if isinstance(item, bool)]
        return found + [hit for i, item in enumerate(value) for hit in _booleans_in_lists(item, f"{path}[{i}]")]
    return []


def test_there_are_data_files() -> None:
    assert "gazetteer.yaml" in FILES and "markers.yaml" in FILES


@pytest.mark.parametrize("name", FILES)
def test_no_yaml_booleans_in_word_lists(name: str) -> None:
    assert _booleans_in_lists(load_yaml(name)) == []
