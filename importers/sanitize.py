"""Make untrusted text safe to store and show: the one policy for control characters.

At import (``clean_text``), terminal escape sequences (CSI, OSC such as OSC 8
links and OSC 52 clipboard writes, DCS/APC/PM strings) and C0/C1 control
characters other than newline and tab are removed, so no document can drive
the user's terminal. Line endings are normalised to ``\\n`` and a byte-order
mark is dropped.

At display (``printable``), the same characters are shown, not removed, one
visible character for each, so offsets into the text stay valid: this guards
what did not come through the importer (a file name, a store written by
something else, a value typed in).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_text", "printable"]

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
_REORDERING = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def _shown_as(newline: str) -> dict[int, str]:
    """Each character a terminal would act on, mapped to one visible character.

    C0 controls show as their control pictures ("␛" for ESC), DEL as "␡", C1
    controls and bidi reordering as the replacement character; tab and
    carriage return as a space, a line break as ``newline``.
    """
    table = {code: chr(0x2400 + code) for code in range(0x20)}
    table.update({0x09: " ", 0x0D: " ", 0x0A: newline, 0x7F: "\u2421"})
    table.update({code: "\ufffd" for code in (*range(0x80, 0xA0), *_REORDERING)})
    return table


_ONE_LINE = _shown_as(" ")  # a list row, a title, a message: one line
_MULTILINE = _shown_as("\n")  # the reader, a preview: line breaks lay the text out
_SHOWN_PRESENT = re.compile("[" + "".join(re.escape(chr(code)) for code in _MULTILINE if code != 0x0A) + "]")


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character a terminal would act on made visible, one for one (the same length).

    Line breaks become spaces unless ``multiline``.
    """
    # translate() is slow on long texts, and clean imported text needs no change.
    if not _SHOWN_PRESENT.search(text) and (multiline or "\n" not in text):
        return text
    return text.translate(_MULTILINE if multiline else _ONE_LINE)


def clean_text(raw: str) -> str:
    """Return ``raw`` without escapes or control characters, ``\\n`` line ends, NFC."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _HAS_ESCAPE.search(text):  # most documents have none: skip the costly pass
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)
