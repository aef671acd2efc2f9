"""``--db`` naming something other than a plain writable store file.

A symlinked store is written through to its target; a read-only store, a
FIFO and a character device are refused with exit status 2 and left as they
are (a FIFO never hangs a command); tables this version does not know are
kept by every write.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import flat, run_cli

COMMANDS = [("import", str(SEEDS[0])), ("timeline",), ("export",), ("rebuild", str(SEEDS[0]))]


def test_a_symlinked_store_is_written_through_to_its_target(tmp_path):
    target = tmp_path / "real" / "db.json"
    target.parent.mkdir()
    assert import_paths(Store(target), [str(SEEDS[0])]).ok
    link = tmp_path / "db.json"
    link.symlink_to(target)
    result = run_cli("import", str(SEEDS[1]), db=link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert len(Store(target).read().documents) == 2
    assert not list(tmp_path.glob("db.json.*")) and (tmp_path / "real" / "db.json.lock").exists()


@pytest.mark.parametrize("command", COMMANDS[::3], ids=lambda c: c[0])
def test_a_read_only_store_is_refused(tmp_path, command):
    db = tmp_path / "db.json"
    assert import_paths(Store(db), [str(SEEDS[1])]).ok
    db.chmod(0o444)
    before = db.read_bytes()
    result = run_cli(*command, db=db)
    assert result.returncode == 2, result.stdout + result.stderr
    assert str(db) in flat(result.stderr) and "read-only" in result.stderr
    assert db.read_bytes() == before and stat.S_IMODE(db.stat().st_mode) == 0o444


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_fifo_is_refused_without_hanging(tmp_path, command):
    db = tmp_path / "db.json"
    os.mkfifo(db)
    result = run_cli(*command, db=db, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "FIFO" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_ISFIFO(db.lstat().st_mode)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_character_device_is_refused(tmp_path, command):
    # Through a link, so a regression replaces the link and never the device itself.
    db = tmp_path / "db.json"
    db.symlink_to("/dev/null")
    result = run_cli(*command, db=db)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "character device" in result.stderr
    assert db.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_tables_this_version_does_not_know_are_kept(tmp_path):
    db = tmp_path / "db.json"
    assert import_paths(Store(db), [str(SEEDS[0])]).ok
    data = json.loads(db.read_bytes())
    data["plugin_state"] = {"1": {"owner": "another tool", "value": [1, 2, 3]}}
    db.write_text(json.dumps(data))
    result = run_cli("import", str(SEEDS[1]), db=db)
    assert result.returncode == 0, result.stderr
    after = json.loads(db.read_bytes())
    assert after["plugin_state"] == data["plugin_state"]
    assert len(after["documents"]) == 2


def test_a_store_name_is_never_read_as_a_pattern(tmp_path):
    # "[ab].json" as a glob would match a.json and b.json: their temporary files are not ours.
    others = [tmp_path / ".a.json.x1.tmp", tmp_path / ".b.json.x2.tmp"]
    for other in others:
        other.write_text("another writer's temporary file")
    ours = tmp_path / ".[ab].json.x3.tmp"
    ours.write_text("left by a killed writer")
    assert import_paths(Store(tmp_path / "[ab].json"), [str(SEEDS[0])]).ok
    assert all(other.exists() for other in others)
    assert not ours.exists()
