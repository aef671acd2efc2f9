"""Short labels shared by every view: dates at their precision, document kinds, counts.

Plain ``str`` only; the interface styles them. Values from documents are never
sent to a terminal as they are: ``printable`` (``importers.sanitize``'s, re-exported
here for the views) shows control characters.
"""

from __future__ import annotations

from importers.model import ConflictRow, DocumentRow, EventRow, FactRow, JudgementRow
from importers.partial_date import PartialDate, label_of
from importers.sanitize import printable
from importers.grade_tables import AREAS
from ofsted_core.grades import (
    GRADE_NOT_IN_DATASET_LABEL, GRADE_NOT_STATED_LABEL, NO_GRADE_LABEL, NO_OVERALL_LABEL, NOT_GRADED_LABEL, UNGRADED_TYPES, sentence_case,
)

__all__ = [
    "KIND_NAMES", "KIND_SHORT", "area_order", "conflict_source", "date_label", "doc_date_label", "doc_title", "inspection_dates_label",
    "plural", "printable", "rating_text", "snippet_around",
]

KIND_SHORT = {
    "ofsted_report": "report",
    "ofsted_letter": "letter",
    "dataset": "dataset",
    "news": "news",
    "minutes": "minutes",
    "other": "other",
}
# The same kinds where there is room, as the filters and the palette name them.
KIND_NAMES = {
    "ofsted_report": "Ofsted report",
    "ofsted_letter": "Ofsted letter",
    "dataset": "dataset",
    "news": "news",
    "minutes": "minutes",
    "other": "other",
}


def area_order(area: str) -> tuple[int, str]:
    """Sort key for judgement areas: the vocabulary's order (as reports list them), unknown areas last."""
    order = list(AREAS)
    return (order.index(area) if area in order else len(order), area)


def date_label(published: str | None) -> str:
    """An ISO date at its known precision as people write it: "14 Feb 2023", "Feb 2023", "2011"."""
    return label_of(published)


def doc_date_label(doc: DocumentRow, short: bool = False) -> str:
    """A document's date: its publication's, else its inspection's ("inspected 13-24 Feb 2023"), else "undated".

    Ofsted prints no publication date on reports since 2018; their inspection
    dates tell two reports on one council apart. ``short`` fits the document
    list's date column ("insp. 2023").
    """
    if doc.get("published") or not doc.get("inspected_start"):
        return date_label(doc.get("published"))
    if short:
        inspected = str(doc.get("inspected_end") or doc.get("inspected_start"))
        date = PartialDate.parse(inspected)
        return f"insp. {date.year if date else inspected}"
    return f"inspected {inspection_dates_label(doc)}"


def inspection_dates_label(doc: DocumentRow) -> str:
    """A document's inspection dates as people write them: "13-24 Feb 2023", "27 Feb-22 Mar 2018"."""
    start = str(doc.get("inspected_start") or "")
    end = str(doc.get("inspected_end") or start)
    if not start:
        return "unknown"
    first, last = date_label(start).split(" "), date_label(end).split(" ")
    if start == end or len(first) != 3 or len(last) != 3:
        return date_label(start) if start == end else f"{date_label(start)}-{date_label(end)}"
    if first[1:] == last[1:]:
        return f"{first[0]}-{' '.join(last)}"
    if first[2] == last[2]:
        return f"{' '.join(first[:2])}-{' '.join(last)}"
    return f"{' '.join(first)}-{' '.join(last)}"


def doc_title(doc: DocumentRow) -> str:
    return doc.get("title") or doc.get("source") or doc.get("id", "")


def quoted(words: str) -> str:
    """Words put in quotation marks, unless they carry their own (a phrase search), which would
    otherwise show doubled: “"widespread failures"”."""
    words = words.strip()
    return words if any(mark in words for mark in "\"“”") else f"“{words}”"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def conflict_source(conflict: ConflictRow) -> str:
    """ "in 2 docs (news)": who gives a conflicting grade."""
    count = len(conflict.get("doc_ids") or ())
    kind = KIND_SHORT.get(conflict.get("kind") or "other", "other")
    return f"in {count} {'doc' if count == 1 else 'docs'} ({kind})"


def rating_text(item: EventRow | FactRow | JudgementRow | ConflictRow) -> str:
    """The rating as written, else its normal form, else why there is none; in sentence case (see ``sentence_case``).

    An event whose overall grade only a dataset's blank cell could give says
    "Grade not in dataset" (Ofsted gave one, the file lacks it). An event that
    graded areas but gave no overall grade says so ("No overall grade"), so its
    area grades are never read as the inspection's own. One with no grade at all says whether its kind awards none ("Not graded": a
    focused visit) or no document held states it ("Grade not stated": an
    inspection known only from "the last inspection in 2017"; "Grade not in
    dataset": one known only from a row of the national dataset without grades).
    """
    rating = sentence_case(item.get("rating_text") or item.get("rating"))
    if rating:
        return rating
    if item.get("overall_not_in_dataset"):
        return GRADE_NOT_IN_DATASET_LABEL
    if item.get("judgements"):
        return NO_OVERALL_LABEL
    kind = item.get("type") or item.get("inspection_type")
    if kind in UNGRADED_TYPES:
        return NOT_GRADED_LABEL
    if kind and item.get("dataset_only"):
        return GRADE_NOT_IN_DATASET_LABEL
    return GRADE_NOT_STATED_LABEL if kind else NO_GRADE_LABEL


def snippet_around(text: str, start: int, end: int, width: int) -> tuple[str, int]:
    """About ``width`` characters of ``text`` on one line around ``start:end``.

    Returns the snippet and the offset of ``start`` within it, so the caller can
    style the passage.
    """
    start = max(0, min(start, len(text)))
    lead = max(0, min(width // 4, start))
    begin = start - lead
    # Start on a word boundary where one is near.
    space = text.rfind(" ", max(0, begin - 12), begin + 1) if begin else -1
    if space != -1 and start - space <= width // 2:
        begin = space + 1
    piece = text[begin:begin + width]
    return " ".join(piece.split("\n")).replace("\r", " ").replace("\t", " "), start - begin
