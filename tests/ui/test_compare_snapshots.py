"""SVG snapshots of a council compared with its ten statistical neighbours, at 80x24 and 220x60.

The store is imported from a small national CSV in the real format
(tests/fixtures/national), so these never skip. Deterministic: no clock (the
grid's years run to the store's latest), no notifications. Update with
``pytest tests/ui/test_compare_snapshots.py --snapshot-update`` after checking the pictures by eye.
"""

from __future__ import annotations

from pathlib import Path

from ofsted_tui.app import make_app
from ofsted_tui.screens.compare import CompareScreen
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.compare_store import compare_store
from tests.ui.pilot import loaded, settle


def _neighbours_of_norfolk(*keys: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        await loaded(pilot)
        app.title = "ofsted-tui"
        timeline = app.screen.query_one(TimelineList)
        timeline.cursor = next(i for i, e in enumerate(timeline.rows) if e.get("authority") == "Norfolk")
        await pilot.press("N")
        await settle(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare screen")
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_compare_neighbours_narrow(snap_compare, tmp_path: Path):
    app = make_app(compare_store(tmp_path / "db.json").path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_neighbours_of_norfolk("down", "down"))


def test_compare_neighbours_wide(snap_compare, tmp_path: Path):
    app = make_app(compare_store(tmp_path / "db.json").path)
    assert snap_compare(app, terminal_size=(220, 60), run_before=_neighbours_of_norfolk("down"))
