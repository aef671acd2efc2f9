"""Judgements: the dates a page gives as a whole, for a rating whose own words date it not:
a timeline's line, the headline naming a graded event with its year, the annual rating
named with its year in the passage after, a day named with its weekday
(``judgement_dates`` says when each applies).
"""

from __future__ import annotations

import re

from importers.extract.clauses import TextIndex
from importers.extract.dates import DateMention, weekday_fits, weekday_year
from importers.extract.judgement_rating import _EVENT_WORD, _PASSAGE_GAP, _PASSAGE_SENTENCES, _TITLE_MAX, _Rating
from importers.vocabulary import era_for

# A timeline's line: a month and year (or a year) and a colon or dash, then what happened.
_LINE_START_DATE = re.compile(
    r"[ \t\-–•*]*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d\s*(?::|\s[-–—])\s", re.IGNORECASE
)
# The annual rating's own names: "Ofsted's annual assessment for 2010", "the 2009
# annual ratings", "the 2010 children's services assessments".
_ANNUAL_EVENT = re.compile(
    r"\bannual\s+(?:performance\s+)?(?:children['’]s\s+services\s+)?(?:assessments?|ratings?)\b"
    r"|\bchildren['’]s\s+services\s+assessments?\b",
    re.IGNORECASE,
)
_TITLE_LINES = 3  # a page's headline is among its first lines (after a site's name or a label)


def _weekday_present(index: TextIndex) -> dict | None:
    """The year an undated page was written in, from a day it names with its weekday
    ("Thursday (September 5) marked the first meeting ... since the report ... was
    published in July"; minutes' "the same report was presented to the Corporate Parenting
    Committee on Tuesday 5 July 2016"): news and minutes give weekdays only to days of the
    week they tell of, so the latest of them is the page's present (``dates.weekday_year``,
    ``dates.weekday_fits``)."""
    years = [weekday_year(d, index.latest_year) for d in index.dates if d.year is None and d.relative is None]
    years = [y for y in years if y is not None] + [d.year for d in index.dates if weekday_fits(d)]
    return {"year": max(years), "month": None, "day": None, "precision": "year"} if years else None


def _timeline_entry_date(index: TextIndex, pos: int) -> DateMention | None:
    """The date a timeline's line opens on ("June 2018: Ofsted's inspection again returned an
    overall 'requires improvement' rating, with the impact of leaders ... rated
    'inadequate'"): it dates every grade of its line."""
    text = index.text
    line_start = text.rfind("\n", 0, pos) + 1
    opening = _LINE_START_DATE.match(text, line_start, pos)
    if opening is None:
        return None
    dates = index.dates_in(line_start, opening.end())
    return dates[0] if len(dates) == 1 and dates[0].year is not None else None


def _annual_year_after(rating: _Rating) -> dict | None:
    """The year an undated page gives the annual rating it reports, in the passage after
    the rating: "Doncaster is one of 12 authorities ... deemed to be performing poorly.
    ... In Ofsted's annual assessment for 2010, ...". The annual rating was one event a
    year for every council, so its year dates each rating of that regime."""
    if era_for(None, rating.written) != "annual-rating":
        return None
    index = rating.index
    end = rating.sentence[1]
    for _ in range(_PASSAGE_SENTENCES):
        following = index.next_sentence(end)
        if following is None or following[0] - end > _PASSAGE_GAP:
            return None
        f_start, end = following
        if _ANNUAL_EVENT.search(index.text, f_start, end):
            years = {d.year for d in index.dates_in(f_start, end) if d.year is not None and not d.is_range}
            if len(years) == 1:
                return {"year": years.pop(), "month": None, "day": None, "precision": "year"}
    return None


def _title_date(index: TextIndex) -> dict | None:
    """The year of the graded event an undated document's heading names: "Ofsted
    releases Annual Performance Assessments 2008", "Ofsted Annual Children's Services
    Assessment 2010" (a minutes item), for the ratings it reports."""
    text = index.text
    pos, seen = 0, 0
    while pos < len(text) and seen < _TITLE_LINES:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if line:
            seen += 1
            if len(line) <= _TITLE_MAX and line[-1] not in ".!?" and _EVENT_WORD.search(text, pos, line_end):
                years = [d for d in index.dates_in(pos, line_end) if d.year is not None and not d.is_range]
                if len(years) == 1:
                    return {"year": years[0].year, "month": None, "day": None, "precision": "year"}
        pos = line_end + 1
    return None
