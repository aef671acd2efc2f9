"""The pages the fourteenth round added to the area check set (benchmarks/accuracy/area_check/,
labelled before the extractor ran on them): what the area rules already read right on them, kept
so. Areas set out as a council bulletin's dashed list, an area graded in its own clause, and areas
only described, counted without their names, or said of no named council (no grade of any area).
The year of each grade is left aside: dating them is another rule's.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text
from tests.paths import area_check_text


def graded(name: str, authority: str | None = None, kind: str = "news") -> set[tuple]:
    """(council, rating, area) per judgement of one check page, the year left aside."""
    ctx = DocContext(authority=authority, kind=kind)
    return {(f.get("authority"), f.get("rating"), f.get("area")) for f in extract(clean_text(area_check_text(name)), ctx)}


def test_a_bulletin_lists_each_area_after_a_dash():
    # Devon's bulletin of 11 May 2015: "1. Children who need help and protection – requires
    # improvement ... 2.1. adoption performance – good ... 2.2 experience and progress of care
    # leavers – inadequate 3. Leadership, management and governance – require improvement."
    found = graded("2015-05-11-devon-bulletin-ofsted-requires-improvement-care-leavers-inadequate.txt", "Devon",
                   "press_release")
    assert found == {
        ("Devon", "requires improvement", "overall"), ("Devon", "requires improvement", "help and protection"),
        ("Devon", "requires improvement", "children in care"), ("Devon", "good", "adoption"),
        ("Devon", "inadequate", "care leavers"), ("Devon", "requires improvement", "leadership"),
    }


def test_an_area_graded_in_its_own_clause_beside_the_whole():
    # Wandsworth Guardian on Lambeth: "the service's adoption performance was still rated
    # inadequate"; Wakefield Express: "judging provision for children in care as outstanding",
    # "services for care leavers required improvement".
    assert ("Lambeth", "inadequate", "adoption") in graded(
        "undated-wandsworthguardian-lambeth-requires-improvement-adoption-inadequate.txt")
    wakefield = graded("undated-wakefieldexpress-wakefield-complaint-good-children-in-care-outstanding.txt")
    assert wakefield == {("Wakefield", "good", "overall"), ("Wakefield", "outstanding", "children in care"),
                         ("Wakefield", "requires improvement", "care leavers")}


def test_areas_described_or_counted_are_no_grade_of_an_area():
    # CYP Now on Norfolk: "does not provide a good enough service for looked-after children and
    # care leavers"; the BBC on Cheshire East: young people "coming out of local authority care
    # without the right help"; the Northern Echo on Middlesbrough: "must improve in three key
    # areas, while two further areas were deemed to be 'good'" (no area named).
    norfolk = graded("2015-10-20-cypnow-norfolk-inadequate-second-time.txt", kind="trade")
    assert {area for _, _, area in norfolk} == {"overall"}
    assert graded("undated-bbc-cheshire-east-inadequate.txt") == {("Cheshire East", "inadequate", "overall")}
    assert graded("undated-northernecho-middlesbrough-improve-three-areas.txt") == set()


def test_a_grade_said_of_no_named_council_is_none():
    # CYP Now's saved text lost its headline: "the council", "the city", never Liverpool.
    assert graded("undated-cypnow-liverpool-ambition-looked-after-children.txt", kind="trade") == set()
