"""The tables of the judgement vocabulary, and reading a rating's words.

The ratings, the four grades (names, labels, colours), the inspection eras and
the judgement areas' names: what the explorer's first frame and the command
line show. No pattern is compiled at import, so that loading these costs the
first frame nothing; ``importers.vocabulary`` re-exports all of it beside the
patterns the extractors read text with (see its docstring for each table).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "AREAS",
    "AREA_COMPONENTS",
    "BOTTOM_GRADE_WORDS",
    "ERAS",
    "GRADE_COLOURS",
    "GRADE_LABELS",
    "GRADES",
    "PERFORMS_WORDS",
    "RATINGS",
    "RATING_ABBREVIATIONS",
    "RATING_WORDS",
    "TOP_GRADE_WORDS",
    "UNGRADED_COLOUR",
    "Era",
    "Grade",
    "Rating",
    "get_era",
    "grade_of",
    "normalise_rating",
    "rating_label",
    "rating_named",
]


# --- ratings ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    name: str  # normalised, lower case
    grade: int  # 1 best .. 4 worst
    label: str  # as Ofsted prints it, for display


RATINGS: dict[str, Rating] = {
    r.name: r
    for r in (
        Rating("outstanding", 1, "Outstanding"),
        Rating("excellent", 1, "Performs excellently"),
        Rating("good", 2, "Good"),
        Rating("adequate", 3, "Adequate"),
        Rating("requires improvement", 3, "Requires improvement to be good"),
        Rating("poor", 4, "Performs poorly"),
        Rating("inadequate", 4, "Inadequate"),
    )
}

# Each rating in a letter or two, where a row of grades must read without colour ("RI → G → O").
RATING_ABBREVIATIONS: dict[str, str] = {
    "outstanding": "O", "excellent": "E", "good": "G", "adequate": "A",
    "requires improvement": "RI", "poor": "P", "inadequate": "I",
}


@dataclass(frozen=True)
class Grade:
    """One of the four grades every era's ratings map to (1 best .. 4 worst).

    ``rating`` is the current framework's word for it, whose label names the
    grade; ``short`` names it where one word must cover every era's (grade 3
    is "adequate" before 2013, "requires improvement" since).
    """

    number: int
    rating: str
    colour: str  # for legends, badges and timeline markers; reads on dark and light backgrounds
    short: str | None = None

    @property
    def label(self) -> str:
        return RATINGS[self.rating].label

    @property
    def name(self) -> str:
        return self.short or self.label


# The one table of grades: the CLI and the app name and colour them from it.
GRADES: dict[int, Grade] = {
    g.number: g
    for g in (
        Grade(1, "outstanding", "#2e7d32"),  # outstanding / performs excellently: green
        Grade(2, "good", "#1565c0"),  # good / performs well: blue
        Grade(3, "requires improvement", "#ef8f00", short="RI / adequate"),  # amber
        Grade(4, "inadequate", "#c62828"),  # inadequate / performs poorly: red
    )
}
GRADE_LABELS: dict[int, str] = {number: grade.label for number, grade in GRADES.items()}
GRADE_COLOURS: dict[int, str] = {number: grade.colour for number, grade in GRADES.items()}
UNGRADED_COLOUR = "#607d8b"  # visits and inspections that award no grade

# Every written form of a rating, as a regular expression: the extractors use
# it to find candidate words; ``normalise_rating`` maps a match back. Words may
# be split by a line break in text extracted from PDFs ("Requires \nimprovement").
# The press's "needs improvement" / "rated ... as needing improvement" names the same grade.
_RI = r"(?:requires?|requiring|required|needs?|needing|needed)\s+improvement(?:\s+to\s+be\s+good)?"
# The adverb may be quoted: "Medway performed 'adequately' on Safeguarding" (2012 minutes).
PERFORMS_WORDS = r"perform(?:s|ed|ing)?\s+[\"'‘“]?(?:excellently|well|adequately|poorly)"
RATING_WORDS = rf"(?:{PERFORMS_WORDS}|{_RI}|outstanding|excellent|good|adequate|inadequate|poor)"

# The press's names for the best grade, said without its word: "awarded the authority the top
# mark in all areas judged", "also receiving the highest grade", "received the highest possible
# grade", "the best possible rating that Ofsted can give". Not in ``RATING_WORDS`` (a report's table never prints them); the prose rules add them.
TOP_GRADE_WORDS = r"(?:(?:top|highest)(?:\s+possible)?|best\s+possible)\s+(?:mark|grade|rating)s?"
# And the worst: "inspectors gave her authority the lowest possible rating", "slapped with the
# worst possible rating by the care watchdog in 2017", "had been given Ofsted's lowest overall
# rating" (three local papers).
BOTTOM_GRADE_WORDS = r"(?:lowest|worst)(?:\s+possible)?(?:\s+overall)?\s+(?:mark|grade|grading|rating)s?"


@functools.cache
def _whole_forms() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Requires improvement, the top grade and the bottom grade, each said whole. Compiled on
    first use, not at import: the explorer's first frame names and colours grades without them."""
    return re.compile(_RI), re.compile(TOP_GRADE_WORDS, re.IGNORECASE), re.compile(BOTTOM_GRADE_WORDS, re.IGNORECASE)

_ADVERBS = {"excellently": "excellent", "well": "good", "adequately": "adequate", "poorly": "poor"}
_ADVERB_OF = {rating: adverb for adverb, rating in _ADVERBS.items()}
_QUOTES_AND_SPACE = " \t\n'\"‘’“”"


def normalise_rating(text: str | None) -> str | None:
    """The normalised rating a written form names, else None.

    >>> normalise_rating("Require improvement to be good")
    'requires improvement'
    >>> normalise_rating("performs well")
    'good'
    """
    if not isinstance(text, str):
        return None
    words = " ".join(text.strip(_QUOTES_AND_SPACE).lower().split())
    if words in RATINGS:
        return words
    requires_improvement, top_grade, bottom_grade = _whole_forms()
    if requires_improvement.fullmatch(words):
        return "requires improvement"
    if top_grade.fullmatch(words):
        return "outstanding"
    if bottom_grade.fullmatch(words):
        return "inadequate"
    parts = [part.strip(_QUOTES_AND_SPACE) for part in words.split()]
    if len(parts) == 2 and parts[0].startswith("perform") and parts[1] in _ADVERBS:
        return _ADVERBS[parts[1]]
    return None


def rating_named(given: str) -> str | None:
    """The normalised rating a person typed: any era's wording or its abbreviation ("RI", "g")."""
    folded = given.strip().casefold()
    for rating, short in RATING_ABBREVIATIONS.items():
        if folded == short.casefold():
            return rating
    return normalise_rating(given)


def grade_of(rating: str | None) -> int | None:
    """The grade (1 best .. 4 worst) of a normalised or written rating."""
    name = normalise_rating(rating)
    return RATINGS[name].grade if name else None


def rating_label(rating: str | None, era: str | None = None) -> str | None:
    """The label to show for a rating; in the 2009-11 annual rating "Performs well"."""
    name = normalise_rating(rating)
    if name is None:
        return None
    if era == "annual-rating":
        adverb = _ADVERB_OF.get(name)
        if adverb:
            return f"Performs {adverb}"
    return RATINGS[name].label


# --- eras -------------------------------------------------------------------------


@dataclass(frozen=True)
class Era:
    id: str
    label: str
    years: str  # as printed in the design notes
    start: tuple[int, int]  # (year, month) the regime began
    end: tuple[int, int] | None  # (year, month) it ended, None while in force
    ratings: tuple[str, ...]  # normalised ratings it awards; empty when ungraded
    event_type: str  # "inspection" or "annual rating"
    note: str = ""

    @property
    def graded(self) -> bool:
        return bool(self.ratings)

    def months_in(self, year: int) -> int:
        """How many months of ``year`` the regime was in force (0 to 12)."""
        first = 1 if self.start[0] < year else self.start[1] if self.start[0] == year else 13
        if self.end is None or self.end[0] > year:
            last = 12
        elif self.end[0] == year:
            last = self.end[1]
        else:
            last = 0
        return max(0, last - first + 1)

    def covers(self, year: int, month: int | None = None) -> bool:
        if month is None:
            return self.months_in(year) > 0
        return self.start <= (year, month) and (self.end is None or (year, month) <= self.end)


_FOUR_POINT = ("outstanding", "good", "adequate", "inadequate")
_SIF_WORDS = ("outstanding", "good", "requires improvement", "inadequate")

# DESIGN.md's table. Where two regimes overlap in a year the rating word, the
# month or the share of the year decides (see ``era_for``). The single
# inspection framework began in November 2013 and ILACS in January 2018.
ERAS: tuple[Era, ...] = (
    Era("apa", "Annual performance assessment, joint area review", "2005-08",
        (2005, 1), (2008, 12), _FOUR_POINT, "inspection",
        "APA printed grades 4..1 (4 best); stored here as 1..4 with 1 best"),
    Era("annual-rating", "Ofsted annual rating of children's services", "2009-11",
        (2009, 1), (2011, 12), ("excellent", "good", "adequate", "poor"), "annual rating",
        "performs excellently / well / adequately / poorly"),
    Era("safeguarding-lac", "Safeguarding and looked after children inspections", "2009-12",
        (2009, 1), (2012, 12), _FOUR_POINT, "inspection"),
    Era("unannounced-cra", "Unannounced inspections of contact, referral and assessment",
        "2009-12", (2009, 1), (2012, 12), (), "inspection",
        "no grade: areas for priority action, strengths, areas for development"),
    Era("protection-lac", "Protection of children / looked after children inspections", "2012-13",
        (2012, 6), (2013, 10), _FOUR_POINT, "inspection"),
    Era("sif", "Single inspection framework (SIF)", "2013-18",
        (2013, 11), (2017, 12), _SIF_WORDS, "inspection",
        "key judgements 1 help and protection, 2 children looked after (2.1 adoption, "
        "2.2 care leavers), 3 leadership; LSCB judged separately"),
    Era("ilacs", "ILACS standard and short inspections", "2018-",
        (2018, 1), None, _SIF_WORDS, "inspection",
        "care leavers its own judgement from 2023; no overall effectiveness from April 2026"),
    Era("ilacs-visits", "ILACS focused visits, monitoring visits, JTAIs", "2018-",
        (2018, 1), None, (), "inspection",
        "no grade; focused visits may name areas for priority action"),
)
_ERAS_BY_ID = {era.id: era for era in ERAS}


def get_era(era_id: str | None) -> Era | None:
    return _ERAS_BY_ID.get(era_id) if era_id else None


# --- areas ------------------------------------------------------------------------

AREAS: dict[str, str] = {
    "overall": "Overall effectiveness",
    "leadership": "The impact of leaders",
    "help and protection": "Children who need help and protection",
    "children in care": "Children in care",
    "children in care and care leavers": "Children in care and care leavers",
    "care leavers": "Care leavers",
    "adoption": "Adoption performance",
    "lscb": "Local Safeguarding Children Board",
    "capacity for improvement": "Capacity for improvement",
}
# The 2018-23 ILACS judgement covered two of today's areas at once: a filter on
# either area should find it.
AREA_COMPONENTS: dict[str, tuple[str, ...]] = {
    "children in care and care leavers": ("children in care", "care leavers"),
}
