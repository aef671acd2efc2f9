"""``<db>.lookup`` (ofsted_core.lookup_cache): the lookups print the same bytes with it as without it,
and it is used only while it was made from db.json's present bytes, whatever changed them."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import stat

import orjson
import pytest

import ofsted_core.store as store_module
from ofsted_core.importing import import_paths
from ofsted_core.library import Library
from ofsted_core.lookup_cache import MAGIC, SOURCES_ONLY, build_lookup, read_lookup, row_of
from ofsted_core.store import Store, StoreError
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("lookup") / "db.json"
    assert import_paths(Store(db), [str(seed) for seed in SEEDS]).ok
    return db


@pytest.fixture
def db(built, tmp_path):
    """A copy of the seeded store (both files), without a lookup file yet."""
    for name in ("db.json", "db.sqlite"):
        shutil.copy2(built.with_name(name), tmp_path / name)
    return tmp_path / "db.json"


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    counted: list[int] = []
    real = store_module._parse
    monkeypatch.setattr(store_module, "_parse", lambda path, raw: counted.append(1) or real(path, raw))
    return counted


def _printed(argv: list[str]) -> tuple[int, str]:
    from ofsted_tui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(argv)
    return status, out.getvalue()


def _lookups(db) -> list[list[str]]:
    doc = Store(db).read_catalogue()[0]
    return [["timeline"], ["timeline", "Haringey"], ["timeline", "--json"], ["timeline", "haringey", "--since", "2010"],
            ["timeline", "--type", "inspection"], ["show", doc["id"][:8]], ["show", doc["id"], "--json"],
            ["search", "council"], ["search", "council", "--json"]]


def test_each_lookup_prints_the_same_bytes_with_the_file_as_without_it(db, parses):
    lookup = Store(db).lookup_path
    for argv in _lookups(db):
        lookup.unlink(missing_ok=True)
        parses.clear()
        without = _printed([*argv, "--db", str(db)])
        assert parses and lookup.is_file(), argv  # parsed db.json, and made the file
        parses.clear()
        with_it = _printed([*argv, "--db", str(db)])
        assert not parses, argv  # read from the file alone
        assert with_it == without and without[1], argv


def test_a_council_s_events_are_parsed_alone_and_all_come_in_the_store_s_order(tmp_path):
    events = [{"id": f"e{n}", "authority": authority, "type": "inspection"}
              for n, authority in enumerate(["Kent", "Haringey", None, "Kent", "Haringey", "Kent"])]
    raw = b"the bytes of a db.json"
    _, payload = build_lookup(raw, [], ([], []), events, [])
    (tmp_path / "db.json.lookup").write_bytes(payload)
    lookup = read_lookup(tmp_path / "db.json.lookup", raw)
    assert lookup is not None and lookup.authorities == ["Kent", "Haringey", None] and not lookup.parsed
    assert [e["id"] for e in lookup.events(["Kent"])] == ["e0", "e3", "e5"]
    assert set(lookup.parsed) == {("events", "Kent")}
    assert [e["id"] for e in lookup.events(["Kent", None])] == ["e0", "e2", "e3", "e5"]
    assert lookup.events() == events and lookup.types == ["inspection"]


def test_the_rows_are_every_event_in_order_less_only_what_their_sources_read_and_draw_the_same(db):
    # The explorer's first frame parses the rows alone: its list, chart and event detail must come out as the
    # whole events draw them, and nothing is lost that a later read of the events does not bring back.
    from ofsted_core.compare import year_grades
    from ofsted_tui.widgets.timeline import TimelineList, _summary

    store = Store(db)
    events = store.read_events().events  # makes the file
    lookup = read_lookup(store.lookup_path, db.read_bytes())
    assert lookup is not None
    rows = lookup.rows()
    assert set(lookup.parsed) == {"rows"}  # no council's whole events parsed for them
    assert rows == [row_of(e) for e in events] and [r["id"] for r in rows] == [e["id"] for e in events]
    assert any(e.get("fact_ids") for e in events) and any(
        j.get("fact_ids") for e in events for j in (e.get("judgements") or {}).values())
    for row, event in zip(rows, events):
        assert set(row) == set(event) - set(SOURCES_ONLY)
        assert {k: v for k, v in row.items() if k != "judgements"} == {
            k: v for k, v in event.items() if k not in (*SOURCES_ONLY, "judgements")}
        for area, judgement in (event.get("judgements") or {}).items():
            assert row["judgements"][area] == {k: v for k, v in judgement.items() if k not in SOURCES_ONLY}
        timeline = TimelineList()
        assert timeline.column_values(row) == timeline.column_values(event)
        assert _summary(row).plain == _summary(event).plain
    for authority in {e.get("authority") for e in events}:
        assert year_grades(rows, authority) == year_grades(events, authority)


def _same_stat_edit(path, old: bytes, new: bytes) -> None:
    """Change bytes of ``path`` in place, keeping its size, inode and modification time (a hand edit
    within one clock tick, as size and time alone cannot tell)."""
    before = os.stat(path)
    raw = path.read_bytes()
    assert len(old) == len(new) and raw.count(old) >= 1
    with open(path, "r+b") as file:
        file.write(raw.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_ino, after.st_mtime_ns) == (before.st_size, before.st_ino, before.st_mtime_ns)


def test_a_hand_edit_that_keeps_size_time_and_inode_is_seen(db):
    library = Library(db)
    assert {e["authority"] for e in library.timeline("Haringey").events} == {"Haringey"}
    _same_stat_edit(db, b'"authority":"Haringey"', b'"authority":"Haringex"')
    assert library.timeline("Haringey").events == []
    assert {e["authority"] for e in library.timeline("Haringex").events} == {"Haringex"}


def test_a_write_after_the_file_was_made_is_seen_and_the_file_made_again(db):
    """As a crash between db.json's replacement and the lookup file's would leave them: the file of
    the bytes before, db.json of the bytes after."""
    from ofsted_core.annotations import Change, make_annotation

    library = Library(db)
    doc = library.store.read_index().documents[0]
    made = library.store.lookup_path.read_bytes()
    library.annotate(Change(add=(make_annotation("note", doc, body="ask them"),)))
    assert library.store.lookup_path.read_bytes() == made  # a write leaves the file as it was ...
    assert [a["body"] for a in library.store.read_index().annotations] == ["ask them"]  # ... and it is not used
    assert read_lookup(library.store.lookup_path, db.read_bytes()) is not None  # made again, of the new bytes


def test_a_file_made_from_other_bytes_is_never_used(db):
    """A writer that replaced db.json while a reader read it: the reader hashes the bytes it read,
    so the lookup file of the other bytes is refused, whichever came first."""
    store = Store(db)
    old = db.read_bytes()
    store.lookup()
    assert read_lookup(store.lookup_path, old) is not None
    # An older version's write: the same rows, laid out otherwise (it knows nothing of the lookup file).
    db.write_bytes(orjson.dumps(orjson.loads(old), option=orjson.OPT_INDENT_2))
    assert read_lookup(store.lookup_path, db.read_bytes()) is None
    assert read_lookup(store.lookup_path, old) is not None


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(db, parses):
    store = Store(db)
    expected = store.read_index()
    made = store.lookup_path.read_bytes()
    for damaged in (made[:len(made) // 2], made[:-1] + bytes([made[-1] ^ 1]), b"", b"not a lookup file\n",
                    made.replace(b'"digest"', b'"dygest"'), made.replace(MAGIC, b"ofsted-tui lookup 1\n", 1)):
        store.lookup_path.write_bytes(damaged)
        parses.clear()
        again = store.read_index()
        assert parses and (again.documents, again.events, again.annotations) == (
            expected.documents, expected.events, expected.annotations)
        assert store.lookup_path.read_bytes() == made


@pytest.mark.parametrize("table", ["texts", "facts"])
@pytest.mark.parametrize("sql", ["json", "without json"])
def test_bulk_rows_gone_since_the_file_was_made_are_reported(db, table, sql, monkeypatch):
    import ofsted_core.bulk as bulk_module

    if sql == "without json":  # an SQLite without its JSON functions: the ids are compared in Python
        monkeypatch.setattr(bulk_module, "_HOLDS_SQL", "SELECT no_such_function(?1)")
    store = Store(db)
    store.lookup()
    assert store.bulk.holds(store.lookup().held_json())
    with sqlite3.connect(store.bulk.path) as bulk:
        bulk.execute(f"DELETE FROM {table} WHERE rowid = (SELECT min(rowid) FROM {table})")
    assert not store.bulk.holds(read_lookup(store.lookup_path, db.read_bytes()).held_json())
    with pytest.raises(StoreError, match="lacks the text or facts of 1 document"):
        store.read_events()


def test_the_bulk_file_holds_exactly_the_rows_listed(db):
    bulk = Store(db).bulk
    ids, keys = bulk.ids()
    listed = sorted(ids), sorted(keys)
    assert bulk.holds(orjson.dumps(listed)) and bulk.holds(orjson.dumps([[], []]))
    assert bulk.holds(orjson.dumps([listed[0][:1], []]))
    assert not bulk.holds(orjson.dumps([[*listed[0], "no such document"], listed[1]]))
    assert not bulk.holds(orjson.dumps([listed[0], [*listed[1], "no such facts"]]))
    # Names SQL would read otherwise are names all the same.
    assert not bulk.holds(orjson.dumps([["' OR 1=1 --"], []])) and not bulk.holds(orjson.dumps([[None], []]))


def test_a_read_only_store_gets_no_file_beside_it(db):
    store = Store(db)
    os.chmod(db, stat.S_IRUSR)
    try:
        assert store.read_index().documents
        assert not store.lookup_path.exists()
    finally:
        os.chmod(db, stat.S_IRUSR | stat.S_IWUSR)


def test_an_older_schema_store_is_migrated_and_read_whole_as_before(db):
    whole = Store(db).read()
    numbered = {name: {str(n): row for n, row in enumerate(getattr(whole, name), 1)}
                for name in ("documents", "facts", "events", "annotations")}
    db.write_bytes(orjson.dumps({"meta": {"1": {"schema": 1}}, **numbered}))  # one file, texts and facts in it
    db.with_name("db.sqlite").unlink()
    store = Store(db)
    index = store.read_index()
    assert index.complete and [doc["text"] for doc in index.documents] == [doc["text"] for doc in whole.documents]
    assert db.with_name("db.json.bak-schema1").is_file() and not store.lookup_path.exists()
    assert Library(db).timeline().events == whole.events


def test_a_fifo_or_a_folder_at_the_lookup_file_s_name_is_never_waited_on(db):
    store = Store(db)
    expected = store.read_index()
    for make in (os.mkfifo, os.mkdir):
        store.lookup_path.unlink()  # the file the first read made
        make(store.lookup_path)
        try:
            again = store.read_index()  # a FIFO opened for a blocking read would hang here
            assert (again.documents, again.events) == (expected.documents, expected.events)
        finally:
            if store.lookup_path.is_dir():
                os.rmdir(store.lookup_path)
        store.read_index()  # the file made again, for the next case to replace


def _made_by_a_reader(db) -> bytes:
    """The lookup file a reader makes of db.json as it is now (parsing and checking it)."""
    store = Store(db)
    store.lookup_path.unlink(missing_ok=True)
    store.lookup()
    return store.lookup_path.read_bytes()


def test_a_note_s_writer_writes_the_file_a_reader_would_make_and_the_next_lookup_parses_nothing(db, parses):
    from ofsted_core.annotations import Change, make_annotation

    library = Library(db)
    doc = library.store.read_index().documents[0]
    argvs = _lookups(db)
    for body in ("ask them", "and again"):
        library.annotate(Change(add=(make_annotation("note", doc, body=body),)))
        assert library.write_lookup()
        written = library.store.lookup_path.read_bytes()
        parses.clear()
        printed = [_printed([*argv, "--db", str(db)]) for argv in argvs]
        assert not parses  # every lookup read the file written with the note
        assert written == _made_by_a_reader(db)
        assert printed == [_printed([*argv, "--db", str(db)]) for argv in argvs]
    assert [a["body"] for a in Store(db).read_index().annotations] == ["ask them", "and again"]


def test_an_import_writes_the_file_and_the_next_lookup_parses_nothing(db, parses, tmp_path):
    store = Store(db)
    assert not store.lookup_path.exists()
    news = tmp_path / "news.txt"
    news.write_text("Ofsted has rated Haringey's children's services 'good', in a report published on 3 May 2024.\n")
    assert import_paths(store, [str(news)]).ok
    parses.clear()
    store.read_index()
    assert not parses
    assert store.lookup_path.read_bytes() == _made_by_a_reader(db)


def test_a_note_s_file_is_never_used_once_db_json_changed(db, parses):
    """Written from the bytes written: another writer's change (here a hand edit of the same length)
    after the note makes it stale, and it is refused as any other."""
    from ofsted_core.annotations import Change, make_annotation

    library = Library(db)
    doc = library.store.read_index().documents[0]
    library.annotate(Change(add=(make_annotation("note", doc, body="ask them"),)))
    _same_stat_edit(db, b'"body":"ask them"', b'"body":"ask then"')
    assert library.write_lookup()  # too late: made of the bytes the note wrote
    parses.clear()
    assert [a["body"] for a in library.store.read_index().annotations] == ["ask then"]
    assert parses


def test_rows_a_read_would_refuse_get_no_file_and_are_reported_by_the_next_lookup(db):
    store = Store(db)
    with store.catalogue_transaction() as data:
        data.annotations.append({"id": "no-kind", "body": "written by another tool"})
    assert not store.write_lookup() and not store.lookup_path.exists()
    with pytest.raises(StoreError, match="row 1 of table 'annotations' is damaged"):
        store.read_index()


def test_nothing_is_written_by_a_store_that_wrote_nothing(db):
    store = Store(db)
    store.read_index()
    store.lookup_path.unlink()
    assert not store.write_lookup() and not store.lookup_path.exists()
