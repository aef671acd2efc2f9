"""Paragraph and sentence spans shared by the quote, statistic and improvement rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract.paragraphs import BULLET_RE, paragraphs, sentence_ends, sentences, word_count


def texts(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_blank_lines_and_single_lines_are_paragraphs():
    text = "Headline without a stop\nFirst paragraph.\n\n  Second paragraph.  \n"
    assert texts(text, paragraphs(text)) == ["Headline without a stop", "First paragraph.", "Second paragraph."]


def test_pdf_lines_wrapped_mid_sentence_are_joined():
    text = ("Most children in care live in well-matched, \nstable homes. Practice could improve through\n"
            "earlier safety planning and \nManagement oversight is strong.\nWhat needs to improve?\n"
            "◼ The timeliness of planning for \nchildren.")
    assert texts(text, paragraphs(text)) == [
        "Most children in care live in well-matched, \nstable homes. Practice could improve through\n"
        "earlier safety planning and \nManagement oversight is strong.",
        "What needs to improve?",
        "◼ The timeliness of planning for \nchildren.",
    ]


def test_headline_is_not_joined_to_the_story():
    text = "Council children's services making progress but requires improvement\nThe council said."
    assert len(paragraphs(text)) == 2


def test_sentences_skip_abbreviations_and_initials():
    text = 'Cllr. Jo Bell met Mr. J. Smith. "It went well." She left at 5 p.m. on Monday. Done'
    assert texts(text, sentences(text)) == [
        "Cllr. Jo Bell met Mr. J. Smith.", '"It went well."', "She left at 5 p.m. on Monday.", "Done",
    ]
    assert sentence_ends(text)[0] == len("Cllr. Jo Bell met Mr. J. Smith.")


def test_bullet_markers():
    for line in ("• item", "◼ item", "- item", "* item", "1. item", "26. item", "a) item", "(iv) item",
                 "\uf0a7 item"):
        assert BULLET_RE.match(line), line
    for line in ("-item", "1.5 million", "e.g. this", "Overall", "2023 was"):
        match = BULLET_RE.match(line)
        assert not match or match.end() == 0, line


def test_word_count():
    assert word_count("We’re pleased, it's a well-run co-op of 12 staff.") == 9


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_spans_are_ordered_trimmed_and_inside(text):
    previous_end = 0
    for start, end in paragraphs(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for s_start, s_end in sentences(text, start, end):
            assert start <= s_start < s_end <= end
        previous_end = end
