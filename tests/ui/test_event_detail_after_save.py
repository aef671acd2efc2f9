"""The event shown after a save: its summary is redone only where the event changed.

A bookmark or note leaves every event as it was, so the highlighted event's summary stays as drawn
(updating it laid the whole screen out again at every save); a correction that rebuilds the event
shows the rebuilt one.
"""

from __future__ import annotations

from ofsted_core.annotations import Change, correction_change, make_annotation
from ofsted_tui.widgets.timeline import EventDetail, TimelineList
from tests.ui.pilot import loaded, pilot_test, settle

WIDE = (160, 48)


def _summary(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#event-summary").render())


@pilot_test
async def test_a_bookmark_keeps_the_summary_a_correction_redoes_it(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        event = app.screen.query_one(TimelineList).current
        assert "Requires improvement to be good" in _summary(app)
        summary = app.screen.query_one("#event-summary")
        updates: list[object] = []
        real_update = summary.update
        summary.update = lambda *args, **kwargs: (updates.append(args), real_update(*args, **kwargs))[1]
        report = app.corpus.documents["h2023report"]

        before = app.corpus
        app.write_annotations(Change(add=(make_annotation("bookmark", report),), done="Bookmarked"))
        await settle(pilot, lambda: app.corpus is not before, "the bookmark adopted")
        await pilot.pause()
        detail = app.screen.query_one(EventDetail)
        assert app.screen.query_one(TimelineList).current is event  # the very row: nothing rebuilt
        assert updates == [] and "Requires improvement to be good" in _summary(app)
        drawn = _summary(app)
        assert str(detail.border_title) == "Feb 2023 · Haringey"

        # A correction of the report's overall judgement rebuilds Haringey's events: the new row is shown.
        whole, facts = app.corpus.listed("h2023report")
        judgement = next(f for f in facts if f["type"] == "judgement" and f["id"] in event["fact_ids"]
                         and (f.get("area") or "overall") == "overall")
        before = app.corpus
        app.write_annotations(correction_change(whole, app.corpus.annotations_of("h2023report"), "rating",
                                                "outstanding", fact=judgement, facts=facts))
        await settle(pilot, lambda: app.corpus is not before, "the correction adopted")
        await pilot.pause()
        shown = app.screen.query_one(TimelineList).current
        assert shown is not event and shown["authority"] == "Haringey"
        # The report now says outstanding where the news stories say requires improvement.
        assert updates and _summary(app) != drawn and "Sources disagree on overall" in _summary(app)
