"""Overall grades, the council a grade belongs to, and grades that are not judgements
(issue 11, seventh round). Each rule is checked on real text from at least two publishers:
a sentence of a dev document of the accuracy set, and a page found with the search tool
(cited by URL). The excerpts are short, only what shows the pattern.
"""

from __future__ import annotations

from importers.authorities import find_authorities, main_authority
from importers.extract import DocContext
from importers.extract.judgements import extract
from importers.sanitize import clean_text


def rows(text: str, authority: str | None = None, year: int | None = None, kind: str = "news"):
    """(council, year, rating, area) per judgement, once each."""
    ctx = DocContext(authority=authority, published=(year, None, None), kind=kind)
    found = [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]
    return list(dict.fromkeys(found))


# --- a grade near, not at: "bordering on", "approaching" --------------------------------


def test_a_grade_the_council_was_near_is_not_its_grade():
    # The Oldham Times (dev): the earlier inspection "required improvement" and was only
    # "bordering on" the grade below.
    text = ('The rating is a major upgrade after a 2019 inspection found the town hall service "required '
            'improvement" and was understood to have been bordering on being "inadequate".')
    assert rows(text, "Oldham", 2024) == [("Oldham", 2019, "requires improvement", "overall")]
    # The Birkenhead News (dev, batch 7): "we are now much closer to receiving a 'good' rating".
    wirral = ("“In 2019, the verdict of the service was that it ‘requires improvement’ so we can take a degree of "
              "solace in the fact that we are now much closer to receiving a ‘good’ rating.")
    assert rows(wirral, "Wirral", 2024) == [("Wirral", 2019, "requires improvement", "overall")]
    # https://cms.wiltshire.gov.uk/mgAi.aspx?ID=100383 (minutes): work "approaching outstanding".
    minutes = "Some areas of work were already approaching outstanding. Areas of focus included care leavers."
    assert rows(minutes, "Wiltshire", 2019, "minutes") == []


def test_a_grade_at_the_verge_of_which_a_council_stands_is_not_given_but_one_reached_is():
    # The same words' other forms, and the control: a grade reached is kept.
    assert rows("The council was close to being rated inadequate, the report said.", "Oldham", 2019) == []
    assert rows("Children's services in Oldham were rated good by Ofsted.", "Oldham", 2024) == [
        ("Oldham", 2024, "good", "overall")]


# --- grades joined by "and" share the words before the first ----------------------------


def test_grades_joined_by_and_share_an_aim_before_the_first():
    # BBC Cornwall (dev): an ambition "to progress to a rating of "good" and "outstanding"".
    text = ("However, there was still work to do and the authority's ambition was to progress to a rating "
            'of "good" and "outstanding", he added.')
    assert rows(text, "Cornwall", 2013) == []
    # https://baroque4.rssing.com/chan-3543695/article2391.html (a copy of a Cornish paper's 2011
    # story): the second grade after "and, ultimately," or "and then to".
    towards = ('They were now working towards taking the service towards a "good" and, ultimately, "outstanding" '
               "rating.")
    assert rows(towards, "Cornwall", 2011) == []
    more = ('There is still more to do to get our services to "good" and then to "outstanding" which is what the '
            "children and young people in Cornwall deserve.")
    assert rows(more, "Cornwall", 2011) == []
    # https://www.worcesternews.co.uk/news/9731980.bosses-aiming-to-keep-up-progress/: each
    # grade under its own "want to", and the grade the council was "deemed" kept.
    quote = ("“We’ve put the foundations down but we want to get better, we want to be good at the next "
             "inspection, and we want to aspire to be outstanding.”")
    assert rows(quote, "Worcestershire", 2012) == []
    # The control: a judging verb before both grades gives both.
    assert rows('Ofsted rated the council "good" overall and "outstanding" for leadership.', "Cornwall", 2016) == [
        ("Cornwall", 2016, "good", "overall"), ("Cornwall", 2016, "outstanding", "leadership")]


# --- a short form the text ties to its council names it everywhere ----------------------


def test_a_short_form_tied_to_its_council_once_names_it_everywhere_in_the_text():
    # https://kingstoncourier.co.uk/?p=10699: "Kingston Council" first, then "sites in Kingston".
    courier = ("Kingston Council has been awarded ‘outstanding’ for its children’s services.\n"
               "The inspectors visited various sites in Kingston as part of Achieving for Children.")
    assert [name for _, _, name in find_authorities(courier)] == ["Kingston upon Thames"] * 2
    # Alone, the bare short form is a town as often as a council: not taken.
    assert find_authorities("The inspectors visited various sites in Kingston.") == []


def test_a_short_form_joined_by_and_to_a_council_the_text_names_is_a_council_too():
    # Community Care (dev), 2019: Richmond is named only bare, once beside "Kingston and".
    text = ("Earlier this month, Richmond (still rated good) and Kingston agreed to jointly recommission AfC. AfC "
            "has also run services in Windsor and Maidenhead since 2017 (Kingston and Richmond hold 40% each).\n\n"
            "Key to Kingston’s improvement from ‘good’ to ‘outstanding’ was a relentless focus.")
    names = [name for _, _, name in find_authorities(text)]
    assert names.count("Richmond upon Thames") == 2
    assert ("Richmond upon Thames", 2019, "good", "overall") in rows(text, "Kingston upon Thames", 2019)
    # https://www.communitycare.co.uk/2015/08/03/childrens-services-transformed-kingston-ofsted-says/:
    # "which manages Kingston and Richmond children's services".
    cc = ("Kingston’s children’s services transformed says Ofsted\n\nAchieving for Children, which manages "
          "Kingston and Richmond children’s services and is jointly owned by the two councils, was praised.")
    assert "Richmond upon Thames" in [name for _, _, name in find_authorities(cc)]
    # Neither tied to a council by the text: towns.
    assert find_authorities("Visitors to Richmond and Kingston enjoyed the river.") == []


def test_a_story_naming_its_council_by_a_short_form_is_about_that_council():
    # Community Care (dev), 2019: "Kingston" bare five times and "Kingston's" once; another
    # council, named in full once as a customer of the same company, is not the story's.
    text = ("Borough goes from ‘inadequate’ to ‘outstanding’ in six years\n\n"
            "Leaders' focus helps Kingston gain top rating as Achieving for Children given extended contract\n\n"
            "In a report this week, Ofsted said services in Kingston had continuously improved since it "
            "received a good rating in 2015.\n\n"
            "AfC has also run services in Windsor and Maidenhead since 2017.\n\n"
            "Key to Kingston’s improvement from ‘good’ to ‘outstanding’ was what Ofsted described as relentless focus.")
    assert main_authority(text) == "Kingston upon Thames"
    assert ("Kingston upon Thames", 2015, "good", "overall") in rows(text, main_authority(text), 2019)


# --- the head noun before "in <council>" decides what "requires improvement" is said of ---


def test_a_part_of_the_work_in_a_council_is_not_its_grade_but_its_services_are():
    # Community Care (dev), 2016: "The quality of supervision in Stockton required improvement".
    assert rows("The quality of supervision in Stockton required improvement, inspectors said.", "Greenwich", 2016) == []
    # Community Care (dev), 2014: the same build with the services as the head noun names the council.
    text = ("East Sussex, Essex and Staffordshire were rated good, but children’s social care in Coventry was "
            "deemed inadequate.")
    assert ("Coventry", 2014, "inadequate", "overall") in rows(text, "Essex", 2014)
    # A judgement's name as the head: the 2012-13 protection inspections' headline sentence.
    headline = "The overall effectiveness of the arrangements to protect children in Milton Keynes is adequate."
    assert rows(headline, "Milton Keynes", 2013) == [("Milton Keynes", 2013, "adequate", "overall")]


# --- a count is the subject: the grade is no named council's ------------------------------


def test_a_count_doing_what_councils_do_to_grades_is_not_the_documents_council():
    # Community Care (dev), 2011: "Eleven shed their inadequate rating" in a story on Essex.
    text = ("Essex is one of 25 authorities in England which improved its performance over the last year. "
            "Eleven shed their inadequate rating, while the performance of seven authorities declined.")
    assert rows(text, "Essex", 2011) == []
    # https://schoolsweek.co.uk/outstanding-schools-not-inspected-for-15-years-downgraded-in-first-ofsted-reports/
    # and https://www.inentertainment.co.uk/ofsted-strips-three-in-four-top-rated-schools-of-outstanding-status/
    # (2021), the same count in two newsrooms' words, read in a story placed in Somerset.
    assert rows("While 12 dropped to ‘good’, five were rated ‘requires improvement’.", "Somerset", 2021) == []
    assert rows("Twelve fell to ‘good’ while five were designated ‘requires improvement’.", "Somerset", 2021) == []


def test_a_count_of_areas_after_a_dash_is_not_the_councils_grade():
    # The Yorkshire Post (dev): "out of 15 areas ... – only one is rated good, five are adequate".
    text = ("A record of the main findings graphically highlights the council's difficulties – out of 15 areas "
            "ranging from overall effectiveness to value for money – only one is rated good, five are adequate "
            "and nine inadequate.")
    assert rows(text, "Calderdale", None) == []


# --- a council after "and", before its own verb, opens the next clause --------------------


def test_a_council_opening_the_next_clause_does_not_take_a_plural_subjects_grade():
    # https://www.thepost.uk.com/news/childrens-social-care-services-rated-good-528435 (2016): the
    # "12 local authorities" are others; Cornwall's own grade is the next clause's.
    text = ("Only 12 local authorities have improved to ‘Good’ under this inspection regime and Cornwall is "
            "the only authority rated as ‘Inadequate’ between 2010 and 2011 that has now improved.")
    assert ("Cornwall", 2016, "good", "overall") not in rows(text, "Cornwall", 2016)
    # LGC (dev), 2018: a council named before its grade keeps it, whatever follows "while".
    lgc = ("Leeds City Council’s children’s social care services have been rated ‘outstanding’ by Ofsted, while "
           "Calderdale MBC has achieved a ‘good’ rating after previously being subject to government intervention.")
    assert rows(lgc, "Leeds", 2018) == [("Leeds", 2018, "outstanding", "overall"), ("Calderdale", 2018, "good", "overall")]


# --- both grades of a change are the council that moved ---------------------------------


def test_the_grade_a_council_moved_from_is_that_councils_not_the_storys():
    # The Shropshire Star (dev), 2020: a story on Telford and Wrekin names Bexley as the other mover.
    text = ("The only other council that has made the jump from requires improvement to be good to outstanding is "
            "Bexley, making Telford & Wrekin Council the only authority outside of London to make that leap.")
    found = rows(text, "Telford and Wrekin", 2020)
    assert ("Bexley", None, "requires improvement", "overall") in found
    assert not any(council == "Telford and Wrekin" for council, *_ in found)
    # https://www.cambstimes.co.uk/news/inspectors-praise-for-turnaround-in-fortunes-of-cambridgeshire-county-council-4856840:
    # "a local authority" in general moved: neither grade is Cambridgeshire's.
    general = ("This if the first time a local authority in the country has gone from ‘inadequate’ to ‘good’ for "
               "child protection – a leap of two categories to the second highest.")
    assert rows(general, "Cambridgeshire", 2014) == []


# --- a grade the text gives other councils is not the story's council's ------------------


def test_a_headline_grade_of_other_councils_does_not_fall_to_the_storys_council():
    # https://www.cypnow.co.uk/news/article/ofsted-awards-first-outstanding-ratings-for-children-s-services
    # (2016): the headline names no council; the body gives its grade to two others and
    # "good" to the council the story is filed under.
    text = ("Ofsted awards first ‘outstanding' ratings for children's services\n\n"
            "Out of the three authorities that make up the “tri-borough” merged children’s services covering "
            "Hammersmith & Fulham, Kensington & Chelsea, and Westminster councils, both Kensington and Chelsea "
            "and Westminster were rated outstanding, while Hammersmith and Fulham was rated “good”.")
    found = rows(text, "Hammersmith and Fulham", 2016)
    assert ("Hammersmith and Fulham", 2016, "outstanding", "overall") not in found
    assert {("Kensington and Chelsea", 2016, "outstanding", "overall"), ("Westminster", 2016, "outstanding", "overall"),
            ("Hammersmith and Fulham", 2016, "good", "overall")} <= set(found)
    # Community Care (dev), 2021: one council's story; its headline grade stays its own.
    own = ("Sunderland’s children’s services go from ‘inadequate’ to ‘outstanding’ in three years\n\n"
           "Ofsted has rated children’s services in Sunderland as ‘outstanding’.")
    assert ("Sunderland", 2021, "outstanding", "overall") in rows(own, "Sunderland", 2021)


# --- a grade told again undated is one the text dates, not another --------------------


def test_a_grade_the_text_dates_more_than_once_told_again_undated_adds_no_undated_grade():
    # Community Care (dev), 2021: "from 'inadequate'" in the headline, the body's 2015 and 2018.
    text = ("Sunderland’s children’s services go from ‘inadequate’ to ‘outstanding’ in three years\n\n"
            "TfC was formed on government orders in the wake of the local authority’s 2015 ‘inadequate’ verdict. "
            "Ofsted rated services as inadequate once again in 2018.")
    found = rows(text, "Sunderland", 2021)
    assert ("Sunderland", None, "inadequate", "overall") not in found
    assert {("Sunderland", 2015, "inadequate", "overall"), ("Sunderland", 2018, "inadequate", "overall")} <= set(found)
    # CYP Now (dev), 2019: "having spent seven years as 'inadequate'" after "in 2011, 2013 and 2015".
    slough = ('Slough Children\'s Services Trust has improved its Ofsted rating having spent seven years as "inadequate".\n\n'
              "This followed inadequate Ofsted ratings in 2011, 2013 and 2015.")
    assert ("Slough", None, "inadequate", "overall") not in rows(slough, "Slough", 2019)


def test_a_grade_whose_own_date_cannot_be_read_is_the_one_the_text_dates():
    # The MJ (dev, an undated page): "awarded the judgement to Bexley LBC last August" cannot be
    # resolved, but the text dates that grade: "onto 'outstanding' in 2018".
    text = ("The inspectorate call this ‘outstanding' and they awarded the judgement to Bexley LBC last August.\n"
            "One of the hardest things has been trying to identify the key milestones: from inadequacy in 2012, "
            "to a fragile ‘requires improvement' in 2014, onto ‘outstanding' in 2018.")
    found = rows(text, "Bexley", None)
    assert ("Bexley", None, "outstanding", "overall") not in found
    assert ("Bexley", 2018, "outstanding", "overall") in found
    # http://www.ludlowadvertiser.co.uk/news/regional/15043581.SPECIAL_REPORT__County_Hall_bombshell_as_Ofsted_grades_Worcestershire_s_child_protection_services__inadequate_/
    # (2017): "since 2012, when Ofsted last visited and deemed it to be adequate" beside "Back in
    # March 2012 ... was graded 'adequate'".
    ludlow = ('They also said services have "significantly" worsened since 2012, when Ofsted last visited and deemed '
              "it to be adequate.\n\nBack in March 2012 the council had an improvement notice lifted and was graded "
              "'adequate', but Ofsted had not paid County Hall a single visit until just before Christmas.")
    assert rows(ludlow, "Worcestershire", 2017) == [("Worcestershire", 2012, "adequate", "overall")]


# --- a grade "again": the earlier one is the last inspection's the text dates ------------


def test_a_grade_given_again_continues_the_one_of_the_last_inspection_the_text_dates():
    # The Bucks Free Press (dev): "once again branded inadequate" and, later, "since the last
    # inspection in 2014".
    bucks = ('Council chiefs say they are "disappointed" after Children\'s Services were once again branded inadequate '
             "by Ofsted.\n\nThe inspection, which took place in November, found \"inconsistent and too slow progress\" "
             "had been made by the county council since the last inspection in 2014.")
    assert ("Buckinghamshire", 2014, "inadequate", "overall") in rows(bucks, "Buckinghamshire", None)
    # https://feeds.bbci.co.uk/news/uk-england-somerset-32085372: "has again been rated "inadequate"
    # ... since its last inspection in June 2013"; the new grade itself stays the page's (undated).
    somerset = ('The care of vulnerable children in Somerset has again been rated "inadequate" by government inspectors.\n'
                "Ofsted has found no improvement in the care provided by Somerset County Council's children's services "
                "department since its last inspection in June 2013.")
    assert set(rows(somerset, "Somerset", None)) == {("Somerset", None, "inadequate", "overall"),
                                                     ("Somerset", 2013, "inadequate", "overall")}


# --- a verdict reported: "are said to be performing well" --------------------------------


def test_a_verdict_reported_as_said_is_still_the_councils_but_not_a_counts():
    # The Yorkshire Post (dev), 2011: the annual rating's "performing well" after "are said to be".
    text = ("Four authorities: East Riding, North Yorkshire, Sheffield and Wakefield are said to be "
            "performing well.")
    assert {c for c, *_ in rows(text, "Calderdale", 2011)} == {
        "East Riding of Yorkshire", "North Yorkshire", "Sheffield", "Wakefield"}
    # Local Government Lawyer (dev), 2010: the same words said of a count of councils are no council's.
    counted = ("Some 20 local authorities received the rating, while 77 were said to be performing well and 37 "
               "provided an adequate service.")
    assert rows(counted, "Essex", 2010) == []


# --- a grade given a second time implies the one before ---------------------------------


def test_a_grade_given_a_second_time_implies_the_earlier_one():
    # Social Work Today (dev), 2025: "rated 'Outstanding' for a second time by Ofsted".
    camden = "Camden Council's Children's Services have been rated 'Outstanding' for a second time by Ofsted."
    assert set(rows(camden, "Camden", 2025)) == {("Camden", 2025, "outstanding", "overall"),
                                                 ("Camden", None, "outstanding", "overall")}
    # https://www.communitycare.co.uk/2018/01/30/inspectors-find-serious-widespread-weaknesses-inadequate-rated-authority/:
    # "its second 'inadequate' rating in a row".
    bucks = ("Serious and widespread weaknesses in Buckinghamshire children’s services have led to it receiving its "
             "second ‘inadequate’ rating in a row from Ofsted.")
    assert ("Buckinghamshire", None, "inadequate", "overall") in rows(bucks, "Buckinghamshire", 2018)
    # A council that is the second to get a grade has not had it before.
    assert rows("Leeds became the second council to be rated outstanding.", "Leeds", 2018) == [
        ("Leeds", 2018, "outstanding", "overall")]


# --- a predecessor council named as the past is not the passage's council ---------------


def test_a_grade_naming_no_council_is_not_a_predecessors_named_before_it():
    # Cumberland Council's news (dev), 2024: the sentence before names only "the former Cumbria
    # County Council"; the grade after is the new council's (the document's own).
    text = ("Cumberland Council has achieved a milestone ‘Good’ rating in its first-ever ILACS inspection by Ofsted.\n"
            "This rating reflects the council’s strong commitment to improving the lives of children, and marks a "
            "turning point following the challenges faced under the former Cumbria County Council.\n"
            "Ofsted praised the council’s strong and visible leadership, dedicated workforce, and effective "
            "partnership working. The overall effectiveness of children’s services was rated ‘Good’.")
    assert {c for c, *_ in rows(text, "Cumberland", 2024)} == {"Cumberland"}
    # https://nwemail.co.uk/news/24448187.ofsted-rates-westmorland-furness-childrens-services-good (2024):
    # a predecessor the sentence itself names keeps its own grades.
    nwemail = ("Children’s services at the former local authority Cumbria County Council were judged as ‘inadequate’ "
               "in 2015, then as ‘requires improvement to be good’ in 2017 and 2022.")
    assert ("Cumbria", 2015, "inadequate", "overall") in rows(nwemail, "Westmorland and Furness", 2024)
    # The same page, after that sentence: the new council's director on "us".
    after = nwemail + ("\n\nMr Vasic said: “We’re still on a journey, I’m really pleased that Ofsted have found us to "
                       "be good and that we know what we need to do to improve.”")
    assert ("Cumbria", 2024, "good", "overall") not in rows(after, "Westmorland and Furness", 2024)
    assert not any(c == "Cumbria" and r == "good" for c, _, r, _ in rows(after, "Westmorland and Furness", 2024))


# --- a grade named as a bound on the scale is none given --------------------------------


def test_a_grade_named_as_a_bound_on_the_scale_is_not_given():
    # The Tottenham Independent (dev, batch 7): "the second-highest rating below 'outstanding'".
    text = ("Enfield’s children’s services were rated good in all areas following an inspection visit by Ofsted in "
            "March – the second-highest rating below ‘outstanding’.")
    assert {rating for _, _, rating, _ in rows(text, "Enfield", 2019)} == {"good"}
    # MENAFN (dev), 2025: "moved from a rating below Good to Outstanding" names no earlier grade.
    york = ("York is the first local authority nationally to have moved from a rating below Good to Outstanding in "
            "all areas in a single inspection.")
    assert {rating for _, _, rating, _ in rows(york, "York", 2025)} == {"outstanding"}


# --- a council's own evaluation is not Ofsted's grade -----------------------------------


def test_a_councils_self_assessment_is_not_a_grade():
    # James Cousins' blog (dev, batch 8): the self-assessment "assessed most services as good".
    text = ("The local authority self-assessment, dated June 2015 and completed in anticipation of this "
            "inspection, assessed most services as good. This is inaccurate.")
    assert rows(text, "Wandsworth", None) == []
    # LGC (dev, batch 7), 2019: Ofsted reporting what the self-assessment claimed gives no grade either.
    lgc = ("Ofsted added: “At the start of this inspection, the self-assessment and the presentation from senior "
           "leaders made clear that they believed services remained good or outstanding.")
    assert rows(lgc, "Trafford", 2019) == []
    # The control: the inspectors' own verdict in a sentence naming the self-assessment stands.
    assert rows("Inspectors said the council's self-assessment was accurate, and rated services good.",
                "Wandsworth", 2020) == [("Wandsworth", 2020, "good", "overall")]
