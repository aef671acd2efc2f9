"""Judgements: the areas a rating takes from elsewhere in its passage, where its own clause
names none (``judgement_areas`` asks these last, before calling a grade the overall one).

* The other grade of a change: "the council's ratings for supporting children in care, as
  well as leadership, have improved to 'good' from 'requires improvement'" and "gone from
  'inadequate' to 'good' for child protection" give both grades the areas either names.
* Two grades of one service joined by "and": "SERVICES for vulnerable children in Hampshire
  have been rated as good and outstanding" (a local paper) grades areas it does not name, as
  "received good and outstanding Ofsted ratings" does (``judging``): neither is the overall grade.
* The date of the lead grade a clause about an area hangs on: "a similar 2017 inspection which
  found the performance ... to be good overall but that the experiences and progress of
  children who need help and protection ... required improvement" (a local news site), "rated
  good in 2016, with leadership judged outstanding" (``attached_lead``).
* The areas the sentence before listed, counted again as the subject: "Their inspection
  focused on children in care, children who need help and protection, and the impact of
  social workers. All three were deemed inadequate" (a local radio story).
* The areas the grades told before leave: "Ofsted rated the experiences and progress of care
  leavers as inadequate. The inspectors rated the other three areas of inspection as requiring
  improvement to be good" (a council's release).
* The areas a count of them leaves where the passage grades the others apart: "Services were
  judged to be Outstanding in three out of four categories, including overall effectiveness.
  ... It was rated Good for the experiences and progress of children in care and care leavers"
  (a council's release): the framework's four less the one graded good.
* The date of the grade the passage opened with, for an area's grade told in a sentence after
  it with no date of its own and no council named: "Kent was rated good by Ofsted in 2023.
  Children in care received an outstanding rating." (in other words: no real page was found
  where this changes the year), but not an earlier grade of the passage ("... its highest rating
  of 'outstanding' overall, following a previously 'good' judgment three years ago. The only
  category that remained good was ...", trade press) (``passage_lead``).
* Every area of a framework the text does not fix: "deemed 'inadequate' in all areas" on an
  undated page after a 2016 inspection is the areas every later framework grades alike
  (``vocabulary.areas_judged_alike``); "across all four major headings" is the one framework
  with four judgements (``vocabulary.areas_judged_by_count``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from importers.extract.dates import COUNT_WORDS
from importers.extract.judgement_area_lists import _covers, _named_areas
from importers.extract.judgement_past import _in_the_past
from importers.extract.judgement_rating import _INSPECTION_WORD, _NUMBER_WORD, _PASSAGE_GAP, _PASSAGE_SENTENCES, _Rating
from importers.extract.judging import CHANGE_TO_GAP, OVERALL_AFTER, _GRADE_AND, judging_cue
from importers.vocabulary import areas_judged_alike, areas_judged_by_count, find_areas, normalise_rating

# Between the new grade and the old one it replaced: "improved to 'good' from 'requires
# improvement'", "rated good, up from requires improvement".
_FROM_GAP = re.compile(r"[\"'’”]?\s*,?\s*(?:(?:up|down)\s+)?from\s+[\"'‘“]?", re.IGNORECASE)
# ... or after the old one: "from 'inadequate' to 'good'", "from 'Good' in 2018 to 'Outstanding'"
# (``judging.CHANGE_TO_GAP``, the old grade's year perhaps between).
_FROM_BEFORE = re.compile(r"\bfrom\s+[\"'‘“]?$", re.IGNORECASE)
# Between a lead grade and a clause about an area that hangs on it: "... good overall but that
# ...", "... good in 2016, with leadership judged ...", or a second verb of the same subject:
# "... rated good in 2016 and received an outstanding rating for leadership".
_ATTACHED = re.compile(
    r"(?:,\s*|\s+)(?:with|but\s+that|and\s+that|and\s+(?:also\s+)?(?=(?:received|got|gained|achieved|secured|earned|"
    r"was|were)\s))\s*", re.IGNORECASE)
_NOW_OR_PAST = re.compile(r"\b(?:now|currently|since|previously|formerly|last|earlier)\b", re.IGNORECASE)
# A sentence opening on a count of what the sentence before listed: "All three were deemed
# inadequate", "Both were rated good", "Each of the four areas was judged ...".
# ... or on a demonstrative naming one area or two: "This area will require improvement to be good,
# inspectors said" after a sentence on "the experiences of children in need of help and
# protection" (a local news site), "Both areas were judged ...".
_COUNTED_SUBJECT = re.compile(
    rf"\W*(?:all(?:\s+(?:the\s+)?(?P<n>{_NUMBER_WORD}))?|(?P<both>both|(?:these|those|the)\s+two)|each\s+of\s+(?:the\s+|these\s+|those\s+)?"
    rf"(?P<m>{_NUMBER_WORD})|(?P<this>this|that))(?:\s+of\s+(?:them|these|those))?"
    r"(?(this)\s+(?:area|category|judge?ment|aspect)|(?:\s+(?:areas|categories|judge?ments|services))?)"
    # (the rating may be the verb itself, where the match ends: "This area requires improvement")
    r"(?:\s+(?:also|too|again))?\s+(?=(?:were|was|are|is|have|had|will|would)\b|$)",
    re.IGNORECASE,
)
_NUMBER = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)
_AREA_NOUN = re.compile(r"\b(?:areas?|categor(?:y|ies)|judge?ments?|aspects?)\b", re.IGNORECASE)


def _change_partner(rating: _Rating) -> _Rating | None:
    """The other grade of a change of grade the rating belongs to ("from X to Y", "Y from X",
    "Y, up from X"), as a judgement, else None."""
    text = rating.index.text
    matches, i = rating.matches, rating.i
    for first, second in ((i, i + 1), (i - 1, i)):
        if first < 0 or second >= len(matches):
            continue
        before, after = matches[first], matches[second]
        if _FROM_GAP.fullmatch(text, before.end(), after.start()) or (
                CHANGE_TO_GAP.fullmatch(text, before.end(), after.start())
                and _FROM_BEFORE.search(text, max(0, before.start() - 8), before.start())):
            partner = second if first == i else first
            cue = judging_cue(rating.index, matches, partner)
            return replace(rating, i=partner, cue=cue) if cue is not None else None
    return None


def mixed_grades(rating: _Rating, own_areas) -> bool:
    """Whether the rating and another grade joined to it by "and" ("or") are both said of the whole
    service (``own_areas`` reads a rating's own areas): two grades of areas it does not name."""
    text = rating.index.text
    matches, i = rating.matches, rating.i
    for k in (i - 1, i + 1):
        if not 0 <= k < len(matches):
            continue
        first, second = sorted((i, k))
        if not _GRADE_AND.fullmatch(text, matches[first].end(), matches[second].start()):
            continue
        if normalise_rating(matches[k].group()) == normalise_rating(rating.written):
            continue
        cue = judging_cue(rating.index, matches, k)
        if cue is not None and own_areas(replace(rating, i=k, cue=cue)) == ["overall"]:
            return True
    return False


def names_no_area(rating: _Rating) -> bool:
    """Whether the rating's own share of its sentence names no area and no "overall": its
    "overall" grade is only the default, which the passage may correct."""
    text = rating.index.text
    region_start, region_end = rating.neighbours(*rating.sentence)
    return not find_areas(text, region_start, region_end) and not OVERALL_AFTER.match(text, rating.span[1])


def changed_areas(rating: _Rating, own_areas) -> list[str]:
    """The areas the other grade of the rating's change names, where they are areas and not
    the whole service; [] where there is no such grade. ``own_areas`` reads a rating's own."""
    partner = _change_partner(rating)
    if partner is None or names_no_area(partner):
        return []
    areas = own_areas(partner)
    return list(areas) if areas and None not in areas and "overall" not in areas else []


def counted_areas_before(rating: _Rating) -> list[str]:
    """The areas a counted subject ("All three were deemed inadequate", "Both were rated good")
    takes up from the sentence before, which lists exactly that many and grades none; else []."""
    index = rating.index
    text = index.text
    s_start = rating.sentence[0]
    opening = _COUNTED_SUBJECT.match(text, s_start, rating.span[0])
    if opening is None:
        return []
    word = "two" if opening["both"] else "one" if opening["this"] else (opening["n"] or opening["m"] or "").lower()
    wanted = int(word) if word.isdigit() else COUNT_WORDS.get(word)
    previous = index.previous_sentence(s_start)
    if not wanted or previous is None or s_start - previous[1] > _PASSAGE_GAP or rating.rated_in(*previous):
        return []
    areas = list(dict.fromkeys(area for a in find_areas(text, *previous) if a.area != "overall"
                               for area in _named_areas(text, a)))
    return areas if len(areas) == wanted else []


def opens_on_area_noun(rating: _Rating) -> bool:
    """Whether the rating's sentence opens on a demonstrative or count with an area noun ("This
    area", "Both areas", "All four categories"): a grade of areas, never of the whole service,
    whether or not the sentence before names them."""
    opening = _COUNTED_SUBJECT.match(rating.index.text, rating.sentence[0], rating.span[0])
    return opening is not None and bool(_AREA_NOUN.search(opening.group()))


def areas_graded_before(rating: _Rating) -> set[str]:
    """The areas graded in the sentences of the passage before the rating's (up to three, the
    passage unbroken), for "the other three areas" of the sentence after them."""
    index = rating.index
    text = index.text
    named: set[str] = set()
    s_start = rating.sentence[0]
    previous = index.previous_sentence(s_start)
    for _ in range(_PASSAGE_SENTENCES):
        if previous is None or s_start - previous[1] > _PASSAGE_GAP:
            break
        if rating.rated_in(*previous):
            named |= {area for a in find_areas(text, *previous) if a.heading or a.area != "overall"
                      for area in _named_areas(text, a)}
        s_start = previous[0]
        previous = index.previous_sentence(s_start)
    return named


def areas_graded_apart(rating: _Rating) -> set[str]:
    """The areas the sentences around the rating's, in its passage (up to three either side),
    give another grade than the rating's."""
    index = rating.index
    text = index.text
    own = normalise_rating(rating.written)
    named: set[str] = set()
    for backwards in (True, False):
        s_start, s_end = rating.sentence
        sentence = index.previous_sentence(s_start) if backwards else index.next_sentence(s_end)
        for _ in range(_PASSAGE_SENTENCES):
            if sentence is None or max(s_start - sentence[1], sentence[0] - s_end) > _PASSAGE_GAP:
                break
            for match in rating.matches:
                if sentence[0] <= match.start() < sentence[1] and normalise_rating(match.group()) != own:
                    named |= {area for a in find_areas(text, match.end(), sentence[1]) if a.area != "overall"
                              for area in _named_areas(text, a)}
            s_start, s_end = sentence
            sentence = index.previous_sentence(s_start) if backwards else index.next_sentence(s_end)
    return named


def counted_in_passage(rating: _Rating, counted: re.Match[str], judged: tuple[str, ...]) -> list[str]:
    """The areas "Outstanding in three out of four categories" is given for where the passage
    grades the others apart: the framework's areas less those, where the count is exactly that
    many and the total, if told, the framework's."""
    left = [area for area in judged if area not in (apart := areas_graded_apart(rating)) and not _covers(apart, area)]
    numbers = [int(w) if w.isdigit() else COUNT_WORDS.get(w.lower()) for w in _NUMBER.findall(counted.group())]
    if not apart or not numbers or numbers[0] != len(left) or (len(numbers) > 1 and numbers[1] != len(judged)):
        return []
    return left


def rest_of_passage(rating: _Rating, rest: re.Match[str], judged: tuple[str, ...]) -> list[str]:
    """The areas "the other three areas" is given for where the grades told before it name the
    others: the framework's areas less those and the overall grade, where the count, if any,
    is exactly that many."""
    named = areas_graded_before(rating)
    if not named:
        return []
    left = [area for area in judged if area != "overall" and area not in named and not _covers(named, area)]
    wanted = _count_in(rest)
    return left if wanted is None or wanted == len(left) else []


def unfixed_framework_areas(rating: _Rating, every: re.Match[str]) -> tuple[str, ...]:
    """The areas "in all areas" stands for where the page does not fix the framework: the one
    framework with as many judgements as the words count ("all four"), else those every
    framework since the latest year the page names grades alike."""
    return areas_judged_by_count(_count_in(every)) or areas_judged_alike(rating.index.latest_year)


def _count_in(words: re.Match[str]) -> int | None:
    """The number the words count ("the other three areas"), else None."""
    count = _NUMBER.search(words.group())
    if count is None:
        return None
    word = count.group().lower()
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


def attached_lead(rating: _Rating) -> _Rating | None:
    """The grade before the rating in its sentence whose clause the rating's clause hangs on
    ("... good overall but that ... required improvement", "..., with leadership judged
    outstanding"), where nothing between dates or times the rating apart; else None."""
    index = rating.index
    text = index.text
    i = rating.i
    if i == 0 or rating.matches[i - 1].start() < rating.sentence[0]:
        return None
    between = rating.matches[i - 1].end(), rating.span[0]
    joined = None
    for joined in _ATTACHED.finditer(text, *between):
        pass
    if joined is None or _NOW_OR_PAST.search(text, joined.start(), between[1]):
        return None
    if index.dates_in(joined.end(), between[1]) or rating.rated_in(joined.end(), between[1]):
        return None
    cue = judging_cue(index, rating.matches, i - 1)
    return replace(rating, i=i - 1, cue=cue) if cue is not None and not cue.historical else None


def passage_lead(rating: _Rating) -> _Rating | None:
    """The grade the passage told before the rating's sentence (up to three sentences back, the
    passage unbroken), the nearest first, for an area's grade that states no date of its own:
    one inspection grades the whole and then its areas, sentence by sentence. None where the
    rating's sentence names a council (it tells its own news: "Nine local authorities, including
    Haringey, were found to be inadequate" after "a good rating last year to Haringey"), where it
    is said to hold "now" or to be an earlier one, or where no grade is told before it."""
    index = rating.index
    text = index.text
    s_start = rating.sentence[0]
    if index.authorities_in(*rating.sentence) or _NOW_OR_PAST.search(text, s_start, rating.span[0]):
        return None
    own = normalise_rating(rating.written)
    sentence = index.previous_sentence(s_start)
    for back in range(_PASSAGE_SENTENCES):
        if sentence is None or s_start - sentence[1] > _PASSAGE_GAP:
            return None
        p_start, p_end = sentence
        for k in reversed(range(rating.i)):
            if rating.starts[k] < p_start:
                break
            if rating.starts[k] >= p_end:
                continue
            cue = judging_cue(index, rating.matches, k)
            if cue is None:
                continue
            candidate = replace(rating, i=k, cue=cue, sentence=sentence)
            around = candidate.neighbours(p_start, p_end)
            if _in_the_past(candidate, around[0], around[1]):
                # "... gave the department its highest rating of 'outstanding' overall, following a
                # previously 'good' judgment three years ago" (trade press): an earlier grade
                # dates none of the new inspection's areas.
                continue
            # Another grade is the same inspection's only as the sentence just before, and not
            # where the rating's own words tell an inspection of their own ("They said the
            # services - rated 'good' in 2018 - had deteriorated ... Their inspection focused on
            # ... All three were deemed inadequate", a local radio story).
            if normalise_rating(rating.matches[k].group()) != own and (
                    back > 0 or _INSPECTION_WORD.search(text, rating.sentence[0], rating.span[0])):
                return None
            return candidate
        s_start = p_start
        sentence = index.previous_sentence(p_start)
    return None
