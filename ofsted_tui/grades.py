"""Rich styles for the four grade colours, used everywhere a rating is shown.

Grade 1 is the best. The badge text is dark or light enough against each colour.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

# The colours are part of the rating vocabulary, so the CLI and the app share one table.
from importers.vocabulary import GRADE_COLOURS, UNGRADED_COLOUR

__all__ = ["GRADE_COLOURS", "GRADE_NAMES", "NO_GRADE", "NO_GRADE_LABEL", "UNGRADED_COLOUR", "grade_style", "rating_badge",
           "sentence_case"]

NO_GRADE = "none"  # the grade facet's value for events and documents that award none
NO_GRADE_LABEL = "No grade"
# Each grade's short name (grade 3 covers two eras' words), in sentence case as
# every rating is shown.
GRADE_NAMES = {
    "1": "Outstanding",
    "2": "Good",
    "3": "RI / adequate",
    "4": "Inadequate",
    NO_GRADE: NO_GRADE_LABEL,
}


def sentence_case(text: str | None) -> str | None:
    """A rating as written, in the one casing shown everywhere: "inadequate", "INADEQUATE" read "Inadequate".

    A rating keeps its words ("Requires improvement to be good", "Performs
    poorly") in sentence case: report tables print "Requires Improvement",
    news "requires improvement". Ratings hold no proper names to lower.
    """
    if not text:
        return text
    return text[0].upper() + text[1:].lower()


def grade_style(grade: int | None, *, badge: bool = True) -> Style:
    colour = GRADE_COLOURS.get(grade or 0, UNGRADED_COLOUR)
    if badge:
        return Style(color="#ffffff" if grade != 3 else "#000000", bgcolor=colour, bold=True)
    return Style(color=colour, bold=True)


def rating_badge(label: str | None, grade: int | None) -> Text:
    """A coloured badge; ``label`` is untrusted text and is never parsed as markup."""
    return Text(f" {sentence_case(label) or NO_GRADE_LABEL} ", style=grade_style(grade))
