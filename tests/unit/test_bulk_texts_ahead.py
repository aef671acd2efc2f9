"""An import writes its texts (and their search index) in a thread while it traces sources (Bulk.texts_ahead)."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from ofsted_core import bulk as bulk_module
from ofsted_core import importing
from ofsted_core.importing import import_paths
from ofsted_core.library import Library
from ofsted_core.store import Store, StoreError
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


SOURCES = [str(seed) for seed in SEEDS]  # imported where they are: nothing here changes them


def _rows(store: Store) -> tuple[int, int]:
    with sqlite3.connect(store.bulk.path) as db:
        return (db.execute("SELECT count(*) FROM texts").fetchone()[0],
                db.execute("SELECT count(*) FROM fulltext_docsize").fetchone()[0])


def test_the_texts_are_written_by_the_thread_while_sources_are_traced(tmp_path, monkeypatch):
    seen: list[str] = []
    real = bulk_module._add_texts

    def recording(db, texts):
        rows = list(texts)
        seen.append(f"{threading.current_thread().name}:{len(rows)}")
        return real(db, rows)

    monkeypatch.setattr(bulk_module, "_add_texts", recording)
    store = Store(tmp_path / "db.json")
    report = import_paths(store, SOURCES)
    assert report.ok and len(report.added) == len(SEEDS)
    # The thread wrote every text; the store's write found them there and added none.
    assert seen[0] == f"texts-ahead:{len(SEEDS)}"
    assert _rows(store) == (len(SEEDS), len(SEEDS))
    library = Library(store.path)
    word = "safeguarding"
    assert library.search(word), "the index written ahead serves search"


def test_an_import_that_fails_after_the_texts_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    store = Store(tmp_path / "db.json")
    assert import_paths(store, SOURCES[:1]).ok
    before = store.path.read_bytes()

    def fails(*_args, **_kwargs):
        raise RuntimeError("tracing failed")

    monkeypatch.setattr(importing, "trace_sources", fails)
    with pytest.raises(RuntimeError):
        import_paths(store, SOURCES)
    assert store.path.read_bytes() == before
    assert [d["source"] for d in Library(store.path).load().documents.values()] == SOURCES[:1]
    # The block's failure interrupts the thread writing the texts ahead: it either committed
    # first (rows nothing names yet, as after a crash) or rolled back; never a part of them.
    assert _rows(store) in {(1, 1), (len(SEEDS), len(SEEDS))}
    monkeypatch.undo()
    assert import_paths(store, SOURCES).ok
    assert len(Library(store.path).load().documents) == len(SEEDS)
    assert _rows(store) == (len(SEEDS), len(SEEDS))


def test_a_bulk_file_that_cannot_be_written_is_reported_by_the_write_not_lost_in_the_thread(tmp_path):
    store = Store(tmp_path / "db.json")
    store.bulk.path.mkdir()  # a folder where the bulk file should be
    with pytest.raises(StoreError, match=r"db\.sqlite"):
        import_paths(store, SOURCES)
    assert not store.path.exists()
