"""The language registry: a language code -> the rules that read that language.

A language is one folder ``pipeline/lang/<code>/`` whose ``__init__`` defines ``RULES``, a
``LanguageRules``; it is listed once in ``BUILTIN``. A language added at run time (a plug-in,
a test) calls ``register_language``. A document whose detected language has no rules is an
error that names the language, never English rules by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from pipeline.actors.language import NO_ACTOR_RULES, ActorRules
from pipeline.context import Extractor
from pipeline.readers.base import ReadError
from schemas.models import AmountFields, DateFields, QuantityFields, TermFields

BUILTIN: dict[str, str] = {"ko": "pipeline.lang.ko", "en": "pipeline.lang.en"}
"""Built-in languages: code -> the module holding its ``RULES``."""

_RUNTIME: dict[str, LanguageRules] = {}


class UnsupportedLanguage(ReadError):
    """The document is in a language no rules are registered for."""

    def __init__(self, code: str) -> None:
        known = ", ".join(registered_languages())
        super().__init__(f"language {code!r} has no extraction rules", f"supported languages: {known}")
        self.code = code


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Everything language-specific the pipeline calls: one value per registered language.

    ``terms`` and ``actors`` are optional: a language without them gets no term pairs and only
    gazetteer actor names (no subjects, parties from the title, unlisted organisations, ...).
    """

    language: str
    amounts: Extractor[AmountFields]
    dates: Extractor[DateFields]
    quantities: Extractor[QuantityFields]
    terms: Extractor[TermFields] | None = None
    actors: ActorRules = NO_ACTOR_RULES


def register_language(rules: LanguageRules) -> None:
    """Add (or replace) a language at run time."""
    _RUNTIME[rules.language] = rules


def unregister_language(code: str) -> None:
    """Remove a language added with ``register_language``."""
    _RUNTIME.pop(code, None)


def registered_languages() -> tuple[str, ...]:
    """Every language code with rules, sorted."""
    return tuple(sorted({*BUILTIN, *_RUNTIME}))


def rules_for(language: str) -> LanguageRules:
    """The rules of ``language``; ``UnsupportedLanguage`` when none are registered."""
    if language in _RUNTIME:
        return _RUNTIME[language]
    if language not in BUILTIN:
        raise UnsupportedLanguage(language)
    rules: LanguageRules = import_module(BUILTIN[language]).RULES
    return rules
