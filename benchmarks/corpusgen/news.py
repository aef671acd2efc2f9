"""News stories about a council's inspections, in the styles local and national outlets use.

A story has a headline, a dateline or byline in one of several house styles,
a lead that states the rating in a judging context, when inspectors visited,
ratings by area, quotes from the report and from people with their roles,
the council's earlier ratings, a statistic or two, descriptions that use
rating words without judging ("good progress"), and the page furniture a
saved web page carries ("Most Read", newsletter prompts). Feature stories
about budgets or recruitment mention the latest rating in passing.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.corpusgen.history import Inspection, formal_name, the
from benchmarks.corpusgen.prose import paragraph, statistic
from benchmarks.corpusgen.words import (
    DECOYS, MONTHS, as_written, fmt_date, fmt_range, outlet, person, quote_marks, role,
)

__all__ = ["write_news"]

_GOOD = {"outstanding", "good", "performs excellently", "performs well"}
_AREA_PHRASES = {
    "help and protection": "the experiences and progress of children who need help and protection",
    "children in care": "the experiences and progress of children in care",
    "children looked after": "children looked after and achieving permanence",
    "care leavers": "the experiences and progress of care leavers",
    "leadership": "the impact of leaders on social work practice",
    "adoption": "adoption performance",
    "lscb": "the effectiveness of the local safeguarding children board",
    "safeguarding": "safeguarding services",
    "looked after children": "services for looked after children",
    "capacity for improvement": "its capacity for improvement",
}
_REGIME_NAMES = {
    "apa": "annual performance assessment", "annual_rating": "annual rating",
    "slac": "inspection of safeguarding and looked after children services",
    "protection": "inspection of arrangements to protect children", "sif": "inspection",
    "ilacs": "inspection", "jar": "joint area review", "focused": "focused visit",
    "monitoring": "monitoring visit", "unannounced": "unannounced inspection",
    "jtai": "joint targeted area inspection",
}
_PLEASED = (
    "We are delighted that inspectors have recognised the hard work and dedication of our staff.",
    "This is a watershed moment for {C} and a testament to everyone who works with our children.",
    "Our social workers go above and beyond for children and families every single day.",
    "We are not complacent and we know there is more to do for children in care.",
    "The report shows that children in {C} are safer and better supported than ever before.",
)
_SORRY = (
    "We accept the findings of the report in full and we are sorry that we have let some children down.",
    "We have already begun work on an improvement plan and we will do whatever it takes.",
    "Our absolute priority is the safety of every child in {C}.",
    "The inspection found things that are not good enough and we are determined to put them right.",
    "Rising demand and years of funding cuts have made the work harder, but that is no excuse.",
)
_OBSERVERS = (
    "Children in {C} deserve better, and we will monitor progress closely.",
    "Leaders have made considerable progress since the last inspection, and that deserves recognition.",
    "This report makes for grim reading and the administration must take responsibility.",
    "Families have told us for years that the service was stretched to breaking point.",
)
_FURNITURE = (
    "Most Read\n- 1 Bin collections to change from next month\n- 2 Plans for new homes on former depot site approved\n"
    "- 3 Road to close for six weeks for bridge repairs\n- 4 Family-run bakery celebrates 50 years",
    "Sign up to our daily newsletter for the latest news from your area.",
    "Share this article\nFacebook\nTwitter\nEmail",
    "Advertisement",
    "Related Topics\nChildren's social care\nOfsted\nLocal government",
    "You may also want to watch:",
)


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _weeks(v: Inspection) -> str:
    weeks = max(1, round((v.end - v.start).days / 7))
    return "a week" if weeks == 1 else f"{weeks} weeks"


def _place(council: str, rng: random.Random) -> str:
    return rng.choice(("the borough", "the area", "the council", "the local authority"))


def _quote(rng: random.Random, council: str, line: str, name: str | None = None) -> str:
    """A quote with its attribution in one of the usual forms."""
    o, c = quote_marks(rng)
    name = name or person(rng)
    job, org = role(rng, council)
    # Council people are named with their council half the time, as papers do.
    at_council = org is not None and org.endswith("Council") and rng.random() < 0.5
    speaker = f"{name}, {job} at {org}" if at_council else f"{name}, {job}"
    text = line.format(C=council)
    form = rng.randint(0, 5)
    if form == 0:
        return f"{speaker}, said: {o}{text}{c}"
    if form == 1:
        return f"{o}{text[:-1]},{c} said {speaker}."
    if form == 2:
        second = rng.choice(_PLEASED + _SORRY).format(C=council)
        return f"{speaker}, said: {o}{text}\n\n{o}{second}{c}"
    if form == 3:
        return f"In a statement, a spokesperson for {the(formal_name(council))} said: {o}{text}{c}"
    if form == 4:
        return f"{o}{text}{c}\n\nThat was the verdict of {speaker}."
    return f"{name} added: {o}{text}{c}"


def _dateline(rng: random.Random, published: dt.date, council: str) -> str:
    style = rng.randint(0, 4)
    if style == 0:
        hour, minute = rng.randint(6, 22), rng.randint(0, 59)
        return (f"Page last updated at {hour:02d}:{minute:02d} GMT, "
                f"{fmt_date(published, rng, 'wdmy').replace(' ', ', ', 1)}")
    if style == 1:
        return f"By {person(rng)}\n{outlet(rng, council)}\n{fmt_date(published, rng)}"
    if style == 2:
        return f"{fmt_date(published, rng, 'dmy')} | By {person(rng)}, Local Democracy Reporter"
    if style == 3:
        return f"Published: {fmt_date(published, rng)}"
    return f"{outlet(rng, council)}, {fmt_date(published, rng, rng.choice(('dmy', 'wdmy')))}"


def _history_line(rng: random.Random, earlier: Inspection) -> str:
    o, c = quote_marks(rng)
    word = as_written(earlier.overall, earlier.regime, rng)
    year = earlier.published.year
    form = rng.randint(0, 3)
    if form == 0:
        return f"It was previously rated {o}{word}{c} by Ofsted in {year}."
    if form == 1:
        return f"At its last full inspection, in {MONTHS[earlier.start.month - 1]} {earlier.start.year}, the service was judged {word}."
    if form == 2:
        return f"The council had been given {_a(word)} {o}{word}{c} rating in {year}."
    return f"In {year} the watchdog's {_REGIME_NAMES[earlier.regime]} graded the council {o}{word}{c}."


def _lead(rng: random.Random, v: Inspection, previous: Inspection | None) -> tuple[str, str]:
    """(headline, lead paragraph) for a graded event."""
    c, rating = v.council, v.headline
    o, q = quote_marks(rng)
    word = as_written(rating, v.regime, rng)
    if v.overall is None:  # a joint area review: no overall grade, staying safe leads
        headline = f"Joint area review judges safeguarding in {c} {o}{word}{q}"
        lead = (f"A joint area review has judged the contribution of local services in {c} to keeping "
                f"children safe to be {word}.")
        return headline, lead
    if v.regime == "annual_rating":
        headline = f"{c} children’s services {o}{rating.replace('performs', 'performing')}{q}, says Ofsted"
        lead = (f"Children’s services in {c} {o}{rating}{q}, according to Ofsted’s annual rating "
                f"published on {fmt_date(v.published, rng)}.")
        return headline, lead
    first = previous is not None and previous.overall != rating and rating in _GOOD
    headline = rng.choice((
        f"{c} children’s services rated {o}{word}{q} by Ofsted",
        f"Ofsted judges {c} children’s services {o}{word}{q}",
        f"{c} social care for children gets {o}{word}{q} rating",
    ))
    lead = rng.choice((
        f"{c} Council’s children’s services have been rated {o}{word}{q} by Ofsted.",
        f"Ofsted inspectors have judged children’s services at {the(formal_name(c))} to be {word}.",
        f"The council’s services for vulnerable children have been given an overall rating of {o}{word}{q}.",
    ))
    if first:
        lead = f"{c} Council has received its first {o}{word}{q} rating for its children’s services."
    return headline, lead


def _graded_body(rng: random.Random, v: Inspection, history: list[Inspection]) -> tuple[str, list[str]]:
    earlier = [h for h in history if h.overall and h.end < v.start]
    previous = earlier[-1] if earlier else None
    headline, lead = _lead(rng, v, previous)
    o, q = quote_marks(rng)
    when = rng.choice((
        f"Inspectors visited {_place(v.council, rng)} in {MONTHS[v.start.month - 1]} {v.start.year}.",
        f"The inspection took place between {fmt_range(v.start, v.end, rng)}.",
        f"Ofsted inspected the service over {_weeks(v)} in {MONTHS[v.start.month - 1]}.",
    ))
    body = [lead, when]
    led_with = "overall" if v.overall else "safeguarding"
    areas = [a for a in v.grades if a not in ("overall", led_with)]
    for area in rng.sample(areas, k=min(len(areas), rng.randint(1, 3))):
        word = as_written(v.grades[area], v.regime, rng)
        body.append(rng.choice((
            f"It was rated {o}{word}{q} for {_AREA_PHRASES[area]}.",
            f"Inspectors judged {_AREA_PHRASES[area]} to be {word}.",
            f"For {_AREA_PHRASES[area]}, the council received {_a(word)} {o}{word}{q} grade.",
        )))
    strong = v.headline in _GOOD
    body.append(f"The report said: {o}{paragraph(rng, v.council, 'overall', strong, 2)}{q}")
    body.append(_quote(rng, v.council, rng.choice(_PLEASED if strong else _SORRY)))
    for past in rng.sample(earlier, k=min(len(earlier), rng.randint(0, 2))):
        body.append(_history_line(rng, past))
    return headline, body


def _visit_body(rng: random.Random, v: Inspection, history: list[Inspection]) -> tuple[str, list[str]]:
    c = v.council
    name = _REGIME_NAMES[v.regime]
    o, q = quote_marks(rng)
    strong = rng.random() < 0.5
    finding = "progress" if strong else "continued weaknesses"
    headline = rng.choice((
        f"Ofsted {name} finds {o}{finding}{q} in {c} children’s services",
        f"{c} children’s services: inspectors report {finding}",
    ))
    body = [
        f"An Ofsted {name} to {c} children’s services has found {finding}.",
        f"The visit, which took place on {fmt_range(v.start, v.end, rng)}, looked at "
        + rng.choice(("the front door", "children in care", "care leavers", "children at risk of exploitation")) + ".",
    ]
    if v.regime == "monitoring":
        judged = [h for h in history if h.overall == "inadequate" and h.end < v.start]
        if judged:
            body.append(f"The council has been monitored since it was judged {o}inadequate{q} in {judged[-1].published.year}.")
    if v.regime in ("focused", "unannounced"):
        body.append(rng.choice(("No areas for priority action were identified.",
                                "Inspectors identified two areas for priority action.")))
    body.append(f"The letter said: {o}{paragraph(rng, c, 'overall', strong, 2)}{q}")
    body.append(_quote(rng, c, rng.choice(_PLEASED if strong else _SORRY)))
    return headline, body


def _feature_body(rng: random.Random, council: str, published: dt.date,
                  history: list[Inspection]) -> tuple[str, list[str]]:
    n = rng.randint(12, 90)
    headline = rng.choice((
        f"{council} Council to recruit {n} more social workers",
        f"Children’s services overspend of £{rng.randint(2, 40)}m at {council} Council",
        f"{council} foster carers wanted as demand rises",
    ))
    body = [
        f"{the(formal_name(council), capital=True)} is looking to recruit {n} social workers as the number of children "
        "needing help continues to rise.",
        statistic(rng),
    ]
    graded = [h for h in history if h.overall and h.published < published]
    if graded:
        last = graded[-1]
        o, q = quote_marks(rng)
        body.append(f"The service was rated {o}{as_written(last.overall, last.regime, rng)}{q} by Ofsted in {last.published.year}.")
    body.append(_quote(rng, council, rng.choice(_PLEASED + _SORRY)))
    return headline, body


def write_news(rng: random.Random, council: str, published: dt.date, visit: Inspection | None,
               history: list[Inspection]) -> tuple[str, str]:
    """(headline, text) of a story published on ``published`` about ``visit`` (None: a feature)."""
    if visit is None:
        headline, body = _feature_body(rng, council, published, history)
    elif visit.headline:
        headline, body = _graded_body(rng, visit, history)
    else:
        headline, body = _visit_body(rng, visit, history)
    body.append(statistic(rng))
    body.insert(rng.randint(2, len(body)), rng.choice(DECOYS))
    body.insert(rng.randint(2, len(body)), rng.choice(DECOYS))
    body.append(_quote(rng, council, rng.choice(_OBSERVERS)))
    # Background paragraphs: what the service does and what inspectors saw.
    strong = visit is not None and visit.headline in _GOOD
    for _ in range(rng.randint(3, 6)):
        body.append(paragraph(rng, council, "overall", strong, rng.randint(2, 5)))
    furniture = rng.sample(_FURNITURE, k=rng.randint(0, 3))
    for item in furniture:
        body.insert(rng.randint(2, len(body)), item)
    top = [headline, _dateline(rng, published, council)] if rng.random() < 0.7 else [_dateline(rng, published, council), headline]
    return headline, "\n\n".join(top + body) + "\n"
