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
# (terminated by BEL or ST), and two-character escapes; the 8-bit CSI too.
# A string is removed whole only where its terminator comes within
# STRING_LIMIT characters and before a line break, as a terminal gives up on
# an overlong one; otherwise only its introducer goes and the text after it
# stays. The 8-bit string introducers are only removed as single characters
# (with every other control, below): they are common mojibake (U+009D and
# U+009C end a UTF-8 curly quote read as Latin-1), and "”...“" would read as a
# whole string; what they would enclose is plain text once they are gone.
STRING_LIMIT = 4096
_ESCAPES = re.compile(
    rf"""
    (?: \x1b\[ | \x9b ) [0-?]{{0,64}} [ -/]{{0,8}} [@-~]                        # CSI
    | \x1b[\]PX^_] [^\x07\x1b\x9c\n]{{0,{STRING_LIMIT}}} (?: \x07 | \x1b\\ | \x9c )  # OSC, DCS, SOS, PM, APC
    | \x1b [ -/]{{0,8}} [0-~]                                                 # other two-character escapes
    """,
    re.VERBOSE,
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
