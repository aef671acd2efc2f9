"""Faults while writing the store, and stores written by older versions.

A full disk, a file-size limit or a read-only folder during a write leaves the
old store byte for byte and says why; a store of an older schema is migrated
after its bytes are kept in a backup.
"""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import resource
import shutil
import subprocess

import pytest

from ofsted_core import files as files_module
from ofsted_core.importing import import_paths
from ofsted_core.store import SCHEMA_VERSION, Store, StoreError
from tests.paths import SEEDS
from tests.reliability.helpers import export, flat, need_permissions, run_cli, stray_files

# A store as written before the "meta" table existed (schema 0), with a user's note.
SCHEMA0 = {
    "documents": {"1": {"id": "d1", "source": "a.txt", "title": "A", "kind": "news", "text": "Rated good."}},
    "facts": {"1": {"id": "d1-0000", "doc_id": "d1", "type": "date", "span": [0, 5]}},
    "events": {},
    "annotations": {"1": {"id": "n1", "kind": "note", "source": "a.txt", "doc_id": "d1", "body": "check this"}},
}


def _schema0(path):
    raw = json.dumps(SCHEMA0, indent=1).encode()
    path.write_bytes(raw)
    return raw


def _add(store: Store, doc_id: str) -> None:
    with store.transaction() as data:
        data.documents.append({"id": doc_id, "source": f"{doc_id}.txt", "text": "x" * 2000})


# -- migration -----------------------------------------------------------------
def test_schema0_store_is_migrated_after_a_backup(tmp_path, caplog):
    path = tmp_path / "db.json"
    raw = _schema0(path)
    with caplog.at_level(logging.WARNING, logger="ofsted_core.store"):
        data = Store(path).read()
    assert [d["id"] for d in data.documents] == ["d1"]
    assert [a["body"] for a in data.annotations] == ["check this"]
    backup = tmp_path / "db.json.bak-schema0"
    assert backup.read_bytes() == raw
    on_disk = json.loads(path.read_text())
    assert list(on_disk["meta"].values()) == [{"schema": SCHEMA_VERSION}]
    assert on_disk["annotations"] == SCHEMA0["annotations"]
    assert "migrated from schema 0" in caplog.text and str(backup) in caplog.text
    # Opening it again is a plain read: no second backup, no rewrite.
    stamp = path.stat().st_mtime_ns
    caplog.clear()
    assert Store(path).read() == data
    assert path.stat().st_mtime_ns == stamp and "migrated" not in caplog.text
    assert sorted(p.name for p in tmp_path.glob("db.json.bak*")) == ["db.json.bak-schema0"]


def test_import_into_schema0_store_keeps_backup_and_notes(tmp_path):
    path = tmp_path / "db.json"
    raw = _schema0(path)
    result = run_cli("import", str(SEEDS[0]), db=path)
    assert result.returncode == 0, result.stderr
    assert "migrated from schema 0" in flat(result.stderr) and "db.json.bak-schema0" in result.stderr
    assert (tmp_path / "db.json.bak-schema0").read_bytes() == raw
    data = export(path)
    assert len(data["documents"]) == 2
    assert [a["body"] for a in data["annotations"]] == ["check this"]


def test_migration_never_overwrites_another_files_backup(tmp_path):
    path = tmp_path / "db.json"
    older = tmp_path / "db.json.bak-schema0"
    older.write_bytes(b"an earlier backup")
    raw = _schema0(path)
    Store(path).read()
    assert older.read_bytes() == b"an earlier backup"
    assert (tmp_path / "db.json.bak-schema0-2").read_bytes() == raw


def test_damaged_old_store_is_neither_migrated_nor_touched(tmp_path):
    path = tmp_path / "db.json"
    damaged = {**SCHEMA0, "facts": {"one": {"id": "x"}}}
    path.write_text(json.dumps(damaged))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        Store(path).read()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak*"))


def test_old_store_in_read_only_folder_is_read_and_left_as_is(tmp_path):
    need_permissions()
    path = tmp_path / "db.json"
    raw = _schema0(path)
    tmp_path.chmod(0o555)
    try:
        result = run_cli("export", db=path)
    finally:
        tmp_path.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["d1"]
    assert "not migrated on disk" in flat(result.stderr)
    assert path.read_bytes() == raw and not list(tmp_path.glob("*.bak*"))


# -- failed writes -------------------------------------------------------------
class _FullDiskFile(io.FileIO):
    """A file on a disk that fills up halfway through the write."""

    def write(self, payload):
        half = len(payload) // 2
        if half:
            super().write(payload[:half])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fail_write(monkeypatch):
    monkeypatch.setattr(files_module.os, "fdopen", lambda fd, mode: _FullDiskFile(fd, "wb"))


def _fail_fsync(monkeypatch):
    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(files_module.os, "fsync", fsync)


def _fail_replace(monkeypatch):
    def replace(src, dst):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))
    monkeypatch.setattr(files_module.os, "replace", replace)


def _fail_tempfile(monkeypatch):
    def mkstemp(**kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))
    monkeypatch.setattr(files_module.tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        (_fail_write, "No space left on device; the disk is full"),
        (_fail_fsync, "No space left on device; the disk is full"),
        (_fail_replace, "Permission denied; the folder is not writable"),
        (_fail_tempfile, "Read-only file system; the folder is on a read-only file system"),
    ],
    ids=["write", "fsync", "replace", "create"],
)
def test_failed_write_leaves_old_store_and_says_why(tmp_path, monkeypatch, fault, says):
    path = tmp_path / "db.json"
    store = Store(path)
    _add(store, "a")
    before = path.read_bytes()
    fault(monkeypatch)
    with pytest.raises(StoreError) as info:
        _add(store, "b")
    assert info.value.path == str(path)
    assert says in info.value.reason and "the old store was left intact" in info.value.reason
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert stray_files(tmp_path) == []
    _add(store, "c")  # the store is still usable once the fault is gone
    assert [d["id"] for d in store.read().documents] == ["a", "c"]


def test_file_size_limit_during_import_leaves_old_store(tmp_path):
    # A real failed write, no privileges needed: the kernel refuses bytes past RLIMIT_FSIZE.
    path = tmp_path / "db.json"
    assert import_paths(Store(path), [str(SEEDS[0])]).ok
    before = path.read_bytes()
    limit = len(before) + 1024

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run_cli("import", *map(str, SEEDS), db=path, preexec=limited)
    assert result.returncode == 2, result.stdout + result.stderr
    message = flat(result.stderr)
    # The bulk file (db.sqlite) is the first written: SQLite says "disk I/O error", with no errno to name.
    assert str(path) in message and "file size limit" in message and "the old store was left intact" in message
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before
    assert stray_files(tmp_path) == []


def test_read_only_folder_leaves_old_store_and_says_so(tmp_path):
    need_permissions()
    path = tmp_path / "db.json"
    assert import_paths(Store(path), [str(SEEDS[0])]).ok
    before = path.read_bytes()
    tmp_path.chmod(0o555)
    try:
        result = run_cli("import", str(SEEDS[1]), db=path)
    finally:
        tmp_path.chmod(0o755)
    assert result.returncode == 2, result.stdout + result.stderr
    message = flat(result.stderr)
    assert str(path) in message and "not writable" in message
    assert path.read_bytes() == before
    assert stray_files(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 kB tmpfs, where the machine lets us mount one (root with CAP_SYS_ADMIN)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root; the full disk is covered by the simulated faults above")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_really_full_disk_leaves_old_store_and_says_so(tiny_disk):
    path = tiny_disk / "db.json"
    assert import_paths(Store(path), [str(SEEDS[0])]).ok
    before = path.read_bytes()
    with open(tiny_disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    result = run_cli("import", *map(str, SEEDS), db=path)
    assert result.returncode == 2, result.stdout + result.stderr
    message = flat(result.stderr)
    assert str(path) in message and "the disk is full" in message and "left intact" in message
    assert path.read_bytes() == before
    assert stray_files(tiny_disk) == []
