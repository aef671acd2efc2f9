"""Judgements: the council a rating is of (see ``judgements`` for the whole).

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
list (a grade several councils hold "currently" is not dated by the document); a headline's
count ("Ofsted rates two councils as 'good'") is named by the first sentence after it that names
councils, where it names exactly that many.
A rating said of councils in general ("10
have been rated good", "a quarter of councils", "'Inadequate' councils make
progress", "Eleven shed their inadequate rating") is no judgement, nor is a list of
three grades (Ofsted's scale). The grade a change came from is the council's that moved
("the only other council that has made the jump from requires improvement to be good to
outstanding is Bexley").
"""

from __future__ import annotations

import re

from importers.extract.clauses import TextIndex
from importers.extract.dates import COUNT_WORDS
from importers.extract.judgement_rating import (
    _LEAD_LIMIT, _NUMBER_WORD, _PASSAGE_GAP, _PASSAGE_SENTENCES, _SPACE, _TITLE_MAX, _Rating,
)
from importers.extract.judging import RATING_RE, judging_cue
from importers.vocabulary import normalise_rating

# Between two councils of a list, each perhaps placed: "Waltham Forest in London and St Helens".
_AUTHORITY_LIST_GAP = re.compile(r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+)")
# Words of a sentence about a council's children's services, an inspection or a grade.
_ABOUT_SERVICES = re.compile(
    r"\b(?:services?|department|council|authority|inspect\w*|Ofsted|rat(?:ed|ing)|judge?\w*|report|"
    r"care|children)\b", re.IGNORECASE,
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

_COUNT_SUBJECT = (
    # ("Nationally 85 inspections were carried out, only 20 were graded good": minutes)
    r"(?:(?:only|just)\s+one|(?:(?:only|just)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|none|all|most|many|several|some|few))"
    r"\s+(?:of\s+(?:them|these|those)\s+)?(?:have|has|were|are|was|had|is|"
    # a count doing what councils do to grades: "Eleven shed their inadequate rating",
    # "While 12 dropped to 'good'", "Twelve fell to 'good'"
    r"shed|lost|kept|retained|received|gained|achieved|got|moved|improved|rose|dropped|fell|slipped)\b"
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
    # ("the 2019 inspection" is a year, not a count; nor is a number joined to its noun by a
    # hyphen, "The 43-page report ... concludes", "the three-week inspection")
    r"|\b(?:the|those|these)\s+(?:(?!(?:19|20)\d\d\b)\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\b(?!-)"
    # ("these five grades" counts grades, not councils)
    r"(?!\s+(?:grades|areas|categories|judge?ments|outcomes|inspections|reports|years|months)\b)"
    # ("out of 15 areas ... – only one is rated good, five are adequate": a dash too)
    r"|(?:[,;:–—]\s*|\b(?:and|while|but)\s+)" + _COUNT_SUBJECT,
    re.IGNORECASE,
)
# A sentence opening on a count: "None have been rated 'outstanding'".
_COUNT_OPENING = re.compile(r"\W*" + _COUNT_SUBJECT, re.IGNORECASE)
# "'Inadequate' councils make progress": a rating describing councils in general.
_PLURAL_AFTER = re.compile(r"[\"'’”]?\s+(?:local\s+)?(?:councils|authorities|LAs)\b", re.IGNORECASE)
_LINE = re.compile(r"[^\n]*")
_BULLETS = " \t-–•*·▪◦"
_COLON_END = re.compile(r"[\"'’”]?\s*:\s*$", re.MULTILINE)
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
_PREDECESSOR_BEFORE = re.compile(r"\b(?:former|previous|predecessor|old)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEXT_CLAUSE_GAP = re.compile(r"[\"'’”]?\s*,\s*")
# "Only 12 local authorities have improved to 'Good' under this inspection regime and Cornwall
# is the only authority ...": a council after a conjunction, before its own verb, is the next
# clause's subject, not the grade's list.
_CONJUNCTION_END = re.compile(r"\b(?:and|but|while|whereas|yet)\s+$", re.IGNORECASE)
_OWN_VERB_AFTER = re.compile(r"(?:['’]s)?\s+(?:is|was|are|were|has|had|have|became|becomes|remains|remained)\b")


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
    that many, in a sentence with no grade of its own; else None.

    A headline or lead that counts the councils it rates ("Ofsted rates two councils as
    'good'", "The final two councils ... have been rated 'good'") is named by the passage after
    it: the first sentence that names councils, passing over those that name none (a
    standfirst, a picture credit), where it names exactly that many and no grade of another
    rung is on the way."""
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
    counted_before = count is None
    if counted_before:
        count = _COUNT_OF_COUNCILS.search(text, s_start, rating.span[0])
        # ("None of the six councils most recently assessed ... has gained an outstanding rating")
        if count is not None and _NONE_OF_BEFORE.search(text, max(s_start, count.start() - 20), count.start()):
            return None
    if count is None:
        return None
    wanted = _count(count)
    if not wanted or wanted < 2:
        return None
    if not counted_before:
        # ("One council was rated inadequate. Kent's director said ..." names no list.)
        if RATING_RE.search(text, *following):
            return None
        named = list(dict.fromkeys(a[2] for a in index.authorities_in(*following)))
        return named if len(named) == wanted else None
    return _named_in_passage_after(rating, following, wanted)


def _count(count: re.Match[str]) -> int | None:
    """The number a ``_COUNT_OF_COUNCILS`` match counts."""
    word = (count["n"] or count.groupdict().get("to") or "").lower()
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


_NONE_OF_BEFORE = re.compile(r"\b(?:none|neither|not\s+one|no\s+one)\s+of\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE)
_NAMING_SENTENCES = 5  # how many sentences after a count the councils it counts may take


def _named_in_passage_after(rating: _Rating, sentence: tuple[int, int], wanted: int) -> list[str] | None:
    """Exactly ``wanted`` councils named by the first sentence from ``sentence`` on that names any
    (see ``_named_next``)."""
    index = rating.index
    text = index.text
    grade = normalise_rating(rating.written)
    end = rating.sentence[1]
    for _ in range(_NAMING_SENTENCES):
        if sentence is None or sentence[0] - end > _PASSAGE_GAP:
            return None
        if any(normalise_rating(m.group()) != grade for m in RATING_RE.finditer(text, *sentence)):
            return None
        named = list(dict.fromkeys(a[2] for a in index.authorities_in(*sentence)))
        if named:
            # (one sentence about their services names them all: councils named one by one, or
            # in passing, may be others than those counted)
            return named if len(named) == wanted and _ABOUT_SERVICES.search(text, *sentence) else None
        end = sentence[1]
        sentence = index.next_sentence(end)
    return None


def _changed_to(rating: _Rating) -> _Rating | None:
    """The grade a change went to, where ``rating`` is the grade it came from: the council
    that moved is the one of both ("The only other council that has made the jump from
    requires improvement to be good to outstanding is Bexley")."""
    i, matches = rating.i, rating.matches
    if rating.cue.kind != "change" or not rating.cue.historical or i + 1 >= len(matches):
        return None
    if matches[i + 1].start() >= rating.sentence[1]:
        return None
    cue = judging_cue(rating.index, matches, i + 1)
    if cue is None or cue.kind != "change" or cue.historical:
        return None
    return _Rating(rating.index, matches, rating.starts, i + 1, cue, rating.sentence)


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


# A sentence opening on the councils the passage has just named, counted: "Both councils are the
# first local authorities in the country to sustain ... their previous 'outstanding' rating" (a
# council's release), "Both authorities were criticised for individual failures" (a trade paper).
_BOTH_OPENING = re.compile(
    rf"\W*(?:(?P<both>both)|the\s+(?P<n>two|three|four)|all\s+(?P<all>three|four))\s+(?:of\s+the\s+)?"
    r"(?:councils|authorities|local\s+authorities|boroughs)\b",
    re.IGNORECASE,
)


def _both_named_before(rating: _Rating) -> list[str] | None:
    """The councils "Both councils" opening the sentence means: those the passage names in the
    sentences before it, back to exactly that many (each named once or more); else None."""
    index = rating.index
    text = index.text
    s_start = rating.sentence[0]
    opening = _BOTH_OPENING.match(text, s_start, rating.span[0])
    if opening is None:
        return None
    wanted = 2 if opening["both"] else COUNT_WORDS.get((opening["n"] or opening["all"]).lower())
    named: list[str] = []
    previous = index.previous_sentence(s_start)
    for _ in range(_PASSAGE_SENTENCES + 2):
        if previous is None or s_start - previous[1] > _PASSAGE_GAP:
            return None
        named = list(dict.fromkeys([*named, *(a[2] for a in reversed(index.authorities_in(*previous)))]))
        if len(named) >= wanted:
            return named if len(named) == wanted else None
        s_start = previous[0]
        previous = index.previous_sentence(s_start)
    return None


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
            and not _NEXT_CLAUSE_GAP.fullmatch(text, end, after[0][0])
            and not (_CONJUNCTION_END.search(text, end, after[0][0]) and _OWN_VERB_AFTER.match(text, after[0][1]))):
        chosen = [after[0]]
        for mention in after[1:]:
            if not _AUTHORITY_LIST_AFTER_GAP.fullmatch(text, chosen[-1][1], mention[0]):
                break
            chosen.append(mention)
        listed = list(dict.fromkeys(a[2] for a in chosen))
        # A list below a heading that counts its councils is theirs only where the count agrees
        # ("Ofsted rates two councils as good" over "Kent, Surrey and Essex were inspected").
        count = _COUNT_OF_COUNCILS.search(text, s_start, start) if list_end != s_end else None
        return None if count is not None and _count(count) != len(listed) else listed
    counted = _counted_councils(rating) or _named_next(rating) or _both_named_before(rating)
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
        # ("... a turning point following the challenges faced under the former Cumbria County
        # Council": a predecessor, named as the past, is not the passage's council.)
        mentions = [a for a in index.authorities_in(*previous)
                    if not _PREDECESSOR_BEFORE.search(text, max(previous[0], a[0] - 40), a[0])]
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
