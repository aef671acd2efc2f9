"""Judgements: whether a rating is marked as earlier than the one a document reports, and
the dates a passage or the sentence before carries to it (``judgement_dates`` says when
each applies).
"""

from __future__ import annotations

import re

from importers.extract.clauses import TextIndex, published_fields
from importers.extract.dates import COUNT_WORDS, DateMention
from importers.extract.judgement_rating import (
    _EVENT_WORD, _INSPECTION_WORD, _LEAD_LIMIT, _PASSAGE_GAP, _PASSAGE_SENTENCES, _Rating,
)
from importers.model import Fact

# Words that place an event before the one a document reports ("the previous
# inspection", "formerly rated"); shared by the rating and passage rules.
_EARLIER_WORDS = r"previous(?:ly)?|prior|former(?:ly)?|earlier|preceding"
_HISTORICAL = re.compile(
    # ("the last two years", "last 12 months": a period up to now, not an earlier event)
    rf"\b(?:{_EARLIER_WORDS}|last(?!\s+(?:(?:\d+|two|three|four|five|six|few|couple\s+of)\s+)?"
    r"(?:weeks?|months?|years?|autumn|spring|summer|winter)\b)|"
    r"had|used\s+to|in\s+the\s+past|up\s+from|down\s+from|ago)\b",
    re.IGNORECASE,
)
# Before the rating only (after it, "rated good after an inspection in March"
# is the new rating): "before it was judged", "three years after they were
# judged inadequate"; a bare "after" only when the sentence is dated before it
# ("The trust was created in 2018 after services were found inadequate"), as
# "Ofsted praised the council after it was rated outstanding" is news.
_HISTORICAL_BEFORE = re.compile(
    # "has improved its Ofsted rating having spent seven years as 'inadequate'"
    r"\b(?:before|since|having|(?:years?|months?|weeks?|decades?|days?|long)\s+after)\b", re.IGNORECASE
)
_AFTER = re.compile(r"\b(?<!looked )(?<!looked-)after\b", re.IGNORECASE)
# "now inadequate", "currently rated": the present, whatever tense reports it.
_NOW = re.compile(r"\b(?:now|currently)\b", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
_REPORTED_THAT = re.compile(
    r"\b(?:noted|reported|heard|told|informed|advised|explained|confirmed)\s+(?:\w+\s+){0,3}?that\b",
    re.IGNORECASE,
)
_CURRENT = re.compile(r"\b(?:now|new|latest|this|first|has|have)\b", re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
# Between an event word and a date that is the old grade's: "upgraded the department's
# rating from the 'inadequate' awarded in 2013 and 2015, to 'requires improvement'" (and an
# earlier-marker there too: "a lower rating than the previous judgement by Ofsted in 2019").
_OLD_GRADE_BETWEEN = re.compile(
    rf"\b(?:from|since|{_EARLIER_WORDS}|last(?!\s+(?:week|month|year)\b))\b", re.IGNORECASE
)
# "have improved since the last inspection in 2017 and are now rated good": the date
# "since" looks back to is the earlier inspection's, not the grade's after it.
_SINCE_EARLIER = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:last|previous|earlier|prior|former)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:inspection|visit|judge?ment|rating|report|review)s?\s+(?:in|of|on|during|dated)\s+$",
    re.IGNORECASE,
)
# Before a date: the start of something else than an inspection ("introduced in 2013").
_BEGUN_BEFORE = re.compile(
    r"\b(?:introduced|launched|created|established|set\s+up|began|started|formed)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# A national figure a passage compares its news with is no date of the news: a clause whose
# subject is no council at all ("In 2007 no council was rated as inadequate overall"); the
# date a change is measured from is ``clauses.other_event_date``'s.
_NO_COUNCIL = re.compile(
    r"\b(?:no|not\s+(?:a\s+single|one))\s+(?:local\s+)?(?:councils?|authorit(?:y|ies)|LAs?)\b", re.IGNORECASE
)
# Before such a word or its date: an earlier event than the one the passage reports.
# (a grade's name between, quoted or not: "the previous 'requires Improvement' judgement")
_EARLIER_EVENT = re.compile(
    rf"\b(?:{_EARLIER_WORDS}|last|since|before)\b(?:\s+[\"'‘“]?\w+[\"'’”]?){{0,3}}\s*$", re.IGNORECASE
)
_EARLIER_OR_PERFECT = re.compile(rf"{_EARLIER_EVENT.pattern}|\bhad\b(?:\s+\w+){{0,3}}\s*$", re.IGNORECASE)
# "only three years after they were rated", "just three years after judging them": the grade
# after it is counted back from the news; the words between name who was rated and how.
_YEARS_AFTER = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(k for k in COUNT_WORDS if len(k) > 2)})\s+years?\s+after\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:rated|judged|judging|rating|found|graded|grading|deemed)\s+(?:[\w'’-]+\s+){0,3}?[\"'‘“]?$",
    re.IGNORECASE,
)
# Before a count given roughly: "just over six years after".
_ROUGHLY = re.compile(r"\b(?P<rough>over|more\s+than|almost|nearly|about|around|some)\s+$", re.IGNORECASE)
# How a rough count moves the event it counts back to, in months: "just over six years after"
# is a little further back than six years, "almost six years after" a little nearer; "about"
# and "some" may be either way (no entry: no year).
_NUDGE = {"over": -1, "more": -1, "almost": 1, "nearly": 1}
# Just before a marker of the past: a clause of an earlier event ("after previously being
# ...", "since its last 'inadequate' inspection"): the marker tells of the clause's own event.
_CLAUSE_OF_BEFORE = re.compile(r"\b(?:after|following|since|having)\s+(?:(?:its|their|the|an?)\s+)?$", re.IGNORECASE)
_STILL = re.compile(r"\b(?:remains?|remained|still)\b", re.IGNORECASE)
# A grade held at present, before the rating: "are currently rated", "remain", "still".
_HELD_NOW = re.compile(r"\b(?:currently|remain|still)\b", re.IGNORECASE)
_EVENT_DATE_REACH = 60
_RATING_VERB = re.compile(r"rated|judged", re.IGNORECASE)
_GRADE_BESIDE = 16  # how far from a word of rating its grade stands ("a 'good' rating", "rated as good")
_PAST_OPENING = re.compile(r"\b(?:ago|previously|formerly|in\s+the\s+past|once)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
_STANDING_GAP = re.compile(r"[\"'’”]?[ \t]+(?:(?:local[ \t]+)?(?:authorities|councils)[ \t]+)?")


def _years_after(rating: _Rating, ctx) -> dict | None:
    """The year of a grade the news is counted from: "The news comes only three years after
    they were rated 'outstanding'", "rated 'outstanding', just three years after judging them
    'inadequate'", "It comes four years after the council was rated 'adequate'" in a page of
    2015, 2021 or 2016 are 2012's, 2018's and 2012's grades: a careful reader counts back from
    the page's date. The count is from the document's date, so a page with no date gives none;
    a count given roughly ("just over six years after") is counted in months from the page's
    month (a month further back, so January 2017 less just over six years is 2010) and names
    no year where the page gives no month or the count is vaguer ("about", "some")."""
    published = published_fields(ctx)
    if published is None:
        return None
    start = rating.span[0]
    text = rating.index.text
    counted = _YEARS_AFTER.search(text, max(rating.sentence[0], start - _LEAD_LIMIT), start)
    if counted is None:
        return None
    n = COUNT_WORDS.get(counted["n"].lower()) or (int(counted["n"]) if counted["n"].isdigit() else None)
    if n is None:
        return None
    rough = _ROUGHLY.search(text, max(0, counted.start() - 12), counted.start())
    if rough is None:
        return {"year": published["year"] - n, "month": None, "day": None, "precision": "year"}
    nudge = _NUDGE.get(rough["rough"].split()[0].lower())
    if nudge is None or published.get("month") is None:
        return None
    months = published["year"] * 12 + published["month"] - 1 - 12 * n + nudge
    return {"year": months // 12, "month": None, "day": None, "precision": "year"}


def _now_past_subject(rating: _Rating, subject: Fact, ctx) -> bool:
    """Whether a grade said to hold "now" is later than the inspection taken for the
    document's own, which is two or more years older than the document: "Kent, which was
    rated inadequate in an inspection in 2012, is now rated requires improvement" (2015)."""
    published = published_fields(ctx)
    year = subject.get("year")
    if published is None or not isinstance(year, int) or year >= published["year"] - 1:
        return False
    start = rating.span[0]
    return bool(_NOW.search(rating.index.text, rating.index.clause_at(start)[0], start))


def _standing(rating: _Rating) -> bool:
    """Whether the rating describes the council it stands before: "at 'inadequate' Surrey,
    Newham and Bradford", "'good' authorities Bromley and Gateshead". That is the grade
    a council holds, given at some earlier inspection: not dated by the passage or the
    document, only by its own words."""
    text = rating.index.text
    gap = _STANDING_GAP.match(text, rating.span[1])
    if gap is None:
        return False
    named = rating.index.authorities_in(gap.end(), min(len(text), gap.end() + 80))
    return bool(named) and named[0][0] == gap.end()


def _held_by_list(rating: _Rating) -> bool:
    """Whether the rating is one several councils hold now ("The following local
    authorities are currently rated as 'inadequate'", "Kent, Surrey and Essex remain
    inadequate"): each was given it at its own inspection, so neither the passage nor
    the document dates it."""
    text = rating.index.text
    start = rating.span[0]
    return bool(_HELD_NOW.search(text, max(rating.sentence[0], start - _LEAD_LIMIT), start))


def _in_the_past(rating: _Rating, lead_start: int, stop: int, reported: bool = False) -> bool:
    """Whether an undated rating is marked as earlier than the one the document reports.

    The markers are read between the rating and its neighbours in the clause:
    in "moved up from 'inadequate' to 'requires improvement'" the "from" is
    the first grade's.
    """
    text = rating.index.text
    start, end = rating.span
    if rating.cue.historical:
        return True  # the "from" grade of a change
    # "Kent, which was judged inadequate three years ago, is now rated good": "now" says
    # the grade after the past is the present one.
    if _NOW.search(text, lead_start, start):
        return False
    # "A little over a decade ago, KCC's children's services were found to be Inadequate."
    s_start = rating.sentence[0]
    if _PAST_OPENING.search(text, s_start, rating.index.clause_at(start)[0]):
        return True
    before = text[lead_start:start]
    # Minutes are reported speech throughout ("The Council had been judged to be adequate").
    if reported or rating.cue.kind == "change" or _REPORTED_THAT.search(text, s_start, start):
        # Reported speech shifts tenses back: "Councillors heard the service had
        # moved up to 'requires improvement'", "The Committee noted that care
        # leavers had been judged requires improvement".
        before = _HAD.sub("", before)
    if _HISTORICAL.search(before) or _HISTORICAL_BEFORE.search(before) or _past_after(text, end, stop):
        return True
    after = _AFTER.search(text, lead_start, start)
    return after is not None and bool(rating.index.dates_in(s_start, after.start()))


def _same_date(fields: dict, subject: Fact) -> bool:
    if fields["year"] != subject.get("year"):
        return False
    return fields["month"] is None or subject.get("month") in (None, fields["month"])


def _past_after(text: str, end: int, stop: int) -> bool:
    """A marker of the past after the rating ("good previously"), but not in a relative
    clause about the service ("a 'Good' service that had been improving") nor in what
    the inspectors are reported to have said ("Grading the council's services as 'good'
    the watchdog noted that the restructuring had shown benefits")."""
    return any(
        not (marker.group().lower() == "had" and (
            _RELATIVE_BEFORE.search(text, max(end, marker.start() - 8), marker.start())
            or _REPORTED_THAT.search(text, end, marker.start())))
        # "rated as poor and brought the overall rating down from 'good' to 'poor'":
        # the "from" leads the next grade, not this one.
        and not (marker.group().lower().endswith("from") and not text[marker.end():stop].strip(" \t'\"‘’“”"))
        # "has achieved a 'good' rating after previously being subject to government
        # intervention": the marker tells of the clause "after" opens, not of this rating.
        and not _CLAUSE_OF_BEFORE.search(text, max(end, marker.start() - 20), marker.start())
        for marker in _HISTORICAL.finditer(text, end, stop)
    )


def _passage_date(rating: _Rating, reported: bool = False, others: bool = False) -> DateMention | None:
    """The date of the inspection or rating a passage opened with, for a rating reported after it.

    "An inspection in May 2016 found ... Overall, services were found to be
    inadequate.", "The number of councils awarded an 'excellent' rating has
    doubled in 2010 ... 12 councils were judged as performing poorly". Up to
    ``_PASSAGE_SENTENCES`` sentences back, the nearest that tells an inspection,
    a visit or a rating with a date of its own gives it; an earlier inspection
    ("the last inspection of ... 2016", "since the previous inspection in
    2017", "had been rated inadequate in 2018" outside minutes' reported
    speech) never does, nor does a sentence about another council (one naming
    none is about the document's own, and ``others`` says the rating is not). A rating
    said to hold "now" or to "remain" takes no date from before it.
    """
    index = rating.index
    text = index.text
    start = rating.span[0]
    s_start = rating.sentence[0]
    if _NOW.search(text, s_start, start) or _STILL.search(text, s_start, start):
        return None
    earlier = _EARLIER_EVENT if reported else _EARLIER_OR_PERFECT
    named = {a[2] for a in index.authorities_in(*rating.sentence)}
    sentence = index.previous_sentence(s_start)
    # Where the passage tells this grade afresh ("Nine local authorities, including Haringey,
    # were found to be inadequate", "councils judged inadequate ... has doubled"), a rating of
    # another grade in it ("for awarding a good rating last year to Haringey council") is
    # another event. Only then: one inspection grades several areas differently, and the
    # sentence telling its date may give another area's grade.
    told_afresh = False
    for _ in range(_PASSAGE_SENTENCES):
        if sentence is None or s_start - sentence[1] > _PASSAGE_GAP:
            return None
        p_start, p_end = sentence
        told = {a[2] for a in index.authorities_in(p_start, p_end)}
        if told - named:
            return None  # the passage was about another council
        if not told and others:
            # A sentence naming no council tells of the document's ("when Ofsted judged the
            # council as 'requires improvement' ... four years ago"), not of the other council
            # this rating is of ("... to outstanding is Bexley").
            return None
        told_afresh = told_afresh or rating.same_grade_in(p_start, p_end)
        for event in _EVENT_WORD.finditer(text, p_start, p_end):
            if earlier.search(text, max(p_start, event.start() - 40), event.start()):
                continue
            # A rating of another grade with its own date ("the services - rated 'good' in
            # 2018 - had deteriorated") dates that grade, not this one, told afresh or not.
            if (told_afresh or _RATING_VERB.fullmatch(event.group())) and rating.other_grade_in(
                    max(p_start, event.start() - _GRADE_BESIDE), min(p_end, event.end() + _GRADE_BESIDE)):
                continue
            clause_start, clause_end = index.clause_at(event.start())
            if _NO_COUNCIL.search(text, clause_start, event.start()):
                continue  # "In 2007 no council was rated as inadequate": a year compared with, not an event
            reach = max(clause_end, event.end() + _EVENT_DATE_REACH)
            after = [d for d in index.event_dates_in(event.end(), min(p_end, reach)) if not d.relative == "previous"]
            before = [d for d in index.event_dates_in(clause_start, event.start())]
            found = [
                d for d in after or before[-1:]
                if not _BEGUN_BEFORE.search(text, max(p_start, d.start - 30), d.start)
                and not (d.start > event.end() and _OLD_GRADE_BETWEEN.search(text, event.end(), d.start))
            ]
            if found and not earlier.search(text, max(p_start, found[0].start - 12), found[0].start):
                return found[0]
        s_start = p_start
        sentence = index.previous_sentence(p_start)
    return None


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
    if len(dates) != 1:
        return None
    # "improvements ... had been made since the last inspection in 2019" tells that
    # inspection only as the start of a period, not as the one the next sentence reports.
    if _SINCE_EARLIER.search(text, max(p_start, dates[0].start - _LEAD_LIMIT), dates[0].start):
        return None
    return dates[0]
