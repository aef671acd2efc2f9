"""Random and adversarial text: extraction never raises, every fact says what its span holds.

For every fact: the span lies inside the text, is not empty, and the text at
the span is what the fact claims (the rating as written, the quoted words, the
date or figure as printed, the person's name or part of it, the improvement
item). The same holds through the whole importer, from raw bytes on disk.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.extract import extract_facts
from importers.model import Fact, ImporterError
from importers.pipeline import import_file
from importers.sanitize import clean_text
from importers.vocabulary import RATINGS, normalise_rating
from tests.property.strategies import any_text, contexts, fragment_texts

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUOTE_MARKS = re.compile("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\x1b]")


def _words(value: str) -> str:
    """Words without quotation marks: a quote spanning paragraphs drops each paragraph's opening mark."""
    return " ".join(QUOTE_MARKS.sub(" ", value).split())


def check_fact(text: str, fact: Fact) -> None:
    start, end = fact.span
    assert 0 <= start < end <= len(text), f"{fact.type} span {fact.span} outside a text of {len(text)}"
    at = text[start:end]
    if fact.type == "judgement":
        assert fact.get("rating_text") == at
        assert fact.get("rating") in RATINGS and normalise_rating(at) == fact.get("rating")
        assert fact.get("grade") == RATINGS[fact.get("rating")].grade
    elif fact.type == "quote":
        assert _words(at) == _words(fact.get("text") or ""), (at, fact.get("text"))
    elif fact.type in ("date", "statistic"):
        assert fact.get("text") == at
        if fact.type == "statistic":
            assert any(ch.isdigit() for ch in at)  # "£1k" is 1000: the value itself may be written otherwise
    elif fact.type == "person":
        assert fact.get("name") and set(at.split()) <= set(fact.get("name").split()), (at, fact.get("name"))
    elif fact.type == "improvement":
        assert " ".join(at.split()) == " ".join((fact.get("text") or "").split())
    else:
        assert at.strip()


@PROPERTY
@given(text=any_text, ctx=contexts())
def test_extraction_never_raises_and_every_span_holds_its_claim(text, ctx):
    for fact in extract_facts(text, ctx):
        check_fact(text, fact)


@PROPERTY
@given(text=fragment_texts, ctx=contexts())
def test_clean_text_through_extraction(text, ctx):
    # What the importer really hands the rules: sanitised text.
    clean = clean_text(text)
    for fact in extract_facts(clean, ctx):
        check_fact(clean, fact)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), fragment_texts))
def test_sanitised_text_holds_no_control_and_is_stable(text):
    clean = clean_text(text)
    assert not CONTROL.search(clean.replace("\n", "").replace("\t", ""))
    assert clean_text(clean) == clean


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.one_of(fragment_texts, st.binary(max_size=300)),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_importing_any_file_gives_a_document_or_a_reason(body, encoding, suffix):
    raw = body if isinstance(body, bytes) else body.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(raw)
        try:
            doc = import_file(path)
        except ImporterError as exc:
            assert exc.reason.strip()
            return
    assert doc.text.strip() and not CONTROL.search(doc.text.replace("\n", "").replace("\t", ""))
    for fact in doc.facts:
        check_fact(doc.text, fact)
