"""Bilingual term pairs (``Term`` spans): each language registers its own rule
(``LanguageRules.terms``: Korean term + Latin gloss, English name + acronym); a language
without one has no term pairs. Shared here: what an acronym looks like.
"""

from __future__ import annotations

import re

from pipeline.context import DocContext, Mention
from pipeline.lang.registry import rules_for
from schemas.models import TermFields

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]*[A-Z0-9]$|^[A-Z]{2,}$")
"""An acronym: capitals and digits (``CEPI``, ``G7``, ``COVAX``), inner lower case allowed."""


def extract_terms(ctx: DocContext) -> list[Mention[TermFields]]:
    """The term pairs of a document, by its language's rule."""
    rule = rules_for(ctx.language).terms
    return rule(ctx) if rule is not None else []
