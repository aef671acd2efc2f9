"""Overall grades told by reference rather than by their word, and the councils they belong to
(issue 11, eighth round): a run of the same grade ("three times in a row"), a grade named by
its rung ("the lowest possible rating"), a grade told again by a noun ("received the same
verdict", "this grading"), and councils told by a count ("two councils", "both authorities")
that the text names elsewhere. Each rule is checked on real text from at least two publishers:
a sentence of a dev document of the accuracy set, and pages found with the search tool (cited
by URL, none of them in the accuracy set's test half). The excerpts are short, only what shows
the pattern.
"""

from __future__ import annotations

# (council, year, rating, area) per judgement, once each
from tests.unit.test_prose_overall_and_councils import rows


# --- a run of the same grade: "three times in a row", "for the second year running" ----------


def test_a_run_of_three_implies_an_earlier_grade_beyond_the_one_the_text_dates():
    # BBC (dev): the third grade in a row; the text dates the one before (2020), not the first.
    text = ('The council has now received the "requires improvement to be good" rating three times in a row. '
            "The report stated: \"Since the last inspection in March 2020, when North Somerset children's services "
            "were judged to be 'requires improvement' overall, the local authority has not made sufficient "
            'progress."')
    assert sorted(rows(text, "North Somerset", 2023), key=str) == sorted([
        ("North Somerset", 2023, "requires improvement", "overall"),
        ("North Somerset", 2020, "requires improvement", "overall"),
        ("North Somerset", None, "requires improvement", "overall"),
    ], key=str)


def test_a_run_of_two_told_by_the_year_running_implies_the_grade_before():
    # http://www.worcesternews.co.uk/news/999949.council-one-of-the-best-for-children-says-report/
    # (a 2007 annual performance assessment): "the top grades for the second year running".
    text = ("WORCESTERSHIRE county council's services for children and young people have been deemed "
            "'outstanding' in a recent assessment. Councillor Liz Eyre said: \"We're delighted to have achieved "
            'the top grades for the second year running."')
    assert rows(text, "Worcestershire", 2007) == [
        ("Worcestershire", 2007, "outstanding", "overall"), ("Worcestershire", None, "outstanding", "overall")]


def test_a_run_of_two_whose_earlier_grade_the_text_dates_adds_no_undated_one():
    # The run's earlier grade told with its year is that grade, not another: BBC (dev), the
    # second sentence cut to its run of two.
    text = ('The council has now received the "requires improvement to be good" rating for the second time in a '
            "row. Since the last inspection in March 2020, when North Somerset children's services were judged "
            "to be 'requires improvement' overall, progress has been slow.")
    assert sorted(rows(text, "North Somerset", 2023), key=str) == sorted([
        ("North Somerset", 2023, "requires improvement", "overall"),
        ("North Somerset", 2020, "requires improvement", "overall"),
    ], key=str)


# --- the worst grade named by its rung: "the lowest possible rating" --------------------------


def test_the_lowest_or_worst_possible_rating_is_the_bottom_grade():
    # http://www.ludlowadvertiser.co.uk/news/regional/15043581.SPECIAL_REPORT__County_Hall_bombshell_as_Ofsted_grades_Worcestershire_s_child_protection_services__inadequate_/
    text = ('The chief executive of Worcestershire County Council today said "I\'m sorry" after inspectors gave '
            "her authority the lowest possible rating for children's social care.")
    assert [(c, r, a) for c, _, r, a in rows(text, "Worcestershire", 2017)] == [("Worcestershire", "inadequate", "overall")]
    # https://www.stourbridgenews.co.uk/news/regional/17803059.worcestershire-39-s-children-services-moves-inadequate-rating-according-latest-ofsted-report/
    text = ("Worcestershire County Council has received a 'requires improvement' rating from Ofsted in its first "
            "inspection since it was slapped with the worst possible rating by the care watchdog in 2017.")
    assert ("Worcestershire", 2017, "inadequate", "overall") in rows(text, "Worcestershire", 2019)


def test_a_rung_that_glosses_a_grade_or_is_next_to_the_end_is_no_grade_of_its_own():
    # http://knutsfordguardian.co.uk/news/10389665 (already in test_prose_area_passages): the
    # gloss after a grade, and "the second lowest rating".
    text = ("Among the areas assessed, quality of practice was judged as 'inadequate' – the lowest rating "
            "possible, while leadership and governance were both judged as 'adequate' – the second lowest rating.")
    assert ("Cheshire East", 2013, "inadequate", "overall") not in rows(text, "Cheshire East", 2013)
    # A definition names the scale, not a council's grade (the shape of lukesarmy's, dev).
    assert rows("Inadequate is the worst possible grading from Ofsted.", "Blackpool", 2012) == []
    # A rung of a comparison is no rung of the scale.
    assert rows("Kent has the worst rating in the South East.", "Kent", 2019) == []
    assert rows("Kent received the highest rating of all councils in the region.", "Kent", 2019) == []


# --- a grade told again by a noun: "the same verdict", "this grading" -----------------------


def test_the_same_verdict_given_again_is_the_grade_named_before_it():
    # https://www.cypnow.co.uk/best-practice/article/behind-the-inspection-rating-structure-change-drives-progress
    # A second grade, a year after the first: its own year.
    text = ("In 2012 the inspectors deemed the south west London council's children's services \"inadequate\" "
            "and gave it the same verdict a year later after revisiting it.")
    assert rows(text, "Kingston upon Thames", 2015) == [
        ("Kingston upon Thames", 2012, "inadequate", "overall"), ("Kingston upon Thames", 2013, "inadequate", "overall")]


def test_this_grading_received_is_the_grade_the_sentence_named():
    # lukesarmy (dev, a blog): the grade is named by its word only in a definition before.
    text = ("'Inadequate' is the worst possible grading from Ofsted, and the Labour controlled council received "
            "this grading for every aspect of their child protection provision.")
    assert ("Blackpool", 2012, "inadequate", "overall") in rows(text, "Blackpool", 2012, "blog")
    # Hemel Today (dev): an area "received the same grade" as the one before it.
    text = ("In a report published on 10 March, children's experiences were considered outstanding, the impact "
            "staff have on children and their families received the same grade.")
    assert {row[2] for row in rows(text, "Hertfordshire", 2023)} == {"outstanding"}


def test_a_grade_noun_not_received_is_no_grade_again():
    # Cumberland's release (dev): "This rating reflects ..." is about the grade, not a new one;
    # nor is a noun with no grade before it.
    text = ("Children's services in Cumberland have been rated good. This rating reflects the council's strong "
            "commitment to improving the lives of children.")
    assert rows(text, "Cumberland", 2024) == [("Cumberland", 2024, "good", "overall")]
    assert rows("The council received this grading after a long wait.", "Cumberland", 2024) == []


# --- councils counted in a headline or lead, named by the passage after it --------------------


def test_a_headline_counting_the_councils_it_rates_is_named_by_the_passage_after_it():
    # Community Care (dev): the count in the headline, a standfirst and a picture credit that name
    # no council, then the sentence that names both.
    text = ("Quality of social work praised as Ofsted rates two councils as ‘good’\n\n"
            "Reports into two councils found strong social work practice but identified areas for improvement\n\n"
            "Picture: Mathias Rosenthal\n\n"
            "Inspectors have praised the quality of social work in two different councils in reports published today.\n\n"
            "Direct work with children and families is of a “high standard” in Greenwich children’s services, while "
            "social workers acted well on the wishes of children in Stockton-on-Tees.")
    assert rows(text, "Greenwich", 2016, "trade") == [
        ("Greenwich", 2016, "good", "overall"), ("Stockton-on-Tees", 2016, "good", "overall")]
    # https://www.cypnow.co.uk/content/news/final-councils-receive-single-inspection-rating-from-ofsted
    text = ("The final two councils to have their children's services assessed under Ofsted's single inspection "
            'framework have been rated "good".\n\nInspection reports on children\'s services in Blackburn with '
            "Darwen and Richmond-upon-Thames found strong work.")
    assert rows(text, None, 2017, "trade") == [
        ("Blackburn with Darwen", 2017, "good", "overall"), ("Richmond upon Thames", 2017, "good", "overall")]


def test_a_count_the_passage_does_not_bear_out_or_denies_names_no_council():
    # Community Care (dev): "None of the six councils ... has gained an outstanding rating".
    text = ("None of the six councils most recently assessed under Ofsted’s new single inspection framework for "
            "children’s social care has gained an outstanding rating.\n\nOfsted today released the results of its "
            "second wave of inspections, of Bolton, Coventry, East Sussex, Essex, Hounslow and Staffordshire councils.")
    assert rows(text, None, 2014, "trade") == []
    # A sentence naming two councils in passing, not their services, does not name those counted.
    assert rows("Ofsted rates two councils as good\n\nKent's director, who used to work in Surrey, praised staff.",
                None, 2016) == []
    # Three councils named where the headline counts two; a grade of another rung on the way.
    assert rows("Ofsted rates two councils as good\n\nKent, Surrey and Essex were inspected in May.", None, 2016) == []
    assert rows("Ofsted rates two councils as good\n\nKent was rated inadequate in 2012. Surrey and Essex improved.",
                None, 2016) == [("Kent", 2012, "inadequate", "overall")]


def test_the_inspectorates_own_end_grade_is_the_grade_it_gives():
    # Newham Recorder (dev): "Ofsted's lowest overall rating", the inspectorate's possessive (a
    # council's own, "its top grade", is a grade already told).
    text = ("Newham's children's services had been given Ofsted's lowest overall rating following a previous "
            "inspection in 2019.")
    assert rows(text, "Newham", 2022) == [("Newham", 2019, "inadequate", "overall")]
    # https://careappointments.com/care-news/england/85143/ofsted-brands-one-in-four-councils-inadequate-on-safeguarding/
    # The same words said of a count of councils name no council's grade.
    text = ("Of the 71 safeguarding and looked-after children's services inspected between June 2009 and June this "
            "year, 18 received Ofsted's lowest mark for the overall effectiveness of safeguarding.")
    assert rows(text, None, 2010, "trade") == []
    assert rows("Kent has retained its top grade.", "Kent", 2019) == []


# --- a change of grade whose old grade carries its own year -----------------------------------


def test_a_change_whose_old_grade_carries_its_year_is_a_change_of_the_same_areas():
    # Brentford TW8 (dev, ninth batch): "improved from 'Good' in 2018 to 'Outstanding'" after the area.
    text = ("The impact of leaders within the Council, from Members to operational managers, improved from ‘Good’ "
            "in 2018 to ‘Outstanding’.")
    assert rows(text, "Hounslow", 2023) == [
        ("Hounslow", 2018, "good", "leadership"), ("Hounslow", 2023, "outstanding", "leadership")]
    # https://www.edp24.co.uk/lifestyle/norfolk-county-council-children-services-ofsted-report-right-direction-1155394
    text = ("They have upgraded the department's rating from the 'inadequate' awarded in 2013 and 2015, to "
            "'requires improvement'.")
    assert sorted(rows(text, "Norfolk", 2017), key=str) == sorted([
        ("Norfolk", 2013, "inadequate", "overall"), ("Norfolk", 2015, "inadequate", "overall"),
        ("Norfolk", 2017, "requires improvement", "overall")], key=str)


# --- "Both councils": the councils the passage has just named --------------------------------


def test_both_councils_opening_a_sentence_are_the_two_the_passage_named_before_it():
    # Westminster City Council's release (dev): the two councils named one a bullet before it.
    text = ("• Westminster City Council provides excellent services for vulnerable children.\n"
            "• The Royal Borough of Kensington and Chelsea (RBKC) was judged to deliver “exemplary practice” for "
            "children who cannot live with their families.\n\n"
            "Both councils are the first local authorities in the country to sustain and improve upon their "
            "previous ‘outstanding’ rating.")
    assert sorted(rows(text, "Westminster", 2019, "press_release")) == [
        ("Kensington and Chelsea", None, "outstanding", "overall"), ("Westminster", None, "outstanding", "overall")]
    # http://www.publicsectorexecutive.com/Audit-inspection-and-safety/two-authorities-blasted-for-inadequate-childrens-services
    # The same opening, its grade negated ("neither of the two scoring above 'inadequate'"): none.
    text = ("Sandwell MBC has been lambasted by inspectors.\n\nBuckinghamshire County Council has been criticised "
            "too.\n\nBoth authorities were criticised for individual failures, with neither of the two scoring "
            "above ‘inadequate’ on any of Ofsted’s three categories.")
    assert rows(text, None, 2018, "trade") == []


def test_both_councils_where_the_passage_names_more_or_fewer_is_no_council():
    text = ("Kent, Surrey and Essex were inspected in May.\n\nBoth councils were rated good.")
    assert rows(text, None, 2019) == []
    assert rows("Kent was inspected in May.\n\nBoth councils were rated good.", None, 2019) == []


# --- a pronoun after a grade opens the next clause --------------------------------------------


def test_a_pronoun_after_a_grade_opens_the_next_clause_where_a_comma_was_lost():
    # James Cousins's blog (dev): "found the council inadequate we discover".
    text = "Reading through the Ofsted report, in a report that found the council inadequate we discover:"
    assert rows(text, "Wandsworth", None, "blog") == [("Wandsworth", None, "inadequate", "overall")]
    # The grade before a noun still describes it ("good practice we saw").
    assert rows("Inspectors found good practice we had not expected.", "Wandsworth", None, "blog") == []


def test_a_verb_of_remaining_after_a_quoted_grade_shows_it_names_no_noun():
    # Brentford TW8 (dev, ninth batch): "the overall level of 'Good' remained the same as at the
    # last report in 2018" is a grade, as "'Good' was" would be.
    text = ("Although the overall level of ‘Good’ remained the same as at the last report in 2018, the provision "
            "is now rated better in some categories.")
    assert ("Hounslow", 2018, "good", "overall") in rows(text, "Hounslow", 2023)


# --- an aim stated as a noun: its whole complement is hoped for -------------------------------


def test_a_grade_inside_an_aims_complement_is_hoped_for_however_far_in():
    # Gazette Series (dev, ninth batch): the grade far into "our aspiration is to see ...".
    text = ("“I am very clear that our aspiration is to see services for children and young people move to a good "
            "rating at the earliest opportunity.”")
    assert rows(text, "South Gloucestershire", None) == []
    # https://352-58c1783d816c8.radiocms.com/hm/news/gloucestershire-news/leaders-set-two-year-target-to-improve-childrens-services
    text = "Stephen Davies told the council meeting on May 18 that the objective “remains to get good and beyond.”"
    assert rows(text, "Gloucestershire", 2022) == []
    # A grade given beside an aim is still given.
    text = "Kent was rated good in 2019. Our aim is to be outstanding."
    assert rows(text, "Kent", 2019) == [("Kent", 2019, "good", "overall")]


def test_a_grade_told_again_stands_for_a_grade_not_for_praise():
    # "good progress" is no grade, so "the same rating" after it names none.
    text = "Inspectors found good progress, and the council received the same rating as in 2016."
    assert rows(text, "Kent", 2019) == []
