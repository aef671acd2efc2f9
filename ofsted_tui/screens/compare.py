"""Comparing councils: the keys that choose them on the main screen, and the screen of their grid.

``CompareKeys`` is a base of the main screen: ``m`` marks or unmarks the
council of the highlighted event, ``v`` compares the marked councils (else
those chosen in the sidebar's authority filter, else the highlighted one),
``N`` that council with its ten statistical neighbours and ``R`` with its
region. ``CompareScreen`` shows the grid with its legend; Enter on a council
returns it to the main screen, which shows that council's timeline.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from ofsted_core.compare import CompareRow, Grid, choose_councils, compare_grid
from ofsted_core.filters import Filters
from ofsted_core.labels import plural, printable
from ofsted_tui.compare_cells import legend
from ofsted_tui.widgets.compare_grid import CompareGrid
from ofsted_tui.widgets.rows import RowList

__all__ = ["CompareKeys", "CompareScreen"]

AUTHORITY_FACET = "authorities"


class CompareScreen(Screen[CompareRow | None]):
    """The councils' grid; dismissed with the council chosen, or None on escape."""

    HELP = "Comparison"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="compare.back"),
    ]
    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    CompareScreen CompareGrid { height: auto; max-height: 1fr; }
    CompareScreen #compare-legend { height: auto; margin-top: 1; color: $text-muted; }
    """

    def __init__(self, grid: Grid, title: str) -> None:
        super().__init__(id="compare-screen")
        self.council_grid = grid
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Static(Text(printable(self.title_text)), id="compare-title")
        yield CompareGrid(id="compare-grid")
        yield Static(id="compare-legend")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CompareGrid).show(self.council_grid)
        self._show_legend()

    def on_resize(self) -> None:
        self._show_legend()

    def _show_legend(self) -> None:
        lines = legend(max(20, self.size.width - 1))
        self.query_one("#compare-legend", Static).update(Text("\n").join(lines))

    @on(RowList.Chosen, "#compare-grid")
    def _council_chosen(self, message: RowList.Chosen) -> None:
        row: CompareRow = message.row
        if not row.authorities:
            self.notify(printable(f"This store has no events for {row.name}; `ofsted-tui fetch` downloads its reports"),
                        severity="warning", markup=False)
            return
        self.dismiss(row)

    def action_back(self) -> None:
        self.dismiss(None)


class CompareKeys(Screen[None]):
    """Keys of the main screen that choose councils to compare (it supplies the corpus and filters)."""

    HELP = "Comparing councils"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mark_council", "Mark", show=False, id="compare.mark"),
        Binding("v", "compare", "Compare", show=False, id="compare.marked"),
        Binding("N", "compare_with('neighbours')", "Compare with its neighbours", show=False,
                id="compare.neighbours"),
        Binding("R", "compare_with('region')", "Compare with its region", show=False, id="compare.region"),
    ]
    corpus: Any
    filters: Filters

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marked: list[str] = []

    def council_here(self) -> str | None:
        """The highlighted council on the Councils tab; else the council of the highlighted
        event, or the only one among the events shown."""
        from ofsted_tui.widgets.councils_table import CouncilsTable
        from ofsted_tui.widgets.timeline import TimelineList

        if self._active_tab() == "councils":  # type: ignore[attr-defined]
            row = self.query_one(CouncilsTable).current
            return row["council"] if row is not None else None
        current = self.query_one(TimelineList).current
        if current is not None and current.get("authority"):
            return current["authority"]
        authorities = {e.get("authority") for e in getattr(self, "shown_events", ())}
        return authorities.pop() if len(authorities) == 1 else None

    def action_mark_council(self) -> None:
        name = self.council_here()
        if name is None:
            self.notify("Highlight a council, or an event of one, to mark it", severity="warning")
            return
        if name in self.marked:
            self.marked.remove(name)
        else:
            self.marked.append(name)
        said = ", ".join(self.marked) if self.marked else "none"
        self.notify(printable(f"Marked to compare: {said} (v compares)"), timeout=3, markup=False)

    def action_compare(self) -> None:
        names = list(self.marked) or sorted(self.filters.selected(AUTHORITY_FACET))
        if not names and (here := self.council_here()):
            names = [here]
        if not names:
            self.notify("Mark councils with m (or choose them in the authority filter) to compare them",
                        severity="warning")
            return
        self._open(names, f"Comparing {plural(len(names), 'council')}: {', '.join(names)}")

    def action_compare_with(self, what: str) -> None:
        name = self.council_here()
        if name is None:
            self.notify("Highlight a council, or an event of one, to compare", severity="warning")
            return
        names = choose_councils([name], neighbours=what == "neighbours", region=what == "region")
        if len(names) == 1:
            self.notify(printable(f"The councils reference gives {name} no {what}"), severity="warning",
                        markup=False)
            return
        if what == "neighbours":
            title = f"{name} and its {plural(len(names) - 1, 'statistical neighbour')}"
        else:
            from importers.councils import council

            place = council(name)
            title = f"{name} and the other councils of {place.region if place else 'its region'}"
        self._open(names, title)

    def _open(self, names: list[str], title: str) -> None:
        if self.corpus is None:
            return
        grid = compare_grid(self.corpus.events, names)
        self.app.push_screen(CompareScreen(grid, title), self._compared)

    def _compared(self, row: CompareRow | None) -> None:
        if row is None:
            return
        self.set_filters(Filters(authorities=frozenset(row.authorities)))  # type: ignore[attr-defined]
        self.action_show_tab("timeline")  # type: ignore[attr-defined]
