"""A lookup of a few documents (``show``, ``search``) parses db.json once and reads as a whole read does."""

from __future__ import annotations

import pytest

from ofsted_core.bulk import Bulk
from ofsted_core.corpus import document_corpus, load_corpus, search_store
from ofsted_core.importing import import_paths
from ofsted_core.store import Store, StoreError
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(tmp_path / "db.json")
    assert import_paths(store, list(map(str, SEEDS))).ok
    return store


def test_a_document_s_page_is_what_a_whole_read_gives(store, parses):
    whole = load_corpus(store)
    parses.clear()
    for doc_id in whole.documents:
        shown = document_corpus(store, doc_id)
        assert shown.documents[doc_id] == whole.documents[doc_id]
        assert shown.facts_of(doc_id) == whole.facts_of(doc_id)
        assert shown.events == whole.events and shown.annotations == whole.annotations
        for fact in shown.facts_of(doc_id):  # the documents its facts link to are there, for their titles
            assert {link["doc_id"] for link in fact.get("source_links") or ()} <= set(shown.documents)
    # The whole read made the lookup file; while it matches db.json's bytes, db.json is not parsed again.
    assert not parses


def test_a_search_parses_the_store_once_and_reads_only_its_hits(store, parses, monkeypatch):
    whole = load_corpus(store)
    word = whole.text_of(next(iter(whole.documents))).split()[0]
    parses.clear()
    read: list[str] = []
    real = Bulk.read_some
    monkeypatch.setattr(Bulk, "read_some", lambda self, ids, keys: real(self, [read.append(i) or i for i in ids], keys))
    corpus, hits = search_store(store, word)
    assert [h.snippet for h in hits]  # the snippets are cut from the hits' texts
    assert not parses  # the lookup file the whole read made serves it
    assert hits and set(read) == {hit.doc_id for hit in hits}
    assert all(corpus.documents[h.doc_id] == whole.documents[h.doc_id] for h in hits)


def test_a_damaged_fact_of_the_document_looked_up_is_reported_not_shown(store):
    with store.transaction() as data:
        fact = data.facts[0]
        fact["span"] = [0, 10**9]
        data.changed = True
    with pytest.raises(StoreError) as raised:
        document_corpus(store, fact["doc_id"])
    assert "'facts'" in raised.value.reason and "damaged" in raised.value.reason


def test_after_a_note_the_corpus_shown_reuses_the_unchanged_rows_and_matches_a_fresh_one(store):
    from ofsted_core.annotations import Change, change_annotations, make_annotation
    from ofsted_core.corpus import Corpus

    shown = store.read()
    before = Corpus.from_data(shown)
    before.build_lookups()
    doc = shown.documents[0]
    fact = next(f for f in shown.facts if f["doc_id"] == doc["id"])
    written, _ = change_annotations(store, Change(add=(make_annotation("note", doc, body="ask"),)), shown)
    after = Corpus.from_data(written, before)
    assert after.rows is before.rows and after.documents is before.documents
    fresh = Corpus.from_data(store.read())
    assert after.facts_of(doc["id"]) == fresh.facts_of(doc["id"])
    assert [n["body"] for n in after.annotations_of(doc["id"])] == ["ask"] == [n["body"] for n in fresh.annotations_of(doc["id"])]
    # A correction changes the rows shown: they are built again, corrected.
    corrected, _ = change_annotations(store, Change(add=(make_annotation(
        "correction", doc, fact=fact, facts=after.facts_of(doc["id"]), field="year", value=1999),)), written)
    again = Corpus.from_data(corrected, after)
    assert again.documents is not after.documents and again.fact(fact["id"])["year"] == 1999


def test_show_parses_db_json_once_for_the_name_and_the_page(store, parses):
    from ofsted_core.library import Library

    library = Library(store)
    doc = library.documents()[0]
    store.lookup_path.unlink()  # as another writer leaves it: made again by this lookup, from one parse
    parses.clear()
    shown = library.document(doc["id"][:8])
    assert shown.document["id"] == doc["id"] and shown.document["text"]
    assert len(parses) == 1
