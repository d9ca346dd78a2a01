"""English rules: the same extractors and actor hooks as every language (see ``pipeline.lang.registry``)."""

from __future__ import annotations

from pipeline.actors.language import ActorRules
from pipeline.lang.en import actors, parties, unlisted
from pipeline.lang.en.amounts import extract_amounts
from pipeline.lang.en.dates import extract_dates
from pipeline.lang.en.quantities import extract_quantities
from pipeline.lang.en.terms import extract_terms
from pipeline.lang.registry import LanguageRules
from schemas.models import Language

RULES = LanguageRules(
    language=Language.EN,
    amounts=extract_amounts,
    dates=extract_dates,
    quantities=extract_quantities,
    terms=extract_terms,
    actors=ActorRules(
        owns_name=actors.owns_name,
        prefix_before=actors.prefix_before,
        named_groups=actors.plural_groups,
        quotes=(Language.KO,),
        both_countries=actors.both_countries,
        unlisted=unlisted.unlisted_groups,
        sentences=parties.sentences,
        subjects=parties.subjects,
        clause_carries=parties.clause_carries,
    ),
)
