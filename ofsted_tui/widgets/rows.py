"""A fast list with a cursor: draws only the rows on screen (Textual's Line API).

Lists in the explorer can hold 10,000 documents and are replaced on every
filter keystroke, so they must not build a widget, or even measure a row, per
item. ``RowList`` keeps a plain sequence of rows and renders a row only when
it scrolls into view; subclasses say how a row looks (``render_row``) and how
tall rows are (``ROW_HEIGHT``, fixed, so scrolling is arithmetic).

Rows are rendered from Rich ``Text`` built by the subclass from untrusted
strings with ``Text(...)``, never from markup.
"""

from __future__ import annotations

import operator
from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ofsted_tui.widgets.labels import printable_text

__all__ = ["RowList"]

RowT = TypeVar("RowT")


class RowList(ScrollView, Generic[RowT], can_focus=True):
    """A scrolling list of fixed-height rows with a cursor and an optional header line."""

    HELP = "Lists"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="rows.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="rows.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="rows.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="rows.page-down"),
        Binding("home,g", "first", "First", show=False, id="rows.first"),
        Binding("end,G", "last", "Last", show=False, id="rows.last"),
        Binding("enter", "select", "Open", id="rows.select"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--cursor", "row-list--header", "row-list--dim", "row-list--empty",
    }
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        overflow-x: hidden;  /* rows are cut to the width, never scrolled sideways */
        scrollbar-size-vertical: 1;
        & > .row-list--cursor { background: $boost; }
        &:focus > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .row-list--header { text-style: bold; color: $text-muted; background: $panel; }
        & > .row-list--dim { color: $text-muted; }
        & > .row-list--empty { color: $text-muted; text-style: italic; }
    }
    """
    ROW_HEIGHT: ClassVar[int] = 1
    # A click selects a row and a second click opens it; a list of choices chooses at once.
    CLICK_CHOOSES: ClassVar[bool] = False

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to a row."""

        def __init__(self, rows: RowList[Any], index: int, row: Any) -> None:
            super().__init__()
            self.rows = rows
            self.index = index
            self.row = row

        @property
        def control(self) -> RowList[Any]:
            return self.rows

    class Chosen(Message):
        """Enter (or a click on the cursor row) chose a row."""

        def __init__(self, rows: RowList[Any], index: int, row: Any) -> None:
            super().__init__()
            self.rows = rows
            self.index = index
            self.row = row

        @property
        def control(self) -> RowList[Any]:
            return self.rows

    def __init__(self, *, empty_text: str = "Nothing to show", name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[RowT] = ()
        self.empty_text = empty_text
        self.loaded = False  # until the first set_rows the list says it is loading
        # Drawn rows by (row_key, width, under the cursor, focused): a filter that
        # shows rows drawn before reuses them. Each entry keeps its row, so the
        # id of a row in a key is never that of a later one.
        self._cache: LRUCache[tuple, tuple[Any, list[Strip]]] = LRUCache(1024)
        self._base: Style | None = None

    # -- data ----------------------------------------------------------------
    @property
    def rows(self) -> Sequence[RowT]:
        return self._rows

    @property
    def current(self) -> RowT | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[RowT], *, cursor: int | None = None) -> None:
        """Replace every row; the cursor goes to ``cursor`` (or stays in range)."""
        target = self.cursor if cursor is None else cursor
        target = max(0, min(target, len(rows) - 1))
        if self.loaded and len(rows) == len(self._rows) and all(map(operator.is_, rows, self._rows)):
            # The very same rows (a filter that changed nothing here): keep what is drawn.
            self._rows = rows
            if target != self.cursor:
                self.cursor = target
            return
        self.loaded = True
        self._rows = rows
        self._set_virtual_height(len(rows) * self.ROW_HEIGHT + self.header_lines)
        self.cursor = target
        self.refresh()

    def set_loading(self) -> None:
        """No rows, and say they are on their way (as before the first ``set_rows``)."""
        if self.loaded or self._rows:
            self.set_rows(())
            self.loaded = False
            self.refresh()  # set_rows keeps an empty list as drawn

    def _set_virtual_height(self, height: int) -> None:
        """Resize the scrollable area, without a layout of the screen where the list's own size stays.

        ``virtual_size`` asks for a layout of the whole screen (and so a full
        repaint) whenever it changes; a list whose height is fixed by its CSS
        only needs its scroll bar redone, unless the bar appears or goes.
        """
        size = Size(self.size.width, height)
        if size == self.virtual_size:
            return
        if self.styles.height is None or self.styles.height.is_auto:
            self.virtual_size = size
            self.refresh(layout=True)
            return
        if not self.container_size:
            # Not laid out yet, or in a hidden tab: its next layout reads the new size.
            self.set_reactive(RowList.virtual_size, size)
            return
        showing = self.show_vertical_scrollbar
        self.set_reactive(RowList.virtual_size, size)
        self._scroll_update(size)
        if self.show_vertical_scrollbar != showing:
            self.refresh(layout=True)
        else:
            self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def redraw(self) -> None:
        """Render again (the rows' look depends on state outside them)."""
        self._cache.clear()
        self._base = None
        self.refresh()

    # -- looks, for subclasses -----------------------------------------------
    @property
    def header_lines(self) -> int:
        return 1 if self.has_header else 0

    has_header: ClassVar[bool] = False

    def render_header(self, width: int) -> Text:
        return Text()

    def render_row(self, row: RowT, index: int, width: int) -> list[Text]:
        """ROW_HEIGHT lines of text for one row (cut or padded to ``width``)."""
        raise NotImplementedError

    def row_key(self, row: RowT) -> Hashable:
        """What a row's drawing depends on, besides width, cursor and focus: the row object itself.

        Anything else it depends on calls ``redraw`` when it changes.
        """
        return id(row)

    def dim_style(self) -> Style:
        return self._foreground("row-list--dim")

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style without its background.

        The full style is needed to resolve theme colours given relative to the
        background ("auto 60%"); the background is dropped so the row's own
        (cursor) background shows through.
        """
        full = self.get_component_rich_style(component)
        return Style(color=full.color, bold=full.bold, italic=full.italic)

    # -- Line API ------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._base = None

    def _base_style(self) -> Style:
        # Textual computes rich_style afresh on every read, walking the ancestors.
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def _on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(event.size.width, len(self._rows) * self.ROW_HEIGHT + self.header_lines)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text = printable_text(text.copy())
        text.no_wrap = True
        text.overflow = "ellipsis"
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(Segment.apply_style(text.render(self.app.console), base))
        return Strip(segments).crop_extend(0, width, base)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.has_header and y == 0:
            key = ("header", width)
            if (cached := self._cache.get(key)) is None:
                header_style = self.get_component_rich_style("row-list--header")
                cached = self._cache[key] = (None, [self._strip(self.render_header(width), width, header_style)])
            return cached[1][0]
        line = self.scroll_offset.y + y - self.header_lines
        if not self._rows:
            base = self._base_style()
            if line == 0:
                style = base + self._foreground("row-list--empty")
                return self._strip(Text(" " + (self.empty_text if self.loaded else "Loading…")), width, style)
            return Strip.blank(width, base)
        index, offset = divmod(line, self.ROW_HEIGHT)
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self._base_style())
        row = self._rows[index]
        selected = index == self.cursor
        key = (self.row_key(row), width, selected, self.has_focus)
        if (cached := self._cache.get(key)) is None:
            style = self.get_component_rich_style("row-list--cursor") if selected else self._base_style()
            strips = [self._strip(t, width, style) for t in self.render_row(row, index, width)]
            strips += [Strip.blank(width, style)] * (self.ROW_HEIGHT - len(strips))
            cached = self._cache[key] = (row, strips)
        return cached[1][offset]

    # -- cursor --------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()
        if 0 <= new < len(self._rows):
            self.post_message(self.Highlighted(self, new, self._rows[new]))

    def _on_focus(self, event: events.Focus) -> None:
        self._cache.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._cache.clear()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        visible = self.scrollable_content_region.height - self.header_lines
        if visible <= 0 or not self._rows:
            return
        top = self.cursor * self.ROW_HEIGHT
        bottom = top + self.ROW_HEIGHT - 1
        scroll_y = self.scroll_offset.y
        if top < scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom >= scroll_y + visible:
            self.scroll_to(y=bottom - visible + 1, animate=False, immediate=True)

    def on_show(self) -> None:
        self.call_after_refresh(self._scroll_to_cursor)

    def action_cursor(self, step: int) -> None:
        if self._rows:
            self.cursor = max(0, min(self.cursor + step, len(self._rows) - 1))

    def action_page(self, direction: int) -> None:
        rows = max(1, (self.scrollable_content_region.height - self.header_lines) // self.ROW_HEIGHT)
        self.action_cursor(direction * rows)

    def action_first(self) -> None:
        if self._rows:
            self.cursor = 0

    def action_last(self) -> None:
        if self._rows:
            self.cursor = len(self._rows) - 1

    def action_select(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.post_message(self.Chosen(self, self.cursor, self._rows[self.cursor]))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_lines or not self._rows:
            return
        index = (self.scroll_offset.y + offset.y - self.header_lines) // self.ROW_HEIGHT
        if 0 <= index < len(self._rows):
            if self.CLICK_CHOOSES or index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_select()
            else:
                self.cursor = index
