"""The rating trajectory: grades by year, carried forward until the next rating."""

from __future__ import annotations

from ofsted_core.compare import YearGrade, year_grades


def event(year, grade, month=None, authority="Haringey"):
    return {"authority": authority, "year": year, "month": month, "grade": grade}


def test_a_rating_stands_until_the_next_and_the_last_in_a_year_wins():
    events = [
        event(2009, 4), event(2011, 3, month=2), event(2011, 2, month=11), event(2014, 3),
        event(2012, 1, authority="Camden"), event(2013, None), event(None, 2),
    ]
    assert year_grades(events, "Haringey") == [
        YearGrade(2009, 4, True), YearGrade(2010, 4, False), YearGrade(2011, 2, True),
        YearGrade(2012, 2, False), YearGrade(2013, 2, False), YearGrade(2014, 3, True),
    ]


def test_no_graded_event_means_no_trajectory():
    assert year_grades([event(2020, None), event(2021, 2, authority="Camden")], "Haringey") == []
    assert year_grades([], None) == []
