"""Comparing councils: the screen of their grid.

``CompareScreen`` shows the grid with its legend; Enter on a council returns
it to the main screen, which shows that council's timeline. The keys that
choose the councils are the main screen's (``ofsted_tui.screens.compare_keys``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ofsted_core.compare import CompareRow, Grid
from ofsted_core.labels import printable
from ofsted_tui.compare_cells import legend
from ofsted_tui.widgets.compare_grid import CompareGrid
from ofsted_tui.widgets.rows import RowList
from ofsted_tui.widgets.keys_footer import KeysFooter

__all__ = ["CompareScreen"]


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
        yield KeysFooter()

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
