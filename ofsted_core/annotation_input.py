"""What a user types for a note or a correction, checked and turned into what is stored.

The explorer's note and correction dialogs and any other front end share
these checks, so a value refused in one is refused in all. Each raises
``ValueError`` with a reason meant to be shown as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil import parser as date_parser

from importers.model import DOCUMENT_KINDS
from importers.partial_date import MONTH_NAMES, PartialDate
from importers.grade_tables import normalise_rating

__all__ = ["note_body", "parse_correction", "parse_date"]

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_FIRST_YEAR, _LAST_YEAR = 1990, 2100
_MONTH_NAMES = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}


def parse_date(raw: str) -> str:
    """An ISO date at the precision typed: "2023", "2023-02", "2023-02-14".

    Accepts ISO forms and dates as people write them ("Feb 2023",
    "14 February 2023"). Raises ValueError with a reason to show.
    """
    raw = raw.strip()
    match = _ISO.fullmatch(raw)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
    else:
        try:
            # Two different defaults reveal which parts the text gave.
            one = date_parser.parse(raw, default=dt.datetime(1, 1, 1))
            two = date_parser.parse(raw, default=dt.datetime(2, 2, 2))
        except (ValueError, OverflowError):
            raise ValueError(f"not a date: {raw!r}; type 2023, 2023-02, 2023-02-14 or 14 Feb 2023") from None
        year = one.year if one.year == two.year else None
        month = one.month if one.month == two.month else None
        day = one.day if one.day == two.day else None
        if year is None:
            raise ValueError("give the year, e.g. Feb 2023")
        if day is not None and month is None:
            raise ValueError("give the month with the day")
    assert year is not None
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise ValueError(f"the year must be between {_FIRST_YEAR} and {_LAST_YEAR}")
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"not a date: {exc}") from None
    return PartialDate(year, month, day).iso


def note_body(raw: str) -> str:
    """A note's text as stored (trimmed); ValueError when nothing is left."""
    body = raw.strip()
    if not body:
        raise ValueError("The note is empty: type it, or press escape to cancel")
    return body


def parse_correction(field: str, raw: str) -> Any:
    """The value to store for ``field`` from what the user typed; ValueError if unusable."""
    value = raw.strip()
    if not value:
        raise ValueError("type a value, or press escape to cancel")
    if field == "published":
        return parse_date(value)
    if field == "year":
        if not value.isdigit() or not _FIRST_YEAR <= int(value) <= _LAST_YEAR:
            raise ValueError(f"a year between {_FIRST_YEAR} and {_LAST_YEAR}")
        return int(value)
    if field == "month":
        month = int(value) if value.isdigit() else next(
            (n for name, n in _MONTH_NAMES.items() if len(value) >= 3 and name.startswith(value.lower())), 0,
        )
        if not 1 <= month <= 12:
            raise ValueError("a month: 1 to 12, or its name")
        return month
    if field == "rating":
        if normalise_rating(value) is None:
            raise ValueError(f"not a rating: {value!r}; e.g. good, requires improvement, inadequate, performs well")
        return value
    if field == "kind":
        if value not in DOCUMENT_KINDS:
            raise ValueError(f"one of: {', '.join(DOCUMENT_KINDS)}")
        return value
    return " ".join(value.split())
