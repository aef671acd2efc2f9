"""The authority list, finding councils in text, and choosing a document's council."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.authorities import (
    AUTHORITIES,
    FORMER_AUTHORITIES,
    canonical_authority,
    find_authorities,
    main_authority,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "haringey"


def named(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], canonical) for start, end, canonical in find_authorities(text)]


def test_the_list_covers_every_current_authority() -> None:
    # 153 councils with children's services duties since April 2023.
    assert len(set(AUTHORITIES) - FORMER_AUTHORITIES) == 153
    for name in ("Cumberland", "Westmorland and Furness", "North Northamptonshire",
                 "West Northamptonshire", "Bournemouth, Christchurch and Poole", "Dorset",
                 "Buckinghamshire", "North Yorkshire", "Somerset", "City of London",
                 "Isles of Scilly", "Kingston upon Hull", "Herefordshire", "Bristol"):
        assert name in AUTHORITIES
    assert {"Northamptonshire", "Cumbria", "Bournemouth", "Poole"} <= FORMER_AUTHORITIES


def test_every_canonical_name_is_found_as_written() -> None:
    for canonical in AUTHORITIES:
        text = f"Inspectors visited {canonical} Council last year."
        assert [c for _, _, c in find_authorities(text)] == [canonical], canonical


def test_every_canonical_name_is_found_bare_mid_sentence() -> None:
    for canonical in AUTHORITIES:
        text = f"Children in {canonical} were seen."
        assert [c for _, _, c in find_authorities(text)] == [canonical], canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the London Borough of Haringey said", [("London Borough of Haringey", "Haringey")]),
        ("Haringey Council said", [("Haringey Council", "Haringey")]),
        ("HARINGEY Council’s children’s services", [("HARINGEY Council", "Haringey")]),
        ("Haringey's children's services", [("Haringey", "Haringey")]),
        ("Haringey’s children's services", [("Haringey", "Haringey")]),
        ("Kent County Council has", [("Kent County Council", "Kent")]),
        ("the Royal Borough of Greenwich", [("Royal Borough of Greenwich", "Greenwich")]),
        ("City of Bristol and Bristol City Council", [("City of Bristol", "Bristol"),
                                                     ("Bristol City Council", "Bristol")]),
        ("Hull City Council and children in Hull", [("Hull City Council", "Kingston upon Hull"),
                                                    ("Hull", "Kingston upon Hull")]),
        ("Durham County Council", [("Durham County Council", "County Durham")]),
        ("in St Helens and St. Helens", [("St Helens", "St Helens"), ("St. Helens", "St Helens")]),
        ("BCP Council and Bournemouth, Christchurch and Poole",
         [("BCP Council", "Bournemouth, Christchurch and Poole"),
          ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole")]),
        ("City of York Council", [("City of York Council", "York")]),
        ("the City of London Corporation", [("City of London Corporation", "City of London")]),
        ("Stoke-on-Trent and Southend-on-Sea", [("Stoke-on-Trent", "Stoke-on-Trent"),
                                                ("Southend-on-Sea", "Southend-on-Sea")]),
    ],
)
def test_written_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Yorkshire", "North Yorkshire"),
        ("Kingston upon Thames", "Kingston upon Thames"),
        ("Kingston upon Hull", "Kingston upon Hull"),
        ("West Sussex", "West Sussex"),
        ("North East Lincolnshire", "North East Lincolnshire"),
        ("Bath and North East Somerset", "Bath and North East Somerset"),
        ("Cheshire West and Chester", "Cheshire West and Chester"),
        ("Central Bedfordshire", "Central Bedfordshire"),
        ("Leicestershire", "Leicestershire"),
    ],
)
def test_longest_name_wins(text: str, expected: str) -> None:
    assert named(f"Children in {text} were seen.") == [(text, expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Sussex police", "in Greater Manchester", "a trip to New York", "Newcastle-under-Lyme",
        "Manchester United won", "Hull City lost", "Derby County", "the Duke of York",
        "Clark Kent said", "Ed Sutton said", "Sutton Coldfield", "Bury St Edmunds",
        "Reading the report, we", "Bury the past.", "Harrow is a tool", "READING LIST",
        "in Kingston", "Richmond Park", "Nottingham Forest",
        "the kent way", "a reading of the report",
        "in Northumberland Park ward", "along Camden Road", "Westminster Abbey",
    ],
)
def test_not_a_council(text: str) -> None:
    assert find_authorities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Children in Reading were seen", "Reading"),
        ("Reading's children's services", "Reading"),
        ("Reading Borough Council said", "Reading"),
        ("It said Bury had improved.", "Bury"),
        # A common word opening a sentence is the council before a verb said of councils.
        ("Slough was one of the first councils to set up a trust.", "Slough"),
        ("Reading was rated good.", "Reading"),
        ("Hull has improved.", "Kingston upon Hull"),
        ("Reading remains good, inspectors said.", "Reading"),
        ("Harrow is rated good.", "Harrow"),
        ("Kent has been rated good.", "Kent"),  # not an ordinary word
        ("Council leaders in Sutton said", "Sutton"),
        ("In Barnet, children waited.", "Barnet"),
        ("Kent Children's Services Rated Good", "Kent"),  # title case headline
        ("the Royal Borough of Kingston", "Kingston upon Thames"),
        ("Kingston's director", "Kingston upon Thames"),
    ],
)
def test_ambiguous_names_in_context(text: str, expected: str) -> None:
    assert [c for _, _, c in find_authorities(text)] == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Haringey", "Haringey"), ("haringey", "Haringey"), ("Haringey's", "Haringey"),
        ("London Borough of Haringey", "Haringey"), ("Haringey Council", "Haringey"),
        ("Hull", "Kingston upon Hull"), ("hull city council", "Kingston upon Hull"),
        ("City of Bristol", "Bristol"), ("Bristol City Council", "Bristol"),
        ("Durham", "County Durham"), ("St. Helens", "St Helens"),
        ("Royal Borough of Greenwich", "Greenwich"), ("KENT COUNTY COUNCIL", "Kent"),
        ("  Tower   Hamlets ", "Tower Hamlets"), ("Kingston council", "Kingston upon Thames"),
        ("London", None), ("Sussex", None), ("", None), ("Council", None),
    ],
)
def test_canonical_authority(name: str, expected: str | None) -> None:
    assert canonical_authority(name) == expected


def test_canonical_authority_of_every_name_is_itself() -> None:
    for canonical, aliases in AUTHORITIES.items():
        for form in (canonical, *aliases):
            assert canonical_authority(form) == canonical


def test_short_forms_need_council_wording() -> None:
    assert named("Richmond, North Yorkshire") == [("North Yorkshire", "North Yorkshire")]
    assert named("Richmond Council") == [("Richmond Council", "Richmond upon Thames")]


def test_main_authority_prefers_the_title() -> None:
    text = "Kent and Medway councils worked together. Medway said. Medway Council agreed."
    assert main_authority(text) == "Medway"
    assert main_authority(text, title="Kent children's services rated good") == "Kent"


def test_main_authority_ties_go_to_the_first_named() -> None:
    assert main_authority("Camden and Islington shared a service.") == "Camden"
    assert main_authority("Nothing about councils here.") is None
    assert main_authority("") is None


def test_main_authority_of_a_letter_naming_other_places() -> None:
    letter = (
        "Ofsted\nPiccadilly Gate\nManchester\nM1 2WD\n\n14 March 2025\n\n"
        "Director of Children's Services\nLeeds City Council\n\nDear Ms Smith\n\n"
        "Focused visit to Leeds children's services\n\n"
        "Leeds has improved since the visit. Leaders in Leeds know their services."
    )
    assert main_authority(letter) == "Leeds"


def test_postal_towns_in_addresses_do_not_count() -> None:
    letter = "Ofsted\nPiccadilly Gate\nManchester\nM1 2WD\n\nDear Sir\n\nThe visit to Rutland went well."
    assert main_authority(letter) == "Rutland"
    assert [c for _, _, c in find_authorities(letter)] == ["Manchester", "Rutland"]


def test_town_hall_is_still_the_place() -> None:
    assert named("at Haringey Town Hall") == [("Haringey", "Haringey")]
    assert named("Luton Town won") == []


def test_seeds_are_about_haringey() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        assert main_authority(path.read_text(encoding="utf-8")) == "Haringey", path.name


def test_seed_spans_name_the_council() -> None:
    text = (CORPUS / "001_aaf7a455c9cf6247.txt").read_text(encoding="utf-8")
    found = named(text)
    assert ("HARINGEY Council", "Haringey") in found
    # "Camden United" in the sidebar is a football club.
    assert all(written != "Camden" or canonical == "Camden" for written, canonical in found)
    start = text.index("Camden United")
    assert not any(s == start for s, _, _ in find_authorities(text))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for start, end, canonical in find_authorities(text):
        assert 0 <= start < end <= len(text)
        assert canonical in AUTHORITIES
    main_authority(text, title=text[:50])
    canonical_authority(text)



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list whose separator was lost: prose/undated-publicsectorexecutive-seven-inadequate.txt
        ("The seven judged “inadequate” in this latest report are: Birmingham; Buckinghamshire; "
         "Coventry Knowsley; Manchester Rotherham and Slough.",
         ["Birmingham", "Buckinghamshire", "Coventry", "Knowsley", "Manchester", "Rotherham", "Slough"]),
        # A short form inside a list of councils:
        # prose/2025-narrativecare-quarter-of-childrens-services-outstanding.txt
        ("six - Dorset, Durham, Richmond, Shropshire, Walsall and York - improved",
         ["Dorset", "County Durham", "Richmond upon Thames", "Shropshire", "Walsall", "York"]),
        # Not lists: a town and its county; a person or a town beside a council.
        ("Richmond, North Yorkshire and Kent", ["North Yorkshire", "Kent"]),
        ("Clark Kent Surrey", []),
        ("Sutton Coldfield and Kent", ["Kent"]),
    ],
)
def test_councils_of_a_list_even_where_a_separator_is_lost(text: str, expected: list[str]) -> None:
    assert [c for _, _, c in find_authorities(text)] == expected
