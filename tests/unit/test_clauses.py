"""Sentences and clauses as the judgement and inspection rules read them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.clauses import TextIndex, other_event_date, published_fields


def sentence(text: str, anchor: str) -> str:
    index = TextIndex(text)
    start, end = index.sentence_at(text.index(anchor))
    return text[start:end]


def clauses(text: str) -> list[str]:
    index = TextIndex(text)
    return [text[a:b].strip() for a, b in index.clauses(0, len(text))]


def test_sentences_end_at_stops_blank_lines_and_new_lines():
    text = "Cllr. Smith spoke. Ofsted rated it good.\n\nA new paragraph\nHeadline without a stop\nNext line."
    assert sentence(text, "Smith") == "Cllr. Smith spoke."
    assert sentence(text, "rated") == "Ofsted rated it good."
    assert sentence(text, "paragraph") == "A new paragraph"
    assert sentence(text, "without") == "Headline without a stop"


def test_a_line_continuing_in_lower_case_is_the_same_sentence():
    text = "The experiences and progress of \nchildren in care require \nimprovement. Next."
    assert sentence(text, "children") == "The experiences and progress of \nchildren in care require \nimprovement."


def test_initials_and_lower_case_continuations_do_not_end_sentences():
    assert sentence("J. Smith said it was approx. five years. Then.", "five") == (
        "J. Smith said it was approx. five years."
    )


def test_previous_sentence():
    text = "First one.   Second one."
    index = TextIndex(text)
    assert index.previous_sentence(text.index("Second")) == (0, len("First one."))
    assert index.previous_sentence(0) is None


def test_clauses_split_at_punctuation_and_contrast_but_not_inside_dates_or_numbers():
    text = ("Rated inadequate in 2014, and in 2018 good; it was rated good on February 23, 2010 "
            "but 1,000 children waited")
    assert clauses(text) == [
        "Rated inadequate in 2014", "and in 2018 good", "it was rated good on February 23, 2010",
        "but 1,000 children waited",
    ]


def test_an_and_opening_a_prepositional_phrase_starts_a_clause():
    assert clauses("rated inadequate in 2014 and in 2016 good") == ["rated inadequate in 2014", "and in 2016 good"]
    assert clauses("help and protection and care leavers") == ["help and protection and care leavers"]


def test_dates_of_other_events():
    text = "published on 11 April 2023, since 2008, in 2014, from 13 to 24 February 2023"
    index = TextIndex(text)
    assert [d.text for d in index.dates if other_event_date(text, d)] == ["11 April 2023", "2008"]
    assert [d.text for d in index.event_dates_in(0, len(text))] == ["2014", "13 to 24 February 2023"]


def test_published_fields():
    assert published_fields(DocContext(published=(2010, 2, 23))) == {
        "year": 2010, "month": 2, "day": 23, "precision": "day"}
    assert published_fields(DocContext(published=(2010, 13, 40))) == {
        "year": 2010, "month": None, "day": None, "precision": "year"}
    assert published_fields(DocContext()) is None
    assert published_fields(DocContext(published="2010")) is None
    assert published_fields(None) is None


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=-5, max_value=400))
def test_sentence_spans_are_inside_the_text_and_hold_the_position(text, pos):
    index = TextIndex(text)
    start, end = index.sentence_at(pos)
    assert 0 <= start <= end <= len(text)
    if start < end:
        assert start <= max(0, min(pos, len(text))) < end
        for a, b in index.clauses(start, end):
            assert start <= a < b <= end


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .!?\n\"'”A"))),
    st.lists(st.integers(min_value=0, max_value=60), max_size=12),
)
def test_a_sentence_does_not_depend_on_the_questions_asked_before(text, positions):
    warm = TextIndex(text)
    for pos in positions:
        warm.sentence_at(pos)
    for pos in reversed(positions):
        assert warm.sentence_at(pos) == TextIndex(text).sentence_at(pos)
