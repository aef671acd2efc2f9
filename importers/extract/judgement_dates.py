"""Judgements: the date of a rating (see ``judgements`` for the whole).

Date: from the rating's own clause (the date following the rating first,
"'adequate' in 2011", one judgement per date of a list, "rated inadequate in
2013, 2016 and 2019"; else the one before it in the clause), else from an
opening adverbial of the sentence ("In 2018, inspectors judged ...") or the
clause it hangs on (", when it was judged ...", "since 2009, when Ofsted identified the
service as 'inadequate'", "the January 2010 full inspection ..., which was graded
'inadequate'": the phrase a relative clause hangs on dates it, whatever preposition
governs its date), else from a past inspection
dated in the sentence before ("The previous inspection ... was in February
2011. The local authority was judged to be adequate."); all ``date_source``
"text". Dates of other events are never taken: "published on ...", "since
2008" (but "since 2018 when services were found to ..." dates the "when"), a
date in an unrelated sentence. A clause opening on its date dates what
follows ("Last year, Swindon was judged ...", a timeline's "June 2012: rated
inadequate"). Else the passage's date: the inspection, visit or rating told
with a date in one of the three sentences before, but never an earlier one
("the last inspection of ...", "had been rated inadequate in 2018") nor one
about another council, and not for a rating said to hold "now" or to
"remain" ("text", or "subject" where it is the document's own inspection).
A rating with no date of its own that reports the document's inspection
takes that inspection's date ("subject", see
``inspections.subject_inspection``), else the publication date
("published"). A rating marked as past ("previously", "at its last
inspection", "up from", "three years after it was judged", "A decade ago,
...") stays undated (``date_source`` "not stated") unless it is "now" the rating, as
does one in a letter about an ungraded visit, which recalls an earlier
inspection; in minutes, reported speech throughout, "had" marks no past. A
date relative to the document's ("last November", "in March", "last year",
"this week") or to the date before ("three years later") takes its year from
that date; with neither known the year stays None. Also: a rating held "since
2019" was given then (not "for the first time since 2008"); the new grade of a
change takes the change's date past the old grade's own ("inspected in
September 2019 and upgraded from inadequate (in 2016) to ..."); a report's
publication year dates the rating it gives where nothing else does ("The
latest report, published on 17 January 2019, showed ..."); a grade standing
before the councils it describes ("at 'inadequate' Surrey") is dated only by
its own words; an undated page's headline naming a graded event with its year
("Annual Performance Assessments 2008") dates the ratings it reports, and so does
the annual rating named with its year in the passage after an annual rating
("... performing poorly. ... In Ofsted's annual assessment for 2010").
Earlier events keep their own years: a date after "since the last inspection
in" or past a "since it was ..." clause is the earlier grade's, not the one
told beside it; the old grade of a change ("from an 'inadequate' rating to
'outstanding'", "up from requires improvement") takes only its own date, and a
passage is not dated by an old grade's year ("rating from the 'inadequate'
awarded in 2013"). A grade counted back from the news ("only three years after
they were rated 'outstanding'") is the document's year less the count (a rough
count, "just over six years after", in months from the page's month); a kept grade ("maintained its 'good' rating from
2013") implies the earlier one at the date it was kept from; "three years
later" never lists a second year of the grade before it; a grade held "now" is
not dated by an inspection two or more years older than the page. The grade a
change started from, or one "previously" held, is the last inspection's where the
text dates one ("following a previous inspection in 2019"); a list set out one grade
a line after a colon takes the date of the verdict told before it; a grade's clause
set after an opening that names an inspection ("In the last full inspection, carried
out in 2016, ...") is dated by it. An undated page takes the year it says it is
written in ("... last year. In 2010 ...", ``clauses.TextIndex.stated_year``), else,
for its own council's grades, the year it says its report was published. A date after "since" and an event that is no inspection
("first inspection since the authority's formation in April 2023") is that event's. A grade
its sentence gives "following its unannounced inspection" is that inspection's, not one a
visit recalls.
A single date these rules give a prose grade may be overruled by the learned choice among the
passage's years (``judgement_year_model``), only where a saved model beat these rules in
cross-validation (none is saved: benchmarks/accuracy/README.md, "Learned choice").
"""

from __future__ import annotations

import re
from functools import lru_cache

from importers.extract.clauses import REPORT_PUBLISHED, published_fields, resolved_fields
from importers.extract.inspections import GRADED_TYPES
from importers.extract.judgement_councils import _BULLETS, _COLON_END
from importers.extract.judgement_page_dates import (
    _annual_year_after, _timeline_entry_date, _title_date, _weekday_present,
)
from importers.extract.judgement_past import (
    _SINCE_EARLIER, _in_the_past, _now_past_subject, _passage_date, _past_inspection_before, _same_date, _standing,
    _years_after,
)
from importers.extract.judgement_rating import _INSPECTION_WORD, _LEAD_LIMIT, _NOT_STATED, _UNDATED, _Rating
from importers.extract.judging import judging_cue
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import era_for, get_era

# A conjunction between a date and a rating: the date is the other clause's.
_CONJUNCTION = re.compile(r"\b(?:after|before|because|until|since|although|though|while|once)\b", re.IGNORECASE)
# "rated inadequate in 2013, 2016 and 2019", "in 2014 and again in 2016"
_DATE_LIST_GAP = re.compile(r"\s*(?:,\s*|\s+)(?:(?:and|&)\s+)?(?:again\s+)?(?:in\s+)?", re.IGNORECASE)
# Used with .match(text, pos): a clause that opens with these words. A relative clause
# tells what happened at the time the phrase before it names: ", when it was judged
# inadequate", "..., which was graded 'inadequate'", "..., which judged them overall to be
# inadequate".
_LINKING_CLAUSE = re.compile(
    r"\W*(?:when|where|which|in\s+which|at\s+which|after\s+which|following\s+which)\b", re.IGNORECASE
)
# Between a date and the relative clause hanging on the phrase it dates: the rest of that
# noun phrase, a few words with no verb of their own ("by the January 2010 full inspection
# of safeguarding and looked after children, which was graded 'inadequate'", "since 2009,
# when Ofsted identified the service as 'inadequate'"). The preposition before the date
# ("since", "by") marks another event only where no such clause tells what happened then.
_HEAD_OF_RELATIVE = re.compile(
    r"(?:\s+(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|should|may|might)\b)[\w'’-]+){0,8}\s*,?\s*",
    re.IGNORECASE,
)
# A clause opening on "since" dates an earlier event, not the rating after it ("That
# since the last full inspection in 2018, services have remained outstanding": minutes).
_SINCE_OPENING = re.compile(r"\W*(?:that\s+)?since\b", re.IGNORECASE)
_OPENING_ADVERBIAL = re.compile(r"\W*(?:in|at|on|during|between)\b", re.IGNORECASE)

# After a date, a relative clause on it: "since 2018 when services were found to ...",
# "since the last inspection in 2019 where services were given an overall grading of 'Good'".
_WHEN_AFTER = re.compile(r",?\s+(?:when|where)\b", re.IGNORECASE)
# A clause of its own after "since" tells an earlier event: "its first inspection since it
# was slapped with the worst possible rating ... in 2017".
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had|has|have)\b", re.IGNORECASE)
# Nor past "since" and an event that is no inspection, told with its date: "in their first
# inspection by Ofsted since the authority's formation in April 2023", "since local
# government reorganisation took place in April 2023", "since its creation in 2019": the
# date is that event's, the grade's year is only no earlier. (An inspection there is the
# one the grade is held since: "rated inadequate since the inspection in 2018".)
_SINCE_OTHER_EVENT = re.compile(
    r"\bsince\s+(?!(?:[\w'’-]+\s+){0,4}?(?:inspect\w*|visit\w*|judge?ments?|ratings?|rated|report\w*|review\w*)\b)"
    r"(?:[\w'’-]+\s+){1,5}?(?:in|on|of)\s+$",
    re.IGNORECASE,
)
# The council's last inspection before the one reported, told with its date after it:
# "since the last inspection in 2014", "following a previous inspection in 2019", "In
# the last full inspection, carried out in 2016", "since it was last inspected, in 2022".
_LAST_INSPECTION = re.compile(
    r"\b(?:(?:last|previous|prior|preceding)\s+(?:[\w'’-]+\s+){0,2}?"
    r"inspection|(?:last|previously)\s+inspected)\b",
    re.IGNORECASE,
)
# The words a mention opens on: _LAST_INSPECTION is tried only where one starts.
_LAST_INSPECTION_CUES = ("last", "previous", "prior", "preceding")
_LAST_INSPECTION_REACH = 60
# Before a grade: the one the last inspection gave ("a department previously rated as 'good'").
_PREVIOUSLY = re.compile(r"\b(?:previously|formerly)\s+(?:[\w'’-]+\s+){0,3}?[\"'‘“]?$", re.IGNORECASE)
# Between a rating and a date that is its own: "inadequate (in 2016)".
_ATTACHED = re.compile(r"[\"'’”]?\s*\(?\s*(?:in\s+)?", re.IGNORECASE)
# Between a year and the grade it is set before: "2015 'inadequate'".
_ATTRIBUTIVE_GAP = re.compile(r"\s*[\"'‘“]?")
# The noun an attributive grade stands before: "2018 inadequate rating", "2015 'inadequate' verdict".
_RATING_NOUN_AFTER = re.compile(
    r"[\"'’”]?\s+(?:Ofsted\s+)?(?:rating|grade|judge?ment|verdict|report|label)s?\b", re.IGNORECASE
)
# Before a date after a rating: the rating has been held since then.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_HELD_SINCE_REACH = 60
# "good for the first time since 2008": the date of the last time, not of this rating.
_ONCE_SINCE = re.compile(r"\b(?:time|first|ever|best|worst|highest|lowest)\b", re.IGNORECASE)


def _dates(rating: _Rating, ctx, subject: Fact | None, whose: list | None = None) -> list[tuple[dict, str | None]]:
    """The date (or, for "in 2013, 2016 and 2019", the dates) of a judgement, with its source."""
    index = rating.index
    text = index.text
    start, end = rating.span
    s_start, s_end = rating.sentence
    if subject is not None and _now_past_subject(rating, subject, ctx):
        subject = None
    clauses = index.clauses(s_start, s_end)
    k = next((k for k, (a, b) in enumerate(clauses) if a <= start < b), 0)
    c_start, c_end = clauses[k]
    # Another rating in the same clause owns the dates on its side of this one.
    prev_rating, next_rating = rating.neighbours(c_start, c_end)
    # An annual rating was the publication itself: "its annual rating, published
    # in December 2009". An inspection's report is published weeks after it.
    annual = era_for(None, rating.written) == "annual-rating"
    dates = index.dates_in(s_start, s_end) if annual else index.event_dates_in(s_start, s_end)
    # A year set before the grade as its attribute is the grade's, whatever governs the
    # phrase: "Ofsted return to inspect Wakefield's children's services after 2018 inadequate
    # rating", "the local authority's 2015 'inadequate' verdict".
    attributive = [d for d in index.dates_in(max(s_start, start - 12), start)
                   if d.year is not None and d.relative is None and d.precision == "year"
                   and _ATTRIBUTIVE_GAP.fullmatch(text, d.end, start)]
    if attributive and (_RATING_NOUN_AFTER.match(text, end)):
        return [(resolved_fields(index, attributive[-1], ctx), "text")]
    # Not past a "since" that opens another event: "received a 'requires improvement'
    # rating in its first inspection since it was slapped with the worst possible rating
    # ... in 2017" (2017 is the earlier rating's).
    # Nor the earlier inspection a period runs from: "'requires improvement to be good'
    # despite ... improvements ... since the last full inspection in 2019".
    following = [d for d in dates if end <= d.start and d.end <= next_rating
                 and not _SINCE_CLAUSE.search(text, end, d.start)
                 and not _SINCE_OTHER_EVENT.search(text, max(end, d.start - _LEAD_LIMIT), d.start)
                 and not _SINCE_EARLIER.search(text, max(end, d.start - _LEAD_LIMIT), d.start)]
    if following:
        listed = [following[0]]
        for date in dates:
            # "in 2012 and 2014" lists years; "in 2016, and three years later rated it good"
            # counts on to another event.
            if date.start >= listed[-1].end and date.relative != "previous" and _DATE_LIST_GAP.fullmatch(
                    text, listed[-1].end, date.start):
                listed.append(date)
        return [(resolved_fields(index, d, ctx), "text") for d in listed]
    # "the inadequate category it had been rated in since 2019", "rated inadequate
    # since March 2018": a rating held since a date was given then. Not "good
    # since the last inspection in 2017", whose date is the inspection's.
    held = [
        d for d in index.dates_in(end, next_rating)
        if d.start - end <= _HELD_SINCE_REACH and _SINCE_BEFORE.search(text, max(end, d.start - 10), d.start)
        and not _INSPECTION_WORD.search(text, end, d.start) and not _ONCE_SINCE.search(text, end, d.start)
    ]
    if held:
        return [(resolved_fields(index, held[0], ctx), "text")]
    # "since 2018 when services were found to require improvement": the date
    # of "since" is the earlier event's that "when" goes on to tell.
    dates_before = sorted(
        {*dates, *(d for d in index.dates_in(s_start, start) if _WHEN_AFTER.match(text, d.end))},
        key=lambda d: d.start,
    )
    lower, upper = prev_rating, start
    if rating.cue.kind == "change" and not rating.cue.historical and prev_rating > c_start:
        # "inspected in September 2019 and upgraded from inadequate (in 2016) to
        # 'requires improvement'": the change's date, before its "from" grade, is the new grade's.
        upper = rating.matches[rating.i - 1].start()
        lower = max(c_start, rating.matches[rating.i - 2].end() if rating.i > 1 else c_start)
    preceding = [
        d for d in dates_before
        if lower <= d.start and d.end <= upper and not _CONJUNCTION.search(text, d.end, upper)
        and not (lower > c_start and _ATTACHED.fullmatch(text, lower, d.start))
        and not (_SINCE_EARLIER.search(text, max(lower, d.start - _LEAD_LIMIT), d.start)
                 and not _WHEN_AFTER.match(text, d.end))
    ]
    # The "from" grade of a change is older than the change the clause dates: "At the last
    # inspection in 2021, Sunderland's children's services were the first ... to make the
    # leap from an 'inadequate' Ofsted rating to 'outstanding'". Only its own date dates it.
    moved_from = rating.cue.kind == "change" and rating.cue.historical
    if preceding and not moved_from:
        return [(resolved_fields(index, preceding[-1], ctx), "text")]
    # "The latest report, published on 17 January 2019, showed ... a 'requires
    # improvement' rating": where the sentence tells only when the report giving the
    # rating came out, that year dates it (the inspection's month is not known),
    # unless the document itself came out then or the report is of the document's own
    # dated inspection (their dates, below, say more).
    own = published_fields(ctx)
    dated_subject = subject is not None and subject.get("date_source") in ("text", "subject")
    # After the rating too: "rated good by Ofsted in its inspection published in May 2019".
    report_dates = [
        d for d in index.dates_in(s_start, start)
        if d.year is not None and REPORT_PUBLISHED.search(text, max(s_start, d.start - 120), d.start)
        and not rating.rated_in(d.end, start)
    ] or [
        d for d in index.dates_in(end, next_rating)
        if d.year is not None and REPORT_PUBLISHED.search(text, max(end, d.start - 120), d.start)
    ][:1]
    if report_dates and not dated_subject and (own is None or own["year"] != report_dates[-1].year):
        return [({"year": report_dates[-1].year, "month": None, "day": None, "precision": "year"}, "text")]
    entry = _timeline_entry_date(index, start)
    if entry is not None:
        return [(resolved_fields(index, entry, ctx), "text")]
    if k > 0 and not moved_from:
        # ", when it was judged inadequate": the date of the clause it hangs on.
        if _LINKING_CLAUSE.match(text, c_start, c_end):
            earlier = [d for d in dates if d.end <= c_start]
            if earlier:
                return [(resolved_fields(index, earlier[-1], ctx), "text")]
            headed = [d for d in index.dates_in(clauses[k - 1][0], c_start)
                      if d.year is not None and _HEAD_OF_RELATIVE.fullmatch(text, d.end, c_start)]
            if headed:
                # Its year only: the month of "the last inspection ... published in March 2012,
                # when the local authority was found to be good" is the publication's.
                return [({**resolved_fields(index, headed[-1], ctx), "month": None, "day": None,
                          "precision": "year"}, "text")]
        # "In 2018, inspectors judged ...", also after a colon ('The report
        # said: "In 2018, inspectors judged ...'): an opening adverbial.
        for j in reversed(range(k)):
            j_start, j_end = clauses[j]
            # Another grade owns the clauses before it; the same grade restated does not
            # ("On Friday 17th December OFSTED released their report ... grading them
            # 'Inadequate' in all but one main categories, resulting in an overall rating
            # of 'Inadequate'": one verdict told twice, dated by the opening).
            if rating.other_grade_in(j_start, j_end):
                break
            if _SINCE_OPENING.match(text, j_start, j_end):
                continue  # "Since the last inspection in 2018, services have remained ...": that inspection's date
            opening = [d for d in dates if j_start <= d.start and d.end <= j_end]
            # "Last year, Swindon was judged ...", "June 2012: rated inadequate" (a
            # timeline's line): a clause opening on its date dates what follows.
            # "In the last full inspection, carried out in 2016, children's services were
            # judged ...": a clause set after the opening that names the inspection dates it.
            named_before = j > 0 and _OPENING_ADVERBIAL.match(text, *clauses[j - 1]) and _INSPECTION_WORD.search(
                text, *clauses[j - 1])
            if opening and (
                _OPENING_ADVERBIAL.match(text, j_start, j_end) or _INSPECTION_WORD.search(text, j_start, j_end)
                or not text[j_start:opening[0].start].strip(" \t-–•*") or named_before
            ):
                # "In 2009 and 2011, the services were labelled as 'inadequate'": each year listed.
                listed = [opening[0]]
                for date in opening[1:]:
                    if _DATE_LIST_GAP.fullmatch(text, listed[-1].end, date.start):
                        listed.append(date)
                return [(resolved_fields(index, d, ctx), "text") for d in listed]
    if _standing(rating):
        return [(dict(_UNDATED), _NOT_STATED)]
    minutes = getattr(ctx, "kind", None) == "minutes"
    if _in_the_past(rating, prev_rating, next_rating, minutes):
        counted = _years_after(rating, ctx)
        if counted is not None:
            return [(counted, "text")]
        last = _last_inspection_date(rating, whose, ctx, changed=True) if rating.cue.historical or (
            _PREVIOUSLY.search(text, max(s_start, start - _LEAD_LIMIT), start)) else None
        if last is not None:
            return [(last, "text")]
        return [_year_before_annual(rating, ctx, subject) or (dict(_UNDATED), _NOT_STATED)]
    earlier_inspection = _past_inspection_before(index, s_start, start)
    if earlier_inspection is not None:
        return [(resolved_fields(index, earlier_inspection, ctx), "text")]
    lead = _list_lead_date(rating, ctx, subject)
    if lead is not None:
        return [(lead, "text")]
    doc_council = getattr(ctx, "authority", None)
    carried = _passage_date(rating, reported=minutes, others=bool(doc_council and whose and doc_council not in whose))
    fields = resolved_fields(index, carried, ctx) if carried is not None else None
    if subject is not None and subject.get("inspection_type") not in GRADED_TYPES and not _graded_by_unannounced(
            rating, subject):
        # A letter or minutes about a visit recall an earlier judgement: dated
        # only by an earlier inspection the passage tells ("Ofsted re-inspected
        # Children's Services on 6th to 30th March 2017"), never by the visit.
        if fields is None or _same_date(fields, subject):
            return [(dict(_UNDATED), _NOT_STATED)]
        return [(fields, "text")]
    if fields is not None and (subject is None or not _same_date(fields, subject)):
        return [(fields, "text")]
    if subject is not None:
        if subject.get("date_source") in ("text", "subject"):
            return [({key: subject.get(key) for key in _UNDATED}, "subject")]
    published = published_fields(ctx)
    if published:
        return [(published, "published")]
    # An undated page's year as it states it; else, for its own council's grades, the year
    # it says the report it tells of was published (``clauses.TextIndex.report_published``).
    reported = index.report_published if not (doc_council and whose and doc_council not in whose) else None
    present = index.stated_year or (reported.year if reported else None)
    titled = _title_date(index) or _annual_year_after(rating) or _weekday_present(index) or (
        {"year": present, "month": None, "day": None, "precision": "year"} if present else None)
    return [(titled, "text") if titled else (dict(_UNDATED), None)]


# The grade's own sentence gives it for the unannounced inspection: "Ofsted has given Surrey
# County Council an overall grade of 'adequate' ..., following its unannounced inspection",
# "rated inadequate after an unannounced inspection", "The report, following an unannounced
# spot-check, ...". Unannounced inspections of child protection were graded from 2012, and
# pages say their earlier ones gave grades too: the text, not the type, says which.
_AFTER_UNANNOUNCED = re.compile(
    r"\b(?:following|after)\s+(?:(?:its|their|an?|the)\s+)?(?:[\w'’-]+\s+){0,2}?unannounced\b", re.IGNORECASE
)


def _graded_by_unannounced(rating: _Rating, subject: Fact) -> bool:
    """Whether the rating's sentence ties it to the unannounced inspection the document
    reports (``_AFTER_UNANNOUNCED``): then that inspection's date or the page's is its own."""
    return subject.get("inspection_type") == "unannounced inspection" and bool(
        _AFTER_UNANNOUNCED.search(rating.index.text, *rating.sentence))


def _last_inspection_date(rating: _Rating, whose: list | None, ctx, changed: bool = False) -> dict | None:
    """The date of the council's last inspection before this one, for the grade a change
    started from or a continued grade implies: "improve its rating from 'inadequate' to
    'good'" beside "following a previous inspection in 2019", "once again branded
    inadequate" beside "since the last inspection in 2014". Taken only where the text
    dates one such inspection of that council (one year however often told), as a
    careful reader would: the grade before the new one is the last inspection's. A
    change the sentence itself sets at the last inspection ("At the last inspection in
    2021, ... the leap from an 'inadequate' Ofsted rating to 'outstanding'", ``changed``)
    started from a grade older still."""
    index = rating.index
    own = getattr(ctx, "authority", None)
    found: dict[int, dict] = {}
    for told in _last_inspections(index.text):
        s_start, s_end = index.sentence_at(told.start())
        if changed and (s_start, s_end) == rating.sentence:
            return None
        named = {a[2] for a in index.authorities_in(s_start, s_end)} or {own}
        if whose and not set(whose) & named:
            continue
        dates = [d for d in index.dates_in(told.end(), min(s_end, told.end() + _LAST_INSPECTION_REACH))
                 if d.year is not None and d.relative is None]
        if dates:
            found.setdefault(dates[0].end_year or dates[0].year, resolved_fields(index, dates[0], ctx))
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=8)
def _last_inspections(text: str) -> tuple[re.Match[str], ...]:
    """Every mention of a last inspection in ``text``: read once per document, not once per
    rating that asks (a long report's many ratings each scanned it whole)."""
    return tuple(matches_at_cues(_LAST_INSPECTION, text, _LAST_INSPECTION_CUES))


def _list_lead_date(rating: _Rating, ctx, subject: Fact | None) -> dict | None:
    """The date of the grade told just before the list the rating is an item of.

    Pattern: a dated verdict, a line ending in a colon, then one grade a line ("In the
    latest Ofsted report of Stockport Council for 2025, the authority was graded as
    'requires improvement'. The judgements in the report were: / - The impact of
    leaders ... - Requires improvement to be good / - ..."): the items are that
    report's grades, however long the list.
    """
    index = rating.index
    text = index.text
    line_start = text.rfind("\n", 0, rating.span[0]) + 1
    head = text[line_start:rating.span[0]].lstrip(" \t")
    if not head or head[0] not in _BULLETS.strip():
        return None
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous:line_start - 1].strip()
        line_start = previous
        if line and line[0] not in _BULLETS:
            break
    lead_end = text.find("\n", line_start)
    lead_end = len(text) if lead_end < 0 else lead_end
    if not _COLON_END.search(text, line_start, lead_end):
        return None
    before = index.previous_sentence(line_start)
    region_start = before[0] if before is not None else line_start
    told = [i for i in range(rating.i) if region_start <= rating.starts[i] < lead_end]
    cue = judging_cue(index, rating.matches, told[-1]) if told else None
    if cue is None:
        return None
    verdict = _Rating(index, rating.matches, rating.starts, told[-1], cue, index.sentence_at(rating.starts[told[-1]]))
    dated = [date for date, source in _dates(verdict, ctx, subject) if source == "text" and date["year"] is not None]
    return dated[0] if len(dated) == 1 else None


def _year_before_annual(rating: _Rating, ctx, subject: Fact | None) -> tuple[dict, str] | None:
    """The "from" grade of a change of annual rating is the year before the new one's:
    "brought the Council's overall rating down from 'good' to 'poor'" in 2010 was good in 2009."""
    index, i = rating.index, rating.i
    if not rating.cue.historical or i + 1 >= len(rating.matches):
        return None
    cue = judging_cue(index, rating.matches, i + 1)
    if cue is None or cue.kind != "change":
        return None
    new = _Rating(index, rating.matches, rating.starts, i + 1, cue, index.sentence_at(rating.starts[i + 1]))
    year = next((d["year"] for d, _ in _dates(new, ctx, subject) if d["year"] is not None), None)
    era = get_era(era_for(year, new.written))
    if year is None or era is None or era.event_type != "annual rating":
        return None
    return {"year": year - 1, "month": None, "day": None, "precision": "year"}, "text"
