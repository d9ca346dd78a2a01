"""Deprecated name of :mod:`pipeline.context` (the core context types), kept for one release so
rule modules can move over; import from ``pipeline.context``."""

from pipeline.context import DocContext, Extractor, Mention, Structure, context_for_text

__all__ = ["DocContext", "Extractor", "Mention", "Structure", "context_for_text"]
