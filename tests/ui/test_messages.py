"""The explorer's messages: screens and the palette ask, the app or the main screen acts; bursts coalesce."""

from __future__ import annotations

from ofsted_core.filters import Filters
from ofsted_tui.messages import (
    AnnotationRequested, FiltersRequested, OpenDocument, SearchTyped, StoreChanged, YearRequested,
)
from ofsted_tui.screens.reader_dialogs import CorrectionDialog, NoteDialog
from ofsted_tui.widgets.rows import RowList
from ofsted_tui.widgets.sidebar import FilterSidebar
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle

BURST = 20


@pilot_test
async def test_a_document_asked_for_by_a_screen_is_opened_by_the_app(app, opened):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        app.main_screen.post_message(OpenDocument("c2019report", (3, 9)))  # bubbles to the app
        await pilot.pause()
        assert opened == [("c2019report", (3, 9), None)]


@pilot_test
async def test_a_note_or_correction_asked_for_opens_the_one_dialog_of_its_kind(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        doc = app.corpus.documents["c2019report"]
        app.main_screen.post_message(AnnotationRequested("note", doc))
        await settle(pilot, lambda: isinstance(app.screen, NoteDialog), "the note dialog")
        await pilot.press("ctrl+s")  # empty: refused with the core's reason, the dialog stays
        assert isinstance(app.screen, NoteDialog)
        assert "empty" in str(app.screen.query_one("#note-error").render())
        await pilot.press("escape")
        app.main_screen.post_message(AnnotationRequested("correction", doc))
        await settle(pilot, lambda: isinstance(app.screen, CorrectionDialog), "the correction dialog")


@pilot_test
async def test_the_palette_s_requests_bring_the_main_screen_forward(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        app.open_document("c2019report")
        await settle(pilot, lambda: app.screen is not app.main_screen, "the reader")
        app.main_screen.post_message(FiltersRequested(Filters().only("authorities", "Camden"), "Filtered"))
        await settle(pilot, lambda: app.screen is app.main_screen, "the main screen")
        assert app.main_screen.filters.authorities == {"Camden"}
        assert any(n.message == "Filtered" for n in app._notifications)
        app.main_screen.post_message(YearRequested(2019))
        await pilot.pause()
        assert app.main_screen.query_one(TimelineList).current["label"] == "Jan 2019"


@pilot_test
async def test_a_burst_of_search_keys_is_applied_fewer_times_than_typed(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        main = app.main_screen
        applied: list[str] = []
        main.watch(main, "filters", lambda new: applied.append(new.text), init=False)
        word = "inspection" * 2
        for end in range(1, BURST + 1):
            main.post_message(SearchTyped(word[:end]))
        await pilot.pause()
        assert 1 <= len(applied) < BURST
        assert main.filters.text == word[:BURST]


@pilot_test
async def test_a_burst_of_store_changes_reads_the_store_fewer_times(app, monkeypatch):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        reloads: list[None] = []
        monkeypatch.setattr(app, "reload", lambda: reloads.append(None))
        for _ in range(BURST):
            app.post_message(StoreChanged())
        await pilot.pause()
        assert 1 <= len(reloads) < BURST


@pilot_test
async def test_a_burst_of_cursor_moves_redraws_the_event_fewer_times(app, monkeypatch):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        main = app.main_screen
        timeline = main.query_one(TimelineList)
        shown: list[object] = []
        original = main._show_event
        monkeypatch.setattr(main, "_show_event", lambda event: (shown.append(event), original(event)))
        rows = timeline.rows
        for index in range(len(rows)):
            timeline.post_message(RowList.Highlighted(timeline, index, rows[index]))
        await pilot.pause()
        assert 1 <= len(shown) < len(rows) and shown[-1] is rows[-1]


@pilot_test
async def test_years_typed_in_a_burst_are_applied_fewer_times(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        main = app.main_screen
        sidebar = main.query_one(FilterSidebar)
        applied: list[tuple[int | None, int | None]] = []
        main.watch(main, "filters", lambda new: applied.append((new.year_from, new.year_to)), init=False)
        for year in range(2000, 2000 + BURST):
            sidebar.post_message(FilterSidebar.YearsChanged(year, None))
        await pilot.pause()
        assert 1 <= len(applied) < BURST and applied[-1] == (2000 + BURST - 1, None)
