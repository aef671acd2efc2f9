"""A store made ready to write from the rows a reader holds (``Store.expect``): the first note need not parse db.json.

Only where those rows serialise to db.json's very bytes; the write compares the
bytes again under the lock, so another writer's change, a hand edit or a table
this version does not know is never lost.
"""

from __future__ import annotations

import orjson
import pytest

from ofsted_core import store as store_module
from ofsted_core.annotations import Change, change_annotations, make_annotation
from ofsted_core.store import Store, StoreData


def _store(path) -> Store:
    store = Store(path)
    with store.transaction() as data:
        data.documents[:] = [{"id": f"d{i}", "source": f"d{i}.txt", "text": f"text {i}", "title": f"Doc {i}",
                              "authority": "Kent" if i % 2 else "Leeds", "furniture": [], "page_starts": [0]}
                             for i in range(6)]
        data.facts[:] = [{"id": f"f{i}", "doc_id": f"d{i}", "type": "quote", "span": [0, 4]} for i in range(6)]
        data.events[:] = []
    return Store(path)  # a fresh object, as another process would hold: it has written nothing


def _shown(store: Store) -> StoreData:
    """What the explorer holds: the catalogue, events and annotations, as a lookup read them."""
    return store.read_index()


def _bookmark(doc_id: str) -> Change:
    return Change(add=(make_annotation("bookmark", {"id": doc_id, "source": f"{doc_id}.txt"}),))


def test_the_first_note_after_expect_does_not_parse_and_writes_what_a_parse_would(tmp_path, parses):
    ready, plain = _store(tmp_path / "a" / "db.json"), _store(tmp_path / "b" / "db.json")
    change, shown, shown_plain = _bookmark("d1"), _shown(ready), _shown(plain)
    assert ready.expect(shown)
    parses.clear()
    change_annotations(ready, change, shown)
    assert parses == []
    change_annotations(plain, change, shown_plain)  # parsed: this store has neither written nor expected
    assert parses == [1]
    assert ready.path.read_bytes() == plain.path.read_bytes()


def test_another_writers_change_after_expect_is_kept(tmp_path):
    mine = _store(tmp_path / "db.json")
    assert mine.expect(_shown(mine))
    change_annotations(Store(mine.path), _bookmark("d2"))  # another process, meanwhile
    change_annotations(mine, _bookmark("d3"), _shown(mine))
    assert sorted(a["doc_id"] for a in mine.read().annotations) == ["d2", "d3"]


def test_a_hand_edit_of_the_same_length_after_expect_is_kept(tmp_path):
    mine = _store(tmp_path / "db.json")
    assert mine.expect(_shown(mine))
    raw = mine.path.read_bytes()
    edited = raw.replace(b'"Doc 4"', b'"Doc X"')
    assert len(edited) == len(raw) and edited != raw
    mine.path.write_bytes(edited)
    change_annotations(mine, _bookmark("d3"), _shown(mine))
    assert "Doc X" in [d["title"] for d in mine.read().documents]


def test_a_table_this_version_does_not_know_is_not_expected_and_is_kept(tmp_path):
    mine = _store(tmp_path / "db.json")
    data = orjson.loads(mine.path.read_bytes())
    data["their_table"] = {"1": {"kept": True}}
    mine.path.write_bytes(orjson.dumps(data))
    assert not mine.expect(_shown(mine))
    change_annotations(mine, _bookmark("d1"), _shown(mine))
    assert orjson.loads(mine.path.read_bytes())["their_table"] == {"1": {"kept": True}}


@pytest.mark.parametrize("shown", ["whole rows", "other rows"])
def test_rows_that_are_not_the_files_are_not_expected(tmp_path, shown):
    mine = _store(tmp_path / "db.json")
    if shown == "whole rows":
        data = mine.read()  # texts and facts: not what a catalogue transaction starts from
    else:
        data = _shown(mine)
        data.documents = [{**d, "title": "changed"} if d["id"] == "d0" else d for d in data.documents]
    assert not mine.expect(data)


def test_a_missing_or_damaged_file_is_not_expected_and_the_write_says_why(tmp_path):
    mine = _store(tmp_path / "db.json")
    shown = _shown(mine)
    mine.path.write_bytes(b"{not json")
    assert not mine.expect(shown)
    with pytest.raises(store_module.StoreError, match="broken JSON"):
        change_annotations(mine, _bookmark("d1"), shown)
    assert mine.path.read_bytes() == b"{not json"
    assert not Store(tmp_path / "none.json").expect(shown)


def test_rows_with_notes_and_events_are_expected_when_they_are_the_files(tmp_path):
    written = _store(tmp_path / "db.json")
    change_annotations(written, _bookmark("d1"))
    change_annotations(written, _bookmark("d4"))
    fresh = Store(written.path)  # another process: it has written nothing
    shown = _shown(fresh)
    assert len(shown.annotations) == 2
    assert fresh.expect(shown)
