"""``find_relative_dates`` scans only the stretches that can hold a relative date: the same mentions as a whole scan."""

from __future__ import annotations

import re

import pytest

from importers.extract import dates
from importers.extract.dates import DateMention, find_relative_dates
from tests.paths import ACCURACY_PROSE, CORPUS


def _whole_scan(text: str) -> list[tuple[int, int, str, str, str]]:
    """Every relative pattern run over the whole text, kept as ``find_relative_dates`` keeps them."""
    found = [DateMention(match.start(), match.end(), None, None, None, precision, match.group(), relative=relative)
             for pattern, relative, precision, _ in dates._RELATIVE_PATTERNS for match in pattern.finditer(text)]
    return _key(dates._choose(found))


def _key(mentions: list[DateMention]) -> list[tuple[int, int, str, str, str]]:
    return [(m.start, m.end, m.text, m.relative, m.precision) for m in mentions]


def _mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    return _key(find_relative_dates(text))


@pytest.mark.parametrize("text", [
    # The owned year reaches past an apostrophe and across a line break.
    "Last year’s\nOfsted inspection found the service good; two\nyears ago it was inadequate.",
    "THE YEAR BEFORE LAST it was rated good. Three years later, it was not.",
    "Rated good (last year) and inadequate (the previous year), according to the report today.",
    # A letter whose lower case is longer shifts positions: the whole text is scanned instead.
    "İstanbul aside, the council was inspected last year and again this month.",
    # A stretch longer than the look-back, with no punctuation before the phrase.
    "word " * 200 + "the following year the council improved",
    "the year\u00a0before, yesterday-ish, past-week, a year-on-year rise, years ago",
    # Stretches naming only days or weeks beside ones naming years: each read by its own patterns.
    "Within 20 working days; on Monday. Two years ago; this week. A year later, today, last month.",
    "YESTERDAY, THE FOLLOWING YEAR. Daily visits; weekly checks; the year after.",
    "",
])
def test_pieces_find_what_a_whole_scan_finds(text):
    assert _mentions(text) == _whole_scan(text)


def test_stretches_without_a_time_word_are_skipped():
    text = "The council was rated good. Inspectors praised leaders, last of all the director. It was last year."
    pieces = dates._relative_pieces(text)
    assert pieces == [(text.index(". It was") + 1, len(text) - 1)]
    assert [m.text for m in find_relative_dates(text)] == ["last year"]


@pytest.mark.parametrize("folder", [ACCURACY_PROSE, CORPUS], ids=["accuracy-prose", "corpus"])
def test_real_text_reads_the_same(folder):
    paths = sorted(folder.rglob("*.txt"))
    if not paths:
        pytest.skip(f"no texts under {folder}")
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _mentions(text) == _whole_scan(text), path.name
        found += len(_whole_scan(text))
    assert found, "the texts hold relative dates, so the comparison is not vacuous"


def test_each_pattern_is_tried_only_in_stretches_naming_its_words():
    # The year patterns name "year", the day and week pattern "day", "wee" and "month".
    year_patterns = [words for words in dates._PATTERN_WORDS if words == {"year"}]
    assert len(year_patterns) >= 8 and any("day" in words for words in dates._PATTERN_WORDS)
    text = "Visits within 10 days (last year: 15 days); two years ago today."
    assert [m.text for m in find_relative_dates(text)] == ["last year", "two years ago", "today"]


@pytest.mark.parametrize("text", [
    "over the past year", "In the PAST YEAR, and last year", "during the last year", "Last year's visit",
    "the blast year", "across the past  year", "throughout the last year; lastly, past years", "",
])
def test_the_look_ahead_before_last_year_changes_no_match(text):
    pattern = dates._RELATIVE_PATTERNS[1][0]
    assert pattern.pattern.startswith("(?=[lp])")
    plain = re.compile(pattern.pattern.removeprefix("(?=[lp])"), re.IGNORECASE)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
