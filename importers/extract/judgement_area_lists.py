"""Judgements: the lists of areas a rating names ("help and protection and care leavers"),
and the areas left where it is given for every area but some, for the rest, or over a
count of them (``judgement_areas`` says which rule applies).
"""

from __future__ import annotations

import re

from importers.extract.dates import COUNT_WORDS
from importers.extract.judgement_rating import _LIST_GAP, _NUMBER_WORD, _SPACE, _STRAY_WORD, _Rating
from importers.extract.judging import OVERALL_AFTER
from importers.vocabulary import AREA_COMPONENTS, AREA_HEAD_WORDS, UNPLACED_ASPECT_RE, AreaMention, find_areas

_COUNT_WORD = re.compile(rf"\b{_NUMBER_WORD}\b", re.IGNORECASE)
_LIST_OPENING = re.compile(rf"[\s\"'‘’“”]*(?:(?:the|its|their)\s+)?(?:{AREA_HEAD_WORDS})?", re.IGNORECASE)
# A sentence opening on the list the one before announced: "This included:", "These were:".
# Without the colon where a count before says how many: "found to require improvement in four of
# five key areas. These were impact of leaders ..., ... as well as overall effectiveness" (a local paper).
_SET_OUT = re.compile(r"(?:this|these|they|those)\s+(?:included?|includes|are|were)\s*(?P<colon>:)?", re.IGNORECASE)
_AND_OVERALL = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+overall\b", re.IGNORECASE)
# ILACS's 2018-23 judgement by its formal name, one area: "the experiences and progress of
# children in care and care leavers" (also "services for ..."); other wordings are a list.
_FORMAL_COMBINED = re.compile(
    r"(?:the\s+)?(?:experiences?|services)\b[^\n]*?children\s+in\s+care\s+and\s+care", re.IGNORECASE
)


def _areas_set_out_after(rating: _Rating, count: int | None = None) -> list[str]:
    """The areas the next sentence sets out when it opens "This included:", "These were:"; with
    no colon ("These were X, Y and Z") only a list of as many as ``count``, the list itself
    opening the sentence's words after the verb."""
    text = rating.index.text
    s_end = rating.sentence[1]
    following = _SPACE.match(text, s_end + 1).end() if s_end < len(text) else s_end
    opening = _SET_OUT.match(text, following) if following < len(text) else None
    if opening is None:
        return []
    n_start, n_end = rating.index.sentence_at(following)
    if opening["colon"]:
        return list(dict.fromkeys(area for a in find_areas(text, n_start, n_end) for area in _named_areas(text, a)))
    listed, list_end = _listed_areas_to(text, opening.end(), n_end)
    if count is None or len(listed) != count or text[list_end:n_end].strip(" \t.;"):
        return []
    return listed


# A list set out on the lines below a sentence its grade ends on a colon: "The inspection focused
# on the following areas which have all been rated as 'Good':" (a local news site), "They found
# that these 4 areas were all rated inadequate:" (a local radio site), then one area a line, each
# after a bullet ("•", "*", "·", "-"). Blank lines may part the items.
_ITEM = re.compile(r"[ \t]*(?:[•*·▪◦‣⁃–—-][ \t]*)+(?=\S)")
_COLON_AT_LINE_END = re.compile(r"[^\n]*?:[ \t]*(?=\n)")


def _areas_listed_below(rating: _Rating) -> list[str]:
    """The areas of a bulleted list on the lines after the rating's line, where that line ends on
    a colon just after the rating's clause: its items that open on an area, up to the first that
    does not; else []."""
    text = rating.index.text
    end = rating.span[1]
    # (The colon is looked for only to the sentence's end: a report's long lines are not scanned.)
    colon = _COLON_AT_LINE_END.match(text, end, min(len(text), rating.sentence[1] + 8))
    if colon is None or rating.rated_in(end, colon.end()) or rating.sentence[1] < colon.end() - 1:
        return []
    found: list[str] = []
    pos = colon.end()
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        item = _ITEM.match(text, pos)
        if item is None:
            break
        line_end = text.find("\n", item.end())
        line_end = len(text) if line_end < 0 else line_end
        listed = _listed_areas(text, item.end(), line_end)
        if not listed:
            break  # the list of areas ends where an item names none (or the excerpt cuts it off)
        found.extend(listed)
        pos = line_end
    return list(dict.fromkeys(found))


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
