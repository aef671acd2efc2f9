"""Whether a rating word is used as a judgement: the judging contexts.

A rating word (``importers.vocabulary.RATING_WORDS``) is a judgement only in
a judging context, and ``judging_cue`` says which one it found:

* ``verb``: a judging verb governs it: "rated good", "was judged to be
  inadequate", "judged Haringey children's services to require improvement
  to be good", "graded our children's services 'good'", "found to be",
  "assessed as", or with a list of councils in its object ("judged children's
  services in Doncaster, Haringey and Surrey to be inadequate"); or it stands
  in a relative clause on "areas" whose list follows ("the two areas that
  require improvement which were 'leadership, ...' and '...'");
* ``noun``: a judgement noun introduces it: "a rating of 'adequate'", "The
  overall judgement is requires improvement", "its rating has improved to
  good", "Ofsted's verdict: inadequate";
* ``named``: it names a rating: "a 'good' rating", "Ofsted's 'inadequate'
  label", "an inadequate judgement"; or names the best or worst grade by its rung
  ("the top mark", "the lowest possible rating"), or a grade told again by a noun, given to
  or held by the council ("gave it the same verdict", "received this grading": the rating
  word before it);
* ``quoted``: it stands alone in quotation marks, straight or curly, single
  or double ("its first 'good'", "still “requires improvement”");
* ``label``: it follows a judgement's formal name as a label: "Overall
  effectiveness: Good", "The experiences and progress of children in care
  Requires improvement to be good";
* ``change``: a change of grade: "from 'requires improvement' to 'good'",
  "downgraded to inadequate" (the "from" grade is the past one);
* ``verdict``: "requires improvement" said of a council, its services or a
  judgement area ("This local authority requires improvement", "X is making
  progress but requires improvement"), or "performs well / poorly" said of a
  council (the 2009-11 annual rating);
* ``copula``: a judgement area or the council is the subject of "is / was /
  remains" and the rating closes the clause ("The LSCB is inadequate",
  "Children's services in Hackney are inadequate");
* ``gapped``: it shares the judging words of the rating before it in the sentence and
  names its own areas ("rated good overall, and outstanding for leadership", "judged X as
  good and Y as outstanding"); "were given outstanding grades" after named areas is ``named``;
* ``numeric``: the 2005-08 annual performance assessment's number grade, glossed
  with its name ("grade 3 (good)", "were both 2 (adequate)"); a count of them
  ("three 'threes' (good)") is none.

Not judgements, whatever the context: the word describing a noun ("good
progress", "'good' practice", "inadequate staffing", "poor outcomes");
a negated rating ("not yet good"); hypotheticals ("could be rated
inadequate", "at risk of being judged inadequate", "aims to be rated
outstanding"); generic statements ("a local authority that requires
improvement", "councils rated inadequate are ..."); ratings of other
providers ("placements judged good", "The council runs two children's
homes. Both were judged to be good", "a 'good' rating for the adoption
agency"); ratings given by others ("rated as good by families"); and a
rating hoped for ("rated outstanding at the next inspection"). "poor" and
"excellent" before a rating noun ("its poor Ofsted rating") describe the
rating and are not one. "no longer inadequate" is not the rating now but tells
the one before it: its cue is ``historical`` (an earlier, undated rating), as is a
grade given up ("has ditched its inadequate judgement"). Counts of grades ("13 being
'good', 6 'outstanding'") are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from importers.extract.clauses import TextIndex
from importers.vocabulary import BOTTOM_GRADE_WORDS, RATING_WORDS, TOP_GRADE_WORDS, find_areas, normalise_rating

__all__ = ["CHANGE_TO_GAP", "END_GRADE_CUES", "END_GRADE_RE", "OPEN_QUOTES", "OVERALL_AFTER", "PLURAL_GRADES_AFTER",
           "RATING_CUES", "RATING_RE", "SAME_GRADE_CUES", "SAME_GRADE_RE", "Cue", "judging_cue"]

# The look-ahead on first letters lets the regex engine skip most positions fast.
RATING_RE = re.compile(rf"(?<![\w-])(?=[oegaiprn]){RATING_WORDS}(?![\w-])", re.IGNORECASE)
# The lower-case words one of which opens every RATING_RE match (see ``importers.extract.scan``).
RATING_CUES = ("perform", "requir", "need", "outstanding", "excellent", "good", "adequate", "inadequate", "poor")
# "the top mark", "the highest possible grade", "the lowest possible rating": the best or the
# worst grade named by the press by its rung.
END_GRADE_RE = re.compile(rf"(?<![\w-])(?:{TOP_GRADE_WORDS}|{BOTTOM_GRADE_WORDS})(?![\w-])", re.IGNORECASE)
END_GRADE_CUES = ("top", "highest", "best", "lowest", "worst")
# A grade told again by a noun, the grade named just before: "deemed the council's children's
# services 'inadequate' and gave it the same verdict a year later" (CYP Now), "the impact staff
# have on children and their families received the same grade" (a local paper), "the council
# received this grading for every aspect of their child protection provision" (a blog). Only as what a council
# is given, carries or receives (``_GIVEN_SAME_BEFORE``): "this rating reflects ..." is no new grade.
SAME_GRADE_RE = re.compile(
    r"(?<![\w-])(?:the\s+same|this)\s+(?:(?:overall|Ofsted)\s+)?(?:rating|grade|grading|verdict|judge?ment)(?![\w-])",
    re.IGNORECASE,
)
SAME_GRADE_CUES = ("the same", "this")
_GIVEN_SAME_BEFORE = re.compile(
    r"\b(?:receiv(?:e|es|ed|ing)|g[ai]ve|giv(?:es|en|ing)|award(?:s|ed|ing)?|achiev(?:e|es|ed|ing)|got|gets|"
    r"carr(?:y|ies|ied|ying)|reach(?:es|ed|ing)?|earn(?:s|ed|ing)?|handed|"
    r"retain(?:s|ed|ing)?|kept|keeps|holds?|held|issued)\s+(?:(?:it|them|the\s+(?:council|authority))\s+)?$",
    re.IGNORECASE,
)
# Before such a name: a definition of the scale, not a grade ("Outstanding is the highest rating").
# ... or one not reached: "narrowly missed out on the top grade".
# ... or one already told, by a possessive: "has retained its top grade".
# (The inspectorate's own is the grade it gives: "had been given Ofsted's lowest overall rating".)
_MISSED_BEFORE = re.compile(
    r"\bmiss(?:ed|es|ing)?(?:\s+out)?(?:\s+on)?\s+(?:the\s+|a\s+)?$|\b(?:its|their|his|her)\s+$"
    r"|(?<!\bOfsted)(?<!\bwatchdog)(?<!\binspectorate)(?<!\bregulator)['’]s?\s+$",
    re.IGNORECASE,
)
# ... or one that glosses the grade just named ("judged as 'inadequate' – the lowest rating
# possible", "'outstanding', the highest grade"), or a rung next to the end ("the second lowest rating").
_GLOSS_BEFORE = re.compile(
    rf"{RATING_WORDS}[\"'’”]?\s*(?:[,(–—-]|\s-\s)\s*(?:(?:which\s+is|being)\s+)?(?:the\s+|Ofsted['’]s\s+)*$"
    r"|\b(?:second|third|next)[\s-]+$",
    re.IGNORECASE,
)
# ... or one of a comparison, not of the scale: "the worst rating in the South East", "the highest
# rating of any council in the region", "the lowest rating it had received" (the country's best or
# worst is the scale's: "the top rating in England").
_RELATIVE_RUNG_AFTER = re.compile(
    r"\s+(?:in\s+(?:the\s+)?(?:region|county|area|north|south|east|west|midlands|(?!England\b)[A-Z]\w+)"
    r"|of\s+(?:any|all|the)\b|among\b|(?:it|they|the\s+council)\s+(?:had|has|have)\b)"
)
_DEFINED_BEFORE = re.compile(rf"{RATING_WORDS}[\"'’”]?\s+(?:is|was|being|remains)\s+(?:the\s+|Ofsted['’]s\s+)*$",
                             re.IGNORECASE)

OPEN_QUOTES = "'\"‘“"
_CLOSE_QUOTES = "'\"’”"
_LINE_START = re.compile(r"\s*[-–•*·▪◦]?\s*")  # blank lines and a bullet before a line's words
_Q = r"[\"'‘“]?"  # an opening quote the rating may sit in
_CQ = r"[\"'’”]?"  # and its closing quote
# Before a grade, a bound on the scale, not a grade given: "the second-highest rating below
# 'outstanding'", "moved from a rating below Good to Outstanding".
_BOUND_BEFORE = re.compile(rf"\b(?:below|above|beneath)\s+(?:(?:the|a|an)\s+|that\s+of\s+)?{_Q}$", re.IGNORECASE)
# Ofsted's scale described in general, not a council's grade: a rung placed on the scale ("Only one
# category – outstanding – is above that of 'good' on Ofsted's four-point scale", a council's
# release), a grade defined ("Ofsted defines "adequate" as meaning "only meets minimum
# requirements"", a party's page), grades counted as a trend ("Rise in inadequate ratings due to
# higher expectations", a trade paper's headline).
_ON_SCALE_AFTER = re.compile(rf"{_CQ}\s+(?:on|in)\s+(?:Ofsted['’]s|the|its|a|their)\s+(?:[\w-]+\s+){{0,2}}?scale\b",
                             re.IGNORECASE)
_DEFINED_GRADE_BEFORE = re.compile(rf"\b(?:defin(?:e|es|ed|ing)|describ(?:e|es|ed|ing))\s+{_Q}$", re.IGNORECASE)
_MEANING_AFTER = re.compile(rf"{_CQ}\s+(?:as\s+)?(?:mean(?:s|ing|t)|signif(?:y|ies|ying))\b", re.IGNORECASE)
_TREND_OF_BEFORE = re.compile(
    r"\b(?:rise|rises|rising|increase[sd]?|fall|falls|falling|drop|decline|number|proportion|share|percentage)"
    rf"\s+(?:in|of)\s+(?:the\s+)?{_Q}$",
    re.IGNORECASE,
)
# Grades in the plural after a grade word: "'good' ratings", "inadequate judgements".
PLURAL_GRADES_AFTER = re.compile(rf"{_CQ}\s+(?:ratings|grades|judge?ments)\b", re.IGNORECASE)

# A word between a judging verb and the rating: not a clause of its own
# ("judged that ..."), and no finite verb ("found social workers are good at").
_GAP_WORD = (
    r"(?!(?:that|which|whether|because|if|is|are|was|were|be|been|being|has|have|had|do|does|did|"
    r"will|would|could|should|may|might|must|can|but)\b)[^\s,.;:!?\"“”]+"
)
# The look-aheads on first letters below let the regex engine pass over most
# positions at once: these patterns are searched backwards from each rating.
_VERB_LEAD = re.compile(
    r"(?<![\w-])(?=[rjgadfcbls])(?:re-?)?(?:rated?|rates|judged?|judges|graded|assessed|deemed|found|"
    r"considered|branded|labell?ed|classed|classified|declared|ranked|scored)"
    rf"(?:\s+{_GAP_WORD}){{0,14}}?"
    r"(?:\s+(?:to\s+be|to\s+have\s+been|to\s+remain|to\s+still\s+be|as\s+being|as|at|to|overall)|\s*:)?"
    # "found to be 'Overall Inadequate'": the area's label inside the quotation.
    rf"\s*{_Q}(?:overall\s+)?$",
    re.IGNORECASE,
)
# A judging verb whose object lists councils before "to be": "judged children's services in
# Doncaster, Haringey, Milton Keynes and Surrey to be inadequate overall" (the commas of the
# list end _VERB_LEAD's gap). Taken only where the object names a council.
_VERB_OBJECT_TO_BE = re.compile(
    r"(?<![\w-])(?:re-?)?(?:rated|judged|graded|assessed|deemed|found|considered)\s+"
    # ("judged leadership, management and governance in Kent as good")
    r"(?P<object>[^.;:!?\"“”\n]{3,200}?)\s+(?:to\s+(?:be|have\s+been)|as)\s*" + rf"{_Q}$",
    re.IGNORECASE,
)
# Before a grade: one given up ("Isle of Wight Council has ditched its inadequate judgement",
# "shed its 'inadequate' rating", "came out of the inadequate category"): the grade before.
_SHED_BEFORE = re.compile(
    r"\b(?:ditch\w*|shed(?:s|ding)?|lost|los(?:e|es|ing)|shak(?:e|es|en|ing)\s+off|shook\s+off|"
    r"escap(?:e|es|ed|ing)|emerg(?:e|es|ed|ing)\s+from|c(?:a|o)me\s+out\s+of|mov(?:e|es|ed|ing)\s+out\s+of)"
    rf"\s+(?:of\s+)?(?:its|their|the|an?)\s+(?:Ofsted\s+)?{_Q}$"
    # ... or a grade named bare after a way out of it ("Council moves out of 'inadequate' following
    # Ofsted inspection", "Children's services move out of 'inadequate' at two councils": trade headlines).
    rf"|\b(?:c(?:a|o)me|mov(?:e|es|ed|ing)|climb(?:s|ed|ing)?|get(?:s|ting)?|got)\s+out\s+of\s+{_Q}$",
    re.IGNORECASE,
)
_MOVED_TO = (
    r"(?:(?:has|have|had|was|were)\s+(?:been\s+)?)?(?:improved|moved|risen|rose|fallen|fell|dropped|"
    r"slipped|gone|went|changed|returned|upgraded|downgraded|raised|lowered|cut)(?:\s+(?:up|down|back))?\s+to"
)
_NOUN_LEAD = re.compile(
    r"(?<![\w-])(?=[rgjvlcs])(?:ratings?|grade|grading|judge?ments?|verdict|label|classification|category|"
    r"status|score)"
    rf"(?:\s+{_GAP_WORD}){{0,8}}?"
    rf"(?:\s+(?:{_MOVED_TO}|of|is|was|were|are|as|remains|remained|stays|stayed|from|to)|\s*[:–—-])"
    rf"\s*{_Q}$",
    re.IGNORECASE,
)
# "professional judgement", "their judgement": a skill, not Ofsted's verdict.
_NOT_VERDICT_NOUN = re.compile(
    r"(?:professional|workers['’]?|practitioners['’]?|managers['’]?|their|his|her|sound|clear|good|poor)\s+$",
    re.IGNORECASE,
)
# "good grades" alone are a pupil's; "good Ofsted grades" are a council's, and so is an
# "inadequate Ofsted report" (a headline's verdict).
_TRAIL = re.compile(
    rf"{_CQ}\s*(?:(?:overall|Ofsted(?:['’]s)?|inspection|official)\s+)?"
    r"(?P<noun>ratings?|grade|label|verdict|status|category|classification|judge?ment)\b"
    rf"|{_CQ}\s*(?:Ofsted(?:['’]s)?|inspection)\s+(?P<grades>grades|(?:inspection\s+)?report)\b",
    re.IGNORECASE,
)
# Grades handed out, in the plural: "were given outstanding grades" (not "achieved good grades",
# which pupils do).
_GIVEN_BEFORE = re.compile(r"\b(?:given|awarded|handed)\s+$", re.IGNORECASE)
_GRADES_AFTER = re.compile(rf"{_CQ}\s+grades\b", re.IGNORECASE)
# Between two grades before a plural rating noun ("good and outstanding Ofsted ratings").
_GRADE_AND = re.compile(rf"{_CQ}\s*(?:and|&|or)\s*{_Q}", re.IGNORECASE)
# Between two grades one clause's words govern alike: "'good' and 'outstanding'", "'good' and,
# ultimately, 'outstanding'", "to 'good' and then to 'outstanding'".
_GRADES_JOINED = re.compile(
    rf"{_CQ},?\s*(?:and|&|or)\s*,?\s*(?:(?:then|ultimately|eventually|later)\s*,?\s*)?(?:to\s+)?{_Q}", re.IGNORECASE
)
# The 2005-08 annual performance assessment printed grades as numbers (4 best), glossed
# with their names: "grade 3 (good)", "were both 2 (adequate)"; counted: "three 'threes' (good)".
_NUMERIC_GRADE_BEFORE = re.compile(
    r"(?<![\w.,£$%-])(?:(?:grade|score|scored|graded|rated)\s+(?:of\s+)?|(?:both|were|was|is|are)\s+)[1-4]\s*\($",
    re.IGNORECASE,
)
_GRADES_COUNTED_BEFORE = re.compile(
    r"\b(?:\d|one|two|three|four|five|six|seven)\s+[\"'‘“]?(?:ones|twos|threes|fours)[\"'’”]?\s*\($", re.IGNORECASE
)
# A count of grades before a quoted one: "the grades received in each area, 13 being 'good',
# 6 'outstanding' and 3 'adequate'" (2011 minutes), "They found four were 'good', 21
# 'adequate', but eight 'inadequate'" (2010 trade press), "awarded the council nine
# 'outstanding' grades": how many areas, none of them named.
_COUNT_OF_GRADES_BEFORE = re.compile(
    r"(?<![\w.,£$%/-])(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:being\s+|were\s+|was\s+)?[\"'‘“]$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|that)\s+$", re.IGNORECASE)
_MOVEMENT_LEAD = re.compile(
    r"(?<![\w-])(?=[iudmrcjfspgl])(?:(?:improv|upgrad|downgrad|mov|ris|rose|climb|jump|fell|fall|dropp?|slipp?|"
    r"plung|sank|sunk|went|gone|return|lift|rais|lower)\w*(?:\s+(?:up|down|back))?"
    # "rated good, up from requires improvement in 2017": the move told by its direction alone
    r"|(?:up|down)(?=\s+from\b))"
    # "York jumped two grades from requires improvement"
    r"(?:\s+(?:one|two|three|a|an)\s+(?:whole\s+)?(?:grades?|levels?|categor(?:y|ies)|notch(?:es)?|places?))?"
    r"\s+(?P<prep>from|to)\s*" + _Q + "$",
    re.IGNORECASE,
)
# "from 'inadequate'", "the leap from an 'inadequate' Ofsted rating to 'outstanding'"
_FROM_LEAD = re.compile(rf"\bfrom\s+(?:(?:an?|its|their|the)\s+)?{_Q}$|\bfrom{_Q}$", re.IGNORECASE)
_TO_LEAD = re.compile(rf"\bto\s*{_Q}$", re.IGNORECASE)
# "from inadequate (in 2016) to ...": the "from" grade may carry its own year, in brackets or
# not ("improved from 'Good' in 2018 to 'Outstanding'", a local news site; "from the
# 'inadequate' awarded in 2013 and 2015, to 'requires improvement'", a local paper).
_YEAR = r"(?:19|20)\d\d"
CHANGE_TO_GAP = re.compile(
    rf"{_CQ}(?:\s*\((?:in\s+)?{_YEAR}\)"
    rf"|,?\s+(?:(?:awarded|given|received|judged)\s+)?in\s+(?:[A-Z][a-z]+\s+)?{_YEAR}(?:\s+and\s+{_YEAR})?,?)?"
    rf"(?:\s+(?:Ofsted\s+)?(?:rating|grade|judge?ment))?\s+to\s+{_Q}",
    re.IGNORECASE,
)
_LABEL_SEPARATOR = re.compile(
    # ("leadership (outstanding), help and protection (good)": a grade in brackets after its area)
    r"(?:\s*\([^()\n]{1,20}\))?(?P<sep>\s*[:–—-]\s*|\s*\(\s*[\"'‘“]?|\s+(?:is|was|are|were|remains)\s+|[ \t]*\n\s*|[ \t]+"
    # a table's cells: "Staying safe | grade 3 (good) |" (an APA's grade, then its word)
    r"|[ \t]*\|[ \t]*(?:grade[ \t]+\d[ \t]*\(?[ \t]*)?)$",
    re.IGNORECASE,
)
_LABEL_WINDOW = 250
_COUNCILS_LISTED_AFTER = re.compile(
    rf"{_CQ}\s+(?:local\s+)?(?:councils|authorities|boroughs)\b(?:\s+in\s+[^.:;\n]{{1,30}}?)?\s*[:–—]\s*", re.IGNORECASE
)
_QUOTED_GAP = re.compile(rf"{_CQ}[ \t]+")
_BRACKET_CLOSE = re.compile(rf"{_CQ}\s*\)")

_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|should|must|will|shall|can|if|unless|whether|risk(?:s|ed|ing)?|danger|"
    r"threat(?:en(?:s|ed)?)?|aims?|aimed|aiming|ambitions?|ambitious|hopes?|hoped|hoping|wants?|wanted|wish(?:es)?|"
    r"target(?:s|ed|ing)?|striv(?:e|es|ing)|towards?|expect(?:s|ed|ation)?|on\s+track|in\s+line\s+for|"
    r"bid|goals?|objectives?|plans?\s+to|aspir\w*|needs?\s+to|in\s+order\s+to|determin\w*|intend\w*|"
    # A grade promised, or one the speaker says must come next: "vowed to restore a 'good' or
    # better rating" (a trade paper), "next stop has to be 'outstanding'" (a council leader).
    r"(?:vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing))\s+(?:to|that)\b|(?:has|have)\s+to\s+be|next\s+stop|"
    # "committed to", never "the Committee noted".
    r"commit(?:s|ted|ting|ments?)?|"
    # ("To go from an inadequate to good rating in just a few years is quite an achievement")
    r"to\s+(?:move|improve|get|become|achieve|reach|return|go|restore|regain|attain|secure)|working\s+towards?|ensure|so\s+that|"
    # A grade as the object of a verb of attaining in its base form is one still to be won, however
    # the infinitive was opened ("to further improve services and achieve a good rating", a
    # council's release); one helped to is one won ("had helped achieve a 'requires improvement'
    # rating", a trade paper), and "achieved" has its own ending.
    r"(?<!\bhelp\s)(?<!\bhelps\s)(?<!\bhelped\s)(?:achieve|restore|regain|attain)(?=\s+(?:a|an|the|its|their|our)\s)|"
    # Near a grade, not at it: "was understood to have been bordering on being 'inadequate'",
    # "were already approaching outstanding", "close to being rated inadequate", "we are now much
    # closer to receiving a 'good' rating", "on the brink of".
    r"border(?:s|ed|ing)?\s+on|verg(?:e|es|ed|ing)\s+on|(?:verge|brink|cusp)\s+of|approaching|clos(?:e|er)\s+to)\b"
    r"|(?-i:\bmay\b)",
    re.IGNORECASE,
)
# An aim stated as a noun and its complement: every grade in the complement is hoped for, however
# far into it ("our aspiration is to see services for children and young people move to a good
# rating at the earliest opportunity", a council leader in a local paper; the objective "remains to
# get good and beyond", a local radio station).
_AIM_COMPLEMENT = re.compile(
    r"\b(?:aspirations?|ambitions?|aims?|goals?|objectives?|targets?|intentions?|hopes?|plans?|priorit(?:y|ies))"
    r"[\"'’”]?\s+(?:is|was|are|were|remains?|remained|will\s+be)\s+[\"'‘“]?(?:to|for|that)\b",
    re.IGNORECASE,
)
_AIM_REACH = 200
_NEGATION = re.compile(
    r"\b(?:not|no\s+longer|never|nor|neither|yet\s+to|fail(?:s|ed)?\s+to|short\s+of|rather\s+than|"
    r"instead\s+of|other\s+than|anything\s+but)\b|n['’]t\b",
    re.IGNORECASE,
)
# A grade before the 2009-12 inspections' capacity judgement: "an 'adequate' ability to
# improve", "good capacity to improve", "adequate capacity for improvement".
_CAPACITY_AFTER = re.compile(
    rf"{_CQ}\s+(?:overall\s+)?(?:capacity|ability)\s+(?:to\s+improve|for\s+improvement)\b", re.IGNORECASE
)
_NO_LONGER = re.compile(r"no\s+longer", re.IGNORECASE)
# A negative quantifier governs its whole clause, however far before the verb:
# "In no area of the service was the council found to be 'outstanding'", "None of
# the areas was judged outstanding", "There were no areas that were judged to be
# inadequate" (minutes).
_NO_AREA = re.compile(
    r"\b(?:in\s+no|no|none\s+of\s+(?:the|its|their))\s+(?:\w+\s+)?(?:areas?|categor(?:y|ies)|aspects?|parts?|judge?ments?)\b",
    re.IGNORECASE,
)
# "rated outstanding at the next inspection": a rating hoped for.
# ("makes a number of recommendations to help it become 'good' in the future")
# The grade's full name after "will", as the local press reports a report's verdict on an area:
# "This area will require improvement to be good, inspectors said" (a local news site), "Its
# treatment of children leaving care ... will 'require improvement to be good'" (a local radio
# station's site). Any other word, or the name cut short, stays a future or a hope.
_WILL_REQUIRE = re.compile(rf"will\s+{_Q}requires?\s+improvement\s+to\s+be\s+good{_CQ}", re.IGNORECASE)
_FUTURE_AFTER = re.compile(
    r"[^.;:!?\n]{0,40}?\b(?:(?:next|future|upcoming|forthcoming)\s+(?:inspection|visit|time)|in\s+(?:the\s+)?future)",
    re.IGNORECASE,
)
# Words about the names of grades (a framework's scale), not about a council.
_RENAMED = re.compile(r"\b(?:reclassif\w*|renam\w*|replac(?:e|es|ed|ing)|rebrand\w*|redefin\w*)\b", re.IGNORECASE)
# Between a judged rating and the next in its sentence, where the next shares its verb:
# the first rating's areas ("overall", "for leadership", "in three categories, including
# ..."), then "and", "but", "while", "with" ("rated good overall, and outstanding for
# leadership", "received a good rating, with outstanding for the impact of leaders").
_GAPPED_BETWEEN = re.compile(
    rf"{_CQ}(?:\s+(?:rating|grade|judge?ment)s?)?(?:\s+(?:overall|(?:for|in|across)\s+[^.;:!?\"“”\n]{{0,120}}?))?"
    # (or a comma alone: "judged good for leadership, outstanding for children in care and ...")
    r"(?:\s*,\s*(?:(?:and|but|while|whereas|with|yet|though)\s+)?|\s+(?:and|but|while|whereas|with|yet|though)\s+)"
    r"(?:(?:was|were|is|are)\s+)?(?:also\s+)?(?:as\s+)?" + rf"{_Q}",
    re.IGNORECASE,
)
# Or with an object of its own before "as" or "to be": "... as good and adoption performance as outstanding".
_GAPPED_OBJECT = re.compile(
    rf"{_CQ}\s*,?\s+(?:and|but|while|whereas)\s+(?P<object>[^.;:!?\"“”\n]{{3,100}}?)\s+(?:as|to\s+be)\s+{_Q}",
    re.IGNORECASE,
)
# After such a rating: the areas it is given for, named or counted ("in two more
# including ...", "for the rest", "in the other areas").
_AREA_FOLLOWS = re.compile(rf"{_CQ}\s+(?:for|in|across)\s+", re.IGNORECASE)
_COUNT_OR_REST = re.compile(
    r"(?:the\s+)?(?:rest|remaining|remainder|others?\b|all\s+(?:the\s+)?other|every\s+other|each\s+other|"
    r"(?:\d|one|two|three|four|five)\s+(?:more|others?|other\s+(?:areas|categories|judge?ments)|areas|categories|judge?ments))",
    re.IGNORECASE,
)
_GAPPED_AREA_REACH = 40
_WINDOW = 40  # how far before the judging words a negation or "could" still governs them
_LEAD_LIMIT = 160  # how far before a rating its judging words or its subject may start

# Who or what the rating is said of.
_COUNCIL_NOUN_END = re.compile(
    r"\b(?:council|authority|borough|department|services?|LSCB|board|it|they)\s*$", re.IGNORECASE
)
_COUNCIL_WORD = re.compile(r"\b(?:council|authority|borough|department)\b", re.IGNORECASE)
_PROVIDER_WORDS = (
    r"(?:homes?|schools?|provision|providers?|placements?|settings?|nurser(?:y|ies)|academ(?:y|ies)|"
    # ("a culture placing children 'firmly at the centre of practice'" names no children's centre)
    r"colleges?|agenc(?:y|ies)|hospitals?|police|units?|centres?(?!\s+of\b)|hostels?|accommodation|fostering|"
    # Services other inspectorates grade, or Ofsted with others: "A youth offending service has gone
    # from 'inadequate' to 'good'" (HM Inspectorate of Probation), adult social care (the CQC),
    # special educational needs (the local area SEND inspection).
    r"prisons?|youth\s+(?:offending|justice)|YOS|YJS|adults?['’]?\s+(?:social\s+care|services)|"
    r"special\s+educational\s+needs|SEND)"
)
_OTHER_PROVIDER = re.compile(rf"\b{_PROVIDER_WORDS}\b", re.IGNORECASE)
_COUNCIL_POSSESSIVE_BEFORE = re.compile(r"\b(?:council|authority|borough)['’]s\s+$", re.IGNORECASE)
# "a rating of 'good' for the regional adoption agency"
_FOR_OTHER_PROVIDER = re.compile(
    rf"{_CQ}(?:\s+(?:rating|grade|judge?ment))?\s+(?:for|of|at)\s+(?:the\s+|its\s+|their\s+|a\s+)?"
    rf"(?:[\w'’-]+\s+){{0,4}}?{_PROVIDER_WORDS}\b",
    re.IGNORECASE,
)
# The council's own evaluation as the judge: "The local authority self-assessment, dated June
# 2015 and completed in anticipation of this inspection, assessed most services as good".
_SELF_ASSESSED = re.compile(r"\bself[- ]?(?:assessment|evaluation)s?\b", re.IGNORECASE)
_INSPECTORATE = re.compile(r"\b(?:Ofsted|inspectors?|inspectorate|watchdog|regulator)\b", re.IGNORECASE)
# "rated as good by families": not Ofsted's rating.
_RATED_BY_OTHERS = re.compile(
    rf"{_CQ}\s+by\s+(?:the\s+|their\s+|its\s+|most\s+|many\s+)?(?:families|parents|carers|children|"
    r"young\s+people|staff|residents|users|pupils|partners|managers|social\s+workers|service\s+users)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|by|from|with|near)\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_ADVERBS = re.compile(
    r"(?:\s*[\"'‘“’”]|\s+(?:still|now|also|currently|clearly|overall|continues?\s+to|again|yet|"
    # reported: "East Riding, North Yorkshire, Sheffield and Wakefield are said to be performing well"
    r"(?:said|thought|believed|reported)\s+to\s+be|"
    r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)(?:\s+still)?|remains?|remained))*\s*$",
    re.IGNORECASE,
)
_COPULA = re.compile(
    r"\s+(?:is|are|was|were|remains?|(?:(?:has|have|had)\s+)?remained|has\s+been|have\s+been|had\s+been|continues?\s+to\s+be)"
    r"(?:\s+(?:still|now|also|again|currently|overall))?\s*" + _Q + "$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"(?:\b(?:but|and|yet|so)|,)\s*$", re.IGNORECASE)
_PRONOUN = re.compile(r"\s*(?:it|they|this|that|both|these|those|all|each)\s*", re.IGNORECASE)
_OPENING_PRONOUN = re.compile(r"\W*(?:it|they|both|these|those|all\s+of\s+them|each|all)\b", re.IGNORECASE)
_OPENING_COUNCIL = re.compile(
    r"\W*(?:the\s+)?(?P<noun>council|local\s+authority|authority|borough|it|they)\b", re.IGNORECASE
)
_AFTER_AUTHORITY = re.compile(r"(?:['’]s?)?\s*(?:(?:county|city|borough)\s+)?(?:council)?", re.IGNORECASE)
_PLACE_AFTER_HEAD = re.compile(r"\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_GENERIC_SUBJECT = re.compile(
    # "a local authority that requires improvement", "an LSCB requires improvement if ..."
    r"(?<![\w-])(?=[aen])(?:a|an|any|every|each|no)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:local\s+authority|council|authority|LSCB|board|service)\b(?:\s+(?:that|which|where|whose)\b)?"
    # "councils rated inadequate are ..."
    r"|(?<!\bthe\s)(?<![\w-])(?=[acl])(?:councils|authorities|LSCBs)\s+"
    r"(?:(?:that|which|who)\s+(?:are|were|have\s+been|had\s+been)\s+)?"
    r"(?:rated|judged|graded|found|deemed)?\s*" + _Q + "$",
    re.IGNORECASE,
)

# After a rating, a word that shows it does not describe a noun (a pronoun opens the next clause
# where a comma was lost: "In a report that found the council inadequate we discover:", a blog).
_FOLLOWERS = frozenset(
    """in on at by for from since after before during following overall again once too also now still
    across around both and or but with when while as than last this that which who whom whose where earlier
    previously then under until according despite because so is was were are has had have be
    remain remains remained stay stays stayed
    been being its it their his her the a an of to said says
    we i you he she they us them
    one two three four five six seven eight nine ten eleven twelve
    awarded given received achieved issued""".split()  # "the 'inadequate' awarded in 2013"
)
_RATING_NOUNS = frozenset(
    "rating ratings grade label verdict status category classification judgement judgment".split()
)
# A quoted rating may stand before the council it is said of: "the 'inadequate' council".
_ENTITY_NOUNS = frozenset(
    "council councils authority authorities borough department service services local".split()
)
_NEXT_TOKEN = re.compile(r"[\"'’”]?(?P<punct>[.,;:!?)\]]?)[\"'’”]?[ \t]*(?P<word>[^\W\d_][\w'’-]*|\S)?")
_SPACE = re.compile(r"\s*")
# (a table's cell ends on "|": "The experiences and progress of care leavers | Good |")
_CLAUSE_END_AFTER = re.compile(rf"{_CQ}\s*(?:$|[\n.;,:!?)\]–—|]|\s-\s)")
_SAYS_OFSTED_AFTER = re.compile(
    rf"{_CQ},?\s+(?:says?|finds?|rules?|warns?)\s+(?:Ofsted|(?:the\s+)?(?:inspectors?|watchdog|report))\b",
    re.IGNORECASE,
)
# "help and protection was inadequate and children in care required
# improvement": a conjunction opening a clause with its own verb also ends the
# first rating's clause.
_NEXT_CLAUSE_AFTER = re.compile(
    rf"{_CQ}\s+(?:and|but|while|whereas)\s+(?=[^.;:!?\n]{{0,80}}?\b(?:is|are|was|were|remains?|remained|"
    r"requires?|required|has\s+been|have\s+been)\b)",
    re.IGNORECASE,
)
# After a rating, words that make it the overall grade (shared with the area rules).
OVERALL_AFTER = re.compile(
    rf"{_CQ}\s+(?:overall|(?:in|across)\s+(?:all|every|each)\s+(?:areas?|categor(?:y|ies)|judge?ments?)"
    # "have remained outstanding in their overall effectiveness"
    r"|(?:in|for)\s+(?:(?:its|their|the)\s+)?overall\s+effectiveness)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    """The judging context found for one rating word."""

    kind: str  # verb, noun, named, quoted, label, change, verdict, copula, numeric or gapped
    start: int  # where the judging words begin (the rating itself if none)
    historical: bool = False  # "from inadequate to good": the first is the past
    area: str | None = None  # the area a label names


def judging_cue(index: TextIndex, matches: list[re.Match[str]], i: int) -> Cue | None:
    """The judging context of the rating ``matches[i]`` (a ``RATING_RE`` match), or None."""
    text = index.text
    start, end = matches[i].span()
    # Most rating words in a long report describe something ("good
    # progress"): the cheapest test goes first. A quoted grade before a
    # council's name is a verdict on it ("at 'inadequate' Surrey, Newham and Bradford").
    quoted = _quoted(text, start, end)
    capacity = _CAPACITY_AFTER.match(text, end)
    s_start, s_end = index.sentence_at(start)
    same = SAME_GRADE_RE.fullmatch(text, start, end) is not None
    if same and not _GIVEN_SAME_BEFORE.search(text, max(s_start, start - 40), start):
        return None
    top = same or END_GRADE_RE.fullmatch(text, start, end) is not None
    if top and (_DEFINED_BEFORE.search(text, max(s_start, start - _LEAD_LIMIT), start)
                or _MISSED_BEFORE.search(text, max(s_start, start - 40), start)
                or _GLOSS_BEFORE.search(text, max(s_start, start - 60), start)
                or not same and _RELATIVE_RUNG_AFTER.match(text, end)):
        return None
    if _BOUND_BEFORE.search(text, max(s_start, start - 20), start):
        return None  # a rung of the scale named as a bound: "the second-highest rating below 'outstanding'"
    if (_ON_SCALE_AFTER.match(text, end, s_end) or _MEANING_AFTER.match(text, end, s_end)
            or _DEFINED_GRADE_BEFORE.search(text, max(s_start, start - 20), start)
            or _TREND_OF_BEFORE.search(text, max(s_start, start - 30), start)
            and PLURAL_GRADES_AFTER.match(text, end, s_end)):
        return None  # the scale described in general
    listed = _COUNCILS_LISTED_AFTER.match(text, end, s_end)
    if listed is not None and _council_follows(index, listed.end()):
        # "There are only three outstanding authorities in England: Lincolnshire, Kensington
        # and Chelsea and Westminster": the grade of the councils listed.
        cue = Cue("named", start)
    elif not top and capacity is None and _describes_noun(text, end, quoted) and not (
            quoted and (_council_follows(index, end) or _area_follows(text, end))
            or _given_grades(index, s_start, start, end)):
        return None
    c_start = _lead_clause_start(index, start)
    # "there was an 'adequate' ability to improve": the grade names the judgement after it.
    if listed is not None and _council_follows(index, listed.end()):
        pass
    elif capacity:
        cue = Cue("named", start, area="capacity for improvement")
    else:
        # "the top mark" names its grade as "a 'good' rating" does.
        cue = Cue("named", start) if top else _find_cue(index, matches, i, s_start, c_start)
    if cue is None:
        return None
    window_start = max(c_start, cue.start - _WINDOW, start - 80)
    if i > 0 and _GRADES_JOINED.fullmatch(text, matches[i - 1].end(), start):
        # Grades joined by "and"/"or" share the words before the first: "the authority's
        # ambition was to progress to a rating of "good" and "outstanding"" hopes for both.
        before = matches[i - 1].start()
        window_start = min(window_start, max(_lead_clause_start(index, before), before - 80))
    negations = list(_NEGATION.finditer(text, window_start, start))
    hypothetical = list(_HYPOTHETICAL.finditer(text, window_start, start))
    if hypothetical and not (len(hypothetical) == 1 and _WILL_REQUIRE.fullmatch(text, hypothetical[0].start(), end)):
        return None
    if _AIM_COMPLEMENT.search(text, max(s_start, start - _AIM_REACH), start):
        return None
    if negations and all(_NO_LONGER.fullmatch(n.group()) for n in negations):
        # "no longer considered inadequate": not the rating now, but the one before.
        cue = replace(cue, historical=True)
    elif negations:
        return None
    if _NO_AREA.search(text, c_start, start):
        return None
    if _SHED_BEFORE.search(text, max(c_start, start - 60), start):
        cue = replace(cue, historical=True)
    if _FUTURE_AFTER.match(text, end, s_end):
        return None
    if _RENAMED.search(text, max(c_start, start - _LEAD_LIMIT), start):
        return None  # a grade's name, not a verdict: "reclassified 'adequate' ... as 'requires improvement'"
    if _GENERIC_SUBJECT.search(text, max(s_start, start - _LEAD_LIMIT), start) and not (
        index.authorities_in(s_start, start) or _heads_a_list(index, end, s_end)
    ):
        return None
    if _SELF_ASSESSED.search(text, s_start, cue.start) and not _INSPECTORATE.search(text, s_start, cue.start):
        return None  # the council's own evaluation, not Ofsted's grade
    if cue.kind != "label" and (
        _said_of_other_provider(index, s_start, cue.start)
        or _FOR_OTHER_PROVIDER.match(text, end)
        or _RATED_BY_OTHERS.match(text, end)
    ):
        return None
    return cue


def _heads_a_list(index: TextIndex, end: int, s_end: int) -> bool:
    """Whether the rating ends a heading over a list of councils ("COUNCILS RATED
    INADEQUATE" above "Doncaster Council"): not councils in general, but those below."""
    text = index.text
    if text[end:s_end].strip(_CLOSE_QUOTES + ": \t") or (s_end < len(text) and text[s_end] != "\n"):
        return False
    below = _LINE_START.match(text, s_end)
    named = index.authorities_in(below.end(), below.end() + 80)
    return bool(named) and named[0][0] == below.end()


def _council_follows(index: TextIndex, end: int) -> bool:
    named = index.authorities_in(end, end + 80)
    return bool(named) and named[0][0] - end <= 3


def _lead_clause_start(index: TextIndex, pos: int) -> int:
    """Where the clause holding ``pos`` starts, reaching back over a colon.

    "Ofsted's verdict: inadequate", "Grade: Good": the label before the colon
    is what judges.
    """
    text = index.text
    s_start = index.sentence_at(pos)[0]
    c_start = index.clause_at(pos)[0]
    while c_start > s_start:
        colon = c_start - 1
        while colon > s_start and text[colon].isspace():
            colon -= 1
        if text[colon] != ":" or colon == s_start:
            break
        previous = index.clause_at(colon - 1)[0]
        if not s_start <= previous < c_start:
            break
        c_start = previous
    return c_start


def _find_cue(index: TextIndex, matches: list[re.Match[str]], i: int, s_start: int, c_start: int) -> Cue | None:
    text = index.text
    start, end = matches[i].span()
    quoted = _quoted(text, start, end)
    written = matches[i].group()
    rating = normalise_rating(written)
    performs = written[:7].lower() == "perform"
    # The judging words sit close before the rating: a bounded lead keeps the
    # end-anchored patterns below cheap on long clauses.
    lead_start = max(c_start, start - _LEAD_LIMIT)
    lead = text[lead_start:start]

    if _GRADES_COUNTED_BEFORE.search(lead) or _COUNT_OF_GRADES_BEFORE.search(lead):
        return None  # "we have scored three 'threes' (good)": a count of grades, areas unnamed
    numeric = _NUMERIC_GRADE_BEFORE.search(lead)
    if numeric is not None and text[end:end + 1] == ")":
        # "were both 2 (adequate)", "grade 3 (good)": the APA's number grade and its name.
        return Cue("numeric", lead_start + numeric.start())
    label = _label(index, start, end)
    if label is not None:
        return label
    change = _change(text, matches, i, lead_start)
    if change is not None:
        return change
    verb = _VERB_LEAD.search(lead)
    if verb is not None:
        return Cue("verb", lead_start + verb.start())
    # The list's commas split the clause: its verb is read back to the sentence's start.
    listed_start = max(s_start, start - 2 * _LEAD_LIMIT)
    listed = _VERB_OBJECT_TO_BE.search(text, listed_start, start)
    # ("rated the children's services' 'impact of leaders ...' and 'experiences and progress of
    # children in care and care leavers' as outstanding": the object may be areas instead.)
    if listed is not None and (index.authorities_in(listed.start("object"), listed.end("object")) or (
            listed.group().rstrip(OPEN_QUOTES + " ").endswith("as")
            and any(a.area != "overall" for a in find_areas(text, listed.start("object"), listed.end("object"))))):
        return Cue("verb", listed.start())
    noun = _NOUN_LEAD.search(lead)
    if noun is not None:
        noun_start = lead_start + noun.start()
        if not _NOT_VERDICT_NOUN.search(text, max(0, noun_start - 30), noun_start):
            return Cue("noun", noun_start)
    if quoted:
        return Cue("quoted", start)
    # "its poor Ofsted rating" describes the rating; "performs poorly" is one.
    weak_adjective = rating in ("poor", "excellent") and not performs
    if _given_grades(index, s_start, start, end):
        return Cue("named", start)
    trail = _TRAIL.match(text, end)
    if trail is not None and not weak_adjective and (
        not (trail["noun"] or "").lower().startswith("judg") or _DETERMINER_BEFORE.search(text, max(0, start - 10), start)
    ):
        plural = (trail["noun"] or "").lower().endswith("s") or (trail["grades"] or "").lower() == "grades"
        if plural and i > 0 and _GRADE_AND.fullmatch(text, matches[i - 1].end(), start) and (
                normalise_rating(matches[i - 1].group()) != rating):
            # "received good and outstanding Ofsted ratings": grades of areas it does not name.
            return None
        return Cue("named", start)
    gapped = _gapped(index, matches, i)
    if gapped is not None:
        return gapped
    listed = _areas_qualified(index, s_start, start, end)
    if listed is not None:
        return Cue("verb", listed)
    if performs or rating == "requires improvement":
        full_phrase = written.lower().endswith("good")
        if _said_of_council(index, s_start, start, full_phrase):
            return Cue("verdict", start)
        return None
    if _SAYS_OFSTED_AFTER.match(text, end) and not weak_adjective:
        # A headline drops the verb: "Kent children's services still inadequate, says Ofsted".
        adverbs = _SUBJECT_ADVERBS.search(text, lead_start, start)
        subject_end = adverbs.start() if adverbs else start
        if subject_end > s_start and _names_council_or_area(index, s_start, subject_end):
            return Cue("copula", subject_end)
    copula = _COPULA.search(lead)
    ends = (
        _CLAUSE_END_AFTER.match(text, end) or OVERALL_AFTER.match(text, end)
        or _NEXT_CLAUSE_AFTER.match(text, end)
    )
    if copula is not None and ends and not weak_adjective:
        subject_end = lead_start + copula.start()
        if _names_council_or_area(index, s_start, subject_end):
            return Cue("copula", subject_end)
    return None


# A grade in a relative clause on "areas" whose list the clause is followed by: "the two areas
# that require improvement which were 'leadership, management and governance' and 'the
# experience and progress of children who need help and protection'" (a local news site), "The
# areas inspected, each of which were described as requiring improvement, were: the impact of
# leaders ...; ..." (a local democracy reporter's story), "The only category that remained good was
# the experience of children in care and care leavers" (trade press).
AREAS_QUALIFIED_BEFORE = re.compile(
    r"\b(?:areas?|categor(?:y|ies)|judge?ments)(?:\s+\w+)?\s*,?\s+(?:that|which|(?:each|all|both)\s+of\s+which)\s+"
    r"(?:(?:were|was|are|is|have\s+been|had\s+been|remained|remains?)\s+)?"
    r"(?:(?:described|rated|judged|found|graded|deemed|assessed|considered)\s+)?(?:as\s+|to\s+(?:be\s+)?)?[\"'‘“]?$",
    re.IGNORECASE,
)
_AREA_ITEM_END = re.compile(r"[\"'’”]?\s*(?:[,;.]|(?:and|which)\b|$)", re.IGNORECASE)
AREAS_LISTED_AFTER = re.compile(
    r"[\"'’”]?\s*,?\s+(?:(?:which|that)\s+)?(?:were|are|was|is)\s*[:–—-]?\s*[\"'‘“]?(?:the\s+)?", re.IGNORECASE
)


def _areas_qualified(index: TextIndex, s_start: int, start: int, end: int) -> int | None:
    """Where the areas a relative clause's grade qualifies start, when the areas it is given
    for are listed after it (the first of them an area, not the whole service); else None."""
    text = index.text
    before = AREAS_QUALIFIED_BEFORE.search(text, max(s_start, start - _LEAD_LIMIT), start)
    after = AREAS_LISTED_AFTER.match(text, end) if before is not None else None
    if after is None:
        return None
    areas = find_areas(text, after.end(), after.end() + 120)
    if not areas or areas[0].start > after.end() + 1 or areas[0].area == "overall":
        return None
    # The area is an item of the list, not the start of a phrase about it ("the areas that need
    # improvement are care leavers' access to their health records" names no grade).
    return before.start() if _AREA_ITEM_END.match(text, areas[0].end) else None


def _area_follows(text: str, end: int) -> bool:
    """Whether a judgement area's name follows a quoted grade: "underpinned by 'outstanding'
    leadership, management and governance" (a grade in quotation marks is Ofsted's, not praise)."""
    gap = _QUOTED_GAP.match(text, end)
    areas = find_areas(text, gap.end(), gap.end() + 80) if gap else []
    return bool(areas) and areas[0].start == gap.end() and areas[0].area != "overall"


def _given_grades(index: TextIndex, s_start: int, start: int, end: int) -> bool:
    """Grades handed to areas the sentence names: "Two out of three categories - the impact
    of ... and the experience and progress of children who need help and protection - were
    given outstanding grades" (a count of grades, "nine 'outstanding' grades", is none)."""
    text = index.text
    return bool(_GIVEN_BEFORE.search(text, max(s_start, start - 20), start) and _GRADES_AFTER.match(text, end)
                and any(a.area != "overall" for a in find_areas(text, s_start, start)))


def _gapped(index: TextIndex, matches: list[re.Match[str]], i: int) -> Cue | None:
    """A rating sharing the judging words of the rating before it, its own areas after it
    (the verb gapped): "rated good overall, and outstanding for leadership", "judged to
    require improvement, but inadequate in help and protection", "outstanding in three
    categories, including overall effectiveness, and good in two more including ..."."""
    text = index.text
    start, end = matches[i].span()
    if i == 0 or index.sentence_at(matches[i - 1].start())[0] != index.sentence_at(start)[0]:
        return None
    between = matches[i - 1].end(), start
    with_object = _GAPPED_OBJECT.fullmatch(text, *between)
    if with_object is not None:
        # "judged leadership ... as good and adoption performance as outstanding": its own object.
        if not find_areas(text, with_object.start("object"), with_object.end("object")):
            return None
    elif not _GAPPED_BETWEEN.fullmatch(text, *between):
        return None
    else:
        follows = _AREA_FOLLOWS.match(text, end)
        if follows is None:
            return None
        areas = find_areas(text, follows.end(), follows.end() + _GAPPED_AREA_REACH)
        named = bool(areas) and not RATING_RE.search(text, follows.end(), areas[0].start)
        if not (named or _COUNT_OR_REST.match(text, follows.end())):
            return None
    previous = judging_cue(index, matches, i - 1)
    if previous is None or previous.historical:
        return None
    return Cue("gapped", previous.start)


def _quoted(text: str, start: int, end: int) -> bool:
    """The rating alone inside quotation marks: 'good', “requires improvement”."""
    if start == 0 or text[start - 1] not in OPEN_QUOTES:
        return False
    if start >= 2 and text[start - 2].isalnum():
        return False  # an apostrophe: "children's good"
    close = end
    if close + 1 < len(text) and text[close] in ".,!?" and text[close + 1] in _CLOSE_QUOTES:
        close += 1  # “good.” in the American style
    if close >= len(text) or text[close] not in _CLOSE_QUOTES:
        return False
    return close + 1 >= len(text) or not text[close + 1].isalnum()


def _describes_noun(text: str, end: int, quoted: bool) -> bool:
    """Whether the rating modifies the word after it ("good progress")."""
    if _TRAIL.match(text, end):
        return False  # it names a rating: "inadequate Ofsted ratings in 2011, 2013 and 2015"
    pos = end
    for _ in range(3):
        token = _NEXT_TOKEN.match(text, pos)
        word = token["word"] or ""
        if token["punct"] or not word[:1].isalpha():
            return False  # the clause or the line ends here
        lower = word.lower()
        if lower in ("or", "and", "to"):
            # "good or outstanding practice": look past the coordinated rating.
            following = RATING_RE.match(text, _SPACE.match(text, token.end()).end())
            if following is None:
                return False
            pos = following.end()
            continue
        if lower in _FOLLOWERS or lower in _RATING_NOUNS:
            return False
        if quoted and (lower in _ENTITY_NOUNS or lower.startswith("children")):
            return bool(_OTHER_PROVIDER.match(text, _SPACE.match(text, token.end()).end()))
        return True
    return False


def _label(index: TextIndex, start: int, end: int) -> Cue | None:
    """A judgement's name printed as a label before the grade."""
    text = index.text
    if not _CLAUSE_END_AFTER.match(text, end):
        return None
    areas = find_areas(text, max(0, start - _LABEL_WINDOW), start)
    if not areas:
        return None
    area = areas[-1]
    separator = _LABEL_SEPARATOR.match(text, area.end, start)
    if separator is None:
        return None
    sep = separator["sep"].strip()
    if sep in (":", "-", "–", "—") or sep.startswith("|"):
        return Cue("label", area.start, area=area.area)
    if sep.startswith("("):
        return Cue("label", area.start, area=area.area) if _BRACKET_CLOSE.match(text, end) else None
    # A space, a line break or "is" follows only a judgement's formal name
    # ("Overall effectiveness Good"), and a space or line break only before a
    # capitalised grade, as in a table.
    if not area.heading or (not sep and not text[start].isupper()):
        return None
    return Cue("label", area.start, area=area.area)


def _change(text: str, matches: list[re.Match[str]], i: int, c_start: int) -> Cue | None:
    """A change of grade: "upgraded to good", "from 'inadequate' to 'good'"."""
    start, end = matches[i].span()
    lead = text[c_start:start]
    movement = _MOVEMENT_LEAD.search(lead)
    if movement is not None:
        return Cue("change", c_start + movement.start(), historical=movement["prep"].lower() == "from")
    from_lead = _FROM_LEAD.search(lead)
    if from_lead is not None:
        tail = CHANGE_TO_GAP.match(text, end)
        if tail and i + 1 < len(matches) and matches[i + 1].start() == tail.end():
            return Cue("change", c_start + from_lead.start(), historical=True)
    if i > 0 and _TO_LEAD.search(lead):
        previous = matches[i - 1]
        tail = CHANGE_TO_GAP.match(text, previous.end())
        if tail and tail.end() == start and _FROM_LEAD.search(text, max(0, previous.start() - 12), previous.start()):
            return Cue("change", previous.start())
    return None


# A relative clause on its antecedent, perhaps reporting who judged it: ", which Ofsted said",
# ", which inspectors found", ", which".
_WHICH_SAID = re.compile(
    r"\s*,\s*(?:which|who)(?:\s+(?:Ofsted|inspectors|the\s+(?:report|inspectorate|watchdog|regulator))\s+"
    r"(?:said|says|found|finds|judged|considered|concluded))?\s*$",
    re.IGNORECASE,
)


def _said_of_council(index: TextIndex, s_start: int, pos: int, full_phrase: bool) -> bool:
    """"X requires improvement", "X performs poorly": X must be the council or an area.

    Ofsted's full phrase "requires improvement to be good" is always a grade
    unless it is said of another provider.
    """
    text = index.text
    lead_start = max(s_start, pos - _LEAD_LIMIT)
    adverbs = _SUBJECT_ADVERBS.search(text, lead_start, pos)
    subject_end = adverbs.start() if adverbs else pos
    if full_phrase:
        return not _said_of_other_provider(index, s_start, subject_end)
    # "its local safeguarding children's board, which Ofsted said requires improvement": the
    # relative clause's antecedent is what the grade is said of.
    relative = _WHICH_SAID.search(text, lead_start, subject_end)
    if relative is not None:
        return _names_council_or_area(index, s_start, relative.start())
    if subject_end <= lead_start or _COORDINATION.search(text, lead_start, subject_end):
        # "X is making progress but requires improvement": the sentence's subject.
        return _first_subject_is_council(index, s_start, pos)
    return _names_council_or_area(index, s_start, subject_end)


def _names_council_or_area(index: TextIndex, s_start: int, subject_end: int) -> bool:
    """Whether the noun phrase ending at ``subject_end`` is a council, its services or an area."""
    text = index.text
    if any(area.end == subject_end for area in find_areas(text, max(s_start, subject_end - 160), subject_end)):
        return True
    # "children's services in Haringey": a place after the head noun, which decides: "The
    # quality of supervision in Stockton required improvement" describes a part of the work;
    # "The overall effectiveness of the arrangements to protect children in Milton Keynes is
    # adequate" names a judgement.
    place = _PLACE_AFTER_HEAD.search(text, max(s_start, subject_end - 60), subject_end)
    if place is not None and place.start() > s_start:
        return bool(find_areas(text, max(s_start, place.start() - 160), place.start())) or _names_council_or_area(
            index, s_start, place.start())
    for _, a_end, _ in index.authorities_in(max(s_start, subject_end - 80), subject_end):
        if _AFTER_AUTHORITY.fullmatch(text, a_end, subject_end):
            return True
    noun = _COUNCIL_NOUN_END.search(text, max(s_start, subject_end - 30), subject_end)
    if noun is None:
        return False
    if _PRONOUN.fullmatch(noun.group(0)):
        return not _pronoun_means_other_provider(index, s_start)
    return True


def _first_subject_is_council(index: TextIndex, s_start: int, pos: int) -> bool:
    text = index.text
    named = [a.start for a in find_areas(text, s_start, pos)] + [a[0] for a in index.authorities_in(s_start, pos)]
    if named:
        return not _OTHER_PROVIDER.search(text, s_start, min(named))
    noun = _OPENING_COUNCIL.match(text, s_start, pos)
    if noun is None:
        return False
    return not (_PRONOUN.fullmatch(noun["noun"]) and _pronoun_means_other_provider(index, s_start))


def _area_before(text: str, pos: int) -> bool:
    """Whether a judgement area's name ends just before ``pos`` ("care leaver provision")."""
    return any(not text[a.end:pos].strip() and a.area != "overall" for a in find_areas(text, max(0, pos - 80), pos))


def _said_of_other_provider(index: TextIndex, s_start: int, cue_start: int) -> bool:
    """A rating of a school, home or placement, not of the council's services."""
    text = index.text
    last_other = None
    for other in _OTHER_PROVIDER.finditer(text, max(s_start, cue_start - 120), cue_start):
        # "Blackburn with Darwen Council's provision for vulnerable young people": the council's
        # own provision is its services, not another provider; so is an area's ("child protection,
        # looked-after children and care leaver provision are all rated 'good'": trade press).
        if not (other.group().lower() == "provision" and (_COUNCIL_POSSESSIVE_BEFORE.search(
                text, max(s_start, other.start() - 80), other.start()) or _area_before(text, other.start()))):
            last_other = other
    if last_other is not None:
        # "placements judged good" unless the council is named after them.
        after = last_other.end()
        if any(a.area != "overall" for a in find_areas(text, after, cue_start)):
            return False
        if any(not _LOCATIVE.search(text, max(0, a[0] - 12), a[0]) for a in index.authorities_in(after, cue_start)):
            return False
        return _COUNCIL_WORD.search(text, after, cue_start) is None
    return bool(_OPENING_PRONOUN.match(text, s_start, cue_start)) and _pronoun_means_other_provider(index, s_start)


def _pronoun_means_other_provider(index: TextIndex, s_start: int) -> bool:
    """Whether "It" or "Both" opening a sentence means a school or home named just before."""
    previous = index.previous_sentence(s_start)
    if previous is None:
        return False
    p_start, p_end = previous
    text = index.text
    last_other = None
    for other in _OTHER_PROVIDER.finditer(text, p_start, p_end):
        last_other = other
    return last_other is not None and _COUNCIL_WORD.search(text, last_other.end(), p_end) is None
