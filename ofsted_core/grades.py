"""The grade facet's names and the one casing every rating is shown in.

Grade 1 is the best. The grades themselves (label, short name, colour) are
``importers.grade_tables.GRADES``; the interface turns the colours into styles.
"""

from __future__ import annotations

from importers.grade_tables import GRADES

__all__ = ["GRADE_NAMES", "GRADE_NOT_IN_DATASET_LABEL", "GRADE_NOT_STATED_LABEL", "NO_GRADE", "NO_GRADE_LABEL", "NOT_GRADED_LABEL",
           "NO_OVERALL_LABEL", "UNGRADED_TYPES", "sentence_case"]

NO_GRADE = "none"  # the grade facet's value for events and documents that award none
NO_GRADE_LABEL = "No grade"
# An event of a kind that awards a grade (an inspection) whose grade no document
# held states: "No grade" there read as "Ofsted gave none", which is untrue.
GRADE_NOT_STATED_LABEL = "Grade not stated"
# An inspection known only from the national dataset, whose row carries no grade
# (the scraper reads none from reports before 2018): Ofsted gave one, the file lacks it.
GRADE_NOT_IN_DATASET_LABEL = "Grade not in dataset"
# A visit of a kind that never awards a grade (a focused or monitoring visit, a JTAI).
NOT_GRADED_LABEL = "Not graded"
# Kinds of visit that never carry a graded judgement. (A "review" of the LSCB
# was judged, alongside the inspection it was reported with.)
UNGRADED_TYPES = frozenset({
    "focused visit", "monitoring visit", "joint targeted area inspection",
    "unannounced inspection", "progress report",
})
# An event with area grades and no overall one (a 2010 inspection, a board review, ILACS from 2026).
NO_OVERALL_LABEL = "No overall grade"
# The grade facet's values (grades as text, as a facet's values are) and their
# names, from the vocabulary's one table of grades.
GRADE_NAMES = {str(number): grade.name for number, grade in GRADES.items()} | {NO_GRADE: NO_GRADE_LABEL}


def sentence_case(text: str | None) -> str | None:
    """A rating as written, in the one casing shown everywhere: "inadequate", "INADEQUATE" read "Inadequate".

    A rating keeps its words ("Requires improvement to be good", "Performs
    poorly") in sentence case: report tables print "Requires Improvement",
    news "requires improvement". Ratings hold no proper names to lower.
    """
    if not text:
        return text
    shown = text[0].upper() + text[1:].lower()
    # A headline's verb agrees with its subject ("services in X require
    # improvement to be good"); shown alone, the grade's own name reads "Requires".
    return "Requires" + shown[len("Require"):] if shown.startswith("Require ") else shown
