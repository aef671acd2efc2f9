"""A small picture of one authority's ratings over the years.

With room for five lines it is a step chart: one row per grade (best at the
top, each named), a solid block in the grade colour for each year a rating was
given and a thin line while that rating stands, so it reads without colour.
With less room it is a single strip of coloured blocks (the screen gives it
five lines at any size, framed or not). The year of the highlighted event is
marked on the axis; without a frame the axis line names the authority too.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ofsted_core.compare import YearGrade, year_grades
from ofsted_core.grades import GRADE_NAMES

from ofsted_tui.grades import GRADE_COLOURS
from ofsted_core.labels import printable

__all__ = ["Trajectory"]

_LABEL_W = max(len(GRADE_NAMES[str(g)]) for g in GRADE_COLOURS) + 1


class Trajectory(Widget):
    """The rating trajectory of the authority of the highlighted event."""

    HELP = "Rating trajectory"
    DEFAULT_CSS = """
    Trajectory { height: 7; padding: 0 1; }
    """
    selected_year: reactive[int | None] = reactive(None)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._years: list[YearGrade] = []
        self._authority: str | None = None
        self._shown: tuple[Any, ...] | None = None

    def show(self, events: list[dict[str, Any]], authority: str | None, year: int | None) -> None:
        title = f"{authority or 'unknown authority'} · ratings by year" if events else "Ratings by year"
        years = year_grades(events, authority)
        # Every filter key shows the chart again, mostly the same one: drawn only when it changed.
        shown = (years, authority, year, title)
        if shown == self._shown:
            return
        self._shown, self._years, self._authority = shown, years, authority
        self.selected_year = year
        self.border_title = Content(printable(title))
        self.refresh()

    def render(self) -> Text:
        years = self._years
        if not years:
            return Text(" No graded inspection to chart for this authority.", style="italic")
        height, width = self.content_size.height, self.content_size.width
        label_w = _LABEL_W if height >= 5 else 0
        col_w = max(1, min(5, (width - label_w) // len(years)))
        shown = years[-max(1, (width - label_w) // col_w):]  # the latest years when they do not all fit
        if height >= 5:
            out = self._step_chart(shown, col_w)
        else:
            out = self._strip(shown, col_w)
        out.append("\n")
        axis = self._axis(shown, col_w, label_w)
        if self.styles.border_top[0] in ("", "none", "hidden") and self._authority and label_w:
            # No frame to carry the title: the authority goes under the grade names.
            name = printable(self._authority)
            name = name if len(name) < label_w else name[: label_w - 2] + "…"
            axis = Text(name.rjust(label_w - 1) + " ", style="bold") + axis[label_w:]
        out.append_text(axis)
        return out

    def _cell(self, item: YearGrade, col_w: int, row_grade: int | None) -> Text:
        if item.grade is None or (row_grade is not None and item.grade != row_grade):
            return Text(" " * col_w)
        colour = GRADE_COLOURS.get(item.grade)
        gap = " " if col_w > 2 else ""
        if item.rated:
            return Text("█" * (col_w - len(gap)) + gap, style=Style(color=colour))
        return Text("━" * (col_w - len(gap)) + gap, style=Style(color=colour, dim=True))

    def _step_chart(self, years: list[YearGrade], col_w: int) -> Text:
        out = Text()
        for grade in (1, 2, 3, 4):
            if grade > 1:
                out.append("\n")
            out.append(GRADE_NAMES[str(grade)].rjust(_LABEL_W - 1) + " ", style=Style(color=GRADE_COLOURS[grade]))
            for item in years:
                out.append_text(self._cell(item, col_w, grade))
        return out

    def _strip(self, years: list[YearGrade], col_w: int) -> Text:
        out = Text()
        for item in years:
            out.append_text(self._cell(item, col_w, None))
        return out

    def _axis(self, years: list[YearGrade], col_w: int, label_w: int) -> Text:
        """Year labels where they fit without overlapping; the selected year always."""
        step = max(1, -(-5 // col_w))  # years between labels so four digits and a space fit
        labels = {i: False for i in range(0, len(years), step)}
        chosen = next((i for i, item in enumerate(years) if item.year == self.selected_year), None)
        if chosen is not None:
            # The highlighted year wins; drop labels it would overlap.
            labels = {i: False for i in labels if abs(i - chosen) * col_w >= 5}
            labels[chosen] = True
        axis = Text(" " * label_w, style="dim")
        at = label_w
        for i in sorted(labels):
            pos = label_w + i * col_w
            if pos < at:
                continue
            axis.append(" " * (pos - at))
            axis.append(str(years[i].year), style=Style(bold=True, reverse=True) if labels[i] else None)
            at = pos + 4
        return axis
