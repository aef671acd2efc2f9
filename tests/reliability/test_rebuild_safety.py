"""``rebuild`` never empties a store and keeps a backup of it first.

A missing, mistyped or empty source (or the default ``corpus`` run outside
the checkout) is refused with the store untouched; a document whose file
fails this time is kept with its facts and notes.
"""

from __future__ import annotations

import shutil

import pytest

from ofsted_core.annotations import make_annotation
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import cli, flat


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def db(tmp_path, sources, capsys):
    db = tmp_path / "db.json"
    assert cli(capsys, "import", str(sources), db=db)[0] == 0
    with Store(db).transaction() as data:
        data.annotations.append(make_annotation("note", data.documents[0], body="keep me"))
    return db


@pytest.mark.parametrize("source", ["missing", "typo/corpus", "empty"])
def test_a_source_that_gives_no_document_is_refused_and_the_store_untouched(tmp_path, db, capsys, source):
    (tmp_path / "empty").mkdir()
    before = db.read_bytes()
    code, out, err = cli(capsys, "rebuild", str(tmp_path / source), db=db)
    assert code == 2
    assert str(db) in flat(err) and "nothing to rebuild from" in flat(err)
    assert db.read_bytes() == before


def test_the_default_corpus_outside_the_checkout_is_refused(tmp_path, db, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = db.read_bytes()
    code, _, err = cli(capsys, "rebuild", db=db)
    assert code == 2 and "corpus" in flat(err)
    assert db.read_bytes() == before


def test_a_document_whose_file_failed_this_time_is_kept_with_its_note(db, sources, capsys):
    before = Store(db).read()
    noted = before.annotations[0]
    (failing,) = [p for p in sources.iterdir() if str(p) == noted["source"]]
    failing.write_bytes(b"\x00\x01binary now\x00")
    code, out, _ = cli(capsys, "rebuild", str(sources), db=db)
    assert code == 1
    assert "kept" in flat(out)
    after = Store(db).read()
    assert {d["id"] for d in after.documents} == {d["id"] for d in before.documents}
    assert sorted(f["id"] for f in after.facts) == sorted(f["id"] for f in before.facts)
    assert after.annotations == before.annotations


def test_a_missing_folder_among_good_ones_keeps_its_documents(tmp_path, db, sources, capsys):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS[3], other / SEEDS[3].name)
    assert cli(capsys, "import", str(other), db=db)[0] == 0
    count = len(Store(db).read().documents)
    shutil.rmtree(other)
    code, _, _ = cli(capsys, "rebuild", str(sources), str(other), db=db)
    assert code == 1
    assert len(Store(db).read().documents) == count


def test_a_rebuild_keeps_a_backup_of_the_store_first(tmp_path, db, sources, capsys):
    before = db.read_bytes()
    for seed in sources.iterdir():
        if seed != sorted(sources.iterdir())[0]:
            seed.unlink()
    assert cli(capsys, "rebuild", str(sources), db=db)[0] == 0
    assert len(Store(db).read().documents) == 1
    assert Store(db).backup_path("rebuild").read_bytes() == before
