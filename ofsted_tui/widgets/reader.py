"""The document view: a document's clean text with its facts highlighted.

A Line API widget: the text is wrapped once per width into line offsets
(``reader_layout``) and each visible line is drawn on demand from plain
segments, so a 70-page report opens as fast as a letter and the text is never
parsed as markup. Judgements take their grade colour, quotes are styled,
people, dates and statistics are marked, and page furniture is dimmed or cut
out. The text is shown as the document has it: a quote's speaker is named in
the facts pane and the status line, never inserted into the text; only the
user's own note marks are.

The view keeps a *mark* (the selected fact or passage) and the matches of a
find. It tells its screen when the user moves the mark (``Selected``) or the
find changes (``FindResults``); the screen tells it what to mark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any, ClassVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label

from ofsted_tui.grades import grade_style
from ofsted_tui.widgets.inputs import SteadyInput
from ofsted_tui.widgets.reader_layout import DocumentLayout, Insert, flatten_styles

__all__ = ["DocumentView", "FindBar", "HIGHLIGHT_KINDS", "MAX_MATCHES", "NOTE_MARKS", "component_style"]

# Fact types drawn with a style of their own, in the order keys list them.
HIGHLIGHT_KINDS = ("judgement", "quote", "person", "date", "statistic")
MAX_MATCHES = 10_000
# Inner styles draw over outer ones: a rating inside a quote keeps its colour.
_LAYERS = {"furniture": 0, "quote": 1, "statistic": 2, "date": 2, "person": 2, "judgement": 3, "note": 4}
# How an annotation shows beside what it is on, here and in the facts pane.
NOTE_MARKS = {"bookmark": "\u2605", "note": "\u270e", "correction": "\u2731"}


class DocumentView(ScrollView, can_focus=True):
    """One document's text, its highlights, a mark and find matches."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-view--quote", "document-view--person",
        "document-view--date", "document-view--statistic", "document-view--furniture",
        "document-view--note", "document-view--match", "document-view--match-current",
        "document-view--mark",
    }
    DEFAULT_CSS = """
    DocumentView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        padding: 0 1;
        background: $surface;
        & > .document-view--quote { color: $text-secondary; text-style: italic; }
        & > .document-view--person { color: $text-accent; text-style: bold; }
        & > .document-view--date { color: $text-primary; text-style: underline; }
        & > .document-view--statistic { text-style: underline; }
        & > .document-view--furniture { color: $text-disabled; }
        & > .document-view--note { color: $text-warning; text-style: bold; }
        & > .document-view--match { background: $warning 35%; color: $foreground; }
        & > .document-view--match-current { background: $warning; color: $background; text-style: bold underline; }
        & > .document-view--mark { text-style: reverse bold; }
    }
    """

    class Selected(Message):
        """The user moved the mark to a fact (keys or mouse)."""

        def __init__(self, view: DocumentView, fact_id: str | None) -> None:
            super().__init__()
            self.view = view
            self.fact_id = fact_id

        @property
        def control(self) -> DocumentView:
            return self.view

    class FindResults(Message):
        """The find query or the current match changed."""

        def __init__(self, view: DocumentView, query: str, count: int, current: int | None) -> None:
            super().__init__()
            self.view = view
            self.query = query
            self.count = count
            self.current = current  # 0-based index of the current match

        @property
        def control(self) -> DocumentView:
            return self.view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document: dict[str, Any] | None = None
        self.facts: list[dict[str, Any]] = []
        self._facts_by_id: dict[str, dict[str, Any]] = {}
        self._notes: list[dict[str, Any]] = []
        self._highlights: list[dict[str, Any]] = []  # styled facts in span order
        self.furniture_hidden = False
        self._layout = DocumentLayout("")
        self._runs: tuple[list[int], list[tuple]] = ([0], [()])
        self.mark: tuple[int, int] | None = None  # document offsets
        self.selected_fact_id: str | None = None
        self.query = ""
        self.matches: list[tuple[int, int]] = []  # document offsets, in order
        self._match_starts: list[int] = []  # display offsets of the matches, for bisect
        self._match_display: list[tuple[int, int]] = []
        self.current_match: int | None = None
        self._pending: int | None = None  # display offset to bring into view after the next wrap
        self._line_cache: LRUCache[int, Strip] = LRUCache(1024)
        self._style_cache: dict[tuple, Style] = {}

    # -- loading -------------------------------------------------------------
    def load(
        self, document: dict[str, Any], facts: Iterable[dict[str, Any]],
        notes: Iterable[dict[str, Any]] = (), *, keep_position: bool = False,
    ) -> None:
        """Show ``document`` with ``facts`` (any order) and its annotations."""
        anchor = self._top_offset() if keep_position else None
        same_document = self.document is not None and self.document.get("id") == document.get("id")
        self.document = document
        text = document.get("text") or ""
        self.facts = sorted(
            (f for f in facts if _valid_span(f, len(text))), key=lambda f: (f["span"][0], f["span"][1]),
        )
        self._facts_by_id = {f["id"]: f for f in self.facts}
        self._notes = list(notes)
        self._highlights = [f for f in self.facts if f["type"] in HIGHLIGHT_KINDS]
        if not same_document or not keep_position:  # opened afresh (the reader is reused): nothing marked
            self.mark = None
            self.selected_fact_id = None
            self.query = ""
            self.matches = []
            self.current_match = None
        elif self.selected_fact_id not in self._facts_by_id:
            self.selected_fact_id = None
        self._relayout(anchor)

    def set_furniture_hidden(self, hidden: bool) -> None:
        if hidden == self.furniture_hidden:
            return
        anchor = self._top_offset()
        self.furniture_hidden = hidden
        self._relayout(anchor)
        if self.query:
            self._find(self.query, from_offset=anchor, scroll=False)

    def _relayout(self, anchor: int | None) -> None:
        text = (self.document or {}).get("text") or ""
        hidden = _whole_lines(text, self.document.get("furniture") or []) if self.furniture_hidden and self.document else []
        self._layout = DocumentLayout(text, hidden, self._inserts())
        self._restyle()
        self._wrap(anchor)

    def _inserts(self) -> list[Insert]:
        inserts = []
        marks: dict[str, str] = {}
        for note in self._notes:
            fact_id = note.get("fact_id")
            if fact_id in self._facts_by_id:
                mark = NOTE_MARKS.get(note.get("kind"), "")
                if mark not in marks.get(fact_id, ""):
                    marks[fact_id] = marks.get(fact_id, "") + mark
        for fact_id, mark in marks.items():
            inserts.append(Insert(self._facts_by_id[fact_id]["span"][1], f" {mark}", "note"))
        return inserts

    def _restyle(self) -> None:
        """Recompute the style runs (display offsets) for highlights, furniture and labels."""
        layout = self._layout
        ranges: list[tuple[int, int, int, object]] = []
        if not self.furniture_hidden and self.document:
            for start, end in self.document.get("furniture") or []:
                d_start, d_end = layout.span_to_display(start, end)
                ranges.append((d_start, d_end, _LAYERS["furniture"], "furniture"))
        for fact in self._highlights:
            d_start, d_end = layout.span_to_display(*fact["span"])
            key: object = ("grade", fact.get("grade")) if fact["type"] == "judgement" else fact["type"]
            ranges.append((d_start, d_end, _LAYERS[fact["type"]], key))
        for d_start, d_end, role in layout.virtual:
            ranges.append((d_start, d_end, _LAYERS[role], role))
        self._runs = flatten_styles(ranges)
        self._map_matches()

    def _wrap(self, anchor: int | None = None) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: on_resize wraps
        self._layout.wrap(width)
        self.virtual_size = Size(width, self._layout.line_count)
        self._line_cache.clear()
        if self._pending is not None:
            target, self._pending = self._pending, None
            self._bring_into_view(target)
        elif anchor is not None:
            self.scroll_to(y=self._layout.line_of(self._layout.to_display(anchor)), animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._layout.width != self.scrollable_content_region.width:
            self._wrap(self._top_offset())

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        # Wrap as soon as the layout gives a width: the Resize event would come
        # after the first frame, which would then draw no text.
        width = self.scrollable_content_region.width
        if width > 0 and not self._layout.width:
            self._wrap()
        return changed

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._line_cache.clear()

    # -- marking and moving --------------------------------------------------
    @property
    def selected_fact(self) -> dict[str, Any] | None:
        return self._facts_by_id.get(self.selected_fact_id or "")

    def select_fact(self, fact_id: str | None, *, scroll: bool = True) -> bool:
        """Mark a fact's span (no message: the caller chose it)."""
        fact = self._facts_by_id.get(fact_id or "")
        if fact is None:
            return False
        self.selected_fact_id = fact["id"]
        self._set_mark(tuple(fact["span"]), scroll)
        return True

    def mark_span(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Mark a passage that is no fact (a search hit, a timeline source)."""
        size = len((self.document or {}).get("text") or "")
        start = max(0, min(start, size))
        self.selected_fact_id = None
        self._set_mark((start, max(start, min(end, size))), scroll)

    def clear_mark(self) -> None:
        self.mark = None
        self.selected_fact_id = None
        self._changed()

    def _set_mark(self, span: tuple[int, int], scroll: bool) -> None:
        self.mark = span
        self._changed()
        if scroll:
            self._bring_into_view(self._layout.to_display(span[0]))

    def move_highlight(self, kind: str | None, direction: int) -> dict[str, Any] | None:
        """Mark the next (1) or previous (-1) highlighted fact of ``kind`` (None: any)."""
        candidates = [f for f in self._highlights if kind is None or f["type"] == kind]
        if self.furniture_hidden:
            candidates = [f for f in candidates if not self._layout.is_hidden(*f["span"])]
        if not candidates:
            return None
        keys = [(f["span"][0], f["span"][1]) for f in candidates]
        if self.mark is not None:
            here = self.mark
        else:  # start from the top of the screen
            top = self._top_offset()
            here = (top, -1) if direction > 0 else (top, 0)
        if direction > 0:
            i = bisect.bisect_right(keys, here)
            fact = candidates[i] if i < len(candidates) else None
        else:
            i = bisect.bisect_left(keys, here) - 1
            fact = candidates[i] if i >= 0 else None
        if fact is None:
            return None
        self.select_fact(fact["id"])
        self.post_message(self.Selected(self, fact["id"]))
        return fact

    def count_of(self, kind: str | None) -> int:
        return sum(1 for f in self._highlights if kind is None or f["type"] == kind)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        fact = self.fact_at_cell(offset.x, offset.y + self.scroll_offset.y)
        if fact is not None:
            self.select_fact(fact["id"], scroll=False)
            self.post_message(self.Selected(self, fact["id"]))

    def fact_at_cell(self, x: int, line: int) -> dict[str, Any] | None:
        """The innermost fact drawn at cell ``x`` of visual ``line``."""
        layout = self._layout
        if not 0 <= line < layout.line_count:
            return None
        column = 0
        for i, char in enumerate(layout.line_text(line)):
            column += get_character_cell_size(char)
            if column > x:
                offset = layout.to_document(layout.starts[line] + i)
                break
        else:
            return None
        if offset is None:
            return None
        covering = [f for f in self.facts if f["span"][0] <= offset < f["span"][1]]
        return min(covering, key=lambda f: f["span"][1] - f["span"][0]) if covering else None

    # -- find ----------------------------------------------------------------
    def find(self, query: str) -> int:
        """Find ``query`` (literal, any case); the current match is the first on screen or after."""
        return self._find(query, from_offset=self._top_offset(), scroll=True)

    def _find(self, query: str, *, from_offset: int, scroll: bool) -> int:
        self.query = query
        text = (self.document or {}).get("text") or ""
        matches: list[tuple[int, int]] = []
        if query:
            for match in re.finditer(re.escape(query), text, re.IGNORECASE):
                if not (self.furniture_hidden and self._layout.is_hidden(*match.span())):
                    matches.append(match.span())
                    if len(matches) >= MAX_MATCHES:
                        break
        self.matches = matches
        self._map_matches()
        if matches:
            i = bisect.bisect_left(matches, (from_offset, 0))
            self.current_match = i if i < len(matches) else 0
            if scroll:
                self._bring_into_view(self._match_display[self.current_match][0])
        else:
            self.current_match = None
        self._changed()
        self.post_message(self.FindResults(self, query, len(matches), self.current_match))
        return len(matches)

    def find_next(self, direction: int = 1) -> int | None:
        """Move to the next (1) or previous (-1) match, wrapping round."""
        if not self.matches:
            return None
        if self.current_match is None:
            self.current_match = 0
        else:
            self.current_match = (self.current_match + direction) % len(self.matches)
        self._bring_into_view(self._match_display[self.current_match][0])
        self._changed()
        self.post_message(self.FindResults(self, self.query, len(self.matches), self.current_match))
        return self.current_match

    def clear_find(self) -> None:
        if self.query or self.matches:
            self._find("", from_offset=0, scroll=False)

    def _map_matches(self) -> None:
        self._match_display = [self._layout.span_to_display(s, e) for s, e in self.matches]
        self._match_starts = [s for s, _ in self._match_display]

    # -- geometry ------------------------------------------------------------
    def _top_offset(self) -> int:
        """The document offset at the top of the screen."""
        layout = self._layout
        y = min(int(self.scroll_offset.y), layout.line_count - 1)
        if y < 0 or not layout.text:
            return 0
        for d in range(layout.starts[y], len(layout.display) + 1):
            offset = layout.to_document(d)
            if offset is not None:
                return offset
        return len(layout.text)

    def _bring_into_view(self, display_offset: int) -> None:
        if self._layout.width == 0:
            self._pending = display_offset
            return
        line = self._layout.line_of(display_offset)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y)
        if not top <= line < top + height:
            # A third of the way down leaves context above the passage. Forced:
            # just after a new virtual size the scrollbars are not laid out yet
            # and Textual would refuse the scroll.
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True, force=True)

    def visible_lines(self) -> range:
        top = int(self.scroll_offset.y)
        return range(top, min(self._layout.line_count, top + self.scrollable_content_region.height))

    def line_text(self, y: int) -> str:
        """The text of visual line ``y`` as drawn (for tests and copying)."""
        return self._layout.line_text(y)

    @property
    def layout_lines(self) -> int:
        return self._layout.line_count

    def line_of_offset(self, offset: int) -> int:
        return self._layout.line_of(self._layout.to_display(offset))

    # -- drawing -------------------------------------------------------------
    def _changed(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        base = self.rich_style
        # Before the first wrap (the reader has no width yet) the whole text is one line: draw nothing.
        if not 0 <= line < self._layout.line_count or not self._layout.width:
            return Strip.blank(width, base)
        strip = self._line_cache.get(line)
        if strip is None:
            strip = self._render_visual_line(line, base).adjust_cell_length(width, base)
            self._line_cache[line] = strip
        return strip

    def _render_visual_line(self, line: int, base: Style) -> Strip:
        layout = self._layout
        d_start, d_end = layout.starts[line], layout.ends[line]
        text = layout.display[d_start:d_end]
        if not text:
            return Strip([], 0)
        run_starts, run_keys = self._runs
        mark = self._layout.span_to_display(*self.mark) if self.mark else None
        current = self._match_display[self.current_match] if self.current_match is not None else None
        matches = self._matches_between(d_start, d_end)
        points = {d_start, d_end}
        first_run = bisect.bisect_right(run_starts, d_start) - 1
        last_run = bisect.bisect_left(run_starts, d_end)
        points.update(run_starts[first_run + 1:last_run])
        for start, end in ([mark] if mark else []) + matches:
            points.update(p for p in (start, end) if d_start < p < d_end)
        cuts = sorted(points)
        segments = []
        run = first_run
        for a, b in zip(cuts, cuts[1:]):
            while run + 1 < len(run_starts) and run_starts[run + 1] <= a:
                run += 1
            overlay = (
                "match-current" if current and current[0] <= a < current[1]
                else "match" if any(s <= a < e for s, e in matches) else None,
                bool(mark and mark[0] <= a < mark[1]),
            )
            segments.append(Segment(text[a - d_start:b - d_start], self._style(run_keys[run], overlay, base)))
        return Strip(segments)

    def _matches_between(self, d_start: int, d_end: int) -> list[tuple[int, int]]:
        # Matches never overlap one another, so they are sorted by end too.
        i = bisect.bisect_left(self._match_starts, d_start)
        while i > 0 and self._match_display[i - 1][1] > d_start:
            i -= 1
        out = []
        while i < len(self._match_display) and self._match_display[i][0] < d_end:
            out.append(self._match_display[i])
            i += 1
        return out

    def _style(self, keys: tuple, overlay: tuple[str | None, bool], base: Style) -> Style:
        cache_key = (keys, overlay)
        style = self._style_cache.get(cache_key)
        if style is None:
            style = base
            for key in keys:
                if isinstance(key, tuple):  # ("grade", n)
                    style += grade_style(key[1])
                else:
                    style += self._component(key)
            found, marked = overlay
            if found:
                style += self._component(found)
            if marked:
                style += self._component("mark")
            self._style_cache[cache_key] = style
        return style

    def _component(self, name: str) -> Style:
        return component_style(self, f"document-view--{name}")


def component_style(widget: Widget, name: str) -> Style:
    """Only what a component class's CSS sets, with translucent colours blended.

    The partial style keeps a highlight from painting over the styles under it,
    but drops colours with alpha (``$text-muted``); the full style has them
    blended with the background.
    """
    partial = widget.get_component_rich_style(name, partial=True)
    full = widget.get_component_rich_style(name)
    return partial + Style(
        color=full.color if partial.color else None, bgcolor=full.bgcolor if partial.bgcolor else None,
    )


def _valid_span(fact: dict[str, Any], size: int) -> bool:
    span = fact.get("span")
    return bool(span) and len(span) == 2 and 0 <= span[0] <= span[1] <= size


def _whole_lines(text: str, ranges: Iterable[Iterable[int]]) -> list[tuple[int, int]]:
    """Furniture to cut, taking the line break after a range that fills whole lines.

    Without this a hidden page header would leave an empty line behind.
    """
    out = []
    for start, end in ranges:
        at_line_start = start == 0 or text[start - 1:start] == "\n"
        if at_line_start and text[end:end + 1] == "\n":
            end += 1
        out.append((start, end))
    return out


class FindBar(Horizontal):
    """The `/` find line under the reader: live query, match count, escape closes."""

    HELP = "Find"
    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > Label { width: auto; padding: 0 1; color: $text-muted; }
        & > Input { border: none; height: 1; width: 1fr; padding: 0; background: $panel; }
        & > Input:focus { border: none; background: $boost; }
        & > #find-count { color: $text; text-style: bold; }
    }
    """
    BINDINGS = [Binding("escape", "close", "Close find", id="find.close")]

    class Changed(Message):
        def __init__(self, bar: FindBar, query: str) -> None:
            super().__init__()
            self.bar = bar
            self.query = query

        @property
        def control(self) -> FindBar:
            return self.bar

    class Submitted(Message):
        def __init__(self, bar: FindBar, query: str) -> None:
            super().__init__()
            self.bar = bar
            self.query = query

        @property
        def control(self) -> FindBar:
            return self.bar

    class Closed(Message):
        def __init__(self, bar: FindBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> FindBar:
            return self.bar

    def compose(self) -> ComposeResult:
        yield Label("Find")
        yield SteadyInput(placeholder="words in this document", id="find-input")
        yield Label("", id="find-count")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, query: str = "") -> None:
        self.add_class("-open")
        box = self.query_one(Input)
        if query:
            box.value = query
            box.select_all()
        box.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def action_close(self) -> None:
        self.close()
        self.post_message(self.Closed(self))

    def show_count(self, query: str, count: int, current: int | None) -> None:
        if not query:
            text = ""
        elif count == 0:
            text = "no matches"
        elif count >= MAX_MATCHES:
            text = f"{(current or 0) + 1} of {MAX_MATCHES}+"
        else:
            text = f"{(current or 0) + 1} of {count}"
        self.query_one("#find-count", Label).update(Content(text))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self, event.value))
