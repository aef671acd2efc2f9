"""The store's two files: the catalogue in db.json, the bulk rows and search index in db.sqlite.

Whatever is written reads back the same; a pair whose files disagree is
reported with what to re-import, or repaired where the rows are there.
"""

from __future__ import annotations

import sqlite3

import orjson
import pytest

from ofsted_core import store as store_module
from ofsted_core.corpus import load_corpus
from ofsted_core.store import SCHEMA_VERSION, Store, StoreData, StoreError


def _rows(n: int, text: str = "plain text") -> dict:
    documents = {str(i + 1): {"id": f"d{i}", "source": f"d{i}.txt", "text": f"{text} {i}", "title": f"Doc {i}",
                              "furniture": [[0, 2]], "page_starts": [0]} for i in range(n)}
    facts = {str(i + 1): {"id": f"f{i}", "doc_id": f"d{i}", "type": "quote", "span": [0, 5]} for i in range(n)}
    events = {"1": {"id": "e1", "doc_ids": ["d0"], "fact_ids": ["f0"]}}
    return {"documents": documents, "facts": facts, "events": events}


def _written(path, n: int = 30, text: str = "plain text") -> Store:
    store = Store(path)
    rows = _rows(n, text)
    with store.transaction() as data:
        data.documents[:] = list(rows["documents"].values())
        data.facts[:] = list(rows["facts"].values())
        data.events[:] = list(rows["events"].values())
    return store


def _catalogue(store: Store) -> dict:
    return orjson.loads(store.path.read_bytes())


def test_the_catalogue_holds_no_text_and_the_rows_read_back_whole(tmp_path):
    store = _written(tmp_path / "db.json", 5)
    raw = _catalogue(store)
    assert list(raw) == ["meta", "documents", "events", "annotations"]
    assert list(raw["meta"].values()) == [{"schema": SCHEMA_VERSION}]
    row = raw["documents"]["1"]
    assert "text" not in row and "furniture" not in row and row["facts_key"]
    data = store.read()
    assert data.documents == list(_rows(5)["documents"].values())
    assert data.facts == list(_rows(5)["facts"].values())
    assert data.bulk == tmp_path / "db.sqlite"


def test_a_store_named_otherwise_keeps_its_bulk_file_beside_it(tmp_path):
    store = _written(tmp_path / "notes.store", 2)
    assert (tmp_path / "notes.store.sqlite").is_file()
    assert store.owns(tmp_path / "notes.store.sqlite") and store.owns(tmp_path / "notes.store.sqlite-journal")
    assert not Store(tmp_path / "other.json").owns(tmp_path / "notes.store.sqlite")


def test_search_is_served_by_the_index_written_at_import(tmp_path):
    store = _written(tmp_path / "db.json", 4, text="Leaders in Kent")
    corpus = load_corpus(store)
    assert {h.doc_id for h in corpus.search_index.search("kent")} == {"d0", "d1", "d2", "d3"}
    assert corpus.search_index.search("doc 2")[0].doc_id == "d2"  # titles are indexed too


def test_an_index_short_of_rows_is_rebuilt_from_them(tmp_path):
    store = _written(tmp_path / "db.json", 4, text="Leaders in Kent")
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("INSERT INTO fulltext(fulltext) VALUES ('delete-all')")
    corpus = load_corpus(store)
    assert len(corpus.search_index.search("kent")) == 4


def test_rows_nothing_names_are_collected_by_the_next_write(tmp_path):
    store = _written(tmp_path / "db.json", 3)
    with store.transaction() as data:
        data.documents[:] = data.documents[:1]
        data.facts[:] = [f for f in data.facts if f["doc_id"] == "d0"]
    # The file just replaced named them: a reader of it may still want them.
    assert store.bulk.ids()[0] == {"d0", "d1", "d2"}
    with store.transaction() as data:
        data.annotations.append({"id": "n1", "kind": "note"})
    assert store.bulk.ids()[0] == {"d0"}
    assert [d["id"] for d in store.read().documents] == ["d0"]
    assert {h.doc_id for h in load_corpus(store).search_index.search("plain")} == {"d0"}


def test_rows_a_rebuild_backup_names_are_kept_while_it_is_there(tmp_path):
    store = _written(tmp_path / "db.json", 3)
    with store.transaction(backup="rebuild") as data:
        data.documents[:] = data.documents[:1]
    assert store.bulk.ids()[0] == {"d0", "d1", "d2"}
    # Restoring the backup gives back a store that reads whole.
    store.path.write_bytes(store.backup_path("rebuild").read_bytes())
    assert len(store.read().documents) == 3


def test_a_catalogue_naming_missing_rows_says_what_to_re_import(tmp_path):
    store = _written(tmp_path / "db.json", 3)
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("DELETE FROM texts WHERE id = 'd1'")
    with pytest.raises(StoreError) as info:
        store.read()
    assert "d1.txt" in info.value.reason and "re-import" in info.value.reason and "rebuild" in info.value.reason
    # A transaction (an import) leaves the document out, so importing it again repairs the store.
    with store.transaction() as data:
        assert data.missing == ["d1.txt"] and [d["id"] for d in data.documents] == ["d0", "d2"]
        data.documents.append({"id": "d1", "source": "d1.txt", "text": "back again"})
    assert sorted(d["id"] for d in store.read().documents) == ["d0", "d1", "d2"]


@pytest.mark.parametrize("damage", ["missing", "garbage", "empty"])
def test_a_missing_or_damaged_bulk_file_is_reported_never_read_as_empty(tmp_path, damage):
    store = _written(tmp_path / "db.json", 3)
    before = store.path.read_bytes()
    if damage == "missing":
        store.bulk.path.unlink()
    else:
        store.bulk.path.write_bytes(b"this is not a database" * 100 if damage == "garbage" else b"")
    with pytest.raises(StoreError) as info:
        store.read()
    assert str(store.bulk.path) in str(info.value)
    assert "rebuild" in info.value.reason
    assert store.path.read_bytes() == before


def test_a_bulk_file_of_a_newer_version_is_refused(tmp_path):
    store = _written(tmp_path / "db.json", 2)
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer ofsted-tui"):
        store.read()


def test_a_single_file_store_is_upgraded_on_first_open_with_a_backup(tmp_path):
    rows = _rows(4)
    old = {**rows, "meta": {"1": {"schema": 1}}}
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(old))
    data = Store(db).read()
    assert data.documents == list(rows["documents"].values())
    assert (tmp_path / "db.json.bak-schema1").read_bytes() == orjson.dumps(old)
    assert "facts" not in _catalogue(Store(db)) and (tmp_path / "db.sqlite").is_file()
    assert Store(db).read().facts == list(rows["facts"].values())


def test_the_timeline_of_a_large_store_is_read_without_its_documents(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 10)
    store = _written(tmp_path / "db.json", 30)
    store.bulk.path.write_bytes(b"damaged")  # the timeline does not read it; the whole read says so
    timeline = store.read_timeline()
    assert timeline is not None and not timeline.complete
    assert [e["id"] for e in timeline.events] == ["e1"]
    assert timeline.documents == [] and timeline.facts == [] and timeline.annotations == []
    with pytest.raises(StoreError, match="damaged"):
        store.read()


def test_a_small_store_or_an_old_one_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "TIMELINE_FIRST_MIN_DOCUMENTS", 10)
    old = tmp_path / "old.json"
    rows = _rows(20)
    old.write_bytes(orjson.dumps(rows))
    assert Store(old).read_timeline() is None  # its migration needs the whole store
    assert _written(tmp_path / "db.json", 5).read_timeline() is None


def test_unknown_tables_are_kept_across_writes(tmp_path):
    store = _written(tmp_path / "db.json", 2)
    raw = _catalogue(store)
    raw["theirs"] = {"1": {"x": 1}}
    store.path.write_bytes(orjson.dumps(raw))
    with store.transaction() as data:
        assert data.extra == {"theirs": {"1": {"x": 1}}}
        data.annotations.append({"id": "n1", "kind": "note"})
    assert _catalogue(store)["theirs"] == {"1": {"x": 1}}
    assert isinstance(store.read(), StoreData)


def test_an_import_sets_a_damaged_bulk_file_aside_and_starts_a_new_one(tmp_path):
    store = _written(tmp_path / "db.json", 3)
    store.bulk.path.write_bytes(b"this is not a database" * 100)
    with store.transaction() as data:
        assert sorted(data.missing) == ["d0.txt", "d1.txt", "d2.txt"] and data.documents == []
        data.documents.append({"id": "d1", "source": "d1.txt", "text": "imported again"})
    assert (tmp_path / "db.sqlite.damaged").read_bytes() == b"this is not a database" * 100
    assert [d["text"] for d in store.read().documents] == ["imported again"]


def test_a_newer_bulk_file_is_never_set_aside_by_a_write(tmp_path):
    store = _written(tmp_path / "db.json", 2)
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer ofsted-tui"):
        with store.transaction():
            pass
    assert not (tmp_path / "db.sqlite.damaged").exists()


def test_the_bulk_file_shrinks_once_most_of_it_is_collected(tmp_path):
    store = _written(tmp_path / "db.json", 200, text="a long text " * 200)
    full = store.bulk.path.stat().st_size
    for _ in range(2):  # the first write keeps what the file it replaces names
        with store.transaction() as data:
            data.documents[:] = data.documents[:5]
            data.facts[:] = [f for f in data.facts if f["doc_id"] in {d["id"] for d in data.documents}]
    assert store.bulk.path.stat().st_size < full / 2
    assert len(store.read().documents) == 5
