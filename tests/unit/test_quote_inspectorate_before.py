"""Who said a quote (issue 11, fourteenth round): the inspectorate named last before a quote in
its own sentence, by a verb or phrase of saying the rules do not list ("Ofsted acknowledge that",
"The report made clear that", "with the report finding:", "Highlights of the report included").

The rule was written from dev pages (Bradford Council's news, Oxfordshire County Council's news,
John Brace's Wirral blog); it is checked here on a dev page it was not written from.
"""

from __future__ import annotations

from importers.extract import DocContext
from importers.extract.quotes import extract
from importers.sanitize import clean_text
from tests.paths import prose_text
from tests.unit.test_quote_speakers import speakers


def _speaker(text: str, opening: str, kind: str = "news") -> str | None:
    found = [f for f in extract(clean_text(text), DocContext(kind=kind)) if f.fields["text"].startswith(opening)]
    assert found, f"no quote opening {opening!r}"
    return found[0].fields["speaker"]


def test_the_report_named_last_before_a_quote_in_its_sentence_speaks():
    # The Argus on Brighton and Hove (dev): "Highlights of the report included “skilled and
    # knowledgeable social workers” who know their children well".
    text = prose_text("undated-theargus-brighton-hove-outstanding.txt")
    assert _speaker(text, "skilled and knowledgeable social workers") == "Ofsted"


def test_a_person_named_after_the_inspectorate_is_not_passed_over():
    # The inspectorate is only the speaker where nobody else stands between it and the quote.
    found = speakers("After the Ofsted report, council leader Jane Smith promised “a full review "
                     "of how every case is allocated”.")
    assert found.get("a full review of how") != "Ofsted"


def test_the_inspectorate_before_an_unlisted_phrase_of_saying_speaks():
    found = speakers("Ofsted made it plain that “children wait too long for an assessment of their needs”.")
    assert found["children wait too long for"] == "Ofsted"
