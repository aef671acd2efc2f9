"""Whether a copy through the terminal (OSC 52) is known to reach the clipboard."""

from __future__ import annotations

import pytest

from ofsted_tui.clipboard import osc52_known


@pytest.mark.parametrize("environ", [
    {"TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"},
    {"TERM": "xterm-kitty"},
    {"WT_SESSION": "1f2e", "TERM": "xterm-256color"},
])
def test_terminals_that_honour_osc52(environ):
    assert osc52_known(environ)


@pytest.mark.parametrize("environ", [
    {"TERM_PROGRAM": "Apple_Terminal", "TERM": "xterm-256color"},  # drops it
    {"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux-501/default,1,0"},  # tmux in between
    {"TERM": "screen", "STY": "1234.pts-0"},
    {"TERM": "xterm-256color"},  # unknown: say so rather than claim it worked
    {},
])
def test_terminals_that_may_drop_it(environ):
    assert not osc52_known(environ)
