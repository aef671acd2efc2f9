"""The rating trajectory: grades by year, carried forward until the next inspection."""

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


def test_an_inspection_without_an_overall_grade_ends_the_rating_standing_before_it():
    # Warrington: inadequate in 2009; the 2011 re-inspection judged safeguarding and looked after
    # children adequate but gave no overall grade, so "inadequate" must not be drawn on through 2014.
    areas = {"help and protection": {"grade": 3}, "children in care": {"grade": 3}}
    events = [
        event(2009, 4),
        {**event(2011, None), "type": "inspection", "judgements": areas},
        {**event(2013, None), "type": "focused visit"},  # a visit grades nothing and ends nothing
        event(2015, 3),
        {**event(2018, None), "type": "inspection", "overall_not_in_dataset": True},
    ]
    assert year_grades(events, "Haringey") == [
        YearGrade(2009, 4, True), YearGrade(2010, 4, False), YearGrade(2011, None, False),
        YearGrade(2012, None, False), YearGrade(2013, None, False), YearGrade(2014, None, False),
        YearGrade(2015, 3, True), YearGrade(2016, 3, False), YearGrade(2017, 3, False),
        YearGrade(2018, None, False),
    ]
