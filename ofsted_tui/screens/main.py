"""The main screen: filters, the rating trajectory, the timeline, documents and search.

The screen owns the ``Filters`` value and mediates: widgets report what the
user did with messages, the screen recomputes the filtered view with the
corpus's ``FacetIndex`` and hands each widget its rows.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.content import Content
from textual.widgets import Input, Static, Tab, TabbedContent, TabPane

from ofsted_core.corpus import Corpus
from ofsted_core.filters import FacetIndex, FilterResult, Filters, same_rows
from ofsted_tui.screens.compare_keys import CompareKeys
from ofsted_tui.messages import (
    AnnotationRequested, FiltersRequested, OpenDocument, ReportsWorkerFailures, SaveChange, SearchTyped,
    YearRequested,
)
from ofsted_tui.widgets.inputs import SteadyInput
from ofsted_core.labels import doc_title, plural, printable, quoted
from ofsted_tui.widgets.rows import RowList
from ofsted_tui.widgets.sidebar import FacetList, FilterSidebar
from ofsted_tui.widgets.timeline import EventDetail, SourceList, TimelineList, source_rows
from ofsted_tui.widgets.trajectory import Trajectory
from ofsted_tui.widgets.header import TitleHeader
from ofsted_tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ofsted_core.search import LazyHit
    from ofsted_tui.app import OfstedApp
    from ofsted_tui.widgets.councils_table import CouncilsPane
    from ofsted_tui.widgets.documents import DocumentList
    from ofsted_tui.widgets.search_results import SearchResults

__all__ = ["MainScreen"]

log = logging.getLogger(__name__)

MAX_HITS = 500  # search hits listed; the text filter itself uses every match
SIDEBAR_MIN_WIDTH = 120  # narrower terminals start with the sidebar hidden
# Narrower than this, the lists' pane puts the event's detail below the timeline,
# so the timeline has the width for its columns (date, authority, type, rating, sources).
SIDE_BY_SIDE_MIN_WIDTH = 130
# After a filter or search key, the counts, title, tabs and chart follow the rows this much
# later (two frames at Textual's 60 a second), so the key's own frame holds the rows alone.
FOLLOW_S = 2 / 60
# A ranking of the hits starts once the search keys pause this long (see _request_search): a word typed at
# speed is ranked once, and never during a key's frame.
RANK_AFTER_S = 0.15
# Once the documents are read and the explorer has drawn them, the reader is built ahead of its
# first opening (the slowest, as it built the screen): this much later, so start-up is not slowed.
PREPARE_READER_S = 1.0
RECENT_QUERIES = 16  # the search box's last queries whose matching documents are kept
_FOOTER_FIRST = ("app.help", "app.quit")  # binding ids the footer shows before the others
_TABS = {"timeline": "tab-timeline", "documents": "tab-documents", "search": "tab-search",
         "councils": "tab-councils"}


class MainScreen(ReportsWorkerFailures, CompareKeys):  # its keys choose councils to compare
    """Timeline, documents and search over one filtered view of the corpus."""

    HELP = "Main screen"
    app: OfstedApp  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        # Quit and export are this screen's, not the app's: the reader uses q and e for its
        # own keys. Their ids stay the app's, so keymaps written for them keep working.
        Binding("q", "app.quit", "Quit", id="app.quit"),
        # Keys that move the focus are priority bindings: they run as the key
        # arrives, so keys typed straight after them go to the new widget (see
        # check_action for why they stand aside while an input has the focus).
        Binding("1", "show_tab('timeline')", "Timeline", priority=True, id="main.tab-timeline"),
        Binding("2", "show_tab('documents')", "Docs", priority=True, id="main.tab-documents"),
        Binding("3", "show_tab('search')", "Search results", show=False, priority=True,
                id="main.tab-search"),
        Binding("4", "show_tab('councils')", "Councils", show=False, priority=True, id="main.tab-councils"),
        Binding("slash", "focus_search", "Search", key_display="/", priority=True, id="main.search"),
        Binding("f", "focus_filters", "Filters", id="main.filters"),
        Binding("x", "clear_filters", "Clear", id="main.clear-filters"),
        Binding("b", "bookmark", "Bookmark", id="main.bookmark"),
        Binding("n", "note", "Note", id="main.note"),
        Binding("c", "correct", "Correct", show=False, id="main.correct"),
        Binding("e", "app.export", "Export", id="app.export"),
        Binding("escape", "leave_input", "Leave the box", show=False, id="main.leave-input"),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (34, "-tall")]

    AUTO_FOCUS = "#timeline"

    # No repaint of its own: the screen hands the panes their rows, and a repaint
    # of the screen would redraw every widget on it at each filter key.
    filters: reactive[Filters] = reactive(Filters, init=False, repaint=False)

    def __init__(self) -> None:
        super().__init__(id="main-screen")
        self.corpus: Corpus | None = None
        self.index: FacetIndex | None = None
        self.result: FilterResult | None = None
        self._hits: list[LazyHit] = []
        # The documents matching the search box, as (query, ids): asked of the index on each keystroke.
        self._matched: tuple[str, frozenset[str]] | None = None
        self._recent: dict[str, frozenset[str]] = {}  # the matches of the last queries typed, by query, oldest first
        # For the matches above (the same set object), the events of each matching dataset's matching rows.
        self._rows: tuple[frozenset[str], dict[str, set[str]] | None] | None = None
        # The last ranking of hits landed: (query, matching document ids, hits).
        self._answer: tuple[str, frozenset[str], list[LazyHit]] | None = None
        self._shown_event: tuple[Any, Any] | None = None  # (event, corpus) in the detail pane
        self.searching = False
        # The sidebar's counts, the tabs' labels, the title, the chart and the hits are
        # redrawn a frame after the rows (see _follow_rows); True while that is due.
        self.catching_up = False
        self._follow_timer: Timer | None = None
        self._rank_timer: Timer | None = None  # until the keys pause, then a ranking of the words in the box
        self._sidebar_shown = False  # whether the sidebar was shown before the Councils tab hid it
        self._first_events: list[dict[str, Any]] = []  # the first frame's rows, until the filters are applied
        self._resumed = False  # whether the screen has been shown (see _on_screen_resume)
        self._councils_due: Corpus | None = None  # a corpus whose national table waits for its tab (_show_councils)

    def compose(self) -> ComposeResult:
        # The first frame composes what it shows: the timeline, the event's detail and the chart. The
        # sidebar's lists and the other tabs' panes are mounted once it is out (_mount_rest).
        # Every widget in it costs Textual 2.5-3 ms before the frame (styled, mounted, laid out, cut into
        # the frame), so no container only groups: the screen lays out the sidebar beside the rest (its
        # header and footer are docked), and the timeline's pane itself puts the detail beside the rows.
        yield TitleHeader(icon="◆")
        yield FilterSidebar(id="sidebar", later=True)
        with Vertical(id="main"):
            yield SteadyInput(placeholder="/ search every document (words, \"a phrase\")", id="query", compact=True)
            yield Trajectory(id="trajectory")
            with TabbedContent(id="tabs", initial=_TABS["timeline"]):
                with TabPane("Timeline", id=_TABS["timeline"]):
                    yield TimelineList(id="timeline")
                    yield EventDetail(id="detail")
                yield TabPane("Documents", id=_TABS["documents"])
                yield TabPane("Search", id=_TABS["search"])
                yield TabPane("Councils", id=_TABS["councils"])
        yield KeysFooter()

    def _extend_compose(self, widgets: list[Widget]) -> None:
        # Textual adds its toast rack and tooltip to every screen's first compose; the first frame shows
        # neither (no notice, no pointer has rested), so they are mounted with the rest after it. Textual
        # copes with a screen without them meanwhile (a notice waits for the rack, a tooltip is skipped).
        pass

    async def _mount_rest(self) -> None:
        """Mount what the first frame did not show, then follow the app's corpus and let keys in.

        Until then the app holds the keys and clicks that arrive (``OfstedApp.release_input``),
        so none reaches a pane that is not there yet. The other tabs' panes are imported here, after the
        first frame, which draws none of them (their modules, with the national table's, were a tenth of
        this project's imports before it).
        """
        from ofsted_tui.widgets.councils_table import CouncilsPane
        from ofsted_tui.widgets.documents import DocumentList
        from ofsted_tui.widgets.search_results import SearchResults

        later = {_TABS["documents"]: [DocumentList(id="documents")],
                 _TABS["search"]: [Static(id="search-status"), SearchResults(id="results")],
                 _TABS["councils"]: [CouncilsPane(id="councils-pane")]}
        try:
            own: list[Widget] = []
            Screen._extend_compose(self, own)  # Textual's toast rack and tooltip, as it makes them
            if own:
                await self.mount_all(own, before=0)
                self.app._refresh_notifications()  # any posted before the rack was there
            for pane, widgets in later.items():
                await self.query_one(f"#{pane}", TabPane).mount_all(widgets)
            await self.query_one(FilterSidebar).compose_now()
            if not all(widget.is_mounted for widgets in later.values() for widget in widgets):
                # The app is ending (an exit in its first moments): the panes were never mounted, and the
                # watchers below would look for them.
                return
            # A corpus shown before its facet index is redone by the app when the index lands, not twice.
            self.watch(self.app, "corpus", self._corpus_changed, init=self.app.facet_index is not None)
            self.watch(self.app, "search_ready", self._search_ready, init=False)
            self.watch(self.app, "new_since_fetch", self._new_since_fetch)
        finally:
            self.app.release_input()  # whatever happened, the keys (quit among them) are never held for good

    # The other tabs' panes, by id: their classes are imported after the first frame (_mount_rest).
    @property
    def _documents(self) -> DocumentList:
        return cast("DocumentList", self.query_one("#documents"))

    @property
    def _results(self) -> SearchResults:
        return cast("SearchResults", self.query_one("#results"))

    @property
    def _councils(self) -> CouncilsPane:
        return cast("CouncilsPane", self.query_one("#councils-pane"))

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The bindings in the footer's order: help and quit first, so a narrow footer never cuts them off."""
        bindings = super().active_bindings
        first = sorted((key for key, b in bindings.items() if b.binding.id in _FOOTER_FIRST),
                       key=lambda key: _FOOTER_FIRST.index(bindings[key].binding.id))
        return {**{key: bindings[key] for key in first}, **bindings}

    def on_mount(self) -> None:
        self.query_one(FilterSidebar).display = self.app.size.width >= SIDEBAR_MIN_WIDTH
        # The first frame has the split it keeps (the sidebar's width from its styles): the pane's widgets are
        # styled again for it where it changes (below 164 columns), not the whole screen (_on_screen_resume).
        self._fit_split()
        self._show_first(self.app.corpus)
        self.call_after_refresh(self._mount_rest)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual styles every widget of a screen again as it is shown, in case a style changed while it was
        # hidden. The first time, its widgets were all styled as they were mounted, just before, and every
        # class set since restyled what it touched: the second pass over the first frame's widgets (5-9 ms
        # of CPU before that frame) would change nothing. Later resumes (a dialog closed, a theme changed
        # meanwhile) keep it.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _show_first(self, corpus: Corpus | None) -> None:
        """The first frame's timeline: every event (no filter is set yet), its first row's detail and chart.

        The facet index is not needed for that (with no filter it answers every
        event, in the corpus's order), so the app builds it after this frame.
        """
        if corpus is None:
            return
        self.corpus, self._first_events = corpus, list(corpus.events)
        timeline = self.query_one(TimelineList)
        timeline.fit_columns(corpus.events)
        timeline.set_rows(self._first_events, cursor=0)
        self._show_event(timeline.current)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_split)

    def _fit_split(self) -> None:
        """Put the event's detail beside the timeline or below it, as the lists' width allows."""
        sidebar = self.query_one(FilterSidebar)
        width = 0
        if sidebar.display:
            # Before the first layout the sidebar has no size yet: the width its styles give it then.
            width = sidebar.outer_size.width or int(sidebar.styles.width.resolve(self.app.size, self.app.size))
        room = self.app.size.width - width
        self.query_one(f"#{_TABS['timeline']}").set_class(room < SIDE_BY_SIDE_MIN_WIDTH, "-stacked")

    # -- data ----------------------------------------------------------------
    def _corpus_changed(self, corpus: Corpus | None) -> None:
        if corpus is None:
            return
        before, self.corpus, self.index = self.corpus, corpus, self.app.facet_index
        self._matched = self._answer = self._rows = None
        self._recent.clear()  # the new corpus has its own index
        # A note or bookmark hands back the very catalogue and equal events: the columns and the national
        # table are as they were (sizing them again read 10,000 documents' dates, a third of a second a save).
        # The very corpus coming back is the first frame's, now indexed: the panes mounted after that frame
        # have shown nothing of it yet.
        same = (before is not None and before is not corpus and before.complete and corpus.complete
                and corpus.documents is before.documents and same_rows(before.events, corpus.events))
        if not same:
            self.query_one(TimelineList).fit_columns(corpus.events)
        for rows in (self._documents, self._results):
            rows.corpus = corpus  # their rows show what the corpus says of each document
            rows.redraw()
        if corpus.complete and not same:
            # Widths of every document's columns, in whatever order (sorting them was a sixth of a correction).
            self._documents.fit_columns(list(corpus.documents.values()))
        self.query_one(FilterSidebar).set_year_bounds(self.index.years if self.index else None)
        if not same:
            self._councils_due = corpus
            self._show_councils()
        if corpus.complete:
            self.set_timer(PREPARE_READER_S, self._prepare_reader, name="reader")
        self.refresh_view()
        # The highlighted event may be the very same row (a corpus of the same events): its sources are redone here.
        self._show_event(self.query_one(TimelineList).current)

    def _prepare_reader(self) -> None:
        from ofsted_tui.screens.reader import prepare_reader  # the reader's modules are read here, not at start

        if self.corpus is not None and self.app.screen is self:
            prepare_reader(self.app, self.corpus)

    def _new_since_fetch(self, sources: frozenset[str]) -> None:
        documents = self._documents
        documents.new_sources = sources
        documents.redraw()
        self._councils.mark_new(sources)

    def _search_ready(self, ready: bool) -> None:
        if ready and self.filters.text.strip():
            self.refresh_view(counts_now=True)

    def watch_filters(self, old: Filters, new: Filters) -> None:
        self.refresh_view(counts_now=True)

    def refresh_view(self, *, counts_now: bool = False) -> None:
        """Apply the filters and hand every pane its rows, keeping each cursor on its item.

        ``counts_now``: where the list in view drew nothing new (a key), the counts come in this frame. A
        store written by a note or bookmark (the default) has its counts follow its frame: drawn in it,
        they made the save's first frame a third longer.
        """
        if self.corpus is None or self.index is None:
            return
        text_docs = self._text_matches(rank=False)[0]  # the hits are ranked once the rows are out (_catch_up)
        result = self.result = self.index.apply(self.filters, text_docs, self._dataset_rows(text_docs))

        timeline = self.query_one(TimelineList)
        drawn = {_TABS["timeline"]: timeline.set_rows(result.events, cursor=_position(result.events, timeline.current))}
        documents = self._documents
        if self.corpus.complete:
            drawn[_TABS["documents"]] = documents.set_rows(result.documents,
                                                           cursor=_position(result.documents, documents.current))
        else:
            documents.set_loading()
        self._say_what_next(result)
        # Where the list in view kept its lines (a search key whose words nearly every document has), the
        # counts are what the key changes on screen: they come in its frame, not two frames later.
        self._follow_rows(now=counts_now and not drawn.get(self.query_one(TabbedContent).active, False))
        if not result.events:
            self._show_event(None)

    def _follow_rows(self, now: bool = False) -> None:
        """Redraw what counts the rows (sidebar, tabs, title), the chart and the hits once the rows are out
        (``now``: at once, where the list in view drew nothing new).

        A frame repaints the rectangle around every region that changed: with
        the counts at the left, the title at the top and the tabs in the middle
        changing at every key, that was nearly the whole screen, at 25-60 ms a
        frame. The key's own frame now holds the rows alone; the rest follows
        later. Keys typed faster than that share it (each one puts it off), and
        it reads the filters as they are then, so it never counts words since
        replaced. A timer, then ``call_after_refresh``: alone, that could run
        before the rows' repaint reached the screen, and so join their frame;
        after the timer it waits for that frame where a loaded machine is
        still drawing it.
        """
        if now:
            if self._follow_timer is not None:
                self._follow_timer.stop()
            self._catch_up()
            return
        self.catching_up = True
        if self._follow_timer is None:
            self._follow_timer = self.set_timer(FOLLOW_S, lambda: self.call_after_refresh(self._catch_up),
                                                name="counts")
        else:
            self._follow_timer.reset()

    def _catch_up(self) -> None:
        self.catching_up, self._follow_timer = False, None
        if self.result is None:
            return
        self._show_hits(self.result, *self._text_matches()[1:])
        self._show_trajectory(self.query_one(TimelineList).current)

    def _show_hits(self, result: FilterResult, hits: list[LazyHit], status: str) -> None:
        """The Search tab: the ranked hits that pass the other filters, its status line, the counts."""
        if hits:
            hits = [h for h in hits if result.passes(h.doc_id)]
        self._hits = hits[:MAX_HITS]
        self._say_what_next(result)
        self._results.set_rows(self._hits, cursor=0)
        self._show_search_status(status)
        self._show_counts()

    def _say_what_next(self, result: FilterResult) -> None:
        """The empty lists' messages: why nothing is shown, and the key that changes it."""
        corpus, query = self.corpus, self.filters.text.strip()
        if corpus is None:
            return
        if not corpus.documents:
            events = documents = "The store is empty: press i to import files (Ofsted reports, letters, news, minutes)."
        elif query and self._matched is not None and self._matched[0] == query and not self._matched[1]:
            events = documents = f"No document matches {quoted(query)}: change the search (/), or press x to clear it."
        elif self.filters.active:
            events = "No inspection event passes the filters: press x to clear them, or f to change them."
            documents = "No document passes the filters: press x to clear them, or f to change them."
        else:
            events = "No inspection event was found in these documents: press i to import more files."
            from ofsted_tui.widgets.documents import EMPTY_DOCUMENTS

            documents = EMPTY_DOCUMENTS
        for rows, text in ((self.query_one(TimelineList), events), (self._documents, documents)):
            if rows.empty_text != text:
                rows.empty_text = text
                rows.redraw()
        results = self._results
        if query and self._matched is not None and self._matched[0] == query:
            said = f"No document matches {quoted(query)}" + (" among the filtered ones: press x to clear the filters."
                                                        if self.filters.chosen_count() else ".")
        else:
            said = "Type in the search box ( / ) to search every document."
        if results.empty_text != said:
            results.empty_text = said
            results.redraw()

    def _show_search_status(self, status: str) -> None:
        # One line, always: no layout needed.
        self.query_one("#search-status", Static).update(Text(printable(status), style="italic"), layout=False)

    def _text_matches(self, *, rank: bool = True) -> tuple[frozenset[str] | None, list[LazyHit], str]:
        """Documents matching the search box (None: no text filter), the hits, a status line.

        Which documents match is asked of the index at once, so the panes
        follow each keystroke; ranking them for the list of hits runs in a
        thread (started where ``rank`` says), and until it lands for this
        query the hits of the last one that still match stand, and the status
        says so.
        """
        query = self.filters.text.strip()
        if not query or self.corpus is None:
            return None, [], "Type in the search box ( / ) to search every document."
        if not self.app.search_ready:
            return None, [], "Indexing the documents… results will appear in a moment."
        ids = self._matching(query, self.corpus)
        if not ids:
            self._answer = (query, ids, [])  # nothing to rank
            return ids, [], f"No document matches {quoted(query)}."
        answer = self._answer
        if answer is None or answer[0] != query:
            if rank:
                self._request_search()
            stale = [h for h in answer[2] if h.doc_id in ids] if answer is not None else []
            return ids, stale, f"{plural(len(ids), 'document')} match {quoted(query)}; ranking them…"
        more = f" (the first {MAX_HITS} listed)" if len(ids) > MAX_HITS else ""
        return ids, answer[2], f"{plural(len(ids), 'document')} match {quoted(query)}{more}"

    def _dataset_rows(self, ids: frozenset[str] | None) -> dict[str, set[str]] | None:
        """The events of the matching rows of each dataset among ``ids``, once per answer of the index."""
        if not ids or self.corpus is None:
            return None
        if self._rows is None or self._rows[0] is not ids:
            from ofsted_core.dataset_rows import events_in_matching_rows  # a search's, never the first frame's

            rows = events_in_matching_rows(self.corpus, ids, self.filters.text.strip())
            self._rows = (ids, rows or None)
        return self._rows[1]

    def _matching(self, query: str, corpus: Corpus) -> frozenset[str]:
        """The documents matching ``query``, asked of the index once per query.

        The last few queries' answers are kept: a backspace goes back to words
        just typed, and at 10,000 documents asking again cost 5-10 ms a key.
        """
        if self._matched is None or self._matched[0] != query:
            ids = self._recent.pop(query, None)
            if ids is None:
                try:
                    ids = corpus.search_index.matching(query)
                except Exception as error:  # a broken index file: said (once per query), and nothing matches
                    log.error("search for %r failed", query, exc_info=error)
                    self.notify(printable(f"Search failed: {error}"), title="Error", severity="error", timeout=10,
                                markup=False)
                    ids = frozenset()
            self._recent[query] = ids  # the newest last
            while len(self._recent) > RECENT_QUERIES:
                del self._recent[next(iter(self._recent))]
            self._matched = (query, ids)
        return self._matched[1]

    def _request_search(self) -> None:
        """Rank the hits of the words in the box once the keys pause, after the frame with the filtered panes.

        Ranking a broad prefix ("c", "children i") scores nearly every document: 25-45 ms of CPU at
        10,000, in a thread that took the CPU from the key's frame and from the next key's. The words of
        keys typed less than ``RANK_AFTER_S`` apart are ranked once, after the last (each key puts the
        ranking off); one runs at a time, and the words typed meanwhile are ranked when it ends.
        """
        if self._rank_timer is not None:
            self._rank_timer.reset()
            return
        if not self.searching:
            self.searching = True  # from now until a ranking lands or none is needed
            # Then ``call_after_refresh``: alone, asked from a handler that has just changed what is drawn, it
            # ran before the widgets had said so, so the ranking thread started during their frame.
            self._rank_timer = self.set_timer(RANK_AFTER_S, self._rank_after_frame, name="rank")

    def _rank_after_frame(self) -> None:
        self._rank_timer = None
        self.call_after_refresh(self._rank)

    def _rank(self) -> None:
        query, corpus, answer = self.filters.text.strip(), self.corpus, self._answer
        if corpus is None or not query or not self.app.search_ready or (answer is not None and answer[0] == query):
            self.searching = False
            return
        self._search(query, corpus)

    # The description is given: Textual would otherwise build one from the repr of the arguments.
    @work(thread=True, exit_on_error=False, group="search", name="searching", description="search")
    def _search(self, query: str, corpus: Corpus) -> None:
        try:
            # Snippets are cut only for the rows drawn.
            hits = corpus.search_index.hits(query, limit=MAX_HITS + 1)
        except Exception:
            self.app.call_from_thread(self._searched, query, corpus, None)
            raise
        self.app.call_from_thread(self._searched, query, corpus, hits)

    def _searched(self, query: str, corpus: Corpus, hits: list[LazyHit] | None) -> None:
        """A ranking landed: list its hits (the panes were filtered when the words were typed)."""
        self.searching = False
        if corpus is self.corpus:
            # A failed ranking (reported by the app) answers "nothing", so it is not retried in a loop.
            ids = self._matched[1] if self._matched is not None and self._matched[0] == query else frozenset()
            self._answer = (query, ids, hits or [])
        if self.result is not None:
            # The words typed meanwhile are ranked next (_text_matches asks).
            self._show_hits(self.result, *self._text_matches()[1:])

    def _show_counts(self) -> None:
        result, corpus = self.result, self.corpus
        if result is None or corpus is None:
            return
        tabs = self.query_one(TabbedContent)
        documents_mode = tabs.active != _TABS["timeline"]
        shown = len(result.documents) if documents_mode else len(result.events)
        self.query_one(FilterSidebar).show(result.facets, self.filters, documents=documents_mode, shown=shown)
        # Each count is padded to the width of its largest value, so the tabs keep
        # their places (and the screen its layout) as the filters change.
        events_w, documents_w = len(str(len(corpus.events))), len(str(len(corpus.documents)))
        hits = len(self._hits) if self.filters.text.strip() else ""
        _relabel(tabs.get_tab(_TABS["timeline"]), f"Timeline {len(result.events):<{events_w}}")
        count = f"{len(result.documents):<{documents_w}}" if corpus.complete else "…"  # still being read
        _relabel(tabs.get_tab(_TABS["documents"]), f"Documents {count}")
        _relabel(tabs.get_tab(_TABS["search"]), f"Search {hits:<{len(str(MAX_HITS))}}")
        filtered = " (filtered)" if self.filters.active else ""
        documents = (f"{len(result.documents)} of {plural(len(corpus.documents), 'document')}" if corpus.complete
                     else "reading the documents…")
        self._set_sub_title(f"{len(result.events)} of {plural(len(corpus.events), 'event')} · {documents}{filtered}")

    def _set_sub_title(self, text: str) -> None:
        # Setting ``sub_title`` repaints the whole screen (it is a reactive of the
        # screen); the counts change with every filter key, so only the header's
        # title line is redrawn.
        self.set_reactive(Screen.sub_title, text)
        self.query_one(TitleHeader).show_title()

    @property
    def shown_events(self) -> list[dict[str, Any]]:
        return self.result.events if self.result else self._first_events

    # -- events from the widgets ---------------------------------------------
    @on(RowList.Highlighted, "#timeline")
    def _event_highlighted(self, message: RowList.Highlighted) -> None:
        self._show_event(message.row)

    def _show_event(self, event: dict[str, Any] | None) -> None:
        # The filters change far more often than the highlighted event: redo its detail only when it changed.
        shown = (event, self.corpus)
        if self._shown_event is None or self._shown_event[0] is not event or self._shown_event[1] is not self.corpus:
            self._shown_event = shown
            self.query_one(EventDetail).show(event, self.corpus)
        if not self.catching_up:  # else the chart is drawn with the counts, for the event highlighted then
            self._show_trajectory(event)

    def _show_trajectory(self, event: dict[str, Any] | None) -> None:
        authority = event.get("authority") if event else _only_authority(self.shown_events)
        self.query_one(Trajectory).show(self.shown_events, authority, event.get("year") if event else None)

    @on(RowList.Chosen, "#timeline")
    def _event_chosen(self, message: RowList.Chosen) -> None:
        if not self.app.documents_ready():
            return
        rows = source_rows(message.row, self.corpus) if self.corpus else []
        if rows:
            self.post_message(OpenDocument(rows[0]["doc"]["id"], rows[0].get("span"), rows[0].get("fact_id")))

    @on(TimelineList.FocusSources)
    def _focus_sources(self) -> None:
        self.set_focus(self.query_one(SourceList))

    @on(SourceList.Back)
    def _back_to_timeline(self) -> None:
        self.set_focus(self.query_one(TimelineList))

    @on(EventDetail.SourceChosen)
    def _source_chosen(self, message: EventDetail.SourceChosen) -> None:
        self.post_message(OpenDocument(message.doc_id, message.span, message.fact_id))

    @on(RowList.Chosen, "#documents")
    def _document_chosen(self, message: RowList.Chosen) -> None:
        self.post_message(OpenDocument(message.row["id"]))

    @on(RowList.Chosen, "#results")
    def _hit_chosen(self, message: RowList.Chosen) -> None:
        hit: LazyHit = message.row
        self.post_message(OpenDocument(hit.doc_id, (hit.start, hit.end) if hit.end > hit.start else None))

    @on(FacetList.Toggled)
    def _facet_toggled(self, message: FacetList.Toggled) -> None:
        self.filters = self.filters.toggled(message.facet, message.value)

    @on(FilterSidebar.YearsChanged)
    def _years_changed(self, message: FilterSidebar.YearsChanged) -> None:
        self.filters = self.filters.with_years(message.year_from, message.year_to)

    @on(Input.Changed, "#query")
    def _query_changed(self, message: Input.Changed) -> None:
        # Through a message that coalesces: keys typed faster than the view is redone count once.
        self.post_message(SearchTyped(message.value))

    @on(SearchTyped)
    def _search_typed(self, message: SearchTyped) -> None:
        self.filters = self.filters.with_text(message.text)

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self.action_show_tab("search")
        self.set_focus(self._results)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._show_counts()
        self._show_councils()
        self._fit_councils_tab()

    def _show_councils(self) -> None:
        """The national table of the corpus shown, made when the Councils tab is in view.

        ``council_rows`` reads every event and document: made at once for a
        tab not in view, it was most of what a correction cost on this thread.
        """
        corpus = self._councils_due
        if corpus is None or (corpus.complete and self.query_one(TabbedContent).active != _TABS["councils"]):
            return
        self._councils_due = None
        self._councils.show(corpus.events, list(corpus.documents.values()) if corpus.complete else None)

    # -- the national table (the Councils tab) -------------------------------
    def _fit_councils_tab(self) -> None:
        """The national table takes the whole width and height: the sidebar, the search box and the
        chart are the other tabs' (their filters do not apply to it); each comes back on leaving it."""
        councils = self.query_one(TabbedContent).active == _TABS["councils"]
        if councils == self.has_class("-councils"):
            return
        self.set_class(councils, "-councils")
        sidebar = self.query_one(FilterSidebar)
        if councils:
            self._sidebar_shown, sidebar.display = sidebar.display, False
        else:
            sidebar.display = self._sidebar_shown
        self.call_after_refresh(self._fit_split)

    def on_councils_pane_open(self, message: CouncilsPane.Open) -> None:
        """Show the council's timeline: the authority filter set to it (every spelling the store uses)."""
        from ofsted_core.national import authorities_of

        name = message.row["council"]
        corpus = self.corpus
        spellings = (authorities_of(name, [*corpus.events, *corpus.documents.values()])
                     if corpus is not None else set())
        if not message.row["documents"] or not spellings:
            self._councils.say_no_documents(name)
            return
        self.set_filters(replace(Filters(), authorities=frozenset(spellings)))
        self.action_show_tab("timeline")
        self.notify(f"The timeline of {name}: press x to clear the filter, 4 to go back to the councils",
                    timeout=4, markup=False)

    # -- actions -------------------------------------------------------------
    _TYPED = frozenset({"show_tab", "focus_search"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While an input has the focus, "/" and the digits are typed into it.
        if action in self._TYPED and isinstance(self.focused, Input):
            return False
        return True

    # Focus moves at once (Screen.set_focus), not after a refresh as Widget.focus
    # does, so keys typed straight after "/" or "2" reach the new widget.
    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = _TABS[tab]
        self._show_councils()  # its table filled before its first frame, not when the tab's message comes
        self.set_focus(self.query_one({"timeline": "#timeline", "documents": "#documents", "search": "#results",
                                       "councils": "#councils"}[tab]))

    def action_focus_search(self) -> None:
        if self._active_tab() == "councils":  # its own box: find a council by name
            self._councils.focus_find()
            return
        self.set_focus(self.query_one("#query", Input))

    def action_leave_input(self) -> None:
        # Any box (the search, the years): the keys typed next are commands again.
        if isinstance(self.focused, Input):
            self.action_show_tab(self._active_tab())

    def _active_tab(self) -> str:
        active = self.query_one(TabbedContent).active
        return next(name for name, pane in _TABS.items() if pane == active)

    def action_focus_filters(self) -> None:
        """Show the sidebar and put the focus in it; from inside it, hide it again."""
        if self._active_tab() == "councils":  # the national table has its own filters
            self._councils.focus_filters()
            return
        sidebar = self.query_one(FilterSidebar)
        if sidebar.display and self.focused is not None and sidebar in self.focused.ancestors:
            sidebar.display = False
            self.call_after_refresh(self._fit_split)
            self.action_show_tab(self._active_tab())
            return
        sidebar.display = True
        self.call_after_refresh(self._fit_split)
        first = next((f for f in sidebar.query(FacetList) if f.display), None)
        self.set_focus(first if first is not None else sidebar.query_one("#year-from", Input))

    def action_clear_filters(self) -> None:
        if self._active_tab() == "councils":
            self._councils.clear_filters()
            self.notify("The councils' filters cleared", timeout=2)
            return
        self.set_filters(Filters())
        self.notify("Filters cleared", timeout=2)

    def set_filters(self, filters: Filters) -> None:
        """Replace the filters; the search box follows."""
        query = self.query_one("#query", Input)
        if query.value != filters.text:
            with query.prevent(Input.Changed):
                query.value = filters.text
        self.filters = filters

    def _come_forward(self) -> None:
        """Close the screens over this one (the palette's requests come from any screen)."""
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    @on(FiltersRequested)
    def _filters_requested(self, message: FiltersRequested) -> None:
        self._come_forward()
        self.set_filters(message.filters)
        if message.said:
            self.notify(message.said, timeout=2)

    @on(YearRequested)
    def _year_requested(self, message: YearRequested) -> None:
        self._come_forward()
        self.jump_to_year(message.year)

    def jump_to_year(self, year: int) -> None:
        self.action_show_tab("timeline")
        timeline = self.query_one(TimelineList)
        rows = timeline.rows
        # The earliest event of the year or after, wherever the list's sorting puts it.
        later = [(e.get("year") or 0, e.get("month") or 0, e.get("day") or 0, i) for i, e in enumerate(rows)
                 if (e.get("year") or 0) >= year]
        at = min(later)[3] if later else None
        if at is None:
            self.notify(f"No event in or after {year} among the events shown", severity="warning")
        else:
            timeline.cursor = at

    def target_document(self) -> dict[str, Any] | None:
        """The document the user is on: a source, a listed document or a search hit."""
        if self.corpus is None or not self.corpus.complete:
            return None
        tab = self._active_tab()
        if tab == "councils":  # a council is no document: bookmarks and notes are on documents
            return None
        if tab == "documents":
            return self._documents.current
        if tab == "search":
            hit = self._results.current
            return self.corpus.documents.get(hit.doc_id) if hit else None
        # Keys typed fast (j j n) reach this before the highlight's message has shown the event's
        # sources: they are shown now, so the target is the event under the cursor, never the one left.
        event = self.query_one(TimelineList).current
        if self._shown_event is None or self._shown_event[0] is not event:
            self._show_event(event)
        source = self.query_one(SourceList).current
        return source["doc"] if source else None

    def _document_or_say(self) -> dict[str, Any] | None:
        """``target_document``, or None once the user has been told why there is none."""
        if not self.app.documents_ready():
            return None
        doc = self.target_document()
        if doc is None:
            self.notify("Choose a document, an event's source or a search hit first", severity="warning")
        return doc

    def action_bookmark(self) -> None:
        doc = self._document_or_say()
        if doc is None or self.corpus is None:
            return
        from ofsted_core.annotations import bookmark_change

        self.post_message(SaveChange(bookmark_change(doc, self.corpus.annotations_of(doc["id"]), f"“{doc_title(doc)}”")))

    def action_note(self) -> None:
        doc = self._document_or_say()
        if doc is not None:
            self.post_message(AnnotationRequested("note", doc))

    def action_correct(self) -> None:
        doc = self._document_or_say()
        if doc is not None:
            self.post_message(AnnotationRequested("correction", doc))


def _position(rows: list[dict[str, Any]], current: dict[str, Any] | None) -> int:
    """Where ``current`` is in ``rows`` (by id), else the top."""
    if current is None:
        return 0
    key = current.get("id")
    return next((i for i, row in enumerate(rows) if row.get("id") == key), 0)


def _relabel(tab: Tab, label: str) -> None:
    """Set a tab's label; one as wide as before is repainted without a layout of the screen.

    A tab label changes with every filter key ("Timeline 1234"), and setting
    ``Tab.label`` always asks for a layout (a full repaint); the width, and
    so the tab bar, changes only when the count gains or loses a digit.
    """
    old = tab.label.plain
    if old == label:
        return
    if len(old) != len(label):
        tab.label = label
        return
    tab._label = Content.from_text(label)  # what the label property returns
    Static.update(tab, tab._label, layout=False)


def _only_authority(events: list[dict[str, Any]]) -> str | None:
    authorities = {e.get("authority") for e in events}
    return authorities.pop() if len(authorities) == 1 else None
