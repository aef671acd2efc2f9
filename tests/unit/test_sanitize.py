"""Terminal escapes and control characters never survive import."""

from __future__ import annotations

import pytest

from importers.sanitize import clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", "link"),
        ("\x1b]52;c;aGVsbG8=\x07copied", "copied"),
        ("\x1b]0;title\x1b\\after", "after"),
        ("bell\x07 back\x08space", "bell backspace"),
        ("carriage\rreturn", "carriage\nreturn"),
        ("windows\r\nline", "windows\nline"),
        ("\x9b31mc1 csi", "c1 csi"),
        ("\x1bPdcs string\x1b\\x", "x"),
        ("nul\x00byte", "nulbyte"),
        ("\u202eevil\u202c", "evil"),
        ("\ufeffbom", "bom"),
        ("tab\tkept", "tab\tkept"),
        ("[b]markup[/b] stays text", "[b]markup[/b] stays text"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_combining_marks_and_rtl_text_survive():
    text = "Cafe\u0301 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"
    assert clean_text(text) == "Café \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"


# Shown, not removed: one visible character for each control, so spans stay put.
@pytest.mark.parametrize(("raw", "one_line", "multiline"), [
    ("plain text", "plain text", "plain text"),
    ("a\x1b[31mb", "a\u241b[31mb", "a\u241b[31mb"),  # ESC as its control picture
    ("bell\x07", "bell\u2407", "bell\u2407"),
    ("tab\tcr\r", "tab cr ", "tab cr "),
    ("two\nlines", "two lines", "two\nlines"),
    ("c1\x9bdel\x7f", "c1\ufffddel\u2421", "c1\ufffddel\u2421"),
    ("bidi\u202eiso\u2066", "bidi\ufffdiso\ufffd", "bidi\ufffdiso\ufffd"),
])
def test_printable_shows_every_control_one_for_one(raw, one_line, multiline):
    from importers.sanitize import printable

    assert printable(raw) == one_line and printable(raw, multiline=True) == multiline
    assert len(printable(raw)) == len(raw)


def test_lists_and_the_reader_show_controls_alike():
    # The labels' printable and the reader's guard were two tables that showed
    # a bell as U+FFFD in lists and as its picture in the reader; one now.
    from importers.sanitize import printable
    from ofsted_core.labels import printable as label_printable

    assert label_printable is printable
