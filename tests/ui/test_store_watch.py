"""The explorer follows its store: changes by another process appear; a broken file is reported."""

from __future__ import annotations

import os

from ofsted_core.annotations import make_annotation
from ofsted_core.store import Store
from tests.ui.pilot import loaded, pilot_test, settle


def touch_later(path) -> None:
    """Move the file's stamp on, as a write one tick later would (some filesystems are coarse)."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pilot_test
async def test_a_change_by_another_process_is_picked_up(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        with Store(store.path).transaction() as data:
            doc = next(d for d in data.documents if d["id"] == "c2019report")
            data.annotations.append(make_annotation("bookmark", doc))
        touch_later(store.path)
        old = app.corpus
        app._check_store()  # the interval timer's tick, without waiting for it
        await settle(pilot, lambda: app.corpus is not old, "the reload")
        assert [a["kind"] for a in app.corpus.annotations] == ["bookmark"]
        marks = [r.value for r in app.screen.query_one("#facet-marks").rows]
        assert marks == ["bookmark"]


@pilot_test
async def test_a_store_broken_meanwhile_is_reported_not_raised(app, store):
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        old = app.corpus
        store.path.write_text("{not json")
        touch_later(store.path)
        app._check_store()
        await settle(pilot, lambda: app._notifications, "the error notification")
        (note,) = list(app._notifications)
        assert note.severity == "error" and str(store.path) in note.message and "broken JSON" in note.message
        assert app.is_running and app.corpus is old  # the panes keep what they showed
        assert len(app.screen.query_one("#timeline").rows) == 8
        app._check_store()  # the same broken file is not reported again
        await pilot.pause(0.2)
        assert len(app._notifications) == 1


@pilot_test
async def test_an_annotation_saved_in_the_reader_reaches_the_main_screen(app, store):
    from ofsted_core.annotations import save_annotation
    from ofsted_core.corpus import Corpus
    from ofsted_tui.screens.reader import ReaderScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.open_document("h2023news")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.doc_id == "h2023news"
        doc = app.corpus.documents["h2023news"]
        written = Corpus.from_data(save_annotation(store, make_annotation("note", doc, body="a note")))
        reader.post_message(ReaderScreen.CorpusChanged(written))
        await settle(pilot, lambda: app.corpus is written, "the app to adopt the reader's corpus")
        await pilot.press("escape")
        marks = {r.value: r.documents for r in app.screen.query_one("#facet-marks").rows}
        assert marks == {"note": 1}


@pilot_test
async def test_a_save_of_ours_being_indexed_is_not_taken_for_another_writers(app, store, monkeypatch):
    """The store's stamp moves with our own write before its result is shown: the watch must not read the
    store again meanwhile (a second whole index of it, and the save's own result thrown away)."""
    import threading

    import ofsted_tui.app as app_module
    from ofsted_core.annotations import Change

    release = threading.Event()
    real_indexed = app_module._indexed

    def slow_indexed(*args, **kwargs):
        release.wait(5)
        return real_indexed(*args, **kwargs)

    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        monkeypatch.setattr(app_module, "_indexed", slow_indexed)
        reloads: list[object] = []
        monkeypatch.setattr(app, "reload", lambda: reloads.append(True))
        old, stamp = app.corpus, store.mtime_ns()
        doc = app.corpus.documents["c2019report"]
        app.write_annotations(Change(add=(make_annotation("bookmark", doc),), done="Bookmarked"))
        await settle(pilot, lambda: store.mtime_ns() != stamp, "the save's write")
        touch_later(store.path)
        app._check_store()  # the watch's tick while the save's result is being indexed
        await pilot.pause(0.1)
        release.set()
        await settle(pilot, lambda: app.corpus is not old, "the save adopted")
        assert reloads == [] and [a["kind"] for a in app.corpus.annotations] == ["bookmark"]
