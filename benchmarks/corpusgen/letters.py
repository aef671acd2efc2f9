"""Ofsted letters to a director of children's services, one form per kind of visit.

Letters open with Ofsted's address block and the date, name the inspectors,
and say what was found. Graded letters (annual performance assessments, the
2009-11 annual rating) print the old reversed grade numbers beside the words
and explain the scale; visits that carry no grade (focused, monitoring,
unannounced, joint targeted) name areas for priority action or development,
and monitoring letters recall the inadequate judgement that started them.
"""

from __future__ import annotations

import random

from benchmarks.corpusgen.history import Inspection, formal_name, the
from benchmarks.corpusgen.prose import IMPROVEMENTS, paragraph, statistic
from benchmarks.corpusgen.words import (
    ANNUAL_PRINTED, APA_PRINTED, MONTHS, fmt_date, fmt_range, person,
)

__all__ = ["write_letter"]

_ADDRESSES = (
    "Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD",
    "Ofsted\nAgora\n6 Cumberland Place\nNottingham\nNG1 6HJ",
    "Ofsted\nAviation House\n125 Kingsway\nLondon\nWC2B 6SE",
)
_CONTACT = "T 0300 123 1231\nTextphone 0161 618 8524\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted"
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_JTAI_THEMES = ("children living with domestic abuse", "children at risk of criminal exploitation",
                "the multi-agency response to child sexual abuse in the family environment",
                "children with mental ill health", "serious youth violence")
_GOOD = {"outstanding", "good", "performs excellently", "performs well"}


def _hmi(visit: Inspection) -> str:
    return "His Majesty’s Inspector" if visit.published.year >= 2023 else "Her Majesty’s Inspector"


def _head(rng: random.Random, visit: Inspection, director: str) -> list[str]:
    title = "Ms" if rng.random() < 0.6 else "Mr"
    surname = director.split()[-1]
    return [
        rng.choice(_ADDRESSES), _CONTACT, fmt_date(visit.published, rng, "dmy"),
        f"{director}\nDirector of Children’s Services\n{formal_name(visit.council)}",
        f"Dear {title} {surname}",
    ]


def _sign(visit: Inspection, rng: random.Random) -> str:
    return f"Yours sincerely\n\n{visit.lead_inspector}\n{_hmi(visit)}"


def _findings(rng: random.Random, visit: Inspection, strong: bool, count: int) -> list[str]:
    areas = ("help and protection", "children in care", "leadership", "care leavers")
    out = [paragraph(rng, visit.council, rng.choice(areas), strong, rng.randint(3, 6)) for _ in range(count)]
    if rng.random() < 0.5:
        out.insert(rng.randint(0, len(out)), statistic(rng))
    return out


def _apa(rng: random.Random, v: Inspection, director: str) -> tuple[str, list[str]]:
    c, grade = v.council, v.grades["overall"]
    title = f"Annual performance assessment of services for children and young people in {c} {v.start.year}"
    body = _head(rng, v, director) + [
        title,
        f"This letter summarises the findings of the {v.start.year} annual performance assessment (APA) "
        f"for {the(formal_name(c))}.",
        "Grades: 4 outstanding; 3 good; 2 adequate; 1 inadequate.",
        f"Overall effectiveness of children’s services Grade {APA_PRINTED[grade]}",
        f"Overall, the council delivers services for children and young people that are judged to be {grade}.",
        *_findings(rng, v, grade in _GOOD, rng.randint(8, 12)),
        f"Capacity to improve, including the management of children’s services Grade {APA_PRINTED[grade]}",
        *_findings(rng, v, grade in _GOOD, 4),
        _sign(v, rng),
    ]
    return title, body


def _annual(rng: random.Random, v: Inspection, director: str) -> tuple[str, list[str]]:
    c, rating = v.council, v.grades["overall"]
    title = f"Annual children’s services assessment {v.start.year}"
    body = _head(rng, v, director) + [
        title,
        "Ofsted’s grades are: 4 performs excellently; 3 performs well; 2 performs adequately; 1 performs poorly.",
        f"Overall effectiveness of children’s services assessment: {ANNUAL_PRINTED[rating]} ({rating})",
        f"Children’s services in {c} {rating}.",
        *_findings(rng, v, rating in _GOOD, rng.randint(9, 14)),
        _sign(v, rng),
    ]
    return title, body


def _unannounced(rng: random.Random, v: Inspection, director: str) -> tuple[str, list[str]]:
    c = v.council
    title = (f"Annual unannounced inspection of contact, referral and assessment arrangements "
             f"within {c} children’s services")
    priority = rng.random() < 0.35
    body = _head(rng, v, director) + [
        title,
        f"This letter summarises the findings of the unannounced inspection of contact, referral and "
        f"assessment arrangements within {the(formal_name(c))} children’s services, which took place on "
        f"{fmt_range(v.start, v.end, rng)}. The inspectors were {' and '.join(v.inspectors[:2])}.",
        "Areas of strength",
        *_findings(rng, v, True, rng.randint(6, 10)),
        "Areas for development",
        *(f"• {item}" for item in rng.sample(IMPROVEMENTS, 3)),
        ("The inspection identified the following areas for priority action." if priority
         else "The inspection identified no areas for priority action."),
        _sign(v, rng),
    ]
    return title, body


def _focused(rng: random.Random, v: Inspection, director: str) -> tuple[str, list[str]]:
    c = v.council
    title = f"Focused visit to {c} children’s services"
    body = _head(rng, v, director) + [
        title,
        f"This letter summarises the findings of the focused visit to {c} children’s services on "
        f"{fmt_range(v.start, v.end, rng)}. {_hmi(v).replace('Inspector', 'Inspectors')} for this visit were "
        f"{' and '.join(v.inspectors[:2])}.",
        "This visit was carried out in line with the inspection of local authority children’s services "
        "(ILACS) framework. No judgement is given on a focused visit.",
        "Headline findings",
        *_findings(rng, v, rng.random() < 0.6, rng.randint(10, 16)),
        "What needs to improve in this area of social work practice?",
        *(f"◼ {item}" for item in rng.sample(IMPROVEMENTS, rng.randint(2, 4))),
        "Ofsted will take the findings from this focused visit into account when planning your next inspection.",
        _sign(v, rng),
    ]
    return title, body


def _monitoring(rng: random.Random, v: Inspection, director: str, judged: Inspection | None) -> tuple[str, list[str]]:
    c = v.council
    title = f"Monitoring visit to {c} children’s services"
    when = f"{MONTHS[judged.published.month - 1]} {judged.published.year}" if judged else "its last inspection"
    ordinal = _ORDINALS[min(v.visit_number, len(_ORDINALS)) - 1]
    body = _head(rng, v, director) + [
        title,
        f"This letter summarises the findings of the {ordinal} monitoring visit to {c} children’s services "
        f"since the local authority was judged inadequate in {when}. The visit took place on "
        f"{fmt_range(v.start, v.end, rng)}. The inspectors were {' and '.join(v.inspectors[:2])}.",
        "Areas covered by the visit",
        *_findings(rng, v, rng.random() < 0.5, rng.randint(10, 16)),
        "Ofsted will continue to monitor the progress of the local authority through quarterly visits.",
        _sign(v, rng),
    ]
    return title, body


def _jtai(rng: random.Random, v: Inspection, director: str) -> tuple[str, list[str]]:
    c = v.council
    theme = rng.choice(_JTAI_THEMES)
    title = f"Joint targeted area inspection of {c}"
    body = _head(rng, v, director) + [
        title,
        f"This letter summarises the findings of a joint targeted area inspection (JTAI) of the multi-agency "
        f"response to {theme} in {c}, carried out between {fmt_range(v.start, v.end, rng)} by Ofsted, the Care "
        "Quality Commission, HMICFRS and HM Inspectorate of Probation.",
        "Headline findings",
        *_findings(rng, v, rng.random() < 0.5, rng.randint(10, 16)),
        "What needs to improve?",
        *(f"• {item}" for item in rng.sample(IMPROVEMENTS, 3)),
        _sign(v, rng),
    ]
    return title, body


def write_letter(rng: random.Random, visit: Inspection, history: list[Inspection]) -> tuple[str, str]:
    """(title, text) of the letter Ofsted sent after ``visit``."""
    director = person(rng)
    if visit.regime == "monitoring":
        judged = max((h for h in history if h.overall == "inadequate" and h.end < visit.start),
                     key=lambda h: h.end, default=None)
        title, parts = _monitoring(rng, visit, director, judged)
    else:
        writer = {"apa": _apa, "annual_rating": _annual, "unannounced": _unannounced,
                  "focused": _focused, "jtai": _jtai}[visit.regime]
        title, parts = writer(rng, visit, director)
    return title, "\n\n".join(parts) + "\n"
