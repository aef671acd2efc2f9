"""What the rating words in the body of an Ofsted report or letter are.

A report's own grades are its judgement table, the section headings that
restate its rows and its page-one headline (``importers.extract.judgement_table``,
evidence "table" or "headline"). The judgement rules (``importers.extract.judgements``)
read many more rating words in the body; here each one is classified, never
counted:

* another council's grade (a predecessor or neighbouring council the report
  names): not this report's council, dropped;
* an earlier inspection's grade: kept where it is dated to its own year ("were
  judged good at the previous inspection in 2010" -> 2010), moved to that year
  where the sentence names it but the rules gave this inspection's date, moved
  to the year the report dates its last inspection by elsewhere where it is
  said of "the last inspection" ("since the last inspection, when all areas
  were judged to require improvement" and "since the single inspection in
  2016"), and dropped where no year says when;
* another provider's grade: children's homes, schools, nurseries, fostering
  and adoption agencies ("The local authority operates five children's homes.
  Four were judged to be good ..."): dropped;
* an aim or hypothesis ("to ensure that all services are good", "on track to
  become good") and Ofsted's grade descriptors ("the LSCB is likely to be
  outstanding if ..."): dropped;
* ordinary words about practice ("placement stability for children looked
  after is good", "the quality of supervision is poor", "most audits were
  graded good", "practice varies from poor to good"): dropped;
* this inspection's grade said again in the body ("Services for care leavers
  are good", a section's summary): kept only for an area the table and the
  headline do not grade, as the table's word is the inspection's.

Judgements with no date at all are dropped: a report's own grades are dated
by its inspection, so an undated one is a recollection the text does not date.

Inspection mentions are sorted the same way, as each one becomes a timeline
event: a mention of the document's own inspection takes the inspection's
printed dates and type (a passing "the focused visit" in an ILACS report does
not make the report a focused visit); a mention of an earlier one is kept only
with its own date written beside it ("the focused visit in June 2022", "the 2011
unannounced inspection"), for this council (not one before the council existed:
that is its predecessor's), and not for a home, school or agency ("the previous
inspection of the fostering service was in March 2013", or in a sentence
pointing back to the home the one before names: "It was judged as adequate at
its last full inspection in April 2013"), a peer review or another
inspectorate's visit.
"""

from __future__ import annotations

import re

from importers.councils import council
from importers.extract.clauses import index_for
from importers.extract.continuity import former_grades, lasting_grades
from importers.extract.dates import find_dates
from importers.extract.inspections import GRADED_TYPES
from importers.model import Fact
from importers.vocabulary import AREA_COMPONENTS, areas_judged, era_for, find_areas, get_era

__all__ = ["classify_body_grades", "covered_areas"]

_DATE_FIELDS = ("year", "month", "day", "precision", "end_year", "end_month", "end_day")
# How far after its mention an earlier inspection's date may be written: "the
# focused visit in June 2022", "the inspection of ... services in June 2011".
_DATE_AFTER_REACH = 40
# Before its mention, as the sentence's opening ("In July 2021, a focused visit noted ...")
# or standing just before its name ("highlighted in the 2011 unannounced inspection").
_OPENING_DATE = re.compile(r"\W*(?:in|on|during|by|from)?\s*", re.IGNORECASE)
# Reviews and inspections by others than Ofsted, or not of the council:
# "the LGA peer review", "inspection by HMIC", "the Ofsted thematic inspection",
# "Ofsted's pilot inspection in 2012" (a trial of a framework, with no report of its own).
_NOT_OFSTED = re.compile(
    r"\bpeer\b|\bself[- ]assessment\b|\bHMIC\b|\bthematic\b|\bpilot\b|\bpolice\b|\bCQC\b"
    r"|\bcare\s+quality\s+commission\b",
    re.IGNORECASE,
)

# A sentence that opens by pointing back to what the sentence before named: "The
# local authority operates one children's home. This is a short breaks unit. It was
# judged as adequate at its last full inspection in April 2013", "Both were judged ...".
_POINTS_BACK = re.compile(
    r"\W*(?:it|this|these|they|both|each|all|none|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d+|(?:\w+\s+){1,2}of\s+(?:them|these|those))\b",
    re.IGNORECASE,
)
_OWN_EVIDENCE = ("table", "headline")
_FIRST_PAGE = 4000  # characters of clean text: a letter's or report's first page
# Ratings only the annual rating (2009-10) gave, and only as "performs poorly" or
# "performs excellently": a bare "poor" in an Ofsted document is a plain word.
_OLD_WORDS = ("poor", "excellent")

# Another provider the council runs or the report lists, as the rating's subject:
# "Four (children's homes) were judged good in their most recent Ofsted inspection".
_PROVIDER = re.compile(
    r"\b(?:children['’]s\s+homes?|homes?|secure\s+units?|(?:special\s+|residential\s+)?schools?"
    r"|academ(?:y|ies)|nurser(?:y|ies)|colleges?|settings?|providers?|(?:independent\s+)?agenc(?:y|ies)"
    r"|short[- ](?:term[ -])?breaks?(?:\s+(?:units?|services?|homes?))?|residential\s+units?"
    r"|(?:private\s+)?fostering(?:\s+(?:service|arrangements?))?s?|adoption\s+(?:agenc(?:y|ies)|services?))\b"
    r"|\bmost\s+recent\s+(?:ofsted\s+)?inspections?\b",
    re.IGNORECASE,
)
# An aim or hypothesis before the rating: "to become good", "aspire to be
# outstanding", "to ensure that all services are good", "on track to be good".
_AIM = re.compile(
    r"\b(?:to\s+become|aim(?:s|ed|ing)?|ambitions?|aspir\w*|striv\w+|target\w*"
    r"|in\s+order\s+to\s+be|to\s+(?:ensure|make\s+sure)|ensur\w+\s+that|so\s+that|on\s+track"
    r"|working\s+towards|journey|want(?:s|ed)?\s+\w+\s+to\s+be)\b",
    re.IGNORECASE,
)
# Ofsted's grade descriptors and conditionals: "is likely to be outstanding if ...",
# "would be judged good", "should be good".
_DESCRIPTOR = re.compile(
    r"\b(?:likely\s+to\s+be|would|will|should|could|might|may|if|unless|where)\b", re.IGNORECASE
)
# A range of quality, not a grade: "varies from poor to good", "ranging from
# requires improvement to good", "between good and inadequate".
_RANGE = re.compile(r"\b(?:var(?:y|ies|ied|ying|iable)|rang(?:e|es|ed|ing)|between|mixed)\b", re.IGNORECASE)
# The head of a subject that is practice, not a service: "placement stability
# for children looked after is good", "the quality of supervision is poor",
# "most audits were graded good", "care plans were found to require improvement".
_PRACTICE = re.compile(
    r"\b(?:quality|stability|supervision|audit(?:s|ed|ing)?|plans?|planning|cases?|assessments?|practice"
    r"|attendance|timeliness|files?|records?|recording|work|decision-making|decisions|response|oversight"
    r"|engagement|participation|involvement|housing|accommodation|provision|support|arrangements"
    r"|performance|training|caseloads?|outcomes|wellbeing|judgements?\s+about)\b",
    re.IGNORECASE,
)
# Where the rating's own clause begins inside a longer one: "The visit was the
# sixth monitoring visit since the local authority was judged inadequate".
_SUBCLAUSE = re.compile(
    r"\b(?:that|which|since|when|where|because|(?<!looked\s)(?<!looked-)after|before|while|although|but)\b",
    re.IGNORECASE,
)
# Words marking the rating as an earlier inspection's: "since the last inspection, when ...".
_EARLIER = re.compile(
    r"\b(?:previous(?:ly)?|last|earlier|prior|former(?:ly)?|since|predecessor|at\s+that\s+time)\b",
    re.IGNORECASE,
)
_INSPECTION = re.compile(r"\binspect(?:ion|ed)\b", re.IGNORECASE)
_INSPECTION_OF = re.compile(r"\binspection\s+of\b", re.IGNORECASE)
# The two strands of a 2009-12 safeguarding and looked after children inspection.
_STRANDS = ("help and protection", "children in care")
# Nothing after the rating word but the sentence's end: "The local authority was judged to be good."
_BARE_END = re.compile(r"[ \t]*[.;]")
# A grade given in the past: "The local authority was judged to be inadequate", "was rated good".
_PAST_GRADE = re.compile(r"\b(?:was|were)\s+(?:(?:judged|rated|graded|found)\b|(?:then\s+)?assessed\s+as\b)",
                         re.IGNORECASE)
# ... or said by the inspection the sentence before named, pointed back to: "X were last inspected
# in June 2012. That inspection judged the overall effectiveness ... to be good" ("this
# inspection" is the report's own).
_THAT_INSPECTION = re.compile(r"\b(?:that|the\s+same)\s+inspection\s+(?:judged|rated|graded|found)\b", re.IGNORECASE)
# The council's last inspection named as such: "the last inspection", "the previous
# ILACS inspection", "its last full inspection".
_LAST_INSPECTION = re.compile(r"\b(?:last|previous)\s+(?:[\w-]+\s+){0,2}?inspection\b", re.IGNORECASE)
# ... and its mention with a date, marked by the same words or "since": "since the
# single inspection in 2016", "was last inspected in June 2018".
_LAST = re.compile(r"\b(?:last|previous|since)\b", re.IGNORECASE)
_LAST_REACH = 40
# A date that is an earlier report's publication: "the last inspection ... published in March 2012".
_PUBLISHED_BEFORE = re.compile(r"\bpublished\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
# "it is now inadequate", "currently": the present, whatever date the sentence opened with.
_NOW = re.compile(r"\b(?:now|currently|remains?|continues?\s+to|still)\b", re.IGNORECASE)
# A grade in the present tense just before the rating word: "... are outstanding".
_PRESENT_COPULA = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# Where a new clause with its own subject begins: ", and the concerns ...", "; ".
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:the|a|an|this|these|its|their|some|many|most)\b|;",
                           re.IGNORECASE)
# A date's own clause running on to the grade: "in 2010, when services were judged to be".
_WHEN_AFTER_DATE = re.compile(r"\s*,?\s+when\b[^.;]*$", re.IGNORECASE)


def classify_body_grades(
    text: str, facts: list[Fact], authority: str | None, inspection_type: str | None = None,
) -> list[Fact]:
    """``facts`` with each body judgement and inspection mention of an Ofsted document kept, re-dated or dropped.

    ``inspection_type`` is the type the document's head states (``importers.pdf_report``), if known.
    """
    own = [f for f in facts if f.type == "judgement" and f.get("evidence") in _OWN_EVIDENCE]
    anchor = _own_inspection(facts, own)
    period = (anchor.get("year"), anchor.get("month")) if anchor is not None else (None, None)
    covered = covered_areas({f.get("area") for f in own})
    authority = authority or next((f.get("authority") for f in own if f.get("authority")), None)
    mentions = {id(f): _inspection(text, f, anchor, inspection_type, authority) for f in facts if f.type == "inspection"}
    last = _last_inspection_year(text, [f for f in mentions.values() if f is not None and not f.get("subject")],
                                 period[0])
    kept = []
    for fact in facts:
        if fact.type == "judgement" and fact.get("evidence") not in _OWN_EVIDENCE:
            kept += _classify(text, fact, period, covered, authority, last)
        elif fact.type == "inspection":
            kept += [f for f in (mentions[id(fact)],) if f is not None]
        else:
            kept.append(fact)
    if own:
        kept += lasting_grades(text, authority, period[0], last)
        kept += former_grades(text, authority, _last_graded(kept, period[0]))
    kept = _every_area_of_its_framework(kept, period[0])
    return kept if own else _first_page_headline(kept, period)


def _every_area_of_its_framework(facts: list[Fact], own_year: int | None) -> list[Fact]:
    """ "All areas" of an earlier inspection are the areas its own framework graded.

    The rules read "since the last inspection, when all areas were judged to require
    improvement" as every area of the report's framework (ILACS's four); moved to a
    2016 inspection, they are the single inspection framework's six.
    """
    if own_year is None:
        return facts
    now = set(areas_judged(era_for(own_year), own_year))
    by_span: dict[tuple, list[Fact]] = {}
    for fact in facts:
        if fact.type == "judgement" and fact.get("year") and fact.get("year") < own_year:
            by_span.setdefault(tuple(fact.span), []).append(fact)
    out = []
    for fact in facts:
        group = by_span.get(tuple(fact.span)) if fact.type == "judgement" else None
        if not group or len(group) < 3 or {f.get("area") for f in group} != now:
            out.append(fact)
        elif fact is group[0]:
            year = fact.get("year")
            then = areas_judged(era_for(year, fact.get("rating_text"), fact.get("month")), year) or tuple(now)
            out += [Fact(fact.type, fact.span, {**fact.fields, "area": area}) for area in then]
    return out


def _own_inspection(facts: list[Fact], own: list[Fact]) -> Fact | None:
    """The fact whose date is the document's own inspection's: a table row's, else the dated subject mention."""
    dated = next((f for f in own if f.get("year")), None)
    if dated is None:
        dated = next((f for f in facts if f.type == "inspection" and f.get("subject") and f.get("year")), None)
    return dated


def _inspection(
    text: str, fact: Fact, anchor: Fact | None, inspection_type: str | None, authority: str | None,
) -> Fact | None:
    if fact.get("subject"):
        fields = dict(fact.fields)
        if authority:
            # The report's own inspection is of its own council, whichever council a mention
            # of it stands beside ("the Local Safeguarding Children Board of Leicestershire and
            # Rutland" in Rutland's report): a partner is never an event of its own.
            fields["authority"] = authority
        if inspection_type:
            fields["inspection_type"] = inspection_type
        if anchor is not None and anchor.get("year"):
            fields.update({key: anchor.get(key) for key in _DATE_FIELDS}, date_source="text")
        return Fact(fact.type, fact.span, fields)
    if fact.get("authority") and authority and fact.get("authority") != authority:
        return None
    year, month = fact.get("year"), fact.get("month")
    if year is None:
        return None
    found = council(fact.get("authority") or authority)
    if found is not None and found.since and year < found.since:
        # "the inspection in 2019" in the first report on a council formed in 2021 is its predecessor's.
        return None
    if anchor is not None and anchor.get("year") and (year, month or 0) >= (anchor.get("year"), anchor.get("month") or 0):
        return None  # not earlier than the inspection reported: a date borrowed from elsewhere
    index = index_for(text)
    start, end = fact.span
    s_start, s_end = index.sentence_at(start)
    if _PROVIDER.search(text, s_start, end) or _NOT_OFSTED.search(text, s_start, min(s_end, end + _DATE_AFTER_REACH)):
        return None
    if _POINTS_BACK.match(text, s_start):
        previous = index.previous_sentence(s_start)
        if previous is not None and _PROVIDER.search(text, *previous):
            return None  # the home or agency the sentence before named, not the council
    after = index.dates_in(end, min(s_end, end + _DATE_AFTER_REACH))
    before = [d for d in index.dates_in(s_start, start)
              if _OPENING_DATE.fullmatch(text, s_start, d.start) or not text[d.end:start].strip()]
    # A visit of a listed run spans its own date, its year said once at the list's end
    # ("focused visits in January and December 2019").
    within = [d for d in index.dates_in(start, end) if d.year in (year, None)]
    if within and within[-1].month == month:
        return fact
    for date in after + before:
        if (date.year, date.month) == (year, month):
            if date.start > end and _PROVIDER.search(text, end, date.start):
                return None  # "an inspection of the adoption service in March 2012": the agency's
            if month and _PUBLISHED_BEFORE.search(text, max(0, date.start - 30), date.start):
                # "the last inspection of children's services published in March 2012": the
                # report's month, not the inspection's, which came before it.
                return Fact(fact.type, fact.span, {**fact.fields, "month": None, "day": None, "precision": "year"})
            return fact
    return None


def _last_graded(facts: list[Fact], own_year: int | None) -> tuple[int, int | None] | None:
    """The date of the council's last inspection before this one, where the report grades it: the
    latest earlier judgement's, unless the report names a later earlier inspection it leaves ungraded."""
    if own_year is None:
        return None
    graded = [(f.get("year"), f.get("month")) for f in facts
              if f.type == "judgement" and f.get("year") and f.get("year") < own_year]
    if not graded:
        return None
    latest = max(graded, key=lambda ym: (ym[0], ym[1] or 0))
    later = [f for f in facts if f.type == "inspection" and not f.get("subject") and f.get("year")
             and f.get("inspection_type") in GRADED_TYPES and latest[0] < f.get("year") < own_year]
    return None if later else latest


def covered_areas(areas: set) -> set:
    """The areas graded, with a joint judgement's parts and parts' joint judgement (ILACS 2018-23)."""
    areas = set(areas)
    for joint, parts in AREA_COMPONENTS.items():
        if joint in areas:
            areas.update(parts)
        if all(part in areas for part in parts):
            areas.add(joint)
    return areas


def _last_inspection_year(text: str, recalled: list[Fact], own_year: int | None) -> int | None:
    """The year the report dates its council's last inspection by ("since the previous inspection in
    2016", "since the single inspection in 2016", "was last inspected in June 2018"), where it names one."""
    index = index_for(text)
    years = set()
    for fact in recalled:
        year = fact.get("year")
        if not year or own_year is None or year >= own_year or fact.get("inspection_type") not in GRADED_TYPES:
            continue
        s_start = index.sentence_at(fact.span[0])[0]
        if _LAST.search(text, max(s_start, fact.span[0] - _LAST_REACH), fact.span[1]):
            years.add(year)
    return next(iter(years)) if len(years) == 1 else None


def _classify(
    text: str, fact: Fact, period: tuple[int | None, int | None], covered: set, authority: str | None,
    last: int | None = None,
) -> list[Fact]:
    if fact.get("authority") and authority and fact.get("authority") != authority:
        return []  # a predecessor, partner or neighbouring council's grade
    year = fact.get("year")
    if year is None:
        return []
    if fact.get("rating") in _OLD_WORDS and not str(fact.get("rating_text") or "").lower().startswith("perform"):
        return []  # "plans are poor": Ofsted's grades never said "poor", the annual rating "performs poorly"
    index = index_for(text)
    start = fact.span[0]
    s_start, s_end = index.sentence_at(start)
    c_start = index.clause_at(start)[0]
    lead = text[s_start:start]
    own_year = period[0]
    own = _own_dated(fact, period)
    # "Since the inspection in 2021, ... it is now inadequate": today's grade, whatever year opened the sentence.
    now = own_year is not None and year <= own_year and bool(
        _NOW.search(text, c_start, start) or _present_since(text, s_start, start))
    own = own or now
    if _other_provider(index, text, fact, s_start, start):
        return []
    if _RANGE.search(lead) or _practice_subject(text, c_start, start):
        return []
    if not own:
        if own_year is None or year < own_year:
            fact = _when_dated(index, _area_of_its_own_clause(index, fact, s_start, s_end), s_start, start)
            return _areas_of_its_inspection(index, fact)
        return []
    if _AIM.search(text, c_start, start) or _DESCRIPTOR.search(text, c_start, start):
        return []
    earlier_year = any(d.year and d.year < own_year for d in index.dates_in(s_start, start))
    earlier_year = earlier_year or _past_grade_of_an_earlier_inspection(index, fact, c_start, s_end, own_year)
    if not now and (_EARLIER.search(text, c_start, fact.span[1] + 40) or _EARLIER.search(lead) or earlier_year):
        # "The inspection of ... services in 2011 judged ... to be adequate and this inspection found ..."
        moved = _earlier(fact, text[s_start:s_end], own_year)
        if moved is None and last is not None and _LAST_INSPECTION.search(text, s_start, s_end):
            # "since the last inspection, when all areas were judged to require improvement":
            # no year here, but the report dates its last inspection elsewhere.
            moved = _dated(fact, last, None)
        return _areas_of_its_inspection(index, moved) if moved is not None else []
    told = None if now else _told_the_sentence_before(index, fact, s_start, s_end, own_year)
    if told is not None:
        return _areas_of_its_inspection(index, _dated(fact, *told))
    if covered_areas({fact.get("area")}) & covered:
        return []  # the table or headline grades this area: its word is the inspection's
    return [fact]


def _area_of_its_own_clause(index, fact: Fact, s_start: int, s_end: int) -> Fact:
    """An earlier grade whose area the rules read from a later clause is the inspection's as a whole:
    "The child protection inspection in September 2012 found the service to be inadequate, and the
    significant concerns identified then remain across the whole of the service, including services
    for children who are looked after" grades no looked after children's service."""
    area, text = fact.get("area"), index.text
    if area in (None, "overall") or any(a.area == area for a in find_areas(text, s_start, fact.span[0])):
        return fact
    named = [a for a in find_areas(text, fact.span[1], s_end) if a.area == area]
    if not named or not _CLAUSE_BREAK.search(text, fact.span[1], named[0].start):
        return fact
    return Fact(fact.type, fact.span, {**fact.fields, "area": "overall"})


def _when_dated(index, fact: Fact, s_start: int, start: int) -> Fact:
    """An earlier grade re-dated to the date its own "when" clause follows, where a sentence lists
    several: "since the last inspections for children in need of protection in 2012, when services
    were judged to be good, and for children looked after in 2010, when services were judged to be
    adequate" (the second grade is 2010's, whichever date the rules gave it)."""
    dates = [d for d in index.dates_in(s_start, start) if d.year]
    if len(dates) < 2 or not _WHEN_AFTER_DATE.match(index.text, dates[-1].end, start):
        return fact
    date = dates[-1]
    if (date.year, date.month) == (fact.get("year"), fact.get("month")):
        return fact
    return _dated(fact, date.year, date.month)


def _present_since(text: str, s_start: int, start: int) -> bool:
    """Whether the grade is said in the present of a sentence measured from an earlier date:
    "Since the last ILACS inspection in 2022, X has continued to strengthen ..., and the
    experiences and progress for care leavers are outstanding" is today's grade, not 2022's."""
    return bool(_SINCE.search(text, s_start, start)) and bool(_PRESENT_COPULA.search(text, max(s_start, start - 30), start))


def _past_grade_of_an_earlier_inspection(index, fact: Fact, c_start: int, s_end: int, own_year: int) -> bool:
    """Whether a grade given in the past is of the earlier inspection the sentence goes on to date:
    "X was rated inadequate for safeguarding and adequate for looked after children in its
    Safeguarding and Looked After Children inspection in 2009" (both grades share the verb and
    the date, which the rules gave only to the nearer)."""
    text = index.text
    if not _PAST_GRADE.search(text, c_start, fact.span[0]):
        return False
    named = _INSPECTION.search(text, fact.span[1], s_end)
    if named is None:
        return False
    s_start = index.sentence_at(fact.span[0])[0]
    if any(d.year and d.year >= own_year for d in index.dates_in(s_start, s_end)):
        return False  # this inspection's year is said too: "judged good in 2016 and is now outstanding"
    return any(d.year and d.year < own_year for d in index.dates_in(named.end(), s_end))


def _told_the_sentence_before(index, fact: Fact, s_start: int, s_end: int, own_year: int) -> tuple[int, int | None] | None:
    """The date of an earlier inspection the sentence before tells, where this sentence gives its
    grade in the past with no date of its own: "X's safeguarding arrangements were inspected in
    November 2009. The local authority was judged to be inadequate." """
    text = index.text
    if index.dates_in(s_start, s_end) or not (
            _PAST_GRADE.search(text, s_start, fact.span[0]) or _THAT_INSPECTION.search(text, s_start, fact.span[0])):
        return None
    previous = index.previous_sentence(s_start)
    if previous is None or not _INSPECTION.search(text, *previous) or _PROVIDER.search(text, *previous):
        return None
    dates = {(d.year, d.month) for d in index.dates_in(*previous) if d.year and d.year < own_year}
    return next(iter(dates)) if len(dates) == 1 else None


def _areas_of_its_inspection(index, fact: Fact) -> list[Fact]:
    """An earlier grade of "the local authority", one per area the sentence stating its inspection names.

    "The previous inspection of the local authority's safeguarding arrangements
    was in May 2011. The local authority was judged to be adequate." grades
    help and protection, not the council as a whole, where the report lists the
    inspection's looked after children's strand of that month too; an inspection
    of one subject alone keeps its one grade as its overall effectiveness. So does
    a grade said bare of an inspection of both strands ("The previous inspection of
    safeguarding and looked after children services was in December 2010. The local
    authority was judged to be good."): the whole inspection's, not each strand's.
    """
    if fact.get("area") != "overall":
        return [fact]
    text = index.text
    s_start, s_end = index.sentence_at(fact.span[0])
    if index.dates_in(s_start, s_end):
        return _the_strand_it_names(index, fact, s_end)
    previous = index.previous_sentence(s_start)
    if previous is None or not index.dates_in(*previous) or not _INSPECTION.search(text, *previous):
        return [fact]
    areas = [a.area for a in find_areas(text, *previous) if a.area not in ("overall", "lscb")]
    if _one_strand_alone(index, fact, set(areas)):
        return [fact]
    if set(_STRANDS) <= set(areas) and _BARE_END.match(text, fact.span[1]):
        return [fact]
    return [Fact(fact.type, fact.span, {**fact.fields, "area": area}) for area in dict.fromkeys(areas)] or [fact]


def _the_strand_it_names(index, fact: Fact, s_end: int) -> list[Fact]:
    """The local authority's grade in the inspection of one strand the sentence goes on to name:
    "The local authority was judged inadequate in the inspection of safeguarding in 2010" grades
    help and protection where that inspection had a looked after children's strand too."""
    named = _INSPECTION_OF.search(index.text, fact.span[1], s_end)
    if named is None:
        return [fact]
    areas = {a.area for a in find_areas(index.text, named.end(), s_end) if a.area not in ("overall", "lscb")}
    if len(areas) != 1 or _one_strand_alone(index, fact, areas):
        return [fact]
    return [Fact(fact.type, fact.span, {**fact.fields, "area": next(iter(areas))})]


def _one_strand_alone(index, fact: Fact, areas: set) -> bool:
    """Whether the earlier inspection graded one subject alone, so that its one grade is the
    inspection's overall effectiveness: a protection of children or looked after children
    inspection of June 2012 to 2013, or a safeguarding inspection the report dates to a month
    in which it names no looked after children's inspection (the 2011 safeguarding
    inspections; a 2009-12 inspection of both strands is listed as two lines of one month)."""
    year, month = fact.get("year"), fact.get("month")
    if len(areas) != 1 or year is None or month is None:
        return False
    if era_for(year, None, month) == "protection-lac":
        return True
    if areas != {"help and protection"}:
        return False
    text = index.text
    for date in index.dates:
        if (date.year, date.month) != (year, month):
            continue
        # The inspection's subject is named before its date ("The previous inspection of X's services
        # for looked after children was in May 2011"), not in what the sentence goes on to say of it.
        if any(a.area in ("children in care", "children in care and care leavers")
               for a in find_areas(text, index.sentence_at(date.start)[0], date.start)):
            return False
    return True


def _own_dated(fact: Fact, period: tuple[int | None, int | None]) -> bool:
    """Whether the rules dated the judgement to the document's own inspection."""
    year, month = fact.get("year"), fact.get("month")
    return period[0] is not None and (
        fact.get("date_source") == "subject" or (year, month) == period or (year == period[0] and not month)
    )


def _first_page_headline(facts: list[Fact], period: tuple[int | None, int | None]) -> list[Fact]:
    """A document with no table or headline row (an annual performance assessment letter) states its
    overall grade in a sentence on its first page: "Overall, the council delivers services ... that are
    judged to be good." The first such judgement of its own inspection weighs as its headline."""
    for i, fact in enumerate(facts):
        if fact.type != "judgement" or fact.span[0] > _FIRST_PAGE:
            continue
        if fact.get("area") == "overall" and _own_dated(fact, period):
            facts[i] = Fact(fact.type, fact.span, {**fact.fields, "evidence": "headline"})
            break
    return facts


def _other_provider(index, text: str, fact: Fact, s_start: int, start: int) -> bool:
    """Whether the rating is said of a home, school or agency, here or in the sentence its date came from."""
    if _PROVIDER.search(text, s_start, start):
        return True
    if index.dates_in(s_start, index.sentence_at(start)[1]):
        return False
    previous = index.previous_sentence(s_start)
    # "The previous inspection of the fostering service was in March 2013. The local authority was judged ..."
    return previous is not None and bool(_PROVIDER.search(text, *previous))


def _practice_subject(text: str, c_start: int, start: int) -> bool:
    """Whether the clause's subject is practice ("placement stability for children in care is good").

    The practice word must come before any area the clause names: "services for
    children in care are good" grades a service, "the quality of health provision
    for children in care is poor" does not.
    """
    for opener in _SUBCLAUSE.finditer(text, c_start, start):
        c_start = opener.end()
    practice = _PRACTICE.search(text, c_start, start)
    if practice is None:
        return False
    areas = find_areas(text, c_start, start)
    return not areas or practice.start() < areas[0].start


def _earlier(fact: Fact, sentence: str, own_year: int) -> Fact | None:
    """An earlier inspection's grade the rules dated to this one: moved to the one earlier year named, else dropped."""
    years = {(d.year, None if _PUBLISHED_BEFORE.search(sentence, 0, d.start) else d.month)
             for d in find_dates(sentence) if d.year and d.year < own_year}
    if len({y for y, _ in years}) != 1:
        return None
    year, month = min(years, key=lambda ym: ym[1] or 0) if len(years) > 1 else next(iter(years))
    return _dated(fact, year, month)


def _dated(fact: Fact, year: int, month: int | None) -> Fact:
    """The judgement moved to an earlier inspection's year (and month, if known), in that year's regime."""
    era = era_for(year, fact.get("rating_text"), month)
    regime = get_era(era)
    return Fact(fact.type, fact.span, {
        **fact.fields, "year": year, "month": month, "day": None, "precision": "month" if month else "year",
        "date_source": "text", "era": era, "event_type": regime.event_type if regime else fact.get("event_type"),
    })
