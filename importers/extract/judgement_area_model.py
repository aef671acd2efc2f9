"""Judgements: more areas for a rating, accepted by a learned model (``judgement_area_pair``).

The hand clause shapes of ``judgement_areas`` read the areas a rating is given for from the
sentence shapes they know, and they miss areas named in shapes they do not ("children in care
and care leavers were judged good" read as one area, a second area after a comma). Here every
pairing of a rating in a judging context with an area phrase of its sentence
(``vocabulary.find_areas``) is a candidate, described by features that each name a general
pattern of language or position (the closed lists below); a linear model fitted on the dev
labels (``benchmarks/learn/judgement_area_pair.py``) says how likely each pairing is a
judgement of that area. A pairing the rules did not give, accepted by the model, becomes one
more judgement with the council and date the rules gave the rating; its span runs from the
rating's words to the area's. No council, publisher, year's value or word of one page is a
feature, and no grade is known in advance.

Reports (``OFSTED_KINDS``) are left to their own rules: their tables and headlines give the
areas, and their bodies' grades are sorted by ``body_grades``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from importers.extract.judgement_rating import _Rating
from importers.extract.learned import probability, weights
from importers.model import OFSTED_KINDS
from importers.vocabulary import find_areas

__all__ = ["ACCEPT", "MODEL", "Pair", "model_areas", "pairs", "recording"]

MODEL = "judgement_area_pair"
# The probability from which a pairing the rules did not give is taken (chosen by the script's
# cross-validation over dev documents; see benchmarks/accuracy/README.md).
ACCEPT = 0.5

_WORD = re.compile(r"[\w'’-]+")
# "overall" beside a grade names the whole service ("rated good overall", "overall, inadequate").
_OVERALL = re.compile(r"\boverall\b(?!\s+effectiveness)", re.IGNORECASE)
# A verb or noun of judging between the grade and the area: "were judged good", "rated as".
_JUDGING = re.compile(
    r"\b(?:rated|rating|ratings|judged|judge?ments?|graded|grades?|found\s+to\s+be|deemed|assessed|described\s+as"
    r"|considered)\b", re.IGNORECASE)
# The word just before an area that gives it a grade after the grade: "good for X", "good in X",
# "good across X", "in relation to X".
_PREP_BEFORE = re.compile(r"\b(?:for|in|across|on|around|to|of)\s+(?:the\s+|its\s+|their\s+)?[\"'‘“]?$",
                          re.IGNORECASE)
# An aspect of an area, which is no grade of the area: "the quality of practice for X", "the
# response to X", "support for X", "work with X".
_ASPECT_BEFORE = re.compile(
    r"\b(?:quality|practice|outcomes?|response|responses|support|work|progress|plans?|planning|numbers?"
    r"|sufficiency|stability|placements?|audits?|decisions?)\s+(?:of|for|to|with|in)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE)
# Negation near the grade: "not rated good", "no longer inadequate", "isn't".
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n['’]t|nor|neither)\b", re.IGNORECASE)
# The sentence tells of an earlier grade: "previously", "the last inspection", "was rated ... in
# 2015" is left to the year model; these are the words alone.
_PAST = re.compile(r"\b(?:previous(?:ly)?|last\s+inspection|earlier|formerly|prior\s+to|since|had\s+been)\b",
                   re.IGNORECASE)
# A hope, an aim or a hypothesis, no grade given: "aim to become outstanding", "on track to".
_AIM = re.compile(
    r"\b(?:aims?|aiming|ambition|goal|target|hope[sd]?|want(?:s|ed)?\s+to|strive|striving|on\s+track|to\s+become"
    r"|to\s+achieve|would|could|might|likely\s+to|expect(?:s|ed)?\s+to|if)\b", re.IGNORECASE)
# The sentence names an inspection or the inspectorate.
_INSPECTION = re.compile(r"\b(?:inspect\w*|ofsted|inspectorate|watchdog|ilacs)\b", re.IGNORECASE)
# Between two areas of one list: "X, Y and Z", "X as well as Y".
_LIST_JOIN = re.compile(r"^[\s\"'’”‘“]*(?:,|;|and\b|&|as\s+well\s+as\b|,\s*and\b)[\s\"'’”‘“]*(?:the\s+|for\s+|in\s+)?$",
                        re.IGNORECASE)
# A copula or verb between an area (the subject) and the grade: "X were judged", "X is".
_COPULA = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|received|got)\b",
                     re.IGNORECASE)
_CUE_KINDS = ("verb", "noun", "named", "quoted", "label", "change", "verdict", "copula", "numeric", "gapped")


@dataclass(frozen=True)
class Pair:
    """One pairing of a rating with an area phrase of its sentence."""

    area: str
    start: int  # the area phrase's words
    end: int
    features: dict[str, float]
    given: bool  # the rules gave the rating this area


_recorder: dict | None = None


@contextmanager
def recording() -> Iterator[dict]:
    """Give every pairing the rules did not (each a judgement on its own span) and note it by
    that span (and the rules' own pairings, as (rating's span, pair) under "given"), instead of
    deciding: the cross-validation in ``benchmarks/learn`` decides them
    offline with other weights, from the judgements they become."""
    global _recorder
    saved, _recorder = _recorder, {}
    try:
        yield _recorder
    finally:
        _recorder = saved


def model_areas(rating: _Rating, areas: list, ctx, named_at: set | None = None) -> list[tuple[str, tuple[int, int]]]:
    """The areas of the rating's sentence, beyond the rules' ``areas``, that the model accepts,
    each with its span (from the rating's words to the area's).

    ``named_at`` holds the spans of ratings said of a council the text names; a pair's span
    joins it where its rating's is there."""
    if getattr(ctx, "kind", None) in OFSTED_KINDS or (_recorder is None and not weights(MODEL)):
        return []
    out = []
    for pair in pairs(rating, set(areas), getattr(ctx, "kind", None)):
        if pair.given:
            if _recorder is not None:
                # (what a right pairing looks like is learnt from the rules' pairings too)
                _recorder.setdefault("given", []).append((rating.span, pair))
            continue
        span = (min(rating.span[0], pair.start), max(rating.span[1], pair.end))
        if _recorder is not None:
            _recorder[span] = pair
        elif probability(MODEL, pair.features) < ACCEPT:
            continue
        out.append((pair.area, span))
        if named_at is not None and rating.span in named_at:
            named_at.add(span)
    return out


def pairs(rating: _Rating, given: set, kind: str | None = None) -> list[Pair]:
    """Every area phrase of the rating's sentence paired with it, with its features."""
    index = rating.index
    text = index.text
    s_start, s_end = rating.sentence
    r_start, r_end = rating.span
    mentions = [(m.start, m.end, m.area) for m in find_areas(text, s_start, s_end)]
    mentions += [(m.start(), m.end(), "overall") for m in _OVERALL.finditer(text, s_start, s_end)]
    mentions = sorted(m for m in mentions if m[1] <= r_start or m[0] >= r_end)
    clause = index.clause_at(r_start)
    sentence = text[s_start:s_end]
    whole = {
        "past_cue": 1.0 if _PAST.search(sentence) else 0.0,
        "aim_cue": 1.0 if _AIM.search(sentence) else 0.0,
        "names_inspection": 1.0 if _INSPECTION.search(sentence) else 0.0,
        "areas_in_sentence_3+": 1.0 if len(mentions) >= 3 else 0.0,
        f"cue_{rating.cue.kind}": 1.0 if rating.cue.kind in _CUE_KINDS else 0.0,
        f"kind_{kind}": 1.0 if kind in ("news", "minutes", "other") else 0.0,
        "rules_gave_it": 0.0,  # set on each pair below
        "rules_gave_none": 1.0 if not given else 0.0,
        "rules_gave_overall": 1.0 if "overall" in given else 0.0,
        "rules_gave_several": 1.0 if len(given) > 1 else 0.0,
    }
    out = []
    for k, (start, end, area) in enumerate(mentions):
        before = end <= r_start
        gap_start, gap_end = (end, r_start) if before else (r_end, start)
        between = text[gap_start:gap_end]
        words = len(_WORD.findall(between))
        feats = dict(whole)
        feats.update({
            "area_before": 1.0 if before else 0.0,
            # the distance in words, in bands (near words are read as one phrase)
            "gap_0_2": 1.0 if words <= 2 else 0.0,
            "gap_3_6": 1.0 if 3 <= words <= 6 else 0.0,
            "gap_7_12": 1.0 if 7 <= words <= 12 else 0.0,
            "gap_13+": 1.0 if words >= 13 else 0.0,
            "rating_between": 1.0 if rating.rated_in(gap_start, gap_end) else 0.0,
            "other_grade_between": 1.0 if rating.other_grade_in(gap_start, gap_end) else 0.0,
            "area_between": 1.0 if any(gap_start <= m[0] and m[1] <= gap_end for m in mentions) else 0.0,
            "judging_between": 1.0 if _JUDGING.search(between) else 0.0,
            "copula_between": 1.0 if before and _COPULA.search(between) else 0.0,
            "stop_between": 1.0 if re.search(r"[;:–—()]", between) else 0.0,
            "comma_between": 1.0 if "," in between else 0.0,
            "prep_before_area": 1.0 if _PREP_BEFORE.search(text, max(s_start, start - 30), start) else 0.0,
            "aspect_before_area": 1.0 if _ASPECT_BEFORE.search(text, max(s_start, start - 40), start) else 0.0,
            "same_clause": 1.0 if clause[0] <= start < clause[1] else 0.0,
            "negation": 1.0 if _NEGATION.search(text, max(s_start, min(r_start, start) - 25), max(r_end, end)) else 0.0,
            "area_overall": 1.0 if area == "overall" else 0.0,
            "listed_with_given": 1.0 if _listed_with(text, mentions, k, given) else 0.0,
            "rules_gave_it": 1.0 if area in given else 0.0,
        })
        out.append(Pair(area, start, end, {n: v for n, v in feats.items() if v}, area in given))
    return out


def _listed_with(text: str, mentions: list[tuple[int, int, str]], k: int, given: set) -> bool:
    """Whether the area is one of a list ("X, Y and Z") another member of which the rules gave."""
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(mentions):
            a, b = (mentions[j + step], mentions[j]) if step < 0 else (mentions[j], mentions[j + step])
            if not _LIST_JOIN.match(text[a[1]:b[0]]):
                break
            j += step
            if mentions[j][2] in given:
                return True
    return False
