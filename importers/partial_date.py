"""A date known to the year, the month or the day: the one place dates are read from and written as text.

Documents date what they report at the precision they give ("in 2011", "in
February 2023", "on 14 February 2023"); the store keeps that as ISO text at
the same precision ("2011", "2023-02", "2023-02-14") and facts keep it as
``year``/``month``/``day`` fields. Every conversion between those forms and
the labels people read goes through ``PartialDate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["MONTH_NAMES", "PartialDate", "iso_date", "label_of", "month_name"]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
# ISO text at any precision, at the start of a value: a sidecar's or a page's
# "2016-04-06T10:00" dates the day, and what follows the date is not part of it.
_ISO = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?!\d)")

Precision = Literal["year", "month", "day"]


def month_name(month: int, short: bool = False) -> str:
    """"February", or "Feb" where ``short``, for a month number 1-12."""
    name = MONTH_NAMES[month - 1]
    return name[:3] if short else name


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at the precision a text gives it: a year, a month of a year, or a day.

    A day is only known with its month. Values are checked for range (a month
    1-12, a day 1-31), not against the calendar: a text's "31 June" is read as
    written.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        if self.day is not None and (self.month is None or not 1 <= self.day <= 31):
            raise ValueError(f"day {self.day} needs a month and must be 1-31")

    @classmethod
    def of(cls, year: Any, month: Any = None, day: Any = None) -> PartialDate | None:
        """The date of ``year``/``month``/``day`` fields as a fact stores them; None without a whole-number year.

        A part that is missing or not a whole number ends the precision there,
        as a day is meaningless without its month.
        """
        if not isinstance(year, int) or isinstance(year, bool):
            return None
        if not isinstance(month, int) or not 1 <= month <= 12:
            return cls(year)
        if not isinstance(day, int) or not 1 <= day <= 31:
            return cls(year, month)
        return cls(year, month, day)

    @classmethod
    def parse(cls, value: Any) -> PartialDate | None:
        """The date ISO text gives at its precision ("2011", "2023-02", "2023-02-14"); None if it is not one."""
        if not isinstance(value, str):
            return None
        match = _ISO.match(value)
        if not match:
            return None
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except ValueError:
            return None

    @property
    def precision(self) -> Precision:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        """ISO at the precision known: "2010", "2010-02" or "2010-02-23"."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self, short: bool = True) -> str:
        """As people write it: "14 Feb 2023", "Feb 2023", "2011"; with whole month names unless ``short``."""
        if self.month is None:
            return str(self.year)
        month = month_name(self.month, short)
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO at the precision known: "2010", "2010-02" or "2010-02-23"; None without a year."""
    date = PartialDate.of(year, month, day)
    return date.iso if date else None


def label_of(value: str | None, short: bool = True, undated: str = "undated") -> str:
    """An ISO date at its precision as people write it; ``undated`` without one, and text that is no date as it is."""
    if not value:
        return undated
    date = PartialDate.parse(value)
    return date.label(short) if date else str(value)
