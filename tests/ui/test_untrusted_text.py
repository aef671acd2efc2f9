"""Document text, titles and names that look like markup or escape sequences show as typed."""

from __future__ import annotations

import asyncio

from textual.strip import Strip

from ofsted_tui.commands import ExplorerCommands
from ofsted_tui.widgets.documents import DocumentList
from ofsted_tui.widgets.rows import RowList
from ofsted_tui.widgets.sidebar import FacetList
from ofsted_tui.widgets.timeline import EventDetail, SourceList, TimelineList
from tests.ui.pilot import loaded, pilot_test, settle, type_text
from tests.ui.sample import HOSTILE_TITLE

WIDE = (200, 48)


def lines(rows: RowList) -> list[str]:
    """What the list draws, line by line (the whole list, not only the visible part)."""
    width = rows.scrollable_content_region.width
    out = []
    for index, row in enumerate(rows.rows):
        out.extend(t.plain for t in rows.render_row(row, index, width))
    return out


def drawn(rows: RowList) -> list[Strip]:
    return [rows.render_line(y) for y in range(rows.scrollable_content_region.height)]


@pilot_test
async def test_markup_in_titles_and_names_is_shown_literally(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        documents = app.screen.query_one(DocumentList)
        hostile = next(i for i, d in enumerate(documents.rows) if d["id"] == "hostile")
        documents.cursor = hostile
        await pilot.pause()
        shown = "".join(strip.text for strip in drawn(documents))
        assert "[b]Bold[/b] claims [@click=app.quit]quit[/]" in shown
        # The escape character is drawn as a visible symbol, never sent to the terminal.
        assert "\x1b" not in shown and "␛[31mred" in shown
        publishers = [r.label for r in app.screen.query_one("#facet-publishers", FacetList).rows]
        assert "[i]Feed[/i]" in publishers
        speakers = app.screen.query_one("#facet-speakers", FacetList)
        assert any("Councillor [bold red]X[/]" in line for line in lines(speakers))
        assert app.is_running  # [@click=app.quit] did nothing


@pilot_test
async def test_event_sources_show_hostile_titles_and_passages_as_text(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one(TimelineList)
        timeline.cursor = next(i for i, e in enumerate(timeline.rows) if "hostile" in e["doc_ids"])
        await pilot.pause()
        sources = app.screen.query_one(SourceList)
        text = "\n".join(lines(sources))
        assert "[b]Bold[/b] claims" in text
        assert "\x1b" not in "".join(s.text for s in drawn(sources))
        assert "[" not in str(app.screen.query_one(EventDetail).border_title).replace("Jan 2015 · Camden", "")


@pilot_test
async def test_search_snippets_of_markup_are_literal(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "stray tags")
        await settle(pilot, lambda: not app.screen.searching, "the search")
        await pilot.press("enter")
        results = app.screen.query_one("#results", RowList)
        text = "\n".join(strip.text for strip in drawn(results))
        assert "[/x] stray tags" in text
        assert HOSTILE_TITLE.replace("\x1b", "␛") in text
        assert "\x1b" not in text


@pilot_test
async def test_palette_hits_are_plain_text(app):
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        provider = ExplorerCommands(app.screen)
        hits = [hit async for hit in provider.search("bold claims")]
        titles = [str(hit.text) for hit in hits]
        assert any(HOSTILE_TITLE in t for t in titles)
        hostile = next(h for h in hits if HOSTILE_TITLE in str(h.text))
        # The prompt is Content made from the plain title: its text is the title, unparsed.
        assert HOSTILE_TITLE in hostile.prompt.plain
        await asyncio.sleep(0)
