"""Citations of passages, and the values typed into the reader's correction dialog."""

from __future__ import annotations

import pytest

from ofsted_tui.citation import cite, date_text, paragraph_number
from ofsted_tui.screens.reader_dialogs import parse_correction, parse_date
from tests.ui.reader_fixtures import REPORT_TEXT, store_data


def _doc(doc_id: str) -> dict:
    return next(d for d in store_data().documents if d["id"] == doc_id)


def test_paragraphs_are_counted_by_blank_lines():
    text = "one\nstill one\n\ntwo\n \n\nthree"
    assert [paragraph_number(text, text.index(w)) for w in ("one", "still", "two", "three")] == [1, 1, 2, 3]


def test_a_text_without_blank_lines_counts_lines():
    text = "first line\nsecond line\nthird line"
    assert paragraph_number(text, text.index("third")) == 3


@pytest.mark.parametrize(("published", "shown"), [
    ("2023-04-11", "11 April 2023"), ("2023-04", "April 2023"), ("2023", "2023"), (None, "undated"),
    ("2023-13", "2023-13"), ("garbage", "garbage"),
])
def test_date_text_keeps_the_known_precision(published, shown):
    assert date_text(published) == shown


def test_a_quote_is_cited_with_speaker_title_date_and_place():
    doc = _doc("report")
    fact = next(f for f in store_data().facts if f["id"] == "r-journey")
    citation = cite(doc, *fact["span"], fact=fact)
    assert citation.passage == "on a journey"
    assert citation.speaker == "Sam Green, director"
    assert citation.date == "11 April 2023"
    assert (citation.start, citation.end) == tuple(fact["span"])
    assert citation.paragraph == paragraph_number(REPORT_TEXT, fact["span"][0]) == 6
    text = citation.as_text()
    assert text.startswith("\u201con a journey\u201d \u2014 Sam Green, director (")
    assert "Anytown: inspection of children's social care services" in text
    assert f"paragraph 6, characters {fact['span'][0]}\u2013{fact['span'][1]}" in text
    assert citation.as_markdown().splitlines()[:2] == ["> on a journey", "> \u2014 Sam Green, director"]


def test_a_passage_that_is_no_quote_has_no_speaker_and_flattened_lines():
    doc = _doc("report")
    start = REPORT_TEXT.index("Judgement:")
    citation = cite(doc, start, start + 60)
    assert citation.speaker is None
    assert "\n" not in citation.passage
    assert "undated" not in citation.as_text()


def test_a_citation_clips_offsets_to_the_text():
    doc = _doc("news")
    citation = cite(doc, -5, 10_000)
    assert (citation.start, citation.end) == (0, len(doc["text"]))


@pytest.mark.parametrize(("typed", "stored"), [
    ("2023", "2023"), ("2023-2", "2023-02"), ("2023-02-14", "2023-02-14"),
    ("Feb 2023", "2023-02"), ("14 February 2023", "2023-02-14"), ("February 14, 2023", "2023-02-14"),
])
def test_dates_are_stored_at_the_precision_typed(typed, stored):
    assert parse_date(typed) == stored


@pytest.mark.parametrize("typed", ["", "soon", "14 February", "2023-02-30", "1850", "31/31/2023"])
def test_bad_dates_are_refused_with_a_reason(typed):
    with pytest.raises(ValueError, match=r"\w"):
        parse_date(typed)


def test_corrections_are_checked_per_field():
    assert parse_correction("published", " Feb 2023 ") == "2023-02"
    assert parse_correction("year", "2011") == 2011
    assert parse_correction("month", "Sept") == 9
    assert parse_correction("month", "3") == 3
    assert parse_correction("rating", "requires improvement to be good") == "requires improvement to be good"
    assert parse_correction("kind", "news") == "news"
    assert parse_correction("title", "  A   title ") == "A title"
    for field, typed in [("year", "twenty"), ("month", "13"), ("rating", "splendid"), ("kind", "blog"), ("area", "  ")]:
        with pytest.raises(ValueError):
            parse_correction(field, typed)
