"""Read an Ofsted report or letter's structure from its clean text.

``read_report(text, furniture)`` works on the re-flowed text
``importers.pdf_layout`` produces (and on a report saved as plain text). It
finds what the document states about itself and what its structure reveals:

* metadata: title, kind (report or letter), publisher, authority, the date
  printed as the publication date (SIF reports and letters print one; ILACS
  reports do not, and the inspection's end is not a publication date), the
  inspection type (in ``importers.extract.inspections.INSPECTION_TYPES``'
  words: an ILACS inspection of a week on site is "short inspection", of two
  "standard inspection"; a SIF inspection is "inspection"), its dates, the lead
  inspector and the team, and ``sections``: where each body section about an
  area begins and ends;
* facts: the judgement table (``importers.extract.judgement_table``), the
  body sections' own judgements ("The experiences and progress of children in
  care: good"), the document's own inspection, and each item under "What needs
  to improve?" (or "Areas for improvement", "Areas for priority action")
  linked to the section it sits in;
* boilerplate that is not the report's own words (the contents page, "What the
  inspection judgements mean", Ofsted's back page), returned as ranges to be
  treated as furniture, so generic sentences such as "A local authority that is
  inadequate ..." are never read as judgements.

Judgement facts carry ``source`` ("table", "section", "headline" for the
page-one sentence stating the overall grade, or "previous" for a re-inspection
report's list of the previous inspection's grades, dated to that year) and
``label`` (the area's name as printed) besides their ``FACT_FIELDS``; their
``evidence`` is "table" for table rows and section headings, "headline" for the
headline and "text" for the previous inspection's list. Every search is a
compiled pattern over the text or its head, or a lookup of a line's first
word; nothing is quadratic in the document's length.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from importers.authorities import canonical_authority, main_authority
from importers.extract.dates import DateMention, find_dates
from importers.extract.judgement_table import (
    HEAD,
    TableRow,
    find_judgement_table,
    inspection_period,
    judgement_facts,
    label_area,
    own_judgement_facts,
    previous_judgement_facts,
)
from importers.extract.people import INSPECTOR_ABBREVIATIONS, INSPECTOR_RANKS
from importers.extract.scan import lowered as lower_text, search_on_cue_line
from importers.model import Fact
from importers.vocabulary import RATING_WORDS, era_for

__all__ = ["Report", "read_report"]

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_STRIP_SUPERSCRIPTS = str.maketrans("", "", _SUPERSCRIPTS)
_TITLE_HEAD = 1500
_LETTER_HEAD = 3000
_SHORT_INSPECTION_DAYS = 7  # ILACS short inspections are one week on site, standard ones two
_BACK_MATTER_REACH = 8000

_FLAGS = re.IGNORECASE | re.MULTILINE
_APOSTROPHE_S = r"['’]s"

_OFSTED = re.compile(rf"\bOfsted\b|Majesty{_APOSTROPHE_S}\s+Inspector|\bHMI\b")
_DEAR = re.compile(r"^[ \t]*Dear\s+\S[^\n]*$", re.MULTILINE)
_DATES_LINE_START = re.compile(
    r"^[ \t]*(?:inspection|visit)[ \t]+dates?\b"
    r"|^[ \t]*dates?[ \t]+of[ \t]+(?:the[ \t]+)?(?:inspection|visit)\b",
    _FLAGS,
)
# "Report published: 12 May 2015" on its own line, or after the inspection dates on theirs.
_PUBLISHED = re.compile(
    r"(?:^[ \t]*(?:report[ \t]+)?publi(?:shed|cation[ \t]+date)[ \t]*:?|[ \t]report[ \t]+published[ \t]*:)"
    r"[ \t]*(?P<date>[^\n]+)$",
    _FLAGS,
)
_TITLE_WORDS = re.compile(r"\b(?:inspection|visit|review|report)\b", re.IGNORECASE)
# A title naming the review of a Local Safeguarding Children Board, and one naming an
# inspection of the council's services (a SIF report's title names both).
_BOARD_REVIEW_TITLE = re.compile(
    r"\breview\s+of\s+the\s+(?:effectiveness\s+of\s+the\s+)?(?:local\s+safeguarding\s+children\s+board|lscb)\b"
)
_SERVICES_INSPECTION_TITLE = re.compile(
    r"\binspection\s+of\s+(?:\w+\s+){0,6}?(?:services|children|local\s+authority)\b"
)
_TITLE_AUTHORITY = re.compile(
    r"\b(?:inspection|visit)\s+(?:of|to)\s+(?P<name>.+?)\s+(?:local\s+authority\s+)?"
    rf"children{_APOSTROPHE_S}\s+(?:social\s+care\s+)?services",
    re.IGNORECASE,
)

_LEAD = re.compile(r"^[ \t]*lead[ \t]+inspector[ \t]*:[ \t]*(?P<names>[^\n]+)$", _FLAGS)
_TEAM = re.compile(r"^[ \t]*(?:team|other)[ \t]+inspectors?[ \t]*:[ \t]*(?P<names>[^\n]+(?:\n[^\n]+)*)", _FLAGS)
_VISIT_TEAM = re.compile(
    rf"(?:Majesty{_APOSTROPHE_S}\s+Inspectors?|inspectors?)\s+for\s+this\s+(?:visit|inspection)\s+"
    r"(?:was|were)\s+(?P<names>[^.\n]+)"
    rf"|carried\s+out\s+by\s+(?:His|Her)\s+Majesty{_APOSTROPHE_S}\s+Inspectors?\s+(?P<names2>[^.\n]+)",
    re.IGNORECASE,
)
# Words every match of _VISIT_TEAM holds; this pattern starts with a letter
# class the search can skip ahead to, so most reports are ruled out quickly.
_VISIT_CUE = re.compile(r"[fc](?:or\s+this\s+(?:visit|inspection)|arried\s+out\s+by)", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^[ \t]*Yours\s+(?:sincerely|faithfully)[ \t,]*\n\s*(?P<name>[^\n]+)\n"
    rf"[ \t]*(?:His|Her)\s+Majesty{_APOSTROPHE_S}\s+Inspector",
    _FLAGS,
)
# Titles that follow an inspector's name, perhaps after a rank: "HMI", "Senior HMI", "His Majesty's
# Inspector", "Ofsted Inspector", "AI" (associate) and "SCRI" (social care regulatory inspector).
_TITLES = re.compile(
    rf",?\s*\(?(?:{INSPECTOR_RANKS}\s+)*(?:{INSPECTOR_ABBREVIATIONS}|(?:His|Her)\s+Majesty{_APOSTROPHE_S}\s+Inspectors?|Ofsted\s+Inspectors?"
    r"|social\s+care\s+regulatory\s+inspector)\)?\.?\s*$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3}$")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")

_RATING_AT_END = re.compile(rf"\b(?P<rating>{RATING_WORDS})[ \t]*(?P<stop>\.)?[ \t]*$", re.IGNORECASE)
_RATING_REACH = 45  # the longest written grade with its spacing, and some
# A grade printed over two lines: "... care leavers: requires improvement to be" / "good".
_GRADE_HEAD = re.compile(r"\bimprovement(?:[ \t]+to)?(?:[ \t]+be)?[ \t]*\n$", re.IGNORECASE)
_GRADE_TAIL = re.compile(r"[ \t]*(?:(?:to[ \t]+)?be[ \t]+)?good[ \t]*", re.IGNORECASE)
# Every written grade ends with one of these words.
_RATING_ENDINGS = ("good", "outstanding", "improvement", "adequate", "excellent", "poor", "well",
                   "poorly", "adequately", "excellently")

_IMPROVE_HEADING = re.compile(
    r"^[ \t]*(?P<heading>what\s+needs\s+to\s+improve(?:\s+in\s+[^\n?.]{1,60})?\??"
    r"|what\s+does\s+the\s+local\s+authority\s+need\s+to\s+improve\??"
    r"|areas?\s+for\s+(?P<priority>priority\s+action|improvement|development)s?)"
    rf"[ \t]*[{_SUPERSCRIPTS}]*[ \t]*$",
    _FLAGS,
)
_LIST_MARKS = "•◼◾▪■●○◦►▸➢❖✓✔⇒·*–—-"
_LIST_ITEM = re.compile(rf"[ \t]*[{_LIST_MARKS}]")
_ITEM_MARK = re.compile(rf"[ \t]*(?:[{_LIST_MARKS}]|\d{{1,3}}[.)]|\(?[a-z]\))[ \t]+")
_MAX_ITEMS = 40

# Ofsted's back page opens with one of these.
_BACK_MATTER = re.compile(
    r"^[ \t]*(?:any\s+complaints\s+about\s+the\s+inspection\s+or\s+the\s+report"
    r"|the\s+office\s+for\s+standards\s+in\s+education,\s+children['’]s\s+services\s+and\s+skills"
    r"\s+\(ofsted\)\s+regulates"
    r"|if\s+you\s+would\s+like\s+a\s+copy\s+of\s+this\s+document\s+in\s+a\s+different\s+format)",
    _FLAGS,
)
# The heading, not its line in the contents ("What the inspection judgements mean 47"),
# which would make the whole report look like Ofsted's standard wording.
_MEANINGS = re.compile(r"^[ \t]*what\s+the\s+inspection\s+judgements\s+mean\b[^\n\d]*$", _FLAGS)
_PART = re.compile(r"^[ \t]*section\s+\d+\b[^\n]*$", _FLAGS)
# The report's own closing section (its inspection team), which follows the judgement
# definitions unnumbered in many 2014-15 reports; the heading alone on its line, so the
# contents page's "Information about this inspection 49" is not it.
_ABOUT_INSPECTION = re.compile(r"^[ \t]*information\s+about\s+this\s+inspection[ \t]*$", _FLAGS)
_CONTENTS = re.compile(r"^[ \t]*contents[ \t]*$", _FLAGS)
_CONTENTS_LINE = re.compile(r"[ \t]*[^\n]{3,120}?[ \t.]\d{1,3}[ \t]*(?:\n|$)")


@dataclass
class Report:
    meta: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Section:
    heading: TableRow
    end: int


def read_report(text: str, furniture: list[tuple[int, int]] | None = None) -> Report:
    """Metadata, layout facts and boilerplate ranges of an Ofsted document's text.

    ``furniture`` (running headers, page numbers) is stepped over: a list of
    improvements goes on across a page break.
    """
    report = Report()
    if not isinstance(text, str) or not text.strip():
        return report
    letter = _DEAR.search(text, 0, min(len(text), _LETTER_HEAD))
    period = inspection_period(text)
    rows = find_judgement_table(text)
    title = _letter_subject(text, letter) if letter else _report_title(text)
    # A letter's head is Ofsted's own address (in Manchester): read on from "Dear".
    authority = _authority(text[letter.end():] if letter else text, title)
    meta: dict[str, Any] = {"title": title, "authority": authority}
    if _OFSTED.search(text) and (letter or period or rows):
        meta["kind"] = "ofsted_letter" if letter else "ofsted_report"
        meta["publisher"] = "Ofsted"
    else:
        report.meta = {k: v for k, v in meta.items() if v}
        return report

    lowered = lower_text(text)  # made once: the import's text rules read it too
    report.boilerplate = _boilerplate(text, lowered)
    sections = _sections(text, rows, report.boilerplate)
    lead, team = _inspectors(text, lowered)
    kind = _inspection_type(title, rows, period, letter is not None)
    published = _published(text, letter)
    meta.update({
        "published": published.iso if published else None,
        "inspection_type": kind,
        "inspection_start": period.iso if period else None,
        "inspection_end": (period.end_iso or period.iso) if period else None,
        "lead_inspector": lead,
        "inspectors": team,
        "sections": [
            {"area": s.heading.area, "start": s.heading.label_start, "end": s.end} for s in sections
        ],
    })
    report.meta = {k: v for k, v in meta.items() if v}

    facts = own_judgement_facts(text, rows, period, authority) + previous_judgement_facts(text, authority)
    facts += judgement_facts(text, [s.heading for s in sections], period, authority, source="section")
    if period is not None:
        era = next((f.get("era") for f in facts), None) or era_for(period.year, title or "", period.month)
        facts.append(_inspection_fact(text, period, authority, kind, lead, team, era))
    facts += _improvements(text, lowered, sections, report.boilerplate, sorted(furniture or []))
    report.facts = sorted(facts, key=lambda f: (f.span[0], f.span[1], f.type))
    return report


# --- title, authority, dates --------------------------------------------------


def _paragraphs(text: str, start: int, stop: int) -> list[str]:
    pieces = text[start:stop].split("\n\n")
    return [" ".join(p.split()).translate(_STRIP_SUPERSCRIPTS) for p in pieces if p.strip()]


def _report_title(text: str) -> str | None:
    """The heading lines above "Inspection dates:", as one title."""
    head = min(len(text), _TITLE_HEAD)
    dates = _DATES_LINE_START.search(text, 0, head)
    paragraphs = _paragraphs(text, 0, dates.start() if dates else head)[:4]
    if not dates:
        paragraphs = paragraphs[:1]
    paragraphs = [p for p in paragraphs if len(p) <= 200]
    if not paragraphs:
        return None
    if len(paragraphs) > 1 and not _TITLE_WORDS.search(paragraphs[0]):
        # "Haringey" above "Inspection of children's social care services".
        return f"{paragraphs[0]}: {' '.join(paragraphs[1:])}"
    return " ".join(paragraphs)


def _letter_subject(text: str, dear: re.Match[str]) -> str | None:
    """The subject line under "Dear ...": "Focused visit to Haringey children's services"."""
    following = _paragraphs(text, dear.end(), min(len(text), dear.end() + 400))
    if following and len(following[0]) <= 160 and _TITLE_WORDS.search(following[0]):
        return following[0]
    return None


def _authority(text: str, title: str | None) -> str | None:
    """The council the title names ("Inspection of Haringey local authority ..."), else the text's main one."""
    if title:
        named = _TITLE_AUTHORITY.search(title)
        if named:
            canonical = canonical_authority(named.group("name"))
            if canonical:
                return canonical
    return main_authority(text[:HEAD], title)


def _published(text: str, letter: re.Match[str] | None) -> DateMention | None:
    """The date the document prints as its publication (SIF reports) or a letter's date."""
    # Every match holds "publi" on its line, which most reports' heads never print.
    printed = search_on_cue_line(_PUBLISHED, text, "publi", HEAD)
    if printed:
        dates = find_dates(printed.group("date"))
        if dates:
            return dates[0]
    if letter:
        # The letter's date stands alone on a line above "Dear ...".
        for line in text[:letter.start()].splitlines():
            line = line.strip()
            dates = find_dates(line) if line else []
            if len(dates) == 1 and dates[0].precision == "day" and len(dates[0].text) >= len(line) - 1:
                return dates[0]
    return None


def _inspection_type(
    title: str | None, rows: list[TableRow], period: DateMention | None, letter: bool,
) -> str | None:
    """The type, in the words of ``importers.extract.inspections.INSPECTION_TYPES``."""
    words = (title or "").lower()
    if "focused visit" in words:
        return "focused visit"
    if "monitoring visit" in words:
        return "monitoring visit"
    if "joint targeted area inspection" in words or "jtai" in words:
        return "joint targeted area inspection"
    if letter:
        return None
    # A report on the board alone ("Review of the effectiveness of the local safeguarding
    # children board", its graded rows the board's only, published apart from the council's
    # inspection) is a board review, never the council's inspection.
    if (_BOARD_REVIEW_TITLE.search(words) and not _SERVICES_INSPECTION_TITLE.search(words)) or (
        rows and all(row.area == "lscb" for row in rows)
    ):
        return "review"
    if not rows:
        return None
    if any(row.number for row in rows) or any(row.area == "lscb" for row in rows):
        return "inspection"  # a full inspection under the single inspection framework (SIF)
    days = _days(period)
    if days is None:
        return "inspection"
    return "short inspection" if days <= _SHORT_INSPECTION_DAYS else "standard inspection"


def _days(period: DateMention | None) -> int | None:
    if period is None or not period.is_range or None in (period.year, period.month, period.day):
        return None
    try:
        start = datetime.date(period.year, period.month, period.day)
        end = datetime.date(
            period.end_year or period.year, period.end_month or period.month, period.end_day or period.day
        )
    except ValueError:
        return None
    return (end - start).days + 1


# --- inspectors -------------------------------------------------------------------


def _names(raw: str) -> list[str]:
    raw = " ".join(raw.split()).rstrip(". ")
    names = []
    for part in _NAME_SPLIT.split(raw):
        part = _TITLES.sub("", part.strip()).strip()
        if _NAME.match(part):
            names.append(part)
    return names


def _inspectors(text: str, lowered: str) -> tuple[str | None, list[str]]:
    lead = None
    head = text[: min(len(text), HEAD)]
    found = next(iter(_line_matches(text, _LEAD, ("lead",), lowered=lowered)), None)
    if found:
        names = _names(found.group("names"))
        lead = names[0] if names else None
    team: list[str] = []
    match = next(iter(_line_matches(text, _TEAM, ("team", "other"), lowered=lowered)), None)
    if match:
        team = _names(match.group("names"))
    else:
        visit = _VISIT_TEAM.search(head) if _VISIT_CUE.search(head) else None
        if visit:
            team = _names(visit.group("names") or visit.group("names2"))
    if lead is None:
        signed = next(iter(_line_matches(text, _SIGNATURE, ("yours",), lowered=lowered)), None)
        if signed:
            names = _names(signed.group("name").strip("*_ "))
            lead = names[0] if names else None
    inspectors = ([lead] if lead else []) + [name for name in team if name != lead]
    return lead, inspectors


# --- sections, improvements -------------------------------------------------------


def _sections(text: str, rows: list[TableRow], boilerplate: list[tuple[int, int]]) -> list[_Section]:
    """Body headings that state an area's judgement, each running to the next one."""
    table_end = rows[-1].end if rows else 0
    headings: list[TableRow] = []
    line_start = text.rfind("\n", 0, table_end) + 1
    # Only the end of each line can hold a heading's grade: look just there,
    # and try the pattern only on lines whose last word is a grade's.
    previous_start = line_start
    for line in text[line_start:].split("\n"):
        line_end = line_start + len(line)
        if line[-14:].rstrip(" \t.").lower().endswith(_RATING_ENDINGS):
            # A grade wrapped after "requires improvement to be" is read whole, never as "good".
            start = previous_start if _GRADE_TAIL.fullmatch(line) and _GRADE_HEAD.search(
                text, max(previous_start, line_start - _RATING_REACH), line_start) else line_start
            window = max(start, table_end, line_end - _RATING_REACH)
            match = _RATING_AT_END.search(text, window, line_end)
            if match and not _inside(start, boilerplate):
                heading = _heading(text, start, match)
                if heading is not None:
                    headings.append(heading)
        previous_start, line_start = line_start, line_end + 1
    limits = sorted([start for start, _ in boilerplate if start > table_end] + [len(text)])
    sections = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].label_start if i + 1 < len(headings) else len(text)
        end = min([end] + [limit for limit in limits if limit > heading.end])
        sections.append(_Section(heading, end))
    return sections


def _heading(text: str, line_start: int, match: re.Match[str]) -> TableRow | None:
    label_end = match.start("rating")
    label = text[line_start:label_end]
    if "." in label or _LIST_ITEM.match(label):
        # A heading is never a list item: "– Overall effectiveness: inadequate" is
        # a re-inspection report's list of the previous inspection's grades.
        return None
    area = label_area(label)
    if area is None and line_start > 1 and text[line_start - 2:line_start] != "\n\n":
        # A heading wrapped before its grade: "... who need help and" / "protection: good".
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if "." not in text[previous:line_start]:
            line_start, label = previous, text[previous:label_end]
            area = label_area(label)
    if area is None or (match.group("stop") and area != "lscb"):
        # A line ending in a full stop is a sentence, but for the board's: "The Local Safeguarding
        # Children Board requires improvement." is the only place some reports print its grade.
        return None
    start = line_start + len(label) - len(label.lstrip())
    return TableRow(start, label_end, match.start("rating"), match.end("rating"),
                    " ".join(label.split()).rstrip(" :"), area, None)


def _improvements(
    text: str, lowered: str, sections: list[_Section],
    boilerplate: list[tuple[int, int]], furniture: list[tuple[int, int]],
) -> list[Fact]:
    facts: list[Fact] = []
    for heading in _line_matches(text, _IMPROVE_HEADING, ("what", "area"), lowered=lowered):
        if _inside(heading.start(), boilerplate):
            continue
        at = heading.start()
        area = next((s.heading.area for s in sections if s.heading.label_start <= at < s.end), None)
        priority = (heading.group("priority") or "").lower().startswith("priority")
        for start, end in _items(text, heading.end(), furniture):
            fields = {"text": " ".join(text[start:end].split()), "area": area}
            if priority:
                fields["priority"] = True
            facts.append(Fact("improvement", (start, end), fields))
    return facts


def _items(text: str, pos: int, furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The bulleted or numbered items after a heading, up to the first line that is neither."""
    items: list[list[int]] = []
    open_item = False  # the last item may still run on to the next line
    starts = [start for start, _ in furniture]
    while pos < len(text) and len(items) <= _MAX_ITEMS:
        at = bisect.bisect_right(starts, pos) - 1
        if at >= 0 and pos < furniture[at][1]:
            pos = furniture[at][1]
            continue
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end]
        stripped_end = pos + len(line.rstrip())
        if not line.strip():
            open_item = False
        elif mark := _ITEM_MARK.match(text, pos, line_end):
            items.append([mark.end(), stripped_end])
            open_item = True
        elif open_item:
            items[-1][1] = stripped_end
        else:
            break
        pos = line_end + 1
    return [(start, end) for start, end in items[:_MAX_ITEMS] if end > start]


def _inspection_fact(
    text: str, period: DateMention, authority: str | None, kind: str | None, lead: str | None,
    team: list[str], era: str | None,
) -> Fact:
    """The document's own inspection; its span is the printed dates line ("Inspection dates: ...")."""
    start = period.start
    line_start = text.rfind("\n", 0, start) + 1
    label = _DATES_LINE_START.match(text, line_start)
    if label:
        start = label.start() + len(label.group()) - len(label.group().lstrip())
    return Fact("inspection", (start, period.end), {
        "authority": authority,
        "inspection_type": kind,
        "year": period.year, "month": period.month, "day": period.day,
        "precision": period.precision,
        "end_year": period.end_year, "end_month": period.end_month, "end_day": period.end_day,
        "inspectors": list(team),
        "lead_inspector": lead,
        "subject": True,
        "date_source": "text",
        "era": era,
    })


# --- boilerplate ------------------------------------------------------------------


def _line_matches(
    text: str, pattern: re.Pattern[str], first_words: tuple[str, ...], stop: int | None = None,
    lowered: str | None = None,
) -> list[re.Match[str]]:
    """Matches of a line-start ``pattern`` whose lines open with one of ``first_words``.

    The words are found with ``str.find`` in the lower-cased text and only
    their lines are tried, which is many times faster than letting a
    case-insensitive pattern try every position of a long document.
    """
    stop = len(text) if stop is None else stop
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):
        # Some capitals lower-case to two characters; offsets would drift.
        return list(pattern.finditer(text, 0, stop))
    found: dict[int, re.Match[str]] = {}
    for word in first_words:
        pos = lowered.find(word, 0, stop)
        while pos >= 0:
            line_start = lowered.rfind("\n", 0, pos) + 1
            if not lowered[line_start:pos].strip(" \t") and line_start not in found:
                match = pattern.match(text, line_start, stop)
                if match:
                    found[line_start] = match
            pos = lowered.find(word, pos + len(word), stop)
    return [found[start] for start in sorted(found)]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in ranges)


def _boilerplate(text: str, lowered: str) -> list[tuple[int, int]]:
    """Ranges of Ofsted's standard wording: contents, judgement definitions, back page."""
    ranges: list[tuple[int, int]] = []
    back = _BACK_MATTER.search(text, max(0, len(text) - _BACK_MATTER_REACH))
    back_start = back.start() if back else len(text)
    if back:
        ranges.append((back.start(), len(text)))
    parts = [m.start() for m in _line_matches(text, _PART, ("section",), lowered=lowered)]
    parts += [m.start() for m in _line_matches(text, _ABOUT_INSPECTION, ("information",), lowered=lowered)]
    for meaning in _line_matches(text, _MEANINGS, ("what",), stop=back_start, lowered=lowered):
        end = min([p for p in parts if p > meaning.start()] + [back_start])
        ranges.append((meaning.start(), end))
    head = min(len(text), HEAD)
    contents = next(iter(_line_matches(text, _CONTENTS, ("contents",), stop=head, lowered=lowered)), None)
    if contents:
        pos, end, count = contents.end(), contents.end(), 0
        while pos < len(text):
            while pos < len(text) and text[pos] == "\n":
                pos += 1
            line = _CONTENTS_LINE.match(text, pos)
            if line is None:
                break
            count += 1
            pos = line.end()
            end = pos - 1 if text[pos - 1] == "\n" else pos
        if count >= 2:
            ranges.append((contents.start(), end))
    return sorted(ranges)
