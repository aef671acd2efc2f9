"""SVG snapshots of the Councils tab at 80x24 and 220x60, on the fixture national CSV.

Deterministic: the store is the fixture CSV (made-up grades, in the scraper's
format), "months since" counts to a fixed day, and the title carries no
version. Update with ``pytest --snapshot-update`` after checking the pictures by eye.
"""

from __future__ import annotations

import pytest

from ofsted_tui.app import make_app
from ofsted_tui.widgets.councils_table import CouncilsPane
from tests.ui.national import TODAY, national_store
from tests.ui.pilot import loaded


@pytest.fixture
def national_app(tmp_path, monkeypatch):
    monkeypatch.setattr(CouncilsPane, "today", TODAY)
    return make_app(national_store(tmp_path / "db.json").path)


def prepared(*keys: str):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        pilot.app.title = "ofsted-tui"
        await pilot.press("4", *keys)
        await pilot.pause()

    return run_before


def test_councils_narrow(snap_compare, national_app):
    # Sorted by grade (a click's worth: s twice from the council column), the cursor on a graded council.
    assert snap_compare(national_app, terminal_size=(80, 24), run_before=prepared("s", "s"))


def test_councils_wide(snap_compare, national_app):
    assert snap_compare(national_app, terminal_size=(220, 60), run_before=prepared("slash", "h", "a", "r"))
