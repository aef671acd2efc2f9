"""People named in a document, with the role and organisation the text gives them.

A capitalised name alone is not enough to make a person fact: news about
children's services names children, victims and places in the same way as
officials. A name becomes a person when the text also gives one of

* a title: "Cllr Peray Ahmet", "Ms Kober", "Dr Jane Smith";
* a role before it: "council leader Claire Kober", "the local authority's chief
  executive Andy Donald", "Children's Secretary Ed Balls", "cabinet member for
  children's services Cllr Lorna Reith";
* a role after it, set off by a comma or on the next line of an address or
  signature block: "Ann Waters, Haringey's cabinet member for children",
  "Ann Graham / Director Children's Services / Haringey Council", "Monique
  Lindsay / His Majesty's Inspector", "Gary Lamb HMI";
* a verb of saying: "Andy Donald said", "said Jane Smith";
* a place in a list of inspectors: "Lead inspector: X", "His Majesty's
  Inspectors for this visit were A and B", "Team inspectors: A HMI, B HMI".

Later mentions of a name found this way ("Claire Kober" again, "Ms Kober",
"Kober said") are people too, resolved to the full name and carrying the role.
Children and victims ("Baby Peter", "Victoria Climbie", "Peter Connolly") hold
no role and are named without one, so they are deliberately not people facts;
nor are councils, places or Ofsted, which never carry a personal name.

Each mention is one fact whose span is the name as written (without its title);
``fields["name"]`` is the full name it resolves to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from importers.authorities import find_authorities
from importers.extract.paragraphs import lines
from importers.extract.scan import matches_at_cues
from importers.model import Fact

__all__ = [
    "INSPECTOR_ABBREVIATIONS", "INSPECTOR_RANK", "INSPECTOR_RANKS", "LEADING_CONJUNCTION", "SPEECH_VERBS", "Mention", "RoleOnly", "council_mentions", "extract", "find_people",
    "is_ofsted_context", "names_a_body", "organisation_at", "role_phrase", "role_without_name",
]


@dataclass(frozen=True)
class Mention:
    """One mention of a person."""

    span: tuple[int, int]  # the name as written, without title
    name: str  # the full name it resolves to
    role: str | None
    organisation: str | None
    gender: str | None  # "f" or "m" where a title says, else None
    extent: tuple[int, int]  # the name with its title, role and apposition


_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"(?:[{_UP}]['’][{_UP}][{_LOW}]+"  # O'Brien, D'Souza
    rf"|[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?"  # Smith, McKeown
    rf"(?:[-'’][{_UP}{_LOW}][{_LOW}]*)*)"  # Smith-Jones, and a possessive
)
_TITLES: dict[str, str | None] = {
    "cllr": None, "coun": None, "councillor": None, "mr": "m", "mrs": "f", "ms": "f", "miss": "f",
    "dr": None, "sir": "m", "dame": "f", "lord": "m", "lady": "f", "baroness": "f",
    "baron": "m", "professor": None, "prof": None, "rev": None, "revd": None,
    "reverend": None, "judge": None,
}
_FIRST_NAME_TITLES = frozenset(("sir", "dame"))
# Titles as printed: "Cllr", and in capitals as some council sites print them ("CLLR Marcus Boyland").
_TITLE_ALT = "|".join(sorted({form for t in _TITLES for form in (t.capitalize(), t.upper())}, key=len, reverse=True))
_TOKEN = rf"(?:(?:{_TITLE_ALT})\.?(?=[ \t])|[{_UP}]\.(?=[ \t])|{_NAME_WORD})"
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|le|la|bin|al|ter|dos|das)"
# A run of capitalised words on one line; names are found inside runs.
# Two or more capitalised words in a row; names are found inside such runs. The
# pattern opens with a character class so the engine can skip ahead quickly.
_RUN_RE = re.compile(
    rf"[{_UP}](?<![\w'’-][{_UP}])[\w'’.-]*(?:[ \t]+(?:{_PARTICLE}[ \t]+)?[{_UP}][\w'’.-]*)+"
)
_RUN_TOKEN_RE = re.compile(rf"{_TOKEN}|{_PARTICLE}")
_NAME_WORD_RE = re.compile(rf"{_NAME_WORD}(?![\w])")
_NAME_GAP = re.compile(r"[ \t]+")
_COMMA_BEFORE = re.compile(r",[ \t]*$")
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?(\n]|[\"“‘])[ \t]*(?=[^.,;:!?(\n\"“‘]*$)")
_NAME_CHAR = re.compile(r"[\w'’-]")
_POSSESSIVE = re.compile(r"['’]s?$")

# Words that head a role ("chief executive", "council leader", "Children's
# Secretary", "cabinet member for children", "lead inspector").
_HEADS = frozenset(
    """leader executive director secretary minister mayor councillor member holder inspector
    chair chairman chairwoman chairperson chief head headteacher headmaster headmistress
    commissioner spokesman spokeswoman spokesperson manager officer president lead adviser
    advisor principal superintendent coroner governor trustee founder campaigner professor
    solicitor barrister worker mp mep boss deputy chancellor""".split()
)
# Words that may qualify a role head before it.
_MODIFIERS = frozenset(
    """chief deputy assistant associate interim acting executive strategic corporate cabinet
    lead council borough county city former then new senior principal independent local
    shadow education schools health social care safeguarding service services operational
    group area regional national general permanent junior team home family families early
    help youth justice party opposition government labour conservative tory liberal democrat
    green managing finance policy press communications media children's children’s child
    children young people's people’s women's women’s virtual designated divisional
    district clinical medical nursing portfolio""".split()
)
# Possessives that belong to a role's name rather than naming its organisation.
_ROLE_POSSESSIVES = frozenset(
    "children's children’s women's women’s people's people’s young majesty's majesty’s".split()
)
# Words that are never part of a role phrase read backwards from a name.
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with into as than that which who
    whose whom where when while if is are was were be been being has have had will would can
    could should may might must not no said says say told tells added adds says also after
    before during about according this these those it its they he she we i you his her their
    our my your speaking welcoming commenting responding writing why how what whether
    yesterday today now however meanwhile last next""".split()
)
_DETERMINERS = frozenset("the a an its their his her our".split())
# Capitalised words that cannot be part of a person's name.
_NOT_NAME = frozenset(
 """the a an and but or nor so yet if when while where whereas although though however
 meanwhile also now then today yesterday tomorrow last next this that these those there
 here it its he she they we you i his her their our my your in on at by for from of to
 with without into onto over under after before since during about above below across
 through throughout within between among against as than dear yours regards thanks
 council councils borough county city district metropolitan services service children
 children's childrens child social care board boards department authority authorities
 ofsted safeguarding local government education trust nhs police street road lane avenue
 house gate square place centre center town report reports inspection
 inspections inspector inspectors majesty's majesty’s secretary minister director
 directors leader chief executive cabinet member members mayor chair head team committee
 agency office unit commission commissioner partnership group network school schools
 academy college university hospital act framework plan plans january february 
 july september october november december monday tuesday
 wednesday thursday friday saturday sunday england london britain uk british english
 northern southern eastern western baby welcoming speaking
 according print copyright read related features views analysis most sign bbc news
 lead deputy national annual focused summary main headline findings key judgement
 judgements overall effectiveness good outstanding inadequate requires improvement
 adequate experiences progress help protection leaders leadership management
 independent reviewing officer officers adoption adoptions fostering foster care
 leavers looked after family families people early virtual mr mrs ms miss dr
 cllr councillor sir dame baroness baron professor prof rev revd reverend
 judge labour conservative tory liberal democrat party lib dem dems democrats tories
 conservatives blog""".split()
)
# The last word of a body's name, where a speaker may be one: "the Department for Education",
# "the Local Government Association", "the NSPCC" (initials), never a council (which the
# councils rules read) nor a place.
_BODY_HEADS = frozenset(
    """department association society commission trust partnership agency office union foundation
    federation institute alliance network charity government ministry inquiry""".split()
)
_INITIALS = re.compile(r"[A-Z][A-Za-z]?[A-Z][A-Za-z]{0,6}")
_ORG_WORDS = re.compile(
    r"\b(?:Council|Borough|Ofsted|Trust|Department|Partnership|Agency|Authority|Board|"
    r"Commission|Foundation|Society|Association|NSPCC|Barnardo['’]s|Government|Office|"
    r"Service|Services|Police|Constabulary|NHS|University|College|School|Academy)\b"
)
# Words that name a field in a role's complement ("director of children's
# services"), as opposed to an organisation ("leader of Haringey Council").
_FIELD_WORDS = frozenset(
    """children children's children’s services service education social care safeguarding
    families family schools learning health housing adult adults young people public
    early help wellbeing well-being skills lifelong employment inclusion communities and""".split()
)
_HMI_RE = re.compile(r"(?:His|Her)\s+Majesty['’]s\s+Inspectors?|HM\s+Inspectors?|HMI\b")
# Verbs a person speaks with, in news ("said", "told") and minutes ("asked",
# "suggested", "answered"): evidence that a name is a person, and where an
# apposition after a name ends ("X, cabinet member for children at Y Council
# described ..."). The quote rule adds the verbs reports "speak" with.
SPEECH_VERBS = frozenset(
    """said says say told tells added adds commented comments stated states explained explains
    wrote writes warned warns insisted insists admitted admits acknowledged acknowledges claimed
    claims argued argues welcomed welcomes responded responds replied replies described describes
    suggested suggests noted notes stressed stresses emphasised emphasises confirmed confirms
    announced announces questioned asked asks answered answers queried advised reported
    remarked observed declared conceded concedes""".split()
)
_SPEECH_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# An apposition between dashes reads as one between commas: "Cllr David Longstaff - the
# deputy leader of the council and chair of its children's committee - said" (a London
# weekly), "Jane Smith – Labour councillor for Eastfield ward – said" (a council release).
_DASH_APPOSITION = r"[ \t]+[–—-][ \t]+[^–—\n]{3,160}?[ \t][–—-][ \t]*"
_SAID_AFTER = re.compile(
    rf"[ \t]*(?:,[^,\n]{{0,120}},[ \t]*|{_DASH_APPOSITION})?(?:has[ \t]+|had[ \t]+|also[ \t]+|then[ \t]+|later[ \t]+)?"
    rf"(?:{_SPEECH_ALT})\b"
)
# A conjunction opening a sentence or clause: "But the leader of ..., X, said",
# "And they commend ...".
LEADING_CONJUNCTION = re.compile(r"\s*(?:(?:and|but|so|yet|also|however|meanwhile)\b[\s,]*)?", re.IGNORECASE)
_VERB_OPENING = re.compile(rf"[ \t”\"’']*(?:{_SPEECH_ALT}|according[ \t]+to)[ \t]+")
# A verb after a name set off by commas: ", Graeme McDonald, said".
_APPOSED_SAID_AFTER = re.compile(rf"[ \t]*,[ \t]*(?:has[ \t]+|had[ \t]+|also[ \t]+)?(?:{_SPEECH_ALT})\b")
# ... where the clause before the comma ends on a role's head and has no listener's "to".
_APPOSED_BEFORE = re.compile(r"(?:^|[.;:!?\n])(?P<clause>[^.;:!?\n,]{0,150}),[ \t]*$")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|according[ \t]+to)[ \t]+$")
_WORD_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]*)*|[^\w\s]")
# "Lead inspector:", "Team inspectors:", "His Majesty's Inspectors for this
# visit were": the key word is found first, its qualifiers read around it.
_INSPECTOR_KEY = re.compile(r"[Ii](?<![\w][Ii])nspect(?:ors?\b|ion[ \t]+team\b)|INSPECTORS?\b")
_INSPECTOR_QUALIFIERS = re.compile(
    r"(?:\b(?:lead|deputy[ \t]+lead|team|shadow|assistant[ \t]+lead|senior|social[ \t]+care|"
    r"regulatory)[ \t]+)+$|\b(?:His|Her)[ \t]+Majesty['’]s[ \t]+$",
    re.IGNORECASE,
)
_INSPECTOR_INTRO = re.compile(
    r"(?:\s+(?:for|on|during)\s+this\s+(?:visit|inspection))?"
    r"[ \t]*(?::|\s+(?:were|was|are|is)\b[ \t]*:?)[ \t]*\n?[ \t]*",
    re.IGNORECASE,
)
# An inspector's rank written after the name, before the role it qualifies: "Marie McGuinness
# Senior HMI", "John Gregg Senior Her Majesty’s Inspector", "Jo Bloggs Acting Senior HMI" (a
# 2014-17 report's list of inspectors). The rank is capitalised like a name word but ends the name.
INSPECTOR_RANKS = r"(?:Senior|Lead|Deputy|Acting|Principal|Regional)"
INSPECTOR_RANK = (rf"(?:{INSPECTOR_RANKS}[ \t]+)+"
                   r"(?:HMI\b|(?:His|Her)[ \t]+Majesty['’]s[ \t]+Inspector|[Ii]nspector\b)")
_RANK_AHEAD = re.compile(INSPECTOR_RANK)
# The abbreviated titles after an inspector's name: "HMI", "SCRI" (social care regulatory
# inspector), "OI" (Ofsted inspector), "AI" (associate inspector).
INSPECTOR_ABBREVIATIONS = r"(?:HMI|SCRI|OI|AI)"
_LIST_NAME = re.compile(
    rf"(?:(?:{_TITLE_ALT})\.?[ \t]+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?!{INSPECTOR_RANK})(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{1,3}})"
)
_LIST_SUFFIX = re.compile(
    rf"[ \t]*(?:,[ \t]*)?(?P<suffix>{INSPECTOR_RANK}|(?:His|Her)\s+Majesty['’]s\s+Inspector|{INSPECTOR_ABBREVIATIONS}|"
    rf"Ofsted\s+Inspector|Social\s+Care\s+Regulatory\s+Inspector|\((?:{INSPECTOR_ABBREVIATIONS}|lead|(?:[A-Za-z-]+[ \t]+){{0,2}}[Ii]nspector)\))"
    r"(?![\w])"
)
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:,|;|&|\band\b)[ \t]*(?:and[ \t]+)?\n?[ \t]*")
_COUNCIL_PHRASE = re.compile(r"\b(?:the\s+)?(?:local\s+authority|authority|council)\b", re.I)
_LEADING_THE = re.compile(r"^the\s+")
_LOWER_COUNCIL = re.compile(r"(?i)\bcouncil$")
# A councillor's tier and party printed before the title belong to the name's extent, so a
# verb of saying right before them still reaches the name: "said County Councillor Pauline
# Searle", "commented Liberal Democrat County Councillor Diana Smith" (a party's blog),
# "Green Party Councillor Scott Ainslie said" (a local paper).
_COUNCILLOR_TITLES = frozenset(("cllr", "coun", "councillor"))
_COUNCILLOR_QUALIFIERS = re.compile(
    r"(?:\b(?:Labour|Conservative|Liberal[ \t]+Democrats?|Lib[ \t]+Dems?|Green|Independent|Reform[ \t]+UK|UKIP|Tory)"
    r"(?:[ \t]+Party)?[ \t]+)?(?:\b(?:County|Borough|City|District|Town|Parish)[ \t]+)?$"
)
_HMI_AFTER = re.compile(rf"[ \t]*\(?(?:{INSPECTOR_RANK}|HMI)\)?(?![\w])")
# The comma that opens a role after a name, perhaps after an aside in brackets: "Councillor
# Miranda Williams (top right), the Royal Borough of Greenwich’s Cabinet Member for ..."
# (a caption's pointer, Woolwich Online), "Councillor Debbie Davies (Cons, Baildon), ...".
_COMMA_AFTER = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*,[ \t]*")
_DASH_AFTER = re.compile(r"[ \t]+[–—-][ \t]+")
# A role stated by "is" or "was" right after the name, the whole clause up to its end:
# "Alan Wood is the president of the Association of Directors of Children's Services" (a
# family law firm's blog), the way trade press and blogs introduce a speaker.
_COPULA_AFTER = re.compile(r"[ \t]+(?:is|was)[ \t]+(?=(?:the|an?)[ \t])")
_DASH_END = re.compile(r"[ \t][–—-][ \t]|[.;:\n()“”\"]")
# Where a role between dashes runs on ("the deputy leader of the council and chair of its
# children, education and safeguarding committee"), its first role is the one it names.
_SECOND_ROLE = re.compile(r",|\s(?:and|who|which)\s")
# Where an apposition after a name ends: its closing comma, or, where the comma was left out,
# the verb of saying, perhaps after "has" ("Councillor James Airey, the Leader of the Cumbria
# County Council Conservative Group has welcomed", a party's page).
_APPOSITION_END = re.compile(rf"[,.;:\n()“”\"]|\s(?:(?:has|had|have|also)\s+)*(?:{_SPEECH_ALT}|who|which)\b")
_SPACES = re.compile(r"\s+")


def is_ofsted_context(text: str, kind: str | None) -> bool:
    """Whether unnamed inspectors and reports in ``text`` are Ofsted's."""
    return (kind or "").startswith("ofsted") or "ofsted" in text.casefold()


def names_a_body(name: str) -> bool:
    """Whether ``name`` (capitalised words as written) names a body that may speak: it ends
    on a body's word ("Department for Education", "Local Government Association") or is
    initials ("NSPCC", "DfE", "ADCS"); a council's or a person's name is not one."""
    words = name.split()
    if not words:
        return False
    if len(words) == 1:
        return bool(_INITIALS.fullmatch(words[0])) and words[0].casefold() not in _TITLES
    # The head is the word before "of" or "for" where the name has one ("Department for
    # Education", "Association of Directors of Children's Services"), else its last word.
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in ("of", "for")), words[-1])
    return head.casefold() in _BODY_HEADS


def organisation_at(text: str, phrase: str, pos: int, default: str | None) -> str | None:
    """The organisation a phrase such as "the council" or "Haringey's" names at ``pos``.

    "the council" and "the local authority" are the council most recently named
    before ``pos`` (or the document's own, ``default``); a bare place is that
    place's council when one is named in the text; anything else is returned as
    written.
    """
    phrase = _POSSESSIVE.sub("", phrase.strip()).strip()
    if not phrase:
        return None
    if _COUNCIL_PHRASE.fullmatch(phrase):
        return _council_before(text, pos, default)
    if _HMI_RE.fullmatch(phrase) or phrase.casefold() == "ofsted":
        return "Ofsted"
    places = _places(phrase)
    if places and not _ORG_WORDS.search(phrase):
        return _council_name(text, places[0][2])
    if phrase.islower():
        # A common noun ("the service", "the partnership") names nothing we can resolve.
        return None
    return _LOWER_COUNCIL.sub("Council", _LEADING_THE.sub("", phrase))


@lru_cache(maxsize=1024)
def _places(phrase: str) -> tuple[tuple[int, int, str], ...]:
    """``find_authorities`` of a short phrase; the same phrases recur across documents."""
    return tuple(find_authorities(phrase))


@lru_cache(maxsize=16)
def council_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """``find_authorities(text)``, kept for the rules that read the same text."""
    return tuple(find_authorities(text))


@lru_cache(maxsize=16)
def _councils(text: str) -> tuple[tuple[int, str], ...]:
    """(position, name) of each council named in ``text``: as printed with its
    council wording ("Kent County Council", "London Borough of Haringey"), else
    the place with "Council" ("Haringey's" -> "Haringey Council")."""
    found = []
    for start, end, canonical in council_mentions(text):
        written = text[start:end]
        if written == canonical or written.isupper():
            found.append((start, f"{canonical} Council"))
        else:
            found.append((start, _LOWER_COUNCIL.sub("Council", written)))
    return tuple(found)


def _council_before(text: str, pos: int, default: str | None) -> str | None:
    # Found by halving (the mentions are in text order): a scan from the start
    # for every person made long texts quadratic.
    councils = _councils(text)
    before = bisect.bisect_left(councils, pos, key=lambda c: c[0])
    best = councils[before - 1][1] if before else None
    if best is None and default:
        return default if default.casefold().endswith("council") else f"{default} Council"
    return best


def _council_name(text: str, canonical: str) -> str:
    for _, name in _councils(text):
        if name.startswith(canonical):
            return name
    return f"{canonical} Council"


# --- roles ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Role:
    start: int  # where the role phrase (with its determiner) starts
    end: int
    role: str | None
    organisation: str | None


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD_TOKEN.finditer(text, start, end))


def _role_before(text: str, start: int, line_start: int, ctx_authority: str | None) -> _Role | None:
    """A role phrase ending right before a name: "the council's chief executive",
    or set off by a comma at the start of a clause: "The lead member, Cllr X"."""
    window_start = max(line_start, start - 160)
    comma = _COMMA_BEFORE.search(text, window_start, start)
    if comma:
        clause = _CLAUSE_START.search(text, window_start, comma.start())
        clause_start = clause.end() if clause else window_start
        # After a quote the clause may open on its verb: "“...,” said Ofsted’s national
        # director for social care, Yvette Stanley".
        verb = _VERB_OPENING.match(text, clause_start, comma.start())
        clause_start = verb.end() if verb else clause_start
        # ... or on a conjunction: "But the leader of the Tory opposition, Nadeem Ahmed, said".
        clause_start = LEADING_CONJUNCTION.match(text, clause_start, comma.start()).end()
        role = _role_phrase(text, clause_start, comma.start(), ctx_authority)
        if role is None:
            clause_start, role = _role_with_listed_fields(text, window_start, clause_start, comma.start(), ctx_authority)
        if role is None:
            clause_start, role = _role_after_preposition(text, clause_start, comma.start(), ctx_authority)
        return _Role(clause_start, start, role.role, role.organisation) if role else None
    if start > window_start and not text[start - 1].isspace():
        return None
    toks = _tokens(text, window_start, start)
    if not toks:
        return None
    head = None
    for index in range(len(toks) - 1, max(-1, len(toks) - 8), -1):
        word = toks[index].group()
        if not (word[0].isalnum()):
            return None
        if word.casefold() in _HEADS:
            head = index
            break
    if head is None:
        return None
    complement = toks[head + 1:]
    organisation = None
    role_end = toks[head].end()
    if complement:
        if complement[0].group().casefold() not in ("of", "for", "at") or len(complement) > 9:
            return None
        if complement[-1].group().casefold() in _FUNCTION_WORDS:
            # "the chair of the Corporate Parenting Panel", "the Chair of the Significant Incident
            # Review Group" (Ofsted reports): a role whose complement runs on into the capitals
            # is followed by the body it is of, never by a person's name.
            return None
        split = _complement(text, complement, ctx_authority)
        if split is None:
            return None
        role_end = split[0] or role_end
        organisation = split[1]
    first = head
    possessor: tuple[int, int] | None = None
    count = 0
    index = head - 1
    while index >= 0 and count < 4:
        word = toks[index].group()
        folded = word.casefold()
        if not word[0].isalnum() or folded in _FUNCTION_WORDS:
            break
        if _POSSESSIVE.search(word) and folded not in _ROLE_POSSESSIVES:
            # "Haringey's", "the local authority's": the organisation, not the role.
            possessor_start = index
            while possessor_start > 0 and count < 4:
                previous = toks[possessor_start - 1].group()
                if not previous[0].isalnum() or previous.casefold() in _FUNCTION_WORDS:
                    break
                possessor_start -= 1
                count += 1
            possessor = (toks[possessor_start].start(), toks[index].end())
            index = possessor_start - 1
            break
        if folded in _MODIFIERS or folded in _ROLE_POSSESSIVES or word[0].isupper():
            first = index
            count += 1
            index -= 1
            continue
        break
    phrase_start = possessor[0] if possessor else toks[first].start()
    if index >= 0 and toks[index].group().casefold() in _DETERMINERS:
        phrase_start = toks[index].start()
    role = text[toks[first].start():role_end]
    if possessor:
        organisation = organisation_at(
            text, text[possessor[0]:possessor[1]], start, ctx_authority
        ) or organisation
    elif organisation is None and any(t.group().casefold() == "council" for t in toks[first:head]):
        organisation = _council_before(text, start, ctx_authority)
    return _Role(phrase_start, start, _clean_role(role), organisation)


# A clause that only continues a list of fields: " Young People and Skills".
_LISTED_FIELDS = re.compile(r"\s*(?:[A-Z][\w'’-]*|and|&)(?:\s+(?:[A-Z][\w'’-]*|and|&)){0,5}\s*")


def _role_with_listed_fields(text: str, window_start: int, clause_start: int, end: int,
                             ctx_authority: str | None) -> tuple[int, _Role | None]:
    """A role whose fields are a list with its own commas, before a name set off by a comma:
    "Director for Children, Young People and Skills, Annie Hudson", "Cabinet Member for
    Aspiration, Children and Lifelong Learning, Cllr X" (press releases, minutes). The
    clause that ends at the name's comma is then only the list's tail."""
    if not _LISTED_FIELDS.fullmatch(text, clause_start, end):
        return clause_start, None
    previous_comma = text.rfind(",", window_start, clause_start)
    if previous_comma < 0:
        return clause_start, None
    clause = _CLAUSE_START.search(text, window_start, previous_comma)
    earlier = clause.end() if clause else window_start
    verb = _VERB_OPENING.match(text, earlier, previous_comma)
    earlier = LEADING_CONJUNCTION.match(text, verb.end() if verb else earlier, previous_comma).end()
    role = _role_phrase(text, earlier, end, ctx_authority)
    return (earlier, role) if role is not None else (clause_start, None)


# Where a role set off before a name may start inside its clause: after a preposition
# or a dash ("A nice letter landed on my desk – from Minister of State for Children and
# Families, Robert Goodwill, congratulating", "a letter signed by the council's director
# of children's services, Jane Smith,"); never after "to", whose object is the listener
# ("An Ofsted letter sent to the interim director of ..., Steve Walker, says").
_ROLE_OPENING = re.compile(r"(?:\s[–—-]\s*|\b(?:from|by)\s+)")


def _role_after_preposition(text: str, clause_start: int, end: int,
                            ctx_authority: str | None) -> tuple[int, _Role | None]:
    """The longest role phrase that ends the clause and opens after a preposition or dash."""
    for opening in _ROLE_OPENING.finditer(text, clause_start, end):
        role = _role_phrase(text, opening.end(), end, ctx_authority)
        if role is not None:
            return opening.end(), role
    return clause_start, None


_ROLE_REACH = 200
# Words inside an organisation's name: "Royal Borough of Greenwich", "Brighton and Hove".
_NAME_JOINERS = frozenset(("of", "and", "upon", "on"))


@dataclass(frozen=True)
class RoleOnly:
    """A speaker the text names only by role: "The chief executive of Kent County
    Council said", "Ofsted's Chief Operating Officer explained"."""

    start: int  # the phrase with its determiner or possessor
    end: int
    name: str  # the phrase as written, without a leading article
    role: str
    organisation: str | None


_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)


def role_without_name(text: str, end: int, ctx_authority: str | None) -> RoleOnly | None:
    """The role phrase ending at ``end`` where no name follows it (the subject of a
    verb of saying), or None. A role phrase read back from ``end`` as before a name;
    one set off by a comma ("The lead member, ...") is an apposition, not a subject.
    ``end`` is where the word after the phrase starts."""
    # Read back no further than a role can reach (a line may be a whole long text).
    line_start = text.rfind("\n", max(0, end - _ROLE_REACH), end) + 1 or max(0, end - _ROLE_REACH)
    if _COMMA_BEFORE.search(text, max(line_start, end - 4), end):
        return None
    role = _role_before(text, end, line_start, ctx_authority)
    return _role_only(text, role.start, end, role) if role is not None and role.role else None


def role_phrase(text: str, start: int, end: int, ctx_authority: str | None) -> RoleOnly | None:
    """``text[start:end]`` read whole as a role phrase ("Ofsted’s national director
    for social care", "the chief executive of Kent County Council"), or None."""
    role = _role_phrase(text, start, end, ctx_authority)
    return _role_only(text, start, end, role) if role is not None and role.role else None


def _role_only(text: str, start: int, end: int, role: _Role) -> RoleOnly:
    """The role phrase in ``text[start:end]`` as a speaker: its words as written,
    without the spaces around them or a leading article."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    article = _ARTICLE.match(text, start, end)
    return RoleOnly(start, end, _clean_role(text[article.end() if article else start:end]), role.role,
                    role.organisation)


def _complement(text: str, complement: list[re.Match[str]], ctx_authority: str | None):
    """Split a role's complement into its field and its organisation.

    "for children at Kent County Council" -> field "for children", organisation
    "Kent County Council"; "of Haringey Council" -> organisation only; "of
    children's services" -> field only. Returns (role_end, organisation), or
    None when the words cannot be a role's complement.
    """
    at = next((i for i, t in enumerate(complement) if i and t.group().casefold() in ("at", "with")), None)
    field, place = (complement[:at], complement[at:]) if at is not None else (complement, [])
    if field and field[0].group().casefold() == "at":
        field, place = [], field
    if len(field) == 1 or len(place) == 1:
        return None
    if any(t.group().casefold() in _FUNCTION_WORDS - _DETERMINERS - {"and", "of", "for"} for t in field[1:]):
        return None
    if any(t.group().casefold() in SPEECH_VERBS for t in complement):
        return None  # a clause, not a complement: "Professor of social work Ray Jones described Sir Michael's"
    if field and field[0].group().casefold() == "of" and (
        _COUNCIL_PHRASE.fullmatch(text, field[1].start(), field[-1].end())
        or any(w.group()[0].isupper() and w.group().casefold() not in _FIELD_WORDS
               for w in field[1:] if w.group().casefold() not in _DETERMINERS)
    ):
        field, place = [], field + place  # "of Haringey Council", "of the council"
    organisation = None
    if place:
        org_text = text[place[1].start():place[-1].end()]
        organisation = organisation_at(text, org_text, place[0].start(), ctx_authority)
    role_end = field[-1].end() if field else None
    return role_end, organisation


def _role_after(text: str, end: int, ctx_authority: str | None) -> _Role | None:
    """A role set off after a name: ", leader of Haringey Council," or " HMI"."""
    match = _HMI_AFTER.match(text, end)
    if match:
        return _Role(end, match.end(), "His Majesty's Inspector", "Ofsted")
    match = _DASH_AFTER.match(text, end)
    if match:
        stop = _DASH_END.search(text, match.end(), min(len(text), match.end() + 160))
        if stop is None or text[stop.start():stop.start() + 3].strip() not in "–—-":
            return None
        cut = _SECOND_ROLE.search(text, match.end(), stop.start())
        return (_role_phrase(text, match.end(), stop.start(), ctx_authority)
                or (cut and _role_phrase(text, match.end(), cut.start(), ctx_authority)))
    match = _COMMA_AFTER.match(text, end) or _COPULA_AFTER.match(text, end)
    if not match:
        return None
    phrase_start = match.end()
    stop = _APPOSITION_END.search(text, phrase_start, min(len(text), phrase_start + 120))
    if not stop:
        return None
    listed = _listed_fields_end(text, stop.start(), min(len(text), phrase_start + 160))
    if listed is not None:
        role = _role_phrase(text, phrase_start, listed, ctx_authority)
        if role is not None:
            return role
    return _role_phrase(text, phrase_start, stop.start(), ctx_authority)


# A role's fields listed with their own commas after a name, up to the verb or the
# apposition's closing comma: "Peter Murphy, director of children, adults and health at the
# council said" (Gazette Series), "Cllr Jon Hunt, chairman of children, adults and health
# committee, added" (the same page), "Councillor Tamoor Tariq, Cabinet Member for Children,
# Young People and Skills, presented" (Bury Council's minutes). The list's items are field
# words (never names: "Jane Smith, director of children, Tom Jones and Ann Lee"), and its
# last is joined by "and".
_FIELD_ITEM = r"(?i:" + "|".join(sorted((re.escape(w) for w in _FIELD_WORDS if w != "and"), key=len, reverse=True)) + r")"
_LISTED_TAIL = re.compile(
    rf",[ \t]*(?:{_FIELD_ITEM}(?:[ \t]+{_FIELD_ITEM}){{0,2}}[ \t]*,[ \t]*){{0,3}}"
    rf"{_FIELD_ITEM}(?:[ \t]+{_FIELD_ITEM}){{0,2}}[ \t]+(?:and|&)[ \t]+{_FIELD_ITEM}(?:[ \t]+{_FIELD_ITEM}){{0,2}}\b"
)


def _listed_fields_end(text: str, comma: int, limit: int) -> int | None:
    """Where an apposition ends whose first comma (at ``comma``) only continues a list of a
    role's fields: its next stop (a comma, the verb of saying), or None."""
    tail = _LISTED_TAIL.match(text, comma, limit)
    if tail is None:
        return None
    stop = _APPOSITION_END.search(text, tail.end(), limit)
    return stop.start() if stop else None


def _role_phrase(text: str, start: int, end: int, ctx_authority: str | None) -> _Role | None:
    """Read ``text[start:end]`` as a whole role phrase, or return None."""
    while end > start and text[end - 1].isspace():
        end -= 1
    hmi = _HMI_RE.fullmatch(text, start, end)
    if hmi:
        return _Role(start, end, "His Majesty's Inspector", "Ofsted")
    toks = _tokens(text, start, end)
    if not toks or len(toks) > 12:
        return None
    head = next((i for i, t in enumerate(toks[:7]) if t.group().casefold() in _HEADS), None)
    if head is None:
        return None
    while head + 1 < len(toks) and toks[head + 1].group().casefold() in _HEADS:
        head += 1  # "lead member", "chief executive", "deputy leader"
    words_end = head
    if [t.group() for t in toks[head + 1:head + 3]] == ["of", "State"]:
        head += 2  # "Minister of State for Children and Families", "Secretary of State for Education"
    index = 0
    if toks[0].group().casefold() in _DETERMINERS:
        index = 1
    organisation = None
    role_start_index = index
    # The organisation in the possessive before the role may hold "of" or "and": "the Royal
    # Borough of Greenwich’s Cabinet Member for Children and Young People" (Woolwich Online).
    last_possessive = max((i for i in range(index, words_end)
                           if _POSSESSIVE.search(toks[i].group()) and toks[i].group().casefold() not in _ROLE_POSSESSIVES),
                          default=-1)
    for i in range(index, words_end):
        word = toks[i].group()
        folded = word.casefold()
        if i < last_possessive and folded in _NAME_JOINERS:
            continue
        if not word[0].isalnum() or folded in _FUNCTION_WORDS:
            return None
        if _POSSESSIVE.search(word) and folded not in _ROLE_POSSESSIVES:
            possessor = text[toks[index].start():toks[i].end()]
            organisation = organisation_at(text, possessor, start, ctx_authority)
            role_start_index = i + 1
        elif not (folded in _MODIFIERS or folded in _ROLE_POSSESSIVES or word[0].isupper()):
            return None
    role_end = toks[head].end()
    complement = toks[head + 1:]
    if complement:
        prep = complement[0].group().casefold()
        if prep in ("of", "for", "at") and len(complement) > 1:
            split = _complement(text, complement, ctx_authority)
            if split is None:
                return None
            role_end = split[0] or role_end
            organisation = split[1] or organisation
        elif _field_after_head(complement) and not (
                toks[head].group().casefold() in _TITLES and complement[0].group().casefold() not in _FIELD_WORDS):
            # An address block's "Director Children's Services" or
            # "Strategic Director, Children's Services"; never a title and a name
            # ("Councillor Colin Hay, Lib Dem spokesperson").
            role_end = complement[-1].end()
        else:
            return None
    if role_start_index > head:
        return None
    role = text[toks[role_start_index].start():role_end]
    if organisation is None and any(t.group().casefold() == "council" for t in toks[role_start_index:head]):
        organisation = _council_before(text, start, ctx_authority)
    return _Role(start, end, _clean_role(role), organisation)


def _field_after_head(complement: list[re.Match[str]]) -> bool:
    """Capitalised or field words after a role's head, perhaps after one comma."""
    words = complement[1:] if complement[0].group() == "," else complement
    return bool(words) and all(t.group()[0].isupper() or t.group().casefold() in _FIELD_WORDS for t in words)


def _clean_role(role: str) -> str:
    return _SPACES.sub(" ", role).strip()


def _role_below(text: str, line_no: int, all_lines, ctx_authority: str | None) -> _Role | None:
    """The role on the line after a name standing alone (letters, signatures)."""
    if line_no + 1 >= len(all_lines):
        return None
    start, end = all_lines[line_no + 1]
    start, end = _strip_markup(text, start, end)
    if start >= end or len(text[start:end].split()) > 8:
        return None
    role = _role_phrase(text, start, end, ctx_authority)
    if role is None:
        return None
    if role.organisation is None and line_no + 2 < len(all_lines):
        o_start, o_end = _strip_markup(text, *all_lines[line_no + 2])
        org_line = text[o_start:o_end]
        if 0 < len(org_line.split()) <= 6 and (_ORG_WORDS.search(org_line) or _places(org_line)):
            role = replace(role, organisation=organisation_at(text, org_line, o_start, ctx_authority))
    return role


def _strip_markup(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t*_#>":
        start += 1
    while end > start and text[end - 1] in " \t*_":
        end -= 1
    return start, end


# --- finding names ----------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    tokens: tuple[str, ...]
    title: str | None
    title_start: int | None


def _candidates(text: str) -> list[_Candidate]:
    """Possible names: runs of capitalised words split at titles, possessives,
    role words and words that are never names ("Council", "Baby", "March")."""
    out = []
    for run in _RUN_RE.finditer(text):
        current: list[re.Match[str]] = []
        title: re.Match[str] | None = None
        previous_end = run.start()
        for token in _RUN_TOKEN_RE.finditer(text, run.start(), run.end()):
            word = token.group()
            folded = word.rstrip(".").casefold()
            is_possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
            if current and not _NAME_GAP.fullmatch(text, previous_end, token.start()):
                # "Haringey. Claire Kober": a full stop ends the name.
                _flush(out, current, title)
                current, title = [], None
            previous_end = token.end()
            if current and _RANK_AHEAD.match(text, token.start()):
                # "Marie McGuinness Senior HMI": the rank opens the role after the name.
                _flush(out, current, title)
                current, title = [], None
                continue
            if folded in _TITLES:
                _flush(out, current, title)
                current, title = [], token
                continue
            if is_possessive and (current or title is not None):
                # A name in the possessive ends there, without its "'s": "Mr Goodwill’s letter
                # confirmed", "Sir Michael Wilshaw's report" (never a lone "Haringey's").
                base = _NAME_WORD_RE.match(text, token.start(), token.end() - len(_POSSESSIVE.search(word).group()))
                if base is not None and base.group().casefold() not in _NOT_NAME | _HEADS:
                    current.append(base)
            if folded in _NOT_NAME or is_possessive or _is_head(folded):
                _flush(out, current, title)
                current, title = [], None
                continue
            current.append(token)
        _flush(out, current, title)
    return out


def _is_head(folded: str) -> bool:
    """A role's head word, or its plural: a body of people named by role ("Panel Chairs
    reported", "Cabinet Members agreed", "Team Managers said") is never one person."""
    return folded in _HEADS or (folded.endswith("s") and folded[:-1] in _HEADS)


def _flush(out: list[_Candidate], tokens: list[re.Match[str]], title: re.Match[str] | None) -> None:
    # Particles cannot open or close a name.
    while tokens and tokens[0].group()[0].islower():
        tokens = tokens[1:]
    while tokens and tokens[-1].group()[0].islower():
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 4:
        return
    if title is not None and tokens[0].start() - title.end() > 2:
        title = None
    if len(tokens) == 1 and title is None and len(tokens[0].group()) < 3:
        return
    out.append(
        _Candidate(
            tokens[0].start(),
            tokens[-1].end(),
            tuple(t.group() for t in tokens),
            title.group().rstrip(".").casefold() if title else None,
            title.start() if title else None,
        )
    )


def _inspector_lists(text: str, ofsted: bool) -> list[Mention]:
    """People named in "Lead inspector: X" and "Inspectors ... were A and B"."""
    out = []
    for key in matches_at_cues(_INSPECTOR_KEY, text, ("inspect",)):
        intro = _INSPECTOR_INTRO.match(text, key.end())
        if not intro:
            continue
        qualifiers = _INSPECTOR_QUALIFIERS.search(text, max(0, key.start() - 40), key.start())
        label_start = qualifiers.start() if qualifiers else key.start()
        folded = _SPACES.sub(" ", text[label_start:key.end()]).casefold()
        if "majesty" in folded:
            base_role = "His Majesty's Inspector"
        elif folded in ("inspectors", "inspector", "inspection team"):
            base_role = None
        else:
            base_role = folded.removesuffix("s")
        pos = intro.end()
        while True:
            match = _LIST_NAME.match(text, pos)
            if not match:
                break
            words = match.group("name").split()
            if any(w.casefold() in _NOT_NAME or w.casefold() in _HEADS for w in words):
                break
            end = match.end()
            role = base_role
            suffix = _LIST_SUFFIX.match(text, end)
            if suffix:
                end = suffix.end()
                if role is None:
                    written = suffix.group("suffix")
                    role = "His Majesty's Inspector" if "HMI" in written or "Majesty" in written else written
            out.append(
                Mention(
                    match.span("name"), _SPACES.sub(" ", match.group("name")),
                    role or "inspector", "Ofsted" if ofsted else None, None, (match.start(), end),
                )
            )
            separator = _LIST_SEPARATOR.match(text, end)
            if not separator or separator.end() == end:
                break
            pos = separator.end()
    return out


@lru_cache(maxsize=16)
def _find_people(text: str, authority: str | None, kind: str | None) -> tuple[Mention, ...]:
    """Candidates with the evidence that makes them people (see the module docstring)."""
    ofsted = is_ofsted_context(text, kind)
    all_lines = lines(text)
    line_starts = [start for start, _ in all_lines]
    listed = {m.span: m for m in _inspector_lists(text, ofsted)}

    raw: list[tuple[_Candidate, Mention | None]] = []
    for cand in _candidates(text):
        if (cand.start, cand.end) in listed:
            raw.append((cand, listed.pop((cand.start, cand.end))))
            continue
        line_no = _line_of(line_starts, cand.start)
        line_start = all_lines[line_no][0]
        name_start = cand.title_start if cand.title_start is not None else cand.start
        if cand.title in _COUNCILLOR_TITLES:
            name_start = _COUNCILLOR_QUALIFIERS.search(text, max(line_start, name_start - 40), name_start).start()
        before = _role_before(text, name_start, line_start, authority)
        after = _role_after(text, cand.end, authority)
        below = None
        if before is None and after is None:
            l_start, l_end = _strip_markup(text, *all_lines[line_no])
            if l_start == name_start and l_end == cand.end:
                below = _role_below(text, line_no, all_lines, authority)
        roles = [r for r in (before, after, below) if r is not None]
        said = _speaks(text, name_start, cand.end)
        if not roles and cand.title is None and (not said or _opens_on_place(cand.tokens)):
            # With only a verb of saying to go on, a name opening on a place is a paper
            # or an area ("Birmingham Live reported", "Kent Online said"), or the place
            # itself, of one word or more ("told North Somerset Council's ... panel", the
            # BBC); a first name is seldom a council's.
            raw.append((cand, None))
            continue
        if len(cand.tokens) == 1 and cand.title is None:
            raw.append((cand, None))  # a bare surname: decided once full names are known
            continue
        role = next((r.role for r in roles if r.role), None)
        organisation = next((r.organisation for r in roles if r.organisation), None)
        extent_start = min([name_start] + [r.start for r in roles])
        extent_end = max([cand.end] + [r.end for r in roles])
        raw.append(
            (cand, Mention((cand.start, cand.end), " ".join(cand.tokens), role, organisation,
                           _TITLES.get(cand.title or ""), (extent_start, extent_end)))
        )
    for mention in listed.values():
        raw.append((_Candidate(*mention.span, tuple(mention.name.split()), None, None), mention))
    raw.extend(_bare_surnames(text, raw))
    raw.sort(key=lambda pair: pair[0].start)
    return tuple(_resolve(text, raw))


def _bare_surnames(text: str, raw: list[tuple[_Candidate, Mention | None]]):
    """Surnames of people already found, standing alone next to a verb of saying; and
    first names where one person found has it (an MP's or a blogger's page calls him
    "Richard": "City MP Richard Graham says ... Richard said that “...")."""
    surnames = {m.name.split()[-1] for _, m in raw if m is not None and " " in m.name}
    surnames |= set(_first_names(m.name for _, m in raw if m is not None))
    covered = sorted((c.title_start if c.title_start is not None else c.start, c.end) for c, _ in raw)
    starts = [start for start, _ in covered]
    for surname in surnames:
        pos = text.find(surname)
        while pos != -1:
            end = pos + len(surname)
            i = bisect.bisect_right(starts, pos) - 1
            inside = i >= 0 and covered[i][0] <= pos < covered[i][1]
            bounded = (pos == 0 or not _NAME_CHAR.match(text[pos - 1])) and (
                end == len(text) or not _NAME_CHAR.match(text[end]))
            if not inside and bounded and _speaks(text, pos, end):
                yield _Candidate(pos, end, (surname,), None, None), None
            pos = text.find(surname, end)


def _first_names(names) -> dict[str, str]:
    """First name -> full name, for first names only one of ``names`` has (and no one's surname)."""
    full = {n for n in names if len(n.split()) > 1}
    surnames = {n.split()[-1] for n in full}
    by_first: dict[str, set[str]] = {}
    for name in full:
        by_first.setdefault(name.split()[0], set()).add(name)
    return {first: next(iter(names)) for first, names in by_first.items()
            if len(names) == 1 and first not in surnames and first.casefold() not in _NOT_NAME | _TITLES.keys()}


def _speaks(text: str, start: int, end: int) -> bool:
    """A verb of saying after the name ("Parry also claimed"), or after it set off by commas
    ("Society of Local Authority Chief Executives director, Graeme McDonald, said"), or
    before it ("said Bromley-Derry")."""
    return (bool(_SAID_AFTER.match(text, end)) or bool(_SAID_BEFORE.search(text, max(0, start - 30), start))
            or (bool(_APPOSED_SAID_AFTER.match(text, end)) and _role_head_before(text, start)))


def _role_head_before(text: str, start: int) -> bool:
    """Whether the clause before a name set off by a comma ends on a role's head word
    ("Society of Local Authority Chief Executives director, Graeme McDonald"), never where
    the name is a listener ("An Ofsted letter sent to the interim director of ..., X, says")."""
    match = _APPOSED_BEFORE.search(text, max(0, start - 160), start)
    if match is None:
        return False
    words = match.group("clause").split()
    return bool(words) and words[-1].casefold() in _HEADS and "to" not in words


def _opens_on_place(tokens: tuple[str, ...]) -> bool:
    """Whether a capitalised run opens on a council's place, of one word or more."""
    places = _places(" ".join(tokens))
    return bool(_places(tokens[0])) or bool(places and places[0][0] == 0)


def _line_of(line_starts: list[int], pos: int) -> int:
    low, high = 0, len(line_starts)
    while low < high:
        mid = (low + high) // 2
        if line_starts[mid] <= pos:
            low = mid + 1
        else:
            high = mid
    return max(0, low - 1)


def _resolve(text: str, raw: list[tuple[_Candidate, Mention | None]]) -> list[Mention]:
    """Join surnames to full names, and carry roles and genders across mentions."""
    full: dict[str, list[Mention]] = {}
    for _, mention in raw:
        if mention is not None and len(mention.name.split()) > 1:
            full.setdefault(mention.name, []).append(mention)
    by_surname: dict[str, list[str]] = {}
    for name, mentions in full.items():
        by_surname.setdefault(name.split()[-1], []).append(name)
    for first, name in _first_names(full).items():
        by_surname.setdefault(first, [name])
    genders = {}
    roles: dict[str, tuple[str | None, str | None]] = {}
    out = []
    for cand, mention in raw:
        name = " ".join(cand.tokens)
        if mention is None:
            if name in full:
                mention = Mention((cand.start, cand.end), name, None, None, None, (cand.start, cand.end))
            elif len(cand.tokens) == 1 and name in by_surname and _speaks(text, cand.start, cand.end):
                mention = Mention((cand.start, cand.end), name, None, None, None, (cand.start, cand.end))
            else:
                continue
        if len(cand.tokens) == 1 and mention.name in by_surname:
            candidates = by_surname[mention.name]
            earlier = [n for n in candidates if full[n][0].span[0] < cand.start]
            resolved = earlier[-1] if earlier else candidates[0]
            mention = replace(mention, name=resolved)
        elif len(cand.tokens) == 1 and cand.title and cand.title.casefold() in _FIRST_NAME_TITLES and (
                known := [n for n in full if n.split()[0] == mention.name]):
            # A knight or dame is named by title and first name: "Sir Michael said" is
            # the Sir Michael Wilshaw named before.
            mention = replace(mention, name=known[0])
        elif len(cand.tokens) == 1 and cand.title:
            mention = replace(mention, name=f"{cand.title.capitalize()} {mention.name}")
        if mention.gender:
            genders[mention.name] = mention.gender
        known_role, known_org = roles.get(mention.name, (None, None))
        if mention.role or mention.organisation:
            roles[mention.name] = (mention.role or known_role, mention.organisation or known_org)
        out.append(replace(mention, role=mention.role or known_role,
                           organisation=mention.organisation or known_org))
    # A run of capitals inside another person's role is a word of that role, not a person:
    # "Children and Lifelong Learning" in "The Cabinet Member for Aspiration, Children and
    # Lifelong Learning, Councillor Paffey".
    starts = [m.span[0] for m in out]
    out = [m for m in out if not _inside_a_role(m, out, starts)]
    return [replace(m, gender=m.gender or genders.get(m.name)) for m in out]


def _inside_a_role(mention: Mention, mentions: list[Mention], starts: list[int]) -> bool:
    """Whether ``mention`` lies inside the role before a later mention's name: only the
    names that start within a role's reach after it are read (``mentions`` in text order,
    ``starts`` their name starts), so a long list of names stays cheap."""
    lo = bisect.bisect_left(starts, mention.span[1])
    hi = bisect.bisect_right(starts, mention.span[1] + _ROLE_REACH)
    return any(other.role and other.extent[0] <= mention.span[0] for other in mentions[lo:hi])


def find_people(text: str, ctx) -> tuple[Mention, ...]:
    """Every person mention in ``text``, in order (``ctx`` is a DocContext)."""
    if not isinstance(text, str) or not text:
        return ()
    return _find_people(text, getattr(ctx, "authority", None), getattr(ctx, "kind", None))


def extract(text: str, ctx) -> list[Fact]:
    return [
        Fact("person", m.span, {"name": m.name, "role": m.role, "organisation": m.organisation})
        for m in find_people(text, ctx)
    ]
