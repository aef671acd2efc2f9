"""Which date a grade takes when a page gives several: the inspection's the sentence ties it
to, not the page's, an earlier inspection's or a date that begins something else.

The sentences are real, cut from the page named beside each: dev documents of the accuracy
set (never its test half) and pages found with a search of public pages that are not in the
set. Each test names the pattern of language it checks.
"""

from __future__ import annotations

from tests.unit.test_prose_years_carried import rows


# --- a grade the sentence gives "following its unannounced inspection" is that inspection's


def test_a_grade_given_following_an_unannounced_inspection_takes_the_pages_date() -> None:
    # "has given <council> an overall grade of 'adequate' for ..., following its unannounced
    # inspection": the sentence ties the grade to the inspection the page reports.
    # https://spelthornelibdems.org.uk/en/article/2010/0110548/ofsted-critical-of-surrey-s-adequate-children-s-services (dev)
    text = (
        "Ofsted has given Surrey County Council an overall grade of 'adequate' for safeguarding children "
        "and for looked after children, following its unannounced inspection of Children's Social "
        "Services.\n"
    )
    found = rows(text, "Surrey", (2010, 10, 22), kind="other")
    assert ("Surrey", 2010, "adequate", "help and protection") in found
    assert ("Surrey", 2010, "adequate", "children in care") in found


def test_a_grade_recalled_beside_a_visit_stays_undated() -> None:
    # The visit grades nothing: a grade the page recalls without tying it to the visit is an
    # earlier inspection's, and the page's date is not its year.
    # https://thehaveringdaily.co.uk/2025/10/17/haverings-childrens-services-praised-for-good-progress-by-ofsted (not in the set)
    text = (
        "Havering's Children's Services have been told they are making good progress after Ofsted "
        "inspectors visited the department last month.\n\n"
        "The monitoring visit was the third since the service was rated Inadequate by Ofsted.\n"
    )
    found = rows(text, "Havering", (2025, 10, 17))
    assert not any(year == 2025 for _, year, _, _ in found)


# --- an undated page's present: the latest day it names with its weekday


def test_minutes_with_no_date_take_the_year_of_a_day_they_name_with_its_weekday() -> None:
    # "the same report was presented to the Corporate Parenting Committee on Tuesday 5 July
    # 2016": minutes give a weekday only to a day of the weeks they tell of, so "the recent
    # Ofsted Inspection" they report is of that year.
    # https://democracy.thurrock.gov.uk/mgAi.aspx?ID=4714 (dev)
    text = (
        "Andrew Carter briefly presented the report which updated members on the outcomes of the recent "
        "Ofsted Inspection which was judged to “Require Improvement”.\n\n"
        "It was stated that the same report was presented to the Corporate Parenting Committee on Tuesday "
        "5 July 2016 where some useful recommendations were identified.\n"
    )
    assert ("Thurrock", 2016, "requires improvement", "overall") in rows(text, "Thurrock", kind="minutes")
    # A weekday the calendar does not give that day names no week of the writer's.
    wrong_day = text.replace("Tuesday 5 July 2016", "Monday 5 July 2016")
    assert ("Thurrock", None, "requires improvement", "overall") in rows(wrong_day, "Thurrock", kind="minutes")


# --- a date after "since" and an event that is no inspection is that event's


def test_a_first_inspection_since_a_councils_formation_is_not_dated_by_the_formation() -> None:
    # "in their first inspection by Ofsted since the authority's formation in April 2023": the
    # grade is no earlier than April 2023, which is all the page says of its year.
    # https://newsandstar.co.uk/news/24755604.third-party-partnerships-drive-good-ofsted-rating-cumberland (dev)
    text = (
        "Cumberland Council’s children’s services received an overall rating of ‘good’ in their first "
        "inspection by Ofsted since the authority's formation in April 2023.\n"
    )
    assert rows(text, "Cumberland") == {("Cumberland", None, "good", "overall")}


def test_a_first_inspection_since_an_earlier_grade_keeps_that_grades_year_apart() -> None:
    # "in its first inspection since it was slapped with the worst possible rating by the care
    # watchdog in 2017": 2017 is the earlier grade's, the new one has no year on an undated page.
    # https://www.stourbridgenews.co.uk/news/regional/17803059.worcestershire-39-s-children-services-moves-inadequate-rating-according-latest-ofsted-report/ (not in the set)
    text = (
        "Worcestershire County Council has received a ‘requires improvement’ rating from Ofsted in its "
        "first inspection since it was slapped with the worst possible rating by the care watchdog in 2017.\n"
    )
    assert ("Worcestershire", 2017, "requires improvement", "overall") not in rows(text, "Worcestershire")


# --- the days of the inspection a council's page reports, set before it


def test_the_days_set_before_the_inspection_date_a_councils_judgement_table() -> None:
    from importers.extract.judgement_table import inspection_period

    # https://suffolk.gov.uk/children-families-and-learning/ofsted-inspection-of-local-authority-childrens-services-ilacs-improvement-action-plan (dev)
    page = ("Ofsted Inspection of Local Authority Children’s Services (ILACS) improvement action plan\n\n"
            "Between 3 and 7 June 2024, Ofsted completed an Inspection of Local Authority Children’s "
            "Services (ILACS) in Suffolk County Council.\n")
    period = inspection_period(page)
    assert (period.year, period.month, period.day, period.end_day) == (2024, 6, 3, 7)
    # https://democracy.darlington.gov.uk/mgAi.aspx?ID=8700 (dev)
    minutes = ("It was reported that between 10 and 21 October 2022 a full inspection of Children’s "
               "Services in Darlington was completed by Ofsted.\n")
    period = inspection_period(minutes)
    assert (period.year, period.month, period.day) == (2022, 10, 10)
    # Years alone are a period of something else, not the inspection's days.
    assert inspection_period("Between 2019 and 2022 the council had three inspections.\n") is None


# --- a span up to now dates no event


def test_improvement_over_the_past_year_does_not_date_the_inspection_that_found_it() -> None:
    # "have improved over the past year, ... an Ofsted inspection has found": the span ends at the
    # page's date; read as "last year" it would give the inspection, and every grade the page
    # tells of it, the year before the page's.
    # https://www.cypnow.co.uk/news/article/ofsted-judges-southampton-children-s-services-in-need-of-improvement (dev)
    text = (
        "Children's social care services in Southampton have improved over the past year, but significant "
        "failings still exist, an Ofsted inspection has found.\n\n"
        "The south coast council’s services for children in need of help and protection, looked-after "
        "children and care leavers were judged overall to “require improvement”.\n"
    )
    found = rows(text, "Southampton", (2014, 9, 17))
    assert found and all(year == 2014 for _, year, _, _ in found)
    # "last year" alone is still the year before the page's.
    assert rows("Southampton's children's services were rated inadequate last year.\n", "Southampton",
                (2014, 9, 17)) == {("Southampton", 2013, "inadequate", "overall")}
