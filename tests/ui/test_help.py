"""Help: headings people understand, keys under the screen where they apply, the README's table."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import ofsted_tui
from ofsted_tui.screens.help import README_END, README_START, HelpScreen, binding_groups, key_table_markdown
from ofsted_tui.screens.reader import ReaderScreen
from tests.ui.pilot import loaded, pilot_test, settle, shown

README = Path(__file__).resolve().parents[2] / "README.md"
SIZE = (120, 40)


def _classes_with_keys() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(ofsted_tui.__path__, "ofsted_tui."):
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and value.__module__ == module.name and "BINDINGS" in value.__dict__:
                found.append(value)
    return found


def test_every_class_with_keys_has_a_heading_people_understand():
    classes = _classes_with_keys()
    assert len(classes) > 10
    for cls in classes:
        heading = cls.__dict__.get("HELP")
        assert heading, f"{cls.__name__} declares keys but no HELP heading"
        assert not re.search(r"[a-z][A-Z]|_", heading), f"{cls.__name__}: {heading!r} reads like an identifier"


def test_the_readme_key_table_is_the_one_generated_from_the_bindings():
    text = README.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    assert text[start:end] == key_table_markdown(), "run: python -m ofsted_tui.screens.help"


@pilot_test
async def test_reader_help_lists_its_keys_under_reader_facts_pane_and_find(app):
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.open_document("h2023report")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        groups = {name: actions for name, _cls, actions in binding_groups(app.screen)}
        assert {"Everywhere", "Reader", "Facts pane", "Find"} <= set(groups)
        # q and e mean "next quote" and "export quote" here: nothing says "Quit" or "Export" everywhere.
        everywhere = {b.key for actions in groups["Everywhere"] for b in actions}
        assert not everywhere & {"q", "e"}
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown(app.screen.query_one("#help-keys"))
        for heading in ("Reader", "Facts pane", "Find", "Next quote", "Undo"):
            assert heading in text
        assert "ReaderScreen" not in text and "FactsPane" not in text and "Quit" not in text


@pilot_test
async def test_the_help_groups_of_both_screens_are_in_the_readme_table(app):
    table = key_table_markdown()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screens = [app.screen]
        app.open_document("h2023report")
        await settle(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        screens.append(app.screen)
        for screen in screens:
            for name, _cls, actions in binding_groups(screen):
                row = next(line for line in table.splitlines() if line.startswith(f"| {name} |"))
                for bindings in actions:
                    assert bindings[0].description.lower() in row


@pilot_test
async def test_the_palette_has_one_entry_for_the_keys_and_it_opens_this_help(app):
    from ofsted_tui.commands import ExplorerCommands

    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        system = [c for c in app.get_system_commands(app.screen) if "key" in c.title.lower()]
        ours = [text async for text in _texts(ExplorerCommands(app.screen), "keys") if "key" in text.lower()]
        assert [c.title for c in system] == ["Keys"] and ours == []
        system[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def _texts(provider, query):
    async for hit in provider.search(query):
        yield hit.text


@pilot_test
async def test_the_list_keys_the_help_names_move_through_the_help_itself(app):
    # At 80x24 the keys do not fit: j k g G, which the help lists under "Lists", must reach the rest.
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)
