"""Who said a quote, twelfth round (issue 11): a named person who opens the sentence, set off
from the verb of saying by an apposition longer than one phrase between commas, and the
participles of saying that share their sentence's subject.

Each rule is checked on a page of the accuracy set's dev half and on a page of the speaker
check set (benchmarks/accuracy/speaker_check, labelled before any rule was run on it).
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.quotes import extract
from importers.sanitize import clean_text
from tests.paths import prose_text, speaker_check_text
from tests.unit.test_quote_speakers import speakers


def _speaker(text: str, opening: str, kind: str = "news") -> str | None:
    found = [f for f in extract(clean_text(text), DocContext(kind=kind)) if f.fields["text"].startswith(opening)]
    assert found, f"no quote opening {opening!r}"
    return found[0].fields["speaker"]


# --- a long apposition between the person and the verb --------------------------------------
# "NAME, <a role holding commas of its own, or a relative clause with no closing comma> said":
# the body or role named inside the apposition is the person's, never the speaker.

def test_a_role_listing_its_fields_with_commas_is_the_persons():
    # West Northamptonshire Council's release (dev): "..., for Children Families, Education
    # and Skills at West Northamptonshire Council, said:".
    text = prose_text("2022-11-25-westnorthants-council-requires-improvement.txt")
    assert _speaker(text, "I am really pleased and encouraged", "press_release") == "Fiona Baker"


def test_a_relative_clause_without_its_closing_comma_is_the_persons():
    # Portsmouth Liberal Democrats' news (check set): "Southsea Councillor, Suzy Horton, who is
    # Cabinet Member for Education said, “...”".
    text = speaker_check_text("undated-portsmouthlibdems-ofsted-praises-inclusion.txt")
    assert _speaker(text, "I am very proud that Portsmouth", "blog") == "Suzy Horton"


def test_a_verb_of_saying_inside_the_apposition_keeps_its_own_subject():
    # The person opens the sentence, but another verb of saying stands between: the later
    # verb's own subject speaks.
    found = speakers("Jane Smith, who leads the council, said the director of children’s services "
                     "had said: “We have been open about the state of our services from the start.”")
    assert found["We have been open about"] == "director of children’s services"


def test_a_person_named_in_the_object_is_not_the_subject():
    found = speakers("Ofsted praised Jane Smith, and the council said: “We have been open about the "
                     "state of our services from the start.”")
    assert found["We have been open about"] != "Jane Smith"


# --- participles of saying after a comma ------------------------------------------------------

def test_concluding_after_a_comma_is_the_sentences_subject():
    # LiverpoolWorld (check set): "Inspectors raised concerns about ..., concluding that there
    # are ‘serious weaknesses ...’".
    text = speaker_check_text("2023-liverpoolworld-childrens-services-inadequate.txt")
    assert _speaker(text, "serious weaknesses for children") in ("Ofsted", "Inspectors")


def test_claiming_after_a_comma_is_the_sentences_subject():
    # Community Care on Walsall (dev): "..., Rachel Andrew also hit out at Ofsted’s current
    # inspection regime, claiming: “...”".
    text = prose_text("2012-07-31-communitycare-walsall-safeguarding-inadequate.txt")
    assert _speaker(text, "It is true to say we feel") == "Rachel Andrew"


def test_a_warning_after_its_determiner_is_no_verb():
    found = speakers("The council issued a warning: “It is true to say we feel we have been judged harshly.”")
    assert found["It is true to say"] is None
