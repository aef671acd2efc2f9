"""What a document says about itself: title, kind, publisher, date and council.

``detect_metadata`` reads only what the text prints about the document, never
what it reports: the published date comes from a dateline or label
("Page last updated at 12:08 GMT, Tuesday, 23 February 2010", "Published: 3
March 2023", "Report published: 18 July 2014", "Posted on April 11, 2016 by
admin") or a date alone on a line at the head of a page or letter, at the
precision printed, also after a separator, a label or the writer's name ("|
23 January 2015", "Headlines: December 18th, 2008", "William Eichler 06 April
2016", "By Jane on 23/05/2014 in News", "29.01.18"); from a meeting's heading
("Meeting of the Cabinet, 14 March 2012", "Cabinet - Monday 18 September
2017", "Meeting: 29/09/2022 - Cabinet"); or from "published today, Monday 3
March 2025" (or "today (Monday 23 May)", its year from the weekday) in the
opening lines, or a first paragraph opening on its day ("Monday 20 November 2023:
...", "LONDON, 12 June 2020 - ..."). A named label ("PUBLISHED: 14:03 25 March 2019")
wins over a bare "date 2019-03-08" (a search form's default on Archant's pages).
A by-line's verb dates the page whatever follows the day ("Posted by Jane
Smith on 3 March 2014", "This entry was posted on Monday,
March 3rd, 2014 at 10:31 am and is filed under News"), but a parliamentary
question's "answered on" does not (the grades an answer lists are of their
own inspections' years); a dateline may be one part of a line of
parts ("Jane Smith | March 3, 2014 | News", "Mar 3, 2014 · 5 min read") or
be set a part a line by a page's layout; Drupal's "Mon, 07/16/2012 - 10:31"
is read in the order its weekday fits. Dates in the body and
copyright years are never used, so an undated story stays undated.

The kind is the best of small scored rules, one per kind, each counting the
signals of its genre (a letter's salutation and sign-off, a report's
judgement table, minutes' attendance and resolutions, a news story's reported
speech). Below a minimum score a document is "other".
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass

from importers.authorities import main_authority
from importers.extract.dates import DateMention, find_dates, month_number, weekday_year
from importers.model import OFSTED_KINDS

__all__ = ["detect_kind", "detect_metadata", "detect_published", "detect_publisher", "detect_title"]

# Lines of a page head that can hold its dateline or headline.
_HEAD_LINES = 10
# Letters put their date above the salutation, after the sender's address.
_LETTER_HEAD_LINES = 40
# Lines at each end of a document searched for a publication label.
_LABEL_LINES = 40
_MAX_TITLE_CHARS = 160
_MAX_DATELINE_CHARS = 120
# A by-line may run on past its date ("... at 10:31 am and is filed under News.").
_MAX_BYLINE_CHARS = 200
_MAX_TITLE_WORDS = 25
# A kind needs at least this score, or the document is "other".
_MIN_KIND_SCORE = 3


def detect_metadata(text: str) -> dict[str, str | None]:
    """Title, kind, publisher, published (ISO at printed precision) and authority."""
    if not isinstance(text, str):
        text = ""
    lines = _lines(text)
    kind = detect_kind(text, lines)
    title = detect_title(text, kind, lines)
    return {
        "title": title,
        "kind": kind,
        "publisher": detect_publisher(text, kind),
        "published": detect_published(text, lines),
        "authority": main_authority(text, title),
    }


def _lines(text: str) -> list[str]:
    """Non-empty lines, stripped of whitespace and Markdown heading/emphasis marks."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and ("*" in line or "#" in line or "_" in line):
            line = _MARKUP.sub("", line).strip()
        if line:
            out.append(line)
    return out


_MARKUP = re.compile(r"^\s*#{1,6}\s+|\*\*|__|^\s*\*(?=\S)|(?<=\S)\*\s*$")


# --- published -------------------------------------------------------------------

_PUBLISHED_LABEL = re.compile(
    # A sentence for a label: "This story was published 6 August 2018".
    r"(?:this\s+(?:story|article|page|post|item|news\s+(?:story|item|release)|press\s+release)\s+was\s+)?"
    r"(?:first\s+)?published(?:\s+on|\s+at)?|posted(?:\s+on|\s+at)?|date\s+of\s+publication|"
    r"publication\s+date|date\s+published|report\s+published",
    re.IGNORECASE,
)
# "Date:" or a bare "date" before an ISO day (" date 2025-04-17", as some saved pages open).
# Read after every named label: Archant's papers print their search form's default date
# (" date 2019-03-08 Search") above the story's own "PUBLISHED: 14:03 25 March 2019".
_DATE_LABEL = re.compile(r"date(?=\s*:|\s+\d{4}-\d{2}-\d{2}\b)", re.IGNORECASE)
_UPDATED_LABEL = re.compile(
    r"(?:page\s+)?(?:last\s+)?(?:updated|modified)(?:\s+on|\s+at)?", re.IGNORECASE,
)
# Words one of which a line must hold to be worth reading for each label.
_PUBLISHED_KEYS = ("publi", "posted", "date")
_ISO_AFTER_LABEL = re.compile(r"\s*:?\s*\d{4}-\d{2}-\d{2}\b")
_UPDATED_KEYS = ("updated", "modified")
# A label opens a line or follows a separator ("By Jane Smith | Published ...").
_LABEL_AT = re.compile(r"(?:^|[|•·]|\s[-–—]\s)\s*")
_SEPARATOR = re.compile(r"\s[|•·]\s|\s[-–—]\s")
# Minutes date themselves in their heading: "Minutes of the Cabinet held on 12 March 2014",
# "Meeting of the Cabinet, 14 March 2012", "Minutes of the Schools Forum - 3 May 2011".
# A committee's page names the meeting before its date: "Cabinet - Monday 18 September
# 2017 10.00 am", "Meeting: 29/09/2022 - Cabinet (Item 151)".
_MINUTES_HEAD = re.compile(
    r"^(?:(?:Draft\s+)?(?:Minutes|(?:Special\s+|Extraordinary\s+)?Meeting)\s+of\b"
    r"|Meeting\s*:"
    r"|(?:[A-Z][\w&'’]*\s+){0,6}(?:Cabinet|Council|Committee|Board|Panel|Forum|Assembly|Executive)\s+[-–—])",
    re.IGNORECASE,
)
# Where the meeting's date may follow in such a heading.
_MINUTES_STOP = re.compile(r"\bheld\s+(?:on\s+)?|,\s*|\s[-–—]\s*|\s+on\s+|(?<=:)\s*|(?<=[-–—])\s*")
_MINUTES_REACH = 160
# A press release dates itself in its opening sentence: "... published today,
# Monday 3 March 2025, shows ...", "Ofsted today (12 June 2020) published ...".
_TODAY = re.compile(r"\btoday\s*[,(]\s*", re.IGNORECASE)
# A label of any name before a colon on a line of its own: "Headlines: December 18th, 2008".
_ANY_LABEL = re.compile(r"^[A-Z][A-Za-z]*(?:\s+[A-Za-z]+)?\s*:\s*")
# A by-line without "By": the writer's name, then the date ("William Eichler 06 April 2016").
_BYLINE_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?,?\s+){1,3}(?=\S*\d)")
_SHORT_NUMERIC_LINE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})")
_BYLINE_ON = re.compile(r"^By\b.{0,60}?\bon\s+")
# A blog's or newsroom's by-line names who posted and where before "on" and the date,
# whatever follows it: "Posted by Jane Smith on 3 March 2014", "Posted in News on March
# 3, 2014 by admin", "This entry was posted on Monday, March 3rd, 2014 at 10:31 am and
# is filed under News", "Written by ... on", "Submitted by admin on Mon, 07/16/2012 - 10:31".
# Not a parliamentary question's "asked on" or "answered on": the grades a written answer
# lists are those councils hold from inspections of their own years, which that day
# would misdate (the 25 councils "currently rated" inadequate in Gareth Thomas's 2016
# question have no year).
_POSTED_ON = re.compile(
    r"(?:(?:this|the)\s+(?:[\w-]+\s+){0,2}(?:entry|post|article|story|item)\s+was\s+)?"
    r"(?:posted|published|written|submitted|added|filed)"
    r"(?:\s+by\s+[^|•·:;.]{1,60}?)?(?:\s+(?:in|under)\s+[^|•·:;.]{1,60}?)?\s+on\s+",
    re.IGNORECASE,
)
# Drupal's "medium" date, "D, m/d/Y - H:i" by default ("Mon, 07/16/2012 - 10:31") and
# "D, d/m/Y - H:i" where a site sets it day first: the weekday printed beside the figures
# says which of the two readings is meant.
_DRUPAL_DATE = re.compile(
    r"\b(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+(?P<a>\d\d)/(?P<b>\d\d)/(?P<y>(?:19|20)\d\d)"
    r"\s+-\s+\d\d:\d\d\b"
)
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))}
# "Posted on April 11, 2016 by admin": who posted follows the date.
_POSTED_BY = re.compile(r"\s+by\s+\S.*$", re.IGNORECASE)
# What may sit beside a date on a dateline: times, zones (a British paper's US edition prints
# "20:00 EST"), weekdays, "at", "on".
_DATELINE_NOISE = re.compile(
    # (a page's reading time beside its date: "12 August 2025 3min read", "3 mins read")
    r"\b\d{1,2}\s*mins?\s+read\b|"
    r"\b\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?|\b(?:GMT|BST|UTC|CET|CEST|EST|EDT|am|pm|AM|PM|at|on|[Uu]pdated|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|[\s,.|:;•·()\-–—]+",
)
_DEAR = re.compile(r"^Dear\s+\S", re.MULTILINE)
_DIGIT = re.compile(r"\d")


def detect_published(text: str, lines: list[str] | None = None) -> str | None:
    """The document's own date as ISO text ("2010", "2010-02", "2010-02-23"), or None."""
    lines = _lines(text) if lines is None else lines
    # Datelines and publication labels sit at the head or the foot of a page.
    ends = lines if len(lines) <= 2 * _LABEL_LINES else lines[:_LABEL_LINES] + lines[-_LABEL_LINES:]
    mention = (
        _labelled_date(ends, _PUBLISHED_LABEL, _PUBLISHED_KEYS)
        or _posted_on_date(ends)
        or _labelled_date(ends, _DATE_LABEL, ("date",))
        or _minutes_date(lines[:_HEAD_LINES])
        or _date_line(lines)
        or _labelled_date(ends, _UPDATED_LABEL, _UPDATED_KEYS)
        or _today_date(lines[:_HEAD_LINES], text)
        or _opening_dateline(lines[:_HEAD_LINES])
    )
    return mention.iso if mention is not None else None


# A release's first paragraph opening on its day, a colon or dash after it: "Monday 20
# November 2023: Hillingdon Council's Children's Services has been judged ...", a wire
# story's "LONDON, 12 June 2020 - ...". A whole day only: "June 2012: rated inadequate"
# is a timeline's line, not a dateline, and a page whose head opens two lines on days is a
# timeline too. Not Hansard's "5 Jan 2010 : Column 286W": a written answer's day does not
# date the grades it lists (see ``_POSTED_ON``).
_OPENING_DATE_GAP = re.compile(r"\s*(?::|[-–—])\s+(?!Column\b)(?P<next>\S)")
_OPENING_PLACE = re.compile(r"^[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2},\s+")


def _opening_dateline(lines: list[str]) -> DateMention | None:
    found = []
    for line in lines:
        place = _OPENING_PLACE.match(line)
        rest = line[place.end():] if place else line
        dates = find_dates(rest[:_MAX_DATELINE_CHARS])
        if not dates or dates[0].year is None or dates[0].is_range:
            continue
        gap = _OPENING_DATE_GAP.match(rest, dates[0].end)
        if gap is not None and not _DATELINE_NOISE.sub("", rest[:dates[0].start]):
            # (What follows a dateline is the story's first sentence; a time, "10:31", is not.)
            found.append(dates[0] if gap["next"].isupper() or gap["next"] in "“\"‘'" else None)
    return found[0] if len(found) == 1 and found[0] is not None and found[0].precision == "day" else None


def _labelled_date(lines: list[str], label: re.Pattern[str], keys: tuple[str, ...]) -> DateMention | None:
    for line in lines:
        lowered = line.lower()
        if not any(key in lowered for key in keys):
            continue
        for at in _LABEL_AT.finditer(line):
            found = label.match(line, at.end())
            if found is None:
                continue
            # Up to the next separator: "Published 3 March 2023 | By Jane Smith".
            rest = _POSTED_BY.sub("", _SEPARATOR.split(line[found.end():], maxsplit=1)[0])
            # After "Label:" a word or two may stand beside the date ("Date: Tuesday
            # 12 March 2014 at the Civic Centre" is not one of them, but "Published:
            # 3 March 2023 Local" is).
            colon = rest.lstrip().startswith(":")
            if colon:
                # "Date:25 MAY 2010": a day glued to the colon is still the day.
                rest = ": " + rest.lstrip()[1:].lstrip()
            # An ISO date straight after the label cannot be misread, whatever
            # follows it on the line ("date 2022-11-25 Children and families").
            iso = _ISO_AFTER_LABEL.match(rest)
            mention = _only_date(rest[:iso.end()] if iso else rest, allow_words=2 if colon else 0)
            if mention is not None:
                return mention
    return None


def _posted_on_date(lines: list[str]) -> DateMention | None:
    """The day after a by-line's "on", what follows it aside: "Posted by Jane Smith on 3
    March 2014", "This entry was posted on Monday, March 3rd, 2014 at 10:31 am and is
    filed under News" (``_POSTED_ON``)."""
    for line in lines:
        if len(line) > _MAX_BYLINE_CHARS or " on " not in line:
            continue
        for at in _LABEL_AT.finditer(line):
            posted = _POSTED_ON.match(line, at.end())
            if posted is None:
                continue
            rest = line[posted.end():]
            if _DRUPAL_DATE.match(rest):
                # Figures a weekday fits in neither order are no date to trust.
                drupal = _drupal_date(rest)
                if drupal is not None:
                    return drupal
                continue
            dated = [m for m in find_dates(rest) if m.year is not None and not m.is_range]
            if dated and dated[0].precision == "day" and not _DATELINE_NOISE.sub("", rest[:dated[0].start]):
                return dated[0]
    return None


def _drupal_date(fragment: str) -> DateMention | None:
    """A day in Drupal's default format at the start of ``fragment`` (``_DRUPAL_DATE``)."""
    found = _DRUPAL_DATE.search(fragment)
    if found is None or _DATELINE_NOISE.sub("", fragment[:found.start()]):
        return None
    year, weekday = int(found["y"]), _WEEKDAY_NUMBERS[found["weekday"]]
    for day, month in ((found["a"], found["b"]), (found["b"], found["a"])):  # day first, as in the UK
        try:
            if _dt.date(year, int(month), int(day)).weekday() != weekday:
                continue
        except ValueError:
            continue
        dates = find_dates(f"{day}/{month}/{year}")
        return dates[0] if dates else None
    return None


def _minutes_date(lines: list[str]) -> DateMention | None:
    for line in lines:
        head = _MINUTES_HEAD.match(line)
        if head is None:
            continue
        for stop in _MINUTES_STOP.finditer(line, head.end() - 1, head.end() + _MINUTES_REACH):
            dates = [m for m in find_dates(line[stop.end():]) if m.year is not None]
            if dates and dates[0].start < 20:
                return dates[0]
    return None


def _date_line(lines: list[str]) -> DateMention | None:
    # A letter's date stands alone above "Dear ..."; a news page's under its
    # headline or byline. Only the head of the document counts.
    dear = next((i for i, line in enumerate(lines[:_LETTER_HEAD_LINES]) if _DEAR.match(line)), None)
    head = lines[:dear] if dear is not None else lines[:_HEAD_LINES]
    for line in head + _short_line_runs(head):
        if len(line) > _MAX_DATELINE_CHARS:
            continue
        drupal = _drupal_date(line)
        if drupal is not None:
            return drupal
        if line.startswith("By "):
            # "By Jane Smith on 23/05/2014 in News": a blog's by-line
            posted = _BYLINE_ON.match(line)
            dated = [m for m in find_dates(line[posted.end():]) if m.precision == "day"] if posted else []
            if dated and dated[0].start == 0:
                return dated[0]
            # "By Jane Smith, 3 March 2023": the date after the writer's name, however long
            # ("By Jane Smith | Tuesday 4 April 2023" is a line of parts, below).
            after_name = _only_date(line.split("|")[0].split(",")[-1], allow_words=0)
            if after_name is not None and after_name.precision == "day":
                return after_name
        # "Home | News | 12 June 2020", "| 23 January 2015" (a by-line's second
        # line), "Jane Smith | March 3, 2014 | News", "3 Mar 2014 | Children and
        # families", "Mar 3, 2014 · 5 min read": the date is one of the line's segments.
        # A month alone is a dateline only as the whole of the line's last part: "Agenda
        # item - July 2019" dates the item's report, not the page.
        last = line.split("|")[-1].strip()
        # A dash inside a range ("Inspection date: 14 January 2014 – 5 February 2014")
        # joins its ends; it separates no parts.
        ranged = any(m.is_range for m in find_dates(line))
        for segment in (line.split("|") if ranged else _DATELINE_SEPARATOR.split(line)):
            mention = _dateline_segment(segment)
            if mention is not None and (mention.precision == "day" or segment.strip() == last):
                return mention
    return None


# Between the parts of a dateline: "Jane Smith | 3 March 2014", "Jane Smith • 3rd March
# 2014", "Mar 3, 2014 · 5 min read", "Tuesday, March 4, 2014 - 10:31", a column's
# "Editorial....23rd May, 2019", and before the date of an update ("Evesham Editorial
# 24th Jan, 2017 Updated: 24th Jan, 2017").
_DATELINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s[-–—]\s|\s*(?:\.{3,}|…)\s*|\s+(?=(?:Last\s+)?Updated\b)")


def _dateline_segment(segment: str) -> DateMention | None:
    # "Headlines: December 18th, 2008", "William Eichler 06 April 2016", "Jane Smith, 3
    # March 2014", "Oxford, 30 June 2016"; "3 March 2014 by Jane Smith": the writer
    # named beside the date.
    segment = _POSTED_BY.sub("", _ANY_LABEL.sub("", segment.strip(), count=1))
    name = _BYLINE_NAME.match(segment)
    if name is not None and not any(month_number(word.strip(",")) for word in name.group().split()):
        segment = segment[name.end():]
    mention = _only_date(segment, allow_words=0) or _short_numeric_date(segment)
    return mention if mention is not None and mention.precision != "year" else None


# Layout text sets a dateline's parts one a line ("30" / "June" / "2016" / "|" /
# "10:48"): a run of at least three such short lines is read as one line too.
_SHORT_LINE = 12
_SHORT_RUN = 3


def _short_line_runs(lines: list[str]) -> list[str]:
    runs: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line and len(line) <= _SHORT_LINE:
            run.append(line)
            continue
        if len(run) >= _SHORT_RUN:
            runs.append(" ".join(run))
        run = []
    return runs


def _short_numeric_date(line: str) -> DateMention | None:
    """A dateline of figures with a two-digit year, "29.01.18", which in running text
    is more often a section number and so is no date there."""
    found = _SHORT_NUMERIC_LINE.fullmatch(line.strip())
    if found is None:
        return None
    dates = find_dates(f"{found['d']}/{found['m']}/{found['y']}")
    return dates[0] if dates else None


def _today_date(lines: list[str], text: str) -> DateMention | None:
    for line in lines:
        today = _TODAY.search(line)
        if today is None:
            continue
        dates = [m for m in find_dates(line[today.end():]) if m.precision == "day"]
        if not dates or dates[0].start >= 12:
            continue
        if dates[0].year is not None:
            return dates[0]
        # "published today (Monday 23 May)": the weekday gives the year, the first from the
        # latest the text names in which that day fell on it (``dates.weekday_year``).
        latest = max((m.end_year or m.year for m in find_dates(text) if m.year is not None), default=None)
        year = weekday_year(dates[0], latest)
        if year is not None:
            return dataclasses.replace(dates[0], year=year)
    return None


def _only_date(fragment: str, allow_words: int) -> DateMention | None:
    """The one dated mention in ``fragment`` if little else is there."""
    if len(fragment) > _MAX_DATELINE_CHARS:
        return None  # a paragraph, not a dateline
    if _DIGIT.search(fragment) is None:
        return None  # a dated mention prints its year in figures
    dates = [m for m in find_dates(fragment) if m.year is not None and not m.is_range]
    if len(dates) != 1:
        return None
    mention = dates[0]
    leftover = fragment[:mention.start] + " " + fragment[mention.end:]
    words = [w for w in _DATELINE_NOISE.split(leftover) if w]
    return mention if len(words) <= allow_words else None


# --- kind -------------------------------------------------------------------------

_M = re.MULTILINE
_I = re.IGNORECASE


@dataclass(frozen=True)
class _Signal:
    """A sign of a genre worth ``points``.

    ``keys`` are plain strings one of which the text must hold before the
    slower ``pattern`` is tried (or, with no pattern, that is the whole test);
    they are matched in lower case when the pattern ignores case.
    """

    keys: tuple[str, ...]
    pattern: re.Pattern[str] | None
    points: int
    ignore_case: bool

    def seen(self, text: str, lowered: str) -> bool:
        haystack = lowered if self.ignore_case else text
        if not any(key in haystack for key in self.keys):
            return False
        return self.pattern is None or self.pattern.search(text) is not None


def _signal(keys: str, pattern: str | None, points: int, flags: int = 0) -> _Signal:
    return _Signal(tuple(keys.split("|")), re.compile(pattern, flags) if pattern else None, points,
                   ignore_case=not pattern or bool(flags & re.IGNORECASE))


_LETTER_SIGNALS = (
    _signal("Dear", r"^Dear\s+(?:Mr|Mrs|Ms|Miss|Dr|Mx|Professor|Councillor|Cllr|Sir|Madam|[A-Z])", 3, _M),
    _signal("yours", r"^Yours\s+(?:sincerely|faithfully)", 2, _M | _I),
    _signal("majesty", r"\b(?:His|Her)\s+Majesty['’]s\s+(?:Chief\s+)?Inspector", 2, _I),
    _signal("ofsted.gov.uk|gov.uk/ofsted|piccadilly gate|aviation house", None, 2),
    _signal("Ofsted\n", r"^Ofsted[ \t]*$", 2, _M),
    _signal("this letter", r"\bThis\s+letter\s+(?:summarises|sets\s+out|confirms)", 2, _I),
    _signal("visit", r"^(?:Focused|Monitoring)\s+visit\s+(?:to|of)\b", 1, _M | _I),
)
_REPORT_SIGNALS = (
    _signal("inspection of", r"^Inspection\s+of\s+.{0,80}children['’]s\s+(?:social\s+care\s+)?services",
            4, _M | _I),
    _signal("inspection of", r"^Inspection\s+of\s+services\s+for\s+children\s+in\s+need", 4, _M | _I),
    _signal("inspection of",
            r"^(?:Unannounced\s+)?inspection\s+of\s+(?:contact|safeguarding|looked\s+after)", 3, _M | _I),
    _signal("annual performance|joint area|joint targeted",
            r"^(?:Annual\s+performance\s+assessment|Joint\s+area\s+review|Joint\s+targeted\s+area)",
            3, _M | _I),
    _signal("inspection date", r"^Inspection\s+dates?\s*:", 3, _M | _I),
    _signal("overall effectiveness", r"^Overall\s+effectiveness\b", 2, _M | _I),
    _signal("overall judgement", r"\bThe\s+overall\s+judgement\s+is\b", 2, _I),
    _signal("lead inspector", r"^Lead\s+inspector\b", 1, _M | _I),
    _signal("judgement|report published", r"^Judgement\s+Grade\b|^Report\s+published\s*:", 1, _M | _I),
    _signal("needs to improve", r"^What\s+needs\s+to\s+improve\b", 1, _M | _I),
)
_MINUTES_SIGNALS = (
    _signal("Minutes of|MINUTES OF", r"^(?:Draft\s+)?Minutes\s+of\b|^MINUTES\s+OF\b", 4, _M),
    _signal("Present|PRESENT|present:|attendance:|Attendees:",
            r"^(?:Present|PRESENT|Members\s+present|In\s+attendance|Attendees)\s*:", 3, _M),
    _signal("apologies", r"\bApologies\s+for\s+absence\b|^Apologies\s*:", 3, _M | _I),
    _signal("declaration", r"\bDeclarations?\s+of\s+interests?\b", 2, _I),
    _signal("RESOLVED", r"^\s*RESOLVED\b|\bIt\s+was\s+RESOLVED\b", 2, _M),
    _signal("agenda item|matters arising|next meeting",
            r"\b(?:Agenda\s+item|Matters\s+arising|Date\s+of\s+next\s+meeting)\b", 2, _I),
    # A committee site's page for one item: "Minutes:" heads what was said of it.
    _signal("Minutes:|MINUTES:", r"^(?:Minutes|MINUTES)[ \t]*:[ \t]*$", 2, _M),
)
# Numbered agenda items ("1. Apologies", "Item 4 Minutes"): three make a point.
_AGENDA_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}\.|Item[ \t]+\d{1,3})[ \t]+[A-Z]", _M)
_NEWS_SIGNALS = (
    _signal("updated|published",
            r"\b(?:Page\s+last\s+updated|Last\s+updated|Published|Updated)\b.{0,40}\d{4}", 1, _I),
    _signal("Cllr|Councillor", r"\b(?:Cllr|Councillor)\s+[A-Z]", 1),
    _signal("By ", r"^By\s+[A-Z][a-z]+\s+[A-Z]", 1, _M),
    _signal("©|Copyright|COPYRIGHT",
            r"(?:Copyright|COPYRIGHT|©)[^\n]{0,20}\b(?:BBC|Archant|Newsquest|Reach|Guardian|Media|News)", 2),
)
_SIGN_OFF = re.compile(r"^[ \t]*Yours\s+(?:sincerely|faithfully)\b", _M | _I)
_SAID = re.compile(r"\b(?:said|says|added|told)\b|\baccording\s+to\b")
_OFSTED = re.compile(r"\bOfsted\b|Majesty['’]s\s+Inspector")


def _score(text: str, lowered: str, signals: tuple[_Signal, ...]) -> int:
    return sum(signal.points for signal in signals if signal.seen(text, lowered))


def _news_score(text: str, lowered: str, lines: list[str]) -> int:
    score = _score(text, lowered, _NEWS_SIGNALS)
    said = len(_SAID.findall(text))
    # Reported speech is what makes a story: two attributions at least.
    score += 3 if said >= 4 else 2 if said >= 2 else 0
    head = [line for line in lines[:2] if not _is_dateline(line)]
    if head and _headline_like(head[0]):
        score += 1
    return score


def detect_kind(text: str, lines: list[str] | None = None) -> str:
    """ofsted_letter, ofsted_report, minutes, news or other."""
    lines = _lines(text) if lines is None else lines
    lowered = text.lower()
    letter = _score(text, lowered, _LETTER_SIGNALS)
    report = _score(text, lowered, _REPORT_SIGNALS)
    minutes = _score(text, lowered, _MINUTES_SIGNALS)
    if len(_AGENDA_ITEM.findall(text)) >= 3:
        minutes += 1
    news = _news_score(text, lowered, lines)
    from_ofsted = _OFSTED.search(text) is not None
    # A letter copied without its address block still ends "Yours sincerely".
    has_salutation = _DEAR.search(text) is not None or _SIGN_OFF.search(text) is not None
    # An Ofsted letter is a letter (a salutation or sign-off) and from Ofsted or an inspector.
    if not (from_ofsted and has_salutation):
        letter = min(letter, _MIN_KIND_SCORE - 1)
    if has_salutation:
        report -= 2  # a letter reporting a visit uses a report's words
    if not from_ofsted:
        report = min(report, _MIN_KIND_SCORE - 1)
    # Ties go to the more specific genre, in this order.
    scored = [("ofsted_letter", letter), ("ofsted_report", report), ("minutes", minutes), ("news", news)]
    best, score = max(scored, key=lambda item: item[1])
    return best if score >= _MIN_KIND_SCORE else "other"


# --- title ------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"^(?:skip\s+to\b|menu$|search$|home$|news$|share\b|sign\s+in|log\s*in|subscribe|"
    r"advertisement|cookies?\b|accept\b|print\s+sponsor|related\b|most\s+read|you\s+may\s+also|"
    r"contents$|page\s+\d+|\d+$|image\s+(?:copyright|caption|source)|listen\b|watch\b)",
    re.IGNORECASE,
)
_REPORT_HEADING = re.compile(
    r"^(?:(?:Unannounced\s+)?Inspection\s+of|Joint\s+(?:area\s+review|targeted\s+area\s+inspection)|"
    r"Annual\s+performance\s+assessment|Focused\s+visit|Monitoring\s+visit|Review\s+of)\b",
    re.IGNORECASE,
)
_TRAILING_JOINER = re.compile(r"\s*(?:\band\b|&|,)\s*$")


def detect_title(text: str, kind: str | None = None, lines: list[str] | None = None) -> str | None:
    """A letter's subject line, a report's main heading, or a headline first line."""
    lines = _lines(text) if lines is None else lines
    kind = detect_kind(text, lines) if kind is None else kind
    if kind == "ofsted_letter":
        title = _letter_subject(lines)
        if title:
            return title
    if kind in OFSTED_KINDS:
        title = _report_heading(lines)
        if title:
            return title
    return _headline(lines)


# Capitalised names joined by "&" or "and" and nothing else: a site's regional section
# ("Birmingham & Black Country", "Coventry & Warwickshire") names a region, not the story.
_SECTION_LABEL = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:&|and|[A-Z][\w'’.-]*))*\s+(?:&|and)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_TWO_SENTENCES = re.compile(r"[a-z][.!?]\s+[A-Z]")
_SERVICE_WORD = re.compile(
    r"\b(?:council|services?|children|ofsted|inspect\w*|care|report|rated|judged|good|outstanding|"
    r"inadequate|improvement|poor|adequate)\b", re.IGNORECASE,
)


def _headline_like(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    if line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
        return False
    if _BOILERPLATE.match(line) or _is_dateline(line) or "@" in line or "://" in line:
        return False
    if _TWO_SENTENCES.search(line):
        # A headline is one sentence; two are a site's notice ("You are viewing content from
        # Radio Exe Plymouth. Would you like to make this your preferred location?").
        return False
    return sum(ch.isalpha() for ch in line) >= len(line) // 2


def _is_dateline(line: str) -> bool:
    return (
        _labelled_date([line], _PUBLISHED_LABEL, _PUBLISHED_KEYS) is not None
        or _labelled_date([line], _DATE_LABEL, ("date",)) is not None
        or _labelled_date([line], _UPDATED_LABEL, _UPDATED_KEYS) is not None
        or _only_date(line, allow_words=0) is not None
    )


def _headline(lines: list[str]) -> str | None:
    for line in lines[:_HEAD_LINES]:
        if _SECTION_LABEL.match(line) and not _SERVICE_WORD.search(line):
            continue  # a news site's section above the headline: "Birmingham & Black Country"
        if _headline_like(line):
            return line
        if _BOILERPLATE.match(line) or _is_dateline(line) or len(line.split()) < 3:
            continue  # furniture above the headline
        return None  # the text starts with a paragraph: no headline printed
    return None


def _letter_subject(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:_LETTER_HEAD_LINES]):
        if _DEAR.match(line):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            return following if _headline_like(following) else None
    return None


def _report_heading(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:_LETTER_HEAD_LINES]):
        if not _REPORT_HEADING.match(line):
            continue
        title = line
        # PDF text breaks long headings over lines; a lower-case start continues it.
        for following in lines[i + 1:i + 3]:
            if not following[:1].islower() or len(title) + len(following) > _MAX_TITLE_CHARS:
                break
            title = f"{title} {following}"
        title = _TRAILING_JOINER.sub("", title)
        if len(title.split()) >= 3 and len(title) <= _MAX_TITLE_CHARS and not title.endswith("."):
            return title
    return None


# --- publisher --------------------------------------------------------------------

_COPYRIGHT = re.compile(
    # "©" alone, or "Copyright"/"(c)" before "©" or a year ("(c) the council..." is a list item).
    r"(?:©|(?:\bCopyright\b|\([cC]\))(?=\s*(?:©|(?:19|20)\d\d)))(?:\s*(?:©|Copyright\b)){0,3}\s*"
    r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?[\s,]*)?"
    r"(?P<name>[A-Z][\w&'’.\- ]{0,60}?)"
    r"\s*(?=[.,;|]\s|[.,;|]?$|\s+(?:All\s+rights|\d{4}|is\s|and\s|-\s))",
)
_MAX_COPYRIGHT_LINE = 400
_NOT_PUBLISHERS = re.compile(r"^(?:Crown(?:\s+copyright)?|Copyright|All\s+rights.*|The)$", re.IGNORECASE)


def detect_publisher(text: str, kind: str | None = None) -> str | None:
    """"Ofsted" for its letters and reports, else the holder of a copyright line."""
    kind = detect_kind(text) if kind is None else kind
    if kind in ("ofsted_letter", "ofsted_report"):
        return "Ofsted"
    if "©" not in text and "opyright" not in text and "(c)" not in text.lower():
        return None
    for line in text.splitlines():
        # A copyright notice is a short line; long ones are prose (or noise).
        if len(line) > _MAX_COPYRIGHT_LINE or not ("©" in line or "opyright" in line or "(c)" in line.lower()):
            continue
        for match in _COPYRIGHT.finditer(line):
            name = match["name"].strip(" .-")
            if name and not _NOT_PUBLISHERS.match(name):
                return name
    return None
