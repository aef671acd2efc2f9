"""Reading a store for the explorer: table by table, the same rows as a whole-file read.

A large store is parsed one table at a time to bound memory; whatever the file
holds, the result (rows or error message) is what reading it whole gives.
"""

from __future__ import annotations

import json

import orjson
import pytest

from ofsted_core import store as store_module
from ofsted_core.annotations import apply_corrections
from ofsted_core.corpus import Corpus
from ofsted_core.store import Store, StoreData, StoreError


def _rows(n: int, text: str = "plain text") -> dict:
    documents = {str(i + 1): {"id": f"d{i}", "source": f"d{i}.txt", "text": f"{text} {i}"} for i in range(n)}
    facts = {str(i + 1): {"id": f"f{i}", "doc_id": f"d{i}", "type": "quote", "span": [0, 5]} for i in range(n)}
    events = {"1": {"id": "e1", "doc_ids": ["d0"], "fact_ids": ["f0"]}}
    return {"documents": documents, "facts": facts, "events": events, "meta": {"1": {"schema": 1}}}


@pytest.fixture
def by_table(monkeypatch):
    """Every store, however small, is read table by table."""
    monkeypatch.setattr(store_module, "BY_TABLE_MIN_BYTES", 0)
    monkeypatch.setattr(store_module, "_SCAN_CHUNK", 64)  # keys straddle chunk boundaries


def _whole(path) -> StoreData:
    data = store_module._parse(path, store_module._read_bytes(path))
    return store_module._snapshot(path, data)


def _same(path) -> StoreData:
    read = Store(path).read()
    whole = _whole(path)
    for name in store_module.TABLES:
        assert getattr(read, name) == getattr(whole, name), name
    return read


def test_table_by_table_reads_the_rows_a_whole_read_does(tmp_path, by_table):
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(_rows(50)))
    assert store_module._load_by_table(db) is not None  # the table-by-table path was taken
    read = _same(db)
    assert [d["id"] for d in read.documents] == [f"d{i}" for i in range(50)]


def test_table_names_inside_texts_do_not_cut_the_file(tmp_path, by_table):
    # The words of a table key inside a string are escaped, never a key.
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(_rows(20, text='he wrote },"facts":{"1": and {"events":')))
    assert store_module._load_by_table(db) is not None
    _same(db)


@pytest.mark.parametrize("after", ["a string", "an object"])
def test_a_nested_key_named_like_a_table_reads_the_same(tmp_path, by_table, after):
    # After a nested object it looks like a table's start; the cut does not parse,
    # and the whole file is read instead.
    rows = _rows(5)
    rows["documents"]["1"]["extra"] = {"x": {"y": 1}} if after == "an object" else "y"
    rows["documents"]["1"]["facts"] = {"nested": 1}
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(rows))
    assert (store_module._load_by_table(db) is None) == (after == "an object")
    assert _same(db).documents[0]["facts"] == {"nested": 1}


@pytest.mark.parametrize("layout", ["reordered", "indented", "trailing space", "default table"])
def test_other_layouts_of_the_same_store_read_the_same(tmp_path, by_table, layout):
    rows = _rows(10)
    if layout == "reordered":
        rows = {name: rows[name] for name in ("meta", "events", "documents", "facts")}
    if layout == "default table":
        rows["_default"] = {}
    raw = json.dumps(rows, indent=2).encode() if layout == "indented" else orjson.dumps(rows)
    db = tmp_path / "db.json"
    db.write_bytes(raw + (b" \n" if layout == "trailing space" else b""))
    _same(db)


@pytest.mark.parametrize("where", [0, 1, 3])
def test_someone_elses_tables_are_refused_as_before(tmp_path, by_table, where):
    rows = list(_rows(3).items())[:3]  # no meta table: every table must be one of ours
    rows.insert(where, ("users", {"1": {"name": "x"}}))
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(dict(rows)))
    assert store_module._load_by_table(db) is None
    with pytest.raises(StoreError, match="unknown tables: users"):
        Store(db).read()


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.99])
def test_a_truncated_store_gives_the_whole_read_message(tmp_path, by_table, cut):
    raw = orjson.dumps(_rows(30))
    db = tmp_path / "db.json"
    db.write_bytes(raw[: int(len(raw) * cut)])
    with pytest.raises(StoreError, match="broken JSON") as error:
        Store(db).read()
    assert str(db) in str(error.value)
    assert db.read_bytes() == raw[: int(len(raw) * cut)]


def test_large_snapshots_describe_themselves_briefly():
    # Textual describes a thread worker by the repr of its arguments.
    data = StoreData(documents=[{"id": str(i), "text": "x" * 1000} for i in range(1000)])
    corpus = Corpus.from_data(data)
    assert len(repr(data)) < 200 and "1000 documents" in repr(data)
    assert len(repr(corpus)) < 200 and "1000 documents" in repr(corpus)


def test_without_corrections_the_rows_are_not_copied():
    data = StoreData(documents=[{"id": "a"}], facts=[{"id": "f", "doc_id": "a"}],
                     annotations=[{"kind": "note", "doc_id": "a"}])
    docs, facts = apply_corrections(data)
    assert docs is data.documents and facts is data.facts


def test_corrections_change_copies_and_leave_the_rows_read():
    doc = {"id": "a", "published": None}
    data = StoreData(documents=[doc], annotations=[
        {"kind": "correction", "doc_id": "a", "fact_id": None, "field": "published", "value": "2019"}])
    docs, _ = apply_corrections(data)
    assert docs == [{"id": "a", "published": "2019"}] and doc["published"] is None


@pytest.fixture
def small_pieces(monkeypatch):
    """Tables are parsed a few rows at a time."""
    monkeypatch.setattr(store_module, "PIECE_BYTES", 200)


def test_tables_parsed_in_pieces_read_the_rows_a_whole_read_does(tmp_path, by_table, small_pieces):
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(_rows(60, text='a },"7":{ inside and }},"facts":{"1": too')))
    table = orjson.loads(db.read_bytes())["documents"]
    assert store_module._parse_rows(orjson.dumps(table), {}, ()) == table
    _same(db)


def test_rows_with_objects_keyed_by_numbers_read_the_same(tmp_path, by_table, small_pieces):
    # Inside a row, '},"2":{' is not between rows; the pieces cut there do not parse.
    rows = _rows(20)
    for row in rows["documents"].values():
        row["counts"] = {str(n): {"n": n} for n in range(1, 30)}
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(rows))
    assert _same(db).documents[3]["counts"]["17"] == {"n": 17}


def _written(path, n: int = 30) -> Store:
    store = Store(path)
    rows = _rows(n)
    store._write(StoreData(documents=list(rows["documents"].values()), facts=list(rows["facts"].values()),
                           events=list(rows["events"].values())))
    return store


def test_a_store_is_written_small_tables_first(tmp_path):
    store = _written(tmp_path / "db.json")
    assert list(orjson.loads(store.path.read_bytes())) == ["meta", "events", "annotations", "documents", "facts"]


def test_the_timeline_of_a_large_store_is_read_without_its_documents(tmp_path, by_table):
    store = _written(tmp_path / "db.json")
    raw = store.path.read_bytes()
    # Damage the documents: the timeline does not read them, the whole read says so.
    at = raw.index(b'"documents":') + 20
    store.path.write_bytes(raw[:at] + b"\x00broken" + raw[at:])
    timeline = store.read_timeline()
    assert timeline is not None and not timeline.complete
    assert [e["id"] for e in timeline.events] == ["e1"]
    assert timeline.documents == [] and timeline.facts == [] and timeline.annotations == []
    with pytest.raises(StoreError, match="broken JSON"):
        store.read()


def test_the_timeline_of_a_store_written_in_another_order_is_found_too(tmp_path, by_table):
    rows = _rows(10)
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps({name: rows[name] for name in ("documents", "facts", "events", "meta")}))
    timeline = Store(db).read_timeline()
    assert timeline is not None and [e["id"] for e in timeline.events] == ["e1"]


def test_a_small_store_or_an_old_one_is_read_whole(tmp_path, by_table, monkeypatch):
    old = tmp_path / "old.json"
    rows = _rows(5)
    del rows["meta"]
    old.write_bytes(orjson.dumps(rows))
    assert Store(old).read_timeline() is None  # its migration needs the whole store
    monkeypatch.setattr(store_module, "BY_TABLE_MIN_BYTES", 1 << 30)
    assert _written(tmp_path / "db.json").read_timeline() is None


def test_repeated_values_of_a_large_store_are_one_string(tmp_path, by_table, small_pieces):
    rows = _rows(40)
    for i, fact in enumerate(rows["facts"].values()):
        fact["doc_id"] = f"d{i % 3}"
    db = tmp_path / "db.json"
    db.write_bytes(orjson.dumps(rows))
    facts = _same(db).facts  # the same rows as a whole read
    assert len({id(f["doc_id"]) for f in facts}) == 3
    assert len({id(f["type"]) for f in facts}) == 1
