"""``export --out`` never writes over the store and never leaves half a file."""

from __future__ import annotations

import os
import resource

import pytest

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import cli, flat, run_cli, stray_files


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "db.json"
    assert import_paths(Store(db), [str(seed) for seed in SEEDS[:2]]).ok
    return db


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink", "lock", "backup", "temp"])
def test_the_store_and_its_files_are_refused_as_out(tmp_path, db, capsys, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    names = {
        "same": "db.json", "dotted": "./sub/../db.json", "lock": "db.json.lock",
        "backup": "db.json.bak-rebuild", "temp": ".db.json.x1.tmp", "symlink": "link.json", "hardlink": "hard.json",
    }
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.json").symlink_to(db)
    os.link(db, tmp_path / "hard.json")
    before = db.read_bytes()
    code, out, err = cli(capsys, "export", "--out", names[spelling], db=db)
    assert code == 2
    assert "cannot write" in flat(err) and "choose another file" in flat(err)
    assert db.read_bytes() == before


def test_a_full_disk_leaves_an_existing_out_file_whole(tmp_path, db):
    out = tmp_path / "export.json"
    out.write_text("the previous export\n")
    payload = run_cli("export", db=db).stdout
    limit = len(payload) // 2  # room for part of the new export only

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run_cli("export", "--out", str(out), db=db, preexec=limited)
    assert result.returncode == 2, result.stderr
    assert str(out) in flat(result.stderr) and "Traceback" not in result.stderr
    assert out.read_text() == "the previous export\n"
    assert stray_files(tmp_path) == []


def test_an_export_replaces_the_file_whole(tmp_path, db, capsys):
    out = tmp_path / "export.csv"
    out.write_text("x" * 10_000_000)
    assert cli(capsys, "export", "--format", "csv", "--out", str(out), db=db)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("id,doc_id,type")
    assert stray_files(tmp_path) == []
