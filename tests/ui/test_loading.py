"""How the explorer starts: few modules before the first frame, the store read once, in a worker;
the catalogue alone (texts and facts are read when a document opens: see test_lazy_corpus)."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading

from ofsted_tui import app as app_module
from ofsted_tui import cli
from ofsted_tui.app import make_app
from ofsted_core.labels import plural
from ofsted_core.store import Store
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.timeline import SourceList, TimelineList
from tests.paths import REPO
from tests.ui.pilot import loaded, pilot_test, settle, type_text

# Needed only to write, to import, or once a screen other than the main one opens.
NOT_AT_START = (
    "tinydb", "filelock", "dateutil", "importers.extract", "ofsted_core.timeline",
    "ofsted_tui.screens.reader", "ofsted_tui.screens.dialogs", "ofsted_tui.screens.help",
)


def test_the_explorer_module_leaves_heavy_imports_for_later():
    code = (
        "import sys, ofsted_tui.app; "
        f"print(','.join(m for m in {NOT_AT_START!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pilot_test
async def test_the_app_starts_from_the_store_as_the_command_line_read_it(store: Store):
    data = store.read()
    dropped = data.documents.pop()
    app = make_app(store.path, data=data, stamp=store.mtime_ns())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        # Not read again: the document left out of what was handed over is not there.
        assert dropped["id"] not in app.corpus.documents
        assert len(app.corpus.documents) == len(store.read().documents) - 1
        # A reload reads the file.
        app.reload()
        await settle(pilot, lambda: dropped["id"] in app.corpus.documents, "the reload")


def test_the_command_line_hands_the_store_it_checked_to_the_app(store: Store, monkeypatch):
    started = []
    monkeypatch.setattr(app_module.OfstedApp, "run", lambda self: started.append(self))
    assert cli.main(["--db", str(store.path)]) == 0
    (app,) = started
    data, stamp = app._first_read
    assert [d["id"] for d in data.documents] == [d["id"] for d in store.read().documents]
    assert stamp == store.mtime_ns()


def test_the_command_line_starts_the_explorer_without_the_collector_and_hands_its_resumption_over(
        store: Store, monkeypatch):
    # From reading the store to the app's first frame no collection runs (the app resumes the collector after
    # that frame: tests/ui/test_first_frame.py); however the app ends, the collector runs again after it.
    from ofsted_core.library import Library

    seen: dict[str, object] = {}
    first_snapshot = Library.first_snapshot

    def reading(library):  # type: ignore[no-untyped-def]
        seen["reading"] = gc.isenabled()
        return first_snapshot(library)

    monkeypatch.setattr(Library, "first_snapshot", reading)

    def run(app):  # type: ignore[no-untyped-def]
        seen.update(starting=gc.isenabled(), handed_over=app._collector_held)
        raise RuntimeError("the terminal went away")

    monkeypatch.setattr(app_module.OfstedApp, "run", run)
    assert gc.isenabled()
    try:
        cli.main(["--db", str(store.path)])
    except RuntimeError:
        pass
    assert seen == {"reading": False, "starting": False, "handed_over": True} and gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off, and the app is told nothing to resume
    try:
        monkeypatch.setattr(app_module.OfstedApp, "run", lambda app: seen.update(handed_over=app._collector_held))
        assert cli.main(["--db", str(store.path)]) == 0
        assert seen["handed_over"] is False and not gc.isenabled()
    finally:
        gc.enable()


@pilot_test
async def test_a_large_corpus_is_kept_out_of_garbage_collection(store: Store, monkeypatch):
    monkeypatch.setattr(app_module, "FREEZE_MIN_ROWS", 0)
    app = make_app(store.path)
    thresholds = gc.get_threshold()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot)
            assert gc.get_freeze_count() > 0
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)  # collecting less often comes with it (ofsted_tui.collector.tune)




@pilot_test
async def test_a_large_store_shows_its_timeline_while_its_documents_are_indexed(store: Store, monkeypatch):
    from ofsted_core.library import Library

    monkeypatch.setattr(app_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)  # this small store counts as large
    everything = store.read()
    stamp, data = Library(store).first_snapshot()
    # The corpus of the documents is built when the test says so.
    release = threading.Event()
    corpus_of = Library.corpus_of
    monkeypatch.setattr(Library, "corpus_of", lambda self, data, previous=None: (
        not data.complete or release.wait(10)) and corpus_of(self, data, previous))
    app = make_app(store.path, data=data, stamp=stamp)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.main_screen
        timeline = main.query_one(TimelineList)
        # The first frame has every event, and says the documents are on their way.
        assert [e["id"] for e in timeline.rows] == [e["id"] for e in everything.events]
        # The title follows the rows once the facet index (built after the first frame) has landed.
        await settle(pilot, lambda: main.result is not None and not main.catching_up, "the title")
        assert "reading the documents" in main.sub_title
        assert not main.query_one(DocumentList).loaded
        # An event's documents cannot open yet: the user is told why.
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert any("Still reading the documents" in n.message for n in app._notifications)
        release.set()
        await loaded(pilot)
        await settle(pilot, lambda: not main.catching_up, "the title")
        assert len(app.corpus.documents) == len(everything.documents)
        assert f"of {plural(len(everything.documents), 'document')}" in main.sub_title
        assert main.query_one(DocumentList).loaded and main.query_one(SourceList).rows
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, MainScreen), "the reader")


@pilot_test
async def test_the_first_frame_of_a_large_store_is_its_timeline_read_alone_and_search_works_once_ready(
        store: Store, monkeypatch):
    """Where the lookup file is there, the command line reads a large store's events alone (not the
    catalogue): the first frame shows every event; the documents and search come after it."""
    from ofsted_core import store as store_module
    from ofsted_core.library import Library
    from ofsted_core.lookup_cache import row_of
    from ofsted_tui.widgets.search_results import SearchResults

    monkeypatch.setattr(store_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)  # this small store counts as large
    monkeypatch.setattr(app_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)
    everything = store.read()
    store.lookup_path.unlink()  # the import wrote it: as after another program's write
    _, made = Library(store).first_snapshot()  # the first lookup parses db.json and makes the file
    assert made.complete and len(made.documents) == len(everything.documents)
    stamp, data = Library(store).first_snapshot()
    # The events as the first frame draws them: every key but the fact ids and quotes only their sources read.
    assert not data.complete and data.documents == [] and data.events == [row_of(e) for e in everything.events]
    assert any(e.get("fact_ids") for e in everything.events) and not any("fact_ids" in e for e in data.events)
    app = make_app(store.path, data=data, stamp=stamp)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.main_screen
        assert [e["id"] for e in main.query_one(TimelineList).rows] == [e["id"] for e in everything.events]
        await loaded(pilot)  # the catalogue read in a worker, then the search index
        assert app.corpus.complete and len(app.corpus.documents) == len(everything.documents)
        assert app.corpus.events == everything.events  # whole again: the sources can be listed
        word = next(w for w in app.corpus.text_of(everything.documents[0]["id"]).split() if w.isalpha() and len(w) > 6)
        await pilot.press("slash")
        await type_text(pilot, word.lower())
        await settle(pilot, lambda: not main.searching, "the search")
        hits = main.query_one(SearchResults).rows
        assert everything.documents[0]["id"] in {hit.doc_id for hit in hits}
