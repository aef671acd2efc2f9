"""A store that cannot be used stops every command with a clear message and exit status 2.

Truncated, not JSON, of an unknown schema version, someone else's JSON, or
unreadable: the message names the file and what to do, no command (the
explorer included) takes over the terminal or writes anything, and the file
is left byte for byte.
"""

from __future__ import annotations

import json

import pytest

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import cli, flat, need_permissions, run_cli

# Reading (timeline stands for export, search and show), writing, and the explorer.
COMMANDS = (("timeline",), ("import", str(SEEDS[0])), ())


@pytest.fixture(scope="module")
def valid_store(tmp_path_factory) -> bytes:
    db = tmp_path_factory.mktemp("valid") / "db.json"
    assert import_paths(Store(db), [str(SEEDS[0])]).ok
    return db.read_bytes()


def truncated(valid):
    return valid[: len(valid) // 2], "Restore it from a backup"


def not_json(valid):
    return b"<!doctype html><title>db.json</title>\x00\xff\xfe", "Restore it from a backup"


def newer_schema(valid):
    return json.dumps({"meta": {"1": {"schema": 99}}, "documents": {}}).encode(), "upgrade ofsted-tui"


def unreadable_schema(valid):
    return json.dumps({"meta": {"1": {"schema": "one"}}, "documents": {}}).encode(), "Restore it from a backup"


def someone_elses_json(valid):
    return json.dumps({"users": {"1": {"name": "x"}}}).encode(), "Check the path given with --db"


def _left_alone(tmp_path, db, content) -> None:
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("db.json")) in (
        ["db.json"], ["db.json", "db.json.lock"])


@pytest.mark.parametrize("make", [truncated, not_json, newer_schema, unreadable_schema, someone_elses_json])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "explorer")
def test_unusable_store_exits_2_and_is_untouched(tmp_path, capsys, monkeypatch, valid_store, make, command):
    monkeypatch.setenv("COLUMNS", "200")
    content, what_to_do = make(valid_store)
    db = tmp_path / "db.json"
    db.write_bytes(content)
    code, out, err = cli(capsys, *command, db=db)
    assert code == 2, out + err
    message = flat(err)
    assert str(db) in message and what_to_do in message
    assert out == ""
    _left_alone(tmp_path, db, content)


def test_console_script_on_a_truncated_store(tmp_path, valid_store):
    # The matrix above runs in-process; this is the same through the installed command.
    content, _ = truncated(valid_store)
    db = tmp_path / "db.json"
    db.write_bytes(content)
    result = run_cli("import", str(SEEDS[1]), db=db)
    assert result.returncode == 2 and str(db) in flat(result.stderr) and "Traceback" not in result.stderr
    _left_alone(tmp_path, db, content)


@pytest.mark.parametrize("command", COMMANDS[:2], ids=lambda c: c[0])
def test_store_without_read_permission_exits_2_and_is_untouched(tmp_path, valid_store, command):
    need_permissions()
    db = tmp_path / "db.json"
    db.write_bytes(valid_store)
    db.chmod(0o200)
    result = run_cli(*command, db=db, timeout=30)
    assert result.returncode == 2, result.stdout + result.stderr
    message = flat(result.stderr)
    assert str(db) in message and "permission denied" in message and "check the file's permissions" in message
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == valid_store and db.stat().st_mode & 0o777 == 0o200
