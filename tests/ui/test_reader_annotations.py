"""Notes, bookmarks and corrections made in the reader, saved to a real store."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, Static

from ofsted_core.annotations import Change, change_annotations, delete_annotation, make_annotation, save_annotation
from ofsted_tui.screens.reader import ReaderScreen
from ofsted_tui.screens.reader_dialogs import ConfirmDialog, CorrectionDialog, NoteDialog
from ofsted_core.store import Store
from tests.ui.reader_fixtures import ReaderApp, big_document, corpus, make_store, pilot_test, store_data

SIZE = (120, 32)


@pytest.fixture
def store(tmp_path) -> Store:
    return make_store(tmp_path / "db.json")


async def settle(pilot) -> None:
    """Let the save worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def title(screen: ReaderScreen) -> str:
    return screen.query_one("#reader-title", Static).render().plain


def test_save_annotation_appends_and_rebuilds_events(store):
    doc = next(d for d in store.read().documents if d["id"] == "news")
    fact = next(f for f in store.read().facts if f["id"] == "n-good")
    before = store.read()
    assert before.annotations == []
    note = make_annotation("correction", doc, fact=fact, facts=[fact], field="rating", value="inadequate")
    written = save_annotation(store, note)
    after = store.read()
    assert after.annotations == [note] == written.annotations
    rated = [e for e in after.events if "n-good" in e["fact_ids"]]
    assert rated and rated[0]["grade"] == 4  # the correction reached the timeline


def test_save_annotation_can_replace_older_ones_in_the_same_write(store):
    doc = store.read().documents[0]
    first = make_annotation("note", doc, body="first")
    save_annotation(store, first)
    second = make_annotation("note", doc, body="second")
    save_annotation(store, second, replace=(first["id"],))
    assert [n["body"] for n in store.read().annotations] == ["second"]


def test_delete_annotation_removes_it_and_leaves_the_file_alone_when_absent(store):
    doc = store.read().documents[0]
    note = make_annotation("bookmark", doc)
    save_annotation(store, note)
    stamp = store.mtime_ns()
    delete_annotation(store, "no-such-note")
    assert store.mtime_ns() == stamp
    delete_annotation(store, note["id"])
    assert store.read().annotations == []


@pilot_test
async def test_b_bookmarks_the_selected_fact_and_again_removes_it(store):
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("q", "q", "b")
        await settle(pilot)
        saved = store.read().annotations
        assert [(n["kind"], n["fact_id"]) for n in saved] == [("bookmark", "r-journey")]
        assert len(app.changes) == 1 and app.corpus.annotations == saved
        pane = screen.facts_pane
        assert pane.rows[0].heading == "Notes \u00b7 1"
        row = next(i for i, r in enumerate(pane.rows) if r.kind == "fact" and r.item["id"] == "r-journey")
        assert pane.row_text(row).plain.endswith("\u2605")
        assert screen.reader.selected_fact_id == "r-journey"  # the mark survives the reload
        assert "\u2605" in " ".join(screen.reader.line_text(y) for y in range(screen.reader.layout_lines))
        await pilot.press("b")
        await settle(pilot)
        assert store.read().annotations == []
        assert all(r.kind != "note" for r in pane.rows)


@pilot_test
async def test_shift_b_bookmarks_the_document_and_the_title_shows_it(store):
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "B")
        await settle(pilot)
        saved = store.read().annotations
        assert [(n["kind"], n["fact_id"], n["doc_id"]) for n in saved] == [("bookmark", None, "report")]
        assert title(app.screen).startswith("\u2605 ")


@pilot_test
async def test_a_attaches_a_note_to_the_selected_fact(store):
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("j", "j", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert "ctrl+s save" in app.screen.query_one(".dialog-hint", Label).render().plain  # it says how to save
        await pilot.press(*"check the [b]care[/b] plans", "enter", *"and the plans")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (note,) = store.read().annotations
        assert (note["kind"], note["fact_id"], note["body"]) == ("note", "r-ri", "check the [b]care[/b] plans\nand the plans")
        assert note["fact_key"].startswith("judgement|requires improvement to be good|")
        status = screen.query_one("#reader-status", Static).render().plain
        assert "\u270e check the [b]care[/b] plans and the plans" in status


@pilot_test
async def test_an_empty_or_cancelled_note_saves_nothing(store):
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press("A", "x", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert store.read().annotations == []


@pilot_test
async def test_shift_c_gives_an_undated_document_its_date(store):
    app = ReaderApp(corpus(store.read()), "news", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "undated" in title(app.screen)
        await pilot.press("C")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog) and dialog.field == "published"
        await pilot.press(*"March 2023", "enter")
        await settle(pilot)
        (note,) = store.read().annotations
        assert (note["kind"], note["field"], note["value"], note["fact_id"]) == ("correction", "published", "2023-03", None)
        assert "Mar 2023" in title(app.screen)
        assert app.corpus.documents["news"]["published"] == "2023-03"
        # A second correction of the same field replaces the first.
        await pilot.press("C")
        await pilot.pause()
        await pilot.press(*"2023-04-02", "enter")
        await settle(pilot)
        assert [n["value"] for n in store.read().annotations] == ["2023-04-02"]


@pilot_test
async def test_a_bad_correction_is_explained_and_not_saved(store):
    app = ReaderApp(corpus(store.read()), "news", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        await pilot.press(*"someday", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        assert "not a date" in dialog.query_one("#correction-error", Label).render().plain
        await pilot.press("escape")
        await settle(pilot)
        assert store.read().annotations == []


@pilot_test
async def test_c_corrects_a_judgements_rating_and_the_reader_recolours_it(store):
    app = ReaderApp(corpus(store.read()), "news", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("j", "c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog) and dialog.field == "rating"
        assert dialog.query_one("#correction-value", Input).value == "good"
        dialog.query_one("#correction-value", Input).value = "inadequate"
        await pilot.press("enter")
        await settle(pilot)
        (note,) = store.read().annotations
        assert (note["fact_id"], note["field"], note["value"]) == ("n-good", "rating", "inadequate")
        fact = screen.reader.selected_fact
        assert fact["id"] == "n-good" and fact["grade"] == 4
        assert ("grade", 4) in {k for keys in screen.reader._runs[1] for k in keys if isinstance(k, tuple)}


@pilot_test
async def test_up_and_down_choose_the_field_while_typing(store):
    app = ReaderApp(corpus(store.read()), "news", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "c")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#correction-value", Input).value == "inadequate"
        await pilot.press("down")
        assert dialog.field == "year"
        assert dialog.query_one("#correction-value", Input).value == "2009"
        await pilot.press("up")
        assert dialog.field == "rating"


@pilot_test
async def test_x_deletes_the_highlighted_note_after_asking(store):
    data = store.read()
    doc = next(d for d in data.documents if d["id"] == "report")
    save_annotation(store, make_annotation("note", doc, body="keep an eye on this"))
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("x")  # nothing under the cursor: it says so, and asks nothing
        assert not isinstance(app.screen, ConfirmDialog) and "no note" in status_of(screen)
        screen.facts_pane.focus()
        await pilot.press("down")
        assert screen.facts_pane.highlighted_note["body"] == "keep an eye on this"
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert store.read().annotations == []


def test_a_change_returns_the_change_that_undoes_it(store):
    doc = next(d for d in store.read().documents if d["id"] == "report")
    old = make_annotation("correction", doc, field="published", value="2019")
    save_annotation(store, old)
    new = make_annotation("correction", doc, field="published", value="2020")
    _, undo = change_annotations(store, Change(add=(new,), remove=(old["id"],), done="Corrected published"))
    assert undo == Change(add=(old,), remove=(new["id"],), done="Corrected published")
    written, redo = change_annotations(store, undo)
    assert written.annotations == [old] and redo.add == (new,)
    stamp = store.mtime_ns()
    _, nothing = change_annotations(store, Change(remove=("no-such-note",)))
    assert nothing == Change() and store.mtime_ns() == stamp  # nothing to change: no write


@pilot_test
async def test_a_store_that_cannot_be_written_is_reported(tmp_path):
    folder = tmp_path / "db.json"
    folder.mkdir()  # a folder where the store file should be
    app = ReaderApp(corpus(), "report", store=Store(folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "b")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and str(folder) in errors[0].message and "Not saved" in errors[0].message
        assert app.screen.corpus.annotations == []


@pilot_test
async def test_a_reader_below_picks_up_what_a_followed_reader_saved(store):
    app = ReaderApp(corpus(store.read()), "news", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        news = app.screen
        await pilot.press("q", "o")
        await pilot.pause()
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is news
        assert news.corpus is app.corpus
        assert [n["doc_id"] for n in news.corpus.annotations] == ["report"]


@pilot_test
async def test_saving_keeps_the_reader_where_it_was(tmp_path):
    data = store_data()
    doc, facts = big_document(20)
    data.documents.append(doc)
    data.facts.extend(facts)
    store = make_store(tmp_path / "db.json", data)
    app = ReaderApp(corpus(store.read()), "big", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.reader
        for _ in range(40):
            await pilot.press("j")
        before = (reader.scroll_offset.y, reader.selected_fact_id)
        assert before[0] > 100
        await pilot.press("b")
        await settle(pilot)
        assert (reader.scroll_offset.y, reader.selected_fact_id) == before
        assert len(store.read().annotations) == 1


def test_fixture_store_round_trips(store):
    assert [d["id"] for d in store.read().documents] == [d["id"] for d in store_data().documents]


@pilot_test
async def test_x_in_the_text_deletes_the_note_on_the_marked_fact(store):
    data = store.read()
    doc = next(d for d in data.documents if d["id"] == "report")
    fact = next(f for f in data.facts if f["id"] == "r-ri")
    save_annotation(store, make_annotation("note", doc, fact=fact, facts=data.facts, body="on the second judgement"))
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("j")  # the first judgement: no note on it
        await pilot.press("x")
        assert not isinstance(app.screen, ConfirmDialog) and "no note" in status_of(screen)
        await pilot.press("j", "x")  # the second, from the text side
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "on the second judgement" in app.screen.query_one(Static).render().plain
        await pilot.press("y")
        await settle(pilot)
        assert store.read().annotations == []


def status_of(screen) -> str:
    return screen.query_one("#reader-status", Static).render().plain
