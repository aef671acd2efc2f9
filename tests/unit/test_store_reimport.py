"""A re-import skips the files unchanged since they were imported, before parsing them."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from ofsted_core import importing
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


@pytest.fixture
def imported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    store = Store(tmp_path / "db.json")
    assert import_paths(store, [str(folder)]).ok
    return store, folder


@pytest.fixture
def parsed(monkeypatch):
    """The files parsed, by name."""
    names: list[str] = []
    real = importing.import_file

    def recording(path, *args, **kwargs):
        names.append(os.path.basename(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(importing, "import_file", recording)
    monkeypatch.setattr(importing, "PARALLEL_MIN_FILES", 10**6)  # parse here, where the recording is
    return names


def test_unchanged_files_are_not_parsed_again(imported, parsed):
    store, folder = imported
    stamp = store.mtime_ns()
    report = import_paths(store, [str(folder)])
    assert parsed == [] and len(report.unchanged) == len(SEEDS) and report.ok
    assert store.mtime_ns() == stamp  # nothing written


def test_a_touched_file_with_the_same_bytes_is_hashed_not_parsed(imported, parsed):
    store, folder = imported
    first = sorted(folder.iterdir())[0]
    os.utime(first, ns=(1, 1))
    assert import_paths(store, [str(folder)]).unchanged and parsed == []


def test_an_edited_file_is_parsed_and_replaced(imported, parsed):
    store, folder = imported
    first = sorted(folder.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA later paragraph.\n", encoding="utf-8")
    report = import_paths(store, [str(folder)])
    assert parsed == [first.name] and len(report.replaced) == 1


def test_a_new_importer_parses_every_file_again(imported, parsed, monkeypatch):
    store, folder = imported
    monkeypatch.setattr(importing, "IMPORTER_VERSION", "a newer one")
    import_paths(store, [str(folder)])
    assert sorted(parsed) == sorted(p.name for p in folder.iterdir())


def test_a_file_whose_bulk_rows_were_lost_is_parsed_again_and_repairs_the_store(imported, parsed):
    store, folder = imported
    victim = store.read().documents[0]
    with sqlite3.connect(store.bulk.path) as db:
        db.execute("DELETE FROM texts WHERE id = ?", (victim["id"],))
    report = import_paths(store, [str(folder)])
    assert parsed == [os.path.basename(victim["source"])] and report.ok
    assert len(store.read().documents) == len(SEEDS)


def test_a_skipped_file_still_reports_the_rows_it_skipped(tmp_path, parsed):
    dataset = tmp_path / "ratings.csv"
    # The inspection history's layout (importers/dataset.py), one row with a grade word it cannot read.
    header = ("urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,"
              "inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"
              "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version")
    rows = ["1,kent,,a.pdf,09/05/25,short,A N Other,17/03/2025,21/03/2025,good,good,good,good,good,1",
            "2,surrey,,b.pdf,09/05/24,short,A N Other,17/03/2024,21/03/2024,splendid,good,good,good,good,1"]
    dataset.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    store = Store(tmp_path / "db.json")
    first = import_paths(store, [str(dataset)])
    assert first.added and first.warnings
    again = import_paths(store, [str(dataset)])
    assert parsed == [dataset.name] and again.unchanged
    assert [w.reason for w in again.warnings] == [w.reason for w in first.warnings]
