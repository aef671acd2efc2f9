"""Area judgements told across a passage about one inspection (issue 11, items 1 and 3): the
areas a grade is given for where they stand in another clause or sentence than the grade
(a list set out after "the following areas", "the other three areas" left by the grades
told before, both grades of a change of grade, every area of a framework the text does not
fix, the date of the lead grade a clause about an area hangs on), and the names and
prepositions the press and minutes give the areas. Each rule is checked on real text from two publishers: a
dev-half document of the accuracy set (benchmarks/accuracy/prose/, "split": "dev"), or a page
found with the search tool, cited by its address. Test-half documents are never read here.
"""

from __future__ import annotations

import pytest

from importers.vocabulary import area_for
from tests.paths import ACCURACY_PROSE, prose_text
from tests.unit.test_prose_other_publishers import rows


def graded(text: str, authority: str | None = None, year: int | None = None, kind: str = "news") -> set[tuple]:
    """(council, rating, area) per judgement, the year left aside."""
    return {(council, rating, area) for council, _, rating, area in rows(text, authority, year, kind)}


def dev_text(name: str) -> str:
    if not (ACCURACY_PROSE / name).exists():
        pytest.skip(f"{name} is not in benchmarks/accuracy/prose/")
    return prose_text(name)


# --- the names of the areas -------------------------------------------------------------


def test_minutes_abbreviate_looked_after_children():
    # prose/undated-gateshead-council-minutes-sif-inspection-good.txt (dev): "It was found that
    # LAC permanence was good" (the SIF's "children looked after and achieving permanence").
    found = graded(dev_text("undated-gateshead-council-minutes-sif-inspection-good.txt"), "Gateshead", kind="minutes")
    assert ("Gateshead", "good", "children in care") in found
    # https://edyourself.wordpress.com/2016/04/04/outstanding-ofsted-for-the-tri-borough/: "the grade
    # for LAC and permanence has matched the overall effectiveness grade"; and
    # https://democracy.cityoflondon.gov.uk/mgAi.aspx?ID=54573: "engagement with LAC and Care Leavers".
    assert area_for("the grade for LAC and permanence") == "children in care"
    assert area_for("engagement with LAC and Care Leavers") == "children in care"
    # Only the capitals are the abbreviation: "a lac of", "lacking" name nothing.
    assert area_for("there was a lac of oversight") is None


def test_the_services_leadership_is_the_leadership_judgement():
    # prose/undated-cypnow-hillingdon-outstanding-leadership.txt (dev): the headline "Ofsted praises
    # council's 'outstanding' children's services leadership" grades leadership, not the service.
    found = graded(dev_text("undated-cypnow-hillingdon-outstanding-leadership.txt"), "Hillingdon", kind="trade")
    assert ("Hillingdon", "outstanding", "leadership") in found
    assert ("Hillingdon", "outstanding", "overall") not in found
    # https://www.communitycare.co.uk/2016/09/20/outstanding-childrens-services-leadership-praised-ofsted/
    # (another publisher's headline, 2016):
    text = ("‘Outstanding’ children’s services leadership praised by Ofsted\n\nOfsted inspectors have singled out "
            "the ‘outstanding’ quality of leadership within City of London children’s services as part of an "
            "overall ‘good’ rating for the council.")
    assert graded(text, "City of London", 2016) == {
        ("City of London", "outstanding", "leadership"), ("City of London", "good", "overall")}


def test_an_areas_provision_is_the_councils_not_another_providers():
    # prose/undated-cypnow-hillingdon-outstanding-leadership.txt (dev): "child protection, looked-after
    # children and care leaver provision are all rated 'good'" (the areas' own services, as the area
    # lists already read "adoption services and care leavers").
    found = graded(dev_text("undated-cypnow-hillingdon-outstanding-leadership.txt"), "Hillingdon", kind="trade")
    assert {("Hillingdon", "good", area) for area in ("help and protection", "children in care", "care leavers")} <= found
    # A provider's provision stays another provider's (in other words):
    assert graded("Kent's residential provision was rated good.", "Kent") == set()


def test_at_the_centre_of_names_no_childrens_centre():
    # prose/undated-newsandstar-cumberland-partnerships-good-rating.txt (dev): after "a culture placing
    # children 'firmly at the centre of practice'", "It also said the experiences and progress of
    # children in care and care leavers were 'good'" is the council's grade, not a centre's.
    found = graded(dev_text("undated-newsandstar-cumberland-partnerships-good-rating.txt"), "Cumberland")
    assert ("Cumberland", "good", "children in care and care leavers") in found
    # prose/undated-cypnow-hillingdon-outstanding-leadership.txt (dev, another publisher's idiom):
    # "place young people at the centre of decisions", then a pronoun's grade (in other words).
    text = ("Senior leaders place young people at the centre of decisions, inspectors added. It was rated "
            "'good' for care leavers.")
    assert graded(text, "Hillingdon") == {("Hillingdon", "good", "care leavers")}
    # A children's centre named before "It" is still another provider (in other words):
    assert graded("Kent runs the Oak children's centre. It was rated 'good'.", "Kent") == set()


def test_a_graded_aspect_of_practice_is_no_area():
    # http://knutsfordguardian.co.uk/news/10389665.Child_protection_services_are____inadequate_____says_watchdog
    # (Cheshire East's 2013 protection of children inspection): "quality of practice" is the
    # inspection's third judgement, which has no area here; it is not the overall grade.
    text = ("Among the areas assessed, quality of practice was judged as 'inadequate' – the lowest rating "
            "possible, while the effectiveness of the help and protection provided to children, young people, "
            "families and carers and leadership and governance were both judged as 'adequate' – the second "
            "lowest rating.")
    found = graded(text, "Cheshire East", 2013)
    assert ("Cheshire East", "inadequate", "overall") not in found
    assert ("Cheshire East", "adequate", "leadership") in found
    # https://moderngov.cheshireeast.gov.uk/ecminutes/mgAi.aspx?ID=19802 (the council's minutes of
    # the same inspection): graded "in respect of" it, no area either; the overall grade is its own.
    minutes = ("The Council had been judged to be adequate in the effectiveness of help and leadership and "
               "governance categories and inadequate in respect of quality of practice. This had led to an "
               "overall judgement of inadequate.")
    assert graded(minutes, "Cheshire East", 2013, "minutes") == {
        ("Cheshire East", "adequate", "help and protection"), ("Cheshire East", "adequate", "leadership"),
        ("Cheshire East", "inadequate", "overall"),
    }


# --- a change of grade: both grades are the same areas' ---------------------------------


def test_the_old_grade_of_a_change_is_given_for_the_new_grades_areas():
    # https://www.pressreader.com/uk/hinckley-times/20191218/282127818372044 (Leicestershire 2019):
    # the areas before "improved to 'good' from 'requires improvement'" had both grades.
    text = ("The outcome of the inspection is that the council's ratings for supporting children in care, as "
            "well as leadership, have improved to 'good' from 'requires improvement'.")
    found = graded(text, "Leicestershire", 2019)
    assert {("Leicestershire", "requires improvement", "children in care"),
            ("Leicestershire", "requires improvement", "leadership")} <= found
    assert ("Leicestershire", "requires improvement", "overall") not in found
    # In other words (no second publisher's page was found), the new grade after "from ... to":
    assert graded("Kent's leadership has improved from 'requires improvement' to 'good'.", "Kent", 2019) == {
        ("Kent", "requires improvement", "leadership"), ("Kent", "good", "leadership")}
    # A change said of the whole service stays the overall grade's.
    assert graded("Kent's children's services improved from 'requires improvement' to 'good'.", "Kent", 2019) == {
        ("Kent", "requires improvement", "overall"), ("Kent", "good", "overall")}


def test_two_grades_of_one_service_are_not_its_overall_grade():
    # http://www.andoveradvertiser.co.uk/news/11169706.Children_s_services_rated__good_/?ref=rss (2014):
    # "rated as good and outstanding" grades areas the sentence does not name.
    text = "SERVICES for vulnerable children in Hampshire have been rated as good and outstanding."
    assert graded(text, "Hampshire", 2014) == set()
    # prose/2019-05-08-trafford-council-ofsted-inadequate-require-improvement.txt (dev, checked after the
    # rule was written): the headline "Trafford's Children's Social Care Services are 'inadequate' and
    # 'require improvement to be good'" gives neither as the overall grade (the body names the areas).
    trafford = dev_text("2019-05-08-trafford-council-ofsted-inadequate-require-improvement.txt")
    headline = trafford.split("\n", 1)[0]
    assert graded(headline, "Trafford", 2019) == set()
    # https://feeds.bbci.co.uk/news/articles/cjr128jdxvlo (2025): the same with a noun, "received good
    # and outstanding Ofsted ratings"; the areas named later in the story carry the grades.
    bbc = ("A children's services department has received good and outstanding Ofsted ratings following a "
           "council's \"relentless ambition\" to improve, inspectors have said.")
    assert graded(bbc, "Gloucestershire", 2025) == set()
    # One grade of the service, and another of a named area, are each their own (in other words):
    assert graded("Kent was rated good overall and outstanding for adoption.", "Kent", 2016) == {
        ("Kent", "good", "overall"), ("Kent", "outstanding", "adoption")}


# --- the preposition before the area ----------------------------------------------------


def test_a_grade_in_relation_to_an_area():
    # https://news.leeds.gov.uk/news/outstanding-ofsted-three-in-a-row-for-leeds-children-and-families-services
    # (the council's release, 2025): "rated as 'good' in relation to" an area is that area's grade.
    text = ("The council was rated as 'good' in relation to the experiences and progress of children who need "
            "help and protection.")
    assert graded(text, "Leeds", 2025, "press_release") == {("Leeds", "good", "help and protection")}
    # https://moderngov.cheshireeast.gov.uk/ecminutes/mgAi.aspx?ID=19802 (minutes, 2013): "in respect
    # of" an aspect with no area is no area's grade, and not the overall one.
    minutes = "The Council had been judged to be inadequate in respect of quality of practice."
    assert graded(minutes, "Cheshire East", 2013, "minutes") == set()
    # prose/2017-04-07-bedfordtoday-bedford-borough-require-improvement.txt (dev; the rule's "in regards
    # to" was added from it): "the council requires improvement in regards to children who need help and
    # protection, children looked after and achieving permanence and leadership, management and
    # governance".
    found = rows(dev_text("2017-04-07-bedfordtoday-bedford-borough-require-improvement.txt"), "Bedford", 2017)
    assert {("Bedford", 2017, "requires improvement", area)
            for area in ("help and protection", "children in care", "leadership")} <= set(found)


# --- a list of areas set out after the grade --------------------------------------------


def test_grades_for_the_following_areas_set_out_after_a_dash():
    # https://lincolnshire.moderngov.co.uk/mgAi.aspx?ID=4266 (minutes, 2015): "rated as good in the
    # following areas – A; B; C; and D".
    text = ("Lincolnshire had received the second best judgement in the country, being rated as outstanding in "
            "adoption performance, and rated as good in the following areas – children who need help and "
            "protection; children looked after and achieving permanence; experiences and progress of care "
            "leavers; and leadership, management and governance.")
    assert graded(text, "Lincolnshire", 2015, "minutes") == {
        ("Lincolnshire", "outstanding", "adoption"),
        ("Lincolnshire", "good", "help and protection"), ("Lincolnshire", "good", "children in care"),
        ("Lincolnshire", "good", "care leavers"), ("Lincolnshire", "good", "leadership"),
    }
    # (No second publisher's page was found; in other words, after a colon:)
    assert graded("Kent was rated good in the following areas: adoption and care leavers.", "Kent", 2015) == {
        ("Kent", "good", "adoption"), ("Kent", "good", "care leavers")}


def test_a_grade_said_of_the_areas_a_list_then_names():
    # prose/2015-05-12-warrington-worldwide-requires-improvement.txt (dev): "the two areas that require
    # improvement which were 'leadership, management and governance' and 'the experience and
    # progress of children who need help and protection'".
    found = rows(dev_text("2015-05-12-warrington-worldwide-requires-improvement.txt"), "Warrington", 2015)
    assert {("Warrington", 2015, "requires improvement", "leadership"),
            ("Warrington", 2015, "requires improvement", "help and protection")} <= set(found)
    # https://uk.news.yahoo.com/ofsted-report-claims-cambridgeshire-childrens-134639990.html (2024): "The
    # areas inspected, each of which were described as requiring improvement, were: ...".
    text = ("The areas inspected, each of which were described as requiring improvement, were: the impact of "
            "leaders on social work practice with children and families; the experiences and progress of "
            "children who need help and protection; the experiences and progress of children in care; and "
            "the experiences and progress of care leavers.")
    assert graded(text, "Cambridgeshire", 2024) == {
        ("Cambridgeshire", "requires improvement", area)
        for area in ("leadership", "help and protection", "children in care", "care leavers")}
    # https://www.cypnow.co.uk/print_article/cyp/news/2006799/trio-of-councils-rated-outstanding?print=true
    # (2019): one category, "that remained good", named after "was".
    trio = ("The only category that remained good was the experience of children in care and care leavers "
            "which, despite investment, remains \"variable\".")
    assert graded(trio, "Redbridge", 2019, "trade") == {("Redbridge", "good", "children in care and care leavers")}
    # What needs to improve, named by a phrase about an area, is no grade (in other words):
    assert graded("The areas that need improvement are care leavers' access to their health records.", "Kent") == set()


# --- the date of the lead grade a clause about an area hangs on ------------------------


def test_an_area_clause_hanging_on_the_lead_grade_takes_its_date():
    # prose/undated-lancslive-blackburn-action-promised.txt (dev): "a similar 2017 inspection which found
    # the performance of the borough children's service department to be good overall but that the
    # experiences and progress of children who need help and protection from the council required
    # improvement" (the verb "found" governs both clauses).
    found = rows(dev_text("undated-lancslive-blackburn-action-promised.txt"), "Blackburn with Darwen")
    assert ("Blackburn with Darwen", 2017, "requires improvement", "help and protection") in found
    # The same shape with "with", as the press writes it (in other words):
    assert rows("Kent's children's services were rated good in 2016, with leadership judged outstanding.", "Kent") == [
        ("Kent", 2016, "good", "overall"), ("Kent", 2016, "outstanding", "leadership")]
    # A clause that times itself apart ("now") keeps its own date, unknown here.
    assert ("Kent", 2014, "good", "leadership") not in rows(
        "Kent was rated inadequate in 2014, with leadership now judged good.", "Kent")


def test_all_three_are_the_areas_the_sentence_before_listed():
    # prose/undated-time1075-havering-improvement-plan.txt (dev): "Their inspection focused on children
    # in care, children who need help and protection, and the impact of social workers. All three were
    # deemed inadequate."
    found = graded(dev_text("undated-time1075-havering-improvement-plan.txt"), "Havering")
    assert {("Havering", "inadequate", area) for area in ("children in care", "help and protection", "leadership")} <= found
    assert ("Havering", "inadequate", "overall") not in found
    # In other words: a count that does not fit the list before names no area.
    text = "The inspection looked at care leavers and adoption. All three were judged good."
    assert graded(text, "Kent", 2016) == {("Kent", "good", "overall")}


def test_both_for_one_area_and_also_for_another():
    # prose/2019-05-08-trafford-council-ofsted-inadequate-require-improvement.txt (dev): "'inadequate'
    # both for the 'impact of leaders ...' and, also, for 'overall effectiveness'"; "'require improvement
    # to be good' around 'children who need help and protection' and also for 'children in care and care
    # leavers'".
    found = rows(dev_text("2019-05-08-trafford-council-ofsted-inadequate-require-improvement.txt"), "Trafford", 2019)
    assert {("Trafford", 2019, "inadequate", "leadership"), ("Trafford", 2019, "inadequate", "overall"),
            ("Trafford", 2019, "requires improvement", "help and protection"),
            ("Trafford", 2019, "requires improvement", "care leavers")} <= set(found)


# --- a count of areas, the others graded apart in the passage --------------------------


def test_a_count_of_areas_is_those_the_passage_grades_apart():
    # prose/2022-05-derby-council-childrens-services-outstanding.txt (dev): "Services were judged to be
    # Outstanding in three out of four categories, including overall effectiveness. ... It was rated
    # Good for the experiences and progress of children in care and care leavers" (2022: ILACS's four).
    found = rows(dev_text("2022-05-derby-council-childrens-services-outstanding.txt"), "Derby", 2022, "press_release")
    assert {("Derby", 2022, "outstanding", area) for area in ("overall", "leadership", "help and protection")} <= set(found)
    assert ("Derby", 2022, "outstanding", "children in care and care leavers") not in found
    # In other words, the other grade told first; a count that does not fit names no area.
    text = ("Kent was rated requires improvement for help and protection. It was judged good in three of the "
            "four areas.")
    assert graded(text, "Kent", 2019) == {("Kent", "requires improvement", "help and protection")} | {
        ("Kent", "good", area) for area in ("overall", "leadership", "children in care and care leavers")}
    wrong = "Kent was rated requires improvement for help and protection. It was judged good in two areas."
    assert graded(wrong, "Kent", 2019) == {("Kent", "requires improvement", "help and protection")}


# --- every area of a framework the text does not fix ------------------------------------


def test_every_area_where_the_framework_is_not_known():
    # prose/undated-yorkshireeveningpost-wakefield-inadequate-all-areas.txt (dev): "deemed
    # 'inadequate' in all areas", an undated page after a 2016 inspection: the areas every
    # framework of those years grades alike, not those only one of them grades.
    found = graded(dev_text("undated-yorkshireeveningpost-wakefield-inadequate-all-areas.txt"), "Wakefield")
    assert {("Wakefield", "inadequate", area) for area in ("overall", "help and protection", "leadership")} <= found
    assert not {a for council, rating, a in found if rating == "inadequate"} & {
        "children in care", "care leavers", "adoption", "children in care and care leavers"}
    # prose/undated-lancslive-blackburn-action-promised.txt (dev): "'required improvement' across
    # all four major headings": four areas are ILACS's of 2018-23, whatever the page's date.
    found = graded(dev_text("undated-lancslive-blackburn-action-promised.txt"), "Blackburn with Darwen")
    assert {("Blackburn with Darwen", "requires improvement", area)
            for area in ("overall", "leadership", "help and protection", "children in care and care leavers")} <= found


def test_every_area_with_the_grades_giver_between():
    # prose/2019-06-12-portsmouthnews-hampshire-outstanding.txt (dev): "the best possible rating that
    # Ofsted can give across all of the key judgements" (2019: ILACS's four).
    found = rows(dev_text("2019-06-12-portsmouthnews-hampshire-outstanding.txt"), "Hampshire", 2019)
    assert {("Hampshire", 2019, "outstanding", area)
            for area in ("overall", "leadership", "help and protection", "children in care and care leavers")} <= set(found)
    # https://westminsterconservatives2-admin.conservativewebsites.org.uk/news/westminster-childrens-services-maintain-outstanding-rating
    # (a party's news page, 2019): "an 'Outstanding' rating by Ofsted in every category they assess".
    text = ("Conservative-led Westminster City Council's Children's Services have been given an 'Outstanding' "
            "rating by Ofsted in every category they assess.")
    assert graded(text, "Westminster", 2019) == {
        ("Westminster", "outstanding", area)
        for area in ("overall", "leadership", "help and protection", "children in care and care leavers")}


# --- the other areas, left by grades told in the sentences before -----------------------


def test_the_other_areas_are_those_the_passage_has_not_graded():
    # https://www.audlem.org/news/ofsted-report-on-ce-children-services.html (Cheshire East's release,
    # 2024): care leavers inadequate, then "the other three areas of inspection" requiring improvement.
    text = ("Cheshire East Council has responded to the publication today (16 May 2024) of the latest Ofsted "
            "inspection of children's services in the borough.\n"
            "In a letter to the council's director of children's services, Ofsted rated the experiences and "
            "progress of care leavers as inadequate.\n"
            "The inspectors rated the other three areas of inspection as requiring improvement to be good, "
            "providing further detail on specific areas for improvement and areas of strength.")
    found = rows(text, "Cheshire East", 2024, "press_release")
    assert ("Cheshire East", 2024, "inadequate", "care leavers") in found
    assert {("Cheshire East", 2024, "requires improvement", area)
            for area in ("leadership", "help and protection", "children in care")} <= set(found)
    assert not [r for r in found if r[2] == "requires improvement" and r[3] in ("overall", "care leavers")]


def test_other_areas_after_the_one_graded_apart():
    # prose/2025-warwickshire-council-ofsted-publishes-inspection.txt (dev): "rated the experience and
    # progress of care leavers as 'good', while other areas were judged as 'requires improvement to be
    # good'" (a 2025 inspection: the four areas less care leavers, the overall grade apart).
    found = graded(dev_text("2025-warwickshire-council-ofsted-publishes-inspection.txt"), "Warwickshire")
    assert ("Warwickshire", "good", "care leavers") in found
    assert {("Warwickshire", "requires improvement", area)
            for area in ("leadership", "help and protection", "children in care")} <= found
    assert ("Warwickshire", "requires improvement", "care leavers") not in found
    # In other words, for the 2018-23 framework (overall, leadership, help and protection and the
    # one judgement for children in care and care leavers):
    text = "Kent was rated good for help and protection, while other areas were judged as requiring improvement."
    assert graded(text, "Kent", 2019) == {("Kent", "good", "help and protection"),
                                          ("Kent", "requires improvement", "leadership"),
                                          ("Kent", "requires improvement", "children in care and care leavers")}
