"""A list given new rows repaints only where what it draws changed; what it shows is always the new rows."""

from __future__ import annotations

from pathlib import Path

from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import explorer, pilot_test, shown
from tests.ui.sample import large_data

SIZE = (160, 40)


@pilot_test
async def test_the_same_screenful_is_not_repainted_and_other_rows_are(tmp_path: Path) -> None:
    async with explorer(tmp_path / "db.json", large_data(120), SIZE) as (app, pilot):
        timeline = app.main_screen.query_one(TimelineList)
        rows = list(timeline.rows)
        on_screen = timeline.scrollable_content_region.height
        assert len(rows) > 2 * on_screen
        drawn = shown(timeline)
        repaints: list[int] = []
        refresh = timeline.refresh
        timeline.refresh = lambda *a, **k: (repaints.append(1), refresh(*a, **k))[1]

        # The same screenful, fewer rows after it (a search's first letters): only the scroll bar changes.
        kept = rows[: on_screen + 5]
        timeline.set_rows(kept, cursor=timeline.cursor)
        await pilot.pause()
        assert timeline.rows is kept and timeline.virtual_size.height == len(kept) + timeline.header_lines
        assert not repaints and shown(timeline) == drawn

        # A row on screen gone: repainted, and the list shows the rows it was given.
        fewer = kept[:3] + kept[4:]
        timeline.set_rows(fewer, cursor=timeline.cursor)
        await pilot.pause()
        assert repaints and shown(timeline) != drawn
        timeline.refresh = refresh
        lines = shown(timeline).splitlines()[1:6]
        assert all(line.strip().startswith(timeline.column_values(row)[0]) for line, row in zip(lines, fewer[:5]))
        assert lines[3] != drawn.splitlines()[4]  # the fourth row is the fifth one given before
