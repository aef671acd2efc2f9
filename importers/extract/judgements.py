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
they were rated 'outstanding'") is the document's year less the count where
the text names that year; a kept grade ("maintained its 'good' rating from
2013") implies the earlier one at the date it was kept from; "three years
later" never lists a second year of the grade before it; a grade held "now" is
not dated by an inspection two or more years older than the page.

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

Council: the one named nearest before the rating in its sentence, one
judgement per council of a list ("Kent, Surrey and Essex were rated good"),
else the list after it ("The councils rated poor were: A, B and C", "at
'inadequate' Surrey, Newham and Bradford", a list set out below "... rated
as 'inadequate':"), else the council the passage last named (a timeline's
heading), else the document's. "five of these authorities" counts the councils the
sentence before listed, less those this sentence names apart, where exactly that
many are left; "Two London boroughs ... rated 'outstanding'" is named by the next
sentence where it names exactly that many; councils set out below a sentence
ending on a colon or a heading ("COUNCILS RATED INADEQUATE"), one a line, are the
list (a grade several councils hold "currently" is not dated by the document).
A rating said of councils in general ("10
have been rated good", "a quarter of councils", "'Inadequate' councils make
progress") is no judgement, nor is a list of three grades (Ofsted's scale).

A rating said of no council at all (none named, none the document's) is no
judgement; nor is a word no regime of its year awards ("excellent" in 2019,
``vocabulary.on_the_scale``). A grade said to continue ("maintaining its
'Outstanding' judgement", "for the second consecutive time", "again") also
implies the earlier one, undated, where the text dates it nowhere; a grade told
again without a date (a headline over its story, "at 'inadequate' Surrey") takes
the one date the text gives that council's grade for that area. On a page with
no date, a day named with its weekday dates what nothing else does.

Era and event type come from ``importers.vocabulary.era_for``: "annual rating"
for the 2009-11 "performs well / poorly" regime, else "inspection".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from importers.extract.clauses import TextIndex, index_for, published_fields, resolved_fields
from importers.extract.dates import COUNT_WORDS, DateMention, weekday_year
from importers.extract.inspections import GRADED_TYPES, subject_inspection
from importers.extract.judging import (
    OPEN_QUOTES, OVERALL_AFTER, RATING_CUES, RATING_RE, TOP_GRADE_CUES, TOP_GRADE_RE, Cue, judging_cue,
)
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import (
    AREA_COMPONENTS, AreaMention, areas_judged, era_for, event_type_of, find_areas, get_era, grade_of, normalise_rating,
    on_the_scale, regime_from, UNPLACED_ASPECT_RE,
)

__all__ = ["extract"]

# Words that place an event before the one a document reports ("the previous
# inspection", "formerly rated"); shared by the rating and passage rules.
_EARLIER_WORDS = r"previous(?:ly)?|prior|former(?:ly)?|earlier|preceding"
_HISTORICAL = re.compile(
    rf"\b(?:{_EARLIER_WORDS}|last(?!\s+(?:week|month|year|autumn|spring|summer|winter)\b)|"
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
# A conjunction between a date and a rating: the date is the other clause's.
_CONJUNCTION = re.compile(r"\b(?:after|before|because|until|since|although|though|while|once)\b", re.IGNORECASE)
# "rated inadequate in 2013, 2016 and 2019", "in 2014 and again in 2016"
_DATE_LIST_GAP = re.compile(r"\s*(?:,\s*|\s+)(?:(?:and|&)\s+)?(?:again\s+)?(?:in\s+)?", re.IGNORECASE)
_CURRENT = re.compile(r"\b(?:now|new|latest|this|first|has|have)\b", re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
_INSPECTION_WORD = re.compile(r"\b(?:inspect\w*|visit\w*|review|report|assessment)\b", re.IGNORECASE)
# Used with .match(text, pos): a clause that opens with these words.
_LINKING_CLAUSE = re.compile(r"\W*(?:when|where|at\s+which|after\s+which|following\s+which)\b", re.IGNORECASE)
# A clause opening on "since" dates an earlier event, not the rating after it ("That
# since the last full inspection in 2018, services have remained outstanding": minutes).
_SINCE_OPENING = re.compile(r"\W*(?:that\s+)?since\b", re.IGNORECASE)
_OPENING_ADVERBIAL = re.compile(r"\W*(?:in|at|on|during|between)\b", re.IGNORECASE)

_CQ = r"[\"'’”]?"
# "rating for the experiences and progress of ...", "Good ratings were received for
# the impact of leaders ...", "outstanding ratings in two categories, children's
# experience in care and ...": the areas a rating is given for, named after it.
_AREA_AFTER = re.compile(
    rf"{_CQ}(?:\s+(?:overall\s+)?(?:rating|grade|judge?ment|label)s?)?"
    r"(?:\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:received|given|awarded|achieved|made))?"
    # "A good rating was attributed to the local authority's work with children who ..."
    r"(?P<to>\s+(?:was|were|has\s+been|have\s+been)\s+(?:attributed|given|awarded|assigned)(?=\s+to\b))?"
    r"\s+(?(to)to|(?:for|in|on|across))\s+(?:(?:two|three|four|five|\d)\s+(?:categories|areas|judge?ments)\s*[,:–—-]?\s*)?"
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
# "good in every area except help and protection", "'Good' in every category":
# the regime's areas, less any excepted.
_EVERY_AREA = re.compile(
    # ("'required improvement' across all four major headings": a count and a word may come between)
    # ("across all of the key judgements")
    rf"{_CQ}(?:\s+(?:rating|grade|judge?ment)s?)?\s+(?:(?:in|across|for)\s+(?:every|each|all)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:areas?|categor(?:y|ies)|judge?ments?|headings?|aspects?|criteria)"
    # "rated Herefordshire as inadequate across the board": the idiom for every area.
    r"|across\s+the\s+board\b)"
    r"(?P<except>\s+(?:except|apart\s+from|other\s+than|but)\s+(?:for\s+)?(?:the\s+|its\s+)?)?",
    re.IGNORECASE,
)
# Before a rating given in the plural: "given a clean sweep of outstanding ratings".
_SWEEP_BEFORE = re.compile(r"\bclean\s+sweep\s+of\s+[\"'‘“]?$", re.IGNORECASE)
_PLURAL_GRADES_AFTER = re.compile(rf"{_CQ}\s+(?:ratings|grades|judge?ments)\b", re.IGNORECASE)
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
_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_COUNT_WORD = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)
_AREA_NOUNS = r"(?:areas?|categor(?:y|ies)|judge?ments?|headings?)"
_OTHERS = r"(?:all\s+(?:of\s+)?(?:the\s+)?other|the\s+(?:other|remaining)|every\s+other|each\s+other)"
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
# A rating counted over areas it does not name: "'good' in two of the three
# categories", "'inadequate' under 15 main headings, only 'adequate' under 16 other
# headings and 'good' under only two", "Inadequate in all but one main categories".
# No area is told, so no judgement of any area is (the overall grade is its own rating).
_COUNTED_AFTER = re.compile(
    rf"{_CQ}\s+(?:in|under|across|for)\s+(?:only\s+)?"
    rf"(?:(?:all\s+but\s+(?:one|two)|{_NUMBER_WORD})(?:\s+(?:out\s+)?of\s+(?:the|its)\s+{_NUMBER_WORD})?\s+"
    r"(?:(?:main|other|key|major|remaining|inspection)\s+)?(?:categor(?:y|ies)|areas?|headings?|judge?ments?|aspects?|strands?)\b"
    rf"|(?<=only\s){_NUMBER_WORD}\b)",
    re.IGNORECASE,
)
# Before an area: a count of the judgements inside it ("8 within the Looked After Children
# area were judged as Good"), which is not the area's own grade.
_COUNT_WITHIN_BEFORE = re.compile(
    rf"(?<![\w.,£$%-]){_NUMBER_WORD}\s+(?:(?:of\s+(?:them|these|the\s+\w+)|judge?ments|grades)\s+)?"
    r"(?:within|in|under|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PARTIAL = re.compile(
    r"\b(?:almost|nearly|most|some|several|many|(?:a\s+)?few|two|three|four|five|other)\s+(?:of\s+the\s+)?"
    r"(?:\w+\s+)?(?:categories|areas|judge?ments|aspects)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(
    # An area may end on the noun of its work: "child protection work, experience and
    # progress of care leavers, and leadership", "adoption services and care leavers".
    r"(?:\s+(?:work|services?|arrangements|practice|provision))?"
    # "leadership, management and governance, in addition to adoption support, as 'good'"
    # (each area perhaps quoted: "'impact of leaders ...' and 'experiences and progress of ...'")
    r"[\"'’”]?\s*(?:[,;]\s*(?:and\s+|as\s+well\s+as\s+|in\s+addition\s+to\s+|along\s+with\s+|together\s+with\s+)?"
    r"|and\s+|as\s+well\s+as\s+|&\s*)[\"'‘“]?"
    # ("good for overall effectiveness and for the experiences and progress of children in care")
    # ("'outstanding' for overall effectiveness and in the key areas of leadership and ...")
    r"(?:(?:for|in)\s+)?(?:the\s+|its\s+|our\s+|their\s+)?(?:(?:key\s+)?(?:areas?|categor(?:y|ies))\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
# Between two councils of a list, each perhaps placed: "Waltham Forest in London and St Helens".
_AUTHORITY_LIST_GAP = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+)")
_LEAD_LIMIT = 160  # how far before a rating the words about it are read

_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)
# Between an event word and a date that is the old grade's: "upgraded the department's
# rating from the 'inadequate' awarded in 2013 and 2015, to 'requires improvement'" (and an
# earlier-marker there too: "a lower rating than the previous judgement by Ofsted in 2019").
_OLD_GRADE_BETWEEN = re.compile(
    rf"\b(?:from|since|{_EARLIER_WORDS}|last(?!\s+(?:week|month|year)\b))\b", re.IGNORECASE
)
# A clause of its own after "since" tells an earlier event: "its first inspection since it
# was slapped with the worst possible rating ... in 2017".
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had|has|have)\b", re.IGNORECASE)
# "have improved since the last inspection in 2017 and are now rated good": the date
# "since" looks back to is the earlier inspection's, not the grade's after it.
_SINCE_EARLIER = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:last|previous|earlier|prior|former)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:inspection|visit|judge?ment|rating|report|review)s?\s+(?:in|of|on|during|dated)\s+$",
    re.IGNORECASE,
)
# Between a rating and a date that is its own: "inadequate (in 2016)".
_ATTACHED = re.compile(r"[\"'’”]?\s*\(?\s*(?:in\s+)?", re.IGNORECASE)
# Words that tell an inspection, a visit or a rating happened, for a passage's date.
_EVENT_WORD = re.compile(
    r"\b(?:inspect\w*|visit(?:ed|s)?|re-inspect\w*|assessments?|ratings?|rated|judged|judge?ments?)\b"
    # "the single inspection framework which it introduced in 2013" dates the framework.
    r"(?!\s+(?:framework|regime|system|programme|model|handbook)s?\b)",
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
# After a kept grade, before the date it was given: "'good' rating from 2013", "good since 2019".
_KEPT_FROM = re.compile(r"[\"'’”]?\s+(?:(?:rating|grade|judge?ment|status)\s+)?(?:first\s+)?(?:from|since)\s+(?:in\s+)?",
                        re.IGNORECASE)
# Between a year and the grade it is set before: "2015 'inadequate'".
_ATTRIBUTIVE_GAP = re.compile(r"\s*[\"'‘“]?")
# The noun an attributive grade stands before: "2018 inadequate rating", "2015 'inadequate' verdict".
_RATING_NOUN_AFTER = re.compile(
    r"[\"'’”]?\s+(?:Ofsted\s+)?(?:rating|grade|judge?ment|verdict|report|label)s?\b", re.IGNORECASE
)
# Before a count given roughly: "just over six years after".
_ROUGHLY = re.compile(r"\b(?:over|more\s+than|almost|nearly|about|around|some)\s+$", re.IGNORECASE)
# Just before a marker of the past: a clause of an earlier event ("after previously being
# ...", "since its last 'inadequate' inspection"): the marker tells of the clause's own event.
_CLAUSE_OF_BEFORE = re.compile(r"\b(?:after|following|since|having)\s+(?:(?:its|their|the|an?)\s+)?$", re.IGNORECASE)
_CAPACITY_WORDS = re.compile(
    r"[\"'’”]?\s+(?:overall\s+)?(?:capacity|ability)(?P<tail>\s+to\s+improve|\s+for\s+improvement)?", re.IGNORECASE
)
# Between "capacity for improvement" and the strand it is said of.
_STRAND_OF = re.compile(r"\s+(?:in|for|of|to\s+improve)\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
# Words of a sentence about a council's children's services, an inspection or a grade.
_ABOUT_SERVICES = re.compile(
    r"\b(?:services?|department|council|authority|inspect\w*|Ofsted|rat(?:ed|ing)|judge?\w*|report|"
    r"care|children)\b", re.IGNORECASE,
)
# A grade said to continue one given before.
_CONTINUED_BEFORE = re.compile(
    r"\b(?:maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|kept|keeps|keeping|once\s+again|again)\b(?:\s+[\w'’]+){0,4}\s*[\"'‘“]?$",
    re.IGNORECASE,
)
_CONTINUED_AFTER = re.compile(
    r"[\"'’”]?(?:\s+[\w'’]+){0,3}?\s+(?:for\s+(?:the\s+)?(?:second|third|fourth)\s+(?:consecutive\s+|successive\s+)?time"
    r"|once\s+again|again)\b",
    re.IGNORECASE,
)
# A sentence opening on a count of councils: "Two London boroughs have become ...".
_COUNT_OPENING_COUNCILS = re.compile(
    rf"\W*(?P<n>{_NUMBER_WORD})\s+(?:[\w-]+\s+)?"
    r"(?:councils|authorities|boroughs|local\s+authorities)\b",
    re.IGNORECASE,
)
# A count of councils anywhere in a sentence ("concern at 12 councils deemed ..."), and the
# next sentence opening on the councils counted ("They are ...", "Those councils were ...").
_COUNT_OF_COUNCILS = re.compile(
    rf"\b(?P<n>{_NUMBER_WORD})\s+(?:[\w-]+\s+)?(?:councils|authorities|boroughs|local\s+authorities)\b"
    rf"|\bto\s+(?P<to>{_NUMBER_WORD})\s+this\s+year\b",
    re.IGNORECASE,
)
_THEY_ARE = re.compile(
    r"\W*(?:they|these|those)(?:\s+(?:councils|authorities|local\s+authorities))?\s+(?:are|were)\s+(?=[A-Z])",
    re.IGNORECASE,
)
_STILL = re.compile(r"\b(?:remains?|remained|still)\b", re.IGNORECASE)
# A grade held at present, before the rating: "are currently rated", "remain", "still".
_HELD_NOW = re.compile(r"\b(?:currently|remain|still)\b", re.IGNORECASE)
_PASSAGE_SENTENCES = 3
_PASSAGE_GAP = 400  # characters between sentences beyond which a passage has ended
_EVENT_DATE_REACH = 60
_GRADE_BESIDE = 16  # how far from a word of rating its grade stands ("a 'good' rating", "rated as good")

_COUNT_SUBJECT = (
    # ("Nationally 85 inspections were carried out, only 20 were graded good": minutes)
    r"(?:(?:only|just)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|none|all|most|many|several|some|few)"
    r"\s+(?:of\s+(?:them|these|those)\s+)?(?:have|has|were|are|was|had)\b"
)
# A share or comparison of councils as the subject: "across England only a third are judged
# good", "there are proportionately more judged inadequate in London" (scrutiny minutes).
_SHARE = (
    r"\b(?:a|one|two)\s+(?:quarter|third|half|fifth)\s+(?:are|were|have|had)\b"
    r"|(?<!once\s)\b(?:more|fewer)\s+(?:\w+\s+)?(?:judged|rated|graded|found|deemed)\b"
)
_SHARE_SUBJECT = re.compile(_SHARE, re.IGNORECASE)
# The subject of a rating said of many councils at once: "councils", "authorities",
# "a quarter of", "per cent of", or a clause opening on a count ("10 have been rated").
_PLURAL_SUBJECT = re.compile(
    r"\b(?:councils|authorities|LAs|boroughs|departments)\b(?!['’])"
    r"|\b(?:quarter|third|half|majority|minority|proportion|number|per\s*cent)\s+of\b"
    # ("comes after a number of monitoring visits and sees the council given a 'good' grade")
    r"(?!\s+(?:[\w-]+\s+)?(?:visits?|inspections?|reports?|recommendations?|improvements?|concerns|weaknesses|"
    r"strengths|cases|children|families|staff|workers)\b)|%"
    # "The proportion judged outstanding in 2007 (9%)", "73 per cent were judged good": a share.
    r"|\b(?:proportion|percentage)\s+(?:judged|rated|graded|found|deemed)\b|\bper\s*cent\s+(?:were|was|are|is)\b"
    r"|\b(?:quarters|thirds|halves)\b|\b\d+\s+of\s+(?:these|those|them)\b|" + _SHARE +
    # ("the 2019 inspection" is a year, not a count)
    r"|\b(?:the|those|these)\s+(?:(?!(?:19|20)\d\d\b)\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    # ("these five grades" counts grades, not councils)
    r"(?!\s+(?:grades|areas|categories|judge?ments|outcomes|inspections|reports|years|months)\b)"
    r"|(?:[,;:]\s*|\b(?:and|while|but)\s+)" + _COUNT_SUBJECT,
    re.IGNORECASE,
)
# A sentence opening on a count: "None have been rated 'outstanding'".
_COUNT_OPENING = re.compile(r"\W*" + _COUNT_SUBJECT, re.IGNORECASE)
# "'Inadequate' councils make progress": a rating describing councils in general.
_PLURAL_AFTER = re.compile(r"[\"'’”]?\s+(?:local\s+)?(?:councils|authorities|LAs)\b", re.IGNORECASE)
_LIST_OPENING = re.compile(r"[\s\"'‘’“”]*(?:(?:the|its|their)\s+)?", re.IGNORECASE)
# Between two grades of a scale: "Outstanding, Good", "‘Good’ and ‘Outstanding’".
_SCALE_GAP = re.compile(r"[\s\"'‘’“”]*(?:[,;/]\s*(?:and\s+|or\s+)?|and\s+|or\s+)[\s\"'‘’“”]*", re.IGNORECASE)
# A sentence opening on a definite plural: the councils the passage has just counted.
_DEFINITE_PLURAL = re.compile(
    r"\W*(?:the|these|those)\s+(?:\w+\s+)?(?:local\s+)?(?:authorities|councils)\b", re.IGNORECASE
)
_LINE = re.compile(r"[^\n]*")
# A timeline's line: a month and year (or a year) and a colon or dash, then what happened.
_LINE_START_DATE = re.compile(
    r"[ \t\-–•*]*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d\s*(?::|\s[-–—])\s", re.IGNORECASE
)
_BULLETS = " \t-–•*·▪◦"
_COLON_END = re.compile(r"[\"'’”]?\s*:\s*$", re.MULTILINE)
_SPACE = re.compile(r"\s*")
_PAST_OPENING = re.compile(r"\b(?:ago|previously|formerly|in\s+the\s+past|once)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
# After a rating, words that introduce the councils it is said of: "are: Birmingham; ...".
_LIST_INTRO = re.compile(
    r"[\"'’”]?(?:\s+(?:in|at|for|of|by|from)\s+(?:\w+\s+){0,4}?)?\s*(?:are|were|include[sd]?|was|is)\s*[:–—-]",
    re.IGNORECASE,
)
# After a rating, a copula whose complement is the councils it is said of: "the others rated
# as poor are Birmingham, Cornwall, ...", "Those judged inadequate were Doncaster and ...".
_COPULA_LIST = re.compile(r"[\"'’”]?\s+(?:overall\s+)?(?:are|were)\s+(?=[A-Z])")
# After a service's rating, the councils it was given at: "rated inadequate at Birmingham, ...".
_AT_COUNCILS = re.compile(r"[\"'’”]?\s+at\s+(?=[A-Z])")
# A sentence opening on a council the grade is also said of: "As well as Haringey, the others ...".
_ALSO_OPENING = re.compile(r"\W*(?:as\s+well\s+as|besides|alongside|along\s+with|like)\s+", re.IGNORECASE)
# How far after a rating the list of councils it is said of may begin ("are: ", ", six - ").
_LIST_REACH = 48
# Between two councils of a list after the rating: "Birmingham; Buckinghamshire",
# "Salford, Sandwell, Torbay and Worcestershire", or a lost comma ("Coventry Knowsley");
# a list told in two parts: "Doncaster, Haringey and Surrey again, plus Birmingham, Essex".
_AUTHORITY_LIST_AFTER_GAP = re.compile(r"(?:\s+again)?\s*(?:[,;]\s*(?:and\s+|plus\s+)?|(?:and|&|plus)\s+|\s)")

# "five of these authorities were previously rated good": a count of the councils the
# sentence before listed.
_COUNT_OF_THESE = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both)\s+of\s+"
    r"(?:these|those|them)\b(?:\s+(?:local\s+)?(?:authorities|councils|LAs|boroughs))?",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|by|from|with|near)\s+(?:the\s+)?$", re.IGNORECASE)
# Before a date after a rating: the rating has been held since then.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_HELD_SINCE_REACH = 60
# "good for the first time since 2008": the date of the last time, not of this rating.
_ONCE_SINCE = re.compile(r"\b(?:time|first|ever|best|worst|highest|lowest)\b", re.IGNORECASE)
# Before a date: the publication of the report that gives a rating.
_REPORT_PUBLISHED = re.compile(
    r"\b(?:report|letter|judge?ment|verdict|findings|inspection)\b[^.;:]{0,80}?\bpublished\s+(?:on\s+|in\s+)?$", re.IGNORECASE
)
# The annual rating's own names: "Ofsted's annual assessment for 2010", "the 2009
# annual ratings", "the 2010 children's services assessments".
_ANNUAL_EVENT = re.compile(
    r"\bannual\s+(?:performance\s+)?(?:children['’]s\s+services\s+)?(?:assessments?|ratings?)\b"
    r"|\bchildren['’]s\s+services\s+assessments?\b",
    re.IGNORECASE,
)
_TITLE_LINES = 3  # a page's headline is among its first lines (after a site's name or a label)
_TITLE_MAX = 120
# A sentence opening on the list the one before announced: "This included:", "These were:".
_SET_OUT = re.compile(r"(?:this|these|they|those)\s+(?:included?|includes|are|were)\s*:", re.IGNORECASE)
_AND_OVERALL = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+overall\b", re.IGNORECASE)
_OF_SERVICES = re.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?(?:(?:council|authority)['’]s\s+|its\s+|their\s+)?")
_STANDING_GAP = re.compile(r"[\"'’”]?[ \t]+(?:(?:local[ \t]+)?(?:authorities|councils)[ \t]+)?")
_NEXT_CLAUSE_GAP = re.compile(r"[\"'’”]?\s*,\s*")
# ILACS's 2018-23 judgement by its formal name, one area: "the experiences and progress of
# children in care and care leavers" (also "services for ..."); other wordings are a list.
_FORMAL_COMBINED = re.compile(
    r"(?:the\s+)?(?:experiences?|services)\b[^\n]*?children\s+in\s+care\s+and\s+care", re.IGNORECASE
)
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
_STRAY_WORD = re.compile(r"[\w'’-]+\s+(?=[\w'’-])")
# Between an area and its grade as a copula's subject and complement: "... were good".
_COPULA_GAP = re.compile(r"\s+(?:is|was|are|were|remains?|remained)\s+[\"'‘“]?", re.IGNORECASE)
# A possessive with no noun after it, its verb next: "while Devon's received ...".
_ELIDED_HEAD = re.compile(r"['’]s?\s+(?:received|were|was|got|gained|achieved|had|have|has)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")


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

    def same_grade_in(self, start: int, end: int) -> bool:
        """Whether another rating word of this grade starts in ``[start, end)``."""
        own = normalise_rating(self.written)
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if k != self.i and normalise_rating(self.matches[k].group()) == own:
                return True
            k += 1
        return False

    def other_grade_in(self, start: int, end: int) -> bool:
        """Whether a rating word of another grade starts in ``[start, end)``."""
        own = normalise_rating(self.written)
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if k != self.i and normalise_rating(self.matches[k].group()) != own:
                return True
            k += 1
        return False


def extract(text: str, ctx=None) -> list[Fact]:
    """One "judgement" fact per rating in a judging context, per council and area it names."""
    if not isinstance(text, str) or not text.strip():
        return []
    matches = sorted(matches_at_cues(RATING_RE, text, RATING_CUES) + matches_at_cues(TOP_GRADE_RE, text, TOP_GRADE_CUES),
                     key=lambda m: m.start())
    if not matches:
        return []
    index = index_for(text)
    starts = [match.start() for match in matches]
    facts: list[Fact] = []
    implied: list[Fact] = []
    subject: list[Fact | None] = []  # looked up once, when first needed
    for i, match in enumerate(matches):
        if _in_scale(text, matches, i):
            continue
        cue = judging_cue(index, matches, i)
        if cue is None:
            continue
        if not subject:
            subject.append(subject_inspection(text, ctx))
        rating = _Rating(index, matches, starts, i, cue, index.sentence_at(match.start()))
        found = _facts(rating, ctx, subject[0])
        facts.extend(found)
        if _continued(rating):
            implied.extend(_earlier_same_grade(found, _continued_from(rating, ctx)))
    # An earlier grade implied by "maintaining its 'Outstanding' judgement" is kept only where
    # the text tells it nowhere else ("last officially rated as 'good' in January 2014").
    told = {(f.get("authority"), f.get("rating"), f.get("area")) for f in facts if f.get("date_source") == "text"}
    facts.extend(f for f in implied if (f.get("authority"), f.get("rating"), f.get("area")) not in told)
    return _dated_by_twin(facts)


def _dated_by_twin(facts: list[Fact]) -> list[Fact]:
    """A grade told again with no date of its own ("Ofsted rates Doncaster children's
    services 'poor'" over a story that says Doncaster was deemed to be performing poorly
    in 2010; "at 'inadequate' Surrey" beside "Surrey council, rated inadequate in 2018")
    is the one the text dates, where it dates that council's grade for that area once."""
    years: dict[tuple, set] = {}
    dated: dict[tuple, Fact] = {}
    for f in facts:
        if f.get("date_source") == "text" and f.get("year") is not None:
            key = (f.get("authority"), f.get("rating"), f.get("area"))
            years.setdefault(key, set()).add(f.get("year"))
            dated.setdefault(key, f)
    out = []
    for f in facts:
        key = (f.get("authority"), f.get("rating"), f.get("area"))
        if f.get("year") is None and f.get("date_source") in (None, _NOT_STATED) and len(years.get(key, ())) == 1:
            twin = dated[key]
            f = Fact("judgement", f.span, {**f.fields, **{k: twin.get(k) for k in (*_UNDATED, "era", "event_type")},
                                           "date_source": "text"})
        out.append(f)
    return out


def _continued(rating: _Rating) -> bool:
    """Whether the grade is said to continue one given before: "maintaining its 'Outstanding'
    judgement", "retained its Outstanding judgement", "rated ... outstanding for the second
    consecutive time", "once again branded inadequate"."""
    text = rating.index.text
    s_start, s_end = rating.sentence
    start, end = rating.span
    return bool(_CONTINUED_BEFORE.search(text, max(s_start, start - _LEAD_LIMIT), start)
                or _CONTINUED_AFTER.match(text, end, s_end))


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


def _facts(rating: _Rating, ctx, subject: Fact | None) -> list[Fact]:
    written = rating.written
    normalised = normalise_rating(written)
    named = _authorities(rating)
    if named is None:
        return []  # said of councils in general
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
    if len(authorities) > 1 and _held_by_list(rating) and all(source != "text" for _, source in dates):
        dates = [(dict(_UNDATED), _NOT_STATED)]
    facts = []
    for date, source in dates:
        if not on_the_scale(normalised, date["year"]):
            continue
        era = era_for(date["year"], written, date["month"])
        event_type = event_type_of(era, normalised)
        areas = _areas(rating, era, date["year"])
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


# --- date -------------------------------------------------------------------------

_UNDATED = {"year": None, "month": None, "day": None, "precision": None}
# A rating the text places before the time it reports, without saying when
# ("previously", "a decade ago", a letter recalling an earlier grade): not to be
# dated by the document's own date, which would make it a new event.
_NOT_STATED = "not stated"


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
    following = [d for d in dates if end <= d.start and d.end <= next_rating
                 and not _SINCE_CLAUSE.search(text, end, d.start)]
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
        if d.year is not None and _REPORT_PUBLISHED.search(text, max(s_start, d.start - 120), d.start)
        and not rating.rated_in(d.end, start)
    ] or [
        d for d in index.dates_in(end, next_rating)
        if d.year is not None and _REPORT_PUBLISHED.search(text, max(end, d.start - 120), d.start)
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
        # "In 2018, inspectors judged ...", also after a colon ('The report
        # said: "In 2018, inspectors judged ...'): an opening adverbial.
        for j_start, j_end in reversed(clauses[:k]):
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
            if opening and (
                _OPENING_ADVERBIAL.match(text, j_start, j_end) or _INSPECTION_WORD.search(text, j_start, j_end)
                or not text[j_start:opening[0].start].strip(" \t-–•*")
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
        return [_year_before_annual(rating, ctx, subject) or (dict(_UNDATED), _NOT_STATED)]
    earlier_inspection = _past_inspection_before(index, s_start, start)
    if earlier_inspection is not None:
        return [(resolved_fields(index, earlier_inspection, ctx), "text")]
    doc_council = getattr(ctx, "authority", None)
    carried = _passage_date(rating, reported=minutes, others=bool(doc_council and whose and doc_council not in whose))
    fields = resolved_fields(index, carried, ctx) if carried is not None else None
    if subject is not None and subject.get("inspection_type") not in GRADED_TYPES:
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
    titled = _title_date(index) or _annual_year_after(rating) or _weekday_present(index)
    return [(titled, "text") if titled else (dict(_UNDATED), None)]


def _years_after(rating: _Rating, ctx) -> dict | None:
    """The year of a grade the news is counted from: "The news comes only three years after
    they were rated 'outstanding'", "rated 'outstanding', just three years after judging them
    'inadequate'" in a page of 2015 or 2021 are 2012's and 2018's grades, which the pages name
    elsewhere. The count is from the document's year, so a page with no date gives none."""
    published = published_fields(ctx)
    if published is None:
        return None
    start = rating.span[0]
    counted = _YEARS_AFTER.search(rating.index.text, max(rating.sentence[0], start - _LEAD_LIMIT), start)
    # "just over six years after": a count given roughly names no one year.
    if counted is None or _ROUGHLY.search(rating.index.text, max(0, counted.start() - 12), counted.start()):
        return None
    n = COUNT_WORDS.get(counted["n"].lower()) or (int(counted["n"]) if counted["n"].isdigit() else None)
    if n is None:
        return None
    # News counts years loosely ("three years after" an inspection two years before): the
    # count is taken only where the text names the year it gives ("since they were inspected
    # in 2012", "rated services as inadequate once again in 2018").
    year = published["year"] - n
    if not any(d.year == year and d.relative is None for d in rating.index.dates):
        return None
    return {"year": year, "month": None, "day": None, "precision": "year"}


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


def _weekday_present(index: TextIndex) -> dict | None:
    """The year an undated page was written in, from a day it names with its weekday
    ("Thursday (September 5) marked the first meeting ... since the report ... was
    published in July"): news gives weekdays only to days of the week it tells of, so the
    latest of them is the page's present (``dates.weekday_year``)."""
    years = [weekday_year(d, index.latest_year) for d in index.dates if d.year is None and d.relative is None]
    years = [y for y in years if y is not None]
    return {"year": max(years), "month": None, "day": None, "precision": "year"} if years else None


def _timeline_entry_date(index: TextIndex, pos: int) -> DateMention | None:
    """The date a timeline's line opens on ("June 2018: Ofsted's inspection again returned an
    overall 'requires improvement' rating, with the impact of leaders ... rated
    'inadequate'"): it dates every grade of its line."""
    text = index.text
    line_start = text.rfind("\n", 0, pos) + 1
    opening = _LINE_START_DATE.match(text, line_start, pos)
    if opening is None:
        return None
    dates = index.dates_in(line_start, opening.end())
    return dates[0] if len(dates) == 1 and dates[0].year is not None else None


def _annual_year_after(rating: _Rating) -> dict | None:
    """The year an undated page gives the annual rating it reports, in the passage after
    the rating: "Doncaster is one of 12 authorities ... deemed to be performing poorly.
    ... In Ofsted's annual assessment for 2010, ...". The annual rating was one event a
    year for every council, so its year dates each rating of that regime."""
    if era_for(None, rating.written) != "annual-rating":
        return None
    index = rating.index
    end = rating.sentence[1]
    for _ in range(_PASSAGE_SENTENCES):
        following = index.next_sentence(end)
        if following is None or following[0] - end > _PASSAGE_GAP:
            return None
        f_start, end = following
        if _ANNUAL_EVENT.search(index.text, f_start, end):
            years = {d.year for d in index.dates_in(f_start, end) if d.year is not None and not d.is_range}
            if len(years) == 1:
                return {"year": years.pop(), "month": None, "day": None, "precision": "year"}
    return None


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


def _title_date(index: TextIndex) -> dict | None:
    """The year of the graded event an undated document's heading names: "Ofsted
    releases Annual Performance Assessments 2008", "Ofsted Annual Children's Services
    Assessment 2010" (a minutes item), for the ratings it reports."""
    text = index.text
    pos, seen = 0, 0
    while pos < len(text) and seen < _TITLE_LINES:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if line:
            seen += 1
            if len(line) <= _TITLE_MAX and line[-1] not in ".!?" and _EVENT_WORD.search(text, pos, line_end):
                years = [d for d in index.dates_in(pos, line_end) if d.year is not None and not d.is_range]
                if len(years) == 1:
                    return {"year": years[0].year, "month": None, "day": None, "precision": "year"}
        pos = line_end + 1
    return None


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
            if told_afresh and rating.other_grade_in(
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
    return dates[0] if len(dates) == 1 else None


# --- area -------------------------------------------------------------------------


def _areas(rating: _Rating, era: str | None = None, year: int | None = None) -> list[str | None]:
    """The areas the rating is given for; [] where it is counted over areas it does not name."""
    if era is None and year is None:
        # An undated page that names 2018 tells of an inspection then or later: "rated 'good' across
        # the board", "all aspects of the service were rated as good" are ILACS's areas.
        era = regime_from(rating.index.latest_year)
        year = rating.index.latest_year if era else None
    areas = _own_areas(rating, era, year)
    text = rating.index.text
    region_end = rating.neighbours(*rating.sentence)[1]
    also = _AS_WAS.match(text, rating.span[1], region_end)
    if areas and also is not None:
        areas = list(dict.fromkeys([*areas, *_listed_areas(text, also.end(), region_end)]))
    return areas


def _own_areas(rating: _Rating, era: str | None, year: int | None) -> list[str | None]:
    text = rating.index.text
    start, end = rating.span
    if rating.cue.area == "capacity for improvement" and _strand_capacity_after(text, end):
        return []  # "an inadequate capacity to improve its child protection services"
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
    # "each of the areas inspected were rated as Requires Improvement", "all four
    # areas were judged good": every area is the rating's subject.
    if areas_judged(era, year) and _EVERY_AREA_SUBJECT.search(text, region_start, start):
        return list(areas_judged(era, year))
    if areas_judged(era, year) and _SWEEP_BEFORE.search(text, region_start, start) and _PLURAL_GRADES_AFTER.match(text, end):
        return list(areas_judged(era, year))
    # "good in three of the four areas, and requires improvement for help and protection",
    # "outstanding for help and protection and good for the rest", "with all other areas also
    # rated good": the regime's areas less those the sentence names, where that is the count.
    counted = _COUNTED_AFTER.match(text, end, region_end)
    rest = _REST_AFTER.match(text, end, region_end) or _REST_SUBJECT.search(text, region_start, start)
    if (counted or rest) and areas_judged(era, year):
        left = _areas_left(rating, counted, areas_judged(era, year))
        if left:
            return left
    if every is not None and not every["except"] and not areas_judged(era, year):
        # "an 'outstanding' rating in every single category. This included: Overall
        # effectiveness ..., staying safe, ...": a regime whose areas are not known
        # here names them in the sentence after.
        listed = _areas_set_out_after(rating)
        if listed:
            return listed
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
    if including is not None:
        # What an "including" clause names are the areas, however loosely it lists
        # them: "Three other areas received good ratings, which included the experiences
        # of children and care leavers who need help and protection, as well as the
        # overall effectiveness of the service".
        listed = [area for a in find_areas(text, including.end(), region_end) for area in _named_areas(text, a)]
        if listed:
            return list(dict.fromkeys(listed))
    if _COUNTED_AFTER.match(text, end, region_end):
        return []
    if OVERALL_AFTER.match(text, end):
        return ["overall"]
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
        return _list_ending(text, before)
    elided = _elided_area(rating, region_start)
    if elided is not None:
        return [elided]
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
    return ["overall"]


def _heading_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of its own without a full stop: a heading."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n") and (
        text[end - 1:end] not in (".", "!", "?") and len(text[start:end]) <= _TITLE_MAX)


def _councils_by_line(index: TextIndex, pos: int) -> list[str]:
    """The councils listed one a line from ``pos`` (blank lines and bullets allowed):
    each line holds one council's name, with its wording, and nothing else."""
    text = index.text
    found: list[str] = []
    for line in _LINE.finditer(text, pos):
        if not line.group().strip():
            continue
        named = index.authorities_in(line.start(), line.end())
        if len(named) != 1 or text[line.start():named[0][0]].strip(_BULLETS) or text[named[0][1]:line.end()].strip(" \t,;."):
            break
        found.append(named[0][2])
    return list(dict.fromkeys(found))


def _named_next(rating: _Rating) -> list[str] | None:
    """The councils a count opening the sentence announces and the next sentence names:
    "Two London boroughs have become the first to have their children's services rated
    'outstanding' ... In inspection reports published today Ofsted said Kensington and
    Chelsea, and Westminster children's services provide first-rate services". Exactly
    that many, in a sentence with no grade of its own; else None."""
    index = rating.index
    text = index.text
    s_start, s_end = rating.sentence
    count = _COUNT_OPENING_COUNCILS.match(text, s_start, rating.span[0])
    following = index.next_sentence(s_end)
    if following is None or following[0] - s_end > _PASSAGE_GAP:
        return None
    if count is None and _THEY_ARE.match(text, *following):
        # "... concern at 12 councils deemed to be performing poorly overall. They are
        # Salford, Birmingham, ...", "... has risen from none last year to four this year.
        # Those councils were Doncaster, ...": the count anywhere in the sentence, the next
        # one opening on the councils it counted.
        count = _COUNT_OF_COUNCILS.search(text, s_start, s_end)
    if count is None:
        return None
    word = (count["n"] or count.groupdict().get("to") or "").lower()
    wanted = int(word) if word.isdigit() else COUNT_WORDS.get(word)
    # ("One council was rated inadequate. Kent's director said ..." names no list.)
    if not wanted or wanted < 2 or RATING_RE.search(text, *following):
        return None
    named = list(dict.fromkeys(a[2] for a in index.authorities_in(*following)))
    return named if len(named) == wanted else None


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


def _counted_councils(rating: _Rating) -> list[str] | None:
    """The councils "five of these authorities" counts: those the sentence before listed,
    less any this sentence names apart ("While five of these authorities were previously
    rated good, York jumped two grades"), where exactly that many are left; else None."""
    index = rating.index
    text = index.text
    start = rating.span[0]
    s_start, s_end = rating.sentence
    counts = list(_COUNT_OF_THESE.finditer(text, max(s_start, start - _LEAD_LIMIT), start))
    previous = index.previous_sentence(s_start)
    if not counts or previous is None:
        return None
    word = counts[-1]["n"].lower()
    wanted = 2 if word == "both" else int(word) if word.isdigit() else COUNT_WORDS[word]
    here = {a[2] for a in index.authorities_in(s_start, s_end)}
    left = [a for a in dict.fromkeys(a[2] for a in index.authorities_in(*previous)) if a not in here]
    return left if len(left) == wanted else None


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


def _areas_set_out_after(rating: _Rating) -> list[str]:
    """The areas the next sentence sets out when it opens "This included:", "These were:"."""
    text = rating.index.text
    s_end = rating.sentence[1]
    following = _SPACE.match(text, s_end + 1).end() if s_end < len(text) else s_end
    if following >= len(text) or not _SET_OUT.match(text, following):
        return []
    n_start, n_end = rating.index.sentence_at(following)
    return list(dict.fromkeys(area for a in find_areas(text, n_start, n_end) for area in _named_areas(text, a)))


def _list_ending(text: str, mentions: list[AreaMention]) -> list[str]:
    """The areas of the list the last of ``mentions`` ends: "help and protection and care leavers"."""
    chosen = [mentions[-1]]
    for area in reversed(mentions[:-1]):
        if not _LIST_GAP.fullmatch(text, area.end, chosen[0].start):
            break
        chosen.insert(0, area)
    return list(dict.fromkeys(area for a in chosen for area in _named_areas(text, a)))


def _every_area_but(rating: _Rating, every: re.Match[str], judged: tuple[str, ...]) -> list[str | None]:
    """"good in every area except help and protection": the regime's areas but those excepted,
    and but those another rating of the sentence is given for ("'Good' in every category
    and 'Outstanding' for the impact of leaders")."""
    text = rating.index.text
    s_start, s_end = rating.sentence
    excepted = set(_listed_areas(text, every.end(), s_end)) if every["except"] else set()
    others = {
        a.area for a in find_areas(text, every.end(), s_end)
        if rating.rated_in(every.end(), a.start)
    }
    left = [area for area in judged if area not in excepted | others and not _covers(excepted | others, area)]
    return list(left) or [None]


def _areas_left(rating: _Rating, counted: re.Match[str] | None, judged: tuple[str, ...]) -> list[str]:
    """The areas a counted ("in three of the four areas") or remaining ("for the rest") grade
    is given for: the regime's areas less every area the sentence names (those are the other
    grades'), where the count, if any, is exactly that many ("all but one" too). A remainder
    leaves out the overall grade, which no sentence calls one of "the other areas"."""
    text = rating.index.text
    s_start, s_end = rating.sentence
    if not rating.rated_in(s_start, s_end):
        return []  # no other grade in the sentence to leave areas over
    # The areas named after the rating, up to the next, are its own ("in two areas: ...").
    own_start, own_end = rating.span[1], rating.neighbours(s_start, s_end)[1]
    # (The council's "children's services" name no area another grade is given for.)
    named = {area for a in find_areas(text, s_start, s_end)
             if not own_start <= a.start < own_end and (a.heading or a.area != "overall")
             for area in _named_areas(text, a)}
    # "rated good overall, with all other areas ...": the overall grade is another's.
    named |= {"overall" for k, m in enumerate(rating.matches)
              if k != rating.i and s_start <= m.start() < s_end and OVERALL_AFTER.match(text, m.end())}
    if not named:
        return []
    left = [area for area in judged if area not in named and not _covers(named, area)]
    if counted is None:
        return [area for area in left if area != "overall"]
    numbers = [int(w) if w.isdigit() else COUNT_WORDS.get(w.lower()) for w in _COUNT_WORD.findall(counted.group())]
    if re.search(r"\ball\s+but\b", counted.group(), re.IGNORECASE):
        wanted, of = len(judged) - numbers[0], len(judged)
    else:
        wanted, of = numbers[0], (numbers[1] if len(numbers) > 1 else None)
    return left if wanted == len(left) and of in (None, len(judged)) else []


def _covers(areas: set[str], area: str) -> bool:
    """Whether ``areas`` name a part of ``area`` (care leavers of children in care and care leavers)."""
    return any(part in areas for part in AREA_COMPONENTS.get(area, ()))


def _areas_after(text: str, pos: int, stop: int) -> list[str]:
    """The areas listed from ``pos``, one stray word allowed before them ("'good' for care
    looked after children")."""
    stray = _STRAY_WORD.match(text, pos, stop)
    return _listed_areas(text, pos, stop) or (_listed_areas(text, stray.end(), stop) if stray else [])


def _listed_areas(text: str, pos: int, stop: int) -> list[str]:
    """The areas listed from ``pos``: "help and protection and care leavers"."""
    return _listed_areas_to(text, pos, stop)[0]


def _listed_areas_to(text: str, pos: int, stop: int) -> tuple[list[str], int]:
    """The areas listed from ``pos``, and where the list ends."""
    found: list[str] = []
    for area in find_areas(text, pos, stop):
        # An aspect with no area listed among them is passed over: "achieved in Safeguarding;
        # Enjoying and Achieving; Making a Positive Contribution; and Capacity to Improve".
        while found and (gap := _LIST_GAP.match(text, pos, area.start)) is not None:
            aspect = UNPLACED_ASPECT_RE.match(text, gap.end(), area.start)
            if aspect is None:
                break
            pos = aspect.end()
        # The first area may open a quotation: "'Outstanding' for 'the impact of leaders ...'".
        joined = (_LIST_GAP if found else _LIST_OPENING).fullmatch(text, pos, area.start)
        if not joined:
            break
        found.extend(_named_areas(text, area))
        pos = area.end
    # "inadequate for safeguarding and overall": the list ends on the whole service.
    overall = _AND_OVERALL.match(text, pos, stop) if found else None
    if overall is not None:
        found.append("overall")
        pos = overall.end()
    return list(dict.fromkeys(found)), pos


def _named_areas(text: str, area: AreaMention) -> tuple[str, ...]:
    """The areas a mention names: "children in care and care leavers were judged good" is a
    list of two; only ILACS's formal name ("the experiences and progress of children in
    care and care leavers") is its one combined judgement."""
    if area.area in AREA_COMPONENTS and not _FORMAL_COMBINED.match(text, area.start, area.end):
        return AREA_COMPONENTS[area.area]
    return (area.area,)


# --- council ----------------------------------------------------------------------


def _authorities(rating: _Rating) -> list[str] | None:
    """The councils the rating is said of: the nearest named before it, with its list.

    Else the list named after it ("The councils rated poor were: Birmingham,
    Calderdale ...", "12 councils – Birmingham, Calderdale ... – were judged as
    performing poorly" is read before); [] where no council is named (the
    document's own), None where the rating is said of councils in general
    ("10 have been rated good", "a quarter of English councils are now rated
    outstanding"), which is no judgement of any one council.
    """
    index = rating.index
    text = index.text
    start, end = rating.span
    s_start, s_end = rating.sentence
    named = index.authorities_in(s_start, start)
    if named and _SHARE_SUBJECT.search(text, named[-1][1], start):
        return None  # "Lincolnshire, ... and Westminster and across England only a third are judged good"
    # A council named after the sentence's previous rating is this one's: "East Sussex, Essex
    # and Staffordshire were rated good, but children's social care in Coventry was deemed
    # inadequate" (the councils before "good" are that grade's).
    since_previous = index.authorities_in(rating.neighbours(s_start, s_end)[0], start)
    if since_previous:
        named = since_previous
    # "Schools in Haringey were rated good" names a place, not the subject.
    before = [a for a in named if not _LOCATIVE.search(text, max(0, a[0] - 12), a[0])] or named
    # "at 'inadequate' Surrey, Newham and Bradford": the rating describes the councils after it.
    following = index.authorities_in(end, s_end)
    # ("rated good, York jumped ..." is a new clause's subject.)
    described = bool(following) and following[0][0] - end <= 3 and not text[end:following[0][0]].strip(" \t'\"’”")
    # "the others rated as poor are Birmingham, Cornwall ...": the councils after the copula
    # are the subject; one named before by "As well as Haringey, ..." shares the grade.
    copula_list = _COPULA_LIST.match(text, end, s_end)
    if copula_list is not None and following and following[0][0] == copula_list.end():
        chosen = [following[0]]
        for mention in following[1:]:
            if not _AUTHORITY_LIST_AFTER_GAP.fullmatch(text, chosen[-1][1], mention[0]):
                break
            chosen.append(mention)
        also = _ALSO_OPENING.match(text, s_start, start)
        besides = index.authorities_in(also.end(), start) if also is not None else []
        return list(dict.fromkeys(a[2] for a in [*besides[:1], *chosen]))
    # "As well as Haringey, child protection was rated inadequate at Birmingham, Doncaster ...
    # and Wokingham councils": a service's grade "at" a list of councils is theirs (and the
    # one the sentence opened on "as well as").
    at_list = _AT_COUNCILS.match(text, end, s_end)
    also = _ALSO_OPENING.match(text, s_start, start)
    opened_on = []
    if also is not None:
        comma = text.find(",", also.end(), start)
        opened_on = index.authorities_in(also.end(), comma if comma >= 0 else start)
    if at_list is not None and following and following[0][0] == at_list.end() and set(before) <= set(opened_on):
        chosen = [following[0]]
        for mention in following[1:]:
            if not _AUTHORITY_LIST_AFTER_GAP.fullmatch(text, chosen[-1][1], mention[0]):
                break
            chosen.append(mention)
        return list(dict.fromkeys(a[2] for a in [*opened_on[:1], *chosen]))
    if before and not described:
        chosen = [before[-1]]
        # The list the subject ends, a place among it too ("Children's Services across
        # Westminster City Council and Kensington and Chelsea have been given ...").
        for mention in reversed(named[:named.index(before[-1])]):
            if not _AUTHORITY_LIST_GAP.fullmatch(text, mention[1], chosen[0][0]):
                break
            chosen.insert(0, mention)
        return list(dict.fromkeys(a[2] for a in chosen))
    plural = bool(
        _PLURAL_SUBJECT.search(text, max(s_start, start - _LEAD_LIMIT), start) or _PLURAL_AFTER.match(text, end)
        or _COUNT_OPENING.match(text, s_start, start)
    )
    reach = s_end if plural or _LIST_INTRO.match(text, end, s_end) else index.clause_at(start)[1]
    list_end = s_end
    # Or the plural subject's sentence goes on past the rating to a colon, or is a heading
    # line, with no other rating or council: "The following local authorities are currently
    # rated as 'inadequate' under Ofsted's Single Inspection Framework:", "COUNCILS RATED
    # INADEQUATE", and the list below.
    introduces = plural and (text[s_end - 1:s_end] == ":" or _heading_line(text, s_start, s_end)) and not (
        rating.rated_in(end, s_end) or index.authorities_in(end, s_end))
    if introduces:
        # One council a line ("Doncaster Council", "- Bromley") under it.
        lines = _councils_by_line(index, s_end)
        if lines:
            return lines
    if (_COLON_END.match(text, end) or introduces) and s_end < len(text):
        # "the following local authorities have been rated as 'inadequate':" and
        # the list set out below it, as its own paragraph.
        following = index.sentence_at(_SPACE.match(text, s_end).end())
        reach = list_end = following[1]
    after = index.authorities_in(end, list_end)
    # "were previously rated good, York jumped ...": after a bare comma a council opens
    # the next clause; a list is introduced ("are:", ", six - ", "in").
    if (after and after[0][1] <= reach and after[0][0] - end <= _LIST_REACH and not rating.rated_in(end, after[0][0])
            and not _NEXT_CLAUSE_GAP.fullmatch(text, end, after[0][0])):
        chosen = [after[0]]
        for mention in after[1:]:
            if not _AUTHORITY_LIST_AFTER_GAP.fullmatch(text, chosen[-1][1], mention[0]):
                break
            chosen.append(mention)
        return list(dict.fromkeys(a[2] for a in chosen))
    counted = _counted_councils(rating) or _named_next(rating)
    if plural or counted:
        return counted
    # "... that of Birmingham City Council. The largest children's services
    # department in England had been rated 'inadequate'", or a timeline's lines
    # under the council's heading ("DONCASTER / June 2012: rated inadequate /
    # March 2015: rated inadequate again"): a rating naming no council is said
    # of the council the passage last named, where it named one.
    previous = index.previous_sentence(s_start)
    for _ in range(_PASSAGE_SENTENCES):
        if previous is None or s_start - previous[1] > _PASSAGE_GAP:
            break
        mentions = index.authorities_in(*previous)
        councils = {a[2] for a in mentions}
        # Only a sentence about a council's services, or a heading that is the council's
        # name, names the passage's council: "See more stories from across Birmingham and
        # the Black Country here" (a news site's link between paragraphs) does not.
        heading = len(mentions) == 1 and not (text[previous[0]:mentions[0][0]] + text[mentions[0][1]:previous[1]]).strip(
            " \t:-–")
        if councils and (heading or _ABOUT_SERVICES.search(text, *previous)):
            return list(councils) if len(councils) == 1 else []
        s_start = previous[0]
        previous = index.previous_sentence(s_start)
    return []
