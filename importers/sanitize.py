"""Make untrusted text safe to store and show.

Terminal escape sequences (CSI, OSC such as OSC 8 links and OSC 52 clipboard
writes, DCS/APC/PM strings) and C0/C1 control characters other than newline
and tab are removed at import, so no document can drive the user's terminal.
Line endings are normalised to ``\\n`` and a byte-order mark is dropped.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text"]

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS strings
# (terminated by BEL or ST), and two-character escapes. Their 8-bit C1 forms too.
_ESCAPES = re.compile(
    r"""
    (?: \x1b\[ | \x9b ) [0-?]* [ -/]* [@-~]               # CSI
    | (?: \x1b[\]PX^_] | [\x90\x9d\x98\x9e\x9f] ) .*? (?: \x07 | \x1b\\ | \x9c | $ )  # OSC, DCS, SOS, PM, APC
    | \x1b [ -/]* [0-~]                                    # other two-character escapes
    """,
    re.VERBOSE | re.DOTALL,
)
_HAS_ESCAPE = re.compile(r"[\x1b\x90-\x9f]")
# Every C0 and C1 control except tab and newline, plus DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi overrides and isolates can reorder what is shown; zero-width chars hide text.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def clean_text(raw: str) -> str:
    """Return ``raw`` without escapes or control characters, ``\\n`` line ends, NFC."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _HAS_ESCAPE.search(text):  # most documents have none: skip the costly pass
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)
