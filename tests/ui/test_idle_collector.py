"""A large explorer runs its full garbage collections while the user pauses (``ofsted_tui.collector``), and
frees what it drops though its corpus was frozen: an old corpus after a reload, a document's layout after another
opens."""

from __future__ import annotations

import gc
import time
import weakref

import pytest

from ofsted_tui import app as app_module
from ofsted_tui import collector as collector_module
from ofsted_tui.app import make_app
from ofsted_core.store import Store
from tests.ui.pilot import loaded, pilot_test, settle


@pytest.fixture
def large(monkeypatch):
    """This small store counts as large; whatever the test froze is unfrozen after it."""
    monkeypatch.setattr(app_module, "FREEZE_MIN_ROWS", 0)
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def _idle(app) -> None:
    """As if the last input came long ago, and a full collection were due."""
    app._collector._active_at -= 10 * collector_module.IDLE_S
    for _ in range(collector_module.DUE):
        gc.collect(1)


@pilot_test
async def test_an_idle_large_explorer_collects_when_due_but_not_while_keys_come(store: Store, large, monkeypatch):
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        collector = app._collector
        # Ticks are the test's own: on a slow machine the timer's tick could settle during an await.
        collector._timer.pause()
        await settle(pilot, lambda: not any(w.is_running for w in app.workers), "the workers")
        pressed = time.monotonic()
        await pilot.press("down")
        assert collector._active_at >= pressed  # input: not idle
        idle_s = collector_module.IDLE_S
        monkeypatch.setattr(collector_module, "IDLE_S", 3600.0)  # however slow the machine, not idle yet
        for _ in range(collector_module.DUE):
            gc.collect(1)
        before = collector.settled
        collector._tick()
        assert collector.settled == before
        monkeypatch.setattr(collector_module, "IDLE_S", idle_s)
        await settle(pilot, lambda: not any(w.is_running for w in app.workers), "the workers")
        _idle(app)
        collector._tick()
        assert collector.settled == before + 1
        assert gc.get_count()[2] == 0  # a full collection ran
        assert gc.get_threshold()[0] == collector_module.YOUNG_THRESHOLD
        collector._tick()  # none due since: nothing to do
        assert collector.settled == before + 1


@pilot_test
async def test_a_small_explorer_is_left_to_the_collector(store: Store):
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        _idle(app)
        app._collector._tick()
        assert app._collector.settled == 0


@pilot_test
async def test_a_reload_frees_the_old_corpus_though_it_was_frozen(store: Store, large):
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        old = weakref.ref(app.corpus)
        await settle(pilot, lambda: not any(w.is_running for w in app.workers), "the workers")
        app._collector.settle()
        app.reload()
        await settle(pilot, lambda: app.corpus is not old() and app.search_ready, "the reload")
        await settle(pilot, lambda: not any(w.is_running for w in app.workers), "the workers")
        app._collector.settle()
        gc.collect()
        assert old() is None


@pilot_test
async def test_a_documents_layout_is_freed_when_another_opens_though_it_was_frozen(store: Store, large):
    app = make_app(store.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        first, second = list(app.corpus.documents)[:2]
        app.open_document(first)
        await settle(pilot, lambda: type(app.screen).__name__ == "ReaderScreen", "the reader")
        layout = weakref.ref(app.screen.reader._layout)
        app._collector.settle()
        await pilot.press("escape")
        app.open_document(second)
        await settle(pilot, lambda: app.screen.reader._layout is not layout(), "the second document")
        gc.collect()
        assert layout() is None
