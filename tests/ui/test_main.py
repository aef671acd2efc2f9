"""The main screen: timeline, event detail, trajectory, documents, search and filters."""

from __future__ import annotations

from ofsted_tui.app import OfstedApp, make_app
from ofsted_core.filters import Filters
from ofsted_tui.messages import FiltersRequested, YearRequested
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.sidebar import FacetList, FilterSidebar
from ofsted_tui.widgets.timeline import EventDetail, SourceList, TimelineList
from ofsted_tui.widgets.trajectory import Trajectory
from tests.ui.pilot import loaded, pilot_test, settle, type_text

WIDE = (160, 48)
NARROW = (80, 24)


def labels(app: OfstedApp) -> list[str]:
    return [e["label"] for e in app.screen.query_one(TimelineList).rows]


@pilot_test
async def test_timeline_lists_every_event_in_date_order(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        assert labels(app) == [
            "Dec 2008", "Dec 2009", "Nov 2011", "Feb 2014", "Jan 2015", "Jan 2019", "Jul 2021", "Feb 2023",
        ]
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await settle(pilot, lambda: screen.sub_title, "the counts in the title")
        assert screen.sub_title == "8 of 8 events · 11 of 11 documents"
        assert app.focused is screen.query_one(TimelineList)


@pilot_test
async def test_moving_through_the_timeline_shows_the_event_and_its_trajectory(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        detail = app.screen.query_one(EventDetail)
        assert str(detail.border_title) == "Feb 2023 · Haringey"
        sources = app.screen.query_one(SourceList)
        # The report comes first (the most authoritative source), then the news stories: the
        # undated "rated 'good'" joins the only inspection that rated Haringey good overall.
        assert [row["doc"]["id"] for row in sources.rows] == ["h2023report", "h2023news", "undated"]
        summary = str(app.screen.query_one("#event-summary").render())
        for area in ("overall", "help and protection", "children in care", "care leavers", "leadership"):
            assert area in summary
        assert "Requires improvement to be good" in summary
        trajectory = app.screen.query_one(Trajectory)
        assert trajectory.selected_year == 2023
        assert "Haringey" in str(trajectory.border_title)
        await pilot.press("up", "up")
        assert trajectory.selected_year == 2019
        assert "Camden" in str(trajectory.border_title)


@pilot_test
async def test_enter_on_an_event_opens_its_best_source_at_the_supporting_passage(app, opened):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end", "enter")
        doc_id, span, fact_id = opened[-1]
        assert doc_id == "h2023report"
        text = app.corpus.text_of(doc_id)
        assert text[span[0]:span[1]] == "Good"
        assert app.corpus.fact(fact_id)["area"] == "overall"


@pilot_test
async def test_sources_take_the_focus_and_open_the_chosen_one(app, opened):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end", "right")
        sources = app.screen.query_one(SourceList)
        assert app.focused is sources
        await pilot.press("down", "enter")
        doc_id, span, _ = opened[-1]
        assert doc_id == "h2023news"
        assert app.corpus.text_of(doc_id)[span[0]:span[1]] == "good"
        await pilot.press("left")
        assert app.focused is app.screen.query_one(TimelineList)


@pilot_test
async def test_sidebar_starts_hidden_when_narrow_and_toggles(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        sidebar = app.screen.query_one(FilterSidebar)
        assert not sidebar.display
        await pilot.press("f")
        assert sidebar.display
        assert isinstance(app.focused, FacetList)
        await pilot.press("f")
        assert not sidebar.display
        assert app.focused is app.screen.query_one(TimelineList)


@pilot_test
async def test_sidebar_starts_shown_when_wide(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        assert app.screen.query_one(FilterSidebar).display


@pilot_test
async def test_choosing_a_facet_value_filters_timeline_and_documents_at_once(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        authorities = app.screen.query_one("#facet-authorities", FacetList)
        authorities.focus()
        assert [r.value for r in authorities.rows] == ["Camden", "Haringey"]
        await pilot.press("space")  # Camden
        screen = app.screen
        assert screen.filters.authorities == {"Camden"}
        assert labels(app) == ["Jan 2015", "Jan 2019"]
        await settle(pilot, lambda: not screen.catching_up, "the counts")  # they follow the rows
        documents = screen.query_one(DocumentList).rows
        assert {d["authority"] for d in documents} == {"Camden"} and len(documents) == 3
        # Counts of the other facets follow; the chosen facet keeps its alternatives.
        grades = {r.value: r.events for r in screen.query_one("#facet-grades", FacetList).rows}
        assert grades == {"1": 1, "2": 1, "3": 0, "4": 0, "none": 0}
        haringey = authorities.rows[1]
        assert haringey.events == 6 and not haringey.selected
        await pilot.press("down", "space")  # Haringey too: alternatives widen
        assert len(labels(app)) == 8
        await pilot.press("x")
        assert screen.filters == Filters()


@pilot_test
async def test_counts_follow_the_tab(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        kinds = app.screen.query_one("#facet-kinds", FacetList)
        assert not kinds.count_documents
        await pilot.press("2")
        assert kinds.count_documents
        assert app.focused is app.screen.query_one(DocumentList)
        status = str(app.screen.query_one("#filters-status").render())
        assert status.startswith("11 documents")


@pilot_test
async def test_year_range_filters(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        app.screen.query_one("#year-from").focus()
        await type_text(pilot, "2014")
        await pilot.press("tab")
        await type_text(pilot, "2019")
        assert (app.screen.filters.year_from, app.screen.filters.year_to) == (2014, 2019)
        assert labels(app) == ["Feb 2014", "Jan 2015", "Jan 2019"]
        await pilot.press("backspace")  # a half-typed year changes nothing
        assert app.screen.filters.year_to == 2019


@pilot_test
async def test_search_filters_the_panes_and_lists_hits(app, opened):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "watershed")
        screen = app.screen
        await settle(pilot, lambda: not screen.searching, "the search")
        assert screen.filters.text == "watershed"
        assert labels(app) == ["Feb 2023"]
        assert [d["id"] for d in screen.query_one(DocumentList).rows] == ["h2023news"]
        results = screen.query_one(SearchResults)
        assert [h.doc_id for h in results.rows] == ["h2023news"]
        await pilot.press("enter")
        assert app.focused is results
        await pilot.press("enter")
        doc_id, span, _ = opened[-1]
        assert app.corpus.text_of(doc_id)[span[0]:span[1]].lower() == "watershed"


@pilot_test
async def test_escape_leaves_the_search_box_for_the_list(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "good")
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(TimelineList)
        assert app.screen.filters.text == "good"


@pilot_test
async def test_a_search_that_matches_nothing_empties_the_panes(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zzyzx")
        await settle(pilot, lambda: not app.screen.searching, "the search")
        assert labels(app) == []
        assert app.screen.query_one(DocumentList).rows == []
        assert str(app.screen.query_one(EventDetail).border_title) == "Event"


@pilot_test
async def test_documents_list_opens_a_document(app, opened):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        documents = app.screen.query_one(DocumentList)
        # Dated documents oldest first, undated last.
        assert documents.rows[0]["id"] == "h2008apa" and documents.rows[-1]["id"] == "undated"
        await pilot.press("down", "enter")
        assert opened[-1] == ("h2009news", None, None)


@pilot_test
async def test_cursor_stays_on_its_event_when_the_filters_change(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        await pilot.press("end")
        assert timeline.current["label"] == "Feb 2023"
        app.screen.filters = Filters().toggled("authorities", "Haringey")
        await pilot.pause()
        assert timeline.current["label"] == "Feb 2023"


@pilot_test
async def test_clicking_a_row_moves_the_cursor_and_a_second_click_opens_it(app, opened):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        await pilot.click(timeline, offset=(3, 3))  # the header, then rows 0, 1, 2
        assert timeline.cursor == 2
        assert not opened
        await pilot.click(timeline, offset=(3, 3))
        assert opened and opened[-1][0] == "h2011letter"


@pilot_test
async def test_palette_filters_by_authority_and_jumps_to_a_year(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        app.main_screen.post_message(FiltersRequested(Filters().only("authorities", "Camden")))
        await pilot.pause()
        assert labels(app) == ["Jan 2015", "Jan 2019"]
        app.main_screen.post_message(FiltersRequested(Filters()))
        app.main_screen.post_message(YearRequested(2014))
        await pilot.pause()
        assert app.screen.query_one(TimelineList).current["label"] == "Feb 2014"


@pilot_test
async def test_an_empty_store_says_how_to_fill_it(tmp_path):
    app = make_app(tmp_path / "empty.json")
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        assert timeline.rows == []
        line = timeline.render_line(1).text
        assert "press i to import files" in line


@pilot_test
async def test_keys_typed_in_one_burst_after_slash_reach_the_search_box(app, opened):
    from textual import events

    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        # A terminal delivers fast typing as one read; nothing waits between the keys.
        for key, char in (("slash", "/"), ("g", "g"), ("o", "o"), ("o", "o"), ("d", "d"), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        await settle(pilot, lambda: not app.screen.searching and app.screen.filters.text == "good", "the search")
        assert app.screen.query_one("#query").value == "good"
        assert app.focused is app.screen.query_one(SearchResults)
        assert not opened


@pilot_test
async def test_slash_and_digits_are_typed_while_an_input_has_the_focus(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "a/2")
        assert app.screen.query_one("#query").value == "a/2"
        assert app.screen.query_one("#tabs").active == "tab-timeline"
