"""Rows of plain strings as aligned columns, each as wide as its widest line: what a pipe gets.

The string half of ``plain_columns.PlainWhenPiped`` (which lays out Rich
tables), without Rich's console: a command that prints only these never loads it.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len  # the terminal width of a string (wide characters count two); loads no console

__all__ = ["GAP", "aligned_line", "aligned_lines"]

GAP = "  "


def _width(text: str) -> int:
    # Printable ASCII is one cell a character: most of a timeline's 17,000 cells at 10,000 documents,
    # measured here at a twentieth of Rich's cost (whose answer it is: tests/unit/test_cli_lookups.py).
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def aligned_line(cells: list[str], widths: list[int], justify: list[str], lengths: list[int] | None = None) -> str:
    """One line of a row, its cells padded to ``widths`` (``lengths``: the cells' own widths, where
    known); nothing after the last cell."""
    parts = []
    for i, text in enumerate(cells):
        pad = " " * (widths[i] - (lengths[i] if lengths is not None else _width(text)))
        last = i == len(cells) - 1
        parts.append(pad + text if justify[i] == "right" else text + ("" if last else pad))
    return GAP.join(parts)


def aligned_lines(title: str, headers: list[str], justify: list[str], rows: list[list[str]]) -> Iterator[str]:
    """The title, the headers and each row (a cell's lines one under another), each line ending in a newline.

    A line ends at its last cell with something in it: no trailing spaces.
    """
    cells = [[[(line, _width(line)) for line in cell.split("\n")] for cell in row] for row in (headers, *rows)]
    widths = [max(length for row in cells for _, length in row[i]) for i in range(len(headers))]
    yield title + "\n"
    blank = ("", 0)
    for row in cells:
        for n in range(max(len(lines) for lines in row)):
            line = [lines[n] if n < len(lines) else blank for lines in row]
            end = max(i for i, (text, _) in enumerate(line) if text or i == 0)
            shown = line[:end + 1]
            yield aligned_line([text for text, _ in shown], widths, justify, [length for _, length in shown]) + "\n"
