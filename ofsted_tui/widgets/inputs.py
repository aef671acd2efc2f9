"""Text boxes typed into on every keystroke of a filter or a search."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input

__all__ = ["SteadyInput"]


class SteadyInput(Input):
    """An ``Input`` whose typing repaints the box alone, not the whole screen.

    Input records the width of its text as its virtual size on every change
    of value, and every change of a widget's virtual size makes Textual lay
    out the whole screen again (tens of milliseconds with the main screen's
    panes, on each key). The box's own size is fixed by its CSS, so nothing
    else depends on that width: it is recorded without asking for a layout
    (scrolling within the box reads it when it needs to).
    """

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
