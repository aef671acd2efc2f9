"""The reader's footer: Textual's, rebuilding its keys once for changes that come together.

Textual's footer rebuilds every key (a widget each, styled anew) after each
change of the screen's bindings, and opening the reader changed them three
times (the screen shown, its focus, its first status line): three rebuilds of
the reader's dozen keys were a large part of opening a document. Changes that
arrive while a rebuild is pending now share it (two rebuilds per opening).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["ReaderFooter"]


class ReaderFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        if self._rebuild_pending:
            return  # the rebuild already asked for reads the bindings as they are then
        super().bindings_changed(screen)
        self._rebuild_pending = bool(self.is_attached and screen is self.screen and screen.app.app_focus)

    async def recompose(self) -> None:
        self._rebuild_pending = False
        await super().recompose()
