"""A read model of the store: documents, facts and events indexed for lookups.

Built once from a ``StoreData`` snapshot (plain dicts), it answers everything
the CLI and the app ask without touching the store again. Corrections from
annotations are applied here, so every view shows the corrected values.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ofsted_core.annotations import apply_corrections
from ofsted_core.bulk import Bulk, BulkError
from ofsted_core.search import SearchHit, SearchIndex
from ofsted_core.store import Store, StoreData, StoreError

__all__ = ["Corpus", "document_corpus", "load_corpus", "search_store"]

log = logging.getLogger(__name__)


@dataclass(repr=False, eq=False)
class Corpus:
    documents: dict[str, dict[str, Any]]
    facts: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]
    annotations: list[dict[str, Any]]
    # False while only the timeline's tables have been read (Store.read_timeline).
    complete: bool = True
    # The bulk file whose full-text index serves search (None: documents not read from a store).
    bulk: Path | None = None
    # The snapshot this was built from (corrections not applied): an annotation's
    # write starts from it rather than reading the store again.
    data: StoreData | None = None

    # A corpus is passed to thread workers, and Textual's @work describes a worker
    # by the repr of its arguments: the dataclass repr of 10,000 documents built a
    # string of hundreds of megabytes on the screen's thread. Equality is identity
    # for the same reason (a reactive compares old and new values).
    def __repr__(self) -> str:
        return (f"<Corpus{'' if self.complete else ' (timeline only)'}: {len(self.documents)} documents, {len(self.facts)} facts, "
                f"{len(self.events)} events, {len(self.annotations)} annotations>")

    @classmethod
    def from_data(cls, data: StoreData, previous: Corpus | None = None) -> Corpus:
        """The read model of ``data``; ``previous``, the corpus ``data`` was written from, lends what is unchanged.

        After a note or bookmark (a write that hands back the same document and
        fact rows, with the same corrections), the documents, facts and their
        per-document lookup are the previous corpus's: rebuilding the 300,000
        facts of 10,000 documents was most of what a note cost the screen.
        """
        if previous is not None and _same_rows(previous, data):
            corpus = cls(documents=previous.documents, facts=previous.facts, events=list(data.events),
                         annotations=list(data.annotations), complete=data.complete, bulk=data.bulk, data=data)
            if "_facts_by_doc" in previous.__dict__:
                corpus.__dict__["_facts_by_doc"] = previous.__dict__["_facts_by_doc"]
            return corpus
        docs, facts = apply_corrections(data)
        return cls(
            documents={d["id"]: d for d in docs},
            facts={f["id"]: f for f in facts},
            events=list(data.events),
            annotations=list(data.annotations),
            complete=data.complete,
            bulk=data.bulk,
            data=data,
        )

    # -- indexes, each built on first use ------------------------------------
    @cached_property
    def _facts_by_doc(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in self.facts.values():
            out[fact["doc_id"]].append(fact)
        for facts in out.values():
            facts.sort(key=lambda f: (f["span"][0], f["span"][1]))
        return dict(out)

    @cached_property
    def _notes_by_doc(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for note in self.annotations:
            out[note.get("doc_id")].append(note)
        return dict(out)

    @cached_property
    def search_index(self) -> SearchIndex:
        """The store's persisted index, opened; one in memory where it cannot be used.

        An index found short of rows is rebuilt from the bulk rows first.
        """
        if self.bulk is not None and self.documents:
            store_bulk = Bulk(self.bulk)
            try:
                store_bulk.repair_index()
                return SearchIndex.opened(store_bulk.open_for_search(), set(self.documents),
                                          lambda doc_id: self.documents[doc_id]["text"])
            except BulkError as exc:
                log.warning("%s: %s; searching an index built in memory", exc.path, exc.reason)
        return SearchIndex(self.documents.values())

    def build_lookups(self) -> None:
        """Build the per-document lookups now (in a loading thread), not on the screen's first use."""
        self._facts_by_doc  # noqa: B018 - cached on first access
        self._notes_by_doc  # noqa: B018

    # -- lookups -------------------------------------------------------------
    def facts_of(self, doc_id: str, type_: str | None = None) -> list[dict[str, Any]]:
        facts = self._facts_by_doc.get(doc_id, [])
        return [f for f in facts if f["type"] == type_] if type_ else list(facts)

    def annotations_of(self, doc_id: str) -> list[dict[str, Any]]:
        return list(self._notes_by_doc.get(doc_id, []))

    def find_document(self, ref: str) -> dict[str, Any] | None:
        """A document by id, unique id prefix, or source path."""
        if ref in self.documents:
            return self.documents[ref]
        matches = [d for d in self.documents.values() if d["id"].startswith(ref) or d["source"] == ref]
        return matches[0] if len(matches) == 1 else None

    def events_of(self, doc_id: str) -> list[dict[str, Any]]:
        return [e for e in self.events if doc_id in e["doc_ids"]]

    def sorted_documents(self) -> list[dict[str, Any]]:
        """Dated documents oldest first (by publication, else inspection), then undated ones by title."""
        def key(doc: dict[str, Any]) -> tuple:
            date = doc.get("published") or doc.get("inspected_end")
            return (date is None, date or "", (doc.get("title") or doc["source"]).lower())
        return sorted(self.documents.values(), key=key)


def _corrections(annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [note for note in annotations if note.get("kind") == "correction"]


def _same_rows(previous: Corpus, data: StoreData) -> bool:
    """Whether ``data`` holds the very rows ``previous`` was built from, corrected alike."""
    before = previous.data
    return (before is not None and previous.complete and data.complete
            and data.documents is before.documents and data.facts is before.facts
            and _corrections(data.annotations) == _corrections(before.annotations))


def load_corpus(store: Store, only: set[str] | None = None) -> Corpus:
    """The store as a corpus; with ``only``, just those documents (and every event and annotation)."""
    return Corpus.from_data(store.read(only=only))


def _lookup_corpus(store: Store, index: StoreData, doc_ids: set[str]) -> Corpus:
    """A corpus of the documents ``doc_ids`` read whole, with every event and note of ``index`` (``read_index``)."""
    rows = [row for row in index.documents if row["id"] in doc_ids]
    documents, facts = store.read_documents(rows)
    return Corpus.from_data(StoreData(documents=documents, facts=facts, events=index.events,
                                      annotations=index.annotations, bulk=index.bulk))


def _whole_store(index: StoreData) -> bool:
    # A store of an older schema is read whole by read_index: its rows carry their text.
    return not index.documents or "text" in index.documents[0]


def document_corpus(store: Store, doc_id: str, index: StoreData | None = None) -> Corpus:
    """What a document's page needs: the document, those its facts link to (for their titles), every event and note.

    db.json is parsed once (or not at all, given ``index``, what ``read_index`` gave): the linked
    documents are read by lookup from the same catalogue.
    """
    index = index if index is not None else store.read_index()
    if _whole_store(index):
        return Corpus.from_data(index)
    corpus = _lookup_corpus(store, index, {doc_id})
    linked = {link.get("doc_id") for fact in corpus.facts_of(doc_id) for link in fact.get("source_links") or ()}
    linked.discard(doc_id)
    return _lookup_corpus(store, index, {doc_id, *linked}) if linked else corpus


def search_store(store: Store, query: str, limit: int = 50) -> tuple[Corpus, list[SearchHit]]:
    """The best ``limit`` hits for ``query`` from the store's persisted index, and a corpus of their documents.

    Only the catalogue (parsed once) and the hits' documents are read: a
    search from the command line costs the query, not the store's size. A
    store without a usable index (an older schema, no bulk file yet) is read
    whole and searched.
    """
    index = store.read_index()
    if _whole_store(index):
        corpus = Corpus.from_data(index)
        return corpus, corpus.search_index.search(query, limit=limit)
    bulk = Bulk(store.bulk.path)

    def text_of(doc_id: str) -> str:
        return bulk.read_some([doc_id], [])[0][doc_id][0]

    try:
        bulk.repair_index()
        fulltext = SearchIndex.opened(bulk.open_for_search(), {row["id"] for row in index.documents}, text_of)
    except BulkError as exc:
        raise StoreError(exc.path, exc.reason) from None
    hits = fulltext.search(query, limit=limit)
    return _lookup_corpus(store, index, {hit.doc_id for hit in hits}), hits
