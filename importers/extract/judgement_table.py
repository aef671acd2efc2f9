"""The judgement table on the first page of an Ofsted report, read from clean text.

Reports print their judgements as a table (ILACS: "Judgement / Grade", one row
per area, "Overall effectiveness" last; SIF: numbered rows "1.", "2.", "2.1",
"2.2", "3." between "The overall judgement is ..." and the LSCB's judgement).
Extracted text shows that table in many shapes, and this reads them all:

* a label wrapped over several lines, the grade on a line of its own or at
  the end of the label's last line ("Overall effectiveness Good");
* a grade split over lines ("Requires improvement" / "to be good", or
  "Requires" / "improvement");
* rows separated by blank lines or not.

Each row is one judgement fact, dated by the inspection the report is about
("Inspection dates: 13 to 24 February 2023"), never by its publication. The
span is the grade as printed. Rows must name a judgement area
(``importers.vocabulary``) and nothing much else, so prose is never read as a
table. Only the head of the document is searched: the table is on page one.

Two more sources of a report's grades are read here: the headline under the
title ("Children's services in Lancashire are inadequate"), the overall grade of
SIF reports whose table has no overall row (``find_headline``); and a
re-inspection report's list of the previous inspection's grades, dated to that
inspection's year (``previous_judgement_facts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from importers.extract.dates import DateMention, find_dates
from importers.extract.scan import matches_at_cues
from importers.model import Fact
from importers.vocabulary import RATING_WORDS, era_for, find_areas, grade_of, normalise_rating

__all__ = [
    "TableRow", "extract", "find_headline", "find_judgement_table", "inspection_period", "judgement_facts",
    "label_area",
    "own_judgement_facts",
    "previous_judgement_facts",
]

# The table sits on the first page; the inspection dates above it.
HEAD = 8000
_DATES_HEAD = 4000
PREVIOUS_REACH = 20000  # "Previous Ofsted inspections" is in "Information about this local authority area"

_RATING = rf"(?P<rating>\b{RATING_WORDS})"
# A row from the start of a line: up to four label lines, then a grade that
# ends its line. Labels hold no full stop but a SIF row number's ("2.1"),
# which keeps prose out.
_ROW = re.compile(
    r"(?P<label>(?:\d(?:\.\d)?\.?[ \t]+)?[^\n.]*?(?:\n[^\n.]*?){0,3}?)"
    rf"[ \t]*{_RATING}[ \t]*(?=\n|$)",
    re.IGNORECASE,
)
_TABLE_HEADER = re.compile(r"^[ \t]*judgements?[ \t]+grades?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# Where a table without its header row may begin.
_ROW_START = re.compile(
    r"^[ \t]*(?:1\.?[ \t]+\S|the[ \t]+impact[ \t]+of[ \t]+leaders|the[ \t]+experiences[ \t]+and"
    r"|overall[ \t]+effectiveness)",
    re.IGNORECASE | re.MULTILINE,
)
_NUMBER = re.compile(r"^(?P<number>\d(?:\.\d)?)\.?\s+")
# SIF first pages state the overall and the LSCB's judgement in a sentence.
_OVERALL_STATEMENT = re.compile(
    rf"^[ \t]*(?P<label>the[ \t]+overall[ \t]+judgement[ \t]+is)[ \t]+{_RATING}[ \t]*\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LSCB_STATEMENT = re.compile(
    r"^[ \t]*(?P<label>the\s+effectiveness\s+of\s+the\s+(?:local\s+safeguarding\s+children\s+board"
    rf"(?:\s*\(LSCB\))?|LSCB)(?:\s+is)?)\s+{_RATING}[ \t]*\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_STATEMENT_REACH = 1500  # how far above the numbered rows the overall sentence may stand
# The headline under the title on page one of a report (2014-2018 single
# inspections; reports and letters since repeat it in their summary): "Children's
# services in Lancashire are inadequate", "Children's services in Brent require
# improvement to be good", "The overall judgement is that children's services
# are good" (2014), "... that children's service requires improvement". The grade
# may wrap onto the next line, so the words between are whitespace of any kind.
_APOS = r"['’]"
_HEADLINE = re.compile(
    rf"^[ \t]*(?P<label>(?:the\s+overall\s+judgement\s+is\s+that\s+)?children{_APOS}s\s+services?"
    r"(?:\s+in\s+[A-Z][^\n.,;:]{0,80}?)?\s+(?:are|is|requires?)(?=\s))"
    r"\s+(?:(?:rated|judged)\s+(?:as\s+|to\s+be\s+)?)?"
    r"(?P<rating>outstanding|good|inadequate|adequate|improvement(?:\s+to\s+be\s+good)?)"
    r"[ \t]*\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADLINE_HEAD = 2500  # the headline stands on page one, above or beside the table
# A re-inspection report lists the previous inspection's grades under "Previous
# Ofsted inspections": "The previous single inspection ... was published in
# September 2015. The judgements for the local authority were: – Overall
# effectiveness: inadequate – Children who need help and protection: ...".
# They are that inspection's, dated by the year of the sentence introducing them
# (only the year: the month is its publication's).
_PREVIOUS_LIST = re.compile(
    r"\b(?:previous|last)\b[^.\n]{0,160}?\binspection\b[^.\n]{0,160}?\.\s+"
    r"the\s+judgements?\s+(?:for|of|on)\s+the\s+local\s+authority\s+(?:were|was)\s*:",
    re.IGNORECASE,
)
# The words the introduction opens on: _PREVIOUS_LIST is tried only where one starts.
_PREVIOUS_CUES = ("previous", "last")
_PREVIOUS_ITEM = re.compile(
    rf"[ \t]*[–—•■▪-][ \t]*(?P<label>[^:\n]{{3,160}}):[ \t]*{_RATING}[ \t]*[.;]?[ \t]*(?:\n|$)",
    re.IGNORECASE,
)
# The label may end a line it does not begin where the page's text joined a title's wrapped
# last word to it ("Review of the effectiveness of the Local Safeguarding Children Board
# Inspection date: 15 June 2015 – 17 June 2015"): there its colon is required.
_DATES_LINE = re.compile(
    r"^[ \t]*(?:inspection|visit)[ \t]+dates?[ \t]*:?[ \t]*(?P<dates>[^\n]+)$"
    r"|^[ \t]*dates?[ \t]+of[ \t]+(?:the[ \t]+)?(?:inspection|visit)[ \t]*:?[ \t]*(?P<dates2>[^\n]+)$"
    r"|(?<=\w)[ \t]+(?:inspection|visit)[ \t]+dates?[ \t]*:[ \t]*(?P<dates3>[^\n]+)$",
    re.IGNORECASE | re.MULTILINE,
)
# Letters state the dates in their first sentence: "... focused visit to X on 11 and 12 February 2025."
_DATES_SENTENCE = re.compile(
    r"\b(?:visit|inspection)\b[^.\n]{0,160}?\b(?:on|between|from)[ \t]+(?=\d)", re.IGNORECASE
)
# Councils' pages and minutes set the days first: "Between 3 and 7 June 2024, Ofsted completed
# an Inspection of Local Authority Children's Services (ILACS) in Suffolk", "It was reported
# that between 10 and 21 October 2022 a full inspection of Children's Services in
# Darlington was completed by Ofsted".
_DAYS_BEFORE_INSPECTION = re.compile(
    r"\b(?:on|between|from)[ \t]+(?=\d{1,2}\b[^.\n]{0,40}?\b(?:19|20)\d\d\b[^.\n]{0,80}?\b(?:inspection|visit)\b)",
    re.IGNORECASE,
)
# Words a label may hold besides the area's name ("The graded judgement for ... is").
_FILLER = frozenset(
    "the a and of is are for graded judgement judgment effectiveness experiences progress lscb".split()
)
_WORDS = re.compile(r"[^\W\d_]+")
_MAX_LEFTOVER = 2


@dataclass(frozen=True)
class TableRow:
    label_start: int
    label_end: int
    start: int  # the grade as printed
    end: int
    label: str  # whitespace collapsed, without its row number
    area: str
    number: str | None  # SIF row number ("2.1")


def label_area(label: str) -> str | None:
    """The area a table label or section heading names, or None if it is not one.

    The label must be the area's name and little else: "The experiences and
    progress of children in care" is; "Children in care were supported" is not.
    """
    label = " ".join(label.split()).rstrip(" :")
    if not label or len(label) > 160:
        return None
    if re.fullmatch(r"(?:the\s+)?overall\s+(?:judgement|effectiveness)(?:\s+is)?", label, re.IGNORECASE):
        return "overall"
    mentions = find_areas(label)
    if not mentions:
        return None
    leftover = label
    for mention in reversed(mentions):
        leftover = leftover[: mention.start] + " " + leftover[mention.end:]
    words = [w for w in _WORDS.findall(leftover.lower()) if w not in _FILLER]
    if len(words) > _MAX_LEFTOVER:
        return None
    heading = next((m for m in mentions if m.heading), mentions[0])
    return heading.area


def _row_at(text: str, pos: int, stop: int) -> TableRow | None:
    match = _ROW.match(text, pos, stop)
    if match is None:
        return None
    raw_label = match.group("label")
    label = " ".join(raw_label.split())
    number = None
    numbered = _NUMBER.match(label)
    if numbered:
        number = numbered.group("number")
        label = label[numbered.end():]
    area = label_area(label)
    if area is None or label.endswith(":"):
        return None
    start = match.start("label") + (len(raw_label) - len(raw_label.lstrip()))
    end = match.start("label") + len(raw_label.rstrip())
    return TableRow(start, end, match.start("rating"), match.end("rating"), label, area, number)


def _next_line(text: str, pos: int, stop: int) -> int:
    """The start of the next non-blank line at or after ``pos``."""
    while pos < stop:
        line_end = text.find("\n", pos, stop)
        line_end = stop if line_end < 0 else line_end
        if text[pos:line_end].strip():
            return pos
        pos = line_end + 1
    return stop


def _rows_from(text: str, pos: int, stop: int) -> list[TableRow]:
    rows: list[TableRow] = []
    while pos < stop:
        pos = _next_line(text, pos, stop)
        row = _row_at(text, pos, stop)
        if row is None:
            break
        rows.append(row)
        pos = row.end
    return rows


def find_judgement_table(text: str) -> list[TableRow]:
    """The rows of the document's judgement table, in printed order; [] if it has none."""
    if not isinstance(text, str):
        return []
    return list(_table_rows(text))


# A PDF's reader (``importers.pdf_report``) and this rule read the same report's table, dates
# and earlier grades: cached on the text (rows and dates are frozen), each is read once.
@lru_cache(maxsize=8)
def _table_rows(text: str) -> tuple[TableRow, ...]:
    stop = min(len(text), HEAD)
    header = _TABLE_HEADER.search(text, 0, stop)
    rows: list[TableRow] = []
    if header:
        rows = _rows_from(text, header.end(), stop)
    if not rows:
        # No header row: the first run of two or more rows that begins a line.
        for candidate in _ROW_START.finditer(text, 0, stop):
            found = _rows_from(text, candidate.start(), stop)
            if len(found) >= 2:
                rows = found
                break
    if rows and any(row.number for row in rows):
        rows = _with_statements(text, rows)
    return tuple(rows)


def _with_statements(text: str, rows: list[TableRow]) -> list[TableRow]:
    """Add the SIF sentences stating the overall and the LSCB's judgement."""
    before = _last(_OVERALL_STATEMENT, text, max(0, rows[0].label_start - _STATEMENT_REACH), rows[0].label_start)
    # The LSCB's sentence is the line right after the rows.
    after = _LSCB_STATEMENT.match(text, _next_line(text, rows[-1].end, len(text)))
    extra = []
    for match, area in ((before, "overall"), (after, "lscb")):
        if match is not None and all(row.area != area for row in rows):
            extra.append(TableRow(
                match.start("label"), match.end("label"), match.start("rating"), match.end("rating"),
                " ".join(match.group("label").split()), area, None,
            ))
    return sorted(rows + extra, key=lambda row: row.start)


def find_headline(text: str) -> TableRow | None:
    """The page-one sentence stating the overall judgement ("Children's services in X are good"), or None.

    "require improvement" is read whole: the row's grade starts at "require".
    """
    if not isinstance(text, str):
        return None
    match = _HEADLINE.search(text, 0, min(len(text), _HEADLINE_HEAD))
    if match is None:
        return None
    start = match.start("rating")
    label = match.group("label")
    if match.group("rating").lower().startswith("improvement"):
        start = match.start("label") + max(label.lower().rfind("require"), 0)
        label = label[: start - match.start("label")]
    label_start = match.start("label")
    return TableRow(label_start, label_start + len(label.rstrip()), start, match.end("rating"),
                    " ".join(label.split()), "overall", None)


def _last(pattern: re.Pattern[str], text: str, start: int, stop: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start, stop):
        pass
    return found


def inspection_period(text: str) -> DateMention | None:
    """The dates of the inspection (or visit) the document reports, as printed in its head.

    Reports print "Inspection dates: 13 to 24 February 2023" (or one date);
    letters open with "... the focused visit to X on 11 and 12 February 2025"; councils'
    pages with "Between 3 and 7 June 2024, Ofsted completed an Inspection ...".
    """
    if not isinstance(text, str):
        return None
    return _inspection_period(text)


@lru_cache(maxsize=8)
def _inspection_period(text: str) -> DateMention | None:
    stop = min(len(text), _DATES_HEAD)
    line = _DATES_LINE.search(text, 0, stop)
    if line:
        group = next(name for name in ("dates", "dates2", "dates3") if line.group(name) is not None)
        mention = _first_date(text, line.start(group), line.end(group))
        if mention is not None:
            return mention
    sentence = _DATES_SENTENCE.search(text, 0, stop)
    if sentence:
        end = text.find("\n", sentence.end(), stop)
        return _first_date(text, sentence.end(), stop if end < 0 else end)
    days = _DAYS_BEFORE_INSPECTION.search(text, 0, stop)
    if days:
        end = text.find("\n", days.end(), stop)
        # (read from "Between", which makes "3 and 7 June 2024" one range)
        mention = _first_date(text, days.start(), stop if end < 0 else end)
        return mention if mention is not None and mention.day is not None and mention.start <= days.end() else None
    return None


def _first_date(text: str, start: int, end: int) -> DateMention | None:
    for mention in find_dates(text[start:end]):
        if mention.precision == "day" or mention.is_range:
            return DateMention(
                mention.start + start, mention.end + start, mention.year, mention.month, mention.day,
                mention.precision, mention.text, mention.end_year, mention.end_month, mention.end_day,
            )
    return None


# How much each kind of row weighs: ``importers.model.JUDGEMENT_EVIDENCE``.
_EVIDENCE = {"table": "table", "section": "table", "headline": "headline", "previous": "text"}


def judgement_facts(
    text: str, rows: list[TableRow], period: DateMention | None, authority: str | None, source: str = "table",
) -> list[Fact]:
    """Judgement facts for ``rows`` (table rows, section headings or the headline), dated by ``period``.

    ``year``/``month``/``day`` are the inspection's first day and ``end_*`` its
    last; ``era`` is the SIF for numbered rows or an LSCB judgement, else ILACS,
    as ``importers.vocabulary.era_for`` confirms for the year.
    """
    year, month, day = (period.year, period.month, period.day) if period else (None, None, None)
    sif = any(row.number for row in rows) or any(row.area == "lscb" for row in rows)
    era = era_for(year, "SIF" if sif else "ILACS", month) if year else ("sif" if sif else "ilacs")
    facts = []
    for row in rows:
        rating_text = text[row.start:row.end]
        rating = normalise_rating(rating_text)
        if rating is None:
            continue
        facts.append(Fact("judgement", (row.start, row.end), {
            "authority": authority,
            "year": year, "month": month, "day": day,
            "precision": period.precision if period else None,
            "rating": rating,
            "rating_text": rating_text,
            "grade": grade_of(rating),
            "area": row.area,
            "era": era,
            "event_type": "inspection",
            "date_source": "text",
            "end_year": period.end_year if period else None,
            "end_month": period.end_month if period else None,
            "end_day": period.end_day if period else None,
            "label": row.label,
            "source": source,
            # A section heading restates its row of the table ("The experiences
            # and progress of children in care: good"), and is the only place
            # some reports print the LSCB's grade.
            "evidence": _EVIDENCE[source],
        }))
    return facts


def extract(text: str, ctx: object = None) -> list[Fact]:
    """Judgement facts for the document's judgement table (rule-module interface)."""
    rows = find_judgement_table(text)
    authority = getattr(ctx, "authority", None)
    return own_judgement_facts(text, rows, inspection_period(text), authority) + previous_judgement_facts(
        text, authority)


def previous_judgement_facts(text: str, authority: str | None) -> list[Fact]:
    """The previous inspection's grades a re-inspection report lists, dated by their own year."""
    if not isinstance(text, str):
        return []
    facts: list[Fact] = []
    for intro in _previous_lists(text):
        years = {d.year for d in find_dates(intro.group()) if d.year}
        if len(years) != 1:
            continue
        (year,) = years
        rows = []
        pos = _next_line(text, intro.end(), len(text))
        while (item := _PREVIOUS_ITEM.match(text, pos)) is not None:
            area = label_area(item.group("label"))
            if area is not None:
                rows.append(TableRow(item.start("label"), item.end("label"), item.start("rating"),
                                     item.end("rating"), " ".join(item.group("label").split()), area, None))
            pos = _next_line(text, item.end(), len(text))
        year_only = DateMention(intro.start(), intro.end(), year, None, None, "year", str(year))
        for fact in judgement_facts(text, rows, year_only, authority, source="previous"):
            facts.append(Fact(fact.type, fact.span, {**fact.fields, "era": era_for(year, fact.get("rating_text"))}))
    return facts


@lru_cache(maxsize=8)
def _previous_lists(text: str) -> tuple[re.Match[str], ...]:
    """The sentences that introduce a list of the previous inspection's grades (a costly scan)."""
    return tuple(matches_at_cues(_PREVIOUS_LIST, text, _PREVIOUS_CUES, end=PREVIOUS_REACH))


def own_judgement_facts(
    text: str, rows: list[TableRow], period: DateMention | None, authority: str | None,
) -> list[Fact]:
    """The report's own grades: its table's rows, and its headline where the table has no overall row."""
    facts = judgement_facts(text, rows, period, authority)
    headline = find_headline(text)
    if headline is not None and all(row.area != "overall" for row in rows):
        facts += judgement_facts(text, [headline], period, authority, source="headline")
    return facts
