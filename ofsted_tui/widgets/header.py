"""The main screen's header: Textual's, drawn by one widget instead of four.

Textual's ``Header`` composes an icon, a title and a clock's space, each a
widget of its own; every widget in the first frame costs Textual 2.5-3 ms of
CPU before that frame (styled, mounted, laid out, cut into it). This one draws
the same line itself: the icon in the same eight cells (a click there opens
the command palette, as the icon does), the title and sub-title centred
between it and the clock's ten cells, cut with an ellipsis. Its title is
redrawn without a layout of the screen: the sub-title counts the filtered
events, so it changes with every filter key.
"""

from __future__ import annotations

from textual.content import Content
from textual.events import Click, Mount
from textual.widgets import Header

__all__ = ["TitleHeader"]

ICON_CELLS = 8  # HeaderIcon's width: its padding, the icon, the space it is given
CLOCK_CELLS = 10  # HeaderClockSpace's width, kept empty as in Textual's header without a clock


class TitleHeader(Header):
    DEFAULT_CSS = """
    TitleHeader {
        content-align: left middle;  /* a tall header (a click toggles it) keeps the line in its middle */
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._title = Content("")

    def compose(self):  # type: ignore[no-untyped-def]
        return ()  # drawn by render, not by child widgets

    def _on_mount(self, event: Mount) -> None:
        # Header's own ``_on_mount`` updates its title widget, which this header does not have.
        event.prevent_default()
        for obj in (self.app, self.screen):
            self.watch(obj, "title", self.show_title, init=False)
            self.watch(obj, "sub_title", self.show_title, init=False)
        self.show_title()

    def show_title(self) -> None:
        """Show the screen's title and sub-title as they are now: one line redrawn, no layout."""
        title = self.format_title()
        if title != self._title:  # a key that changed no count repaints nothing
            self._title = title
            self.refresh()

    def render(self) -> Content:
        middle = max(0, self.size.width - ICON_CELLS - CLOCK_CELLS)
        title = self._title.truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        icon = Content(f" {self.icon}").pad_right(ICON_CELLS - 1 - len(self.icon))
        return Content.assemble(icon, " " * left, title, " " * (middle - left - title.cell_length + CLOCK_CELLS))

    async def _on_click(self, event: Click) -> None:  # type: ignore[override]
        # On the icon, the palette, as HeaderIcon does; elsewhere Header's own (a taller header).
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.prevent_default()
            event.stop()
            await self.run_action("app.command_palette")
