"""The document list: every document that passes the filters, one line each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ofsted_core.labels import KIND_SHORT, doc_date_label, doc_title
from ofsted_tui.widgets.rows import Column, SortedRowList, cell

__all__ = ["EMPTY_DOCUMENTS", "DocumentList", "marks_of"]

EMPTY_DOCUMENTS = "No documents to show: press i to import files, or x to clear the filters."

_MARKS = (("bookmark", "★"), ("note", "✎"), ("correction", "✔"))
NEW_MARK = "●"  # new since the last `ofsted-tui fetch`


def marks_of(annotations: list[dict[str, Any]]) -> str:
    """Symbols for the kinds of annotation a document has (bookmark, note, correction)."""
    kinds = {a.get("kind") for a in annotations}
    return "".join(symbol for kind, symbol in _MARKS if kind in kinds)


_DATE, _KIND, _AUTHORITY, _TITLE, _MARKS_COL, _RATINGS, _QUOTES, _FACTS = range(8)


class DocumentList(SortedRowList[dict[str, Any]]):
    """Date, kind, authority, title, marks and fact counts of each document."""

    HELP = "Documents"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="documents.open"),
    ]
    # The title takes what the others leave; a long authority is cut before it.
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Date", 11, 10), Column("Kind", 6, 6), Column("Authority", 12, 9), Column("Title", 30, 16, give=0.25),
        Column("", 3, 3), Column("Ratings", 7, 7, right=True), Column("Quotes", 6, 6, right=True),
        Column("Facts", 5, 5, right=True),
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text=EMPTY_DOCUMENTS, **kwargs)
        self._corpus: Any = None
        self._counts: dict[str, Counter[str]] = {}
        self.new_sources: frozenset[str] = frozenset()  # reports the last fetch found new

    @property
    def corpus(self) -> Any:
        return self._corpus

    @corpus.setter
    def corpus(self, corpus: Any) -> None:
        self._corpus = corpus
        self._counts = {}

    def column_values(self, row: dict[str, Any]) -> tuple[str, ...]:
        # The counts are never wider than their headings, so they are not counted here.
        return (doc_date_label(row, short=True), KIND_SHORT.get(row.get("kind"), row.get("kind") or ""),
                row.get("authority") or "unknown", doc_title(row), "", "", "", "")

    def sort_key(self, column: int) -> Callable[[dict[str, Any]], Any]:
        if column == _DATE:
            # Undated documents last; an inspection's date stands in for a missing publication date.
            return lambda d: (str(d.get("published") or d.get("inspected_end") or d.get("inspected_start") or "9999"))
        if column in (_RATINGS, _QUOTES, _FACTS):
            fact_type = {_RATINGS: "judgement", _QUOTES: "quote"}.get(column)
            return lambda d: (self._fact_counts(d["id"])[fact_type] if fact_type
                              else sum(self._fact_counts(d["id"]).values()))
        if column == _MARKS_COL:
            return lambda d: marks_of(self.corpus.annotations_of(d["id"])) if self.corpus else ""
        if column == _KIND:
            return lambda d: KIND_SHORT.get(d.get("kind"), d.get("kind") or "")
        if column == _TITLE:
            return lambda d: doc_title(d).lower()
        return lambda d: (d.get("authority") or "").lower()

    def drop_order(self) -> tuple[int, ...]:
        return (_AUTHORITY, _QUOTES, _KIND)

    def render_row(self, row: dict[str, Any], index: int, width: int) -> list[Text]:
        date_w, kind_w, auth_w, title_w, marks_w, ratings_w, quotes_w, facts_w = self.widths(width)
        dim = self.dim_style()
        line = Text(" ")
        line.append(cell(doc_date_label(row, short=True), date_w), style=dim)
        line.append(cell(KIND_SHORT.get(row.get("kind"), row.get("kind") or ""), kind_w))
        line.append(cell(row.get("authority") or "unknown", auth_w), style=dim)
        line.append(cell(doc_title(row), title_w))
        marks = marks_of(self.corpus.annotations_of(row["id"])) if self.corpus else ""
        if row.get("source") in self.new_sources:
            marks = NEW_MARK + marks
        line.append(cell(marks, marks_w), style="bold")
        counts = self._fact_counts(row["id"]) if self.corpus else Counter()
        for n, w in ((counts["judgement"], ratings_w), (counts["quote"], quotes_w), (sum(counts.values()), facts_w)):
            line.append(cell(str(n) if n else "·", w, right=True), style=dim)  # · for none
        return [line]

    def _fact_counts(self, doc_id: str) -> Counter[str]:
        """How many facts of each type a document has (kept: sorting asks for every row's)."""
        counts = self._counts.get(doc_id)
        if counts is None:
            # From the facts' summary: sorting by a count reads no fact.
            summary = self.corpus.summary_of(doc_id)["counts"] if self.corpus else {}
            counts = self._counts[doc_id] = Counter(summary)
        return counts
