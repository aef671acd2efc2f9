"""Prose patterns of language (fourth round): each rule is named by the pattern it reads,
checked on a real dev-half sentence (benchmarks/accuracy/prose/, "split": "dev") and on a
second real example from another document, or in other words. Test-half documents are
never read here.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.dates import find_dates, resolve, weekday_year
from importers.extract.judgements import extract
from importers.sanitize import clean_text
from tests.paths import prose_text

NO_DATE = (None, None, None)


def rows(text: str, authority: str | None = None, published=NO_DATE, kind: str = "news"):
    """(council, year, rating, area) per judgement."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area")) for f in extract(clean_text(text), ctx)]


# --- a day named with its weekday on a page that shows no date ----------------------


def _day(text: str):
    (mention,) = [d for d in find_dates(text) if d.day is not None]
    return mention


def test_a_weekday_dates_the_day_after_every_year_the_text_names():
    # The weekday fixes the year: 17 December fell on a Friday in 2021 (not 2020).
    assert weekday_year(_day("On Friday 17th December OFSTED released"), 2020) == 2021
    # 3 March was a Tuesday in 2020 (and in 2026); the first from the latest year named.
    assert weekday_year(_day("published on Tuesday, 3 March"), 2019) == 2020
    # No weekday, no year named, or a year already given: nothing to count.
    assert weekday_year(_day("published on 3 March"), 2019) is None
    assert weekday_year(_day("on Tuesday 3 March"), None) is None
    assert weekday_year(_day("on Tuesday 3 March 2015"), 2019) is None


def test_a_dated_page_dates_a_weekday_day_by_its_own_date():
    mention = _day("On Friday 17th December OFSTED released")
    assert resolve(mention, (2010, 12, 20), None, 2021).year == 2010  # the page's date wins


def test_undated_story_dated_by_its_weekday():
    # prose/2021-manchestergazette-bury-conservatives-slam-ofsted-failings.txt (dev): the report
    # "On Friday 17th December" follows a visit published in November 2020, and the one grade
    # is restated as "an overall rating of 'Inadequate'".
    found = rows(prose_text("2021-manchestergazette-bury-conservatives-slam-ofsted-failings.txt"), "Bury")
    assert ("Bury", 2021, "inadequate", "overall") in found
    other = ("Inspectors visited in January 2019. On Tuesday 3 March Ofsted published its verdict on "
             "Walsall, grading it good in every area, resulting in an overall rating of good.")
    assert ("Walsall", 2020, "good", "overall") in rows(other)


# --- no council, no judgement --------------------------------------------------------


def test_grades_counted_in_a_round_up_that_names_no_council_are_no_judgements():
    # prose/2017-12-20-communitycare-leadership-ratings-analysis.txt (dev): "Just under one
    # fifth (12) were judged inadequate, while the rest were judged as 'requires improvement
    # to be good'" names no council, and the page is about none.
    text = prose_text("2017-12-20-communitycare-leadership-ratings-analysis.txt")
    assert rows(text, None, published=(2017, 12, 20)) == []
    # Another round-up's counts (prose/2010-teachingtimes-child-safety-inadequate.txt has
    # "The 10 authorities were identified out of a total of 29"), in other words:
    assert rows("Of the 29 inspected, a third were judged good and the rest inadequate.") == []


def test_a_county_s_short_form_names_it_with_council_wording():
    # prose/undated-bucksfreepress-buckinghamshire-inadequate-again.txt (dev): "Bucks County
    # Council (BCC) chiefs met on Monday"; the same usage for Hertfordshire in other words.
    from importers.authorities import find_authorities

    assert [a[2] for a in find_authorities("Bucks County Council (BCC) chiefs met on Monday")] == ["Buckinghamshire"]
    assert [a[2] for a in find_authorities("Herts County Council was rated good.")] == ["Hertfordshire"]
    # Bare, the short forms are words or other names: "it bucks the trend", "Notts County won".
    assert find_authorities("It bucks the trend; Notts County won; Lancs Live reported it.") == []


# --- councils listed below the sentence or heading that rates them ----------------------


def test_a_list_of_councils_below_a_sentence_that_ends_on_a_colon():
    # prose/2016-10-11-ukpol-gareth-thomas-question-inadequate-councils.txt (dev): "The following
    # local authorities are currently rated as 'inadequate' under Ofsted's Single Inspection
    # Framework:" and 25 councils below, "Leicester City" among them. Each holds the grade
    # from its own inspection, so none is dated by the answer.
    found = rows(prose_text("2016-10-11-ukpol-gareth-thomas-question-inadequate-councils.txt"),
                 published=(2016, 10, 11), kind="parliament")
    councils = {r[0] for r in found if r[2] == "inadequate"}
    assert len(councils) == 25 and {"Birmingham", "Leicester", "Wirral"} <= councils
    assert {r[1] for r in found if r[0] in councils} == {None}
    # The same in other words, set out one a line with bullets.
    other = ("The following councils remain rated inadequate under the single inspection framework:\n\n"
             "- Bromley\n- Lambeth Council\n- Wirral\n\nThe minister said more.")
    assert rows(other, published=(2016, 1, 5)) == [
        ("Bromley", None, "inadequate", "overall"),
        ("Lambeth", None, "inadequate", "overall"),
        ("Wirral", None, "inadequate", "overall"),
    ]


def test_a_heading_over_councils_one_a_line():
    # http://news.bbc.co.uk/2/hi/uk_news/7786915.stm (2008) sets the councils rated inadequate
    # under a capitalised heading, one council a line with its wording; in other words:
    text = ("Ofsted published its annual assessments of councils in December 2008.\n\n"
            "COUNCILS RATED INADEQUATE\nDoncaster Council\nSurrey County Council\n\nThe chief inspector spoke.")
    assert rows(text) == [("Doncaster", 2008, "inadequate", "overall"), ("Surrey", 2008, "inadequate", "overall")]
    # Councils in general stay no judgement: "Councils rated inadequate are monitored."
    assert rows("Councils rated inadequate are monitored.\nDoncaster Council said nothing.") == []


def test_a_city_council_in_a_list_keeps_its_wording():
    from importers.authorities import find_authorities

    assert [a[2] for a in find_authorities("Lancashire, Leicester City, Manchester")] == [
        "Lancashire", "Leicester", "Manchester"]
    assert find_authorities("Leicester City beat Hull City.") == []  # clubs, not councils


# --- a grade restated for "the authorities" the passage counted ------------------------


def test_the_authorities_named_after_a_count_keep_its_area_and_year():
    # prose/2010-teachingtimes-child-safety-inadequate.txt (dev, no date on the page): "10 local
    # authorities have been found to be inadequate in safeguarding children this year" ...
    # "The authorities found to be inadequate by Ofsted were Cornwall, Warrington, ...";
    # the page's latest year ("from March 2009 to March 2010") is its "this year".
    found = rows(prose_text("2010-teachingtimes-child-safety-inadequate.txt"))
    assert ("Cornwall", 2010, "inadequate", "help and protection") in found
    assert len({r[0] for r in found}) == 10 and {r[3] for r in found} == {"help and protection"}
    # In other words: the sentence before gave the area; these councils are the ones counted.
    other = ("Three councils were judged inadequate for child protection in 2012. "
             "The councils rated inadequate were Doncaster, Slough and Sandwell.")
    assert rows(other) == [(c, 2012, "inadequate", "help and protection") for c in ("Doncaster", "Slough", "Sandwell")]
    # With no such sentence before, the grade is the council's overall one.
    assert rows("The councils rated inadequate were Doncaster and Slough.") == [
        ("Doncaster", None, "inadequate", "overall"), ("Slough", None, "inadequate", "overall")]


def test_this_year_on_an_undated_page_is_the_latest_year_it_names():
    from importers.extract.dates import find_relative_dates

    (this_year,) = find_relative_dates("inspected this year")
    assert resolve(this_year, None, None, 2010).year == 2010
    assert resolve(this_year, (2012, 5, 1), None, 2010).year == 2012  # a dated page's own year wins
    (last_year,) = find_relative_dates("inspected last year")
    assert resolve(last_year, None, None, 2010).year is None  # which year was last is not told


# --- idioms for every area ---------------------------------------------------------------


def test_across_the_board_and_a_clean_sweep_grade_every_area_of_the_regime():
    ilacs_2018_23 = {"overall", "help and protection", "children in care and care leavers", "leadership"}
    # prose/2022-communitycare-herefordshire-commissioner-warns.txt (dev): "rated Herefordshire as
    # inadequate across the board".
    found = rows(prose_text("2022-communitycare-herefordshire-commissioner-warns.txt"), "Herefordshire",
                 published=(2022, 10, 10))
    assert {r[3] for r in found if r[1] == 2022 and r[2] == "inadequate"} == ilacs_2018_23
    # prose/2019-10-15-westminster-council-bi-borough-outstanding.txt (dev): "Children's Services
    # across Westminster City Council and Kensington and Chelsea have been given a clean sweep of
    # outstanding ratings" (both councils of the list, the first after "across").
    found = rows(prose_text("2019-10-15-westminster-council-bi-borough-outstanding.txt"), "Westminster",
                 published=(2019, 10, 15))
    for council in ("Westminster", "Kensington and Chelsea"):
        assert {r[3] for r in found if r[0] == council and r[2] == "outstanding"} == ilacs_2018_23
    # "a clean sweep" of one grade named in the singular is not every area.
    assert {r[3] for r in rows("Ofsted gave Bury a clean sweep of praise and an outstanding rating in 2019.")} == {"overall"}


def test_a_word_no_regime_of_its_year_awards_is_no_grade():
    # prose/2019-10-15-westminster-council-bi-borough-outstanding.txt (dev): leadership "described
    # as 'excellent' by the assessors" in 2019, when Ofsted's grades were outstanding to
    # inadequate; "excellent" was the 2009-11 annual rating's top grade.
    assert rows("Its leadership was described as 'excellent' by the assessors.", "Westminster",
                published=(2019, 10, 15)) == []
    assert rows("Kent was rated 'excellent' in 2010.") == [("Kent", 2010, "excellent", "overall")]
    # "requires improvement" came with the single inspection framework (November 2013).
    assert rows("In 2010 Ofsted judged that Slough requires improvement.") == []
    from importers.vocabulary import on_the_scale

    assert on_the_scale("adequate", 2012) and not on_the_scale("adequate", 2019) and on_the_scale("good", None)


# --- each grade of a sentence keeps the councils named with it ----------------------------


def test_a_council_named_after_the_previous_grade_is_the_next_grade_s():
    # prose/2014-communitycare-second-wave-single-inspections.txt (dev): "East Sussex, Essex and
    # Staffordshire were rated good, but children's social care in Coventry was deemed inadequate."
    found = rows(prose_text("2014-communitycare-second-wave-single-inspections.txt"), published=(2014, 3, 21))
    assert ("Coventry", 2014, "inadequate", "overall") in found
    assert not [r for r in found if r[2] == "inadequate" and r[0] != "Coventry"]
    # prose/2010-06-01-communitycare-plymouth-good-peterborough-inadequate.txt (dev) tells two
    # councils' grades apart the same way; in other words:
    other = "Plymouth was rated good, while services in Peterborough were judged inadequate."
    assert rows(other) == [("Plymouth", None, "good", "overall"), ("Peterborough", None, "inadequate", "overall")]


def test_a_past_marker_in_a_clause_after_the_grade_tells_of_that_clause():
    # prose/2018-12-19-lgc-leeds-outstanding-calderdale-good.txt (dev): "Calderdale MBC has achieved
    # a 'good' rating after previously being subject to government intervention" is the new grade.
    text = "Calderdale MBC has achieved a 'good' rating after previously being subject to government intervention."
    assert rows(text, published=(2018, 12, 19)) == [("Calderdale", 2018, "good", "overall")]
    # In other words, with "having": the grade is still the new one; a marker of its own is not.
    assert rows("Wigan was rated good, having formerly been in intervention.", published=(2019, 5, 1)) == [
        ("Wigan", 2019, "good", "overall")]
    assert rows("Wigan was rated good previously.", published=(2019, 5, 1))[0][1] is None


# --- grades of areas the text does not name ----------------------------------------------


def test_a_grade_of_unnamed_areas_or_of_one_strand_s_capacity_is_no_judgement():
    # prose/undated-careappointments-hampshire-safeguarding-praise.txt (dev): "The council scored
    # the next best rating of 'good' in the other areas." and, quoted from the report,
    # "Capacity for improvement in safeguarding is outstanding" (one strand's capacity).
    text = prose_text("undated-careappointments-hampshire-safeguarding-praise.txt")
    assert rows(text) == []
    # https://www.communitycare.co.uk/2011/09/29/ofsted-a-quarter-of-councils-not-protecting-children-adequately/
    # tells of councils "deemed to have an inadequate capacity to improve their child protection
    # systems"; the same said of one council:
    assert rows("Kent was deemed to have an inadequate capacity to improve its child protection services.") == []
    # A whole inspection's capacity stays a judgement.
    assert rows("Kent's capacity for improvement was judged good.") == [("Kent", None, "good", "capacity for improvement")]


def test_the_date_a_regime_was_introduced_does_not_date_a_grade():
    # prose/2010-05-25-familylaw-bristol-first-large-city-good.txt (dev): "to receive a 'good' rating
    # since the new Ofsted inspection regime for safeguarding was introduced in June 2009";
    # prose/undated-publicsectorexecutive-seven-inadequate.txt (dev) dates a framework the same way.
    text = ("Bristol is the first large city to receive a 'good' rating since the new Ofsted inspection "
            "regime for safeguarding was introduced in June 2009.")
    assert rows(text, published=(2010, 5, 25)) == [("Bristol", 2010, "good", "overall")]


# --- a news site's furniture names no council --------------------------------------------


def test_a_site_section_and_a_see_more_link_name_no_council():
    # prose/undated-bbc-wolverhampton-childrens-services-good.txt (dev) opens on the site's section
    # "Birmingham & Black Country" and puts "See more stories from across Birmingham and the Black
    # Country here" between paragraphs; https://feeds.bbci.co.uk/news/uk-england-coventry-warwickshire-38269391
    # has "See more stories from Coventry and Warwickshire here" the same way.
    from importers.metadata import detect_title

    text = prose_text("undated-bbc-wolverhampton-childrens-services-good.txt")
    assert detect_title(text) == "Wolverhampton's children's services rated as 'good'"
    found = rows(text, "Wolverhampton")
    assert {r[0] for r in found} == {"Wolverhampton"}
    assert ("Wolverhampton", None, "good", "leadership") in found
    other = ("Coventry & Warwickshire\n\nChildren's services rated good\n\nSee more stories from Coventry and "
             "Warwickshire here\n\nThe third area was rated as requires improvement.")
    assert detect_title(other) == "Children's services rated good"
    assert {r[0] for r in rows(other, "Solihull")} == {"Solihull"}
    # A headline in title case that names services is still the headline.
    assert detect_title("Kent & Medway Children's Services Rated Good\n\nText.") == "Kent & Medway Children's Services Rated Good"


def test_an_area_ending_on_the_noun_of_its_work_continues_a_list():
    # prose/2014-02-24-cypnow-sheffield-requires-improvement.txt (dev): "judged good in three areas -
    # child protection work, experience and progress of care leavers, and leadership, management
    # and governance"; in other words, "adoption services":
    text = prose_text("2014-02-24-cypnow-sheffield-requires-improvement.txt")
    good = {r[3] for r in rows(text, "Sheffield", published=(2014, 2, 24)) if r[2] == "good"}
    assert good == {"help and protection", "care leavers", "leadership"}
    assert {r[3] for r in rows("Bolton's adoption services and care leavers were rated good.")} == {"adoption", "care leavers"}


def test_two_grades_before_a_plural_rating_noun_grade_no_named_area():
    # prose/2025-bbc-gloucestershire-good-rating-childrens-services.txt (dev): "A children's services
    # department has received good and outstanding Ofsted ratings" (the areas come later).
    text = "A children's services department has received good and outstanding Ofsted ratings, inspectors said."
    assert rows(text, "Gloucestershire") == []
    # http://fosteringwestcheshire.co.uk/2016/02/22/ofsted-judges-councils-children-families-service-one-countrys-top-performers/
    # mixes grades the same way ("rated 'good' with 'outstanding' features"): one grade, the first.
    other = "The Children and Families Service has been rated 'good' with 'outstanding' features by Ofsted."
    assert rows(other, "Cheshire West and Chester") == [("Cheshire West and Chester", None, "good", "overall")]
    # One grade before the plural noun is still a grade: "two 'good' ratings" names it.
    assert rows("Kent received 'outstanding' ratings for adoption and leadership.") == [
        ("Kent", None, "outstanding", "adoption"), ("Kent", None, "outstanding", "leadership")]


# --- a grade said to continue implies the earlier one ------------------------------------


def test_a_continued_grade_implies_an_earlier_undated_one_unless_the_text_dates_it():
    # prose/2022-leeds-council-ofsted-inspection-executive-board.txt (dev): "maintaining its
    # 'Outstanding' judgement following the recent Ofsted inspection"; and
    # prose/undated-northtyneside-council-outstanding-second-time.txt (dev): "rated our children's
    # services outstanding for the second consecutive time".
    leeds = rows(prose_text("2022-leeds-council-ofsted-inspection-executive-board.txt"), "Leeds", kind="minutes")
    assert ("Leeds", None, "outstanding", "overall") in leeds
    tyneside = rows(prose_text("undated-northtyneside-council-outstanding-second-time.txt"), "North Tyneside")
    assert ("North Tyneside", None, "outstanding", "overall") in tyneside
    # prose/2017-10-12-essex-council-pilot-inspection-good.txt (dev): "rated Essex ... as 'good' for the
    # second time in three years" with "last officially rated as 'good' in January 2014": the
    # earlier grade is the dated one, not another undated one.
    essex = rows(prose_text("2017-10-12-essex-council-pilot-inspection-good.txt"), "Essex", published=(2017, 10, 12))
    assert ("Essex", 2014, "good", "overall") in essex and ("Essex", None, "good", "overall") not in essex
    # No continuity, no earlier grade.
    assert rows("Kent was rated good.", published=(2019, 1, 1)) == [("Kent", 2019, "good", "overall")]


# --- the annual performance assessment's number grades -------------------------------------


def test_apa_number_grades_glossed_with_their_names():
    # prose/undated-norfolk-management-information-sheet-apa.txt (dev): "Staying safe | grade 3 (good)",
    # "the grades for our overall capacity to improve and our overall effectiveness were both 2
    # (adequate)", and a count of grades, "we have scored three 'threes' (good)".
    found = rows(prose_text("undated-norfolk-management-information-sheet-apa.txt"), "Norfolk")
    assert sorted(found, key=str) == sorted([
        ("Norfolk", None, "good", "help and protection"),
        ("Norfolk", None, "adequate", "capacity for improvement"),
        ("Norfolk", None, "adequate", "overall"),
    ], key=str)
    # http://egenda.stockton.gov.uk/aksstockton/users/public/admin/kab10.pl?cdr_id=d060058&arc=50&phase=two&operation=detail
    # sets out APA grades as numbers 1-4 with their meaning ("Grade 3 ... was deemed to be good");
    # a number grade with its name, in other words:
    assert rows("Kent's overall effectiveness was graded 3 (good) in 2007.") == [("Kent", 2007, "good", "overall")]
    # Counts of number grades name no area.
    assert rows("Kent scored two 'fours' (outstanding) and five 'threes' (good).") == []


def test_a_count_of_councils_named_in_the_next_sentence():
    # prose/2016-03-29-communitycare-first-outstanding-two-london-councils.txt (dev): "Two London
    # boroughs have become the first to have their children's services rated 'outstanding' ...
    # Ofsted said Kensington and Chelsea, and Westminster children's services provide first-rate
    # services". https://www.cypnow.co.uk/content/news/childrens-services-at-three-councils-rated-good-by-ofsted
    # announces "three councils" and names them after ("Stockport, Merton and Central Bedfordshire
    # all received the positive ratings"); in other words:
    found = rows(prose_text("2016-03-29-communitycare-first-outstanding-two-london-councils.txt"),
                 published=(2016, 3, 29))
    assert {r[0] for r in found if r[2] == "outstanding"} == {"Kensington and Chelsea", "Westminster"}
    other = ("Three councils have been rated good by Ofsted. Stockport, Merton and Central Bedfordshire all "
             "received the positive ratings after visits in June.")
    assert {r[0] for r in rows(other)} == {"Stockport", "Merton", "Central Bedfordshire"}
    # Not when the count differs, or the next sentence gives grades of its own.
    assert rows("Two councils were rated good. Stockport, Merton and Bury were praised.") == []
    assert rows("Two councils were rated good. Kent and Essex were rated inadequate.") == [
        ("Kent", None, "inadequate", "overall"), ("Essex", None, "inadequate", "overall")]


def test_an_earlier_inspection_dated_only_by_its_publication():
    # prose/2017-lovewapping-tower-hamlets-inadequate.txt (dev): "since the last inspection of
    # children's services published in 2012, when the local authority was found to be good overall";
    # the same as the report's publication dating its grade in
    # prose/2019-cypnow-new-inspections-reveal-progress.txt (dev, "The latest report, published on
    # 17 January 2019, showed ...").
    text = ("Some services have significantly deteriorated since the last inspection of children's services "
            "published in 2012, when the local authority was found to be good overall.")
    assert rows(text, "Tower Hamlets", published=(2017, 4, 1)) == [("Tower Hamlets", 2012, "good", "overall")]


# --- a grade told again without a date --------------------------------------------------


def test_a_grade_told_again_without_a_date_is_the_one_the_text_dates():
    # prose/2010-bbc-doncaster-childrens-services-poor.txt (dev): the headline "Ofsted rates Doncaster
    # children's services 'poor'" over a body dating the annual rating to 2010; and
    # prose/2021-10-27-communitycare-inadequate-councils-progress.txt (dev): "at 'inadequate' Surrey"
    # beside "Surrey council, rated inadequate in 2018".
    doncaster = rows(prose_text("2010-bbc-doncaster-childrens-services-poor.txt"), "Doncaster")
    assert {r[1] for r in doncaster if r[0] == "Doncaster" and r[2] == "poor"} == {2010}
    progress = rows(prose_text("2021-10-27-communitycare-inadequate-councils-progress.txt"), published=(2021, 10, 27))
    assert {r[1] for r in progress if r[0] == "Surrey"} == {2018}
    assert ("Newham", None, "inadequate", "overall") in progress  # no date told for Newham: none taken
    # prose/2019-03-04-cypnow-slough-trust-improves-rating.txt (dev): three dates told for one grade
    # ("inadequate Ofsted ratings in 2011, 2013 and 2015"): "judged inadequate [previously]" is
    # one of them, which is not known, so it is not told as another, undated grade.
    slough = rows(prose_text("2019-03-04-cypnow-slough-trust-improves-rating.txt"), published=(2019, 3, 4))
    assert ("Slough", None, "inadequate", "overall") not in slough
    assert {r[1] for r in slough if r[2] == "inadequate"} == {2011, 2013, 2015}


def test_a_grade_after_having_is_an_earlier_one():
    # prose/2019-03-04-cypnow-slough-trust-improves-rating.txt (dev): "has improved its Ofsted rating
    # having spent seven years as 'inadequate'"; https://www.worcesternews.co.uk/news/23655365.worcestershires-children-services-rated-good-ofsted/
    # marks the earlier grade the same way ("rated 'good' ... after being previously requiring
    # improvement").
    text = "Slough Children's Services Trust has improved its Ofsted rating having spent seven years as 'inadequate'."
    assert rows(text, published=(2019, 3, 4)) == [("Slough", None, "inadequate", "overall")]
    assert rows("Bury, having been judged inadequate, is now rated good.", published=(2022, 1, 1)) == [
        ("Bury", None, "inadequate", "overall"), ("Bury", 2022, "good", "overall")]


def test_an_undated_page_written_in_the_week_of_a_weekday_it_names():
    # prose/undated-hexhamcourant-northumberland-outstanding-scrutiny.txt (dev): "Thursday (September 5)
    # marked the first meeting ... since the report ... was published in July", after an "upgrade from
    # 'good' in 2020": 5 September fell on a Thursday in 2024, so the new grade is 2024's. The same
    # arithmetic dates prose/2021-manchestergazette-bury-conservatives-slam-ofsted-failings.txt (dev).
    found = rows(prose_text("undated-hexhamcourant-northumberland-outstanding-scrutiny.txt"), "Northumberland")
    assert ("Northumberland", 2024, "outstanding", "overall") in found
    assert ("Northumberland", 2020, "good", "overall") in found
    (day,) = [d for d in find_dates("Thursday (September 5) marked the first meeting") if d.day]
    assert (day.month, day.day, weekday_year(day, 2020)) == (9, 5, 2024)
    # A month and a number with no weekday or ordinal is no date: "March 20 children".
    assert find_dates("In March 20 children were placed.") == [] or all(d.day is None for d in find_dates("In March 20 children were placed."))


def test_a_site_notice_of_two_sentences_is_not_the_headline():
    # prose/2024-12-24-radioexe-devon-unreleased-report.txt (dev) opens on "You are viewing content from
    # Radio Exe Plymouth. Would you like to make this your preferred location?", and
    # prose/2023-05-25-middlesbrough-council-improved-rating.txt (dev) on "We're making changes to bin
    # collections across the town from 1 April. Find out about the changes": site notices, not headlines.
    from importers.authorities import main_authority
    from importers.metadata import detect_title

    text = prose_text("2024-12-24-radioexe-devon-unreleased-report.txt")
    assert "Plymouth" not in (detect_title(text) or "")
    assert main_authority(text, detect_title(text)) == "Devon"
    notice = prose_text("2023-05-25-middlesbrough-council-improved-rating.txt")
    assert not (detect_title(notice) or "").startswith("We're making changes")
    assert rows(text, "Devon", published=(2024, 12, 24)) == [("Devon", 2020, "inadequate", "overall")] * 2


def test_a_timeline_line_s_opening_date_dates_every_grade_on_it():
    # prose/undated-herefordtimes-herefordshire-decade-of-failings.txt (dev): "June 2018: Ofsted's
    # inspection again returned an overall 'requires improvement' rating, with the impact of leaders
    # on social work practice rated 'inadequate'." The existing timeline rule reads issue 11's
    # "June 2012: rated inadequate" (tests/unit/test_prose_years.py); two grades on one line:
    found = rows(prose_text("undated-herefordtimes-herefordshire-decade-of-failings.txt"), "Herefordshire")
    assert ("Herefordshire", 2018, "inadequate", "leadership") in found
    assert ("Herefordshire", 2018, "requires improvement", "overall") in found
    other = "KENT\nMarch 2017 - rated good overall, with adoption rated outstanding\n"
    assert rows(other, "Kent") == [("Kent", 2017, "good", "overall"), ("Kent", 2017, "outstanding", "adoption")]


# --- "needs improvement" is the press's name for "requires improvement" -------------------


def test_needs_improvement_names_the_grade_where_a_judging_context_gives_it():
    # prose/2019-sheffield-scrutiny-minutes-ofsted-good.txt (dev): "the last inspection in 2013 had
    # rated the service as needing improvement ... the 2019 inspection had rated the service as
    # good"; prose/2014-communitycare-second-wave-single-inspections.txt (dev): "The London Borough
    # of Hounslow was found to need improvement in all areas".
    text = ("Councillor Drayton explained that the last inspection in 2013 had rated the service as needing "
            "improvement. However, steady progress had been made since then and the 2019 inspection had rated "
            "the service as good.")
    assert rows(text, "Sheffield", kind="minutes") == [
        ("Sheffield", 2013, "requires improvement", "overall"), ("Sheffield", 2019, "good", "overall")]
    wave = rows(prose_text("2014-communitycare-second-wave-single-inspections.txt"), published=(2014, 3, 21))
    assert {r[3] for r in wave if r[0] == "Hounslow" and r[2] == "requires improvement"} >= {
        "help and protection", "children in care", "adoption", "care leavers", "leadership"}
    # Plain English stays plain: "practice needs improvement" rates no council or area; and no
    # regime graded "requires improvement" in 2010.
    assert rows("Ofsted said practice needs improvement.", "Kent", published=(2015, 1, 1)) == []
    assert rows("In 2010 Kent was judged to need improvement.") == []


def test_a_report_s_publication_set_off_by_commas_dates_its_grades():
    # prose/2014-02-24-cypnow-sheffield-requires-improvement.txt (dev): "A previous inspection of
    # safeguarding and looked-after children services at the authority, published in November 2010,
    # rated each area as adequate." The nearer form is prose/2019-cypnow-new-inspections-reveal-progress.txt's
    # (dev) "The latest report, published on 17 January 2019, showed ...".
    text = ("A previous inspection of safeguarding and looked-after children services at the authority, "
            "published in November 2010, rated each area as adequate.")
    assert rows(text, "Sheffield", published=(2014, 2, 24)) == [
        ("Sheffield", 2010, "adequate", "help and protection"), ("Sheffield", 2010, "adequate", "children in care")]
