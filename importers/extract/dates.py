"""Dates as they are printed in inspection reports, letters and news stories.

``find_dates`` finds every date mention with its exact span and the precision
the text gives it: a day ("23 February 2010", "February 23, 2010",
"23/02/2010", "2010-02-23"), a month ("February 2023", "in August") or a year
("in 2014"). Ranges ("13 to 24 February 2023", "29 October – 9 November 2018",
"11 and 12 February 2025", "October to December 2014") are one mention whose
``end_*`` fields hold the end; the start's missing month and year are taken
from the end.

A month that owns or is set before the event it dates ("December's inspection",
"a September inspection") is read like a month alone.

Deliberately not dates: numbers that only look like years ("2,014 children",
"£2014", phone numbers, "2014 cases"), financial years ("2014/15", "2014-15"),
decades ("the 1990s"), and month names that may be names or verbs ("August
Smith", "May we"): a month alone counts only after a word that introduces a
time ("in August", "since May"). Nothing is guessed: a month without a year
keeps ``year=None`` for the caller to resolve against the document's date.

``find_relative_dates`` finds dates written against another date ("last
year", "earlier this year", "this week", "two years ago", "three years
later", "the following year"), and ``resolve`` gives them, and a month alone
("in March", "last November", "next March"), their year from the document's
date or from the date told before them. On a page with no date, a day named
with its weekday ("On Friday 17th December") takes the first year, from the
latest the text names, in which it fell on that weekday, and "this year" is the
latest year the text names (a year later where "last year" is told apart from that
year, ``clauses.TextIndex.present_year``).
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import functools
import re
from dataclasses import dataclass

from dateutil.parser import parserinfo

from importers.extract import DocContext
from importers.extract.scan import lowered as lowered_text
from importers.model import Fact
from importers.partial_date import iso_date

__all__ = ["DateMention", "extract", "find_dates", "find_relative_dates", "iso_date", "month_number", "resolve"]


@dataclass(frozen=True)
class DateMention:
    """One date as written at ``text[start:end]``; a range keeps its end in ``end_*``."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    precision: str  # "year" | "month" | "day"
    text: str
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    # A date written relative to another ("last year", "three years later",
    # "next March"): what it is relative to and how far, in months.
    relative: str | None = None  # "document", "next" or "previous" (see ``resolve``)
    offset_months: int = 0

    @property
    def is_range(self) -> bool:
        return self.end_year is not None or self.end_month is not None or self.end_day is not None

    @property
    def iso(self) -> str | None:
        """The start as ISO text at its precision ("2010", "2010-02", "2010-02-23")."""
        return iso_date(self.year, self.month, self.day)

    @property
    def end_iso(self) -> str | None:
        return iso_date(self.end_year, self.end_month, self.end_day) if self.is_range else None


# --- vocabulary, from dateutil's English tables --------------------------------

def _month_tables() -> tuple[dict[str, int], list[str], list[str]]:
    """Month number by lower-case name, full names, abbreviations ("Sept", "Feb")."""
    numbers: dict[str, int] = {}
    full: list[str] = []
    short: list[str] = []
    for number, names in enumerate(parserinfo().MONTHS, start=1):
        numbers.update((name.lower(), number) for name in names)
        full.append(names[-1])
        short.extend(name for name in names[:-1] if name != names[-1])
    return numbers, full, short


_MONTH_NUMBERS, _FULL_MONTHS, _ABBR_MONTHS = _month_tables()
_WEEKDAYS = [name for names in parserinfo().WEEKDAYS for name in names]
_WEEKDAYS += ["Tues", "Thur", "Thurs", "Weds"]


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "FEB"), else None."""
    return _MONTH_NUMBERS.get(name.strip().rstrip(".").lower())


def _alternation(words: list[str]) -> str:
    # Title case and upper case only: dates in headings are often in capitals,
    # but lower-case "may" or "march" are verbs.
    forms = {w for word in words for w in (word, word.upper())}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


def _by_first_letter(full: list[str], abbreviations: list[str], after_first: str = "") -> str:
    """A full name, or an abbreviation with an optional full stop, opening on a letter class.

    The same alternatives as ``(?:FULL|ABBR\\.?)`` tried in the same order, but
    grouped under their first letter: a pattern that opens on a character class
    lets the regex engine skip ahead to the next possible month, where an
    alternation of words is tried at every position of the text.
    ``after_first`` is put after the first letter (an assertion about the
    character before it, which would otherwise open the pattern).
    """
    forms = {w for word in full for w in (word, word.upper())}
    short = {w for word in abbreviations for w in (word, word.upper())}
    firsts = sorted({w[0] for w in forms | short})
    branches = []
    for first in firsts:
        rests = []
        for group, suffix in ((forms, ""), (short, r"\.?")):
            words = sorted((w for w in group if w[0] == first), key=len, reverse=True)
            if words:
                rests.append(f"(?:{'|'.join(re.escape(w[1:]) for w in words)}){suffix}")
        branches.append(f"(?<={first})(?:{'|'.join(rests)})")
    return f"[{''.join(firsts)}]{after_first}(?:{'|'.join(branches)})"


_FULL = _alternation(_FULL_MONTHS)
# A full name, or an abbreviation with an optional full stop; never the start of
# a longer word ("Marching", "Mayor", "Junior").
_MONTH = rf"{_by_first_letter(_FULL_MONTHS, _ABBR_MONTHS)}(?![A-Za-z])"
# The same at the start of a word: ``\b`` before the month, checked after its first letter.
_MONTH_AT_WORD = _by_first_letter(_FULL_MONTHS, _ABBR_MONTHS, after_first=r"(?<!\w.)") + r"(?![A-Za-z])"
# "Tuesday, 23 February", "Thursday (September 5)": a weekday before the day it names.
_WEEKDAY = rf"(?:(?:{_alternation(_WEEKDAYS)})\.?(?:,?\s+|\s*\(\s*))"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DASH = r"[-\u2010-\u2015\u2212]"
# Between the two ends of a range. "and" is accepted here and judged later.
_TO = rf"(?:\s*{_DASH}\s*|\s+(?:to|until|till|through|and|{_DASH})\s+)"
_S = r"[ \t]*\n?[ \t]*"  # a space that may be a line break in extracted PDF text


def _day(name: str) -> str:
    return rf"(?P<{name}>{_DAY})(?:\s+of)?"


def _month(name: str, at_word: bool = False) -> str:
    return rf"(?P<{name}>{_MONTH_AT_WORD if at_word else _MONTH})"


def _year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR})"


_NOT_AFTER_NUMBER = r"(?<![\w£$€#.,/:])"  # not inside a longer number, word or amount
# What a possessive time may own and so date: "December's inspection", "last year's
# Ofsted visit" (not "last year's figures", nor "December's report", published later).
_EVENT_NOUN = r"(?:inspection|investigation|visit|judge?ment|verdict|rating|assessment)s?\b"

# Each pattern reads one written form; all are run and the longest mentions win.
# Patterns open on a character class or a digit where they can, with the
# look-behind about the character before moved after it: the regex engine
# then skips ahead to the next possible start instead of trying every position.
_PATTERNS: dict[str, re.Pattern[str]] = {
    # 29 October 2018 to 9 November 2018 / 29 October – 9 November 2018
    "dmy_dmy": re.compile(
        rf"{_NOT_AFTER_NUMBER}{_WEEKDAY}?{_day('d1')}\s+{_month('m1')}(?:,?\s+{_year('y1')})?"
        rf"(?P<to>{_TO}){_WEEKDAY}?{_day('d2')}\s+{_month('m2')}(?:,?\s+{_year('y2')})?"
    ),
    # 13 to 24 February 2023 / 11 and 12 February 2025 / 13–24 February
    "dd_my": re.compile(
        rf"{_NOT_AFTER_NUMBER}{_day('d1')}(?P<to>{_TO}){_day('d2')}\s+{_month('m2')}"
        rf"(?:,?\s+{_year('y2')})?"
    ),
    # February 13-24, 2023
    "m_dd_y": re.compile(
        rf"{_month('m1', at_word=True)}\s+(?P<d1>{_DAY})(?P<to>{_TO})(?P<d2>{_DAY}),?\s+{_year('y2')}"
    ),
    # October to December 2014 / September 2013 to March 2014
    "my_my": re.compile(
        rf"{_month('m1', at_word=True)}(?:,?\s+{_year('y1')})?(?P<to>{_TO}){_month('m2')}(?:\s+of)?,?\s+{_year('y2')}"
    ),
    # Tuesday, 23 February 2010 / 23rd of February / 23 Feb. 2010
    "dmy": re.compile(
        rf"{_NOT_AFTER_NUMBER}{_WEEKDAY}?{_day('d1')}{_S}{_month('m1')}(?:,?{_S}{_year('y1')})?"
    ),
    # February 23, 2010 / Tuesday, February 23rd
    "mdy": re.compile(
        rf"\b{_WEEKDAY}?{_month('m1')}\s+(?P<d1>{_DAY})(?![\d,.]\d)(?:,?\s+{_year('y1')})?"
    ),
    # February 2023 / Feb. 2023 / March of 2019
    "my": re.compile(rf"{_month('m1', at_word=True)}(?:\s+of)?,?{_S}{_year('y1')}"),
    # 23/02/2010, 23.02.2010, 23-02-2010, 23/02/10 (day first, as in the UK)
    "numeric": re.compile(
        r"(?P<d1>\d(?<![\w./-]\d)(?:(?<=3)[01]|(?<=[12])\d|(?<=0)[1-9]|(?<=[1-9])))"
        r"(?P<sep>[/.-])(?P<m1>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<y1>(?:19|20)\d\d|\d\d)(?![\w/-]|\.\d)"
    ),
    # 2010-02-23
    "iso": re.compile(
        r"(?P<y1>(?:1(?<![\w./-]1)9|2(?<![\w./-]2)0)\d\d)-(?P<m1>1[0-2]|0[1-9])-(?P<d1>3[01]|[12]\d|0[1-9])"
        r"(?![\d/-])"
    ),
    # in August / since early May / by the end of June: the month alone is a
    # date only after a word that introduces a time, and not before a
    # capitalised word (a name: "in August Smith's view").
    "month_alone": re.compile(
        r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter|"
        r"[Tt]hroughout|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Ee]nd\s+of|[Ss]tart\s+of|"
        r"[Bb]eginning\s+of|[Mm]iddle\s+of|[Mm]onth\s+of)\s+(?:(?:early|late|mid)[\s-]+)?"
        rf"(?P<m1>{_FULL})(?![\w'’-])(?![ \t]+[A-Z][a-z])(?![ \t]+\d)"
    ),
    # December's inspection / November's Ofsted visit: a month named as the time of the
    # event it owns; like a month alone, it takes its year from the document's date.
    "month_possessive": re.compile(
        rf"\b(?P<m1>{_FULL})['’]s\s+(?:[\w-]+\s+){{0,2}}?"
        rf"{_EVENT_NOUN}"
    ),
    # "a September inspection", "its November visit": a month set before the event it dates.
    "month_attributive": re.compile(
        # (not a name: "a June Smith visit")
        rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<m1>{_FULL})(?!\s+(?!Ofsted\b)[A-Z][a-z])"
        rf"\s+(?:[\w-]+\s+)?{_EVENT_NOUN}"
    ),
    "year": re.compile(r"(?P<y1>(?:1(?<![\w£$€#@/\\:]1)9|2(?<![\w£$€#@/\\:]2)0)\d\d(?!\d))(?![\w%])"),
}

# Words that, before a bare number, show it is a reference, not a year.
_REFERENCE_WORDS = frozenset(
    "page p pp para paragraph no number tel telephone phone fax ref reference urn item "
    "section room flat unit code id box ext extension table figure annex appendix".split()
)
# Capitalised words that end the title of a law or statutory instrument.
_LEGISLATION_WORDS = frozenset({"Act", "Regulations", "Order", "Bill", "Rules", "Measure"})
# Words after which a bare number is read as a year even before a plural noun
# ("in 2014 councils were...").
_YEAR_LEADERS = frozenset(
    "in of since by from until till to during before after between and or the its their his her "
    "our your this that early late mid summer spring autumn winter year".split()
)
# Lower-case words ending in "s" that are not plural nouns counted by the number.
_NOT_PLURAL = frozenset(
    "is was has as its this his does us thus plus always perhaps whereas towards afterwards "
    "besides less unless across".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s*$")
_WORD_AFTER = re.compile(r"^\s+([a-z]+)\b")
_AMOUNT_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_YEAR_TOKEN_END = re.compile(r"(?<![\w.,/])(?:19|20)\d\d$")
_NUMBER_GOES_ON = re.compile(r"[ \t]\d|[,.]\d")
_DASH_AFTER_DIGIT = re.compile(rf"\d{_DASH}$")
_SPLIT_YEAR_AFTER = re.compile(rf"(?:/|{_DASH})\d")
_YEAR_RANGE_AFTER = re.compile(rf"{_DASH}(?:19|20)\d\d(?!\d)")


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in ``text``, in text order, never overlapping."""
    if not isinstance(text, str) or not text:
        return []
    # A fresh list each call: the cached tuple is shared between callers.
    return list(_find_dates_cached(text))


# Several rules read the dates of the same document (the date facts, the
# judgements' date index); caching on the text string makes that one scan.
@functools.lru_cache(maxsize=8)
def _find_dates_cached(text: str) -> tuple[DateMention, ...]:
    return tuple(_choose(_candidates(text, _windows(text))))


def _candidates(text: str, windows: list[tuple[int, int]]) -> list[DateMention]:
    """Every mention any pattern reads inside ``windows``, overlapping or not."""
    candidates: list[DateMention] = []
    for start, end in windows:
        # Most stretches (paragraph numbers, figures) hold no month name, and
        # eight of the patterns cannot match without one.
        rules = _ALL_RULES if _ANY_MONTH.search(text, start, end) else _NUMERIC_RULES
        for pattern, build in rules:
            for match in pattern.finditer(text, start, end):
                mention = build(text, match)
                if mention is not None:
                    candidates.append(mention)
    return candidates


# Every date holds a month name or a number that could be a day or a year.
# One fast pass finds those; the eleven patterns then read only the stretches
# around them, which keeps a long document with few dates cheap. A pattern's
# lookbehind still sees the text before its stretch; the margin leaves room
# for the lookaheads after a date.
_ANCHOR = re.compile(r"[0-9ADFJMNOS][0-9A-Za-z]*")
_MARGIN = 64


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for token in _ANCHOR.finditer(text):
        word = token.group()
        if word[0].isdigit():
            digits = word[:len(word) - len(word.lstrip("0123456789"))]
            if not (len(digits) <= 2 or (len(digits) == 4 and digits[:2] in ("19", "20"))):
                continue
        elif word.lower() not in _MONTH_NUMBERS:
            continue
        start, end = max(0, token.start() - _MARGIN), token.end() + _MARGIN
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _choose(candidates: list[DateMention]) -> list[DateMention]:
    # Longest first, so a range beats the single date inside it and
    # "23 February 2010" beats "February 2010" and "2010".
    candidates.sort(key=lambda m: (m.start - m.end, m.start))
    starts: list[int] = []
    chosen: list[DateMention] = []
    for mention in candidates:
        i = bisect.bisect_right(starts, mention.start)
        if i and chosen[i - 1].end > mention.start:
            continue
        if i < len(chosen) and chosen[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        chosen.insert(i, mention)
    return chosen


# --- turning a match into a mention ---------------------------------------------


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = value.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return 1 <= day <= 31
    # Without a year, allow 29 February (a leap year decides).
    return 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]


def _mention(
    match: re.Match[str], start: int, end: int,
    ymd: tuple[int | None, int | None, int | None],
    end_ymd: tuple[int | None, int | None, int | None] | None = None,
) -> DateMention | None:
    year, month, day = ymd
    if end_ymd is not None:
        end_year, end_month, end_day = end_ymd
        # The start borrows what only the end prints: "13 to 24 February 2023".
        if month is None:
            month = end_month
        if year is None and end_year is not None:
            crosses_new_year = month is not None and end_month is not None and month > end_month
            year = end_year - 1 if crosses_new_year else end_year
        if not (_valid(year, month, day) and _valid(end_year, end_month, end_day)):
            return None
        if _order_key(year, month, day) >= _order_key(end_year, end_month, end_day):
            return None
    else:
        end_year = end_month = end_day = None
        if not _valid(year, month, day):
            return None
    precision = "day" if day is not None else "month" if month is not None else "year"
    return DateMention(
        start, end, year, month, day, precision, match.string[start:end],
        end_year, end_month, end_day,
    )


def _order_key(year: int | None, month: int | None, day: int | None) -> tuple[int, int, int]:
    return (year or 0, month or 0, day or 0)


def _and_is_range(text: str, match: re.Match[str], d1: int | None = None, d2: int | None = None) -> bool:
    # "between 3 and 7 March" is a range; "on 4 and 18 March" is two dates, but
    # "11 and 12 February" (consecutive days) and "in June and July 2019"
    # (consecutive months, passed as ``d1``/``d2``) are how visits spanning two
    # days or months are printed.
    if "and" not in match["to"].split():
        return True
    if _BETWEEN_BEFORE.search(text, max(0, match.start() - 20), match.start()):
        return True
    return d1 is not None and d2 is not None and d2 - d1 == 1


def _build_dmy_dmy(text: str, match: re.Match[str]) -> DateMention | None:
    d1, d2 = _int(match["d1"]), _int(match["d2"])
    if not _and_is_range(text, match):
        return None
    return _mention(
        match, match.start(), match.end(),
        (_int(match["y1"]), month_number(match["m1"]), d1),
        (_int(match["y2"]), month_number(match["m2"]), d2),
    )


def _build_dd_my(text: str, match: re.Match[str]) -> DateMention | None:
    d1, d2 = _int(match["d1"]), _int(match["d2"])
    if not _and_is_range(text, match, d1, d2):
        return None
    return _mention(
        match, match.start(), match.end(),
        (None, None, d1), (_int(match["y2"]), month_number(match["m2"]), d2),
    )


def _build_m_dd_y(text: str, match: re.Match[str]) -> DateMention | None:
    d1, d2 = _int(match["d1"]), _int(match["d2"])
    if not _and_is_range(text, match, d1, d2):
        return None
    month = month_number(match["m1"])
    return _mention(match, match.start(), match.end(), (None, month, d1), (_int(match["y2"]), month, d2))


def _build_my_my(text: str, match: re.Match[str]) -> DateMention | None:
    m1, m2 = month_number(match["m1"]), month_number(match["m2"])
    y1, y2 = _int(match["y1"]), _int(match["y2"])
    # Months counted on from a common origin, so "December 2018 and January
    # 2019" (and "December and January 2019") are consecutive too.
    start_year = y1 if y1 is not None else (y2 or 0) - (1 if m1 and m2 and m1 > m2 else 0)
    n1 = None if m1 is None else m1 + 12 * start_year
    n2 = None if m2 is None else m2 + 12 * (y2 or 0)
    if not _and_is_range(text, match, n1, n2):
        return None
    return _mention(match, match.start(), match.end(), (y1, m1, None), (y2, m2, None))


def _build_single(text: str, match: re.Match[str]) -> DateMention | None:
    groups = match.groupdict()
    month = groups.get("m1")
    return _mention(
        match, match.start(), match.end(),
        (_int(groups.get("y1")), month_number(month) if month else None, _int(groups.get("d1"))),
    )


def _build_mdy(text: str, match: re.Match[str]) -> DateMention | None:
    # "March 20 children..." is not a date: without a year, only an ordinal
    # ("February 23rd") or a weekday ("Thursday (September 5)") makes a month-then-number a date.
    if match["y1"] is None and match["d1"].isdigit() and not _WEEKDAY_AT.match(match.group()):
        return None
    return _build_single(text, match)


def _build_numeric(text: str, match: re.Match[str]) -> DateMention | None:
    year = int(match["y1"])
    # "1.2.20" is more likely a version or section number than a date.
    if year < 100 and match["sep"] != "/":
        return None
    if year < 100:
        year += 2000 if year < 70 else 1900
    return _mention(match, match.start(), match.end(), (year, int(match["m1"]), int(match["d1"])))


def _build_iso(text: str, match: re.Match[str]) -> DateMention | None:
    return _mention(match, match.start(), match.end(), (int(match["y1"]), int(match["m1"]), int(match["d1"])))


def _build_month_alone(text: str, match: re.Match[str]) -> DateMention | None:
    start, end = match.span("m1")
    mention = _mention(match, start, end, (None, month_number(match["m1"]), None))
    # "next March" lies ahead of the document's date; "in March", "last March" before it.
    if mention is not None and match.group().lower().startswith("next"):
        mention = dataclasses.replace(mention, relative="next")
    return mention


def _build_year(text: str, match: re.Match[str]) -> DateMention | None:
    start, end = match.span()
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if not _bare_year_reads_as_year(before, after):
        return None
    return _mention(match, start, end, (int(match["y1"]), None, None))


def _bare_year_reads_as_year(before: str, after: str) -> bool:
    # Inside a longer number: "2,014", "1.2014", "020 8489 2000", "2000 1234".
    if before[-1:] in {",", "."} and before[-2:-1].isdigit():
        return False
    if before[-1:] in {" ", "\t"} and before[-2:-1].isdigit():
        return False
    if _NUMBER_GOES_ON.match(after):
        return False
    # A dash before: "mid-2014" and "2013-2014" are years; "020-2014" is not.
    if _DASH_AFTER_DIGIT.search(before):
        if not _YEAR_TOKEN_END.search(before[:-1]):
            return False
    # Financial and academic years, "2014/15", "2014-15", "2014/2015", are
    # not one calendar year; a following "-2015" makes a year range instead.
    if _SPLIT_YEAR_AFTER.match(after) and not _YEAR_RANGE_AFTER.match(after):
        return False
    if _AMOUNT_AFTER.match(after):
        return False
    word = _WORD_BEFORE.search(before)
    previous = word.group(1).lower() if word else ""
    if previous in _REFERENCE_WORDS:
        return False
    # The year in the name of a law ("the Children Act 2004") names it; it dates nothing.
    if word and word.group(1) in _LEGISLATION_WORDS:
        return False
    # A count: "2014 children" (but "in 2014 councils were..." and the end of a
    # year range, "the 2013-2015 plan shows", are years).
    following = _WORD_AFTER.match(after)
    if following and previous not in _YEAR_LEADERS and not _DASH_AFTER_DIGIT.search(before):
        noun = following.group(1)
        if noun.endswith("s") and noun not in _NOT_PLURAL:
            return False
    return True


_BUILDERS = {
    "dmy_dmy": _build_dmy_dmy,
    "dd_my": _build_dd_my,
    "m_dd_y": _build_m_dd_y,
    "my_my": _build_my_my,
    "dmy": _build_single,
    "mdy": _build_mdy,
    "my": _build_single,
    "numeric": _build_numeric,
    "iso": _build_iso,
    "month_alone": _build_month_alone,
    "month_possessive": _build_month_alone,
    "month_attributive": _build_month_alone,
    "year": _build_year,
}


# Every pattern but these holds ``_MONTH`` (or, month_alone, a full month name, which ``_MONTH`` also reads).
_NUMERIC = ("numeric", "iso", "year")
_ANY_MONTH = re.compile(_MONTH)
_ALL_RULES = [(pattern, _BUILDERS[kind]) for kind, pattern in _PATTERNS.items()]
_NUMERIC_RULES = [(pattern, _BUILDERS[kind]) for kind, pattern in _PATTERNS.items() if kind in _NUMERIC]


def extract(text: str, ctx: DocContext | None = None) -> list[Fact]:
    """One "date" fact per mention; ranges carry ``end_year/end_month/end_day``."""
    facts = []
    for m in find_dates(text):
        fields = {
            "year": m.year, "month": m.month, "day": m.day,
            "precision": m.precision, "text": m.text,
        }
        if m.is_range:
            fields.update(end_year=m.end_year, end_month=m.end_month, end_day=m.end_day)
        facts.append(Fact("date", (m.start, m.end), fields))
    return facts


# --- dates relative to the document's date or to the date before ---------------

# Counts in words, as dates and counts of councils give them.
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_COUNT = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# Each pattern reads one way English dates a thing by another date. The
# document's date: "last year", "earlier this year", "this week", "two years
# ago", "last month". The date told just before: "three years later", "the
# following year", "a year earlier".
_RELATIVE_PATTERNS: tuple[tuple[re.Pattern[str], str, str, int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), relative, precision, months)
    for pattern, relative, precision, months in (
        (r"\b(?:(?:earlier|later)\s+)?this\s+year\b", "document", "year", 0),
        # (Not a span up to now: "have improved over the past year, an Ofsted inspection has
        # found" dates no event, least of all the inspection, to the year before the page's.
        # The match opens on "last" or "past": the look-ahead spares the look-behinds elsewhere.)
        (r"(?=[lp])(?<!\bover\sthe\s)(?<!\bduring\sthe\s)(?<!\bacross\sthe\s)(?<!\bwithin\sthe\s)"
         r"(?<!\bthroughout\sthe\s)\b(?:last|past)\s+year\b(?!['’]s)", "document", "year", -12),
        # "last year's inspection", "this year's Ofsted visit": the time of the event it owns.
        (rf"\b(?:last|past)\s+year(?=['’]s\s+(?:[\w-]+\s+){{0,2}}?{_EVENT_NOUN})", "document", "year", -12),
        (r"\bthe\s+year\s+before\s+last\b", "document", "year", -24),
        (rf"\b{_COUNT}\s+years?\s+ago\b", "document", "year", -12),
        (r"\b(?:(?:earlier|later)\s+)?this\s+(?:month|week)\b|\b(?:today|yesterday)\b|"
         r"\b(?:last|past)\s+week\b", "document", "month", 0),
        (r"\blast\s+month\b", "document", "month", -1),
        (rf"\b{_COUNT}\s+years?\s+(?:later|on)\b", "previous", "year", 12),
        (r"\b(?:the\s+)?(?:following|next)\s+year\b|\bthe\s+year\s+after\b", "previous", "year", 12),
        (rf"\b{_COUNT}\s+years?\s+(?:earlier|before)\b", "previous", "year", -12),
        (r"\bthe\s+(?:previous|preceding)\s+year\b|\bthe\s+year\s+before\b", "previous", "year", -12),
    )
)


# Every relative pattern above names a year, month, week or day ("today", "yesterday"),
# and reads (looking around too) only word characters, spaces, hyphens and apostrophes:
# a match lies within a stretch of those that holds one of these words. Scanning only
# such stretches gives the same matches as scanning the whole text, at a fraction of the cost.
_RELATIVE_WORDS = ("year", "month", "wee", "day")
# ... and each pattern only where its stretch holds a word the pattern itself names ("two
# years ago" needs "year"; "this week" or "today" needs "wee" or "day"): a report's many
# stretches around "days" and "Monday" are not read for the nine patterns of years. (A
# pattern naming none of the words would be tried in every stretch.)
_PATTERN_WORDS = tuple(
    frozenset(word for word in _RELATIVE_WORDS if word in pattern.pattern.lower()) or frozenset(_RELATIVE_WORDS)
    for pattern, *_ in _RELATIVE_PATTERNS
)
_NOT_READ = re.compile(r"[^\w\s'’-]")
_LOOK_BACK = 400  # how far back a stretch's start is sought before the whole gap is scanned instead


def _relative_pieces(text: str) -> list[tuple[int, int]]:
    """The (start, end) stretches of ``text`` that can hold a relative date, in order, disjoint."""
    lowered = lowered_text(text)  # the lower-cased copy the other rules share
    if len(lowered) != len(text):  # a letter whose lower case is longer: positions would shift
        return [(0, len(text))]
    ahead = {word: lowered.find(word) for word in _RELATIVE_WORDS}
    pieces: list[tuple[int, int]] = []
    done = 0
    while True:
        for word, at in ahead.items():
            if 0 <= at < done:
                ahead[word] = lowered.find(word, done)
        hit = min((at for at in ahead.values() if at >= 0), default=-1)
        if hit < 0:
            return pieces
        stop = _NOT_READ.search(text, hit)
        end = stop.start() if stop else len(text)
        start = done
        for stop in _NOT_READ.finditer(text, max(done, hit - _LOOK_BACK), hit):
            start = stop.end()
        pieces.append((start, end))
        done = end


def find_relative_dates(text: str) -> list[DateMention]:
    """Dates written relative to another date ("last year", "three years later"), in text order.

    Each has ``year`` None until ``resolve`` gives it one.
    """
    if not isinstance(text, str) or not text:
        return []
    found: list[DateMention] = []
    pieces = _relative_pieces(text)
    lowered = lowered_text(text)
    if len(lowered) == len(text):
        named = [frozenset(word for word in _RELATIVE_WORDS if word in lowered[lo:hi]) for lo, hi in pieces]
    else:  # positions would shift (the stretch is then the whole text)
        named = [frozenset(_RELATIVE_WORDS)] * len(pieces)
    for (pattern, relative, precision, months), words in zip(_RELATIVE_PATTERNS, _PATTERN_WORDS):
        for match in (m for (lo, hi), has in zip(pieces, named) if has & words for m in pattern.finditer(text, lo, hi)):
            count = COUNT_WORDS.get((match.groupdict().get("n") or "").lower())
            if count is None and (match.groupdict().get("n") or "").isdigit():
                count = int(match["n"])
            found.append(DateMention(
                match.start(), match.end(), None, None, None, precision, match.group(),
                relative=relative, offset_months=months * (count or 1),
            ))
    return _choose(found)


# How many years after the latest year a text names its weekday-dated day may fall
# (a given day and month fall on each weekday at least once in seven years).
_WEEKDAY_YEARS = 7
_WEEKDAY_AT = re.compile(rf"\s*(?P<weekday>{_alternation(_WEEKDAYS)})\b", re.IGNORECASE)


def weekday_fits(mention: DateMention) -> bool:
    """Whether a whole date is named with its weekday and the calendar agrees ("on Tuesday 5
    July 2016"): a day the writer calls by its weekday is one of the week written in."""
    if mention.year is None or mention.month is None or mention.day is None:
        return False
    named = _WEEKDAY_AT.match(mention.text)
    return named is not None and _valid(mention.year, mention.month, mention.day) and (
        calendar.weekday(mention.year, mention.month, mention.day) == parserinfo().weekday(named["weekday"]))


def weekday_year(mention: DateMention, latest_year: int | None) -> int | None:
    """The year of a day named with its weekday but no year, on a page that shows no date.

    Pattern: news names the weekday only of a day in the week it was written ("On
    Friday 17th December OFSTED released their report", "on Tuesday 3 March"), so the
    day comes after every year the text names: the first year from ``latest_year``
    in which that day fell on that weekday. None where the mention has no weekday,
    day or month, or the text names no year to count from.
    """
    if mention.year is not None or mention.day is None or mention.month is None or latest_year is None:
        return None
    named = _WEEKDAY_AT.match(mention.text)
    if named is None:
        return None
    weekday = parserinfo().weekday(named["weekday"])
    for year in range(latest_year, latest_year + _WEEKDAY_YEARS):
        if _valid(year, mention.month, mention.day) and calendar.weekday(year, mention.month, mention.day) == weekday:
            return year
    return None


def resolve(
    mention: DateMention,
    published: tuple[int | None, int | None, int | None] | None,
    previous: DateMention | None = None,
    latest_year: int | None = None,
) -> DateMention:
    """``mention`` with the year (and month) its words give against the document's date.

    ``published`` is the document's (year, month, day); ``previous`` the dated
    mention a "three years later" counts from. A month alone ("in March",
    "last November") is its latest occurrence up to the document's date, or
    with "next" the first after it. On a page with no date, a day named with its
    weekday takes its year from the calendar (``weekday_year``; ``latest_year`` is
    the latest year the text names). What cannot be resolved is returned as it is.
    """
    if mention.year is not None:
        return mention
    pub_year, pub_month = (tuple(published or ()) + (None, None))[:2]
    if not isinstance(pub_year, int):
        year = weekday_year(mention, latest_year)
        if year is None and mention.relative == "document" and mention.offset_months == 0 and (
                mention.precision == "year"):
            # "found to be inadequate ... this year" on a page that shows no date: its present
            # is no earlier than the latest year it names ("from March 2009 to March 2010").
            year = latest_year
        if year is not None:
            return dataclasses.replace(mention, year=year)
    if mention.relative == "previous":
        if previous is None or previous.year is None:
            return mention
        return dataclasses.replace(mention, year=previous.year + mention.offset_months // 12)
    if not isinstance(pub_year, int):
        return mention
    if mention.month is not None:  # a month alone
        if pub_month is None:
            return dataclasses.replace(mention, year=pub_year)
        if mention.relative == "next":
            return dataclasses.replace(mention, year=pub_year + (mention.month <= pub_month))
        return dataclasses.replace(mention, year=pub_year - (mention.month > pub_month))
    if mention.relative != "document":
        return mention
    if mention.precision == "month":
        if pub_month is None:
            return mention if mention.offset_months else dataclasses.replace(mention, year=pub_year, precision="year")
        months = pub_year * 12 + pub_month - 1 + mention.offset_months
        return dataclasses.replace(mention, year=months // 12, month=months % 12 + 1)
    return dataclasses.replace(mention, year=pub_year + mention.offset_months // 12)
