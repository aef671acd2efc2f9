"""The national history CSV as a document of kind dataset (importers.dataset)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.model import ImporterError
from importers.pipeline import import_file

HEADER = ("urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,"
          "inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,"
          "help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version")
LINK = "https://files.ofsted.gov.uk/v1/file/"
# Rows in the scraper's own forms (see ../shared/reference/README.md), made up for these tests.
ILACS_2024 = f"80498,haringey,{LINK}1,x.pdf,12/04/24,standard,Ann Example,26/02/2024,08/03/2024,good,good,requires improvement,good,outstanding,1"
ILACS_2019 = f"80418,norfolk,{LINK}2,x.pdf,01/03/19,short,Bob Example,14/01/2019,18/01/2019,requires improvement,good,requires improvement,inadequate,inspection_pre_dates_judgement,1"
PRE_2018 = f"80426,barnsley,{LINK}3,x.pdf,08/08/14,,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1"
UNREADABLE = f"80429,birmingham,{LINK}4,x.pdf,19/10/12,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1"
POST_REFORM = f"80431,blackpool,{LINK}5,x.pdf,28/07/26,standard,Cy Example,08/06/2026,19/06/2026,not_reported_post_reform,outstanding,good,outstanding,outstanding,1"


def _write(tmp_path: Path, *rows: str, name: str = "history.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def _facts(doc, type_: str, row: int | None = None) -> list:
    return [f for f in doc.facts if f.type == type_ and (row is None or f.get("row") == row)]


def test_a_graded_row_gives_an_inspection_and_a_judgement_per_area_with_provenance(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, ILACS_2024))
    assert doc.kind == "dataset" and doc.authority is None and doc.warnings == []
    (inspection,) = _facts(doc, "inspection")
    assert inspection.get("authority") == "Haringey"  # by its URN, in the extractor's spelling
    assert inspection.get("inspection_type") == "standard inspection"
    assert (inspection.get("year"), inspection.get("month"), inspection.get("day")) == (2024, 2, 26)
    assert (inspection.get("end_month"), inspection.get("end_day")) == (3, 8)
    assert inspection.get("lead_inspector") == "Ann Example"
    judgements = {f.get("area"): f for f in _facts(doc, "judgement")}
    assert {a: f.get("rating") for a, f in judgements.items()} == {
        "overall": "good", "leadership": "good", "help and protection": "requires improvement",
        "children in care": "good", "care leavers": "outstanding"}
    assert judgements["help and protection"].get("grade") == 3
    for fact in (inspection, *judgements.values()):
        assert fact.get("row") == 2 and fact.get("link") == f"{LINK}1"
        assert fact.get("era") in (None, "ilacs")


def test_each_fact_spans_its_words_on_its_rows_line(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, ILACS_2024, ILACS_2019))
    lines = doc.text.splitlines()
    assert sum(1 for line in lines if line.startswith("line ")) == 2
    for fact in doc.facts:
        words = doc.text[fact.span[0]:fact.span[1]]
        line = doc.text[doc.text.rfind("\n", 0, fact.span[0]) + 1:].split("\n", 1)[0]
        assert line.startswith(f"line {fact.get('row')} ")
        if fact.type == "judgement":
            assert words == fact.get("rating_text")
        else:
            assert words.startswith(fact.get("inspection_type"))


def test_before_2023_in_care_grades_care_leavers_too(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, ILACS_2019))
    areas = {f.get("area"): f.get("rating") for f in _facts(doc, "judgement")}
    assert areas["children in care and care leavers"] == "inadequate"
    assert "care leavers" not in areas and "children in care" not in areas


def test_rows_without_grades_give_an_inspection_dated_by_publication_year(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, PRE_2018, UNREADABLE))
    assert _facts(doc, "judgement") == [] and doc.warnings == []
    for row, year in ((2, 2014), (3, 2012)):
        (inspection,) = _facts(doc, "inspection", row)
        assert inspection.get("year") == year and inspection.get("month") is None
        assert inspection.get("date_source") == "published" and inspection.get("inspection_type") == "inspection"
    assert "grades not read by the scraper" in doc.text


def test_after_the_reform_there_is_no_overall_grade(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, POST_REFORM))
    areas = {f.get("area") for f in _facts(doc, "judgement")}
    assert "overall" not in areas and {"leadership", "care leavers"} <= areas
    assert "not_reported" not in doc.text


@pytest.mark.parametrize(("row", "problem"), [
    (f"99999,atlantis,{LINK}9,x.pdf,01/01/20,standard,X,01/01/2020,10/01/2020,good,good,good,good,good,1",
     "is not a council in the reference"),
    (f"80498,haringey,{LINK}9,x.pdf,31/02/20,standard,X,01/01/2020,10/01/2020,good,good,good,good,good,1",
     "publication_date '31/02/20' is not a date"),
    (f"80498,haringey,{LINK}9,x.pdf,01/03/20,standard,X,10/01/2020,01/01/2020,good,good,good,good,good,1",
     "ends (01/01/2020) before it starts"),
    (f"80498,haringey,{LINK}9,x.pdf,01/03/20,standard,X,10/01/2020", "has 8 fields where the header has 15"),
])
def test_a_bad_row_is_skipped_and_named_by_its_line(tmp_path: Path, row: str, problem: str) -> None:
    doc = import_file(_write(tmp_path, ILACS_2024, row, ILACS_2019))
    (warning,) = doc.warnings
    assert warning.startswith("line 3: ") and problem in warning and warning.endswith("row skipped")
    assert {f.get("row") for f in doc.facts} == {2, 4}  # the rows either side are kept


def test_a_word_that_is_no_grade_loses_that_grade_alone(tmp_path: Path) -> None:
    row = f"80498,haringey,{LINK}9,x.pdf,01/03/20,standard,X,06/01/2020,17/01/2020,good,good,to requires improvement,good,inspection_pre_dates_judgement,1"
    doc = import_file(_write(tmp_path, row))
    assert doc.warnings == ["line 2: help_and_protection_grade 'to requires improvement' is not a grade; that grade skipped"]
    assert {f.get("area") for f in _facts(doc, "judgement")} == {"overall", "leadership", "children in care and care leavers"}


def test_line_numbers_count_the_lines_of_a_quoted_cell(tmp_path: Path) -> None:
    multi = f'80418,"norfolk\ncounty",{LINK}7,x.pdf,01/03/19,short,X,14/01/2019,18/01/2019,good,good,good,good,good,1'
    bad = f"80498,haringey,{LINK}9,x.pdf,99/99/99,standard,X,06/01/2020,17/01/2020,good,good,good,good,good,1"
    doc = import_file(_write(tmp_path, multi, bad))
    assert {f.get("row") for f in doc.facts} == {2}
    assert doc.warnings[0].startswith("line 4: ")


def test_the_format_is_known_by_its_header_not_its_name(tmp_path: Path) -> None:
    doc = import_file(_write(tmp_path, ILACS_2024, name="download.txt"))
    assert doc.kind == "dataset" and len(_facts(doc, "judgement")) == 5
    other = _write(tmp_path, "1,2,3", name="other.csv", header="a,b,c")
    with pytest.raises(ImporterError, match="not the data-to-insight inspection history"):
        import_file(other)


def test_a_file_with_no_readable_row_is_refused_with_the_reason(tmp_path: Path) -> None:
    bad = f"99999,atlantis,{LINK}9,x.pdf,01/01/20,standard,X,01/01/2020,10/01/2020,good,good,good,good,good,1"
    with pytest.raises(ImporterError, match="no row that could be read.*line 2"):
        import_file(_write(tmp_path, bad))


def test_escapes_in_cells_are_removed(tmp_path: Path) -> None:
    row = ILACS_2024.replace("Ann Example", "Ann \x1b[31mExample\x07")
    doc = import_file(_write(tmp_path, row))
    assert "\x1b" not in doc.text and "\x07" not in doc.text
    assert _facts(doc, "inspection")[0].get("lead_inspector") == "Ann Example"


def test_a_folder_walk_takes_the_history_and_leaves_other_csv_files(tmp_path: Path) -> None:
    from importers.pipeline import iter_files

    _write(tmp_path, ILACS_2024, name="history.csv")
    _write(tmp_path, "1,2,3", name="timeline-export.csv", header="a,b,c")
    assert [Path(p).name for p, _ in iter_files([str(tmp_path)])] == ["history.csv"]
    # Named outright, another CSV is refused with its reason (see the header test above).
    assert list(iter_files([str(tmp_path / "timeline-export.csv")])) == [(str(tmp_path / "timeline-export.csv"), None)]


def test_a_row_before_2023_grading_in_care_and_care_leavers_alike_is_their_one_grade(tmp_path: Path) -> None:
    # Rows the scraper read without framework or dates fill both columns: before 2023 ILACS gave one grade.
    row = f"80557,redcar and cleveland,{LINK}6,x.pdf,22/09/22,,,,,requires improvement,requires improvement,good,requires improvement,requires improvement,1"
    doc = import_file(_write(tmp_path, row))
    areas = {f.get("area"): f.get("rating") for f in _facts(doc, "judgement")}
    assert areas == {"overall": "requires improvement", "leadership": "requires improvement", "help and protection": "good",
                     "children in care and care leavers": "requires improvement"}
    # Grades that differ are not one grade: both kept as the file gives them, never guessed.
    split = row.replace("good,requires improvement,requires improvement,1", "good,requires improvement,inadequate,1")
    areas = {f.get("area"): f.get("rating") for f in _facts(import_file(_write(tmp_path, split)), "judgement")}
    assert areas["children in care"] == "requires improvement" and areas["care leavers"] == "inadequate"


# A 2018-19 row whose overall cell the scraper left blank while it read the areas (its form on
# two rows of the real history file) and a post-reform row, which says no overall grade was given.
BLANK_OVERALL = f"80533,nottingham,{LINK}6,x.pdf,07/01/19,standard,Di Example,05/11/2018,16/11/2018,,requires improvement,requires improvement,requires improvement,inspection_pre_dates_judgement,1"


def _store_events(tmp_path: Path, *paths: Path) -> list[dict]:
    from ofsted_core.library import Library
    library = Library(tmp_path / "db.json")
    assert library.import_paths([str(p) for p in paths]).ok
    return library.load().events


def test_a_blank_overall_cell_is_the_files_gap_not_ofsteds_silence(tmp_path: Path) -> None:
    from ofsted_core.compare import NO_GRADE_MARK, NO_OVERALL_MARK, NOT_IN_DATASET_MARK, cell_mark, compare_grid
    from ofsted_core.labels import rating_text
    events = _store_events(tmp_path, _write(tmp_path, BLANK_OVERALL, POST_REFORM, PRE_2018))
    shown = {e["authority"]: rating_text(e) for e in events}
    assert shown == {"Nottingham": "Grade not in dataset", "Blackpool": "No overall grade",
                     "Barnsley": "Grade not in dataset"}
    grid = compare_grid(events, ["Nottingham", "Blackpool"])
    marks = {row.name: {cell_mark(c) for c in row.cells} - {NO_GRADE_MARK} for row in grid.rows}
    # The grid says each apart: a grade the file lacks is not a year without an inspection.
    assert marks == {"Nottingham": {NOT_IN_DATASET_MARK}, "Blackpool": {NO_OVERALL_MARK}}


def test_a_row_without_grades_still_sits_in_its_framework(tmp_path: Path) -> None:
    events = _store_events(tmp_path, _write(tmp_path, BLANK_OVERALL, POST_REFORM, PRE_2018, UNREADABLE))
    eras = {e["authority"]: e.get("era") for e in events}
    assert eras == {"Nottingham": "ilacs", "Blackpool": "ilacs", "Barnsley": "sif", "Birmingham": "safeguarding-lac"}


def test_a_report_giving_the_overall_grade_fills_the_datasets_blank_cell(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Nottingham City Council\nInspection of children's social care services\n"
                      "Inspection dates: 5 November 2018 to 16 November 2018\n"
                      "Overall effectiveness: Requires improvement to be good\n", encoding="utf-8")
    events = _store_events(tmp_path, _write(tmp_path, BLANK_OVERALL), report)
    from ofsted_core.labels import rating_text
    (event,) = [e for e in events if e["authority"] == "Nottingham" and e["year"] == 2018]
    assert event["grade"] == 3 and rating_text(event) == "Requires improvement to be good"
    assert not event.get("overall_not_in_dataset")


def test_the_exports_tell_a_grade_missing_from_the_file_from_no_overall_grade(tmp_path: Path) -> None:
    # On screen "Grade not in dataset" and "No overall grade" differ; `export` and `timeline --json`
    # wrote `rating: null` for both.
    import csv
    import io

    from ofsted_core.export import export_csv
    from ofsted_core.library import Library
    _store_events(tmp_path, _write(tmp_path, BLANK_OVERALL, POST_REFORM))
    library = Library(tmp_path / "db.json")
    flags = {e["authority"]: e["overall_not_in_dataset"] for e in library.timeline().json()}
    assert flags == {"Nottingham": True, "Blackpool": False}
    rows = csv.DictReader(io.StringIO(export_csv(library.load(), table="events")))
    assert {r["authority"]: r["overall_not_in_dataset"] for r in rows} == {"Nottingham": "True", "Blackpool": "False"}
