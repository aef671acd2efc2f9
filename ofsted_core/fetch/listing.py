"""Where a council's reports are: its provider page on Ofsted's site, and the national CSV.

Both give, for each report file, Ofsted's file id, a label (the type of report)
and a date. Files are always downloaded from ``files_base`` by id, so a test
that points the bases at a local server reaches nothing else.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from importers.extract.dates import find_dates
from importers.partial_date import PartialDate

__all__ = ["ReportLink", "links_from_csv", "parse_provider_page"]

# Ofsted's report files are served as https://files.ofsted.gov.uk/v1/file/<id>;
# older pages linked /provider/files/<id>/urn/<urn>.pdf. Either way the number is the file's id.
_FILE_ID = re.compile(r"/(?:v1/file|provider/files)/(\d+)(?:[/?#.]|$)")
# Words the site puts in a link's label that are not the report's type: the
# file format and size ("pdf - 12 May 2015", "PDF, 512 KB") and the dash before the date.
_LABEL_NOISE = re.compile(
    r"\b(?:pdf|opens in a new (?:tab|window)|\d+(?:\.\d+)?\s*[km]b)\b|[-–—,|:()]", re.IGNORECASE)


@dataclass(frozen=True)
class ReportLink:
    file_id: str
    label: str  # the report's type as the listing names it ("Children's services inspection")
    date: str | None  # ISO, at the precision given (the listing's publication date)
    urn: str | None = None
    council: str | None = None

    @property
    def year(self) -> int | None:
        date = PartialDate.parse(self.date)
        return date.year if date else None


def file_url(files_base: str, file_id: str) -> str:
    return f"{files_base.rstrip('/')}/v1/file/{file_id}"


def file_id_of(href: str) -> str | None:
    found = _FILE_ID.search(href)
    return found.group(1) if found else None


def parse_provider_page(html: str, page_url: str = "") -> list[ReportLink]:
    """Every link to a report file on a provider page, with its label read as type and date.

    Reads any ``<a href>`` whose address holds a file id, whatever its class or
    nesting; the label is the link's own text (the site puts the type and
    "pdf - 12 May 2015" in it), else the text of the nearest enclosing element
    that has a date (a ``<time>`` beside the link). The same file linked twice
    is listed once.
    """
    import lxml.html

    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found: dict[str, ReportLink] = {}
    for anchor in root.iter("a"):
        href = urljoin(page_url, anchor.get("href") or "")
        file_id = file_id_of(href)
        if file_id is None or file_id in found:
            continue
        text = _text_of(anchor)
        date = _date_in(text)
        context = anchor.getparent()
        for _ in range(3):  # a date beside the link, in its row or list item
            if date is not None or context is None:
                break
            date = _date_in(_text_of(context))
            context = context.getparent()
        found[file_id] = ReportLink(file_id, _label(text), date)
    return list(found.values())


def links_from_csv(text: str) -> list[ReportLink]:
    """The report links of a national history CSV (the data-to-insight scraper's format).

    Rows without a file link are skipped; a row's label comes from its file
    name ("children's services inspection - 12 may 2015.pdf"), its date from
    ``publication_date`` (dd/mm/yy), else from that file name.
    """
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "inspection_link" not in reader.fieldnames:
        return []
    links: dict[str, ReportLink] = {}
    for row in reader:
        file_id = file_id_of(row.get("inspection_link") or "")
        if file_id is None or file_id in links:
            continue
        name = re.sub(r"\.pdf$", "", (row.get("pdf_filename") or "").strip(), flags=re.IGNORECASE)
        date = _dmy(row.get("publication_date") or "") or _date_in(name)
        links[file_id] = ReportLink(file_id, _label(name) or "Report", date,
                                    (row.get("urn") or "").strip() or None,
                                    (row.get("local_authority") or "").strip() or None)
    return list(links.values())


def _text_of(element) -> str:  # type: ignore[no-untyped-def]
    # Each piece of text apart: a link's visible words and its hidden
    # "..., pdf - date" often touch with no space between them.
    return _squash(" ".join(element.itertext()))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _dates(label: str) -> list:
    # Labels and file names are often lower case ("12 may 2015"); a label is
    # no sentence, so "may" there is the month. Capitals keep the offsets.
    return [m for m in find_dates(re.sub(r"\b[a-z]", lambda c: c.group().upper(), label)) if m.year is not None]


def _date_in(text: str) -> str | None:
    """The last whole date in ``text`` (a label's date follows its type)."""
    dated = [m for m in _dates(text) if m.precision == "day"]
    return dated[-1].iso if dated else None


def _label(text: str) -> str:
    """The type of report from a label: the words before its date, noise removed, said once.

    The site writes the type twice, once seen and once for screen readers
    ("Children's services inspection Children's services inspection, pdf - 12 May 2015").
    """
    mentions = _dates(text)
    if mentions:
        text = text[:mentions[0].start]
    words = _squash(_LABEL_NOISE.sub(" ", text)).split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and [w.casefold() for w in words[:half]] == [w.casefold() for w in words[half:]]:
        words = words[:half]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


def _dmy(value: str) -> str | None:
    # The CSV writes publication dates as dd/mm/yy.
    for fmt in ("%d/%m/%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None
