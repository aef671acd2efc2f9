"""The national table: where every council stands, from the store's timeline events.

One row per council of today (the councils reference, ``importers.councils``):
its latest graded inspection (grade, date, kind and regime), the graded
inspection before it and the direction of travel between them, the months
since, the visits since (focused, monitoring: they award no grade), and its
overall grades in order. A council the store holds nothing on is listed too,
with ``documents`` 0, so the gaps show.

A graded inspection is an event of a graded kind with an overall grade; one
after the April 2026 reform gives no overall grade, so it is kept as the
latest inspection with its area grades but the direction is read from the last
two overall grades.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from importers.councils import Council, council, councils, find_councils, regions
from importers.model import DocumentRow, EventRow
from importers.partial_date import PartialDate
from importers.grade_tables import GRADES, RATING_ABBREVIATIONS, grade_of, rating_named

__all__ = [
    "CSV_COLUMNS", "DIRECTIONS", "DIRECTION_ARROWS", "GRADE_BARS", "GRADE_HINT", "authorities_of", "council_rows", "csv_row",
    "filter_rows", "find_row", "framework_text", "grade_filter", "new_by_council", "region_matches", "sparkline",
    "trajectory_text", "visits_text",
]

# The columns of ``councils --csv``, in order; lists are joined with "; ".
CSV_COLUMNS = (
    "council", "region", "council_type", "urn", "la_code", "rating", "grade", "date", "inspection", "era",
    "previous_rating", "previous_date", "direction", "months_since", "visits_since", "trajectory",
    "documents",
)
# A store spells few authorities many times over, and a spelling the reference lacks is looked up
# through the extractor's rules: one look-up per spelling (the explorer redoes the rows on each reload).
_council_of = functools.lru_cache(maxsize=4096)(council)
# Grade numbers run 1 best .. 4 worst, so a lower number is better.
DIRECTIONS = {-1: "improved", 0: "same", 1: "declined"}


def _when(event: EventRow) -> tuple[int, int, int]:
    return (event.get("year") or 0, event.get("month") or 0, event.get("day") or 0)


def _inspected(event: EventRow, ungraded: frozenset[str]) -> bool:
    """A graded kind of event that awarded at least one grade to the council's own services.

    A review of the safeguarding board (LSCB) grades the board, not the
    council: on its own it is not the council's latest inspection.
    """
    return event.get("type") not in ungraded and any(
        (j or {}).get("grade") for area, j in (event.get("judgements") or {}).items() if area != "lscb")


def _months_between(event: EventRow, today: dt.date) -> int | None:
    year = event.get("year")
    if not year:
        return None
    return (today.year - year) * 12 + today.month - (event.get("month") or 1)


def council_rows(
    events: Iterable[EventRow], documents: Iterable[DocumentRow] = (),
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """A row per council of today, by name (see the module's docstring for what it holds)."""
    # Imported here: the timeline brings the date parsers, which the explorer leaves until it reads a store.
    from ofsted_core.grades import UNGRADED_TYPES

    today = today or dt.date.today()
    by_council: dict[str, list[EventRow]] = defaultdict(list)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for event in events:
        found = _council_of(event.get("authority"))
        if found is not None and event.get("year"):
            by_council[found.name].append(event)
            docs_of[found.name].update(event.get("doc_ids") or ())
    for doc in documents:
        found = _council_of(doc.get("authority"))
        if found is not None:
            docs_of[found.name].add(doc["id"])
    return [_row(c, sorted(by_council[c.name], key=_when), len(docs_of[c.name]), today, UNGRADED_TYPES)
            for c in councils()]


def _row(place: Council, events: list[EventRow], documents: int, today: dt.date,
         ungraded: frozenset[str]) -> dict[str, Any]:
    graded = [e for e in events if _inspected(e, ungraded)]
    overall = [e for e in graded if e.get("grade")]
    latest = graded[-1] if graded else None
    # The grade before: that of the last overall grade before the latest one's.
    previous = next((e for e in reversed(overall) if latest is not None and _when(e) < _when(latest)), None)
    direction = None
    if latest is not None and latest.get("grade") and previous is not None:
        direction = DIRECTIONS[(latest["grade"] > previous["grade"]) - (latest["grade"] < previous["grade"])]
    visits = [e for e in events if e.get("type") in ungraded and latest is not None and _when(e) > _when(latest)]
    return {
        "council": place.name,
        "region": place.region,
        "council_type": place.type,
        "urn": place.urn,
        "la_code": place.la_code,
        "rating": latest.get("rating") if latest else None,
        "grade": latest.get("grade") if latest else None,
        "grades": {area: j.get("rating") for area, j in (latest.get("judgements") or {}).items()} if latest else {},
        "date": latest.get("date") if latest else None,
        "inspection": latest.get("type") if latest else None,
        "era": latest.get("era") if latest else None,
        "event_id": latest.get("id") if latest else None,
        "previous_rating": previous.get("rating") if previous else None,
        "previous_grade": previous.get("grade") if previous else None,
        "previous_date": previous.get("date") if previous else None,
        "direction": direction,
        "months_since": _months_between(latest, today) if latest else None,
        "visits_since": [{"type": e["type"], "date": e.get("date")} for e in visits],
        "trajectory": [{"rating": e["rating"], "grade": e["grade"], "date": e.get("date")} for e in overall],
        "documents": documents,
    }


def grade_filter(text: str) -> int | None:
    """The grade a --grade value names: a number 1-4, a rating word or its abbreviation ("RI")."""
    text = text.strip()
    if text.isdigit():
        return int(text) if int(text) in GRADES else None
    return grade_of(rating_named(text))


GRADE_HINT = "use outstanding, good, RI (requires improvement), inadequate or 1-4"  # what a grade filter takes


def region_matches(text: str) -> bool:
    """Whether ``text`` is a part of some region's name (what the region filter looks for)."""
    return any(text.casefold() in region.casefold() for region in regions())


def filter_rows(
    rows: list[dict[str, Any]], region: str | None = None, grade: int | None = None, since: int | None = None,
) -> list[dict[str, Any]]:
    """The rows of a region (any part of its name), of a latest grade, inspected in or after a year."""
    out = rows
    if region:
        out = [r for r in out if region.casefold() in (r["region"] or "").casefold()]
    if grade is not None:
        out = [r for r in out if r["grade"] == grade]
    if since is not None:
        out = [r for r in out if (date := PartialDate.parse(r["date"])) and date.year >= since]
    return out


def trajectory_text(row: dict[str, Any]) -> str:
    """The overall grades in order, abbreviated: "RI → G → O"."""
    return " → ".join(RATING_ABBREVIATIONS.get(step["rating"], "?") for step in row["trajectory"])


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {key: row.get(key) for key in CSV_COLUMNS}
    out["visits_since"] = "; ".join(f"{v['type']} {v['date'] or ''}".strip() for v in row["visits_since"])
    out["trajectory"] = trajectory_text(row)
    return out


# -- for the explorer's national table -------------------------------------------------

# The direction of travel as an arrow, so it reads in a narrow column and without colour.
DIRECTION_ARROWS = {"improved": "↑", "declined": "↓", "same": "="}
# Overall grades 1 (best) .. 4 drawn as bars, tallest best: a trajectory reads without colour.
GRADE_BARS = {1: "█", 2: "▆", 3: "▄", 4: "▂"}


def framework_text(row: dict[str, Any]) -> str:
    """The regime and kind of the latest graded inspection: "ILACS short", "SIF"."""
    if not row["era"] and not row["inspection"]:
        return ""
    kind = (row["inspection"] or "").removesuffix("inspection").strip()
    return " ".join(part for part in ((row["era"] or "").upper(), kind) if part)


def visits_text(row: dict[str, Any]) -> str:
    """The visits since the latest graded inspection: how many, and the last of them."""
    visits = row["visits_since"]
    if not visits:
        return ""
    last = visits[-1]
    kind = last["type"].removesuffix(" visit")
    return f"{len(visits)}: {kind} {last['date'] or ''}".strip()


def sparkline(row: dict[str, Any]) -> list[tuple[str, int | None]]:
    """One bar per overall grade, oldest first, each with its grade (for its colour)."""
    return [(GRADE_BARS.get(step["grade"], "?"), step["grade"]) for step in row["trajectory"]]


def new_by_council(documents: Iterable[dict[str, Any]], sources: frozenset[str]) -> dict[str, int]:
    """How many documents of each council (by name) came from ``sources``: the reports a fetch found new."""
    counts: dict[str, int] = defaultdict(int)
    for doc in documents:
        if doc.get("source") in sources and (found := _council_of(doc.get("authority"))) is not None:
            counts[found.name] += 1
    return dict(counts)


def authorities_of(name: str, items: Iterable[dict[str, Any]]) -> set[str]:
    """The authority spellings among ``items`` (events, documents) that name the council ``name``."""
    spellings: set[str] = {str(item["authority"]) for item in items if item.get("authority")}
    return {s for s in spellings if (found := _council_of(s)) is not None and found.name == name}


def find_row(rows: list[dict[str, Any]], text: str) -> int | None:
    """The row a typed name jumps to: any part of any of a council's names ("wind" -> Windsor and
    Maidenhead, "hull" -> Kingston upon Hull), one whose name starts with it first."""
    wanted = " ".join(text.casefold().split())
    if not wanted:
        return None
    named = {c.name: c for c in find_councils(wanted, include_former=False)}
    hits = [i for i, row in enumerate(rows) if row["council"] in named]
    if not hits:
        return None

    def starts(i: int) -> bool:
        return any(n.casefold().startswith(wanted) for n in named[rows[i]["council"]].names)

    return next((i for i in hits if starts(i)), hits[0])
