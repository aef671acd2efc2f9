"""The comparison grid: a council per line, a year per cell, scrolled sideways by years.

The drawing is ``ofsted_tui.compare_cells`` (shared with ``ofsted-tui
compare``); this list adds the cursor (the council highlighted), Enter to open
a council's timeline, and ←/→ to bring earlier or later years into view when
they do not all fit.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ofsted_core.compare import CompareRow, Grid
from ofsted_tui.compare_cells import Layout, grid_header, grid_layout, grid_line
from ofsted_tui.widgets.rows import RowList

__all__ = ["CompareGrid"]


class CompareGrid(RowList[CompareRow]):
    """Councils by year; Enter opens the highlighted council's timeline."""

    HELP = "Comparison grid"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Timeline", id="compare.open"),
        Binding("left,h", "scroll_years(1)", "Earlier years", id="compare.earlier"),
        Binding("right,l", "scroll_years(-1)", "Later years", id="compare.later"),
    ]
    has_header = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text="No council to compare", **kwargs)
        self.council_grid = Grid([])
        self.years_back = 0  # years scrolled back from the latest

    def show(self, grid: Grid, cursor: int = 0) -> None:
        self.council_grid = grid
        self.years_back = 0
        self._cache.clear()
        self.set_rows(grid.rows, cursor=cursor)
        self.refresh()

    def layout_for(self, width: int) -> Layout:
        return grid_layout(self.council_grid, width, self.years_back)

    def row_key(self, row: CompareRow) -> Hashable:
        return (id(row), self.years_back)  # the years shown change the drawing

    def render_header(self, width: int) -> Text:
        return grid_header(self.council_grid, self.layout_for(width))

    def render_row(self, row: CompareRow, index: int, width: int) -> list[Text]:
        return [grid_line(row, self.layout_for(width))]

    def action_scroll_years(self, step: int) -> None:
        layout = self.layout_for(self.scrollable_content_region.width)
        offset = max(0, min(self.years_back + step, len(self.council_grid.years) - layout.count))
        if offset != self.years_back:
            self.years_back = offset
            self.redraw()
