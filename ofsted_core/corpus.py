"""A read model of the store: the catalogue, events and annotations, with each document's text and facts on demand.

Built from a ``StoreData`` snapshot (plain dicts), it answers everything the
CLI and the app ask without reading the whole store again. ``documents`` holds
catalogue rows (every field of a document but its text, furniture and page
starts); a document's text and facts are read when asked for (``document``,
``text_of``, ``facts_of``), one document at a time through a small cache, so
what start-up and memory cost follows the catalogue and the events, not the
texts. What the first screen needs of every document's facts comes from their
summaries (``ofsted_core.fact_summary``), stored beside them. A snapshot that
carries its texts (a store of an older schema, tests) is served from memory
through the same methods. Corrections from annotations are applied here, so
every view shows the corrected values.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, cast

from importers.model import DATASET_KIND
from ofsted_core.annotations import apply_corrections
from ofsted_core.bulk import Bulk, BulkError
from ofsted_core.document_order import document_order
from ofsted_core.fact_summary import FactSummary, summarise
from ofsted_core.search import SearchHit, SearchIndex
from ofsted_core.store import BULK_FIELDS, FACTS_KEY, Store, StoreData, StoreError

__all__ = ["CACHED_DOCUMENTS", "Corpus", "document_corpus", "lazy_snapshot", "load_corpus", "search_store"]

log = logging.getLogger(__name__)

# Documents whose text and facts are kept once read: the reader, the document
# it links to and back, and a page of search snippets, without holding a large
# report for every one ever opened.
CACHED_DOCUMENTS = 64

Row = dict[str, Any]


class _Rows(Protocol):
    """Where a document's whole row (text, furniture, page starts) and its facts come from, uncorrected."""

    store: Store | None  # the store read from; None for rows held in memory

    def rows_of(self, doc_id: str) -> tuple[Row, list[Row]] | None: ...

    def text_of(self, doc_id: str) -> str | None: ...

    def summaries(self) -> dict[str, FactSummary]: ...

    def all_rows(self) -> Iterator[tuple[Row, list[Row]]]: ...


class _InMemory:
    """Rows of a snapshot that carried its texts and facts."""

    store = None

    def __init__(self, documents: Iterable[Row], facts: Iterable[Row]) -> None:
        self._documents = {doc["id"]: doc for doc in documents}
        self._facts: dict[str, list[Row]] = defaultdict(list)
        for fact in facts:
            self._facts[fact["doc_id"]].append(fact)

    def rows_of(self, doc_id: str) -> tuple[Row, list[Row]] | None:
        doc = self._documents.get(doc_id)
        return None if doc is None else (doc, self._facts.get(doc_id, []))

    def text_of(self, doc_id: str) -> str | None:
        doc = self._documents.get(doc_id)
        return None if doc is None else doc.get("text") or ""

    def summaries(self) -> dict[str, FactSummary]:
        return {doc_id: summarise(self._facts.get(doc_id, ())) for doc_id in self._documents}

    def all_rows(self) -> Iterator[tuple[Row, list[Row]]]:
        for doc_id, doc in self._documents.items():
            yield doc, self._facts.get(doc_id, [])


class _InStore:
    """Rows read from the store's bulk file by lookup, for catalogue rows that name them."""

    def __init__(self, store: Store, catalogue: Iterable[Row]) -> None:
        self.store = store
        self._catalogue = {row["id"]: row for row in catalogue}

    def rows_of(self, doc_id: str) -> tuple[Row, list[Row]] | None:
        row = self._catalogue.get(doc_id)
        if row is None:
            return None
        # StoreError where the bulk file no longer holds them, naming the document and what to do.
        documents, facts = self.store.read_documents([row])
        return documents[0], facts

    def text_of(self, doc_id: str) -> str | None:
        # The text alone, by one lookup: a search snippet needs neither the facts nor their checks.
        try:
            texts, _ = self.store.bulk.read_some([doc_id], [])
        except BulkError as exc:
            raise StoreError(exc.path, exc.reason) from None
        found = texts.get(doc_id)
        return None if found is None else found[0]

    def summaries(self) -> dict[str, FactSummary]:
        try:
            by_key = self.store.bulk.summaries(row.get(FACTS_KEY) for row in self._catalogue.values())
        except BulkError as exc:
            raise StoreError(exc.path, exc.reason) from None
        return {doc_id: by_key[row[FACTS_KEY]] for doc_id, row in self._catalogue.items()
                if row.get(FACTS_KEY) in by_key}

    def all_rows(self) -> Iterator[tuple[Row, list[Row]]]:
        # One scan of the bulk file (an export of everything), not a lookup per document.
        documents, facts = self.store.read_documents(self._catalogue.values())
        grouped: dict[str, list[Row]] = defaultdict(list)
        for fact in facts:
            grouped[fact["doc_id"]].append(fact)
        for doc in documents:
            yield doc, grouped.get(doc["id"], [])


@dataclass(repr=False, eq=False)
class Corpus:
    documents: dict[str, Row]  # catalogue rows, corrections applied; no text (see ``document``)
    events: list[Row]
    annotations: list[Row]
    # False while only the timeline's tables have been read (Store.read_timeline).
    complete: bool = True
    # The bulk file whose full-text index serves search (None: documents not read from a store).
    bulk: Path | None = None
    # The snapshot this was built from (corrections not applied): an annotation's
    # write starts from it rather than reading the store again.
    data: StoreData | None = None
    # Where texts and facts are read from.
    rows: _Rows = field(default_factory=lambda: _InMemory((), ()))
    # Every bulk read goes through ``_read`` and this cache (doc id -> whole row, sorted corrected facts).
    _cache: OrderedDict[str, tuple[Row, list[Row]]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Texts read alone (for search snippets), doc id -> text.
    _texts: OrderedDict[str, str] = field(default_factory=OrderedDict)
    # After a correction: the summaries before it, and the documents whose facts' corrections changed.
    _summaries_from: tuple[dict[str, FactSummary], frozenset[str]] | None = None

    # A corpus is passed to thread workers, and Textual's @work describes a worker
    # by the repr of its arguments: the dataclass repr of 10,000 documents built a
    # string of hundreds of megabytes on the screen's thread. Equality is identity
    # for the same reason (a reactive compares old and new values).
    def __repr__(self) -> str:
        return (f"<Corpus{'' if self.complete else ' (timeline only)'}: {len(self.documents)} documents, "
                f"{len(self.events)} events, {len(self.annotations)} annotations>")

    @classmethod
    def from_data(cls, data: StoreData, previous: Corpus | None = None, store: Store | None = None) -> Corpus:
        """The read model of ``data``; ``previous``, the corpus ``data`` was written from, lends what is unchanged.

        ``data.documents`` are either whole rows (with their text, and
        ``data.facts`` beside them) or catalogue rows, whose text and facts
        are then read from ``store`` (else ``previous``'s) when asked for.
        After a note or bookmark (a write that hands back the same document
        rows, with the same corrections), the catalogue, the rows read so far
        and the summaries are the previous corpus's.
        """
        if previous is not None and _same_rows(previous, data):
            corpus = cls(documents=previous.documents, events=list(data.events), annotations=list(data.annotations),
                         complete=data.complete, bulk=data.bulk, data=data, rows=previous.rows,
                         _cache=previous._cache, _lock=previous._lock, _texts=previous._texts)
            for lent in ("summaries", "dataset_ids"):
                if lent in previous.__dict__:
                    corpus.__dict__[lent] = previous.__dict__[lent]
            if "search_index" in previous.__dict__:
                # The same documents in the same bulk file: the index opened is theirs (search was made ready
                # again after every note, opening and reading the index anew).
                corpus.__dict__["search_index"] = previous.__dict__["search_index"].serving(corpus.text_of)
            return corpus
        if previous is not None and _same_documents(previous, data):
            return cls._corrected(data, previous)
        whole = any("text" in doc for doc in data.documents)
        store = store if store is not None else previous.rows.store if previous else None
        if whole or not data.documents:
            rows: _Rows = _InMemory(data.documents, data.facts)
        elif store is None:
            raise ValueError("a snapshot of catalogue rows needs the store its texts are read from")
        else:
            rows = _InStore(store, data.documents)
        docs = _corrected_catalogue(data, whole)
        return cls(documents={d["id"]: d for d in docs}, events=list(data.events), annotations=list(data.annotations),
                   complete=data.complete, bulk=data.bulk, data=data, rows=rows)

    @classmethod
    def _corrected(cls, data: StoreData, previous: Corpus) -> Corpus:
        """The corpus of ``data``, the rows ``previous`` was built from with other corrections.

        The catalogue is corrected again (rows of documents no correction names are the very same), but
        where the rows are read from, the texts read so far, the search index opened and the summaries of
        documents whose facts are corrected as before are ``previous``'s: building them again was most of
        the explorer's work after a correction, beside the facet index.
        """
        docs = _corrected_catalogue(data, isinstance(previous.rows, _InMemory) and bool(data.documents))
        corpus = cls(documents={d["id"]: d for d in docs}, events=list(data.events),
                     annotations=list(data.annotations), complete=data.complete, bulk=data.bulk, data=data,
                     rows=previous.rows, _texts=previous._texts)
        if "summaries" in previous.__dict__:
            before, after = _fact_corrections(previous.annotations), _fact_corrections(corpus.annotations)
            redo = {doc_id for doc_id in before.keys() | after.keys() if before.get(doc_id) != after.get(doc_id)}
            corpus._summaries_from = (previous.__dict__["summaries"], frozenset(redo))
        index = previous.__dict__.get("search_index")
        if index is not None and index.persisted:
            # The store's own index, of the bulk rows, which no correction changes.
            corpus.__dict__["search_index"] = index.serving(corpus.text_of)
        return corpus

    # -- a document's text and facts, read on demand ----------------------------
    def _read(self, doc_id: str) -> tuple[Row, list[Row]] | None:
        """The whole document and its facts in span order, corrections applied; None if not in the catalogue.

        StoreError where the store no longer holds them.
        """
        with self._lock:
            hit = self._cache.get(doc_id)
            if hit is not None:
                self._cache.move_to_end(doc_id)
                return hit
        if doc_id not in self.documents:
            return None
        found = self.rows.rows_of(doc_id)
        if found is None:
            return None
        doc, facts = found
        corrections = [n for n in _corrections(self.annotations) if n.get("doc_id") == doc_id]
        if corrections:
            _, facts = apply_corrections(StoreData(facts=facts, annotations=corrections))
        whole = {**self.documents[doc_id], **{k: doc[k] for k in BULK_FIELDS if k in doc}}
        entry = whole, sorted(facts, key=lambda f: (f["span"][0], f["span"][1]))
        with self._lock:
            self._cache[doc_id] = entry
            while len(self._cache) > CACHED_DOCUMENTS:
                self._cache.popitem(last=False)
        return entry

    def document(self, doc_id: str) -> Row | None:
        """The document with its text, furniture and page starts; None if the catalogue has no such id."""
        entry = self._read(doc_id)
        return entry[0] if entry else None

    def text_of(self, doc_id: str) -> str:
        """A document's text ("" for an id not in the catalogue), read alone where its facts are not read yet.

        Search snippets ask for the texts of the hits on screen at each
        keystroke; where the store no longer holds one, the hit shows no
        passage (opening the document says what is wrong).
        """
        with self._lock:
            entry = self._cache.get(doc_id)
            text = entry[0].get("text") if entry else self._texts.get(doc_id)
        if text is not None or doc_id not in self.documents:
            return text or ""
        try:
            text = self.rows.text_of(doc_id)
        except StoreError as exc:
            log.warning("%s: %s", exc.path, exc.reason)
            return ""
        if text is None:
            log.warning("%s lacks the text of %s", self.bulk, self.documents[doc_id].get("source"))
            return ""
        with self._lock:
            self._texts[doc_id] = text
            while len(self._texts) > CACHED_DOCUMENTS:
                self._texts.popitem(last=False)
        return text

    def facts_of(self, doc_id: str, type_: str | None = None) -> list[Row]:
        entry = self._read(doc_id)
        facts = entry[1] if entry else []
        return [f for f in facts if f["type"] == type_] if type_ else list(facts)

    def listed(self, doc_id: str) -> tuple[Row, list[Row]] | None:
        """The document whole with its facts, for a pane listing it among others; None if not in the catalogue.

        Where the store no longer holds its rows, its catalogue row and no
        facts (the reader, opening it, says what is wrong), not an error that
        would stop the pane listing the others.
        """
        try:
            return self._read(doc_id)
        except StoreError as exc:
            log.warning("%s: %s", exc.path, exc.reason)
            row = self.documents.get(doc_id)
            return None if row is None else (row, [])

    def fact(self, fact_id: str) -> Row | None:
        """A fact by id: its document is the id's first part (``importing`` and ``sources`` name facts so)."""
        doc_id = fact_id.split("-", 1)[0]
        return next((f for f in self.facts_of(doc_id) if f["id"] == fact_id), None)

    def all_documents(self) -> Iterator[tuple[Row, list[Row]]]:
        """Every document whole with its facts, corrections applied: an export of everything, read in one pass."""
        corrected = {n.get("doc_id") for n in _corrections(self.annotations)}
        for doc, facts in self.rows.all_rows():
            if doc["id"] not in self.documents:
                continue
            if doc["id"] in corrected:
                doc, facts = self._read(doc["id"]) or (doc, facts)
            else:
                doc = {**self.documents[doc["id"]], **{k: doc[k] for k in BULK_FIELDS if k in doc}}
                facts = sorted(facts, key=lambda f: (f["span"][0], f["span"][1]))
            yield doc, facts

    @cached_property
    def summaries(self) -> dict[str, FactSummary]:
        """Each document's summary of its facts (``ofsted_core.fact_summary``), corrections applied, no fact read.

        Only the documents a correction touches are read whole, to summarise their corrected facts; after a
        correction, only those whose facts' corrections changed (``_corrected``).
        """
        if self._summaries_from is not None:
            lent, redo = self._summaries_from
            out = dict(lent)
            for doc_id in redo:
                if doc_id in self.documents:
                    out[doc_id] = summarise(self.facts_of(doc_id))
            return out
        out = self.rows.summaries()
        for doc_id in {n.get("doc_id") for n in _corrections(self.annotations) if n.get("fact_id")}:
            if doc_id in self.documents:
                out[doc_id] = summarise(self.facts_of(doc_id))
        return out

    def summary_of(self, doc_id: str) -> FactSummary:
        return self.summaries.get(doc_id) or summarise(())

    # -- indexes, each built on first use ------------------------------------
    @cached_property
    def _notes_by_doc(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
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
                return SearchIndex.opened(store_bulk.open_for_search(), set(self.documents), self.text_of)
            except BulkError as exc:
                log.warning("%s: %s; searching an index built in memory", exc.path, exc.reason)
        return SearchIndex(doc for doc, _ in self.all_documents())

    @property
    def search_opened(self) -> bool:
        """Whether ``search_index`` is open already (lent by the corpus this one was written from)."""
        return "search_index" in self.__dict__

    def build_lookups(self) -> None:
        """Build the per-document lookups now (in a loading thread), not on the screen's first use."""
        self.summaries  # noqa: B018 - cached on first access
        self._notes_by_doc  # noqa: B018

    # -- lookups -------------------------------------------------------------
    @cached_property
    def dataset_ids(self) -> frozenset[str]:
        """The documents that are datasets (one row per council; a search matches them row by row)."""
        return frozenset(doc_id for doc_id, doc in self.documents.items() if doc.get("kind") == DATASET_KIND)

    def annotations_of(self, doc_id: str) -> list[Row]:
        return list(self._notes_by_doc.get(doc_id, []))

    def find_document(self, ref: str) -> Row | None:
        """A document by id, unique id prefix, or source path."""
        if ref in self.documents:
            return self.documents[ref]
        matches = [d for d in self.documents.values() if d["id"].startswith(ref) or d["source"] == ref]
        return matches[0] if len(matches) == 1 else None

    def events_of(self, doc_id: str) -> list[Row]:
        return [e for e in self.events if doc_id in e["doc_ids"]]

    def sorted_documents(self) -> list[Row]:
        """Dated documents oldest first (by publication, else inspection), then undated ones by title."""
        return sorted(self.documents.values(), key=document_order)


def _corrections(annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [note for note in annotations if note.get("kind") == "correction"]


def _corrected_catalogue(data: StoreData, whole: bool) -> list[Row]:
    """The catalogue rows of ``data`` with the corrections applied; ``whole``: its rows carry their texts, left out."""
    catalogue = [{k: v for k, v in doc.items() if k not in BULK_FIELDS} for doc in data.documents] if whole \
        else data.documents
    docs, _ = apply_corrections(StoreData(documents=catalogue, annotations=data.annotations))
    return cast("list[Row]", docs)


def _fact_corrections(annotations: list[dict[str, Any]]) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for note in _corrections(annotations):
        if note.get("fact_id"):
            out[note.get("doc_id")].append(note)
    return out


def _same_documents(previous: Corpus, data: StoreData) -> bool:
    """Whether ``data`` holds the very rows ``previous`` was built from (its corrections aside)."""
    before = previous.data
    return (before is not None and previous.complete and data.complete
            and data.documents is before.documents and data.facts is before.facts)


def _same_rows(previous: Corpus, data: StoreData) -> bool:
    """Whether ``data`` holds the very rows ``previous`` was built from, corrected alike."""
    return _same_documents(previous, data) and _corrections(data.annotations) == _corrections(previous.annotations)


def lazy_snapshot(store: Store, index: StoreData | None = None) -> StoreData:
    """The catalogue, events and annotations, in one parse of ``db.json``: all a corpus reads up front.

    The catalogue is checked against the bulk file's keys (a store whose files
    disagree is reported, as ``Store.read`` does); a store of an older schema
    is read (and migrated) whole.
    """
    snapshot = index if index is not None else store.read_index()
    snapshot.complete = True  # every document is known; its text is read when asked for
    return snapshot


def load_corpus(store: Store, only: set[str] | None = None) -> Corpus:
    """The store as a corpus, texts and facts read on demand; with ``only``, just those documents read whole."""
    if only is not None:
        return Corpus.from_data(store.read(only=only))
    return Corpus.from_data(lazy_snapshot(store), store=store)


def document_corpus(store: Store, doc_id: str, index: StoreData | None = None) -> Corpus:
    """What a document's page needs: the catalogue, every event and note, and this document read now.

    db.json is parsed once (or not at all, given ``index``, what ``read_index``
    gave); the document's text and facts are read (and checked) here, so a
    damaged or missing row is reported before anything is shown.
    """
    corpus = Corpus.from_data(lazy_snapshot(store, index), store=store)
    corpus.document(doc_id)
    return corpus


def search_store(store: Store, query: str, limit: int = 50, index: StoreData | None = None) -> tuple[Corpus, list[SearchHit]]:
    """The best ``limit`` hits for ``query`` from the store's persisted index, and the corpus they are of.

    Only the catalogue (parsed once, or given as ``index``, what ``read_index``
    gave) and the hits' documents are read: a search from the command line
    costs the query, not the store's size. A store without a usable index (an
    older schema, no bulk file yet) is read whole and searched.
    """
    corpus = Corpus.from_data(lazy_snapshot(store, index), store=store)
    return corpus, corpus.search_index.search(query, limit=limit)
