"""The document list: every document that passes the filters, one line each."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ofsted_tui.widgets.labels import KIND_SHORT, doc_date_label, doc_title
from ofsted_tui.widgets.rows import RowList

__all__ = ["DocumentList", "marks_of"]

_MARKS = (("bookmark", "★"), ("note", "✎"), ("correction", "✔"))
NEW_MARK = "●"  # new since the last `ofsted-tui fetch`


def marks_of(annotations: list[dict[str, Any]]) -> str:
    """Symbols for the kinds of annotation a document has (bookmark, note, correction)."""
    kinds = {a.get("kind") for a in annotations}
    return "".join(symbol for kind, symbol in _MARKS if kind in kinds)


class DocumentList(RowList[dict[str, Any]]):
    """Title, date, kind, authority and fact counts of each document."""

    HELP = "Documents"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="documents.open"),
    ]
    has_header = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text="No documents. Clear the filters (x) or import documents (i).", **kwargs)
        self.corpus: Any = None
        self.new_sources: frozenset[str] = frozenset()  # reports the last fetch found new

    def _columns(self, width: int) -> tuple[int, int, int, int]:
        """Widths of date, kind, authority and facts; the title takes the rest."""
        date_w, kind_w, facts_w = 11, 7, 22
        auth_w = 14 if width >= 100 else (10 if width >= 70 else 0)
        return date_w, kind_w, auth_w, facts_w

    def render_header(self, width: int) -> Text:
        date_w, kind_w, auth_w, facts_w = self._columns(width)
        title_w = max(8, width - 1 - date_w - kind_w - auth_w - facts_w - 4 - 3)
        line = Text(" ")
        line.append("Date".ljust(date_w + 1) + "Kind".ljust(kind_w + 1))
        if auth_w:
            line.append("Authority".ljust(auth_w + 1))
        line.append("Title".ljust(title_w + 1) + "   " + "Ratings".rjust(8) + "Quotes".rjust(7) + "Facts".rjust(7))
        return line

    def render_row(self, row: dict[str, Any], index: int, width: int) -> list[Text]:
        date_w, kind_w, auth_w, facts_w = self._columns(width)
        title_w = max(8, width - 1 - date_w - kind_w - auth_w - facts_w - 4 - 3)
        dim = self.dim_style()
        line = Text(" ")
        line.append(doc_date_label(row, short=True).ljust(date_w + 1), style=dim)
        line.append(KIND_SHORT.get(row.get("kind"), row.get("kind") or "").ljust(kind_w + 1))
        if auth_w:
            line.append(_cut(row.get("authority") or "unknown", auth_w), style=dim)
        line.append(_cut(doc_title(row), title_w))
        marks = marks_of(self.corpus.annotations_of(row["id"])) if self.corpus else ""
        if row.get("source") in self.new_sources:
            marks = NEW_MARK + marks
        line.append(marks.ljust(3), style="bold")
        line.append(self._fact_summary(row["id"]).rjust(facts_w), style=dim)
        return [line]

    def _fact_summary(self, doc_id: str) -> str:
        """Judgements, quotes and all facts, right-aligned under their headings (· for none)."""
        if self.corpus is None:
            return ""
        counts = Counter(f["type"] for f in self.corpus.facts_of(doc_id))

        def cell(n: int, width: int) -> str:
            return (str(n) if n else "·").rjust(width)

        return cell(counts["judgement"], 8) + cell(counts["quote"], 7) + cell(sum(counts.values()), 7)


def _cut(value: str, width: int) -> str:
    if len(value) > width:
        value = value[: max(0, width - 1)] + "…"
    return value.ljust(width) + " "
