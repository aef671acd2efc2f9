"""The explorer starts from the catalogue: a document's text and facts are read from db.sqlite when it is shown.

Every read of bulk rows is counted (``Bulk.read`` scans, ``Bulk.read_some``
lookups), so a start-up that read every text fails here; what is then shown
(the reader, its facts pane, search snippets, exports) is compared with the
store read whole.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from ofsted_core.bulk import Bulk
from ofsted_core.corpus import Corpus
from ofsted_core.export import export_csv, export_json, export_markdown
from ofsted_core.store import Store
from ofsted_tui.app import make_app
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle, type_text


@pytest.fixture
def bulk_reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """The document ids each kind of bulk read was asked for, from now on."""
    reads: dict[str, list[Any]] = {"scans": [], "lookups": []}
    scan, lookup = Bulk.read, Bulk.read_some

    def counted_scan(self: Bulk, ids: set[str], keys: set[str]) -> Any:
        reads["scans"].append(sorted(ids))
        return scan(self, ids, keys)

    def counted_lookup(self: Bulk, ids: Any, keys: Any) -> Any:
        ids = list(ids)
        reads["lookups"].extend(ids)
        return lookup(self, ids, keys)

    monkeypatch.setattr(Bulk, "read", counted_scan)
    monkeypatch.setattr(Bulk, "read_some", counted_lookup)
    return reads


def _sources_shown(app: Any) -> set[str]:
    """The documents of the event the timeline's cursor is on (their passages are shown beside it)."""
    event = app.main_screen.query_one(TimelineList).current
    return set(event["doc_ids"]) if event else set()


def _longest(whole: Corpus) -> str:
    return max(whole.documents, key=lambda doc_id: len(whole.text_of(doc_id)))


async def _open(pilot: Any, doc_id: str) -> Any:
    app = pilot.app
    app.open_document(doc_id)
    await settle(pilot, lambda: type(app.screen).__name__ == "ReaderScreen" and app.screen.document, "the reader")
    return app.screen


@pilot_test
async def test_start_up_reads_no_text_and_the_reader_reads_only_what_it_opens(store: Store, bulk_reads):
    whole = Corpus.from_data(store.read())
    bulk_reads["scans"].clear()
    bulk_reads["lookups"].clear()
    app = make_app(store.path)
    async with app.run_test(size=(140, 44)) as pilot:
        await loaded(pilot)
        assert set(app.corpus.documents) == set(whole.documents)
        # Only the sources of the event the cursor is on, for their passages.
        shown = _sources_shown(app)
        assert not bulk_reads["scans"] and set(bulk_reads["lookups"]) == shown, "start-up read texts or facts"
        assert len(shown) < len(whole.documents)
        doc_id = _longest(whole)
        bulk_reads["lookups"].clear()
        reader = await _open(pilot, doc_id)
        assert bulk_reads == {"scans": [], "lookups": [] if doc_id in shown else [doc_id]}
        assert reader.reader.document["text"] == whole.text_of(doc_id)
        assert reader.reader.facts == whole.facts_of(doc_id) and reader.reader.facts
        assert list(reader.facts_pane._facts.values()) == whole.facts_of(doc_id)


@pilot_test
async def test_search_snippets_are_cut_from_the_texts_of_the_hits_alone(store: Store, bulk_reads):
    whole = Corpus.from_data(store.read())
    app = make_app(store.path)
    async with app.run_test(size=(140, 44)) as pilot:
        await loaded(pilot)
        bulk_reads["scans"].clear()  # the store read whole, above
        bulk_reads["lookups"].clear()
        await pilot.press("slash")
        await type_text(pilot, "inspectors")
        await settle(pilot, lambda: not app.screen.searching and app.screen._answer, "the search")
        hits = app.screen.query_one(SearchResults).rows
        assert hits
        for hit in hits:
            text = whole.text_of(hit.doc_id)
            assert text[hit.start:hit.end].lower() == "inspectors"
            assert [hit.snippet[s:e].lower() for s, e in hit.matches][:1] == ["inspectors"]
        # Snippets are cut from the hits' texts (the timeline, filtered, shows its events' sources too).
        assert not bulk_reads["scans"] and {hit.doc_id for hit in hits} <= set(bulk_reads["lookups"])


@pilot_test
async def test_exports_of_the_explorer_s_corpus_are_those_of_the_store_read_whole(store: Store):
    whole = Corpus.from_data(store.read())
    app = make_app(store.path)
    async with app.run_test(size=(140, 44)) as pilot:
        await loaded(pilot)
        lazy = app.corpus
        assert export_json(lazy) == export_json(whole)
        assert export_csv(lazy, "facts") == export_csv(whole, "facts")
        assert export_markdown(lazy) == export_markdown(whole)


@pilot_test
async def test_a_document_removed_from_the_bulk_file_under_the_explorer_is_said_so(store: Store):
    app = make_app(store.path)
    async with app.run_test(size=(140, 44)) as pilot:
        await loaded(pilot)
        doc_id = next(d for d in app.corpus.documents if d not in _sources_shown(app))
        source = app.corpus.documents[doc_id]["source"]
        # Another program deletes the document's text from db.sqlite while the explorer runs.
        with sqlite3.connect(store.bulk.path) as db:
            db.execute("DELETE FROM texts WHERE id = ?", (doc_id,))
        db.close()
        # The event beside it lists it by its title alone.
        timeline = app.main_screen.query_one(TimelineList)
        timeline.cursor = next(i for i, e in enumerate(timeline.rows) if doc_id in e["doc_ids"])
        await pilot.pause()
        assert app.is_running and _sources_shown(app) >= {doc_id}
        app.open_document(doc_id)
        await pilot.pause()
        await settle(pilot, lambda: isinstance(app.screen, MainScreen), "the reader to close")
        said = [n.message for n in app._notifications]
        assert any("Cannot open this document" in m and store.bulk.path.name in m and source in m for m in said), said
        assert app.is_running
