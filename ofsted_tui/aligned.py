"""Rows of plain strings as aligned columns, each as wide as its widest line: what a pipe gets.

The string half of ``plain_columns.PlainWhenPiped`` (which lays out Rich
tables), without Rich's console: a command that prints only these never loads it.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len  # the terminal width of a string (wide characters count two); loads no console

__all__ = ["GAP", "aligned_line", "aligned_lines"]

GAP = "  "


def aligned_line(cells: list[str], widths: list[int], justify: list[str]) -> str:
    """One line of a row, its cells padded to ``widths``; nothing after the last cell."""
    parts = []
    for i, text in enumerate(cells):
        pad = " " * (widths[i] - cell_len(text))
        last = i == len(cells) - 1
        parts.append(pad + text if justify[i] == "right" else text + ("" if last else pad))
    return GAP.join(parts)


def aligned_lines(title: str, headers: list[str], justify: list[str], rows: list[list[str]]) -> Iterator[str]:
    """The title, the headers and each row (a cell's lines one under another), each line ending in a newline.

    A line ends at its last cell with something in it: no trailing spaces.
    """
    cells = [[cell.split("\n") for cell in row] for row in rows]
    widths = [cell_len(header) for header in headers]
    for row in cells:
        for i, lines in enumerate(row):
            widths[i] = max(widths[i], *(cell_len(line) for line in lines))
    yield title + "\n"
    for row in ([[header] for header in headers], *cells):
        for n in range(max(len(lines) for lines in row)):
            line = [lines[n] if n < len(lines) else "" for lines in row]
            end = max(i for i, text in enumerate(line) if text or i == 0)
            yield aligned_line(line[:end + 1], widths, justify) + "\n"
