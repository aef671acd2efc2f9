"""What a new user meets at 80x24: the footer's keys whole, a month without its year in the date column."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from ofsted_tui.app import make_app
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, shown
from ofsted_core.annotations import rebuild_events
from tests.ui.sample import build, sample_data

NARROW, WIDE = (80, 24), (160, 48)


def _keys(app) -> list[tuple[FooterKey, int, int]]:
    return [(k, k.region.x, k.region.right) for k in app.screen.query(FooterKey) if k.display]


@pilot_test
async def test_at_80_columns_the_footer_shows_whole_keys_the_most_used_first(tmp_path: Path) -> None:
    app = make_app(build(tmp_path / "db.json").path)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        keys = _keys(app)
        assert keys and all(right <= NARROW[0] for _, _, right in keys)
        words = {k.description for k, _, _ in keys}
        assert {"Help", "Quit", "Open", "Timeline", "Search", "Filters"} <= words
        await pilot.resize_terminal(*WIDE)
        await pilot.pause(0.1)
        # Room for every key at its usual spacing, and the command palette's key again.
        wide = _keys(app)
        assert {"Bookmark", "Note", "Export"} <= {k.description for k, _, _ in wide}
        assert not app.screen.query_one("KeysFooter").compact
        assert any("-command-palette" in k.classes for k, _, _ in wide)


@pilot_test
async def test_a_month_without_its_year_leaves_the_type_column_its_width(tmp_path: Path) -> None:
    data = sample_data()
    report = next(f for f in data.facts if f["type"] == "inspection")
    data.facts.append({**report, "id": "yearless-0000", "year": None, "month": 8, "precision": "month"})
    data.events = rebuild_events(data)
    app = make_app(build(tmp_path / "db.json", data).path)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        timeline.focus()
        await pilot.press("end")
        await pilot.pause()
        lines = shown(timeline).splitlines()
        (row,) = [line for line in lines if "Aug" in line and "year" in line]
        assert "Aug, no year" in row and report["inspection_type"] in row


@pilot_test
async def test_at_80_columns_a_rating_column_says_whole_why_an_event_has_no_grade(tmp_path: Path) -> None:
    """"No overall grade", "Grade not in dataset": the words that say a grade is missing are never cut."""
    from ofsted_core.labels import rating_text

    data = sample_data()
    data.events = rebuild_events(data)
    graded = [e for e in data.events if e.get("grade")]
    for event, flag in zip(graded[:2], ("judgements", "overall_not_in_dataset")):
        event.update(grade=None, rating=None, rating_text=None, era=event.get("era"))
        if flag == "judgements":
            event["judgements"] = {"help and protection": {"rating": "good", "grade": 2}}
        else:
            event.update(judgements={}, overall_not_in_dataset=True)
    app = make_app(build(tmp_path / "db.json", data).path)
    async with app.run_test(size=NARROW) as pilot:
        await loaded(pilot)
        await pilot.press("f")  # the filters open beside the timeline, which narrows
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        assert timeline.size.width < 60
        labels = {rating_text(e) for e in graded[:2]}
        assert labels == {"No overall grade", "Grade not in dataset"}
        drawn = shown(timeline)
        for label in labels:
            assert label in drawn
