"""Korean rules: money amounts, dates and quantities (data in ``pipeline/data/ko/``)."""

from pipeline.languages import LanguageRules
from pipeline.rules.ko.amounts import extract_amounts
from pipeline.rules.ko.dates import extract_dates
from pipeline.rules.ko.quantities import extract_quantities
from schemas.models import Language

RULES = LanguageRules(
    language=Language.KO,
    amounts=extract_amounts,
    dates=extract_dates,
    quantities=extract_quantities,
)

__all__ = ["RULES", "extract_amounts", "extract_dates", "extract_quantities"]
