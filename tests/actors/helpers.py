"""Hand-built documents for party tests: a title, a lead-in paragraph and bullets."""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.context import DocContext, Structure, context_for_text
from schemas.models import Bullet, Language, Paragraph, Section

Item = str | tuple[str, list[str]]


class NoFields(BaseModel):
    """Placeholder ``fields`` for test mentions whose value nobody reads (amounts given as bare spans)."""


def bulleted(title: str, lead_in: str, items: list[Item], language: Language) -> DocContext:
    """``title``, a blank line, ``lead_in`` and one ``  • item`` line per bullet (sub-items
    ``    - sub``); offsets of every paragraph and bullet computed from the built text."""
    sid = "t:s0"
    text = f"{title}\n\n{lead_in}\n\n"
    lead_start = len(title) + 2
    paragraphs = [Paragraph(section_id=sid, text=lead_in, start=lead_start, end=lead_start + len(lead_in), is_lead_in=True)]
    bullets: list[Bullet] = []

    def add(body: str, marker: str, parent: str | None, depth: int) -> str:
        nonlocal text
        indent = "  " * (depth + 1)
        text += f"{indent}{marker} "
        start = len(text)
        text += body + "\n"
        bid = f"t:b{len(bullets) + 1}"
        bullets.append(
            Bullet(
                bullet_id=bid,
                section_id=sid,
                index=len(bullets) + 1,
                index_in_section=len(bullets) + 1,
                parent_id=parent,
                marker=marker,
                depth=depth,
                lead_in=lead_in,
                text=body,
                start=start,
                end=start + len(body),
            )
        )
        return bid

    for item in items:
        if isinstance(item, tuple):
            parent = add(item[0], "•", None, 0)
            for sub in item[1]:
                add(sub, "-", parent, 1)
        else:
            add(item, "•", None, 0)
    section = Section(section_id=sid, index=0, title=None, start=0, end=len(text))
    structure = Structure(title=title, date=None, sections=[section], paragraphs=paragraphs, bullets=bullets)
    return context_for_text(text, language=language, structure=structure, doc_id="t")
