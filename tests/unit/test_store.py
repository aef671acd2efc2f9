"""The store's promises: atomic writes, one lock, clear errors, files left untouched."""

from __future__ import annotations

import json
import threading

import pytest

from ofsted_core.store import SCHEMA_VERSION, Store, StoreError


def _write_doc(store: Store, doc_id: str) -> None:
    with store.transaction() as data:
        data.documents.append({"id": doc_id, "source": f"{doc_id}.txt", "text": "x"})


def test_round_trip_and_schema_recorded(tmp_path):
    store = Store(tmp_path / "db.json")
    _write_doc(store, "a")
    assert [d["id"] for d in store.read().documents] == ["a"]
    raw = json.loads((tmp_path / "db.json").read_text())
    assert list(raw["meta"].values()) == [{"schema": SCHEMA_VERSION}]


def test_missing_store_reads_empty_and_is_not_created_by_reading(tmp_path):
    store = Store(tmp_path / "db.json")
    assert store.read().documents == []
    assert not (tmp_path / "db.json").exists()


def test_write_leaves_no_temporary_files(tmp_path):
    store = Store(tmp_path / "db.json")
    _write_doc(store, "a")
    _write_doc(store, "b")
    # The lookup file is the write's too (Store.write_lookup), as a reader would have left it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json", "db.json.lock", "db.json.lookup", "db.sqlite"]


def test_failed_transaction_writes_nothing(tmp_path):
    store = Store(tmp_path / "db.json")
    _write_doc(store, "a")
    before = (tmp_path / "db.json").read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction() as data:
            data.documents.clear()
            raise RuntimeError("boom")
    assert (tmp_path / "db.json").read_bytes() == before


def test_unchanged_transaction_does_not_rewrite(tmp_path):
    store = Store(tmp_path / "db.json")
    _write_doc(store, "a")
    stamp = store.mtime_ns()
    with store.transaction() as data:
        data.changed = False
    assert store.mtime_ns() == stamp


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'{"documents": {"1": {"id": "a"', "broken JSON"),
        (b"not json at all", "broken JSON"),
        (b"[1, 2, 3]", "not an ofsted-tui store"),
        (b'{"meta": {"1": {"schema": 99}}}', "newer ofsted-tui"),
        (b'{"people": {}}', "unknown tables"),
        (b'{"documents": []}', "damaged"),
    ],
)
def test_unreadable_store_is_reported_and_left_untouched(tmp_path, content, needle):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    store = Store(path)
    with pytest.raises(StoreError) as info:
        store.read()
    assert needle in info.value.reason
    assert str(path) in str(info.value)
    with pytest.raises(StoreError):
        _write_doc(store, "a")
    assert path.read_bytes() == content


def test_unreadable_permissions(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    path.write_text("{}")
    real = type(path).read_bytes

    def denied(self):
        # Tests run as root here, where chmod 000 does not stop a read.
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(type(path), "read_bytes", denied)
    with pytest.raises(StoreError, match="permission denied"):
        Store(path).read()


def test_concurrent_writers_never_lose_a_document(tmp_path):
    path = tmp_path / "db.json"
    ids = [f"d{i}" for i in range(20)]
    threads = [threading.Thread(target=_write_doc, args=(Store(path), i)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(d["id"] for d in Store(path).read().documents) == sorted(ids)


def test_only_the_bulk_modules_use_sqlite():
    import ast

    from tests.paths import REPO

    users = set()
    for package in ("ofsted_core", "ofsted_tui", "importers"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(name.split(".")[0] == "sqlite3" for name in names):
                    users.add(path.relative_to(REPO).as_posix())
    assert users == {"ofsted_core/bulk.py", "ofsted_core/fulltext.py"}
