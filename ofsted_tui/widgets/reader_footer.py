"""The reader's footer: Textual's, rebuilding its keys only when they changed.

Textual's footer rebuilds every key (a widget each, styled anew) after each
change of the screen's bindings, and opening the reader changed them three
times (the screen shown, its focus, its first status line): three rebuilds of
the reader's dozen keys were a large part of opening a document. Changes that
arrive while a rebuild is pending share it, and a rebuild that would show the
very keys already shown (the reader opened again, for another document) is
skipped.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from ofsted_tui.widgets.keys_footer import KeysFooter

__all__ = ["ReaderFooter"]


class ReaderFooter(KeysFooter):
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
        if not self.is_attached:  # the reader closed meanwhile
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
