"""Years carried through a passage: the last inspection's year to the grade a change
started from, an earlier inspection's year to the grades told of it, a list's grades to
the verdict set out before it, and one grade told twice.

The sentences are real, cut from the page named beside each: dev documents of the
accuracy set (never its test half) and pages found with a search of public pages that
are not in the set. Each test names the pattern of language it checks.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text

NO_DATE = (None, None, None)


def rows(text: str, authority: str | None = None, published=NO_DATE, kind: str = "news") -> set[tuple]:
    """(council, year, rating, area) per judgement."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return {
        (f.get("authority"), f.get("year"), f.get("rating"), f.get("area"))
        for f in extract(clean_text(text), ctx)
    }


# --- the grade a change started from, or a kept grade implies, is the last inspection's


def test_a_change_starts_from_the_grade_of_the_dated_previous_inspection() -> None:
    # "from 'inadequate' to 'good'", the previous inspection dated two sentences on.
    # https://www.newhamrecorder.co.uk/news/ofsted-improvement-for-newham-childrens-services-9294984 (dev)
    text = (
        "Newham's children's services have been hailed for a turnaround that has seen Ofsted improve its "
        "rating from 'inadequate' to 'good'.\n\n"
        "The education regulator carried out its latest inspection between July 18 and 29 and has now "
        "published its findings.\n\n"
        "Newham's children's services had been given Ofsted's lowest overall rating following a previous "
        "inspection in 2019.\n"
    )
    found = rows(text, "Newham", (2022, 9, 27))
    assert ("Newham", 2019, "inadequate", "overall") in found
    assert ("Newham", 2022, "good", "overall") in found
    assert ("Newham", None, "inadequate", "overall") not in found


def test_a_jump_from_a_grade_is_dated_by_the_last_inspection_a_quotation_names() -> None:
    # "the jump from "inadequate" to "good"", then "since the last inspection in 2018".
    # https://www.cypnow.co.uk/news/article/dfe-removes-statutory-intervention-at-improved-wakefield-children-s-services (not in the set)
    text = (
        "He said the jump from \"inadequate\" to \"good\" was a \"testament to the strong practice from "
        "social workers\".\n"
        "A direction notice for statutory intervention at the council was issued in June 2018 after "
        "inspectors found \"serious and widespread failures across children's services in Wakefield\".\n"
        "However, following an inspection in November last year, inspectors noted that \"services for "
        "children in Wakefield are of a good quality and have significantly improved since the last "
        "inspection in 2018\".\n"
    )
    assert ("Wakefield", 2018, "inadequate", "overall") in rows(text, "Wakefield")


def test_a_grade_held_previously_is_the_last_inspections() -> None:
    # "a children's services department previously rated as "good"", then "the last full
    # inspection of children's services in Derbyshire in 2013".
    # https://www.cypnow.co.uk/news/article/decline-of-good-children-s-services-prompted-by-cost-cutting-ofsted-finds (dev)
    text = (
        "A major restructure to cut costs resulted in a decline in standards within a children's services "
        "department previously rated as \"good\", an Ofsted inspection has found.\n\n"
        "The inspectorate said that following the last full inspection of children's services in Derbyshire "
        "in 2013, a large-scale restructure \"led to a substantial reduction in leadership and managerial "
        "roles at all levels\".\n"
    )
    found = rows(text, "Derbyshire", (2019, 9, 20))
    assert ("Derbyshire", 2013, "good", "overall") in found
    assert ("Derbyshire", None, "good", "overall") not in found


def test_a_grade_given_once_again_implies_the_last_inspections() -> None:
    # "once again branded inadequate" on an undated page: the earlier grade is the one of
    # "the last inspection in 2014"; the new one stays undated.
    # http://www.bucksfreepress.co.uk/news/16038588.Council_chiefs_pledge_to_improve__inadequate__children_s_services__rapidly_/ (dev)
    text = (
        "Council chiefs say they are \"disappointed\" after Children's Services were once again branded "
        "inadequate by Ofsted.\n\n"
        "The inspection, which took place in November, found high turnover of social workers, high case "
        "loads and poor recording meant \"inconsistent and too slow progress\" had been made by the county "
        "council since the last inspection in 2014.\n"
    )
    found = rows(text, "Buckinghamshire")
    assert ("Buckinghamshire", 2014, "inadequate", "overall") in found
    assert ("Buckinghamshire", None, "inadequate", "overall") in found


def test_a_change_the_sentence_sets_at_the_last_inspection_started_earlier() -> None:
    # The change itself happened at the last inspection: the grade it left is older still.
    # undated-sunderland-council-outstanding-rating-childrens-services (a council release, dev)
    text = (
        "At the last inspection in 2021, Sunderland's children's services were the first in the country "
        "to make the leap from an 'inadequate' Ofsted rating to 'outstanding'.\n"
    )
    found = rows(text, "Sunderland")
    assert ("Sunderland", 2021, "outstanding", "overall") in found
    assert ("Sunderland", 2021, "inadequate", "overall") not in found


def test_the_previous_inspection_does_not_date_the_one_reported_after_it() -> None:
    # "which followed the previous inspection in 2014": the grade is the 2019 inspection's.
    # https://modgov.lbbd.gov.uk/Internet/ieIssueDetails.aspx?IId=86913&Opt=3 (not in the set)
    text = (
        "Children's Care and Support (Children's Social Care) was last the subject of a full OFSTED "
        "Inspection of Local Authority Children's Services (ILACS) inspection in February and March of "
        "2019. The resultant OFSTED judgement from that inspection was one of 'Requires Improvement', "
        "which followed the previous inspection in 2014 that determined the same judgement.\n"
    )
    found = rows(text, "Barking and Dagenham", (2023, 5, 17), kind="minutes")
    assert ("Barking and Dagenham", 2019, "requires improvement", "overall") in found
    assert ("Barking and Dagenham", 2014, "requires improvement", "overall") not in found


# --- an earlier inspection told with its date dates the grades told of it ---------


def test_an_opening_that_names_the_last_inspection_is_dated_by_the_clause_after_it() -> None:
    # "In the last full inspection, carried out in 2016, ... were judged to require improvement".
    # https://www.yorkshireeveningpost.co.uk/news/wakefield-council-leave-vulnerable-children-at-risk-damning-ofsted-report-says-583968 (dev)
    text = (
        "The report comes after a full inspection of children's services by Ofsted from June 4 to June 15.\n\n"
        "In the last full inspection, carried out in 2016, children's services were judged to require "
        "improvement.\n"
    )
    assert rows(text, "Wakefield") == {("Wakefield", 2016, "requires improvement", "overall")}


def test_a_period_since_the_last_inspection_does_not_date_the_next_sentence() -> None:
    # "improvements ... had been made since the last inspection in 2019" opens a period; the
    # grade in the next sentence is the new inspection's, which this undated page never dates.
    # https://northwichguardian.co.uk/news/24324026.cheshire-east-council-childrens-services-rated-inadequate (dev)
    text = (
        "The inspector noted improvements in some areas of practice had been made since the last "
        "inspection in 2019, such as shortfalls around the risk of child exploitation being addressed.\n"
        "But it was found the quality of practice is too variable and for care leavers, it is inadequate.\n"
    )
    found = rows(text, "Cheshire East")
    assert ("Cheshire East", 2019, "inadequate", "care leavers") not in found
    assert ("Cheshire East", None, "inadequate", "care leavers") in found


def test_a_period_since_the_last_inspection_after_a_grade_is_not_its_date() -> None:
    # "'requires improvement to be good' despite ... improvements ... since the last full
    # inspection in 2019": 2019 is where the period starts, not the grade's year.
    # https://www.birkenhead.news/wirral-council-disappointed-at-harsh-ofsted-report-despite-progress/ (dev)
    text = (
        "In all five areas of judgement, HM Inspector summarised that the service \"requires improvement to "
        "be good\" despite acknowledging that significant improvements have been made in a number of "
        "important areas since the last full inspection in 2019.\n"
    )
    assert ("Wirral", 2019, "requires improvement", "overall") not in rows(text, "Wirral")


def test_another_grade_rated_with_its_own_year_does_not_date_the_next_one() -> None:
    # "the services - rated 'good' in 2018 - had deteriorated" dates that good grade only; the
    # inadequate grades of the new, undated inspection told after it take no year from it.
    # https://time1075.net/havering-council-signs-off-childrens-improvement-plan-after-ofsted-report (dev)
    text = (
        "They said the services \u2013 rated \u2018good\u2019 in 2018 \u2013 had deteriorated and ordered the "
        "authority to improve.\n"
        "Their inspection focused on children in care, children who need help and protection, and the "
        "impact of social workers. All three were deemed inadequate.\n"
    )
    found = rows(text, "Havering")
    assert ("Havering", 2018, "good", "overall") in found
    assert not {row for row in found if row[2] == "inadequate" and row[1] == 2018}


# --- a list of grades set out after a dated verdict --------------------------------


def test_a_list_after_a_colon_takes_the_date_of_the_verdict_before_it() -> None:
    # A dated verdict, "The judgements in the report were:", then one grade a line.
    # https://www.notreallyheremedia.com/news/all-news/tameside-councils-response-to-stockport-councils-ofsted-rating (dev)
    text = (
        "In the latest Ofsted report of Stockport Council for 2025, the authority was graded as "
        "'requires improvement'.\n"
        "The judgements in the report were:\n"
        "- The impact of leaders on social work practice with children and families - Requires improvement to be good\n"
        "- The experiences and progress of children who need help and protection - Requires improvement to be good\n"
        "- The experiences and progress of children in care - Requires improvement to be good\n"
        "- The experiences and progress of care leavers - Good\n"
    )
    found = rows(text, "Stockport")
    assert {
        ("Stockport", 2025, "requires improvement", "leadership"),
        ("Stockport", 2025, "requires improvement", "help and protection"),
        ("Stockport", 2025, "requires improvement", "children in care"),
        ("Stockport", 2025, "good", "care leavers"),
    } <= found
    assert not {row for row in found if row[1] is None}


def test_a_list_under_an_undated_verdict_stays_undated() -> None:
    # The same layout with no year anywhere: the list's grades are not given one.
    # https://www.notreallyheremedia.com/news/all-news/tameside-councils-response-to-stockport-councils-ofsted-rating (dev)
    text = (
        "In the latest Ofsted report of Stockport Council, the authority was graded as 'requires improvement'.\n"
        "The judgements in the report were:\n"
        "- The experiences and progress of care leavers - Good\n"
    )
    assert ("Stockport", None, "good", "care leavers") in rows(text, "Stockport")


# --- one grade told twice ------------------------------------------------------------


def test_a_grade_dated_by_words_that_name_no_year_takes_its_twins_year() -> None:
    # "awarded the judgement ... last August" on an undated page, then "onto 'outstanding' in 2018".
    # https://themj.co.uk/bexley%E2%80%99-pillars (dev)
    text = (
        "The inspectorate call this 'outstanding' and they awarded the judgement to Bexley LBC last August.\n"
        "Since then, we have celebrated, reflected and tried to remain grounded. One of the hardest things "
        "has been trying to identify the key milestones and changes on our journey: from inadequacy in "
        "2012, to a fragile 'requires improvement' in 2014, onto 'outstanding' in 2018.\n"
    )
    found = rows(text, "Bexley")
    assert ("Bexley", 2018, "outstanding", "overall") in found
    assert ("Bexley", None, "outstanding", "overall") not in found


# --- words that mark no earlier event --------------------------------------------


def test_the_last_two_years_is_a_period_up_to_now_not_an_earlier_grade() -> None:
    # A headline's "praise improvements of last 2 years" does not make its grade an old one.
    # https://www.hamhigh.co.uk/news/barnet-council-children-s-services-much-improved-says-ofsted-1-6143727 (dev)
    text = "Barnet children's services: Ofsted give 'good' grade and praise improvements of last 2 years\n"
    assert rows(text, "Barnet", (2019, 7, 7)) == {("Barnet", 2019, "good", "overall")}


def test_an_upgrade_after_an_inspection_is_upgraded_from_that_inspection() -> None:
    # "a major upgrade after a 2019 inspection found ..." tells the earlier inspection, not the
    # one that gave the new grade (which this undated page never dates).
    # https://theoldhamtimes.co.uk/news/24458294.turning-point-oldhams-vulnerable-kids-ofsted-report (dev)
    text = (
        "Oldham's children's and social services have reached a \"huge milestone\" after achieving a "
        "\"good\" Ofsted rating, council bosses say.\n\n"
        "The rating is a major upgrade after a 2019 inspection found the town hall service \"required "
        "improvement\".\n"
    )
    found = rows(text, "Oldham")
    assert ("Oldham", None, "good", "overall") in found
    assert ("Oldham", 2019, "good", "overall") not in found


def test_an_undated_grade_the_text_dates_in_several_years_is_one_of_those() -> None:
    # "having spent seven years as 'inadequate'" told before "inadequate Ofsted ratings in
    # 2011, 2013 and 2015": no fourth, undated inadequate.
    # https://www.cypnow.co.uk/cyp/news/2006447/slough-childrens-services-trust-improves-ofsted-rating (dev)
    text = (
        "Children's services in Slough - run by an independent trust since 2015 - has improved its Ofsted "
        "rating having spent seven years as \"inadequate\".\n\n"
        "This followed inadequate Ofsted ratings in 2011, 2013 and 2015, as well as highly critical "
        "monitoring reports.\n"
    )
    found = {row for row in rows(text, "Slough", (2019, 3, 4)) if row[2] == "inadequate"}
    assert found == {("Slough", year, "inadequate", "overall") for year in (2011, 2013, 2015)}


def test_a_headline_grade_left_in_six_years_is_one_the_story_dates() -> None:
    # A headline's "from 'inadequate' to 'outstanding' in six years" over "In 2012 and 2013,
    # the inspectorate had rated services as inadequate".
    # https://www.communitycare.co.uk/2019/12/20/borough-goes-inadequate-outstanding-six-years-confirms-company-will-continue-run-childrens-services/ (dev)
    text = (
        "Kingston goes from 'inadequate' to 'outstanding' in six years\n\n"
        "In 2012 and 2013, the inspectorate had rated services as inadequate, leading it to work more "
        "closely with its good-rated neighbour, Richmond.\n"
    )
    found = {row for row in rows(text, "Kingston upon Thames", (2019, 12, 20)) if row[2] == "inadequate"}
    assert found == {("Kingston upon Thames", year, "inadequate", "overall") for year in (2012, 2013)}


# --- the year an undated page says it is written in --------------------------------


def test_an_undated_page_that_names_what_it_calls_last_year_dates_its_today() -> None:
    # "... last year. In 2010 the council ..." on a page with no date: "today" is 2011, and so
    # are the annual ratings it lists. (Only one real page of this form was found: a
    # Yorkshire Post story, dev.)
    # https://www.yorkshirepost.co.uk/news/politics/council-suffers-blow-its-childrens-services-named-among-englands-worst-1916790
    text = (
        "CALDERDALE Council is among 15 authorities in the country where children's services have been "
        "judged to be \"performing poorly\", Ofsted revealed today.\n\n"
        "York is the only council in the region to be rated as excellent.\n\n"
        "Calderdale's assessment follows criticisms of the council's children's services last year. In "
        "2010 the council suspended a number of staff.\n"
    )
    found = rows(text, "Calderdale")
    assert ("Calderdale", 2011, "poor", "overall") in found
    assert ("York", 2011, "excellent", "overall") in found


def test_last_year_without_the_year_it_names_leaves_an_undated_page_undated() -> None:
    # The same page without the sentence naming 2010: nothing tells its year.
    text = (
        "CALDERDALE Council is among 15 authorities in the country where children's services have been "
        "judged to be \"performing poorly\", Ofsted revealed today.\n\n"
        "Calderdale's assessment follows criticisms of the council's children's services last year.\n"
    )
    assert rows(text, "Calderdale") == {("Calderdale", None, "poor", "overall")}


def test_a_year_opening_a_graded_sentence_after_last_year_is_another_event() -> None:
    # A counter-case (constructed): a sentence opening on its year to tell a grade is an
    # event of its own, not what "last year" was, so it tells nothing of the page's year.
    text = "Kent was rated good by Ofsted today. The council was rated good last year. In 2016 it was judged inadequate.\n"
    found = rows(text, "Kent")
    assert ("Kent", 2017, "good", "overall") not in found
    assert ("Kent", 2016, "inadequate", "overall") in found


# --- an undated page's report, published on a date it gives -------------------------


def test_an_undated_page_takes_the_year_its_report_was_published() -> None:
    # The grades come first; "The results and detailed report of the inspection were
    # published on Friday, 26 August 2016" comes after them.
    # https://www.ealing.gov.uk/news/article/1529/ealing_council_s_children_s_social_services_in_the_top_10_in_the_country (dev)
    text = (
        "Inspectors gave the service an overall rating of 'good' but services for young people leaving care "
        "were rated as 'outstanding.'\n\n"
        "The results and detailed report of the inspection were published on Friday, 26 August 2016.\n"
    )
    found = rows(text, "Ealing")
    assert ("Ealing", 2016, "good", "overall") in found
    assert ("Ealing", 2016, "outstanding", "care leavers") in found


def test_a_day_named_with_its_weekday_is_dated_by_the_calendar_not_by_an_older_report() -> None:
    # "On Friday 17th December" after a visit whose report was "published in November 2020": the
    # report released that Friday is December 2021's, the next 17 December on a Friday.
    # https://manchestergazette.co.uk/16/bury-conservatives-slam-failings-raised-by-ofsted/ (dev)
    text = (
        "On Friday 17th December OFSTED released their report into Bury Council's Children's Services "
        "grading them \"Inadequate\" in all but one main categories, resulting in an overall rating of "
        "\"Inadequate\".\n\n"
        "Bury Council have had OFSTED inspections and visits regularly since 2016, with the most recent visit "
        "being in September 2020, the report from which was published in November 2020.\n"
    )
    found = rows(text, "Bury")
    assert ("Bury", 2021, "inadequate", "overall") in found
    assert not {row for row in found if row[1] == 2019}
