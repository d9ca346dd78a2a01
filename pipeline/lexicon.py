"""Load the data files (lexicons, gazetteer, markers) that ship in ``pipeline/data/``.

Rules read their vocabulary from here instead of carrying literals, so a linguist can edit a
YAML file without touching code. Files are read once per process and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    """Parse ``pipeline/data/<name>`` (a relative path such as ``ko/dates.yaml``)."""
    text = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_SafeLoader)  # a safe loader: the C one when PyYAML has it
