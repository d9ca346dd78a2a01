"""Unit tests of the review pages: escaping, each span exactly once, pledges rows, side by side."""

from __future__ import annotations

import re
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.align import align_documents
from pipeline.check import check_dir
from pipeline.report import build_report
from pipeline.report.render import document_page, index_page, page_name, span_groups
from pipeline.write import atomic_write_bytes, document_files, document_json, load_document
from schemas.models import (
    ActorMention,
    ActorType,
    Amount,
    Bullet,
    DateMention,
    Document,
    Grain,
    Language,
    Qualifier,
    Quantity,
    QuantityKind,
    Relation,
    Section,
    Term,
)
from tests.report import Element, parse, span_keys, span_problems

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = {doc.doc_id: doc for doc in map(load_document, document_files(DATA))}
KO = next(d for d in SAMPLE.values() if d.language == Language.KO and d.alignments)
EN = SAMPLE[KO.alignments[0].en_doc_id]

HOSTILE = '"><img src=x onerror=alert(1)>'


def tiny_doc() -> Document:
    """A hand-built Korean document full of markup, with a term that crosses an amount."""
    title = 'Fact <script>alert("title")</script> & sheet'
    bullet = "한미 양국은 <script>alert(1)</script> 250억불 이상을 2024년까지 지원하고 1.5도 목표를 지킨다."
    text = f"{title}\n\nHeading <b>bold</b>\n\n  • {bullet}\n"
    b_start = text.index(bullet)
    h_start = text.index("Heading")

    def at(fragment: str) -> tuple[int, int, str]:
        start = text.index(fragment)
        return start, start + len(fragment), fragment

    span = {"mention_id": "t:x1", "doc_id": "t", "section_id": "t:s1", "bullet_id": "t:b1", "rule": "test"}
    hanmi = at("한미")
    amount = at("250억불 이상")
    term = (text.index("<script>alert(1)"), amount[0] + 3, text[text.index("<script>alert(1)") : amount[0] + 3])
    return Document(
        doc_id="t",
        source="t.txt",
        sha256="0" * 64,
        language=Language.KO,
        title=title,
        date=None,
        text=text,
        sections=[
            Section(section_id="t:s0", index=0, title=None, start=0, end=h_start - 2),
            Section(section_id="t:s1", index=1, title="Heading <b>bold</b>", start=h_start, end=len(text)),
        ],
        bullets=[
            Bullet(
                bullet_id="t:b1",
                section_id="t:s1",
                index=1,
                index_in_section=1,
                marker="•",
                text=bullet,
                start=b_start,
                end=b_start + len(bullet),
                parties=["KOR", "USA"],
            )
        ],
        actors=[
            ActorMention(
                **span, text=hanmi[2], start=hanmi[0], end=hanmi[1], actor_id="KOR", name_en=HOSTILE, actor_type=ActorType.COUNTRY
            ),
            ActorMention(
                **span,
                text=hanmi[2],
                start=hanmi[0],
                end=hanmi[1],
                actor_id="USA",
                name_en="United States",
                actor_type=ActorType.COUNTRY,
            ),
        ],
        amounts=[
            Amount(
                **span,
                text=amount[2],
                start=amount[0],
                end=amount[1],
                value=Decimal("25000000000"),
                currency="USD",
                qualifier=Qualifier.AT_LEAST,
                display="$25B",
                parties=["KOR", "USA"],
            )
        ],
        dates=[
            DateMention(
                **span,
                text="2024년",
                start=at("2024년")[0],
                end=at("2024년")[1],
                date_start="2024-01-01",
                date_end="2024-12-31",
                grain=Grain.YEAR,
                relation=Relation.BY,
            )
        ],
        quantities=[
            Quantity(
                **span,
                text="1.5도",
                start=at("1.5도")[0],
                end=at("1.5도")[1],
                value=Decimal("1.5"),
                unit="celsius",
                kind=QuantityKind.MEASURE,
            )
        ],
        terms=[Term(**span, text=term[2], start=term[0], end=term[1], term_ko="x", term_en="</mark><script>alert(2)</script>")],
    )


def page_of(doc: Document, docs: dict[str, Document] | None = None) -> tuple[str, Element]:
    html = document_page(doc, docs if docs is not None else {doc.doc_id: doc})
    return html, parse(html)


# --- escaping -------------------------------------------------------------------------------


def test_document_markup_renders_as_text() -> None:
    doc = tiny_doc()
    html, root = page_of(doc)
    scripts = root.find_all("script")
    assert len(scripts) == 1, "only the report's own inline script"
    assert scripts[0].text.strip() == files("pipeline.report").joinpath("script.js").read_text(encoding="utf-8").strip()
    assert not root.find_all("img") and not root.find_all("b")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert root.find_all("title")[0].text == doc.title
    assert root.by_id("text").text == doc.text, "the text view shows Document.text, character for character"
    tips = [e.attrs["data-tip"] for e in root.find_all(attr="data-tip")]
    assert any(HOSTILE in tip for tip in tips) and any("</mark><script>alert(2)</script>" in tip for tip in tips)


def test_page_is_self_contained() -> None:
    html, root = page_of(KO, SAMPLE)
    assert not root.find_all("link") and not root.find_all(attr="src")
    assert not re.search(r"https?://|@import|url\(", html)
    hrefs = [e.attrs["href"] for e in root.find_all(attr="href")]
    assert hrefs and all(not re.match(r"^[a-z]+:", h) for h in hrefs), "only relative links"


# --- every span exactly once ----------------------------------------------------------------


@pytest.mark.parametrize("doc_id", sorted(SAMPLE))
def test_every_span_present_exactly_once(doc_id: str) -> None:
    doc = SAMPLE[doc_id]
    _, root = page_of(doc, SAMPLE)
    assert span_problems(doc, root) == []
    text_view = root.by_id("text")
    assert text_view.text == doc.text
    assert len(text_view.find_all(attr="data-span")) == len(root.find_all(attr="data-span")) == len(span_groups(doc))
    actor_ids = [i for e in root.find_all(attr="data-ids") for i in e.attrs["data-ids"].split()]
    assert len(actor_ids) == len(doc.actors), "every actor record listed once, compounds in one element"


def test_compound_actor_is_one_element_listing_both_ids() -> None:
    doc = tiny_doc()
    _, root = page_of(doc)
    start = doc.text.index("한미")
    (element,) = [e for e in root.find_all(attr="data-span") if e.attrs["data-span"] == f"actor:{start}:{start + 2}"]
    assert element.attrs["data-ids"] == "KOR USA" and element.text == "한미"


def test_crossing_spans_are_split_but_keyed_once() -> None:
    doc = tiny_doc()
    _, root = page_of(doc)
    assert span_problems(doc, root) == []
    assert len(root.find_all(attr="data-span")) == len(span_keys(doc)) == 5
    (cont,) = root.find_all(attr="data-span-cont")
    assert cont.attrs["data-span-cont"].startswith("amount:"), "the amount crosses the end of the term: its tail is a fragment"


# --- pledges table --------------------------------------------------------------------------


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if c.tag == "td"]


@pytest.mark.parametrize("doc_id", sorted({KO.doc_id, EN.doc_id}))
def test_pledges_table_has_one_row_per_amount(doc_id: str) -> None:
    doc = SAMPLE[doc_id]
    other = SAMPLE[EN.doc_id] if doc.doc_id == KO.doc_id else SAMPLE[KO.doc_id]
    _, root = page_of(doc, SAMPLE)
    (table,) = root.find_all("table", cls="pledges")
    rows = table.find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(doc.amounts) > 0
    bullets = {b.bullet_id: b for b in doc.bullets}
    other_bullets = {b.bullet_id: b for b in other.bullets}
    for row, amount in zip(rows, doc.amounts, strict=True):
        cells = _cells(row)
        assert cells[1].text == amount.display
        assert cells[2].attrs["data-sort"] == str(amount.value)
        assert cells[4].text == "".join(amount.parties)
        assert (amount.period or "—") in cells[5].text
        bullet = bullets[amount.bullet_id or ""]
        assert cells[8].text == f"b{bullet.index} {bullet.text}" and cells[8].attrs["lang"] == doc.language
        dates = [d.text for d in doc.dates if bullet.start <= d.start and d.end <= bullet.end]
        assert all(d in cells[6].text for d in dates)
        if bullet.aligned_id:
            aligned = other_bullets[bullet.aligned_id]
            assert cells[9].text == f"b{aligned.index} {aligned.text}" and cells[9].attrs["lang"] == other.language


def test_pledges_row_shows_period_and_qualifier() -> None:
    _, root = page_of(KO, SAMPLE)
    rows = root.find_all("table", cls="pledges")[0].find_all("tbody")[0].find_all("tr")
    by_display = {_cells(r)[1].text: _cells(r) for r in rows}
    assert "at least" in by_display["$25B"][3].text
    assert "P5Y" in by_display["$200M"][5].text and "5 years" in by_display["$200M"][5].text


# --- side by side ---------------------------------------------------------------------------


def _write(folder: Path, *docs: Document) -> Path:
    for doc in docs:
        atomic_write_bytes(folder / f"{doc.doc_id}.json", document_json(doc))
    return folder


def test_side_by_side_marks_a_disagreement_in_red(tmp_path: Path) -> None:
    """Change one English amount, realign: the pair disagrees in check_dir and turns red in the page."""
    target = next(a for a in EN.amounts if a.bullet_id)
    changed = target.model_copy(update={"value": target.value * 3})
    en = EN.model_copy(update={"amounts": [changed if a is target else a for a in EN.amounts]})
    ko = KO.model_copy(update={"alignments": align_documents(KO, en)})
    bad_rows = [r for r in ko.alignments if r.amounts_agree is False]
    assert [r.en_bullet_id for r in bad_rows] == [target.bullet_id]

    pages = build_report(_write(tmp_path, ko, en))
    findings = [f for f in check_dir(tmp_path) if f.kind != "unpaired"]
    assert len(findings) == 1 and findings[0].kind == "amounts"

    root = parse(pages[f"{ko.doc_id}.html"].decode("utf-8"))
    compare = root.by_id("compare")
    red = compare.find_all("tr", cls="disagree")
    assert len(red) == 1
    ko_bullet = next(b for b in ko.bullets if b.bullet_id == bad_rows[0].ko_bullet_id)
    en_bullet = next(b for b in en.bullets if b.bullet_id == target.bullet_id)
    assert red[0].attrs["data-ko"] == ko_bullet.bullet_id and red[0].attrs["data-en"] == en_bullet.bullet_id
    assert "✗ differ" in red[0].text and f"{changed.value:,f} {changed.currency}" in red[0].text, "both normalized values shown"
    mismatched = [m.text for m in red[0].find_all("mark", cls="mismatch")]
    originals = [a.text for a in ko.amounts if a.bullet_id == ko_bullet.bullet_id and a.value == target.value]
    assert mismatched == [*originals, target.text], "the Korean amount and the changed English amount, nothing else"
    assert "1 disagreement" in compare.text
    assert root.by_id(f"b{ko_bullet.index}").attrs["class"] == "bullet flagged"

    unpaired_rows = [r for r in ko.alignments if r.ko_bullet_id is None or r.en_bullet_id is None]
    marked = compare.find_all("tr", cls="unpaired")
    assert len(marked) == len(unpaired_rows) > 0
    assert all("— no counterpart —" in r.text for r in marked)

    index = parse(pages["index.html"].decode("utf-8"))
    assert [f.text for f in index.find_all("pre", cls="finding")] == [findings[0].message]


def test_agreeing_sample_has_no_red_row() -> None:
    _, root = page_of(KO, SAMPLE)
    compare = root.by_id("compare")
    assert not compare.find_all("tr", cls="disagree") and not compare.find_all("mark", cls="mismatch")
    assert len(compare.find_all("tbody")[0].find_all("tr")) >= len({r.ko_bullet_id for r in KO.alignments if r.ko_bullet_id})


def test_english_page_shows_the_same_pairs() -> None:
    _, root = page_of(EN, SAMPLE)
    rows = root.by_id("compare").find_all("tbody")[0].find_all("tr")
    _, ko_root = page_of(KO, SAMPLE)
    assert [r.attrs["data-en"] for r in rows] == [
        r.attrs["data-en"] for r in ko_root.by_id("compare").find_all("tbody")[0].find_all("tr")
    ]


# --- index, determinism, language, command --------------------------------------------------


def test_index_lists_documents_with_counts() -> None:
    pages = build_report(DATA)
    assert sorted(pages) == sorted([f"{d}.html" for d in SAMPLE] + ["index.html"])
    root = parse(pages["index.html"].decode("utf-8"))
    rows = root.find_all("table", cls="index")[0].find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(SAMPLE)
    for row, doc in zip(rows, sorted(SAMPLE.values(), key=lambda d: d.doc_id), strict=True):
        cells = _cells(row)
        assert cells[0].find_all("a")[0].attrs["href"] == f"{doc.doc_id}.html"
        assert [c.text.split()[0] for c in cells[4:8]] == [
            str(len(doc.bullets)),
            str(len(doc.amounts)),
            str(len(doc.dates)),
            str(len(doc.actors)),
        ]


def test_output_is_deterministic_utf8_with_lang() -> None:
    first, second = build_report(DATA), build_report(DATA)
    assert first == second
    for doc in SAMPLE.values():
        page = first[f"{doc.doc_id}.html"].decode("utf-8")
        assert page.startswith(f'<!DOCTYPE html>\n<html lang="{doc.language}">') and '<meta charset="utf-8">' in page
        assert parse(page).by_id("text").attrs["lang"] == doc.language


def test_report_command_writes_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(DATA), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([f"{d}.html" for d in SAMPLE] + ["index.html"])
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nope"), "--out", str(tmp_path / "out2")])
    assert missing.exit_code == 1 and not (tmp_path / "out2").exists()


def test_empty_document_named_index_does_not_clobber_the_index() -> None:
    doc = Document(
        doc_id="index",
        source="index.txt",
        sha256="0" * 64,
        language=Language.EN,
        title=None,
        date=None,
        text="",
        sections=[],
        bullets=[],
    )
    _, root = page_of(doc)
    assert root.by_id("text").text == "" and root.find_all("table", cls="pledges")
    index = parse(index_page({doc.doc_id: doc}, []))
    assert [a.attrs["href"] for a in index.find_all("table", cls="index")[0].find_all("a")] == [page_name("index")]
    assert page_name("index").casefold() != "index.html"


def test_page_names_stay_distinct_on_case_insensitive_file_systems(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = ["index", "Index", "index-document", "Report", "report", "REPORT~x"]
    for doc_id in ids:
        doc = Document(
            doc_id=doc_id, source=f"{doc_id}.txt", sha256="0" * 64, language=Language.EN,
            title=doc_id, date=None, text="", sections=[], bullets=[],
        )  # fmt: skip
        atomic_write_bytes(data / f"{doc_id}.json", document_json(doc))
    pages = build_report(data)
    assert len({name.casefold() for name in pages}) == len(ids) + 1
    index = parse(pages["index.html"].decode("utf-8"))
    links = [a.attrs["href"] for a in index.find_all("table", cls="index")[0].find_all("a")]
    assert len(set(links)) == len(ids) and all(href in pages for href in links)
