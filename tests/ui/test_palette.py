"""The command palette's explorer commands."""

from __future__ import annotations

from textual.command import CommandPalette

from ofsted_tui.commands import ExplorerCommands
from ofsted_tui.screens.dialogs import ImportDialog
from ofsted_tui.widgets.timeline import TimelineList
from tests.ui.pilot import loaded, pilot_test, settle, type_text


async def hits(app, query):
    provider = ExplorerCommands(app.screen)
    return [hit async for hit in provider.search(query)]


@pilot_test
async def test_discovery_offers_the_main_commands(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        provider = ExplorerCommands(app.screen)
        texts = [hit.text async for hit in provider.discover()]
        assert texts == ["Import files or a folder…", "Export the timeline shown…", "Clear all filters",
                         "Undo the last note, bookmark or correction"]


@pilot_test
async def test_commands_jump_filter_and_open(app, opened):
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        (jump,) = [h for h in await hits(app, "jump to 2014") if h.text == "Jump to 2014"]
        jump.command()
        await pilot.pause()
        assert app.screen.query_one(TimelineList).current["label"] == "Feb 2014"
        best = max(await hits(app, "authority camden"), key=lambda h: h.score)
        assert best.text == "Filter by authority: Camden"
        best.command()
        await pilot.pause()
        assert app.screen.filters.authorities == {"Camden"}
        best = max(await hits(app, "rating outstanding"), key=lambda h: h.score)
        best.command()
        await pilot.pause()
        assert app.screen.filters.grades == {"1"} and not app.screen.filters.authorities
        opening = [h for h in await hits(app, "open haringey annual performance") if h.text.startswith("Open: ")]
        opening[0].command()  # posts OpenDocument, which the app handles
        await pilot.pause()
        assert opened[-1][0] == "h2008apa"


@pilot_test
async def test_palette_runs_a_command_from_the_keyboard(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "import files")
        await settle(pilot, lambda: app.screen.query("CommandList").first().option_count > 0, "palette hits")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ImportDialog), "the import dialog")
