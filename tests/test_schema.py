"""The committed JSON Schema is the one the models export (regenerate with ``make schema``)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app
from schemas.export import SCHEMA_PATH, schema_json


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json(), "run `make schema` and commit the result"


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Document" and "amounts" in schema["properties"]
