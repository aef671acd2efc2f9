"""The benchmark corpus generator: deterministic, national, and real work for the importer."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.corpusgen import generate, long_report_count
from benchmarks.corpusgen.history import COUNCILS, GRADED, LETTERED, REPORTED
from benchmarks.corpusgen.words import GRADE
from importers.authorities import AUTHORITIES, FORMER_AUTHORITIES
from importers.pipeline import import_file

ROTATION = len(COUNCILS) + 6  # every council once, and the six abolished since 2005


@pytest.fixture(scope="module")
def two_rounds():
    return list(generate(2 * ROTATION, seed=1))


def test_same_count_and_seed_give_the_same_documents_byte_for_byte():
    first = [(d.path, d.text) for d in generate(40, seed=7)]
    again = [(d.path, d.text) for d in generate(40, seed=7)]
    other = [(d.path, d.text) for d in generate(40, seed=8)]
    assert first == again
    assert first != other


def test_a_longer_corpus_starts_with_the_shorter_one():
    # Documents are drawn in order, so 1,000 and 10,000 share their opening.
    short = [(d.path, d.text) for d in generate(30, seed=1)]
    longer = [(d.path, d.text) for d in generate(60, seed=1)]
    assert longer[:30] == short


def test_every_current_council_is_written_about(two_rounds):
    assert len(COUNCILS) == 153
    assert set(COUNCILS) == set(AUTHORITIES) - FORMER_AUTHORITIES
    assert {d.council for d in two_rounds} >= set(COUNCILS)


def test_the_mix_holds_news_letters_reports_and_every_regime(two_rounds):
    kinds = Counter(d.kind for d in two_rounds)
    assert kinds["news"] > kinds["ofsted_letter"] > kinds["ofsted_report"] > 0
    regimes = {d.regime for d in two_rounds}
    assert regimes >= (GRADED | REPORTED | LETTERED) - {"jtai"}


def test_long_reports_are_few_and_long():
    assert long_report_count(1000) == 1 and long_report_count(10000) == 5
    longs = [d for d in generate(200, seed=1) if d.long]
    assert len(longs) == 1
    assert longs[0].kind == "ofsted_report" and len(longs[0].text) > 150_000


def test_rating_words_appear_as_judgements_and_as_decoys(two_rounds):
    text = "\n".join(d.text for d in two_rounds)
    for judging in ("rated ", "judged ", "Overall effectiveness", "performs poorly", "requires improvement to be good"):
        assert judging in text
    for decoy in ("good progress", "good help", "good quality", "poor housing"):
        assert decoy in text


def test_documents_import_with_the_facts_they_were_written_with(two_rounds, tmp_path):
    # One document of each kind and regime (the long report aside: it is slow to extract).
    sample, seen = [], set()
    for doc in two_rounds:
        key = (doc.kind, doc.regime)
        if key not in seen and not doc.long:
            seen.add(key)
            sample.append(doc)
    assert len(sample) >= 12
    for doc in sample:
        path = tmp_path / doc.path
        path.parent.mkdir(exist_ok=True)
        path.write_text(doc.text, encoding="utf-8")
        imported = import_file(path)
        types = Counter(f.type for f in imported.facts)
        assert imported.authority == doc.council, doc.path
        assert types["date"] > 0, doc.path
        if doc.grades:  # it reports a graded inspection: the extractor must find a grade it gave
            # Compared by grade: "performs well" (2009-11) and "good" are both grade 2.
            found = {f.fields.get("grade") for f in imported.facts if f.type == "judgement"}
            assert found & {GRADE[r] for r in doc.grades.values()}, (doc.path, found, doc.grades)
