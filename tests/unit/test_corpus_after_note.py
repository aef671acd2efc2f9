"""A corpus written by a note lends the one before its search index; one with other documents opens its own."""

from __future__ import annotations

from pathlib import Path

from ofsted_core.annotations import Change, change_annotations, make_annotation
from ofsted_core.corpus import Corpus, load_corpus
from tests.ui.sample import build


def test_a_note_keeps_the_index_and_it_serves_the_new_corpus(tmp_path: Path) -> None:
    store = build(tmp_path / "db.json")
    corpus = load_corpus(store)
    index = corpus.search_index
    assert index.matching("haringey good") and corpus.dataset_ids == frozenset()
    doc = corpus.documents["h2023news"]
    written, undo = change_annotations(store, Change(add=(make_annotation("bookmark", doc),)), corpus.data)
    after = Corpus.from_data(written, corpus)
    assert after.search_opened and after.search_index is index
    assert after.search_index.matching("haringey good") == index.matching("haringey good")
    hit = after.search_index.search("watershed", limit=1)[0]
    assert hit.doc_id == "h2023news" and "watershed" in hit.snippet


def test_other_documents_get_an_index_of_their_own(tmp_path: Path) -> None:
    store = build(tmp_path / "db.json")
    corpus = load_corpus(store)
    index = corpus.search_index
    with store.transaction() as data:
        data.documents[:] = [d for d in data.documents if d["id"] != "h2023news"]
        data.facts[:] = [f for f in data.facts if f["doc_id"] != "h2023news"]
    again = load_corpus(store)
    assert not again.search_opened
    assert again.search_index is not index and "h2023news" not in again.search_index.matching("watershed")
