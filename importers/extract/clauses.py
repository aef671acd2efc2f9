"""Sentences, clauses, dates and councils of a text, found once and shared.

The judgement and inspection rules read a statement at a time: which date,
council and area belong to a rating depends on the sentence and the clause it
sits in. ``index_for(text)`` keeps what was found about a text, so rules that
run over the same document share the work.

Sentences end at terminal punctuation before a space, at blank lines, and at
line breaks unless the next line continues in lower case (text extracted from
PDFs breaks lines mid-sentence). Clauses end at ; : , and dashes, and before
"but", "while", "although" and an "and" that opens a new prepositional phrase
("rated inadequate in 2014 and in 2018 good"); a comma inside a date
("February 23, 2010") or a number ("1,000") is no boundary.

``other_event_date`` tells a date that belongs to something else ("published
on 11 April", "since 2019") from one that can date an inspection or rating
said beside it; ``published_fields`` is the fallback date a document gives.
The index's dates include relative ones ("last year", "three years later");
``resolved_fields`` gives a date's fields with its year resolved against the
document's date (on an undated page, the year it says it is written in:
``TextIndex.stated_year``) or the date told before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

from importers.authorities import find_authorities
from importers.extract.dates import DateMention, find_dates, find_relative_dates, resolve, weekday_year
from importers.vocabulary import RATING_WORDS

__all__ = ["REPORT_PUBLISHED", "TextIndex", "index_for", "other_event_date", "published_fields", "resolved_fields"]

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr cllr st prof rev no nos vs etc eg ie e.g i.e co ltd inc approx fig para "
    "gen lt col sgt insp supt jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?]+[)\]\"'’”]*)(?=\s)"  # a full stop, maybe closing a quote
    r"|(?P<para>\n[ \t]*\n)"  # a blank line
    r"|(?P<line>\n)(?=[ \t]*[^a-z\s])"  # a line break the next line does not continue
)
# The characters a sentence end opens with: the search skips from one to the
# next, where _SENTENCE_END (opening on its alternatives) is tried at every position.
_SENTENCE_END_START = re.compile(r"[.!?\n]")
# Words before a date that make it the date of something else: the report's
# publication, a deadline, the start or end of a period.
_OTHER_EVENT_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|by|published|released|issued|updated|dated|posted|due|"
    # "since the new Ofsted inspection regime for safeguarding was introduced in June 2009"
    r"expected|from|introduced|launched)(?:\s+(?:on|in|at|the|early|late|mid|end\s+of|start\s+of))*\s*$",
    re.IGNORECASE,
)
# A date beside a figure is the figure's, not an event's: a rate or count just before
# it ("only 68% in June 2015", "from 62.7% in April 2014", "1,088 looked after children at
# 31 March 2013"), or the count its clause opens on after it ("In June 2015, 45 children
# were ...", "At 31 March 2016, there were 412 children in care").
_FIGURE = r"\d[\d,]*(?:\.\d+)?"
_FIGURE_BEFORE = re.compile(
    rf"(?<![\w.,]){_FIGURE}\s*(?:%|per\s*cent\b)(?:\s+[a-z-]+){{0,2}}\s+(?:in|at|on|during|by|as\s+(?:at|of))\s+$",
    re.IGNORECASE,
)
_FIGURE_AFTER = re.compile(
    rf",?[ \t]+(?:there\s+(?:were|was|are|is)\s+|a\s+total\s+of\s+|only\s+|just\s+)?{_FIGURE}\s*"
    r"(?:%|per\s*cent\b|(?:\w+\s+)?(?:children(?!['’]s)|young\s+people|families|cases|referrals|care\s+leavers|"
    r"assessments|plans|social\s+workers|staff|vacancies|households)\b)",
    re.IGNORECASE,
)
# The date a count is measured from is the baseline's, not the news's: "up from four in
# 2007", "has risen from none last year to four this year", "compared with 62 in 2009". (A
# grade's is its own event: "rose from inadequate in 2014 to good".)
_BASELINE_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|risen|rose|falling|fell|fallen|increased|decreased|grown|grew)\s+from|"
    r"compared\s+(?:with|to))"
    rf"(?:\s+(?!{RATING_WORDS})[\w%.,'’]+){{0,3}}?\s+(?:in\s+|at\s+|during\s+)?$",
    re.IGNORECASE,
)
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z.]+)$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_CLAUSE_BREAK = re.compile(
    r"[;:]"
    r"|(?<!\d),|,(?!\d)"
    r"|\s[-–—]{1,2}\s|[–—]"
    r"|\s(?=(?:but|while|whereas|although|though|however|yet)\b)"
    r"|\s(?=and\s+(?:in|on|at|under|during|from|by|for|since|then|later|previously|before|after)\b)",
    re.IGNORECASE,
)


class TextIndex:
    """One text's sentences, clauses, dates and council mentions.

    Sentences are found on demand around the positions a rule asks about (most
    of a long report holds no rating), and dates and councils on first use.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: dict[int, tuple[int, int]] = {}
        self._clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._dates: list[DateMention] | None = None
        self._date_starts: list[int] = []
        self._authorities: list[tuple[int, int, str]] | None = None
        self._authority_starts: list[int] = []

    @property
    def dates(self) -> list[DateMention]:
        """Every date mention, with those written relative to another ("last year")."""
        if self._dates is None:
            absolute = find_dates(self.text)
            starts = [d.start for d in absolute]
            # A relative phrase never overlaps a date ("in March last year" is
            # two mentions; the month is resolved on its own).
            relative = [r for r in find_relative_dates(self.text) if not _overlaps(absolute, starts, r)]
            self._dates = sorted(absolute + relative, key=lambda d: d.start)
            self._date_starts = [d.start for d in self._dates]
        return self._dates

    @cached_property
    def latest_year(self) -> int | None:
        """The latest year any date of the text names (what a weekday-dated day follows)."""
        return max((d.end_year or d.year for d in self.dates if d.year is not None), default=None)

    @cached_property
    def present_year(self) -> int | None:
        """The earliest year an undated text can have been written in: no earlier than the
        latest year it names, and not the year after one that a sentence sets beside "last
        year" as another time ("17 of the 48 authorities inspected last year were top rated,
        as were eight of the 43 visited by Ofsted in 2023": last year is not 2023, so on a
        page naming March 2024 this year is 2025 at least)."""
        present = self.latest_year
        if present is None:
            return None
        not_last_year = {other.year for _, other, apposed in self._beside_last_year()
                         if not apposed and not other.is_range}
        while present - 1 in not_last_year:
            present += 1
        return present

    @cached_property
    def _last_years(self) -> list[DateMention]:
        """Every "last year" (or "past year") of the text."""
        return [d for d in self.dates if d.relative == "document" and d.offset_months == -12 and d.precision == "year"]

    def _beside_last_year(self) -> Iterator[tuple[DateMention, DateMention, bool]]:
        """Each "last year", each year its sentence names, and whether the two are set in
        apposition ("last year (2023)", "in 2023, last year"): one time named twice."""
        for date in self._last_years:
            s_start, s_end = self.sentence_at(date.start)
            for other in self.dates_in(s_start, s_end):
                if other.year is not None and other.relative is None:
                    yield date, other, bool(
                        _APPOSED.fullmatch(self.text, min(date.end, other.end), max(date.start, other.start)))

    @cached_property
    def stated_year(self) -> int | None:
        """The year an undated text says it is written in, by naming the year it calls "last
        year": in apposition ("last year (2023)", "in 2023, last year") or in the next
        sentence's opening ("... criticisms of the council's children's services last year. In
        2010 the council suspended ...": written in 2011). None where it names none, or two."""
        text = self.text
        years = {other.year + 1 for _, other, apposed in self._beside_last_year()
                 if apposed and other.precision == "year"}
        for date in self._last_years:
            s_end = self.sentence_at(date.start)[1]
            following = self.next_sentence(s_end) if not text[date.end:s_end].strip(" .!?\t") else None
            opening = _YEAR_OPENING.match(text, following[0], following[1]) if following else None
            # (A sentence that opens on its year to tell a grade, "In 2016 it was judged
            # inadequate", is an event of its own, not what "last year" was.)
            if opening is not None and not _GRADE_WORD.search(text, following[0], following[1]):
                years.add(int(opening["year"]) + 1)
        return years.pop() if len(years) == 1 else None

    @cached_property
    def report_published(self) -> DateMention | None:
        """The date an undated text gives the publication of the report it tells of ("The
        results and detailed report of the inspection were published on Friday, 26 August
        2016"): the nearest the text comes to its own date. None where it gives none,
        or two, or only an earlier report's ("the previous report, published in 2015")."""
        text = self.text
        found = {}
        for date in self.dates:
            if date.year is None or date.relative is not None or date.is_range:
                continue
            lead = REPORT_PUBLISHED.search(text, max(0, date.start - _REPORT_REACH), date.start)
            if lead is not None and not _EARLIER_REPORT.search(text, max(0, lead.start() - 30), lead.start() + 30):
                found[(date.year, date.month, date.day)] = date
        return next(iter(found.values())) if len(found) == 1 else None

    def anchor_before(self, pos: int) -> DateMention | None:
        """The last date with a year before ``pos`` in reach: what "three years later" counts from."""
        dates = self.dates
        i = bisect.bisect_left(self._date_starts, pos)
        while i > 0:
            i -= 1
            if dates[i].year is not None and pos - dates[i].end <= _ANCHOR_REACH:
                return dates[i]
            if pos - dates[i].end > _ANCHOR_REACH:
                break
        return None

    @property
    def authorities(self) -> list[tuple[int, int, str]]:
        if self._authorities is None:
            self._authorities = find_authorities(self.text)
            self._authority_starts = [a[0] for a in self._authorities]
        return self._authorities

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``, trimmed of surrounding space.

        At most ``_MAX_SENTENCE`` characters are searched each way, so text
        without any punctuation is read in pieces of about that length.
        """
        pos = max(0, min(pos, len(self.text)))
        # Cached by position, never by span: the answer for one position must
        # not depend on which positions were asked about before.
        found = self._sentences.get(pos)
        if found is None:
            found = self._sentences[pos] = _sentence_around(self.text, pos)
        return found

    def previous_sentence(self, start: int) -> tuple[int, int] | None:
        """The sentence before the one starting at ``start``, if any."""
        pos = start - 1
        while pos >= 0 and self.text[pos].isspace():
            pos -= 1
        return self.sentence_at(pos) if pos >= 0 else None

    def next_sentence(self, end: int) -> tuple[int, int] | None:
        """The sentence after the one ending at ``end``, if any."""
        pos = end + 1
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return self.sentence_at(pos) if pos < len(self.text) else None

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        dates = self.dates
        i = bisect.bisect_left(self._date_starts, start)
        out = []
        while i < len(dates) and dates[i].start < end:
            if dates[i].end <= end:
                out.append(dates[i])
            i += 1
        return out

    def authorities_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        authorities = self.authorities
        i = bisect.bisect_left(self._authority_starts, start)
        out = []
        while i < len(authorities) and authorities[i][0] < end:
            if authorities[i][1] <= end:
                out.append(authorities[i])
            i += 1
        return out

    def clause_at(self, pos: int) -> tuple[int, int]:
        """The clause holding ``pos`` (the sentence's, at a boundary)."""
        s_start, s_end = self.sentence_at(pos)
        for c_start, c_end in self.clauses(s_start, s_end):
            if c_start <= pos < c_end:
                return c_start, c_end
        return s_start, s_end

    def event_dates_in(self, start: int, end: int) -> list[DateMention]:
        """The dates in ``text[start:end]`` that can date an event said there."""
        return [d for d in self.dates_in(start, end) if not other_event_date(self.text, d)]

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses of ``text[start:end]``, never cutting through a date."""
        cached = self._clauses.get((start, end))
        if cached is not None:
            return cached
        protected = [(d.start, d.end) for d in self.dates_in(start, end)]
        bounds = []
        last = start
        for match in _CLAUSE_BREAK.finditer(self.text, start, end):
            if any(s < match.start() < e for s, e in protected):
                continue
            if match.start() > last:
                bounds.append((last, match.start()))
            last = match.end()
        if end > last:
            bounds.append((last, end))
        self._clauses[(start, end)] = bounds = bounds or [(start, end)]
        return bounds


_MAX_SENTENCE = 1500
# Between "last year" and the year it names: "last year (2023)", "in 2023, last year".
_APPOSED = re.compile(r"[\s,(]*(?:in\s+)?[\s,(]*|\)?[\s,]*")
_GRADE_WORD = re.compile(rf"\b(?:{RATING_WORDS})\b", re.IGNORECASE)
# Before a date: the publication of the report that gives a rating.
REPORT_PUBLISHED = re.compile(
    r"\b(?:report|letter|judge?ment|verdict|findings|inspection)\b[^.;:]{0,80}?\bpublished\s+(?:on\s+|in\s+)?$", re.IGNORECASE
)
_REPORT_REACH = 120
# Before a report: an earlier one than the page tells of ("the previous report, published in 2015").
_EARLIER_REPORT = re.compile(
    r"\b(?:previous|last|earlier|prior|former)\s+(?:[\w'’-]+\s+)?(?:report|inspection)", re.IGNORECASE
)
# A sentence opening on a year alone: "In 2010 the council suspended ...".
_YEAR_OPENING = re.compile(r"(?:In|During|Throughout)\s+(?P<year>(?:19|20)\d\d)\b(?![-/–]\d)")
# How far back "three years later" looks for the date it counts from.
_ANCHOR_REACH = 600


def _overlaps(dates: list[DateMention], starts: list[int], other: DateMention) -> bool:
    i = bisect.bisect_left(starts, other.end)
    return i > 0 and dates[i - 1].end > other.start
_LOOK_AHEAD = 40


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    # Without a boundary in reach, text is cut at multiples of _MAX_SENTENCE,
    # so a long unpunctuated stretch is read in fixed pieces.
    chunk_start = pos - pos % _MAX_SENTENCE
    start = chunk_start
    # Look back a little first: most sentences are short. A boundary's
    # look-ahead may reach past ``pos``, so the search runs a little beyond it.
    for reach in (300, _MAX_SENTENCE):
        marks = []
        for match in _sentence_ends(text, max(0, pos - reach), min(len(text), pos + _LOOK_AHEAD)):
            if match.end() > pos:
                break
            marks.append(match)
        # The last boundary is wanted: judge the marks from the nearest back.
        boundary = next((match for match in reversed(marks) if _is_boundary(text, match)), None)
        if boundary is not None:
            start = boundary.end()
            break
    end = min(len(text), chunk_start + _MAX_SENTENCE)
    for match in _sentence_ends(text, pos, min(len(text), pos + _MAX_SENTENCE)):
        if _is_boundary(text, match):
            end = match.end("stop") if match["stop"] else match.start()
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not start <= pos < end:
        return pos, pos  # between sentences
    return start, end


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_SENTENCE_END.finditer(text, start, end)``, tried only where one can open."""
    after = start
    for mark in _SENTENCE_END_START.finditer(text, start, end):
        at = mark.start()
        if at < after:
            continue  # inside the last sentence end
        match = _SENTENCE_END.match(text, at, end)
        if match:
            yield match
            after = match.end()


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    return not match["stop"] or _ends_sentence(text, match)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    stop = match["stop"]
    if stop == ".":
        word = _WORD_BEFORE_STOP.search(text, max(0, match.start() - 12), match.start())
        if word:
            token = word.group(1).lower().rstrip(".")
            # An abbreviation ("Cllr.") or an initial ("J. Smith") does not end a sentence.
            if token in _ABBREVIATIONS or len(token) == 1:
                return False
    following = _NEXT_CHAR.match(text, match.end())
    # "approx. five": a stop before a lower-case word continues the sentence.
    return not (following and following.group(1).islower())


def other_event_date(text: str, date: DateMention) -> bool:
    """Whether ``date`` dates something else: "published on 11 April", "since 2019", a
    statistic ("68% in June 2015", "In June 2015, 45 children were ..."), the baseline of
    a change ("up from four in 2007")."""
    if (_FIGURE_BEFORE.search(text, max(0, date.start - 40), date.start) or _FIGURE_AFTER.match(text, date.end)
            or _BASELINE_BEFORE.search(text, max(0, date.start - 50), date.start)):
        return True
    match = _OTHER_EVENT_BEFORE.search(text, max(0, date.start - 30), date.start)
    if match is None:
        return False
    # "from 13 to 24 February" introduces the range the mention already holds.
    return not (date.is_range and match.group(0).lower().lstrip().startswith("from"))


def published_fields(ctx) -> dict | None:
    """The document's publication date as date fields, or None if not known."""
    published = getattr(ctx, "published", None)
    if not isinstance(published, (tuple, list)):
        return None
    year, month, day = (*published, None, None, None)[:3]
    if not isinstance(year, int) or isinstance(year, bool):
        return None
    month = month if isinstance(month, int) and 1 <= month <= 12 else None
    day = day if month is not None and isinstance(day, int) and 1 <= day <= 31 else None
    precision = "day" if day else "month" if month else "year"
    return {"year": year, "month": month, "day": day, "precision": precision}


def resolved_fields(index: TextIndex, date: DateMention, ctx) -> dict:
    """Date fields of ``date``, a relative one ("last year", "in March") resolved against
    the document's date or the date told before it; year None where neither gives one."""
    published = getattr(ctx, "published", None)
    if date.year is None:
        if published_fields(ctx) is None and index.stated_year is not None:
            published = (index.stated_year, None, None)
        elif published_fields(ctx) is None and index.report_published is not None and (
                weekday_year(date, index.latest_year) is None):
            # (A day named with its weekday, "On Friday 17th December", is dated by the
            # calendar: a report the page names may be an older one.)
            report = index.report_published
            published = (report.year, report.month, report.day)
        date = resolve(date, published if isinstance(published, (tuple, list)) else None,
                       index.anchor_before(date.start), index.present_year)
    return {"year": date.year, "month": date.month, "day": date.day, "precision": date.precision}


@lru_cache(maxsize=8)
def index_for(text: str) -> TextIndex:
    """The shared index of ``text`` (cached: several rules read each document)."""
    return TextIndex(text)
