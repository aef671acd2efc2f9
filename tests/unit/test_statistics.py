"""Statistics: numbers with units and what they measure; years, dates, labels and ordinals are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.statistics import extract
from importers.sanitize import clean_text
from tests.paths import SEEDS, seed_text

CTX = DocContext(authority="Haringey", kind="news")


def stats(text: str) -> list[dict]:
    out = []
    for fact in extract(text, CTX):
        assert fact.type == "statistic"
        assert fact.fields["text"] == text[fact.span[0]:fact.span[1]]
        out.append(fact.fields)
    return out


def written(text: str) -> list[str]:
    return [s["text"] for s in stats(text)]


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


# --- the seeds ----------------------------------------------------------------------


def test_adoption_weeks_and_care_leaver_percentages_in_seed_003():
    found = {s["text"]: s for s in stats(seed("003"))}
    assert list(found) == ["15 working days", "39 weeks", "26 weeks", "63 per cent", "47 per cent"]
    assert found["39 weeks"]["value"] == 39 and found["39 weeks"]["unit"] == "weeks"
    assert found["39 weeks"]["measure"] == "average weeks taken to place children with an adoptive family"
    assert found["26 weeks"]["measure"] == "recommended weeks taken to place children with an adoptive family"
    for text in ("63 per cent", "47 per cent"):
        assert found[text]["unit"] == "percent"
        assert found[text]["measure"] == "proportion of care leavers in education, training or work"
    assert found["15 working days"]["unit"] == "working days"


def test_visits_and_injuries_but_no_ages_or_years_in_seed_004():
    found = stats(seed("004"))
    assert [(s["text"], s["value"], s["unit"], s["qualifier"]) for s in found] == [
        ("60 visits", 60, "visits", None),
        ("more than 50 injuries", 50, "injuries", "more than"),
    ]
    assert found[0]["measure"] == "visits from authorities"


def test_money_and_spelled_numbers_but_no_list_ordinals_in_seed_001():
    found = stats(seed("001"))
    assert [(s["text"], s["value"], s["unit"]) for s in found] == [
        ("three areas", 3, "areas"), ("£75k", 75_000, "£"), ("£12m", 12_000_000, "£"),
    ]
    assert found[0]["measure"] == "areas in need of development"


def test_letter_has_no_statistics_in_phone_numbers_postcodes_or_dates():
    assert stats(seed("002")) == []


def test_seed_000_has_no_statistics_in_its_years():
    assert stats(seed("000")) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_statistic_span_is_its_text(path):
    for raw in (path.read_text(encoding="utf-8"), clean_text(path.read_text(encoding="utf-8"))):
        for fact in extract(raw, CTX):
            assert fact.fields["text"] == raw[fact.span[0]:fact.span[1]]
            assert isinstance(fact.fields["value"], int | float)


# --- written passages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span_text", "value", "unit"),
    [
        ("There are 1,234 children in care.", "1,234 children", 1234, "children"),
        ("Almost a third of referrals were repeat referrals.", "Almost a third", 0.3333, "fraction"),
        ("Two-thirds of staff were agency workers.", "Two-thirds", 0.6667, "fraction"),
        ("One in five children lives in poverty.", "One in five", 0.2, "fraction"),
        ("The council will spend £1.2 million on early help.", "£1.2 million", 1_200_000, "£"),
        ("This is 22.5% of the total population.", "22.5%", 22.5, "percent"),
        ("a rate of 88 per 10,000 children", "88 per 10,000 children", 88, "per 10,000 children"),
        ("Assessments took 45 working days on average.", "45 working days", 45, "working days"),
        ("The service has 26 new foster carers.", "26 new foster carers", 26, "new foster carers"),
        ("Around 40 percent of plans were late.", "Around 40 percent", 40, "percent"),
        ("Seven social workers left in March.", "Seven social workers", 7, "social workers"),
        ("It took 18 months to find a home.", "18 months", 18, "months"),
        ("Caseloads rose to 25.5 cases per worker.", "25.5 cases", 25.5, "cases"),
    ],
)
def test_statistics(text, span_text, value, unit):
    (found,) = stats(text)
    assert (found["text"], found["value"], found["unit"]) == (span_text, value, unit)


def test_fraction_measure_from_the_noun_after_it():
    (found,) = stats("In one in four cases, visits were late.")
    assert (found["text"], found["measure"]) == ("one in four", "cases")


def test_percentage_measure_from_its_of_phrase_or_the_proportion_before():
    (first,) = stats("Children from minority ethnic groups account for 70% of all children living in the area.")
    assert first["measure"] == "all children living in the area"
    second, third = stats("The rate of re-referrals fell from 24% in 2019 to 19% in 2020.")
    assert second["measure"] == third["measure"] == "rate of re-referrals"
    (fourth,) = stats("In primary schools the figure is 26.4%.")
    assert fourth["measure"] == "primary schools the figure"


@pytest.mark.parametrize(
    "text",
    [
        "Haringey was rated inadequate in 2008 and good in 2023.",
        "The inspection took place on 11 and 12 February 2025.",
        "Inspection dates: 13 to 24 February 2023",
        "Page last updated at 12:08 GMT, Tuesday, 23 February 2010",
        "T 0300 123 1231\nTextphone 0161 618 8524",
        "London N22 8HQ and Manchester M1 2WD",
        "Most Read\n- 1 Buyers launch legal action\n- 2 Senior councillors knew",
        "26. Accelerate plans to provide early help.",
        "Children looked after under Section 20 voluntary arrangements were reviewed.",
        "Pupils at Key Stage 2 and children in Year 6 sat tests.",
        "The 17-month-old boy and a girl aged 15 were seen.",
        "Young people under 18 years old live in temporary accommodation.",
        "In the last 12 months the service changed.",
        "See page 4 and paragraph 12 of the report (outcome 3, national framework).",
        "She came 3rd and he was 1st.",
        "One of the children was seen.",
        "The relative numbers and tentative plans in Sevenoaks were discussed.",
        "Contact enquiries2@ofsted.gov.uk or see www.gov.uk/ofsted/42 reports.",
        "",
    ],
)
def test_not_statistics(text):
    assert stats(text) == []


def test_spelled_number_needs_a_unit():
    assert stats("Three of them said so and two agreed.") == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["1", "23", "1,234", "4.5", "2019", "£", "k", "m", "%", " per cent", " ", "\n", "-", "weeks", "days",
     "children", "a third of", "one in", "five", "relative", "seventeen", "aged", "March", "Section", "the last"]),
    max_size=40).map("".join))
def test_numbers_and_units_never_break_the_invariants(text):
    for fact in extract(text, CTX):
        assert fact.fields["text"] == text[fact.span[0]:fact.span[1]]
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text):
    for fact in extract(text, CTX):
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The length of the inspection itself is not a statistic about children.
        ("Inspectors spent two weeks in the county in March 2024.", []),
        ("The inspection, carried out over three weeks in November 2021, found it.", []),
        ("The visit lasted three days.", []),
        # Periods children wait are, even in a sentence about the inspection.
        ("The inspection found children waited over 12 weeks.", ["over 12 weeks"]),
        ("Inspectors found 40 children waited more than 12 weeks.", ["40 children", "more than 12 weeks"]),
    ],
)
def test_length_of_the_inspection_is_not_a_statistic(text, expected):
    assert [f.fields["text"] for f in extract(text, None)] == expected
