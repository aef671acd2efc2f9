"""The command palette's explorer commands (ctrl+p).

Open a document, jump to a year, filter by authority or rating, export the
timeline or a quote, import, clear the filters. Commands are built from the
corpus the app holds when the palette opens; titles and names are document
data, so hits are shown as plain ``Content`` (never markup). A command posts a
message (``ofsted_tui.messages``): opening a document to the app, filters and
years to the main screen, which owns them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message

from ofsted_core.grades import GRADE_NAMES
from ofsted_core.filters import Filters
from ofsted_core.labels import KIND_NAMES, doc_date_label, doc_title
from ofsted_tui.messages import FiltersRequested, OpenDocument, YearRequested

if TYPE_CHECKING:
    from ofsted_tui.app import OfstedApp

__all__ = ["ExplorerCommands"]

MAX_HITS = 40  # per query; the palette shows the best of them


class ExplorerCommands(Provider):
    """Commands over the loaded corpus."""

    @property
    def _app(self) -> OfstedApp:
        return self.app  # type: ignore[return-value]

    # The message is made when the command runs: thousands of commands are listed per key typed.
    def _to_app(self, message: Callable[..., Message], *args: object) -> Callable[[], object]:
        return lambda: self.app.post_message(message(*args))

    def _to_main(self, message: Callable[..., Message], *args: object) -> Callable[[], object]:
        return lambda: self._app.main_screen.post_message(message(*args))

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(text, callback, help) for every command; built per palette, cheap to iterate."""
        app = self._app
        yield "Import files or a folder…", app.action_import, "Add documents to the store"
        yield "Export the timeline shown…", app.action_export, "Markdown, CSV or JSON of the filtered events"
        yield ("Clear all filters", self._to_main(FiltersRequested, Filters(), "Filters cleared"),
               "Show every event and document")
        yield "Undo the last note, bookmark or correction", app.action_undo, "ctrl+z"
        corpus = app.corpus
        if corpus is None:
            return
        years = sorted({e["year"] for e in corpus.events if e.get("year")})
        for year in years:
            yield f"Jump to {year}", self._to_main(YearRequested, year), "The first event of that year in the timeline"
        index = app.facet_index
        if index is not None:
            for authority in index.values("authorities"):
                label = index.label("authorities", authority)
                yield f"Filter by authority: {label}", self._to_main(_only, "authorities", authority), ""
            for grade in index.values("grades"):
                yield (f"Filter by rating: {GRADE_NAMES.get(grade, grade)}",
                       self._to_main(_only, "grades", grade), "")
        for doc in corpus.sorted_documents():
            yield (f"Open: {doc_title(doc)}", self._to_app(OpenDocument, doc["id"]),
                   f"{doc_date_label(doc)} · {KIND_NAMES.get(doc.get('kind'), 'other')} · {doc.get('authority') or 'unknown'}")
        # From the facts' summaries: the palette lists every quote without reading a fact.
        for doc_id in corpus.documents:
            for fact_id, words, speaker in corpus.summary_of(doc_id)["quotes"]:
                yield (f"Export quote: “{words}…” ({speaker or 'unattributed'})", partial(app.action_export, fact_id),
                       "Save or copy the quote with its citation")

    async def discover(self) -> Hits:
        for text, callback, help_text in list(self._commands())[:4]:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for text, callback, help_text in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                yield Hit(score, _highlight(text, offsets, matcher.match_style), callback,
                          text=text, help=help_text or None)
                found += 1
                if found >= MAX_HITS * 5:
                    return


def _only(facet: str, value: str) -> FiltersRequested:
    return FiltersRequested(Filters().only(facet, value))


def _highlight(text: str, offsets: tuple[int, ...], style: object) -> Content:
    """``text`` as plain content with the matched letters styled.

    Textual's ``Matcher.highlight`` parses the candidate as markup, and these
    candidates are document titles and quotes.
    """
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)  # type: ignore[arg-type]
    return content
