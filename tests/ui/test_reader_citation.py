"""Citations of passages."""

from __future__ import annotations

import pytest

from ofsted_core.citation import cite, date_text, own_paragraph_number, paragraph_number
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
    # A text with no pages and no numbering of its own: the paragraph a reader counts to.
    assert citation.place() == "paragraph 6"
    assert "paragraph 6;" in text and "characters" not in text
    assert citation.as_markdown().splitlines()[:2] == ["> on a journey", "> \u2014 Sam Green, director"]


# Paragraphs numbered the way Ofsted numbers them ("48. ..."), after a short numbered
# list of recommendations that is not the document's numbering.
NUMBERED = (
    "Anytown: inspection of children's services\n\n"
    "Recommendations\n\n1. Improve the timeliness of visits.\n\n2. Improve supervision.\n\n"
    "Summary of findings\n\n"
    + "".join(f"{n}. Finding number {n} is set out here in full sentences.\n\n" for n in range(1, 7))
    + "Leaders have made sure that:\n\n\u2022 plans are reviewed\n\n\u2022 visits are timely\n\n"
    "Inspection of Anytown 2\n\n"  # a running footer, held as furniture
    "\u2022 children are seen alone\n\n"
    "The local safeguarding children board\n\n"
    "Partners work well together in the board and it is good.\n"
)


def _numbered_doc() -> dict:
    footer = NUMBERED.index("Inspection of Anytown 2")
    return {"id": "num", "title": "Anytown", "source": "anytown.pdf", "published": "2016-05", "text": NUMBERED,
            "furniture": [[footer, footer + len("Inspection of Anytown 2")]],
            "page_starts": [0, NUMBERED.index("3. Finding"), NUMBERED.index("The local safeguarding")]}


@pytest.mark.parametrize(("words", "place"), [
    ("Finding number 2", "page 1, paragraph 2"),
    ("Finding number 4", "page 2, paragraph 4"),
    ("visits are timely", "page 2, paragraph 6"),  # a bullet point of paragraph 6 ...
    ("children are seen alone", "page 2, paragraph 6"),  # ... even past a running footer
    ("Improve supervision", "page 1"),  # a short numbered list is not the document's numbering
    ("Partners work well", "page 3"),  # under a heading after the last numbered paragraph
    ("The local safeguarding", "page 3"),  # the heading itself is in no numbered paragraph
])
def test_a_pdf_passage_is_cited_by_page_and_the_paragraph_number_the_document_prints(words, place):
    doc = _numbered_doc()
    start = NUMBERED.index(words)
    citation = cite(doc, start, start + len(words))
    assert citation.place() == place
    assert f"({doc['title']}, May 2016, {place}; anytown.pdf)" in citation.as_text()


def test_numbers_are_read_only_from_a_run_of_numbered_paragraphs():
    text = "Intro.\n\n1. One.\n\n2. Two.\n\nClosing words of the piece.\n"
    assert own_paragraph_number(text, text.index("Two")) is None
    assert own_paragraph_number("", 0) is None


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
