"""Date mentions: forms, ranges, precision, what is deliberately not a date."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.dates import DateMention, extract, find_dates, month_number

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "haringey"


def only(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "iso", "precision"),
    [
        ("Page last updated at 12:08 GMT, Tuesday, 23 February 2010", "Tuesday, 23 February 2010",
         "2010-02-23", "day"),
        ("The letter is dated 14 March 2025.", "14 March 2025", "2025-03-14", "day"),
        ("Published February 23, 2010 by the paper", "February 23, 2010", "2010-02-23", "day"),
        ("Published on 3rd of June 2019.", "3rd of June 2019", "2019-06-03", "day"),
        ("Tue 4 Apr 2023 10:31", "Tue 4 Apr 2023", "2023-04-04", "day"),
        ("INSPECTION DATE: 14 MARCH 2025", "14 MARCH 2025", "2025-03-14", "day"),
        ("Inspectors visited in Feb 2023.", "Feb 2023", "2023-02", "month"),
        ("Inspectors visited in Sept. 2021.", "Sept. 2021", "2021-09", "month"),
        ("the borough in February 2023, when they", "February 2023", "2023-02", "month"),
        ("It was rated inadequate in 2014.", "2014", "2014", "year"),
        ("Letter dated 23/02/2010.", "23/02/2010", "2010-02-23", "day"),
        ("Letter dated 05/11/19.", "05/11/19", "2019-11-05", "day"),
        ("Letter dated 23.02.2010.", "23.02.2010", "2010-02-23", "day"),
        ("updated 2010-02-23T10:00Z", "2010-02-23", "2010-02-23", "day"),
        ("since mid-2014 the council", "2014", "2014", "year"),
    ],
)
def test_single_dates(text: str, written: str, iso: str, precision: str) -> None:
    m = only(text)
    assert m.text == written == text[m.start:m.end]
    assert m.iso == iso
    assert m.precision == precision
    assert not m.is_range


def test_day_and_month_without_a_year_keep_year_none() -> None:
    m = only("The visit ended on 23 February, a week later.")
    assert (m.year, m.month, m.day, m.precision) == (None, 2, 23, "day")
    assert m.iso is None


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("Inspection dates: 13 to 24 February 2023", "13 to 24 February 2023", (2023, 2, 13), (2023, 2, 24)),
        ("Inspection dates: 13 – 24 February 2023", "13 – 24 February 2023", (2023, 2, 13), (2023, 2, 24)),
        ("Inspection dates: 13-24 February 2023", "13-24 February 2023", (2023, 2, 13), (2023, 2, 24)),
        ("from 29 October 2018 to 9 November 2018.", "29 October 2018 to 9 November 2018",
         (2018, 10, 29), (2018, 11, 9)),
        ("Inspection dates: 29 October – 9 November 2018", "29 October – 9 November 2018",
         (2018, 10, 29), (2018, 11, 9)),
        ("Inspection dates: 20 May 2014 – 11 June 2014", "20 May 2014 – 11 June 2014",
         (2014, 5, 20), (2014, 6, 11)),
        ("the focused visit on 11 and 12 February 2025.", "11 and 12 February 2025",
         (2025, 2, 11), (2025, 2, 12)),
        ("inspected between 3 and 7 March 2014.", "3 and 7 March 2014", (2014, 3, 3), (2014, 3, 7)),
        ("between 29 December and 2 January 2015", "29 December and 2 January 2015",
         (2014, 12, 29), (2015, 1, 2)),
        ("held 29 December – 2 January 2015", "29 December – 2 January 2015",
         (2014, 12, 29), (2015, 1, 2)),
        ("The visit ran February 13-24, 2023.", "February 13-24, 2023", (2023, 2, 13), (2023, 2, 24)),
    ],
)
def test_day_ranges_are_one_mention(text, written, start, end) -> None:
    m = only(text)
    assert m.text == written == text[m.start:m.end]
    assert (m.year, m.month, m.day) == start
    assert (m.end_year, m.end_month, m.end_day) == end
    assert m.precision == "day"
    assert m.is_range


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("between October to December 2014", "October to December 2014", (2014, 10), (2014, 12)),
        ("from September 2013 to March 2014", "September 2013 to March 2014", (2013, 9), (2014, 3)),
        ("between January and March 2016", "January and March 2016", (2016, 1), (2016, 3)),
        # Consecutive months joined by "and" are one visit spanning both.
        ("inspected in June and July 2019", "June and July 2019", (2019, 6), (2019, 7)),
        ("in December and January 2019", "December and January 2019", (2018, 12), (2019, 1)),
        ("in December 2018 and January 2019", "December 2018 and January 2019", (2018, 12), (2019, 1)),
    ],
)
def test_month_ranges(text, written, start, end) -> None:
    m = only(text)
    assert m.text == written
    assert (m.year, m.month, m.day, m.precision) == (*start, None, "month")
    assert (m.end_year, m.end_month, m.end_day) == (*end, None)


def test_two_dates_joined_by_and_are_not_a_range() -> None:
    found = find_dates("visits on 4 and 18 March 2014 and in January and March 2015")
    assert [m.text for m in found] == ["18 March 2014", "January", "March 2015"]
    assert not any(m.is_range for m in found)


def test_backwards_range_is_not_a_range() -> None:
    assert [m.text for m in find_dates("pages 24 to 13 February 2023")] == ["13 February 2023"]


@pytest.mark.parametrize(
    "text",
    [
        "the inspection in August",
        "Inspectors returned in August, and found",
        "since early May the service has",
        "by the end of June.",
        "during September",
    ],
)
def test_month_alone_after_a_time_word(text: str) -> None:
    m = only(text)
    assert m.precision == "month" and m.year is None and m.day is None
    assert month_number(m.text) == m.month


@pytest.mark.parametrize(
    "text",
    [
        "August Smith, the director, said",  # a name
        "in August Smith's view",  # a name after a time word
        "May we thank all staff",  # a verb
        "Theresa May visited",
        "The Mayor of London",
        "March on, they said.",
        "Junior staff in Marchmont",
        "in may",  # lower case is never a month here
    ],
)
def test_month_names_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "2,014 children were referred",
        "a budget of £2014 a week",
        "with 2014 cases on the list",
        "Call 020 8489 2000 for advice",
        "in the 2014/15 financial year",
        "in the 2014-15 academic year",
        "in 2014/2015",
        "throughout the 1990s",
        "see paragraph 2014 of the act",
        "a rise of 2020% in a year",
        "version 1.2.20 of the app",
        "reference ABC2014",
        "there were 12 cases, March 20 was quiet",
    ],
)
def test_numbers_that_only_look_like_dates(text: str) -> None:
    assert find_dates(text) == []


def test_impossible_day_is_not_a_day() -> None:
    # The month and year are still read.
    assert [m.text for m in find_dates("30 February 2014")] == ["February 2014"]


def test_year_ranges_give_both_years() -> None:
    assert [m.text for m in find_dates("between 2013-2014 and 2016 to 2018")] == [
        "2013", "2014", "2016", "2018",
    ]
    assert [m.text for m in find_dates("The Plan 2013–2015 shows that")] == ["2013", "2015"]


def test_in_year_before_a_plural_is_still_a_year() -> None:
    assert [m.text for m in find_dates("In 2014 councils were rated")] == ["2014"]


def test_mentions_are_in_order_and_do_not_overlap() -> None:
    text = (
        "Inspection dates: 13 to 24 February 2023. Published 3 April 2023. "
        "Last inspected in 2018 and in March 2019; the visit in August."
    )
    found = find_dates(text)
    assert [m.text for m in found] == [
        "13 to 24 February 2023", "3 April 2023", "2018", "March 2019", "August",
    ]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_extract_makes_date_facts_with_exact_spans() -> None:
    text = "Inspection dates: 13 to 24 February 2023. Published in 2023."
    facts = extract(text, DocContext())
    assert [f.type for f in facts] == ["date", "date"]
    first, second = facts
    assert text[slice(*first.span)] == first.fields["text"] == "13 to 24 February 2023"
    assert first.fields == {
        "year": 2023, "month": 2, "day": 13, "precision": "day",
        "text": "13 to 24 February 2023", "end_year": 2023, "end_month": 2, "end_day": 24,
    }
    assert second.fields == {"year": 2023, "month": None, "day": None, "precision": "year", "text": "2023"}


def test_seed_news_dateline() -> None:
    text = (CORPUS / "004_277fab3659fc019e.txt").read_text(encoding="utf-8")
    found = find_dates(text)
    assert found[0].text == "Tuesday, 23 February 2010"
    assert "August 2007" in [m.text for m in found]


def test_seed_letter_dates() -> None:
    text = (CORPUS / "002_c7ea76d915245ae9.txt").read_text(encoding="utf-8")
    found = {m.text: m for m in find_dates(text)}
    assert found["14 March 2025"].iso == "2025-03-14"
    visit = found["11 and 12 February 2025"]
    assert (visit.iso, visit.end_iso) == ("2025-02-11", "2025-02-12")
    assert found["February 2023"].iso == "2023-02"
    # Phone numbers and the postcode in the address block are not years.
    assert all(m.year is None or 1990 <= m.year <= 2039 for m in found.values())
    assert not any(m.text in {"1231", "8524"} for m in found.values())


def test_seed_news_years_and_months() -> None:
    text = (CORPUS / "000_b5a02bdfc67ca627.txt").read_text(encoding="utf-8")
    written = [m.text for m in find_dates(text)]
    assert written[:7] == ["2000", "2007", "2014", "2011", "2009", "2008", "February 2023"]
    text = (CORPUS / "001_aaf7a455c9cf6247.txt").read_text(encoding="utf-8")
    months = [m for m in find_dates(text) if m.precision == "month"]
    assert [m.text for m in months] == ["August"]


def test_every_seed_span_matches_its_text() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for fact in extract(text, DocContext()):
            assert text[fact.span[0]:fact.span[1]] == fact.fields["text"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_hold_on_any_text(text: str) -> None:
    for m in find_dates(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["12", " ", "-", "–", "to", "and", "February", "May", "2014", "/", ",", "3rd", "in", "\n", "£", "."]
)).map("".join))
def test_date_like_noise_never_breaks_the_invariants(text: str) -> None:
    found = find_dates(text)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.precision in {"year", "month", "day"}



@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["13", " ", "to", "24", "February", "2023", "in", "August", "Smith", "between", "and", "\n",
     "x" * 70, "-", "2,014", "Tuesday,", "May", "/", "02", "2014-15"]
)).map(" ".join))
def test_reading_only_around_anchors_finds_what_a_full_scan_finds(text: str) -> None:
    from importers.extract.dates import _candidates, _choose

    assert find_dates(text) == _choose(_candidates(text, [(0, len(text))]))


def test_find_dates_scans_each_text_once_and_returns_fresh_lists() -> None:
    from importers.extract import dates

    text = "Inspected 13 to 24 February 2023; published in March 2023 (cache probe)."
    dates._find_dates_cached.cache_clear()
    first = find_dates(text)
    first.append(first[0])  # a caller changing its list must not change the cache
    second = find_dates(text)
    info = dates._find_dates_cached.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert [m.text for m in second] == ["13 to 24 February 2023", "March 2023"]


@pytest.mark.parametrize(
    "text",
    [
        "carried out under section 136 of the Education and Inspections Act 2006.",
        "under section 15A of the Children Act 2004.",
        "the Local Safeguarding Children Boards Regulations 2006 apply",
    ],
)
def test_the_year_in_the_name_of_a_law_is_not_a_date(text):
    assert find_dates(text) == []



def test_a_whole_date_fits_the_weekday_named_with_it() -> None:
    from importers.extract.dates import find_dates, weekday_fits

    def fits(text: str) -> bool:
        (date,) = find_dates(text)
        return weekday_fits(date)

    assert fits("on Tuesday 5 July 2016")
    assert fits("Friday, 26 August 2016")
    assert not fits("on Monday 5 July 2016")  # 5 July 2016 was a Tuesday
    assert not fits("on 5 July 2016")
    assert not fits("Thursday (September 5)")  # no year: ``weekday_year``'s case
