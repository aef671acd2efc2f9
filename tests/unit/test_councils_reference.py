"""The councils reference (importers.councils): lookups by name, other name, code and part of a name."""

from __future__ import annotations

import csv
import json

import pytest

from importers.authorities import AUTHORITIES, canonical_authority, find_authorities
from importers.councils import council, councils, find_councils, neighbours_of, reference_names, regions, suggest
from tests.paths import REPO

LOOKUP = REPO.parent / "shared" / "reference" / "la_lookup.csv"


def test_today_there_are_153_councils_in_nine_regions() -> None:
    assert len(councils()) == 153
    assert len(regions()) == 9
    assert all(c.region and c.urn and c.la_code and c.gss_code and c.type for c in councils())


def test_every_council_is_filed_under_the_name_the_authority_extractor_gives() -> None:
    # One spelling for a council across the store, the timeline and the reference.
    for c in councils(include_former=True):
        assert c.name in AUTHORITIES
        assert canonical_authority(c.name) == c.name


@pytest.mark.parametrize(("key", "expected"), [
    ("Haringey", "Haringey"),
    ("haringey", "Haringey"),
    ("London Borough of Haringey", "Haringey"),
    ("80498", "Haringey"),  # Ofsted URN
    ("309", "Haringey"),  # old LA code
    ("E09000014", "Haringey"),  # GSS code
    ("Hull", "Kingston upon Hull"),
    ("Kingston Upon Hull, City of", "Kingston upon Hull"),
    ("Bristol, City of", "Bristol"),
    ("BCP", "Bournemouth, Christchurch and Poole"),
    ("Bournemouth, Christchurch & Poole", "Bournemouth, Christchurch and Poole"),
    ("Durham", "County Durham"),
    ("St. Helens", "St Helens"),
    ("Bedford Borough", "Bedford"),
    ("Telford & Wrekin", "Telford and Wrekin"),
])
def test_lookup_by_any_name_or_code(key: str, expected: str) -> None:
    found = council(key)
    assert found is not None and found.name == expected


@pytest.mark.parametrize("key", ["", "Narnia", "12345678", "Northampton General Hospital"])
def test_lookup_of_what_names_no_council(key: str) -> None:
    assert council(key) is None


@pytest.mark.parametrize(("name", "until", "successors"), [
    ("Northamptonshire", 2021, {"North Northamptonshire", "West Northamptonshire"}),
    ("Bournemouth", 2019, {"Bournemouth, Christchurch and Poole"}),
    ("Poole", 2019, {"Bournemouth, Christchurch and Poole"}),
    ("Cumbria", 2023, {"Cumberland", "Westmorland and Furness"}),
    ("Cheshire", 2009, {"Cheshire East", "Cheshire West and Chester"}),
    ("Bedfordshire", 2009, {"Bedford", "Central Bedfordshire"}),
])
def test_abolished_councils_stay_known_under_their_own_names(name: str, until: int, successors: set[str]) -> None:
    found = council(name)
    assert found is not None and found.name == name and not found.current
    assert found.until == until and set(found.succeeded_by) == successors
    for successor in successors:
        assert council(successor).since == until and council(successor).current
    assert name not in {c.name for c in councils()}
    assert name in {c.name for c in councils(include_former=True)}


def test_bournemouth_alone_is_the_old_council_not_bcp() -> None:
    # The lookup lists BCP's other names as "[BCP, Bournemouth, Christchurch & Poole]": split on
    # its commas naively, "Bournemouth" would become an other name of BCP.
    assert "Bournemouth" not in council("BCP").other_names
    assert council("Bournemouth").name == "Bournemouth"


def test_partial_names_find_every_council_they_are_part_of() -> None:
    assert {c.name for c in find_councils("northampton")} == {
        "Northamptonshire", "North Northamptonshire", "West Northamptonshire"}
    assert {c.name for c in find_councils("northampton", include_former=False)} == {
        "North Northamptonshire", "West Northamptonshire"}
    assert [c.name for c in find_councils("tower ham")] == ["Tower Hamlets"]
    # A whole name gives that council alone, not the others it is part of.
    assert [c.name for c in find_councils("Bedford")] == ["Bedford"]
    assert find_councils("zzz") == []


def test_suggestions_for_a_misspelt_name() -> None:
    assert suggest("Hariney")[0] == "Haringey"
    assert "Nottinghamshire" in suggest("Notinghamshire")
    assert suggest("qqqqqq") == []


def test_statistical_neighbours_are_ten_councils_of_today() -> None:
    near = neighbours_of(council("Haringey"))
    assert len(near) == 10 and council("Haringey") not in near
    assert all(c.current for c in near)
    assert neighbours_of(council("Bedfordshire")) == []


def test_the_extractor_recognises_the_reference_names_only_as_names() -> None:
    assert [name for _, _, name in find_authorities("Bedford Borough Council has appointed a director.")] == ["Bedford"]
    # Names only: nothing in the reference is a grade.
    for c in councils(include_former=True):
        assert not {"grade", "rating", "judgement"} & set(c.to_dict())
    assert set(reference_names()) <= {c.name for c in councils(include_former=True)}


@pytest.mark.skipif(not LOOKUP.is_file(), reason="needs ../shared/reference/la_lookup.csv")
def test_the_shipped_table_is_the_derivation_of_the_lookup() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_councils", REPO / "scripts" / "make_councils.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((REPO / "importers" / "data" / "councils.json").read_text(encoding="utf-8"))
    assert module.derive(LOOKUP) == shipped
    with LOOKUP.open(encoding="utf-8-sig", newline="") as handle:
        urns = {row["urn"] for row in csv.DictReader(handle)}
    assert urns <= {c["urn"] for c in shipped}
