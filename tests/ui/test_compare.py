"""Comparing councils in the explorer: marking, the neighbours and region keys, the grid, Enter, escape,
and the timeline grouped by council."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.councils import council, neighbours_of
from ofsted_core.compare import choose_councils
from ofsted_core.filters import Filters
from ofsted_tui.app import OfstedApp, make_app
from ofsted_tui.screens.compare import CompareScreen
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.compare_grid import CompareGrid
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.compare_store import compare_store
from tests.ui.pilot import loaded, pilot_test, settle, shown

NARROW = (80, 24)
WIDE = (220, 60)


@pytest.fixture
def app(tmp_path: Path) -> OfstedApp:
    return make_app(compare_store(tmp_path / "db.json").path)


async def _on_council(pilot, name: str) -> None:
    """Put the timeline's cursor on the first event of ``name`` (all events in view)."""
    timeline = pilot.app.screen.query_one(TimelineList)
    timeline.cursor = next(i for i, e in enumerate(timeline.rows) if e.get("authority") == name)
    await pilot.pause()


async def _compare(pilot, name: str, key: str) -> CompareGrid:
    """Press ``key`` on an event of ``name`` and wait for the compare screen; its grid."""
    await _on_council(pilot, name)
    await pilot.press(key)
    await settle(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "the compare screen")
    return _grid(pilot.app)


def _grid(app: OfstedApp) -> CompareGrid:
    assert isinstance(app.screen, CompareScreen)
    return app.screen.query_one(CompareGrid)


@pilot_test
async def test_marked_councils_are_compared_and_marking_again_unmarks(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        for name in ("Devon", "Kent", "Reading", "Kent"):
            await _on_council(pilot, name)
            await pilot.press("m")
        assert app.screen.marked == ["Devon", "Reading"]
        await pilot.press("v")
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare screen")
        assert [row.name for row in _grid(app).rows] == ["Devon", "Reading"]
        assert "Comparing 2 councils: Devon, Reading" in shown(app.screen.query_one("#compare-title"))


@pilot_test
async def test_the_neighbours_key_compares_the_council_with_its_ten_neighbours(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        grid = await _compare(pilot, "Norfolk", "N")
        expected = ["Norfolk", *(c.name for c in neighbours_of(council("Norfolk")))]
        assert [row.name for row in grid.rows] == expected
        assert grid.cursor == 0 and app.focused is grid
        # At 80 columns only the latest years fit: the earliest shown is flagged, and ← brings earlier ones.
        text = shown(grid)
        header = text.splitlines()[0]
        assert "◂" in header and "2026" in header and "2006" not in header
        first_shown = int(header.split("◂")[1].split()[0])
        await pilot.press("left", "left")
        header = shown(grid).splitlines()[0]
        assert int(header.split("◂")[1].split()[0]) == first_shown - 2 and "▸" in header
        await pilot.press("right", "right", "right")
        assert shown(grid).splitlines()[0].split("◂")[1].split()[0] == str(first_shown)


@pilot_test
async def test_the_region_key_compares_the_council_with_its_region(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        grid = await _compare(pilot, "Devon", "R")
        assert [row.name for row in grid.rows] == choose_councils(["Devon"], region=True)
        assert "South West" in shown(app.screen.query_one("#compare-title"))


@pilot_test
async def test_enter_opens_the_councils_timeline_and_escape_returns_unchanged(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await _compare(pilot, "Norfolk", "N")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert app.screen.filters == Filters()
        await pilot.press("N")
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare screen")
        await pilot.press("down", "enter")  # Norfolk's nearest neighbour
        await settle(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        neighbour = neighbours_of(council("Norfolk"))[0].name
        assert app.screen.filters.authorities == {neighbour}
        rows = app.screen.query_one(TimelineList).rows
        assert rows and {e["authority"] for e in rows} == {neighbour}


@pilot_test
async def test_a_council_with_nothing_in_the_store_stays_on_the_grid(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await _compare(pilot, "Reading", "N")  # Reading's neighbours: none of them is in this store
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_the_timeline_groups_by_council_with_headings_the_cursor_steps_over(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        app.screen.set_filters(Filters(authorities=frozenset({"Norfolk", "Devon", "Reading"})))
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        events = list(timeline.rows)
        await pilot.press("a")
        rows = timeline.rows
        headings = [r for r in rows if r.get("heading")]
        assert [h["council"] for h in headings] == ["Devon", "Norfolk", "Reading"]
        assert [r for r in rows if not r.get("heading")] == sorted(
            events, key=lambda e: ["Devon", "Norfolk", "Reading"].index(e["authority"]))
        text = shown(timeline)
        assert "▾ Devon  latest  Inadequate" in text
        for _ in range(len(rows)):
            assert not timeline.current.get("heading")
            await pilot.press("down")
        for _ in range(len(rows)):
            await pilot.press("up")
            assert not timeline.current.get("heading")
        # Grouping survives a change of filters, and the key turns it off.
        app.screen.set_filters(Filters(authorities=frozenset({"Norfolk", "Devon"})))
        await pilot.pause()
        assert sum(1 for r in timeline.rows if r.get("heading")) == 2
        await pilot.press("a")
        assert not any(r.get("heading") for r in timeline.rows)


@pilot_test
async def test_on_the_councils_tab_the_keys_take_the_highlighted_council(app):
    from ofsted_tui.widgets.councils_table import CouncilsTable

    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        table = app.screen.query_one(CouncilsTable)
        await settle(pilot, lambda: bool(table.rows), "the councils table")
        table.cursor = next(i for i, row in enumerate(table.rows) if row["council"] == "Norfolk")
        await pilot.pause()
        await pilot.press("m")
        assert app.screen.marked == ["Norfolk"]
        await pilot.press("N")
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare screen")
        assert [row.name for row in _grid(app).rows] == choose_councils(["Norfolk"], neighbours=True)


@pilot_test
async def test_home_on_the_grouped_timeline_shows_the_first_councils_heading(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        timeline.focus()
        await pilot.press("a", "end")
        await pilot.pause()
        assert timeline.rows[0].get("heading") and len(timeline.rows) > timeline.scrollable_content_region.height
        assert timeline.scroll_offset.y > 0
        await pilot.press("home")
        await pilot.pause()
        # The cursor steps over the heading to the first event; the heading above it is still shown.
        assert timeline.cursor == 1 and timeline.scroll_offset.y == 0
        assert "\u25be " + timeline.rows[0]["council"] in shown(timeline)
