"""The footer of every screen: Textual's, fitted to the width it has.

Textual's footer shows every key in a row and lets the last ones run off the
edge, cut mid-word ("f Fil"). Where the keys do not fit at their usual spacing,
this one packs them (Textual's compact style) and gives up the command
palette's key at the right; where they still do not fit, it shows the keys
that fit whole, in the screen's order (its most used first), and leaves the
rest to the help screen ("?"), which lists every key.

Textual's footer also rebuilds every key (a widget each, styled anew, then laid
out twice with the screen) after each change of the screen's bindings: a focus
moved, a dialog closed. Closing the note dialog rebuilt the main screen's keys
as they were, three layouts of the whole screen, most of a note's save; opening
the reader changed them three times. Changes that arrive while a rebuild is
pending share it, and a rebuild that would show the very keys already shown is
skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["KeysFooter"]


def _key_width(key_display: str, description: str, compact: bool) -> int:
    """Cells a key takes, by Textual's footer styles: " k desc " apart, "k desc" and a space packed."""
    return cell_len(key_display) + (1 + cell_len(description) if description else 0) + (1 if compact else 2)


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._rebuild_pending = False
        self._shown: tuple[Any, ...] | None = None  # what the keys were built from

    def bindings_changed(self, screen: Screen) -> None:
        if self._rebuild_pending:
            return  # the rebuild already asked for reads the bindings as they are then
        super().bindings_changed(screen)
        self._rebuild_pending = bool(self.is_attached and screen is self.screen and screen.app.app_focus)

    def _keys(self) -> tuple[Any, ...]:
        """What ``compose`` reads: the keys shown, their state, the footer's own settings and its width."""
        shown = tuple((binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
                      for _, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)
        return shown, self.size.width, self._bindings_ready

    async def recompose(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:  # its screen closed meanwhile
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()

    def _shown_keys(self) -> list[tuple[str, str]]:
        """(key as shown, description) of each key the footer shows, as ``Footer.compose`` picks them."""
        shown: dict[str, tuple[str, str]] = {}
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (self.app.get_key_display(binding), binding.description)
        return list(shown.values())

    def _fits_spaced(self, width: int) -> bool:
        keys = self._shown_keys()
        palette = _key_width("^p", "palette", False) if self.app.ENABLE_COMMAND_PALETTE else 0
        return sum(_key_width(k, d, False) for k, d in keys) + palette <= width

    def on_resize(self, event: Resize) -> None:
        if self._bindings_ready and self.is_attached:
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        if self._bindings_ready and width:
            packed = not self._fits_spaced(width)
            self.set_reactive(Footer.compact, packed)
            self.set_class(packed, "-compact")
            self.set_reactive(Footer.show_command_palette, not packed)
        yield from self._whole(super().compose(), width)

    def _whole(self, widgets: Iterable, width: int) -> ComposeResult:
        """The keys that fit whole in ``width`` cells, in order (the screens here group no keys)."""
        room = width
        for widget in widgets:
            if isinstance(widget, FooterKey) and width:
                room -= _key_width(widget.key_display, widget.description, self.compact)
                if room < 0:
                    break
            yield widget
