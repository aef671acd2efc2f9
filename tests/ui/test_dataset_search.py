"""Searching a council's name on a store holding the national record shows that council's events,
not every council's: the record is one document, so it is matched row by row."""

from __future__ import annotations

from pathlib import Path

from ofsted_tui.app import make_app
from tests.ui.national import national_store
from tests.ui.pilot import loaded, pilot_test, settle, type_text


@pilot_test
async def test_a_council_name_keeps_its_own_rows_of_the_national_record(tmp_path: Path) -> None:
    store = national_store(tmp_path / "db.json")
    app = make_app(store.path)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        screen = app.main_screen
        every = {e["authority"] for e in screen.result.events}
        assert len(every) >= 10  # the record names every council in it
        await pilot.press("slash")
        await type_text(pilot, "birmingham ")
        await settle(pilot, lambda: screen.filters.text.strip() == "birmingham", "the search box")
        await pilot.pause()
        await settle(pilot, lambda: {e["authority"] for e in screen.result.events} == {"Birmingham"},
                     "only Birmingham's events")
        assert len(screen.result.events) == 3  # its three rows
        assert [d["kind"] for d in screen.result.documents] == ["dataset"]  # the record itself still matches
