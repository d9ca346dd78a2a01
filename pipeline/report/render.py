"""Render the review pages: one self-contained HTML page per document plus an index.

Everything taken from a document goes through ``html.escape`` (text nodes and attribute
values alike); the only markup is written here and in ``page.html``, and the inline CSS and
JS are static files of this package. Output depends only on the documents (sorted, no
timestamps, no paths), so the same folder renders to the same bytes.

Span elements in the document text: every span record (actor, amount, date, quantity, term)
belongs to exactly one *span group* ``kind:start:end``; each group is one element carrying
``data-span="kind:start:end"`` (its first fragment, when it crosses another span, see
``nest.py``). Records sharing a group are listed in it: ``한미`` -> one ``actor`` element with
``data-ids="KOR USA"``.
"""

from __future__ import annotations

import hashlib
import html
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from string import Template
from urllib.parse import quote

from pipeline.align import amount_key
from pipeline.check import Finding
from pipeline.report.commitments import commitments_table
from pipeline.report.describe import (
    QUALIFIER_LABEL,
    actor_line,
    amount_lines,
    date_lines,
    date_range,
    human_duration,
    number,
    quantity_lines,
    term_lines,
)
from pipeline.report.nest import Interval, nest, tag
from pipeline.report.tables import tables_index, tables_section
from schemas.models import (
    SPAN_KINDS,
    ActorMention,
    Alignment,
    Amount,
    Bullet,
    DateMention,
    Document,
    Language,
    Quantity,
    Span,
    Term,
)

_BY_NESTING = sorted(SPAN_KINDS, key=lambda kind: kind.nesting)
KINDS = tuple(kind.label for kind in _BY_NESTING)
"""Span kinds by label, outermost first when two spans have the same extent (a term holds actors)."""
KIND_LIST = {kind.label: kind.name for kind in _BY_NESTING}
"""The same equivalence as the alignment check: ``250억불 이상`` ~ ``more than $25 billion``."""
_LANGUAGE_NAME: dict[str, str] = {Language.KO: "Korean", Language.EN: "English"}


def language_name(code: str) -> str:
    return _LANGUAGE_NAME.get(code, code)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _asset(name: str) -> str:
    return (files("pipeline.report") / name).read_text(encoding="utf-8")


def page(title: str, lang: str, body: str) -> str:
    """The shell: ``page.html`` with the stylesheet and script inlined."""
    return Template(_asset("page.html")).substitute(
        title=esc(title), lang=esc(lang), style=_asset("style.css"), script=_asset("script.js"), body=body
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def page_name(doc_id: str) -> str:
    """File name of a document's page; hrefs quote it. Distinct doc ids get names that differ
    also on case-insensitive (and normalizing) file systems: an id that is its own NFC case
    fold and has no ``~`` keeps its name, any other id (``Index``, ``index``, whose plain name
    is the index page's) gets ``~`` and 16 hex digits of its SHA-256.

    >>> page_name("factsheet_ko"), page_name("Index")
    ('factsheet_ko.html', 'Index~39c3be1198a2fddf.html')
    """
    folded = unicodedata.normalize("NFC", doc_id).casefold()
    if folded == doc_id and "~" not in doc_id and folded != "index":
        return f"{doc_id}.html"
    return f"{doc_id}~{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:16]}.html"


def href(doc_id: str, fragment: str = "") -> str:
    return quote(page_name(doc_id)) + (f"#{fragment}" if fragment else "")


# --- span groups ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpanGroup:
    """All span records of one kind on one extent: one element in the page."""

    kind: str
    start: int
    end: int
    records: tuple[Span, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.start}:{self.end}"

    @property
    def anchor(self) -> str:
        return f"m-{self.kind}-{self.start}-{self.end}"


def span_groups(doc: Document) -> list[SpanGroup]:
    """Every span record of ``doc`` grouped by ``(kind, start, end)``, in text order."""
    grouped: defaultdict[tuple[str, int, int], list[Span]] = defaultdict(list)
    for kind in KINDS:
        for record in getattr(doc, KIND_LIST[kind]):
            grouped[(kind, record.start, record.end)].append(record)
    groups = [SpanGroup(kind, start, end, tuple(records)) for (kind, start, end), records in grouped.items()]
    return sorted(groups, key=lambda g: (g.start, -g.end, KINDS.index(g.kind)))


def source_location(record: Span) -> str | None:
    """Where a span is in the original file, as a reviewer looks for it: ``p. 3`` (a PDF page)
    or ``paragraph 12`` (HWPX/HWP/HTML, counted from 1); None when the format has neither."""
    if record.page is not None:
        return f"p. {record.page}"
    if record.paragraph is not None:
        return f"paragraph {record.paragraph + 1}"
    return None


def _tip(group: SpanGroup) -> str:
    """Tooltip text of a group: a header line (with where it is in the original file), then
    the normalized values of each record."""
    where = source_location(group.records[0])
    lines = [f"{group.kind} «{group.records[0].text}»" + (f" · {where}" if where else "")]
    for record in group.records:
        if isinstance(record, Amount):
            lines += amount_lines(record)
        elif isinstance(record, DateMention):
            lines += date_lines(record)
        elif isinstance(record, ActorMention):
            lines.append(actor_line(record))
        elif isinstance(record, Quantity):
            lines += quantity_lines(record)
        elif isinstance(record, Term):
            lines += term_lines(record)
    rules = sorted({r.rule for r in group.records})
    lines.append(f"rule: {', '.join(rules)}")
    return "\n".join(lines)


def _group_interval(group: SpanGroup) -> Interval:
    attrs: dict[str, str | None] = {"class": f"k k-{group.kind}", "data-kind": group.kind}
    if group.kind == "actor":
        ids = [r.actor_id or "?" for r in group.records if isinstance(r, ActorMention)]
        attrs["data-ids"] = " ".join(ids)
        attrs["data-n"] = str(len(ids))
    attrs["data-tip"] = _tip(group)
    first = tag("mark", {"id": group.anchor, "data-span": group.key, **attrs})
    cont = tag("mark", {"data-span-cont": group.key, **attrs})
    return Interval(group.start, group.end, 10 + KINDS.index(group.kind), first, cont, "</mark>")


# --- the document text ----------------------------------------------------------------------


def _structure_intervals(doc: Document, flagged: set[str]) -> list[Interval]:
    """Sections, headings and bullets as elements around the text, so the outline can link to them."""
    out: list[Interval] = []
    if doc.title and doc.text.startswith(doc.title):
        out.append(Interval(0, len(doc.title), 2, '<span class="doc-title">', '<span class="doc-title">', "</span>"))
    for s in doc.sections:
        out.append(
            Interval(s.start, s.end, 0, tag("span", {"class": "sec", "id": f"s{s.index}"}), '<span class="sec">', "</span>")
        )
        if s.title and doc.text[s.start : s.start + len(s.title)] == s.title:
            heading = '<span class="heading">'
            out.append(Interval(s.start, s.start + len(s.title), 2, heading, heading, "</span>"))
    for b in doc.bullets:
        attrs: dict[str, str | None] = {
            "class": "bullet" + (" flagged" if b.bullet_id in flagged else ""),
            "data-parties": " · ".join(b.parties) if b.parties else "no party",
        }
        out.append(
            Interval(
                b.start,
                b.end,
                1 + b.depth,
                tag("span", {"id": f"b{b.index}", "data-bullet": b.bullet_id, **attrs}),
                tag("span", attrs),
                "</span>",
            )
        )
    return out


def document_text(doc: Document, flagged: set[str]) -> str:
    """The whole ``Document.text``, escaped, with structure and every span group as elements."""
    intervals = _structure_intervals(doc, flagged) + [_group_interval(g) for g in span_groups(doc)]
    return nest(doc.text, intervals)


# --- lookups across documents ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    """A Korean document, the id of its English version (which may be missing) and their links."""

    ko: Document
    en_id: str
    en: Document | None
    rows: tuple[Alignment, ...]


def find_pair(doc: Document, docs: Mapping[str, Document]) -> Pair | None:
    """The aligned pair ``doc`` belongs to: its own alignments, or a Korean document pointing at it."""
    if doc.alignments:
        en_id = doc.alignments[0].en_doc_id
        return Pair(doc, en_id, docs.get(en_id), tuple(doc.alignments))
    for other in sorted(docs.values(), key=lambda d: d.doc_id):
        if other.alignments and other.alignments[0].en_doc_id == doc.doc_id:
            return Pair(other, doc.doc_id, doc, tuple(other.alignments))
    return None


def _bullets(doc: Document | None) -> dict[str, Bullet]:
    return {b.bullet_id: b for b in doc.bullets} if doc else {}


def _inside(record: Span, bullet: Bullet) -> bool:
    return bullet.start <= record.start and record.end <= bullet.end


def _date_key(d: DateMention) -> tuple[str, str]:
    return d.date_start.isoformat(), d.date_end.isoformat()


def _parties(ids: Iterable[str], names: Mapping[str, str]) -> str:
    chips = [tag("span", {"class": "party", "title": names.get(i)}) + esc(i) + "</span>" for i in ids]
    return "".join(chips) or '<span class="none">—</span>'


def actor_names(docs: Iterable[Document]) -> dict[str, str]:
    """Actor id -> English (else Korean) name, from the mentions themselves."""
    names: dict[str, str] = {}
    for doc in docs:
        for a in doc.actors:
            if a.actor_id and a.actor_id not in names and (a.name_en or a.name_ko):
                names[a.actor_id] = a.name_en or a.name_ko or ""
    return names


# --- snippets: a bullet's text with its amounts and dates marked ----------------------------


def snippet(
    doc: Document, start: int, end: int, hits: Sequence[Span] = (), mismatched: frozenset[tuple[int, int]] = frozenset()
) -> str:
    """``doc.text[start:end]`` with its amounts and dates marked (``hits`` emphasised, mismatches red).

    These marks carry no ``data-span``: the document text is the one place where each span
    is an element with its key."""
    hit_keys = {(h.start, h.end) for h in hits}
    intervals: list[Interval] = []
    for kind, records in (("amount", doc.amounts), ("date", doc.dates)):
        for r in records:
            if start <= r.start and r.end <= end:
                classes = f"k k-{kind}" + (" hit" if (r.start, r.end) in hit_keys else "")
                classes += " mismatch" if (r.start, r.end) in mismatched else ""
                open_tag = tag("mark", {"class": classes, "title": _tip(SpanGroup(kind, r.start, r.end, (r,)))})
                intervals.append(Interval(r.start - start, r.end - start, KINDS.index(kind), open_tag, open_tag, "</mark>"))
    return nest(doc.text[start:end], intervals)


# --- page parts -----------------------------------------------------------------------------


def _counts(doc: Document) -> dict[str, int]:
    return {kind: len(getattr(doc, KIND_LIST[kind])) for kind in KINDS}


def _legend(doc: Document) -> str:
    groups = Counter(g.kind for g in span_groups(doc))
    counts = _counts(doc)
    items = []
    for kind in ("actor", "amount", "date", "quantity", "term"):
        extra = f" in {groups[kind]} spans" if groups[kind] != counts[kind] else ""
        items.append(
            f'<label class="toggle"><input type="checkbox" checked data-toggle="{kind}">'
            f'<span class="swatch k k-{kind}">{kind}</span>'
            f'<span class="count">{counts[kind]}{extra}</span></label>'
        )
    hint = '<span class="hint">hover a highlight for its normalized values</span>'
    return '<div class="legend" role="group" aria-label="Highlight kinds">' + "".join(items) + hint + "</div>"


def _header(doc: Document, pair: Pair | None, n_flags: int) -> str:
    facts = [
        ("doc id", doc.doc_id),
        ("language", language_name(doc.language)),
        ("date", doc.date.isoformat() if doc.date else "—"),
        ("source", doc.source),
        ("sha256", doc.sha256[:12]),
        ("encoding", doc.encoding),
    ]
    dl = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts)
    links = [
        '<a href="index.html">← all documents</a>',
        '<a href="#text">text</a>',
        f'<a href="#pledges">pledges ({len(doc.amounts)})</a>',
    ]
    if pair:
        label = f"side by side ({n_flags} disagreement{'s' if n_flags != 1 else ''})" if n_flags else "side by side"
        links.append(f'<a href="#compare" class="{"bad" if n_flags else ""}">{esc(label)}</a>')
        other_id = pair.en_id if doc.doc_id == pair.ko.doc_id else pair.ko.doc_id
        other = pair.en if doc.doc_id == pair.ko.doc_id else pair.ko
        if other is not None:
            links.append(f'<a href="{esc(href(other_id))}">{esc(language_name(other.language))} version →</a>')
    warnings = "".join(f'<li class="warning">{esc(w)}</li>' for w in doc.warnings)
    return (
        f'<header class="doc-head"><h1>{esc(doc.title or doc.doc_id)}</h1><dl class="facts">{dl}</dl>'
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "")
        + "</header>"
        + f'<nav class="bar"><div class="links">{" ".join(links)}</div>{_legend(doc)}</nav>'
    )


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _outline(doc: Document, flagged: set[str]) -> str:
    """Sections with their bullet counts; each bullet with its parties, linked into the text."""
    by_section: defaultdict[str, list[Bullet]] = defaultdict(list)
    for b in doc.bullets:
        by_section[b.section_id].append(b)
    parts = ['<nav class="outline" aria-label="Outline"><h2>Outline</h2><ol>']
    for s in doc.sections:
        bullets = by_section[s.section_id]
        if s.title is None and not bullets:
            continue
        top = sum(1 for b in bullets if b.parent_id is None)
        count = f"{len(bullets)} bullet{'s' if len(bullets) != 1 else ''}" + (f", {top} top-level" if top != len(bullets) else "")
        title = esc(s.title or "(before the first heading)")
        sub = f'<span class="title-en" lang="en">{esc(s.title_en)}</span>' if s.title_en else ""
        parts.append(f'<li><a href="#s{s.index}" class="sec-link">{title}</a>{sub}<span class="n">{count}</span>')
        if bullets:
            parts.append('<ol class="bullets">')
            for b in bullets:
                cls = "depth" + str(min(b.depth, 3)) + (" flagged" if b.bullet_id in flagged else "")
                parties = (
                    "".join(f'<span class="party">{esc(p)}</span>' for p in b.parties) or '<span class="none">no party</span>'
                )
                parts.append(
                    f'<li class="{cls}"><a href="#b{b.index}"><span class="bid">b{b.index}</span>{parties}'
                    f'<span class="gist" lang="{esc(doc.language)}">{esc(_short(b.text))}</span></a></li>'
                )
            parts.append("</ol>")
        parts.append("</li>")
    parts.append("</ol></nav>")
    return "".join(parts)


def _section_cell(doc: Document, section_id: str) -> str:
    s = next((s for s in doc.sections if s.section_id == section_id), None)
    if s is None:
        return ""
    title = esc(s.title or "(before the first heading)")
    sub = f'<br><span class="title-en" lang="en">{esc(s.title_en)}</span>' if s.title_en else ""
    return f'<a href="#s{s.index}">{title}</a>{sub}'


def _context(doc: Document, record: Span) -> tuple[int, int, Bullet | None]:
    """Where an amount sits: its bullet, else the prose paragraph around it, else the span alone."""
    bullet = _bullets(doc).get(record.bullet_id or "")
    if bullet is not None:
        return bullet.start, bullet.end, bullet
    para = next((p for p in doc.paragraphs if p.start <= record.start and record.end <= p.end), None)
    return (para.start, para.end, None) if para else (record.start, record.end, None)


def pledges_table(doc: Document, docs: Mapping[str, Document], names: Mapping[str, str]) -> str:
    """Every amount with its parties, value, qualifier, period, dates and bullet text (both languages)."""
    pair = find_pair(doc, docs)
    other: Document | None = None
    if pair is not None:
        other = pair.en if doc.doc_id == pair.ko.doc_id else pair.ko
    other_bullets = _bullets(other)
    this_lang = language_name(doc.language)
    other_lang = language_name(other.language) if other else ("English" if doc.language == Language.KO else "Korean")
    columns = [
        ("n", "#", "num"),
        ("amount", "Amount", "num"),
        ("value", "Value", "num"),
        ("qualifier", "Qualifier", "text"),
        ("parties", "Parties", "text"),
        ("period", "Period / per", "text"),
        ("dates", "Dates in the bullet", "text"),
        ("section", "Section", "text"),
        ("text", f"{this_lang} text", "text"),
        ("aligned", f"{other_lang} text (aligned)", "text"),
    ]
    head = "".join(
        f'<th scope="col" data-col="{c}" data-type="{t}"><button type="button">{esc(label)}</button></th>'
        for c, label, t in columns
    )
    rows = []
    for n, a in enumerate(doc.amounts, start=1):
        start, end, bullet = _context(doc, a)
        dates = [d for d in doc.dates if start <= d.start and d.end <= end]
        date_cell = "<br>".join(
            f'<span class="k k-date">{esc(d.text)}</span> {esc(date_range(d))} {esc(d.relation.value)}' for d in dates
        )
        period = [f"over {esc(a.period)} ({esc(human_duration(a.period))})"] if a.period else []
        period += [f"per {esc(a.per)} ({esc(human_duration(a.per))})"] if a.per else []
        where = f'<a class="bid" href="#b{bullet.index}">b{bullet.index}</a> ' if bullet else '<span class="bid">prose</span> '
        source = source_location(a)
        where += f'<span class="bid src">{esc(source)}</span> ' if source else ""
        aligned = other_bullets.get(bullet.aligned_id or "") if bullet else None
        if aligned is not None and other is not None:
            aligned_cell = (
                f'<td lang="{esc(other.language)}" class="txt">'
                f'<a class="bid" href="{esc(href(other.doc_id, f"b{aligned.index}"))}">'
                f"b{aligned.index}</a> {snippet(other, aligned.start, aligned.end)}</td>"
            )
        else:
            aligned_cell = '<td class="txt none">not aligned</td>'
        value = number(a.value) + (f" – {number(a.value_max)}" if a.value_max is not None else "")
        rows.append(
            "<tr>"
            f'<td data-sort="{n}">{n}</td>'
            f'<td data-sort="{a.value}"><a class="k k-amount" href="#{esc(SpanGroup("amount", a.start, a.end, (a,)).anchor)}">'
            f"{esc(a.display)}</a></td>"
            f'<td data-sort="{a.value}" class="num">{esc(value)} {esc(a.currency)}</td>'
            f'<td data-sort="{esc(a.qualifier.value)}">{esc(QUALIFIER_LABEL[a.qualifier])}</td>'
            f'<td data-sort="{esc(" ".join(a.parties))}">{_parties(a.parties, names)}</td>'
            f"<td>{'<br>'.join(period) or '<span class=none>—</span>'}</td>"
            f"<td>{date_cell or '<span class=none>—</span>'}</td>"
            f'<td data-sort="{esc(a.section_id)}">{_section_cell(doc, a.section_id)}</td>'
            f'<td lang="{esc(doc.language)}" class="txt">{where}{snippet(doc, start, end, hits=(a,))}</td>'
            f"{aligned_cell}"
            "</tr>"
        )
    body = "".join(rows) or f'<tr><td colspan="{len(columns)}" class="none">No amounts in this document.</td></tr>'
    return (
        '<section id="pledges" class="block"><h2>Pledges</h2>'
        '<p class="hint">Every money amount with who commits it. Click a column header to sort;'
        " click an amount to find it in the text.</p>"
        '<div class="scroll"><table class="sortable pledges">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></section>"
    )


@dataclass(slots=True)
class _Link:
    """Consecutive alignment rows sharing a bullet (a 2:1 or 1:2 link) shown as one row."""

    ko: list[str]
    en: list[str]
    rows: list[Alignment]


def _links(rows: Sequence[Alignment]) -> list[_Link]:
    links: list[_Link] = []
    for row in rows:
        last = links[-1] if links else None
        if last and ((row.ko_bullet_id and row.ko_bullet_id in last.ko) or (row.en_bullet_id and row.en_bullet_id in last.en)):
            last.rows.append(row)
        else:
            last = _Link([], [], [row])
            links.append(last)
        if row.ko_bullet_id and row.ko_bullet_id not in last.ko:
            last.ko.append(row.ko_bullet_id)
        if row.en_bullet_id and row.en_bullet_id not in last.en:
            last.en.append(row.en_bullet_id)
    return links


def disagreements(rows: Iterable[Alignment]) -> list[tuple[Alignment, str]]:
    """``(row, "amounts"|"dates")`` for every disagreement: exactly what ``check_dir`` reports."""
    return [
        (row, kind)
        for row in rows
        for kind, agree in (("amounts", row.amounts_agree), ("dates", row.dates_agree))
        if agree is False
    ]


def flagged_bullets(pair: Pair | None) -> set[str]:
    if pair is None:
        return set()
    return {b for row, _ in disagreements(pair.rows) for b in (row.ko_bullet_id, row.en_bullet_id) if b}


@dataclass(frozen=True, slots=True)
class _Values:
    """The amounts and dates inside a link's bullets, Korean side first."""

    amounts: tuple[list[Amount], list[Amount]]
    dates: tuple[list[DateMention], list[DateMention]]


def _values(pair: Pair, link: _Link) -> _Values:
    ko_b, en_b = _bullets(pair.ko), _bullets(pair.en)
    ko = [ko_b[i] for i in link.ko if i in ko_b]
    en = [en_b[i] for i in link.en if i in en_b]
    en_doc = pair.en
    return _Values(
        amounts=(
            [a for a in pair.ko.amounts if any(_inside(a, b) for b in ko)],
            [a for a in en_doc.amounts if any(_inside(a, b) for b in en)] if en_doc else [],
        ),
        dates=(
            [d for d in pair.ko.dates if any(_inside(d, b) for b in ko)],
            [d for d in en_doc.dates if any(_inside(d, b) for b in en)] if en_doc else [],
        ),
    )


def _mismatches(values: _Values) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """Offsets of the amounts/dates on the Korean and on the English side with no equal value on the other side."""
    out: list[frozenset[tuple[int, int]]] = []
    for side in (0, 1):
        other_amounts = {amount_key(a) for a in values.amounts[1 - side]}
        other_dates = {_date_key(x) for x in values.dates[1 - side]}
        missing = {(a.start, a.end) for a in values.amounts[side] if amount_key(a) not in other_amounts}
        missing |= {(x.start, x.end) for x in values.dates[side] if _date_key(x) not in other_dates}
        out.append(frozenset(missing))
    return out[0], out[1]


def _compared(kind: str, values: _Values) -> str:
    """The normalized values of both sides, shown under a "differ" verdict."""
    lines = []
    for label, side in (("ko", 0), ("en", 1)):
        if kind == "amounts":
            found = [f"{number(a.value)} {a.currency} {QUALIFIER_LABEL[a.qualifier]}" for a in values.amounts[side]]
        else:
            found = [f"{date_range(d)} {d.relation.value}" for d in values.dates[side]]
        lines.append(f"<div><b>{label}</b> {esc('; '.join(found) or '—')}</div>")
    return '<div class="vals">' + "".join(lines) + "</div>"


def _side(doc: Document | None, ids: list[str], here: str, mismatched: frozenset[tuple[int, int]]) -> str:
    if not ids:
        return '<td class="txt none">— no counterpart —</td>'
    if doc is None:
        return '<td class="txt none">document not found</td>'
    bullets = _bullets(doc)
    parts = []
    for bid in ids:
        b = bullets.get(bid)
        if b is None:
            parts.append(f'<p class="none">{esc(bid)} not found</p>')
            continue
        link = f"#b{b.index}" if doc.doc_id == here else href(doc.doc_id, f"b{b.index}")
        parties = "".join(f'<span class="party">{esc(p)}</span>' for p in b.parties)
        text = snippet(doc, b.start, b.end, mismatched=mismatched)
        parts.append(f'<p><a class="bid" href="{esc(link)}">b{b.index}</a>{parties} {text}</p>')
    return f'<td class="txt" lang="{esc(doc.language)}">{"".join(parts)}</td>'


def _verdict(values: Iterable[bool | None]) -> tuple[str, str]:
    seen = list(values)
    if False in seen:
        return "bad", "✗ differ"
    if True in seen:
        return "ok", "✓ agree"
    return "none", "—"


def compare_table(pair: Pair, here: str) -> str:
    """Korean and English bullets side by side; disagreements in red, unpaired bullets marked."""
    links = _links(pair.rows)
    flags = disagreements(pair.rows)
    n_ko = sum(1 for link in links if link.ko and not link.en)
    n_en = sum(1 for link in links if link.en and not link.ko)
    rows = []
    for n, link in enumerate(links, start=1):
        amounts_cls, amounts = _verdict(r.amounts_agree for r in link.rows)
        dates_cls, dates = _verdict(r.dates_agree for r in link.rows)
        bad = "bad" in (amounts_cls, dates_cls)
        unpaired = not (link.ko and link.en)
        values = _values(pair, link)
        ko_mismatch, en_mismatch = _mismatches(values) if bad else (frozenset(), frozenset())
        if amounts_cls == "bad":
            amounts += _compared("amounts", values)
        if dates_cls == "bad":
            dates += _compared("dates", values)
        classes = " ".join(c for c, on in (("disagree", bad), ("unpaired", unpaired)) if on)
        score = max(r.score for r in link.rows)
        rows.append(
            f'<tr id="pair{n}" class="{classes}" data-ko="{esc(" ".join(link.ko))}" data-en="{esc(" ".join(link.en))}">'
            f'<td data-sort="{n}">{n}</td>'
            f"{_side(pair.ko, link.ko, here, ko_mismatch)}"
            f"{_side(pair.en, link.en, here, en_mismatch)}"
            f'<td class="num" data-sort="{score}">{score:.2f}</td>'
            f'<td class="verdict {amounts_cls}">{amounts}</td><td class="verdict {dates_cls}">{dates}</td>'
            "</tr>"
        )
    summary = (
        f"{plural(len(links), 'link')} · {plural(len(flags), 'disagreement')} (amounts/dates, as <code>factsheet check</code>)"
        f" · {n_ko} Korean and {plural(n_en, 'English bullet')} without counterpart"
    )
    missing = f'<p class="warning">English document {esc(pair.en_id)} is not in this folder.</p>' if pair.en is None else ""
    return (
        '<section id="compare" class="block"><h2>Korean and English side by side</h2>'
        f'<p class="hint">{summary}. Red rows disagree; red marks are the amounts or dates with no equal value on the other side.'
        ' <label class="filter"><input type="checkbox" data-filter="compare"> only disagreements and unpaired bullets</label></p>'
        f"{missing}"
        '<div class="scroll"><table class="compare"><thead><tr>'
        + "".join(f'<th scope="col">{h}</th>' for h in ("#", "Korean", "English", "score", "amounts", "dates"))
        + "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def document_page(doc: Document, docs: Mapping[str, Document]) -> str:
    """The review page of one document."""
    names = actor_names(docs.values())
    pair = find_pair(doc, docs)
    flagged = flagged_bullets(pair)
    n_flags = len(disagreements(pair.rows)) if pair else 0
    body = (
        _header(doc, pair, n_flags)
        + '<div class="layout">'
        + _outline(doc, flagged)
        + f'<article id="text" class="doctext" lang="{esc(doc.language)}">{document_text(doc, flagged)}</article>'
        + "</div>"
        + pledges_table(doc, docs, names)
        + tables_section(doc)
        + commitments_table(doc, names)
        + (compare_table(pair, doc.doc_id) if pair else "")
        + '<div id="tip" class="tip" role="tooltip" hidden></div>'
    )
    return page(doc.title or doc.doc_id, doc.language, body)


def index_page(docs: Mapping[str, Document], findings: Sequence[Finding]) -> str:
    """Every document with its counts and a link, and what ``factsheet check`` found."""
    rows = []
    for doc in sorted(docs.values(), key=lambda d: d.doc_id):
        pair = find_pair(doc, docs)
        n_flags = len(disagreements(pair.rows)) if pair else 0
        other = ""
        if pair is not None:
            other_id = pair.en_id if doc.doc_id == pair.ko.doc_id else pair.ko.doc_id
            other = f'<a href="{esc(href(other_id))}">{esc(other_id)}</a>' if other_id in docs else f"{esc(other_id)} (missing)"
        actors = len({a.actor_id or a.text for a in doc.actors})
        rows.append(
            "<tr>"
            f'<td lang="{esc(doc.language)}"><a href="{esc(href(doc.doc_id))}">{esc(doc.title or doc.doc_id)}</a>'
            f'<br><span class="bid">{esc(doc.doc_id)}</span></td>'
            f"<td>{esc(doc.language)}</td><td>{esc(doc.date.isoformat() if doc.date else '—')}</td>"
            f'<td class="num">{len(doc.sections)}</td><td class="num">{len(doc.bullets)}</td>'
            f'<td class="num">{len(doc.amounts)}</td><td class="num">{len(doc.dates)}</td>'
            f'<td class="num">{len(doc.actors)} <span class="none">({actors} distinct)</span></td>'
            f'<td class="num">{len(doc.quantities)}</td><td class="num">{len(doc.terms)}</td>'
            f'<td class="num">{len(doc.tables)}</td>'
            f"<td>{other or '<span class=none>—</span>'}</td>"
            f'<td class="num {"bad" if n_flags else ""}">{n_flags if pair else "—"}</td>'
            "</tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in (
            "Document",
            "lang",
            "date",
            "sections",
            "bullets",
            "amounts",
            "dates",
            "actor mentions",
            "quantities",
            "terms",
            "tables",
            "aligned with",
            "disagreements",
        )
    )
    problems = [f for f in findings if f.kind != "unpaired"]
    notes = len(findings) - len(problems)
    check = (
        "".join(f'<pre class="finding">{esc(f.message)}</pre>' for f in problems)
        if problems
        else '<p class="ok">No disagreement between aligned versions.</p>'
    )
    body = (
        '<header class="doc-head"><h1>Fact sheet review</h1>'
        f'<p class="hint">{plural(len(docs), "document")}. Each page shows the text with every extracted span, '
        "the pledges table and, for aligned versions, the Korean and English bullets side by side.</p></header>"
        f'<section class="block"><div class="scroll"><table class="index"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows) or '<tr><td colspan=13 class=none>No documents.</td></tr>'}</tbody></table></div></section>"
        + tables_index(docs, {doc_id: href(doc_id) for doc_id in docs})
        + f'<section class="block"><h2>Cross-check (<code>factsheet check</code>)</h2>{check}'
        f'<p class="hint">{notes} bullet{"s" if notes != 1 else ""} without counterpart (notes, not failures).</p></section>'
    )
    return page("Fact sheet review", "en", body)
