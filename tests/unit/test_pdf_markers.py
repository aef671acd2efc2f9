"""Footnote markers printed small: the digits read as markers are every run the plain rule reads."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from importers import pdf
from importers.pdf_layout import SUPERSCRIPT_DIGITS


class _SmallDigits:
    """A page's geometry where every digit is printed at half the size of everything else."""

    def __init__(self, text: str) -> None:
        self.text = text

    def size(self, index: int) -> float:
        return 5.0 if self.text[index].isdigit() else 10.0


def _plain_markers(text: str, geometry: _SmallDigits) -> str:
    """The rule as first written: every run of digits, judged one by one in Python."""
    chars = list(text)
    for match in re.finditer(r"[0-9]+", text):
        begin, stop = match.span()
        if stop - begin > 2 or begin == 0 or (stop + 1 < len(text) and text[stop] in ",." and text[stop + 1].isdigit()):
            continue
        before = begin - 1
        if text[before] == " " and before > 0:
            before -= 1
        if text[before] in pdf._MARKER_AFTER and pdf._smaller(geometry, begin, before):
            chars[begin:stop] = text[begin:stop].translate(SUPERSCRIPT_DIGITS)
    return "".join(chars)


PIECES = st.sampled_from(["Board", "1", "12", "123", "2019", " ", "  ", ",", ".", "5", ")", "’", "-", "£", "²", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_marker_digits_are_the_runs_the_plain_rule_marks(words: str) -> None:
    # One line opening on a letter: a footnote's leading number is another rule's.
    text = "x" + words
    geometry = _SmallDigits(text)
    assert pdf._mark_superscripts(text, geometry) == _plain_markers(text, geometry)


def test_a_marker_glued_or_a_space_apart_is_marked_and_a_longer_figure_is_not() -> None:
    text = "the Board1 and the panel 2 met in 2019 with 123 staff, 1,500 in all"
    marked = pdf._mark_superscripts(text, _SmallDigits(text))
    assert marked == "the Board¹ and the panel ² met in 2019 with 123 staff, 1,500 in all"
