"""Judgements: more areas for the rating words of a judged sentence, accepted by a learned model.

The hand clause shapes of ``judgement_areas`` read the areas a rating is given for from the
sentence shapes they know, and miss areas named in shapes they do not ("Other services for X,
Y, Z and W were judged to be 'Good'" read as Z and W only; "judged to be good overall and
outstanding for the experiences and progress of children in care", whose "outstanding" the
judging rules do not take). Here, once the rules have read a text (``model_judgements``, called
once from ``judgements.extract``), every rating word of a sentence the rules judged is paired
with every area phrase of that sentence (``vocabulary.find_areas``, and "overall") the rules did
not give it. Each pair is described by features that each name a general pattern of language
or position (the closed lists below); a linear model fitted on the dev labels
(``benchmarks/learn/judgement_area_pair.py``, model "judgement_area_pair") says how likely the
pair is a judgement of that area. An accepted pair becomes one more judgement with the council
and date the rules gave the rating (or, for a rating word they did not take, the sentence's
first judged rating); its span runs from the rating's words to the area's. No council,
publisher, year's value or word of one page is a feature, and no grade is known in advance.

The script saves the model only where it beats the rules alone in cross-validation without
adding extras; where none is saved, nothing here adds anything. Reports (``OFSTED_KINDS``) are
left to their own rules: their tables and headlines give the areas, and their bodies' grades
are sorted by ``body_grades``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from importers.extract.judgement_rating import _Rating
from importers.extract.judging import Cue
from importers.extract import learned
from importers.model import OFSTED_KINDS, Fact
from importers.vocabulary import (
    AREA_COMPONENTS, era_for, event_type_of, find_areas, grade_of, normalise_rating, on_the_scale,
)

__all__ = ["ACCEPT", "MODEL", "Pair", "accept", "model_judgements", "pairs", "recording"]

MODEL = "judgement_area_pair"
# The probability from which a pairing the rules did not give is taken (chosen by the script's
# cross-validation over dev documents; see benchmarks/accuracy/README.md). Where no model is saved
# (the script saves one only where it beats the rules alone without extras), nothing is added.
ACCEPT = 0.45

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
# Between two areas of one list: "X, Y and Z", "X as well as Y", "X or Y".
_LIST_WORD = re.compile(r",|\band\b|&|\bas\s+well\s+as\b|\bor\b", re.IGNORECASE)
# Between an area, the subject, and its grade: "X were judged to be 'good'", "X is rated as",
# "X have both been judged", "X was also".
_SUBJECT_GAP = re.compile(
    r"[\s\"'’”]*(?:services?\s+|work\s+|provision\s+)?(?:(?:is|are|was|were|has|have|had|been|being|also|all|both|each"
    r"|now|remains?|remained|received|got|a|an|the)\s+){1,4}(?:(?:rated|judged|graded|assessed|deemed|found|described"
    r"|considered|seen)\s+)?(?:as\s+|to\s+be\s+|to\s+)?[\"'‘“]*$", re.IGNORECASE)
# Between a grade and the area it is given for: "good for X", "'outstanding' rating for the X",
# "good in the areas of X".
_FOR_GAP = re.compile(
    r"[\"'’”]*\s*(?:(?:rating|grade|judge?ment|overall)s?\s+)?(?:(?:was|were)\s+(?:given\s+)?)?"
    r"(?:for|in|across|around|on|to)\s+(?:(?:the|its|their|all)\s+)?(?:(?:areas?|categor(?:y|ies))\s+of\s+)?"
    r"(?:(?:the|its|their)\s+)?[\"'‘“]*$", re.IGNORECASE)
# Between them, a turn to another clause of contrast ("requires improvement, while X ...",
# "good, but X ...") or of cause ("good because of X", "as a result of failures in X").
_CONTRAST = re.compile(r"\b(?:but|while|whilst|whereas|although|though|however|despite|except)\b", re.IGNORECASE)
_REASON = re.compile(r"\b(?:because|as\s+a\s+result|due\s+to|thanks\s+to|after|following|since|with)\b", re.IGNORECASE)
# A description of the area rather than its grade: "strong and effective leadership", "failures
# in leadership", "weaknesses in child protection".
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:strong|effective|ineffective|weak|robust|improved|improving|better|stable|visible|poor|failures?|failings?"
    r"|weakness(?:es)?|concerns?|strengths?|praised?)\s+(?:(?:and|in|of|for)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# The area is the complement of another noun: "the leadership of children's services".
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
# The area is the subject of a predicate of its own that grades nothing: "leadership was praised
# by inspectors", "care leavers were commended", "leadership has improved".
_OWN_PREDICATE = re.compile(
    r"[\"'’”]?\s+(?:(?:was|were|is|are|has|have|had|has\s+been|have\s+been|had\s+been)\s+)?(?:also\s+)?"
    # (not the verbs that give or keep a grade: "care leavers received an outstanding grade")
    r"(?!(?:rated|judged|graded|assessed|deemed|found|described|considered|seen|given|awarded|received|achieved"
    r"|gained|secured|earned|retained|maintained|kept|as|to|a|an|the|also|now|still)\b)"
    r"(?:[a-z]+ed|praised|improved|singled)\b", re.IGNORECASE)
# A year between them (whether there is one, never its value): "good' rating from 2013, and the
# report identified how child protection ..." leaves the area to another clause.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A copula or verb between an area (the subject) and the grade: "X were judged", "X is".
_COPULA = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained|received|got)\b",
                     re.IGNORECASE)
# (``judging.Cue`` kinds, and "none" for a rating word the judging rules did not take)
_CUE_KINDS = ("verb", "noun", "named", "quoted", "label", "change", "verdict", "copula", "numeric", "gapped", "none")


@dataclass(frozen=True)
class Pair:
    """One pairing of a rating with an area phrase of its sentence."""

    area: str
    start: int  # the area phrase's words
    end: int
    features: dict[str, float]
    given: bool  # the rules gave the rating this area


@contextmanager
def recording() -> Iterator[dict]:
    """Give every pairing the rules did not (each a judgement on its own span) and note it by
    that span (and the rules' own pairings, as (rating's span, pair) under "given"), instead of
    deciding: the cross-validation in ``benchmarks/learn`` decides them
    offline with other weights, from the judgements they become."""
    with learned.recording(MODEL, {}) as recorded:
        yield recorded


def accept() -> float:
    """The probability from which a pairing is taken: the saved model's setting, else ``ACCEPT``."""
    return learned.settings(MODEL).get("threshold", ACCEPT)


def model_judgements(judged: list[tuple[_Rating, list[Fact]]], ctx, named_at: set | None = None) -> list[Fact]:
    """More judgements for the sentences the rules judged: each rating word of such a sentence
    paired with each area phrase of it the rules did not give that rating word ("Other services
    for X, Y, Z and W were judged to be 'Good'" read as Z and W only; "judged to be good overall
    and outstanding for the experiences and progress of children in care", whose "outstanding"
    the judging rules did not take), where the model accepts the pair. Council and date are
    those the rules gave the rating, else the sentence's first judged rating; the span runs
    from the rating's words to the area's. ``judged``: each rating the judging rules took, with
    the judgements they gave it (none, perhaps); ``named_at``: the spans of ratings said of a
    council the text names, which the new spans join where their source's is there."""
    recorder = learned.record_of(MODEL)
    if getattr(ctx, "kind", None) in OFSTED_KINDS or (recorder is None and not learned.weights(MODEL)):
        return []
    own = {rating.span: (rating, found) for rating, found in judged}
    by_area: dict[tuple, set] = {}  # (council, area) -> the grades the rules gave it
    for _, found in judged:
        for f in found:
            by_area.setdefault((f.get("authority"), f.get("area")), set()).add(f.get("rating"))
    out: list[Fact] = []
    done: set = set()
    for rating, found in judged:
        if not found or rating.sentence in done:
            continue
        done.add(rating.sentence)
        s_start, s_end = rating.sentence
        in_sentence = [own[m.span()] for m in rating.matches if m.span() in own and s_start <= m.start() < s_end]
        for j, match in enumerate(rating.matches):
            written = match.group()
            normalised = normalise_rating(written)
            if not s_start <= match.start() < s_end or not normalised:
                continue
            this, source = own.get(match.span(), (None, []))
            if this is not None and not source:
                continue  # (judged, and refused: said of councils in general, say, or of no date)
            this = this or _Rating(rating.index, rating.matches, rating.starts, j, Cue("none", match.start()),
                                   rating.sentence)
            areas = {f.get("area") for f in source}
            source = source or found
            councils = {f.get("authority") for f in source}
            others = {(f.get("area"), f.get("rating")) for r, fs in in_sentence if r.span != this.span for f in fs}
            for pair in pairs(this, areas, getattr(ctx, "kind", None)):
                feats = dict(pair.features)
                # the rules gave the area another grade, in this sentence or for this council elsewhere
                if any(area == pair.area and grade != normalised for area, grade in others):
                    feats["area_graded_otherwise_in_sentence"] = 1.0
                if any(by_area.get((c, pair.area), set()) - {normalised} for c in councils):
                    feats["area_graded_otherwise_in_text"] = 1.0
                pair = Pair(pair.area, pair.start, pair.end, feats, pair.given)
                if pair.given:
                    if recorder is not None:
                        # (what a right pairing looks like is learnt from the rules' pairings too)
                        recorder.setdefault("given", []).append((this.span, pair))
                    continue
                span = (min(this.span[0], pair.start), max(this.span[1], pair.end))
                if recorder is not None:
                    recorder[span] = pair
                elif learned.probability(MODEL, pair.features) < accept():
                    continue
                if named_at is not None and rating.span in named_at:
                    named_at.add(span)
                out.extend(_regraded(source, span, pair.area, written, normalised))
    return out


def _regraded(found: list[Fact], span: tuple[int, int], area: str, written: str, normalised: str) -> list[Fact]:
    """The judgements ``found`` (one per council and date) with another grade and area."""
    seen, out = set(), []
    for f in found:
        key = (f.get("authority"), f.get("year"), f.get("month"), f.get("date_source"))
        if key in seen or not on_the_scale(normalised, f.get("year")):
            continue
        seen.add(key)
        era = era_for(f.get("year"), written, f.get("month"))
        out.append(Fact("judgement", span, {
            **f.fields, "rating": normalised, "rating_text": written, "grade": grade_of(normalised),
            "area": area, "era": era, "event_type": event_type_of(era, normalised)}))
    return out


def pairs(rating: _Rating, given: set, kind: str | None = None) -> list[Pair]:
    """Every area phrase of the rating's sentence paired with it, with its features."""
    index = rating.index
    text = index.text
    s_start, s_end = rating.sentence
    r_start, r_end = rating.span
    found = find_areas(text, s_start, s_end)
    formal = {(m.start, m.end) for m in found if m.heading}
    mentions = [(m.start, m.end, m.area) for m in found]
    mentions += [(m.start(), m.end(), "overall") for m in _OVERALL.finditer(text, s_start, s_end)]
    mentions = sorted(m for m in mentions if m[1] <= r_start or m[0] >= r_end)
    # the other rating words of the sentence, for which of them each area is nearer to
    others = [m.span() for j, m in enumerate(rating.matches) if j != rating.i and s_start <= m.start() < s_end]
    clause = index.clause_at(r_start)
    sentence = text[s_start:s_end]
    whole = {
        "past_cue": 1.0 if _PAST.search(sentence) else 0.0,
        "aim_cue": 1.0 if _AIM.search(sentence) else 0.0,
        "names_inspection": 1.0 if _INSPECTION.search(sentence) else 0.0,
        "areas_in_sentence_3+": 1.0 if len(mentions) >= 3 else 0.0,
        "other_ratings_in_sentence": 1.0 if others else 0.0,
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
        order = "area_first" if before else "grade_first"
        beside = _beside(between, before)
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
            # a verb of judging means one thing between a subject and its grade ("X were judged
            # good") and another after the grade ("good, and judged X ...")
            f"judging_between_{order}": 1.0 if _JUDGING.search(between) else 0.0,
            f"copula_between_{order}": 1.0 if _COPULA.search(between) else 0.0,
            "contrast_between": 1.0 if _CONTRAST.search(between) else 0.0,
            "reason_between": 1.0 if _REASON.search(between) else 0.0,
            "year_between": 1.0 if _YEAR.search(between) else 0.0,
            "described_area": 1.0 if _DESCRIBED_BEFORE.search(text, max(s_start, start - 40), start) else 0.0,
            "of_before_area": 1.0 if _OF_BEFORE.search(text, max(s_start, start - 12), start) else 0.0,
            # the area is beside another rating word, as its subject or what it is for
            "beside_other_rating": 1.0 if any(_beside(text[end:o[0]], True) if end <= o[0] else
                                              _beside(text[o[1]:start], False) for o in others
                                              if end <= o[0] or o[1] <= start) else 0.0,
            "stop_between": 1.0 if re.search(r"[;:–—()]", between) else 0.0,
            f"comma_between_{order}": 1.0 if "," in between else 0.0,
            "prep_before_area": 1.0 if _PREP_BEFORE.search(text, max(s_start, start - 30), start) else 0.0,
            "aspect_before_area": 1.0 if _ASPECT_BEFORE.search(text, max(s_start, start - 40), start) else 0.0,
            "same_clause": 1.0 if clause[0] <= start < clause[1] else 0.0,
            "negation": 1.0 if _NEGATION.search(text, max(s_start, min(r_start, start) - 25), max(r_end, end)) else 0.0,
            "area_overall": 1.0 if area == "overall" else 0.0,
            "area_formal_name": 1.0 if (start, end) in formal else 0.0,
            # another rating word nearer the area than this one: the area is more likely its
            "nearer_other_rating": 1.0 if any(_distance((start, end), o) < _distance((start, end), (r_start, r_end))
                                              for o in others) else 0.0,
            f"beside_grade_{order}": 1.0 if beside else 0.0,
            f"list_reaches_grade_{order}": 1.0 if not beside and _list_reaches(text, mentions, k, r_start, r_end) else 0.0,
            "listed_with_given": 1.0 if _listed_with(text, mentions, k, given) else 0.0,
            "rules_gave_it": 1.0 if _given(area, given) else 0.0,
            "area_has_own_predicate": 1.0 if _OWN_PREDICATE.match(text, end, s_end) else 0.0,
        })
        out.append(Pair(area, start, end, {n: v for n, v in feats.items() if v}, _given(area, given)))
    return out


def _given(area: str, given: set) -> bool:
    """Whether the rules gave the area, itself or as its parts ("children in care and care
    leavers" as the two, or one of the two as the combined judgement)."""
    parts = AREA_COMPONENTS.get(area, (area,))
    return area in given or all(p in given for p in parts) or any(area in AREA_COMPONENTS.get(g, ()) for g in given)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _beside(between: str, area_first: bool) -> bool:
    """Whether the area and the grade are next to each other as subject and grade ("X were judged
    to be 'good'", "X is good") or as grade and what it is for ("good for X", "'outstanding' in X")."""
    if area_first:
        return bool(_SUBJECT_GAP.match(between))
    return bool(_FOR_GAP.match(between))


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether two area phrases are members of one list: a few words between them, with a comma
    or "and" and no verb ("X, Y and Z", "X who are looked after or in care, Y")."""
    gap = text[a[1]:b[0]]
    return (len(_WORD.findall(gap)) <= 6 and bool(_LIST_WORD.search(gap))
            and not _JUDGING.search(gap) and not _COPULA.search(gap) and not re.search(r"[.;:!?()]", gap))


def _list_reaches(text: str, mentions: list[tuple[int, int, str]], k: int, r_start: int, r_end: int) -> bool:
    """Whether the area is one of a list whose member nearest the grade is beside it."""
    step = 1 if mentions[k][1] <= r_start else -1
    j = k
    while 0 <= j + step < len(mentions):
        nxt = mentions[j + step]
        if (step == 1 and nxt[1] > r_start) or (step == -1 and nxt[0] < r_end):
            break
        if not (_joined(text, mentions[j], nxt) if step == 1 else _joined(text, nxt, mentions[j])):
            break
        j += step
    if j == k:
        return False
    last = mentions[j]
    return _beside(text[last[1]:r_start], True) if step == 1 else _beside(text[r_end:last[0]], False)


def _listed_with(text: str, mentions: list[tuple[int, int, str]], k: int, given: set) -> bool:
    """Whether the area is one of a list ("X, Y and Z") another member of which the rules gave."""
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(mentions):
            a, b = (mentions[j + step], mentions[j]) if step < 0 else (mentions[j], mentions[j + step])
            if not _joined(text, a, b):
                break
            j += step
            if mentions[j][2] in given:
                return True
    return False
