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
