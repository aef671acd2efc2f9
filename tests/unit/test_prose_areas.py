"""Prose patterns of language for judgement areas (issue 11, items 1 and 3): the grades one
sentence gives several areas, and the older and newer names of the areas. Each rule is checked
on real text not used to write it: a dev-half document (benchmarks/accuracy/prose/, "split":
"dev") or a page found with the search tool (its address cited), and a second publisher's
sentence, or where none was found, in other words (said so). Test-half documents are never
read here.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text
from importers.vocabulary import area_for
from tests.paths import prose_text


def rows(text: str, authority: str | None = None, published=(None, None, None), kind: str = "news"):
    """(council, year, rating, area) per judgement."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]


def graded(text: str, authority: str | None = None, **kwargs) -> set[tuple]:
    """(council, rating, area) per judgement, the year left aside."""
    return {(council, rating, area) for council, _, rating, area in rows(text, authority, **kwargs)}


# --- a grade sharing the judging verb of the grade before it ------------------------------


def test_a_gapped_grade_shares_the_verb_before_it():
    # prose/undated-hexhamcourant-northumberland-outstanding-scrutiny.txt (dev): "rated as
    # outstanding in three categories, including overall effectiveness, and good in two more
    # including the experiences and progress of children in care".
    found = graded(prose_text("undated-hexhamcourant-northumberland-outstanding-scrutiny.txt"), "Northumberland")
    assert ("Northumberland", "good", "children in care") in found
    # https://www.bbc.com/news/uk-england-suffolk-48356747: the grade after "but" has the
    # verb's date too (the inspection "in 2015").
    bbc = ("The last time the council's children's services was inspected - in 2015 - it was rated "
           "requiring improvement in two categories, but good in leadership, management and governance.")
    assert ("Suffolk", 2015, "good", "leadership") in rows(bbc, "Suffolk", published=(2019, 5, 21))
    # A comma alone may join them (in other words):
    assert graded("Kent was judged good for leadership, outstanding for children in care and good for care leavers.") == {
        ("Kent", "good", "leadership"), ("Kent", "outstanding", "children in care"), ("Kent", "good", "care leavers")}
    # A grade after "and" with no area of its own is not read as one.
    assert graded("Kent was rated good overall, and praised for leadership.", "Kent") == {("Kent", "good", "overall")}


def test_grades_listed_each_with_its_own_areas():
    # http://fosteringwestcheshire.co.uk/2016/02/22/ofsted-judges-councils-children-families-service-one-countrys-top-performers/
    # Each grade's areas follow it; the areas after one grade are not the next one's subject.
    text = ("The authority was also judged to be 'good' overall, 'good' for children who need help and "
            "protection, 'good' for care looked after children and 'good' for the experiences of children "
            "leaving care.")
    assert graded(text, "Cheshire West and Chester") == {
        ("Cheshire West and Chester", "good", area)
        for area in ("overall", "help and protection", "children in care", "care leavers")
    }
    # https://www.cypnow.co.uk/cyp/news/2006181/childrens-services-at-child-friendly-city-receives-outstanding-rating
    leeds = ("The inspectorate judged children's services run by Leeds City Council to be \"outstanding\" for "
             "overall effectiveness and in the key areas of leadership and services for children that need "
             "help and protection. It was judged \"good\" for children in care and care leaver services.")
    assert graded(leeds) == {
        ("Leeds", "outstanding", "overall"), ("Leeds", "outstanding", "leadership"),
        ("Leeds", "outstanding", "help and protection"),
        ("Leeds", "good", "children in care"), ("Leeds", "good", "care leavers"),
    }


def test_areas_joined_by_in_addition_to():
    # https://www.cypnow.co.uk/news/article/council-moves-out-of-inadequate-following-ofsted-inspection
    text = ("The working environment in Leicester has improved and led to inspectors rating leadership, "
            "management and governance, in addition to adoption support, as \"good\".")
    assert graded(text) == {("Leicester", "good", "leadership"), ("Leicester", "good", "adoption")}
    # In other words, with "along with":
    assert graded("Kent's services for care leavers, along with adoption, were judged good.") == {
        ("Kent", "good", "care leavers"), ("Kent", "good", "adoption")}


# --- more areas given the same grade ------------------------------------------------------


def test_as_was_gives_the_same_grade_to_another_area():
    # https://www.bbc.com/news/uk-england-suffolk-48356747
    bbc = ("It also said the experience of children who need protection in Suffolk was outstanding, as was "
           "the services' \"overall effectiveness\".")
    assert graded(bbc) == {("Suffolk", "outstanding", "help and protection"), ("Suffolk", "outstanding", "overall")}
    # In other words (no second publisher's example was found):
    assert graded("Leadership in Kent was judged good, as were services for care leavers.") == {
        ("Kent", "good", "leadership"), ("Kent", "good", "care leavers")}


def test_every_category_as_a_participles_subject_is_every_area():
    # https://www.worcesternews.co.uk/news/23655365.worcestershires-children-services-rated-good-ofsted/
    text = ("The last full inspection of Worcestershire, published on July 29 2019, saw every category rated "
            "as 'requiring improvement to be good'.")
    assert graded(text) == {
        ("Worcestershire", "requires improvement", area)
        for area in ("overall", "leadership", "help and protection", "children in care and care leavers")
    }


def test_grades_given_to_named_areas_in_the_plural():
    # prose/undated-edp24-suffolk-outstanding.txt (dev): "Two out three categories - the impact of
    # social work practice with children and families and the experience and progress of children
    # who need help and protection - were given outstanding grades."
    found = graded(prose_text("undated-edp24-suffolk-outstanding.txt"), "Suffolk")
    assert {("Suffolk", "outstanding", "leadership"), ("Suffolk", "outstanding", "help and protection")} <= found
    # A count of grades over areas not named is none (prose/undated-careappointments-hampshire-
    # safeguarding-praise.txt, dev: "awarded the council nine 'outstanding' grades out of 22
    # categories"), and pupils' grades are no council's.
    assert rows("Inspectors awarded Kent nine 'outstanding' grades out of 22 categories.") == []
    assert rows("Kent pupils were given good grades.") == []


# --- areas a sentence leaves to a count or "the rest" -------------------------------------
# No real example was found in the dev half or with the search tool; in other words.


def test_counted_areas_are_those_the_sentence_leaves_where_the_count_fits():
    text = "Kent was judged good in three of the four areas, and requires improvement for help and protection."
    assert graded(text, published=(2019, 5, 1)) == {
        ("Kent", "good", "overall"), ("Kent", "good", "leadership"),
        ("Kent", "good", "children in care and care leavers"), ("Kent", "requires improvement", "help and protection"),
    }
    # The count does not fit (the 2013-17 framework graded six areas): no area is told.
    assert ("Kent", "good", "leadership") not in graded(
        "Kent was judged good in three of the four areas, and requires improvement for help and protection.",
        published=(2015, 5, 1))
    # The areas after the count are the grade's own.
    assert graded("Kent was found to be good in two areas: help and protection and children in care.",
                  published=(2019, 5, 1)) == {("Kent", "good", "help and protection"), ("Kent", "good", "children in care")}
    # "all but one" with the one not named: nothing is known of the others.
    bury = prose_text("2021-manchestergazette-bury-conservatives-slam-ofsted-failings.txt")
    assert {area for council, _, _, area in rows(bury, "Bury") if council == "Bury"} == {"overall"}


def test_the_rest_of_the_areas_leaves_out_those_named_and_the_overall_grade():
    text = "Kent was rated outstanding for help and protection and good for the rest."
    assert graded(text, published=(2019, 5, 1)) == {
        ("Kent", "outstanding", "help and protection"), ("Kent", "good", "leadership"),
        ("Kent", "good", "children in care and care leavers"),
    }
    assert graded("Kent was rated good overall, with all other areas also rated good.", published=(2019, 5, 1)) == {
        ("Kent", "good", area) for area in ("overall", "leadership", "help and protection", "children in care and care leavers")
    }
    # "the rest" of councils is not of areas (prose/2017-12-20-communitycare-leadership-ratings-analysis.txt, dev).
    assert rows("Twelve were judged inadequate, while the rest were judged as 'requires improvement to be good'.") == []


def test_areas_listed_as_a_copulas_subject():
    # In other words (no real example was found): the list the grade's subject ends.
    text = "Leadership in Kent was judged outstanding, while help and protection and children in care were good."
    assert graded(text) == {
        ("Kent", "outstanding", "leadership"), ("Kent", "good", "help and protection"), ("Kent", "good", "children in care")}
    # A table's label stays one area.
    assert graded("Kent\nHelp and protection: Good\nChildren in care: Requires improvement") == {
        ("Kent", "good", "help and protection"), ("Kent", "requires improvement", "children in care")}


# --- the areas' names -----------------------------------------------------------------------


def test_the_press_names_of_the_areas():
    # The board: prose/2015-06-22-brightonhove-council-requires-improvement.txt (dev) "Local Child
    # Safeguarding Board (LCSB)"; fosteringwestcheshire.co.uk (above) "the Local Children's
    # Safeguarding Board"; never help and protection for its "safeguarding".
    assert area_for("the city's independent Local Child Safeguarding Board") == "lscb"
    assert area_for("Ofsted also rated the Local Children's Safeguarding Board as good") == "lscb"
    assert area_for("the safeguarding board") == "lscb"
    # Help and protection: prose/undated-herefordtimes-herefordshire-decade-of-failings.txt (dev)
    # "Herefordshire Council's protection of children rated 'inadequate'"; the Community Care
    # analysis (prose/2017-12-20-communitycare-leadership-ratings-analysis.txt, dev) "rated good
    # for children in need"; CYP Now (above) "children that need help and protection".
    found = rows(prose_text("undated-herefordtimes-herefordshire-decade-of-failings.txt"), "Herefordshire")
    assert ("Herefordshire", 2012, "inadequate", "help and protection") in found
    assert ("Herefordshire", 2012, "inadequate", "overall") not in found
    assert area_for("one third were rated good for children in need") == "help and protection"
    assert area_for("children in need of help and protection") == "help and protection"
    # Leadership, its subject dropped: prose/undated-edp24-suffolk-outstanding.txt (dev) "the
    # impact of social work practice with children and families".
    assert area_for("the impact of social work practice with children and families") == "leadership"
    # ... and inverted, in other words: "with leaders' impact rated 'outstanding'".
    assert area_for("with leaders' impact rated") == "leadership"
    # Care leavers: "the experiences of children leaving care" (fosteringwestcheshire, above),
    # "care leaver services" (CYP Now, above).
    assert area_for("the experiences of children leaving care") == "care leavers"
    assert area_for("care leaver services") == "care leavers"


# --- descriptions that are no area's judgement ----------------------------------------------


def test_a_grade_of_one_aspect_of_an_areas_work_is_no_judgement():
    # prose/undated-cypnow-no-notice-inspections-priority-action.txt (dev): an unannounced
    # visit's finding, "The council's response to child protection referrals was deemed inadequate".
    text = prose_text("undated-cypnow-no-notice-inspections-priority-action.txt")
    assert not [r for r in rows(text, "Leeds") if r[0] == "Leeds"]
    # https://www.theguardian.com/society/2013/oct/15/child-protection-inadequate-ofsted-report
    # speaks of "the standard of child protection"; in other words, of one council:
    assert rows("In Kent the standard of child protection was judged poor.") == []
    # In other words: practice, outcomes or the quality of work in an area, a few words between.
    assert rows("Leadership in Kent is strong and the quality of work with care leavers is good.") == []
    assert rows("Outcomes for children in care in Kent are good.") == []
    assert rows("Inspectors found practice in Kent's children in care teams to be good.") == []
    # The area itself is still graded.
    assert rows("Kent's child protection was judged inadequate.") == [("Kent", None, "inadequate", "help and protection")]


def test_a_relative_clause_grades_its_antecedent():
    # prose/2014-communitycare-second-wave-single-inspections.txt (dev): "hold its local
    # safeguarding children's board, which Ofsted said requires improvement, to account".
    found = graded(prose_text("2014-communitycare-second-wave-single-inspections.txt"))
    assert ("Essex", "requires improvement", "lscb") in found
    # In other words (no second publisher's example was found):
    assert graded("Kent's adoption service, which inspectors found requires improvement, is to be reviewed.") == {
        ("Kent", "requires improvement", "adoption")}
    # The antecedent must be the council or an area: a school's is no judgement.
    assert rows("Kent opened a new school, which Ofsted said requires improvement.") == []


def test_protection_and_safeguarding_of_children_is_help_and_protection():
    # prose/2015-05-12-warrington-worldwide-requires-improvement.txt (dev): "Warrington Council's
    # protection and safeguarding of children still requires improvement"; and the Hereford Times'
    # "protection of children" (above).
    found = graded(prose_text("2015-05-12-warrington-worldwide-requires-improvement.txt"), "Warrington")
    assert ("Warrington", "requires improvement", "help and protection") in found
    assert area_for("the safeguarding and protection of children") == "help and protection"


def test_a_list_of_areas_set_out_after_the_grade():
    # https://www.thepost.uk.com/news/childrens-social-care-services-rated-good-528435: the
    # SIF's areas after a dash, one a semicolon ("Children in Care and Permanence" is one).
    text = ("The final report gave Cornwall Council an overall rating of 'Good,' with four of the key areas "
            "of the inspection also being rated as 'Good' — Children in Care and Permanence; Adoption; Care "
            "Leavers; and Leadership, Management and Governance.")
    assert graded(text) == {("Cornwall", "good", area)
                            for area in ("overall", "children in care", "adoption", "care leavers", "leadership")}
    # In other words, after a colon; the list must end the sentence, or it is not one.
    assert graded("Kent was rated outstanding in two areas: leadership and adoption.") == {
        ("Kent", "outstanding", "leadership"), ("Kent", "outstanding", "adoption")}
    assert ("Kent", "good", "leadership") not in graded("Kent was rated good: leadership was praised by inspectors.")


def test_a_grade_in_brackets_after_its_area():
    # In other words (no real example was found): a trade round-up's shorthand.
    text = ("Kent was rated good overall, with leadership (outstanding), help and protection (good) and "
            "children in care (requires improvement).")
    assert graded(text) == {
        ("Kent", "good", "overall"), ("Kent", "outstanding", "leadership"), ("Kent", "good", "help and protection"),
        ("Kent", "requires improvement", "children in care")}
    # A bracketed grade that is not closed there is no label ("adoption (good progress)").
    assert ("Kent", "good", "adoption") not in graded("Kent's adoption (good progress was noted) improved.")


def test_a_gapped_grade_with_its_own_object():
    # In other words (no real example was found): "judged X as good and Y as outstanding".
    text = "Ofsted judged leadership, management and governance in Kent as good and adoption performance as outstanding."
    assert graded(text) == {("Kent", "good", "leadership"), ("Kent", "outstanding", "adoption")}
    # The grade excepted by "every area except X, which requires improvement" is X's.
    assert ("Kent", "requires improvement", "help and protection") in graded(
        "Kent was rated good in every area except help and protection, which requires improvement.",
        published=(2019, 5, 1))


def test_every_one_of_a_counted_set_of_headings_and_the_councils_own_provision():
    # prose/undated-lancslive-blackburn-action-promised.txt (dev): "An Ofsted review of Blackburn
    # with Darwen Council's provision for vulnerable young people in January found it 'required
    # improvement' across all four major headings" (the council's provision is its services).
    sentence = next(line for line in prose_text("undated-lancslive-blackburn-action-promised.txt").splitlines()
                    if "major headings" in line).split(". ")[0] + "."
    assert graded(sentence, published=(2022, 3, 1)) == {
        ("Blackburn with Darwen", "requires improvement", area)
        for area in ("overall", "leadership", "help and protection", "children in care and care leavers")}
    # https://www.cypnow.co.uk/content/news/childrens-services-at-three-councils-rated-good-by-ofsted
    # ("outstanding" for Merton's areas) in other words, across all five judgements of 2023 on:
    assert graded("Merton was rated outstanding across all five judgements.", published=(2024, 7, 1)) == {
        ("Merton", "outstanding", area)
        for area in ("overall", "leadership", "help and protection", "children in care", "care leavers")}
    # Another provider's provision stays another's.
    assert rows("Kent Council's provision at its children's homes was judged good.") == []


# --- the sixth batch's dev documents (written after their figures were noted) ---------------


def test_the_single_inspection_frameworks_title_is_the_whole_inspection():
    # prose/2017-07-cllrmoorheadblog-knowsley-news-reaches-westminster.txt (dev): "our Ofsted
    # judgement on the services we provide for children in need of help and protection, children
    # looked after and care leavers, from a verdict of 'inadequate' ...": one grade, overall.
    found = graded(prose_text("2017-07-cllrmoorheadblog-knowsley-news-reaches-westminster.txt"), "Knowsley")
    assert {area for council, rating, area in found if rating == "inadequate"} == {"overall"}
    # The Oxfordshire minutes (https://mycouncil.oxfordshire.gov.uk/mgAi.aspx?ID=12198) name it so:
    assert area_for("Inspection of services for children in need of help and protection, children looked "
                    "after and care leavers") == "overall"


def test_children_in_and_leaving_care_are_two_areas():
    # prose/2016-dorsetforyou-ofsted-childrens-services-report.txt (dev): "services for children in
    # need of help and protection and those both in and leaving care, 'require improvement to be good'".
    found = graded(prose_text("2016-dorsetforyou-ofsted-childrens-services-report.txt"), "Dorset")
    assert {("Dorset", "requires improvement", area)
            for area in ("help and protection", "children in care", "care leavers")} <= found
    # In other words, the common phrase; and ILACS's formal name stays one judgement.
    assert graded("Services for children in and leaving care in Kent were judged good.") == {
        ("Kent", "good", "children in care"), ("Kent", "good", "care leavers")}
    assert graded("The experiences and progress of children in care and care leavers in Kent were judged good.") == {
        ("Kent", "good", "children in care and care leavers")}


def test_safeguarding_children_is_help_and_protection():
    # prose/2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt (dev): "an overall
    # grade of 'adequate' for safeguarding children and for looked after children".
    found = graded(prose_text("2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt"), "Surrey")
    assert {("Surrey", "adequate", "help and protection"), ("Surrey", "adequate", "children in care")} <= found
    # ... but the safeguarding children board is the board (Warrington Worldwide, dev, above).
    assert area_for("Warrington's Safeguarding Children Board") == "lscb"


def test_a_quoted_grade_before_an_areas_name():
    # prose/undated-islington-council-outstanding-leadership-good.txt (dev): "received a 'good'
    # Ofsted rating, underpinned by 'outstanding' leadership, management and governance", and
    # "rated as having 'outstanding' leadership and governance".
    found = graded(prose_text("undated-islington-council-outstanding-leadership-good.txt"), "Islington")
    assert found == {("Islington", "good", "overall"), ("Islington", "outstanding", "leadership")}
    # Unquoted, the same words are praise (https://www.lgcplus.com/services/children/city-achieves-
    # outstanding-ofsted-rating-as-met-improves/7027172.article: 'a "good" rating with "strong and
    # effective leadership and management"'):
    assert graded("Kent was rated good with outstanding leadership.") == {("Kent", "good", "overall")}


def test_a_table_of_grades_with_cell_bars_and_areas_as_a_verbs_object():
    # prose/undated-sunderland-council-outstanding-rating-childrens-services.txt (dev): a table
    # "The experiences and progress of care leavers | Good |".
    found = graded(prose_text("undated-sunderland-council-outstanding-rating-childrens-services.txt"), "Sunderland")
    assert {("Sunderland", "outstanding", "leadership"), ("Sunderland", "good", "care leavers")} <= found
    # prose/2021-08-20-communitycare-sunderland-inadequate-to-outstanding.txt (dev): "rated the
    # children's services' 'impact of leaders on social work practice with children and families'
    # and 'experiences and progress of children in care and care leavers' as outstanding".
    found = graded(prose_text("2021-08-20-communitycare-sunderland-inadequate-to-outstanding.txt"), "Sunderland")
    assert {("Sunderland", "outstanding", "leadership"),
            ("Sunderland", "outstanding", "children in care and care leavers")} <= found


def test_a_count_of_inspections_graded_is_no_councils_grade():
    # prose/undated-gateshead-council-minutes-sif-inspection-good.txt (dev): "Nationally 85
    # inspections were carried out, only 20 were graded good and two outstanding."
    found = rows(prose_text("undated-gateshead-council-minutes-sif-inspection-good.txt"), "Gateshead")
    assert ("Gateshead", None, "outstanding", "overall") not in found
    # In other words:
    assert rows("Of the councils inspected, only 12 were rated good.", "Kent") == []


def test_the_press_names_for_the_best_grade():
    # prose/2025-04-17-socialworktoday-camden-outstanding-children-and-adults.txt (dev): "awarded
    # the authority the top mark in all areas judged, including ..." (2025: five areas).
    found = graded(prose_text("2025-04-17-socialworktoday-camden-outstanding-children-and-adults.txt"), "Camden",
                   published=(2025, 4, 17))
    assert {("Camden", "outstanding", area)
            for area in ("leadership", "help and protection", "children in care", "care leavers")} <= found
    # prose/2019-01-08-communitycare-essex-outstanding.txt (dev): "with child protection services
    # and the quality of leadership also receiving the highest grade".
    found = graded(prose_text("2019-01-08-communitycare-essex-outstanding.txt"), "Essex")
    assert {("Essex", "outstanding", "help and protection"), ("Essex", "outstanding", "leadership")} <= found
    # Not a grade: the scale defined (https://www.bbc.com/news/uk-england-suffolk-48356747:
    # "Outstanding is the highest rating from Ofsted."), a grade missed, or one already told.
    assert rows("Outstanding is the highest rating from Ofsted.", "Suffolk") == []
    assert rows("Kent narrowly missed out on the top grade.") == []
    assert rows("Kent has retained its top grade.") == []


def test_grades_counted_over_areas_or_shared_by_councils_are_no_councils_grade():
    # prose/2010-06-21-communitycare-salford-safeguarding-inadequate.txt (dev): "rated the
    # authority's performance in 33 different areas. They found four were 'good', 21 'adequate',
    # but eight 'inadequate'" (counts of areas' grades).
    found = rows(prose_text("2010-06-21-communitycare-salford-safeguarding-inadequate.txt"), "Salford")
    assert {r[3] for r in found if r[0] == "Salford"} == {"help and protection"}
    # prose/undated-merton-scrutiny-minutes-sif-outcomes-in-london.txt (dev): "There are only three
    # outstanding authorities in England: Lincolnshire, Kensington and Chelsea and Westminster and
    # across England only a third are judged good or outstanding ... there are proportionately more
    # judged inadequate in London": the three listed are outstanding; the share and the comparison
    # are no council's.
    found = graded(prose_text("undated-merton-scrutiny-minutes-sif-outcomes-in-london.txt"), "Merton", kind="minutes")
    assert found == {(c, "outstanding", "overall") for c in ("Lincolnshire", "Kensington and Chelsea", "Westminster")}
    # In other words, a council's own grade told "once more" is still its own.
    assert rows("Kent was once more judged inadequate.") == [("Kent", None, "inadequate", "overall")]


def test_services_other_inspectorates_grade_are_not_childrens_services():
    # https://feeds.bbci.co.uk/news/uk-england-surrey-60902368: HM Inspectorate of Probation's
    # grade of a youth offending service, and its chief inspector's generic "To go from ...".
    bbc = ("A youth offending service has gone from \"inadequate\" to \"good\" in its first inspection in three "
           "years, a watchdog has said. Staff in Surrey had shown commitment to improving a \"once-struggling "
           "service,\" according to HM Inspectorate of Probation. Chief Inspector of Probation, Justin Russell, "
           "said: \"To go from an inadequate to good rating in just a few years is quite an achievement.\"")
    assert rows(bbc, "Surrey", published=(2022, 3, 30)) == []
    # prose/2025-04-17-socialworktoday-camden-outstanding-children-and-adults.txt (dev) names the
    # CQC's grade of adult social care beside Ofsted's; in other words, each alone:
    assert rows("Kent's adult social care was rated good by the CQC.") == []
    assert rows("Kent's special educational needs services were judged inadequate.") == []
    assert rows("Kent's youth justice service was judged outstanding.") == []


def test_a_strands_own_overall_effectiveness_is_that_strands_grade():
    # https://publications.parliament.uk/pa/cm201415/cmselect/cmcomloc/1114/111405.htm: "In July
    # 2010 Ofsted conducted an inspection of safeguarding and looked after children. Safeguarding
    # services were deemed to be 'adequate' in their overall effectiveness and capacity for
    # improvement." (the strand's capacity is no judgement of its own).
    text = ("In July 2010 Ofsted conducted an inspection of safeguarding and looked after children. Safeguarding "
            "services were deemed to be 'adequate' in their overall effectiveness and capacity for improvement.")
    assert rows(text, "Rotherham", kind="parliament") == [("Rotherham", 2010, "adequate", "help and protection")]
    # In other words; and a grade for the council's services after another strand's stays overall
    # (prose/2019-10-22-cypnow-durham-improvements.txt, dev: "which received an 'outstanding' rating
    # for its child protection in 2012, was handed a 'requires improvement' rating for its children's services").
    assert graded("In Kent, services for looked after children were judged good in their overall effectiveness.") == {
        ("Kent", "good", "children in care")}
    found = rows(prose_text("2019-10-22-cypnow-durham-improvements.txt"), "County Durham")
    assert ("County Durham", 2016, "requires improvement", "overall") in found


def test_every_area_of_an_undated_page_that_names_2018_is_ilacss():
    # prose/undated-lancashiretelegraph-lancashire-good-across-the-board.txt (dev): an undated page
    # ("The last time ... was in 2018") on a grade "'good' across the board": an inspection in 2018
    # or later, which only ILACS grades, so its areas.
    found = graded(prose_text("undated-lancashiretelegraph-lancashire-good-across-the-board.txt"), "Lancashire")
    assert {("Lancashire", "good", area)
            for area in ("overall", "leadership", "help and protection", "children in care and care leavers")} <= found
    # A page naming only 2016 might tell of a SIF inspection or an ILACS one: the overall grade only
    # (prose/undated-yorkshireeveningpost-wakefield-inadequate-all-areas.txt, dev, "'inadequate' in all areas").
    found = graded(prose_text("undated-yorkshireeveningpost-wakefield-inadequate-all-areas.txt"), "Wakefield")
    assert ("Wakefield", "inadequate", "adoption") not in found and ("Wakefield", "inadequate", "overall") in found


def test_a_count_of_visits_is_not_a_count_of_councils_and_aims_for_the_future_are_no_grade():
    # prose/2019-07-07-hamhigh-barnet-good-much-improved.txt (dev): "comes after a number of
    # monitoring visits and sees the council given a 'good' grade in all four criteria - covering ...".
    found = graded(prose_text("2019-07-07-hamhigh-barnet-good-much-improved.txt"), "Barnet")
    assert {("Barnet", "good", area)
            for area in ("overall", "leadership", "help and protection", "children in care and care leavers")} <= found
    # prose/2019-03-04-cypnow-slough-trust-improves-rating.txt (dev): "makes a number of
    # recommendations to help it become 'good' in the future".
    found = rows(prose_text("2019-03-04-cypnow-slough-trust-improves-rating.txt"), "Slough")
    assert not [r for r in found if r[2] == "good"]
    # "a number of councils" still counts councils (in other words):
    assert rows("A number of councils were rated good, Kent among them.") == []
