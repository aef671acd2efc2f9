"""Judgements: rating words in a judging context, with date, area, council and era."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.authorities import AUTHORITIES
from importers.extract import DocContext, clauses, inspections
from importers.extract.judgements import extract
from importers.model import FACT_FIELDS
from importers.sanitize import clean_text
from importers.vocabulary import AREAS, ERAS, RATINGS, normalise_rating
from tests.paths import SEEDS, seed_text

NO_DATE = (None, None, None)


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


def rows(text: str, authority: str | None = "Kent", published=NO_DATE, kind: str = "news"):
    """(as written, rating, area, (year, month), date source, council) per judgement."""
    ctx = DocContext(authority=authority, published=published, kind=kind)
    return [
        (
            f.get("rating_text"), f.get("rating"), f.get("area"),
            (f.get("year"), f.get("month")), f.get("date_source"), f.get("authority"),
        )
        for f in extract(text, ctx)
    ]


# --- the seeds --------------------------------------------------------------------


def test_seed_000_every_judgement_with_its_own_date():
    got = rows(seed("000"), authority="Haringey")
    assert got == [
        ("good", "good", "overall", (2023, 2), "subject", "Haringey"),
        ("requires improvement", "requires improvement", "overall", (2014, None), "text", "Haringey"),
        ("adequate", "adequate", "overall", (2011, None), "text", "Haringey"),
        ("poor", "poor", "overall", (2009, None), "text", "Haringey"),
        ("inadequate", "inadequate", "overall", (2008, None), "text", "Haringey"),
        ("good", "good", "help and protection", (2023, 2), "subject", "Haringey"),
        ("good", "good", "care leavers", (2023, 2), "subject", "Haringey"),
        ("requires improvement", "requires improvement", "children in care", (2023, 2), "subject", "Haringey"),
        ("require improvement to be good", "requires improvement", "overall", (2018, None), "text", "Haringey"),
        ("good", "good", "overall", (2023, 2), "subject", "Haringey"),
    ]


def test_seed_000_eras_and_event_types():
    facts = extract(seed("000"), DocContext(authority="Haringey"))
    by_year = {f.get("year"): (f.get("era"), f.get("event_type"), f.get("grade")) for f in facts}
    assert by_year[2008] == ("apa", "inspection", 4)
    assert by_year[2009] == ("annual-rating", "annual rating", 4)
    assert by_year[2011] == ("safeguarding-lac", "inspection", 3)
    assert by_year[2014] == ("sif", "inspection", 3)
    assert by_year[2018] == ("ilacs", "inspection", 3)
    assert by_year[2023][:2] == ("ilacs", "inspection")


def test_seed_001_staff_morale_is_no_judgement():
    assert rows(seed("001"), authority="Haringey") == []


def test_seed_002_letter_recalls_the_2023_judgement_and_not_good_progress():
    got = rows(seed("002"), authority="Haringey", published=(2025, 3, 14), kind="ofsted_letter")
    assert got == [
        ("require improvement", "requires improvement", "children in care", (2023, 2), "text", "Haringey"),
    ]


def test_seed_003_requires_improvement_overall_undated():
    got = rows(seed("003"), authority="Haringey")
    assert got == [("requires improvement", "requires improvement", "overall", (None, None), None, "Haringey")] * 3


def test_seed_003_falls_back_to_the_publication_date():
    got = rows(seed("003"), authority="Haringey", published=(2014, 7, 18))
    assert {(r[3], r[4]) for r in got} == {((2014, 7), "published")}
    assert all(f.get("era") == "sif" for f in extract(seed("003"), DocContext(published=(2014, 7, 18))))


def test_seed_004_good_progress_and_good_capacity_are_no_judgements():
    assert rows(seed("004"), authority="Haringey", published=(2010, 2, 23)) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("published", [NO_DATE, (2024, 1, 31)])
def test_every_seed_fact_holds_the_span_invariants(path, published):
    text = clean_text(path.read_text(encoding="utf-8"))
    for fact in extract(text, DocContext(authority="Haringey", published=published)):
        check_judgement(text, fact)


def check_judgement(text: str, fact) -> None:
    start, end = fact.span
    assert fact.type == "judgement"
    assert 0 <= start < end <= len(text)
    assert text[start:end] == fact.get("rating_text")
    assert normalise_rating(fact.get("rating_text")) == fact.get("rating")
    assert fact.get("grade") == RATINGS[fact.get("rating")].grade
    assert set(FACT_FIELDS["judgement"]) <= set(fact.fields)
    assert fact.get("area") in AREAS or fact.get("area") is None
    assert fact.get("era") in {e.id for e in ERAS} | {None}
    assert fact.get("event_type") in ("inspection", "annual rating")
    assert fact.get("date_source") in ("text", "subject", "published", "not stated", None)
    year, month, day, precision = (fact.get(k) for k in ("year", "month", "day", "precision"))
    assert precision == ("day" if day else "month" if month else "year" if year else None)
    assert (fact.get("date_source") in (None, "not stated")) == (year is None and month is None)


# --- news, letters, minutes and reports about other councils ---------------------

P = (2024, 5, 1)  # the publication date given to these passages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Local and national news
        ("Kent County Council's children's services have been rated \"outstanding\" by Ofsted for the first time.",
         [("outstanding", "outstanding", "overall", (2024, 5), "published", "Kent")]),
        # "for the third time" implies an earlier inadequate, undated (issue 11: a continued grade).
        ("Birmingham City Council's children's services have been rated inadequate by Ofsted for the third time.",
         [("inadequate", "inadequate", "overall", (2024, 5), "published", "Birmingham"),
          ("inadequate", "inadequate", "overall", (None, None), "not stated", "Birmingham")]),
        ("HEADLINE: Rotherham children's services rated 'outstanding'",
         [("outstanding", "outstanding", "overall", (2024, 5), "published", "Rotherham")]),
        ("In 2014 Sandwell was rated inadequate, and in 2018 it was judged to require improvement.",
         [("inadequate", "inadequate", "overall", (2014, None), "text", "Sandwell"),
          ("require improvement", "requires improvement", "overall", (2018, None), "text", "Sandwell")]),
        ("Kent, Surrey and Essex were rated good, while Norfolk was rated inadequate.",
         [("good", "good", "overall", (2024, 5), "published", "Kent"),
          ("good", "good", "overall", (2024, 5), "published", "Surrey"),
          ("good", "good", "overall", (2024, 5), "published", "Essex"),
          ("inadequate", "inadequate", "overall", (2024, 5), "published", "Norfolk")]),
        ("Ofsted rated Leeds good and Bradford inadequate.",
         [("good", "good", "overall", (2024, 5), "published", "Leeds"),
          ("inadequate", "inadequate", "overall", (2024, 5), "published", "Bradford")]),
        ("Barnet has been judged \"good\" by Ofsted, up from \"requires improvement\" at its previous inspection "
         "in 2019.",
         [("good", "good", "overall", (2024, 5), "published", "Barnet"),
          ("requires improvement", "requires improvement", "overall", (2019, None), "text", "Barnet")]),
        ("The council's children's services moved from \"requires improvement\" to \"good\" after an inspection "
         "in March 2022.",
         [("requires improvement", "requires improvement", "overall", (None, None), "not stated", "Kent"),
          ("good", "good", "overall", (2022, 3), "text", "Kent")]),
        ("Doncaster Council's children's services have been upgraded to good.",
         [("good", "good", "overall", (2024, 5), "published", "Doncaster")]),
        ("Ofsted has rated Tower Hamlets children's services as 'outstanding', three years after they were judged "
         "'inadequate'.",
         [("outstanding", "outstanding", "overall", (2024, 5), "published", "Tower Hamlets"),
          # (three years before the page's 2024: the news counts back from itself)
          ("inadequate", "inadequate", "overall", (2021, None), "text", "Tower Hamlets")]),
        ("Leeds, which was rated outstanding in 2015, has retained its top grade.",
         [("outstanding", "outstanding", "overall", (2015, None), "text", "Leeds")]),
        ("Lambeth children's services still require improvement to be good, Ofsted has said.",
         [("require improvement to be good", "requires improvement", "overall", (2024, 5), "published", "Lambeth")]),
        ("Children's services in Hackney are inadequate, inspectors concluded.",
         [("inadequate", "inadequate", "overall", (2024, 5), "published", "Hackney")]),
        ("Norfolk County Council remains inadequate.",
         [("inadequate", "inadequate", "overall", (2024, 5), "published", "Norfolk")]),
        ("Ofsted said the council's leadership was \"outstanding\", while the experiences and progress of care "
         "leavers were \"good\".",
         [("outstanding", "outstanding", "leadership", (2024, 5), "published", "Kent"),
          ("good", "good", "care leavers", (2024, 5), "published", "Kent")]),
        ("Croydon was rated good for leadership and inadequate for children in care.",
         [("good", "good", "leadership", (2024, 5), "published", "Croydon"),
          ("inadequate", "inadequate", "children in care", (2024, 5), "published", "Croydon")]),
        ("Help and protection was rated good, but children in care were judged to require improvement.",
         [("good", "good", "help and protection", (2024, 5), "published", "Kent"),
          ("require improvement", "requires improvement", "children in care", (2024, 5), "published", "Kent")]),
        ("Haringey's children's services are 'good' with some areas 'requiring improvement', Ofsted says.",
         # "some areas" names none: no judgement of any area (issue 11, item 3).
         [("good", "good", "overall", (2024, 5), "published", "Haringey")]),
        ("The council, previously rated inadequate, has been praised.",
         [("inadequate", "inadequate", "overall", (None, None), "not stated", "Kent")]),
        ("It was rated requires improvement at its last inspection.",
         [("requires improvement", "requires improvement", "overall", (None, None), "not stated", "Kent")]),
        ("An Ofsted inspection in November 2017 found that services were inadequate.",
         [("inadequate", "inadequate", "overall", (2017, 11), "text", "Kent")]),
        ("Sandwell Council's children's services have been rated as \"requires improvement\" by Ofsted. The Sandwell "
         "Children's Trust was created in 2018 after the council's services were found to be inadequate.",
         [("requires improvement", "requires improvement", "overall", (2024, 5), "published", "Sandwell"),
          ("inadequate", "inadequate", "overall", (None, None), "not stated", "Sandwell")]),
        ("Ofsted has praised Essex County Council after its children's services were rated outstanding for the "
         "second time in a row.",
         [("outstanding", "outstanding", "overall", (2024, 5), "published", "Essex"),
          ("outstanding", "outstanding", "overall", (None, None), "not stated", "Essex")]),
        ("Northamptonshire County Council was rated inadequate in 2013, 2016 and 2019.",
         [("inadequate", "inadequate", "overall", (2013, None), "text", "Northamptonshire"),
          ("inadequate", "inadequate", "overall", (2016, None), "text", "Northamptonshire"),
          ("inadequate", "inadequate", "overall", (2019, None), "text", "Northamptonshire")]),
        ("Ofsted rated Birmingham's children's services inadequate in 2014 and again in 2016.",
         [("inadequate", "inadequate", "overall", (2014, None), "text", "Birmingham"),
          ("inadequate", "inadequate", "overall", (2016, None), "text", "Birmingham")]),
        ("Ofsted found that the county's services for care leavers had deteriorated and were now \"inadequate\".",
         [("inadequate", "inadequate", "care leavers", (2024, 5), "published", "Kent")]),
        ("Councillors heard the service had moved up from 'inadequate' to 'requires improvement' and was on track "
         "to be 'good' by 2025.",
         [("inadequate", "inadequate", "overall", (None, None), "not stated", "Kent"),
          ("requires improvement", "requires improvement", "overall", (2024, 5), "published", "Kent")]),
        ("Both Barnet and Enfield were rated good, but Haringey was rated inadequate.",
         [("good", "good", "overall", (2024, 5), "published", "Barnet"),
          ("good", "good", "overall", (2024, 5), "published", "Enfield"),
          ("inadequate", "inadequate", "overall", (2024, 5), "published", "Haringey")]),
        ("The inspection of Torbay's children's services took place between 15 and 26 July 2019. The authority was "
         "judged inadequate overall, with leadership also rated inadequate.",
         [("inadequate", "inadequate", "overall", (2019, 7), "subject", "Torbay"),
          ("inadequate", "inadequate", "leadership", (2019, 7), "subject", "Torbay")]),
        ("Birmingham's children's services department is no longer rated inadequate. Ofsted inspectors, who visited "
         "the city in January, judged the service to \"require improvement to be good\".",
         # "no longer rated inadequate" tells the earlier grade, undated.
         [("inadequate", "inadequate", "overall", (None, None), "not stated", "Birmingham"),
          ("require improvement to be good", "requires improvement", "overall", (2024, 1), "text", "Birmingham")]),
        ("Ofsted inspected the council in May and rated it good.",
         [("good", "good", "overall", (2024, 5), "text", "Kent")]),
        ("Haringey was one of four councils rated as performing poorly in the annual rating published in "
         "December 2009.",
         [("performing poorly", "poor", "overall", (2009, 12), "text", "Haringey")]),
        ("Wakefield's children's services performed well in the 2010 annual assessment.",
         [("performed well", "good", "overall", (2010, None), "text", "Wakefield")]),
        # Ofsted letters and reports
        ("This is the fourth monitoring visit to Sandwell since the local authority was judged inadequate in "
         "June 2015.",
         [("inadequate", "inadequate", "overall", (2015, 6), "text", "Sandwell")]),
        ("The local authority was last inspected under the ILACS framework in March 2019, when it was judged to be "
         "inadequate.",
         [("inadequate", "inadequate", "overall", (2019, 3), "text", "Kent")]),
        ("Overall effectiveness: Requires improvement to be good\n"
         "The impact of leaders on social work practice with children and families: Good\n"
         "The experiences and progress of children in care: Inadequate",
         [("Requires improvement to be good", "requires improvement", "overall", (2024, 5), "published", "Kent"),
          ("Good", "good", "leadership", (2024, 5), "published", "Kent"),
          ("Inadequate", "inadequate", "children in care", (2024, 5), "published", "Kent")]),
        ("Judgement Grade\nThe experiences and progress of \nchildren in care and care leavers\nRequires improvement\n"
         "to be good\nOverall effectiveness Requires improvement\nto be good",
         [("Requires improvement\nto be good", "requires improvement", "children in care and care leavers",
           (2024, 5), "published", "Kent"),
          ("Requires improvement\nto be good", "requires improvement", "overall", (2024, 5), "published", "Kent")]),
        ("1. Children who need help and protection Requires \nimprovement\n2.1 Adoption performance Good",
         [("Requires \nimprovement", "requires improvement", "help and protection", (2024, 5), "published", "Kent"),
          ("Good", "good", "adoption", (2024, 5), "published", "Kent")]),
        ("The overall judgement is requires improvement",
         [("requires improvement", "requires improvement", "overall", (2024, 5), "published", "Kent")]),
        ("The graded judgement for adoption performance is requires improvement",
         [("requires improvement", "requires improvement", "adoption", (2024, 5), "published", "Kent")]),
        ("The effectiveness of the LSCB requires improvement",
         [("requires improvement", "requires improvement", "lscb", (2024, 5), "published", "Kent")]),
        ("This local authority requires improvement and is not yet good because early help is weak.",
         [("requires improvement", "requires improvement", "overall", (2024, 5), "published", "Kent")]),
        ("The previous inspection of Kent's safeguarding arrangements was in February 2011. The local authority was "
         "judged to be adequate.",
         [("adequate", "adequate", "overall", (2011, 2), "text", "Kent")]),
        # Council minutes
        ("RESOLVED: That the Ofsted judgement of 'Requires Improvement' be noted.",
         [("Requires Improvement", "requires improvement", "overall", (2024, 5), "published", "Kent")]),
        ("Members noted that the service was judged inadequate in the 2016 inspection.",
         [("inadequate", "inadequate", "overall", (2016, None), "text", "Kent")]),
        ("Cabinet noted that the service had received a rating of \"good\" in the Ofsted inspection of 12 to 23 June "
         "2023 and that care leavers were judged outstanding.",
         [("good", "good", "overall", (2023, 6), "text", "Kent"),
          ("outstanding", "outstanding", "care leavers", (2023, 6), "text", "Kent")]),
        ("The Director presented the outcome of the ILACS inspection carried out between 9 and 20 January 2023. The "
         "overall judgement was Good, an improvement on the Requires Improvement judgement received in 2019.",
         [("Good", "good", "overall", (2023, 1), "subject", "Kent"),
          ("Requires Improvement", "requires improvement", "overall", (2019, None), "text", "Kent")]),
        ("Members noted the judgements:\n- The experiences and progress of care leavers: Outstanding\n"
         "- The experiences and progress of children in care: Requires improvement to be good",
         [("Outstanding", "outstanding", "care leavers", (2024, 5), "published", "Kent"),
          ("Requires improvement to be good", "requires improvement", "children in care", (2024, 5), "published",
           "Kent")]),
        ("Ofsted's verdict: inadequate.",
         [("inadequate", "inadequate", "overall", (2024, 5), "published", "Kent")]),
        ("Grade: Good", [("Good", "good", "overall", (2024, 5), "published", "Kent")]),
        ("The LSCB is judged to be inadequate.",
         [("inadequate", "inadequate", "lscb", (2024, 5), "published", "Kent")]),
    ],
)
def test_judgements_in_passages(text, expected):
    assert rows(text, published=P) == expected
    for fact in extract(text, DocContext(authority="Kent", published=P)):
        check_judgement(text, fact)


@pytest.mark.parametrize(
    "text",
    [
        "Most children in care are making good progress and receive good help.",
        "Inadequate staffing levels and poor outcomes were highlighted in the report.",
        "Inspectors found social workers are good at building relationships with children.",
        "Ofsted found good evidence of improvement in Essex.",
        "The quality of practice is good.",
        "Staff morale is good, Ofsted noted.",
        "Social workers exercise good judgement.",
        "Improvement is required in the quality of supervision.",
        "Supervision requires improvement and case recording is inconsistent.",
        "The report found that 'good' practice was not consistent across teams.",
        "Ofsted praised the \"excellent\" work of foster carers.",
        "The council's poor Ofsted rating hit morale.",
        "Outstanding actions from the improvement plan were reviewed.",
        "It is Ofsted’s expectation that, as a minimum, all children and young people receive good help, care and "
        "protection.",
        # negations and hypotheticals
        "The service is no longer inadequate, inspectors said.",
        "The service is not yet good.",
        "The council could be rated inadequate if the problems persist.",
        "Managers fear the service is at risk of being judged inadequate at its next inspection.",
        "Our ambition is to be rated outstanding by 2027.",
        "The director said the authority was determined to move to good.",
        "Councillors asked whether the service would be judged good.",
        "A Member asked what steps would be taken to ensure the service was rated outstanding at the next "
        "inspection.",
        "The service was rated outstanding at the next inspection, the director hopes.",
        "Staff perform well under pressure.",
        # generic statements
        "Councils rated inadequate are placed under government intervention.",
        "The number of councils rated outstanding has risen to 20.",
        "In a local authority that requires improvement, there are no widespread or serious failures.",
        "An LSCB requires improvement if it does not yet demonstrate the characteristics of good.",
        "A good local authority leads effective services.",
        # other providers
        "Placing children in provision judged good or better remains a priority.",
        "The local authority operates two children's homes. Both were judged to be good at their most recent "
        "inspections.",
        "The council runs one children's home. It was judged to be outstanding at its last inspection.",
        "Two young people were placed in semi-independent settings that were judged as inadequate.",
        "Most children in care live in homes rated good or outstanding by Ofsted.",
        "Ofsted's rating of 'good' for the regional adoption agency was welcomed.",
        # ratings by others, and findings that are not the grade
        "Early help is rated as good by families.",
        "Inspectors judged that most children receive a good service.",
        "Children are found to be in good health.",
        "Leadership of the virtual school is good.",
    ],
)
def test_no_judgement_in_descriptions_negations_hypotheticals_and_generic_text(text):
    assert rows(text, published=P) == []


def test_a_visit_letter_leaves_an_undated_recalled_judgement_undated():
    text = (
        "This letter summarises the findings of the focused visit to Kent children's services on 4 and 5 May 2021.\n"
        "The local authority was judged to be good."
    )
    assert rows(text, published=(2021, 6, 10)) == [("good", "good", "overall", (None, None), "not stated", "Kent")]


def test_a_judgement_reporting_the_documents_inspection_takes_its_date():
    text = "Inspectors visited the council in March 2019. The council was rated inadequate."
    assert rows(text, published=(2019, 5, 1)) == [("inadequate", "inadequate", "overall", (2019, 3), "subject", "Kent")]
    # In a page five years later that inspection is background, not the page's news: the
    # rating keeps the passage's date but is not the document's own inspection.
    assert rows(text, published=P) == [("inadequate", "inadequate", "overall", (2019, 3), "text", "Kent")]


def test_a_date_in_an_unrelated_sentence_is_not_taken():
    text = "Baby P died in 2007. The council has received its first 'good' rating."
    assert rows(text) == [("good", "good", "overall", (None, None), None, "Kent")]
    assert rows(text, published=P)[0][3:5] == ((2024, 5), "published")


def test_publication_and_since_dates_are_not_the_ratings():
    text = "The report, published on 11 April 2023, rated the council good for the first time since 2008."
    assert rows(text, published=(2023, 4, 12)) == [("good", "good", "overall", (2023, 4), "published", "Kent")]


def test_without_any_council_there_is_no_judgement():
    # Issue 11: a judgement no council can be found for reaches no timeline and only
    # costs precision ("Just under one fifth (12) were judged inadequate" in a round-up).
    assert rows("The council was rated 'good'.", authority=None) == []
    assert rows("Kent was rated 'good'.", authority=None)[0][-1] == "Kent"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("rated good 'inadequate' “requires improvement” ,.;:\n2014 Kent"))))
def test_rating_shaped_noise_never_raises_and_keeps_spans(text):
    for fact in extract(text, DocContext(authority="Kent", published=(2020, 1, 1))):
        check_judgement(text, fact)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.one_of(st.none(), st.tuples(st.integers(), st.integers(), st.integers())))
def test_any_text_and_any_publication_date_never_raise(text, published):
    for fact in extract(text, DocContext(authority=None, published=published)):
        check_judgement(text, fact)


def test_judgement_councils_are_canonical_names():
    text = "The London Borough of Hammersmith & Fulham was rated outstanding."
    assert [f.get("authority") for f in extract(text, DocContext())] == ["Hammersmith and Fulham"]
    assert "Hammersmith and Fulham" in AUTHORITIES


def test_extraction_does_not_depend_on_what_was_extracted_before():
    text = seed("000") + "\n\n" + seed("002")
    ctx = DocContext(authority="Haringey")
    clauses.index_for.cache_clear()
    inspections._analyse.cache_clear()
    fresh = [f.to_dict() for f in extract(text, ctx)]
    # A warm index, asked about other positions first, gives the same answer.
    index = clauses.index_for(text)
    for pos in range(0, len(text), 7):
        index.sentence_at(pos)
    assert [f.to_dict() for f in extract(text, ctx)] == fresh


def test_committee_is_not_a_commitment():
    # "commit..." marks a hoped-for rating ("committed to becoming good"), but
    # "the Committee noted" reports one.
    text = "The Committee noted that Ofsted had judged the service as Good overall."
    assert [r[:3] for r in rows(text, kind="minutes")] == [("Good", "good", "overall")]
    assert rows("The council is committed to being rated good.") == []


def test_reported_speech_had_is_the_reported_inspection():
    text = (
        "Inspectors visited between 13 and 24 June 2022. The Committee noted that care leavers "
        "had been judged requires improvement to be good."
    )
    ((written, rating, area, when, source, _),) = rows(text, kind="minutes")
    assert (rating, area, when, source) == ("requires improvement", "care leavers", (2022, 6), "subject")
    # Without reported speech, "had been judged" is still an earlier rating.
    text = "Inspectors visited in June 2022. Care leavers had been judged inadequate."
    assert [r[3] for r in rows(text)] == [(None, None)]


def test_other_council_does_not_take_the_subject_inspections_date():
    text = (
        "Cumbria children's services have been rated good after inspectors visited in November 2021. "
        "In Somerset, the council's children's services remain rated requires improvement."
    )
    found = {(r[5], r[1]): r[3] for r in rows(text, authority="Cumbria")}
    assert found[("Cumbria", "good")] == (2021, 11)
    assert found[("Somerset", "requires improvement")] == (None, None)


def test_rating_before_and_a_new_clause_is_a_verdict():
    text = "The report said help and protection was inadequate and children in care required improvement."
    assert {(r[1], r[2]) for r in rows(text)} == {
        ("inadequate", "help and protection"), ("requires improvement", "children in care"),
    }
    # "and" before no verb of its own still joins a description.
    assert rows("Practice was good and children were safe.") == []


def test_headline_without_a_verb_says_ofsted():
    text = "Northamptonshire children's services still inadequate, says Ofsted"
    assert [(r[1], r[2], r[5]) for r in rows(text)] == [("inadequate", "overall", "Northamptonshire")]
    # Said of a children's home, or of progress, it is no council's rating.
    assert rows("Children's homes good, says Ofsted") == []
    assert rows("Progress good, says Ofsted") == []
