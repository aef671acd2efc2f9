"""Help generated from the key bindings, never from a hand-kept table.

It lists the keys of the screen it was opened over: the app's, the screen's
and those of every widget on it, grouped by where they apply (each class's
``HELP`` name), each key as the app displays it. Keys that work right now
(in the focused widget's chain) are bright; the others, which work once their
pane has the focus, are dim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

__all__ = ["HelpScreen", "binding_groups"]

_OWN = ("ofsted_tui.",)


def _bindings_of(cls: type) -> list[list[Binding]]:
    """The bindings ``cls`` itself declares, one list of keys per action."""
    by_action: dict[tuple[str, str], list[Binding]] = {}
    for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", ())):
        if binding.description and not binding.system:
            by_action.setdefault((binding.action, binding.description), []).append(binding)
    return list(by_action.values())


def binding_groups(screen: Screen[Any]) -> Iterator[tuple[str, type, list[list[Binding]]]]:
    """(group name, class, its bindings by action) for the app, the screen and each widget class on it.

    A class's keys appear once, under the class that declares them (a list's
    movement keys under "Lists", not under every kind of list); only this
    package's classes are listed, since Textual's own scrolling and focus keys
    are the same in every app.
    """
    seen: set[type] = set()
    nodes: list[DOMNode] = [screen.app, screen, *screen.walk_children()]
    for node in nodes:
        for cls in reversed(type(node).__mro__):
            if cls in seen or not cls.__module__.startswith(_OWN) or "BINDINGS" not in cls.__dict__:
                continue
            seen.add(cls)
            bindings = _bindings_of(cls)
            if bindings:
                yield cls.__dict__.get("HELP") or cls.__name__, cls, bindings


class HelpScreen(ModalScreen[None]):
    """Every key of the screen underneath, grouped by where it applies."""

    HELP = "Help"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
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
                shown = " ".join(self.app.get_key_display(b) for b in keys)
                live = any(isinstance(node, cls) and action == keys[0].action for node, action in active)
                style = "" if live else "dim"
                table.add_row(Text(shown, style=style), Text(keys[0].description, style=style))
        return table

    async def action_dismiss(self, result: Any = None) -> None:
        self.dismiss(None)
