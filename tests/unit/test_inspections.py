"""Inspection mentions: specific inspections only, their dates, inspectors and the document's own."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.inspections import INSPECTION_TYPES, extract, subject_inspection
from importers.model import FACT_FIELDS
from importers.sanitize import clean_text
from tests.paths import SEEDS, seed_text

NO_DATE = (None, None, None)
NAMES_AN_INSPECTION = re.compile(r"inspect|visit|report|review|assessment|JTAI|APA", re.IGNORECASE)


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


def rows(text: str, authority: str | None = "Kent", published=NO_DATE):
    """(as written, type, (year, month, day), (end month, end day), subject, date source, council)."""
    return [
        (
            text[f.span[0]:f.span[1]], f.get("inspection_type"),
            (f.get("year"), f.get("month"), f.get("day")), (f.get("end_month"), f.get("end_day")),
            f.get("subject"), f.get("date_source"), f.get("authority"),
        )
        for f in extract(text, DocContext(authority=authority, published=published))
    ]


def check_inspection(text: str, fact) -> None:
    start, end = fact.span
    assert fact.type == "inspection"
    assert 0 <= start < end <= len(text)
    assert NAMES_AN_INSPECTION.search(text[start:end])
    assert set(FACT_FIELDS["inspection"]) <= set(fact.fields)
    assert fact.get("inspection_type") in INSPECTION_TYPES
    assert isinstance(fact.get("inspectors"), list)
    assert fact.get("date_source") in ("text", "subject", "published", None)
    assert (fact.get("date_source") is None) == (fact.get("year") is None and fact.get("month") is None)


# --- the seeds --------------------------------------------------------------------


def test_seed_000_inspectors_visited_in_february_2023():
    assert rows(seed("000"), authority="Haringey") == [
        ("Inspectors visited", "inspection", (2023, 2, None), (None, None), True, "text", "Haringey"),
    ]


def test_seed_001_unannounced_inspection_in_august_of_the_documents_year():
    text = seed("001")
    got = rows(text, authority="Haringey", published=(2011, 9, 30))
    assert [r[0] for r in got] == [
        "unannounced inspection", "unnaounced Ofsted inspection", "inspection", "unannounced visit",
    ]
    # The month is printed, the year is not: "in August" in a story of September 2011
    # is August 2011, resolved against the document's date.
    assert {(r[1], r[2], r[4]) for r in got} == {("unannounced inspection", (2011, 8, None), True)}
    # "Every children's service in England receives an annual unannounced inspection" is no event.
    generic = text.index("Every children")
    generic_end = text.index("\n", generic)
    facts = extract(text, DocContext(authority="Haringey"))
    assert len(facts) == 4 and not any(generic <= f.span[0] < generic_end for f in facts)


def test_seed_002_focused_visit_with_inspectors_and_the_last_inspection():
    text = seed("002")
    got = rows(text, authority="Haringey", published=(2025, 3, 14))
    visit = [r for r in got if r[4]]
    past = [r for r in got if not r[4]]
    assert {r[1:4] for r in visit} == {("focused visit", (2025, 2, 11), (2, 12))}
    assert [r[0] for r in visit] == ["Focused visit", "focused visit", "this visit", "This visit", "focused visit"]
    assert past == [
        ("judgement inspection", "inspection", (2023, 2, None), (None, None), False, "text", "Haringey"),
        ("inspection", "inspection", (2023, 2, None), (None, None), False, "text", "Haringey"),
    ]
    own = subject_inspection(text, DocContext(authority="Haringey"))
    assert own.get("inspectors") == ["Monique Lindsay", "Christine Kennet"]
    assert own.get("lead_inspector") == "Monique Lindsay"
    assert (own.get("year"), own.get("month"), own.get("day"), own.get("end_day")) == (2025, 2, 11, 12)
    assert text[own.span[0]:own.span[1]] == "focused visit"


def test_seed_003_the_new_inspection_report_is_the_subject():
    assert rows(seed("003"), authority="Haringey") == [
        ("inspection report", "inspection", (None, None, None), (None, None), True, None, "Haringey"),
    ]


def test_seed_004_progress_report_dated_by_publication():
    got = rows(seed("004"), authority="Haringey", published=(2010, 2, 23))
    assert got == [
        ("week-long inspection", "progress report", (2010, 2, 23), (None, None), True, "published", "Haringey"),
        ("Ofsted's progress report", "progress report", (2010, 2, 23), (None, None), True, "published", "Haringey"),
    ]
    assert {r[2] for r in rows(seed("004"), authority="Haringey")} == {(None, None, None)}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("published", [NO_DATE, (2024, 1, 31)])
def test_every_seed_fact_holds_the_span_invariants(path, published):
    text = clean_text(path.read_text(encoding="utf-8"))
    for fact in extract(text, DocContext(authority="Haringey", published=published)):
        check_inspection(text, fact)


# --- passages in other styles ------------------------------------------------------


def test_report_header_dates_and_lead_inspector():
    text = (
        "Inspection of Kent County Council children's services\n"
        "Inspection dates: 16 to 27 January 2023\n"
        "Lead inspector: Mary Jones, His Majesty's Inspector\n"
    )
    got = rows(text, authority=None)
    assert {r[1:] for r in got} >= {
        ("inspection", (2023, 1, 16), (1, 27), True, "text", "Kent"),
        ("inspection", (2023, 1, 16), (1, 27), True, "subject", "Kent"),
    }
    own = subject_inspection(text, DocContext())
    assert (own.get("lead_inspector"), own.get("inspectors")) == ("Mary Jones", ["Mary Jones"])


def test_monitoring_letter_keeps_the_earlier_judgement_date_out_of_the_visit():
    text = (
        "Dear Mr Smith\n\nMonitoring visit to Bradford children's services\n\n"
        "This letter summarises the findings of the monitoring visit to Bradford children's services on 5 and 6 "
        "March 2019. This visit was the third monitoring visit since the local authority was judged inadequate in "
        "September 2018. Her Majesty's Inspectors for this visit were Jane Smith, Ali Khan and Tom Brown.\n\n"
        "Yours sincerely\n\nJane Smith\nHer Majesty's Inspector\n"
    )
    got = rows(text, authority="Bradford")
    assert {(r[1], r[2], r[4]) for r in got} == {("monitoring visit", (2019, 3, 5), True)}
    own = subject_inspection(text, DocContext(authority="Bradford"))
    assert own.get("inspectors") == ["Jane Smith", "Ali Khan", "Tom Brown"]
    assert own.get("lead_inspector") == "Jane Smith"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ofsted inspectors visited the council in October 2019 and found widespread failings.",
         [("Ofsted inspectors visited", "inspection", (2019, 10, None), (None, None), True, "text", "Kent")]),
        ("A joint targeted area inspection (JTAI) of the response to exploitation took place in June 2018.",
         [("joint targeted area inspection (JTAI)", "joint targeted area inspection", (2018, 6, None), (None, None),
           True, "text", "Kent")]),
        ("Since the last inspection in 2019, the council has appointed a new director.",
         [("inspection", "inspection", (2019, None, None), (None, None), False, "text", "Kent")]),
        ("Cabinet received the report of the Ofsted focused visit of 4 and 5 May 2021.",
         [("focused visit", "focused visit", (2021, 5, 4), (5, 5), True, "text", "Kent")]),
        ("The annual performance assessment of 2007 judged services to be adequate.",
         [("annual performance assessment", "annual performance assessment", (2007, None, None), (None, None),
           True, "text", "Kent")]),
        ("Inspectors returned to the borough in June for a short inspection.",
         [("Inspectors returned to", "short inspection", (2023, 6, None), (None, None), True, "text", "Kent"),
          ("short inspection", "short inspection", (2023, 6, None), (None, None), True, "text", "Kent")]),
        ("The authority was inspected in March 2022 and rated requires improvement.",
         [("was inspected", "inspection", (2022, 3, None), (None, None), True, "text", "Kent")]),
        ("Haringey's children's services were last inspected in 2018.",
         [("were last inspected", "inspection", (2018, None, None), (None, None), False, "text", "Haringey")]),
        ("Ofsted's inspection of Hackney, published on 11 April 2023, rated the council good.",
         [("Ofsted's inspection", "inspection", (2024, 5, 1), (None, None), True, "published", "Hackney")]),
        ("The review of the effectiveness of the LSCB took place in May 2014.",
         [("review of the effectiveness of the LSCB", "review", (2014, 5, None), (None, None), True, "text",
           "Kent")]),
    ],
)
def test_specific_inspections_in_passages(text, expected):
    assert rows(text, published=(2024, 5, 1)) == expected
    for fact in extract(text, DocContext(authority="Kent", published=(2024, 5, 1))):
        check_inspection(text, fact)


@pytest.mark.parametrize(
    "text",
    [
        "Every children's service in England receives an annual unannounced inspection from Ofsted.",
        "Every council in England is inspected under the ILACS framework at least once every three years.",
        "The council is preparing for its next inspection, which is expected in the spring.",
        "Councillors were told that an unannounced inspection could happen at any time.",
        "Ofsted will carry out a monitoring visit in the coming months.",
        "This visit was carried out in line with the inspection of local authority children's services (ILACS) "
        "framework.",
        "Inspection judgements about the local authority",
        "Ofsted will take the findings into account when planning the next inspection or visit.",
        "A serious case review was published in 2009.",
        "Other Ofsted inspections of children's homes in the area",
    ],
)
def test_generic_future_and_framework_mentions_are_no_inspections(text):
    assert rows(text, published=(2024, 5, 1)) == []


def test_a_past_undated_inspection_is_dropped():
    assert rows("Ofsted's previous inspection was scathing.", published=(2024, 5, 1)) == []


def test_subject_inspection_is_none_without_one():
    assert subject_inspection("Children in care are doing well.", DocContext()) is None
    assert subject_inspection("", DocContext()) is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("inspection visit focused this last in 2019 August\n,.:Inspectors"))))
def test_inspection_shaped_noise_never_raises_and_keeps_spans(text):
    for fact in extract(text, DocContext(published=(2020, 1, 1))):
        check_inspection(text, fact)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.one_of(st.none(), st.tuples(st.integers(), st.integers(), st.integers())))
def test_any_text_never_raises(text, published):
    for fact in extract(text, DocContext(published=published)):
        check_inspection(text, fact)
    subject_inspection(text, DocContext(published=published))


def test_inspectors_listed_with_their_titles_are_only_names():
    text = (
        "Monitoring visit to Slough children's services\n\nThe inspectors were Nick Stacey, "
        "Her Majesty's Inspector, and Tracey Ledder, Her Majesty's Inspector."
    )
    (subject,) = [f for f in extract(text, DocContext(authority="Slough")) if f.get("subject")][:1]
    assert subject.get("inspectors") == ["Nick Stacey", "Tracey Ledder"]


def test_inspectors_who_visited_is_the_inspection():
    text = "Inspectors who visited the city in February 2014 found children at risk."
    ((written, kind, when, _, subject, source, _),) = rows(text)
    assert (written, kind, when, subject) == ("Inspectors who visited", "inspection", (2014, 2, None), True)


def test_reported_speech_had_does_not_make_the_inspection_earlier():
    text = "The Committee noted that Ofsted had judged the service good following the inspection in June 2022."
    ((_, _, when, _, subject, _, _),) = rows(text)
    assert (when, subject) == ((2022, 6, None), True)


def test_opening_adverbial_dates_an_inspection_after_a_long_subject():
    text = (
        "Between 26 and 30 March 2018, Ofsted, the Care Quality Commission (CQC), HMI Constabulary "
        "and Fire & Rescue Services (HMICFRS) and HMI Probation (HMIP) carried out a joint inspection."
    )
    ((_, _, when, end, _, _, _),) = rows(text)
    assert (when, end) == ((2018, 3, 26), (3, 30))
    # A date inside the sentence, not opening it, stays out of reach.
    text = (
        "Leaders said that the changes made since March 2018, with the police, health partners, schools "
        "and the voluntary sector, were noticed by the inspection."
    )
    assert [r[2] for r in rows(text)] in ([], [(None, None, None)])


@pytest.mark.parametrize(("text", "expected"), [
    # The shape of two ILACS reports (Herefordshire 2022, Knowsley 2025, both dev): earlier
    # visits named once in the plural, then their months, the year said once at the end or with each.
    ("This was despite focused visits in January and December 2019 identifying themes.",
     [("focused visit", (2019, 1)), ("focused visit", (2019, 12))]),
    ("Weaknesses were found at focused visits in October 2022 and January 2024.",
     [("focused visit", (2022, 10)), ("focused visit", (2024, 1))]),
    ("Inspectors carried out monitoring visits in June, September and December 2021.",
     [("monitoring visit", (2021, 6)), ("monitoring visit", (2021, 9)), ("monitoring visit", (2021, 12))]),
])
def test_visits_named_in_the_plural_before_a_list_of_months_are_one_each(text, expected):
    found = [(kind, when[:2]) for _, kind, when, _, subject, _, _ in rows(text) if not subject]
    assert found == expected


@pytest.mark.parametrize("text", [
    "Since the inspection there have been five monitoring visits.",  # no dates: nothing to place
    "Focused visits in May and June are planned.",  # months with no year are not guessed
    "Monitoring visits in Leeds and Bradford 2019 found progress.",  # not months
])
def test_visits_in_the_plural_without_a_list_of_dated_months_are_no_fact(text):
    assert [r for r in rows(text) if r[1] in ("focused visit", "monitoring visit")] == []


@pytest.mark.parametrize("text", [
    # Coventry's 2022 report (dev): "areas for development from the last inspection and the focused
    # assurance visit in 2021"; council minutes call them "assurance visits" too
    # (https://mycouncil.surreycc.gov.uk/ieIssueDetails.aspx?IId=35022&Opt=3,
    # http://councilportal.cumbria.gov.uk/mgAi.aspx?ID=59570).
    "Leaders have responded to areas for development from the last inspection and the focused assurance visit "
    "in 2021 to improve practice.",
    "Practice has improved since the assurance visit in 2021.",
])
def test_an_assurance_visit_is_a_focused_visit_and_keeps_its_date_from_the_inspection_before_it(text):
    found = [(kind, when[0]) for _, kind, when, _, subject, _, _ in rows(text, published=(2022, 8, 12)) if not subject]
    assert found == [("focused visit", 2021)]
