"""The main screen's one-widget header shows what Textual's four-widget header shows, and answers
clicks as it does: the icon opens the command palette, elsewhere the header grows taller."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Header

from ofsted_tui.widgets.header import CLOCK_CELLS, ICON_CELLS, TitleHeader
from tests.ui.pilot import loaded, pilot_test, settle


def _line(header: TitleHeader) -> str:
    return "".join(segment.text for segment in header.render_line(0))


@pilot_test
async def test_the_header_centres_the_title_between_the_icon_and_the_clock_space(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        header = app.screen.query_one(TitleHeader)
        assert isinstance(header, Header) and not header.children  # drawn by itself, no child widgets
        line = _line(header)
        assert len(line) == 80 and line.startswith(" ◆" + " " * (ICON_CELLS - 2))
        title = app.format_title(app.screen.title or app.title, app.screen.sub_title).plain
        middle = line[ICON_CELLS:80 - CLOCK_CELLS]
        assert middle.strip() == title and line.endswith(" " * CLOCK_CELLS)
        left, right = len(middle) - len(middle.lstrip()), len(middle) - len(middle.rstrip())
        assert abs(left - right) <= 1  # centred

        # A title set later is shown, and one longer than the room is cut with an ellipsis.
        app.title = "a title far longer than the room between the icon and the clock's space " * 2
        await settle(pilot, lambda: "a title far longer" in _line(header), "the new title")
        middle = _line(header)[ICON_CELLS:80 - CLOCK_CELLS]
        assert middle.endswith("…") and middle.startswith("a title far longer")


@pilot_test
async def test_a_click_on_the_icon_opens_the_palette_and_elsewhere_makes_the_header_tall(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        header = app.screen.query_one(TitleHeader)
        await pilot.click(TitleHeader, offset=(40, 0))
        await pilot.pause()
        assert header.has_class("-tall") and not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleHeader, offset=(1, 0))
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
