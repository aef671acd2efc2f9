"""An inspector's rank written after the name ("Marie McGuinness Senior HMI", "John Gregg
Senior Her Majesty’s Inspector") ends the name: real 2014-17 reports' lists of inspectors.

The reports are in ``../shared`` (the national set; the first two are listed in
``benchmarks/accuracy/seen_reports.json``, the others are dev) and the tests skip where it is absent.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from importers.extract.people import find_people
from importers.pdf import read_pdf
from tests.paths import NATIONAL

pytestmark = pytest.mark.reports


def _report(name: str) -> Path:
    """The national report ``name``; the test skips where ../shared is absent."""
    path = NATIONAL / name
    if not path.is_file():
        pytest.skip(f"needs {path} (the national reports are not in the repository)")
    return path


def _people(name: str) -> list:
    return find_people(read_pdf(_report(name)).text, SimpleNamespace(authority=None, kind="ofsted_report"))

# (report, the name printed before its rank and role)
RANKED = [
    ("80429_birmingham/children's services inspection - 23 may 2014.pdf", "Marie McGuinness"),
    ("80456_coventry/children's services inspection - 13 june 2017.pdf", "Lynn Radley"),
    ("80484_lincolnshire/children's services inspection - 06 january 2015.pdf", "John Gregg"),
    ("80575_warrington/children's services inspection - 12 may 2015.pdf", "Bob Morton"),
]


@pytest.mark.parametrize(("name", "person"), RANKED, ids=[r[0].split("/")[0] for r in RANKED])
def test_a_rank_after_an_inspectors_name_is_the_role_not_part_of_the_name(name: str, person: str) -> None:
    people = _people(name)
    names = {m.name for m in people}
    assert person in names
    assert not any(word in n.split() for n in names for word in ("Senior", "Her", "HMI", "Lead", "Acting"))
    (mention,) = [m for m in people if m.name == person]
    assert mention.organisation == "Ofsted" and "nspector" in (mention.role or "")


# (report, its lead inspector as the page prints the name before the title)
LEADS = [
    ("80429_birmingham/children's services inspection - 23 may 2014.pdf", "Marie McGuinness"),  # "... Senior HMI"
    ("80575_warrington/children's services inspection - 12 may 2015.pdf", "Sarah Urding"),  # "... HMI"
]


@pytest.mark.parametrize(("name", "lead"), LEADS, ids=[r[0].split("/")[0] for r in LEADS])
def test_every_inspection_fact_names_the_lead_inspector_alike_without_the_title(name: str, lead: str) -> None:
    """The report's own reader and the inspection reader read one lead, so the facts pane lists one inspection."""
    from importers.pipeline import import_file

    facts = [f for f in import_file(_report(name)).facts if f.type == "inspection" and f.get("lead_inspector")]
    assert facts and {f.get("lead_inspector") for f in facts} == {lead}
    team = {n for f in facts for n in f.get("inspectors") or ()}
    assert not any(word in n.split() for n in team for word in ("Senior", "HMI", "AI", "SCRI"))


# (report, a team inspector listed after one marked "(AI)" or "AI": the list goes on past the mark)
AFTER_ASSOCIATE = [
    ("80474_herefordshire/children's services inspection - 30 june 2014.pdf", "Steven Gauntley"),  # "... (AI) and X."
    ("80559_southend-on-sea/children's services inspection - 07 july 2016.pdf", "Lisa Summers"),  # "... (AI), X, Y, Z"
]


@pytest.mark.parametrize(("name", "person"), AFTER_ASSOCIATE, ids=[r[0].split("/")[0] for r in AFTER_ASSOCIATE])
def test_an_associate_inspectors_mark_does_not_end_the_list_of_inspectors(name: str, person: str) -> None:
    """Every title of ``people.INSPECTOR_ABBREVIATIONS`` ("AI", "OI", "SCRI") ends a name in a list, as "HMI" does."""
    people = _people(name)
    (mention,) = [m for m in people if m.name == person]
    assert mention.role == "team inspector" and mention.organisation == "Ofsted"
    assert not any(word in m.name.split() for m in people for word in ("AI", "OI", "SCRI"))


# (report, its lead inspector, a team inspector): 2014-15 reports whose "Information about this
# inspection" follows Ofsted's judgement definitions with no "Section 4" number over it.
AFTER_DEFINITIONS = [
    ("80484_lincolnshire/children's services inspection - 06 january 2015.pdf", "Fiona Millns", "Lynn Radley"),
    ("80575_warrington/children's services inspection - 12 may 2015.pdf", "Sarah Urding", "Nick Stacey"),  # "(Contracted Inspector)"
]


@pytest.mark.parametrize(("name", "lead", "member"), AFTER_DEFINITIONS, ids=[r[0].split("/")[0] for r in AFTER_DEFINITIONS])
def test_the_inspection_team_after_the_judgement_definitions_is_the_reports_own(name: str, lead: str, member: str) -> None:
    """The definitions are Ofsted's standard wording (furniture); the team listed after them is not."""
    from importers.pipeline import import_file

    doc = import_file(_report(name))
    people = {f.get("name"): f.get("role") for f in doc.facts if f.type == "person"}
    assert people.get(lead) == "lead inspector"
    assert people.get(member) == "team inspector"
    definitions = doc.text.index("What the inspection judgements mean\n")
    assert any(start <= definitions < end for start, end in doc.furniture)
    assert not [f for f in doc.facts if f.type == "judgement" and f.span[0] > definitions]
