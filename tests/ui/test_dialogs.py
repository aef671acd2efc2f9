"""Dialogs from the main screen: import, export, notes, bookmarks, corrections; help; themes."""

from __future__ import annotations

import csv
import io

from textual.widgets import Input, Label, RadioButton, TextArea

from ofsted_core.filters import Filters
from ofsted_tui.screens.dialogs import ExportDialog, ImportDialog
from ofsted_tui.screens.help import HelpScreen
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.screens.reader_dialogs import CorrectionDialog, NoteDialog
from ofsted_tui.widgets.documents import DocumentList
from tests.ui.pilot import loaded, pilot_test, settle, shown, type_text

SIZE = (120, 40)


async def choose_document(pilot, doc_id: str) -> None:
    await pilot.press("2")
    documents = pilot.app.screen.query_one(DocumentList)
    documents.cursor = next(i for i, d in enumerate(documents.rows) if d["id"] == doc_id)
    await pilot.pause()


async def dialog_with_path(pilot, key: str, field: str, path: str):
    """Open the dialog behind ``key`` and type ``path`` into its path field; returns the dialog."""
    await loaded(pilot)
    await pilot.press(key)
    dialog = pilot.app.screen
    dialog.query_one(field, Input).value = path
    await pilot.pause()
    return dialog


@pilot_test
async def test_import_a_folder_with_progress_and_summary(app, tmp_path):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("Barnet Council's children's services were rated good by Ofsted in 2022.\n")
    (folder / "b.txt").write_text("Ofsted judged Enfield's children's services to be outstanding in March 2019.\n")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = len(app.corpus.documents)
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path", Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot, lambda: dialog.report is not None and not dialog.running, "the import")
        report = dialog.report
        assert len(report.added) == 2 and [f.path for f in report.failed] == [str(folder / "broken.pdf")]
        summary = shown(dialog.query_one("#import-summary"))
        assert summary.startswith("2 added · 0 replaced · 0 unchanged · 1 failed")
        assert "broken.pdf: is not a PDF" in summary
        assert "Imported 2 documents, 1 failed" in shown(dialog.query_one("#import-file"))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await settle(pilot, lambda: len(app.corpus.documents) == before + 2, "the reload after the import")


@pilot_test
async def test_import_skips_a_fifo_in_the_folder_without_hanging(app, tmp_path):
    import os

    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("Barnet Council's children's services were rated good by Ofsted in 2022.\n")
    os.mkfifo(folder / "x.txt")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        dialog = app.screen
        dialog.query_one("#import-path", Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot, lambda: dialog.report is not None and not dialog.running, "the import")
        assert len(dialog.report.added) == 1
        assert "x.txt: is a FIFO (named pipe), not a regular file" in shown(dialog.query_one("#import-summary"))


@pilot_test
async def test_import_of_a_missing_path_says_so(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        dialog = await dialog_with_path(pilot, "i", "#import-path", str(tmp_path / "nowhere"))
        await pilot.press("enter")
        assert "Not found" in shown(dialog.query_one("#import-summary"))
        assert not dialog.running


@pilot_test
async def test_export_writes_the_filtered_timeline(app, tmp_path):
    out = tmp_path / "timeline.csv"
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.main_screen.set_filters(Filters().only("authorities", "Camden"))
        await pilot.pause()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog) and len(dialog.events) == 2
        csv_button = next(b for b in dialog.query(RadioButton) if str(b.label) == "CSV")
        csv_button.value = True
        await pilot.pause()
        path = dialog.query_one("#export-path", Input)
        assert path.value == "ofsted-timeline.csv"  # the extension follows the format
        path.value = str(out)
        await pilot.click("#export-save")
        await settle(pilot, lambda: out.exists() and isinstance(app.screen, MainScreen), "the export")
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert [r["authority"] for r in rows] == ["Camden", "Camden"]
        assert [r["date"] for r in rows] == ["2015-01", "2019-01"]


def _pressed_format(dialog: ExportDialog) -> str:
    return str(next(b for b in dialog.query(RadioButton) if b.value).label)


@pilot_test
async def test_export_format_follows_the_typed_extension_and_the_path_is_remembered(app, tmp_path):
    out = tmp_path / "sub" / "camden.json"
    out.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        dialog = app.screen
        path = dialog.query_one("#export-path", Input)
        path.value = ""
        await type_text(pilot, str(out))
        assert _pressed_format(dialog) == "JSON" and dialog.mismatch() == ""
        assert not dialog.query_one("#export-warning").display
        await pilot.press("enter")
        await settle(pilot, lambda: out.exists() and isinstance(app.screen, MainScreen), "the export")
        assert out.read_text().lstrip().startswith("{")
        await pilot.press("e")
        again = app.screen
        assert isinstance(again, ExportDialog) and again is not dialog
        assert again.query_one("#export-path", Input).value == str(out)  # folder and name, for the session
        assert _pressed_format(again) == "JSON"


@pilot_test
async def test_export_warns_when_the_name_names_no_format_or_another(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        dialog = await dialog_with_path(pilot, "e", "#export-path", str(tmp_path / "timeline.txt"))
        assert _pressed_format(dialog) == "Markdown"
        warning = dialog.query_one("#export-warning")
        assert warning.display and "Markdown, but the name ends in .txt: end it in .md" in shown(warning)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "timeline.csv")
        await pilot.pause()
        assert _pressed_format(dialog) == "CSV" and not warning.display
        await pilot.press("escape")
        quote = next(f for d in app.corpus.documents for f in app.corpus.facts_of(d, "quote"))
        app.action_export(quote["id"])
        await pilot.pause()
        quote_dialog = app.screen
        quote_dialog.query_one("#export-path", Input).value = str(tmp_path / "quotes.csv")
        await pilot.pause()
        assert "A quote is written as Markdown, but the name ends in .csv" in shown(quote_dialog.query_one("#export-warning"))


@pilot_test
async def test_export_a_quote_with_its_citation(app, tmp_path):
    out = tmp_path / "quotes.md"
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        quote = next(f for d in app.corpus.documents for f in app.corpus.facts_of(d) if f.get("speaker") == "Peray Ahmet")
        app.action_export(quote["id"])
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        preview = shown(dialog.query_one("#export-preview"))
        assert "This is a watershed moment" in preview and "Peray Ahmet" in preview and "12 April 2023" in preview
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.click("#export-save")
        await settle(pilot, lambda: out.exists(), "the quote export")
        assert "> This is a watershed moment" in out.read_text()


@pilot_test
async def test_a_note_is_saved_shown_and_filterable(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "h2014report")
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        dialog.query_one(TextArea).text = "Check the leadership judgement"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.corpus.annotations, "the note to be saved")
        (note,) = app.corpus.annotations
        assert note["kind"] == "note" and note["doc_id"] == "h2014report"
        assert note["body"] == "Check the leadership judgement"
        screen = app.screen
        marks = {r.value: r.documents for r in screen.query_one("#facet-marks").rows}
        assert marks == {"note": 1}
        screen.query_one("#facet-marks").focus()
        await pilot.press("space")
        assert [d["id"] for d in screen.query_one(DocumentList).rows] == ["h2014report"]
        assert [e["label"] for e in screen.shown_events] == ["Feb 2014"]


@pilot_test
async def test_a_note_saved_leaves_the_lookup_file_of_the_store_as_written(app):
    """The command line's next lookup reads it, where it parsed the whole store to make it again."""
    from ofsted_core.lookup_cache import read_lookup

    store = app.store
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "h2014report")
        store.lookup_path.unlink(missing_ok=True)
        for body in ("Check the leadership judgement", "And the adoption one"):
            await pilot.press("n")
            app.screen.query_one(TextArea).text = body
            await pilot.press("ctrl+s")
            await settle(pilot, lambda: (found := read_lookup(store.lookup_path, store.path.read_bytes())) is not None
                         and found.annotations()[-1]["body"] == body, "the lookup file of the store as written")
        await pilot.press("ctrl+z")  # an undo writes too
        await settle(pilot, lambda: (found := read_lookup(store.lookup_path, store.path.read_bytes())) is not None
                     and len(found.annotations()) == 1, "the lookup file of the store as the undo wrote it")


@pilot_test
async def test_the_one_note_dialog_is_kept_and_asks_afresh_each_time(app):
    """Closing it removes no screen (the main screen is not laid out again for it); shown again, it holds
    nothing of the last note: its text, its error, its target."""
    from ofsted_tui.screens.reader_dialogs import note_target

    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "h2014report")
        await pilot.press("n")
        dialog = app.screen
        await pilot.press("ctrl+s")  # empty: refused, and said
        assert "empty" in shown(dialog.query_one("#note-error"))
        await type_text(pilot, "half a thought")
        await pilot.press("escape")
        assert app.screen is app.main_screen and dialog.is_mounted
        await choose_document(pilot, "c2019report")
        await pilot.press("n")
        assert app.screen is dialog and dialog.focused is dialog.query_one(TextArea)
        assert dialog.query_one(TextArea).text == "" and not shown(dialog.query_one("#note-error")).strip()
        target = note_target(app.corpus.documents["c2019report"]).plain
        assert shown(dialog.query_one(".dialog-target")).split() == f"On {target}".split()
        await type_text(pilot, "kept")
        await pilot.press("ctrl+z")  # the box's own undo reaches back no further than this note
        await pilot.press("ctrl+z")
        assert dialog.query_one(TextArea).text == ""
        await type_text(pilot, "ok")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: app.corpus.annotations, "the note to be saved")
        assert [(a["doc_id"], a["body"]) for a in app.corpus.annotations] == [("c2019report", "ok")]


@pilot_test
async def test_an_empty_note_is_not_saved(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "h2014report")
        await pilot.press("n")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.corpus.annotations == []


@pilot_test
async def test_bookmark_toggles(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "c2019report")
        await pilot.press("b")
        await settle(pilot, lambda: len(app.corpus.annotations) == 1, "the bookmark")
        assert app.corpus.annotations[0]["kind"] == "bookmark"
        line = app.screen.query_one(DocumentList).render_line(1 + app.screen.query_one(DocumentList).cursor).text
        assert "★" in line
        await pilot.press("b")
        await settle(pilot, lambda: not app.corpus.annotations, "the bookmark to go")


@pilot_test
async def test_correcting_an_undated_document_dates_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await choose_document(pilot, "undated")
        await pilot.press("c")
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        await type_text(pilot, "2023-13")
        await pilot.press("enter")
        assert "month" in shown(dialog.query_one("#correction-error"))
        dialog.query_one("#correction-value", Input).value = "2010-05"
        await pilot.press("enter")
        await settle(pilot, lambda: app.corpus.documents["undated"]["published"] == "2010-05", "the correction")
        order = [d["id"] for d in app.screen.query_one(DocumentList).rows]
        assert order.index("h2009news") + 1 == order.index("undated")  # dated now, so in date order


@pilot_test
async def test_help_lists_the_keys_from_the_bindings(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = shown(help_screen.query_one("#help-keys"))
        for words in ("Everywhere", "Main screen", "Lists", "Timeline", "Bookmark", "Filters", "Clear", "Import"):
            assert words in text
        # Every described binding of the main screen is listed.
        for binding in MainScreen.BINDINGS:
            assert binding.description in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_theme_toggles_between_dark_and_light(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "ofsted-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "ofsted-light"
        await pilot.press("ctrl+t")
        assert app.theme == "ofsted-dark"


@pilot_test
async def test_at_80_columns_a_dialog_wraps_its_words_rather_than_cutting_them(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        for key in ("i", "e", "n"):
            await pilot.press(key)
            box = app.screen.children[0]  # the dialog's box
            for label in box.query(Label):
                words = str(getattr(label.render(), "plain", label.render()))
                if label.display and words:
                    assert label.region.right <= box.content_region.right, (key, words)
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_a_note_keyed_straight_after_moving_is_on_the_event_moved_to(app):
    # Typed fast (j j n), the note's key came before the highlight's message had redone the
    # event's sources: the note was put on the document of the event the cursor had left.
    from ofsted_tui.widgets.timeline import TimelineList, source_rows

    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        timeline = screen.query_one(TimelineList)

        def first_source(event):
            return source_rows(event, app.corpus)[0]["doc"]["id"]

        here = first_source(timeline.current)
        there = next(i for i, event in enumerate(timeline.rows) if first_source(event) != here)
        timeline.cursor = there  # its Highlighted message waits in the queue, as behind keys typed fast
        assert screen.target_document()["id"] == first_source(timeline.rows[there])
        await pilot.pause()
        # Moved within the sources, the chosen source stays the target.
        assert screen.target_document()["id"] == first_source(timeline.rows[there])
