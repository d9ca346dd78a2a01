"""Korean rules: money amounts, dates and quantities (data in ``pipeline/lang/ko/data/``)."""

from pipeline.lang.ko.amounts import extract_amounts
from pipeline.lang.ko.dates import extract_dates
from pipeline.lang.ko.quantities import extract_quantities
from pipeline.lang.registry import LanguageRules
from schemas.models import Language

RULES = LanguageRules(
    language=Language.KO,
    amounts=extract_amounts,
    dates=extract_dates,
    quantities=extract_quantities,
)

__all__ = ["RULES", "extract_amounts", "extract_dates", "extract_quantities"]
