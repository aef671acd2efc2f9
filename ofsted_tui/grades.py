"""Rich styles for the four grade colours, used everywhere a rating is drawn.

Grade 1 is the best. The badge text is dark or light enough against each colour.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

# The colours are part of the rating vocabulary, so the CLI and the app share one table.
from importers.grade_tables import GRADE_COLOURS, UNGRADED_COLOUR
from ofsted_core.grades import NO_GRADE_LABEL, sentence_case

__all__ = ["GRADE_COLOURS", "UNGRADED_COLOUR", "grade_style", "rating_badge"]


def grade_style(grade: int | None, *, badge: bool = True) -> Style:
    colour = GRADE_COLOURS.get(grade or 0, UNGRADED_COLOUR)
    if badge:
        return Style(color="#ffffff" if grade != 3 else "#000000", bgcolor=colour, bold=True)
    return Style(color=colour, bold=True)


def rating_badge(label: str | None, grade: int | None, *, as_written: bool = False) -> Text:
    """A coloured badge; ``label`` is untrusted text and is never parsed as markup.

    Ratings are shown in sentence case; ``as_written`` keeps an abbreviation's
    capitals ("RI", not "Ri").
    """
    shown = label if as_written else sentence_case(label)
    return Text(f" {shown or NO_GRADE_LABEL} ", style=grade_style(grade))
