"""The comparison grid drawn as lines of Rich text, for the compare screen and ``ofsted-tui compare``.

A line per council: its name, its latest grade with the direction since the
grade before, then a cell per year. A graded cell is a badge in the grade's
colour holding the grade's letters (O, G, RI, A, I; the words where a cell is
wide enough), so it reads without colour; "·" is a year with no graded
inspection, "?" one whose grade the national dataset lacks (a blank cell),
lower-case letters are visits that award no grade. When the years
do not all fit, the latest ones are shown and "◂" says earlier ones are off to
the left (``offset`` scrolls back). Council names are untrusted text, drawn
with ``Text``, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from importers.grade_tables import RATING_ABBREVIATIONS, RATINGS, UNGRADED_COLOUR
from ofsted_core.compare import (
    AND_VISIT_MARK, NO_GRADE_MARK, NO_OVERALL_MARK, NOT_IN_DATASET_MARK, OTHER_VISIT_MARK, VISIT_MARKS, Cell,
    CompareRow, Grid, cell_mark,
)
from ofsted_core.labels import printable
from ofsted_tui.grades import grade_style

__all__ = ["ARROWS", "Layout", "grid_header", "grid_layout", "grid_line", "legend"]

ARROWS = {"improved": "↑", "declined": "↓", "same": "="}
MORE_LEFT = "◂"
_NAME_MAX, _NAME_MIN = 24, 10
_LATEST_W = 10  # "RI ↑ 2023" and a space
_CELL_MIN, _CELL_MAX = 5, 9  # a year's label and a space; no wider, or a row of cells spreads too thin
_WORDS_MIN = 13  # a cell this wide holds a rating's word ("Outstanding") rather than its letters
# The words a wide cell holds; "requires improvement" keeps the letters the sector writes it in.
_WORDS = {rating: rating.capitalize() for rating in RATINGS} | {"requires improvement": "RI"}


@dataclass(frozen=True)
class Layout:
    name_w: int
    cell_w: int
    first: int  # index of the first year shown
    count: int  # years shown
    more_left: bool  # earlier years are off to the left
    more_right: bool  # later years are off to the right (scrolled back)

    @property
    def words(self) -> bool:
        return self.cell_w >= _WORDS_MIN


def grid_layout(grid: Grid, width: int, offset: int = 0) -> Layout:
    """How ``grid`` fits in ``width`` cells, ``offset`` years scrolled back from the latest."""
    longest = max((len(printable(r.name)) for r in grid.rows), default=_NAME_MIN)
    name_w = max(_NAME_MIN, min(_NAME_MAX, longest + 1))
    room = max(0, width - 1 - name_w - _LATEST_W - 2)  # a leading space, and "◂ "
    years = len(grid.years)
    cell_w = max(_CELL_MIN, min(_CELL_MAX, room // max(1, years)))
    if years and room // years >= _WORDS_MIN:
        cell_w = _WORDS_MIN
    count = max(1, min(years, room // cell_w))
    offset = max(0, min(offset, years - count))
    first = years - count - offset
    return Layout(name_w, cell_w, first, count, first > 0, offset > 0)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def grid_header(grid: Grid, layout: Layout, dim: Style | str = "dim") -> Text:
    line = Text(" ")
    line.append("Council".ljust(layout.name_w))
    line.append("Latest".ljust(_LATEST_W))
    line.append(MORE_LEFT if layout.more_left else " ", style="bold")
    line.append(" ")
    for year in grid.years[layout.first: layout.first + layout.count]:
        line.append(str(year).center(layout.cell_w - 1) + " ")
    if layout.more_right:
        line.append("▸", style="bold")
    return line


def _latest(row: CompareRow) -> Text:
    if not row.latest_date:
        return Text("ungraded".ljust(_LATEST_W), style="dim italic")  # nothing graded in the store
    letter = RATING_ABBREVIATIONS.get(row.latest_rating or "", NO_OVERALL_MARK)
    out = Text(letter.ljust(2), style=grade_style(row.latest_grade, badge=False))
    out.append(f" {ARROWS.get(row.direction or '', ' ')} {row.latest_date[:4]} ")
    return out


def _cell(cell: Cell, layout: Layout) -> Text:
    inner = layout.cell_w - 1
    mark = cell_mark(cell)
    if cell.grade:
        if layout.words and cell.rating in _WORDS:
            mark = _WORDS[cell.rating] + (AND_VISIT_MARK if cell.visits else "")
        text = Text(_fit(mark, inner).center(inner), style=grade_style(cell.grade))
    elif cell.visits or cell.no_overall or cell.not_in_dataset:
        text = Text(_fit(mark, inner).center(inner), style=Style(color=UNGRADED_COLOUR, bold=True))
    else:
        text = Text(mark.center(inner), style="dim")
    text.append(" ")
    return text


def grid_line(row: CompareRow, layout: Layout) -> Text:
    """One council's line: name, latest grade and direction, the years shown."""
    line = Text(" ")
    line.append(_fit(printable(row.name), layout.name_w - 1).ljust(layout.name_w), style="bold")
    line.append_text(_latest(row))
    line.append("  ")
    for cell in row.cells[layout.first: layout.first + layout.count]:
        line.append_text(_cell(cell, layout))
    return line


def _legend_items() -> list[Text]:
    items = []
    for rating in ("outstanding", "good", "requires improvement", "adequate", "inadequate", "excellent", "poor"):
        item = Text(f" {RATING_ABBREVIATIONS[rating]} ", style=grade_style(RATINGS[rating].grade))
        item.append(f" {rating.capitalize()}")
        items.append(item)
    visit = Style(color=UNGRADED_COLOUR, bold=True)
    marks = [(NO_GRADE_MARK, "bold", "no graded inspection"), *((m, visit, k) for k, m in VISIT_MARKS.items()),
             (OTHER_VISIT_MARK, visit, "other visit"), (AND_VISIT_MARK, "bold", "grade and a visit"),
             (NO_OVERALL_MARK, "bold", "no overall grade"), (NOT_IN_DATASET_MARK, visit, "grade not in dataset"),
             ("↑ ↓ =", "bold", "since the grade before"),
             (MORE_LEFT, "bold", "earlier years: ← →")]
    for mark, style, meaning in marks:
        item = Text(mark, style=style)
        item.append(f" {meaning}")
        items.append(item)
    return items


def legend(width: int) -> list[Text]:
    """What the cells mean, as lines of at most ``width`` cells, never breaking an item."""
    lines, line = [], Text(" ")
    for item in _legend_items():
        if line.cell_len > 1 and line.cell_len + 2 + item.cell_len > width:
            lines.append(line)
            line = Text(" ")
        elif line.cell_len > 1:
            line.append("  ")
        line.append_text(item)
    return [*lines, line]
