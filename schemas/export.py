"""Export the JSON Schema of ``Document``; ``schemas/document.schema.json`` is its committed copy.

Regenerate with ``make schema`` (a test fails when the committed copy is stale).
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.models import Document

SCHEMA_PATH = Path(__file__).with_name("document.schema.json")


def schema_json() -> str:
    return json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_json(), encoding="utf-8")
