"""The real national history CSV and a few real reports, imported as a user would (skipped where absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import run_cli, run_json
from tests.paths import NATIONAL, REPO

HISTORY = REPO.parent / "shared" / "reference" / "ofsted_csc_ilacs_history.csv"
# Two ILACS reports the history also lists, of two councils and two years.
REPORTS = (
    NATIONAL / "80418_norfolk" / "children's services inspection - 13 january 2023.pdf",
    *sorted((NATIONAL / "80443_bury").glob("*.pdf"))[-1:],
)

pytestmark = pytest.mark.skipif(
    not HISTORY.is_file() or not all(p.is_file() for p in REPORTS),
    reason="needs ../shared/reference/ofsted_csc_ilacs_history.csv and reports in ../shared/reports/national",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("national") / "db.json"
    result = run_cli("import", str(HISTORY), *map(str, REPORTS), db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def test_the_history_imports_as_a_dataset_with_its_odd_rows_reported_not_fatal(store: Path) -> None:
    result = run_cli("import", str(HISTORY), db=store)
    assert result.returncode == 0
    assert re.search(r"Documents unchanged\W+1\b", result.stdout)
    # The scraper's odd grade words are named by line, each losing only that grade.
    assert "line 329" in result.stdout and "that grade skipped" in result.stdout
    shown = run_json("show", str(HISTORY), db=store)
    assert shown["kind"] == "dataset"
    rows = [line for line in shown["text"].splitlines() if line.startswith("line ")]
    assert len(rows) == 497  # every row of the file is readable as a line
    for fact in shown["facts"]:
        line = shown["text"][:fact["span"][0]].rsplit("\n", 1)[-1]
        assert line.startswith(f"line {fact['row']} ")


def test_all_153_councils_are_listed_with_their_latest_grades(store: Path) -> None:
    rows = run_json("councils", db=store)
    assert len(rows) == 153
    assert all(r["documents"] for r in rows)  # the national record names every council
    graded = [r for r in rows if r["date"]]
    assert len(graded) == 153
    # Reports after April 2026 give no overall grade; every other council has one.
    assert sum(1 for r in graded if r["rating"] is None) <= 15
    assert all(r["date"] >= "2018" for r in graded)


def test_a_report_and_its_row_are_one_event_and_agree(store: Path) -> None:
    events = run_json("timeline", "--authority", "Norfolk", db=store)
    (event,) = [e for e in events if (e["date"] or "").startswith("2022-11")]
    assert len(event["doc_ids"]) == 2 and event["conflicts"] == []
    assert event["judgements"]["overall"]["kind"] == "ofsted_report"  # the report's reading is the one shown
    assert event["rating"] == "good"


def test_councils_csv_and_filters_on_the_real_record(store: Path) -> None:
    result = run_cli("councils", "--csv", "--region", "North West", db=store)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("council,region,") and len(lines) == 1 + 24
    inadequate = run_json("councils", "--grade", "inadequate", db=store)
    assert inadequate and all(r["grade"] == 4 for r in inadequate)
