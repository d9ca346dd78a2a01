"""The currency lexicon: the committed ISO 4217 file is what its generator writes, and the
curated words name real codes."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.money import currencies, display, minor_words
from tools.gen_currencies import TARGET, render

CURATED = Path(__file__).resolve().parents[2] / "pipeline" / "data" / "currency_words.yaml"


def test_committed_currency_file_matches_generator() -> None:
    """Regenerate with ``python -m tools.gen_currencies`` when this fails (a Babel upgrade)."""
    assert TARGET.read_text(encoding="utf-8") == render()


def test_every_curated_code_is_iso() -> None:
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    generated = yaml.safe_load(TARGET.read_text(encoding="utf-8"))
    assert set(curated) - {"word_codes"} <= set(generated)
    assert set(curated["word_codes"]) <= set(generated)


def test_merged_lexicon() -> None:
    table = currencies()
    assert len(table) > 150
    assert "C$" in table["CAD"]["prefix"] and "CAD" in table["CAD"]["after"]
    assert "캐나다 달러" in table["CAD"]["ko"] and "Swiss francs" in table["CHF"]["en"]
    assert "TOP" not in table["TOP"]["prefix"]  # `TOP 10` is not an amount
    assert minor_words("en")["cents"] == "USD" and minor_words("ko")["센트"] == "USD"
    assert display(__import__("decimal").Decimal("5000000"), "CAD") == "CA$5M"
