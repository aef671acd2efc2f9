"""Held-back reports that were the only example found of a pattern a fix reads.

Each report read here is listed in ``benchmarks/accuracy/seen_reports.json`` and scored with
the dev half (``tests/unit/test_accuracy_seen.py`` keeps the list complete). The reports are
in ``../shared`` and the tests skip where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.model import ImportedDocument
from importers.pipeline import import_file
from tests.paths import NATIONAL

pytestmark = pytest.mark.reports

SURREY_BOARD_REVIEW = "80567_surrey/children's services inspection - 03 august 2015.pdf"
LANCASHIRE_2026 = "80480_lancashire/children's services inspection - 20 august 2026.pdf"


def _report(name: str) -> ImportedDocument:
    path: Path = NATIONAL / name
    if not path.is_file():
        pytest.skip(f"needs {path} (the national reports are not in the repository)")
    return import_file(path)


def test_a_board_review_whose_title_runs_into_its_dates_line_is_an_ofsted_report_with_its_dates():
    """The title's wrapped last word joined to the dates label ("... Children Board Inspection
    date: 15 June 2015 – 17 June 2015"): still the report's dates, so the review is Ofsted's
    report of that inspection, graded for its board alone."""
    doc = _report(SURREY_BOARD_REVIEW)
    assert (doc.kind, doc.inspected_start, doc.inspected_end) == ("ofsted_report", "2015-06-15", "2015-06-17")
    own = {(f.get("area"), f.get("rating")) for f in doc.facts
           if f.type == "judgement" and (f.get("year"), f.get("month")) == (2015, 6)}
    assert own == {("lscb", "requires improvement")}
    # "Between the start of 2012 and the time of the inspection": a period, not an inspection of 2012.
    assert not [f for f in doc.facts if f.type == "inspection" and f.get("year") == 2012]


def test_a_present_grade_after_since_an_earlier_inspection_is_todays():
    """ "Since the last ILACS inspection in 2022, ... and the experiences and progress for care
    leavers are outstanding": the table's grade of 2026, not one of 2022."""
    doc = _report(LANCASHIRE_2026)
    assert not [f for f in doc.facts if f.type == "judgement" and f.get("year") == 2022]


ST_HELENS_2015 = "80560_st helens/children's services inspection - 20 january 2015.pdf"


def test_grades_said_by_the_inspection_the_sentence_before_dates_are_that_inspections():
    """ "... were last inspected in June 2012. That inspection judged the overall effectiveness for
    both safeguarding and looked after children services to be good": June 2012's two grades."""
    doc = _report(ST_HELENS_2015)
    found = {(f.get("area"), f.get("rating")) for f in doc.facts
             if f.type == "judgement" and (f.get("year"), f.get("month")) == (2012, 6)}
    assert found == {("help and protection", "good"), ("children in care", "good")}


NOTTINGHAM_2014 = "80533_nottingham/children's services inspection - 14 may 2014.pdf"
WORCESTERSHIRE_2017 = "80584_worcestershire/children's services inspection - 24 january 2017.pdf"
TORBAY_2016 = "80572_torbay/children's services inspection - 05 january 2016.pdf"


def _earlier(doc: ImportedDocument, year: int) -> set[tuple]:
    return {(f.get("month"), f.get("area"), f.get("rating")) for f in doc.facts
            if f.type == "judgement" and f.get("year") == year}


@pytest.mark.parametrize("name, expected", [
    # "The previous inspection of Safeguarding and Looked After Children Services was in December
    # 2010. The local authority was judged to be good."
    (NOTTINGHAM_2014, {(12, "overall", "good")}),
    # "... services for safeguarding and children looked after was in October 2010. The local
    # authority was judged to be inadequate." (its safeguarding strand's grade is said elsewhere)
    (WORCESTERSHIRE_2017, {(10, "overall", "inadequate"), (None, "help and protection", "inadequate")}),
])
def test_a_bare_grade_of_an_inspection_of_both_strands_is_the_whole_inspections(name, expected):
    assert _earlier(_report(name), 2010) == expected


def test_the_local_authoritys_grade_in_the_inspection_of_one_strand_is_that_strands():
    """ "The local authority was judged inadequate in the inspection of safeguarding in 2010", the
    report listing that inspection's looked after children's strand (September 2010) apart."""
    assert _earlier(_report(TORBAY_2016), 2010) == {
        (None, "help and protection", "inadequate"), (9, "children in care", "adequate")}


COVENTRY_2017 = "80456_coventry/children's services inspection - 13 june 2017.pdf"


def test_a_grade_said_to_have_ended_is_the_last_inspections():
    """ "Services for children in Coventry are no longer inadequate", the list dating its last
    inspection January 2014: that inspection's overall grade."""
    found = _earlier(_report(COVENTRY_2017), 2014)
    assert (1, "overall", "inadequate") in found and (1, "help and protection", "inadequate") in found


REDBRIDGE_2016 = "80512_redbridge/children's services inspection - 25 november 2016.pdf"


def test_each_grade_of_a_listed_run_of_when_clauses_takes_its_own_clauses_date():
    """ "since the last inspections for children in need of protection in 2012, when services were
    judged to be good, and for children looked after in 2010, when services were judged to be
    adequate": 2012's good and 2010's adequate."""
    doc = _report(REDBRIDGE_2016)
    assert (None, "children in care", "adequate") in _earlier(doc, 2010)
    assert not [f for f in doc.facts if f.type == "judgement" and f.get("year") == 2012
                and f.get("area") == "children in care"]


BIRMINGHAM_2014 = "80429_birmingham/children's services inspection - 23 may 2014.pdf"


def test_an_area_named_in_a_later_clause_is_not_the_earlier_grades():
    """ "The child protection inspection in September 2012 found the service to be inadequate, and
    the significant concerns identified then remain ..., including services for children who are
    looked after": September 2012's one grade, no looked after children's grade."""
    found = _earlier(_report(BIRMINGHAM_2014), 2012)
    assert (9, "overall", "inadequate") in found
    assert not [row for row in found if row[1] == "children in care"]
