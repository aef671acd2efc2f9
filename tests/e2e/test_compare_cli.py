"""`ofsted-tui compare` as a user runs it, on a store imported from a small national CSV in the real
format (tests/fixtures/national) and, where ../shared is present, from the real national record."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from importers.councils import council, neighbours_of
from tests.e2e.cli_helpers import run_cli, run_json
from tests.paths import REPO

FIXTURE = REPO / "tests" / "fixtures" / "national" / "compare_history.csv"
HISTORY = REPO.parent / "shared" / "reference" / "ofsted_csc_ilacs_history.csv"
NEIGHBOURS = ["Norfolk", *(c.name for c in neighbours_of(council("Norfolk")))]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("compare") / "db.json"
    assert run_cli("import", str(FIXTURE), db=path).returncode == 0
    return path


def test_names_resolve_like_authority_and_the_grid_is_printed(db: Path) -> None:
    # An LA code, a URN and part of a name, each resolved by the reference.
    result = run_cli("compare", "926", "80565", "cornw", db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["Council", "Latest"] and "2006" in lines[0] and "2026" in lines[0]
    assert [line.split()[0] for line in lines[1:4]] == ["Norfolk", "Suffolk", "Cornwall"]
    assert "no graded inspection" in result.stdout and "? grade not in dataset" in result.stdout  # the legend
    norfolk = lines[1].split()
    assert norfolk[1:4] == ["G", "↑", "2025"] and norfolk.count("RI") == 1 and norfolk.count("G") == 2


def test_neighbours_json_and_csv_carry_the_same_grid(db: Path) -> None:
    data = run_json("compare", "norfolk", "--neighbours", db=db)
    assert [c["council"] for c in data["councils"]] == NEIGHBOURS
    assert data["years"][0] == 2006 and data["years"][-1] == 2026
    somerset = next(c for c in data["councils"] if c["council"] == "Somerset")
    assert somerset["latest_grade"] is None and somerset["years"]["2026"]["no_overall_grade"]
    result = run_cli("compare", "norfolk", "--neighbours", "--csv", db=db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["council"] for r in rows] == NEIGHBOURS
    for row, item in zip(rows, data["councils"]):
        assert {y: row[y] for y in item["years"]} == {y: cell["mark"] for y, cell in item["years"].items()}


def test_region_adds_every_council_of_the_region(db: Path) -> None:
    data = run_json("compare", "devon", "--region", db=db)
    assert data["councils"][0]["council"] == "Devon"
    assert {c["region"] for c in data["councils"]} == {"South West"} and len(data["councils"]) > 10


def test_a_name_that_matches_nothing_is_refused_with_a_suggestion(db: Path) -> None:
    result = run_cli("compare", "norfolk", "sufolk", db=db)
    assert result.returncode == 1 and result.stdout == ""
    assert "no council matches 'sufolk'; did you mean 'Suffolk'" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("compare", db=db).returncode == 2  # a council is required


def test_a_council_with_nothing_in_the_store_is_a_row_of_dots_and_said(db: Path) -> None:
    result = run_cli("compare", "haringey", "norfolk", db=db)
    assert result.returncode == 0
    haringey = result.stdout.splitlines()[1].split()
    assert haringey[:2] == ["Haringey", "ungraded"] and set(haringey[2:]) == {"·"}
    assert "this store has no events for Haringey" in result.stderr


@pytest.mark.skipif(not HISTORY.is_file(), reason="needs ../shared/reference/ofsted_csc_ilacs_history.csv")
def test_the_real_national_record_compares_a_council_with_its_neighbours(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    assert run_cli("import", str(HISTORY), db=path).returncode == 0
    data = run_json("compare", "norfolk", "--neighbours", db=path)
    assert [c["council"] for c in data["councils"]] == NEIGHBOURS
    # Every council of today has an ILACS grade in the record: each row shows at least one.
    assert all(any(cell["grade"] for cell in c["years"].values()) for c in data["councils"])
    narrow = run_cli("compare", "norfolk", "--neighbours", db=path, env={"COLUMNS": "80"})
    assert narrow.returncode == 0
