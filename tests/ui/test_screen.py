"""The main screen as people expect it: columns that fit, sorting, 80x24, counts, casing, what to do next."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from ofsted_tui.app import make_app
from ofsted_core.filters import Filters
from ofsted_tui.screens.main import MainScreen
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.rows import fit_widths
from ofsted_tui.widgets.search_results import SearchResults
from ofsted_tui.widgets.sidebar import FacetList, FilterSidebar
from ofsted_tui.widgets.timeline import TimelineList
from ofsted_tui.widgets.trajectory import Trajectory
from tests.ui.pilot import loaded, pilot_test, settle, shown, type_text

SIZES = ((80, 24), (120, 40), (160, 48), (220, 60))
HEADINGS = ("Date", "Authority", "Type", "Rating", "Sources")


def test_columns_keep_their_natural_width_and_the_widest_gives_way_first():
    # Room for all: nothing is cut.
    assert fit_widths([8, 12, 10], [[4, 4, 4]], 1 + 9 + 13 + 11) == [8, 12, 10]
    # Three cells short: the column with the most to spare above its floor pays.
    assert fit_widths([8, 20, 10], [[8, 9, 6]], 1 + 9 + 21 + 11 - 3) == [8, 17, 10]
    # Below the first floors, the second tier; below every floor, a column is dropped.
    assert fit_widths([8, 20, 10], [[8, 15, 8], [8, 9, 4]], 1 + 9 + 16 + 9 - 4) == [8, 12, 7]
    assert fit_widths([8, 20, 10], [[8, 9, 4]], 20, drop=(2,)) == [8, 9, 0]
    # The room a dropped column leaves goes back to the column cut for it.
    assert fit_widths([8, 20, 10], [[8, 9, 9]], 25, drop=(2,)) == [8, 14, 0]
    # A column dropped early goes before any is cut below its first floor.
    assert fit_widths([8, 20, 10], [[8, 15, 8], [8, 9, 4]], 1 + 9 + 16 + 9 - 4, drop_early=(2,)) == [8, 15, 0]


@pilot_test
async def test_every_timeline_heading_shows_whole_at_every_size(app):
    async with app.run_test(size=SIZES[0]) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            header = shown(timeline).splitlines()[0]
            assert [h for h in HEADINGS if h not in header] == [], (size, header)
            body = shown(timeline)
            # At 120 columns and more every type and rating of the sample is whole.
            if size[0] >= 120:
                assert "\u2026" not in body, (size, body)


@pilot_test
async def test_the_timeline_sorts_by_a_key_and_by_a_click_on_a_heading(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        await pilot.press("end")
        chosen = timeline.current
        rating = next(start for column, start, _ in timeline.column_spans(timeline.scrollable_content_region.width)
                      if column == 3)
        await pilot.click(timeline, offset=(rating + 1, 0))
        grades = [e.get("grade") for e in timeline.rows]
        assert grades == sorted(grades, key=lambda g: (g is None, g or 0))
        assert "Rating \u25b2" in shown(timeline).splitlines()[0]
        assert timeline.current is chosen  # the cursor keeps its event
        await pilot.click(timeline, offset=(rating + 1, 0))  # again: the other way round
        assert [e.get("grade") for e in timeline.rows][0] is None and "Rating \u25bc" in shown(timeline)
        # The key: the next column (Sources), then the natural date order again.
        await pilot.press("s")
        assert timeline.sort_column == 4
        await pilot.press("s")
        assert timeline.sort_column is None
        assert [e["label"] for e in timeline.rows][:2] == ["Dec 2008", "Dec 2009"]
        app.main_screen.jump_to_year(2019)  # jumps to the event of that year wherever the sort puts it
        await pilot.pause()
        assert timeline.current["label"] == "Jan 2019"


@pilot_test
async def test_the_documents_sort_by_title_and_a_filter_keeps_the_order(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        documents = app.screen.query_one(DocumentList)
        title = next(start for column, start, _ in documents.column_spans(documents.scrollable_content_region.width)
                     if column == 3)
        await pilot.click(documents, offset=(title + 1, 0))
        titles = [d["title"].lower() for d in documents.rows]
        assert titles == sorted(titles)
        app.main_screen.set_filters(Filters().only("authorities", "Camden"))
        await pilot.pause()
        titles = [d["title"].lower() for d in documents.rows]
        assert len(titles) == 3 and titles == sorted(titles)


@pilot_test
async def test_at_80x24_the_chart_keeps_its_four_named_rows(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        chart = app.screen.query_one(Trajectory).render().plain.splitlines()
        assert [line.split("\u2588")[0].split("\u2501")[0].strip() for line in chart[:4]] == [
            "Outstanding", "Good", "RI / adequate", "Inadequate"]
        # Without colour the level still reads: Haringey's 2023 "good" is on the Good row.
        assert "\u2588" in chart[1] and "Haringey" in chart[4] and "2023" in chart[4]


@pilot_test
async def test_the_footer_leads_with_help_and_quit(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        keys = [key.key for key in app.screen.query(FooterKey)]
        assert keys[:2] == ["question_mark", "q"]


@pilot_test
async def test_a_sidebar_opened_wide_never_covers_the_date_and_authority_at_80(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        sidebar = app.screen.query_one(FilterSidebar)
        assert sidebar.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        assert sidebar.display and timeline.region.x >= sidebar.region.right
        header = shown(timeline).splitlines()[0]
        assert header.split()[:2] == ["Date", "Authority"]


@pilot_test
async def test_the_sidebar_says_what_its_numbers_count_and_hides_zeros(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        assert str(app.screen.query_one("#title-kinds").render()) == "Document kind \u00b7 events"
        await pilot.press("2")
        assert str(app.screen.query_one("#title-kinds").render()) == "Document kind \u00b7 documents"
        app.main_screen.set_filters(Filters().only("authorities", "Camden"))
        await pilot.pause()
        grades = app.screen.query_one("#facet-grades", FacetList)
        lines = {line.strip().split("  ")[0]: line for line in shown(grades).splitlines()}
        inadequate = next(line for line in shown(grades).splitlines() if "Inadequate" in line)
        assert not inadequate.rstrip().endswith("0"), lines  # a zero shows no number


@pilot_test
async def test_grades_have_one_casing_and_kinds_are_words(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        body = shown(app.screen.query_one(TimelineList))
        # The 2009 story wrote "performing poorly", the 2008 letter "inadequate": both start with a capital.
        assert "Performing poorly" in body and "Inadequate" in body and " inadequate " not in body
        from ofsted_tui.commands import ExplorerCommands

        texts = [(text, help_text) for text, _, help_text in ExplorerCommands(app.screen)._commands()]
        assert ("Filter by rating: Inadequate", "") in texts
        opened = [help_text for text, help_text in texts if text.startswith("Open: ")]
        assert opened and not any("ofsted_" in h for h in opened)
        assert any("Ofsted letter" in h for h in opened)


@pilot_test
async def test_an_empty_filter_and_a_search_without_a_match_say_what_to_do(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        app.screen.filters = Filters().with_years(2030, None)
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        assert timeline.rows == []
        assert "No inspection event passes the filters: press x to clear them" in shown(timeline)
        await pilot.press("x", "slash")
        await type_text(pilot, "zzyzx")
        await settle(pilot, lambda: not app.screen.searching and app.screen._answer, "the search")
        assert "No document matches \u201czzyzx\u201d" in str(app.screen.query_one("#search-status").render())
        assert "No document matches \u201czzyzx\u201d" in shown(timeline)
        results = app.screen.query_one(SearchResults)
        assert results.empty_text.startswith("No document matches \u201czzyzx\u201d")


@pilot_test
async def test_an_empty_store_says_press_i_to_import(tmp_path):
    app = make_app(tmp_path / "empty.json")
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        assert "press i to import files" in shown(app.screen.query_one(TimelineList))


@pilot_test
async def test_a_phrase_search_opens_and_marks_the_phrase_not_its_words_alone(app, opened):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, '"performs poorly"')
        await settle(pilot, lambda: not app.screen.searching and app.screen._answer, "the search")
        results = app.screen.query_one(SearchResults)
        [hit] = results.rows
        # "performing poorly" comes first in the story; the phrase is what is marked and opened.
        assert [hit.snippet[s:e] for s, e in hit.matches] == ["performs poorly"]
        await pilot.press("enter", "enter")
        doc_id, span, _ = opened[-1]
        assert app.corpus.text_of(doc_id)[span[0]:span[1]] == "performs poorly"
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_a_phrase_search_is_named_in_its_own_quotation_marks_only(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, '"zzyzx qwv"')
        await settle(pilot, lambda: not app.screen.searching and app.screen._answer, "the search")
        status = str(app.screen.query_one("#search-status").render())
        assert 'No document matches "zzyzx qwv"' in status
        assert "\u201c\"" not in status and "\"\u201d" not in status
