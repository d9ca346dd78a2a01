"""The commitments view of a document page: one row per commitment, its modality as a coloured
badge, every field linked to its highlighted span (amounts, dates and actors to their marks in
the document text; predicate and object marked inside the clause; the clause to its bullet)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.report.nest import Interval, nest, tag
from schemas.models import ActorMention, Commitment, Document, Span


def esc(value: object) -> str:
    from html import escape

    return escape(str(value), quote=True)


def _anchor(kind: str, record: Span) -> str:
    return f"#m-{kind}-{record.start}-{record.end}"


def _links(kind: str, records: Sequence[Span], label: Mapping[str, str]) -> str:
    parts = [f'<a class="k k-{kind}" href="{_anchor(kind, r)}">{esc(label.get(r.mention_id, r.text))}</a>' for r in records]
    return " ".join(parts) or '<span class="none">—</span>'


def _actor_links(doc: Document, row: Commitment, ids: Sequence[str], names: Mapping[str, str]) -> str:
    """Each actor id linked to its mention in the clause (else to its first mention anywhere)."""
    parts = []
    for actor_id in ids:
        mentions = [m for m in doc.actors if m.actor_id == actor_id]
        inside = [m for m in mentions if row.start <= m.start and m.end <= row.end]
        target: ActorMention | None = inside[0] if inside else (mentions[0] if mentions else None)
        title = esc(names.get(actor_id, actor_id))
        if target is None:
            parts.append(f'<span title="{title}">{esc(actor_id)}</span>')
        else:
            parts.append(f'<a class="k k-actor" href="{_anchor("actor", target)}" title="{title}">{esc(actor_id)}</a>')
    return " ".join(parts) or '<span class="none">—</span>'


def _clause(doc: Document, row: Commitment) -> str:
    """The clause with its predicate and object marked."""
    intervals = []
    for name, start, end in (("pred", row.predicate_start, row.predicate_end), ("obj", row.object_start, row.object_end)):
        if start is not None and end is not None:
            open_tag = tag("mark", {"class": f"c-{name}", "title": "predicate" if name == "pred" else "object"})
            intervals.append(
                Interval(start - row.start, end - row.start, 0 if name == "pred" else 1, open_tag, open_tag, "</mark>")
            )
    return nest(doc.text[row.start : row.end], intervals)


def _badge(modality: str) -> str:
    return f'<span class="badge m-{esc(modality)}">{esc(modality)}</span>'


COLUMNS = (
    ("n", "#", "num"),
    ("modality", "Modality", "text"),
    ("action", "Action", "text"),
    ("parties", "Parties", "text"),
    ("amounts", "Amounts", "text"),
    ("counterparts", "To / with", "text"),
    ("sectors", "Sectors", "text"),
    ("when", "By / over", "text"),
    ("clause", "Clause (predicate, object)", "text"),
    ("aligned", "Aligned", "text"),
)


def commitments_table(doc: Document, names: Mapping[str, str]) -> str:
    """The commitments section of a document page."""
    amounts = {a.mention_id: a for a in doc.amounts}
    dates = {d.mention_id: d for d in doc.dates}
    bullets = {b.bullet_id: b for b in doc.bullets}
    display = {a.mention_id: a.display for a in doc.amounts}
    head = "".join(
        f'<th scope="col" data-col="{c}" data-type="{t}"><button type="button">{esc(label)}</button></th>'
        for c, label, t in COLUMNS
    )
    rows = []
    for n, row in enumerate(doc.commitments, start=1):
        held = [amounts[i] for i in row.amount_ids if i in amounts]
        deadline = [dates[i] for i in row.date_ids if i in dates and dates[i].date_end == row.deadline][:1]
        when = []
        if row.deadline is not None:
            when.append(f"by {_links('date', deadline, {}) if deadline else ''} {esc(row.deadline.isoformat())}")
        if row.period:
            when.append(f"over {esc(row.period)}")
        bullet = bullets.get(row.bullet_id or "")
        where = f'<a class="bid" href="#b{bullet.index}">b{bullet.index}</a> ' if bullet else '<span class="bid">prose</span> '
        rows.append(
            f'<tr id="{esc(row.commitment_id.split(":")[-1])}">'
            f'<td data-sort="{n}">{n}</td>'
            f'<td data-sort="{esc(row.modality.value)}">{_badge(row.modality.value)}</td>'
            f"<td>{esc(row.action.value)}</td>"
            f"<td>{_actor_links(doc, row, row.parties, names)}</td>"
            f'<td data-sort="{held[0].value if held else 0}">{_links("amount", held, display)}</td>'
            f"<td>{_actor_links(doc, row, row.counterparts, names)}</td>"
            f"<td>{esc(' '.join(row.sectors)) or '<span class=none>—</span>'}</td>"
            f"<td>{'<br>'.join(when) or '<span class=none>—</span>'}</td>"
            f'<td lang="{esc(doc.language)}" class="txt">{where}{_clause(doc, row)}</td>'
            f"<td>{esc(row.aligned_id.split(':')[-1]) if row.aligned_id else '<span class=none>—</span>'}</td>"
            "</tr>"
        )
    body = "".join(rows) or f'<tr><td colspan="{len(COLUMNS)}" class="none">No commitments in this document.</td></tr>'
    return (
        '<section id="commitments" class="block"><h2>Commitments</h2>'
        '<p class="hint">One row per commitment: how firmly (badge), what, who, how much, to whom, in which'
        " sectors, by when. Click an amount or an actor to find it in the text; the predicate and the object"
        " are marked in the clause.</p>"
        '<div class="scroll"><table class="sortable commitments">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></section>"
    )
