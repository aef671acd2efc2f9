"""Copying through the terminal (OSC 52), and saying where the text went.

Textual copies by sending the text to the terminal in an OSC 52 sequence.
Many terminals put it on the system clipboard; some drop it without a word
(macOS Terminal, GNU screen, tmux unless ``set-clipboard on``), and nothing
comes back to tell. So the message names the route, and where the terminal
is not one known to honour it, the caller offers a file instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from textual.app import App

__all__ = ["copy_text", "osc52_known"]

# TERM_PROGRAM values of terminals that honour OSC 52 by default.
_PROGRAMS = frozenset({"iTerm.app", "WezTerm", "ghostty", "vscode", "Tabby", "rio"})
# TERM values set by terminals that honour it (kitty, foot, Alacritty, Ghostty, WezTerm).
_TERMS = frozenset({"xterm-kitty", "foot", "foot-extra", "alacritty", "xterm-ghostty", "wezterm"})


def osc52_known(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the terminal is known to put OSC 52 text on the clipboard."""
    if environ.get("TMUX") or environ.get("STY"):
        return False  # a multiplexer in between passes it on only when configured to
    if environ.get("WT_SESSION"):
        return True  # Windows Terminal
    return environ.get("TERM_PROGRAM", "") in _PROGRAMS or environ.get("TERM", "") in _TERMS


def copy_text(app: App[object], text: str, offer: str) -> str:
    """Copy ``text``; a sentence saying where it went, with ``offer`` (another way) when that is unsure."""
    app.copy_to_clipboard(text)
    if osc52_known():
        return "It is on the clipboard."
    return f"It was sent to the terminal's clipboard (OSC 52), which this terminal may ignore: {offer}."
