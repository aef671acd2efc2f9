"""Panes updated in place as the filters change: scroll range, tab counts and the title follow."""

from __future__ import annotations

from textual.widgets import TabbedContent

from ofsted_core.filters import Filters
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle

NARROW = (80, 24)


@pilot_test
async def test_filtering_resizes_the_lists_and_relabels_the_tabs(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        screen = app.screen
        timeline = screen.query_one(TimelineList)
        documents = screen.query_one(DocumentList)
        tabs = screen.query_one(TabbedContent)
        everything = len(timeline.rows)
        authority = timeline.rows[0]["authority"]
        widths = [len(str(tab.label)) for tab in tabs.query("ContentTab")]

        screen.filters = Filters().toggled("authorities", authority)
        # The rows at once; the tabs and the title follow them (MainScreen._follow_rows).
        await settle(pilot, lambda: not screen.catching_up, "the counts")
        shown = len(screen.result.events)
        assert len(timeline.rows) == shown
        assert timeline.virtual_size.height == shown + 1  # rows and the header line
        assert str(tabs.get_tab("tab-timeline").label).rstrip() == f"Timeline {shown}"
        assert str(tabs.get_tab("tab-documents").label).rstrip() == f"Documents {len(documents.rows)}"
        # The counts are padded: the tabs keep their widths (and the screen its layout).
        assert [len(str(tab.label)) for tab in tabs.query("ContentTab")] == widths
        assert f"{shown} of" in screen.sub_title

        timeline.action_last()
        await pilot.pause()
        assert timeline.current is timeline.rows[-1]
        assert timeline.scroll_offset.y <= timeline.max_scroll_y

        screen.filters = Filters()
        await settle(pilot, lambda: not screen.catching_up, "the counts")
        assert len(timeline.rows) == everything
        assert timeline.virtual_size.height == everything + 1
        assert str(tabs.get_tab("tab-timeline").label) == f"Timeline {everything}"


@pilot_test
async def test_a_new_search_filters_the_documents_at_once(app):
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        screen = app.screen
        screen.filters = Filters().with_text("good")
        # The panes follow the words as they are set, before any ranking lands.
        matched = {d for d, _ in app.corpus.search_index.ranked("good")}
        assert matched and {d["id"] for d in screen.result.documents} == matched
        await settle(pilot, lambda: not screen.searching and screen._answer, "the search")
        assert {h.doc_id for h in screen._hits} <= matched
        screen.filters = Filters().with_text("goodzzz")
        assert screen.result.documents == []
