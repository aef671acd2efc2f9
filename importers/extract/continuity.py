"""Grades an Ofsted report implies for its council's last inspection by saying they lasted, or ended.

A report often grades its previous inspection only by continuity, in a sentence
that ties what has lasted to "the last inspection":

* "Since the last inspection of X Council in 2017, services for children in care
  and care leavers, and leadership, have remained outstanding": each area named
  before the verb held that grade at the 2017 inspection;
* "Since the last inspection, leaders have sustained outstanding services": the
  council's services as a whole (overall), the year the report dates its last
  inspection by elsewhere;
* "Most children and families ... continue to receive a good service, with some
  improvements to quality since the last inspection in 2018": overall.

A grade that changed ("has improved so that this is now outstanding") is not
continuity, and a word that is no grade ("sustained exceptional services") is
not read. A grade that ended names the last inspection's too: "Services for children in
X are no longer inadequate and they now require improvement to be good" (the
last inspection's overall grade was inadequate). Only Ofsted's own documents are read this way
(``importers.extract.body_grades``): news writes "has remained" of many things.
"""

from __future__ import annotations

import re

from importers.extract.clauses import index_for
from importers.extract.scan import matches_at_cues, matches_if_worded
from importers.model import Fact
from importers.vocabulary import (
    AREA_COMPONENTS, RATING_WORDS, areas_judged, era_for, event_type_of, find_areas, grade_of, normalise_rating,
    on_the_scale,
)

__all__ = ["former_grades", "lasting_grades"]

# The verb of lasting and the grade word after it: "have remained outstanding", "has
# sustained good services", "have not only sustained outstanding services", "have
# maintained a good service", "continue to receive a good service".
_LASTED = re.compile(
    r"\b(?:(?:ha(?:ve|s)|had)\s+(?:not\s+only\s+|all\s+|both\s+)?(?:remained|sustained|maintained)"
    r"|continues?\s+to\s+(?:receive|provide|deliver))\s+(?:(?:an?|their|its|the)\s+)?"
    rf"({RATING_WORDS})(\s+services?)?\b",
    re.IGNORECASE,
)
# The words every lasting verb opens on: _LASTED is tried only where one starts.
_LASTED_CUES = ("have", "has", "had", "continue")
# The earlier inspection the sentence measures from: "since the last inspection",
# "since the previous ILACS inspection", "since the inspection in 2018".
_SINCE_INSPECTION = re.compile(
    r"\bsince\s+(?:the|its|their)\s+(?:(?:last|previous|most\s+recent)\s+)?(?:[\w-]+\s+){0,2}?inspection\b",
    re.IGNORECASE,
)

# A subject that is the services themselves: "services have remained good".
_SERVICES = re.compile(r"\bservices\b", re.IGNORECASE)


def lasting_grades(text: str, authority: str | None, own_year: int | None, last: int | None) -> list[Fact]:
    """Judgements of the council's last inspection that ``text`` states only by continuity.

    ``own_year`` is the report's own inspection's year; ``last`` the year the report dates
    its last inspection by elsewhere (``body_grades._last_inspection_year``), or None.
    """
    if own_year is None:
        return []
    index = index_for(text)
    facts = []
    for lasted in matches_at_cues(_LASTED, text, _LASTED_CUES):
        s_start, s_end = index.sentence_at(lasted.start())
        since = _SINCE_INSPECTION.search(text, s_start, s_end)
        if since is None:
            continue
        years = {d.year for d in index.dates_in(s_start, s_end) if d.year and d.year < own_year}
        year = next(iter(years)) if len(years) == 1 else (last if not years else None)
        if year is None:
            continue
        written = lasted.group(1)
        rating = normalise_rating(written)
        if rating is None:
            continue
        # The subject is what the sentence names between the "since" clause (where it opens
        # the sentence) and the verb: "services for children in care ..., and leadership".
        subject_from = since.end() if since.start() < lasted.start() else s_start
        areas = [a.area for a in find_areas(text, subject_from, lasted.start()) if a.area != "lscb"]
        if lasted.group(2):
            areas = ["overall"]  # "sustained outstanding services": the services as a whole
        elif "remained" not in lasted.group().lower():
            continue  # "have maintained good links": a grade word kept, not a grade
        elif not areas and not _SERVICES.search(text, subject_from, lasted.start()):
            continue  # "practice has remained good": what the services do, not their grade
        areas = areas or ["overall"]
        facts += _judgements(lasted.span(1), authority, (year, None), written, areas)
    return facts


def _in_its_framework(areas: list[str], era: str | None, year: int) -> list[str]:
    """The areas as the earlier inspection's framework graded them: "children in care and care
    leavers" is one judgement of ILACS 2018-23 but two of the single inspection framework's,
    and both named apart are that one judgement in 2018-23."""
    graded = set(areas_judged(era, year))
    out = []
    for area in areas:
        parts = AREA_COMPONENTS.get(area)
        out += list(parts) if parts and graded and area not in graded else [area]
    for joint, parts in AREA_COMPONENTS.items():
        if joint in graded and all(part in out for part in parts):
            out = [joint if area == parts[0] else area for area in out if area not in parts[1:]]
    return out


# A grade that ended, said in the present: "are no longer inadequate", "is no longer judged to be
# inadequate" ("By 2012 services ... were no longer inadequate" tells of 2012, not of now).
_ENDED = re.compile(
    r"\b(?:is|are)\s+no\s+longer\s+(?:(?:judged|rated|graded)\s+(?:to\s+be\s+|as\s+)?)?"
    rf"({RATING_WORDS})\b",
    re.IGNORECASE,
)
# The word every ended grade holds (a report that never says it is not scanned for one),
# and the words it opens on.
_ENDED_WORD = ("longer",)
_ENDED_CUES = ("is", "are")


def former_grades(text: str, authority: str | None, last: tuple[int, int | None] | None) -> list[Fact]:
    """Judgements of the council's last inspection, dated ``last`` (year, month), that ``text``
    states only as ended ("Services for children in X are no longer inadequate"); none where
    the report dates no last inspection."""
    if last is None:
        return []
    year, month = last
    index = index_for(text)
    facts = []
    for ended in matches_if_worded(_ENDED, text, _ENDED_WORD, _ENDED_CUES):
        written = ended.group(1)
        rating = normalise_rating(written)
        if rating is None:
            continue
        s_start, s_end = index.sentence_at(ended.start())
        if index.dates_in(s_start, s_end):
            continue  # a sentence dated its own way: "Since 2019, it is no longer ..."
        areas = [a.area for a in find_areas(text, s_start, ended.start()) if a.area != "lscb"] or ["overall"]
        facts += _judgements(ended.span(1), authority, last, written, areas)
    return facts


def _judgements(
    span: tuple[int, int], authority: str | None, when: tuple[int, int | None], written: str, areas: list[str],
) -> list[Fact]:
    """One judgement of the earlier inspection dated ``when`` (year, month) per area its framework graded."""
    year, month = when
    rating = normalise_rating(written)
    if not on_the_scale(rating, year):
        return []  # "have remained poor": no grade of that year's scale, a plain word
    era = era_for(year, written, month)
    return [Fact("judgement", span, {
        "authority": authority, "year": year, "month": month, "day": None, "precision": "month" if month else "year",
        "rating": rating, "rating_text": written, "grade": grade_of(rating), "area": area,
        "era": era, "event_type": event_type_of(era, rating), "date_source": "text",
        "evidence": "text", "continuity": True,
    }) for area in dict.fromkeys(_in_its_framework(areas, era, year))]
