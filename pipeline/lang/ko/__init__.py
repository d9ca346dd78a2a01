"""Korean rules: money amounts, dates, quantities, term pairs and actors (data in ``data/``)."""

from pipeline.actors.language import ActorRules
from pipeline.lang.ko import actors, parties, unlisted
from pipeline.lang.ko.amounts import extract_amounts
from pipeline.lang.ko.dates import extract_dates
from pipeline.lang.ko.quantities import extract_quantities
from pipeline.lang.ko.terms import extract_terms
from pipeline.lang.registry import LanguageRules
from schemas.models import Language

RULES = LanguageRules(
    language=Language.KO,
    amounts=extract_amounts,
    dates=extract_dates,
    quantities=extract_quantities,
    terms=extract_terms,
    actors=ActorRules(
        owns_name=actors.owns_name,
        prefix_before=actors.prefix_before,
        rejects_name=actors.rejects_name,
        named_groups=actors.compound_groups,
        quotes=(Language.EN,),
        both_countries=actors.both_countries,
        unlisted=unlisted.unlisted_groups,
        sentences=parties.sentences,
        subjects=parties.subjects,
    ),
)

__all__ = ["RULES", "extract_amounts", "extract_dates", "extract_quantities"]
