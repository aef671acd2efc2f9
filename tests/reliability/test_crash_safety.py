"""An import killed (SIGKILL) at any point leaves the store as it was before or after.

The import adds four documents and replaces an edited one that carries the
user's note. It is killed at each stage of the write of both files (the bulk
rows in db.sqlite, uncommitted and committed, then db.json) (``crash_child`` says when
each is reached) and at random moments while it writes the store in small
pieces. Afterwards the store must open, hold exactly the old bytes or exactly
what a complete import gives, and take the same import again cleanly.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from ofsted_core.annotations import make_annotation
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import REPO, SEEDS
from tests.reliability.helpers import comparable, copy_store, kill_at_stage, stray_files, wait_for_stage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

RANDOM_KILLS = 6


@dataclass
class Scenario:
    paths: list[str]
    before_db: Path
    before_bytes: bytes
    before: dict
    after: dict


def _child(stage: str, db: Path, paths: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", stage, "import", *paths, "--db", str(db)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    root = tmp_path_factory.mktemp("crash")
    inbox = root / "in"
    inbox.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, inbox / seed.name)
    story = inbox / SEEDS[0].name
    before_db = root / "before.json"
    store = Store(before_db)
    assert import_paths(store, [str(story)]).ok
    with store.transaction() as data:
        doc = data.documents[0]
        data.annotations.append(make_annotation("note", doc, body="ask the council about this"))
    # The crashing import replaces this edited file and adds the other four.
    story.write_text(story.read_text(encoding="utf-8") + "\nA later paragraph added by the editor.\n", encoding="utf-8")
    paths = [str(inbox)]

    after_db = root / "after.json"
    copy_store(before_db, after_db)
    assert import_paths(Store(after_db), paths).ok
    after = comparable(after_db)
    assert len(after["documents"]) == len(SEEDS) and len(after["annotations"]) == 1
    return Scenario(paths, before_db, before_bytes=before_db.read_bytes(), before=comparable(before_db), after=after)


def _check_and_recover(db: Path, scenario: Scenario, note: str) -> str:
    """Assert the killed import left 'before' or 'after'; say which."""
    state = comparable(db)  # raises StoreError if the store does not open
    if db.read_bytes() == scenario.before_bytes:
        # The catalogue as before must find its rows in db.sqlite as before, whatever was added there.
        assert state == scenario.before, f"{note}: db.json is as before but the store reads otherwise"
        outcome = "before"
    else:
        assert state == scenario.after, f"{note}: the store is neither the state before nor after"
        outcome = "after"
    # The next import finishes the job and leaves nothing behind.
    assert import_paths(Store(db), scenario.paths).ok
    assert comparable(db) == scenario.after, note
    assert stray_files(db.parent) == [], note
    return outcome


@pytest.mark.parametrize(
    ("stage", "expected"),
    [("transaction", "before"), ("bulk-uncommitted", "before"), ("bulk-written", "before"), ("temp-created", "before"), ("half-written", "before"),
     ("synced", "before"), ("replaced", "after")],
)
def test_kill_at_each_stage_of_the_write(scenario, tmp_path, stage, expected):
    db = tmp_path / "db.json"
    copy_store(scenario.before_db, db)
    kill_at_stage(_child(stage, db, scenario.paths), stage, "the import")
    assert _check_and_recover(db, scenario, f"killed at {stage}") == expected


def test_kill_at_random_moments_of_the_write(scenario, tmp_path):
    rng = random.Random(20240229)
    killed = 0
    for n in range(RANDOM_KILLS):
        db = tmp_path / f"{n}" / "db.json"
        db.parent.mkdir()
        copy_store(scenario.before_db, db)
        child = _child("slow", db, scenario.paths)
        wait_for_stage(child, "transaction", "the import")
        # The slow write takes at least PIECES x 2 ms: most kills land inside it, a few after.
        delay = rng.uniform(0, 0.25)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        killed += child.returncode == -signal.SIGKILL
        _check_and_recover(db, scenario, f"killed after {delay:.3f} s")
    # Most runs must really have been cut short, or this tested nothing.
    assert killed >= RANDOM_KILLS // 2


def test_an_import_with_nothing_to_do_clears_what_a_killed_writer_left(scenario, tmp_path):
    # A kill while the lookup file was written (after db.json) leaves its temporary file; the next
    # import found every file unchanged, wrote nothing, and left it there for good.
    db = tmp_path / "db.json"
    copy_store(scenario.before_db, db)
    assert import_paths(Store(db), scenario.paths).ok
    stray = db.parent / ".db.json.lookup.k1ll3d.tmp"
    stray.write_bytes(b"half a lookup file")
    report = import_paths(Store(db), scenario.paths)
    assert report.ok and len(report.unchanged) == len(SEEDS)
    assert stray_files(db.parent) == []
