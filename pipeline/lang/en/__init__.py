"""English rules: the same three extractors as every language (see ``pipeline.lang.registry``)."""

from __future__ import annotations

from pipeline.lang.en.amounts import extract_amounts
from pipeline.lang.en.dates import extract_dates
from pipeline.lang.en.quantities import extract_quantities
from pipeline.lang.registry import LanguageRules
from schemas.models import Language

RULES = LanguageRules(language=Language.EN, amounts=extract_amounts, dates=extract_dates, quantities=extract_quantities)
