"""A note's save writes the very bytes a whole write gives, however little of it is made anew.

A save reuses the serialisation of what it leaves as it was (the catalogue, and the events a note or
bookmark does not move), rebuilds events only for a correction, and joins the tables into the file.
Whatever it reuses, ``db.json`` after each change must be what serialising every table afresh gives,
with the events a full rebuild gives, and TinyDB must still read it as its own.
"""

from __future__ import annotations

import shutil

import orjson
import pytest

from ofsted_core.annotations import Change, change_annotations, make_annotation, rebuild_events
from ofsted_core.importing import import_paths
from ofsted_core.store import SCHEMA_VERSION, Store
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


def _whole_write(catalogue, events, annotations, extra) -> bytes:
    """db.json as TinyDB lays it out, every table serialised afresh in one ``orjson.dumps`` (the write before)."""
    def numbered(rows):
        return {str(n): row for n, row in enumerate(rows, 1)}

    return orjson.dumps({"meta": {"1": {"schema": SCHEMA_VERSION}}, "documents": numbered(catalogue),
                         "events": numbered(events), "annotations": numbered(annotations), **extra})


@pytest.fixture(params=[{}, {"theirs": {"1": {"kept": "as it was"}}}], ids=["ours", "with-a-table-not-ours"])
def store(request, tmp_path) -> tuple[Store, dict]:
    store = Store(tmp_path / "db.json")
    assert import_paths(store, list(map(str, SEEDS))).ok
    if request.param:
        data = orjson.loads(store.path.read_bytes())
        store.path.write_bytes(orjson.dumps({**data, **request.param}))
    return store, request.param


def _changes(data):
    """Each kind of change, then undone, in the order a session might make them."""
    docs = {d["id"]: d for d in data.documents}
    fact = next(f for f in data.facts if f["type"] == "judgement" and f.get("grade"))
    doc = docs[fact["doc_id"]]
    facts = [f for f in data.facts if f["doc_id"] == doc["id"]]
    other = next(d for d in data.documents if d["id"] != doc["id"])
    yield make_annotation("bookmark", doc)
    yield make_annotation("note", other, body="ask about this")
    yield make_annotation("bookmark", doc, fact=fact, facts=facts)
    yield make_annotation("correction", doc, fact=fact, facts=facts, field="rating",
                          value="inadequate" if fact.get("grade") != 4 else "outstanding")
    yield make_annotation("correction", other, field="published", value="2001-05-01")


def test_each_save_and_undo_writes_what_a_whole_write_gives(store):
    store, extra = store
    data = store.read()
    catalogue = store._catalogue_snapshot(store.path.read_bytes()).documents
    annotations: list[dict] = []
    undos = []
    for note in _changes(data):
        data, undo = change_annotations(store, Change(add=(note,)), data)
        undos.append(undo)
        annotations.append(note)
        full = store.read()
        assert store.path.read_bytes() == _whole_write(catalogue, rebuild_events(full), annotations, extra), note["kind"]
    for undo in reversed(undos):
        data, _ = change_annotations(store, undo, data)
        annotations = [a for a in annotations if a["id"] not in undo.remove]
        full = store.read()
        assert store.path.read_bytes() == _whole_write(catalogue, rebuild_events(full), annotations, extra)
    assert full.annotations == []


def test_a_save_after_another_writer_starts_from_the_file(store, tmp_path):
    """The serialisations kept are this store's: another writer's file is parsed and written whole."""
    store, extra = store
    data = store.read()
    doc = data.documents[0]
    data, _ = change_annotations(store, Change(add=(make_annotation("bookmark", doc),)), data)
    # Another program's write (as ofsted-tui in another terminal would): this store's record no longer holds.
    other = Store(store.path)
    theirs = make_annotation("note", doc, body="from elsewhere")
    change_annotations(other, Change(add=(theirs,)))
    mine = make_annotation("note", doc, body="mine")
    change_annotations(store, Change(add=(mine,)), data)
    full = store.read()
    assert [a["body"] for a in full.annotations] == ["", "from elsewhere", "mine"]
    catalogue = store._catalogue_snapshot(store.path.read_bytes()).documents
    assert store.path.read_bytes() == _whole_write(catalogue, rebuild_events(full), full.annotations, extra)


def test_tinydb_reads_a_joined_write_as_its_own(store, tmp_path):
    from tinydb import TinyDB

    store, _ = store
    data = store.read()
    change_annotations(store, Change(add=(make_annotation("bookmark", data.documents[0]),)), data)
    change_annotations(store, Change(add=(make_annotation("note", data.documents[1], body="n"),)), data)
    copy = tmp_path / "copy.json"
    shutil.copy(store.path, copy)
    with TinyDB(copy) as db:
        assert [row["kind"] for row in db.table("annotations").all()] == ["bookmark", "note"]
        assert len(db.table("documents")) == len(data.documents)
        assert len(db.table("events")) == len(data.events)
