"""The four grade colours, used everywhere a rating is shown (CLI and app).

Grade 1 is the best. The colours read on dark and light backgrounds alike; the
badge text is always dark or light enough against its background.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

__all__ = ["GRADE_COLOURS", "UNGRADED_COLOUR", "grade_style", "rating_badge"]

GRADE_COLOURS = {
    1: "#2e7d32",  # outstanding / excellent: green
    2: "#1565c0",  # good: blue
    3: "#ef8f00",  # adequate / requires improvement: amber
    4: "#c62828",  # inadequate / poor: red
}
UNGRADED_COLOUR = "#607d8b"


def grade_style(grade: int | None, *, badge: bool = True) -> Style:
    colour = GRADE_COLOURS.get(grade or 0, UNGRADED_COLOUR)
    if badge:
        return Style(color="#ffffff" if grade != 3 else "#000000", bgcolor=colour, bold=True)
    return Style(color=colour, bold=True)


def rating_badge(label: str | None, grade: int | None) -> Text:
    """A coloured badge; ``label`` is untrusted text and is never parsed as markup."""
    return Text(f" {label or 'no grade'} ", style=grade_style(grade))
