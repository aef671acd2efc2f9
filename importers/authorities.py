"""English local authorities with children's services duties, and finding them in text.

``AUTHORITIES`` maps each canonical name (the plain place name Ofsted prints:
"Haringey", "Kingston upon Thames", "County Durham") to its other written
forms. It holds every authority since 2005, so older reports keep their
councils: pre-2019 Bournemouth and Poole, Northamptonshire before its 2021
split, Cumbria before 2023, Cheshire and Bedfordshire before 2009.

``find_authorities`` reads names with their council wording ("London Borough
of Haringey", "Kent County Council", "City of York Council") in one compiled
pattern. Some names are also English words or people's names ("Reading the
report", "Clark Kent", "Sutton Coldfield", "Derby County"); those are accepted
with council wording or a possessive, and otherwise only where they cannot be
part of a person's or club's name or an ordinary word opening a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from importers.councils import reference_names
from importers.trie_pattern import trie_pattern

__all__ = [
    "AUTHORITIES",
    "FORMER_AUTHORITIES",
    "canonical_authority",
    "authority_of_squashed_name",
    "find_authorities",
    "main_authority",
]

# Canonical name -> other written forms (the canonical form is always matched).
AUTHORITIES: dict[str, tuple[str, ...]] = {
    # London boroughs and the City
    "Barking and Dagenham": ("Barking & Dagenham",),
    "Barnet": (),
    "Bexley": (),
    "Brent": (),
    "Bromley": (),
    "Camden": (),
    "City of London": ("City of London Corporation", "Corporation of London"),
    "Croydon": (),
    "Ealing": (),
    "Enfield": (),
    "Greenwich": (),
    "Hackney": (),
    "Hammersmith and Fulham": ("Hammersmith & Fulham", "LBHF"),
    "Haringey": (),
    "Harrow": (),
    "Havering": (),
    "Hillingdon": (),
    "Hounslow": (),
    "Islington": (),
    "Kensington and Chelsea": ("Kensington & Chelsea", "RBKC"),
    "Kingston upon Thames": ("Kingston-upon-Thames",),
    "Lambeth": (),
    "Lewisham": (),
    "Merton": (),
    "Newham": (),
    "Redbridge": (),
    "Richmond upon Thames": ("Richmond-upon-Thames",),
    "Southwark": (),
    "Sutton": (),
    "Tower Hamlets": (),
    "Waltham Forest": (),
    "Wandsworth": (),
    "Westminster": (),
    # Metropolitan boroughs
    "Barnsley": (),
    "Birmingham": (),
    "Bolton": (),
    "Bradford": (),
    "Bury": (),
    "Calderdale": (),
    "Coventry": (),
    "Doncaster": (),
    "Dudley": (),
    "Gateshead": (),
    "Kirklees": (),
    "Knowsley": (),
    "Leeds": (),
    "Liverpool": (),
    "Manchester": (),
    "Newcastle upon Tyne": ("Newcastle-upon-Tyne",),
    "North Tyneside": (),
    "Oldham": (),
    "Rochdale": (),
    "Rotherham": (),
    "Salford": (),
    "Sandwell": (),
    "Sefton": (),
    "Sheffield": (),
    "Solihull": (),
    "South Tyneside": (),
    "St Helens": ("St. Helens", "Saint Helens"),
    "Stockport": (),
    "Sunderland": (),
    "Tameside": (),
    "Trafford": (),
    "Wakefield": (),
    "Walsall": (),
    "Wigan": (),
    "Wirral": (),
    "Wolverhampton": (),
    # County councils
    "Cambridgeshire": (),
    "Derbyshire": (),
    "Devon": (),
    "East Sussex": (),
    "Essex": (),
    "Gloucestershire": (),
    "Hampshire": (),
    "Hertfordshire": (),
    "Kent": (),
    "Lancashire": (),
    "Leicestershire": (),
    "Lincolnshire": (),
    "Norfolk": (),
    "Nottinghamshire": (),
    "Oxfordshire": (),
    "Staffordshire": (),
    "Suffolk": (),
    "Surrey": (),
    "Warwickshire": (),
    "West Sussex": (),
    "Worcestershire": (),
    # Unitary authorities
    "Bath and North East Somerset": ("Bath & North East Somerset", "B&NES", "BANES"),
    "Bedford": (),
    "Blackburn with Darwen": ("Blackburn-with-Darwen", "Blackburn"),
    "Blackpool": (),
    "Bournemouth, Christchurch and Poole": (
        "Bournemouth Christchurch and Poole", "Bournemouth, Christchurch & Poole",
    ),
    "Bracknell Forest": (),
    "Brighton and Hove": ("Brighton & Hove", "Brighton"),
    "Bristol": (),
    "Buckinghamshire": (),
    "Central Bedfordshire": (),
    "Cheshire East": ("East Cheshire",),
    "Cheshire West and Chester": ("Cheshire West & Chester",),
    "Cornwall": (),
    "County Durham": ("Durham",),
    "Cumberland": (),
    "Darlington": (),
    "Derby": (),
    "Dorset": (),
    "East Riding of Yorkshire": ("East Riding",),
    "Halton": (),
    "Hartlepool": (),
    "Herefordshire": (),
    "Isle of Wight": (),
    "Isles of Scilly": ("Scilly",),
    "Kingston upon Hull": ("Kingston-upon-Hull", "Hull"),
    "Leicester": (),
    "Luton": (),
    "Medway": (),
    "Middlesbrough": (),
    "Milton Keynes": (),
    "North East Lincolnshire": (),
    "North Lincolnshire": (),
    "North Northamptonshire": (),
    "North Somerset": (),
    "North Yorkshire": (),
    "Northumberland": (),
    "Nottingham": (),
    "Peterborough": (),
    "Plymouth": (),
    "Portsmouth": (),
    "Reading": (),
    "Redcar and Cleveland": ("Redcar & Cleveland",),
    "Rutland": (),
    "Shropshire": (),
    "Slough": (),
    "Somerset": (),
    "South Gloucestershire": (),
    "Southampton": (),
    "Southend-on-Sea": ("Southend on Sea", "Southend"),
    "Stockton-on-Tees": ("Stockton on Tees", "Stockton"),
    "Stoke-on-Trent": ("Stoke on Trent", "Stoke"),
    "Swindon": (),
    "Telford and Wrekin": ("Telford & Wrekin", "Telford"),
    "Thurrock": (),
    "Torbay": (),
    "Warrington": (),
    "West Berkshire": (),
    "West Northamptonshire": (),
    "Westmorland and Furness": ("Westmorland & Furness",),
    "Wiltshire": (),
    "Windsor and Maidenhead": ("Windsor & Maidenhead",),
    "Wokingham": (),
    "York": (),
    # Authorities since abolished, named in older reports
    "Bedfordshire": (),
    "Bournemouth": (),
    "Cheshire": (),
    "Cumbria": (),
    "Northamptonshire": (),
    "Poole": (),
}

FORMER_AUTHORITIES = frozenset(
    {"Bedfordshire", "Bournemouth", "Cheshire", "Cumbria", "Northamptonshire", "Poole"}
)

# Short forms that name the council only with council wording or a possessive:
# bare, they are towns elsewhere ("Richmond", North Yorkshire) or letters.
_CONTEXT_ONLY: dict[str, str] = {
    "Kingston": "Kingston upon Thames",
    "Richmond": "Richmond upon Thames",
    "Newcastle": "Newcastle upon Tyne",
    "BCP": "Bournemouth, Christchurch and Poole",
    "Windsor": "Windsor and Maidenhead",
    "Hammersmith": "Hammersmith and Fulham",
    "Kensington": "Kensington and Chelsea",
    "Barking": "Barking and Dagenham",
    "Bath": "Bath and North East Somerset",
    "Redcar": "Redcar and Cleveland",
    # The counties' customary short forms, as local papers write them ("Bucks County
    # Council (BCC) chiefs met on Monday", "Herts County Council").
    "Bucks": "Buckinghamshire",
    "Herts": "Hertfordshire",
    "Northants": "Northamptonshire",
    "Notts": "Nottinghamshire",
    "Lancs": "Lancashire",
    "Leics": "Leicestershire",
    "Staffs": "Staffordshire",
    "Worcs": "Worcestershire",
    "Wilts": "Wiltshire",
    "Glos": "Gloucestershire",
    "Cambs": "Cambridgeshire",
    "Hants": "Hampshire",
}

_SHORT_FORM_COUNCILS = frozenset(_CONTEXT_ONLY.values())
_JOINED_BEFORE = re.compile(r"[ \t]+(?:and|&)[ \t]+$")
_JOINED_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+")

# Names that are also people's names, clubs or common words: bare, they count
# only away from other capitalised words ("Clark Kent", "Sutton Coldfield").
_AMBIGUOUS = frozenset(
    """Barnet Barnsley Bedford Blackburn Bolton Bradford Brent Brighton Bromley Bury Camden
    Cheshire Cornwall Coventry Cumberland Darlington Derby Derbyshire Devon Dorset Dudley Durham
    Enfield Essex Halton Hampshire Harrow Hull Kent Merton Norfolk Oldham Poole Reading Rutland
    Sefton Sheffield Slough Somerset Stockton Stoke Suffolk Sunderland Surrey Sutton Telford
    Trafford Wakefield Warrington Westminster Wiltshire York""".split()
)
# Of those, the ones that are ordinary words opening a sentence ("Reading the
# report...", "Bury the past", "Harrow is...").
_COMMON_WORDS = frozenset({"Reading", "Bury", "Slough", "Hull", "Harrow", "Derby", "Stoke"})

# Capitalised words that may sit next to an ambiguous name without making it a
# person's or club's name: sentence openers, compass points, and the service
# words of a title-case headline ("Kent Children's Services Rated Good").
_NEUTRAL_NEIGHBOURS = frozenset(
    """In At For From To Of On By And But Or The A An Across Throughout Within Outside Near Around
    Unlike Like With Without Under Over Both While Whereas Where When As After Before Since
    Although Though If Only Also Meanwhile However Now Today Yesterday Last This That These Those
    North South East West Central Mid Inner Outer
    Children's Childrens Children Social Services Service Safeguarding Ofsted Local Authority
    Education Family Families Care Youth Early Help Council Inspection Inspectors Report Rated
    Rating Judged Good Outstanding Inadequate Requires Improvement""".split()
)

# Words after a name that make it a club, a university, a street or a
# building named after the place, not the council ("Northumberland Park",
# "Camden Road", "Westminster Abbey").
_NOT_COUNCIL_AFTER = re.compile(
    r"[ \t]+(?:City|United|Rovers|Athletic|Wanderers|Albion|Town|Hotspur|Argyle|Forest|"
    r"FC|AFC|County|University|College|Academy|School|Crown\s+Court|Airport|Station|"
    r"Park|Road|Street|Lane|Avenue|Square|Gardens|Estate|Bridge|Palace|Abbey|Cathedral)\b"
    r"(?![ \t]+Hall)(?![ \t]+(?:(?:[Cc]ity|[Cc]ounty|[Bb]orough)\s+)?[Cc]ouncil)"
)
_NOT_COUNCIL_BEFORE = re.compile(
    r"(?:\b(?:New|Greater|Royal\s+Tunbridge)|"
    r"\b(?:Duke|Duchess|Earl|Countess|Marquess|Marquis|Baron|Baroness|Archbishop|Bishop|Dean)"
    r"\s+of)[ \t]+$"
)
_NOT_COUNCIL_AFTER_NAME: dict[str, re.Pattern[str]] = {
    "Newcastle upon Tyne": re.compile(r"[- ]under[- ]Lyme"),
}

_PREFIX = (
    r"(?i:(?:London\s+Borough\s+of|Royal\s+Borough\s+of|Metropolitan\s+Borough\s+of|"
    r"City\s+and\s+County\s+of|City\s+of|Borough\s+of|County\s+of|Council\s+of\s+the))\s+"
)
# "Councils" too: "Staffordshire and Devon County Councils both received ...".
_SUFFIX = (
    r"\s+(?:(?:City|County|Borough|Metropolitan\s+Borough|Metropolitan\s+District|District)\s+)?"
    r"Councils?|\s+(?:CITY\s+|COUNTY\s+|BOROUGH\s+)?COUNCILS?"
)


def _written_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for canonical, aliases in AUTHORITIES.items():
        for form in (canonical, *aliases):
            forms[form] = canonical
            # Headlines and address blocks print names in capitals ("HARINGEY Council").
            forms.setdefault(form.upper(), canonical)
    # The councils reference's other names ("Bedford Borough", "Kingston Upon Hull, City of"): names only.
    for canonical, others in reference_names().items():
        for form in others:
            forms.setdefault(form, canonical)
    for short, canonical in _CONTEXT_ONLY.items():
        forms.setdefault(short, canonical)
        forms.setdefault(short.upper(), canonical)
    return forms


_FORMS = _written_forms()
_FOLDED = {form.casefold(): canonical for form, canonical in _FORMS.items()}
# The leading lookahead lists every first letter a match can have (names are
# capitalised; council wording may not be): it lets the scan skip other text fast.
_PATTERN = re.compile(
    rf"(?=[A-Zbclmr])(?<![\w&])(?P<prefix>{_PREFIX})?(?P<name>{trie_pattern(_FORMS)})"
    rf"(?P<suffix>{_SUFFIX})?(?![\w&])"
)
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\w'’])([A-Z][\w'’]*)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][\w'’]*)")
_LOWERCASE_AFTER = re.compile(r"[ \t]+[a-z]")
# Verbs said of a council ("Slough was one of...", "Reading remains good"):
# after one, a sentence-opening common word is the place, not the word. "is a"
# stays a definition ("Harrow is a tool").
_COUNCIL_VERB_AFTER = re.compile(
    r"[ \t]+(?:was|were|is(?![ \t]+an?\b)|has|had|remains|remained|received|became|becomes)\b"
)
# The gap between two councils of a list: ", ", "; ", " and ", or a lost separator's space.
_LIST_SEPARATOR_AFTER = re.compile(r"[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]+")
_LISTED_BEFORE = re.compile(rf"(?<![\w&])(?:{trie_pattern(_FORMS)})[ \t]*[,;][ \t]*(?:and[ \t]+)?$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_CITY_AFTER = re.compile(r"[ \t]+City\b")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(\[*•-]*$")


def find_authorities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) for each council named in ``text``, in order.

    The span covers council wording printed with the name ("London Borough of
    Haringey", "Kent County Council") but not a possessive "'s".
    """
    return [(start, end, canonical) for start, end, canonical, _ in _mentions(text)]


# Texts at least this long are documents, which several rules scan (the
# metadata, the clause index, the people rule): their scan is cached.
_CACHED_LENGTH = 400


def _mentions(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, canonical, formal) where ``formal`` means council wording was printed."""
    if not isinstance(text, str) or not text:
        return ()
    return _scan_cached(text) if len(text) >= _CACHED_LENGTH else _scan(text)


def _scan(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    matches = list(_PATTERN.finditer(text))
    found = _scan_matches(text, matches, frozenset())
    # A short form the text has tied to its council once ("Kingston's improvement", "Kingston
    # Council") names that council wherever the text uses it: "helps Kingston gain top rating",
    # "services in Kingston had continuously improved" (coreference by name).
    confirmed = frozenset(canonical for _, _, canonical, _ in found) & _SHORT_FORM_COUNCILS
    if confirmed and any(match["name"] in _CONTEXT_ONLY and _FORMS[match["name"]] in confirmed for match in matches):
        found = _scan_matches(text, matches, confirmed)
        # ... and one joined to it by "and" is a council too: "(Kingston and Richmond hold
        # 40% each)", "which manages Kingston and Richmond children's services".
        joined = confirmed | _joined_short_forms(text, matches, found)
        if joined != confirmed:
            found = _scan_matches(text, matches, joined)
    return found


def _joined_short_forms(text: str, matches: list[re.Match[str]], found: tuple) -> frozenset[str]:
    """The councils of bare short forms joined by "and"/"&" to a council the text names."""
    starts = {start for start, _, _, _ in found}
    ends = {end for _, end, _, _ in found}
    joined = set()
    for match in matches:
        if match.start() in starts or match["name"] not in _CONTEXT_ONLY:
            continue
        before = _JOINED_BEFORE.search(text, max(0, match.start() - 8), match.start())
        after = _JOINED_AFTER.match(text, match.end())
        if before and before.start() in ends or after and after.end() in starts:
            joined.add(_FORMS[match["name"]])
    return frozenset(joined)


def _scan_matches(text: str, matches: list[re.Match[str]], confirmed: frozenset[str]) -> tuple[tuple[int, int, str, bool], ...]:
    found = []
    for match in matches:
        canonical = _accept(text, match, confirmed)
        if canonical is not None:
            found.append((match.start(), match.end(), canonical, bool(match["prefix"] or match["suffix"])))
            continue
        city_end = _listed_city(text, match)
        if city_end is not None:
            found.append((match.start(), city_end, _FORMS[match["name"]], True))
    return tuple(found)


def _listed_city(text: str, match: re.Match[str]) -> int | None:
    """Where "<name> City" ends when it stands in a list of councils, else None.

    A parliamentary answer lists "Lancashire, Leicester City, Manchester": among
    councils, "City" is the city council's wording, not a football club's.
    """
    if match["suffix"] or match["prefix"]:
        return None
    city = _CITY_AFTER.match(text, match.end())
    if city is None:
        return None
    before = text[max(0, match.start() - 40):match.start()]
    after = text[city.end():city.end() + 40]
    return city.end() if _council_before(before) and _council_after(after) else None


_scan_cached = lru_cache(maxsize=8)(_scan)


def _accept(text: str, match: re.Match[str], confirmed: frozenset[str] = frozenset()) -> str | None:
    name = match["name"]
    canonical = _FORMS[name]
    start, end = match.span("name")
    before = text[max(0, match.start() - 40):match.start()]
    after = text[end:end + 40]
    has_wording = bool(match["prefix"] or match["suffix"])
    if _NOT_COUNCIL_BEFORE.search(before):
        return None
    exclusion = _NOT_COUNCIL_AFTER_NAME.get(canonical)
    if exclusion is not None and exclusion.match(after):
        return None
    if has_wording:
        return canonical
    if _NOT_COUNCIL_AFTER.match(after):
        return None
    possessive = bool(_POSSESSIVE_AFTER.match(after))
    if name in _CONTEXT_ONLY or (name.isupper() and name.title() in _CONTEXT_ONLY):
        # "Dorset, Durham, Richmond, Shropshire and York": inside a list of councils
        # the short form is the council ("Richmond, North Yorkshire" has one neighbour).
        listed = _council_before(before) and _council_after(after)
        return canonical if possessive or listed or canonical in confirmed else None
    bare = name if name in _AMBIGUOUS else name.title() if name.isupper() else None
    if bare is None or bare not in _AMBIGUOUS:
        return canonical
    if name.isupper():
        # "KENT" in capitals has lost the case that tells a name from a word,
        # unless it stands alone on its line: a heading over what is said of it
        # ("BURY" above a blog's timeline of the council's inspections).
        return canonical if _alone_on_line(text, match.start(), match.end()) else None
    if possessive:
        return canonical
    previous = _CAPITALISED_BEFORE.search(before)
    if previous and previous.group(1) not in _NEUTRAL_NEIGHBOURS:
        return None  # "Clark Kent", "Cllr Sutton"
    following = _CAPITALISED_AFTER.match(after)
    if following and following.group(1) not in _NEUTRAL_NEIGHBOURS and not _council_after(after, joined=True):
        return None  # "Sutton Coldfield", "Bury St Edmunds"; but "Coventry Knowsley", a list's lost comma
    if (
        name in _COMMON_WORDS
        and _SENTENCE_OPENING.search(before)
        and _LOWERCASE_AFTER.match(after)
        and not _COUNCIL_VERB_AFTER.match(after)
    ):
        return None  # "Reading the report", "Bury the past"
    return canonical


def _council_after(after: str, joined: bool = False) -> bool:
    """Whether a list of councils goes on after a name: ", Shropshire", " and York".

    ``joined``: the next name follows with only a space (a list whose separator
    was lost, "Coventry Knowsley; Manchester Rotherham"); it must then be a name
    that is nothing but a council's, so "Sutton Coldfield" stays a town.
    """
    gap = _LIST_SEPARATOR_AFTER.match(after)
    if gap is None or joined and gap.group().strip():
        return False
    match = _PATTERN.match(after, gap.end())
    return bool(match) and match["name"] not in _AMBIGUOUS and match["name"] not in _CONTEXT_ONLY


def _council_before(before: str) -> bool:
    """Whether a council's name ends a list item just before: "Durham, "."""
    return bool(_LISTED_BEFORE.search(before))


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip()


_WORDING = re.compile(rf"^(?:the\s+)?(?:{_PREFIX})?(?P<core>.+?)(?:{_SUFFIX})?$", re.DOTALL | re.IGNORECASE)


def canonical_authority(name: str) -> str | None:
    """The canonical name for any written form ("Hull", "London Borough of Haringey",
    "haringey council", "Haringey's"), or None if it names no authority."""
    if not isinstance(name, str):
        return None
    cleaned = " ".join(name.split()).strip(" .,;:")
    cleaned = _POSSESSIVE_END.sub("", cleaned)
    if not cleaned:
        return None
    core = _WORDING.match(cleaned)
    for candidate in (cleaned, core["core"] if core else cleaned):
        canonical = _FOLDED.get(candidate.casefold())
        if canonical is not None:
            return canonical
    return None


_SQUASHED = {re.sub(r"[^a-z]", "", form.casefold()): canonical for form, canonical in _FORMS.items()}


def authority_of_squashed_name(word: str) -> str | None:
    """The council whose name, written without spaces or punctuation, is ``word``:
    the part of a council's web address that names it ("cheshireeast", "telford")."""
    return _SQUASHED.get(re.sub(r"[^a-z]", "", str(word).casefold())) if word else None


# How much one mention weighs when choosing the council a document is about.
_POSTCODE_AFTER = re.compile(r",?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_TITLE_WEIGHT = 10
_WORDING_WEIGHT = 2
_BARE_WEIGHT = 1


def main_authority(text: str, title: str | None = None) -> str | None:
    """The council a document is about: title mentions weigh most, then how often
    (and how formally) it is named; a tie goes to the one named first."""
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for start, end, canonical, formal in _mentions(text):
        if not formal and _POSTCODE_AFTER.match(text, end):
            continue  # a postal town in an address ("Manchester M1 2WD"), such as the sender's
        scores[canonical] += _WORDING_WEIGHT if formal else _BARE_WEIGHT
        first_seen.setdefault(canonical, start)
    for _, _, canonical, _ in _mentions(title):
        scores[canonical] += _TITLE_WEIGHT
        first_seen.setdefault(canonical, -1)
    if not scores:
        return None
    return max(scores, key=lambda name: (scores[name], -first_seen[name]))
