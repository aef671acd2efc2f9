"""Keyboard, focus, mouse and undo in the explorer: each key does something or says why."""

from __future__ import annotations

from textual.widgets import Input, Label, Static, TabbedContent

from ofsted_tui.screens.dialogs import ExportDialog, ImportDialog
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.screens.reader import ReaderScreen
from ofsted_tui.screens.reader_dialogs import CorrectionDialog, NoteDialog
from ofsted_tui.screens.reader_dialogs import ExportDialog as ReaderExportDialog
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.sidebar import FacetList, FilterSidebar
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle, type_text
from tests.ui.reader_fixtures import ReaderApp, corpus, make_store

WIDE = (160, 48)
NARROW = (80, 24)


def footer_keys(app) -> dict[str, str]:
    """What the footer offers now: key shown -> description."""
    return {app.get_key_display(b.binding): b.binding.description
            for b in app.screen.active_bindings.values() if b.binding.show and b.enabled}


def status(screen: ReaderScreen) -> str:
    return screen.query_one("#reader-status", Static).render().plain


async def open_reader(pilot, doc_id: str) -> ReaderScreen:
    pilot.app.open_document(doc_id)
    await settle(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), "the reader")
    return pilot.app.screen


# -- focus -------------------------------------------------------------------

@pilot_test
async def test_f_puts_the_focus_in_the_shown_sidebar_and_says_so_in_the_footer(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        sidebar = app.screen.query_one(FilterSidebar)
        assert sidebar.display and footer_keys(app)["f"] == "Filters"
        await pilot.press("f")  # shown already at this width: one key reaches it
        assert sidebar.display and isinstance(app.focused, FacetList)
        await pilot.press("space")
        assert app.screen.filters.chosen_count() == 1
        await pilot.press("f")  # from inside it, f puts it away and goes back to the list
        assert not sidebar.display and app.focused is app.screen.query_one(TimelineList)


@pilot_test
async def test_escape_leaves_the_years_box_so_x_1_and_2_work_again(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        screen = app.screen
        screen.query_one("#year-from", Input).focus()
        await type_text(pilot, "2014")
        assert screen.filters.year_from == 2014
        await pilot.press("escape")
        assert app.focused is screen.query_one(TimelineList)
        await pilot.press("2")
        assert app.focused is screen.query_one(DocumentList)
        await pilot.press("x")
        assert screen.filters.year_from is None
        assert screen.query_one("#year-from", Input).value == ""


@pilot_test
async def test_after_an_import_enter_on_a_second_path_imports_it(app, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Barnet Council's children's services were rated good by Ofsted in 2022.\n")
    second.write_text("Ofsted judged Enfield's children's services to be outstanding in March 2019.\n")
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        assert "enter import" in dialog.query_one(".dialog-hint", Label).render().plain
        await type_text(pilot, str(first))
        await pilot.press("enter")
        await settle(pilot, lambda: dialog.report is not None and not dialog.running, "the first import")
        path = dialog.query_one("#import-path", Input)
        assert app.focused is path and path.selected_text == str(first)  # typing replaces it
        await type_text(pilot, str(second))
        await pilot.press("enter")
        await settle(pilot, lambda: not dialog.running and dialog.report.added
                     and dialog.report.added[0].endswith("b.txt"), "the second import")
        assert app.screen is dialog
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


# -- the reader's keys say why -----------------------------------------------

@pilot_test
async def test_y_on_a_judgement_copies_the_judgement_and_says_so(app, monkeypatch):
    for name in ("TMUX", "STY", "WT_SESSION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM_PROGRAM", "WezTerm")
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        reader = await open_reader(pilot, "h2023report")
        await pilot.press("j", "y")
        fact = reader.reader.selected_fact
        assert fact["type"] == "judgement"
        words = reader.document["text"][fact["span"][0]:fact["span"][1]]
        assert app.clipboard.startswith(f"\u201c{words}\u201d (Haringey")
        (note,) = [n for n in app._notifications if "copied" in (n.title or "")]
        assert note.title == "Judgement copied with its citation" and "on the clipboard" in note.message


@pilot_test
async def test_a_copy_through_a_multiplexer_says_where_it_went_and_offers_a_file(app, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await open_reader(pilot, "h2023news")
        await pilot.press("q", "y")
        (note,) = [n for n in app._notifications if "copied" in (n.title or "")]
        assert note.title == "Quote copied with its citation"
        assert "OSC 52" in note.message and "may ignore" in note.message and "press e" in note.message
        await pilot.press("e")  # the file it offers
        assert isinstance(app.screen, ReaderExportDialog)


@pilot_test
async def test_c_on_a_quote_corrects_its_speaker(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        reader = await open_reader(pilot, "h2023news")
        await pilot.press("q", "c")
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        assert dialog.field == "speaker"
        assert dialog.query_one("#correction-value", Input).value == "Peray Ahmet"
        dialog.query_one("#correction-value", Input).value = "Cllr Peray Ahmet"
        await pilot.press("enter")
        await settle(pilot, lambda: app.store.read().annotations, "the correction")
        (note,) = app.store.read().annotations
        assert (note["field"], note["value"], note["fact_id"]) == ("speaker", "Cllr Peray Ahmet",
                                                                    reader.reader.selected_fact_id)
        await settle(pilot, lambda: reader.reader.selected_fact.get("speaker") == "Cllr Peray Ahmet",
                     "the corrected speaker in the reader")


@pilot_test
async def test_c_on_a_fact_with_nothing_to_correct_says_so(tmp_path):
    store = make_store(tmp_path / "db.json")
    app = ReaderApp(corpus(store.read()), "report", store=store)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("d", "c")
        assert reader.reader.selected_fact["type"] == "date"
        assert app.screen is reader
        assert "nothing to correct" in status(reader) and "C the document" in status(reader)


# -- dialogs say how to save ---------------------------------------------------

@pilot_test
async def test_every_dialog_says_how_it_saves(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        for key, kind, hint in (("n", NoteDialog, "ctrl+s save"), ("c", CorrectionDialog, "enter save"),
                                ("e", ExportDialog, "enter save"), ("i", ImportDialog, "enter import")):
            await pilot.press(key)
            assert isinstance(app.screen, kind), key
            assert hint in app.screen.query_one(".dialog-hint", Label).render().plain
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


# -- undo ----------------------------------------------------------------------

@pilot_test
async def test_ctrl_z_undoes_a_bookmark_on_the_main_screen(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+z")
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("2", "b")
        await settle(pilot, lambda: len(app.corpus.annotations) == 1, "the bookmark")
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: not app.corpus.annotations, "the undo")
        assert any(n.message.startswith("Undone: Bookmarked") for n in app._notifications)
        assert app.undo_history == []


@pilot_test
async def test_undo_in_the_reader_brings_back_the_correction_a_new_one_replaced(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        reader = await open_reader(pilot, "h2023report")
        await pilot.press("j")
        fact_id = reader.reader.selected_fact_id
        for rating in ("inadequate", "outstanding"):
            await pilot.press("c")
            assert isinstance(app.screen, CorrectionDialog) and app.screen.field == "rating"
            app.screen.query_one("#correction-value", Input).value = rating
            await pilot.press("enter")
            await settle(pilot, lambda r=rating: reader.corpus.fact(fact_id)["rating"] == r, "the correction")
        assert [n["value"] for n in app.store.read().annotations] == ["outstanding"]
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: reader.corpus.fact(fact_id)["rating"] == "inadequate", "the undo")
        assert [n["value"] for n in app.store.read().annotations] == ["inadequate"]
        assert app.screen is reader


@pilot_test
async def test_undo_is_in_the_palette(app):
    from ofsted_tui.commands import ExplorerCommands

    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        provider = ExplorerCommands(app.screen)
        texts = [hit.text async for hit in provider.search("undo")]
        assert texts[0] == "Undo the last note, bookmark or correction"


# -- the mouse -----------------------------------------------------------------

@pilot_test
async def test_a_click_opens_a_tab_and_chooses_a_filter_value(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        screen = app.screen
        await pilot.click("Tab#--content-tab-tab-documents")
        assert screen.query_one(TabbedContent).active == "tab-documents"
        authorities = screen.query_one("#facet-authorities", FacetList)
        await pilot.click(authorities, offset=(3, 1))  # the second value, in one click
        assert screen.filters.authorities == {authorities.rows[1].value}
        await pilot.click(authorities, offset=(3, 1))  # and again unchooses it
        assert screen.filters.authorities == set()


@pilot_test
async def test_o_on_a_quote_found_nowhere_else_says_so(tmp_path):
    app = ReaderApp(corpus(), "report")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("q")
        assert reader.reader.selected_fact["type"] == "quote" and not reader.reader.selected_fact.get("source_links")
        await pilot.press("o")
        assert app.screen is reader
        assert "this quote is not found in any other document" in status(reader)
