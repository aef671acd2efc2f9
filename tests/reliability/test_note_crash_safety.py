"""A note's save killed (SIGKILL) at any point leaves the store as it was before or after, and a save
that cannot write or that follows another writer's change never loses anything.

The killed save is the second of a session (``crash_child note``): the one that starts from the rows
the first one wrote rather than parsing db.json again, which is the path a note takes in the explorer.
"""

from __future__ import annotations

import errno
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ofsted_core.files as files_module
from ofsted_core.annotations import Change, change_annotations, make_annotation, rebuild_events
from ofsted_core.importing import import_paths
from ofsted_core.store import Store, StoreError
from tests.paths import REPO, SEEDS
from tests.reliability.helpers import kill_at_stage, stray_files, wait_for_stage

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
              pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")]

STAGES = ("transaction", "temp-created", "half-written", "synced", "replaced")
RANDOM_KILLS = 4


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("notes") / "db.json"
    assert import_paths(Store(db), [str(seed) for seed in SEEDS]).ok
    return db


def _copy(seeded: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "db.json"
    db.write_bytes(seeded.read_bytes())
    Store(db).bulk.path.write_bytes(Store(seeded).bulk.path.read_bytes())
    return db


def _bodies_and_consistent(db: Path) -> list[str]:
    """The notes' bodies; the store must open, with the timeline a full rebuild gives."""
    data = Store(db).read()
    assert data.events == rebuild_events(data)
    return sorted(note["body"] for note in data.annotations)


def _child(stage: str, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.crash_child", stage, "note", str(db)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize(("stage", "expected"), [
    ("transaction", ["first"]), ("temp-created", ["first"]), ("half-written", ["first"]), ("synced", ["first"]),
    ("replaced", ["first", "second"]),
])
def test_a_note_killed_at_each_stage_of_its_write_leaves_before_or_after(seeded, tmp_path, stage, expected):
    db = _copy(seeded, tmp_path)
    # The first save runs unwrapped: every stage said is the second save's.
    kill_at_stage(_child(stage, db), stage, "the note's save")
    assert _bodies_and_consistent(db) == expected
    # The next save (a new process's) finishes cleanly and leaves no temporary file behind.
    store = Store(db)
    change_annotations(store, Change(add=(make_annotation("note", store.read().documents[0], body="next"),)))
    assert _bodies_and_consistent(db) == sorted([*expected, "next"])
    assert stray_files(db.parent) == []


def test_a_note_killed_at_random_moments_leaves_before_or_after(seeded, tmp_path):
    rng = random.Random(20261207)
    for n in range(RANDOM_KILLS):
        db = _copy(seeded, tmp_path / str(n))
        child = _child("slow", db)
        wait_for_stage(child, "transaction", "the note's save")
        time.sleep(rng.uniform(0, 0.2))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert _bodies_and_consistent(db) in (["first"], ["first", "second"])


def test_a_save_after_another_writer_keeps_its_change(seeded, tmp_path):
    """The rows a store last wrote are reused only while db.json holds those very bytes."""
    db = _copy(seeded, tmp_path)
    mine, theirs = Store(db), Store(db)
    shown = mine.read()
    doc = shown.documents[0]
    shown, _ = change_annotations(mine, Change(add=(make_annotation("note", doc, body="mine"),)), shown)
    change_annotations(theirs, Change(add=(make_annotation("bookmark", doc),)))
    written, _ = change_annotations(mine, Change(add=(make_annotation("note", doc, body="mine again"),)), shown)
    kinds = sorted(note["kind"] for note in Store(db).read().annotations)
    assert kinds == ["bookmark", "note", "note"]
    assert sorted(note["kind"] for note in written.annotations) == kinds


def test_a_save_that_cannot_write_leaves_the_store_and_says_why(seeded, tmp_path, monkeypatch):
    db = _copy(seeded, tmp_path)
    store = Store(db)
    shown = store.read()
    doc = shown.documents[0]
    shown, _ = change_annotations(store, Change(add=(make_annotation("note", doc, body="kept"),)), shown)
    before = db.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_module.os, "fsync", full)
    with pytest.raises(StoreError) as raised:
        change_annotations(store, Change(add=(make_annotation("note", doc, body="lost"),)), shown)
    assert "disk is full" in raised.value.reason and "left intact" in raised.value.reason
    assert db.read_bytes() == before and stray_files(db.parent) == []
    monkeypatch.undo()
    # The same store object saves again from the file as it is, not from what it failed to write.
    change_annotations(store, Change(add=(make_annotation("note", doc, body="again"),)), shown)
    assert _bodies_and_consistent(db) == ["again", "kept"]


def test_the_file_written_is_tinydb_s_own_layout(seeded, tmp_path):
    from tinydb import TinyDB

    db = _copy(seeded, tmp_path)
    store = Store(db)
    doc = store.read().documents[0]
    change_annotations(store, Change(add=(make_annotation("note", doc, body="read by TinyDB"),)))
    data = store.read()
    tiny = TinyDB(db, access_mode="r")
    assert tiny.tables() >= {"meta", "documents", "events", "annotations"}
    assert [row["body"] for row in tiny.table("annotations").all()] == ["read by TinyDB"]
    assert tiny.table("events").all() == data.events
    assert tiny.table("meta").all() == [{"schema": 2}]
    assert [row.doc_id for row in tiny.table("documents").all()] == list(range(1, len(data.documents) + 1))
    tiny.close()
