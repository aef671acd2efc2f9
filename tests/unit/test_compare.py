"""The comparison grid (ofsted_core.compare), on events made by importing real-format documents:
a national history CSV in the scraper's format (tests/fixtures/national) and Ofsted letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.councils import council, councils, neighbours_of
from ofsted_core.compare import (
    FIRST_YEAR, NO_GRADE_MARK, NO_OVERALL_MARK, NOT_IN_DATASET_MARK, cell_mark, choose_councils, compare_grid,
    grid_csv_rows, grid_json, group_by_council, latest_by_authority, year_grades,
)
from ofsted_core.library import Library
from ofsted_core.national import council_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HISTORY = FIXTURES / "national" / "compare_history.csv"
LETTERS = [FIXTURES / "unseen" / name for name in
           ("focused_letter.txt", "monitoring_letter.txt", "monitoring_letter_bradford.txt", "jtai.txt")]


def _events(tmp_path: Path, *paths: Path) -> list[dict]:
    library = Library(tmp_path / "db.json")
    assert library.import_paths([str(p) for p in paths]).ok
    return library.load().events


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return _events(tmp_path_factory.mktemp("compare"), HISTORY)


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return _events(tmp_path_factory.mktemp("letters"), *LETTERS)


def test_a_council_and_its_neighbours_are_its_row_then_theirs_nearest_first(national: list[dict]) -> None:
    norfolk = council("Norfolk")
    names = choose_councils(["Norfolk"], neighbours=True)
    assert names == ["Norfolk", *(c.name for c in neighbours_of(norfolk))] and len(names) == 11
    grid = compare_grid(national, names)
    assert [row.name for row in grid.rows] == names
    # From 2006 to the store's latest year, whatever the councils chosen.
    assert grid.years[0] == FIRST_YEAR and grid.years[-1] == max(e["year"] for e in national if e.get("year"))
    assert compare_grid(national, ["Devon"]).years == grid.years


def test_each_cell_is_the_grade_the_trajectory_chart_gives_that_year(national: list[dict]) -> None:
    grid = compare_grid(national, choose_councils(["Norfolk"], neighbours=True))
    graded_cells = 0
    for row in grid.rows:
        authority = row.authorities[0]
        chart = {y.year: y for y in year_grades(national, authority)}
        for cell in row.cells:
            rated = chart.get(cell.year)
            if rated is not None and rated.rated:
                assert cell.grade == rated.grade
                graded_cells += 1
            else:
                assert cell.grade is None
    assert graded_cells >= 20  # two graded inspections for most of the eleven


def test_the_latest_grade_and_direction_are_the_national_tables(national: list[dict]) -> None:
    grid = compare_grid(national, choose_councils(["Norfolk"], neighbours=True))
    table = {r["council"]: r for r in council_rows(national)}
    for row in grid.rows:
        assert (row.latest_rating, row.latest_grade, row.latest_date, row.direction) == (
            table[row.name]["rating"], table[row.name]["grade"], table[row.name]["date"], table[row.name]["direction"])
    assert {row.direction for row in grid.rows} >= {"improved", "declined", "same"}


def test_a_row_without_a_readable_grade_and_one_without_an_overall_grade_read_apart(national: list[dict]) -> None:
    grid = compare_grid(national, ["Norfolk", "Somerset"])
    norfolk, somerset = grid.rows
    # Norfolk's early row had no readable grade: an inspection whose grade the file lacks, marked
    # apart from a year with no inspection at all.
    unread = [e for e in national if e.get("authority") == "Norfolk" and not e.get("grade")]
    assert unread and all(cell_mark(norfolk.cells[grid.years.index(e["year"])]) == NOT_IN_DATASET_MARK for e in unread)
    assert NO_GRADE_MARK in {cell_mark(c) for c in norfolk.cells}
    # Somerset's last inspection graded its areas but gave no overall grade (the 2026 framework).
    last = somerset.cells[grid.years.index(int(somerset.latest_date[:4]))]
    assert cell_mark(last) == NO_OVERALL_MARK and last.no_overall and somerset.latest_grade is None


def test_visits_that_award_no_grade_are_marked_apart_from_grades(letters: list[dict]) -> None:
    grid = compare_grid(letters, ["Reading", "Slough", "Bradford", "Cumbria"])
    marks = {row.name: {c.year: cell_mark(c) for c in row.cells if cell_mark(c) != NO_GRADE_MARK}
             for row in grid.rows}
    visits = {(e["authority"], e["year"], e["type"]) for e in letters if not e.get("grade")}
    assert ("Reading", 2021, "focused visit") in visits and marks["Reading"][2021] == "f"
    assert ("Slough", 2019, "monitoring visit") in visits and marks["Slough"][2019] == "m"
    assert marks["Cumbria"][2018] == "v"  # a joint targeted area inspection
    # A year with a grade shows the grade's letters (of its era: RI, not A, in 2016).
    assert marks["Slough"][2016] == "I" and marks["Cumbria"][2016] == "RI"
    # Cumbria was abolished in 2023: no national row, so its last grade stands as its latest.
    assert council("Cumbria").until and grid.rows[3].latest_rating == "requires improvement"


def test_a_grade_and_a_visit_in_one_year_show_both(tmp_path: Path, letters: list[dict]) -> None:
    # Bradford's 2019 monitoring visit, and a graded inspection that year from the national CSV's format.
    header = HISTORY.read_text(encoding="utf-8").splitlines()[0]
    csv = tmp_path / "history.csv"
    csv.write_text(header + "\n" + "80449,bradford,https://files.ofsted.gov.uk/v1/file/90000099,children's services "
                   "inspection - 20 december 2019.pdf,20/12/19,standard,Alex Example,04/11/2019,15/11/2019,"
                   "requires improvement to be good,good,requires improvement to be good,good,"
                   "inspection_pre_dates_judgement,1\n", encoding="utf-8")
    events = _events(tmp_path, csv, LETTERS[2])
    (row,) = compare_grid(events, ["Bradford"]).rows
    by_year = {c.year: cell_mark(c) for c in row.cells}
    assert by_year[2019] == "RI+" and by_year[2020] == "m"


def test_a_region_is_every_council_of_it_each_once() -> None:
    names = choose_councils(["Norfolk", "Suffolk"], region=True)
    east = {c.name for c in councils() if c.region == "East of England"}
    assert names[:2] == ["Norfolk", "Suffolk"] and set(names) == east and len(names) == len(east)


def test_json_and_csv_hold_the_same_marks(national: list[dict]) -> None:
    grid = compare_grid(national, ["Norfolk", "Devon"])
    as_json = grid_json(grid)
    columns, rows = grid_csv_rows(grid)
    assert columns[5:] == [str(y) for y in grid.years]
    for item, row in zip(as_json, rows):
        assert item["council"] == row["council"]
        for year, cell in item["years"].items():
            assert row[year] == cell["mark"]
        assert all(row[str(y)] == NO_GRADE_MARK for y in grid.years if str(y) not in item["years"])


def test_timeline_groups_and_their_headings(national: list[dict], letters: list[dict]) -> None:
    events = national + letters
    groups = group_by_council(events)
    names = [name for name, _ in groups]
    assert names == sorted(names, key=str.casefold) and "Norfolk" in names and "Reading" in names
    assert sum(len(members) for _, members in groups) == len(events)
    latest = latest_by_authority(events)
    assert latest["Norfolk"]["rating"] == compare_grid(events, ["Norfolk"]).rows[0].latest_rating
