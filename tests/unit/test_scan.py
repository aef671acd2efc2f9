"""Pre-scans that try a pattern only where it can start must find what the full scan finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import dates, inspections, judging, people, statistics
from importers.extract.scan import lowered, matches_at_cues

RATING_FORMS = [
    "performs excellently", "performed well", "performing adequately", "perform poorly",
    "requires improvement", "Required improvement to be good", "requiring\nimprovement", "require improvement",
    "outstanding", "Excellent", "GOOD", "adequate", "Inadequate", "poor",
]

# The patterns that are read through cues, with their cues.
CUED = [
    (judging.RATING_RE, judging.RATING_CUES, ""),
    (statistics._WORD_NUMBER_RE, statistics._WORD_NUMBER_CUES, ""),
    (statistics._FRACTION_RE, statistics._FRACTION_CUES, ""),
    (inspections._ANCHOR_RE, inspections._ANCHOR_CUES, inspections._ANCHOR_FIRST),
    (people._INSPECTOR_KEY, ("inspect",), ""),
]

WORDS = st.sampled_from(
    RATING_FORMS + [
        "requires improvement to be", "good-", "goods", "x", "Two", "twenty", "TWELVE", "often", "three quarters of",
        "a half of", "Inspection team", "inspectors", "INSPECTOR", "reinspection", "IPA", "rPA", "JTAI", "area review",
        "annual performance", "visit", "progress report", "review of the", "requıres", "outſtanding", "İnadequate",
        "-", "'", "“", ",", ".", "\n", " ",
    ]
)
TEXTS = st.lists(WORDS, max_size=16).map(" ".join) | st.lists(WORDS, max_size=16).map("".join)


def spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_cued_matches_are_the_full_scans_matches(text: str) -> None:
    for pattern, cues, first in CUED:
        assert spans(matches_at_cues(pattern, text, cues, first=first)) == spans(list(pattern.finditer(text)))


def test_every_rating_form_is_found_and_a_longer_form_hides_the_shorter_inside_it() -> None:
    text = ". ".join(RATING_FORMS) + ". It requires improvement to be good, and is good."
    found = [m.group() for m in matches_at_cues(judging.RATING_RE, text, judging.RATING_CUES)]
    assert found == [m.group() for m in judging.RATING_RE.finditer(text)]
    assert found[:len(RATING_FORMS)] == RATING_FORMS
    assert found[-2:] == ["requires improvement to be good", "good"]


@pytest.mark.parametrize("text", ["The service requıres improvement.", "It is outſtanding.", "İnadequate work"])
def test_letters_that_lower_case_unlike_the_regex_fall_back_to_the_full_scan(text: str) -> None:
    assert spans(matches_at_cues(judging.RATING_RE, text, judging.RATING_CUES)) == spans(
        list(judging.RATING_RE.finditer(text)))


def test_the_lowered_text_is_made_once_per_document() -> None:
    text = "Requires Improvement " * 3
    assert lowered(text) == text.lower()
    assert lowered(text) is lowered(text)


def _plain_month_pattern() -> re.Pattern[str]:
    """The month as one alternation of all its written forms (what ``dates._MONTH`` factors by letter)."""
    full = dates._alternation(dates._FULL_MONTHS)
    short = dates._alternation(dates._ABBR_MONTHS)
    return re.compile(rf"(?:(?:{full})|(?:{short})\.?)(?![A-Za-z])")


MONTHISH = st.lists(st.sampled_from([
    "May", "MAY", "may", "Mayor", "Sept.", "SEPT", "Sep", "Sept", "June", "Jun.", "JUN", "Dec", "DECEMBER", "Marching",
    "August", "Aug.", "AUGUST2019", "xMarch", "Tuesday", "12", "2019", " ", ".", "-", "\n",
]), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(MONTHISH)
def test_the_month_pattern_grouped_by_first_letter_reads_as_the_plain_alternation(text: str) -> None:
    plain = _plain_month_pattern()
    assert [m.span() for m in re.compile(dates._MONTH).finditer(text)] == [m.span() for m in plain.finditer(text)]
    word = re.compile(r"\b(?:" + plain.pattern + ")")
    assert [m.span() for m in re.compile(dates._MONTH_AT_WORD).finditer(text)] == [
        m.span() for m in word.finditer(text)]


# The numeric date patterns as written plainly, look-behind first (dates.py opens them on a digit).
PLAIN_NUMERIC = {
    "numeric": r"(?<![\w./-])(?P<d1>3[01]|[12]\d|0?[1-9])(?P<sep>[/.-])(?P<m1>1[0-2]|0?[1-9])(?P=sep)"
               r"(?P<y1>(?:19|20)\d\d|\d\d)(?![\w/-]|\.\d)",
    "iso": r"(?<![\w./-])(?P<y1>(?:19|20)\d\d)-(?P<m1>1[0-2]|0[1-9])-(?P<d1>3[01]|[12]\d|0[1-9])(?![\d/-])",
    "year": r"(?<![\w£$€#@/\\:])(?P<y1>(?:19|20)\d\d(?!\d))(?![\w%])",
}
NUMBERISH = st.lists(st.sampled_from(
    list("0123912/.-:£a, \n") + ["2019", "1999", "31/12/2019", "05.06.20", "2010-02-23", "20%"]
), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(NUMBERISH)
def test_numeric_date_patterns_opening_on_a_digit_read_as_the_plain_ones(text: str) -> None:
    for kind, plain in PLAIN_NUMERIC.items():
        assert spans(list(dates._PATTERNS[kind].finditer(text))) == spans(list(re.compile(plain).finditer(text)))
