"""Plain-text descriptions of normalized values, shared by tooltips, tables and tests.

Kept free of HTML: the renderer escapes whatever these return.

>>> human_duration("P5Y"), human_duration("P1Y6M"), human_duration(None)
('5 years', '1 year 6 months', '')
"""

from __future__ import annotations

import re
from decimal import Decimal

from schemas.models import ActorMention, Amount, DateMention, Qualifier, Quantity, Term

_DURATION = re.compile(r"(\d+)([YMWD])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
QUALIFIER_LABEL = {
    Qualifier.EXACT: "exact",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_MOST: "at most",
    Qualifier.LESS_THAN: "less than",
    Qualifier.APPROX: "about",
}


def human_duration(iso: str | None) -> str:
    """``P5Y`` -> ``5 years``: the ISO value stays beside it, this is for reading."""
    if not iso:
        return ""
    parts = [(int(n), _UNITS[u]) for n, u in _DURATION.findall(iso)]
    return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts)


def number(value: Decimal) -> str:
    """``2500000000`` -> ``2,500,000,000`` (decimals kept as written)."""
    return f"{value:,f}"


def date_range(record: DateMention) -> str:
    start, end = record.date_start.isoformat(), record.date_end.isoformat()
    return start if start == end else f"{start}..{end}"


def amount_lines(a: Amount) -> list[str]:
    value = f"{number(a.value)} {a.currency}" + (f" – {number(a.value_max)}" if a.value_max is not None else "")
    lines = [f"{a.display} ({QUALIFIER_LABEL[a.qualifier]})", f"value: {value}"]
    lines.append(f"parties: {', '.join(a.parties) if a.parties else '—'}")
    if a.period:
        lines.append(f"period: {a.period} (over {human_duration(a.period)})")
    if a.per:
        lines.append(f"per: {a.per} (every {human_duration(a.per)})")
    return lines


def date_lines(d: DateMention) -> list[str]:
    lines = [f"{date_range(d)} {d.relation.value}", f"grain: {d.grain.value}"]
    if d.relative:
        lines.append("relative to the document date")
    return lines


def actor_line(a: ActorMention) -> str:
    names = " / ".join(n for n in (a.name_en, a.name_ko) if n)
    return f"{a.actor_id or '(unlisted)'} · {names or a.text} · {a.actor_type.value}"


def quantity_lines(q: Quantity) -> list[str]:
    upper = f" – {number(q.value_max)}" if q.value_max is not None else ""
    lines = [f"{number(q.value)}{upper} {q.unit} ({q.kind.value})"]
    if q.iso:
        lines.append(f"iso: {q.iso} ({human_duration(q.iso)})")
    return lines


def term_lines(t: Term) -> list[str]:
    fields = (("ko", t.term_ko), ("en", t.term_en), ("acronym", t.acronym))
    return [f"{label}: {value}" for label, value in fields if value]
