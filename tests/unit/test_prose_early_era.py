"""The language of 2008-2012 round-ups and local news (annual performance assessments, the
annual rating, the 2009-12 inspections), checked on real text found with the search tool
outside the labelled set, each excerpt cited by its URL. The excerpts are a sentence or a few,
unedited, enough to show the pattern.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.clauses import other_event_date
from importers.extract.dates import find_dates
from importers.extract.inspections import subject_inspection
from importers.pdf_report import read_report
from importers.sanitize import clean_text
from importers.vocabulary import area_for
from tests.paths import prose_text
from tests.unit.test_prose_other_publishers import rows


# --- a year the news is compared with dates none of its grades ---------------------------


def test_a_year_when_no_council_was_rated_dates_none_of_the_grades_after_it():
    # http://www.publicnet.co.uk/news/2008/12/18/councils-say-message-on-childrens-services-is-loud-and-clear/
    # (the 2008 APA): "In 2007 no council was rated as inadequate overall" is the baseline.
    text = ("Children’s Services in four local authority areas have been judged to be inadequate by Ofsted "
            "inspectors and eight councils were found not to have come up to the mark for the ‘staying safe’ "
            "outcome. In 2007 no council was rated as inadequate overall while four fell short of the required "
            "standard for ‘staying safe’.\n\nShe was responding to an Ofsted report which judged children’s "
            "services in Doncaster, Haringey, Milton Keynes and Surrey to be inadequate overall.")
    found = rows(text, year=2008)
    assert {year for _, year, _, _ in found} == {2008}
    assert ("Surrey", 2008, "inadequate", "overall") in found


def test_a_change_measured_from_last_year_is_dated_this_year():
    # http://news.bbc.co.uk/2/hi/uk_news/7786915.stm (17 December 2008): "has also risen from
    # none last year to four this year. Those councils were ..." (the count's councils are
    # named by the next sentence; the baseline's year is not theirs).
    text = ("Ofsted's data also shows that the number of councils found to be inadequate in all children's "
            "services overall has also risen from none last year to four this year.\n\n"
            "Those councils were Doncaster, Haringey, Milton Keynes and Surrey.")
    assert set(rows(text, year=2008)) == {
        (c, 2008, "inadequate", "overall") for c in ("Doncaster", "Haringey", "Milton Keynes", "Surrey")}
    # https://www.theguardian.com/society/2008/dec/18/councils-failing-ofsted-child-protection:
    # "compared with none last year" after the councils and their grade.
    other = ("Four councils - Doncaster, Haringey, Milton Keynes and Surrey - were found to be inadequate in all "
             "children's services overall, compared with none last year.")
    assert set(rows(other, year=2008)) == {
        (c, 2008, "inadequate", "overall") for c in ("Doncaster", "Haringey", "Milton Keynes", "Surrey")}


def test_a_baseline_date_is_no_events_date():
    # "up from four in 2007" (https://the-independent.com/news/uk/politics/eight-councils-rated-
    # as-inadequate-for-children-1202320.html), "compared with 62.7% in April 2014" (a council's
    # own figures in a 2015 report), and a date that is the news's own.
    for text, which, baseline in (
        ("The children's services watchdog ranked eight councils as \"inadequate\" – up from four in 2007.", -1, True),
        ("Performance rose to 71% in February 2015 compared with 62.7% in April 2014.", -1, True),
        ("Ofsted judged the council's services inadequate in March 2015.", -1, False),
        ("In June 2015, 45 children were waiting to be adopted.", 0, True),
        # A grade's date is its own event, whatever the verb of change.
        ("Kent's rating rose from inadequate in 2014 to good in 2017.", 0, False),
    ):
        dates = [d for d in find_dates(text) if d.year is not None]
        assert other_event_date(text, dates[which]) is baseline, text


# --- the councils a round-up names ---------------------------------------------------


def test_the_councils_a_count_announces_are_named_by_the_next_sentence():
    # https://www.localgov.co.uk/Ofsted-identifies-12-councils-poor-performance-on-childrens-services/33803
    # (the 2010 annual rating): "concern at 12 councils deemed to be performing poorly overall.
    # They are ...".
    text = ("But the watchdog raised concern at 12 councils deemed to be performing poorly overall. They are "
            "Salford, Birmingham, Calderdale, Doncaster, Essex, Kent, Leeds, Sandwell, Torbay, Nottinghamshire, "
            "Peterborough, and Worcestershire.")
    found = rows(text, year=2010)
    assert len(found) == 12 and {r for _, _, r, _ in found} == {"poor"}
    assert ("Torbay", 2010, "poor", "overall") in found
    # A count the next sentence does not match names no council.
    assert rows(text.replace("12 councils", "13 councils"), year=2010) == []


def test_a_services_grade_at_a_list_of_councils_is_theirs():
    # http://news.bbc.co.uk/2/hi/uk_news/7786915.stm and the Guardian's story of the same day
    # (above): the councils after "at", and the one "as well as" opened on.
    text = ("As well as Haringey, child protection was rated inadequate at Birmingham, Doncaster, Essex, "
            "Reading, Surrey, West Sussex and Wokingham councils.")
    assert {c for c, *_ in rows(text, year=2008)} == {
        "Haringey", "Birmingham", "Doncaster", "Essex", "Reading", "Surrey", "West Sussex", "Wokingham"}
    # A council as the subject keeps its grade ("at" names no list of councils here).
    assert rows("Kent was rated inadequate at its inspection in March.", year=2010) == [
        ("Kent", 2010, "inadequate", "overall")]


# --- years listed at a sentence's opening --------------------------------------------


def test_years_listed_in_an_opening_adverbial_each_date_the_grade():
    # http://www.bbc.com/news/uk-england-cornwall-21804137 (2013): "In 2009 and 2011, the
    # services were labelled as 'inadequate' by Ofsted."
    text = "In 2009 and 2011, the services were labelled as \"inadequate\" by Ofsted."
    assert rows(text, "Cornwall", 2013) == [
        ("Cornwall", 2009, "inadequate", "overall"), ("Cornwall", 2011, "inadequate", "overall")]
    # prose/2019-12-20-communitycare-kingston-inadequate-to-outstanding.txt (dev, read after the
    # rule was written): "In 2012 and 2013, the inspectorate had rated services as inadequate".
    kingston = "In 2012 and 2013, the inspectorate had rated services as inadequate, leading it to work more closely."
    assert {y for _, y, _, _ in rows(kingston, "Kingston upon Thames", 2019)} == {2012, 2013}
    # One year opening the sentence dates it alone (https://feeds.bbci.co.uk/news/uk-england-
    # cambridgeshire-45085574, 2018: "In 2011, the services were rated as poor by Ofsted").
    assert rows("In 2011, the services were rated as poor by Ofsted.", "Peterborough", 2018) == [
        ("Peterborough", 2011, "poor", "overall")]


# --- a board's review printed on its own ----------------------------------------------


def test_a_report_on_the_board_alone_is_a_board_review():
    # The title Ofsted prints on a review of a Local Safeguarding Children Board published apart
    # from the council's inspection; a SIF report's title names both and is the inspection.
    head = ("Review of the effectiveness of the Local Safeguarding Children Board\n\n"
            "Inspection dates: 16 March 2015 – 9 April 2015\n\n"
            "The Local Safeguarding Children Board\n\nThe Local Safeguarding Children Board is good.\n\n"
            "Ofsted inspected the board.\n")
    assert read_report(head).meta.get("inspection_type") == "review"
    both = head.replace(
        "Review of the effectiveness",
        "Inspection of services for children in need of help and protection, children looked after and care "
        "leavers and Review of the effectiveness")
    assert read_report(both).meta.get("inspection_type") != "review"


# --- a share of councils is no council ------------------------------------------------


def test_a_share_of_councils_judged_is_no_councils_grade():
    # http://news.bbc.co.uk/2/hi/uk_news/education/7742335.stm (24 November 2008): "The proportion
    # judged outstanding in 2007 (9%)" after a sentence listing five councils.
    text = ("Last year five areas were in this category as regards keeping children safe: Hertfordshire, "
            "Isles of Scilly, Salford, Stoke-on-Trent, Peterborough.\n\nThe proportion judged outstanding in 2007 "
            "(9%) was smaller than in 2006 (16%), and the overall proportion judged to be good or better (70%) "
            "was also down (from 73%).")
    assert rows(text, "Hertfordshire", 2008) == []
    # prose/2008-fenews-annual-performance-assessments-gateshead.txt (dev): "73 per cent were judged".
    assert rows("Out of the 147 local councils, 73 per cent were judged good or outstanding in the contribution "
                "they make to improving services overall for children and young people.", "Gateshead", 2008) == []


def test_a_councils_other_grade_told_before_the_news_is_another_event():
    # https://www.theguardian.com/society/2008/dec/18/councils-failing-ofsted-child-protection: the
    # passage tells "inadequate" afresh, so "a good rating last year to Haringey" dates none of it.
    text = ("The number of councils in England judged inadequate at keeping children safe has doubled in a "
            "year, said the Office for Standards in Education, Children's Services and Skills (Ofsted), which "
            "recently came under fire for awarding a good rating last year to Haringey council in north London, "
            "where Baby P died.\n\nNine local authorities, including Haringey, were found to be inadequate in "
            "Ofsted's annual performance assessments (APAs), including eight deemed to be failing to keep "
            "children safe.\n\nEd Balls, the children's secretary, said government \"intervention experts\" "
            "would be working urgently with struggling councils.\n\nAs well as Haringey, child protection was "
            "rated inadequate at Birmingham, Doncaster, Essex, Reading, Surrey, West Sussex and Wokingham councils.")
    found = rows(text, year=2008)
    assert {(c, y) for c, y, r, _ in found if r == "good"} == {("Haringey", 2007)}
    assert {y for _, y, r, _ in found if r == "inadequate"} == {2008}
    # http://news.bbc.co.uk/2/hi/uk_news/7786915.stm: the news's grade first, its year compared after.
    other = ("Last year, four councils were found to be inadequate, but this year that rose to eight. Among them "
             "was Haringey, north London, where Baby P died.\n\nAs well as Haringey, child protection was rated "
             "inadequate at Birmingham, Doncaster, Essex, Reading, Surrey, West Sussex and Wokingham councils.")
    assert {y for _, y, _, _ in rows(other, year=2008)} == {2008}


# --- the inspection a story is about, and grades of aspects with no area ---------------


def test_the_report_a_story_is_about_is_its_inspection_not_an_earlier_review_beside_it():
    # prose/2009-10-23-communitycare-cornwall-failing-to-protect-children.txt (dev): "problems
    # recognised in a 2008 joint area review ... its report of a September inspection. Ofsted
    # has given Cornwall an overall rating of 'inadequate'" (the page is of October 2009).
    text = clean_text(prose_text("2009-10-23-communitycare-cornwall-failing-to-protect-children.txt"))
    ctx = DocContext(authority="Cornwall", published=(2009, 10, 23))
    own = subject_inspection(text, ctx)
    assert own is not None and own.get("inspection_type") == "inspection" and own.get("year") == 2009
    assert ("Cornwall", 2009, "inadequate", "overall") in rows(text, "Cornwall", 2009)
    # prose/2013-cheshire-east-minutes-protection-inspection.txt (dev): "To consider the report
    # of an Ofsted inspection of local authority arrangements for the protection of children".
    minutes = clean_text(prose_text("2013-cheshire-east-minutes-protection-inspection.txt"))
    own = subject_inspection(minutes, DocContext(authority="Cheshire East", kind="minutes"))
    assert own is not None and own.get("subject")


def test_a_grade_in_an_aspect_with_no_area_of_its_own_is_no_judgement():
    # The 2009 Cornwall story above: "In services for looked after children, Cornwall was
    # rated inadequate in assessment and direct work with children, ambition and
    # prioritisation, and value for money, among others" (sub-judgements of the strand).
    text = ("In services for looked after children, Cornwall was rated inadequate in assessment and direct work "
            "with children, ambition and prioritisation, and value for money, among others.")
    assert rows(text, "Cornwall", 2009) == []
    # https://moderngov.halton.gov.uk/ieIssueDetails.aspx?IId=10972&Opt=3&PlanId=0 (January 2009,
    # the 2008 APA): the Every Child Matters outcomes listed among the areas are passed over.
    apa = ("In conclusion, Halton’s performance had been particularly impressive in that four grades of "
           "“outstanding” had been achieved in Safeguarding; Enjoying and Achieving; Making a Positive "
           "Contribution; and Capacity to Improve.")
    assert {(c, r, a) for c, _, r, a in rows(apa, "Halton", 2009, "minutes")} == {
        ("Halton", "outstanding", "help and protection"), ("Halton", "outstanding", "capacity for improvement")}


def test_counts_of_grades_name_no_area():
    # prose/2010-06-21-communitycare-salford-safeguarding-inadequate.txt (dev): "They found four
    # were 'good', 21 'adequate', but eight 'inadequate'" (of 33 graded areas).
    text = ("The inspectorate rated the authority’s performance in 33 different areas. They found four were "
            "“good”, 21 “adequate”, but eight “inadequate”, mostly in the safeguarding service.")
    assert rows(text, "Salford", 2010) == []
    # prose/undated-careappointments-hampshire-safeguarding-praise.txt (dev): "inspectors awarded
    # the council nine 'outstanding' grades out of 22 categories".
    other = "Following an inspection in June, inspectors awarded the council nine “outstanding” grades out of 22 categories."
    assert rows(other, "Hampshire", 2010) == []


def test_safeguarding_children_and_looked_after_children_are_the_two_strands():
    # prose/2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt (dev): "an overall
    # grade of 'adequate' for safeguarding children and for looked after children".
    text = ("Ofsted has given Surrey County Council an overall grade of 'adequate' for safeguarding children and "
            "for looked after children.")
    assert {a for *_, a in rows(text, "Surrey", 2010)} == {"help and protection", "children in care"}
    # prose/2010-teachingtimes-child-safety-inadequate.txt (dev): "inadequate in safeguarding
    # children this year"; the board keeps its own name.
    assert area_for("found to be inadequate in safeguarding children this year") == "help and protection"
    assert area_for("the Local Safeguarding Children Board") == "lscb"
