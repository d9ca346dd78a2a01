"""One spelling per decimal number, shared by the models and every language's number rules."""

from __future__ import annotations

from decimal import Decimal


def canonical_decimal(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros (``2.5E+9`` and ``2500000000.0`` ->
    ``2500000000``, ``0.50`` -> ``0.5``), so outputs are byte-stable whatever arithmetic made it."""
    return Decimal(format(value.normalize(), "f"))
