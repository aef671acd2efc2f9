"""An annotation's write costs what it changes: db.json alone, and the events of the councils it touches.

Whatever the change, the timeline written is the one a full rebuild gives.
"""

from __future__ import annotations

import pytest

from ofsted_core.annotations import Change, change_annotations, make_annotation, rebuild_events
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")

OTHER = "Kent"


@pytest.fixture
def store(tmp_path) -> Store:
    """The seed stories, and a copy of each under another council (ids and facts renamed)."""
    store = Store(tmp_path / "db.json")
    assert import_paths(store, list(map(str, SEEDS))).ok
    with store.transaction() as data:
        for doc in list(data.documents):
            twin = {**doc, "id": "k" + doc["id"], "source": "kent-" + doc["source"], "authority": OTHER}
            data.documents.append(twin)
            data.facts += [{**f, "id": "k" + f["id"], "doc_id": twin["id"],
                            **({"authority": OTHER} if f.get("authority") else {})}
                           for f in data.facts if f["doc_id"] == doc["id"]]
        data.events[:] = rebuild_events(data)
    return store


def _judgement(data, authority: str | None = None):
    docs = {d["id"]: d for d in data.documents}
    return next(f for f in data.facts if f["type"] == "judgement" and f.get("grade")
                and (authority is None or docs[f["doc_id"]].get("authority") != OTHER))


def _changes(data):
    fact = _judgement(data, "mine")
    doc = next(d for d in data.documents if d["id"] == fact["doc_id"])
    facts = [f for f in data.facts if f["doc_id"] == doc["id"]]
    yield make_annotation("note", doc, body="ask about this")
    yield make_annotation("bookmark", doc, fact=fact, facts=facts)
    yield make_annotation("correction", doc, fact=fact, facts=facts, field="rating",
                          value="inadequate" if fact.get("grade") != 4 else "outstanding")
    yield make_annotation("correction", doc, fact=fact, facts=facts, field="year", value=1999)
    yield make_annotation("correction", doc, field="published", value="2001-05-01")
    yield make_annotation("correction", doc, field="authority", value=OTHER)


def test_each_change_gives_the_timeline_a_full_rebuild_gives(store):
    data = store.read()
    for note in _changes(data):
        written, undo = change_annotations(store, Change(add=(note,)), data)
        full = store.read()
        assert full.events == rebuild_events(full), note["kind"] + " " + str(note.get("field"))
        assert written.events == full.events and written.annotations == full.annotations
        data = written
    _, undo_all = change_annotations(store, Change(remove=tuple(a["id"] for a in store.read().annotations)))
    full = store.read()
    assert full.annotations == [] and full.events == rebuild_events(full)


def test_a_note_writes_db_json_only_and_reads_no_document_a_correction_only_its_council(store, monkeypatch):
    data = store.read()
    bulk_before = store.bulk.path.read_bytes()
    read: list[str] = []
    real = Store.read_documents

    def recorded(self, catalogue):
        rows = list(catalogue)
        read.extend(row["id"] for row in rows)
        return real(self, rows)

    monkeypatch.setattr(Store, "read_documents", recorded)
    doc = next(d for d in data.documents if d.get("authority") != OTHER)
    events_before = store.read().events
    for kind in ("note", "bookmark"):
        data, _ = change_annotations(store, Change(add=(make_annotation(kind, doc, body="n"),)), data)
    # Events are made of documents and facts with corrections applied: a note or bookmark moves none.
    assert read == [] and store.read().events == events_before
    change_annotations(store, Change(add=(make_annotation("correction", doc, field="published", value="2001-05-01"),)),
                       data)
    assert store.bulk.path.read_bytes() == bulk_before
    assert read and not any(doc_id.startswith("k") for doc_id in read)
    assert len(store.read().annotations) == 3


def test_without_the_shown_snapshot_the_store_is_read_again(store):
    doc = store.read().documents[0]
    written, _ = change_annotations(store, Change(add=(make_annotation("note", doc, body="n"),)))
    assert written.documents == store.read().documents and len(written.annotations) == 1
