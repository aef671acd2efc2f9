"""The explorer's first frame holds what it shows (the filled timeline, its event and chart); the
sidebar's lists and the other tabs are mounted after it, and what a user types meanwhile waits."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from ofsted_core.library import Library
from ofsted_core.store import Store
from ofsted_tui.app import make_app
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.councils_table import CouncilsTable
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.sidebar import FacetList, FilterSidebar
from ofsted_tui.widgets.timeline import EventDetail, TimelineList
from ofsted_tui.widgets.trajectory import Trajectory
from tests.ui.pilot import loaded, pilot_test, settle, shown


def _app_as_launched(store: Store) -> Any:
    stamp, data = Library(store).first_snapshot()  # as `ofsted-tui --db DB` starts it
    return make_app(store.path, data=data, stamp=stamp)


class _HeldBack:
    """Keeps the main screen from mounting what its first frame left out until ``release`` (a test's
    keys then certainly arrive before it)."""

    def __init__(self, monkeypatch: Any) -> None:
        self.mount_rest = MainScreen._mount_rest
        self.screens: list[MainScreen] = []
        monkeypatch.setattr(MainScreen, "_mount_rest", lambda screen: self.screens.append(screen))

    def release(self) -> None:
        for screen in self.screens:
            screen.call_later(self.mount_rest, screen)


@pytest.mark.parametrize("large", [False, True], ids=["small store", "large store, timeline first"])
@pilot_test
async def test_the_first_frame_shows_the_filled_timeline_and_composes_only_what_it_shows(
        store: Store, monkeypatch: Any, large: bool):
    if large:  # this small store counts as large: the command line reads its events alone (see test_loading)
        from ofsted_core import store as store_module
        from ofsted_tui import app as app_module

        monkeypatch.setattr(store_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)
        monkeypatch.setattr(app_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)
        Library(store).first_snapshot()  # makes the lookup file, so the next read is of the events alone
    everything = store.read()
    app = _app_as_launched(store)
    assert app._first_read[0].complete is not large
    seen: dict[str, Any] = {}
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        # The state of the screen when its first frame is written.
        if renderable is not None and not seen and isinstance(screen, MainScreen):
            seen.update(
                events=[e["id"] for e in screen.query_one(TimelineList).rows],
                detail=str(screen.query_one(EventDetail).border_title),
                chart=str(screen.query_one(Trajectory).border_title),
                later=[type(w).__name__ for w in screen.query("DocumentList, SearchResults, CouncilsPane, FacetList, ToastRack, Tooltip")],
                sidebar=screen.query_one(FilterSidebar).display,
                stacked=screen.query_one("#tab-timeline").has_class("-stacked"),
                # Styled for it too: the detail below the timeline, as wide as it.
                split_layout=screen.query_one("#tab-timeline").styles.layout.name,
                detail_width=str(screen.query_one(EventDetail).styles.width),
            )
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        main = app.main_screen
        # Every event is in the first frame, the first one's detail and chart beside it.
        assert seen["events"] == [e["id"] for e in everything.events]
        authority = everything.events[0]["authority"]
        assert authority in seen["detail"] and authority in seen["chart"]
        # ... and nothing it does not show: the sidebar is there (its frame), its lists and the other tabs come after.
        assert seen["sidebar"] and seen["later"] == []
        # The event's detail is where it stays (below the timeline, at this width beside the sidebar): no jump.
        assert seen["stacked"] and main.query_one("#tab-timeline").has_class("-stacked")
        assert (seen["split_layout"], seen["detail_width"]) == ("vertical", "1fr")
        # Once mounted, everything is in place, and the facet index counts in the sidebar.
        for kind in (DocumentList, SearchResults, CouncilsTable):
            assert main.query_one(kind)
        assert main.query(FacetList) and app.facet_index is not None
        await settle(pilot, lambda: main.result is not None and not main.catching_up, "the counts")
        assert f"{len(everything.events)} events shown" in shown(main.query_one("#filters-status"))


@pilot_test
async def test_every_tab_and_the_sidebar_answer_keys_pressed_before_they_are_mounted(store: Store, monkeypatch):
    gate = _HeldBack(monkeypatch)
    app = _app_as_launched(store)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.main_screen
        await pilot.pause()
        assert not main.query(DocumentList)  # still to be mounted
        # Keys pressed now wait: none reaches a pane not there yet (and nothing fails).
        await pilot.press("2")
        assert main.query_one("#tabs").active == "tab-timeline"
        gate.release()
        await settle(pilot, lambda: isinstance(app.focused, DocumentList), "the held key")
        assert main.query_one("#tabs").active == "tab-documents"
        # Every tab, and the sidebar, from then on.
        for key, tab, kind in (("3", "tab-search", SearchResults), ("4", "tab-councils", CouncilsTable),
                               ("1", "tab-timeline", TimelineList)):
            await pilot.press(key)
            await settle(pilot, lambda kind=kind: isinstance(app.focused, kind), f"the {tab} tab")
            assert main.query_one("#tabs").active == tab
        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.focused, FacetList), "the sidebar")
        await loaded(pilot)
        facet = app.focused.facet
        await pilot.press("space")
        await settle(pilot, lambda: main.filters.selected(facet), "the chosen value")


@pilot_test
async def test_keys_typed_during_the_deferred_mounting_are_handled_in_order(store: Store, monkeypatch):
    gate = _HeldBack(monkeypatch)
    app = _app_as_launched(store)
    async with app.run_test(size=(160, 48)) as pilot:
        # "f" opens the sidebar, "/" leaves it for the search box, the rest is typed there: in that order.
        await pilot.press("f", "slash", "o", "f", "s")
        gate.release()
        main = app.main_screen
        query = main.query_one("#query")
        await settle(pilot, lambda: query.value == "ofs", "the typed words")
        assert app.focused is query
        await loaded(pilot)
        await settle(pilot, lambda: main.filters.text == "ofs", "the search filter")


@pilot_test
async def test_a_click_on_a_tab_before_the_panes_are_mounted_waits_for_them(store: Store, monkeypatch):
    gate = _HeldBack(monkeypatch)
    app = _app_as_launched(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        main = app.main_screen
        tab = main.query_one("#--content-tab-tab-documents")
        x, y = tab.region.x + 2, tab.region.y
        # As the terminal driver sends a click (Pilot's click would bypass the app's handling of input).
        for kind in (events.MouseDown, events.MouseUp):
            app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert main.query_one("#tabs").active == "tab-timeline"
        gate.release()
        await settle(pilot, lambda: main.query_one("#tabs").active == "tab-documents", "the clicked tab")
        await loaded(pilot)
        await settle(pilot, lambda: main.query_one(DocumentList).loaded, "the documents")


@pilot_test
async def test_the_panes_mounted_after_the_first_frame_show_the_first_corpus_once_indexed(store: Store):
    # A small store is shown whole in the first frame; the same corpus comes back with its index, and the
    # panes mounted meanwhile (the councils table, the documents) must then be filled, not skipped as unchanged.
    everything = store.read()
    app = _app_as_launched(store)
    assert app._first_read[0].complete
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        main = app.main_screen
        await settle(pilot, lambda: app.facet_index is not None and main.result is not None, "the index")
        await pilot.press("4")
        table = main.query_one(CouncilsTable)
        await settle(pilot, lambda: len(table.rows) > 0, "the councils table")
        authorities = {e["authority"] for e in everything.events}
        assert authorities <= {row["council"] for row in table.rows}
        await pilot.press("2")
        documents = main.query_one(DocumentList)
        await settle(pilot, lambda: len(documents.rows) == len(everything.documents), "the documents")


@pilot_test
async def test_the_first_frame_is_drawn_in_the_explorer_theme_without_a_second_parse_of_the_styles(
        store: Store, monkeypatch: Any):
    # The theme is in force from the first parse of the stylesheets (setting it through its watcher parsed them
    # all again, from scratch, and restyled every widget, before the first frame); ctrl+t still goes through it.
    from textual.app import App
    from textual.color import Color

    from ofsted_tui.app import THEMES

    dark, light = THEMES
    refreshes: list[str] = []
    refresh_css = App.refresh_css

    def counted(self: App[None], animate: bool = True) -> None:
        refreshes.append(self.theme)
        refresh_css(self, animate)

    monkeypatch.setattr(App, "refresh_css", counted)
    app = _app_as_launched(store)
    seen: dict[str, Any] = {}
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        if renderable is not None and not seen and isinstance(screen, MainScreen):
            seen.update(refreshes=list(refreshes), background=screen.styles.background,
                        timeline=screen.query_one(TimelineList).styles.background,
                        classes=set(app.classes))
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        assert seen["refreshes"] == []
        assert seen["background"] == Color.parse(dark.background)
        assert seen["timeline"] == Color.parse(dark.surface)  # RowList's $surface: the theme's variables
        assert {f"-theme-{dark.name}", "-dark-mode"} <= seen["classes"]
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == light.name and refreshes == [light.name]
        assert app.main_screen.styles.background == Color.parse(light.background)
        assert app.main_screen.query_one(TimelineList).styles.background == Color.parse(light.surface)


@pilot_test
async def test_a_large_store_s_first_rows_skip_the_collector_until_the_frame_is_out(store: Store, monkeypatch: Any):
    # Its first rows are read with the collector paused and frozen before the first layout (else its first
    # collection walked them all); indexing them after the frame unfreezes them, whatever the corpus's size.
    import gc

    from ofsted_core import store as store_module
    from ofsted_core.lookup_cache import Lookup
    from ofsted_tui import app as app_module

    monkeypatch.setattr(store_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)
    monkeypatch.setattr(app_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 0)
    monkeypatch.setattr(app_module, "FREEZE_MIN_ROWS", 10**9)  # never frozen for its size
    Library(store).first_snapshot()  # makes the lookup file

    collecting: list[bool] = []  # whether the collector ran as the first rows were parsed
    rows = Lookup.rows
    monkeypatch.setattr(Lookup, "rows", lambda lookup: collecting.append(gc.isenabled()) or rows(lookup))
    stamp, data = Library(store).first_snapshot()
    assert collecting == [False] and gc.isenabled() and not data.complete
    app = make_app(store.path, data=data, stamp=stamp)
    seen: list[int] = []
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        if renderable is not None and not seen and isinstance(screen, MainScreen):
            seen.append((gc.get_freeze_count(), gc.isenabled()))
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(pilot)
            # No collection at all before the first frame (of any store: see the next test); frozen meanwhile.
            assert seen and seen[0][0] > 0 and seen[0][1] is False
            assert gc.get_freeze_count() == 0 and gc.isenabled()
    finally:
        gc.unfreeze()


@pilot_test
async def test_the_collector_waits_for_the_first_frame_and_resumes_after_it_or_when_the_app_ends(store: Store):
    import gc

    app = _app_as_launched(store)
    seen: list[bool] = []
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        if renderable is not None and not seen and isinstance(screen, MainScreen):
            seen.append(gc.isenabled())
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    assert gc.isenabled()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert seen == [False] and gc.isenabled()
    assert gc.isenabled()
    ended = _app_as_launched(store)  # one that ends before its first frame: its unmount resumes the collector
    try:
        ended.on_load()
        assert not gc.isenabled()
        ended.on_unmount()
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("later", [False, True], ids=["exit at the first frame", "exit just after it"])
@pilot_test
async def test_an_exit_before_the_rest_is_mounted_ends_the_app_cleanly(store: Store, later: bool):
    # A script or a test that quits in the first moments: the panes mounted after the first frame never are,
    # and nothing that follows them (the corpus, the fetched reports) may look for them.
    app = _app_as_launched(store)
    display = app._display
    frames: list[bool] = []

    def first_frame(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and not frames:
            frames.append(True)
            app.call_later(app.exit) if later else app.exit()

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
    assert frames and app._exception is None and app.return_code == 0


def _styles_of(screen: Any) -> dict[str, Any]:
    """Each widget's rules as the stylesheet set them (and its component classes'), by its place in the screen."""
    return {f"{i}:{type(w).__name__}#{w.id}": (w.styles.base.get_rules(), w.classes, sorted(
                (name, styles.get_rules().items()) for name, styles in w._component_styles.items()))
            for i, w in enumerate(screen.walk_children(with_self=True))}


@pytest.mark.parametrize("size", [(80, 24), (160, 48), (220, 60)])
@pilot_test
async def test_the_first_frame_is_styled_as_a_full_restyle_would_style_it(store: Store, size: tuple[int, int]):
    # Textual restyles a screen as it resumes; the main screen skips that the first time (its widgets were styled
    # as they mounted, and each class set since restyled what it touched). Whatever the width, restyling every
    # widget of the first frame must change no rule.
    app = _app_as_launched(store)
    seen: dict[str, Any] = {}
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        if renderable is not None and not seen and isinstance(screen, MainScreen):
            seen["frame"] = _styles_of(screen)
            app.stylesheet.update_nodes(screen.walk_children(with_self=True), animate=False)
            seen["restyled"] = _styles_of(screen)
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
    assert seen["frame"] == seen["restyled"]
    assert len(seen["frame"]) > 10


@pilot_test
async def test_a_notice_posted_before_the_toast_rack_is_mounted_is_shown_once_it_is(store: Store, monkeypatch):
    # The first frame has no toast rack (nor tooltip): they are mounted with the rest, and a notice waits for it.
    from textual.widgets import Tooltip
    from textual.widgets._toast import Toast, ToastRack

    gate = _HeldBack(monkeypatch)
    app = _app_as_launched(store)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        main = app.main_screen
        assert not main.query(ToastRack)
        app.notify("a notice before the rack", timeout=30)
        await pilot.pause()
        gate.release()
        await settle(pilot, lambda: any(t._notification.message == "a notice before the rack" for t in main.query(Toast)),
                     "the notice")
        # Where Textual puts them: first among the screen's children.
        assert [type(w) for w in main.children[:2]] == [ToastRack, Tooltip]
