"""The plain data an importer produces: a document, its clean text and its facts.

Everything here is pure Python (no Textual, no TinyDB) so importers can be used
and tested as a library. A fact's ``span`` is ``(start, end)`` into
``ImportedDocument.text``; its ``fields`` hold what the fact claims (see
``FACT_FIELDS`` for the keys each type carries).
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, Required, TypedDict

__all__ = [
    "AnnotationRow",
    "ConflictRow",
    "DATASET_KIND",
    "DOCUMENT_KINDS",
    "FACT_FIELDS",
    "FACT_TYPES",
    "JUDGEMENT_EVIDENCE",
    "OFSTED_KINDS",
    "SOURCE_RANK",
    "DocumentRow",
    "EventRow",
    "Fact",
    "FactRow",
    "GradeNumber",
    "IMPORTABLE_KINDS",
    "ImportedDocument",
    "JudgementRow",
    "ImporterError",
    "Parsed",
    "document_id",
    "page_at",
    "source_rank",
]

# The kinds of file a person may import, as messages and prompts name them (the readers
# themselves, and every suffix they take, are ``importers.pipeline.READERS``).
IMPORTABLE_KINDS = ".txt, .md, .html, .pdf or .csv"  # .csv: the national inspection history

# ``dataset``: a table of many inspections compiled by a third party (the national history CSV).
DATASET_KIND = "dataset"
DOCUMENT_KINDS = ("ofsted_report", "ofsted_letter", "dataset", "news", "minutes", "other")
# The kinds Ofsted writes: the source of every grade others repeat.
OFSTED_KINDS = ("ofsted_report", "ofsted_letter")
# How far each kind of document is from the judgement itself, nearest first:
# what the timeline shows where sources differ, and where a quote is traced
# to. A dataset (the national record) is a third party's reading of the
# reports: below the reports and letters, above what others write about them.
SOURCE_RANK = {"ofsted_report": 0, "ofsted_letter": 1, "dataset": 2, "minutes": 3, "news": 4, "other": 5}


def source_rank(kind: str | None) -> int:
    """A document kind's place in ``SOURCE_RANK``; an unknown kind ranks with "other"."""
    return SOURCE_RANK.get(kind or "other", SOURCE_RANK["other"])

# The keys each fact type carries in ``Fact.fields`` (values may be None where
# the text does not say). Exporters and the store rely on these names.
# A judgement's ``evidence`` says how much it weighs (see JUDGEMENT_EVIDENCE).
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "judgement": (
        "authority", "year", "month", "day", "precision", "rating", "rating_text",
        "grade", "area", "era", "event_type", "date_source", "evidence",
    ),
    "inspection": (
        "authority", "inspection_type", "year", "month", "day", "precision",
        "end_year", "end_month", "end_day", "inspectors", "lead_inspector",
        "subject", "date_source",
    ),
    "quote": ("text", "speaker", "role", "organisation"),
    "person": ("name", "role", "organisation"),
    "date": ("year", "month", "day", "precision", "text"),
    "statistic": ("value", "unit", "measure", "text"),
    "improvement": ("text", "area"),
}
FACT_TYPES = tuple(FACT_FIELDS)
# Where a judgement was read, strongest first: a report's judgement table (or
# the section heading that restates a row of it), the headline sentence on a
# report's or letter's first page ("Children's services in X are inadequate"),
# or any other sentence.
JUDGEMENT_EVIDENCE = ("table", "headline", "text")


class ImporterError(Exception):
    """A file could not be imported; ``reason`` is for a person to act on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def document_id(text: str) -> str:
    """A stable id for a document: a hash of its clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def page_at(page_starts: list[int] | None, offset: int) -> int | None:
    """The 1-based page holding ``offset``, given where each page begins; None without pages."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


@dataclass
class Fact:
    type: str
    span: tuple[int, int]
    fields: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.type not in FACT_FIELDS:
            raise ValueError(f"unknown fact type {self.type!r}")
        if self.type == "judgement":
            self.fields.setdefault("evidence", "text")
        start, end = self.span
        if not 0 <= start <= end:
            raise ValueError(f"bad span {self.span!r}")

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        out = {name: self.fields.get(name) for name in FACT_FIELDS[self.type]}
        out.update({k: v for k, v in self.fields.items() if k not in out})
        out["type"] = self.type
        out["span"] = [self.span[0], self.span[1]]
        return out


@dataclass
class ImportedDocument:
    source: str
    text: str
    title: str | None = None
    kind: str = "other"
    publisher: str | None = None
    authority: str | None = None
    published: str | None = None  # ISO at known precision: "2010", "2010-02", "2010-02-23"
    # The inspection or visit an Ofsted document reports (ISO days), printed
    # where no publication date is: it dates the document then.
    inspected_start: str | None = None
    inspected_end: str | None = None
    url: str | None = None  # the web address the document was saved from, where known
    furniture: list[tuple[int, int]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    format: str = "txt"
    page_starts: list[int] = field(default_factory=list)  # PDFs: where each page begins in ``text``
    # What was skipped while reading, for the person importing (a dataset's bad rows, by line).
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return document_id(self.text)


@dataclass
class Parsed:
    """What a format reader (text, HTML, PDF) hands to the pipeline.

    ``text`` is already sanitised (see ``importers.sanitize``); ``meta`` holds what
    the format itself says (title, kind, publisher, authority, published, url), which
    wins over what the pipeline guesses from the text; ``facts`` are facts only the
    layout reveals (a PDF's judgement table), with spans into ``text``.
    """

    text: str
    furniture: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)  # PDFs: where each page begins in ``text``
    warnings: list[str] = field(default_factory=list)  # what the reader skipped (a dataset's bad rows)


# --- the rows the store holds --------------------------------------------------
# TypedDicts, not classes: the store reads and writes plain JSON objects, and a
# TypedDict costs nothing at run time. A row may carry keys an older or newer
# version wrote; these are the ones the code relies on.

GradeNumber = Literal[1, 2, 3, 4]  # 1 best .. 4 worst (``importers.vocabulary.GRADES``)


class DocumentRow(TypedDict, total=False):
    """A document in the store: ``ImportedDocument`` as ``ofsted_core.importing.document_row`` writes it."""

    id: Required[str]
    source: Required[str]
    text: Required[str]
    title: str | None
    kind: str  # one of DOCUMENT_KINDS
    publisher: str | None
    authority: str | None
    published: str | None  # ISO at its precision (``importers.partial_date``)
    inspected_start: str | None
    inspected_end: str | None
    url: str | None
    format: str
    furniture: list[list[int]]
    page_starts: list[int]
    imported_at: str
    importer_version: int


class FactRow(TypedDict, total=False):
    """A fact in the store: ``Fact.to_dict`` with its id and document; the fields of every type (FACT_FIELDS)."""

    id: Required[str]
    doc_id: Required[str]
    type: Required[str]  # one of FACT_TYPES
    span: Required[list[int]]  # [start, end] into the document's text
    authority: str | None
    year: int | None
    month: int | None
    day: int | None
    precision: str | None
    end_year: int | None
    end_month: int | None
    end_day: int | None
    rating: str | None
    rating_text: str | None
    grade: GradeNumber | None
    area: str | None
    era: str | None
    event_type: str | None
    date_source: str | None
    evidence: str  # one of JUDGEMENT_EVIDENCE
    inspection_type: str | None
    inspectors: list[str] | None
    lead_inspector: str | None
    subject: str | None
    text: str | None
    speaker: str | None
    role: str | None
    organisation: str | None
    name: str | None
    value: Any
    unit: str | None
    measure: str | None
    page: int | None
    published: str | None  # a dataset's row: its own report's publication
    source_links: list[dict[str, Any]]  # traced by ``ofsted_core.sources``
    source: str  # a judgement imported before ``evidence``: "table" where a report's table said it


class JudgementRow(TypedDict):
    """An event's grade for one area, from its weightiest statement."""

    rating: str | None
    rating_text: str | None
    grade: GradeNumber | None
    evidence: str
    kind: str | None  # the kind of document it comes from
    doc_id: str
    fact_ids: list[str]
    doc_ids: list[str]  # the documents that agree


class ConflictRow(TypedDict):
    """Another grade sources give an event's area, and who gives it."""

    area: str
    rating: str | None
    rating_text: str | None
    grade: GradeNumber | None
    evidence: str
    kind: str | None
    doc_ids: list[str]
    fact_ids: list[str]


class EventRow(TypedDict, total=False):
    """One inspection, visit or rating of one council, merged from every document that reports it."""

    id: str  # given once its other fields are: a hash of its place
    authority: str | None
    year: int | None
    month: int | None
    day: int | None
    precision: str | None
    date: str | None  # ISO at its precision
    label: str  # the date as people write it
    type: str
    rating: str | None
    rating_text: str | None
    rating_label: str | None
    grade: GradeNumber | None
    era: str | None
    judgements: dict[str, JudgementRow]  # by area
    conflicts: list[ConflictRow]
    doc_ids: Required[list[str]]
    fact_ids: list[str]
    quotes: list[dict[str, Any]]  # which source quotes which document (``ofsted_core.sources``)
    dataset_only: bool  # present (True) where every source is a dataset: its missing grade is the file's gap
    overall_not_in_dataset: bool  # present (True) where no source gives the overall grade and a dataset's cell for it is blank


class AnnotationRow(TypedDict):
    """A note, bookmark or correction, kept across re-imports by its ``fact_key``."""

    id: str
    kind: str  # "note", "bookmark" or "correction"
    source: str
    doc_id: str
    fact_id: str | None
    fact_key: str | None
    body: str
    field: str | None  # a correction's field
    value: Any  # a correction's value
    created_at: str
