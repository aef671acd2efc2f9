"""A passage of a document with its citation: title, date and place.

The place is what a person can find in the document they hold: the page of a
PDF, and the paragraph number the document prints ("48." in an Ofsted
report); where it prints none, the paragraph counted from the top. The
character offsets into the clean text stay on the citation for tools.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from importers.model import DocumentRow, FactRow, page_at
from importers.partial_date import label_of
from ofsted_core.labels import doc_date_label

__all__ = ["Citation", "cite", "date_text", "own_paragraph_number", "paragraph_number"]

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# A paragraph that starts with its number and a full stop: "48. Senior leaders ...".
_NUMBERED = re.compile(r"(?:\A|\n[^\S\n]*\n)[^\S\n]*(\d{1,3})\.[^\S\n]+(?=\S)")
# The document numbers its paragraphs where at least this many follow each other
# (1, 2, 3 ...); a short numbered list ("1. Ensure that ...") is not its numbering.
_RUN = 5
# A numbered paragraph goes on through its bullet points, but not past a heading
# (a short line without a full stop) or this many paragraphs.
_HEADING_LENGTH = 100
_BULLET = re.compile(r"[\u2022\u25aa\u25a0\u2013\u2014\u27a2\u2713*-]|[a-z]")  # or a line running on in lower case
_REACH = 12


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph holding ``offset``.

    Paragraphs are separated by blank lines; a text with no blank lines at all
    (some PDF extractions) has one paragraph per line.
    """
    head = text[:max(0, offset)]
    if _BLANK_LINE.search(text):
        return len(_BLANK_LINE.findall(head)) + 1
    return head.count("\n") + 1


@functools.lru_cache(maxsize=4)
def _paragraphs(text: str) -> tuple[list[int], dict[int, int]]:
    """Where each paragraph starts, and the number of each the document numbers in runs of ``_RUN`` or more.

    Cached: citing every fact of one document reads its text once.
    """
    found = [(m.end(0) - len(m.group(0).lstrip()), int(m.group(1))) for m in _NUMBERED.finditer(text)]
    numbered: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for item in found:
        if run and item[1] != run[-1][1] + 1:
            numbered += run if len(run) >= _RUN else []
            run = []
        run.append(item)
    numbered += run if len(run) >= _RUN else []
    return [0] + [m.end() for m in _BLANK_LINE.finditer(text)], dict(numbered)


def own_paragraph_number(text: str, offset: int, furniture: list | tuple = ()) -> int | None:
    """The number the document prints on the paragraph holding ``offset``, or None.

    A passage in an unnumbered paragraph (a bullet point) belongs to the
    numbered paragraph above it, unless a heading comes between or is the
    passage itself (a section's heading after paragraph 19 is not in 19);
    running headers and footers (``furniture``) are passed over.
    """
    starts, numbered = _paragraphs(text)
    if not numbered:
        return None
    skip = [(int(a), int(b)) for a, b in furniture]
    here = bisect.bisect_right(starts, max(0, offset)) - 1
    for index in range(here, max(-1, here - _REACH), -1):
        start = starts[index]
        if start in numbered:
            return numbered[start]
        if any(a <= start < b for a, b in skip):
            continue
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if _heading(text[start:end].strip()):
            return None
    return None


def _heading(paragraph: str) -> bool:
    """A short line with no closing punctuation that is no bullet point: a section's heading."""
    return (len(paragraph) < _HEADING_LENGTH and not paragraph.endswith((".", ":", ";", ","))
            and not _BULLET.match(paragraph))


def date_text(published: str | None) -> str:
    """"11 April 2023", "April 2023", "2023" or "undated" from an ISO date at its precision."""
    return label_of(published, short=False)


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
    page: int | None = None
    numbered: int | None = None  # the paragraph number the document prints, if it numbers them

    def place(self) -> str:
        """ "page 9, paragraph 48"; "page 9" where a PDF numbers no paragraphs; "paragraph 12" elsewhere."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.numbered is not None:
            parts.append(f"paragraph {self.numbered}")
        elif self.page is None:
            parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts)

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


def cite(doc: DocumentRow, start: int, end: int, fact: FactRow | None = None) -> Citation:
    """The citation of ``doc.text[start:end]``; a quote fact adds its speaker."""
    text = doc.get("text") or ""
    start, end = max(0, start), min(len(text), end)
    speaker = None
    if fact and fact.get("type") == "quote":
        speaker = ", ".join(p for p in (fact.get("speaker"), fact.get("role")) if p) or None
    return Citation(
        passage=" ".join(text[start:end].split()),
        title=doc.get("title") or doc.get("source") or doc["id"],
        # A report that prints no publication date is dated by its inspection ("inspected 13-24 Feb 2023").
        date=date_text(doc.get("published")) if doc.get("published") else doc_date_label(doc),
        paragraph=paragraph_number(text, start),
        start=start,
        end=end,
        # A saved page is cited by its web address, which a reader can follow; else the file.
        source=doc.get("url") or doc.get("source") or doc["id"],
        speaker=speaker,
        page=page_at(doc.get("page_starts"), start),
        numbered=own_paragraph_number(text, start, doc.get("furniture") or ()),
    )
