"""The event's detail shows another event without a layout of the screen where its summary keeps its height."""

from __future__ import annotations

from textual.widgets import Static

from ofsted_tui.widgets.timeline import EventDetail, TimelineList
from tests.ui.pilot import loaded, pilot_test

SIZE = (160, 48)


@pilot_test
async def test_each_event_summary_is_as_tall_as_a_full_layout_makes_it(app, monkeypatch):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        detail = screen.query_one(EventDetail)
        summary = detail.query_one("#event-summary", Static)
        layouts: list[bool] = []
        refresh = type(summary).refresh

        def counted(self, *regions, **how):
            if self is summary:
                layouts.append(bool(how.get("layout")))
            return refresh(self, *regions, **how)

        monkeypatch.setattr(type(summary), "refresh", counted)
        heights, kept = [], 0
        for event in [row for row in screen.query_one(TimelineList).rows if not row.get("heading")][:25]:
            before = summary.size.height
            layouts.clear()
            detail.show(event, app.corpus)
            await pilot.pause()
            height = summary.size.height
            kept += height == before and not any(layouts)
            # A layout forced now leaves it as it is: the height shown is the one its text needs.
            summary.refresh(layout=True)
            await pilot.pause()
            assert summary.size.height == height, event.get("id")
            heights.append(height)
        # Both cases were met: summaries of other heights (laid out) and of the same (repainted in place).
        assert len(set(heights)) > 1 and kept > 0
