"""The Councils tab (4): the national table sorts, filters, jumps to a typed name and opens a timeline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from ofsted_core.fetch.library import Fetch, Library
from ofsted_core.store import Store
from ofsted_tui.app import make_app
from ofsted_tui.widgets.councils_table import CouncilsPane, CouncilsTable
from ofsted_tui.widgets.documents import NEW_MARK
from tests.ui.national import TODAY, national_store
from tests.ui.pilot import loaded, pilot_test, settle, shown, type_text
from tests.ui.test_store_watch import touch_later


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CouncilsPane, "today", TODAY)


@pytest.fixture
def national(tmp_path: Path) -> Store:
    return national_store(tmp_path / "db.json")


def _status(app) -> str:
    return str(app.main_screen.query_one("#councils-status").render())


@asynccontextmanager
async def councils_tab(path: Path, size: tuple[int, int]) -> AsyncIterator[tuple[Any, Any, CouncilsTable]]:
    """The explorer on the store at ``path``, loaded, its Councils tab shown: (app, pilot, table)."""
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        yield app, pilot, app.main_screen.query_one(CouncilsTable)


@pilot_test
async def test_every_council_is_listed_and_those_with_nothing_in_the_store_are_dim(national) -> None:
    async with councils_tab(national.path, (220, 60)) as (app, pilot, table):
        assert app.screen.focused is table
        assert len(table.rows) == 153
        assert "153 councils · 143 with no document (dim)" in _status(app)
        lines = {line.split()[0]: line for line in shown(table).splitlines()[1:] if line.strip()}
        assert "Good" in lines["Birmingham"] and "↑ improved" in lines["Birmingham"]
        assert "Requires improvement" in lines["Birmingham"]  # the grade before, in full at this width
        assert "no documents" in lines["Barnet"]
        width = table.scrollable_content_region.width
        by_name = {r["council"]: r for r in table.rows}
        dim = table.dim_style()
        gap = table.render_row(by_name["Barnet"], 0, width)[0]
        assert all(span.style == dim for span in gap.spans if span.end - span.start > 2)
        graded = table.render_row(by_name["Birmingham"], 0, width)[0]
        assert not any(span.style == dim for span in graded.spans if "Birmingham" in graded.plain[span.start:span.end])


@pilot_test
async def test_sorting_by_key_and_by_a_click_on_a_heading(national) -> None:
    async with councils_tab(national.path, (220, 60)) as (app, pilot, table):
        grade_at = next(start for column, start, _ in table.column_spans(table.scrollable_content_region.width)
                        if column == 2)
        await pilot.click(table, offset=(grade_at + 1, 0))
        grades = [r["grade"] for r in table.rows]
        assert grades == sorted(grades, key=lambda g: (g is None, g or 0))
        assert table.rows[0]["council"] == "Camden" and "Grade ▲" in shown(table).splitlines()[0]
        await pilot.click(table, offset=(grade_at + 1, 0))  # again: the other way round
        assert "Grade ▼" in shown(table).splitlines()[0]
        graded = [r["grade"] for r in table.rows if r["grade"]]
        assert graded == sorted(graded, reverse=True) and graded[0] == 3  # RI is the worst latest grade here
        assert table.rows[0]["grade"] == 3 and table.rows[-1]["grade"] is None  # the gaps stay last
        await pilot.press("s")  # the next column: the date
        assert table.sort_column == 3
        dates = [r["date"] for r in table.rows if r["date"]]
        assert dates == sorted(dates) and dates[-1].startswith("2026")


@pilot_test
async def test_filters_by_region_grade_and_year_and_says_what_is_wrong(national) -> None:
    async with councils_tab(national.path, (160, 48)) as (app, pilot, table):
        await pilot.press("f")
        assert app.screen.focused.id == "councils-region"
        await type_text(pilot, "south east")
        assert {r["region"] for r in table.rows} == {"South East"} and len(table.rows) < 153
        await pilot.press("tab")
        await type_text(pilot, "RI")
        assert sorted(r["council"] for r in table.rows) == ["Kent", "Surrey"]
        await pilot.press("tab")
        await type_text(pilot, "2025")
        assert [r["council"] for r in table.rows] == ["Kent"]
        assert "1 of 153 councils" in _status(app)
        grade = app.screen.query_one("#councils-grade", Input)
        grade.value = "splendid"
        await pilot.pause()
        assert "“splendid” is not a grade" in _status(app)
        await pilot.press("escape", "x")  # out of the box, then clear the councils' filters
        await pilot.pause()
        assert len(table.rows) == 153 and grade.value == ""
        region = app.screen.query_one("#councils-region", Input)
        region.value = "Atlantis"
        await pilot.pause()
        assert "No region matches “Atlantis”" in _status(app) and "No council passes" in shown(table)


@pilot_test
async def test_typing_a_name_jumps_to_the_council_by_any_part_of_any_of_its_names(national) -> None:
    async with councils_tab(national.path, (120, 40)) as (app, pilot, table):
        assert "/ finds a council by name" in _status(app)  # the way that works for every first letter
        await type_text(pilot, "wind")  # w is no key's: it starts the name
        assert app.screen.query_one("#councils-find", Input).value == "wind"
        assert table.current["council"] == "Windsor and Maidenhead"
        await pilot.press("escape", "slash")  # "/" starts a name that begins with a key's letter
        find = app.screen.query_one("#councils-find", Input)
        find.value = ""
        await type_text(pilot, "york")
        assert table.current["council"] == "York"  # a name starting so, before North Yorkshire
        find.value = "hull"
        await pilot.pause()
        assert table.current["council"] == "Kingston upon Hull"
        find.value = "Sheffeld"
        await pilot.pause()
        assert "did you mean Sheffield" in _status(app)
        find.value = "[b]x[/b] \x1b[2J"  # typed text is shown as it is, never read as markup or escapes
        await pilot.pause()
        assert "“[b]x[/b] " in _status(app) and "\x1b" not in _status(app)


@pilot_test
async def test_enter_opens_the_councils_timeline_or_says_how_to_get_its_reports(national) -> None:
    async with councils_tab(national.path, (120, 40)) as (app, pilot, table):
        await pilot.press("slash")
        await type_text(pilot, "barnet")
        await pilot.press("enter")
        assert "Nothing on Barnet in the store" in _status(app) and "ofsted-tui fetch \"Barnet\"" in _status(app)
        assert app.main_screen.query_one("#tabs").active == "tab-councils"
        await pilot.press("slash")
        app.screen.query_one("#councils-find", Input).value = "norfolk"
        await pilot.pause()
        await pilot.press("escape", "enter")  # from the table too
        await pilot.pause()
        screen = app.main_screen
        assert screen.query_one("#tabs").active == "tab-timeline"
        assert screen.filters.authorities == frozenset({"Norfolk"})
        timeline = screen.query_one("#timeline")
        assert timeline.rows and {e["authority"] for e in timeline.rows} == {"Norfolk"}
        assert screen.query_one("#trajectory").display and screen.query_one("#query").display
        await pilot.press("4")  # back: the cursor is still on Norfolk
        assert table.current["council"] == "Norfolk"


@pilot_test
async def test_the_sidebar_search_box_and_chart_give_the_table_the_screen_and_come_back(national) -> None:
    app = make_app(national.path)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        screen = app.main_screen
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display
        await pilot.press("4")
        await pilot.pause()
        assert not sidebar.display and not screen.query_one("#trajectory").display
        await pilot.press("1")
        await pilot.pause()
        assert sidebar.display and screen.query_one("#trajectory").display


@pytest.mark.parametrize(("size", "present", "absent"), [
    ((80, 24), ("Council", "Grade", "Date", "Direction", "Trajectory"), ("Region", "Framework", "Visits")),
    ((220, 60), ("Council", "Region", "Grade", "Date", "Framework", "Before", "Direction", "Months",
                 "Visits since", "Trajectory", "Docs"), ()),
])
@pilot_test
async def test_columns_fit_the_width(national, size, present, absent) -> None:
    async with councils_tab(national.path, size) as (app, pilot, table):
        header, *rows = shown(table).splitlines()
        assert all(title in header for title in present) and not any(title in header for title in absent)
        assert "▂▄▆" in next(line for line in rows if "Birmingham" in line)  # inadequate, RI, good: bars


@pilot_test
async def test_councils_with_a_report_the_last_fetch_found_new_are_marked(national, tmp_path, monkeypatch) -> None:
    library = Library(tmp_path / "lib")
    pdf = library.root / "80418_norfolk" / "2025-01-01_focused-visit_7.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4 stand-in\n%%EOF\n")
    library.record(Fetch(at="2026-02-01T00:00:00+00:00", councils=["80418"], listed=["7"], new=["7"],
                         downloaded=["7"]))
    monkeypatch.setenv("OFSTED_TUI_LIBRARY", str(library.root))
    with national.transaction() as data:
        data.documents.append({
            "id": "norfolk-letter", "source": str(pdf.resolve()), "title": "Focused visit to Norfolk", "kind": "letter",
            "publisher": "Ofsted", "authority": "Norfolk", "published": "2025-01-01", "format": "pdf",
            "text": "A focused visit.", "furniture": [], "imported_at": "2026-02-01T00:00:00+00:00",
        })
    async with councils_tab(national.path, (120, 40)) as (app, pilot, table):
        await settle(pilot, lambda: table.new_counts, "the record of fetches")
        assert table.new_counts == {"Norfolk": 1}
        assert "1 with new reports" in _status(app)
        table.cursor = next(i for i, r in enumerate(table.rows) if r["council"] == "Norfolk")
        await pilot.pause()
        marked = [line for line in shown(table).splitlines() if NEW_MARK in line]
        assert len(marked) == 1 and "Norfolk" in marked[0]


@pilot_test
async def test_the_table_follows_the_store_and_says_what_to_do_when_it_is_empty(tmp_path) -> None:
    path = tmp_path / "db.json"
    with Store(path).transaction():
        pass  # an empty store
    async with councils_tab(path, (120, 40)) as (app, pilot, table):
        assert len(table.rows) == 153 and all(not r["documents"] for r in table.rows)
        assert "The store holds nothing yet: press i to import" in _status(app)
        old = app.corpus
        national_store(path)
        touch_later(path)
        app._check_store()
        await settle(pilot, lambda: app.corpus is not old, "the reload")
        assert sum(1 for r in table.rows if r["documents"]) == 10
        assert "143 with no document" in _status(app)


@pilot_test
async def test_while_the_documents_are_read_it_says_so(national) -> None:
    async with councils_tab(national.path, (120, 40)) as (app, pilot, table):
        pane = app.main_screen.query_one(CouncilsPane)
        pane.show(app.corpus.events, None)
        await pilot.pause()
        assert "Reading the store" in _status(app) and "Loading" in shown(pane.table)
