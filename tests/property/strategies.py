"""Hypothesis strategies: documents in the language of inspections, and text made to break parsers.

``documents`` joins pieces of the way inspections are reported (ratings in
every era's words, quotes with speakers, dates, statistics, "What needs to
improve" lists, headings, furniture) with random and adversarial text, so the
rules see both what they are for and what they must survive.
"""

from __future__ import annotations

from hypothesis import strategies as st

from importers.extract import DocContext
from importers.model import DOCUMENT_KINDS

COUNCILS = ("Kent County Council", "Leeds City Council", "Barnet", "Isle of Wight Council", "Tower Hamlets")
RATING_PHRASES = (
    "rated 'good'", "judged to be inadequate", "rated \u2018requires improvement to be good\u2019",
    "graded \u201coutstanding\u201d", "performs poorly", "performs excellently", "found to be adequate",
    "a rating of 'inadequate'", "its first 'good'", "from 'requires improvement' to 'good'", "downgraded to inadequate",
    "not yet good", "good progress", "could be rated inadequate", "Overall effectiveness: Good",
    "The experiences and progress of children in care\nRequires improvement to be good",
)
FRAGMENTS = (
    *(f"{council}'s children's services were " for council in COUNCILS),
    *RATING_PHRASES,
    " by Ofsted in March 2019. ", " in 2014. ", " following an inspection on 11 and 12 February 2025. ",
    "\u201cWe are proud of our staff,\u201d said Jane Smith, director of children's services. ",
    "\"We will not be complacent,\" the council's leader, Cllr Ann Jones, said. ",
    "Councillor Bob Lee said: \u201cThis is a watershed moment.\n\n\u201cWe have worked hard.\u201d ",
    "\u2018unbalanced quote ", "\u201d stray close ", "'", "\"", "\u201c", "\u2019s ",
    "47 per cent of children ", "within 15 working days ", "\u00a31.2 million ", "1,234 referrals ",
    "\n\nWhat needs to improve\n\n", "\n\nWhat needs to improve in this area\n", "- the quality of supervision\n",
    "\u2022 the timeliness of assessments\n", "1. Management oversight of casework.\n",
    "\n\nInspection of children's social care services\n\n", "Inspection dates: 8 to 19 May 2023\n",
    "Lead inspector: Mary Brown, Her Majesty's Inspector\n", "This focused visit ", "The unannounced inspection ",
    "Page 3 of 12\n", "www.gov.uk/ofsted\n", "Ofsted\nPiccadilly Gate\n",
    "\n", "\n\n", " ", ". ", ", ", "; ", ": ", "(", ")", "[", "]", "31 February 2020 ", "2099 ", "0 ",
    "Judgement Grade\nOverall effectiveness Inadequate\n",
)
# Text that has broken parsers before: controls, escapes, markup, combining marks,
# right-to-left and bidi overrides, surrogate-range look-alikes, lone punctuation.
ADVERSARIAL = (
    "\x00", "\x1b[31m", "\x1b]52;c;eA==\x07", "\x07", "\x08", "\r", "\r\n", "\t", "\x0c", "\x85", "\u2028", "\u2029",
    "[b]", "[/x]", "[@click=app.quit]", "[link=http://x]", "e\u0301", "\u0301", "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u062c\u0644\u0633", "\u202e", "\u2066", "\u200b", "\ufeff", "\ufffd", "\U0001f600", "\u00a0", "\u3000",
    "\u0130", "\u1e9e", "\ufb01", "\u2163", "\uff27\uff4f\uff4f\uff44", "GOOD", "Good.", "good)", "(good",
)

texts = st.text(max_size=400)
fragment_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(ADVERSARIAL), st.text(max_size=12)),
    max_size=40,
).map("".join)
any_text = st.one_of(texts, fragment_texts)


@st.composite
def contexts(draw, text_length: int = 2000) -> DocContext:
    year = draw(st.one_of(st.none(), st.integers(1990, 2030)))
    month = draw(st.one_of(st.none(), st.integers(1, 12))) if year else None
    furniture = draw(st.lists(st.tuples(st.integers(0, text_length), st.integers(0, 200)), max_size=3))
    return DocContext(
        authority=draw(st.one_of(st.none(), st.sampled_from(COUNCILS))),
        published=(year, month, None),
        kind=draw(st.sampled_from(DOCUMENT_KINDS)),
        furniture=[(start, start + length) for start, length in furniture],
    )


# Whole documents for the store: a headline, then paragraphs of fragments.
paragraphs = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map("".join)
documents = st.builds(
    lambda council, rating, body: f"{council}'s children's services were {rating} by Ofsted in 2019.\n\n{body}\n",
    st.sampled_from(COUNCILS), st.sampled_from(RATING_PHRASES[:6]), paragraphs,
)
