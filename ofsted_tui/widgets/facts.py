"""The facts pane: the open document's facts grouped by type, and its notes.

A Line API list of one-line rows under a heading per group, so a report with
hundreds of facts opens at once: a row's text is built only when it scrolls
into view. Rows are Rich ``Text`` made from plain strings, so fact text taken
from documents is never read as markup.

A fact the document states many times (its inspection, named on every page)
is one row, with how often it is stated ("×24"); the row stands for the
weightiest statement (a judgement read from the judgement table before the
same grade in a sentence). Judgements read from the table or the headline
say so.

Moving the cursor tells the screen which fact (``FactHighlighted``) or note
(``NoteHighlighted``) is current; Enter sends ``FactChosen``. ``select_fact``
moves the cursor without a message, so the reader and the pane can follow
each other without echoing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from importers.grade_tables import RATING_ABBREVIATIONS
from importers.partial_date import iso_date
from ofsted_core.evidence import EVIDENCE, evidence_of
from ofsted_tui.grades import rating_badge
from ofsted_core.sources import link_label
from ofsted_tui.widgets.reader import NOTE_MARKS, component_style
from importers.sanitize import printable

__all__ = ["FACT_GROUPS", "FactsPane", "Row", "describe_fact", "describe_note", "distinct_facts"]

# Group order and headings; a type missing here is shown last under its own name.
FACT_GROUPS = (
    ("judgement", "Judgements"), ("inspection", "Inspections"), ("quote", "Quotes"),
    ("person", "People"), ("date", "Dates"), ("statistic", "Statistics"),
    ("improvement", "Improvements"), ("passage", "Quoted elsewhere"), ("repeated", "Repeated elsewhere"),
)
_PLAIN: Mapping[str, Style] = defaultdict(Style)


def _clip(value: Any, limit: int = 120) -> str:
    """One line of untrusted text, safe to show, at most ``limit`` characters."""
    flat = " ".join(printable(str(value)).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def _date(fact: dict[str, Any], prefix: str = "") -> str:
    return iso_date(*(fact.get(prefix + k) for k in ("year", "month", "day"))) or ""


def describe_fact(
    fact: dict[str, Any], text: str = "", palette: Mapping[str, Style] = _PLAIN,
    documents: Mapping[str, dict[str, Any]] | None = None, marks: Text | None = None, width: int | None = None,
) -> Text:
    """One line for ``fact``: what it claims, in the document's words, then where it is traced to.

    ``palette`` gives the styles for the "muted" and "accent" parts;
    ``documents`` (id -> document) names the documents its ``source_links`` lead to;
    ``marks`` (how it was read, how often stated) go after a judgement's area,
    which tells its rows apart, else first. In ``width`` cells a
    judgement's rating too long to leave its area room reads as its letters ("RI").
    """
    marks = marks or Text()
    line = _describe(fact, text, palette, marks, width)
    if marks.plain and fact["type"] != "judgement":
        line = Text.assemble(marks, " ", line)
    links = fact.get("source_links") or []
    if links:
        line.append_text(_links_label(links, documents or {}, palette))
    return line


def _links_label(
    links: list[dict[str, Any]], documents: Mapping[str, dict[str, Any]], palette: Mapping[str, Style],
) -> Text:
    """ "  ↗ found in: <title> (+2)": the first place, and how many more (the follow key lists them)."""
    first = links[0]
    doc = documents.get(first.get("doc_id") or "")
    title = _clip(doc.get("title") or doc.get("source") or first["doc_id"], 50) if doc else f"{len(links)} documents"
    more = f" (+{len(links) - 1})" if doc and len(links) > 1 else ""
    return Text.assemble(("  ↗ ", palette["accent"]), (f"{link_label(first.get('relation'))}: ", palette["muted"]),
                         (title, palette["accent"]), (more, palette["muted"]))


def _describe(fact: dict[str, Any], text: str, palette: Mapping[str, Style], marks: Text,
              width: int | None = None) -> Text:
    kind = fact["type"]
    start, end = fact["span"]
    words = text[start:end] if text else ""
    muted = palette["muted"]
    if kind == "judgement":
        return _judgement(fact, words, palette, marks, width)
    if kind == "quote":
        said = ", ".join(_clip(p, 40) for p in (fact.get("speaker"), fact.get("role")) if p)
        return Text.assemble(
            (f"\u201c{_clip(fact.get('text') or words, 80)}\u201d", Style(italic=True)),
            (f" \u2014 {said or 'unattributed'}", muted),
        )
    if kind == "passage":
        return Text.assemble((f"\u201c{_clip(words, 80)}\u201d", Style(italic=True)))
    if kind == "repeated":
        size = f"{fact.get('sentences') or '?'} sentences, {fact.get('words') or '?'} words"
        return Text.assemble(_clip(words, 60), (f" \u00b7 {size}", muted))
    if kind == "person":
        about = ", ".join(_clip(p, 40) for p in (fact.get("role"), fact.get("organisation")) if p)
        return Text.assemble((_clip(fact.get("name") or words, 50), Style(bold=True)), (f" \u2014 {about}" if about else "", muted))
    if kind == "date":
        return Text.assemble(_clip(fact.get("text") or words, 60), (f"  {_date(fact)}" if _date(fact) else "", muted))
    if kind == "statistic":
        unit, measure = fact.get("unit"), fact.get("measure")
        # A count's measure repeats its unit ("8 cases": unit and measure "cases"): the words once.
        if isinstance(unit, str) and isinstance(measure, str) and measure.casefold().startswith(unit.casefold()):
            unit = None
        value = " ".join(_clip(p, 20) for p in (fact.get("value"), unit) if p is not None)
        return Text.assemble((value or _clip(words, 30), Style(bold=True)), (f" {_clip(measure, 80)}" if measure else "", muted))
    if kind == "inspection":
        parts = [_clip(fact.get("inspection_type") or "inspection", 40), _date(fact)]
        if fact.get("end_year"):
            parts.append("to " + _date(fact, "end_"))
        if fact.get("lead_inspector"):
            parts.append("lead " + _clip(fact["lead_inspector"], 40))
        return Text(" \u00b7 ".join(p for p in parts if p))
    return Text(_clip(fact.get("text") or words))


def _judgement(fact: dict[str, Any], words: str, palette: Mapping[str, Style], marks: Text, width: int | None) -> Text:
    """The rating's badge, the area (what tells a report's judgement rows apart), how it was
    read, then its date and kind: "[Good] help and protection table ×2 · 2015-05 · inspection"."""
    label = _clip(fact.get("rating_text") or fact.get("rating") or words, 40)
    area = _clip(fact.get("area") or "", 40)
    badge = rating_badge(label, fact.get("grade"))
    short = RATING_ABBREVIATIONS.get(fact.get("rating") or "")
    if width is not None and short and badge.cell_len + 1 + cell_len(area) > width:
        # A narrow pane keeps the area whole before the rating's words: the badge's colour and
        # letters still give the grade, and the reader's status line the rating as written.
        badge = rating_badge(short, fact.get("grade"), as_written=True)
    rest = " \u00b7 ".join(_clip(p, 40) for p in (_date(fact), fact.get("event_type")) if p)
    return Text.assemble(badge, " ", area, marks, (f" \u00b7 {rest}" if area and rest else rest, palette["muted"]))


# What makes two facts of one document the same fact: the fields its row shows.
_SAME: dict[str, tuple[str, ...]] = {
    "judgement": ("rating", "area", "year", "month", "day", "event_type"),
    "inspection": ("inspection_type", "year", "month", "day", "end_year", "end_month", "end_day", "lead_inspector"),
    "quote": ("text", "speaker", "role"),
    "person": ("name", "role", "organisation"),
    "date": ("text", "year", "month", "day"),
    "statistic": ("value", "unit", "measure"),
    "improvement": ("text",),
}


def _sameness(fact: dict[str, Any], text: str) -> tuple:
    fields = _SAME.get(fact["type"])
    if fields is None:  # a passage is the words at its place
        start, end = fact["span"]
        return (fact["type"], " ".join(text[start:end].casefold().split()))
    values = (fact.get(k) for k in fields)
    return (fact["type"], *(" ".join(v.casefold().split()) if isinstance(v, str) else v for v in values))


def distinct_facts(facts: Iterable[dict[str, Any]], text: str = "") -> list[list[dict[str, Any]]]:
    """``facts`` grouped into distinct facts, in the order the document first states each.

    Each group starts with the statement its row stands for: of a judgement, the
    one read from the table, then the headline, then the first in the text.
    """
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for fact in sorted(facts, key=lambda f: (f["span"][0], f["span"][1])):
        groups.setdefault(_sameness(fact, text), []).append(fact)
    out = list(groups.values())  # in the order each was first stated
    for members in out:
        if members[0]["type"] == "judgement":
            members.sort(key=lambda f: EVIDENCE.index(evidence_of(f)))  # stable: in document order within each
    return out


def describe_note(
    note: dict[str, Any], facts: Mapping[str, dict[str, Any]], text: str = "",
    palette: Mapping[str, Style] = _PLAIN,
) -> Text:
    """One line for an annotation: its mark, what it says and what it is on."""
    kind = note.get("kind")
    fact = facts.get(note.get("fact_id") or "")
    if fact is not None:
        start, end = fact["span"]
        target = f" on {fact['type']} \u2018{_clip(text[start:end], 40)}\u2019"
    elif note.get("fact_key"):
        target = " on a fact no longer found"
    else:
        target = " on the document"
    if kind == "correction":
        body = f"{_clip(note.get('field'), 20)} \u2192 {_clip(note.get('value'), 60)}"
    elif kind == "bookmark":
        body = "bookmark"
    else:
        body = _clip(note.get("body") or "", 80)
    return Text.assemble((f"{NOTE_MARKS.get(kind, '*')} ", palette["note"]), body, (target, palette["muted"]))


@dataclass(frozen=True)
class Row:
    """One line of the pane: a group heading, a fact or a note."""

    kind: str  # "heading", "fact" or "note"
    item: dict[str, Any] | None = None
    heading: str = ""
    same: tuple[str, ...] = ()  # a fact row: the ids of every statement of the fact, its own first


class FactsPane(ScrollView, can_focus=True):
    """The facts of one document grouped by type, with its annotations first."""

    HELP = "Facts pane"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, id="facts.up"),
        Binding("down", "cursor(1)", "Down", show=False, id="facts.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="facts.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="facts.page_down"),
        Binding("home", "edge(-1)", "First fact", show=False, id="facts.first"),
        Binding("end", "edge(1)", "Last fact", show=False, id="facts.last"),
        Binding("enter", "choose", "Go to fact", show=False, id="facts.choose"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "facts-pane--heading", "facts-pane--cursor", "facts-pane--muted", "facts-pane--accent",
        "facts-pane--note",
    }
    DEFAULT_CSS = """
    FactsPane {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        border: round $panel;
        border-title-color: $text-muted;
        background: $surface;
        &:focus { border: round $primary; }
        & > .facts-pane--heading { color: $text-muted; text-style: bold; }
        & > .facts-pane--cursor { background: $boost; }
        &:focus > .facts-pane--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .facts-pane--muted { color: $text-muted; }
        & > .facts-pane--accent { color: $text-accent; text-style: bold; }
        & > .facts-pane--note { color: $text-warning; text-style: bold; }
    }
    """

    class FactHighlighted(Message):
        def __init__(self, pane: FactsPane, fact_id: str) -> None:
            super().__init__()
            self.pane = pane
            self.fact_id = fact_id

        @property
        def control(self) -> FactsPane:
            return self.pane

    class NoteHighlighted(Message):
        def __init__(self, pane: FactsPane, note: dict[str, Any]) -> None:
            super().__init__()
            self.pane = pane
            self.note = note

        @property
        def control(self) -> FactsPane:
            return self.pane

    class FactChosen(Message):
        """Enter on a fact (or a note on one): the screen takes the user to it."""

        def __init__(self, pane: FactsPane, fact_id: str) -> None:
            super().__init__()
            self.pane = pane
            self.fact_id = fact_id

        @property
        def control(self) -> FactsPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self.cursor: int | None = None
        self._text = ""
        self._facts: dict[str, dict[str, Any]] = {}
        self._documents: Mapping[str, dict[str, Any]] = {}
        self._marks: dict[str, str] = {}
        self._row_of: dict[str, int] = {}  # "fact:<id>" / "note:<id>" -> row index
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)

    # -- data ----------------------------------------------------------------
    def show(
        self, document: dict[str, Any], facts: Iterable[dict[str, Any]], notes: Iterable[dict[str, Any]],
        *, documents: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        """Fill the pane; the cursor stays on the same fact or note when it still exists.

        ``documents`` (the store's, by id) names the documents facts are traced to.
        """
        keep = self._key(self.current) if self.current else None
        self._documents = documents or {}
        self._text = document.get("text") or ""
        facts = list(facts)
        notes = list(notes)
        self._facts = {f["id"]: f for f in facts}
        self._marks = defaultdict(str)
        for note in notes:
            mark = NOTE_MARKS.get(note.get("kind"), "")
            if note.get("fact_id") and mark not in self._marks[note["fact_id"]]:
                self._marks[note["fact_id"]] += mark
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in facts:
            groups[fact["type"]].append(fact)
        known = [t for t, _ in FACT_GROUPS]
        headings = dict(FACT_GROUPS)
        rows: list[Row] = []
        if notes:
            rows.append(Row("heading", heading=f"Notes \u00b7 {len(notes)}"))
            rows += [Row("note", n) for n in notes]
        for kind in known + sorted(set(groups) - set(known)):
            distinct = distinct_facts(groups.get(kind, ()), self._text)
            if distinct:
                stated = sum(map(len, distinct))
                times = f" ({stated} statements)" if stated > len(distinct) else ""
                rows.append(Row("heading", heading=f"{headings.get(kind, kind.title())} \u00b7 {len(distinct)}{times}"))
                rows += [Row("fact", same[0], same=tuple(f["id"] for f in same)) for same in distinct]
        self.rows = rows
        self._row_of = {self._key(r): i for i, r in enumerate(rows) if r.item is not None}
        # Every statement of a fact finds its row: the reader selects any of them.
        self._row_of.update({f"fact:{fact_id}": i for i, r in enumerate(rows) for fact_id in r.same[1:]})
        self.cursor = self._row_of.get(keep) if keep else None
        self.border_title = f"Facts \u00b7 {len(facts)}"
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self._redraw()

    @staticmethod
    def _key(row: Row) -> str:
        assert row.item is not None
        return f"{row.kind}:{row.item['id']}"

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.cursor is not None else None

    @property
    def highlighted_fact_id(self) -> str | None:
        row = self.current
        return row.item["id"] if row and row.kind == "fact" and row.item else None

    @property
    def highlighted_note(self) -> dict[str, Any] | None:
        row = self.current
        return row.item if row and row.kind == "note" else None

    def palette(self) -> dict[str, Style]:
        """The pane's styles for the parts of a row, for anyone describing facts."""
        return {name: component_style(self, f"facts-pane--{name}") for name in ("muted", "accent", "note")}

    # -- moving --------------------------------------------------------------
    def select_fact(self, fact_id: str | None) -> None:
        """Put the cursor on ``fact_id``'s row (or nowhere) without a message."""
        self._move(self._row_of.get(f"fact:{fact_id}") if fact_id else None, announce=False)

    def _move(self, index: int | None, *, announce: bool = True) -> None:
        if index == self.cursor:
            return
        self.cursor = index
        self._redraw()
        if index is None:
            return
        self.scroll_to_region(self._row_region(index), animate=False, immediate=True)
        row = self.rows[index]
        if announce and row.item is not None:
            if row.kind == "fact":
                self.post_message(self.FactHighlighted(self, row.item["id"]))
            else:
                self.post_message(self.NoteHighlighted(self, row.item))

    def _row_region(self, index: int) -> Region:
        return Region(0, index, max(1, self.scrollable_content_region.width), 1)

    def _selectable(self, start: int, step: int) -> int | None:
        i = start
        while 0 <= i < len(self.rows):
            if self.rows[i].kind != "heading":
                return i
            i += step
        return None

    def action_cursor(self, step: int) -> None:
        if self.cursor is None:
            target = self._selectable(0 if step > 0 else len(self.rows) - 1, 1 if step > 0 else -1)
        else:
            target = self._selectable(self.cursor + step, step)
        if target is not None:
            self._move(target)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        start = (self.cursor or 0) + direction * page
        start = max(0, min(start, len(self.rows) - 1))
        target = self._selectable(start, direction) or self._selectable(start, -direction)
        if target is not None:
            self._move(target)

    def action_edge(self, direction: int) -> None:
        target = self._selectable(0, 1) if direction < 0 else self._selectable(len(self.rows) - 1, -1)
        if target is not None:
            self._move(target)

    def action_choose(self) -> None:
        row = self.current
        if row is None or row.item is None:
            return
        fact_id = row.item["id"] if row.kind == "fact" else row.item.get("fact_id")
        if fact_id in self._facts:
            self.post_message(self.FactChosen(self, fact_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = int(self.scroll_offset.y) + offset.y
        if 0 <= index < len(self.rows) and self.rows[index].kind != "heading":
            self._move(index)
            if event.chain > 1:
                self.action_choose()

    # -- drawing -------------------------------------------------------------
    def _redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self._cache.clear()

    def on_focus(self, event: events.Focus) -> None:
        self._redraw()

    def on_blur(self, event: events.Blur) -> None:
        self._redraw()

    def row_text(self, index: int, width: int | None = None) -> Text:
        """The text of row ``index`` as shown in ``width`` cells (before cutting to them)."""
        row = self.rows[index]
        if row.kind == "heading":
            return Text(row.heading)
        assert row.item is not None
        palette = self.palette()
        if row.kind == "note":
            return describe_note(row.item, self._facts, self._text, palette)
        marks = Text()
        if row.item["type"] == "judgement" and evidence_of(row.item) != "text":
            marks.append(f" {evidence_of(row.item)}", palette["accent"])
        if len(row.same) > 1:
            # How many times the document states it.
            marks.append(f"{' ' if marks or row.item['type'] == 'judgement' else ''}\u00d7{len(row.same)}", palette["muted"])
        line = describe_fact(row.item, self._text, palette, self._documents, marks, width)
        # A note on any statement of the fact shows on its row.
        noted = "".join(dict.fromkeys("".join(self._marks.get(i, "") for i in row.same or (row.item["id"],))))
        if noted:
            line.append(f" {noted}", palette["note"])
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if not 0 <= index < len(self.rows):
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (index, width, selected)
        strip = self._cache.get(key)
        if strip is None:
            style = base
            if self.rows[index].kind == "heading":
                style += component_style(self, "facts-pane--heading")
            if selected:
                style += self.get_component_rich_style("facts-pane--cursor")
            # A bar in the gutter marks the cursor even on a row that is all badge.
            text = Text.assemble(("\u258c" if selected else " ", component_style(self, "facts-pane--accent")),
                                 self.row_text(index, width - 1))
            text.no_wrap = True
            text.truncate(width, overflow="ellipsis", pad=True)
            segments = list(Segment.apply_style(text.render(self.app.console), style))
            strip = Strip(segments).crop_extend(0, width, style)
            self._cache[key] = strip
        return strip
