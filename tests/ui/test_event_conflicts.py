"""An event whose sources disagree on a grade says so, in the list and in its detail."""

from __future__ import annotations

from ofsted_tui.app import make_app
from ofsted_tui.widgets.timeline import EventDetail, SourceList, TimelineList
from tests.ui.pilot import loaded, pilot_test
from tests.ui.sample import disputed_data, write_store

WIDE = (160, 48)
NARROW = (80, 24)


@pilot_test
async def test_the_event_detail_shows_the_weightiest_grade_and_the_one_that_disagrees(tmp_path):
    app = make_app(write_store(tmp_path / "db.json", disputed_data()).path)
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        event = timeline.current
        assert event["label"] == "Feb 2023" and event["rating"] == "good"
        assert [(c["area"], c["rating"], c["doc_ids"]) for c in event["conflicts"]] == [
            ("overall", "inadequate", ["h2023wrong"])]
        assert "\u2260" in timeline.render_row(event, 0, 150)[0].plain
        assert "\u2260" not in timeline.render_row(timeline.rows[0], 0, 150)[0].plain
        summary = str(app.screen.query_one("#event-summary").render())
        assert "\u2260 Sources disagree on overall\n" in summary
        lines = summary.splitlines()
        overall = next(i for i, line in enumerate(lines) if line.startswith("overall"))
        assert "Good" in lines[overall] and "3 docs \u00b7 report" in lines[overall]
        assert "\u2260" in lines[overall + 1] and "Inadequate" in lines[overall + 1] and "news" in lines[overall + 1]
        assert len(app.screen.query_one(EventDetail).query_one("#event-sources").rows) == 4


@pilot_test
async def test_an_event_whose_sources_agree_has_no_conflict_line(tmp_path):
    app = make_app(write_store(tmp_path / "db.json", disputed_data()).path)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        await pilot.press("end", "up")
        await pilot.pause()
        summary = str(app.screen.query_one("#event-summary").render())
        assert app.screen.query_one(TimelineList).current["conflicts"] == []
        assert "disagree" not in summary and "\u2260" not in summary


@pilot_test
async def test_a_source_from_a_pdf_says_the_page_of_its_supporting_passage(tmp_path):
    data = disputed_data()
    for fact in data.facts:
        if fact["doc_id"] == "h2023report":
            fact["page"] = 3
    app = make_app(write_store(tmp_path / "db.json", data).path)
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        await pilot.pause()
        sources = app.screen.query_one(SourceList)
        rows = {row["doc"]["id"]: row for row in sources.rows}
        assert rows["h2023report"]["page"] == 3 and rows["h2023wrong"]["page"] is None
        assert "p. 3" in sources.render_row(rows["h2023report"], 0, 100)[0].plain
        assert "p. " not in sources.render_row(rows["h2023wrong"], 1, 100)[0].plain
