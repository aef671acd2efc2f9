"""The judgement vocabulary of Ofsted's children's services inspections.

This is the single source of truth for ratings: the extractors normalise what
they read with it, and the app labels and colours grades from it. The plain
tables and the reading of a rating's words live in ``importers.grade_tables``
(which compiles no pattern at import, for the explorer's first frame) and are
re-exported here.

* ``RATINGS``: the seven normalised ratings with their grade (1 best .. 4
  worst, comparable across eras) and display label. The 2009-11 annual rating
  printed "performs excellently / well / adequately / poorly"; those normalise
  to excellent, good, adequate and poor. ``RATING_WORDS`` is the pattern of
  every written form; ``normalise_rating``, ``grade_of`` and
  ``rating_label`` read them.
* ``GRADES``: the four grades, each with its label, short name and colour,
  for legends, badges, facets and timeline markers (``GRADE_LABELS`` and
  ``GRADE_COLOURS`` are views of it).
* ``ERAS``: the inspection regimes since 2005 (DESIGN.md's table) and
  ``era_for`` to tell which one a dated rating belongs to.
* ``AREAS`` and ``find_areas``: the judgement areas (overall effectiveness,
  leadership, help and protection, children in care, care leavers, adoption,
  the LSCB ...) and the phrases that name them in reports and news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AREAS",
    "AREA_COMPONENTS",
    "AREA_HEAD_WORDS",
    "BOTTOM_GRADE_WORDS",
    "ERAS",
    "GRADE_COLOURS",
    "GRADE_LABELS",
    "GRADES",
    "RATINGS",
    "RATING_ABBREVIATIONS",
    "RATING_WORDS",
    "TOP_GRADE_WORDS",
    "UNGRADED_COLOUR",
    "UNPLACED_ASPECT_RE",
    "AreaMention",
    "Era",
    "Grade",
    "Rating",
    "area_for",
    "areas_judged",
    "areas_judged_alike",
    "areas_judged_by_count",
    "era_for",
    "event_type_of",
    "find_areas",
    "get_era",
    "grade_of",
    "normalise_rating",
    "rating_label",
    "rating_named",
    "regime_from",
]


# The tables live apart, with no pattern compiled at import, so that the explorer's first
# frame can name and colour grades without compiling the patterns below; re-exported here.
from importers.grade_tables import (
    AREA_COMPONENTS,
    AREAS,
    BOTTOM_GRADE_WORDS,
    ERAS,
    GRADE_COLOURS,
    GRADE_LABELS,
    GRADES,
    PERFORMS_WORDS,
    RATING_ABBREVIATIONS,
    RATING_WORDS,
    RATINGS,
    TOP_GRADE_WORDS,
    UNGRADED_COLOUR,
    Era,
    Grade,
    Rating,
    get_era,
    grade_of,
    normalise_rating,
    rating_label,
    rating_named,
)

# A regime named outright in a phrase wins over the year.
_NAMED_ERAS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), era_id)
    for pattern, era_id in (
        (rf"\b{PERFORMS_WORDS}\b|\bpoor(?:ly)?\b|\bexcellent(?:ly)?\b|\bannual\s+rating", "annual-rating"),
        (r"\bannual\s+performance\s+assessment|\bAPA\b|\bjoint\s+area\s+review", "apa"),
        (r"\bfocused\s+visit|\bmonitoring\s+visit|\bjoint\s+(?:targeted\s+area|area\s+targeted)"
         r"\s+inspection|\bJTAI", "ilacs-visits"),
        (r"\bunannounced\b", "unannounced-cra"),
        (r"\bsingle\s+inspection\s+framework|\bSIF\b", "sif"),
        (r"\bILACS\b|\binspection\s+of\s+local\s+authority\s+children", "ilacs"),
        (r"\bsafeguarding\s+and\s+looked[\s-]+after\s+children", "safeguarding-lac"),
    )
)


def on_the_scale(rating: str | None, year: int | None) -> bool:
    """Whether a regime grading councils in ``year`` awards ``rating``: "excellent" in
    2019 or "requires improvement" in 2010 is praise or blame in other words, not a
    grade. True where the year is not known."""
    rating = normalise_rating(rating)
    if year is None or rating is None:
        return True
    return any(era.graded and rating in era.ratings and era.covers(year) for era in ERAS)


def regime_from(year: int | None) -> str | None:
    """The one graded inspection regime of any year from ``year`` on, else None: a page that
    names 2018 tells of an inspection then or later, which only ILACS grades."""
    if not isinstance(year, int):
        return None
    regimes = [e.id for e in ERAS if e.graded and e.event_type == "inspection" and (e.end is None or e.end[0] >= year)]
    return regimes[0] if len(regimes) == 1 else None



def event_type_of(era_id: str | None, rating: str | None = None) -> str:
    """The kind of event a judgement of the regime ``era_id`` reports: the regime's own,
    else "annual rating" for that regime's words ("excellent", "poor"), else "inspection"."""
    era = get_era(era_id)
    if era is not None:
        return era.event_type
    return "annual rating" if normalise_rating(rating) in ("excellent", "poor") else "inspection"


def era_for(year: int | None, rating_or_phrase: str | None = None, month: int | None = None) -> str | None:
    """The id of the regime a rating (or inspection phrase) of ``year`` belongs to.

    A regime named in the phrase ("performs well", "focused visit", "SIF")
    wins when the year allows it. Otherwise the graded regimes in force that
    year which award the rating word are candidates; the month, else the larger
    share of the year, settles an overlap. An undated rating gets an era only
    when its word belongs to one regime alone ("performs poorly").
    """
    phrase = rating_or_phrase if isinstance(rating_or_phrase, str) else ""
    if year is not None and not isinstance(year, int):
        return None
    if month is not None and not (isinstance(month, int) and 1 <= month <= 12):
        month = None
    for pattern, era_id in _NAMED_ERAS:
        if pattern.search(phrase):
            era = get_era(era_id)
            if era is not None and (year is None or era.covers(year, month)):
                return era_id
    rating = normalise_rating(phrase)
    # The annual rating's words are "performs ..." or "poor", matched above;
    # a bare "good" or "adequate" is an inspection judgement.
    regimes = [e for e in ERAS if e.graded and e.id != "annual-rating"]
    if year is None:
        owners = [e for e in regimes if rating in e.ratings]
        return owners[0].id if rating and len(owners) == 1 else None
    in_force = [e for e in regimes if e.covers(year, month)]
    if not in_force:
        return None
    fitting = [e for e in in_force if rating in e.ratings] or in_force
    return max(fitting, key=lambda e: (e.months_in(year), e.start)).id


# The service noun a writer may put before an area it grades, where the area's own phrase does
# not take it: "its top grade for leadership, child protection, support for children in care and
# care leavers as well as for overall effectiveness" (trade press on North Yorkshire, 2018), "to
# require improvement for their services to children in need" (a trade analysis, 2017), "Help
# and Protection, Services to Children in Care and Care Leavers and ... Leadership" (a council's
# minutes, 2022). The list and area rules let it stand before any area of a list.
AREA_HEAD_WORDS = r"(?:(?:its|their|the)\s+)?(?:(?:services?|support|provision)\s+(?:for|to)|work\s+with)\s+"

_APOS = r"(?:['’]s|s['’]|s)?"
# "the experiences and progress of children in care", "services for care leavers"
# (the press drops "and progress": "experiences of care leavers")
_EXP = r"(?:(?:the\s+)?experiences?\s+(?:and\s+progress\s+)?of\s+|services\s+for\s+)?"
_LAC = r"(?:children\s+(?:who\s+are\s+)?looked[\s-]+after|looked[\s-]+after\s+children)"
# (pattern, area, heading): more specific phrases first, as the first
# alternative to match wins. A heading is a judgement's formal name, which
# reports print as a label before the grade ("Overall effectiveness Good").
_AREA_PHRASES: tuple[tuple[str, str, bool], ...] = (
    # The single inspection framework's title names the whole inspection, not three areas: "our
    # Ofsted judgement on the services we provide for children in need of help and protection,
    # children looked after and care leavers" (a council leader's blog).
    # (The press may turn the middle one round: "The south coast council's services for children in
    # need of help and protection, looked-after children and care leavers were judged overall to
    # 'require improvement'" (trade press, 2014); "services for children in need of help and
    # protection, looked-after children, and care leavers" (a council's release, 2017).)
    (r"(?:services\s+(?:[\w'’]+\s+){0,3}?for\s+)?children\s+in\s+need\s+of\s+help\s+and\s+protection,?\s+"
     r"(?:children\s+looked[\s-]+after|looked[\s-]+after\s+children),?\s+and\s+care[\s-]+leavers", "overall", False),
    # ... and shortened to its first two groups, either way round: "Services for looked after
    # children and those in need of help and protection in Royal Greenwich have been rated 'Good'"
    # (a local news blog), "the highest accolade of 'outstanding' for services for children in need
    # of help and protection and looked after children - judging it as overall outstanding" (a
    # local paper, whose table gives help and protection good).
    (r"services\s+for\s+(?:(?:children|those)\s+(?:in\s+need\s+of|who\s+need)\s+help\s+and\s+protection,?\s+and\s+"
     r"(?:children\s+(?:who\s+are\s+)?looked[\s-]+after|looked[\s-]+after\s+children|children\s+in\s+care)"
     r"|(?:children\s+(?:who\s+are\s+)?looked[\s-]+after|looked[\s-]+after\s+children|children\s+in\s+care),?\s+and\s+"
     r"(?:children|those)\s+(?:in\s+need\s+of|who\s+need)\s+help\s+and\s+protection)", "overall", False),
    # Both at once, as the press shortens them: "children in and leaving care", "those both in
    # and leaving care" (a council release); a list of two, not ILACS's combined judgement.
    (r"(?:services\s+for\s+)?(?:children|those|young\s+people)\s+(?:both\s+)?in\s+and\s+leaving\s+care",
     "children in care and care leavers", False),
    # (The press writes "care leaver services" and "children that need help and protection".)
    (rf"{_EXP}children\s+in\s+care\s+and\s+care[\s-]+leavers?", "children in care and care leavers", True),
    (rf"{_EXP}(?:children\s+(?:who|that)\s+need|children\s+in\s+need\s+of)\s+help\s+and\s+protection",
     "help and protection", True),
    # ("the impact of senior leaders on social work practice": the press adds a word)
    (r"(?:the\s+)?impact\s+of\s+(?:senior\s+)?leaders(?:\s+and\s+managers)?(?:\s+on\s+social\s+work\s+practice"
     r"(?:\s+with\s+children\s+and\s+families)?)?", "leadership", True),
    # The same judgement with its subject dropped, as the press garbles it: "the impact of
    # social work practice with children and families" (a 2024 news story's list of grades).
    # ... or "the impact of social workers" (a local radio story's list of the three areas judged).
    (r"(?:the\s+)?impact\s+of\s+social\s+work(?:\s+practice\s+with\s+children\s+and\s+families|ers)", "leadership", False),
    (r"leadership,?\s+management\s+and\s+governance", "leadership", True),
    # The services named before their leadership, as headlines put it: "'Outstanding' children's
    # services leadership praised by Ofsted" (trade press, 2016 and later).
    (rf"children{_APOS}\s+(?:social\s+care\s+)?services?\s+leadership", "leadership", False),
    # ("with child protection services and the quality of leadership also receiving the highest grade")
    (r"quality\s+of\s+(?:its\s+|their\s+)?leadership", "leadership", False),
    # ("with leaders' impact rated 'outstanding'": the press's inversion of the ILACS name)
    (r"(?:senior\s+)?leaders['’]\s+impact", "leadership", False),
    (rf"{_EXP}care[\s-]+leavers?", "care leavers", True),
    # The press's words for care leavers: "the experiences of those who leave care",
    # "the progress of children who leave care", "the experiences of children leaving care".
    (r"(?:(?:the\s+)?(?:experiences?|progress)\s+of\s+(?:those|children|young\s+people)|children)\s+"
     r"(?:who\s+(?:leave|have\s+left|are\s+leaving)|leaving)\s+care", "care leavers", False),
    # ... and for help and protection: "work with children who need protection", "rated good for
    # children in need" (a trade analysis of the SIF grades), "Herefordshire Council's protection
    # of children rated 'inadequate'" (a 2012 protection of children inspection).
    (r"children\s+(?:who\s+need|in\s+need\s+of)\s+protection", "help and protection", False),
    # ("Warrington Council's protection and safeguarding of children still requires improvement")
    (r"(?:the\s+)?(?:protection(?:\s+and\s+safeguarding)?|safeguarding(?:\s+and\s+protection)?)\s+of\s+children"
     r"|children\s+in\s+need(?!\s+of\b)", "help and protection", False),
    # ("Children in Care and Permanence": a 2014 news story's list of the SIF's areas)
    (rf"(?:{_LAC}|children\s+in\s+care)\s+and\s+(?:achieving\s+)?permanence", "children in care", True),
    # The SIF judgement as the press shortens it: "children achieving permanence".
    (r"children\s+achieving\s+permanence", "children in care", False),
    (rf"{_EXP}children\s+in\s+care", "children in care", True),
    # "children's experience in care" (the ILACS judgement as the press words it)
    (r"children['’]?s?\s+experiences?\s+(?:in|of)\s+care", "children in care", False),
    (rf"(?:overall\s+effectiveness\s+of\s+)?services\s+for\s+{_LAC}", "children in care", True),
    (r"adoption\s+performance", "adoption", True),
    (r"(?:the\s+effectiveness\s+of\s+the\s+)?local\s+safeguarding\s+children(?:['’]s)?\s+boards?",
     "lscb", True),
    (r"overall\s+effectiveness\s+of\s+safeguarding(?:\s+services)?", "help and protection", True),
    # The 2012-13 protection of children inspection's "effectiveness of help and protection".
    (r"(?:the\s+)?effectiveness\s+of\s+(?:the\s+)?help(?:\s+and\s+protection)?", "help and protection", True),
    (r"capacity\s+(?:for|to)\s+improve(?:ment)?", "capacity for improvement", True),
    (r"overall\s+effectiveness", "overall", True),
    # The board under the names the press gives it: "Warrington's Safeguarding Children Board",
    # "the safeguarding board", "Local Child Safeguarding Board (LCSB)" (the city's own release).
    (r"safeguarding\s+children\s+boards?|(?:local\s+)?(?:child(?:ren)?['’]?s?\s+)?safeguarding\s+boards?"
     r"|\bLSCBs?\b", "lscb", False),
    (_LAC, "children in care", False),
    # Minutes and practitioners' blogs abbreviate looked after children: "It was found that LAC
    # permanence was good" (a council's minutes), "the grade for LAC and permanence" (a blog).
    (r"(?-i:LAC)(?:\s+(?:and\s+)?permanence)?", "children in care", False),
    # ("safeguarding children and ... looked after children": a 2009-12 inspection's two strands)
    (r"help\s+and\s+protection|child\s+protection|safeguarding(?:\s+services|\s+children(?![\w'’-]))?",
     "help and protection", False),
    # The APA's "staying safe" outcome and "keeping children safe" are its safeguarding grade
    # (2008 news: "those ranked 'inadequate' for children's safety").
    (r"staying\s+safe|keep(?:ing)?\s+children(?:\s+and\s+young\s+people)?\s+safe|children['’]s\s+safety",
     "help and protection", False),
    (r"leadership(?:\s+and\s+management)?|management\s+and\s+leadership", "leadership", False),
    (r"leaving\s+care", "care leavers", False),
    (r"adoption(?:\s+services)?", "adoption", False),
    (rf"children{_APOS}\s+(?:social\s+care\s+)?services?(?:\s+department)?|children{_APOS}\s+social\s+care"
     r"|services\s+for\s+children(?:\s+and\s+(?:young\s+people|families))?", "overall", False),
)
_AREA_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _, _) in enumerate(_AREA_PHRASES)) + r")(?![\w-])",
    re.IGNORECASE,
)
_AREA_BY_GROUP = {f"a{i}": (area, heading) for i, (_, area, heading) in enumerate(_AREA_PHRASES)}
# Every phrase above starts (after an optional "the") with one of these words.
# Finding them with a pattern that opens on a character class, then matching
# the phrases only there, is many times faster than searching with the
# phrases themselves (a phrase is then read from its first word, not "the").
_AREA_ANCHOR = re.compile(
    r"[escilaohmkpqrty](?<![\w-].)(?:xperience|ervices|hild|mpact|eaders|enior|hose|oung|are|verall|doption|ocal|afeguarding|"
    r"apacity|elp|anagement|eaving|ooked|SCB|AC|taying|eep|ffectiveness|rogress|rotection|uality)",
    re.IGNORECASE,
)


# Aspects the 2005-12 regimes graded that have no area in this schema: the Every Child
# Matters outcomes but staying safe (APA, JAR and the looked after children strand) and the
# 2009-12 inspections' sub-judgements. A grade given "in" or "for" one of them is no area's.
UNPLACED_ASPECT_RE = re.compile(
    r"(?:being\s+healthy|enjoy(?:ing|ment)\s+and\s+achiev(?:ing|ement)|making\s+a\s+positive\s+contribution"
    r"|(?:achieving\s+)?economic\s+well[\s-]?being|value\s+for\s+money|ambition\s+and\s+prioriti[sz]ation"
    r"|service\s+responsiveness|assessment\s+and\s+direct\s+work|case\s+planning|user\s+engagement"
    r"|equality\s+and\s+diversity|performance\s+management"
    # The 2012-13 protection of children inspection's third judgement, beside help and
    # leadership: "judgements were split into 3 categories: Effectiveness of Help, quality of
    # practice and leadership and governance" (a council's minutes).
    r"|quality\s+of\s+(?:social\s+work\s+)?practice)\b",
    re.IGNORECASE,
)


# The areas each graded inspection regime judges, for "good in every area except
# help and protection". ILACS judged children in care and care leavers as one
# area until its 2023 framework made care leavers a judgement of its own.
_AREAS_JUDGED: dict[str, tuple[str, ...]] = {
    "sif": ("overall", "help and protection", "children in care", "adoption", "care leavers", "leadership"),
    "ilacs": ("overall", "leadership", "help and protection", "children in care and care leavers"),
}
_ILACS_FROM_2023 = ("overall", "leadership", "help and protection", "children in care", "care leavers")


# The 2009-13 inspections graded looked after children with their care leavers as one strand
# ("services for looked after children and care leavers"): neither had a grade apart.
_ONE_STRAND = {"care leavers": "children in care", "children in care and care leavers": "children in care"}
_STRAND_ERAS = ("safeguarding-lac", "protection-lac")


def areas_of_its_era(areas: list, era_id: str | None) -> list:
    """``areas`` as the regime ``era_id`` graded them: care leavers are the looked after
    children's strand of a 2009-13 inspection, one judgement with its children in care."""
    if era_id not in _STRAND_ERAS:
        return areas
    return list(dict.fromkeys(_ONE_STRAND.get(area, area) for area in areas))


def areas_judged(era_id: str | None, year: int | None = None) -> tuple[str, ...]:
    """The areas the regime ``era_id`` grades (in ``year``); empty where not known."""
    if era_id == "ilacs" and year is not None and year >= 2023:
        return _ILACS_FROM_2023
    return _AREAS_JUDGED.get(era_id or "", ())


# Each framework whose areas are known, with the years it graded councils (the last open).
_FRAMEWORKS: tuple[tuple[int, int | None, tuple[str, ...]], ...] = (
    (2013, 2017, _AREAS_JUDGED["sif"]), (2018, 2022, _AREAS_JUDGED["ilacs"]), (2023, None, _ILACS_FROM_2023),
)


def areas_judged_alike(since: int | None) -> tuple[str, ...]:
    """The areas every framework grading councils from ``since`` on judges alike: where a page
    tells "'inadequate' in all areas" of an inspection after 2016 without fixing its framework,
    those are overall effectiveness, help and protection and leadership. Empty before the single
    inspection framework, whose predecessors' areas are not all known here, and on a page that
    names no year (an annual performance assessment's "top mark in every category" is not these)."""
    if not isinstance(since, int) or since < _FRAMEWORKS[0][0]:
        return ()
    frameworks = [areas for _, last, areas in _FRAMEWORKS if last is None or last >= since]
    return tuple(area for area in frameworks[0] if all(area in other for other in frameworks[1:]))


def areas_judged_by_count(count: int | None) -> tuple[str, ...]:
    """The areas of the one framework that grades ``count`` of them, as the press counts its
    judgements ("across all four major headings": 2018-23's four, overall effectiveness among
    them; "all five" from 2023; the SIF's six local authority grades); empty where none does."""
    fitting = [areas for _, _, areas in _FRAMEWORKS if len(areas) == count]
    return fitting[0] if len(fitting) == 1 else ()


@dataclass(frozen=True)
class AreaMention:
    start: int
    end: int
    area: str
    heading: bool  # the judgement's formal name, usable as a label


def find_areas(text: str, start: int = 0, end: int | None = None) -> list[AreaMention]:
    """Phrases naming a judgement area in ``text[start:end]``, in order."""
    if not isinstance(text, str):
        return []
    stop = len(text) if end is None else end
    found = []
    covered = start
    for anchor in _AREA_ANCHOR.finditer(text, start, stop):
        if anchor.start() < covered:
            continue
        match = _AREA_RE.match(text, anchor.start(), stop)
        if match is not None:
            area, heading = _AREA_BY_GROUP[match.lastgroup or ""]
            found.append(AreaMention(match.start(), match.end(), area, heading))
            covered = match.end()
    return found


def area_for(phrase: str | None) -> str | None:
    """The area a phrase names ("looked after children" -> "children in care")."""
    if not isinstance(phrase, str):
        return None
    match = _AREA_RE.search(phrase)
    return _AREA_BY_GROUP[match.lastgroup or ""][0] if match else None
