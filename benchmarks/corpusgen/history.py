"""Each council's inspection history, invented but shaped like the real regimes.

A council's history is fixed by the seed and its name, so every document
written about one inspection (the report, the letter that follows it, the news
stories) agrees on its dates and grades, and the importer's timeline merge has
real work to do. Grades drift from one inspection to the next around a
council's own tendency, so histories mix improvers, strugglers and steady ones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from importers.authorities import AUTHORITIES, FORMER_AUTHORITIES

__all__ = [
    "COUNCILS", "FORMER_COUNCILS", "GRADED", "LETTERED", "REPORTED", "Inspection",
    "council_history", "formal_name", "slug", "the",
]

# The 153 councils with children's services duties today, and the ones abolished
# since 2005 that older documents still name (they get pre-abolition histories).
COUNCILS: tuple[str, ...] = tuple(sorted(set(AUTHORITIES) - FORMER_AUTHORITIES))
FORMER_COUNCILS: dict[str, int] = {  # name -> last year it inspected as itself
    "Bedfordshire": 2008, "Cheshire": 2008, "Bournemouth": 2018, "Poole": 2018,
    "Northamptonshire": 2020, "Cumbria": 2022,
}
_UNITARY_SINCE = {  # successors have no history before they existed
    "Bedford": 2009, "Central Bedfordshire": 2009, "Cheshire East": 2009,
    "Cheshire West and Chester": 2009, "Bournemouth, Christchurch and Poole": 2019,
    "North Northamptonshire": 2021, "West Northamptonshire": 2021,
    "Cumberland": 2023, "Westmorland and Furness": 2023,
}
_FOUR = ("outstanding", "good", "adequate", "inadequate")
_SIF = ("outstanding", "good", "requires improvement", "inadequate")
_ANNUAL = ("performs excellently", "performs well", "performs adequately", "performs poorly")

# The regimes, by key: what a document about each must say.
GRADED = frozenset({"apa", "annual_rating", "slac", "protection", "sif", "ilacs"})
REPORTED = frozenset({"jar", "slac", "protection", "sif", "ilacs"})  # a long report is published
LETTERED = frozenset({"apa", "annual_rating", "unannounced", "focused", "monitoring", "jtai"})


@dataclass
class Inspection:
    council: str
    regime: str  # a key of GRADED / REPORTED / LETTERED
    start: dt.date
    end: dt.date
    published: dt.date
    grades: dict[str, str] = field(default_factory=dict)  # area -> normalised rating
    lead_inspector: str = ""
    inspectors: list[str] = field(default_factory=list)
    visit_number: int = 0  # monitoring visits since the inadequate judgement
    short: bool = False  # an ILACS short inspection

    @property
    def overall(self) -> str | None:
        return self.grades.get("overall")

    @property
    def headline(self) -> str | None:
        """The grade a story leads with: overall effectiveness, else (a joint area review) staying safe."""
        return self.grades.get("overall") or self.grades.get("safeguarding")


_LONDON = frozenset("""Barking and Dagenham|Barnet|Bexley|Brent|Bromley|Camden|Croydon|Ealing|Enfield|
Greenwich|Hackney|Hammersmith and Fulham|Haringey|Harrow|Havering|Hillingdon|Hounslow|Islington|
Lambeth|Lewisham|Merton|Newham|Redbridge|Southwark|Sutton|Tower Hamlets|Waltham Forest|
Wandsworth""".replace("\n", "").split("|"))
_ROYAL = frozenset({"Kensington and Chelsea", "Kingston upon Thames", "Greenwich", "Windsor and Maidenhead"})
_COUNTIES = frozenset("""Cambridgeshire Derbyshire Devon Essex Gloucestershire Hampshire Hertfordshire Kent
Lancashire Leicestershire Lincolnshire Norfolk Nottinghamshire Oxfordshire Staffordshire Suffolk
Surrey Warwickshire Worcestershire Bedfordshire Cheshire Cumbria Northamptonshire""".split()) | {
    "East Sussex", "West Sussex"}


def formal_name(council: str) -> str:
    """The council's name as its own letters and Ofsted's reports print it."""
    if council in _ROYAL:
        return f"Royal Borough of {council}"
    if council in _LONDON:
        return f"London Borough of {council}"
    if council in _COUNTIES:
        return f"{council} County Council"
    if council in {"Westminster", "City of London"}:
        return "City of Westminster" if council == "Westminster" else "City of London Corporation"
    return f"{council} Council"


def the(formal: str, capital: bool = False) -> str:
    """``formal`` as it reads inside a sentence: "the London Borough of Brent", "Kent County Council"."""
    if formal.startswith(("London Borough", "Royal Borough", "City of")):
        return ("The " if capital else "the ") + formal
    return formal


def slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-").replace("--", "-")


def _date_in(rng: random.Random, year: int, months: tuple[int, int] = (1, 12)) -> dt.date:
    month = rng.randint(*months)
    day = rng.randint(1, 28)
    date = dt.date(year, month, day)
    while date.weekday() >= 5:  # inspections start on a weekday
        date += dt.timedelta(days=1)
    return date


def _visit(rng: random.Random, council: str, regime: str, start: dt.date, days: int,
           inspectors: list[str]) -> Inspection:
    end = start + dt.timedelta(days=days)
    published = end + dt.timedelta(days=rng.randint(28, 63))
    team = rng.sample(inspectors, k=rng.randint(2, 4))
    return Inspection(council, regime, start, end, published, lead_inspector=team[0], inspectors=team)


def _grade(rng: random.Random, tendency: float, scale: tuple[str, ...]) -> str:
    # tendency 0 (strong) .. 3 (weak); a little noise around it each time.
    value = min(3, max(0, round(tendency + rng.gauss(0, 0.7))))
    return scale[value]


def council_history(council: str, seed: int, inspectors: list[str]) -> list[Inspection]:
    """Every inspection, rating and visit of ``council`` since 2005, oldest first."""
    rng = random.Random(f"{seed}:history:{council}")
    first_year = _UNITARY_SINCE.get(council, 2005)
    last_year = FORMER_COUNCILS.get(council, 2025)
    tendency = rng.uniform(0.4, 2.6)
    out: list[Inspection] = []

    def add(regime: str, year: int, days: int, months: tuple[int, int] = (1, 12)) -> Inspection | None:
        if not first_year <= year <= last_year:
            return None
        visit = _visit(rng, council, regime, _date_in(rng, year, months), days, inspectors)
        out.append(visit)
        return visit

    for year in (2006, 2007, 2008):
        apa = add("apa", year, 0, (9, 10))
        if apa:
            apa.grades = {"overall": _grade(rng, tendency, _FOUR)}
    if rng.random() < 0.6:
        jar = add("jar", rng.choice((2006, 2007)), 11)
        if jar:
            jar.grades = {area: _grade(rng, tendency, _FOUR) for area in
                          ("safeguarding", "looked after children", "leadership", "capacity for improvement")}
    for year in (2009, 2010, 2011):
        rating = add("annual_rating", year, 0, (9, 10))
        if rating:
            rating.grades = {"overall": _grade(rng, tendency, _ANNUAL)}
    for year in rng.sample(range(2009, 2013), k=rng.randint(1, 2)):
        add("unannounced", year, 1)
    slac = add("slac", rng.randint(2009, 2012), 9)
    if slac:
        slac.grades = {area: _grade(rng, tendency, _FOUR) for area in
                       ("overall", "safeguarding", "looked after children", "capacity for improvement")}
        slac.grades["overall"] = slac.grades["safeguarding"]
    if rng.random() < 0.5:
        protection = add("protection", rng.randint(2012, 2013), 9)
        if protection:
            protection.grades = {"overall": _grade(rng, tendency, _FOUR)}
    tendency = max(0.2, min(2.8, tendency + rng.uniform(-0.6, 0.6)))
    sif = add("sif", rng.randint(2014, 2017), 18)
    if sif:
        areas = ("help and protection", "children looked after", "adoption", "care leavers", "leadership", "lscb")
        sif.grades = {area: _grade(rng, tendency, _SIF) for area in areas}
        sif.grades["overall"] = max((sif.grades[a] for a in areas[:2] + areas[4:5]), key=_SIF.index)
        _monitor(rng, council, sif, out, inspectors, last_year)
    tendency = max(0.2, min(2.8, tendency + rng.uniform(-0.8, 0.5)))
    # Successor councils get their first ILACS soon after they were formed.
    ilacs_years = [max(first_year, rng.randint(2018, 2021))]
    if ilacs_years[0] + 3 <= 2025 and rng.random() < 0.7:
        ilacs_years.append(rng.randint(max(2022, ilacs_years[0] + 3), 2025))
    for year in ilacs_years:
        ilacs = add("ilacs", year, 11)
        if not ilacs:
            continue
        ilacs.short = rng.random() < 0.3
        areas = ["leadership", "help and protection", "children in care"]
        if year >= 2023:
            areas.append("care leavers")
        ilacs.grades = {area: _grade(rng, tendency, _SIF) for area in areas}
        ilacs.grades["overall"] = max(ilacs.grades.values(), key=_SIF.index)
        tendency = max(0.2, min(2.8, tendency - rng.uniform(0, 0.6)))
        _monitor(rng, council, ilacs, out, inspectors, last_year)
    for year in rng.sample(range(2019, 2026), k=rng.randint(1, 2)):
        add("focused", year, 1)
    if rng.random() < 0.3:
        add("jtai", rng.randint(2016, 2025), 4)
    out.sort(key=lambda v: v.start)
    return out


def _monitor(rng: random.Random, council: str, judged: Inspection, out: list[Inspection],
             inspectors: list[str], last_year: int) -> None:
    """Monitoring visits every few months after an inadequate judgement."""
    if judged.overall != "inadequate":
        return
    when = judged.published
    for number in range(1, rng.randint(2, 5)):
        when += dt.timedelta(days=rng.randint(110, 170))
        if when.year > last_year:
            return
        visit = _visit(rng, council, "monitoring", when, 1, inspectors)
        visit.visit_number = number
        out.append(visit)
