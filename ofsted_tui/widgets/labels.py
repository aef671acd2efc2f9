"""Rich forms of the shared labels: a rating badge, and Text made printable.

Text is built with ``Text(...)``; values from documents are never parsed as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ofsted_core.labels import printable, rating_text
from ofsted_tui.grades import grade_style

__all__ = ["printable_text", "rating_badge_text"]


def rating_badge_text(item: dict[str, Any]) -> Text:
    return Text(f" {rating_text(item)} ", style=grade_style(item.get("grade")))


def printable_text(text: Text, *, multiline: bool = False) -> Text:
    """``text`` made printable in place (same length, so its styles keep their places)."""
    plain = text.plain
    cleaned = printable(plain, multiline=multiline)
    if cleaned != plain:
        text.plain = cleaned
    return text
