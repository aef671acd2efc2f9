"""Grade tables with a column per year, as council minutes and reports print them.

A committee report often sets this inspection's grades beside the last one's
("2024 Grade | 2019 Grade" over rows of areas). Saved as text, the table is
one cell a line: the column headings (a year,
perhaps with "grade", "judgement", "rating" or "inspection"), then each row's
area label followed by its grades, one per column. A row with a grade for
every column gives one judgement per grade, dated by its column's year. A row
with fewer grades lost an empty cell, so which column each grade is in cannot
be told: it is left to the prose rules, which leave it undated.
"""

from __future__ import annotations

import re

from importers.extract.judging import RATING_RE
from importers.model import Fact
from importers.vocabulary import event_type_of, era_for, find_areas, grade_of, normalise_rating

__all__ = ["extract"]

# "2024 Grade", "2019 judgement", "Grade 2019", "2019": one column's heading.
_COLUMN_HEADING = re.compile(
    r"[ \t]*(?:(?P<a>(?:19|20)\d\d)(?:[ \t]+(?:grades?|judge?ments?|ratings?|inspection|outcome))?"
    r"|(?:grades?|judge?ments?|ratings?|inspection|outcome)[ \t]+(?:in[ \t]+)?(?P<b>(?:19|20)\d\d))[ \t]*",
    re.IGNORECASE,
)
_QUOTES = "'\"‘’“”"
_LINE = re.compile(r"[^\n]*")


def extract(text: str, ctx=None) -> list[Fact]:
    if not isinstance(text, str) or "\n" not in text:
        return []
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
    facts: list[Fact] = []
    i = 0
    while i < len(lines):
        years = []
        while i < len(lines) and (heading := _COLUMN_HEADING.fullmatch(text, *lines[i])):
            years.append(int(heading["a"] or heading["b"]))
            i += 1
        if len(years) < 2:
            i += 1 if not years else 0
            continue
        i = _rows(text, lines, i, years, ctx, facts)
    return facts


def _rows(text: str, lines: list[tuple[int, int]], i: int, years: list[int], ctx, facts: list[Fact]) -> int:
    """Read the rows after a heading of ``years``; the index of the first line after the table."""
    authority = getattr(ctx, "authority", None)
    while i < len(lines):
        area = _label(text, *lines[i])
        if area is None:
            return i
        i += 1
        grades = []
        while i < len(lines) and (grade := _grade(text, *lines[i])) is not None:
            grades.append(grade)
            i += 1
        if len(grades) != len(years):
            continue  # an empty cell was lost: the columns cannot be told apart
        for year, (start, end, written) in zip(years, grades):
            rating = normalise_rating(written)
            era = era_for(year, written)
            facts.append(Fact("judgement", (start, end), {
                "authority": authority, "year": year, "month": None, "day": None, "precision": "year",
                "rating": rating, "rating_text": written, "grade": grade_of(rating), "area": area,
                "era": era, "event_type": event_type_of(era, rating), "date_source": "text",
            }))
    return i


def _label(text: str, start: int, end: int) -> str | None:
    """The area a row's label names: a judgement's formal name filling the line."""
    areas = find_areas(text, start, end)
    if len(areas) != 1 or not areas[0].heading:
        return None
    line = text[start:end]
    lead = text[start:areas[0].start].strip().lower()
    return areas[0].area if lead in ("", "the") and not text[areas[0].end:end].strip(" \t.:") and line else None


def _grade(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The grade that fills a line (quoted or not), with its span."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip(" \t" + _QUOTES))
    trail = len(line.rstrip(" \t." + _QUOTES))
    match = RATING_RE.fullmatch(text, start + lead, start + trail) if trail > lead else None
    return (match.start(), match.end(), match.group()) if match else None
