"""Prose patterns found on the accuracy set's dev half, each tested on its real sentence.

Each sentence below is quoted from the dev-half file named beside it
(benchmarks/accuracy/prose/, its label's "split" is "dev"); the same pattern
is then checked in other words, so that no rule is written for one sentence.
Test-half documents are never read here.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text

NO_DATE = (None, None, None)


def rows(text: str, authority: str | None = None, published=NO_DATE, kind: str = "news"):
    """(council, year, rating, area) per judgement."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]


# --- one sentence grading several areas -------------------------------------------


def test_an_including_clause_names_the_areas_however_loosely_listed():
    # prose/2025-bbc-gloucestershire-good-rating-childrens-services.txt
    text = ("Three other areas received good ratings, which included the experiences of children and care "
            "leavers who need help and protection, as well as the overall effectiveness of the service.")
    assert rows(text, "Gloucestershire") == [
        ("Gloucestershire", None, "good", "care leavers"),
        ("Gloucestershire", None, "good", "help and protection"),
        ("Gloucestershire", None, "good", "overall"),
    ]
    other = "Leeds was rated outstanding in most areas, including the care leavers service and, notably, leadership."
    assert {r[3] for r in rows(other)} == {"care leavers", "leadership"}


def test_categories_listed_after_the_rating_in_the_press_s_words():
    # prose/2025-bbc-gloucestershire-good-rating-childrens-services.txt
    text = ("The report found Gloucestershire's children's services had outstanding ratings in two categories, "
            "children's experience in care and the impact of leaders on social work practice.")
    assert rows(text) == [
        ("Gloucestershire", None, "outstanding", "children in care"),
        ("Gloucestershire", None, "outstanding", "leadership"),
    ]
    other = "Wigan was rated good for children's experiences in care."
    assert rows(other) == [("Wigan", None, "good", "children in care")]


def test_a_possessive_with_its_noun_left_unsaid_takes_the_area_named_before():
    # prose/2009-careappointments-staffordshire-devon-announced-inspections.txt
    text = ("Staffordshire’s services for looked-after children were rated as adequate, while Devon’s "
            "received an overall rating of good.")
    assert rows(text) == [
        ("Staffordshire", None, "adequate", "children in care"),
        ("Devon", None, "good", "children in care"),
    ]
    other = "Kent's adoption services were judged good, whereas Essex's were judged outstanding."
    assert rows(other) == [("Kent", None, "good", "adoption"), ("Essex", None, "outstanding", "adoption")]
    # A possessive with its own noun is no ellipsis.
    plain = "Kent's adoption services were judged good, while Essex's council was judged outstanding."
    assert rows(plain)[-1] == ("Essex", None, "outstanding", "overall")


def test_councils_named_together_with_a_plural_council_word():
    # prose/2009-careappointments-staffordshire-devon-announced-inspections.txt
    text = "Staffordshire and Devon County Councils both received a rating of adequate for safeguarding."
    assert rows(text) == [
        ("Staffordshire", None, "adequate", "help and protection"),
        ("Devon", None, "adequate", "help and protection"),
    ]


def test_the_apa_staying_safe_outcome_is_help_and_protection():
    # The README's area convention for the annual performance assessment;
    # prose/2008-02-26-cypnow-councils-praised-safeguarding.txt words it "keep children safe".
    assert rows("Leeds was judged good for staying safe.") == [("Leeds", None, "good", "help and protection")]
    assert rows("Wandsworth was rated outstanding for keeping children safe.") == [
        ("Wandsworth", None, "outstanding", "help and protection")]


# --- earlier grades with their own years -------------------------------------------


def test_a_rating_before_ofsted_ratings_with_a_list_of_years():
    # prose/2019-03-04-cypnow-slough-trust-improves-rating.txt: the council is the one the
    # sentence before named.
    text = ("The trust was established in October 2015 after the Department for Education intervened to "
            "remove responsibility for children's services from Slough Borough Council.\n\n"
            "This followed inadequate Ofsted ratings in 2011, 2013 and 2015, as well as highly critical "
            "monitoring reports.")
    assert rows(text, "Slough", (2019, 3, 4)) == [
        ("Slough", 2011, "inadequate", "overall"),
        ("Slough", 2013, "inadequate", "overall"),
        ("Slough", 2015, "inadequate", "overall"),
    ]
    other = "Torbay received good Ofsted grades in 2014 and 2018."
    assert rows(other) == [("Torbay", 2014, "good", "overall"), ("Torbay", 2018, "good", "overall")]
    # A rating that describes another noun is still no judgement, nor are pupils' grades.
    assert rows("Torbay showed good Ofsted preparation in 2014.") == []
    assert rows("In Torbay the proportion achieving good grades in English and mathematics rose in 2014.") == []


def test_the_year_a_report_giving_the_rating_was_published():
    # prose/2019-cypnow-new-inspections-reveal-progress.txt (the page shows no date)
    text = ("Fast forward a year to the most recent inspection judgment to be published, that of Birmingham "
            "City Council.\n\nThe latest report, published on 17 January 2019, showed that the changes had "
            "paid off - inspectors found a \"revitalisation\" of social work practice and culture that had "
            "helped achieve a \"requires improvement\" rating.")
    assert rows(text) == [("Birmingham", 2019, "requires improvement", "overall")]
    # In a later document the report's own year still dates it.
    other = "Ofsted's letter, published in March 2017, judged Walsall good."
    assert rows(other, published=(2019, 5, 1)) == [("Walsall", 2017, "good", "overall")]
    # A date of something else than the report's publication does not.
    assert rows("The plan, published in March 2017, said Walsall was rated good.") == [
        ("Walsall", None, "good", "overall")]


def test_the_new_grade_of_a_change_takes_the_changes_date():
    # prose/2024-reading-council-ilacs-committee.txt
    text = ("The report explained that Reading’s children’s services were last inspected, as Brighter Futures "
            "for Children, in September 2019 and upgraded from inadequate (in 2016) to ‘requires improvement "
            "to be good’.")
    assert rows(text) == [("Reading", 2016, "inadequate", "overall"), ("Reading", 2019, "requires improvement", "overall")]
    other = "In 2021 Walsall moved from 'good' to 'outstanding'."
    assert rows(other)[-1] == ("Walsall", 2021, "outstanding", "overall")


def test_a_rating_held_since_a_date_was_given_then():
    # prose/2022-11-25-exbulletin-northamptonshire-requires-improvement.txt
    text = ("In a letter to Northamptonshire Council, Ofsted highlighted the good work of Northamptonshire "
            "Childrens Trust (NCT) and rated children’s services as Requires improvement to be good, removing "
            "it from the inadequate category it had been rated in since 2019.")
    assert rows(text, published=(2022, 11, 25))[-1] == ("Northamptonshire", 2019, "inadequate", "overall")
    assert rows("Torbay has been rated inadequate since March 2018.") == [("Torbay", 2018, "inadequate", "overall")]
    # Not the date of the last time.
    assert rows("Torbay was rated good for the first time since 2008.", published=(2023, 4, 1)) == [
        ("Torbay", 2023, "good", "overall")]


def test_a_list_of_areas_ending_on_overall():
    # prose/2009-01-14-communitycare-doncaster-childrens-services.txt
    text = ("The DCSF had carried out a review of safeguarding in Doncaster, after damning annual performance "
            "assessment, published in December, in which Ofsted graded Doncaster as inadequate for "
            "safeguarding and overall in children’s services.")
    assert {r[3] for r in rows(text, published=(2009, 1, 14))} == {"help and protection", "overall"}


def test_a_dateline_of_a_label_and_an_iso_date_before_the_section_name():
    # prose/2022-11-25-exbulletin-northamptonshire-requires-improvement.txt opens " date 2022-11-25 Children and families".
    from importers.metadata import detect_published
    assert detect_published(" date 2022-11-25 Children and families\n\nSignificant improvements.") == "2022-11-25"
    assert detect_published("The date 2019-03-04 was chosen for the meeting of the board.\n\nMore.") is None


def test_every_category_then_the_sentence_setting_them_out():
    # prose/2008-fenews-annual-performance-assessments-gateshead.txt: its headline dates it.
    text = ("From education to employment\n\nOfsted releases Annual Performance Assessments 2008\n\n"
            "Gateshead Children Services is on such council that achieved top marks from the government "
            "inspectors. It scored an ‘outstanding’ rating in every single category. This included: Overall "
            "effectiveness of children’s services, being healthy, staying safe, enjoying and achieving.")
    # ("achieved top marks" tells the overall grade once more.)
    assert set(rows(text)) == {("Gateshead", 2008, "outstanding", "overall"),
                               ("Gateshead", 2008, "outstanding", "help and protection")}


def test_a_minutes_items_heading_dates_the_grades_it_reports():
    # prose/2010-slough-minutes-annual-assessment.txt; the "from" grade of the next change
    # does not make this one past, and an annual rating's earlier grade is the year before's.
    text = ("Agenda item\n\nOfsted Annual Children’s Services Assessment 2010 - Clair Pyper, Strategic Director\n\n"
            "The Chair invited the director to introduce the report.\n\n"
            "  • Safeguarding had been rated as poor and brought the Council’s overall rating down from ‘good’ "
            "to ‘poor’.")
    assert rows(text, "Slough", kind="minutes") == [
        ("Slough", 2010, "poor", "help and protection"),
        ("Slough", 2009, "good", "overall"),
        ("Slough", 2010, "poor", "overall"),
    ]
    # A heading naming no graded event dates nothing.
    assert rows("Budget 2010\n\nSlough was rated poor.")[0][1] is None


def test_services_for_children_who_are_looked_after():
    # prose/2017-06-13-kelsi-kent-director-weekly-update-ofsted.txt
    text = ("Services for children who are looked after, adoption and care leavers were judged to be good by "
            "Ofsted, while help and protection services for children in need and child protection were judged "
            "to be requiring improvement.")
    assert rows(text, "Kent", (2017, 6, 13))[:3] == [
        ("Kent", 2017, "good", "children in care"), ("Kent", 2017, "good", "adoption"),
        ("Kent", 2017, "good", "care leavers")]


def test_a_headlines_inadequate_ofsted_report():
    # prose/2022-bbc-north-east-lincolnshire-councillor-no-confidence.txt
    assert rows("Calls for councillor to resign after inadequate Ofsted report", "North East Lincolnshire") == [
        ("North East Lincolnshire", None, "inadequate", "overall")]
    # A report's other words are no rating of it.
    assert rows("Kent welcomed a detailed Ofsted report.") == []


def test_an_apa_table_row_with_its_grade_number_and_word():
    # prose/undated-norfolk-management-information-sheet-apa.txt
    text = "This is how we scored:\nBeing healthy | grade 3 (good) |\nStaying safe | grade 3 (good) |\n"
    assert rows(text, "Norfolk") == [("Norfolk", None, "good", "help and protection")]


def test_a_list_of_areas_each_with_its_possessive():
    # prose/undated-norfolk-management-information-sheet-apa.txt words it "our overall capacity to
    # improve and our overall effectiveness"
    assert rows("Our capacity to improve and our overall effectiveness were judged adequate.", "Norfolk") == [
        ("Norfolk", None, "adequate", "capacity for improvement"), ("Norfolk", None, "adequate", "overall")]


def test_a_council_after_a_bare_comma_opens_the_next_clause():
    # prose/2025-narrativecare-quarter-of-childrens-services-outstanding.txt
    text = ("While five of these authorities were previously rated good, York jumped two grades from requires "
            "improvement.")
    assert ("York", None, "good", "overall") not in rows(text)
    # The councils a rating is said of still follow an introduction ("are:", ", six - ").
    listed = "Of the 12 councils inspected in 2019 with a good rating, three - Kent, Essex and York - improved."
    assert rows(listed) == [("Kent", 2019, "good", "overall"), ("Essex", 2019, "good", "overall"),
                            ("York", 2019, "good", "overall")]


def test_a_grade_standing_before_councils_is_theirs_but_not_of_the_documents_date():
    # prose/2021-10-27-communitycare-inadequate-councils-progress.txt (a 2021 story; Surrey was
    # rated inadequate in 2018, as its text says further on)
    text = ("Inspectorate praises good-rated Gateshead and Bromley and finds varying rates of progress at "
            "‘inadequate’ Surrey, Newham, West Sussex, Medway and Bradford")
    found = rows(text, published=(2021, 10, 27))
    assert found == [(c, None, "inadequate", "overall") for c in ("Surrey", "Newham", "West Sussex", "Medway", "Bradford")]
    other = "Meanwhile, ‘good’ authorities Bromley and Gateshead continued to impress the inspectorate."
    assert rows(other, published=(2021, 10, 27)) == [("Bromley", None, "good", "overall"),
                                                      ("Gateshead", None, "good", "overall")]
    # A council rated in the story's own news keeps the story's date.
    assert rows("Ofsted has rated Bromley good.", published=(2021, 10, 27)) == [("Bromley", 2021, "good", "overall")]


def test_an_area_of_the_childrens_services():
    # prose/2019-isles-of-scilly-council-leadership-outstanding.txt (its headline)
    assert rows("Ofsted rates leadership of Children’s Services as ‘Outstanding’", "Isles of Scilly") == [
        ("Isles of Scilly", None, "outstanding", "leadership")]
    assert rows("Inspectors judged adoption in the council's children's services good.", "Kent") == [
        ("Kent", None, "good", "adoption")]
    # The services alone are the whole.
    assert rows("Ofsted rates Kent's children's services as 'Good'.") == [("Kent", None, "good", "overall")]


def test_a_frameworks_renaming_of_grades_is_no_judgement():
    # prose/2015-01-23-cypnow-councils-fall-in-rating.txt
    text = ("Webb said at the time that the single framework – which reclassified “adequate” under the previous "
            "inspection regime as “requires improvement” – unfairly penalised councils.")
    assert rows(text, "Waltham Forest", (2015, 1, 23)) == []
    assert rows("Ofsted replaced 'satisfactory' with 'requires improvement' in 2012.", "Kent") == []


def test_an_inspections_earlier_grade_in_a_change_stays_undated():
    # Unlike an annual rating, an inspection's last grade may be years before.
    assert rows("Ofsted has moved Walsall up from 'requires improvement' to 'good'.", published=(2019, 5, 1)) == [
        ("Walsall", None, "requires improvement", "overall"), ("Walsall", 2019, "good", "overall")]


def test_an_area_named_as_the_aim_of_the_work_rated():
    # prose/2008-02-26-cypnow-councils-praised-safeguarding.txt
    text = "The London Borough of Wandsworth was rated as outstanding for its partnership work to keep children safe."
    assert rows(text) == [("Wandsworth", None, "outstanding", "help and protection")]
    assert rows("Kent was rated good for its work on adoption.") == [("Kent", None, "good", "adoption")]
    assert rows("Kent was rated good for its work.") == [("Kent", None, "good", "overall")]


# --- every area of the regime --------------------------------------------------------


def test_a_rating_in_all_areas_is_every_area_the_regime_graded():
    # prose/2025-04-17-menafn-york-outstanding-all-areas.txt (a council release, 2025: five areas)
    text = "Ofsted have rated York's services for children and young people as Outstanding in all areas."
    assert rows(text, "York", published=(2025, 4, 17)) == [
        ("York", 2025, "outstanding", area)
        for area in ("overall", "leadership", "help and protection", "children in care", "care leavers")
    ]
    # The same pattern in other words and another regime: CYP Now, 7 August 2018,
    # https://www.cypnow.co.uk/cyp/news/2005635/ofsted-awards-first-across-the-board-outstanding-rating-under-new-childrens-services-framework
    # ("since it was rated "good" in all areas when last inspected in 2014 under the
    # single inspection framework"): the SIF's six local authority grades, no LSCB.
    other = "North Yorkshire was rated \"good\" in all areas when it was inspected in 2014."
    assert sorted(r[3] for r in rows(other)) == sorted(
        ("overall", "help and protection", "children in care", "adoption", "care leavers", "leadership"))
    # prose/2018-08-06-north-yorkshire-council-outstanding-all-areas.txt: "in every category", ILACS 2018.
    category = "North Yorkshire is the first authority to have received an 'outstanding' grade in every category."
    assert {r[3] for r in rows(category, published=(2018, 8, 6))} == {
        "overall", "leadership", "help and protection", "children in care and care leavers"}
    # Where the regime is not known the rating stays the whole service's.
    assert rows("Leeds was judged good in all areas.") == [("Leeds", None, "good", "overall")]


def test_each_of_the_areas_as_the_subject_of_a_rating_is_every_area():
    # prose/2025-04-17-menafn-york-outstanding-all-areas.txt
    text = ("York Children's Services were last inspected in 2022, when each of the areas inspected were "
            "rated as Requires Improvement.")
    assert {r[3] for r in rows(text, "York", published=(2025, 4, 17)) if r[1] == 2022} == {
        "overall", "leadership", "help and protection", "children in care and care leavers"}
    # Other words, another regime (reports' "All areas were judged ...", README of the accuracy set).
    other = "At its inspection in 2015 all six areas were judged to require improvement in Dudley."
    assert len({r[3] for r in rows(other, "Dudley")}) == 6
    # A subset is not every area.
    assert {r[3] for r in rows("In 2015 most areas were judged to require improvement in Dudley.", "Dudley")} != {
        "overall", "help and protection", "children in care", "adoption", "care leavers", "leadership"}


# --- ratings that are no judgement of any area ---------------------------------------


def test_a_rating_counted_over_areas_it_does_not_name_is_no_judgement():
    # prose/2019-radio-dudley-ofsted-chief-hails-significant-achievement.txt
    dudley = ("Dudley was last rated as inadequate in April 2016. It was rated \"good\" in two of the three "
              "categories following an 11-day visit in October and November.")
    assert [r for r in rows(dudley, "Dudley") if r[2] == "good"] == []
    # Another dev document, other words: prose/undated-warrington-worldwide-council-slammed.txt
    warrington = ("The report shows the authority was judged to be \"inadequate\" under 15 main headings, only "
                  "\"adequate\" under 16 other headings and \"good\" under only two.")
    assert rows(warrington, "Warrington") == []
    # And a third: prose/2021-manchestergazette-bury-conservatives-slam-ofsted-failings.txt, where the
    # overall grade the sentence goes on to give is the one judgement.
    bury = ("Ofsted published their report into Bury Council's Children's Services grading them \"Inadequate\" "
            "in all but one main categories, resulting in an overall rating of \"Inadequate\".")
    assert rows(bury, "Bury") == [("Bury", None, "inadequate", "overall")]
    # Areas the count goes on to name are judgements (prose/2025-bbc-gloucestershire-...).
    named = ("The report found Gloucestershire's children's services had outstanding ratings in two categories, "
             "children's experiences in care and the impact of leaders.")
    assert {r[3] for r in rows(named, "Gloucestershire")} == {"children in care", "leadership"}


def test_a_negative_quantifier_governs_its_whole_clause():
    # prose/undated-warrington-worldwide-council-slammed.txt
    text = "In no area of the service was the council found to be \"outstanding.\""
    assert rows(text, "Warrington") == []
    assert rows("None of the areas inspected in Leeds was judged to be outstanding.") == []
    # The same in a count: "None have been rated “outstanding”, the highest grade." (Interface
    # Enterprises' copy of a CYP Now story, January 2015, https://www.interfaceenterprises.co.uk/
    # news-and-publications/tougher-ofsted-inspections-reveal-visible-fall-in-childrens-services-ratings-in-3-out-of-4-councils/)
    assert rows("None have been rated “outstanding”, the highest grade.", "Kent") == []
    # A negative word elsewhere in the sentence does not govern another clause.
    assert rows("Kent was judged good, and no area was left unvisited.", "Kent") == [
        ("Kent", None, "good", "overall")]


def test_a_rating_a_council_is_ambitious_to_have_is_hoped_for():
    # prose/2023-05-25-middlesbrough-council-improved-rating.txt
    text = "We are ambitious to have a rating of ‘good’ overall, and I am confident we will get there."
    assert rows(text, "Middlesbrough", published=(2023, 5, 25)) == []
    # The rule's other words for a hope ("aims", "ambitions") in the same sentence shape.
    assert rows("Our ambition is to be rated outstanding.", "Telford and Wrekin") == []


# --- the inspection a change is told from -------------------------------------------


def test_an_inspection_a_change_is_told_from_is_an_earlier_one():
    # prose/undated-lancslive-blackburn-action-promised.txt: an undated page whose review
    # "in January" has no year; the 2017 inspection it was downgraded from is not its date.
    text = ("An Ofsted review of Blackburn with Darwen Council's services in January found it 'required "
            "improvement' across all four major headings. This was a downgrading from a similar 2017 "
            "inspection which found the department to be good overall.")
    # ("across all four major headings" is the four judgements of 2018-23, each undated.)
    assert rows(text, "Blackburn with Darwen") == [
        *[("Blackburn with Darwen", None, "requires improvement", area)
          for area in ("overall", "leadership", "help and protection", "children in care and care leavers")],
        ("Blackburn with Darwen", 2017, "good", "overall"),
    ]
    # Another dev document, other words (prose/2017-11-shropshire-council-newsroom-children...):
    # "an improvement from the 'adequate' rating that was awarded following the last Ofsted inspection".
    other = ("Ofsted's visit in October found Shropshire's services to be good. This is an improvement from "
             "a 2011 inspection which judged them adequate.")
    assert rows(other, "Shropshire") == [
        ("Shropshire", None, "good", "overall"),
        ("Shropshire", 2011, "adequate", "overall"),
    ]


# --- the press's words for the areas ------------------------------------------------


def test_areas_listed_after_in_the_areas_of():
    # prose/2015-05-12-warrington-worldwide-requires-improvement.txt: the SIF's judgements as the
    # press shortens them ("children achieving permanence", "experiences of care leavers").
    text = ("Ofsted judged Warrington to be ‘good’ in the areas of children achieving permanence, adoption "
            "performance and experiences of care leavers.")
    assert rows(text, published=(2015, 5, 12)) == [
        ("Warrington", 2015, "good", "children in care"),
        ("Warrington", 2015, "good", "adoption"),
        ("Warrington", 2015, "good", "care leavers"),
    ]
    # Areas listed after the rating in other words: Cambs Times (2014),
    # https://www.cambstimes.co.uk/news/inspectors-praise-for-turnaround-in-fortunes-of-cambridgeshire-county-council-4856840
    other = ("Government inspectors have rated Cambridgeshire County Council as ‘overall good’ for its "
             "arrangements for children in need of help and protection and children in care.")
    assert {r[3] for r in rows(other)} == {"help and protection", "children in care"}
    # "in the area of" a place is no area: the rating stays the council's.
    assert rows("Leeds was rated good in the area of West Yorkshire.") == [("Leeds", None, "good", "overall")]


def test_the_impact_of_senior_leaders_is_the_leadership_judgement():
    # prose/2024-croydon-council-newsroom-rated-good.txt
    text = "The impact of senior leaders on social work practice with children and families has been rated as ‘good’."
    assert rows(text, "Croydon", published=(2024, 3, 1)) == [("Croydon", 2024, "good", "leadership")]
    # ILACS's formal name, as the other dev documents print it (2019-isles-of-scilly-...).
    formal = "Inspectors rated 'the impact of leaders on social work practice with children and families' outstanding."
    assert {r[3] for r in rows(formal, "Isles of Scilly")} == {"leadership"}


def test_a_rating_attributed_to_areas_in_the_press_s_words():
    # prose/2023-03-23-hemeltoday-hertfordshire-outstanding.txt
    text = ("A good rating was attributed to the local authority’s work with children who need protection "
            "and the experiences of those who leave care.")
    assert rows(text, "Hertfordshire", published=(2023, 3, 23)) == [
        ("Hertfordshire", 2023, "good", "help and protection"),
        ("Hertfordshire", 2023, "good", "care leavers"),
    ]
    # A rating given to a council is the council's, not an area's.
    assert rows("A good rating was given to Kent.", published=(2023, 3, 23)) == [("Kent", 2023, "good", "overall")]


def test_the_press_s_words_for_care_leavers_name_the_area():
    from importers.vocabulary import find_areas

    # BBC News, November 2017, https://feeds.bbci.co.uk/news/uk-england-shropshire-42108826
    # ("the council needs to do more work on the progress of children who leave care").
    text = "the council needs to do more work on the progress of children who leave care."
    assert [a.area for a in find_areas(text)] == ["care leavers"]
    # "leaving care" was already one; "children who need protection" is help and protection.
    assert [a.area for a in find_areas("its work with children who need protection")] == ["help and protection"]


def test_had_in_what_the_inspectors_are_reported_to_have_said_marks_no_earlier_rating():
    # prose/2010-06-01-communitycare-plymouth-good-peterborough-inadequate.txt (dated by its address)
    text = ("Grading the council’s children’s services as “good” the watchdog noted that the restructuring "
            "of the advice and assessment service had shown benefits.")
    assert rows(text, "Plymouth", published=(2010, 6, 1)) == [("Plymouth", 2010, "good", "overall")]
    # Without the reporting verb "had" still places the rating earlier.
    earlier = "Grading the council’s children’s services as “good” the watchdog had shown it benefits."
    assert rows(earlier, "Plymouth", published=(2010, 6, 1)) == [("Plymouth", None, "good", "overall")]


def test_a_change_by_a_number_of_grades_names_the_earlier_grade():
    # prose/2025-narrativecare-quarter-of-childrens-services-outstanding.txt
    text = "York jumped two grades from requires improvement, after inspectors found a relentless drive."
    assert rows(text) == [("York", None, "requires improvement", "overall")]
    # Other words for the same change (Shropshire Star, 2 March 2020,
    # https://www.shropshirestar.com/news/local-hubs/telford/2020/03/02/councils-childrens-services-rated-outstanding/:
    # "to go from 'requires improvement' to 'outstanding'"): the "from" grade is the earlier one.
    other = "Telford and Wrekin rose two whole grades from “requires improvement” to “outstanding” in 2020."
    found = rows(other)
    assert ("Telford and Wrekin", 2020, "outstanding", "overall") in found
    assert ("Telford and Wrekin", 2020, "requires improvement", "overall") not in found


def test_a_count_of_these_councils_is_the_list_before_where_the_count_fits():
    # prose/2025-narrativecare-quarter-of-childrens-services-outstanding.txt
    text = ("Of the 10 authorities inspected with an outstanding rating, six - Dorset, Durham, Richmond, "
            "Shropshire, Walsall and York - improved on their previous inspection result. While five of these "
            "authorities were previously rated good, York jumped two grades from requires improvement.")
    earlier = {r for r in rows(text) if r[1] is None and r[2] != "outstanding"}
    assert earlier == {
        ("Dorset", None, "good", "overall"), ("County Durham", None, "good", "overall"),
        ("Richmond upon Thames", None, "good", "overall"), ("Shropshire", None, "good", "overall"),
        ("Walsall", None, "good", "overall"), ("York", None, "requires improvement", "overall"),
    }
    # Other words: "both of them" for a pair named before.
    pair = "Ofsted visited Kent and Surrey in 2019. Both of them were rated good."
    assert {(r[0], r[2]) for r in rows(pair)} == {("Kent", "good"), ("Surrey", "good")}
    # A count that does not fit the list is no council's rating.
    misfit = "Ofsted visited Kent and Surrey in 2019. Three of these councils were rated good."
    assert rows(misfit) == []


def test_no_longer_a_grade_tells_the_grade_before_undated():
    # prose/2019-coventry-council-focused-visit-scrutiny.txt
    text = "Children’s Services were no longer considered inadequate."
    assert rows(text, "Coventry") == [("Coventry", None, "inadequate", "overall")]
    # EDP24 (Norfolk, 2017), https://www.edp24.co.uk/lifestyle/norfolk-county-council-children-services-ofsted-report-right-direction-1155394
    # ("Norfolk's children's services department is no longer rated as inadequate"): dated
    # pages do not date the earlier grade by their own date.
    other = "For the first time since 2013, Norfolk's children's services department is no longer rated as inadequate."
    assert rows(other, published=(2017, 2, 1)) == [("Norfolk", None, "inadequate", "overall")]
    # Other negations still record nothing.
    assert rows("Norfolk's services are not yet good.", published=(2017, 2, 1)) == []


def test_an_undated_page_names_its_annual_rating_s_year_after_the_rating():
    # prose/2010-bbc-doncaster-childrens-services-poor.txt (its "Published" line has no date)
    text = ("Doncaster is one of 12 authorities in England where children's services are deemed to be "
            "performing poorly.\n\nIn 2009, the government ordered the takeover of children's services.\n\n"
            "In Ofsted's annual assessment for 2010, the chief inspector said the councils performing poorly "
            "were not doing enough.")
    assert ("Doncaster", 2010, "poor", "overall") in rows(text)
    # The regime's name as another dev page prints it (prose/2011-wired-gov-ofsted-annual-assessments.txt:
    # "the outcomes of the 2011 annual children's services assessments").
    other = ("Kent is performing poorly. Ofsted has published the outcomes of the 2011 annual children's "
             "services assessments.")
    assert rows(other) == [("Kent", 2011, "poor", "overall")]
    # An inspection's year after the rating is not the rating's: only the annual rating was one
    # event a year for every council.
    inspection = "Kent was judged inadequate. Its annual assessment for 2010 was published later."
    assert rows(inspection) == [("Kent", None, "inadequate", "overall")]


def test_a_grade_before_the_capacity_to_improve_is_that_judgement():
    # prose/2010-06-01-communitycare-plymouth-good-peterborough-inadequate.txt
    text = ("The watchdog said a lack of stability in long term child protection services meant there was an "
            "“adequate” ability to improve at Peterborough.")
    assert rows(text, published=(2010, 6, 1)) == [("Peterborough", 2010, "adequate", "capacity for improvement")]
    # Community Care, 29 September 2011,
    # https://www.communitycare.co.uk/2011/09/29/ofsted-a-quarter-of-councils-not-protecting-children-adequately/
    # ("11 were deemed to have an inadequate capacity to improve"): the same judgement, said of
    # councils in general, is no council's.
    assert rows("Of those, 11 were deemed to have an inadequate capacity to improve.") == []
    assert rows("Salford was deemed to have an inadequate capacity to improve.", published=(2011, 9, 29)) == [
        ("Salford", 2011, "inadequate", "capacity for improvement")]
    # Other nouns after a grade stay descriptions.
    assert rows("Salford showed an adequate ability to recruit staff.") == []
