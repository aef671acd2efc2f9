"""Judgements: the areas a rating is given for (see ``judgements`` for the whole).

Area: a label's area; "rating for the experiences and progress of children in
care"; an "including ..." list (one judgement per area named); the subject
before the rating, with the list it ends ("Help and protection and care
leavers were judged good"); "good overall"; "Good ratings were received for
X, Y and Z"; "'good' in the areas of X, Y and Z"; "A good rating was attributed
to X and Y"; "good in every area except X", "'Good' in every category and
'Outstanding' for X", "Outstanding in all areas" and "each of the areas inspected
were rated as ..." (the regime's areas, less those excepted or rated apart,
``vocabulary.areas_judged``). A rating counted over areas it does not name
("'good' in two of the three categories", "'inadequate' under 15 main headings")
is no judgement, unless the other grades of the sentence name the areas it leaves and the count
fits ("good in three of the four areas, and requires improvement for help and protection";
"good for the rest", "with all other areas also rated good", which leave out the overall grade).
A grade that shares the verb of the one before ("rated good overall, and outstanding for
leadership", "'good' for X, 'good' for Y") takes its own areas and that one's date; ", as was
X" gives X the same grade; "X, which Ofsted said requires improvement" grades X; "leadership
(outstanding)" is a label; a list set out after a dash or colon ending the sentence is the
grade's. The quality, practice, outcomes of or response to an area ("response to child
protection referrals was deemed inadequate") is no judgement.
"children in care and care leavers" as a plain list is two areas; ILACS's
formal name for it is one. An "including" clause names its areas however
loosely listed; "in every category. This included: ..." sets them out in the
next sentence; "Devon's received ..." (a possessive with its noun unsaid) takes
the area named before it; "leadership of children's services" is leadership. The council or its services mean "overall", and
so does a rating said of nothing narrower; a partial cover ("good in almost
all categories") that names no area gives None.

Also: "rated as 'good' in relation to X" (or "in respect of", "with regard to", "in terms
of") is X's grade; "good in the following areas – X; Y" lists them; "the two areas that
require improvement which were X and Y" and "The areas inspected, each of which were
described as requiring improvement, were: X; Y" grade the list after the clause; the grade's
giver may stand before "in every category" ("rated by Ofsted in every category", "the best
possible rating that Ofsted can give across all of the key judgements"); a grade whose
subject is an aspect with no area ("quality of practice was judged as 'inadequate'") is no
judgement. Where the rating's own words name no area, the passage may (see
``judgement_area_passages``): the other grade of a change, the grades told before "the other
three areas", every area of a framework the page does not fix; two grades of the whole
service joined by "and" are neither its overall grade.

A clause may open on its areas, set off by a comma: "In all five areas of judgement, ... the
service 'requires improvement to be good'" (the framework's areas), "in the three main judgment
areas of X, Y, and Z, [the services] were assessed as ..." (those named); "The Outstanding
rating was for X" names X; a count set out in the next sentence ("in four of five key areas.
These were X, Y, Z ...") is that list where it counts as many; "with some services rated
'outstanding'" is no grade of the whole.

The lists of areas a rating names, and what a count or "every area" leaves, are
``judgement_area_lists``'s.
"""

from __future__ import annotations

import re

from importers.extract.judgement_area_lists import (
    _areas_after, _areas_left, _areas_listed_below, _areas_set_out_after, _every_area_but, _list_ending, _listed_areas,
    _listed_areas_to, _named_areas,
)
from importers.extract.judgement_area_passages import (
    _count_in, changed_areas, counted_areas_before, counted_in_passage, mixed_grades, names_no_area, opens_on_area_noun,
    rest_of_passage,
    unfixed_framework_areas,
)
from importers.extract.judgement_rating import _LIST_GAP, _NUMBER_WORD, _PASSAGE_SENTENCES, _STRAY_WORD, _Rating
from importers.extract.judging import (
    AREAS_LISTED_AFTER, AREAS_QUALIFIED_BEFORE, OPEN_QUOTES, OVERALL_AFTER, PLURAL_GRADES_AFTER,
)
from importers.vocabulary import UNPLACED_ASPECT_RE, areas_judged, find_areas, normalise_rating, regime_from

_CQ = r"[\"'’”]?"
# "rating for the experiences and progress of ...", "Good ratings were received for
# the impact of leaders ...", "outstanding ratings in two categories, children's
# experience in care and ...": the areas a rating is given for, named after it.
_AREA_AFTER = re.compile(
    # ("The Outstanding rating was for the council's Pathway Care Leaver team": a council
    # leader's column; the grade noun and a bare copula before "for")
    rf"{_CQ}(?:\s+(?:overall\s+)?(?:rating|grade|judge?ment|label)s?(?:\s+(?:was|were|is|are)(?=\s+for\b))?)?"
    r"(?:\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:received|given|awarded|achieved|made))?"
    # "A good rating was attributed to the local authority's work with children who ..."
    r"(?P<to>\s+(?:was|were|has\s+been|have\s+been)\s+(?:attributed|given|awarded|assigned)(?=\s+to\b))?"
    # ("rated as good in the following areas – children who need help and protection; ...")
    # ("rated as 'good' in relation to the experiences and progress of children who need ...")
    # ("requires improvement in regards to children who need help and protection, ...")
    # ("'inadequate' both for the 'impact of leaders ...'", "'require improvement to be good' around
    # 'children who need help and protection'": a council's release)
    r"(?:\s+both)?\s+(?(to)to|(?:in\s+(?:relation|respect)\s+(?:to|of)|(?:in|with)\s+regards?\s+to|in\s+terms\s+of"
    r"|for|in|on|across|around))"
    r"\s+(?:(?:two|three|four|five|\d|the\s+following)\s+(?:key\s+)?(?:categories|areas|judge?ments)\s*[,:–—-]?\s*)?"
    # "'good' in the areas of children achieving permanence, adoption performance and ..."
    r"(?:the\s+(?:areas?|categor(?:y|ies))\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:(?:local\s+)?(?:authority|council)['’]s\s+)?"
    # "outstanding for its partnership work to keep children safe", "work with children who ..."
    r"(?:(?:[\w-]+\s+)?(?:work|arrangements|approach|efforts?)\s+(?:to|on|in|for|with)\s+)?",
    re.IGNORECASE,
)
_INCLUDING = re.compile(
    r"\b(?:(?:which\s+)?included|including|such\s+as|particularly|especially|namely|notably)\s+"
    r"(?:for\s+|in\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
# Between a grade and an "including" list, a clause of its own that the list belongs to: "an
# overall rating of 'good', highlighting "tangible improvements across all areas in Children's
# Social Care" including children in care, care leavers and strong visible leadership" (a
# council's release): the improvements include them, not the grade.
_OTHER_CLAUSE = re.compile(
    r",\s*(?:highlighting|noting|praising|citing|saying|describing|recognising|recognizing|finding|adding)\b|[“\"]",
    re.IGNORECASE,
)
_GIVER = r"(?:Ofsted|inspectors|the\s+(?:watchdog|inspectorate|regulator))"
# "good in every area except help and protection", "'Good' in every category":
# the regime's areas, less any excepted.
_EVERY_AREA = re.compile(
    # ("'required improvement' across all four major headings": a count and a word may come between)
    # ("across all of the key judgements")
    # The grade's giver may stand between: "an 'Outstanding' rating by Ofsted in every category they
    # assess" (a party's news page), "the best possible rating that Ofsted can give across all of
    # the key judgements" (a council leader in a local paper).
    rf"{_CQ}(?:\s+(?:rating|grade|judge?ment)s?)?(?:\s+(?:by|from)\s+{_GIVER}|\s+(?:that|which)\s+{_GIVER}"
    r"\s+(?:can\s+|could\s+)?(?:gives?|awards?|makes?))?"
    rf"\s+(?:(?:in|across|for)\s+(?:every|each|all)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:areas?|categor(?:y|ies)|judge?ments?|headings?|aspects?|criteria)"
    # "rated Herefordshire as inadequate across the board": the idiom for every area.
    r"|across\s+the\s+board\b)"
    r"(?P<except>\s+(?:except|apart\s+from|other\s+than|but)\s+(?:for\s+)?(?:the\s+|its\s+)?)?",
    re.IGNORECASE,
)
# A sentence opening on every area, its grade after: "In all five areas of judgement, HM
# Inspector summarised that the service 'requires improvement to be good'" (a local news site),
# as "rated ... good in all areas" puts it after the grade.
_EVERY_AREA_OPENING = re.compile(
    r"\W*(?:in|across|for)\s+(?:every|each|all)\s+(?:of\s+(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:areas?|categor(?:y|ies)|judge?ments?|headings?|aspects?)"
    r"(?:\s+(?:of\s+(?:the\s+)?(?:judge?ment|inspection)|inspected|judged|assessed|graded))?\s*,",
    re.IGNORECASE,
)
# A clause opening on the areas its grade is given for, set off by a comma: "The inspection found
# that in the three main judgment areas of children who need help and protection, looked-after
# children, and leadership, Southampton children's services were assessed as requiring
# improvement" (trade press), as "rated ... in the areas of ..." and "in relation to ..." put them
# after the grade.
_AREAS_OPENING = re.compile(
    r"\b(?:(?:in|for|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:areas?|categor(?:y|ies)|judge?ments?)\s+of"
    r"|in\s+(?:terms|relation|respect)\s+(?:of|to)|(?:in|with)\s+regards?\s+to)\s+",
    re.IGNORECASE,
)
# Before a rating given in the plural: "given a clean sweep of outstanding ratings".
_SWEEP_BEFORE = re.compile(r"\bclean\s+sweep\s+of\s+[\"'‘“]?$", re.IGNORECASE)
# Before the rating: "each of the areas inspected were rated as", "all four areas were judged".
# The verb may be a bare participle: "saw every category rated as 'requiring improvement to be good'".
_EVERY_AREA_SUBJECT = re.compile(
    r"\b(?:each\s+of\s+the|all(?:\s+of\s+the)?|every)\s+(?:\w+\s+)?(?:areas?|categor(?:y|ies)|judge?ments?|aspects?)"
    # ("all aspects of the service were rated as good")
    r"(?:\s+of\s+(?:the|its|their)\s+services?)?"
    r"(?:\s+(?:inspected|graded|judged|assessed))?\s+(?:(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:(?:rated|judged|graded|found|assessed)\s+)?|(?:rated|judged|graded|assessed)\s+)"
    r"(?:as\s+|to\s+(?:be\s+)?)?[\"'‘“]?$",
    re.IGNORECASE,
)
# After a grade and its areas, more areas given the same: "the experience of children who need
# protection was outstanding, as was the services' 'overall effectiveness'".
_AS_WAS = re.compile(
    r"[\"'’”]?(?:\s+(?:for|in)\s+[^,.;:!?]{1,120}?)?\s*,?\s+as\s+(?:was|were|did|is|are)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:(?:(?:council|authority|service)['’]s|services['’])\s+)?[\"'‘“]?",
    re.IGNORECASE,
)
_AREA_NOUNS = r"(?:areas?|categor(?:y|ies)|judge?ments?|headings?)"
# ("while other areas were judged as 'requires improvement to be good'": a council's release)
_OTHERS = r"(?:all\s+(?:of\s+)?(?:the\s+)?other|the\s+(?:other|remaining)|every\s+other|each\s+other|(?<=while\s)other)"
# After a rating, the areas other grades of the sentence leave: "good for the rest", "'good'
# in the other areas", "requires improvement in all other categories".
_REST_AFTER = re.compile(
    rf"{_CQ}\s+(?:for|in|across)\s+(?:(?:the\s+)?(?:rest|remainder)\b|"
    rf"{_OTHERS}\s+(?:\w+\s+)?{_AREA_NOUNS})",
    re.IGNORECASE,
)
# Before it, the same as its subject: "with all other areas also rated good", "the remaining
# three judgements were requires improvement".
_REST_SUBJECT = re.compile(
    rf"\b{_OTHERS}\s+(?:\w+\s+)?{_AREA_NOUNS}"
    r"(?:\s+(?:were|was|have\s+been|had\s+been|are|also|being)){0,2}"
    r"(?:\s+(?:rated|judged|graded|found|assessed|deemed))?(?:\s+as|\s+to\s+be)?\s*[\"'‘“]?$",
    re.IGNORECASE,
)
# ... or its object: "The inspectors rated the other three areas of inspection as ...".
_REST_OBJECT = re.compile(
    rf"\b(?:rated|judged|graded|assessed|found)\s+{_OTHERS}\s+(?:\w+\s+)?{_AREA_NOUNS}"
    r"(?:\s+of\s+(?:the\s+)?(?:inspection|service))?\s+(?:as|to\s+be)\s*[\"'‘“]?$",
    re.IGNORECASE,
)
# A rating counted over areas it does not name: "'good' in two of the three
# categories", "'inadequate' under 15 main headings, only 'adequate' under 16 other
# headings and 'good' under only two", "Inadequate in all but one main categories".
# No area is told, so no judgement of any area is (the overall grade is its own rating).
_COUNTED_AFTER = re.compile(
    rf"{_CQ}\s+(?:in|under|across|for)\s+(?:only\s+)?"
    # ("Outstanding in three out of four categories": a council's release)
    rf"(?:(?:all\s+but\s+(?:one|two)|{_NUMBER_WORD})(?:\s+(?:out\s+)?of\s+(?:(?:the|its)\s+)?{_NUMBER_WORD})?\s+"
    r"(?:(?:main|other|key|major|remaining|inspection)\s+)?(?:categor(?:y|ies)|areas?|headings?|judge?ments?|aspects?|strands?)\b"
    rf"|(?<=only\s){_NUMBER_WORD}\b)",
    re.IGNORECASE,
)
# After a rating, the areas it is given for counted or picked out and then set out at once, after
# a dash or colon or in brackets: "'requires improvement' in three key areas –children who need
# help and protection, children looked after and leadership, management and governance" (a local
# paper), "... and 'Good' in the fourth (experiences of children who need help and protection)"
# (trade press, after "three of the four categories (...)"). A count must be as long as its list.
_PARTS_SET_OUT_AFTER = re.compile(
    rf"{_CQ}\s+(?:in|for|across)\s+(?:the\s+)?"
    rf"(?:(?P<count>{_NUMBER_WORD})(?:\s+(?:out\s+)?of\s+(?:the\s+)?{_NUMBER_WORD})?"
    r"|first|second|third|fourth|fifth|sixth|last|other|remaining)"
    r"(?:\s+(?:key|main|major|judge?ment|inspection))*(?:\s+(?:categor(?:y|ies)|areas?|judge?ments?|headings?))?"
    r"\s*(?P<open>\(|[:—–]|\s-)\s*",
    re.IGNORECASE,
)
# After a grade, parts of the service counted vaguely: "branded ... children's services
# 'inadequate' in a number of key areas" (a local paper), "a 'requires improvement' rating in a
# number of key areas among them ..." (a regional paper): a grade of some parts, not the whole,
# and of no area the words name.
_SOME_PARTS_AFTER = re.compile(
    rf"{_CQ}(?:\s+(?:rating|grade|judge?ment)s?)?\s+(?:in|across|for)\s+(?:a\s+number\s+of|a\s+few|some|several|many|"
    r"various|certain|a\s+range\s+of)\s+(?:(?:of\s+)?(?:the|its|their)\s+)?(?:(?:main|key|important|core)\s+)?"
    r"(?:areas?|categor(?:y|ies)|aspects?|parts?)\b",
    re.IGNORECASE,
)
# Before an area: a count of the judgements inside it ("8 within the Looked After Children
# area were judged as Good"), which is not the area's own grade.
_COUNT_WITHIN_BEFORE = re.compile(
    rf"(?<![\w.,£$%-]){_NUMBER_WORD}\s+(?:(?:of\s+(?:them|these|the\s+\w+)|judge?ments|grades)\s+)?"
    r"(?:within|in|under|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A count of sub-judgements the grade is given in, as its subject or object: "four out of six
# areas achieved a Grade 3 Good rating" (a 2008 APA story), "rated six out of 22 categories as
# 'inadequate'" (a 2011 inspection story): the parts graded are not named, so no area is.
_COUNT_OF_PARTS = re.compile(
    rf"(?<![\w.,£$%-]){_NUMBER_WORD}\s+(?:out\s+)?of\s+(?:(?:the|its|their)\s+)?(?:\d+|{_NUMBER_WORD})\s+"
    r"(?:[\w'’-]+\s+)?(?:categor(?:y|ies)|areas|judge?ments|aspects|headings|outcomes)\b",
    re.IGNORECASE,
)
_PARTIAL = re.compile(
    r"\b(?:almost|nearly|most|some|several|many|(?:a\s+)?few|two|three|four|five|other)\s+(?:of\s+the\s+)?"
    r"(?:\w+\s+)?(?:categories|areas|judge?ments|aspects)\b",
    re.IGNORECASE,
)
# A grade's subject that is some of the services, not the whole: "it was rated as 'good' with some
# services rated 'outstanding'" (a local paper), "with some aspects of the service judged ...".
_SOME_SERVICES_BEFORE = re.compile(
    r"\b(?:some|several|many|(?:a\s+)?few|two|three|four|other)\s+(?:of\s+(?:the|its|their)\s+)?(?:\w+\s+)?"
    r"(?:services|aspects)\b(?:\s+[\w'’-]+){0,3}?\s+[\"'‘“]?$",
    re.IGNORECASE,
)
_CAPACITY_WORDS = re.compile(
    # ("ranked only as 'adequate' the Council's capacity to improve its safeguarding service")
    r"[\"'’”]?\s+(?:the\s+(?:local\s+)?(?:council|authority)['’]s\s+|its\s+|their\s+)?"
    r"(?:overall\s+)?(?:capacity|ability)(?P<tail>\s+to\s+improve|\s+for\s+improvement)?", re.IGNORECASE
)
# Between "capacity for improvement" and the strand it is said of.
_STRAND_OF = re.compile(r"\s+(?:in|for|of|to\s+improve)\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
# A sentence opening on a definite plural: the councils the passage has just counted.
_DEFINITE_PLURAL = re.compile(
    r"\W*(?:the|these|those)\s+(?:\w+\s+)?(?:local\s+)?(?:authorities|councils)\b", re.IGNORECASE
)
_OF_SERVICES = re.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?(?:(?:council|authority)['’]s\s+|its\s+|their\s+)?")
# Before an area: the aspect of its work a grade word describes ("response to", "quality of").
# A few words may stand between: "the quality of work with care leavers is good", "practice in
# Kent's children in care teams", "outcomes for children in care".
_ASPECT_BEFORE = re.compile(
    r"\b(?:responses?|approach|quality|handling|timeliness|standards?|consistency|recording|thresholds?|"
    r"practice|outcomes)\s+(?:of|to|in|for|with)\s+(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)
# After a rating, the list it is given for set out after a dash or colon: "'Good' — Children in Care ...".
_DASH_LIST = re.compile(r"[\"'’”]?\s*[—–:]\s*", re.IGNORECASE)
_QUOTED_AREA_GAP = re.compile(r"[\"'’”][ \t]+")
# Between an area and its grade as a copula's subject and complement: "... were good".
_COPULA_GAP = re.compile(r"\s+(?:is|was|are|were|remains?|remained)\s+[\"'‘“]?", re.IGNORECASE)
# A possessive with no noun after it, its verb next: "while Devon's received ...".
_ELIDED_HEAD = re.compile(r"['’]s?\s+(?:received|were|was|got|gained|achieved|had|have|has)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")
# Around a list of areas that names an inspection rather than what it graded: "the child protection
# and children looked after inspection", "the inspection of safeguarding and looked after children".
_INSPECTION_NAMED_AFTER = re.compile(r"\s+(?:services?\s+)?(?:inspections?|reviews?)\b", re.IGNORECASE)
_INSPECTION_NAMED_BEFORE = re.compile(
    r"\binspections?\s+of\s+(?:the\s+)?(?:(?:council|authority)['’]s\s+|its\s+|their\s+)?"
    r"(?:(?:services|arrangements)\s+for\s+)?$", re.IGNORECASE)


def _areas(rating: _Rating, era: str | None = None, year: int | None = None) -> list[str | None]:
    """The areas the rating is given for; [] where it is counted over areas it does not name."""
    if era is None and year is None:
        # An undated page that names 2018 tells of an inspection then or later: "rated 'good' across
        # the board", "all aspects of the service were rated as good" are ILACS's areas.
        era = regime_from(rating.index.latest_year)
        year = rating.index.latest_year if era else None
    areas = _own_areas(rating, era, year)
    if areas == ["overall"] and names_no_area(rating):
        # "have improved to 'good' from 'requires improvement'" after the areas: both grades'.
        areas = changed_areas(rating, lambda other: _own_areas(other, era, year)) or areas
    if areas == ["overall"] and mixed_grades(rating, lambda other: _own_areas(other, era, year)):
        return []  # "rated as good and outstanding": grades of areas the text does not name
    text = rating.index.text
    region_end = rating.neighbours(*rating.sentence)[1]
    also = _AS_WAS.match(text, rating.span[1], region_end)
    if areas and also is not None:
        areas = list(dict.fromkeys([*areas, *_listed_areas(text, also.end(), region_end)]))
    return areas


def _own_areas(rating: _Rating, era: str | None, year: int | None) -> list[str | None]:
    text = rating.index.text
    start, end = rating.span
    if _strand_capacity_after(text, end):
        # "an inadequate capacity to improve its child protection services", "ranked only as
        # 'adequate' the Council's capacity to improve its safeguarding service": one strand's
        # capacity, which is no judgement (only a whole inspection's capacity is).
        return []
    region_start, region_end = rating.neighbours(*rating.sentence)
    if rating.cue.area is not None:
        # "help and protection and children in care were good": an area named as the subject
        # of a copula ends the list of them it closes.
        subject = [a for a in find_areas(text, region_start, start) if a.start <= rating.cue.start]
        if (subject and subject[-1].start == rating.cue.start and subject[-1].area == rating.cue.area
                and _COPULA_GAP.fullmatch(text, subject[-1].end, start)):
            if subject[-1].area != "leadership" and _ASPECT_BEFORE.search(
                    text, max(region_start, subject[-1].start - 40), subject[-1].start):
                return []  # "the quality of work with care leavers is good"
            return _list_ending(text, subject)
        return [rating.cue.area]
    # "good in every area except ...", "Good in every category and Outstanding
    # for ...", "rated ... as Outstanding in all areas": the rest of the regime's
    # areas (all of them, overall too, where none is excepted). A regime not known
    # here leaves "good in all areas" the overall judgement below.
    every = _EVERY_AREA.match(text, end, region_end)
    if every is not None and areas_judged(era, year):
        return _every_area_but(rating, every, areas_judged(era, year))
    opening = _EVERY_AREA_OPENING.match(text, rating.sentence[0], start)
    if opening is not None and not rating.rated_in(opening.end(), start) and names_no_area(
            rating) and not any(a.area != "overall" for a in find_areas(text, opening.end(), start)):
        judged = areas_judged(era, year) or (unfixed_framework_areas(rating, opening) if era is None else ())
        if judged:
            return list(judged)
    opened = _areas_opening(rating)
    if opened:
        return opened
    # "each of the areas inspected were rated as Requires Improvement", "all four
    # areas were judged good": every area is the rating's subject.
    if areas_judged(era, year) and _EVERY_AREA_SUBJECT.search(text, region_start, start):
        return list(areas_judged(era, year))
    if areas_judged(era, year) and _SWEEP_BEFORE.search(text, region_start, start) and PLURAL_GRADES_AFTER.match(text, end):
        return list(areas_judged(era, year))
    set_out = _parts_set_out(rating, region_end) or _areas_listed_below(rating)
    if set_out:
        return set_out
    # "good in three of the four areas, and requires improvement for help and protection",
    # "outstanding for help and protection and good for the rest", "with all other areas also
    # rated good": the regime's areas less those the sentence names, where that is the count.
    counted = _COUNTED_AFTER.match(text, end, region_end)
    rest = (_REST_AFTER.match(text, end, region_end) or _REST_SUBJECT.search(text, region_start, start)
            or _REST_OBJECT.search(text, region_start, start))
    if (counted or rest) and areas_judged(era, year):
        left = _areas_left(rating, counted, areas_judged(era, year))
        if not left and rest is not None and not rating.rated_in(*rating.sentence):
            # "rated ... care leavers as inadequate. The inspectors rated the other three areas
            # of inspection as requiring improvement": the areas the passage has not graded.
            left = rest_of_passage(rating, rest, areas_judged(era, year))
        if not left and counted is not None and not rating.rated_in(*rating.sentence):
            # "Outstanding in three out of four categories, including overall effectiveness. ...
            # It was rated Good for [the fourth]": the count's areas are those left.
            left = counted_in_passage(rating, counted, areas_judged(era, year))
        if left:
            return left
    if counted is not None:
        # "found to require improvement in four of five key areas. These were impact of leaders
        # ..., ... as well as overall effectiveness" (a local paper): the count set out after.
        listed = _areas_set_out_after(rating, _count_in(counted))
        if listed:
            return listed
    if every is not None and not every["except"] and not areas_judged(era, year):
        # "an 'outstanding' rating in every single category. This included: Overall
        # effectiveness ..., staying safe, ...": a regime whose areas are not known
        # here names them in the sentence after.
        listed = _areas_set_out_after(rating)
        if listed:
            return listed
    if every is not None and era is None:
        # "deemed 'inadequate' in all areas" on a page that does not fix the framework.
        judged = unfixed_framework_areas(rating, every)
        if judged:
            return _every_area_but(rating, every, judged)
    # "underpinned by 'outstanding' leadership, management and governance": a quoted grade
    # before the area it is given for.
    if start > 0 and text[start - 1] in OPEN_QUOTES:
        named_after = _QUOTED_AREA_GAP.match(text, end, region_end)
        listed = _listed_areas(text, named_after.end(), region_end) if named_after else []
        if listed and "overall" not in listed:
            return listed
    # "rating for the experiences and progress of children in care"
    after = _AREA_AFTER.match(text, end, region_end)
    if after is not None and UNPLACED_ASPECT_RE.match(text, after.end(), region_end):
        # "Cornwall was rated inadequate in assessment and direct work with children, ambition
        # and prioritisation, and value for money": sub-judgements, no area's grade.
        return []
    # "the two areas that require improvement which were 'leadership, ...' and '...'": the list
    # after the clause the grade stands in (``judging`` found it).
    listed_after = AREAS_LISTED_AFTER.match(text, end, region_end) if AREAS_QUALIFIED_BEFORE.search(
        text, max(region_start, start - 160), start) else None
    if listed_after is not None and _listed_areas(text, listed_after.end(), region_end):
        return _listed_areas(text, listed_after.end(), region_end)
    if after is not None:
        listed = _areas_after(text, after.end(), region_end)
        named_after = find_areas(text, after.end(), region_end)[:1]
        clause_start = max(region_start, rating.index.clause_at(start)[0])
        subject = [a.area for a in find_areas(text, clause_start, start) if a.area not in ("overall", "capacity for improvement")]
        if named_after and named_after[0].area == "overall" and named_after[0].heading and subject:
            # "Safeguarding services were deemed to be 'adequate' in their overall effectiveness and
            # capacity for improvement": the strand's own overall effectiveness (and its capacity,
            # which is no judgement of its own).
            return [subject[-1]]
        if listed:
            return listed
    # "with four of the key areas of the inspection also being rated as 'Good' — Children in
    # Care and Permanence; Adoption; Care Leavers; and Leadership, ...": a list set out after a
    # dash or colon, ending the sentence.
    dash = _DASH_LIST.match(text, end, region_end)
    if dash is not None:
        listed, list_end = _listed_areas_to(text, dash.end(), region_end)
        if listed and not text[list_end:region_end].strip(" \t.;\"'’”"):
            return listed
    including = _INCLUDING.search(text, end, region_end)
    if including is not None and not _OTHER_CLAUSE.search(text, end, including.start()):
        # What an "including" clause names are the areas, however loosely it lists
        # them: "Three other areas received good ratings, which included the experiences
        # of children and care leavers who need help and protection, as well as the
        # overall effectiveness of the service".
        listed = [area for a in find_areas(text, including.end(), region_end) for area in _named_areas(text, a)]
        if listed:
            return list(dict.fromkeys(listed))
    if _COUNTED_AFTER.match(text, end, region_end) or _SOME_PARTS_AFTER.match(text, end, region_end):
        return []
    if OVERALL_AFTER.match(text, end):
        return ["overall"]
    counted_parts = _COUNT_OF_PARTS.search(text, max(region_start, rating.index.clause_at(start)[0]), start)
    if counted_parts is not None and not find_areas(text, counted_parts.end(), start):
        return []  # "rated six out of 22 categories as 'inadequate'": parts not named
    # The subject: the nearest area named before the rating, with its list.
    before = find_areas(text, region_start, start)
    if before and rating.i > 0 and region_start == rating.matches[rating.i - 1].end():
        # "'good' for children who need help and protection, 'good' for ...": the areas after
        # the grade before are that grade's, not this one's subject.
        previous = _AREA_AFTER.match(text, region_start, start)
        stray = _STRAY_WORD.match(text, previous.end(), start) if previous is not None else None
        if previous is not None and before[0].start in (previous.end(), stray.end() if stray else -1):
            k = 1
            while k < len(before) and _LIST_GAP.fullmatch(text, before[k - 1].end, before[k].start):
                k += 1
            before = before[k:]
    if len(before) > 1 and before[-1].area == "overall" and not before[-1].heading and _OF_SERVICES.fullmatch(
            text, before[-2].end, before[-1].start):
        # "rates leadership of Children's Services as 'Outstanding'": the area of the services.
        before.pop()
    if len(before) > 1 and before[-2].area == "capacity for improvement" and _STRAND_OF.fullmatch(
            text, before[-2].end, before[-1].start):
        # "Capacity for improvement in safeguarding is outstanding", "an inadequate capacity
        # to improve their child protection systems": one strand's capacity, which is not
        # the inspection's (only the whole inspection's capacity is a judgement of its own).
        return []
    if before and _COUNT_WITHIN_BEFORE.search(text, max(region_start, before[-1].start - 40), before[-1].start):
        # "8 within the Looked After Children area were judged as Good" (a 2009 blog): a count
        # of the judgements inside an area, not the area's own grade.
        return []
    partial = _PARTIAL.search(text, max(region_start, start - 80), start) if before else None
    if partial is not None and partial.end() <= before[-1].start and all(a.area == "overall" for a in before):
        # "with a few areas that were judged overall as good" (minutes): "overall" is the
        # verb's adverb, and the areas graded are not named.
        return []
    # ("the quality of leadership" is the press's name of the leadership judgement.)
    if before and before[-1].area != "leadership" and _ASPECT_BEFORE.search(
            text, max(region_start, before[-1].start - 40), before[-1].start):
        # "The council's response to child protection referrals was deemed inadequate": a grade
        # of one aspect of the area's work, not the area's judgement.
        return []
    if before:
        return _list_ending(text, _not_an_inspections_name(text, before))
    elided = _elided_area(rating, region_start)
    if elided is not None:
        return [elided]
    # "... children in care, children who need help and protection, and the impact of social
    # workers. All three were deemed inadequate": the areas the sentence before counted out.
    counted_before = counted_areas_before(rating)
    if counted_before:
        return counted_before
    if opens_on_area_noun(rating):
        return []  # "This area was judged outstanding" where no area is named before it
    restated = _restated_area(rating)
    if restated is not None:
        return [restated]
    c_start, c_end = rating.index.clause_at(start)
    if rating.cue.kind == "numeric":
        return []  # "Being healthy | grade 3 (good)": a number grade of an area not in the schema
    if _PARTIAL.search(text, max(region_start, c_start), min(region_end, c_end)):
        # "'good' in the other areas", "good in almost all categories": areas not named
        # are no judgement of any area (as a count of them is not, above).
        return []
    if UNPLACED_ASPECT_RE.search(text, max(region_start, c_start), start):
        return []  # "quality of practice was judged as 'inadequate'": an aspect with no area
    if _SOME_SERVICES_BEFORE.search(text, max(region_start, c_start), start):
        return []  # "with some services rated 'outstanding'": not the whole service's grade
    return ["overall"]


def _parts_set_out(rating: _Rating, region_end: int) -> list[str]:
    """The areas a count or a pick of them after the rating sets out at once (``_PARTS_SET_OUT_AFTER``):
    in brackets, the list the brackets close; after a dash or colon, a list ending the clause."""
    text = rating.index.text
    parts = _PARTS_SET_OUT_AFTER.match(text, rating.span[1], region_end)
    if parts is None:
        return []
    listed, list_end = _listed_areas_to(text, parts.end(), region_end)
    rest = text[list_end:region_end].lstrip(" \t\"'’”")
    if not listed or not (rest.startswith(")") if parts["open"] == "(" else rest[:1] in ("", ".", ",", ";")):
        return []
    count = parts["count"] and _count_in(parts)
    if count and count != len(listed):
        return []
    return listed


def _not_an_inspections_name(text: str, before: list) -> list:
    """The areas named before a grade, less those naming the inspection that gave it, where
    others are named: "Services for looked after children and care leavers have deteriorated
    since the child protection and children looked after inspection in 2010 which judged the
    services as good" grades the services of the sentence's subject, not child protection."""
    lists: list[list] = []
    for area in before:
        if lists and _LIST_GAP.fullmatch(text, lists[-1][-1].end, area.start):
            lists[-1].append(area)
        else:
            lists.append([area])
    kept = [a for group in lists if not (
        _INSPECTION_NAMED_AFTER.match(text, group[-1].end)
        or _INSPECTION_NAMED_BEFORE.search(text, max(0, group[0].start - 80), group[0].start)) for a in group]
    return kept or before


def _areas_opening(rating: _Rating) -> list[str]:
    """The areas a clause opens on before the rating, set off by a comma ("in the three main
    judgment areas of X, Y, and Z, [the services] were assessed as ..."), where the rating's own
    words name no area and nothing between is graded; else []."""
    text = rating.index.text
    s_start, (start, end) = rating.sentence[0], rating.span
    region_end = rating.neighbours(*rating.sentence)[1]
    if rating.rated_in(s_start, start) or find_areas(text, end, region_end) or OVERALL_AFTER.match(text, end):
        return []
    for opening in _AREAS_OPENING.finditer(text, s_start, start):
        listed, list_end = _listed_areas_to(text, opening.end(), start)
        gap = text[list_end:start]
        if listed and gap.lstrip(" \t\"'’”").startswith(",") and not any(
                a.heading or a.area != "overall" for a in find_areas(text, list_end, start)):
            return listed
    return []


def _strand_capacity_after(text: str, end: int) -> bool:
    """Whether the capacity a grade names just after it is one strand's ("'inadequate'
    capacity to improve its child protection services")."""
    capacity = _CAPACITY_WORDS.match(text, end)
    if capacity is None:
        return False
    gap = _STRAND_OF.match(text, capacity.end() - len(capacity["tail"]))
    if gap is None:
        return False
    areas = find_areas(text, gap.end(), gap.end() + 80)
    return bool(areas) and areas[0].start == gap.end() and areas[0].area != "overall"


def _restated_area(rating: _Rating) -> str | None:
    """The area of a grade the sentence before gave, where this one names it again by a
    definite plural: "10 local authorities have been found to be inadequate in
    safeguarding children this year. ... The authorities found to be inadequate by
    Ofsted were Cornwall, Warrington, ..." (the same ten, for safeguarding)."""
    index = rating.index
    text = index.text
    s_start = rating.sentence[0]
    if not _DEFINITE_PLURAL.match(text, s_start, rating.span[0]):
        return None
    own = normalise_rating(rating.written)
    sentence = index.previous_sentence(s_start)
    for _ in range(_PASSAGE_SENTENCES):
        if sentence is None:
            return None
        p_start, p_end = sentence
        same = [m for m in rating.matches[:rating.i] if p_start <= m.start() < p_end and normalise_rating(m.group()) == own]
        if same:
            areas = {a.area for a in find_areas(text, same[-1].end(), p_end) if not rating.rated_in(same[-1].end(), a.start)}
            return areas.pop() if len(areas) == 1 else None
        sentence = index.previous_sentence(p_start)
    return None


def _elided_area(rating: _Rating, region_start: int) -> str | None:
    """The area a council's possessive leaves unsaid, named for another council earlier
    in the sentence: "Staffordshire's services for looked-after children were rated as
    adequate, while Devon's received an overall rating of good" (Devon's services for
    looked-after children)."""
    index = rating.index
    text = index.text
    s_start = rating.sentence[0]
    named = index.authorities_in(region_start, rating.span[0])
    if not named or not _ELIDED_HEAD.match(text, named[-1][1]):
        return None
    earlier = [a for a in find_areas(text, s_start, region_start)
               if _POSSESSIVE_BEFORE.search(text, max(s_start, a.start - 3), a.start)]
    return earlier[-1].area if earlier else None
