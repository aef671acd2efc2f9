"""Councils side by side: a council-by-year grid of overall grades.

Rows are councils, columns years; each cell holds the overall grade of the
inspection(s) that year, by the one rule the trajectory chart uses too
(``rating_each_year``: the last rating given in a year stands for it), so the
chart and the grid never disagree. A cell also says which visits that award no
grade (focused, monitoring) fell in the year, and whether a graded kind of
inspection gave no overall grade (the April 2026 framework). Each row carries
the council's latest graded inspection and the direction since the grade
before, read from the national table's rows (``ofsted_core.national``) so the
two views agree.

Headless: ``ofsted-tui compare`` prints the grid, the compare screen draws it;
``cell_mark`` is the text of a cell for both.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from importers.councils import Council, council, councils, neighbours_of
from importers.grade_tables import RATING_ABBREVIATIONS

__all__ = [
    "FIRST_YEAR", "VISIT_MARKS", "Cell", "CompareRow", "Grid", "YearGrade", "cell_mark", "choose_councils",
    "compare_grid", "grid_csv_rows", "grid_json", "rating_each_year", "ungraded_inspection_years", "year_grades",
]

# The grid starts here: the annual performance assessments and joint area reviews
# began in late 2005, so 2006 is the first year every council could hold a grade.
# A council graded earlier in the store widens the grid to that year.
FIRST_YEAR = 2006
# Visits that award no grade, each a lower-case letter so it never reads as a grade.
VISIT_MARKS = {"focused visit": "f", "monitoring visit": "m"}
OTHER_VISIT_MARK = "v"  # any other ungraded kind: a JTAI, an unannounced inspection
NO_GRADE_MARK = "·"  # no graded inspection that year
NO_OVERALL_MARK = "–"  # a graded kind of inspection that gave no overall grade
# An inspection the national dataset lists whose overall grade its file lacks (a blank cell):
# Ofsted gave one, so the year must not read as one with no inspection.
NOT_IN_DATASET_MARK = "?"
AND_VISIT_MARK = "+"  # after a grade: a visit fell in the same year


def _when(event: dict[str, Any]) -> tuple[int, int, int]:
    return (event.get("year") or 0, event.get("month") or 0, event.get("day") or 0)


def rating_each_year(events: Iterable[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The event whose overall grade stands for each year: the last one graded in the year.

    The one rule of a grade per year, for the trajectory chart and the grid alike.
    """
    graded = sorted((e for e in events if e.get("grade") and e.get("year")), key=_when)
    return {event["year"]: event for event in graded}  # a later one in the year replaces an earlier


@dataclass(frozen=True)
class YearGrade:
    year: int
    grade: int | None  # the rating standing that year (None before the first)
    rated: bool  # a rating was given that year


def year_grades(events: list[dict[str, Any]], authority: str | None) -> list[YearGrade]:
    """Each year from the first rating of ``authority`` to its last inspection, with the grade standing then.

    A later inspection that gave no overall grade, or whose grade the dataset lacks, ends the
    standing one: drawn on, the line would claim (say) "inadequate" for years after a
    re-inspection found the council adequate.
    """
    own = [e for e in events if e.get("authority") == authority]
    rated = rating_each_year(own)
    if not rated:
        return []
    no_overall, unknown = ungraded_inspection_years(own)
    ended = (no_overall | unknown) - set(rated)
    out, standing = [], None
    for year in range(min(rated), max(set(rated) | ended) + 1):
        standing = rated[year]["grade"] if year in rated else None if year in ended else standing
        out.append(YearGrade(year, standing, year in rated))
    return out


def ungraded_inspection_years(events: Iterable[dict[str, Any]]) -> tuple[set[int], set[int]]:
    """The years of graded kinds of inspection with no overall grade: (gave none, the dataset lacks it).

    Visits that award no grade (focused, monitoring) are neither.
    """
    from ofsted_core.grades import UNGRADED_TYPES

    no_overall: set[int] = set()
    unknown: set[int] = set()
    for event in events:
        if event.get("type") in UNGRADED_TYPES or event.get("grade") or not event.get("year"):
            continue
        # In the order ``labels.rating_text`` reads them: "Grade not in dataset", "No overall grade".
        if event.get("overall_not_in_dataset"):
            unknown.add(event["year"])
        elif any((j or {}).get("grade") for j in (event.get("judgements") or {}).values()):
            no_overall.add(event["year"])
        elif event.get("dataset_only"):
            unknown.add(event["year"])
    return no_overall, unknown


@dataclass(frozen=True)
class Cell:
    """One council's year: the grade that stands for it, the visits in it."""

    year: int
    rating: str | None = None  # normalised ("requires improvement"), of the event that stands
    grade: int | None = None
    event_id: str | None = None
    visits: tuple[str, ...] = ()  # the types of ungraded visits that year, in date order
    no_overall: bool = False  # inspected under a graded kind that gave no overall grade
    not_in_dataset: bool = False  # inspected, the grade known only to lie in a dataset's blank cell


@dataclass
class CompareRow:
    name: str
    council: Council | None  # None: a name the store files documents under that the reference lacks
    cells: list[Cell]  # one per year of the grid, in order
    latest_rating: str | None = None
    latest_grade: int | None = None
    latest_date: str | None = None
    direction: str | None = None  # improved, same, declined: since the overall grade before
    authorities: tuple[str, ...] = ()  # the spellings its events are filed under in the store

    @property
    def region(self) -> str | None:
        return self.council.region if self.council else None


@dataclass
class Grid:
    years: list[int]
    rows: list[CompareRow] = field(default_factory=list)


def choose_councils(names: Sequence[str], neighbours: bool = False, region: bool = False) -> list[str]:
    """The councils to compare: those named, then each one's statistical neighbours (nearest
    first) and/or the other councils of its region (by name), each once."""
    out = list(dict.fromkeys(names))
    for name in names:
        place = council(name)
        if place is None:
            continue
        if neighbours:
            out += [c.name for c in neighbours_of(place)]
        if region and place.region:
            out += sorted(c.name for c in councils() if c.region == place.region)
    return list(dict.fromkeys(out))


def compare_grid(events: Iterable[dict[str, Any]], names: Sequence[str], today: dt.date | None = None) -> Grid:
    """The grid of ``names`` (council names, in row order) from the store's timeline events
    (``today`` dates the national rows the latest grades are read from)."""
    events = list(events)
    wanted = list(dict.fromkeys(names))
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # Read here, not at import: the explorer's first frame needs the trajectory's rule, not the timeline's.
    from ofsted_core.national import council_rows

    wanted_set = set(wanted)
    resolved: dict[str | None, str | None] = {}
    for event in events:
        authority = event.get("authority")
        if authority not in resolved:
            resolved[authority] = _council_name(authority) if authority else None
        name = resolved[authority]
        if name in wanted_set and event.get("year"):
            by_name[name].append(event)
    first = min([FIRST_YEAR, *(e["year"] for rows in by_name.values() for e in rows)])
    # Up to the store's latest year (not today's), so every comparison of one store has the same columns.
    last = max([FIRST_YEAR, *(e["year"] for e in events if e.get("year"))])
    years = list(range(first, last + 1))
    national = {row["council"]: row for row in council_rows(events, today=today)} if wanted else {}
    return Grid(years, [_row(name, by_name[name], years, national.get(name)) for name in wanted])


def _row(name: str, events: list[dict[str, Any]], years: list[int], national: dict[str, Any] | None) -> CompareRow:
    from ofsted_core.national import DIRECTIONS  # the direction's one wording
    from ofsted_core.grades import UNGRADED_TYPES

    rated = rating_each_year(events)
    visits: dict[int, list[str]] = defaultdict(list)
    for event in sorted(events, key=_when):
        if event.get("type") in UNGRADED_TYPES:
            visits[event["year"]].append(event["type"])
    no_overall, unknown = ungraded_inspection_years(events)
    cells = []
    for year in years:
        stands = rated.get(year)
        cells.append(Cell(
            year, stands.get("rating") if stands else None, stands.get("grade") if stands else None,
            stands.get("id") if stands else None, tuple(visits.get(year, ())), year in no_overall and not stands,
            year in unknown and year not in no_overall and not stands,
        ))
    authorities = tuple(sorted({e["authority"] for e in events if e.get("authority")}))
    row = CompareRow(name, council(name), cells, authorities=authorities)
    if national is not None:
        row.latest_rating, row.latest_grade = national["rating"], national["grade"]
        row.latest_date, row.direction = national["date"], national["direction"]
    elif rated:
        # A council abolished before today has no row in the national table: its last grade stands.
        last = rated[max(rated)]
        row.latest_rating, row.latest_grade, row.latest_date = last.get("rating"), last["grade"], last.get("date")
        before = [rated[y]["grade"] for y in sorted(rated)[:-1]]
        if before:
            step = (last["grade"] > before[-1]) - (last["grade"] < before[-1])
            row.direction = DIRECTIONS[step]
    return row


def cell_mark(cell: Cell) -> str:
    """A cell as letters that read without colour: "RI", "G+" (and a visit), "f", "m", "–", "?", "·"."""
    if cell.grade:
        letter = RATING_ABBREVIATIONS.get(cell.rating or "", str(cell.grade))
        return letter + (AND_VISIT_MARK if cell.visits else "")
    if cell.visits:
        return "".join(dict.fromkeys(VISIT_MARKS.get(v, OTHER_VISIT_MARK) for v in cell.visits))
    if cell.no_overall:
        return NO_OVERALL_MARK
    return NOT_IN_DATASET_MARK if cell.not_in_dataset else NO_GRADE_MARK


def grid_json(grid: Grid) -> list[dict[str, Any]]:
    """``compare --json``: a council per item, each year that holds something with what it holds."""
    return [{
        "council": row.name, "region": row.region, "urn": row.council.urn if row.council else None,
        "latest_rating": row.latest_rating, "latest_grade": row.latest_grade, "latest_date": row.latest_date,
        "direction": row.direction,
        "years": {str(c.year): {"rating": c.rating, "grade": c.grade, "visits": list(c.visits),
                                "no_overall_grade": c.no_overall, "grade_not_in_dataset": c.not_in_dataset,
                                "mark": cell_mark(c)}
                  for c in row.cells if c.grade or c.visits or c.no_overall or c.not_in_dataset},
    } for row in grid.rows]


def grid_csv_rows(grid: Grid) -> tuple[list[str], list[dict[str, Any]]]:
    """``compare --csv``: the columns, then a row per council with each year's mark."""
    columns = ["council", "region", "latest_rating", "latest_date", "direction", *map(str, grid.years)]
    rows = []
    for row in grid.rows:
        out: dict[str, Any] = {"council": row.name, "region": row.region, "latest_rating": row.latest_rating,
                               "latest_date": row.latest_date, "direction": row.direction}
        out.update({str(c.year): cell_mark(c) for c in row.cells})
        rows.append(out)
    return columns, rows


def latest_by_authority(events: Iterable[dict[str, Any]], today: dt.date | None = None) -> dict[str, dict[str, Any]]:
    """Each authority spelling in ``events`` with its council's name and latest grade
    ({"council", "rating", "grade", "date"}), as the grid's "Latest" column gives them."""
    events = list(events)
    authorities = sorted({a for e in events if (a := e.get("authority"))})
    grid = compare_grid(events, list(dict.fromkeys(_council_name(a) for a in authorities)), today)
    rows = {row.name: row for row in grid.rows}
    return {a: {"council": (row := rows[_council_name(a)]).name, "rating": row.latest_rating,
                "grade": row.latest_grade, "date": row.latest_date} for a in authorities}


def _council_name(authority: str) -> str:
    found = council(authority)
    return found.name if found is not None else authority


def group_by_council(events: Sequence[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """``events`` in groups of one council each (by name; unknown authority last), each in the given order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups[_council_name(event["authority"]) if event.get("authority") else ""].append(event)
    return sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))
