"""Pre-scans that try a pattern only where it can start must find what the full scan finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers import pdf_layout, pdf_report
from importers.extract import (
    continuity, dates, improvements, inspections, judgement_dates, judgement_table, judging, people, statistics,
)
from importers.extract.scan import lowered, matches_at_cues, matches_if_worded, search_on_cue_line

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


# Grade and list wording of reports: what the patterns read through cues, words or line
# starts are tried on, with near misses ("hadn't", "areas", a cue on the line after).
REPORT_WORDS = st.sampled_from([
    "have remained good", "has sustained outstanding services", "had not only maintained", "continues to receive",
    "continue", "HAS", "hadn't", "are no longer inadequate", "is no longer judged to be", "longer", "services",
    "What needs to improve", "what does the local authority need to improve?", "Areas for improvement:",
    "areas", "Priority actions", "Recommendations", "improvements needed", "1.2", "##", "*", "development",
    "improvement", "action –", "attention:", "At the previous inspection", "last", "inspection",
    "The judgements for the local authority were:", "previously inspected", "prior", "preceding", "the",
    "requıres", "outſtanding", "x", "\n", "\n\n", " ", ".", ":", "-",
])
REPORT_TEXTS = st.lists(REPORT_WORDS, max_size=16).map(" ".join) | st.lists(REPORT_WORDS, max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(REPORT_TEXTS, st.integers(min_value=0, max_value=400))
def test_cued_report_patterns_read_as_their_full_scans(text: str, end: int) -> None:
    assert spans(matches_at_cues(continuity._LASTED, text, continuity._LASTED_CUES)) == spans(
        list(continuity._LASTED.finditer(text)))
    ended = matches_if_worded(continuity._ENDED, text, continuity._ENDED_WORD, continuity._ENDED_CUES)
    assert spans(ended) == spans(list(continuity._ENDED.finditer(text)))
    assert spans(matches_at_cues(improvements._INLINE_KEY, text, improvements._INLINE_CUES)) == spans(
        list(improvements._INLINE_KEY.finditer(text)))
    # Headings are whole lines: tried at the start of each line holding a cue.
    headings = matches_at_cues(improvements._HEADING_RE, text, improvements._HEADING_CUES, line_start=True)
    assert spans(headings) == spans(list(improvements._HEADING_RE.finditer(text)))
    # Read only up to ``end``, as ``finditer(text, 0, end)`` reads.
    last = matches_at_cues(judgement_dates._LAST_INSPECTION, text, judgement_dates._LAST_INSPECTION_CUES)
    assert spans(last) == spans(list(judgement_dates._LAST_INSPECTION.finditer(text)))
    previous = matches_at_cues(judgement_table._PREVIOUS_LIST, text, judgement_table._PREVIOUS_CUES, end=end)
    assert spans(previous) == spans(list(judgement_table._PREVIOUS_LIST.finditer(text, 0, end)))


PUBLISHED_WORDS = st.sampled_from([
    "Report published:", "report published", "Published", "PUBLICATION DATE:", "Publication date", "publish",
    "12 May 2016", "Inspection dates: 1-5 May", "Report", "publıshed", "\n", "\n\n", " ", "\t", ":", "x",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PUBLISHED_WORDS, max_size=14).map("".join), st.integers(min_value=0, max_value=300))
def test_a_labelled_line_is_found_from_its_cue_as_the_full_search_finds_it(text: str, stop: int) -> None:
    found = search_on_cue_line(pdf_report._PUBLISHED, text, "publi", stop)
    full = pdf_report._PUBLISHED.search(text, 0, min(stop, len(text)))
    assert (found and (found.span(), found.group("date"))) == (full and (full.span(), full.group("date")))


def test_a_labelled_line_after_other_lines_is_found_and_a_text_without_its_cue_is_not_searched() -> None:
    text = "Haringey\nInspection dates: 1 May 2016\n  Report published: 12 May 2016\nBody"
    assert search_on_cue_line(pdf_report._PUBLISHED, text, "publi", len(text)).group("date") == "12 May 2016"
    assert search_on_cue_line(pdf_report._PUBLISHED, "Haringey\nDates: 1 May 2016", "publi", 100) is None


def test_a_heading_is_found_on_its_own_line_and_not_on_the_line_after_its_cue() -> None:
    text = "Summary of areas\n  2. What needs to improve?\nSome text\nAreas for improvement:\nMore"
    found = [m.group("h") for m in matches_at_cues(improvements._HEADING_RE, text, improvements._HEADING_CUES,
                                                    line_start=True)]
    assert found == ["What needs to improve", "Areas for improvement"]


def test_a_text_without_the_word_is_not_scanned_and_one_with_it_is() -> None:
    assert matches_if_worded(continuity._ENDED, "Services are good.", continuity._ENDED_WORD) == []
    text = "Services are no longer inadequate. This is no longer judged to be poor."
    for cues in ((), continuity._ENDED_CUES):
        found = matches_if_worded(continuity._ENDED, text, continuity._ENDED_WORD, cues)
        assert [m.group(1) for m in found] == ["inadequate", "poor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["multi", "agency", "\ufffe", "2", "_", "é", "-", " ", "\n", "Ab"]),
               max_size=12).map("".join))
def test_a_broken_word_is_read_from_its_first_letter_as_the_plain_pattern_reads_it(text: str) -> None:
    plain = re.compile(r"([^\W\d_]+)\ufffe([^\W\d_]+)")
    assert spans(list(pdf_layout._BROKEN_WORD.finditer(text))) == spans(list(plain.finditer(text)))


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
