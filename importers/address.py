"""A document's web address (the page it was saved from) and the date the address shows.

``web_address(value)`` keeps an http(s) address as given (None for anything
else: a saved page's address is metadata, never a link to follow).
``address_date(url)`` reads the publication date many sites put in their
addresses, at the precision shown (a news folder of the year's stories,
"/news/2024/", gives the year), for a document whose text shows no date of
its own (the text's dateline always wins; see ``importers.pipeline``).
``address_authority(url)`` is the council whose own site the address is on
("moderngov.cheshireeast.gov.uk"), for council minutes that never name it.
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import unquote, urlsplit

from importers.authorities import authority_of_squashed_name
from importers.extract.dates import month_number
from importers.partial_date import iso_date

__all__ = ["address_authority", "address_date", "web_address"]

_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Path segments, as blogs and news sites file their stories:
# "/2016/04/06/story", "/2019/03/story", "news/2017/november/story".
_PATH_DATE = re.compile(
    rf"/{_YEAR}/(?P<month>0?[1-9]|1[0-2]|[a-z]{{3,9}})(?:/(?P<day>0?[1-9]|[12]\d|3[01]))?(?=/|$|\.\w+$)",
    re.IGNORECASE,
)
# A whole date inside a segment or a query: "/Commons/2009-03-11/debates", "story-2019-03-04",
# "?id=2017-07-19.HL1076". A year and month alone there are too often a product or
# reference number to be read as a date.
_JOINED_DATE = re.compile(
    rf"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[-_.])(?P<month>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)

# A segment opening on a whole date in figures, then the story's name: "/2019/20190508-Ofsted-finds-...".
# (Only before a dash or underscore: a run of eight figures before a full stop is an
# article number, "/news/20110312.story".)
_COMPACT_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?=[-_])"
)
# A year alone as a news folder, before the story's own segment: "/news/2024/cumberland-council-...",
# "/article/2010/0110548/ofsted-critical-...", "/news/articles/2019/...". (Elsewhere a year
# alone names what it holds: "/reports/2019/annual-report".)
_YEAR_FOLDER = re.compile(
    r"/(?:news|articles?|press(?:[-_]releases?)?|newsroom|blog|posts?|stories)/(?P<year>(?:19|20)\d\d)/(?=[^/?#]+)",
    re.IGNORECASE,
)


def web_address(value: object) -> str | None:
    """``value`` stripped if it is an http(s) address with a host, else None."""
    text = str(value or "").strip()
    if any(ch.isspace() for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def address_date(url: str | None) -> str | None:
    """The ISO date ("2016-04-06", "2019-03") an address shows, or None.

    Only the path and query are read (never the host), and a date later than
    next year is not a publication date.
    """
    address = web_address(url)
    if not address:
        return None
    parts = urlsplit(address)
    where = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    latest = _dt.date.today().year + 1
    for pattern in (_PATH_DATE, _JOINED_DATE, _COMPACT_DATE, _YEAR_FOLDER):
        for match in pattern.finditer(where):
            year = int(match.group("year"))
            if pattern is _YEAR_FOLDER:
                if year <= latest:
                    return iso_date(year, None, None)
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else month_number(month_text)
            day = int(match.group("day")) if match.group("day") else None
            if month is None or year > latest:
                continue
            try:
                _dt.date(year, month, day or 1)
            except ValueError:
                continue
            return iso_date(year, month, day)
    return None


def address_authority(url: str | None) -> str | None:
    """The council whose site (``<name>.gov.uk``, any subdomain) holds the page, or None.

    A council's domain is its name run together ("cheshireeast.gov.uk",
    "democracy.telford.gov.uk"); other public bodies' (ofsted.gov.uk) name none.
    """
    address = web_address(url)
    if not address:
        return None
    labels = (urlsplit(address).hostname or "").lower().split(".")
    if labels[-2:] != ["gov", "uk"] or len(labels) < 3:
        return None
    return authority_of_squashed_name(labels[-3])
