"""A toy language, ``xx``: numbers followed by one of two currency words. It lives entirely in
this folder; registering it is the one line ``register_language(RULES)``."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.context import DocContext, Mention
from pipeline.lang.registry import LanguageRules
from schemas.models import AmountFields, DateFields, QuantityFields

CURRENCIES = {"zorp": "XTS", "blip": "XXX"}  # ISO 4217 codes reserved for tests / no currency
_AMOUNT = re.compile(r"(\d+) (zorp|blip)\b")


def amounts(ctx: DocContext) -> list[Mention[AmountFields]]:
    return [
        Mention(m.start(), m.end(), "toy.amount", AmountFields(value=Decimal(m[1]), currency=CURRENCIES[m[2]], display=m[0]))
        for m in _AMOUNT.finditer(ctx.text)
    ]


def nothing(ctx: DocContext) -> list[Mention[DateFields]]:
    return []


def no_quantities(ctx: DocContext) -> list[Mention[QuantityFields]]:
    return []


RULES = LanguageRules(language="xx", amounts=amounts, dates=nothing, quantities=no_quantities)
