"""A document without a printed publication date is dated by the inspection it reports."""

from __future__ import annotations

import pytest

from importers.pipeline import import_file
from ofsted_core.labels import doc_date_label, inspection_dates_label

ILACS = """Inspection of Dudley local authority children's services

Inspection dates: 13 to 24 February 2023
Lead inspector: Jane Doe, His Majesty's Inspector

Judgement Grade
The impact of leaders on social work practice with children and families Good
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Good
Overall effectiveness Good

Children's services in Dudley are good. Ofsted inspected them in February.
"""


@pytest.mark.parametrize("doc, label", [
    ({"inspected_start": "2023-02-13", "inspected_end": "2023-02-24"}, "inspected 13-24 Feb 2023"),
    ({"inspected_start": "2018-02-27", "inspected_end": "2018-03-22"}, "inspected 27 Feb-22 Mar 2018"),
    ({"inspected_start": "2019-12-30", "inspected_end": "2020-01-10"}, "inspected 30 Dec 2019-10 Jan 2020"),
    ({"inspected_start": "2019-07-16"}, "inspected 16 Jul 2019"),
    # a printed publication date wins; nothing at all is "undated"
    ({"published": "2015-06-22", "inspected_start": "2015-04-14"}, "22 Jun 2015"),
    ({}, "undated"),
])
def test_the_documents_date_label(doc, label):
    assert doc_date_label(doc) == label


def test_the_list_column_shows_the_inspections_year():
    assert doc_date_label({"inspected_start": "2022-12-28", "inspected_end": "2023-01-06"}, short=True) == "insp. 2023"
    assert inspection_dates_label({}) == "unknown"


def test_an_ilacs_report_is_dated_by_its_inspection(tmp_path):
    path = tmp_path / "dudley.txt"
    path.write_text(ILACS, encoding="utf-8")
    doc = import_file(path)
    assert doc.kind == "ofsted_report" and doc.published is None
    assert (doc.inspected_start, doc.inspected_end) == ("2023-02-13", "2023-02-24")


def test_news_has_no_inspection_dates(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Dudley children's services rated good\n\nPublished: 3 March 2023\n\nOfsted said ...\n",
                    encoding="utf-8")
    doc = import_file(path)
    assert (doc.inspected_start, doc.inspected_end) == (None, None)
