"""Narrative sentences about social work practice, by area and by how well it goes.

Reports and letters are built from these: strong sentences for services judged
good or better, weak ones for the rest. Slots take teams, numbers and the
council's name so that no two paragraphs repeat exactly and the search index
sees a realistic spread of words.
"""

from __future__ import annotations

import random

__all__ = ["IMPROVEMENTS", "PLACES", "STATISTICS", "paragraph", "statistic"]

_TEAMS = (
    "multi-agency safeguarding hub", "front door", "assessment team", "children in need team",
    "child protection team", "court team", "leaving care service", "fostering service",
    "adoption service", "edge of care team", "disabled children's team", "youth justice service",
    "early help locality teams", "exploitation hub", "virtual school", "emergency duty team",
    "family support service", "independent reviewing service", "private fostering team",
)
# Local places, streets and schools, made from common English place-name parts:
# real corpora are full of proper nouns, and the search index should see them.
_HEADS = ("Ash", "Bram", "Brad", "Cal", "Church", "Dun", "Elm", "Fern", "Glen", "Hart", "Hazel", "Ing",
          "Kel", "Lang", "Mar", "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Wey", "Wood", "Whit", "Hol",
          "Brook", "Cold", "Fair", "Green", "Long", "Mill", "New", "Stone", "West", "Winter", "Ald")
_TAILS = ("bury", "field", "ley", "ton", "worth", "ham", "moor", "brook", "combe", "stead", "ford",
          "wick", "dale", "gate", "hurst", "mere", "well", "cliffe", "thorpe", "by")
PLACES = tuple(head + tail for head in _HEADS for tail in _TAILS)
_STREETS = ("Road", "Lane", "Street", "Avenue", "Close", "Crescent", "Way", "Grove")
_SCHOOLS = ("Primary School", "Academy", "High School", "Infant School", "Church of England Primary School")
_LOCAL = (
    "The family hub on {place} {street_kind} now opens on Saturdays.",
    "Staff at {place} {school} were praised for spotting concerns early.",
    "A new children's home in {place} is expected to open next spring.",
    "Families in {place} and {place2} have waited longest for early help.",
    "The council plans to move the {team} to offices in {place}.",
    "Councillors for {place} ward raised the case at a scrutiny meeting.",
    "A foster carer from {place} described the support as a lifeline.",
    "The youth club in {place2} closed after its funding ended.",
)
_PARTNERS = ("the police", "health visitors", "schools", "the probation service", "GPs",
             "the youth offending service", "housing providers", "mental health services",
             "voluntary sector partners", "the designated nurse")

_SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "help and protection": {
        "strong": (
            "Children who need help and protection receive a timely response from the {team}.",
            "Thresholds are well understood by {partner} and referrals are appropriate.",
            "Strategy meetings are held promptly and include {partner} and {partner2}.",
            "Assessments are thorough, analytical and take account of children's histories.",
            "Child protection plans are specific and reviewed within timescales.",
            "Social workers see children alone and record their wishes and feelings carefully.",
            "Risks from exploitation outside the home are identified early and responded to well.",
            "Disabled children are helped by social workers who know them and their families well.",
            "Decisions to step down to early help are well considered and families are supported through the change.",
            "Out-of-hours arrangements ensure that children at immediate risk are protected at night and at weekends.",
        ),
        "weak": (
            "Too many children wait too long for an assessment of their needs in the {team}.",
            "Thresholds are inconsistently applied and {partner} report confusion about when to refer.",
            "Strategy discussions do not always include {partner}, so information is missed.",
            "Assessments are often descriptive and do not analyse risk or the impact of neglect.",
            "Child protection plans lack clear actions and timescales, and some drift for months.",
            "Children's wishes and feelings are not routinely recorded or used to shape their plans.",
            "The response to children missing from home is variable and return interviews are not always offered.",
            "Some children remain on child in need plans for too long without evident progress.",
            "Private fostering arrangements are not routinely identified or assessed.",
            "Management oversight is not always evident on case records, and some decisions are not explained.",
        ),
    },
    "children in care": {
        "strong": (
            "Children come into care when it is in their best interests and most live in stable homes.",
            "Permanence is considered early and plans are progressed without delay.",
            "Independent reviewing officers know children well and challenge drift effectively.",
            "Children in care benefit from life-story work that helps them understand their history.",
            "The {team} tracks attendance and progress closely and children's attainment is improving.",
            "Foster carers are well supported and speak highly of the training they receive.",
            "Children's health needs are assessed promptly and reviewed regularly.",
            "Brothers and sisters live together wherever it is right for them.",
            "The children in care council has influenced the pledge and the local offer.",
        ),
        "weak": (
            "Too many children in care experience changes of social worker and placement.",
            "Permanence planning is not timely and some children wait too long for a settled home.",
            "Independent reviewing officers do not challenge delay effectively.",
            "Life-story work is not routinely completed, and some children do not understand why they are in care.",
            "A shortage of local foster carers means that {n} children live more than 20 miles away.",
            "Health assessments are not always completed within timescales.",
            "Personal education plans vary in quality and some targets are not specific.",
            "Some children live in unregistered children's homes without sufficient oversight.",
            "Return home interviews for children in care who go missing are not consistently completed.",
        ),
    },
    "care leavers": {
        "strong": (
            "Care leavers are supported by personal advisers who stay in touch and know them well.",
            "Pathway plans are written with young people and reflect their ambitions.",
            "Most care leavers live in suitable accommodation and are helped to manage a tenancy.",
            "The proportion of care leavers in education, employment or training is above the national average.",
            "Care leavers can access apprenticeships within the council and with local employers.",
        ),
        "weak": (
            "Pathway plans are not always updated and some are not written with young people.",
            "Too many care leavers are not in education, employment or training.",
            "Some care leavers have been placed in bed and breakfast accommodation.",
            "Personal advisers have high caseloads and some care leavers have lost contact with the service.",
            "Care leavers are not always told about their entitlements under the local offer.",
        ),
    },
    "leadership": {
        "strong": (
            "Senior leaders have an accurate understanding of the quality of practice.",
            "Political and corporate leaders have invested in children's services, including £{money}m for additional social workers.",
            "Quality assurance is well embedded, and audits lead to improvements in practice.",
            "Leaders have stabilised the workforce and reduced reliance on agency staff.",
            "Social workers say that they enjoy working in {C} and that managers are visible and supportive.",
            "Caseloads are manageable, which allows social workers to build relationships with children.",
            "Leaders use performance information well to understand and improve services.",
            "Partnership arrangements are strong and partners share responsibility for children's safety.",
        ),
        "weak": (
            "Leaders do not have an accurate view of the quality of practice.",
            "Quality assurance has not been effective in identifying weak practice.",
            "High turnover of staff and a reliance on agency workers have limited progress.",
            "Some social workers carry caseloads of more than {n}, which limits the time they spend with children.",
            "Performance information is not used well enough to drive improvement.",
            "Leaders have been slow to respond to the findings of the last inspection.",
            "The corporate parenting board does not provide sufficient challenge.",
            "Supervision is irregular and does not always provide reflection or direction.",
        ),
    },
    "adoption": {
        "strong": (
            "Children are matched with adoptive families without delay.",
            "Adopters are well prepared and receive good support after adoption orders are made.",
            "The regional adoption agency has increased the number of approved adopters.",
        ),
        "weak": (
            "Children wait on average {weeks} days between entering care and moving in with their adoptive family.",
            "Adoption support is not always available when families need it.",
            "Early permanence placements are not used as often as they could be.",
        ),
    },
}
_SENTENCES["overall"] = {
    tone: tuple(s for area in _SENTENCES.values() for s in area[tone][:3])
    for tone in ("strong", "weak")
}

STATISTICS = (
    "There were {n} children in care at the time of the inspection, a rate of {rate} per 10,000 children.",
    "The council received {big} referrals in the last year, {pct}% of which were re-referrals.",
    "{pct}% of assessments were completed within 45 working days.",
    "{n} children were the subject of a child protection plan, a rate of {rate} per 10,000 children.",
    "Social workers held an average caseload of {small} children.",
    "The council spends £{money}m a year on placements for children in care.",
    "{pct}% of care leavers aged 19 to 21 were in education, employment or training.",
    "The proportion of agency social workers had fallen to {pct}%.",
)

IMPROVEMENTS = (
    "The quality and timeliness of assessments for children in need.",
    "The effectiveness of permanence planning for children in care, including the challenge brought by independent reviewing officers.",
    "The identification of and response to children in private fostering arrangements.",
    "The provision and quality of life-story work for children in care.",
    "The quality of supervision and management oversight of social work practice.",
    "The sufficiency of local homes for children in care, including foster carers.",
    "The consistency of pathway plans for care leavers and their involvement in writing them.",
    "The response to children who go missing from home or care, including return home interviews.",
    "The use of performance information to understand and improve practice.",
    "The timeliness of initial health assessments for children coming into care.",
    "The response to 16- and 17-year-olds who present as homeless.",
    "Recording of the reasons for management decisions on children's records.",
)


def _fill(template: str, rng: random.Random, council: str) -> str:
    partners = rng.sample(_PARTNERS, 2)
    places = rng.sample(PLACES, 2)
    return template.format(
        team=rng.choice(_TEAMS), partner=partners[0], partner2=partners[1], C=council,
        n=rng.randint(12, 480), weeks=rng.randint(300, 620), money=round(rng.uniform(1.2, 48.0), 1),
        place=places[0], place2=places[1], street_kind=rng.choice(_STREETS), school=rng.choice(_SCHOOLS),
    )


def paragraph(rng: random.Random, council: str, area: str, strong: bool, sentences: int) -> str:
    """A paragraph of ``sentences`` sentences about ``area`` in the given tone."""
    pool = _SENTENCES.get(area, _SENTENCES["overall"])
    own = pool["strong" if strong else "weak"]
    other = pool["weak" if strong else "strong"]
    out = []
    for _ in range(sentences):
        # Real reports weigh both sides: a strong service still has a weak spot.
        roll = rng.random()
        template = rng.choice(_LOCAL if roll < 0.1 else other if roll < 0.28 else own)
        out.append(_fill(template, rng, council))
    return " ".join(out)


def statistic(rng: random.Random) -> str:
    return rng.choice(STATISTICS).format(
        n=rng.randint(80, 1400), rate=rng.randint(28, 140), big=f"{rng.randint(1500, 18000):,}",
        pct=rng.randint(8, 97), small=rng.randint(11, 31), money=round(rng.uniform(4.0, 95.0), 1),
    )
