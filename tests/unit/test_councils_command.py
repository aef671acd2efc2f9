"""``ofsted-tui councils`` (the national table) and ``--authority`` by any name, run in-process."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from ofsted_tui.cli import main
from ofsted_core.national import council_rows, grade_filter
from tests.unit.test_dataset import HEADER, LINK

# Made-up rows: Haringey inspected twice (RI, then good) with a focused visit after; Norfolk once
# (inadequate); Blackpool after the 2026 reform (no overall grade).
ROWS = (
    f"80498,haringey,{LINK}1,x.pdf,12/04/24,standard,A,26/02/2024,08/03/2024,good,good,good,good,good,1",
    f"80498,haringey,{LINK}2,x.pdf,14/12/18,standard,B,29/10/2018,09/11/2018,requires improvement,requires improvement,requires improvement,requires improvement,inspection_pre_dates_judgement,1",
    f"80418,norfolk,{LINK}3,x.pdf,01/03/19,short,C,14/01/2019,18/01/2019,inadequate,inadequate,inadequate,inadequate,inspection_pre_dates_judgement,1",
    f"80431,blackpool,{LINK}4,x.pdf,28/07/26,standard,D,08/06/2026,19/06/2026,not_reported_post_reform,outstanding,good,good,good,1",
)


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "200")
    (tmp_path / "history.csv").write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
    store = tmp_path / "db.json"
    assert main(["import", str(tmp_path / "history.csv"), "--db", str(store)]) == 0
    return store


def _json(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["councils", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_council_is_listed_and_those_without_documents_are_marked(db: Path, capsys) -> None:
    rows = _json(capsys, "--db", str(db))
    assert len(rows) == 153
    by_name = {r["council"]: r for r in rows}
    assert by_name["Barnet"]["documents"] == 0 and by_name["Barnet"]["rating"] is None
    assert by_name["Barnet"]["region"] == "London"
    haringey = by_name["Haringey"]
    assert (haringey["rating"], haringey["date"], haringey["inspection"], haringey["era"]) == (
        "good", "2024-02-26", "standard inspection", "ilacs")
    assert (haringey["previous_rating"], haringey["previous_date"], haringey["direction"]) == (
        "requires improvement", "2018-10-29", "improved")
    assert [step["rating"] for step in haringey["trajectory"]] == ["requires improvement", "good"]
    assert by_name["Norfolk"]["direction"] is None and by_name["Norfolk"]["previous_rating"] is None


def test_after_the_reform_the_latest_inspection_shows_its_areas_without_an_overall_grade(db: Path, capsys) -> None:
    blackpool = {r["council"]: r for r in _json(capsys, "--db", str(db))}["Blackpool"]
    assert blackpool["rating"] is None and blackpool["date"] == "2026-06-08"
    assert blackpool["grades"]["leadership"] == "outstanding"


def test_filters_by_region_grade_and_year(db: Path, capsys) -> None:
    assert {r["council"] for r in _json(capsys, "--db", str(db), "--grade", "inadequate")} == {"Norfolk"}
    assert {r["council"] for r in _json(capsys, "--db", str(db), "--grade", "2")} == {"Haringey"}
    assert {r["council"] for r in _json(capsys, "--db", str(db), "--since", "2020")} == {"Haringey", "Blackpool"}
    london = _json(capsys, "--db", str(db), "--region", "london")
    assert len(london) == 33 and {r["region"] for r in london} == {"London"}
    assert _json(capsys, "--db", str(db), "--region", "east of", "--grade", "I")[0]["council"] == "Norfolk"


def test_bad_filters_say_what_would_do(db: Path, capsys) -> None:
    assert main(["councils", "--db", str(db), "--grade", "splendid"]) == 2
    assert "is not a grade" in capsys.readouterr().err
    assert main(["councils", "--db", str(db), "--region", "Wessex"]) == 1
    assert "regions: East Midlands" in capsys.readouterr().err.replace("\n", " ")


def test_filters_that_leave_no_council_say_so_with_exit_status_1(db: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["councils", "--db", str(db), "--grade", "outstanding"]) == 1
    captured = capsys.readouterr()
    assert "no council matches these filters" in captured.err
    assert "Council" not in captured.out  # no empty table
    assert main(["councils", "--db", str(db), "--since", "2030", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_the_table_and_csv(db: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["councils", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Councils (153)" in out and "no documents" in out
    haringey = next(line for line in out.splitlines() if "Haringey" in line)
    assert "RI G" in haringey and "↑" in haringey and "2024-02-26" in haringey
    assert main(["councils", "--db", str(db), "--csv", "--region", "London"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 33
    haringey = next(r for r in rows if r["council"] == "Haringey")
    assert haringey["trajectory"] == "RI → G" and haringey["direction"] == "improved" and haringey["urn"] == "80498"


def test_visits_since_the_latest_inspection_and_months_since() -> None:
    events = [
        {"authority": "Haringey", "year": 2023, "month": 2, "day": 13, "date": "2023-02-13", "type": "standard inspection",
         "rating": "good", "grade": 2, "era": "ilacs", "judgements": {"overall": {"rating": "good", "grade": 2}},
         "doc_ids": ["a"], "id": "e1"},
        {"authority": "Haringey", "year": 2024, "month": 10, "day": None, "date": "2024-10", "type": "focused visit",
         "rating": None, "grade": None, "era": "ilacs-visits", "judgements": {}, "doc_ids": ["b"], "id": "e2"},
        {"authority": "Haringey", "year": 2022, "month": 5, "day": None, "date": "2022-05", "type": "monitoring visit",
         "rating": None, "grade": None, "era": "ilacs-visits", "judgements": {}, "doc_ids": ["c"], "id": "e3"},
    ]
    (row,) = [r for r in council_rows(events, today=dt.date(2026, 12, 6)) if r["council"] == "Haringey"]
    assert row["visits_since"] == [{"type": "focused visit", "date": "2024-10"}]
    assert row["months_since"] == 46 and row["documents"] == 3


@pytest.mark.parametrize(("text", "grade"), [("outstanding", 1), ("Good", 2), ("RI", 3), ("requires improvement", 3),
                                             ("I", 4), ("4", 4), ("5", None), ("great", None)])
def test_grade_filter_words(text: str, grade: int | None) -> None:
    assert grade_filter(text) == grade


@pytest.mark.parametrize(("given", "expected"), [
    ("haringey", {"Haringey"}), ("London Borough of Haringey", {"Haringey"}), ("80498", {"Haringey"}),
    ("norf", {"Norfolk"}), ("Blackpool Council", {"Blackpool"}),
])
def test_authority_takes_partial_and_other_names(db: Path, capsys, given: str, expected: set[str]) -> None:
    capsys.readouterr()
    assert main(["timeline", "--db", str(db), "--authority", given, "--json"]) == 0
    assert {e["authority"] for e in json.loads(capsys.readouterr().out)} == expected


def test_authority_that_names_nothing_suggests_a_name(db: Path, capsys) -> None:
    assert main(["timeline", "--db", str(db), "--authority", "Hariney"]) == 1
    err = capsys.readouterr().err
    assert "no council matches 'Hariney'" in err and "'Haringey'" in err


def test_a_board_review_is_not_the_councils_latest_inspection() -> None:
    """A later event grading only the safeguarding board leaves the council's own inspection as its latest."""
    def event(year: int, judgements: dict, rating: str | None, grade: int | None) -> dict:
        return {"authority": "Surrey", "year": year, "month": 6, "day": None, "date": f"{year}-06",
                "type": "inspection", "rating": rating, "grade": grade, "era": "sif",
                "judgements": judgements, "doc_ids": [str(year)], "id": f"e{year}"}

    events = [event(2014, {"overall": {"rating": "inadequate", "grade": 4}}, "inadequate", 4),
              event(2015, {"lscb": {"rating": "requires improvement", "grade": 3}}, None, None)]
    (row,) = [r for r in council_rows(events, today=dt.date(2026, 12, 6)) if r["council"] == "Surrey"]
    assert (row["rating"], row["date"]) == ("inadequate", "2014-06")
