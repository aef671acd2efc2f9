"""The explorer marks the reports the last ``ofsted-tui fetch`` found new."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_tui.app import make_app
from ofsted_core.fetch.library import Fetch, Library
from ofsted_core.store import Store
from ofsted_tui.widgets.documents import NEW_MARK, DocumentList
from tests.ui.pilot import loaded, pilot_test, settle, shown


@pytest.fixture
def fetched(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, str]:
    """A library whose last fetch found one report new, that report's document in the store."""
    library = Library(tmp_path / "lib")
    pdf = library.root / "80001_example" / "2024-04-04_monitoring-visit_32.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4 stand-in\n%%EOF\n")
    library.record(Fetch(at="2026-01-01T00:00:00+00:00", councils=["80001"], listed=["31"], new=["31"]))
    library.record(Fetch(at="2026-02-01T00:00:00+00:00", councils=["80001"], listed=["31", "32"], new=["32"],
                         downloaded=["32"]))
    monkeypatch.setenv("OFSTED_TUI_LIBRARY", str(library.root))
    with store.transaction() as data:
        doc = data.documents[0]
        doc["source"] = str(pdf.resolve())
    return store, doc["id"]


@pytest.mark.parametrize("size", [(120, 30)])
@pilot_test
async def test_the_last_fetchs_new_reports_are_marked_and_announced(fetched, size) -> None:
    store, doc_id = fetched
    app = make_app(store.path)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await settle(pilot, lambda: app.new_since_fetch, "the record of fetches")
        # Under load the toast and the list's repaint land a few frames after the record.
        await settle(pilot, lambda: any("new since the last fetch" in n.message for n in app._notifications),
                     "the announcement")
        assert any("1 report(s) new since the last fetch (2026-02-01)" in n.message for n in app._notifications)
        await pilot.press("2")
        documents = app.main_screen.query_one(DocumentList)

        def marked() -> list[str]:
            return [line for line in shown(documents).splitlines() if NEW_MARK in line]

        await settle(pilot, marked, "the marked row")
        title = store.read().documents[0]["title"]
        assert len(marked()) == 1 and title[:20] in marked()[0]


@pilot_test
async def test_no_record_marks_nothing(store) -> None:
    app = make_app(store.path)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        await pilot.pause(0.1)
        assert app.new_since_fetch == frozenset()
        assert not any("new since the last fetch" in n.message for n in app._notifications)
