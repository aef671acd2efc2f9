"""The national table: every council of today, where it stands, one line each.

The rows are ``ofsted_core.national.council_rows`` over the store; filtering
(``filter_rows``), the jump to a typed name (``find_row``) and the texts of
the cells (framework, visits, trajectory) are the core's. This module only
draws them: grade words in their colours (the word, or its abbreviation in
a narrow column, so they read without colour), the direction as an arrow
and a word, the trajectory as one bar per overall grade (taller is better),
and a council the store holds nothing on dimmed, so the gaps show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from importers.councils import regions, suggest
from importers.grade_tables import RATING_ABBREVIATIONS
from ofsted_core.grades import sentence_case
from ofsted_core.labels import plural, printable
from ofsted_core.national import (
    DIRECTION_ARROWS, GRADE_HINT, council_rows, filter_rows, find_row, framework_text, grade_filter, new_by_council,
    region_matches, sparkline, visits_text,
)
from ofsted_tui.grades import grade_style
from ofsted_tui.widgets.documents import NEW_MARK
from ofsted_tui.widgets.inputs import SteadyInput
from ofsted_tui.widgets.rows import Column, SortedRowList, cell

__all__ = ["CouncilsPane", "CouncilsTable"]

(_COUNCIL, _REGION, _GRADE, _DATE, _FRAMEWORK, _BEFORE, _DIRECTION, _MONTHS, _VISITS, _TRAJECTORY,
 _DOCS) = range(11)
_MARK_W = 2  # the new mark before a council's name, and its space
_DIRECTION_ORDER = {"improved": 0, "same": 1, "declined": 2}
_READING = "Reading the store… every council is listed once it is in."


def _grade_word(rating: str | None, width: int) -> str:
    """The grade's word, or its abbreviation ("RI") where the word does not fit."""
    word = sentence_case(rating) or ""
    return word if len(word) <= width else RATING_ABBREVIATIONS.get(rating or "", word)


def _last_if_missing(value: Any, reverse: bool) -> tuple[bool, Any]:
    """A sort key that puts rows without a value last in either direction (the gaps never lead)."""
    return ((value is None) != reverse, value if value is not None else 0)


class CouncilsTable(SortedRowList[dict[str, Any]]):
    """One council a line: council (after its new mark), region, grade, date, framework, grade before, direction,
    months since, visits since, trajectory, documents."""

    HELP = "Councils"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open its timeline", id="councils.open"),
    ]
    # At 80 columns the essentials stay (council, grade, date, direction, trajectory): the
    # region, framework, grade before and visits are left out before they are cut to nothing.
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        # The council's heading stands over the name, after the new mark.
        Column(" " * _MARK_W + "Council", 18, 12, give=0.5), Column("Region", 10, 6), Column("Grade", 11, 4),
        Column("Date", 10, 10), Column("Framework", 10, 5), Column("Before", 11, 4), Column("Direction", 10, 5),
        Column("Months", 6, 6, right=True), Column("Visits since", 8, 5), Column("Trajectory", 10, 6),
        Column("Docs", 4, 4, right=True),
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text="No council passes these filters: change them, or press x to clear them.",
                         **kwargs)
        self.new_counts: dict[str, int] = {}  # reports the last fetch found new, by council
        self.find_box: Input | None = None  # where a council's name typed on the table goes

    def column_values(self, row: dict[str, Any]) -> tuple[str, ...]:
        return (" " * _MARK_W + row["council"], row["region"] or "", sentence_case(row["rating"]) or "",
                row["date"] or "", framework_text(row), sentence_case(row["previous_rating"]) or "",
                f"{DIRECTION_ARROWS.get(row['direction'] or '', '')} {row['direction'] or ''}",
                "", visits_text(row), "▆" * len(row["trajectory"]), "")

    def drop_early(self) -> Sequence[int]:
        return (_REGION, _FRAMEWORK, _BEFORE, _VISITS)

    def drop_order(self) -> Sequence[int]:
        return (_DOCS, _MONTHS)

    def sort_key(self, column: int) -> Callable[[dict[str, Any]], Any]:
        reverse = self.sort_reverse  # read as the rows are sorted: councils with nothing stay last either way

        def last(value: Any) -> tuple[bool, Any]:
            return _last_if_missing(value, reverse)

        keys: dict[int, Callable[[dict[str, Any]], Any]] = {
            _COUNCIL: lambda r: r["council"].casefold(),
            _REGION: lambda r: last(r["region"]),
            _GRADE: lambda r: last(r["grade"]),
            _DATE: lambda r: last(r["date"]),
            _FRAMEWORK: lambda r: last(framework_text(r) or None),
            _BEFORE: lambda r: last(r["previous_grade"]),
            _DIRECTION: lambda r: last(_DIRECTION_ORDER.get(r["direction"] or "")),
            _MONTHS: lambda r: last(r["months_since"]),
            _VISITS: lambda r: len(r["visits_since"]),
            # The latest grade first, then the ones before it.
            _TRAJECTORY: lambda r: last([s["grade"] or 5 for s in reversed(r["trajectory"])] or None),
            _DOCS: lambda r: r["documents"],
        }
        return keys[column]

    def render_row(self, row: dict[str, Any], index: int, width: int) -> list[Text]:
        widths = self.widths(width)
        empty = not row["documents"]
        dim = self.dim_style()
        plain = dim if empty else Style()

        def grade_cell(rating: str | None, grade: int | None, w: int, missing: str) -> tuple[str, Style]:
            if empty or not rating:
                return cell(missing, w), dim
            return cell(_grade_word(rating, w), w), grade_style(grade, badge=False)

        line = Text(" ")
        new = self.new_counts.get(row["council"], 0)
        line.append(f"{NEW_MARK if new else '':<{_MARK_W}}", style="bold")
        line.append(cell(row["council"], widths[_COUNCIL] - _MARK_W), style=plain)
        line.append(cell(row["region"] or "", widths[_REGION]), style=dim)
        # Since April 2026 an inspection grades the areas alone: its row has a date and no overall grade.
        missing = "no documents" if empty else "no overall" if row["date"] else ""
        line.append(*grade_cell(row["rating"], row["grade"], widths[_GRADE],
                                missing if widths[_GRADE] >= len(missing) else "—"))
        line.append(cell(row["date"] or "", widths[_DATE]), style=plain)
        line.append(cell(framework_text(row), widths[_FRAMEWORK]), style=dim)
        line.append(*grade_cell(row["previous_rating"], row["previous_grade"], widths[_BEFORE], ""))
        line.append(cell(self._direction(row["direction"], widths[_DIRECTION]), widths[_DIRECTION]), style=plain)
        months = row["months_since"]
        line.append(cell("" if months is None else str(months), widths[_MONTHS], right=True), style=plain)
        line.append(cell(visits_text(row), widths[_VISITS]), style=plain)
        self._append_sparkline(line, row, widths[_TRAJECTORY], plain)
        line.append(cell(str(row["documents"]), widths[_DOCS], right=True), style=dim)
        return [line]

    @staticmethod
    def _direction(direction: str | None, width: int) -> str:
        """"↑ improved", or the arrow and the word's start in a narrow column ("↑ imp")."""
        if not direction:
            return ""
        return f"{DIRECTION_ARROWS[direction]} {direction}"[:width]

    @staticmethod
    def _append_sparkline(line: Text, row: dict[str, Any], width: int, plain: Style) -> None:
        if width <= 0:
            return
        bars = sparkline(row)
        if len(bars) > width:  # the latest grades, with a mark that earlier ones are cut
            bars = [("…", None)] + bars[len(bars) - width + 1:]
        for bar, grade in bars:
            line.append(bar, style=grade_style(grade, badge=False) if grade else plain)
        line.append(" " * (width - len(bars) + 1))

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: a letter no key of the screen uses starts a council's name ("wind") in the find box.

        The focus moves at once, but keys typed quickly may already be on their way here: those
        that arrive once the table has lost the focus to the box are the name's too.
        """
        box = self.find_box
        if box is None or not event.is_printable or not event.character:
            return
        if self.screen.focused is self:  # not has_focus: that changes only once the blur is handled
            if not event.character.isalpha() or event.key in self.screen.active_bindings:
                return
            box.value = ""
            self.screen.set_focus(box)
        elif self.screen.focused is not box:
            return
        box.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()


class CouncilsPane(Vertical):
    """The national table with its filters (region, grade, inspected since) and a box to find a council."""

    class Open(Message):
        """Enter on a council: show its timeline."""

        def __init__(self, row: dict[str, Any]) -> None:
            super().__init__()
            self.row = row

    today: dt.date | None = None  # "months since" counts to this day; None: today's (tests fix it)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows: list[dict[str, Any]] = []
        self._documents: list[dict[str, Any]] = []
        self._sources: frozenset[str] = frozenset()
        self._problem = ""  # what is wrong with a filter or the name typed

    def compose(self) -> ComposeResult:
        with Horizontal(id="councils-bar"):
            for label, box, hint in (("Find", "find", "a name"), ("Region", "region", "any"),
                                     ("Grade", "grade", "any"), ("Since", "since", "year")):
                yield Label(label, classes="councils-label")
                # Not selected on focus: the type-ahead's first letter is in the box already.
                yield SteadyInput(placeholder=hint, id=f"councils-{box}", compact=True, select_on_focus=False,
                                  restrict=r"\d{0,4}" if box == "since" else None)
        yield Static(id="councils-status")
        yield CouncilsTable(id="councils")

    def on_mount(self) -> None:
        self.table.find_box = self.query_one("#councils-find", Input)
        self._say(_READING)

    @property
    def table(self) -> CouncilsTable:
        return self.query_one(CouncilsTable)

    # -- data ----------------------------------------------------------------
    def show(self, events: list[dict[str, Any]], documents: list[dict[str, Any]] | None) -> None:
        """The store's events and documents (None while the documents are still being read)."""
        if documents is None:
            self.table.set_loading()
            self._say(_READING)
            return
        self._documents = documents
        self._rows = council_rows(events, documents, today=self.today)
        self.table.fit_columns(self._rows)
        self.mark_new(self._sources)
        self.apply_filters()

    def mark_new(self, sources: frozenset[str]) -> None:
        """Mark the councils with a report among ``sources`` (those the last fetch found new)."""
        self._sources = sources
        self.table.new_counts = new_by_council(self._documents, sources)
        self.table.redraw()
        self._say_counts()

    def apply_filters(self) -> None:
        region = self._value("region")
        grade_text, since_text = self._value("grade"), self._value("since")
        grade = grade_filter(grade_text) if grade_text else None
        self._problem = ""
        if grade_text and grade is None:
            self._problem = f"Grade “{grade_text}” is not a grade: {GRADE_HINT}."
        elif region and not region_matches(region):
            self._problem = f"No region matches “{region}”: {', '.join(regions())}."
        since = int(since_text) if len(since_text) == 4 else None
        rows = filter_rows(self._rows, region or None, grade, since)
        table = self.table
        current = table.current
        table.set_rows(rows, cursor=next((i for i, r in enumerate(rows) if r is current), 0))
        self._say_counts()

    def clear_filters(self) -> None:
        for box in ("find", "region", "grade", "since"):
            self.query_one(f"#councils-{box}", Input).value = ""

    def _value(self, box: str) -> str:
        return self.query_one(f"#councils-{box}", Input).value.strip()

    # -- the status line -----------------------------------------------------
    def _say(self, text: str, style: str = "italic") -> None:
        self.query_one("#councils-status", Static).update(Text(printable(text), style=style))

    def _say_counts(self) -> None:
        if self._problem:
            self._say(self._problem, "bold")
            return
        if not self._rows:
            return
        if not self._documents:
            self._say("The store holds nothing yet: press i to import reports or the national CSV "
                      "(ofsted_csc_ilacs_history.csv), or run `ofsted-tui fetch --all`.")
            return
        shown = self.table.rows
        total = len(self._rows)
        counts = f"{len(shown)} of {total} councils" if len(shown) != total else plural(total, "council")
        missing = sum(1 for r in shown if not r["documents"])
        parts = [counts]
        if missing:
            parts.append(f"{missing} with no document (dim)")
        new = sum(1 for r in shown if self.table.new_counts.get(r["council"]))
        if new:
            parts.append(f"{new} with new reports {NEW_MARK}")
        # Letters the screen uses as keys (n, N, b ...) cannot start a name, so the hint names "/", which always can.
        parts.append("⏎ its timeline · s sorts · / finds a council by name")
        self._say(" · ".join(parts))

    def say_no_documents(self, name: str) -> None:
        self._say(f"Nothing on {name} in the store yet: press i to import its reports, "
                  f"or run `ofsted-tui fetch \"{name}\"`.", "bold")

    # -- events --------------------------------------------------------------
    @on(Input.Changed, "#councils-region, #councils-grade, #councils-since")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filters()

    @on(Input.Changed, "#councils-find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.jump_to(event.value)

    def jump_to(self, text: str) -> None:
        """Put the cursor on the council ``text`` names (any part of any of its names)."""
        if not text.strip():
            self._problem = ""
            self._say_counts()
            return
        at = find_row(list(self.table.rows), text)
        if at is None:
            close = suggest(text)
            hidden = find_row(self._rows, text) is not None
            self._problem = (f"No council listed matches “{text}”"
                             + (": it is left out by the filters (x clears them)." if hidden
                                else f"; did you mean {' or '.join(close)}?" if close else "."))
        else:
            self._problem = ""
            self.table.cursor = at
        self._say_counts()

    @on(Input.Submitted, "#councils-find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.set_focus(self.table)
        self.table.action_select()

    @on(Input.Submitted, "#councils-region, #councils-grade, #councils-since")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.set_focus(self.table)

    @on(CouncilsTable.Chosen, "#councils")
    def _chosen(self, message: CouncilsTable.Chosen) -> None:
        message.stop()
        self.post_message(self.Open(message.row))

    def focus_find(self) -> None:
        self.screen.set_focus(self.query_one("#councils-find", Input))

    def focus_filters(self) -> None:
        self.screen.set_focus(self.query_one("#councils-region", Input))
