"""The reader the explorer keeps follows the store: after a reload it never shows the corpus it was last given."""

from __future__ import annotations

import os

from ofsted_core.annotations import make_annotation
from ofsted_core.store import Store
from ofsted_tui.messages import OpenDocument
from ofsted_tui.screens.reader import READER, ReaderScreen
from tests.ui.pilot import loaded, pilot_test, settle

SIZE = (120, 36)
DOC = "c2019report"


def _touch_later(path) -> None:
    """Move the file's stamp on, as a write one tick later would (some filesystems are coarse)."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


async def _open(pilot, app, doc_id: str) -> ReaderScreen:
    app.screen.post_message(OpenDocument(doc_id))
    await settle(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.doc_id == doc_id
                 and app.screen.reader.virtual_size.height > 0, f"the reader on {doc_id}")
    return app.screen


async def _back(pilot, app) -> None:
    await pilot.press("escape")
    await settle(pilot, lambda: not isinstance(app.screen, ReaderScreen), "the reader closed")


async def _changed_under(pilot, app, store: Store, change) -> None:
    """``change`` the store as another process would, and wait for the explorer to read it again."""
    with Store(store.path).transaction() as data:
        change(data)
    _touch_later(store.path)
    old = app.corpus
    app._check_store()  # the store watch's tick, without waiting for it
    await settle(pilot, lambda: app.corpus is not old and app.corpus.complete, "the reload")


def _title(reader: ReaderScreen) -> str:
    return reader.query_one("#reader-title").render().plain


def _notes_listed(reader: ReaderScreen) -> list[str]:
    return [row.item["body"] for row in reader.facts_pane.rows if row.kind == "note"]


@pilot_test
async def test_a_reopened_reader_shows_a_note_written_meanwhile(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        reader = await _open(pilot, app, DOC)
        assert not _notes_listed(reader)
        await _back(pilot, app)

        def bookmark(data) -> None:
            doc = next(d for d in data.documents if d["id"] == DOC)
            data.annotations.append(make_annotation("note", doc, body="seen by the panel"))

        await _changed_under(pilot, app, store, bookmark)
        again = await _open(pilot, app, DOC)
        assert again is reader and again.corpus is app.corpus
        assert _notes_listed(again) == ["seen by the panel"]


@pilot_test
async def test_the_reader_on_screen_follows_a_reimport(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await settle(pilot, lambda: app.is_screen_installed(READER), "the reader built ahead")
        reader = await _open(pilot, app, DOC)
        assert reader.reader.facts

        def reimported(data) -> None:
            # The same file read again by newer rules (same text, so the same id): another title, no facts.
            doc = next(d for d in data.documents if d["id"] == DOC)
            doc["title"] = "Re-read: the inspection of children's services"
            data.facts[:] = [f for f in data.facts if f["doc_id"] != DOC]

        await _changed_under(pilot, app, store, reimported)
        await settle(pilot, lambda: reader.corpus is app.corpus, "the reader following the reload")
        assert reader.reader.facts == [] and str(reader.facts_pane.border_title).endswith("Facts \u00b7 0")
        assert "Re-read: the inspection" in _title(reader)
        await _back(pilot, app)
        again = await _open(pilot, app, DOC)
        assert again.reader.facts == [] and "Re-read: the inspection" in _title(again)


@pilot_test
async def test_a_document_gone_under_the_reader_is_said(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        reader = await _open(pilot, app, DOC)

        def removed(data) -> None:
            data.documents[:] = [d for d in data.documents if d["id"] != DOC]
            data.facts[:] = [f for f in data.facts if f["doc_id"] != DOC]

        await _changed_under(pilot, app, store, removed)
        await settle(pilot, lambda: reader.corpus is app.corpus, "the reader following the reload")
        status = reader.query_one("#reader-status").render().plain
        assert "no longer in the store" in status
