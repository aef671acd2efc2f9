"""Documents about councils other than Haringey, written in the styles the
extractor will meet: BBC and local news, Ofsted monitoring, focused-visit and
JTAI letters, committee minutes and a 2010 annual-rating story.

Each passage is in ``tests/fixtures/unseen/``; the tests pin the facts and
metadata a reader would take from it, so the general rules stay right for
councils the seeds never name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from importers.model import ImportedDocument
from importers.pipeline import import_file

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen"


@cache
def doc(name: str) -> ImportedDocument:
    return import_file(UNSEEN / f"{name}.txt")


def facts(name: str, kind: str) -> list[dict]:
    document = doc(name)
    return [
        {**f.fields, "_text": document.text[f.span[0]:f.span[1]]}
        for f in document.facts if f.type == kind
    ]


def judgements(name: str) -> set[tuple]:
    return {
        (j["authority"], j["rating"], j["area"], j["year"], j["month"])
        for j in facts(name, "judgement")
    }


def speakers(name: str) -> dict[str, tuple[str | None, str | None]]:
    return {q["text"]: (q["speaker"], q["role"]) for q in facts(name, "quote")}


@pytest.mark.parametrize(
    ("name", "kind", "authority", "published", "publisher"),
    [
        ("bbc_birmingham", "news", "Birmingham", None, None),
        ("bbc_towerhamlets", "news", "Tower Hamlets", None, None),
        ("local_upgrade", "news", "Bradford", None, None),
        ("monitoring_letter", "ofsted_letter", "Slough", "2019-08-14", "Ofsted"),
        ("focused_letter", "ofsted_letter", "Reading", "2021-03-09", "Ofsted"),
        ("minutes", "minutes", "Somerset", "2022-09-06", None),
        ("annual_2010", "news", "Kent", None, None),
        ("jtai", "ofsted_report", "Cumbria", "2018-05-22", "Ofsted"),
        ("several", "news", "Croydon", None, None),
        ("bbc_cumbria_upgrade", "news", "Cumbria", None, None),
        ("bbc_northamptonshire", "news", "Northamptonshire", None, None),
    ],
)
def test_metadata(name, kind, authority, published, publisher):
    document = doc(name)
    assert (document.kind, document.authority, document.published, document.publisher) == (
        kind, authority, published, publisher,
    )


def test_every_fact_span_is_what_it_claims():
    for name in (p.stem for p in UNSEEN.glob("*.txt")):
        document = doc(name)
        for fact in document.facts:
            start, end = fact.span
            assert 0 <= start < end <= len(document.text)
            if fact.type == "judgement":
                assert document.text[start:end] == fact.fields["rating_text"]
            if fact.type == "quote":
                assert document.text[start:end] == fact.fields["text"]


# --- news -------------------------------------------------------------------------


def test_bbc_inadequate_story_dates_the_rating_by_the_visit():
    # The headline's "rated inadequate again" also implies an earlier, undated inadequate.
    assert judgements("bbc_birmingham") == {
        ("Birmingham", "inadequate", "overall", 2014, 2), ("Birmingham", "inadequate", "overall", None, None)}
    (subject,) = [i for i in facts("bbc_birmingham", "inspection") if i["_text"] == "Inspectors who visited"]
    assert (subject["year"], subject["month"], subject["subject"]) == (2014, 2, True)


def test_bbc_story_quotes_leader_director_and_minister():
    said = speakers("bbc_birmingham")
    assert said["We accept the findings in full and we are determined to put things right."] == (
        "Albert Bore", "leader",
    )
    assert said["a long way to go"] == ("Peter Hay", "strategic director for people")
    people = {p["name"]: p["role"] for p in facts("bbc_birmingham", "person")}
    assert people["Michael Gove"] == "Education Secretary"


def test_bbc_story_counts_children_not_years():
    (stat,) = facts("bbc_birmingham", "statistic")
    assert (stat["value"], stat["unit"]) == (78, "children")


def test_two_month_visit_is_one_range():
    (subject,) = [i for i in facts("bbc_towerhamlets", "inspection") if i["subject"]]
    assert (subject["year"], subject["month"], subject["end_year"], subject["end_month"]) == (2017, 6, 2017, 7)
    assert judgements("bbc_towerhamlets") == {
        ("Tower Hamlets", "inadequate", "overall", 2017, 6),
        ("Tower Hamlets", "adequate", "overall", 2012, None),
    }
    assert speakers("bbc_towerhamlets")["I am sorry that we have let children down."] == ("John Biggs", "Mayor")


def test_upgrade_story_keeps_new_and_past_ratings_apart():
    found = judgements("local_upgrade")
    assert ("Bradford", "good", "overall", 2023, 7) in found
    assert ("Bradford", "inadequate", "overall", 2018, None) in found
    assert ("Bradford", "requires improvement", "overall", 2021, None) in found
    assert ("Bradford", "good", "children in care", 2023, 7) in found
    assert ("Bradford", "outstanding", "leadership", 2023, 7) in found


def test_upgrade_story_reads_councillor_and_director_roles():
    said = speakers("local_upgrade")
    assert said[
        "This is a fantastic result for our staff and, most importantly, for the children of Bradford."
    ] == ("Sue Duffy", "portfolio holder for children's services")
    assert said["We know there is more to do, but this shows how far we have come."] == (
        "Marium Haque", "director of children's services",
    )


def test_story_listing_several_councils_gives_each_its_rating():
    found = judgements("several")
    for council in ("Croydon", "Sandwell", "Northamptonshire"):
        assert (council, "inadequate", "overall", 2017, None) in found
    assert ("Tower Hamlets", "inadequate", "overall", 2017, 4) in found
    assert ("Leeds", "outstanding", "overall", 2018, None) in found
    people = {p["name"]: (p["role"], p["organisation"]) for p in facts("several", "person")}
    assert people["Amanda Spielman"] == ("chief inspector", "Ofsted")


def test_annual_rating_story_reads_performs_adequately():
    found = {(j["rating"], j["rating_text"], j["event_type"], j["year"]) for j in facts("annual_2010", "judgement")}
    # The headline's undated grade is the body's, dated by "published on 9 December 2010".
    assert ("adequate", "perform adequately", "annual rating", 2010) in found
    assert ("good", "perform well", "annual rating", 2009) in found
    assert speakers("annual_2010")["We are disappointed but not surprised."][0] == "Jenny Whittle"


# --- Ofsted letters ---------------------------------------------------------------


def test_monitoring_letter_lists_inspectors_without_their_titles():
    subject = [i for i in facts("monitoring_letter", "inspection") if i["subject"]]
    assert subject and all(i["inspection_type"] == "monitoring visit" for i in subject)
    first = subject[0]
    assert first["inspectors"] == ["Nick Stacey", "Tracey Ledder"]
    assert first["lead_inspector"] == "Nick Stacey"
    assert (first["year"], first["month"], first["day"], first["end_day"]) == (2019, 7, 16, 17)
    assert judgements("monitoring_letter") == {("Slough", "inadequate", "overall", 2016, 5)}
    (improvement,) = facts("monitoring_letter", "improvement")
    assert improvement["text"].startswith("Managers do not always ensure")


def test_focused_letter_without_address_block_is_an_ofsted_letter():
    subject = [i for i in facts("focused_letter", "inspection") if i["subject"]]
    assert subject[0]["inspection_type"] == "focused visit"
    assert subject[0]["inspectors"] == ["Anne Waterman", "Karen Wareing"]
    # "Reading was rated good" opens a sentence: the council, not the word.
    assert judgements("focused_letter") == {("Reading", "good", "overall", 2019, None)}


def test_jtai_letter_is_a_joint_targeted_area_inspection():
    subject = [i for i in facts("jtai", "inspection") if i["subject"]]
    assert {i["inspection_type"] for i in subject} == {"joint targeted area inspection"}
    # "Between 26 and 30 March 2018, Ofsted, the Care Quality Commission ... carried out a joint inspection"
    assert all((i["year"], i["month"], i["day"], i["end_day"]) == (2018, 3, 26, 30) for i in subject)
    assert judgements("jtai") == {("Cumbria", "requires improvement", "overall", 2016, None)}


# --- minutes ----------------------------------------------------------------------


def test_minutes_report_the_ilacs_outcome():
    found = judgements("minutes")
    # "The Committee noted that Ofsted had judged the service as Good overall"
    # Reported speech ("noted that ... had been judged") is the reported
    # inspection, not an earlier one.
    assert found == {
        ("Somerset", "good", "overall", 2022, 6),
        ("Somerset", "requires improvement", "care leavers", 2022, 6),
    }
    subject = [i for i in facts("minutes", "inspection") if i["subject"]]
    assert subject and all((i["year"], i["month"], i["day"]) == (2022, 6, 13) for i in subject)
    people = {p["name"]: p["role"] for p in facts("minutes", "person")}
    assert people["Claire Winter"] == "Executive Director of Children's Services"
    assert {"Leigh Redman", "Martin Dimery", "Heather Shearer"} <= set(people)
    # "She said:" after the sentence naming her, though she had not spoken before.
    assert speakers("minutes")["This is the result of years of hard work by our social workers."][0] == (
        "Claire Winter"
    )


# --- another council named in passing -----------------------------------------------


def test_other_council_named_in_passing_does_not_borrow_the_inspection_date():
    found = judgements("bbc_cumbria_upgrade")
    assert ("Cumbria", "good", "overall", 2021, 11) in found
    assert ("Cumbria", "requires improvement", "overall", 2016, None) in found
    # "In Somerset, ... remain rated requires improvement": not Cumbria's November 2021 inspection.
    assert ("Somerset", "requires improvement", "overall", None, None) in found
    said = speakers("bbc_cumbria_upgrade")
    assert said["I am delighted."] == ("Anne Burns", "cabinet member for children's services")
    assert said["This judgement reflects a huge amount of work."] == (
        "John Macilwraith", "executive director of people",
    )


def test_inspectors_who_visited_set_off_by_commas_date_the_report():
    (subject,) = [i for i in facts("bbc_northamptonshire", "inspection") if i["subject"]]
    assert subject["_text"] == "Ofsted inspectors, who visited"
    assert (subject["year"], subject["month"], subject["day"], subject["end_day"]) == (2019, 7, 8, 19)
    found = judgements("bbc_northamptonshire")
    # "help and protection was inadequate and children in care required improvement"
    assert ("Northamptonshire", "inadequate", "help and protection", 2019, 7) in found
    assert ("Northamptonshire", "requires improvement", "children in care", 2019, 7) in found
    assert ("Northamptonshire", "requires improvement", "overall", 2016, None) in found
    assert ("Sandwell", "inadequate", "overall", None, None) in found
    assert ("Birmingham", "inadequate", "overall", None, None) in found


def test_local_paper_upgrade_to_outstanding():
    document = doc("local_outstanding")
    assert (document.kind, document.authority, document.publisher) == ("news", "Wiltshire", "Newsquest Media Group")
    (subject,) = [i for i in facts("local_outstanding", "inspection") if i["subject"]]
    assert (subject["_text"], subject["year"], subject["month"]) == ("Inspectors spent", 2024, 3)
    found = judgements("local_outstanding")
    assert ("Wiltshire", "outstanding", "overall", 2024, 3) in found
    assert ("Wiltshire", "good", "overall", 2019, None) in found
    # "Last year" is not resolved to a year; the other council keeps no date of Wiltshire's.
    assert ("Swindon", "requires improvement", "overall", None, None) in found
    assert speakers("local_outstanding")["Our social workers go above and beyond every day."][0] == "Laura Mayes"


def test_monitoring_letter_address_block_and_earlier_visit():
    document = doc("monitoring_letter_bradford")
    assert (document.kind, document.authority, document.published) == ("ofsted_letter", "Bradford", "2020-03-05")
    people = {p["name"]: p["role"] for p in facts("monitoring_letter_bradford", "person")}
    # "Strategic Director, Children's Services" on the line below the name.
    assert people["Mark Douglas"] == "Strategic Director, Children's Services"
    visits = facts("monitoring_letter_bradford", "inspection")
    subject = [v for v in visits if v["subject"]]
    assert subject[0]["inspectors"] == ["Rachel Griffiths", "Kathryn Grindrod"]
    assert all((v["year"], v["month"], v["day"]) == (2020, 2, 4) for v in subject)
    # "since the last monitoring visit in October 2019" is another, earlier visit.
    assert [(v["year"], v["month"]) for v in visits if not v["subject"]] == [(2019, 10)]
    assert judgements("monitoring_letter_bradford") == {("Bradford", "inadequate", "overall", 2018, 10)}


def test_statistics_are_about_children_not_the_inspection():
    assert [s["text"] for s in facts("local_outstanding", "statistic")] == ["120 children"]
    assert [s["text"] for s in facts("bbc_cumbria_upgrade", "statistic")] == ["12%"]
