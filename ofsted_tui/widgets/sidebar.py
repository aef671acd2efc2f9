"""The filter sidebar: one list per facet with live counts, and a year range.

The sidebar only shows choices and reports them (``FacetList.Toggled``,
``FilterSidebar.YearsChanged``); the screen owns the ``Filters`` value and
sends the new facet counts back down with ``show``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Static

from ofsted_core.filters import FACETS, FacetValue, Filters
from ofsted_tui.grades import GRADE_COLOURS, UNGRADED_COLOUR
from ofsted_tui.widgets.inputs import SteadyInput
from ofsted_tui.widgets.rows import RowList

__all__ = ["FacetList", "FilterSidebar"]

MAX_FACET_ROWS = 8


class FacetList(RowList[FacetValue]):
    """The values of one facet; space or enter chooses or unchooses one."""

    HELP = "Filter values"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "select", "Choose", id="facet.toggle"),
    ]
    CLICK_CHOOSES = True
    DEFAULT_CSS = """
    FacetList {
        height: auto; max-height: 8; background: $panel;
        & > .row-list--cursor { background: $panel; }
    }
    """

    class Toggled(Message):
        def __init__(self, facet: str, value: str) -> None:
            super().__init__()
            self.facet = facet
            self.value = value

    def __init__(self, facet: str, **kwargs: Any) -> None:
        super().__init__(empty_text="none", **kwargs)
        self.facet = facet
        self.count_documents = False

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return max(1, min(len(self.rows), MAX_FACET_ROWS))

    def set_rows(self, rows: Any, *, cursor: int | None = None) -> bool:
        # Every search or filter key brings new counts, mostly those already drawn: the list is
        # repainted only where the rows in view differ (the others are drawn as they scroll in).
        top = self.scroll_offset.y
        if (cursor is None and self.loaded and len(rows) == len(self.rows)
                and all(rows[i] == self.rows[i] for i in range(top, min(top + MAX_FACET_ROWS, len(rows))))):
            self._rows = rows
            return False
        return super().set_rows(rows, cursor=cursor)

    def row_key(self, row: FacetValue) -> FacetValue:
        # A keystroke makes new values; equal ones (same counts, same choice) draw the same.
        return row

    def render_row(self, row: FacetValue, index: int, width: int) -> list[Text]:
        count = row.documents if self.count_documents else row.events
        dim = self.dim_style()
        line = Text()
        line.append("✓ " if row.selected else "  ", style="bold")
        if self.facet == "grades":
            colour = GRADE_COLOURS.get(int(row.value), UNGRADED_COLOUR) if row.value.isdigit() else UNGRADED_COLOUR
            line.append("█ ", style=colour)
        # A value with none in view is dimmed and shows no number (a "0" reads as a count to act on).
        number = str(count) if count else ""
        room = width - line.cell_len - len(number) - 1
        label = row.label if len(row.label) <= room else row.label[: max(0, room - 1)] + "…"
        line.append(label, style="bold" if row.selected else (dim if count == 0 else ""))
        line.append(" " * max(1, width - line.cell_len - len(number)))
        line.append(number, style=dim)
        return [line]

    def action_select(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Toggled(self.facet, row.value))


class FilterSidebar(VerticalScroll):
    """Facets with counts; the counts are of events or of documents, as the screen says."""

    HELP = "Filters"
    can_focus = False
    _status_shown: Text | None = None

    class YearsChanged(Message):
        def __init__(self, year_from: int | None, year_to: int | None) -> None:
            super().__init__()
            self.year_from = year_from
            self.year_to = year_to

        def can_replace(self, message: Message) -> bool:
            # Sent at every digit typed in the years' boxes; the latest pair is the whole answer.
            return isinstance(message, FilterSidebar.YearsChanged)

    def __init__(self, *, later: bool = False, **kwargs: Any) -> None:
        """``later``: composed empty (its frame and background alone) until ``compose_now``."""
        super().__init__(**kwargs)
        self._later = later

    async def compose_now(self) -> None:
        """Compose the lists of a sidebar made ``later`` (the main screen does once its first frame is out)."""
        if self._later:
            self._later = False
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._later:
            return
        yield Static(id="filters-status")
        with Horizontal(id="years"):
            yield Label("Years", classes="facet-title")
            yield SteadyInput(placeholder="from", id="year-from", restrict=r"\d{0,4}", max_length=4, compact=True)
            yield Label("–")
            yield SteadyInput(placeholder="to", id="year-to", restrict=r"\d{0,4}", max_length=4, compact=True)
        for facet in FACETS:
            yield Label(_facet_title(facet.title, False), classes="facet-title", id=f"title-{facet.name}")
            yield FacetList(facet.name, id=f"facet-{facet.name}")

    def show(self, facets: dict[str, list[FacetValue]], filters: Filters, *, documents: bool, shown: int) -> None:
        """New counts and choices; ``documents`` says which count the lists show."""
        titles = {facet.name: facet.title for facet in FACETS}
        for name, values in facets.items():
            facet_list = self.query_one(f"#facet-{name}", FacetList)
            if facet_list.count_documents != documents:
                facet_list.count_documents = documents
                facet_list.redraw()
                self.query_one(f"#title-{name}", Label).update(_facet_title(titles[name], documents))
            present = bool(values)
            facet_list.display = present
            self.query_one(f"#title-{name}", Label).display = present
            facet_list.set_rows(values)
        status = Text()
        status.append(f"{shown} {'documents' if documents else 'events'} shown\n", style="bold")
        chosen = filters.chosen_count()
        if chosen:
            status.append(f"{chosen} filter{'s' if chosen != 1 else ''} · x clears them")
        else:
            status.append("no filters · space chooses")
        # Always two short lines: after the first time, a repaint without a layout of the screen
        # (and none at all when they read as before).
        if status != self._status_shown:
            self.query_one("#filters-status", Static).update(status, layout=not self._status_shown)
            self._status_shown = status
        self._show_years(filters)

    def _show_years(self, filters: Filters) -> None:
        for input_id, year in (("#year-from", filters.year_from), ("#year-to", filters.year_to)):
            field = self.query_one(input_id, Input)
            text = "" if year is None else str(year)
            # Leave a half-typed year alone; only clear or set it from outside.
            if field.value != text and (year is not None or len(field.value) == 4):
                with field.prevent(Input.Changed):
                    field.value = text

    def set_year_bounds(self, years: tuple[int, int] | None) -> None:
        low, high = years or (None, None)
        self.query_one("#year-from", Input).placeholder = str(low) if low else "from"
        self.query_one("#year-to", Input).placeholder = str(high) if high else "to"

    @on(Input.Changed, "#years Input")
    def _years_typed(self, event: Input.Changed) -> None:
        event.stop()
        values = []
        for input_id in ("#year-from", "#year-to"):
            raw = self.query_one(input_id, Input).value
            if raw and len(raw) != 4:
                return  # wait for the whole year
            values.append(int(raw) if raw else None)
        self.post_message(self.YearsChanged(values[0], values[1]))


def _facet_title(title: str, documents: bool) -> str:
    """A facet's heading with what its numbers count: "Rating · events", "Rating · documents"."""
    return f"{title} \u00b7 {'documents' if documents else 'events'}"
