"""Quotes: pairing marks, quotes of several paragraphs, scare quotes, and who said what."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.quotes import extract, find_quotes, quote_text_at
from importers.sanitize import clean_text
from tests.paths import SEEDS, seed_text

NEWS = DocContext(authority="Haringey", kind="news")


def quotes(text: str, ctx: DocContext = NEWS) -> list[dict]:
    found = []
    for fact in extract(text, ctx):
        assert fact.type == "quote"
        assert fact.fields["text"] == quote_text_at(text, fact.span)
        found.append({**fact.fields, "span": fact.span})
    return found


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


def by_start(found: list[dict], words: str) -> dict:
    (match,) = [q for q in found if q["text"].startswith(words)]
    return match


# --- the seeds ----------------------------------------------------------------------


def test_joint_statement_over_three_paragraphs_is_one_quote_of_both_speakers():
    text = seed("000")
    found = quotes(text)
    joint = by_start(found, "We are really pleased that Ofsted")
    assert joint["text"].endswith("shows we are moving in the right direction.")
    assert joint["speaker"] == "Peray Ahmet and Andy Donald"
    assert joint["role"] == "leader; chief executive"
    assert joint["organisation"] == "Haringey Council"
    # The paragraphs' re-opening marks are not part of the quoted words.
    assert "\n\n“We have worked hard" not in joint["text"]
    assert "\n\nWe have worked hard" in joint["text"]
    assert text[joint["span"][0]:joint["span"][0] + 9] == "We are re"


def test_they_added_goes_to_the_joint_speakers():
    found = quotes(seed("000"))
    added = by_start(found, "The report highlighted a need")
    assert added["speaker"] == "Peray Ahmet and Andy Donald"
    assert added["text"].endswith("our most vulnerable children and young people.")
    # The middle paragraph re-opens with a straight mark: that is dropped too.
    assert '\n\nWe are fully committed' in added["text"]


def test_report_and_it_added_are_ofsted_inspection_report():
    found = quotes(seed("000"))
    for words in ("In 2018, inspectors judged", "has not been achieved", "While many children in care",
                  "want to learn and do the right thing"):
        quote = by_start(found, words)
        assert (quote["speaker"], quote["role"], quote["organisation"]) == (
            "Ofsted", "inspection report", "Ofsted"), words


def test_scare_quotes_in_seed_000_are_not_quotes():
    texts = [q["text"] for q in quotes(seed("000"))]
    assert "watershed" not in texts and "good" not in texts
    assert len(texts) == 6


def test_cabinet_member_quote_over_three_lines():
    found = quotes(seed("001"))
    reith = by_start(found, "This report is real evidence")
    assert reith["speaker"] == "Lorna Reith"
    assert reith["role"] == "cabinet member for children’s services"
    assert reith["text"].endswith("which we are now well placed to do.")
    assert "\nBut we are certainly not complacent" in reith["text"]


def test_what_the_watchdog_found_is_ofsted_even_in_a_spokeswomans_sentence():
    found = quotes(seed("001"))
    assert by_start(found, "are enabling joint services")["speaker"] == "Ofsted"
    assert by_start(found, "have a visible presence")["speaker"] == "Ofsted"


def test_inspectorate_and_cabinet_member_in_seed_003():
    found = quotes(seed("003"))
    ofsted = by_start(found, "There are no widespread or serious failures")
    assert ofsted["speaker"] == "Ofsted" and ofsted["organisation"] == "Ofsted"
    assert ofsted["text"].endswith("for the last three years.")
    waters = by_start(found, "We’re pleased that the inspectors")
    assert waters["speaker"] == "Ann Waters"
    assert waters["role"] == "cabinet Member for Children"
    assert waters["organisation"] == "Haringey Council"
    assert waters["text"].endswith("as we make further improvements.")


def test_embedded_quotes_belong_to_the_sentences_speaker():
    found = quotes(seed("003"))
    staff = by_start(found, "motivated and positive about working in Haringey")
    assert (staff["speaker"], staff["role"]) == ("Ofsted", "inspectors")  # "who they described as"
    assert by_start(found, "receiving coordinated help")["speaker"] == "Ofsted"
    assert by_start(found, "significantly improved the number")["speaker"] == "Ofsted"
    assert by_start(found, "some care leavers are not aware")["role"] == "inspection report"  # "It added"
    assert "requires improvement" not in [q["text"] for q in found]


def test_council_leader_quotes_and_pronouns_in_seed_004():
    found = quotes(seed("004"))
    for words in ("Baby Peter's death was a wake up call", "We are not complacent", "It is our responsibility"):
        quote = by_start(found, words)
        assert (quote["speaker"], quote["role"]) == ("Claire Kober", "council leader"), words
    balls = by_start(found, "pleased to see the progress")
    assert (balls["speaker"], balls["role"]) == ("Ed Balls", "Children's Secretary")
    texts = [q["text"] for q in found]
    for scare in ("good progress", "safeguarding champions", "groundbreaking", "Not complacent",
                  "Baby Peter", "improved", "significant improvements"):
        assert scare not in texts


def test_letter_without_quotes_has_none():
    assert quotes(seed("002"), DocContext(authority="Haringey", kind="ofsted_letter")) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_quote_span_is_its_words(path):
    for raw in (path.read_text(encoding="utf-8"), clean_text(path.read_text(encoding="utf-8"))):
        for fact in extract(raw, NEWS):
            start, end = fact.span
            assert 0 <= start < end <= len(raw)
            words = raw[start:end]
            assert words == words.strip()
            assert fact.fields["text"] == quote_text_at(raw, fact.span)
            if "\n" not in words:
                assert fact.fields["text"] == words
            # The span lies between a pair of marks, never on one.
            assert raw[start] not in "\"“”‘’" and raw[end - 1] not in "“‘"


# --- written passages: attribution ---------------------------------------------------


def test_attribution_before_with_role_in_apposition():
    text = ('Jane Smith, the council\'s director of children\'s services, said: "We accept the findings '
            'in full and have already begun to act on them."')
    (quote,) = quotes(text, DocContext(authority="Croydon"))
    assert quote["speaker"] == "Jane Smith"
    assert quote["role"] == "director of children's services"
    assert quote["organisation"] == "Croydon Council"
    assert quote["text"] == "We accept the findings in full and have already begun to act on them."


def test_attribution_after_with_title_and_council():
    text = ('"Children in this county deserve far better than this," said Cllr Tom Jones, cabinet member '
            'for children at Kent County Council.')
    (quote,) = quotes(text)
    assert quote["speaker"] == "Tom Jones"
    assert quote["role"] == "cabinet member for children"
    assert quote["organisation"] == "Kent County Council"


def test_quote_broken_by_attribution_gives_two_quotes_with_one_speaker():
    text = ("Council leader Sarah Green said the report was fair.\n\n"
            '"We are not complacent," she said, "and this is only the start of our journey."')
    found = quotes(text)
    assert [q["text"] for q in found] == ["We are not complacent,", "and this is only the start of our journey."]
    assert {q["speaker"] for q in found} == {"Sarah Green"}


def test_pronoun_takes_the_last_speaker_of_matching_sex():
    text = ("Mr David Brown, the chief executive, said the council had listened.\n"
            "Ms Amy Clark, the director of children's services, said staff had worked hard.\n"
            '"We have a long way to go but we are on the right road," he added.')
    (quote,) = quotes(text)
    assert quote["speaker"] == "David Brown"


def test_surname_with_title_resolves_to_full_name():
    text = ("The lead member, Councillor Priya Patel, welcomed the letter.\n"
            '"This is a good day for children in the borough," said Ms Patel.')
    (quote,) = quotes(text)
    assert quote["speaker"] == "Priya Patel"
    assert quote["role"] == "lead member"


def test_curly_single_quotes_used_as_double():
    text = "‘We have made real progress since the last inspection,’ said Mr Patel."
    (quote,) = quotes(text)
    assert quote["text"] == "We have made real progress since the last inspection,"
    assert quote["speaker"] == "Mr Patel"


def test_mismatched_marks_and_a_council_spokesman():
    text = '“We welcome the report and accept its recommendations," a council spokesman said.'
    (quote,) = quotes(text, DocContext(authority="Croydon"))
    assert quote["text"] == "We welcome the report and accept its recommendations,"
    assert (quote["speaker"], quote["role"], quote["organisation"]) == (
        "Croydon Council", "spokesman", "Croydon Council")


def test_government_department_spokesperson():
    text = 'A spokesperson for the Department for Education said: "We welcome the improvements in Croydon."'
    (quote,) = quotes(text, DocContext(authority="Croydon"))
    assert (quote["speaker"], quote["role"]) == ("Department for Education", "spokesperson")


def test_inspectors_and_according_to_the_report():
    text = ("Ofsted published its report on Tuesday.\n"
            'Inspectors found that "children are not always seen quickly enough by social workers".\n'
            '"Leaders have an accurate understanding of their services," according to the report.')
    first, second = quotes(text)
    assert (first["speaker"], first["role"]) == ("Ofsted", "inspectors")
    assert (second["speaker"], second["role"]) == ("Ofsted", "inspection report")


def test_without_ofsted_in_view_inspectors_are_not_named():
    text = 'Inspectors found that "officers did not always record crimes involving children".'
    (quote,) = quotes(text, DocContext(kind="news"))
    assert (quote["speaker"], quote["role"], quote["organisation"]) == (None, "inspectors", None)


def test_times_style_single_quotes_running_on_in_the_paragraph():
    text = ("Ofsted has rated Slough’s children’s services ‘inadequate’.\n\n"
            "‘Children are not being protected quickly enough,’ the report said. ‘Leaders do not have an "
            "accurate understanding of the quality of practice.’")
    found = quotes(text, DocContext(authority="Slough"))
    assert [q["text"][:8] for q in found] == ["Children", "Leaders "]
    assert {(q["speaker"], q["role"]) for q in found} == {("Ofsted", "inspection report")}


def test_speech_running_on_into_the_next_paragraph():
    text = ('"We are delighted with this judgement," said council leader Ann Brown.\n\n'
            '"It reflects years of hard work by our social workers and their managers."')
    first, second = quotes(text)
    assert first["speaker"] == second["speaker"] == "Ann Brown"


def test_unattributed_quote_has_no_speaker():
    text = 'The phrase "children are at the heart of everything we do" appears in many plans.'
    (quote,) = quotes(text)
    assert quote["speaker"] is None and quote["role"] is None


# --- written passages: what is and is not a quote -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Haringey received its first 'good' rating.",
        'The council praised the "watershed" moment.',
        'These included "safeguarding champions" in which a manager takes charge.',
        "The so-called ‘toxic trio’ of risks was present.",
        "Work is in line with ‘Working Together to Safeguard Children’ and local procedures.",
        "The Board maintains a ‘challenge and impact log’.",
        "It's the children's and parents' views that count, isn't it?",
        "The 6\" pipe and the 3' wall were measured.",
        "",
    ],
)
def test_not_quotes(text):
    assert quotes(text) == []


def test_short_quote_counts_when_directly_attributed():
    (quote,) = quotes('"Not good enough," said Cllr Ann Lee.')
    assert quote["text"] == "Not good enough,"


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = '"Ofsted rated us \'good\' and we are proud of it," said Ms Jo Bell.'
    (quote,) = quotes(text)
    assert quote["text"] == "Ofsted rated us 'good' and we are proud of it,"


def test_apostrophes_do_not_end_a_single_quoted_speech():
    text = "‘The parents’ views were heard and the children’s plans changed,’ said Mr Sam Okoye."
    (quote,) = quotes(text)
    assert quote["text"] == "The parents’ views were heard and the children’s plans changed,"


def test_quote_never_runs_into_a_paragraph_that_does_not_reopen():
    text = ('Mr Ali said: "We will fix this as quickly as we possibly can.\n\n'
            'The council later published a plan. "Progress has been slow," he said.')
    found = quotes(text)
    first = by_start(found, "We will fix this")
    assert "\n" not in first["text"] and first["text"].endswith("possibly can.")
    assert all("The council later" not in q["text"] for q in found)


def test_stray_mark_is_not_a_quote_to_the_end_of_the_paragraph():
    text = 'The council has 12 "open cases and more than forty staff in the team this year.'
    assert quotes(text) == []


def test_multi_paragraph_quote_in_one_line_per_paragraph_text():
    text = ("Ms Lara Evans said: “The first paragraph of what she said is here.\n"
            "“The second paragraph carries on the same speech.\n"
            "“And the last one closes it.”\n"
            "The story continues without quotes.")
    (quote,) = quotes(text)
    assert quote["text"] == ("The first paragraph of what she said is here.\n"
                             "The second paragraph carries on the same speech.\n"
                             "And the last one closes it.")
    assert text[quote["span"][1]] == "”"


def test_find_quotes_pairs_scare_quotes_too():
    text = 'It was rated "good" by "the watchdog" last year.'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["good", "the watchdog"]


def test_quote_text_at_keeps_single_paragraph_text():
    text = 'He said "a b c d" today.'
    assert quote_text_at(text, (9, 16)) == "a b c d"


# --- robustness ------------------------------------------------------------------------


PIECES = ['"', "“", "”", "‘", "’", "'", "\n", "\n\n", " ", ",", ".", ":", "said", "she", "they added",
          "it", "Ms Jo Bell", "Cllr Sam Lee, leader of Kent County Council,", "the report", "inspectors",
          "a spokesman for the council", "and", "We are pleased", "children’s", "good"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_marks_and_words_never_break_the_invariants(text):
    for fact in extract(text, NEWS):
        start, end = fact.span
        assert 0 <= start < end <= len(text)
        assert fact.fields["text"] == quote_text_at(text, fact.span)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text):
    for fact in extract(text, NEWS):
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)


def test_pronoun_before_anyone_has_spoken_is_the_person_named_just_before():
    text = (
        "Claire Winter, Executive Director of Children's Services, presented the report. "
        'She said: "This is the result of years of hard work by our staff."'
    )
    (quote,) = quotes(text)
    assert quote["speaker"] == "Claire Winter"


def test_pronoun_with_no_person_named_before_has_no_speaker():
    text = 'The committee received the report. She said: "This is the result of years of hard work."'
    (quote,) = quotes(text)
    assert quote["speaker"] is None
