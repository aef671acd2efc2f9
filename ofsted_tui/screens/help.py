"""Help generated from the key bindings, never from a hand-kept table.

It lists the keys of the screen it was opened over: the app's, the screen's
and those of every widget on it, grouped by where they apply (each class's
``HELP`` name: "Reader", "Facts pane"), each key as the app displays it. Keys
that work right now (in the focused widget's chain) are bright; the others,
which work once their pane has the focus, are dim.

The README's key table is generated from the same bindings
(``python -m ofsted_tui.screens.help`` rewrites it; a test checks it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

__all__ = ["HelpScreen", "binding_groups", "class_groups", "key_label", "key_table_markdown"]

_OWN = ("ofsted_tui.",)
README_START = "<!-- keys: generated from the bindings by `python -m ofsted_tui.screens.help` -->"
README_END = "<!-- /keys -->"


def key_label(binding: Binding) -> str:
    """A key as the footer shows it ("^z", "↑").

    Textual's ``App.get_key_display`` reads nothing of the app (this app does
    not override it), so the README, written with no app running, says the same.
    """
    return App.get_key_display(cast(App, None), binding)


def _bindings_of(cls: type) -> list[list[Binding]]:
    """The bindings ``cls`` itself declares, one list of keys per action."""
    by_action: dict[tuple[str, str], list[Binding]] = {}
    for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
        if binding.description and not binding.system:
            by_action.setdefault((binding.action, binding.description), []).append(binding)
    return list(by_action.values())


def class_groups(classes: Iterable[type]) -> Iterator[tuple[str, type, list[list[Binding]]]]:
    """(group name, class, its bindings by action) for each class (and its bases) that declares keys.

    A class's keys appear once, under the class that declares them (a list's
    movement keys under "Lists", not under every kind of list); only this
    package's classes are listed, since Textual's own scrolling and focus keys
    are the same in every app.
    """
    seen: set[type] = set()
    for node_cls in classes:
        for cls in reversed(node_cls.__mro__):
            if cls in seen or not cls.__module__.startswith(_OWN) or "BINDINGS" not in cls.__dict__:
                continue
            seen.add(cls)
            bindings = _bindings_of(cls)
            if bindings:
                yield cls.__dict__.get("HELP") or cls.__name__, cls, bindings


def binding_groups(screen: Screen[Any]) -> Iterator[tuple[str, type, list[list[Binding]]]]:
    """``class_groups`` of the app, the screen and every widget on it."""
    return class_groups(type(node) for node in (screen.app, screen, *screen.walk_children()))


def _keys_shown(keys: list[Binding]) -> str:
    return " ".join(key_label(b) for b in keys)


class HelpScreen(ModalScreen[None]):
    """Every key of the screen underneath, grouped by where it applies."""

    HELP = "Help"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
        # The help lists j k g G as the keys that move through a list; they move through it too.
        Binding("j", "scroll_keys('down')", "Down", show=False),
        Binding("k", "scroll_keys('up')", "Up", show=False),
        Binding("g", "scroll_keys('home')", "First", show=False),
        Binding("G", "scroll_keys('end')", "Last", show=False),
    ]

    def __init__(self, over: Screen[Any]) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape closes · ctrl+p opens the command palette"
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="help-keys")

    def _table(self) -> Table:
        # Keys of the focused widget's chain work now; the others once their pane has focus.
        active = [(b.node, b.binding.action) for b in self.over.active_bindings.values()]
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column()
        for n, (group, cls, actions) in enumerate(binding_groups(self.over)):
            if n:
                table.add_row("", "")
            table.add_row("", Text(group, style="bold underline"))
            for keys in actions:
                live = any(isinstance(node, cls) and action == keys[0].action for node, action in active)
                style = "" if live else "dim"
                table.add_row(Text(_keys_shown(keys), style=style), Text(keys[0].description, style=style))
        return table

    def action_scroll_keys(self, where: str) -> None:
        getattr(self.query_one("#help-scroll", VerticalScroll), f"scroll_{where}")(animate=False)

    async def action_dismiss(self, result: Any = None) -> None:
        self.dismiss(None)


def readme_classes() -> list[type]:
    """The classes whose keys the README lists, in its order: the app, the main screen, the
    comparison, the reader, dialogs."""
    # Imported here: these modules import this one's neighbours, and the app imports help when asked.
    from ofsted_tui.app import OfstedApp
    from ofsted_tui.screens.compare import CompareScreen
    from ofsted_tui.widgets.councils_table import CouncilsTable
    from ofsted_tui.screens.dialogs import ImportDialog
    from ofsted_tui.screens.main import MainScreen
    from ofsted_tui.screens.reader import ReaderScreen
    from ofsted_tui.screens.reader_dialogs import ConfirmDialog, NoteDialog
    from ofsted_tui.widgets.documents import DocumentList
    from ofsted_tui.widgets.compare_grid import CompareGrid
    from ofsted_tui.widgets.facts import FactsPane
    from ofsted_tui.widgets.reader import FindBar
    from ofsted_tui.widgets.search_results import SearchResults
    from ofsted_tui.widgets.sidebar import FacetList
    from ofsted_tui.widgets.timeline import SourceList, TimelineList

    return [OfstedApp, MainScreen, TimelineList, SourceList, DocumentList, SearchResults, CouncilsTable, FacetList,
            CompareScreen, CompareGrid, ReaderScreen, FactsPane, FindBar, ImportDialog, NoteDialog, ConfirmDialog]


def key_table_markdown() -> str:
    """The README's key table: one row per group, each key with what it does."""
    lines = [README_START, "", "| where | keys |", "|---|---|"]
    for group, _cls, actions in class_groups(readme_classes()):
        keys = " · ".join(
            f"{'/'.join(f'`{key_label(b)}`' for b in bindings)} {bindings[0].description.lower()}"
            for bindings in actions
        )
        lines.append(f"| {group} | {keys.replace('|', '&#124;')} |")
    lines += ["", README_END]
    return "\n".join(lines)


def rewrite_readme(path: Path) -> bool:
    """Put the generated key table between the README's markers; whether it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    new = text[:start] + key_table_markdown() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    readme = Path(__file__).resolve().parents[2] / "README.md"
    print(f"{readme}: {'rewritten' if rewrite_readme(readme) else 'already current'}")
    sys.exit(0)
