"""Judgements: Ofsted's ratings of a council's children's services, as stated in text.

Which rating words are judgements is decided in ``importers.extract.judging``
(a rating in a judging context: "rated good", "a 'good' rating", "Overall
effectiveness: Good" ... but not "good progress" or "could be rated
inadequate"). This module says what each judgement states; the span covers
exactly the rating words as written ("require improvement to be good",
"performs well").

The rules are split by role: which council a rating is of (``judgement_councils``),
its date (``judgement_dates``, with the markers of an earlier grade in
``judgement_past`` and the dates a page gives as a whole in ``judgement_page_dates``),
its areas (``judgement_areas``, the lists of them in ``judgement_area_lists``, what the
passage around a rating gives it in ``judgement_area_passages``); the
rating word and what all of them share are in ``judgement_rating``. This module turns each
rating into facts, one per council and area, and keeps or drops them as a whole.

A rating said of no council at all (none named, none the document's) is no
judgement; nor is a word no regime of its year awards ("excellent" in 2019,
``vocabulary.on_the_scale``). A grade said to continue ("maintaining its
'Outstanding' judgement", "for the second consecutive time", "again") also
implies the earlier one, dated by the last inspection the text dates, else undated, where
the text tells it nowhere else (a run of three, "three times in a row", the two before it); a
grade told again without a date (a headline over its
story, "at 'inadequate' Surrey") takes the date the text gives that council's grade for
that area, and is none of its own where the text gives several. A grade said of no named
council is the document's own, unless the text gives it to other councils and that council
another. On a page with no date, a day named with its weekday dates what nothing else does.
A clause about an area that hangs on the lead grade's verb ("found ... to be good overall
but that [an area] required improvement", "..., with leadership judged outstanding") takes
the lead's date where it has none of its own.

Era and event type come from ``importers.vocabulary.era_for``: "annual rating"
for the 2009-11 "performs well / poorly" regime, else "inspection".
"""

from __future__ import annotations

import re

from importers.extract.clauses import TextIndex, index_for, resolved_fields
from importers.extract.inspections import subject_inspection
from importers.extract.judgement_area_model import model_judgements
from importers.extract.judgement_area_passages import attached_lead, passage_lead
from importers.extract.judgement_areas import _areas
from importers.extract.judgement_councils import _authorities, _changed_to
from importers.extract.judgement_dates import _dates, _last_inspection_date
from importers.extract.judgement_past import _held_by_list
from importers.extract.judgement_year_model import chosen as chosen_year
from importers.extract.judgement_rating import _LEAD_LIMIT, _NOT_STATED, _PASSAGE_GAP, _UNDATED, _Rating
from importers.extract.judging import (
    END_GRADE_CUES, END_GRADE_RE, RATING_CUES, RATING_RE, SAME_GRADE_CUES, SAME_GRADE_RE, _quoted, judging_cue,
)
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import areas_of_its_era, era_for, event_type_of, grade_of, normalise_rating, on_the_scale

__all__ = ["extract"]

# After a kept grade, before the date it was given: "'good' rating from 2013", "good since 2019".
_KEPT_FROM = re.compile(r"[\"'’”]?\s+(?:(?:rating|grade|judge?ment|status)\s+)?(?:first\s+)?(?:from|since)\s+(?:in\s+)?",
                        re.IGNORECASE)
# A grade said to continue one given before.
_CONTINUED_BEFORE = re.compile(
    r"\b(?:maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|kept|keeps|keeping|once\s+again|again)\b(?:\s+[\w'’]+){0,4}\s*[\"'‘“]?$"
    # a count of the same grade just before it: "its second 'inadequate' rating in a row"
    r"|\b(?:second|third|fourth)\s+[\"'‘“]?$",
    re.IGNORECASE,
)
_CONTINUED_AFTER = re.compile(
    # ("rated 'Outstanding' for a second time by Ofsted")
    r"[\"'’”]?(?:\s+[\w'’]+){0,3}?\s+(?:for\s+(?:the\s+|a\s+)?(?:second|third|fourth)\s+(?:consecutive\s+|successive\s+)?time"
    # A run of the same grade counted after it: "the 'requires improvement to be good' rating three
    # times in a row" (BBC), "'performing excellently' for the second year running" (a local paper),
    # "achieved the top grades for the second year running" (another).
    r"|(?:for\s+)?(?:the\s+|a\s+)?(?:second|third|fourth)\s+(?:year|time|inspection)\s+(?:running|in\s+a\s+row)"
    r"|(?:two|three|four|\d)\s+times\s+in\s+a\s+row"
    r"|once\s+again|again)\b",
    re.IGNORECASE,
)
# How many grades a run counts: "the third time", "three times in a row".
_RUN_LENGTH = {"second": 2, "two": 2, "third": 3, "three": 3, "fourth": 4, "four": 4}
_RUN_COUNT = re.compile(r"\b(?:second|two|third|three|fourth|four|\d)\b", re.IGNORECASE)
# Between two grades of a scale: "Outstanding, Good", "‘Good’ and ‘Outstanding’".
_SCALE_GAP = re.compile(r"[\s\"'‘’“”]*(?:[,;/]\s*(?:and\s+|or\s+)?|and\s+|or\s+)[\s\"'‘’“”]*", re.IGNORECASE)


def extract(text: str, ctx=None) -> list[Fact]:
    """One "judgement" fact per rating in a judging context, per council and area it names."""
    if not isinstance(text, str) or not text.strip():
        return []
    matches = sorted(matches_at_cues(RATING_RE, text, RATING_CUES) + matches_at_cues(END_GRADE_RE, text, END_GRADE_CUES)
                     + matches_at_cues(SAME_GRADE_RE, text, SAME_GRADE_CUES), key=lambda m: m.start())
    if not matches:
        return []
    index = index_for(text)
    starts = [match.start() for match in matches]
    facts: list[Fact] = []
    implied: list[Fact] = []
    subject: list[Fact | None] = []  # looked up once, when first needed
    named_at: set[tuple[int, int]] = set()  # the ratings said of a council the text names
    judged: list = []  # each rating judged, with its judgements
    for i, match in enumerate(matches):
        if _in_scale(text, matches, i):
            continue
        cue = judging_cue(index, matches, i)
        if cue is None:
            continue
        if not subject:
            subject.append(subject_inspection(text, ctx))
        told_as = None
        if SAME_GRADE_RE.fullmatch(match.group()):
            told_as = _grade_referred_to(index, matches, i)
            if told_as is None:
                continue
        rating = _Rating(index, matches, starts, i, cue, index.sentence_at(match.start()), told_as)
        found = _facts(rating, ctx, subject[0], named_at)
        facts.extend(found)
        judged.append((rating, found))
        run = _continued(rating)
        if run:
            since = _continued_from(rating, ctx) or _last_inspection_date(rating, None, ctx)
            implied.extend((f, run, now.get("year")) for f, now in zip(_earlier_same_grade(found, since), found))
            if run > 2 and since is not None:
                # (the one before that is not dated by the last inspection)
                implied.extend((f, run, now.get("year")) for f, now in zip(_earlier_same_grade(found), found))
    facts.extend(model_judgements(judged, ctx, named_at))  # the learned pairing model's, where it accepts them
    facts = _named_grades_win(facts, getattr(ctx, "authority", None), named_at)
    # An earlier grade implied by "maintaining its 'Outstanding' judgement" is kept only where
    # the text tells it nowhere else ("last officially rated as 'good' in January 2014"); of a
    # run of three ("rated 'requires improvement' three times in a row"), only where the text
    # tells fewer than the two before this one.
    told: dict[tuple, set] = {}
    for f in facts:
        if f.get("date_source") == "text":
            told.setdefault((f.get("authority"), f.get("rating"), f.get("area")), set()).add(f.get("year"))
    # (The implied grade is another event than its twin, so is not dated by it.)
    facts = _dated_by_twin(facts)
    for f, run, year in implied:
        known = told.get((f.get("authority"), f.get("rating"), f.get("area")), set())
        # (A run of two is told where the text dates the grade at all: "once again in 2018" tells
        # the grade it repeats nowhere, and a text that dates it only once may mean either.)
        earlier = known if run == 2 else known - {year}
        if len(earlier) < run - 1 and f.get("year") not in earlier:
            facts.append(f)
    return facts


def _named_grades_win(facts: list[Fact], own: str | None, named_at: set[tuple[int, int]]) -> list[Fact]:
    """A grade said of no named council falls to the document's own; not where the text names
    that council with another grade for the same area and year, and names other councils with
    this one. "Ofsted awards first 'outstanding' ratings" over a story in which Kensington and
    Chelsea and Westminster "were rated outstanding, while Hammersmith and Fulham was rated
    'good'" is the first two's grade, not Hammersmith and Fulham's."""
    def grade(f: Fact) -> tuple:
        return f.get("rating"), f.get("area"), f.get("year")

    named = [f for f in facts if f.span in named_at]
    mine = {grade(f) for f in named if f.get("authority") == own}
    others = {grade(f) for f in named if f.get("authority") != own}
    return [f for f in facts if f.span in named_at or f.get("authority") != own or grade(f) in mine
            or not (grade(f) in others and any(g[1:] == grade(f)[1:] for g in mine))]


def _dated_by_twin(facts: list[Fact]) -> list[Fact]:
    """A grade told again with no date of its own ("Ofsted rates Doncaster children's
    services 'poor'" over a story that says Doncaster was deemed to be performing poorly
    in 2010; "at 'inadequate' Surrey" beside "Surrey council, rated inadequate in 2018")
    is the one the text dates, where it dates that council's grade for that area once,
    and one of those it dates where it dates it in several years ("having spent seven
    years as 'inadequate'" beside "inadequate Ofsted ratings in 2011, 2013 and 2015"), so
    not another, undated grade. So is a grade dated by words that name no year on an
    undated page ("awarded the judgement to Bexley LBC last August" beside "onto
    'outstanding' in 2018"). A grade marked as past ("previously", "up from") is another
    event than the document's own, so only a twin dated in the text, never one dated by
    the document or its inspection, dates it."""
    years: dict[tuple, set] = {}
    in_text: dict[tuple, set] = {}
    dated: dict[tuple, Fact] = {}
    for f in facts:
        if f.get("date_source") in ("text", "subject", "published") and f.get("year") is not None:
            key = (f.get("authority"), f.get("rating"), f.get("area"))
            years.setdefault(key, set()).add(f.get("year"))
            dated.setdefault(key, f)
            if f.get("date_source") == "text":
                in_text.setdefault(key, set()).add(f.get("year"))
    out = []
    for f in facts:
        key = (f.get("authority"), f.get("rating"), f.get("area"))
        if f.get("year") is None and len(in_text.get(key, ())) > 1:
            continue
        twins = in_text if f.get("date_source") == _NOT_STATED else years
        if f.get("year") is None and len(twins.get(key, ())) == 1 and len(years[key]) == 1:
            twin = dated[key]
            f = Fact("judgement", f.span, {**f.fields, **{k: twin.get(k) for k in (*_UNDATED, "era", "event_type")},
                                           "date_source": "text"})
        out.append(f)
    return out


def _continued(rating: _Rating) -> int:
    """How many grades in a row the grade is said to end, where it is said to continue one given
    before ("maintaining its 'Outstanding' judgement", "retained its Outstanding judgement",
    "once again branded inadequate": 2; "for the third consecutive time", "three times in a
    row": 3); else 0."""
    text = rating.index.text
    s_start, s_end = rating.sentence
    start, end = rating.span
    said = _CONTINUED_BEFORE.search(text, max(s_start, start - _LEAD_LIMIT), start) or _CONTINUED_AFTER.match(text, end, s_end)
    if said is None:
        return 0
    count = _RUN_COUNT.search(said.group())
    if count is None:
        return 2
    word = count.group().lower()
    return max(2, int(word) if word.isdigit() else _RUN_LENGTH[word])


def _earlier_same_grade(found: list[Fact], since: dict | None = None) -> list[Fact]:
    """The earlier judgements a continued grade implies: the same council, grade and area,
    undated unless the text says from when the grade is kept (``since``)."""
    date = since or dict(_UNDATED)
    return [
        Fact("judgement", f.span, {**f.fields, **date, "era": era_for(date["year"], f.get("rating_text")),
                                    "date_source": "text" if since else _NOT_STATED})
        for f in found if f.get("year") is not None or f.get("date_source") != _NOT_STATED
    ]


def _continued_from(rating: _Rating, ctx) -> dict | None:
    """The date a kept grade was first given: "Greenwich maintained its 'good' rating from
    2013" (the year after "from" just after the grade, or after its noun)."""
    index = rating.index
    end = rating.span[1]
    kept = _KEPT_FROM.match(index.text, end)
    if kept is None:
        return None
    dates = index.dates_in(kept.end(), kept.end() + 40)
    if not dates or dates[0].start != kept.end() or dates[0].year is None and dates[0].relative is None:
        return None
    return resolved_fields(index, dates[0], ctx)


def _grade_referred_to(index: TextIndex, matches: list[re.Match[str]], i: int) -> str | None:
    """The rating words a grade told again by a noun stands for ("gave it the same verdict"):
    the last grade before it in its sentence or the one before, a judgement or a grade named in
    quotation marks ("'Inadequate' is the worst possible grading ..., and the council received
    this grading"), not a word of praise ("good progress"); None where there is none."""
    text = index.text
    s_start = index.sentence_at(matches[i].start())[0]
    previous = index.previous_sentence(s_start)
    since = previous[0] if previous is not None and s_start - previous[1] <= _PASSAGE_GAP else s_start
    for k in range(i - 1, -1, -1):
        if matches[k].start() < since:
            return None
        words = matches[k].group()
        if SAME_GRADE_RE.fullmatch(words) or not normalise_rating(words):
            continue
        if _quoted(text, *matches[k].span()) or judging_cue(index, matches, k) is not None:
            return words
    return None



def _in_scale(text: str, matches: list[re.Match[str]], i: int) -> bool:
    """Whether the rating is one of a list of three or more grades: Ofsted's scale, not a
    judgement ("four levels of ranking – Outstanding, Good, Requires Improvement and
    Inadequate", "‘Inadequate’; ‘Requires Improvement’; ‘Good’ and ‘Outstanding’")."""
    first = last = i
    while first > 0 and _SCALE_GAP.fullmatch(text, matches[first - 1].end(), matches[first].start()):
        first -= 1
    while last + 1 < len(matches) and _SCALE_GAP.fullmatch(text, matches[last].end(), matches[last + 1].start()):
        last += 1
    return len({normalise_rating(m.group()) for m in matches[first:last + 1]}) >= 3


def _facts(rating: _Rating, ctx, subject: Fact | None, named_at: set | None = None) -> list[Fact]:
    written = rating.written
    normalised = normalise_rating(written)
    named = _authorities(_changed_to(rating) or rating)
    if named is None:
        return []  # said of councils in general
    if named and named_at is not None:
        named_at.add(rating.span)
    authorities = named or [getattr(ctx, "authority", None)]
    if authorities == [None]:
        # A judgement is of a council: a rating said of none the text names, in a document
        # of no known council ("Just under one fifth (12) were judged inadequate" in a
        # round-up), is no council's.
        return []
    # The document's own inspection dates only its own council's ratings: "In
    # Somerset, services remain rated requires improvement" in a story about
    # Cumbria's inspection is not from that inspection.
    own = (subject.get("authority") if subject is not None else None) or getattr(ctx, "authority", None)
    if named and own is not None and own not in named:
        subject = None
    # "rated good overall in March 2019, and outstanding for leadership": the gapped verb's date too.
    dates = _dates(_antecedent(rating) if rating.cue.kind == "gapped" else rating, ctx, subject, authorities)
    # (A date the text gives wins over the page's: "rated good in 2016, with an outstanding
    # judgement for adoption" on a page of 2024 is 2016's.)
    lead = attached_lead(rating) if rating.cue.kind != "gapped" and all(
        d["year"] is None or source == "published" for d, source in dates) else None
    if lead is not None:
        # "found ... to be good overall but that [an area] required improvement": the lead's date.
        led = _dates(lead, ctx, subject, authorities)
        if any(source == "text" and d["year"] is not None for d, source in led):
            dates = led
    if all(source in ("published", None) for _, source in dates) and "overall" not in _areas(rating):
        # "Kent was rated good by Ofsted in 2023. Children in care received an outstanding
        # rating.": an area's grade told after the passage's dated grade of the same council.
        dates = _lead_dates(rating, ctx, subject, authorities) or dates
    if len(authorities) > 1 and _held_by_list(rating) and all(source != "text" for _, source in dates):
        dates = [(dict(_UNDATED), _NOT_STATED)]
    dates = chosen_year(rating, ctx, dates)
    facts = []
    for date, source in dates:
        if not on_the_scale(normalised, date["year"]):
            continue
        era = era_for(date["year"], written, date["month"])
        event_type = event_type_of(era, normalised)
        areas = areas_of_its_era(_areas(rating, era, date["year"]), era)
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


def _lead_dates(rating: _Rating, ctx, subject: Fact | None, authorities: list) -> list | None:
    """The dates the text gives the grade the rating's passage opened with, where that grade is
    of the same councils (``judgement_area_passages.passage_lead``); else None."""
    lead = rating
    while (lead := passage_lead(lead)) is not None:
        if (_authorities(lead) or [getattr(ctx, "authority", None)]) != authorities:
            return None
        led = _dates(lead, ctx, subject, authorities)
        if any(source == "text" and d["year"] is not None for d, source in led):
            return led
        if any(source == _NOT_STATED for _, source in led):
            return None
    return None


def _antecedent(rating: _Rating) -> _Rating:
    """The rating whose judging words a gapped one shares ("rated good overall, and outstanding
    for leadership": "good"), itself gapped perhaps, back to the one that has its own."""
    index, i = rating.index, rating.i
    while i > 0:
        cue = judging_cue(index, rating.matches, i - 1)
        if cue is None:
            break
        i -= 1
        if cue.kind != "gapped":
            return _Rating(index, rating.matches, rating.starts, i, cue, rating.sentence)
    return rating
