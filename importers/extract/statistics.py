"""Numbers with units: "39 weeks", "47 per cent", "£75k", "more than 50 injuries".

A number is a statistic only with a unit, which is what keeps years, dates,
times, page and paragraph numbers, footnote marks, list ordinals ("- 1 Buyers
launch..."), phone numbers and postcodes out. The units are

* percentages ("63 per cent", "22.5%"), unit "percent";
* money ("£75k", "£1.2 million"), unit "£" (or "$", "€"), value in whole units;
* rates ("88 per 10,000 children"), unit "per 10,000 children";
* periods ("39 weeks", "15 working days"), unit the period as written, plural;
* counts: a plural noun after the number, with up to two words qualifying it
  ("60 visits", "2,469 children", "26 new foster carers"), unit that phrase;
* fractions ("a third of", "two-thirds of", "one in five"), unit "fraction",
  value the fraction.

Numbers in words ("three areas") count when a unit follows. Ages ("17-month-
old", "aged 15", "under 18 years old"), labels ("Section 20", "outcome 3",
"Key Stage 2"), time frames ("in the last 12 months") and numbers inside a
date ("31 March 2014") are not statistics. A qualifier before the number
("more than", "almost", "around") is part of the span and is kept in the extra
field ``qualifier``.

``measure`` is a short phrase from the sentence saying what is counted: the
noun phrase after a percentage ("70% of all children living in the area") or
the "proportion of ..." phrase it refers back to, else the unit with its
qualifying words before and after ("average weeks taken to place children with
an adoptive family"); a number compared with an earlier one in the sentence
with the same unit ("... than the recommended 26 weeks") takes that one's
description.
"""

from __future__ import annotations

import bisect
import re

from importers.extract.paragraphs import paragraphs, sentence_ends
from importers.extract.scan import matches_at_cues
from importers.model import Fact

__all__ = ["extract"]

# The digit patterns open with a character class so the regex engine can skip
# ahead quickly; the look-behind after it checks the character before the token.
_NUMBER = r"(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
_NUMBER_RE = re.compile(
    rf"\d(?<![\w£$€.,/:-]\d){_NUMBER}(?P<mult>[ \t]?(?:k|m|bn|million|billion|thousand)\b)?"
    r"(?![\w/-]|[.,:]\d)"
)
_MONEY_RE = re.compile(
    rf"[£$€](?<![\w£$€.,/:-][£$€])[ \t]?(?P<num>\d{_NUMBER})"
    r"(?P<mult>[ \t]?(?:k|m|bn|million|billion|thousand)\b)?(?![\w/-]|[.,:]\d)"
)
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozens": 24, "hundreds": 200,
}
# Opening on a character class lets the scan skip to the letters a number word
# can start with; the branches then check which letter it was.
_WORD_NUMBER_RE = re.compile(
    r"[TtFfSsEeNnHhDd](?<![\w-].)"
    r"(?:(?<=[Tt])(?:wo|hree|en|welve|hirteen|wenty|hirty)|(?<=[Ff])(?:our|ive|ourteen|ifteen|orty|ifty)"
    r"|(?<=[Ss])(?:ix|even|ixteen|eventeen|ixty|eventy)|(?<=[Ee])(?:ight|leven|ighteen|ighty)"
    r"|(?<=[Nn])(?:ine|ineteen|inety)|(?<=[Hh])undreds?|(?<=[Dd])ozens)(?![\w-])"
)
# Lower-case words one of which opens every match of the pattern above.
_WORD_NUMBER_CUES = ("two", "three", "ten", "twe", "thirt", "four", "five", "fif", "forty", "six", "seven",
                     "eight", "eleven", "nine", "hundred", "dozens")
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRACTION_RE = re.compile(
    r"[hHtTqQfF](?<!\w[hHtTqQfF])(?:alf|alves|hirds?|uarters?|ifths?|enths?)(?=\s+of\b)"
)
_FRACTION_CUES = ("half", "halves", "third", "quarter", "fifth", "tenth")
_NUMERATOR_BEFORE = re.compile(r"(?<![\w-])(?P<n>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our)[ \t-]+$")
_ONE_IN_RE = re.compile(
    r"[oO1](?<![\w-][oO1])(?:ne)?\s+in\s+(?P<every>\d{1,3}|two|three|four|five|six|seven|eight|"
    r"nine|ten)\b"
)
_MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
                "bn": 1_000_000_000, "billion": 1_000_000_000}

_PERCENT_RE = re.compile(r"[ \t]?%|\s+per[ \t]?cent\b|\s+percent\b", re.IGNORECASE)
_RATE_RE = re.compile(
    r"\s+per\s+(?:\d{1,3}(?:,\d{3})*|hundred|thousand)\s+[a-z][\w'’-]*(?:\s+(?:and\s+)?[a-z][\w'’-]*s\b)?"
)
_PERIOD_RE = re.compile(
    r"\s+(?:(?:working|calendar|school|full|consecutive|clear)\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?)\b"
)
# A word after a number, on its line or the next (PDF text wraps), that is a
# whole word: not the start of an e-mail address or a web address.
_FOLLOWING_WORD = re.compile(r"[ \t]*\n?[ \t]*(?<=\s)([a-z][a-z'’-]*)(?![\w@]|\.\w)")
_PERIODS = ("days", "weeks", "months", "years", "hours", "minutes")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_AFTER = re.compile(
    rf"(?i)(?:st|nd|rd|th)?(?:\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+of)?\s+{_MONTHS}\b"
)
_MONTH_BEFORE = re.compile(rf"(?i)\b{_MONTHS}\.?\s+$")
_AGE_AFTER = re.compile(
    r"(?i)[\s-]*(?:years?|months?|weeks?|yrs?)[\s-]*(?:olds?|of\s+age)\b|[\s-]*year-olds?\b|s\b"
)
_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:sections?|s|paragraphs?|paras?|pages?|pp?|chapters?|parts?|articles?|schedules?|"
    r"regulations?|rules?|stages?|levels?|grades?|outcomes?|tables?|figures?|figs?|appendix|"
    r"annex|items?|numbers?|no|nos|tiers?|phases?|year|aged?|ages|ward|room|flat|unit|route|"
    r"question|standards?|principles?|options?|priority|recommendation|band|step|box|point|"
    r"version|round|week|day|month|judgement|key\s+judgement|per|of\s+the\s+age|age\s+of)\.?\s+$"
)
_DIGIT_GROUP_BEFORE = re.compile(r"\d[ \t]$")
_DIGIT_GROUP_AFTER = re.compile(r"[ \t]\d{3}")
_TIMEFRAME_BEFORE = re.compile(
    r"(?i)\b(?:last|past|next|previous|first|coming|recent|following|preceding|latest|final)\s+$"
)
_INSPECTION_LENGTH_BEFORE = re.compile(
    r"(?i)\b(?:inspectors?|inspection|visit)\s*,?\s+(?:(?:which|that|who)\s+)?(?:(?:was|were|had)\s+)?"
    r"(?:spent|lasted|lasting|took|(?:carried\s+out|conducted|took\s+place)\s+over)\s+"
    r"(?:(?:more\s+than|about|nearly|almost|just\s+over|around)\s+)?$"
)
_QUALIFIER_BEFORE = re.compile(
    r"(?i)\b(?P<q>more\s+than|fewer\s+than|less\s+than|over|under|almost|nearly|around|about|"
    r"approximately|approx\.?|roughly|some|at\s+least|up\s+to|just\s+over|just\s+under|only|"
    r"as\s+many\s+as|as\s+few\s+as|an\s+estimated|estimated)\s+$"
)
_PREMODIFIER_BEFORE = re.compile(
    r"(?i)\b(?P<m>(?:national\s+)?average|median|mean|total|recommended|target|maximum|minimum|"
    r"typical|overall|additional|extra|further|estimated|annual|weekly|monthly)\s+$"
)
# Words that end a unit phrase or a measure: verbs, function words, comparisons.
_STOP_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with into as than that which who
    is are was were be been being has have had will would can could should may might must
    do does did not no so such this these those it its their there here per each every
    live lived lives living remain remained remains stood fell rose increased decreased
    dropped grew went came more less fewer most least only also still just about over
    under after before since during between compared while whereas when where if
    across within without through""".split()
)
_NOT_PLURAL = frozenset(
    """always perhaps across unless thus this its his hers ours yours was has is does goes
    less various previous serious numerous famous means news series""".split()
)
_IRREGULAR_PLURALS = frozenset(
    "children people staff men women police personnel cattle data criteria media feet teeth".split()
)
# Function words a measure's tail may run through ("taken to place children with a family").
_TAIL_FUNCTION_WORDS = frozenset("of to in for with on at from a an the into".split())
_TAIL_STARTS = frozenset(
    """of from for with in on at to who that taken needed spent waiting placed held living
    receiving subject known identified referred looked made carried completed seen visited
    allocated involved open assigned without into""".split()
)
_NP_RE = re.compile(
    r"\s+((?:the\s+|all\s+)?[\w'’-]+(?:,?\s+(?!(?:is|are|was|were|has|have|had|fell|rose|"
    r"increased|decreased|remained|stood|dropped|grew|from|compared|than|who|which|while|"
    r"whereas|but)\b)(?!\d)[\w'’-]+){0,9})"
)
_PROPORTION_RE = re.compile(
    r"(?i)\b(?:the\s+)?(?P<p>(?:proportion|percentage|rate|share|number|level)s?\s+of\s+"
    r"[\w'’-]+(?:,?\s+(?!(?:is|are|was|were|has|have|had|fell|rose|increased|decreased|"
    r"remained|stood|dropped|grew|from|compared|than|at)\b)(?!\d)[\w'’-]+){0,9})"
)
_CLAUSE_WORDS = re.compile(r"[\w'’-]+")
_WORD_BOUNDARY_PUNCT = re.compile(r"[,;:()\[\]\"“”‘’.!?–—]")
_OF_AFTER = re.compile(r"\s+of\b")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_CURRENCIES = ("£", "$", "€")


def _plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in _NOT_PLURAL and word not in _STOP_WORDS
    )


def _spaced(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ,")


def _count_unit(text: str, pos: int) -> tuple[str, int] | None:
    """A plural noun phrase of up to four words at ``pos``: ("foster carers", end)."""
    words = []
    for _ in range(4):
        match = _FOLLOWING_WORD.match(text, pos)
        if not match:
            return None
        word = match.group(1)
        if word in _STOP_WORDS:
            return None
        words.append(word)
        pos = match.end()
        if _plural(word):
            return " ".join(words), pos
    return None


def _unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written at ``pos`` (just after a number) and where it ends."""
    match = _PERCENT_RE.match(text, pos)
    if match:
        return "percent", match.end()
    match = _RATE_RE.match(text, pos)
    if match:
        return _spaced(match.group()), match.end()
    match = _PERIOD_RE.match(text, pos)
    if match:
        unit = _spaced(match.group())
        return (unit if unit.endswith("s") else unit + "s"), match.end()
    return _count_unit(text, pos)


def _excluded(text: str, start: int, end: int, number: str, has_unit_sign: bool) -> bool:
    """Years, dates, ages, labels and phone numbers: numbers that are not statistics."""
    before = text[max(0, start - 24):start]
    if _DIGIT_GROUP_BEFORE.search(before) or _DIGIT_GROUP_AFTER.match(text, end):
        return True  # "0161 618 8524"
    if not has_unit_sign:
        if len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2099:
            return not _PERCENT_RE.match(text, end)
        if _DATE_AFTER.match(text, end) or _MONTH_BEFORE.search(before) or _AGE_AFTER.match(text, end):
            return True
    return bool(_LABEL_BEFORE.search(before))


def _timeframe(text: str, start: int, unit: str) -> bool:
    """"the last 12 months", "the next three years": when, not how many; and
    "inspectors spent two weeks", the length of the inspection itself."""
    if not unit.endswith(_PERIODS):
        return False
    return bool(
        _TIMEFRAME_BEFORE.search(text, max(0, start - 12), start)
        or _INSPECTION_LENGTH_BEFORE.search(text, max(0, start - 100), start)
    )


def _value(number: str, multiplier: str | None) -> int | float:
    value = float(number.replace(",", ""))
    if multiplier:
        value *= _MULTIPLIERS[multiplier.strip().lower()]
    return int(value) if value.is_integer() else value


# --- what a number measures ---------------------------------------------------------


def _tail(text: str, pos: int, sentence_end: int, any_start: bool = False) -> str:
    """Words qualifying a unit after it: "taken to place children with a family".

    The first word must be a preposition or participle unless ``any_start``
    (money: "£75k bill for cladding"); the tail stops at punctuation, a verb or
    another number.
    """
    words: list[str] = []
    for match in _CLAUSE_WORDS.finditer(text, pos, sentence_end):
        gap = text[pos:match.start()]
        word = match.group()
        folded = word.lower()
        if _WORD_BOUNDARY_PUNCT.search(gap) or "\n\n" in gap or word[0].isdigit():
            break
        if not words and not (any_start and folded not in _STOP_WORDS) and not (
            folded in _TAIL_STARTS or folded.endswith(("ed", "ing"))
        ):
            break
        if words and folded in _STOP_WORDS and folded not in _TAIL_FUNCTION_WORDS:
            break
        words.append(word)
        pos = match.end()
        if len(words) >= 10:
            break
    while words and words[-1].lower() in _STOP_WORDS:
        words.pop()
    return " ".join(words)


def _of_phrase(text: str, pos: int, sentence_end: int) -> str | None:
    """"of all children living in the area" after a percentage -> that phrase."""
    match = _OF_AFTER.match(text, pos)
    if not match:
        return None
    phrase = _NP_RE.match(text, match.end(), sentence_end)
    if not phrase:
        return None
    words = _spaced(phrase.group(1)).split(" ")
    while words and words[-1].lower() in _STOP_WORDS:
        words.pop()
    return _LEADING_THE.sub("", " ".join(words)) or None


# How far back from a number its "proportion of ..." phrase and its clause's
# words are looked for. Reading back to the sentence's start for every number
# made a sentence of thousands of numbers ("12%, 13%, ...") quadratic; the
# phrase and the last eight words of a clause lie well within these.
_PROPORTION_REACH = 600
_CLAUSE_REACH = 300


def _proportion_before(text: str, sentence_start: int, pos: int) -> str | None:
    """The nearest "proportion of ..." phrase before a percentage in its sentence."""
    found = None
    for match in _PROPORTION_RE.finditer(text, max(sentence_start, pos - _PROPORTION_REACH), pos):
        found = match
    return _spaced(found.group("p")) if found else None


def _clause_before(text: str, sentence_start: int, pos: int) -> str | None:
    """The words leading up to a number in its clause, less function words:
    "in primary schools is 26.4%" -> "primary schools"."""
    clause_start = max(sentence_start, pos - _CLAUSE_REACH)
    if clause_start > sentence_start:  # the reach may start inside a word: from the next one
        space = text.find(" ", clause_start, pos)
        clause_start = space + 1 if space >= 0 else pos
    for match in _WORD_BOUNDARY_PUNCT.finditer(text, clause_start, pos):
        clause_start = match.end()
    words = [m.group() for m in _CLAUSE_WORDS.finditer(text, clause_start, pos)][-8:]
    while words and (words[-1].lower() in _STOP_WORDS or words[-1][0].isdigit()):
        words.pop()
    while words and words[0].lower() in _STOP_WORDS:
        words.pop(0)
    return " ".join(words) or None


class _Finder:
    """Builds the statistic facts of one text, in order, sentence by sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Paragraphs are split into sentences only where a statistic is found.
        self.paragraph_starts: list[int] | None = None
        self.sentences: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}  # paragraph -> (starts, spans)
        self.facts: list[Fact] = []
        # Per sentence, the (unit, description) of each number so far, for
        # comparisons: "39 weeks taken to ... than the recommended 26 weeks".
        self.described: dict[int, list[tuple[str, str]]] = {}

    def add(self, number_start: int, end: int, value: int | float, unit: str) -> None:
        """A statistic whose number starts at ``number_start`` and unit ends at ``end``."""
        text = self.text
        start, qualifier = number_start, None
        match = _QUALIFIER_BEFORE.search(text, max(0, number_start - 20), number_start)
        if match:
            start, qualifier = match.start("q"), _spaced(match.group("q")).lower()
        s_start, s_end = self._sentence(start)
        self.facts.append(Fact("statistic", (start, end), {
            "value": value,
            "unit": unit,
            "measure": self._measure(start, end, unit, s_start, s_end),
            "text": text[start:end],
            "qualifier": qualifier,
        }))

    def _sentence(self, pos: int) -> tuple[int, int]:
        """The last sentence starting at or before ``pos`` (to the end of the text before any)."""
        text = self.text
        spans = paragraphs(text)
        if self.paragraph_starts is None:
            self.paragraph_starts = [p_start for p_start, _ in spans]
        k = bisect.bisect_right(self.paragraph_starts, pos) - 1
        if k < 0:
            return pos, len(text)
        if k not in self.sentences:
            p_start, p_end = spans[k]
            sentences, begin = [], p_start
            for boundary in sentence_ends(text, p_start, p_end):
                sentences.append((begin, boundary))
                begin = boundary
            sentences.append((begin, p_end))
            self.sentences[k] = ([start for start, _ in sentences], sentences)
        starts, sentences = self.sentences[k]
        return sentences[bisect.bisect_right(starts, pos) - 1]

    def _measure(self, start: int, end: int, unit: str, s_start: int, s_end: int) -> str | None:
        text = self.text
        if unit in ("percent", "fraction"):
            counted = _count_unit(text, end) if unit == "fraction" else None  # "one in four cases"
            return (_of_phrase(text, end, s_end) or (counted[0] if counted else None)
                    or _proportion_before(text, s_start, start) or _clause_before(text, s_start, start))
        money = unit in _CURRENCIES
        tail = _tail(text, end, s_end, any_start=money)
        earlier = self.described.setdefault(s_start, [])
        if not tail:
            tail = next((t for u, t in reversed(earlier) if u == unit and t), "")
        earlier.append((unit, tail))
        if money and not tail:
            return _clause_before(text, s_start, start)
        premodifier = _PREMODIFIER_BEFORE.search(text, max(s_start, start - 30), start)
        parts = [premodifier.group("m").lower() if premodifier else "", "" if money else unit, tail]
        return " ".join(p for p in parts if p) or None


# --- numbers ------------------------------------------------------------------------


def _fraction_start(text: str, match: re.Match[str]) -> int:
    numerator = _NUMERATOR_BEFORE.search(text, max(0, match.start() - 8), match.start())
    return numerator.start() if numerator else match.start()


def _candidates(text: str) -> list[tuple[int, str, re.Match[str]]]:
    """(start, kind, match) of every number-like token, in order."""
    found = [(m.start(), "fraction", m) for m in matches_at_cues(_FRACTION_RE, text, _FRACTION_CUES)]
    found += [(m.start(), "one in", m) for m in _ONE_IN_RE.finditer(text)]
    # A fraction's numerator ("three quarters") is not a number of its own.
    taken = [(_fraction_start(text, m) if kind == "fraction" else m.start(), m.end()) for _, kind, m in found]
    for kind, matches in (
        ("money", _MONEY_RE.finditer(text)), ("digits", _NUMBER_RE.finditer(text)),
        ("words", matches_at_cues(_WORD_NUMBER_RE, text, _WORD_NUMBER_CUES)),
    ):
        for match in matches:
            # (Most texts have no fractions: then nothing is taken and every number is kept.)
            if not taken or not any(s <= match.start() < e for s, e in taken):
                found.append((match.start(), kind, match))
    found.sort(key=lambda item: item[0])
    return found


def _read(finder: _Finder, kind: str, match: re.Match[str]) -> None:
    text = finder.text
    if kind == "fraction":
        begin = _fraction_start(text, match)
        numerator = _NUMERATOR_BEFORE.match(text, begin, match.start()) if begin < match.start() else None
        parts = _NUMERATORS[numerator.group("n").lower()] if numerator else 1
        finder.add(begin, match.end(), round(parts / _DENOMINATORS[match.group().lower()], 4), "fraction")
    elif kind == "one in":
        every = match.group("every").lower()
        denominator = int(every) if every.isdigit() else _WORD_NUMBERS.get(every, 0)
        if denominator:
            finder.add(match.start(), match.end(), round(1 / denominator, 4), "fraction")
    elif kind == "money":
        if not _excluded(text, match.start(), match.end(), match.group("num"), True):
            finder.add(match.start(), match.end(), _value(match.group("num"), match.group("mult")),
                       match.group()[0])
    elif not (kind == "digits" and match.group("mult")):  # "12m" with no currency: metres? months?
        found = _unit(text, match.end())
        if found is None or _excluded(text, match.start(), match.end(), match.group(), False):
            return
        unit, unit_end = found
        if _timeframe(text, match.start(), unit):
            return
        number = match.group()
        value = _value(number, None) if kind == "digits" else _WORD_NUMBERS[number.lower()]
        finder.add(match.start(), unit_end, value, unit)


def extract(text: str, ctx) -> list[Fact]:
    if not isinstance(text, str) or not text:
        return []
    finder = _Finder(text)
    for _, kind, match in _candidates(text):
        _read(finder, kind, match)
    return finder.facts
