"""The explorer application: one store, one corpus, global keys and themes.

The app is thin. It owns ``store`` and the read model ``corpus`` (reloaded in
a thread worker after every write and whenever another process changes the
store file), opens the reader, and runs the dialogs that write. Screens and
the palette ask for these by message (``ofsted_tui.messages``), never by
calling in; every worker's failure ends at ``on_worker_failed``. Screens and
widgets do the rest. ``make_app`` is the one way to build it, for the command
line and the tests alike.
"""

from __future__ import annotations

import gc
import importlib
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from ofsted_core.annotations import Change
from ofsted_tui import messages
from ofsted_tui.collector import IdleCollector, tune
from ofsted_tui.commands import ExplorerCommands
from ofsted_core.corpus import Corpus, lazy_snapshot
from ofsted_core.filters import FacetIndex
from ofsted_core.library import Library
from ofsted_tui.screens.main import MainScreen
from ofsted_core.store import TIMELINE_FIRST_MIN_DOCUMENTS, Store, StoreData, collector_paused
from ofsted_core.labels import printable

# The reader, the dialogs and the help screen are imported when first opened,
# and ahead of that by the search-index worker once its index is built
# (``_LATER``): importing them before the first frame delayed it. So is the
# timeline builder a note's save rebuilds a council's events with, and the
# lock every write takes (their first imports were a third of the first save
# at 10,000 documents).
_LATER = ("ofsted_tui.screens.reader", "ofsted_tui.screens.dialogs", "ofsted_tui.screens.help", "ofsted_core.timeline",
          "filelock")

__all__ = ["OfstedApp", "THEMES", "make_app"]

log = logging.getLogger(__name__)

# What a user does before every pane is mounted waits (see release_input): a key or a click
# handled then would reach a pane not there yet. Mouse moves and scrolls only look.
_HELD = (events.Key, events.MouseDown, events.MouseUp, events.Paste)
# What keeps the explorer from being idle (see ofsted_tui.collector).
_INPUT = (events.Key, events.MouseEvent, events.Paste)

STORE_POLL_S = 2.0
# The lookup file after a save waits for a pause this long: its serialising (0.1-0.2 s of CPU at
# 10,000 documents) would share the interpreter with the keys of someone still working.
LOOKUP_PAUSE_S = 2.0
READ_AT_ONCE_BYTES = 4 << 20  # parses in tens of milliseconds
FREEZE_MIN_ROWS = 5_000  # catalogue rows and events (each with a few dozen containers: its summary, its judgements); see _indexed

THEMES = (
    Theme(
        name="ofsted-dark",
        primary="#5c9ded",
        secondary="#7e57c2",
        accent="#ffb74d",
        warning="#ffb74d",
        error="#ef5350",
        success="#66bb6a",
        foreground="#e3e6ea",
        background="#15191f",
        surface="#1c2129",
        panel="#252b35",
        dark=True,
        variables={"block-cursor-background": "#2f4a6d", "block-cursor-foreground": "#ffffff",
                   "footer-key-foreground": "#ffb74d"},
    ),
    Theme(
        name="ofsted-light",
        primary="#1f5fa8",
        secondary="#6a4caf",
        accent="#b35c00",
        warning="#b35c00",
        error="#c62828",
        success="#2e7d32",
        foreground="#1d232b",
        background="#f4f1ea",
        surface="#fbf9f4",
        panel="#e8e3d8",
        dark=False,
        variables={"block-cursor-background": "#cfe0f5", "block-cursor-foreground": "#0d1620",
                   "footer-key-foreground": "#1f5fa8"},
    ),
)


class OfstedApp(App[None]):
    """Explore the Ofsted inspection history of councils' children's services."""

    HELP = "Everywhere"
    CSS_PATH = "app.tcss"
    TITLE = "ofsted-tui"
    COMMANDS = App.COMMANDS | {ExplorerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("i", "import", "Import", id="app.import"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("ctrl+t", "toggle_theme", "Dark/light", show=False, id="app.theme"),
    ]

    corpus: var[Corpus | None] = var(None)
    search_ready: var[bool] = var(False)
    # Sources of the reports the last `ofsted-tui fetch` found new (marked in the document list).
    new_since_fetch: var[frozenset[str]] = var(frozenset())

    def __init__(self, store: Store, data: StoreData | None = None, stamp: int | None = None,
                 collector_held: bool = False) -> None:
        """``data``: the store as already read (stamped ``stamp``), used for the first load; ``collector_held``:
        the caller paused the garbage collector for this start (see ``on_load``), to resume after the first frame."""
        super().__init__()
        self.store = store
        self.library = Library(store)  # what the explorer asks of the core goes through it, as the CLI's does
        self.facet_index: FacetIndex | None = None
        self._seen_stamp: int | None = None
        self._loads = 0
        self._first_read = (data, stamp) if data is not None else None
        self.export_paths: dict[str, str] = {}  # the export dialog's last path, per purpose, for the session
        self.undo_history: list[Change] = []  # the session's annotation changes, undone last first
        # Keys, clicks and pastes that arrive before the main screen has mounted what its first
        # frame left out; replayed in order by ``release_input``. None once released.
        self._held_input: list[events.Event] | None = []
        self._collector_held = collector_held  # the collector was running before the start, and is paused (on_load)
        self._collector: IdleCollector | None = None  # garbage collected while the user pauses (on_mount)
        self._input_at = 0.0  # monotonic time of the last key, click or paste
        self._lookup_timer: Timer | None = None
        for theme in THEMES:
            self.register_theme(theme)
        self._start_in(THEMES[0])
        self.sub_title = str(store.path)

    def _start_in(self, theme: Theme) -> None:
        """Start in ``theme`` the way Textual starts in its default one.

        Setting ``self.theme`` here ran its watcher once the app started: a second parse of every
        stylesheet, from scratch, and a restyle of every widget (16 ms of CPU before the first frame).
        Before the first parse its variables and classes are all that theme needs. Its ANSI colours are
        those Textual started with where the theme is dark, as Textual's default is; a light one (and
        ``ctrl+t``) goes through the watcher."""
        if not theme.dark:
            self.theme = theme.name
            return
        self.set_reactive(App.theme, theme.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{theme.name}", update=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's "Keys" opens its own panel; this app's help lists every key by where it applies.
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand("Keys", "Every key, under the screen or pane where it applies", self.action_help)
            else:
                yield command

    def get_default_screen(self) -> Screen:
        return MainScreen()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, _INPUT):
            self._input_at = time.monotonic()
            if self._collector is not None:
                self._collector.active()
        if self._held_input is not None and isinstance(event, _HELD) and not event.is_forwarded:
            self._held_input.append(event)
            return
        await super().on_event(event)

    def release_input(self) -> None:
        """Let input through (the main screen calls it once every pane is mounted), the held input first."""
        held, self._held_input = self._held_input, None
        for event in held or ():
            self.post_message(event)

    def on_load(self) -> None:
        # No garbage collection until the first frame is out: the one due while the screen was composed
        # and first drawn walked every object the start-up had made (30-40 ms of CPU on the bundled
        # store). It runs after the frame instead, as the collector resumes (``_resume_collector``).
        self._collector_held = self._collector_held or gc.isenabled()
        gc.disable()

    def _resume_collector(self) -> None:
        if self._collector_held:
            self._collector_held = False
            gc.enable()

    def on_unmount(self) -> None:
        self._resume_collector()  # an app that ends before its first frame leaves the collector as it was

    def on_mount(self) -> None:
        self.call_after_refresh(self._resume_collector)
        # The store as the CLI read it (its catalogue, events and annotations:
        # texts and facts are read when a document is opened) is shown at once,
        # here on the screen's thread: a worker would compete with the drawing
        # for the interpreter and fill the timeline later. Of a large store only
        # the timeline is shown so. The facet index (which the first frame, with
        # no filter set, does not need) is built in a worker once that frame is
        # out, and then the rest of a large store is read. A store the CLI did not
        # read is read once the first frame is out if large, else at once.
        first = self._first_read
        if first is not None:
            self._first_read = None
            self._loads += 1
            data, stamp = first
            whole = data.complete and len(data.documents) < TIMELINE_FIRST_MIN_DOCUMENTS
            shown = data if whole else StoreData(events=data.events, annotations=data.annotations, complete=False)
            with collector_paused():
                corpus = self.library.corpus_of(shown)
            if not whole:
                # Of a large store, the rows read with the collector paused (``Library.first_snapshot``) were
                # all still young: the first collection, during the first layout, walked every one (50 ms
                # of CPU at 10,000 documents). Frozen, they wait until the frame is out: indexing them
                # unfreezes them (``_indexed``).
                gc.freeze()
            self._loaded(self._loads, stamp, corpus, None)
            # The rest as read, or (where the CLI read the timeline alone) read from the store then.
            self.call_after_refresh(self._index_first, self._loads, stamp, corpus, not whole,
                                    first if data.complete else None)
        elif self.store.size() <= READ_AT_ONCE_BYTES:
            self.reload()
        else:
            self.call_after_refresh(self.reload)
        self.set_interval(STORE_POLL_S, self._check_store, name="store-watch")
        self._collector = IdleCollector(self, lambda: self.corpus is not None and _large(self.corpus))
        # After the first frame: its thread would compete with the first layout for the interpreter.
        self.call_after_refresh(self._read_fetch_record)

    @work(thread=True, exit_on_error=False, group="fetch-record", name="reading the record of fetches",
          description="fetch record")
    def _read_fetch_record(self) -> None:
        from ofsted_core.fetch.library import Library, default_library

        library = Library(default_library())
        new = frozenset(str(path.resolve()) for path in library.new_since_last_fetch())
        if new:
            last = library.last_fetch()
            self.call_from_thread(self._fetched_new, new, last.at[:10] if last else "")

    def _fetched_new(self, sources: frozenset[str], when: str) -> None:
        from ofsted_tui.widgets.documents import NEW_MARK

        self.new_since_fetch = sources
        self.notify(f"{len(sources)} report(s) new since the last fetch ({when}), marked {NEW_MARK} in Documents",
                    title="New reports", timeout=6, markup=False)

    @property
    def main_screen(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # -- loading -------------------------------------------------------------
    def reload(self) -> None:
        """Read the store again, in a thread; the panes keep the old corpus until it is ready."""
        self._loads += 1
        first, self._first_read = self._first_read, None
        self._load(self._loads, first)

    def _check_store(self) -> None:
        stamp = self.store.mtime_ns()
        # A save of ours changes the stamp before the store as written is shown (its worker indexes it): not
        # another writer's change, which would read the whole store again and drop the save's result.
        if stamp != self._seen_stamp and not any(w.group in _ADOPTING and w.is_running for w in self.workers):
            self._seen_stamp = stamp  # one attempt per change: a broken file is reported once
            self.post_message(messages.StoreChanged())

    def on_store_changed(self) -> None:
        self.reload()

    # Workers get a fixed description: Textual otherwise builds one from the
    # repr of their arguments, and a corpus is large.
    @work(thread=True, exit_on_error=False, group="load", name="reading the store", description="load")
    def _load(self, generation: int, read: tuple[StoreData, int | None] | None) -> None:
        self._read(generation, read)

    @work(thread=True, exit_on_error=False, group="load", name="indexing the store", description="first index")
    def _index_first(self, generation: int, stamp: int | None, corpus: Corpus, then_read: bool,
                     read: tuple[StoreData, int | None] | None) -> None:
        """Index the corpus the first frame showed; then, if ``then_read`` (it was the timeline alone), build
        the whole one as ``_load`` does from ``read``."""
        with collector_paused():
            index = _indexed(corpus)
        self.call_from_thread(self._loaded, generation, stamp, corpus, index)
        if then_read:
            self._read(generation, read)

    def _read(self, generation: int, read: tuple[StoreData, int | None] | None) -> None:
        """(In a worker.) Build the corpus from ``read`` (the store as the CLI read it, and its stamp), else from
        the file.

        Only the catalogue, events and annotations are read (``lazy_snapshot``).
        """
        with collector_paused():
            if read is None:
                stamp = self.store.mtime_ns()
                data = lazy_snapshot(self.store)
            else:
                data, stamp = read
            self.call_from_thread(self._loaded, generation, stamp, *_built(data, self.library))

    @work(thread=True, exit_on_error=False, group="load", name="indexing the store", description="index")
    def _index(self, generation: int, stamp: int | None, corpus: Corpus, previous: FacetIndex | None) -> None:
        self._index_here(generation, stamp, corpus, previous)

    def _index_here(self, generation: int, stamp: int | None, corpus: Corpus, previous: FacetIndex | None) -> None:
        """(In a worker.) Index ``corpus``, written by an annotation, from the one ``previous`` indexes; then
        show it."""
        with collector_paused():
            index = _indexed(corpus, previous)
        self.call_from_thread(self._loaded, generation, stamp, corpus, index)
        # The lookup file of the store as written (the command line's next lookup reads it, where it
        # parsed the whole store to make it), once the change is on screen and the user pauses.
        self.call_from_thread(self._lookup_after_pause)

    def _lookup_after_pause(self) -> None:
        if self._lookup_timer is not None:
            self._lookup_timer.stop()
        self._lookup_timer = self.set_timer(LOOKUP_PAUSE_S, self._lookup_if_paused, name="lookup-file")

    def _lookup_if_paused(self) -> None:
        waited = time.monotonic() - self._input_at
        if waited < LOOKUP_PAUSE_S:
            self._lookup_timer = self.set_timer(LOOKUP_PAUSE_S - waited, self._lookup_if_paused, name="lookup-file")
            return
        self._lookup_timer = None
        self._write_lookup()

    @work(thread=True, exit_on_error=False, group="lookup-file", name="writing the lookup file",
          description="lookup file")
    def _write_lookup(self) -> None:
        with collector_paused():
            self.library.write_lookup()

    def _loaded(self, generation: int, stamp: int | None, corpus: Corpus, index: FacetIndex | None) -> None:
        if corpus.complete:
            self._seen_stamp = stamp
        if generation != self._loads:
            return  # a newer load is on its way
        self.facet_index = index
        if corpus is self.corpus:  # the corpus shown first, now indexed (see on_mount): the panes are redone
            self.mutate_reactive(OfstedApp.corpus)
            return
        # A corpus written by a note serves the index already open (Corpus.from_data): search stays ready,
        # where making it ready again dropped the search box's filter from the panes meanwhile.
        self.search_ready = corpus.complete and corpus.search_opened
        replaced, self.corpus = self.corpus, corpus
        _release(replaced, corpus)
        if corpus.complete and not self.search_ready:
            # Index for search once the panes have been drawn, for the same reason.
            self.call_after_refresh(self._index_search, corpus, generation)

    @work(thread=True, exit_on_error=False, group="search-index", name="indexing the documents",
          description="search index")
    def _index_search(self, corpus: Corpus, generation: int) -> None:
        with collector_paused():
            index = corpus.search_index  # built on first access; build it here, off the screen's thread
        # Search is ready now: the modules imported next (0.1 s of CPU) are the reader's and the dialogs'.
        self.call_from_thread(self._search_indexed, generation)
        with collector_paused():
            for module in _LATER:
                importlib.import_module(module)
            _freeze_if_large(corpus)
        # The store made ready to write from the rows read, so the session's first note does not parse db.json.
        if corpus.data is not None:
            with collector_paused():
                self.store.expect(corpus.data)

    def _search_indexed(self, generation: int) -> None:
        if generation == self._loads:
            self.search_ready = True

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.post_message(messages.WorkerFailed(event.worker))
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            # Textual leaves a thread worker set in its thread's context until that thread runs another: the
            # work's arguments (a corpus replaced since) would stay alive with it.
            event.worker._work = None

    def on_worker_failed(self, message: messages.WorkerFailed) -> None:
        """The one place a worker's failure is reported: a notice naming it, and its traceback in the log.

        Every worker runs with ``exit_on_error=False`` (tests/ui/test_workers.py
        checks), so an error ends the worker, never the app; screens pass their
        workers' failures here (``messages.ReportsWorkerFailures``).
        """
        worker, error = message.worker, message.worker.error
        log.error("worker %r failed", worker.name, exc_info=error)
        self.notify(printable(f"Failed while {worker.name}: {error}"), title="Error",
                    severity="error", timeout=10, markup=False)

    def documents_ready(self) -> bool:
        """Whether the documents have been read (a large store shows its timeline first); if not, say so."""
        if self.corpus is not None and self.corpus.complete:
            return True
        self.notify("Still reading the documents from the store; try again in a moment", timeout=3)
        return False

    # -- the reader ----------------------------------------------------------
    def on_open_document(self, message: messages.OpenDocument) -> None:
        self.open_document(message.doc_id, message.span, message.fact_id)

    def open_document(self, doc_id: str, span: tuple[int, int] | None = None, fact_id: str | None = None) -> None:
        if not self.documents_ready():
            return
        if self.corpus is None or doc_id not in self.corpus.documents:
            self.notify("That document is no longer in the store", severity="warning")
            return
        from ofsted_tui.screens.reader import reader_for

        self.push_screen(reader_for(self, self.corpus, doc_id, span, fact_id))

    def on_reader_screen_corpus_changed(self, message: Any) -> None:
        """The reader saved an annotation and sends the store as written: adopt it."""
        self._loads += 1
        self._index(self._loads, self.store.mtime_ns(), message.corpus, self.facet_index)

    # -- annotations ---------------------------------------------------------
    def add_annotation(self, note: dict[str, Any], done: str) -> None:
        self.write_annotations(Change(add=(note,), done=done))

    def on_save_change(self, message: messages.SaveChange) -> None:
        self.write_annotations(message.change, undoing=message.undoing)

    def write_annotations(self, change: Change, *, undoing: bool = False) -> None:
        """Save ``change`` in a thread; it can be undone (ctrl+z) unless it is itself an undo."""
        self._write_annotations(change, undoing)

    @work(thread=True, exit_on_error=False, group="write", name="saving your annotation")
    def _write_annotations(self, change: Change, undoing: bool) -> None:
        shown = self.corpus.data if self.corpus is not None and self.corpus.complete else None
        written, undo = self.library.annotate(change, shown)
        self.post_message(messages.AnnotationsSaved(undo, undoing))
        # The store as written is shown without reading it again (its stamp is ours, not another writer's), indexed
        # here: from the index before, a note's is a millisecond, less than handing it to another worker.
        self._loads += 1
        self._index_here(self._loads, self.store.mtime_ns(), self.library.corpus_of(written, self.corpus),
                         self.facet_index)

    def on_annotations_saved(self, message: messages.AnnotationsSaved) -> None:
        """A change was saved (here or by the reader): say so, and remember how to undo it."""
        undo, undoing = message.undo, message.undoing
        if undoing:
            self.notify(printable(f"Undone: {undo.done}"), timeout=3, markup=False)
        elif undo.add or undo.remove:
            self.undo_history.append(undo)
            self.notify(printable(f"{undo.done} (ctrl+z undoes)"), timeout=3, markup=False)
        else:
            self.notify(printable(f"{undo.done}: nothing to change"), timeout=3, markup=False)

    def action_undo(self) -> None:
        """Undo the last note, bookmark or correction saved in this session."""
        if not self.undo_history:
            self.notify("Nothing to undo: notes, bookmarks and corrections saved in this session can be undone",
                        timeout=4)
            return
        undo = self.undo_history.pop()
        # The screen on top saves it: the reader writes through its own worker, so it redraws at once.
        self.screen.post_message(messages.SaveChange(undo, undoing=True))

    def on_annotation_requested(self, message: messages.AnnotationRequested) -> None:
        """Ask for a note or a correction of a whole document (the reader asks for its own, on facts too)."""
        from ofsted_core.annotations import correctable_fields, correction_change, make_annotation
        from ofsted_tui.screens.reader_dialogs import CorrectionDialog, NoteDialog, note_target

        doc = message.doc

        def save_note(body: str | None) -> None:
            if body:
                self.add_annotation(make_annotation("note", doc, body=body), "Note saved")

        def save_correction(answer: tuple[str, Any] | None) -> None:
            if answer and self.corpus is not None:
                field, value = answer
                self.write_annotations(correction_change(doc, self.corpus.annotations_of(doc["id"]), field, value))

        if message.kind == "note":
            self.push_screen(NoteDialog.asking(self, note_target(doc)), save_note)
        else:
            current = {name: doc.get(name) for name in correctable_fields(None)}
            self.push_screen(CorrectionDialog(note_target(doc), current, "published"), save_correction)

    # -- actions -------------------------------------------------------------
    def action_help(self) -> None:
        from ofsted_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_import(self) -> None:
        from ofsted_tui.screens.dialogs import ImportDialog

        def finished(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.push_screen(ImportDialog(self.store), finished)

    def action_export(self, quote_fact_id: str | None = None) -> None:
        if not self.documents_ready() or self.corpus is None:
            return
        from ofsted_tui.screens.dialogs import ExportDialog

        quote = self.corpus.fact(quote_fact_id) if quote_fact_id else None
        self.push_screen(ExportDialog(self.corpus, self.main_screen.shown_events, quote=quote))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1].name if self.theme == THEMES[0].name else THEMES[0].name


# The workers that end by adopting a store they read or wrote (``_loaded``).
_ADOPTING = ("load", "write")


def _built(data: StoreData, library: Library) -> tuple[Corpus, FacetIndex]:
    with collector_paused():
        corpus = library.corpus_of(data)
        return corpus, _indexed(corpus)


def _indexed(corpus: Corpus, previous: FacetIndex | None = None) -> FacetIndex:
    """The corpus's facet index and lookups; a large corpus is then kept out of garbage collection.

    The catalogue, events, fact summaries and facet index of 10,000 documents
    are about 120,000 containers (their texts and facts, read on demand, are
    not kept), and every full collection walked them all, on whatever thread
    happened to allocate: a keystroke, the search index. They are acyclic (but
    for the search index: see ``_release``) and freed by reference counting
    when the corpus is replaced (tests/ui/test_idle_collector.py), so
    nothing is lost by freezing them; but cyclic garbage frozen alongside (the
    interface's, some 30,000 objects at 10,000 documents) is never freed. Small
    stores are left alone. The rest of the collector's timing: ofsted_tui.collector.
    """
    # After an annotation, the index is remade for the documents it touched (FacetIndex.updated).
    index = FacetIndex.updated(previous, corpus) if previous is not None else FacetIndex.from_corpus(corpus)
    corpus.build_lookups()
    _freeze_if_large(corpus, unfreeze=True)
    return index


def _freeze_if_large(corpus: Corpus, unfreeze: bool = False) -> None:
    """Move what is alive now (a large corpus and its indexes) out of garbage collection's way.

    ``unfreeze`` first (a new load, of any size) lets what was frozen before (the previous corpus's rows,
    the first frame's) be collected in due course; the search index, built later, is frozen on top.
    """
    if unfreeze:
        gc.unfreeze()
    if _large(corpus):
        gc.freeze()
        tune()


def _release(replaced: Corpus | None, corpus: Corpus) -> None:
    """Let ``replaced`` be freed once nothing uses it, though it was frozen out of garbage collection.

    Its search index reads texts through it, a reference cycle that only a
    collection frees, and frozen it never is: a reload kept the whole old
    corpus (tests/ui/test_idle_collector.py). Unless ``corpus`` serves the
    same index (written by a note), the index is dropped from it; a worker
    still using it opens its own should it ask again.
    """
    if replaced is not None and replaced is not corpus:
        index = replaced.__dict__.get("search_index")
        if index is not None and index is not corpus.__dict__.get("search_index"):
            del replaced.__dict__["search_index"]


def _large(corpus: Corpus) -> bool:
    return len(corpus.documents) + len(corpus.events) >= FREEZE_MIN_ROWS


def make_app(store_path: Path | str, *, data: StoreData | None = None, stamp: int | None = None,
             collector_held: bool = False) -> OfstedApp:
    """The explorer on the store at ``store_path`` (the CLI has already checked it reads).

    ``data`` is the store as the caller read it (when its file was stamped
    ``stamp``); the app starts from it instead of reading the file again.
    ``collector_held``: the caller paused a running garbage collector, for the app to resume.
    """
    return OfstedApp(Store(store_path), data, stamp, collector_held)
