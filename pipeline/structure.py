"""Parse the layout of a fact sheet: title, date line, sections, paragraphs, lead-ins, bullets.

Structure comes from lines, not morphology (Kiwi's sentence splitter is not a bullet parser):

- the title is the first non-empty line; the date line is a short line near the top that is a
  date (``pipeline.docdate``);
- a heading is a short line without sentence-final punctuation standing alone between blank
  lines and followed by more text (or a line opened by a Roman numeral); text before the
  first heading is section 0;
- a bullet line opens with a marker from ``data/markers.yaml``; nesting follows indentation,
  then the marker hierarchy (``□`` > ``○`` > ``-``); an indented or unfinished line that
  follows a bullet continues it; inline enumerations (``▴a, ▴b``, ``1) … 2) …``) become
  sub-items of their bullet;
- a prose paragraph directly before a list is its lead-in when it ends with ``:``, holds a
  lead-in cue (``아래``, ``following``) or is one short line; its last sentence becomes the
  ``lead_in`` of every item of the list.

Offsets are code points into the normalized text; ``text[start:end]`` of every record is its
``text``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.context import Structure
from pipeline.docdate import find_date, parse_date_line
from pipeline.lexicon import load_yaml
from schemas.models import Bullet, Paragraph, Section

_TAB_WIDTH = 4


@dataclass(frozen=True, slots=True)
class _Markers:
    """Compiled layout vocabulary from ``data/markers.yaml``."""

    bullet: re.Pattern[str]
    rank: dict[str, int]
    inline_symbols: tuple[tuple[str, re.Pattern[str]], ...]
    inline_numbered: tuple[re.Pattern[str], ...]
    heading: re.Pattern[str]
    heading_numbered: frozenset[str]
    sentence_final: tuple[str, ...]
    heading_max_chars: int
    heading_max_words: int
    lead_in_cues: dict[str, tuple[str, ...]]
    lead_in_max_chars: int
    trailing_conjunctions: tuple[str, ...]


@cache
def _markers() -> _Markers:
    data = load_yaml("markers.yaml")
    symbols: list[str] = data["bullet_symbols"]
    needs_space = set(data["needs_space"])
    alternatives = [f"(?P<s{i}>{re.escape(s)})" + (r"(?=\s)" if s in needs_space else "") for i, s in enumerate(symbols)]
    alternatives += [f"(?P<{name}>{pattern})" for name, pattern in data["numbered"].items()]
    rank = {s: i for i, s in enumerate(symbols)}
    rank.update({name: len(symbols) + i for i, name in enumerate(data["numbered"])})
    return _Markers(
        bullet=re.compile(r"(?:" + "|".join(alternatives) + r")[ \t]*"),
        rank=rank,
        inline_symbols=tuple((s, re.compile(re.escape(s) + r"\s?")) for s in data["inline_symbols"]),
        inline_numbered=tuple(re.compile(p) for p in data["inline_numbered"].values()),
        heading=re.compile(data["heading_markers"]),
        heading_numbered=frozenset(data["heading_numbered"]),
        sentence_final=tuple(data["sentence_final"]),
        heading_max_chars=data["heading_max_chars"],
        heading_max_words=data["heading_max_words"],
        lead_in_cues={lang: tuple(cues) for lang, cues in data["lead_in_cues"].items()},
        lead_in_max_chars=data["lead_in_max_chars"],
        trailing_conjunctions=tuple(data["trailing_conjunctions"]),
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """What the input format told the parser: where tables are (their lines never become
    paragraphs or bullets, and a contact table ends the body), and whether an indented
    paragraph without a marker is a list item (HWP/HWPX/PDF/HTML bodies often have no □)."""

    tables: Sequence[tuple[int, int]] = ()
    paragraph_items: bool = False


@dataclass(frozen=True, slots=True)
class _Press:
    """The frame of a press release (``data/press_layout.yaml``): banner, header, annexes."""

    banners: frozenset[str]
    header: re.Pattern[str]
    date_key: re.Pattern[str]
    contact: re.Pattern[str]
    annex: re.Pattern[str]
    annex_max_chars: int
    search_lines: int
    caption: re.Pattern[str]


@cache
def _press() -> _Press:
    data = load_yaml("press_layout.yaml")

    def keys(words: list[str]) -> re.Pattern[str]:
        return re.compile(
            r"^\W{0,3}(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![가-힣])", re.I
        )

    return _Press(
        banners=frozenset(b.lower() for b in data["banners"]),
        header=keys(data["header_keys"]),
        date_key=re.compile("|".join(re.escape(w) for w in data["date_keys"])),
        contact=re.compile("|".join(data["contact_patterns"])),
        annex=re.compile(data["annex_pattern"]),
        annex_max_chars=data["annex_max_chars"],
        search_lines=data["header_search_lines"],
        caption=re.compile(data["caption_pattern"]),
    )


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    content_start: int
    indent: int

    def blank(self) -> bool:
        return self.content_start >= self.end


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.lstrip()
        lead = raw[: len(raw) - len(stripped)]
        content_end = pos + len(raw.rstrip())
        lines.append(_Line(pos, content_end, pos + len(lead), len(lead.expandtabs(_TAB_WIDTH))))
        pos = end + 1
    return lines


@dataclass(slots=True)
class _Item:
    """A bullet under construction: marker kind, indentation, extent, parent, lead-in."""

    rank: int
    marker: str
    indent: int
    line_start: int  # where the item's line (or inline marker) begins
    start: int
    end: int
    section: int
    depth: int
    parent: _Item | None
    lead_in: str | None
    inline: bool = False
    children: list[_Item] = field(default_factory=list)


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    section: int
    is_lead_in: bool = False


class _Parser:
    """One pass over the lines; a small state machine of open paragraph and open list."""

    def __init__(self, text: str, language: str, doc_id: str, layout: Layout | None = None) -> None:
        self.doc_id = doc_id
        self.layout = layout or Layout()
        self.press = _press()
        self.text = text
        self.language = language
        self.m = _markers()
        self.lines = _split_lines(text)
        self.next_line = self._next_nonblank()
        self.headings: list[tuple[int, int, int]] = []  # (start, content end, section end)
        self.paras: list[_Para] = []
        self.items: list[_Item] = []
        self.stack: list[_Item] = []
        self.title: str | None = None
        self.date: dt.date | None = None
        self.date_source: str | None = None
        self.warnings: list[str] = []
        self.in_table = self._table_lines()
        self.body_started = False

    def _table_lines(self) -> list[bool]:
        """For each line, whether it lies inside a table the format kept as a table."""
        spans = sorted(self.layout.tables)
        starts = [a for a, _ in spans]
        out = []
        for line in self.lines:
            i = bisect.bisect_right(starts, line.start) - 1
            out.append(i >= 0 and line.start <= spans[i][1] and not (line.start == spans[i][1] == line.end))
        return out

    def _frame_line(self, content: str) -> bool:
        """A banner, header-block, contact or date line: the frame, not the body."""
        if content.strip().lower() in self.press.banners:
            return True
        if self.press.header.match(content) or self.press.contact.search(content):
            return len(content) <= 120
        return parse_date_line(content) is not None

    def _framing(self, content: str) -> bool:
        """A frame line or a caption/subtitle: what is skipped above the body."""
        return self._frame_line(content) or self.press.caption.match(content) is not None

    def _header_date(self) -> dt.date | None:
        """The release date of a header block (보도시점/배포 …, on the line or the next one)."""
        top = [i for i, ln in enumerate(self.lines) if not ln.blank()][: self.press.search_lines]
        for k, i in enumerate(top):
            content = self._content(self.lines[i])
            key = self.press.date_key.search(content)
            if key is None or key.start() > 3:
                continue
            date = find_date(content[key.end() :])
            if date is None and k + 1 < len(top):
                date = find_date(self._content(self.lines[top[k + 1]]))
            if date is not None:
                return date
        return None

    def _contact_table(self, i: int) -> bool:
        """A table (after the body began) holding a contact key and a phone or e-mail."""
        if not self.in_table[i] or not self.body_started:
            return False
        starts = sorted(self.layout.tables)
        j = bisect.bisect_right([a for a, _ in starts], self.lines[i].start) - 1
        if j < 0:
            return False
        a, b = starts[j]
        if self.lines[i].start != a:
            return False
        body = self.text[a:b]
        return any(self.press.header.match(ln.strip()) for ln in body.split("\n")) and self.press.contact.search(body) is not None

    # -- line classification ------------------------------------------------------------

    def _content(self, line: _Line) -> str:
        return self.text[line.content_start : line.end]

    def _bullet_marker(self, line: _Line) -> tuple[re.Match[str], str] | None:
        match = self.m.bullet.match(self.text, line.content_start, line.end)
        if not match or match.end() >= line.end:
            return None
        kind = match.lastgroup or ""
        return match, kind

    def _ends_sentence(self, end: int) -> bool:
        """Whether the text up to ``end``, trailing spaces left out, ends a sentence (without
        copying the text before ``end``: that made long documents quadratic)."""
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return self.text.endswith(self.m.sentence_final, 0, end)

    def _next_nonblank(self) -> list[int | None]:
        """For each line, the index of the next non-blank line after it (one backward pass)."""
        out: list[int | None] = [None] * len(self.lines)
        following: int | None = None
        for i in range(len(self.lines) - 1, -1, -1):
            out[i] = following
            if not self.lines[i].blank():
                following = i
        return out

    def _is_heading(self, i: int) -> bool:
        line = self.lines[i]
        content = self._content(line)
        if self.m.heading.match(content) and len(content) <= self.m.heading_max_chars:
            return True
        marker = self._bullet_marker(line)
        if marker is not None and not self._numbered_heading(i, marker[1]):
            return False
        if content.endswith((",", "，")) or self._ends_sentence(line.end):
            return False
        if len(content) > self.m.heading_max_chars or len(content.split()) > self.m.heading_max_words:
            return False
        if not re.search(r"[^\W\d_]", content) or parse_date_line(content):
            return False
        before_blank = i == 0 or self.lines[i - 1].blank()
        after_blank = i + 1 >= len(self.lines) or self.lines[i + 1].blank()
        return before_blank and after_blank and self.next_line[i] is not None

    def _numbered_heading(self, i: int, kind: str) -> bool:
        """``1. 추진 배경`` heads a section unless the next line continues the same numbered list."""
        following = self.next_line[i]
        if kind not in self.m.heading_numbered or following is None:
            return False
        found = self._bullet_marker(self.lines[following])
        return found is None or found[1] != kind

    # -- the pass -----------------------------------------------------------------------

    def parse(self) -> Structure:  # noqa: C901 - to split: frame, title/date, line loop
        nonblank = [i for i, ln in enumerate(self.lines) if not ln.blank()]
        if not nonblank:
            self.warnings.append("empty document: no text")
            return self._finish()
        first = next((i for i in nonblank if not self._frame_line(self._content(self.lines[i]))), nonblank[0])
        self.title = self._content(self.lines[first])
        body_from = first + 1
        top = [i for i in nonblank if i > first]
        for i in top[: load_yaml("doc_dates.yaml")["search_lines"]]:
            if self._bullet_marker(self.lines[i]):
                break  # the list has begun: a date line stands above it
            previous = self._content(self.lines[i - 1]) if i > 0 else ""
            if self.in_table[i] or self.press.date_key.search(previous):
                continue  # a header cell: the header search below finds it
            date = parse_date_line(self._content(self.lines[i]))
            if date:
                self.date, self.date_source = date, "text"
                body_from = max(body_from, i + 1)
                break
        if self.date is None and (header := self._header_date()) is not None:
            self.date, self.date_source = header, "header"
        previous_blank = True
        for i in range(body_from, len(self.lines)):
            line = self.lines[i]
            if self._contact_table(i) or self._annex(i):
                self._close_list()
                self.headings.append((line.content_start, line.end, line.end))
                break
            if line.blank() or self.in_table[i]:
                previous_blank = True
                if self.in_table[i]:
                    self._close_list()
                continue
            content = self._content(line)
            if not self.body_started and not self._bullet_marker(line) and self._framing(content):
                continue  # header block and subtitle above the body (once the body began, never)
            if self.press.header.match(content) and self.press.contact.search(content):
                previous_blank = True
                continue  # a contact line inside or below the body
            self.body_started = True
            if self._is_heading(i):
                self._close_list()
                self.headings.append((line.content_start, line.end, line.end))
            elif found := self._bullet_marker(line):
                self._open_item(line, *found)
            else:
                self._prose(line, previous_blank)
            previous_blank = False
        if self.date is None:
            self.warnings.append("no date line found: relative dates are left unresolved")
        if not self.headings:
            self.warnings.append("no section headings found: all text is in section 0")
        if not self.items:
            self.warnings.append("no bullets found")
        return self._finish()

    def _annex(self, i: int) -> bool:
        """A short line opening the annexes (별첨, 붙임, 참고 …) once the body has begun."""
        content = self._content(self.lines[i])
        return self.body_started and len(content) <= self.press.annex_max_chars and self.press.annex.match(content) is not None

    def _section(self) -> int:
        return len(self.headings)

    def _close_list(self) -> None:
        self.stack.clear()

    def _open_item(self, line: _Line, match: re.Match[str], kind: str) -> None:
        marker = match.group(kind)
        rank = self.m.rank[marker] if kind.startswith("s") else self.m.rank[kind]
        self._push_item(line, marker, rank, match.end())

    def _push_item(self, line: _Line, marker: str, rank: int, start: int) -> None:
        new_list = not self.stack
        while self.stack:
            top = self.stack[-1]
            if top.indent < line.indent or (top.indent == line.indent and top.rank < rank):
                break
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if parent is not None:
            lead_in = self._last_sentence(parent.start, parent.children[0].line_start if parent.children else line.start)
        elif new_list:
            lead_in = self._lead_in_before()
        else:
            lead_in = next((it.lead_in for it in reversed(self.items) if it.parent is None), None)
        item = _Item(
            rank=rank,
            marker=marker,
            indent=line.indent,
            line_start=line.start,
            start=start,
            end=line.end,
            section=self._section(),
            depth=0 if parent is None else parent.depth + 1,
            parent=parent,
            lead_in=lead_in,
        )
        if parent is not None:
            parent.children.append(item)
        self.items.append(item)
        self.stack.append(item)

    def _prose(self, line: _Line, previous_blank: bool) -> None:
        if self.stack and not previous_blank:
            item = self.stack[-1]
            if line.indent > item.indent or not self._ends_sentence(item.end):
                item.end = line.end
                return
        if self.layout.paragraph_items and line.indent > 0 and not self.press.caption.match(self._content(line)):
            self._push_item(line, "", -1, line.content_start)  # an indented paragraph without a marker
            return
        last = self.paras[-1] if self.paras else None
        if (
            last is not None
            and not previous_blank
            and not self.stack
            and last.section == self._section()
            and not self._ends_sentence(last.end)
            and last.end > self._last_item_or_heading_end()
        ):
            last.end = line.end
            return
        self._close_list()
        self.paras.append(_Para(line.content_start, line.end, self._section()))

    def _last_item_or_heading_end(self) -> int:
        """Where the latest bullet or heading ends: prose after it is a new block."""
        return max(self.items[-1].end if self.items else -1, self.headings[-1][1] if self.headings else -1)

    # -- lead-ins ---------------------------------------------------------------------------

    def _last_sentence_start(self, start: int, end: int) -> int:
        region = self.text[start:end]
        cut = start
        for match in re.finditer(r"[.!?。](?=\s+\S)", region.rstrip()):
            cut = start + match.end()
        while cut < end and self.text[cut].isspace():
            cut += 1
        return cut

    def _last_sentence(self, start: int, end: int) -> str | None:
        end = start + len(self.text[start:end].rstrip())
        begin = self._last_sentence_start(start, end)
        return self.text[begin:end] or None

    def _lead_in_before(self) -> str | None:
        """The last sentence of the paragraph right before a new list, if it introduces it."""
        if not self.paras:
            return None
        para = self.paras[-1]
        if para.section != self._section() or para.end < self._last_item_or_heading_end():
            return None
        begin = self._last_sentence_start(para.start, para.end)
        sentence = self.text[begin : para.end]
        cues = self.m.lead_in_cues.get(self.language, ())
        short_alone = begin == para.start and len(sentence) <= self.m.lead_in_max_chars
        if not (sentence.endswith(":") or any(cue in sentence for cue in cues) or short_alone):
            return None
        if begin > para.start:  # split the introducing sentence into a paragraph of its own
            head_end = para.start + len(self.text[para.start : begin].rstrip())
            self.paras[-1] = _Para(para.start, head_end, para.section)
            self.paras.append(_Para(begin, para.end, para.section, is_lead_in=True))
        else:
            para.is_lead_in = True
        return sentence

    # -- inline enumerations ------------------------------------------------------------------

    def _inline_items(self, item: _Item) -> list[_Item]:
        """Sub-items written inside one bullet: ``▴a, ▴b`` or ``1) a 2) b`` (numbered from 1)."""
        own_end = item.children[0].start if item.children else item.end
        body = self.text[item.start : own_end]
        starts: list[tuple[int, int, str]] = []  # (marker start, content start, marker)
        for symbol, pattern in self.m.inline_symbols:
            if symbol not in body:
                continue
            found = [(m.start(), m.end(), symbol) for m in pattern.finditer(body)]
            if len(found) >= 2:
                starts = found
                break
        if not starts:
            for pattern in self.m.inline_numbered:
                starts = self._numbered_run(pattern, body)
                if starts:
                    break
        if not starts:
            return []
        subs: list[_Item] = []
        for k, (marker_start, content_start, marker) in enumerate(starts):
            if k + 1 < len(starts):
                stop = starts[k + 1][0]
            else:
                final = re.search(r"[.!?。](?=\s|$)", body[content_start:])
                stop = content_start + final.start() if final else len(body)
            lo, hi = self._trim(item.start + content_start, item.start + stop)
            if hi <= lo:
                continue
            lead = self._last_sentence(item.start, item.start + starts[0][0])
            subs.append(
                _Item(
                    rank=self.m.rank.get(marker, 0),
                    marker=marker,
                    indent=item.indent + 1,
                    line_start=item.start + marker_start,
                    start=lo,
                    end=hi,
                    section=item.section,
                    depth=item.depth + 1,
                    parent=item,
                    lead_in=lead,
                    inline=True,
                )
            )
        return subs if len(subs) >= 2 else []

    @staticmethod
    def _numbered_run(pattern: re.Pattern[str], body: str) -> list[tuple[int, int, str]]:
        run: list[tuple[int, int, str]] = []
        for m in pattern.finditer(body):
            label = m.group(1)
            if label.isdigit() and label.isascii():
                number = int(label)
            elif label.isascii():
                number = ord(label) - ord("a") + 1  # (a) (b) (c)
            else:
                number = ord(label) - ord("①") + 1
            if number == len(run) + 1:
                run.append((m.start(), m.end(), m.group(0).strip()))
        return run if len(run) >= 2 else []

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop surrounding spaces, separators and a joining conjunction from a sub-item."""
        while True:
            before = (start, end)
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;，、"):
                end -= 1
            for conj in self.m.trailing_conjunctions:
                if self.text[start:end].endswith(" " + conj):
                    end -= len(conj)
            if (start, end) == before:
                return start, end

    # -- assembly -----------------------------------------------------------------------------

    def _finish(self) -> Structure:
        for item in list(self.items):
            self.items.extend(self._inline_items(item))
        for item in self.items:
            item.end = item.start + len(self.text[item.start : item.end].rstrip())
        sections = self._sections()
        ordered = sorted(self.items, key=lambda it: (it.start, it.depth))
        ids = {id(it): n for n, it in enumerate(ordered, 1)}
        doc = self.doc_id
        in_section: dict[int, int] = {}
        bullets: list[Bullet] = []
        for n, item in enumerate(ordered, 1):
            in_section[item.section] = in_section.get(item.section, 0) + 1
            bullets.append(
                Bullet(
                    bullet_id=f"{doc}:b{n}",
                    section_id=f"{doc}:s{item.section}",
                    index=n,
                    index_in_section=in_section[item.section],
                    parent_id=f"{doc}:b{ids[id(item.parent)]}" if item.parent else None,
                    marker=item.marker,
                    depth=item.depth,
                    lead_in=item.lead_in,
                    text=self.text[item.start : item.end],
                    start=item.start,
                    end=item.end,
                )
            )
        paragraphs = [
            Paragraph(
                section_id=f"{doc}:s{p.section}",
                text=self.text[p.start : p.end],
                start=p.start,
                end=p.end,
                is_lead_in=p.is_lead_in,
            )
            for p in self.paras
        ]
        return Structure(self.title, self.date, sections, paragraphs, bullets, tuple(self.warnings), self.date_source)

    def _sections(self) -> list[Section]:
        bounds = [0] + [start for start, _, _ in self.headings] + [len(self.text)]
        sections = []
        for index in range(len(bounds) - 1):
            start, stop = bounds[index], bounds[index + 1]
            end = start + len(self.text[start:stop].rstrip())
            title = self.text[self.headings[index - 1][0] : self.headings[index - 1][1]] if index else None
            sections.append(Section(section_id=f"{self.doc_id}:s{index}", index=index, title=title, start=start, end=end))
        return sections


def parse_structure(text: str, language: str, doc_id: str = "doc", layout: Layout | None = None) -> Structure:
    """Parse ``text`` (already normalized) into its layout; ids are ``{doc_id}:s{i}``/``:b{n}``.
    ``layout`` carries what a format reader knew (tables, paragraphs as items)."""
    return _Parser(text, language, doc_id, layout).parse()
