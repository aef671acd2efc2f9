"""Grades a report states for its last inspection only by continuity (``importers.extract.continuity``).

The reports are made up in the shape of an ILACS report's page one (``test_body_grades``'s
head), with sentences in the patterns the rule names: a lasting verb ("have remained",
"has sustained ... services", "continue to receive a ... service") tied to "since the last
inspection".
"""

from __future__ import annotations

import pytest

from tests.unit.test_body_grades import ILACS_HEAD, _body


def _earlier(body: str) -> set[tuple]:
    return {(j["year"], j["area"], j["rating"]) for j in _body(ILACS_HEAD, body, "Dudley")
            if j.get("continuity")}


def test_areas_that_remained_a_grade_since_the_dated_last_inspection_had_it_then():
    body = ("Since the last inspection of Dudley in 2019, services for children in care and for care "
            "leavers have remained good. Help and protection has improved.\n")
    # 2019 is ILACS's first framework, which graded the two together.
    assert _earlier(body) == {(2019, "children in care and care leavers", "good")}


def test_a_joint_area_is_split_for_a_framework_that_graded_its_parts():
    body = "Since the inspection in 2016, services for children in care and care leavers have remained good.\n"
    assert _earlier(body) == {(2016, "children in care", "good"), (2016, "care leavers", "good")}


def test_sustained_services_are_the_services_as_a_whole_in_the_year_the_report_dates_its_last_inspection():
    body = ("Since the last inspection in 2019, the council has kept its focus on children.\n\n"
            "12. Since the last inspection, senior leaders have sustained good services for families.\n")
    assert _earlier(body) == {(2019, "overall", "good")}


def test_children_who_continue_to_receive_a_service_since_a_dated_inspection():
    body = "Most children continue to receive a good service, with some gains since the last inspection in 2018.\n"
    assert _earlier(body) == {(2018, "overall", "good")}


@pytest.mark.parametrize("body", [
    # A grade that changed is no continuity.
    "Since the last inspection in 2019, help and protection has improved so that it is now good.\n",
    # A grade word kept that is no grade of the services.
    "Since the last inspection in 2019, leaders have maintained good links with schools.\n",
    # Practice, not a service, as the subject.
    "Since the last inspection in 2019, the quality of supervision has remained good.\n",
    # No earlier inspection to tie it to.
    "Services for care leavers have remained good throughout the year.\n",
    # No year for the last inspection anywhere in the report.
    "Since the last inspection, leaders have sustained good services.\n",
])
def test_what_is_not_a_lasting_grade_of_the_last_inspection(body):
    assert _earlier(body) == set()




def _former(body: str) -> set[tuple]:
    return {(j["year"], j["month"], j["area"], j["rating"]) for j in _body(ILACS_HEAD, body, "Dudley")
            if j.get("continuity")}


def test_a_grade_said_to_have_ended_is_the_last_inspections_the_report_dates():
    # "<services> are no longer <grade>", the report's list dating and grading its last inspection.
    body = ("Services for children in Dudley are no longer inadequate and now require improvement to be good.\n\n"
            "The previous inspection of the local authority's services for children who need help and protection "
            "was in January 2019. The local authority was judged to be inadequate.\n")
    assert _former(body) == {(2019, 1, "overall", "inadequate")}


@pytest.mark.parametrize("body", [
    # No last inspection dated and graded in the report.
    "Services for children in Dudley are no longer inadequate.\n",
    # Said of a past time: the later inspection was no longer inadequate, not the last one.
    "In the inspection of January 2019, services were judged adequate. By 2019 services had improved and "
    "were no longer inadequate.\n",
])
def test_what_is_not_an_ended_grade_of_the_last_inspection(body):
    assert _former(body) == set()
