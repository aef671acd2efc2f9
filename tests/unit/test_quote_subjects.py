"""Who said a quote, sixth round (issue 11): the subject of a verb of saying where the noun
nearest the verb is not it: a role whose fields are listed with their own commas, a report
"into" a council's services, a participle that shares its sentence's subject.

Each rule is checked on real text from at least two publishers: documents of the accuracy
set's dev half (benchmarks/accuracy/prose, read whole) and short passages of pages found
with the search tool (cited by address).
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.people import find_people
from importers.extract.quotes import extract
from importers.sanitize import clean_text
from tests.paths import prose_text

NEWS = DocContext(kind="news")


def speakers(text: str, ctx: DocContext = NEWS) -> dict[str, str | None]:
    """The first words of each quote -> its speaker."""
    return {" ".join(f.fields["text"].split()[:5]): f.fields["speaker"] for f in extract(text, ctx)}


# --- a role whose fields are a list, after a name ------------------------------------------
# "X, director of children, adults and health at the council said": the commas inside the
# list do not close the apposition, so "the council" is part of the role, not the speaker.

def test_a_listed_role_without_its_closing_comma_is_the_persons():
    # Gazette Series on South Gloucestershire (dev): the apposition runs on to "said".
    text = clean_text(prose_text("undated-gazetteseries-south-gloucestershire-inadequate.txt"))
    ctx = DocContext(authority="South Gloucestershire", kind="news")
    found = {f.fields["text"][:30]: f.fields for f in extract(text, ctx)}
    murphy = found["Naturally we are deeply disapp"]
    assert (murphy["speaker"], murphy["role"]) == ("Peter Murphy", "director of children, adults and health")
    assert found["I share the disappointment in "]["speaker"] == "Jon Hunt"


def test_a_listed_role_in_minutes_is_read_whole():
    # Bury Council's minutes (https://councildecisions.bury.gov.uk/mgAi.aspx?ID=13606).
    text = ("Following consideration of the Ofsted report at Cabinet, Councillor Tamoor Tariq, Cabinet "
            "Member for Children, Young People and Skills, presented the report.")
    (tariq,) = find_people(text, NEWS)
    assert tariq.role == "Cabinet Member for Children, Young People and Skills"


def test_a_role_of_one_field_still_ends_at_its_comma():
    # The list needs its "and": "director of children, said she ..." is a role of one field.
    text = "Jane Smith, director of children, said she was “very pleased with the report and the staff”."
    (smith,) = find_people(text, NEWS)
    assert smith.role == "director of children"
    assert speakers(text) == {"very pleased with the report": "Jane Smith"}
