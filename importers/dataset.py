"""Read the national record of inspections: the data-to-insight scraper's history CSV.

``ofsted_csc_ilacs_history.csv`` has one row per report file the scraper found
on Ofsted's site (urn, local_authority, inspection_link, publication_date,
inspection_framework, inspector_name, inspection start and end dates and the
five ILACS grades). It is imported as one document of kind ``dataset``: its
text is one line per row, and each row gives an inspection fact and a
judgement fact per graded area, each spanning its words on that row's line and
carrying its provenance (``row``: the file's line number, ``link``: the report).

It is a third party's reading of the reports, so the timeline ranks it below
the reports and letters themselves (``ofsted_core.timeline``). The format is
known by its header row. A row that cannot be read (a date or grade it cannot
parse, a council the reference does not know) is skipped with a warning naming
its line; the rest are imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from importers.councils import council
from importers.model import DATASET_KIND, Fact, ImporterError, Parsed
from importers.partial_date import iso_date
from importers.sanitize import clean_text
from importers.text import decode_bytes
from importers.vocabulary import AREAS, areas_judged, era_for, grade_of, normalise_rating

__all__ = ["is_dataset_header", "read_dataset"]

# The columns a history file must have; ``parser_version`` and any later ones are not needed.
_REQUIRED = (
    "urn", "local_authority", "inspection_link", "publication_date", "inspection_framework",
    "inspector_name", "inspection_start_date", "inspection_end_date",
    "overall_effectiveness_grade", "impact_of_leaders_grade", "help_and_protection_grade",
    "in_care_grade", "care_leavers_grade",
)
# Grade columns and the area each grades (the area names of importers.vocabulary).
_GRADE_COLUMNS = (
    ("overall_effectiveness_grade", "overall"),
    ("impact_of_leaders_grade", "leadership"),
    ("help_and_protection_grade", "help and protection"),
    ("in_care_grade", "children in care"),
    ("care_leavers_grade", "care leavers"),
)
# The scraper's words for a grade it has not got (see the reference README):
# the report could not be read, the overall grade is no longer given (April
# 2026 reform), care leavers were not yet judged on their own (before 2023).
_UNREAD = "data_unreadable"
_NO_OVERALL = "not_reported_post_reform"
_NOT_YET_JUDGED = "inspection_pre_dates_judgement"
# Until care leavers had a judgement of their own, "in care" graded both together.
_COMBINED_CARE = "children in care and care leavers"
# ``inspection_framework``: "standard", "short", "inspection duration longer than
# standard framework" (a standard inspection that ran long), empty before 2018.
_FRAMEWORKS = (("short", "short inspection"), ("standard", "standard inspection"))
_LINK = re.compile(r"https?://\S+\Z")
_SEP = " · "


def is_dataset_header(first_line: str) -> bool:
    """True when a file's first line is the history CSV's header (whatever the file is called)."""
    try:
        names = next(csv.reader([first_line.lstrip("\ufeff")]))
    except (csv.Error, StopIteration):
        return False
    return set(_REQUIRED) <= {n.strip().lower() for n in names}


class _BadRow(ValueError):
    pass


class _Line:
    """One row's line of the document text, recording where each named piece lies."""

    def __init__(self, offset: int) -> None:
        self.offset, self.parts, self.spans = offset, [], {}
        self.length = 0

    def add(self, text: str, key: str | None = None, lead: str = "") -> None:
        if self.parts:
            lead = _SEP + lead
        start = self.offset + self.length + len(lead)
        self.parts.append(lead + text)
        self.length += len(lead) + len(text)
        if key:
            self.spans[key] = (start, start + len(text))

    def text(self) -> str:
        return "".join(self.parts)


def _date(value: str, column: str, formats: tuple[str, ...]) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in formats:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise _BadRow(f"{column} {value!r} is not a date (dd/mm/yy or dd/mm/yyyy)")


def _framework(value: str) -> str:
    value = value.strip().lower()
    return next((kind for word, kind in _FRAMEWORKS if word in value), "inspection")


def _grades(row: dict[str, str], problems: list[str], year: int | None) -> list[tuple[str, str, str]]:
    """(column, area, rating) for each area the row grades. A word that is no grade
    ("to requires improvement") loses that grade alone, said in ``problems``: it is never guessed."""
    care_leavers = row["care_leavers_grade"].strip()
    # A row of an inspection before 2023 that fills both columns alike (one without its framework
    # or dates, read another way) holds the one grade ILACS then gave both.
    combined = care_leavers == _NOT_YET_JUDGED or (
        year is not None and "care leavers" not in areas_judged("ilacs", year)
        and care_leavers == row["in_care_grade"].strip())
    out = []
    for column, area in _GRADE_COLUMNS:
        value = row[column].strip()
        if not value or value in (_UNREAD, _NO_OVERALL, _NOT_YET_JUDGED) or (combined and area == "care leavers"):
            continue
        rating = normalise_rating(value)
        if rating is None:
            problems.append(f"{column} {value!r} is not a grade; that grade skipped")
            continue
        out.append((column, _COMBINED_CARE if combined and area == "children in care" else area, rating))
    return out


def _row_facts(line: int, row: dict[str, str], offset: int, problems: list[str]) -> tuple[str, list[Fact], str | None]:
    """The row's line of text and its facts; _BadRow says why a row cannot be read, ``problems`` what of it was not."""
    found = council(row["urn"]) or council(row["local_authority"])
    if found is None:
        raise _BadRow(f"URN {row['urn']!r} ({row['local_authority']!r}) is not a council in the reference")
    published = _date(row["publication_date"], "publication_date", ("%d/%m/%y", "%d/%m/%Y"))
    start = _date(row["inspection_start_date"], "inspection_start_date", ("%d/%m/%Y", "%d/%m/%y"))
    end = _date(row["inspection_end_date"], "inspection_end_date", ("%d/%m/%Y", "%d/%m/%y")) or start
    if start and end and end < start:
        raise _BadRow(f"the inspection ends ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})")
    if published and start and published < start:
        raise _BadRow(f"the report is published ({published:%d/%m/%Y}) before the inspection ({start:%d/%m/%Y})")
    grades = _grades(row, problems, (start or published).year if (start or published) else None)
    kind = _framework(row["inspection_framework"])
    link = row["inspection_link"].strip()
    link = link if _LINK.match(link) else None
    inspector = " ".join(row["inspector_name"].split()) or None

    text = _Line(offset)
    text.add(f"line {line}")
    text.add(found.name, "authority")
    text.add(iso_date(published.year, published.month, published.day) if published else "no date",
             lead="published ")
    if start:
        when = f"{kind} {iso_date(start.year, start.month, start.day)} to {iso_date(end.year, end.month, end.day)}"
    else:
        when = f"{kind} (dates not in the file)"
    text.add(when, "inspection")
    if inspector:
        text.add(inspector, "inspector", lead="lead inspector ")
    for column, area, rating in grades:
        text.add(" ".join(row[column].split()), column, lead=f"{AREAS[area].lower()}: ")
    unread = [column for column, _ in _GRADE_COLUMNS if row[column].strip() == _UNREAD]
    if unread and not grades:
        text.add("grades not read by the scraper")
    if link:
        text.add(link, "link")

    # Dated by the inspection; a row without its dates (files before 2018) by its publication year alone.
    dated = start or published
    date = {"year": dated.year if dated else None, "month": start.month if start else None,
            "day": start.day if start else None, "precision": "day" if start else "year" if dated else None,
            "date_source": "dataset" if start else "published"}
    ends = {"end_year": end.year, "end_month": end.month, "end_day": end.day} if start else {}
    # A row dated by its publication alone says which report's, for the timeline to place it no later.
    provenance = {"row": line, "link": link, **({} if start or not published else {"published": published.isoformat()})}
    # A blank or unread overall cell is the file's gap, not Ofsted's silence (the scraper says
    # "not_reported_post_reform" where no overall grade was given): the timeline says so.
    gap = {"overall_not_in_dataset": True} if row["overall_effectiveness_grade"].strip() in ("", _UNREAD) else {}
    facts = [Fact("inspection", text.spans["inspection"], {
        "authority": found.name, "inspection_type": kind, **date, **ends,
        "inspectors": [inspector] if inspector else [], "lead_inspector": inspector,
        "subject": True, **gap, **provenance,
        # The framework follows from the date and the visit's kind, so a row whose grades are blank
        # still sits in its era (the era filter counted such events nowhere).
        "era": era_for(date["year"], kind, date["month"]),
    })]
    for column, area, rating in grades:
        facts.append(Fact("judgement", text.spans[column], {
            "authority": found.name, **date, **ends, "rating": rating, "rating_text": row[column].strip(),
            "grade": grade_of(rating), "area": area, "era": era_for(date["year"], rating, date["month"]),
            "event_type": kind, "evidence": "table", **provenance,
        }))
    return text.text(), facts, (published.isoformat() if published else None)


def read_dataset(path: Path, source: str) -> Parsed:
    """The history CSV as one document: a line per row, its facts, and a warning per row skipped."""
    raw = path.read_bytes()
    content = decode_bytes(raw, source).replace("\r\n", "\n").replace("\r", "\n")
    first = content.split("\n", 1)[0]
    if not is_dataset_header(first):
        missing = sorted(set(_REQUIRED) - {n.strip().lower() for n in next(csv.reader([first.lstrip("\ufeff")]), [])})
        raise ImporterError(source, "is a CSV file but not the data-to-insight inspection history "
                                    f"(its header lacks {', '.join(missing[:4])}{'…' if len(missing) > 4 else ''})")
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff")))
    header = [n.strip().lower() for n in next(reader)]
    lines = [f"Ofsted inspections of children's services as read by the data-to-insight scraper "
             f"({path.name}): one line per row of the file", ""]
    offset = sum(len(x) + 1 for x in lines)
    facts: list[Fact] = []
    warnings: list[str] = []
    latest: str | None = None
    line = reader.line_num
    for cells in reader:
        line_no, line = line + 1, reader.line_num  # a row's first line (a quoted cell may hold line breaks)
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            warnings.append(f"line {line_no}: has {len(cells)} fields where the header has {len(header)}; row skipped")
            continue
        row = {name: clean_text(cell) for name, cell in zip(header, cells)}
        problems: list[str] = []
        try:
            text, row_facts, published = _row_facts(line_no, row, offset, problems)
        except _BadRow as exc:
            warnings.append(f"line {line_no}: {exc}; row skipped")
            continue
        warnings += [f"line {line_no}: {problem}" for problem in problems]
        lines.append(text)
        offset += len(text) + 1
        facts.extend(row_facts)
        latest = max(filter(None, (latest, published)), default=None)
    if len(lines) == 2:
        raise ImporterError(source, "has the inspection history's header but no row that could be read"
                                    + (f" ({warnings[0]})" if warnings else ""))
    return Parsed(
        text="\n".join(lines) + "\n",
        meta={"title": f"National record of inspections ({path.name})", "kind": DATASET_KIND,
              "publisher": "data-to-insight", "published": latest},
        facts=facts,
        warnings=warnings,
    )
