"""Inspections: mentions of one specific Ofsted inspection or visit.

A mention names an inspection ("focused visit", "unannounced Ofsted
inspection", "progress report", "Inspectors visited", "was inspected") and is
emitted as an "inspection" fact only when it is specific:

* it carries its own date: a date after it in the sentence ("the last
  judgement inspection in February 2023", "The inspection, which took place in
  August") or just before it ("In February 2023, inspectors visited"); or
* it is the inspection the document itself reports (``subject`` True): marked
  by "this visit", "the latest inspection", "the findings of the focused
  visit", a verb of finding after it ("an unannounced inspection has found",
  "took place"), a heading line ("Focused visit to X"), or the report label
  "Inspection dates:". When no mention is marked, the first unmarked one is
  the document's ("Inspectors visited the borough in February 2023").

Mentions marked "last", "previous", "earlier" or "since the ..." are historical
(``subject`` False) and kept only when dated. Generic and future mentions are
never facts: "every council receives an annual unannounced inspection", "the
next inspection", "Ofsted will carry out a monitoring visit", "the ILACS
framework", "inspection judgements".

All mentions of the document's own inspection form one group: it takes the
most specific type any of them names ("The inspection, which took place in
August" in a story about an unannounced inspection is that unannounced
inspection) and the date one of them prints, else the publication date
(``date_source`` "published"). A month without a year ("The inspection, which
took place in August") takes its year from the document's date where known.
Inspectors and the lead inspector are read from "His Majesty's Inspectors for
this visit were A and B", "Lead inspector: X" and the signature above "His
Majesty's Inspector", and belong to the document's own inspection.

Besides the fields in ``FACT_FIELDS``, each fact carries ``subject`` and
``date_source`` ("text", "subject", "published" or None).
``subject_inspection`` returns the group as one fact (or None), for the
judgement rule to date ratings that report the document's inspection.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from importers.extract.clauses import TextIndex, index_for, other_event_date, published_fields, resolved_fields
from importers.extract.dates import DateMention, month_number
from importers.extract.people import INSPECTOR_ABBREVIATIONS, INSPECTOR_RANK
from importers.extract.scan import matches_at_cues
from importers.model import Fact

__all__ = ["GRADED_TYPES", "INSPECTION_TYPES", "extract", "subject_inspection"]

INSPECTION_TYPES = (
    "inspection", "standard inspection", "short inspection", "focused visit",
    "monitoring visit", "unannounced inspection", "progress report",
    "joint targeted area inspection", "annual performance assessment", "review",
)
# Types whose report awards graded judgements (a rating in a document about a
# focused visit is about an earlier inspection, not the visit).
GRADED_TYPES = frozenset(
    {"inspection", "standard inspection", "short inspection", "annual performance assessment", "review"}
)

_PREFIX = (
    r"(?:(?:full|judge?ment|graded|ILACS|SIF|Ofsted(?:['’]s)?|(?:\w{1,6}-(?:day|week)|week-long)|"
    r"(?:the[ \t]+)?single[ \t]+inspection[ \t]+framework[ \t]*(?:\(SIF\)[ \t]*)?|"
    r"safeguarding[ \t]+and[ \t]+looked[ \t-]+after[ \t]+children|children['’]s[ \t]+services)[ \t]+)*"
)
# (pattern, type): the first alternative to match at a position wins, so the
# specific names come before the bare "inspection". None is a bare "this
# visit", whose type is that of the document's inspection.
_MENTIONS: tuple[tuple[str, str | None], ...] = (
    # The plural is read only before a list of dates (``_listed_dates``).
    # The 2020-21 "assurance visits" ("the focused assurance visit in 2021") were ILACS focused visits.
    (r"(?:focused\s+)?assurance\s+visits?|focused\s+visits?", "focused visit"),
    (r"monitoring\s+visits?", "monitoring visit"),
    (r"joint\s+(?:targeted\s+area|area\s+targeted)\s+inspection(?:\s*\(JTAI\))?|\bJTAI\b",
     "joint targeted area inspection"),
    # Typos are common enough in local news ("unnaounced") to tolerate one.
    (r"un[a-z]{1,4}unced\s+(?:(?:Ofsted|\w{1,6}-(?:day|week)|week-long)\s+)*(?:inspection|visit)",
     "unannounced inspection"),
    (r"(?:Ofsted['’]s\s+)?progress\s+report", "progress report"),
    (r"annual\s+performance\s+assessment|\bAPA\b", "annual performance assessment"),
    (r"joint\s+area\s+review|review\s+of\s+the\s+(?:effectiveness\s+of\s+the\s+)?"
     r"(?:local\s+safeguarding\s+children\s+board|LSCB)", "review"),
    (r"short\s+inspection", "short inspection"),
    (r"standard\s+inspection", "standard inspection"),
    (rf"{_PREFIX}(?:re-?)?inspection(?:\s+report)?", "inspection"),
    (r"(?:Ofsted\s+)?inspectors(?:,?\s+(?:who|that))?\s+(?:visited|returned\s+to|went\s+into|spent)", "inspection"),
    # "Ofsted inspected the council in November": the active voice of "was inspected".
    (r"(?:Ofsted|inspectors)\s+(?:(?:last|previously|recently|first)\s+)?(?:re-?)?inspected", "inspection"),
    (r"(?:was|were|been)\s+(?:(?:last|previously|recently|first)\s+)?inspected", "inspection"),
    (r"(?:this|the|that)\s+(?:\w{1,6}-day\s+)?visit", None),
)
_MENTION_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_MENTIONS)) + r")(?![\w-])",
    re.IGNORECASE,
)
_TYPE_BY_GROUP = {f"m{i}": kind for i, (_, kind) in enumerate(_MENTIONS)}
# Every mention holds one of these words. Finding them first, with a pattern
# that opens on a character class, and reading the full pattern only around
# them is many times faster than running the full pattern over the text.
_ANCHOR_RE = re.compile(
    r"[ivpraj](?<![\w-].)(?:nspect|isit|rogress\s+report|eview\s+of\s+the|rea\s+review|"
    r"nnual\s+performance|PA\b|TAI\b)",
    re.IGNORECASE,
)
# An anchor is one of these letters and then one of these words (lower case,
# see ``importers.extract.scan``): the letters are common, the words less so.
_ANCHOR_FIRST = "ivpraj"
_ANCHOR_CUES = ("nspect", "isit", "rogress", "eview", "rea", "nnual", "pa", "tai")
_ANCHOR_REACH = 80
_WORDS_BEFORE_ANCHOR = 7  # "the single inspection framework (SIF) inspection"
_WORD_START = re.compile(r"[^\W_](?<![\w'’-].)")

# The inspection regime or its parts, not one inspection.
_NOT_ONE_INSPECTION_AFTER = re.compile(
    r"\s*(?:\([A-Z]{2,6}\)\s*)?(?:frameworks?|judge?ments?|regimes?|system|handbook|methodology|"
    r"guidance|team|programme|cycle|criteria|outcomes|history|arrangements|activity|process|"
    r"schedule|policy|reports\b|of\s+local\s+authority\s+children['’]s\s+services(?:\s*\(ILACS\))?"
    r"\s*framework)\b",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(
    r"\b(?:every|each|all|any|no|next|future|upcoming|forthcoming|planned|expect(?:s|ed)?|"
    r"ahead\s+of|prepar(?:e|es|ing)\s+for|readiness\s+for)\b",
    re.IGNORECASE,
)
_HISTORICAL_BEFORE = re.compile(
    r"\b(?:last(?!\s+(?:week|month|year|autumn|spring|summer|winter)\b)|previous|previously|prior|"
    r"earlier|former|past|since|had|original"
    # A change is told from the earlier inspection: "a downgrading from a similar 2017 inspection".
    r"|(?:up|down|upgrad(?:e|ed|ing)|downgrad(?:e|ed|ing)|improvement|decline|fall|drop|move[ds]?)\s+from"
    # ... or after it: "The rating is a major upgrade after a 2019 inspection found ...".
    r"|(?:upgrad(?:e|ed|ing)|downgrad(?:e|ed|ing))\s+after)\b",
    re.IGNORECASE,
)
_REPORTED_THAT = re.compile(
    r"\b(?:noted|reported|heard|told|informed|advised|explained|confirmed|said)\s+(?:\w+\s+){0,3}?that\b",
    re.IGNORECASE,
)
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:this|these|latest|most\s+recent|new|recent|current|today['’]s|this\s+week['’]s|"
    r"last\s+week['’]s)|\bfindings\s+(?:of|from)\s+(?:the|this|its|Ofsted['’]s)"
    # The report a story or an agenda item is about: "its report of a September inspection",
    # "To consider the report of an Ofsted inspection of ...", "the Ofsted Report on the Inspection of".
    r"|\breport\s+(?:of|on|into)\s+(?:the|a|an|its|Ofsted['’]s))"
    r"(?:\s+[\w'’-]+){0,2}\s*$",
    re.IGNORECASE,
)
# "Ofsted's latest inspection", "the most recent inspection" (not "this inspection", which a
# report says of itself throughout, nor a provider's "most recent Ofsted inspection").
_LATEST_BEFORE = re.compile(r"\b(?:latest|most\s+recent)(?:\s+[\w'’-]+){0,2}\s*$", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?[^.;:!?\n]{0,60}?\b(?:(?:has|have)\s+)?(?:found|finds|rated|judged|"
    r"graded|says|said|reveals|revealed|concluded|concludes|praised|highlighted|noted|identified|"
    r"recognised|recognized|shows|showed|took\s+place|was\s+carried\s+out|was\s+conducted)\b",
    re.IGNORECASE,
)
# "Ofsted will carry out a monitoring visit", "An inspection will take place":
# not yet an event.
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|could|(?-i:may)|might|going\s+to|plan\w*\s+to|intend\w*\s+to|expect\w*\s+to)\b"
    r"[^.;:!?]{0,40}\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"[^.;:!?\n]{0,30}?\b(?:will|would|is\s+due|is\s+expected|is\s+planned|could)\b", re.IGNORECASE
)
_LABEL_AFTER = re.compile(r"\s+dates?\s*:", re.IGNORECASE)
_HEADING_LINE_MAX = 120
_TERMINAL = ".!?\"”’'"

_OTHER_EVENT_BETWEEN = re.compile(
    r"[;]|\b(?:since|until|after|before|when|while|because|judged|rated|graded|published|following)\b",
    re.IGNORECASE,
)
# "focused visit to Haringey", "inspection of Kent's children's services"
_TO_AUTHORITY = re.compile(r"\s+(?:(?:to|of|in|at|into)\s+)?(?:the\s+)?(?:[\w'’]+\s+){0,2}")
_OPENING_ADVERBIAL = re.compile(r"[\W_]*(?:In|On|Between|During|From|Over)\s+")
_FOLLOWING_DATE_WINDOW = 140
_PRECEDING_DATE_WINDOW = 60

# A title after the name, perhaps after a rank, opens its role ("Sarah Urding HMI", "Marie
# McGuinness Senior HMI", "Nick Veysey SCRI", "Nick Stacy AI"): never part of the name.
_TITLE_AFTER = rf"(?:{INSPECTOR_RANK}|{INSPECTOR_ABBREVIATIONS}\b)"
_NAME = rf"(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?[ \t]+)?[A-Z][A-Za-z'’-]+(?:[ \t]+(?!{_TITLE_AFTER})[A-Z][A-Za-z'’-]+){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*(?:[ \t]*,?[ \t]+and[ \t]+{_NAME})?)"
# Each opens on a character class, which the regex engine scans for fast.
_INSPECTORS_RE = re.compile(
    rf"[Ii]nspectors(?:\s+for\s+this\s+(?:visit|inspection))?\s+(?:were|are)\s+{_NAMES}"
)
_TEAM_RE = re.compile(rf"[Ii]nspectors?\s*:\s*{_NAMES}")
_TEAM_BEFORE = re.compile(r"(?:[Dd]eputy\s+lead|Team|Social\s+care)\s+$")
_LEAD_RE = re.compile(
    rf"[Ll]ead\s+(?:social\s+care\s+)?inspector\s*:\s*(?P<name>{_NAME})"
    rf"|[Ii]nspector\s+for\s+this\s+(?:visit|inspection)\s+was\s+(?P<single>{_NAME})"
)
# A signature: the name on the line above "His Majesty's Inspector".
_SIGNATURE_TITLE_RE = re.compile(r"Majesty['’]s\s+Inspector\b(?!s)")
_SIGNATURE_NAME_RE = re.compile(
    rf"(?:^|\n)[^\w\n]*(?P<name>{_NAME})[^\w\n]*\n[^\w\n]*(?:His|Her)\s+$"
)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A job title listed between the names ("A, Her Majesty's Inspector, and B,
# Ofsted Inspector"): capitalised like a name, but no one's name.
_TITLE_NOT_NAME = re.compile(r"\b(?:Majesty['’]s|Inspectors?|HMI|Ofsted|Regulatory|Senior)\b")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    kind: str | None
    status: str  # "subject", "historical" or "neutral"
    date: DateMention | None
    authority: str | None
    latest: bool = False  # dated and marked as the latest: "Ofsted's latest inspection ... from 28 June"
    # A plural's list of dates, one visit each ("focused visits in January and December 2019").
    listed: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class _Analysis:
    text: str
    mentions: tuple[_Mention, ...]
    subject: tuple[_Mention, ...]  # the document's own inspection, in text order
    subject_authority: str | None
    subject_kind: str | None
    subject_date: DateMention | None
    inspectors: tuple[str, ...]
    lead_inspector: str | None


def extract(text: str, ctx=None) -> list[Fact]:
    """One "inspection" fact per specific mention (see the module notes)."""
    if not isinstance(text, str) or not text.strip():
        return []
    analysis = _analyse(text)
    facts = []
    subject_spans = {(m.start, m.end) for m in analysis.subject}
    for mention in analysis.mentions:
        if mention.listed:
            # Each visit of the list is one fact, spanning the mention to its own date.
            facts += [_fact(dataclasses.replace(mention, end=date.end, date=date), analysis, ctx, subject=False)
                      for date in mention.listed]
        elif (mention.start, mention.end) in subject_spans:
            facts.append(_fact(mention, analysis, ctx, subject=True))
        elif mention.date is not None and mention.kind is not None:
            facts.append(_fact(mention, analysis, ctx, subject=False))
    return facts


def subject_inspection(text: str, ctx=None) -> Fact | None:
    """The inspection the document reports, all its mentions merged, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    analysis = _analyse(text)
    if not analysis.subject or _background(analysis, ctx):
        return None
    # The date of a mention marked as the document's own wins over one that joined it
    # unmarked: "The inspection which took place from 4-22 July this year" over "The
    # inspection has given ... a lower rating than the previous judgement by Ofsted in 2019".
    dated = [m for m in analysis.subject if m.date is not None]
    chosen = next((m for m in dated if m.latest), None) or next((m for m in dated if m.status == "subject"), None)
    chosen = chosen or next(iter(dated), None)
    chosen = chosen or next((m for m in analysis.subject if m.kind == analysis.subject_kind), None)
    return _fact(chosen or analysis.subject[0], analysis, ctx, subject=True)


def _background(analysis: _Analysis, ctx) -> bool:
    """Whether the inspection taken for the document's own, for want of a marked one, is
    one the text tells as background: a dated document's news is not an inspection two
    or more years older than it ("The authority was rated inadequate after an inspection
    in 2016" in a story of 2024 recalls that inspection)."""
    published = published_fields(ctx)
    if published is None or any(m.status == "subject" for m in analysis.subject):
        return False
    dated = next((m.date for m in analysis.subject if m.date is not None), None)
    year = resolved_fields(index_for(analysis.text), dated, ctx)["year"] if dated is not None else None
    return year is not None and year < published["year"] - 1


def _fact(mention: _Mention, analysis: _Analysis, ctx, subject: bool) -> Fact:
    kind = mention.kind
    date, source = mention.date, "text" if mention.date is not None else None
    authority = mention.authority
    if subject:
        authority = authority or analysis.subject_authority
        if kind in (None, "inspection") and analysis.subject_kind:
            kind = analysis.subject_kind
        # The head's type wins over the body's mentions: an ILACS report's "through a
        # recent focused visit" tells an earlier visit, and a report typed as that visit
        # left its own headline grades undated (a visit's letter grades nothing).
        kind = getattr(ctx, "inspection_type", None) or kind
        if date is None and analysis.subject_date is not None:
            date, source = analysis.subject_date, "subject"
    fields = {
        "authority": authority or getattr(ctx, "authority", None),
        "inspection_type": kind or "inspection",
        "year": None, "month": None, "day": None, "precision": None,
        "end_year": None, "end_month": None, "end_day": None,
        "inspectors": list(analysis.inspectors) if subject else [],
        "lead_inspector": analysis.lead_inspector if subject else None,
        "subject": subject,
        "date_source": source,
    }
    if date is not None:
        fields.update(
            resolved_fields(index_for(analysis.text), date, ctx),
            end_year=date.end_year, end_month=date.end_month, end_day=date.end_day,
        )
    elif subject:
        published = published_fields(ctx)
        if published:
            fields.update(published, date_source="published")
    return Fact("inspection", (mention.start, mention.end), fields)


# --- reading the mentions ----------------------------------------------------------


@lru_cache(maxsize=8)
def _analyse(text: str) -> _Analysis:
    index = index_for(text)
    matches = _mention_matches(text)
    starts = [match.start() for match in matches]
    mentions = [m for m in (_read(index, match, starts) for match in matches) if m]
    subject, kind, date = _subject_group(mentions)
    authority = next((m.authority for m in subject if m.authority), None)
    inspectors, lead = _inspectors(text)
    return _Analysis(text, tuple(mentions), tuple(subject), authority, kind, date, inspectors, lead)


def _mention_matches(text: str) -> list[re.Match[str]]:
    """The mentions in ``text``, as ``_MENTION_RE.finditer`` would find them."""
    found: list[re.Match[str]] = []
    covered = 0
    for anchor in matches_at_cues(_ANCHOR_RE, text, _ANCHOR_CUES, first=_ANCHOR_FIRST):
        if anchor.start() < covered:
            continue
        # The mention starts at one of the words just before its anchor word.
        words = list(_WORD_START.finditer(text, max(covered, anchor.start() - _ANCHOR_REACH), anchor.start() + 1))
        for word in words[-_WORDS_BEFORE_ANCHOR - 1:]:
            match = _MENTION_RE.match(text, word.start())
            if match is not None and anchor.start() < match.end():
                found.append(match)
                covered = match.end()
                break
    return found


def _read(index: TextIndex, match: re.Match[str], starts: list[int]) -> _Mention | None:
    """What one mention says; ``starts`` are where all the document's mentions start."""
    text = index.text
    start, end = match.span()
    kind = _TYPE_BY_GROUP[match.lastgroup]
    if _NOT_ONE_INSPECTION_AFTER.match(text, end) and not _LABEL_AFTER.match(text, end):
        return None
    if text[end - 1] in "sS" and kind in _PLURAL_KINDS:
        # Several visits are never the document's own: only their dates are news.
        listed = _listed_dates(text, end)
        if not listed:
            return None
        return _Mention(start, end, kind, "historical", listed[0],
                        _authority(index, start, end, *index.sentence_at(start)), listed=listed)
    s_start, s_end = index.sentence_at(start)
    before = text[max(index.clause_at(start)[0], start - 60):start]
    if _GENERIC_BEFORE.search(before) or _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(text, end, s_end):
        return None
    # "were last inspected": the marker may sit inside the mention.
    markers = {m.group().lower() for m in _HISTORICAL_BEFORE.finditer(before)}
    markers.update(m.group().lower() for m in _HISTORICAL_BEFORE.finditer(text, start, end))
    # Reported speech shifts tenses back ("The Committee noted that Ofsted had
    # judged ... following the inspection"): there "had" is no earlier event.
    if markers == {"had"} and _REPORTED_THAT.search(text, s_start, start):
        markers.clear()
    historical = bool(markers)
    if historical:
        status = "historical"
    elif (
        _SUBJECT_BEFORE.search(text, max(s_start, start - 60), start)
        or _SUBJECT_AFTER.match(text, end, s_end)
        or _LABEL_AFTER.match(text, end)
        or _heading_line(text, start, end)
    ):
        status = "subject"
    else:
        status = "neutral"
    date = _governing_date(index, (start, end), starts)
    # Only a mention dated in its own right leads ("two years before this inspection" counts back).
    latest = (status == "subject" and date is not None and date.relative is None
              and bool(_LATEST_BEFORE.search(text, max(s_start, start - 60), start)))
    return _Mention(start, end, kind, status, date, _authority(index, start, end, s_start, s_end), latest)


_PLURAL_KINDS = frozenset({"focused visit", "monitoring visit"})
# A list of months after a plural visit, the year said once for the months before it or
# with each: "focused visits in January and December 2019", "in October 2022 and January
# 2024", "monitoring visits in June, September and December 2021".
_LIST_ITEM = r"[A-Z][a-z]{2,8}\.?(?:\s+(?:19|20)\d\d)?"
_LISTED_AFTER = re.compile(
    rf"\s+(?:in|during)\s+(?P<items>{_LIST_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LIST_ITEM})+)"
)
_ITEM_RE = re.compile(r"(?P<month>[A-Z][a-z]{2,8}\.?)(?:\s+(?P<year>(?:19|20)\d\d))?")


def _listed_dates(text: str, end: int) -> tuple[DateMention, ...]:
    """The months listed after a plural mention, each with the year said after it; () if not a list of months."""
    found = _LISTED_AFTER.match(text, end)
    if found is None:
        return ()
    items = list(_ITEM_RE.finditer(text, found.start("items"), found.end("items")))
    if any(month_number(item["month"]) is None for item in items) or not items[-1]["year"]:
        return ()
    dates, year = [], None
    for item in reversed(items):
        year = int(item["year"]) if item["year"] else year
        dates.append(DateMention(item.start(), item.end(), year, month_number(item["month"]), None, "month",
                                 item.group()))
    return tuple(reversed(dates))


def _heading_line(text: str, start: int, end: int) -> bool:
    """A mention opening a short line without a full stop is a title."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t*#•-"):
        return False
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    return len(line) <= _HEADING_LINE_MAX and not line.endswith(tuple(_TERMINAL))


def _governing_date(index: TextIndex, span: tuple[int, int], starts: list[int]) -> DateMention | None:
    """The date after the mention in its sentence, else the one just before it."""
    text = index.text
    start, end = span
    s_start, s_end = index.sentence_at(start)

    def mention_between(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    # A date standing just before the name is the mention's own: "a September inspection",
    # "the 2016 inspection", "its March 2019 visit".
    adjacent = [d for d in index.dates_in(max(s_start, start - _PRECEDING_DATE_WINDOW), start)
                if not text[d.end:start].strip() and not other_event_date(text, d)]
    if adjacent:
        return adjacent[-1]
    following = [
        d for d in index.dates_in(end, min(s_end, end + _FOLLOWING_DATE_WINDOW))
        if not other_event_date(text, d)
    ]
    if following:
        stop = following[0].start
        # A date past another inspection's name, or in a clause of its own
        # ("the third visit since the authority was judged inadequate in
        # September 2018"), is another event's.
        if not mention_between(end, stop) and not _OTHER_EVENT_BETWEEN.search(text, end, stop):
            return following[0]
    preceding = [
        d for d in index.dates_in(max(s_start, start - _PRECEDING_DATE_WINDOW), start)
        if not other_event_date(text, d)
    ]
    if preceding and not mention_between(preceding[-1].end, start):
        return preceding[-1]
    # An opening adverbial dates its whole sentence, however long the subject:
    # "Between 26 and 30 March 2018, Ofsted, the CQC, HMICFRS and HMIP carried
    # out a joint inspection".
    opening = _OPENING_ADVERBIAL.match(text, s_start, start)
    if opening is not None:
        first = index.dates_in(opening.end(), start)
        if (
            first and first[0].start == opening.end() and text.startswith(",", first[0].end)
            and not other_event_date(text, first[0]) and not mention_between(first[0].end, start)
        ):
            return first[0]
    return None


def _authority(index: TextIndex, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The council named just after the mention, else before it in its sentence."""
    after = index.authorities_in(end, min(s_end, end + 60))
    if after and _TO_AUTHORITY.fullmatch(index.text, end, after[0][0]):
        return after[0][2]
    before = index.authorities_in(s_start, start)
    if before:
        return before[-1][2]
    return after[0][2] if after else None


def _subject_group(mentions: list[_Mention]) -> tuple[list[_Mention], str | None, DateMention | None]:
    """The mentions of the document's own inspection, its type and its date.

    The mentions marked as the document's own form the group (else the first
    unmarked one does); unmarked mentions join when their type and date fit.
    """
    # A mention marked as the latest leads, where mentions marked as the document's own
    # disagree on the date: "A focused visit last year ... found" and "Ofsted's latest
    # inspection at Sunderland, from 28 June and 9 July this year" report the inspection.
    group = sorted((m for m in mentions if m.status == "subject"), key=lambda m: not m.latest)
    marked = bool(group)
    neutral = [m for m in mentions if m.status == "neutral"]
    if not group and neutral:
        group = [neutral.pop(0)]
    if not group:
        return [], None, None
    date = next((m.date for m in group if m.date is not None), None)
    # Dated subject mentions that disagree with the first date are other inspections, and
    # their type is theirs: "An inspection carried out ... in September found ..." is not
    # the "joint targeted area inspection carried out last July" the story goes on to.
    group = [m for m in group if _fits_date(m, date)]
    # The latest-marked mention's own type, where it names one, is the document's.
    kind = group[0].kind if group and group[0].latest and group[0].kind else _specific_kind(group)
    # A type also named for a past or differently dated inspection ("since
    # the JTAI in December 2017 ... the JTAI") names that one, not this.
    elsewhere = {m.kind for m in mentions if m.status == "historical" or not _fits_date(m, date)}
    for mention in neutral:
        if not (_fits_date(mention, date) and _fits_kind(mention.kind, kind, elsewhere)):
            continue
        if marked and mention.date is not None and mention.kind not in (None, "inspection", kind):
            # "problems recognised in a 2008 joint area review, according to ... its report of
            # a September inspection": a regime named with its own date beside the inspection
            # the text marks as its own is another event.
            continue
        group.append(mention)
        if kind in (None, "inspection") and mention.kind not in (None, kind):
            kind = mention.kind
        date = date or mention.date
    group.sort(key=lambda m: m.start)
    if kind is None:
        # A bare "this visit" names no type of its own.
        group = [m for m in group if m.kind is not None]
    return group, kind, date


def _fits_date(mention: _Mention, date: DateMention | None) -> bool:
    return mention.date is None or date is None or _same_event(mention.date, date)


def _fits_kind(kind: str | None, group_kind: str | None, elsewhere: set[str | None]) -> bool:
    if kind in (None, "inspection"):
        return True
    if group_kind not in (None, "inspection"):
        return kind == group_kind
    return kind not in elsewhere


def _specific_kind(mentions: list[_Mention]) -> str | None:
    kinds = [m.kind for m in mentions if m.kind is not None]
    return next((k for k in kinds if k != "inspection"), kinds[0] if kinds else None)


def _same_event(a: DateMention, b: DateMention) -> bool:
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return a.month is None or b.month is None or a.month == b.month or (
        b.end_month is not None and a.month == b.end_month
    )


def _inspectors(text: str) -> tuple[tuple[str, ...], str | None]:
    """The names of the inspectors and of the lead inspector, as printed."""
    if "nspector" not in text:
        return (), None
    names: list[str] = []
    lead = None
    for match in matches_at_cues(_LEAD_RE, text, ("lead", "inspector")):
        lead = lead or match["name"] or match["single"]
    for match in matches_at_cues(_INSPECTORS_RE, text, ("inspectors",)):
        names.extend(_NAME_SPLIT.split(match["names"]))
    team = (
        m for m in matches_at_cues(_TEAM_RE, text, ("inspector",))
        if _TEAM_BEFORE.search(text, max(0, m.start() - 20), m.start())
    )
    for match in team:
        names.extend(_NAME_SPLIT.split(match["names"]))
    if lead is None:
        for title in _SIGNATURE_TITLE_RE.finditer(text):
            signature = _SIGNATURE_NAME_RE.search(text, max(0, title.start() - 90), title.start())
            if signature:
                lead = signature["name"]
                break
    if lead:
        names.insert(0, lead)
    unique = tuple(dict.fromkeys(
        n.strip() for n in names if n.strip() and not _TITLE_NOT_NAME.search(n)
    ))
    return unique, lead
