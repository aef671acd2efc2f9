"""Ofsted inspection reports as their text reads once extracted: one writer per regime.

Each report opens with the regime's judgement table or grade lines, then the
findings in numbered paragraphs, "what needs to improve", the local statistics
and, for most regimes, the standard explanation of what each grade means (the
rating words in a definition, not a judgement). Page footers repeat through the
text as they do in text extracted from a PDF. ``long=True`` writes the
occasional very long report (a few hundred kilobytes) that the reader must
still open quickly.
"""

from __future__ import annotations

import random

from benchmarks.corpusgen.history import Inspection, formal_name
from benchmarks.corpusgen.prose import IMPROVEMENTS, paragraph, statistic
from benchmarks.corpusgen.words import APA_PRINTED, as_written, fmt_date, fmt_range

__all__ = ["write_report"]

_GOOD_OR_BETTER = {"outstanding", "good", "performs excellently", "performs well"}
_SLAC_GRADE = {"outstanding": 1, "good": 2, "adequate": 3, "inadequate": 4}
_SIF_ROWS = (
    ("1. Children who need help and protection", "help and protection"),
    ("2. Children looked after and achieving permanence", "children looked after"),
    ("2.1 Adoption performance", "adoption"),
    ("2.2 Experiences and progress of care leavers", "care leavers"),
    ("3. Leadership, management and governance", "leadership"),
)
_SIF_MEANING = (
    "What the inspection judgements mean\n\n"
    "An outstanding local authority leads highly effective services that contribute to "
    "significantly improved outcomes for children and young people who need help and protection and care.\n"
    "A local authority that is good is delivering services that protect children and young people "
    "and ensure that they are safe.\n"
    "A local authority that requires improvement is not yet delivering good protection, help and care "
    "for children, young people and families.\n"
    "A local authority that is inadequate has widespread or serious failures that create or leave "
    "children being harmed or at risk of harm."
)
_GRADE_MEANING = (
    "The inspection judgements and what they mean\n\n"
    "All inspection judgements are made using the following four point scale.\n"
    "Outstanding (Grade 1): A service that significantly exceeds minimum requirements\n"
    "Good (Grade 2): A service that exceeds minimum requirements\n"
    "Adequate (Grade 3): A service that only meets minimum requirements\n"
    "Inadequate (Grade 4): A service that does not meet minimum requirements"
)


class _Writer:
    """Numbered paragraphs and page footers, shared by every regime's report."""

    def __init__(self, rng: random.Random, visit: Inspection, footer: str, long: bool) -> None:
        self.rng, self.visit, self.footer, self.long = rng, visit, footer, long
        self.parts: list[str] = []
        self.number = 0
        self.page = 1
        self.since_footer = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.since_footer += len(text)
        if self.since_footer > 2800:  # about a page of A4
            self.page += 1
            self.parts.append(f"{self.footer} {self.page}")
            self.since_footer = 0

    def findings(self, area: str, rating: str | None, paragraphs: int) -> None:
        strong = rating in _GOOD_OR_BETTER if rating else self.rng.random() < 0.5
        for _ in range(paragraphs):
            self.number += 1
            body = paragraph(self.rng, self.visit.council, area, strong, self.rng.randint(4, 7))
            if self.rng.random() < 0.15:
                body += " " + statistic(self.rng)
            self.add(f"{self.number}. {body}")

    def improvements(self, heading: str, bullet: str) -> None:
        self.add(heading)
        for item in self.rng.sample(IMPROVEMENTS, self.rng.randint(3, 7)):
            self.add(f"{bullet} {item}")

    def statistics(self, heading: str) -> None:
        self.add(heading)
        for _ in range(self.rng.randint(4, 8)):
            self.add(statistic(self.rng))

    def text(self) -> str:
        return "\n".join(self.parts) + "\n"


def _paragraphs(rng: random.Random, long: bool) -> int:
    # Long reports are padded with extra findings to a few hundred kilobytes.
    return rng.randint(150, 180) if long else rng.randint(12, 20)


def _ilacs(rng: random.Random, v: Inspection, long: bool) -> str:
    c = v.council
    grades = v.grades
    title = f"Inspection of {c} local authority children’s services"
    dates = fmt_range(v.start, v.end, rng)
    w = _Writer(rng, v, f"{title}\n{dates}", long)
    hmi = "His Majesty’s Inspector" if v.start.year >= 2023 else "Her Majesty’s Inspector"
    w.add(title)
    w.add(f"Inspection dates: {dates}")
    w.add(f"Lead inspector: {v.lead_inspector}, {hmi}")
    w.add("Judgement Grade")
    rows = [("The impact of leaders on social work practice with children and families", "leadership"),
            ("The experiences and progress of children who need help and protection", "help and protection")]
    if "care leavers" in grades:
        rows += [("The experiences and progress of children in care", "children in care"),
                 ("The experiences and progress of care leavers", "care leavers")]
    else:
        rows += [("The experiences and progress of children in care and care leavers", "children in care")]
    for label, area in rows:
        w.add(f"{label}\n{as_written(grades[area], 'ilacs', rng, capital=True)}")
    w.add(f"Overall effectiveness {as_written(grades['overall'], 'ilacs', rng, capital=True)}")
    if v.short:
        w.add("This was a short inspection under the inspection of local authority children’s services (ILACS) framework.")
    w.findings("overall", grades["overall"], 2)
    w.improvements("What needs to improve?", "◼")
    for label, area in rows:
        w.add(f"{label}: {as_written(grades[area], 'ilacs', rng)}")
        w.findings(area, grades[area], _paragraphs(rng, long))
    w.add(f"Ofsted has published this report on {fmt_date(v.published, rng, 'dmy')}.")
    return w.text()


def _sif(rng: random.Random, v: Inspection, long: bool) -> str:
    c, grades = v.council, v.grades
    footer = f"{formal_name(c)}\nInspection report"
    w = _Writer(rng, v, footer, long)
    w.add(formal_name(c))
    w.add("Inspection of services for children in need of help and protection, children looked after and care leavers\n"
          "and\nReview of the effectiveness of the Local Safeguarding Children Board")
    w.add(f"Inspection date: {fmt_range(v.start, v.end, rng)}")
    w.add(f"Report published: {fmt_date(v.published, rng, 'dmy')}")
    w.add(f"The overall judgement is {grades['overall']}")
    for label, area in _SIF_ROWS:
        w.add(f"{label} {as_written(grades[area], 'sif', rng, capital=True)}")
    w.add(f"The effectiveness of the Local Safeguarding Children Board (LSCB) is {grades['lscb']}")
    w.add("Section 1: the local authority\nSummary of key findings")
    overall = grades["overall"]
    because = {"outstanding": "is outstanding because", "good": "is good because",
               "requires improvement": "requires improvement and is not yet good because",
               "inadequate": "is inadequate because"}[overall]
    w.add(f"This local authority {because}")
    w.findings("overall", overall, 2)
    w.improvements("What does the local authority need to improve?\nAreas for improvement", "-")
    w.statistics("Information about this local authority area")
    for label, area in _SIF_ROWS:
        w.add(f"{label.split(' ', 1)[1]}\n{as_written(grades[area], 'sif', rng, capital=True)}")
        w.findings(area, grades[area], _paragraphs(rng, long))
    w.add("Section 2: The effectiveness of the Local Safeguarding Children Board")
    w.add(f"The effectiveness of the LSCB {as_written(grades['lscb'], 'sif', rng, capital=True)}")
    w.findings("leadership", grades["lscb"], 3)
    w.add(_SIF_MEANING)
    return w.text()


def _slac(rng: random.Random, v: Inspection, long: bool) -> str:
    c, grades = v.council, v.grades
    w = _Writer(rng, v, f"{c} inspection of safeguarding and looked after children services", long)
    w.add("Inspection of safeguarding and looked after children services")
    w.add(c)
    w.add(f"Inspection dates: {fmt_range(v.start, v.end, rng)}")
    w.add(f"Reporting inspector: {v.lead_inspector} HMI")
    w.add(f"Age group: All\nPublished: {fmt_date(v.published, rng, 'dmy')}")
    w.add(_GRADE_MEANING)
    w.statistics("Service information")
    for section, area in (("Safeguarding services", "safeguarding"),
                          ("Services for looked after children", "looked after children")):
        w.add(section)
        grade = grades[area]
        w.add(f"Overall effectiveness Grade {_SLAC_GRADE[grade]} ({grade})")
        w.add(f"The overall effectiveness of {section.lower()} in {c} is {grade}.")
        w.findings("help and protection" if area == "safeguarding" else "children in care", grade, _paragraphs(rng, long))
        capacity = grades["capacity for improvement"]
        w.add(f"Capacity for improvement Grade {_SLAC_GRADE[capacity]} ({capacity})")
        w.findings("leadership", capacity, 2)
        w.add("Areas for improvement\nWithin three months:")
        for item in rng.sample(IMPROVEMENTS, 3):
            w.add(f"• {item}")
    w.add("Record of main findings")
    for area in ("safeguarding", "looked after children", "capacity for improvement"):
        w.add(f"{area.capitalize()}: {grades[area]}")
    return w.text()


def _protection(rng: random.Random, v: Inspection, long: bool) -> str:
    c, overall = v.council, v.grades["overall"]
    w = _Writer(rng, v, f"{c} inspection of the arrangements for the protection of children", long)
    w.add(c)
    w.add("Inspection of local authority arrangements for the protection of children")
    w.add(f"Inspection date: {fmt_range(v.start, v.end, rng)}\nReport published: {fmt_date(v.published, rng, 'dmy')}")
    w.add(f"Lead inspector: {v.lead_inspector} HMI")
    w.add(f"The overall effectiveness of the arrangements to protect children in {c} is {overall}.")
    w.add(f"Overall effectiveness {overall.capitalize()} (grade {_SLAC_GRADE[overall]})")
    w.findings("help and protection", overall, _paragraphs(rng, long))
    w.improvements("Areas for improvement", "•")
    w.add(_GRADE_MEANING)
    return w.text()


def _jar(rng: random.Random, v: Inspection, long: bool) -> str:
    c, grades = v.council, v.grades
    w = _Writer(rng, v, f"Joint area review: {c}", long)
    w.add(f"Joint area review\n{c} Children’s Services Authority Area\nReview of services for children and young people")
    w.add(f"Age group: All\nPublished: {fmt_date(v.published, rng, 'dmy')}\nReference no: {rng.randint(800, 899)}")
    w.add(f"The review took place between {fmt_range(v.start, v.end, rng)}.")
    w.add("Grades awarded: 4 outstanding; 3 good; 2 adequate; 1 inadequate.")
    for label, area in (("Staying safe", "safeguarding"), ("Looked after children", "looked after children"),
                        ("Service management", "leadership"), ("Capacity to improve", "capacity for improvement")):
        grade = grades[area]
        w.add(f"{label}: {APA_PRINTED[grade]}")
        w.add(f"The contribution of local services to improving outcomes in this area is judged to be {grade}.")
        w.findings("overall", grade, _paragraphs(rng, long) // 2 + 1)
    w.improvements("Recommendations\nFor immediate action", "•")
    return w.text()


_WRITERS = {"ilacs": _ilacs, "sif": _sif, "slac": _slac, "protection": _protection, "jar": _jar}


def write_report(rng: random.Random, visit: Inspection, long: bool = False) -> tuple[str, str]:
    """(title, text) of the report of ``visit``."""
    text = _WRITERS[visit.regime](rng, visit, long)
    return text.split("\n", 1)[0], text
