"""The vocabulary the generated documents are written in: people, roles, outlets,
dates as they are printed, and each regime's rating words with the printed grades.

Rating words appear in judging contexts ("rated 'good'", "judged to be
inadequate", a judgement table) and, as decoys, in descriptions that are not
judgements ("good progress", "poor housing"), so the extractor has to tell
them apart as it must on real documents.
"""

from __future__ import annotations

import datetime as dt
import random

__all__ = [
    "ANNUAL_PRINTED", "APA_PRINTED", "DECOYS", "GRADE", "MONTHS", "as_written", "fmt_date",
    "fmt_range", "outlet", "person", "quote_marks", "role",
]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_SHORT_MONTHS = tuple(m[:3] for m in MONTHS)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

FIRST_NAMES = """Aaliyah Abdul Adaeze Aisha Alan Alison Amara Amir Andrew Angela Anita Barbara Bernadette
Bola Catherine Chidi Christine Colin Dafydd Daniel Deborah Delroy Dipti Eleanor Emeka Fatima
Fiona Gareth Gillian Graham Hannah Harjinder Helen Ian Imran Ioana Jacqueline James Janet Jaswinder
Joanne Jonathan Joseph Karen Kwame Laura Lesley Lorraine Malcolm Margaret Marcus Mariam Martin
Michelle Mohammed Nadia Natalie Neil Nicola Olumide Patricia Paul Pauline Priya Rachel Rajesh
Rebecca Richard Rizwan Ruth Samantha Sandra Sean Shabana Simon Siobhan Stephen Susan Tariq Teresa
Thomas Tunde Una Victoria Wendy Yasmin Yusuf Zainab Zoe""".split()
SURNAMES = """Abbott Achebe Adeyemi Ahmed Akhtar Allen Anderson Armstrong Ashworth Atkinson Bailey Banerjee
Barker Begum Bennett Bhatti Blackwood Bradshaw Brennan Brooks Campbell Carter Chadwick Chowdhury
Clarke Coleman Connolly Cooper Crowther Dawson Desai Dixon Doherty Duffy Edwards Ellis Evans
Fairclough Farrell Fletcher Forsyth Gallagher Gill Goodwin Gordon Griffiths Hall Hargreaves
Hassan Hayward Hewitt Holloway Hughes Hussain Iqbal Jackson Jenkins Johal Kaur Kelly Kennedy
Khan Kowalski Lawson Lloyd Lomas Lynch Macdonald Malik Marsh McCarthy Mensah Mitchell Morgan
Murphy Nash Nwosu Obi O'Brien Okafor Oyelaran Parker Patel Pearson Quinn Rahman Reid Riley Roberts
Rowe Shah Sharma Sheikh Simpson Singh Slater Stewart Sullivan Taylor Thornton Turner Wallace
Walsh Ward Webb Whitfield Williams Wilson Wright Yeung Young""".split()

_COUNCIL_ROLES = (
    "director of children's services", "cabinet member for children and families",
    "leader of the council", "chief executive", "lead member for children's services",
    "assistant director for safeguarding", "cabinet member for children, education and families",
    "strategic director of people",
)
_OTHER_ROLES = (
    ("Ofsted's regional director", "Ofsted"), ("Ofsted's national director for social care", "Ofsted"),
    ("independent chair of the safeguarding children partnership", None),
    ("opposition spokesperson for children's services", None),
    ("chief executive of a children's charity", None),
    ("a spokesperson for the Department for Education", "Department for Education"),
)
_OUTLET_FORMS = ("{} Gazette", "{} Courier", "{} Echo", "{} Post", "{} Herald", "{} Advertiser",
                 "{} Chronicle", "{} Times", "{} Observer", "{} Express")
NATIONAL_OUTLETS = ("BBC News", "Community Care", "Children & Young People Now",
                    "Local Democracy Reporting Service", "The Guardian", "Press Association")

# The grade (1 best .. 4 worst, comparable across eras) of each rating as the history holds it.
GRADE = {
    "outstanding": 1, "performs excellently": 1, "good": 2, "performs well": 2,
    "adequate": 3, "requires improvement": 3, "performs adequately": 3,
    "inadequate": 4, "performs poorly": 4,
}

# Printed grades of the regimes that numbered them the other way round (4 best).
APA_PRINTED = {"outstanding": 4, "good": 3, "adequate": 2, "inadequate": 1}
ANNUAL_PRINTED = {"performs excellently": 4, "performs well": 3, "performs adequately": 2, "performs poorly": 1}

# Rating words in descriptions, not judgements: the extractor must not take these.
DECOYS = (
    "Social workers described good progress in reducing caseloads over the summer.",
    "The council said families were getting good help earlier than before.",
    "Managers pointed to the good quality of supervision notes in the assessment team.",
    "Leaders shared good practice with neighbouring authorities through the regional network.",
    "Councillors paid tribute to the outstanding commitment of foster carers during the pandemic.",
    "Many families in the area live in poor housing, which adds to the pressure on services.",
    "Some children were placed in inadequate temporary accommodation far from their schools.",
    "The budget report described the reserves as adequate for the coming year only.",
    "The council still has outstanding debts from the previous administration.",
    "Staff morale was described as good despite the rising number of referrals.",
    "The chair said there had been good attendance at the partnership's training days.",
    "A poor broadband connection meant some meetings with families were held by telephone.",
    "Ofsted noted good help for young carers in the west of the borough.",
    "The service made good use of family group conferences to keep children at home.",
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def role(rng: random.Random, council: str) -> tuple[str, str | None]:
    """A role and the organisation behind it (the council, Ofsted, or unnamed)."""
    if rng.random() < 0.75:
        return rng.choice(_COUNCIL_ROLES), f"{council} Council"
    return rng.choice(_OTHER_ROLES)


def outlet(rng: random.Random, council: str) -> str:
    if rng.random() < 0.35:
        return rng.choice(NATIONAL_OUTLETS)
    place = council.split(",")[0].split(" and ")[0]
    return rng.choice(_OUTLET_FORMS).format(place)


def fmt_date(date: dt.date, rng: random.Random, style: str | None = None) -> str:
    """A date as British publications print it; ``style`` fixes the form."""
    style = style or rng.choice(("dmy", "dmy", "dmy", "wdmy", "mdy", "slash", "iso", "short"))
    if style == "wdmy":
        return f"{_WEEKDAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]} {date.year}"
    if style == "mdy":
        return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    if style == "slash":
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    if style == "iso":
        return date.isoformat()
    if style == "short":
        return f"{date.day} {_SHORT_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def fmt_range(start: dt.date, end: dt.date, rng: random.Random) -> str:
    """An inspection's dates: "6 to 17 February 2023", "20 May 2014 – 11 June 2014"."""
    if start == end:
        return fmt_date(start, rng, "dmy")
    same_month = (start.year, start.month) == (end.year, end.month)
    if same_month and rng.random() < 0.7:
        joiner = rng.choice((" to ", " and ", "–", " - "))
        return f"{start.day}{joiner}{end.day} {MONTHS[end.month - 1]} {end.year}"
    joiner = rng.choice((" to ", " – ", " - "))
    return fmt_date(start, rng, "dmy") + joiner + fmt_date(end, rng, "dmy")


def quote_marks(rng: random.Random) -> tuple[str, str]:
    return rng.choice((("“", "”"), ('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")))


def as_written(rating: str, regime: str, rng: random.Random, capital: bool = False) -> str:
    """A normalised rating as a document of ``regime`` prints it."""
    word = rating
    if rating == "requires improvement" and regime == "ilacs":
        word = "requires improvement to be good"
    elif rating == "requires improvement" and rng.random() < 0.25:
        word = "requires improvement to be good"
    return word[0].upper() + word[1:] if capital else word
