"""Search hits across all documents: title, then the passage with the matches marked."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType

from ofsted_core.search import TITLE_ONLY, SearchHit
from ofsted_core.labels import KIND_SHORT, doc_date_label, doc_title
from ofsted_tui.widgets.rows import RowList

__all__ = ["SearchResults"]

_MATCH = Style(bold=True, reverse=True)


class SearchResults(RowList[SearchHit]):
    """Search hits, three lines each (document, passage, gap)."""

    HELP = "Search results"
    ROW_HEIGHT = 3
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open at match", id="search.open"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_text="Type in the search box ( / ) to search every document.", **kwargs)
        self.corpus: Any = None

    def render_row(self, row: SearchHit, index: int, width: int) -> list[Text]:
        doc = self.corpus.documents.get(row.doc_id, {}) if self.corpus else {}
        dim = self.dim_style()
        head = Text(" ")
        head.append(doc_title(doc) or row.doc_id, style="bold")
        head.append(f"   {KIND_SHORT.get(doc.get('kind'), doc.get('kind') or '')} · {doc_date_label(doc)}"
                    f" · {doc.get('authority') or 'unknown'}", style=dim)
        # Show the snippet from a little before its first match so the match is on screen.
        first = row.matches[0][0] if row.matches else 0
        shift = max(0, first - max(8, width // 4))
        if shift:  # from the start of a word, not the middle of one
            space = row.snippet.rfind(" ", 0, shift + 1)
            shift = space + 1 if space != -1 else shift
        passage = Text("   ")
        if not row.snippet:
            passage.append(TITLE_ONLY, style="italic")
        passage.append(row.snippet[shift:])
        for start, end in row.matches:
            if end > shift:
                passage.stylize(_MATCH, 3 + max(0, start - shift), 3 + end - shift)
        return [head, passage, Text("")]
