"""The store's two files: when they disagree every command says so, and importing again repairs it.

db.json naming rows that db.sqlite lacks, db.sqlite missing, damaged or of a
newer version: exit status 2 and a message naming the file and what to do,
never a traceback, never a store shown with documents silently missing, and
db.json left byte for byte. Readers running while another process writes
both files always see the store as before or as after.
"""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.e2e.cli_helpers import console_script
from tests.paths import REPO, SEEDS
from tests.reliability.helpers import cli, flat

COMMANDS = (("timeline",), ("search", "Ofsted"), ("export", "--format", "json"), ())


def _lose_one_row(db):
    with sqlite3.connect(Store(db).bulk.path) as bulk:
        bulk.execute("DELETE FROM texts WHERE rowid = (SELECT min(rowid) FROM texts)")
    return "re-import"


def _lose_the_file(db):
    Store(db).bulk.path.unlink()
    return "rebuild"


def _damage_the_file(db):
    Store(db).bulk.path.write_bytes(b"\x00garbage" * 512)
    return "rebuild"


def _newer_file(db):
    with sqlite3.connect(Store(db).bulk.path) as bulk:
        bulk.execute("PRAGMA user_version = 42")
    return "upgrade ofsted-tui"


DISAGREEMENTS = {"rows missing": _lose_one_row, "file missing": _lose_the_file, "file damaged": _damage_the_file,
                 "file of a newer version": _newer_file}


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "db.json"
    assert import_paths(Store(db), list(map(str, SEEDS[:3]))).ok
    return db


@pytest.mark.parametrize("disagreement", DISAGREEMENTS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "explorer")
def test_every_command_reports_files_that_disagree(store, capsys, monkeypatch, disagreement, command):
    monkeypatch.setenv("COLUMNS", "300")
    hint = DISAGREEMENTS[disagreement](store)
    catalogue = store.read_bytes()
    code, out, err = cli(capsys, *command, db=store)
    assert code == 2, out + err
    message = flat(err)
    assert str(Store(store).bulk.path) in message and hint in message, message
    assert "Traceback" not in err
    assert store.read_bytes() == catalogue


@pytest.mark.parametrize("disagreement", ["rows missing", "file missing", "file damaged"])
def test_importing_the_files_again_repairs_the_store(store, capsys, disagreement):
    before = Store(store).read()
    DISAGREEMENTS[disagreement](store)
    code, out, err = cli(capsys, "import", *map(str, SEEDS[:3]), db=store)
    assert code == 0, out + err
    after = Store(store).read()
    assert sorted(d["id"] for d in after.documents) == sorted(d["id"] for d in before.documents)
    assert sorted(f["id"] for f in after.facts) == sorted(f["id"] for f in before.facts)
    code, out, _ = cli(capsys, "search", "Ofsted", db=store)
    assert code == 0 and out


def test_readers_see_before_or_after_while_another_process_writes_both_files(store):
    before = len(Store(store).read().documents)
    writer = subprocess.Popen([console_script(), "import", *map(str, SEEDS), "--db", str(store)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = set()
    try:
        while writer.poll() is None:
            data = Store(store).read()  # never a StoreError: the pair is always whole
            seen.add(len(data.documents))
            assert len(data.facts) > 0
    finally:
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, out + err
    seen.add(len(Store(store).read().documents))
    assert seen <= {before, len(SEEDS)} and len(SEEDS) in seen


def test_a_fifo_in_place_of_the_bulk_file_is_refused_not_opened(store, capsys):
    import os

    bulk = Store(store).bulk.path
    bulk.unlink()
    os.mkfifo(bulk)
    code, out, err = cli(capsys, "timeline", db=store)  # would block forever if it were opened
    assert code == 2 and "fifo" in flat(err).lower(), out + err
