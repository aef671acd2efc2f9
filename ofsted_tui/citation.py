"""A passage of a document with its citation: title, date and place.

The place is given two ways: the paragraph number a reader can count to, and
the exact character offsets into the document's clean text, which locate the
passage unambiguously even where paragraphs are long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Citation", "cite", "date_text", "paragraph_number"]

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph holding ``offset``.

    Paragraphs are separated by blank lines; a text with no blank lines at all
    (some PDF extractions) has one paragraph per line.
    """
    head = text[:max(0, offset)]
    if _BLANK_LINE.search(text):
        return len(_BLANK_LINE.findall(head)) + 1
    return head.count("\n") + 1


def date_text(published: str | None) -> str:
    """"11 April 2023", "April 2023", "2023" or "undated" from an ISO date at its precision."""
    if not published:
        return "undated"
    parts = published.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return published
    if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
        return published
    if len(numbers) == 3:
        return f"{numbers[2]} {_MONTHS[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2:
        return f"{_MONTHS[numbers[1] - 1]} {numbers[0]}"
    return str(numbers[0])


@dataclass
class Citation:
    passage: str
    title: str
    date: str
    paragraph: int
    start: int
    end: int
    source: str
    speaker: str | None = None

    def place(self) -> str:
        return f"paragraph {self.paragraph}, characters {self.start}\u2013{self.end}"

    def as_text(self) -> str:
        """One paragraph, for the clipboard."""
        said = f" \u2014 {self.speaker}" if self.speaker else ""
        return f"\u201c{self.passage}\u201d{said} ({self.title}, {self.date}, {self.place()}; {self.source})"

    def as_markdown(self) -> str:
        """A block quote and its source line, for a notes file."""
        lines = [f"> {self.passage}"]
        if self.speaker:
            lines.append(f"> \u2014 {self.speaker}")
        lines += ["", f"{self.title}, {self.date}, {self.place()}. Source: {self.source}", ""]
        return "\n".join(lines)


def cite(doc: dict[str, Any], start: int, end: int, fact: dict[str, Any] | None = None) -> Citation:
    """The citation of ``doc.text[start:end]``; a quote fact adds its speaker."""
    text = doc.get("text") or ""
    start, end = max(0, start), min(len(text), end)
    speaker = None
    if fact and fact.get("type") == "quote":
        speaker = ", ".join(p for p in (fact.get("speaker"), fact.get("role")) if p) or None
    return Citation(
        passage=" ".join(text[start:end].split()),
        title=doc.get("title") or doc.get("source") or doc["id"],
        date=date_text(doc.get("published")),
        paragraph=paragraph_number(text, start),
        start=start,
        end=end,
        # A saved page is cited by its web address, which a reader can follow; else the file.
        source=doc.get("url") or doc.get("source") or doc["id"],
        speaker=speaker,
    )
