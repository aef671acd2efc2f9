"""After a note, bookmark or correction the facet index is remade from the one before, for the documents touched.

Each case compares ``FacetIndex.updated`` with an index built from nothing on
the same corpus: every facet value's counts, and what each filter lets through.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from ofsted_core import filters
from ofsted_core.annotations import rebuild_events
from ofsted_core.corpus import Corpus
from ofsted_core.filters import FACETS, FacetIndex, Filters
from ofsted_core.store import StoreData


def _doc(doc_id, authority, kind, published, publisher="Ofsted"):
    return {"id": doc_id, "source": f"{doc_id}.txt", "title": doc_id.upper(), "kind": kind, "publisher": publisher,
            "authority": authority, "published": published, "text": "", "furniture": []}


def _judgement(fact_id, doc_id, rating, grade, year, era="sif"):
    return {"id": fact_id, "doc_id": doc_id, "type": "judgement", "rating": rating, "grade": grade, "era": era,
            "year": year, "month": 2, "authority": None, "span": [0, 4], "judgement_type": "overall"}


DOCS = [
    _doc("r1", "Haringey", "ofsted_report", "2014-02-03"),
    _doc("n1", "Haringey", "news", "2014-03", publisher="BBC"),
    _doc("r2", "Camden", "ofsted_report", "2019-05-01"),
    _doc("n2", "Camden", "news", "2019-06-01", publisher="Ham & High"),
]
FACTS = [
    _judgement("f1", "r1", "requires improvement", 3, 2014),
    _judgement("f2", "r2", "good", 2, 2019, era="ilacs"),
    {"id": "f3", "doc_id": "n1", "type": "quote", "speaker": "Cllr Jane Doe", "span": [5, 9]},
]
NOTES = [{"id": "a1", "kind": "bookmark", "doc_id": "n2"}, {"id": "a2", "kind": "note", "doc_id": "r2", "body": "x"}]


def _corpus(annotations, previous=None):
    data = StoreData(documents=DOCS, facts=FACTS, annotations=annotations)
    data = replace(data, events=rebuild_events(data))
    return Corpus.from_data(data, previous)


def _answers(index: FacetIndex) -> dict:
    """What the index says: for no filter and for each facet value chosen alone, the rows and every count."""
    def one(chosen: Filters) -> tuple:
        result = index.apply(chosen)
        counts = {f.name: [(v.value, v.events, v.documents) for v in result.facets[f.name]] for f in FACETS}
        return [e["id"] for e in result.events], [d["id"] for d in result.documents], counts

    out = {"": one(Filters())}
    for f in FACETS:
        for value in index.values(f.name):
            out[f"{f.name}={value}"] = one(Filters().toggled(f.name, value))
    return out


def _marks(index: FacetIndex) -> dict[str, tuple[int, int]]:
    return {v.value: (v.events, v.documents) for v in index.apply(Filters()).facets["marks"]}


@pytest.fixture
def before():
    corpus = _corpus(NOTES)
    return corpus, FacetIndex.from_corpus(corpus)


def test_a_bookmark_counts_at_once_without_reading_the_facts_again(before, monkeypatch):
    corpus, index = before
    after = _corpus([*NOTES, {"id": "a3", "kind": "bookmark", "doc_id": "r1"}], corpus)
    # A note or bookmark changes no document or fact: none is read again.
    monkeypatch.setattr(filters._SummaryOf, "of", lambda *a: pytest.fail("facts read again"))
    updated = FacetIndex.updated(index, after)
    monkeypatch.undo()
    assert _marks(index)["bookmark"] == (0, 1)  # n2 bookmarked, a news story supporting no event
    assert _marks(updated)["bookmark"] == (1, 2)  # and now r1, supporting Haringey's 2014 inspection
    assert _answers(updated) == _answers(FacetIndex.from_corpus(after))
    assert _marks(index)["bookmark"] == (0, 1)  # the index shown before is left as it was


def test_removing_the_last_note_drops_its_facet_value(before):
    corpus, index = before
    after = _corpus([n for n in NOTES if n["kind"] != "note"], corpus)
    updated = FacetIndex.updated(index, after)
    assert "note" not in updated.values("marks")
    assert _answers(updated) == _answers(FacetIndex.from_corpus(after))


def test_a_correction_rereads_only_the_document_it_corrects(before, monkeypatch):
    corpus, index = before
    # The report r2 moved to another council, and its rating corrected: its council's events are rebuilt.
    corrections = [
        {"id": "a4", "kind": "correction", "doc_id": "r2", "field": "authority", "value": "Islington"},
        {"id": "a5", "kind": "correction", "doc_id": "r2", "fact_id": "f2", "field": "rating", "value": "inadequate"},
    ]
    after = _corpus([*NOTES, *corrections], corpus)
    read: list[str] = []
    real = filters._SummaryOf.of

    def counted(self, doc_id):  # type: ignore[no-untyped-def]
        read.append(doc_id)
        return real(self, doc_id)

    monkeypatch.setattr(filters._SummaryOf, "of", counted)
    updated = FacetIndex.updated(index, after)
    monkeypatch.undo()
    assert set(read) == {"r2"}
    fresh = FacetIndex.from_corpus(after)
    assert _answers(updated) == _answers(fresh)
    islington = updated.apply(Filters().toggled("authorities", "Islington"))
    assert [d["id"] for d in islington.documents] == ["r2"]
    assert {v.value: v.documents for v in islington.facets["grades"]}["4"] == 1


def test_documents_whose_annotations_differ():
    changed = filters._annotated_differently(
        NOTES, [NOTES[0], {**NOTES[1], "body": "edited"}, {"id": "a9", "kind": "note", "doc_id": "n1"}])
    assert changed == {"r2", "n1"}
    assert filters._annotated_differently(NOTES, list(NOTES)) == set()
