"""The timeline: one line per inspection event, and the chosen event's detail.

``TimelineList`` shows every event in date order (date at its precision,
authority, type, the rating as written in its grade colour, "≠" where its
sources disagree on a grade, how many documents support it). ``EventDetail``
shows one event's judgements by area, where each was read, any other grade a
source gives it, and its sources; choosing a source asks the screen to open it at the supporting
passage (``EventDetail.SourceChosen``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from importers.grade_tables import get_era
from ofsted_core.compare import group_by_council, latest_by_authority
from ofsted_core.grades import (
    GRADE_NOT_IN_DATASET_LABEL, GRADE_NOT_STATED_LABEL, NO_GRADE_LABEL, NO_OVERALL_LABEL, NOT_GRADED_LABEL,
)
from ofsted_tui.grades import grade_style
from ofsted_core.labels import KIND_SHORT, area_order, date_label, doc_date_label, doc_title, plural, printable, rating_text, snippet_around
from ofsted_tui.widgets.labels import printable_text, rating_badge_text

# What to do next, in full, when no event passes (an empty store or filters that exclude everything).
EMPTY_EVENTS = "No inspection events to show: press i to import files, or x to clear the filters."
from ofsted_tui.widgets.rows import Column, RowList, SortedRowList, cell

__all__ = ["EventDetail", "SourceList", "TimelineList"]

_DATE, _AUTHORITY, _TYPE, _RATING, _SOURCES = range(5)
# The words that say why an event has no grade are never cut ("No overall grad…" reads as a grade
# half-read): the rating column keeps room for the longest, with its badge's space each side and "≠".
_RATING_LEAST = 3 + max(map(len, (NO_GRADE_LABEL, GRADE_NOT_STATED_LABEL, GRADE_NOT_IN_DATASET_LABEL,
                                  NOT_GRADED_LABEL, NO_OVERALL_LABEL)))


class TimelineList(SortedRowList[dict[str, Any]]):
    """Inspection events, one line each, in date order or sorted by a column."""

    HELP = "Timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="timeline.open"),
        Binding("right,l", "sources", "Sources", show=False, id="timeline.sources"),
        Binding("a", "group", "Group by council", show=False, id="timeline.group"),
    ]
    # A long authority or type is cut before a rating's first words ("Requires improvement").
    # Dates are at most a day's ("14 Feb 2023") or a month's without its year ("Aug, no year").
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Date", 12, 8), Column("Authority", 14, 9), Column("Type", 13, 6), Column("Rating", 23, _RATING_LEAST),
        Column("Sources", 7, 7, right=True),
    )

    class FocusSources(Message):
        """The user wants to move into the chosen event's sources."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text=EMPTY_EVENTS, **kwargs)
        self.grouped = False  # a heading row before each council's events
        self._store_events: list[dict[str, Any]] = []
        self._latest: dict[str, dict[str, Any]] | None = None  # by authority, for the headings

    def fit_columns(self, rows: Any) -> None:
        # Every event of the store: the headings' latest grades are read from them, not from the filtered few.
        rows = list(rows)
        if rows and rows == self._store_events:
            # The same events again (the corpus re-applied once its index, then its catalogue, lands after the
            # first frame): the widths stand. Comparing them costs a tenth of measuring them again.
            return
        self._store_events, self._latest = rows, None
        super().fit_columns(rows)

    # -- grouping by council -------------------------------------------------
    def set_rows(self, rows: Any, *, cursor: int | None = None) -> bool:
        if not self.grouped:
            return super().set_rows(rows, cursor=cursor)
        self._given = rows
        target = rows[max(0, min(cursor, len(rows) - 1))] if cursor is not None and rows else self.current
        ordered = rows if self.sort_column is None else sorted(
            rows, key=self.sort_key(self.sort_column), reverse=self.sort_reverse)
        grouped: list[dict[str, Any]] = []
        for name, events in group_by_council(ordered):
            grouped.append(self._heading(name, events))
            grouped += events
        at = next((i for i, row in enumerate(grouped) if row is target), 1 if grouped else 0)
        return RowList.set_rows(self, grouped, cursor=at)

    def _heading(self, name: str, events: list[dict[str, Any]]) -> dict[str, Any]:
        if self._latest is None:
            self._latest = latest_by_authority(self._store_events)
        latest = self._latest.get(events[0].get("authority") or "", {})
        return {"heading": True, "authority": events[0].get("authority"), "council": name or "unknown authority",
                "rating": latest.get("rating"), "grade": latest.get("grade"), "date": latest.get("date"),
                "count": len(events)}

    def validate_cursor(self, value: int) -> int:
        """The cursor steps over headings, in the direction it was moving."""
        rows = self.rows
        if 0 <= value < len(rows) and rows[value].get("heading"):
            back = value < self.cursor and value > 0
            value = value - 1 if back else value + 1
        return value

    def _scroll_to_cursor(self) -> None:
        super()._scroll_to_cursor()
        # The cursor steps over a heading; scrolled up to the first event of a group, show its heading too.
        above = self.cursor - 1
        if 0 <= above < len(self.rows) and self.rows[above].get("heading") and self.scroll_offset.y == self.cursor:
            self.scroll_to(y=above, animate=False, immediate=True)

    def action_group(self) -> None:
        """Group the events by council (a heading with its latest grade), or list them together again."""
        self.grouped = not self.grouped
        current = self.current
        self._cache.clear()
        self.set_rows(self._given, cursor=next((i for i, e in enumerate(self._given) if e is current), None))
        self.refresh()
        self.notify("Grouped by council" if self.grouped else "Not grouped", timeout=2)

    def column_values(self, row: dict[str, Any]) -> tuple[str, ...]:
        # The rating's badge pads it with a space each side, and "≠" may follow.
        return (row.get("label") or "", row.get("authority") or "unknown", row.get("type") or "",
                " " * 3 + rating_text(row), plural(len(row.get("doc_ids") or ()), "doc"))

    def sort_key(self, column: int) -> Callable[[dict[str, Any]], Any]:
        if column == _DATE:
            return lambda e: (e.get("year") or 0, e.get("month") or 0, e.get("day") or 0)
        if column == _RATING:
            # Best first; events without a grade after every graded one.
            return lambda e: (e.get("grade") is None, e.get("grade") or 0, rating_text(e).lower())
        if column == _SOURCES:
            return lambda e: len(e.get("doc_ids") or ())
        key = {_AUTHORITY: "authority", _TYPE: "type"}[column]
        return lambda e: (e.get(key) or "").lower()

    def drop_early(self) -> tuple[int, ...]:
        # Too narrow for a readable type and rating: the rating stays (the detail pane gives the type).
        return (_TYPE,)

    def drop_order(self) -> tuple[int, ...]:
        return (_SOURCES,)

    def render_row(self, row: dict[str, Any], index: int, width: int) -> list[Text]:
        if row.get("heading"):
            return [_heading_line(row)]
        date_w, auth_w, type_w, badge_w, sources_w = self.widths(width)
        dim = self.dim_style()
        line = Text(" ")
        line.append(cell(row.get("label") or "", date_w))
        line.append(cell(row.get("authority") or "unknown", auth_w))
        line.append(cell(row.get("type") or "", type_w), style=dim)
        badge = rating_badge_text(row)
        badge.truncate(max(1, badge_w - 1), overflow="ellipsis")
        line.append(badge)
        # Sources that disagree on a grade: the detail shows what each says.
        line.append("\u2260" if row.get("conflicts") else " ", style="bold")
        line.append(" " * (badge_w - badge.cell_len))
        line.append(cell(plural(len(row.get("doc_ids") or ()), "doc"), sources_w, right=True), style=dim)
        return [line]

    def action_sources(self) -> None:
        self.post_message(self.FocusSources())


def _heading_line(row: dict[str, Any]) -> Text:
    """"▾ Norfolk  latest  Outstanding  Feb 2026 · 7 events": a council's group."""
    line = Text(" ▾ ", style="bold")
    line.append(printable(row["council"]), style="bold underline")
    line.append("  latest ")
    if row.get("date"):
        line.append_text(rating_badge_text(row))
        line.append(f" {date_label(row['date'])}")
    else:
        line.append("none in the store", style="italic")
    line.append(f" · {plural(row['count'], 'event')} shown")
    return line


class SourceList(RowList[dict[str, Any]]):
    """The documents supporting one event, two lines each: what and where."""

    HELP = "Event sources"
    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="sources.open"),
        Binding("left,h", "back", "Back to timeline", show=False, id="sources.back"),
    ]

    class Back(Message):
        """Return focus to the timeline."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text="No sources", **kwargs)

    def render_row(self, row: dict[str, Any], index: int, width: int) -> list[Text]:
        doc = row["doc"]
        dim = self.dim_style()
        head = Text(" ")
        head.append(KIND_SHORT.get(doc.get("kind"), doc.get("kind") or "").ljust(8), style="bold")
        head.append(doc_date_label(doc, short=True).ljust(12), style=dim)
        if row.get("page"):
            head.append(f"p. {row['page']}  ", style=dim)  # where to look in the PDF
        if row.get("quotes"):
            head.append(row["quotes"] + "  ", style="italic")
        head.append(doc_title(doc))
        passage = Text("   ")
        span = row.get("span")
        text = doc.get("text") or ""
        if span:
            snippet, at = snippet_around(text, span[0], span[1], max(20, width - 4))
            passage.append(snippet, style=dim)
            passage.stylize(grade_style(row.get("grade"), badge=False), 3 + at, 3 + at + span[1] - span[0])
        return [head, passage]

    def action_back(self) -> None:
        self.post_message(self.Back())


class EventDetail(Vertical):
    """One event: date, type, era, the rating by area, and its sources."""

    HELP = "Event detail"

    class SourceChosen(Message):
        """Open ``doc_id`` in the reader at ``span`` (the supporting passage)."""

        def __init__(self, doc_id: str, span: tuple[int, int] | None, fact_id: str | None) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.span = span
            self.fact_id = fact_id

    _summarised: dict[str, Any] | None = None  # the event the summary shows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="event-summary-scroll"):
            yield Static(id="event-summary")
        yield SourceList(id="event-sources")

    def show(self, event: dict[str, Any] | None, corpus: Any) -> None:
        summary = self.query_one("#event-summary", Static)
        sources = self.query_one(SourceList)
        if event is None or corpus is None:
            self._summarised = None
            summary.update(Text("Choose an event to see its judgements and sources.", style="italic"))
            sources.set_rows([])
            self.border_title = "Event"
            return
        self.border_title = Content(printable(f"{event.get('label')} · {event.get('authority') or 'unknown'}"))
        # The summary is the event's alone: shown again after a note (the same row, its sources' marks changed), it
        # is left as it is, where updating it laid the whole screen out again.
        if self._summarised is not event:
            _update_in_place(summary, printable_text(_summary(event), multiline=True))
        self._summarised = event
        if corpus.complete:
            sources.set_rows(source_rows(event, corpus), cursor=0)
        else:
            sources.set_loading()  # the documents are still being read

    def on_row_list_chosen(self, message: RowList.Chosen) -> None:
        if isinstance(message.control, SourceList):
            message.stop()
            row = message.row
            self.post_message(self.SourceChosen(row["doc"]["id"], row.get("span"), row.get("fact_id")))


def _update_in_place(summary: Static, text: Text) -> None:
    """Show ``text`` in ``summary``; the screen is laid out again only where the summary's height changes.

    A filter or search key that moves the timeline's cursor shows another event here: a layout of the
    whole screen for it (and the full repaint it brings) was 30-45 ms of such a key's frame at 10,000
    documents, where most events' summaries take as many lines as the one before.
    """
    size = summary.content_size
    summary.update(text, layout=False)
    if not size.width or summary.get_content_height(size, size, size.width) != size.height:
        summary.refresh(layout=True)


def _summary(event: dict[str, Any]) -> Text:
    out = Text()
    out.append(event.get("type") or "event", style="bold")
    era = get_era(event.get("era"))
    if era is not None or event.get("era"):
        out.append(f"  ·  {era.label if era else event['era']}")
    out.append("\n")
    judgements = event.get("judgements") or {}
    if not judgements:
        out.append("No graded judgement (a visit without grades, or the grade is not stated).", style="italic")
        return out
    conflicts = event.get("conflicts") or []
    if conflicts:
        areas = sorted({c["area"] for c in conflicts}, key=area_order)
        # One line, so a short pane still says it; each area's other grades follow its own.
        out.append(f"\u2260 Sources disagree on {', '.join(areas)}\n", style="bold")
    width = max(len(a) for a in judgements) + 2
    for area in sorted(judgements, key=area_order):
        j = judgements[area]
        out.append(area.ljust(width))
        out.append_text(rating_badge_text(j))
        kind = KIND_SHORT.get(j.get("kind"), "")
        out.append(f"  {plural(len(j.get('doc_ids') or ()), 'doc')}{_read_from(kind, j.get('evidence'))}\n")
        for other in (c for c in conflicts if c["area"] == area):
            out.append(" " * (width - 2) + "\u2260 ", style="bold")
            out.append_text(rating_badge_text(other))
            kind = KIND_SHORT.get(other.get("kind"), "")
            out.append(f"  {plural(len(other.get('doc_ids') or ()), 'doc')}{_read_from(kind, other.get('evidence'))}\n")
    out.rstrip()
    return out


def _read_from(kind: str, evidence: str | None) -> str:
    """ " · report table", " · news": where the grade was read."""
    where = " ".join(p for p in (kind, evidence if evidence and evidence != "text" else "") if p)
    return f" \u00b7 {where}" if where else ""


def source_rows(event: dict[str, Any], corpus: Any) -> list[dict[str, Any]]:
    """One row per supporting document, with the passage that supports the event."""
    fact_ids = set(event.get("fact_ids") or ())
    rows = []
    for doc_id in event.get("doc_ids") or ():
        found = corpus.listed(doc_id)  # whole: its passage is shown
        if found is None:
            continue
        doc, facts = found[0], [f for f in found[1] if f["id"] in fact_ids]
        # Prefer the passage that states the headline rating, then any judgement, then the inspection.
        facts.sort(key=lambda f: (
            f["type"] != "judgement",
            f.get("rating") != event.get("rating"),
            (f.get("area") or "overall") != "overall",
            f["span"][0],
        ))
        best = facts[0] if facts else None
        rows.append({
            "doc": doc,
            "span": tuple(best["span"]) if best else None,
            "fact_id": best["id"] if best else None,
            "grade": best.get("grade") if best else None,
            "page": best.get("page") if best else None,
            "quotes": quotes_label(event, doc_id, corpus),
        })
    return rows


_QUOTED_KIND = {"ofsted_report": "report", "ofsted_letter": "letter", "news": "story", "minutes": "minutes"}


def quotes_label(event: dict[str, Any], doc_id: str, corpus: Any) -> str:
    """What ``doc_id`` quotes of the event's other sources, e.g. "quotes the report (3 passages)"; "" if nothing.

    The event lists only quotes of passages about itself (``ofsted_core.timeline``).
    """
    quoted = [q for q in event.get("quotes") or ()
              if q.get("doc_id") == doc_id and q.get("quoted_doc_id") in corpus.documents]
    if not quoted:
        return ""
    quoted.sort(key=lambda q: (-q.get("passages", 0), q["quoted_doc_id"]))
    other = corpus.documents[quoted[0]["quoted_doc_id"]]
    what = f"the {_QUOTED_KIND.get(other.get('kind'), 'document')}"
    passages = sum(q.get("passages", 0) for q in quoted)
    more = f" and {plural(len(quoted) - 1, 'other')}" if len(quoted) > 1 else ""
    return f"quotes {what}{more} ({plural(passages, 'passage')})"
