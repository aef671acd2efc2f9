"""The summaries of a document's facts: what the explorer's first screen reads instead of the facts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ofsted_core.annotations import Change, change_annotations, make_annotation
from ofsted_core.corpus import Corpus, load_corpus
from ofsted_core.fact_summary import QUOTE_WORDS, summarise
from ofsted_core.filters import FACETS, FacetIndex, Filters
from ofsted_core.store import Store
from tests.ui.sample import build


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return build(tmp_path / "db.json")


def _facets(index: FacetIndex) -> dict[str, list[tuple[str, int, int]]]:
    result = index.apply(Filters())
    return {facet.name: [(v.value, v.events, v.documents) for v in result.facets[facet.name]] for facet in FACETS}


def test_a_summary_counts_types_and_keeps_grades_eras_speakers_and_quotes():
    words = " ".join(f"w{i}" for i in range(QUOTE_WORDS + 5))
    summary = summarise([
        {"id": "d-1", "type": "judgement", "grade": 2, "era": "ilacs", "year": 2021},
        {"id": "d-2", "type": "judgement", "grade": None, "era": "ilacs", "year": 2019},
        {"id": "d-3", "type": "judgement", "grade": 4, "era": "sif", "year": None},
        {"id": "d-4", "type": "quote", "text": words, "speaker": "A Director"},
        {"id": "d-5", "type": "quote", "text": "unsaid", "speaker": None},
        {"id": "d-6", "type": "date"},
    ])
    assert summary["counts"] == {"judgement": 3, "quote": 2, "date": 1}
    assert summary["grades"] == ["2", "4"]  # a judgement without a grade gives none
    assert summary["eras"] == {"ilacs": 2019, "sif": None}  # the first year any judgement gives
    assert summary["speakers"] == ["A Director"]
    assert summary["quotes"][0] == ["d-4", " ".join(words.split()[:QUOTE_WORDS]), "A Director"]
    assert summary["quotes"][1] == ["d-5", "unsaid", None]


def test_the_facets_from_summaries_are_those_from_the_facts(store: Store):
    whole = Corpus.from_data(store.read())
    lazy = load_corpus(store)
    assert _facets(FacetIndex.from_corpus(lazy)) == _facets(FacetIndex.from_corpus(whole))
    assert _facets(FacetIndex.from_corpus(lazy))["speakers"]  # the sample quotes someone


def test_a_corrected_rating_reaches_the_summary_without_a_fact_read_for_the_others(store: Store):
    whole = Corpus.from_data(store.read())
    doc_id, fact = next((d, f) for d in whole.documents for f in whole.facts_of(d, "judgement")
                        if f.get("grade") != 4)
    doc = whole.document(doc_id)
    note = make_annotation("correction", doc, fact=fact, facts=whole.facts_of(doc_id), field="rating",
                           value="inadequate")
    change_annotations(store, Change(add=(note,)))
    lazy = load_corpus(store)
    assert "4" in lazy.summary_of(doc_id)["grades"]
    assert _facets(FacetIndex.from_corpus(lazy)) == _facets(FacetIndex.from_corpus(Corpus.from_data(store.read())))


def test_a_bulk_file_without_summaries_gains_them_when_read(store: Store):
    expected = load_corpus(store).summaries
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("DROP TABLE summaries")
    db.close()
    assert load_corpus(store).summaries == expected  # made from the facts
    with sqlite3.connect(store.bulk.path) as db:
        held = db.execute("SELECT count(*) FROM summaries").fetchone()[0]
    db.close()
    assert held == len({row["facts_key"] for row in store.read_catalogue()})


def test_a_bulk_file_held_by_a_writer_is_read_without_waiting_and_gains_no_summaries(store: Store):
    expected = load_corpus(store).summaries
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("DROP TABLE summaries")
    db.close()
    writer = sqlite3.connect(store.bulk.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process writing: no second writer may start
        assert load_corpus(store).summaries == expected
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with sqlite3.connect(store.bulk.path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'summaries'").fetchone() is None
    db.close()


def test_a_write_collects_the_summaries_of_facts_it_collects(store: Store):
    gone_key = store.read_catalogue()[-1]["facts_key"]
    with store.transaction() as data:
        gone = data.documents.pop()
        data.facts[:] = [f for f in data.facts if f["doc_id"] != gone["id"]]
    with store.transaction():
        pass  # a second write: the first kept what the file it replaced named
    with sqlite3.connect(store.bulk.path) as db:
        held = {row[0] for row in db.execute("SELECT key FROM summaries")}
        facts = {row[0] for row in db.execute("SELECT key FROM facts")}
    db.close()
    assert held == facts == {row["facts_key"] for row in store.read_catalogue()}
    assert gone_key not in held
