"""A Rich table that, piped or redirected, prints as plain aligned columns.

On a terminal it is the table itself. Elsewhere (a file, a pipe, ``grep``)
Rich's table drew thousands of rows slowly: it measured every cell twice
(once for the console's width, once for the columns) and wrapped each cell
into a grid of boxes. Piped, nothing is wrapped or cut, so each column is as
wide as its widest line, counted once, and each row is written as segments:
2 s for the 3,000 events of 10,000 documents became a small part of that.
Cells keep their styles (seen only where colour is forced); strings are
rendered as the table would render them.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ofsted_tui.aligned import GAP as _GAP, aligned_line

__all__ = ["PlainWhenPiped"]


class PlainWhenPiped:
    def __init__(self, table: Table) -> None:
        self.table = table
        self._laid_out: tuple[list[Text], list[list[list[Text]]], list[int]] | None = None

    def _cell(self, console: Console, cell: object) -> list[Text]:
        text = cell if isinstance(cell, Text) else console.render_str(str(cell))
        return text.split("\n") if "\n" in text.plain else [text]

    def _layout(self, console: Console) -> tuple[list[Text], list[list[list[Text]]], list[int]]:
        if self._laid_out is None:
            columns = self.table.columns
            headers = [self._cell(console, column.header)[0] for column in columns]
            rows = [[self._cell(console, cells[n]) for cells in (c._cells for c in columns)]
                    for n in range(self.table.row_count)]
            widths = [cell_len(header.plain) for header in headers]
            for row in rows:
                for i, lines in enumerate(row):
                    widths[i] = max(widths[i], *(cell_len(line.plain) for line in lines))
            self._laid_out = headers, rows, widths
        return self._laid_out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if console.is_terminal:
            return Measurement.get(console, options, self.table)
        _, _, widths = self._layout(console)
        width = max(sum(widths) + len(_GAP) * (len(widths) - 1), cell_len(str(self.table.title or "")))
        return Measurement(width, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.is_terminal:
            yield self.table
            return
        headers, rows, widths = self._layout(console)
        if self.table.title:
            yield from self._cell(console, self.table.title)[0].render(console)
            yield Segment.line()
        yield from self._line(console, [[header] for header in headers], widths, "bold")
        for row in rows:
            yield from self._line(console, row, widths)

    def _line(self, console: Console, row: list[list[Text]], widths: list[int], style: str = "") -> Iterator[Segment]:
        """One row, as many lines as its tallest cell."""
        justify = [column.justify for column in self.table.columns]
        for n in range(max(len(lines) for lines in row)):
            # A line ends at its last cell with something in it: no trailing spaces.
            cells = [lines[n] if n < len(lines) else Text("") for lines in row]
            end = max(i for i, line in enumerate(cells) if line.plain or i == 0)
            if console.color_system is None:  # no styles can show: the line as one string
                yield Segment(self._plain_line(cells[:end + 1], widths, justify) + "\n")
                continue
            for i, line in enumerate(cells[:end + 1]):
                pad = " " * (widths[i] - cell_len(line.plain))
                last = i == end
                if justify[i] == "right":
                    yield Segment(pad)
                # Text.render leaves a text's own style to its caller: applied here beneath its spans.
                base = console.get_style(line.style or "") + console.get_style(style)
                yield from Segment.apply_style(line.render(console), base)
                if not last:
                    yield Segment((pad if justify[i] != "right" else "") + _GAP)
            yield Segment.line()

    @staticmethod
    def _plain_line(cells: list[Text], widths: list[int], justify: list[str]) -> str:
        return aligned_line([line.plain for line in cells], widths, justify)
