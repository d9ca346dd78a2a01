"""English rules: the same three extractors as every language (see ``pipeline.languages``)."""

from __future__ import annotations

from pipeline.languages import LanguageRules
from pipeline.rules.en.amounts import extract_amounts
from pipeline.rules.en.dates import extract_dates
from pipeline.rules.en.quantities import extract_quantities
from schemas.models import Language

RULES = LanguageRules(language=Language.EN, amounts=extract_amounts, dates=extract_dates, quantities=extract_quantities)
