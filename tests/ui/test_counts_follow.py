"""A search or filter key redraws the rows at once; the counts, tabs and title follow, for the last words only."""

from __future__ import annotations

from collections import Counter

from textual.widgets import Input, TabbedContent

from ofsted_core.filters import Filters
from ofsted_tui.widgets.sidebar import FacetList
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle

SIZE = (160, 48)


def _expected_events(app, query: str) -> list[dict]:
    """The store's events supported by a document its index ranks for ``query``."""
    docs = {doc_id for doc_id, _ in app.corpus.search_index.ranked(query)}
    return [e for e in app.corpus.events if docs & set(e["doc_ids"])]


def _status(screen) -> str:
    return screen.query_one("#filters-status").render().plain


def _tab(screen, tab: str) -> str:
    return str(screen.query_one(TabbedContent).get_tab(tab).label).rstrip()


async def _counted(pilot):
    """The main screen once the store is loaded and its first counts are drawn."""
    await loaded(pilot)
    screen = pilot.app.screen
    await settle(pilot, lambda: not screen.catching_up, "the first counts")
    return screen


@pilot_test
async def test_after_fast_typing_the_rows_and_counts_are_those_of_the_last_words(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        box = screen.query_one("#query", Input)
        query = "good haringey"
        # Typed faster than the view is redone: every value is set before any is handled.
        for end in range(1, len(query) + 1):
            box.value = query[:end]
        await settle(pilot, lambda: screen.filters.text == query and not screen.catching_up, "the counts")
        events = _expected_events(app, query)
        assert events and len(events) < len(app.corpus.events)
        assert {e["id"] for e in screen.query_one(TimelineList).rows} == {e["id"] for e in events}
        # The counts against the store: events shown, the tab, the title, and each authority's count.
        assert _status(screen).startswith(f"{len(events)} events shown")
        assert _tab(screen, "tab-timeline") == f"Timeline {len(events)}"
        assert screen.sub_title.startswith(f"{len(events)} of ")
        by_authority = Counter(e["authority"] for e in events)
        shown = {row.value: row.events for row in screen.query_one("#facet-authorities", FacetList).rows}
        assert shown == {authority: by_authority.get(authority, 0) for authority in shown}
        assert set(by_authority) <= set(shown)


@pilot_test
async def test_the_counts_follow_the_rows_once_for_keys_typed_together(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await _counted(pilot)
        everything = len(app.corpus.events)
        assert _status(screen).startswith(f"{everything} events shown")
        caught_up = []
        catch_up = screen._catch_up
        screen._catch_up = lambda: (caught_up.append(screen.filters), catch_up())

        first, second = [row.value for row in screen.query_one("#facet-authorities", FacetList).rows][:2]
        filters = Filters()
        for authority in (first, second, first):  # three keys in a row, none handled in between: second alone
            filters = filters.toggled("authorities", authority)
            screen.filters = filters
        # The rows are the new ones at once; the counts are still those drawn before.
        chosen = [e for e in app.corpus.events if e["authority"] == second]
        assert len(screen.query_one(TimelineList).rows) == len(chosen) < everything
        assert screen.catching_up and _status(screen).startswith(f"{everything} events shown")

        await settle(pilot, lambda: not screen.catching_up, "the counts")
        assert caught_up == [filters]  # once, for the last filters
        assert _status(screen).startswith(f"{len(chosen)} events shown")
        assert _tab(screen, "tab-timeline") == f"Timeline {len(chosen)}"
        facet = {row.value: row for row in screen.query_one("#facet-authorities", FacetList).rows}
        assert facet[second].selected and not facet[first].selected
        assert facet[second].events == len(chosen)


async def _good_on_the_search_tab(pilot, app, *, key: bool):
    """The Search tab shown, then the view redone for the words "good": by a key (the filters set), or as
    for a store written by a save (``refresh_view`` alone, as the corpus's watcher calls it)."""
    screen = await _counted(pilot)
    screen.action_show_tab("search")
    await pilot.pause()
    if key:
        screen.filters = screen.filters.with_text("good")
    else:
        screen.set_reactive(type(screen).filters, screen.filters.with_text("good"))
        screen.refresh_view()
    return screen


@pilot_test
async def test_a_key_that_leaves_the_list_in_view_as_drawn_shows_its_counts_at_once(app):
    # On the Search tab no list takes its rows from the view (the hits come with the counts): nothing is
    # drawn before the counts, so waiting two frames for them would only delay what the key shows.
    async with app.run_test(size=SIZE) as pilot:
        screen = await _good_on_the_search_tab(pilot, app, key=True)
        events = _expected_events(app, "good")
        assert events and len(events) < len(app.corpus.events)
        assert not screen.catching_up
        assert _tab(screen, "tab-timeline") == f"Timeline {len(events)}"

        # On the timeline, whose rows change with the words, the counts still follow the rows' frame.
        screen.action_show_tab("timeline")
        await settle(pilot, lambda: not screen.catching_up and not screen.searching, "the counts")
        screen.filters = screen.filters.with_text("")
        assert screen.catching_up and _tab(screen, "tab-timeline") == f"Timeline {len(events)}"
        await settle(pilot, lambda: not screen.catching_up, "the counts")
        assert _tab(screen, "tab-timeline") == f"Timeline {len(app.corpus.events)}"


@pilot_test
async def test_a_store_written_by_a_save_has_its_counts_follow_its_frame(app):
    # Drawn in the save's own frame, the counts lengthened it: they come in the frame after.
    async with app.run_test(size=SIZE) as pilot:
        screen = await _good_on_the_search_tab(pilot, app, key=False)
        assert screen.catching_up and _tab(screen, "tab-timeline") == f"Timeline {len(app.corpus.events)}"
        await settle(pilot, lambda: not screen.catching_up, "the counts")
        assert _tab(screen, "tab-timeline") == f"Timeline {len(_expected_events(app, 'good'))}"
