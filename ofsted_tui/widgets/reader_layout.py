"""The reader's layout: what is shown for a document, wrapped to a width.

Pure Python (no Textual), so it is tested on its own and timed on big texts.

The *display* text is the document's text with page furniture optionally cut
out and short labels inserted (an annotation marker). Every
style, match and mark is given in document offsets and mapped to display
offsets here, so the fact spans in the store never have to know about labels.
Wrapping splits the display text into visual lines of at most ``width`` cells,
breaking at spaces; only the (start, end) offsets of each line are kept, so a
70-page report wraps in a few milliseconds and lines are drawn on demand.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import get_character_cell_size

from importers.sanitize import printable

__all__ = ["Insert", "DocumentLayout", "flatten_styles", "merge_ranges", "wrap_lines"]


def merge_ranges(ranges: Iterable[Sequence[int]], limit: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges clipped to ``0..limit``; empty ones dropped."""
    clipped = sorted((max(0, int(s)), min(limit, int(e))) for s, e in ranges)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Insert:
    """Text shown before document offset ``at`` that is not part of the document."""

    at: int
    text: str
    role: str


class DocumentLayout:
    """The display text of one document and its mapping to document offsets."""

    def __init__(self, text: str, hidden: Iterable[Sequence[int]] = (), inserts: Iterable[Insert] = ()) -> None:
        self.text = text
        self.hidden = merge_ranges(hidden, len(text))
        # Text pieces: parallel lists of document start, display start and length.
        self._doc_starts: list[int] = []
        self._disp_starts: list[int] = []
        self._lengths: list[int] = []
        # Inserted labels: (display start, display end, role).
        self.virtual: list[tuple[int, int, str]] = []
        parts: list[str] = []
        size = 0

        def add_text(start: int, end: int) -> None:
            nonlocal size
            if end > start:
                self._doc_starts.append(start)
                self._disp_starts.append(size)
                self._lengths.append(end - start)
                parts.append(text[start:end])
                size += end - start

        pending = sorted((i for i in inserts if 0 <= i.at <= len(text) and i.text), key=lambda i: i.at)
        self._cut_starts = [s for s, _ in self.hidden]
        pos = 0
        cuts = iter(self.hidden)
        cut = next(cuts, None)
        for insert in pending:
            while cut is not None and cut[0] < insert.at:
                add_text(pos, cut[0])
                pos = max(pos, cut[1])
                cut = next(cuts, None)
            if insert.at < pos:
                continue  # the labelled text is hidden: so is its label
            add_text(pos, insert.at)
            pos = insert.at
            label = printable(insert.text)
            self.virtual.append((size, size + len(label), insert.role))
            parts.append(label)
            size += len(label)
        while cut is not None:
            add_text(pos, cut[0])
            pos = max(pos, cut[1])
            cut = next(cuts, None)
        add_text(pos, len(text))
        self.display = printable("".join(parts), multiline=True)
        self.starts: list[int] = [0]
        self.ends: list[int] = [len(self.display)]
        self.width = 0

    # -- offsets -----------------------------------------------------------
    def to_display(self, offset: int, *, end: bool = False) -> int:
        """The display offset of document ``offset``.

        A start maps after any label inserted there, an end before it, so a span
        never swallows a neighbouring label. Offsets inside hidden text map to
        where the hidden text was cut out.
        """
        starts = self._doc_starts
        i = (bisect.bisect_left(starts, offset) if end else bisect.bisect_right(starts, offset)) - 1
        if i >= 0 and offset <= starts[i] + self._lengths[i]:
            if end or offset < starts[i] + self._lengths[i] or i + 1 == len(starts):
                return self._disp_starts[i] + offset - starts[i]
        if i + 1 < len(starts):
            return self._disp_starts[i + 1]
        return len(self.display)

    def to_document(self, offset: int) -> int | None:
        """The document offset shown at display ``offset``; None on a label."""
        i = bisect.bisect_right(self._disp_starts, offset) - 1
        if i < 0 or offset >= self._disp_starts[i] + self._lengths[i]:
            return None
        return self._doc_starts[i] + offset - self._disp_starts[i]

    def span_to_display(self, start: int, end: int) -> tuple[int, int]:
        d_start = self.to_display(start)
        return d_start, max(d_start, self.to_display(end, end=True))

    def is_hidden(self, start: int, end: int) -> bool:
        """True when all of ``start..end`` is cut out of the display."""
        i = bisect.bisect_right(self._cut_starts, start) - 1
        return i >= 0 and self.hidden[i][0] <= start and max(end, start + 1) <= self.hidden[i][1]

    # -- lines ---------------------------------------------------------------
    def wrap(self, width: int) -> None:
        self.width = max(1, width)
        self.starts, self.ends = wrap_lines(self.display, self.width)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, display_offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, display_offset) - 1)

    def line_text(self, y: int) -> str:
        return self.display[self.starts[y]:self.ends[y]]


def _narrow_characters() -> frozenset[str]:
    """Characters one cell wide in the scripts and punctuation documents mostly use."""
    ranges = (
        (0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x2027), (0x2030, 0x205E),
        (0x20A0, 0x20C0), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2400, 0x2426), (0x2500, 0x25FF),
    )
    return frozenset(
        char for low, high in ranges for char in map(chr, range(low, high + 1))
        if get_character_cell_size(char) == 1
    )


# A paragraph made only of these wraps by string search alone; others count cells.
_all_narrow = _narrow_characters().issuperset


def wrap_lines(text: str, width: int) -> tuple[list[int], list[int]]:
    """Start and end offsets of the visual lines of ``text`` at ``width`` cells.

    Lines break at newlines and, within a paragraph, at the last space that
    fits; a word longer than the width is cut. The spaces a line breaks at
    belong to no line, so wrapped lines never start with the break space.
    """
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for para in text.split("\n"):
        size = len(para)
        narrow = para.isascii() or _all_narrow(para)
        if size <= width and narrow:
            starts.append(pos)
            ends.append(pos + size)
        elif narrow:
            _wrap_narrow(para, pos, width, starts, ends)
        else:
            _wrap_wide(para, pos, width, starts, ends)
        pos += size + 1
    return starts, ends


def _wrap_narrow(para: str, pos: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Greedy wrap where every character is one cell: string searches only."""
    size = len(para)
    i = 0
    while size - i > width:
        cut = para.rfind(" ", i + 1, i + width + 1)
        if cut == -1:
            end = nxt = i + width
        else:
            end = cut
            while end > i and para[end - 1] == " ":
                end -= 1
            nxt = cut + 1
            while nxt < size and para[nxt] == " ":
                nxt += 1
        starts.append(pos + i)
        ends.append(pos + end)
        i = nxt
    if i < size:
        starts.append(pos + i)
        ends.append(pos + size)


def _wrap_wide(para: str, pos: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Greedy wrap counting cells, for text with wide or zero-width characters."""
    first = len(starts)
    line_start = 0
    cells = 0
    last_space = -1
    i = 0
    size = len(para)
    while i < size:
        char = para[i]
        char_cells = get_character_cell_size(char)
        if cells + char_cells > width and i > line_start:
            if last_space > line_start:
                starts.append(pos + line_start)
                ends.append(pos + last_space)
                i = last_space + 1
                while i < size and para[i] == " ":
                    i += 1
            else:
                starts.append(pos + line_start)
                ends.append(pos + i)
            line_start = i
            cells = 0
            last_space = -1
            continue
        if char == " ":
            last_space = i
        cells += char_cells
        i += 1
    if line_start < size or len(starts) == first:
        starts.append(pos + line_start)
        ends.append(pos + size)


def flatten_styles(ranges: Iterable[tuple[int, int, int, object]]) -> tuple[list[int], list[tuple]]:
    """Cut overlapping styled ranges into runs with the styles that cover each.

    ``ranges`` are ``(start, end, layer, key)``; within a run the keys are
    ordered by layer, then outer ranges before inner ones, so a judgement inside
    a quote draws over the quote. Returns run starts and, for each run, the
    tuple of keys (empty where nothing is styled). Runs cover ``0..`` the last
    end; offsets past it are unstyled.
    """
    items = sorted((r for r in ranges if r[1] > r[0]), key=lambda r: (r[0], -r[1]))
    bounds = sorted({p for s, e, _, _ in items for p in (s, e)})
    run_starts: list[int] = []
    run_keys: list[tuple] = []
    active: list[tuple[int, int, int, int, object]] = []  # (layer, order, start, end, key)
    next_item = 0
    for point in bounds:
        active = [a for a in active if a[3] > point]
        while next_item < len(items) and items[next_item][0] == point:
            s, e, layer, key = items[next_item]
            active.append((layer, next_item, s, e, key))
            next_item += 1
        active.sort(key=lambda a: (a[0], a[1]))
        keys = tuple(a[4] for a in active)
        if run_keys and run_keys[-1] == keys:
            continue
        run_starts.append(point)
        run_keys.append(keys)
    if not run_starts or run_starts[0] != 0:
        run_starts.insert(0, 0)
        run_keys.insert(0, ())
    return run_starts, run_keys
