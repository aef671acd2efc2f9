"""Grades the text does not give a council (issue 11, "overall grades found, and nothing extra"):
a grade aimed at, a grade of some parts only, Ofsted's scale described in general. Each rule is
checked on dev-half pages (benchmarks/accuracy/prose/) and on a page of the overall check set
(benchmarks/accuracy/overall_check/, labelled by hand before the extractor was run on it) or,
where that set has none, in other words (said so). Test-half pages are never read here.
"""

from __future__ import annotations

from tests.paths import REPO, prose_text
from tests.unit.test_prose_areas import graded, rows

OVERALL_CHECK = REPO / "benchmarks" / "accuracy" / "overall_check"


def check_text(name: str) -> str:
    return (OVERALL_CHECK / name).read_text(encoding="utf-8")


# --- a grade aimed at, pledged or still to be won ---------------------------------------------


def test_a_grade_vowed_or_set_as_the_next_stop_is_no_grade():
    # prose/2014-08-08-localgov-buckinghamshire-inadequate.txt (dev): "vowed to restore a 'good' or
    # better rating for Buckinghamshire".
    found = graded(prose_text("2014-08-08-localgov-buckinghamshire-inadequate.txt"), "Buckinghamshire")
    assert ("Buckinghamshire", "good", "overall") not in found
    assert ("Buckinghamshire", "inadequate", "overall") in found
    # prose/2022-09-21-leveller-somerset-good.txt (dev): "next stop has to be 'outstanding'".
    found = graded(prose_text("2022-09-21-leveller-somerset-good.txt"), "Somerset")
    assert ("Somerset", "outstanding", "overall") not in found
    assert ("Somerset", "good", "overall") in found
    # prose/2011-miltonkeynes-citizen-provision-needs-to-be-outstanding.txt (dev): "not yet
    # achieved our objective of being assessed as outstanding".
    found = graded(prose_text("2011-miltonkeynes-citizen-provision-needs-to-be-outstanding.txt"), "Milton Keynes")
    assert ("Milton Keynes", "outstanding", "overall") not in found
    assert ("Milton Keynes", "good", "overall") in found  # "continue to 'perform well'"


def test_a_grade_as_the_object_of_a_verb_of_attaining_in_its_base_form_is_still_to_be_won():
    # overall_check/undated-telford-getting-to-good-plan.txt: "to further improve services and
    # achieve a good rating" (the infinitive opened well before the verb).
    found = graded(check_text("undated-telford-getting-to-good-plan.txt"), "Telford and Wrekin")
    assert ("Telford and Wrekin", "good", "overall") not in found
    assert ("Telford and Wrekin", "requires improvement", "overall") in found
    # A grade helped to, or achieved, is won (prose/2019-cypnow-new-inspections-reveal-progress.txt,
    # dev: "had helped achieve a 'requires improvement' rating"; the second in other words).
    found = graded(prose_text("2019-cypnow-new-inspections-reveal-progress.txt"))
    assert ("Birmingham", "requires improvement", "overall") in found
    assert ("Kent", "good", "overall") in graded("Kent County Council achieved a good rating in 2019.")


def test_a_pledge_is_a_verb_before_to_or_that_not_the_noun_promise():
    # overall_check/undated-cypnow-somerset-dcs-pledges-improvement.txt: "pledged that by April 2016
    # the council will have achieved the higher Ofsted rating of 'requires improvement'" is hoped
    # for; "made the promise after being labelled 'inadequate'" tells the grade given.
    found = graded(check_text("undated-cypnow-somerset-dcs-pledges-improvement.txt"), "Somerset")
    assert ("Somerset", "requires improvement", "overall") not in found
    assert ("Somerset", "inadequate", "overall") in found


# --- a grade of some parts, counted vaguely --------------------------------------------------


def test_a_grade_in_a_number_of_key_areas_is_no_overall_grade():
    # prose/undated-yorkshirepost-barnsley-immediate-action.txt (dev): "gave the authority a
    # 'requires improvement' rating in a number of key areas among them ...".
    found = graded(prose_text("undated-yorkshirepost-barnsley-immediate-action.txt"), "Barnsley")
    assert ("Barnsley", "requires improvement", "overall") not in found
    # prose/undated-newsshopper-bexley-safeguarding-inadequate.txt (dev): "branded Bexley Council's
    # children's services 'inadequate' in a number of key areas".
    found = graded(prose_text("undated-newsshopper-bexley-safeguarding-inadequate.txt"), "Bexley")
    assert ("Bexley", "inadequate", "overall") not in found
    # A count set out as a list keeps the list's areas (in the words of the dev page
    # prose/undated-blackpoolgazette-blackpool-leader-vow-requires-improvement.txt); in other
    # words, "some areas" alone gives none.
    found = graded("The report concludes Blackpool Council's children's service “requires improvement” in "
                   "three key areas –children who need help and protection, children looked after and "
                   "leadership, management and governance.")
    assert ("Blackpool", "requires improvement", "help and protection") in found
    assert ("Blackpool", "requires improvement", "overall") not in found
    assert not graded("Ofsted rated Sefton Council's children's services inadequate in some areas.")


# --- Ofsted's scale described in general ------------------------------------------------------


def test_the_scale_described_in_general_is_no_councils_grade():
    # prose/2021-11-12-leicester-council-good-all-areas.txt (dev): "Only one category – outstanding –
    # is above that of 'good' on Ofsted's four-point scale" after "only Lincolnshire has a higher rating".
    found = graded(prose_text("2021-11-12-leicester-council-good-all-areas.txt"), "Leicester")
    assert not {row for row in found if row[0] == "Lincolnshire"}
    assert ("Leicester", "good", "overall") in found
    # prose/2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt (dev): a grade defined.
    assert not graded('Ofsted defines "adequate" as meaning "only meets minimum requirements", '
                      'said Surrey County Council.')
    # overall_check/undated-cypnow-rise-in-inadequate-ratings.txt: "Rise in inadequate ratings due to
    # higher expectations" (a headline), on a page naming no council but a job advert's.
    assert not graded(check_text("undated-cypnow-rise-in-inadequate-ratings.txt"))


# --- the grade before a change, named bare ----------------------------------------------------


def test_a_grade_moved_out_of_is_the_one_before():
    # prose/2017-09-05-cypnow-leicester-moves-out-of-inadequate.txt (dev): the headline "Council
    # moves out of 'inadequate' following Ofsted inspection" tells the 2015 grade, not a 2017 one.
    found = set(rows(prose_text("2017-09-05-cypnow-leicester-moves-out-of-inadequate.txt"), "Leicester", (2017, 9, 5)))
    assert ("Leicester", 2017, "inadequate", "overall") not in found
    assert ("Leicester", 2015, "inadequate", "overall") in found
    assert ("Leicester", 2017, "requires improvement", "overall") in found
