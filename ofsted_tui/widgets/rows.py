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
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
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

__all__ = ["Column", "RowList", "SortedRowList", "fit_widths"]

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

        def can_replace(self, message: Message) -> bool:
            # A key held down moves the cursor faster than the detail is redrawn: only the last row counts.
            return isinstance(message, RowList.Highlighted) and message.rows is self.rows

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

    def set_rows(self, rows: Sequence[RowT], *, cursor: int | None = None) -> bool:
        """Replace every row; the cursor goes to ``cursor`` (or stays in range).

        Whether the rows drawn changed (False: the lines on screen stay as they were, at most the
        scroll bar moves), so a caller knows whether this list's repaint is on its way.
        """
        target = self.cursor if cursor is None else cursor
        target = max(0, min(target, len(rows) - 1))
        # The very same sequence is not walked: a facet's lazy counts would all be counted.
        if self.loaded and (rows is self._rows or (
                len(rows) == len(self._rows) and all(map(operator.is_, rows, self._rows)))):
            # The very same rows (a filter that changed nothing here): keep what is drawn.
            self._rows = rows
            if target != self.cursor:
                self.cursor = target
                return True
            return False
        # The cursor is set only where it moves or its row changed: setting it repaints the list (and says
        # which row is highlighted), even to the same place.
        unseen = (self.loaded and target == self.cursor and target < min(len(rows), len(self._rows))
                  and rows[target] is self._rows[target] and self._same_on_screen(rows))
        self.loaded = True
        self._rows = rows
        self._set_virtual_height(len(rows) * self.ROW_HEIGHT + self.header_lines)
        if not unseen:
            self.cursor = target
            self.refresh()
        return not unseen

    def _same_on_screen(self, rows: Sequence[RowT]) -> bool:
        """Whether ``rows`` put the very rows drawn now where they are drawn (the list scrolled as it is).

        A search key whose words nearly every document has (the first letters typed) keeps most
        events, and the rows on screen with them: repainting the list drew the same lines again,
        most of that key's frame. Only the scroll bar then changes (``_set_virtual_height``).
        """
        if not rows or not self._rows:
            return False
        first = max(0, self.scroll_offset.y - self.header_lines) // self.ROW_HEIGHT
        end = first + self.scrollable_content_region.height // self.ROW_HEIGHT + 2
        if min(end, len(self._rows)) > len(rows) or (end > len(rows) and len(rows) != len(self._rows)):
            return False  # fewer rows: the list may scroll back, or show blank lines where rows were
        return all(map(operator.is_, rows[first:end], self._rows[first:end]))

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


# -- columns and sorting ------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A list column: its heading, how far it is cut, whether it is right-aligned.

    Columns are cut down to ``floor`` first, all of them, and only then
    further, down to ``least``. A column with a smaller ``give`` keeps more
    of its width while others are cut (a title beside an authority).
    """

    title: str
    floor: int
    least: int
    right: bool = False
    give: float = 1.0


SORT_MARKS = {False: " \u25b2", True: " \u25bc"}  # ascending, descending: after the sorted column's heading


def fit_widths(natural: Sequence[int], tiers: Sequence[Sequence[int]], width: int,
               drop: Sequence[int] = (), drop_early: Sequence[int] = (), give: Sequence[float] = ()) -> list[int]:
    """Column widths for a line of ``width`` cells (a space before the first column and after each).

    Columns keep their ``natural`` width (that of their longest value) while
    they fit. Otherwise, for each tier of floors in turn, the column with the
    most to spare above its floor (times its ``give``, 1 by default) gives
    up a cell at a time, so a long authority name is cut before a short
    type. The ``drop_early`` columns are left out (a
    width of 0) before any column is cut below the last tier but one; the
    ``drop`` columns only below the last tier, and the room one leaves
    goes back to the columns cut to make way for it.
    """
    widths = [max(n, 0) for n in natural]
    weights = list(give) or [1.0] * len(widths)

    def total() -> int:
        return 1 + sum(w + 1 for w in widths if w > 0)

    for tier, floors in enumerate(tiers):
        if tier == len(tiers) - 1:
            for i in drop_early:
                if total() > width:
                    widths[i] = 0
        excess = total() - width
        while excess > 0:
            spare = [((widths[i] - floors[i]) * weights[i], i) for i in range(len(widths)) if widths[i] > floors[i]]
            if not spare:
                break
            widths[max(spare)[1]] -= 1
            excess -= 1
    for k, i in enumerate(drop):
        if total() <= width:
            break
        # Left out: the room it leaves goes back to the columns cut for it (those dropped early stay out).
        gone = {i, *(j for j in drop_early if widths[j] == 0)}
        return fit_widths([0 if j in gone else n for j, n in enumerate(natural)], tiers, width, drop[k + 1:], (), give)
    return widths


class SortedRowList(RowList[RowT]):
    """A list whose rows can be sorted by any of its columns: a key, or a click on the heading.

    The rows come in their natural order (``set_rows``); the list keeps that
    order and shows them sorted by ``sort_column`` (None: as given). Sorting
    is stable, so rows that tie keep their natural order.
    """

    HELP = "Timeline and documents"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort_next", "Sort", id="rows.sort"),
        Binding("S", "sort_reverse", "Reverse order", show=False, id="rows.sort-reverse"),
    ]
    has_header = True
    COLUMNS: ClassVar[tuple[Column, ...]] = ()

    class Sorted(Message):
        """The list was sorted by another column or in the other direction."""

        def __init__(self, rows: SortedRowList[Any]) -> None:
            super().__init__()
            self.rows = rows

        @property
        def control(self) -> SortedRowList[Any]:
            return self.rows

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._given: Sequence[RowT] = ()
        self.sort_column: int | None = None
        self.sort_reverse = False
        self._natural = [len(c.title) + 2 for c in self.COLUMNS]  # room for the sort mark
        self._common = list(self._natural)  # what all but the rarest longest values need
        self._widths: dict[int, list[int]] = {}
        self._measured: dict[int, tuple[RowT, list[int]]] = {}  # id(row) -> (row, its columns' lengths)

    # -- columns -----------------------------------------------------------------
    def column_values(self, row: RowT) -> Sequence[str]:
        """The text of each column of a row, as measured to size the columns."""
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[RowT], Any]:
        raise NotImplementedError

    def drop_order(self) -> Sequence[int]:
        """The columns to leave out, first to last, when even their floors do not fit."""
        return ()

    def drop_early(self) -> Sequence[int]:
        """The columns to leave out before any is cut below its floor."""
        return ()

    def fit_columns(self, rows: Sequence[RowT]) -> None:
        """Size the columns for ``rows`` (every row of the store, so filtering never moves them)."""
        headings = [len(c.title) + 2 for c in self.COLUMNS]
        # Each row's lengths are kept by the row (a row is never changed, only replaced): after a correction,
        # the one row replaced among 10,000 is measured, where measuring them all took tens of milliseconds.
        before, measured, each = self._measured, {}, []
        for row in rows:
            kept = before.get(id(row))
            if kept is None or kept[0] is not row:
                kept = (row, [len(value) for value in self.column_values(row)])
            measured[id(row)] = kept
            each.append(kept[1])
        self._measured = measured
        lengths = [sorted(column) for column in zip(*each)]
        lengths += [[] for _ in range(len(self.COLUMNS) - len(lengths))]
        self._natural = [max(h, ls[-1] if ls else 0) for h, ls in zip(headings, lengths)]
        # A rare long value ("joint targeted area inspection") is the first thing cut.
        self._common = [max(h, ls[(len(ls) - 1) * 95 // 100] if ls else 0) for h, ls in zip(headings, lengths)]
        self._widths.clear()
        self.redraw()

    def widths(self, width: int) -> list[int]:
        """Each column's width in a line of ``width`` cells (0: left out)."""
        widths = self._widths.get(width)
        if widths is None:
            floors = [min(c.floor, n) for c, n in zip(self.COLUMNS, self._natural)]
            tiers = [[max(f, common) for f, common in zip(floors, self._common)], floors,
                     [min(c.least, n) for c, n in zip(self.COLUMNS, self._natural)]]
            widths = self._widths[width] = fit_widths(self._natural, tiers, width, self.drop_order(),
                                                      self.drop_early(), [c.give for c in self.COLUMNS])
        return widths

    def column_spans(self, width: int) -> list[tuple[int, int, int]]:
        """(column, first cell, end cell) of each column shown, as laid out in a line."""
        spans, x = [], 1
        for i, w in enumerate(self.widths(width)):
            if w > 0:
                spans.append((i, x, x + w))
                x += w + 1
        return spans

    def render_header(self, width: int) -> Text:
        line = Text(" ")
        for i, w in enumerate(self.widths(width)):
            if w <= 0:
                continue
            column = self.COLUMNS[i]
            title = column.title + (SORT_MARKS[self.sort_reverse] if i == self.sort_column else "")
            line.append(cell(title, w, right=column.right))
        return line

    # -- sorting -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RowT], *, cursor: int | None = None) -> bool:
        """``rows`` in their natural order; ``cursor`` is an index into them. Whether the rows drawn changed."""
        self._given = rows
        if self.sort_column is None or not rows:
            return super().set_rows(rows, cursor=cursor)
        target = rows[max(0, min(cursor, len(rows) - 1))] if cursor is not None else self.current
        ordered = sorted(rows, key=self.sort_key(self.sort_column), reverse=self.sort_reverse)
        at = next((i for i, row in enumerate(ordered) if row is target), 0) if target is not None else 0
        return super().set_rows(ordered, cursor=at)

    def sort_by(self, column: int | None, reverse: bool = False) -> None:
        """Show the rows sorted by ``column`` (None: in their natural order), keeping the cursor's row."""
        self.sort_column, self.sort_reverse = column, reverse
        current = self.current
        given = self._given
        at = next((i for i, row in enumerate(given) if row is current), 0)
        self._cache.clear()
        self.set_rows(given, cursor=at)
        self.refresh()
        self.post_message(self.Sorted(self))

    def action_sort_next(self) -> None:
        """Sort by the next column (after the last, the natural order again)."""
        shown = [i for i, w in enumerate(self.widths(self.scrollable_content_region.width or 80)) if w > 0]
        if self.sort_column is None:
            self.sort_by(shown[0] if shown else None)
            return
        later = [i for i in shown if i > self.sort_column]
        self.sort_by(later[0] if later else None)

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column if self.sort_column is not None else 0, not self.sort_reverse)

    def _on_click(self, event: events.Click) -> None:
        # A click on a row is RowList's (Textual calls each class's handler); one on a heading sorts.
        offset = event.get_content_offset(self)
        if offset is not None and self.has_header and offset.y == 0:
            for column, start, end in self.column_spans(self.scrollable_content_region.width):
                if start <= offset.x < end:
                    # The sorted column's heading again turns the order round.
                    self.sort_by(column, not self.sort_reverse if column == self.sort_column else False)
                    return


def cell(value: str, width: int, *, right: bool = False) -> str:
    """``value`` cut (with an ellipsis) or padded to ``width``, plus one space; "" for a column left out."""
    if width <= 0:
        return ""
    if len(value) > width:
        value = value[: max(0, width - 1)] + "\u2026"
    return (value.rjust(width) if right else value.ljust(width)) + " "
