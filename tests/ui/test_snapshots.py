"""SVG snapshots of the explorer at 80x24 and 160x48, dark and light.

Deterministic: the store is written from fixed dicts, each snapshot waits for
the corpus and the search index, the title carries no version, and the search
box's cursor does not blink. Update with ``pytest --snapshot-update`` after
checking the new pictures by eye.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.ui.pilot import loaded, settle

NARROW = (80, 24)
WIDE = (160, 48)


def prepared(*keys: str, theme: str | None = None, search: str | None = None):
    async def run_before(pilot) -> None:
        app = pilot.app
        await loaded(pilot)
        app.title = "ofsted-tui"
        app.query_one("#query", Input).cursor_blink = False
        if theme:
            app.theme = theme
        if search is not None:
            app.screen.query_one("#query", Input).value = search
            await settle(pilot, lambda: not app.screen.searching and app.screen._answer, "the search")
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_main_wide(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=prepared("end"))


def test_main_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=prepared("down", "down", "down"))


def test_filters_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=prepared("f", "down", "space"))


def test_documents_light(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=prepared("2", "down", theme="ofsted-light"))


def test_search_wide(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=prepared("3", search="good"))


def test_help_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=NARROW, run_before=prepared("question_mark"))
