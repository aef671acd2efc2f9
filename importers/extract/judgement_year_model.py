"""Judgements: the year a prose grade belongs to, chosen among the years its passage offers by
a learned model where the hand rules (``judgement_dates``) are likely wrong.

The rules fix a grade's year by precedence (its clause, the sentence's opening, the passage,
the document's inspection, the page's date). On pages no rule was written from they miss or
mistake the year more than anything else (README, Accuracy), so here the years a careful
reader would weigh are gathered as candidates, each with its span: every date the readers
find in the grade's sentence, the three sentences before it and the one after, the page's
head, the page's own date, the rules' own choice, and "no year" (a grade a reader could not
date). Each candidate is described by general patterns of language and position only
(``_features``: the cue word before the date, its distance from the grade, whether it dates
an earlier inspection, whether it is the page's date ...), never a year's value, a council or
a word of one page, and the choice model ``judgement_year`` (fitted by
``benchmarks/learn/judgement_year.py`` on the dev half only) ranks them. The rules' choice is
a feature, so the model learns only where to overrule them, and it is overruled only where
the model gives another candidate at least ``THRESHOLD`` of its softmax share (chosen by
cross-validation over dev documents). Reports and letters keep the rules' dates: their body
grades are sorted by ``body_grades``, and no report was in the set the model learned from.
"""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager
from typing import NamedTuple, cast

from importers.extract import learned
from importers.extract.clauses import other_event_date, published_fields, resolved_fields
from importers.extract.dates import DateMention
from importers.extract.judgement_past import _EARLIER_WORDS, _HISTORICAL
from importers.extract.judgement_rating import _EVENT_WORD, _NOT_STATED, _PASSAGE_GAP, _PASSAGE_SENTENCES, _UNDATED, _Rating
from importers.model import OFSTED_KINDS

MODEL = "judgement_year"
# The softmax share another candidate needs to overrule the rules' choice where the saved model
# names none (``benchmarks/learn/judgement_year.py`` saves the share it chose with the weights).
THRESHOLD = 0.7

# The word just before a date, a closed list: each tells how the date relates to an event.
# "in 2016" (when it happened), "since 2019" (a state held from then, or an earlier event),
# "until 2018" / "by 2020" (an end or a target), "from 2013 (to ...)" (a start), "on 5 May"
# (a day), "last year" is a relative date of its own (``relative``), "during", "after" /
# "before" (another event's date), "of" ("the inspection of March 2019").
_CUES = ("in", "since", "until", "by", "from", "to", "on", "during", "after", "before", "of", "and")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{0,3}$")
# An earlier inspection named just before a date: "the last inspection in 2014", "previously
# rated in 2017", "at its previous inspection, in 2012": that date is the earlier grade's.
_EARLIER_BEFORE = re.compile(rf"\b(?:{_EARLIER_WORDS}|last)\b(?:\s+[\w'’-]+){{0,3}}\W{{0,3}}(?:in|of|on)?\s*$", re.IGNORECASE)
# Before the grade, its tense: the past markers the rules read (``judgement_past._HISTORICAL``:
# "had been rated", "previously", "up from", "ago") or the present ("is now rated", "currently",
# "has been rated", "the latest").
_PRESENT_BEFORE = re.compile(r"\b(?:now|currently|is|are|has\s+been|have\s+been|latest|new)\b", re.IGNORECASE)
# How the rules dated the grade (``judgement_dates``'s ``date_source``).
_SOURCES = {"text": "text", "subject": "subject", "published": "published", _NOT_STATED: "not_stated", None: "undated"}
_HEAD_LINES = 3  # the page's head: its first lines (a site's name, a label, the headline)
_LEAD_WORDS = 25  # how many words before the grade are read for its tense


class Candidate(NamedTuple):
    """One year a grade may belong to: its date fields and the rules' source word for them,
    the features the model weighs, and where the text says it (None for the page's date
    read from its head or address, the rules' year from beyond the passage, and "no year")."""

    year: int | None
    date: tuple[dict, str | None]
    features: dict[str, float]
    span: tuple[int, int] | None


def threshold() -> float:
    """The share the model's choice needs to overrule the rules: the saved model's, else ``THRESHOLD``."""
    return learned.settings(MODEL).get("threshold", THRESHOLD)


def recording() -> AbstractContextManager[list[dict]]:
    """Record each grade's decision (its span, candidates and what overruled the rules) while
    extracting: the rows ``benchmarks/learn/judgement_year.py`` fits on."""
    return learned.recording(MODEL, [])


def chosen(rating: _Rating, ctx, dates: list[tuple[dict, str | None]]) -> list[tuple[dict, str | None]]:
    """The rules' ``dates`` for a grade, or the candidate the model prefers over them.

    Only a single date is weighed: a list of years ("rated inadequate in 2013, 2016 and
    2019") is the rules' reading of a list, not a choice.
    """
    if len(dates) != 1 or getattr(ctx, "kind", None) in OFSTED_KINDS:
        return dates
    record = learned.record_of(MODEL)
    if record is None and not learned.weights(MODEL):
        return dates  # no model saved: the rules alone
    candidates = year_candidates(rating, ctx, dates[0])
    decision: dict = {"span": rating.span, "candidates": candidates, "overruled_by": None}
    if record is not None:
        record.append(decision)
    ranked = learned.best(MODEL, [(i, c.features) for i, c in enumerate(candidates)]) if learned.weights(MODEL) else None
    if ranked is None or ranked[1] < threshold():
        return dates
    top = candidates[cast(int, ranked[0])]
    if top.features.get("rules"):
        return dates
    decision["overruled_by"] = top
    return [top.date]


def year_candidates(rating: _Rating, ctx, rules: tuple[dict, str | None]) -> list[Candidate]:
    """Each year a reader would weigh for the grade, once (the nearest mention of a year
    speaks for it), in order of year, "no year" last."""
    index = rating.index
    text = index.text
    start, end = rating.span
    own = published_fields(ctx)
    found: dict[int | None, tuple[tuple[dict, str | None], dict[str, float], tuple[int, int] | None]] = {}
    for mention, where, back in _mentions(rating):
        fields = resolved_fields(index, mention, ctx)
        year = fields["year"]
        if year is None:
            continue
        features = _mention_features(rating, mention, where, back)
        distance = features["distance"]
        if year not in found or distance < found[year][1]["distance"]:
            found[year] = ((fields, "text"), features, (mention.start, mention.end))
    if own is not None:
        page = found.get(own["year"])
        if page is None:
            found[own["year"]] = ((own, "published"), {"page_only": 1.0, "distance": 1.0}, None)
    rules_year = rules[0].get("year")
    if rules_year not in found:
        # The rules' own year from beyond the passage (the document's inspection, a kept grade).
        found[rules_year] = (rules, {"rules_elsewhere": 1.0, "distance": 1.0} if rules_year is not None else {}, None)
    else:
        found[rules_year] = (rules, *found[rules_year][1:])
    if None not in found:
        found[None] = ((dict(_UNDATED), _NOT_STATED), {}, None)
    years = [y for y in found if y is not None]
    latest, earliest = max(years, default=None), min(years, default=None)
    lead = " ".join(text[max(rating.sentence[0], start - 200):start].split()[-_LEAD_WORDS:])
    past = bool(_HISTORICAL.search(lead))
    present = bool(_PRESENT_BEFORE.search(lead))
    # (the importer's kinds: news, minutes, other; a press release or a blog is "news" or "other")
    kind = getattr(ctx, "kind", None) or "other"
    out = []
    for year, (date, features, span) in found.items():
        features = dict(features)
        if year == rules_year:
            # the rules' choice, and how they came to it: a date in the grade's own words
            # ("text") is surer than the page's date or the document's inspection
            features["rules"] = 1.0
            features[f"rules_{_SOURCES.get(rules[1], 'text')}"] = 1.0
        if year is None:
            # "No year": likelier where the grade is told as past with nothing to date it,
            # or the page has no date of its own.
            features.update({"none": 1.0, "none_past": float(past), "none_undated_page": float(own is None),
                             f"none_kind_{kind}": 1.0})
        else:
            is_page = own is not None and year == own["year"]
            features.update({
                "page_date": float(is_page), f"page_date_kind_{kind}": float(is_page),
                "page_date_past": float(is_page and past), "page_date_present": float(is_page and present),
                "latest": float(year == latest and len(years) > 1),
                "earliest": float(year == earliest and len(years) > 1),
                "latest_past": float(year == latest and len(years) > 1 and past),
                "latest_present": float(year == latest and len(years) > 1 and present),
            })
        out.append(Candidate(year, date, {k: v for k, v in features.items() if v}, span))
    out.sort(key=lambda c: (c.year is None, c.year or 0))
    return out


def _mentions(rating: _Rating) -> list[tuple[DateMention, str, int]]:
    """The dates of the grade's passage, each with where it is ("sentence", "before" and
    how many sentences back, "after", "head") ."""
    index = rating.index
    s_start, s_end = rating.sentence
    out = [(d, "sentence", 0) for d in index.dates_in(s_start, s_end)]
    sentence, back = index.previous_sentence(s_start), 1
    while sentence is not None and back <= _PASSAGE_SENTENCES and s_start - sentence[1] <= _PASSAGE_GAP:
        out.extend((d, "before", back) for d in index.dates_in(*sentence))
        s_start = sentence[0]
        sentence, back = index.previous_sentence(s_start), back + 1
    following = index.next_sentence(s_end)
    if following is not None and following[0] - s_end <= _PASSAGE_GAP:
        out.extend((d, "after", 1) for d in index.dates_in(*following))
    head_end = _head_end(index.text)
    seen = {d.start for d, _, _ in out}
    out.extend((d, "head", 0) for d in index.dates_in(0, min(head_end, s_start)) if d.start not in seen)
    return out


def _head_end(text: str) -> int:
    pos = seen = 0
    while pos < len(text) and seen < _HEAD_LINES:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        seen += bool(text[pos:line_end].strip())
        pos = line_end + 1
    return pos


def _mention_features(rating: _Rating, mention: DateMention, where: str, back: int) -> dict[str, float]:
    index = rating.index
    text = index.text
    start, end = rating.span
    low, high = (mention.end, start) if mention.end <= start else (end, mention.start)
    words = len(text[low:high].split()) if high > low else 0
    features = {
        f"in_{where}": 1.0,
        "sentences_back": back / _PASSAGE_SENTENCES if where == "before" else 0.0,
        # distance in words, on a log scale: "rated good in 2016" is 1 word off, a date three
        # sentences back 60
        "distance": math.log1p(words) / 5,
        "after_grade": float(mention.start >= end and where == "sentence"),
        "same_clause": float(where == "sentence" and index.clause_at(mention.start) == index.clause_at(start)),
        # other paragraphs: a line break between the date and the grade
        "paragraph_apart": float("\n" in text[low:high]),
        "relative": float(mention.relative is not None or mention.year is None),
        "month_given": float(mention.month is not None),
        "range": float(mention.is_range),
        # the readers' own mark of a date of something else: "published on", "since", a figure's
        "other_event": float(other_event_date(text, mention)),
        "earlier_inspection": float(bool(_EARLIER_BEFORE.search(text, max(0, mention.start - 40), mention.start))),
        # a date of an inspection or a rating: "inspected in May 2016", "rated in 2018"
        "event_word": float(bool(_EVENT_WORD.search(text, *index.clause_at(mention.start)))),
        # another date lies between this one and the grade (a nearer one speaks first)
        "date_between": float(any(low <= d.start and d.end <= high for d in index.dates_in(low, high))),
    }
    cue = _WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    word = cue.group(1).lower() if cue else None
    if word in _CUES:
        features[f"cue_{word}"] = 1.0
    return features
