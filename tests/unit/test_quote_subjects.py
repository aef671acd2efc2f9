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
from tests.unit.test_quote_speakers import NEWS, speaker_of, speakers


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


# --- the head of the subject speaks, not the body its phrase is about ----------------------
# "An inspector's report into children's services at Solihull Council has found “...”": the
# report speaks; the council is only where the services are.

def test_a_report_into_services_at_a_council_is_the_speaker():
    # ITV News Central on Solihull, 2023 (dev).
    name = "2023-01-13-itv-solihull-inadequate-all-areas.txt"
    assert speaker_of(name, "serious and widespread failings", "Solihull") == "Ofsted"


def test_a_review_of_services_at_a_council_is_the_speaker_and_the_council_speaks_for_itself():
    text = ("The review of children's services at Gloucestershire County Council found “serious concerns "
            "about the integrity of the leadership team”.\n\n"
            "Gloucestershire County Council said it was “sorry that we have not supported our children”.")
    found = speakers(text)
    assert found["serious concerns about the integrity"] == "review"
    assert found["sorry that we have not"] == "Gloucestershire County Council"


# --- a participle of saying after a comma ---------------------------------------------------
# "Ofsted gave an overall rating of ‘good’, highlighting “...”": the participle shares its
# sentence's subject, never the nearest noun.

def test_highlighting_after_a_comma_is_the_sentences_subject():
    # Sefton Council's news, 2025 (dev).
    assert speaker_of("2025-08-12-sefton-council-good.txt", "tangible improvements", "Sefton") == "Ofsted"


def test_stating_after_a_comma_is_the_sentences_subject():
    # Yorkshire Evening Post on Leeds, 2022 (https://www.yorkshireeveningpost.co.uk/news/politics/
    # leeds-council-childrens-services-one-of-the-best-in-the-country-says-ofsted-3685786).
    text = ("Ofsted said the city put \"children and young people at its heart\".\n\n"
            "However, it did have some criticisms, stating that \"for a small number of children\", there had "
            "been \"a lack of timely decision-making\" in the child protection process.")
    assert speakers(text)["for a small number of"] == "Ofsted"


# --- a council's news setting out a report's words paragraph by paragraph ------------------
# "“...,” they write." (British English speaks of organisations in the plural), and a
# paragraph that only adds "And “...”" to the speech before it.

DEVON_RELEASE = (
    # Devon County Council's news, 2017 (https://www.devon.gov.uk/news/
    # ofsted-report-improvements-but-that-theres-more-to-do/), shortened.
    "In their latest report, Ofsted inspectors say that there are improvements, but that there is more to do.\n"
    "“Social workers say that communication from the current senior leadership team is much clearer,” they write.\n"
    "And “social workers value the support of team managers.”\n"
    "But while the Ofsted report shows that the council is making headway, there is more yet to do.\n"
    "“The quality of social work practice across Devon remains inconsistent,” they write.\n"
)


def test_they_write_is_the_inspectorate():
    found = speakers(clean_text(DEVON_RELEASE), DocContext(authority="Devon", kind="news"))
    assert found["Social workers say that communication"] == "Ofsted"
    assert found["The quality of social work"] == "Ofsted"


def test_a_paragraph_opening_on_and_continues_the_speech_before():
    found = speakers(clean_text(DEVON_RELEASE), DocContext(authority="Devon", kind="news"))
    assert found["social workers value the support"] == "Ofsted"


def test_and_inside_a_sentence_is_no_continuation():
    # Only a conjunction standing alone before the quote carries the speech on.
    text = ("“We are pleased with the outcome of this inspection,” said Jane Smith.\n\n"
            "And the Ofsted report adds that “social workers value the support of team managers”.")
    assert speakers(text)["social workers value the support"] == "Ofsted"


# --- "that" before a name opens a clause ---------------------------------------------------
# "that report" is one noun phrase; "that Ofsted" and "that inspectors" are a clause's start,
# so Ofsted is never the speaker right after "saying that".

def test_that_before_ofsted_is_no_determiner():
    # Chris Mills's blog, 2015 (http://chrismillsblog.blogspot.com/2015/04/well-said-steve-mccabe.html).
    text = ("Steve McCabe, Labour’s shadow children’s minister, has raised serious concerns about Ofsted.\n\n"
            "He is quoted as saying that Ofsted “… seems to pride itself on riding into town, having a press "
            "conference, and then riding out.”")
    assert speakers(text)["… seems to pride itself"] is None
    # The determiner still belongs to a singular common noun: "that report said".
    text = "That report said children were “left in situations of harm for too long” in the county."
    assert speakers(text)["left in situations of harm"] == "That report"


def test_a_list_of_names_after_a_role_is_no_list_of_fields():
    # Only field words make the list: names after a role's comma are other people.
    text = ("Jane Smith, director of children, Tom Jones and Ann Lee said they were “very pleased with the "
            "outcome of the inspection”.")
    smith = next(m for m in find_people(text, NEWS) if m.name == "Jane Smith")
    assert smith.role == "director of children"
