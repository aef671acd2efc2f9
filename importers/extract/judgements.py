"""Judgements: Ofsted's ratings of a council's children's services, as stated in text.

Which rating words are judgements is decided in ``importers.extract.judging``
(a rating in a judging context: "rated good", "a 'good' rating", "Overall
effectiveness: Good" ... but not "good progress" or "could be rated
inadequate"). This module says what each judgement states; the span covers
exactly the rating words as written ("require improvement to be good",
"performs well").

Date: from the rating's own clause (the date following the rating first,
"'adequate' in 2011", one judgement per date of a list, "rated inadequate in
2013, 2016 and 2019"; else the one before it in the clause), else from an
opening adverbial of the sentence ("In 2018, inspectors judged ...") or the
clause it hangs on (", when it was judged ..."), else from a past inspection
dated in the sentence before ("The previous inspection ... was in February
2011. The local authority was judged to be adequate."); all ``date_source``
"text". Dates of other events are never taken: "published on ...", "since
2008", a date in an unrelated sentence. A rating with no date of its own that
reports the document's inspection takes that inspection's date ("subject",
see ``inspections.subject_inspection``), else the publication date
("published"). A rating marked as past ("previously", "at its last
inspection", "up from", "three years after it was judged") stays undated
(``date_source`` None) unless it is "now" the rating, as does one in a letter
about an ungraded visit, which recalls an earlier inspection. A month without
a year keeps ``year`` None: the year is never guessed.

Area: a label's area; "rating for the experiences and progress of children in
care"; an "including ..." list (one judgement per area named); the subject
before the rating, with the list it ends ("Help and protection and care
leavers were judged good"); "good overall". The council or its services mean
"overall", and so does a rating said of nothing narrower; a partial cover
("good in almost all categories") that names no area gives None.

Council: the one named nearest before the rating in its sentence, one
judgement per council of a list ("Kent, Surrey and Essex were rated good"),
else the one named after it in its clause, else the document's.

Era and event type come from ``importers.vocabulary.era_for``: "annual rating"
for the 2009-11 "performs well / poorly" regime, else "inspection".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from importers.extract.clauses import TextIndex, index_for, published_fields
from importers.extract.dates import DateMention
from importers.extract.inspections import GRADED_TYPES, subject_inspection
from importers.extract.judging import RATING_CUES, RATING_RE, Cue, judging_cue
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import era_for, find_areas, get_era, grade_of, normalise_rating

__all__ = ["extract"]

_HISTORICAL = re.compile(
    r"\b(?:previous(?:ly)?|prior|last(?!\s+(?:week|month|year|autumn|spring|summer|winter)\b)|"
    r"former(?:ly)?|earlier|had|used\s+to|in\s+the\s+past|up\s+from|down\s+from|ago)\b",
    re.IGNORECASE,
)
# Before the rating only (after it, "rated good after an inspection in March"
# is the new rating): "before it was judged", "three years after they were
# judged inadequate"; a bare "after" only when the sentence is dated before it
# ("The trust was created in 2018 after services were found inadequate"), as
# "Ofsted praised the council after it was rated outstanding" is news.
_HISTORICAL_BEFORE = re.compile(
    r"\b(?:before|since|(?:years?|months?|weeks?|decades?|days?|long)\s+after)\b", re.IGNORECASE
)
_AFTER = re.compile(r"\b(?<!looked )(?<!looked-)after\b", re.IGNORECASE)
# "now inadequate", "currently rated": the present, whatever tense reports it.
_NOW = re.compile(r"\b(?:now|currently)\b", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
_REPORTED_THAT = re.compile(
    r"\b(?:noted|reported|heard|told|informed|advised|explained|confirmed)\s+(?:\w+\s+){0,3}?that\b",
    re.IGNORECASE,
)
# A conjunction between a date and a rating: the date is the other clause's.
_CONJUNCTION = re.compile(r"\b(?:after|before|because|until|since|although|though|while|once)\b", re.IGNORECASE)
# "rated inadequate in 2013, 2016 and 2019", "in 2014 and again in 2016"
_DATE_LIST_GAP = re.compile(r"\s*(?:,\s*|\s+)(?:(?:and|&)\s+)?(?:again\s+)?(?:in\s+)?", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:now|new|latest|this|first|has|have)\b", re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit\w*|review|report|assessment)\b", re.IGNORECASE)
# Used with .match(text, pos): a clause that opens with these words.
_LINKING_CLAUSE = re.compile(r"\W*(?:when|where|at\s+which|after\s+which|following\s+which)\b", re.IGNORECASE)
_OPENING_ADVERBIAL = re.compile(r"\W*(?:in|at|on|during|between)\b", re.IGNORECASE)

_CQ = r"[\"'’”]?"
_AREA_AFTER = re.compile(
    rf"{_CQ}(?:\s+(?:overall\s+)?(?:rating|grade|judge?ment|label))?\s+(?:for|in|on|across)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?",
    re.IGNORECASE,
)
_INCLUDING = re.compile(
    r"\b(?:including|such\s+as|particularly|especially|namely|notably)\s+(?:for\s+|in\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_OVERALL_AFTER = re.compile(
    rf"{_CQ}\s+(?:overall|(?:in|across)\s+(?:all|every|each)\s+(?:areas?|categor(?:y|ies)|judge?ments?))\b",
    re.IGNORECASE,
)
_PARTIAL = re.compile(
    r"\b(?:almost|nearly|most|some|several|many|two|three|four|five|other)\s+(?:of\s+the\s+)?"
    r"(?:\w+\s+)?(?:categories|areas|judge?ments|aspects)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+|for\s+)?", re.IGNORECASE)
_AUTHORITY_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+)")
_LEAD_LIMIT = 160  # how far before a rating the words about it are read

_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|by|from|with|near)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Rating:
    """One rating word in a judging context, and where it sits."""

    index: TextIndex
    matches: list[re.Match[str]]  # every rating word of the text, in order
    starts: list[int]  # where each of them starts
    i: int  # which one this is
    cue: Cue
    sentence: tuple[int, int]

    @property
    def span(self) -> tuple[int, int]:
        return self.matches[self.i].span()

    @property
    def written(self) -> str:
        return self.matches[self.i].group()

    def neighbours(self, start: int, end: int) -> tuple[int, int]:
        """This rating's share of ``[start, end)``: up to the rating words either side."""
        before = self.matches[self.i - 1].end() if self.i > 0 else start
        after = self.matches[self.i + 1].start() if self.i + 1 < len(self.matches) else end
        return max(before, start), min(after, end)

    def rated_in(self, start: int, end: int) -> bool:
        """Whether another rating word starts in ``[start, end)``."""
        k = bisect.bisect_left(self.starts, start)
        if k == self.i:
            k += 1
        return k < len(self.starts) and self.starts[k] < end


def extract(text: str, ctx=None) -> list[Fact]:
    """One "judgement" fact per rating in a judging context, per council and area it names."""
    if not isinstance(text, str) or not text.strip():
        return []
    matches = matches_at_cues(RATING_RE, text, RATING_CUES)
    if not matches:
        return []
    index = index_for(text)
    starts = [match.start() for match in matches]
    facts: list[Fact] = []
    subject: list[Fact | None] = []  # looked up once, when first needed
    for i, match in enumerate(matches):
        cue = judging_cue(index, matches, i)
        if cue is None:
            continue
        if not subject:
            subject.append(subject_inspection(text, ctx))
        rating = _Rating(index, matches, starts, i, cue, index.sentence_at(match.start()))
        facts.extend(_facts(rating, ctx, subject[0]))
    return facts


def _facts(rating: _Rating, ctx, subject: Fact | None) -> list[Fact]:
    written = rating.written
    normalised = normalise_rating(written)
    named = _authorities(rating)
    authorities = named or [getattr(ctx, "authority", None)]
    areas = _areas(rating)
    # The document's own inspection dates only its own council's ratings: "In
    # Somerset, services remain rated requires improvement" in a story about
    # Cumbria's inspection is not from that inspection.
    own = (subject.get("authority") if subject is not None else None) or getattr(ctx, "authority", None)
    if named and own is not None and own not in named:
        subject = None
    facts = []
    for date, source in _dates(rating, ctx, subject):
        era = era_for(date["year"], written, date["month"])
        regime = get_era(era)
        if regime is not None:
            event_type = regime.event_type
        else:
            event_type = "annual rating" if normalised in ("excellent", "poor") else "inspection"
        facts.extend(
            Fact("judgement", rating.span, {
                "authority": authority,
                **date,
                "rating": normalised, "rating_text": written, "grade": grade_of(normalised),
                "area": area, "era": era, "event_type": event_type,
                "date_source": source,
                "evidence": "text",
            })
            for authority in authorities
            for area in areas
        )
    return facts


# --- date -------------------------------------------------------------------------

_UNDATED = {"year": None, "month": None, "day": None, "precision": None}


def _dates(rating: _Rating, ctx, subject: Fact | None) -> list[tuple[dict, str | None]]:
    """The date (or, for "in 2013, 2016 and 2019", the dates) of a judgement, with its source."""
    index = rating.index
    text = index.text
    start, end = rating.span
    s_start, s_end = rating.sentence
    clauses = index.clauses(s_start, s_end)
    k = next((k for k, (a, b) in enumerate(clauses) if a <= start < b), 0)
    c_start, c_end = clauses[k]
    # Another rating in the same clause owns the dates on its side of this one.
    prev_rating, next_rating = rating.neighbours(c_start, c_end)
    # An annual rating was the publication itself: "its annual rating, published
    # in December 2009". An inspection's report is published weeks after it.
    annual = era_for(None, rating.written) == "annual-rating"
    dates = index.dates_in(s_start, s_end) if annual else index.event_dates_in(s_start, s_end)
    following = [d for d in dates if end <= d.start and d.end <= next_rating]
    if following:
        listed = [following[0]]
        for date in dates:
            if date.start >= listed[-1].end and _DATE_LIST_GAP.fullmatch(text, listed[-1].end, date.start):
                listed.append(date)
        return [(_fields(d), "text") for d in listed]
    preceding = [
        d for d in dates
        if prev_rating <= d.start and d.end <= start and not _CONJUNCTION.search(text, d.end, start)
    ]
    if preceding:
        return [(_fields(preceding[-1]), "text")]
    if k > 0:
        # ", when it was judged inadequate": the date of the clause it hangs on.
        if _LINKING_CLAUSE.match(text, c_start, c_end):
            earlier = [d for d in dates if d.end <= c_start]
            if earlier:
                return [(_fields(earlier[-1]), "text")]
        # "In 2018, inspectors judged ...", also after a colon ('The report
        # said: "In 2018, inspectors judged ...'): an opening adverbial.
        for j_start, j_end in reversed(clauses[:k]):
            if rating.rated_in(j_start, j_end):
                break
            opening = [d for d in dates if j_start <= d.start and d.end <= j_end]
            if opening and (
                _OPENING_ADVERBIAL.match(text, j_start, j_end) or _INSPECTION_WORD.search(text, j_start, j_end)
            ):
                return [(_fields(opening[0]), "text")]
    if _in_the_past(rating, prev_rating, next_rating):
        return [(dict(_UNDATED), None)]
    earlier_inspection = _past_inspection_before(index, s_start, start)
    if earlier_inspection is not None:
        return [(_fields(earlier_inspection), "text")]
    if subject is not None:
        if subject.get("inspection_type") not in GRADED_TYPES:
            return [(dict(_UNDATED), None)]  # a letter about a visit recalls an earlier judgement
        if subject.get("date_source") in ("text", "subject"):
            return [({key: subject.get(key) for key in _UNDATED}, "subject")]
    published = published_fields(ctx)
    return [(published, "published") if published else (dict(_UNDATED), None)]


def _in_the_past(rating: _Rating, lead_start: int, stop: int) -> bool:
    """Whether an undated rating is marked as earlier than the one the document reports.

    The markers are read between the rating and its neighbours in the clause:
    in "moved up from 'inadequate' to 'requires improvement'" the "from" is
    the first grade's.
    """
    text = rating.index.text
    start, end = rating.span
    if rating.cue.historical:
        return True  # the "from" grade of a change
    if _NOW.search(text, lead_start, start):
        return False
    before = text[lead_start:start]
    if rating.cue.kind == "change" or _REPORTED_THAT.search(text, rating.sentence[0], start):
        # Reported speech shifts tenses back: "Councillors heard the service had
        # moved up to 'requires improvement'", "The Committee noted that care
        # leavers had been judged requires improvement".
        before = _HAD.sub("", before)
    if _HISTORICAL.search(before) or _HISTORICAL_BEFORE.search(before) or _HISTORICAL.search(text, end, stop):
        return True
    after = _AFTER.search(text, lead_start, start)
    s_start = rating.sentence[0]
    return after is not None and bool(rating.index.dates_in(s_start, after.start()))


def _past_inspection_before(index: TextIndex, s_start: int, start: int) -> DateMention | None:
    """The date of "The previous inspection ... was in February 2011." before "It was judged ..."."""
    text = index.text
    lead_start = max(s_start, start - _LEAD_LIMIT)
    if _CURRENT.search(text, lead_start, start) or not _PAST_TENSE.search(text, lead_start, start):
        return None
    previous = index.previous_sentence(s_start)
    if previous is None:
        return None
    p_start, p_end = previous
    if not (_INSPECTION_WORD.search(text, p_start, p_end) and _HISTORICAL.search(text, p_start, p_end)):
        return None
    dates = index.event_dates_in(p_start, p_end)
    return dates[0] if len(dates) == 1 else None


def _fields(date: DateMention) -> dict:
    return {"year": date.year, "month": date.month, "day": date.day, "precision": date.precision}


# --- area -------------------------------------------------------------------------


def _areas(rating: _Rating) -> list[str | None]:
    if rating.cue.area is not None:
        return [rating.cue.area]
    text = rating.index.text
    start, end = rating.span
    region_start, region_end = rating.neighbours(*rating.sentence)
    # "rating for the experiences and progress of children in care"
    after = _AREA_AFTER.match(text, end, region_end)
    if after is not None:
        listed = _listed_areas(text, after.end(), region_end)
        if listed:
            return listed
    # "in almost all categories, including help and protection and care leavers"
    including = _INCLUDING.search(text, end, region_end)
    if including is not None:
        listed = _listed_areas(text, including.end(), region_end)
        if listed:
            return listed
    if _OVERALL_AFTER.match(text, end):
        return ["overall"]
    # The subject: the nearest area named before the rating, with its list.
    before = find_areas(text, region_start, start)
    if before:
        chosen = [before[-1]]
        for area in reversed(before[:-1]):
            if not _LIST_GAP.fullmatch(text, area.end, chosen[0].start):
                break
            chosen.insert(0, area)
        return list(dict.fromkeys(a.area for a in chosen))
    if _PARTIAL.search(text, region_start, region_end):
        return [None]
    return ["overall"]


def _listed_areas(text: str, pos: int, stop: int) -> list[str]:
    """The areas listed from ``pos``: "help and protection and care leavers"."""
    found: list[str] = []
    for area in find_areas(text, pos, stop):
        joined = _LIST_GAP.fullmatch(text, pos, area.start) if found else not text[pos:area.start].strip()
        if not joined:
            break
        found.append(area.area)
        pos = area.end
    return list(dict.fromkeys(found))


# --- council ----------------------------------------------------------------------


def _authorities(rating: _Rating) -> list[str]:
    """The councils the rating is said of: the nearest named before it, with its list."""
    index = rating.index
    text = index.text
    start, end = rating.span
    named = index.authorities_in(rating.sentence[0], start)
    # "Schools in Haringey were rated good" names a place, not the subject.
    before = [a for a in named if not _LOCATIVE.search(text, max(0, a[0] - 12), a[0])] or named
    if before:
        chosen = [before[-1]]
        for mention in reversed(before[:-1]):
            if not _AUTHORITY_LIST_GAP.fullmatch(text, mention[1], chosen[0][0]):
                break
            chosen.insert(0, mention)
        return list(dict.fromkeys(a[2] for a in chosen))
    after = index.authorities_in(end, index.clause_at(start)[1])
    return [after[0][2]] if after else []
