"""One interface per language: which extractors turn its text into amounts, dates, quantities.

Adding a language means adding ``pipeline/lang/<code>/`` with the three extractors and its
data files under ``pipeline/data/<code>/``, then one entry here; no other stage changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from pipeline.mentions import Extractor
from schemas.models import AmountFields, DateFields, Language, QuantityFields


@dataclass(frozen=True, slots=True)
class LanguageRules:
    language: Language
    amounts: Extractor[AmountFields]
    dates: Extractor[DateFields]
    quantities: Extractor[QuantityFields]


def rules_for(language: Language) -> LanguageRules:
    """The rule set of ``language`` (module ``pipeline.lang.<code>``, attribute ``RULES``)."""
    rules: LanguageRules = import_module(f"pipeline.lang.{language.value}").RULES
    return rules
