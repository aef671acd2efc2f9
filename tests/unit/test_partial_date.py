"""The one reading and writing of partial dates: ISO text, fact fields and labels agree."""

from __future__ import annotations

import pytest

from importers.partial_date import PartialDate, iso_date, label_of, month_name
from importers.pipeline import parse_published
from ofsted_core.citation import date_text
from ofsted_core.labels import date_label
from ofsted_core.timeline import date_label as event_label


@pytest.mark.parametrize("text, parts, precision", [
    ("2011", (2011, None, None), "year"),
    ("2023-02", (2023, 2, None), "month"),
    ("2023-02-14", (2023, 2, 14), "day"),
    ("2016-04-06T10:00:00Z", (2016, 4, 6), "day"),  # a page's timestamp dates its day
    (" 2023-2-4", (2023, 2, 4), "day"),
])
def test_iso_text_reads_at_its_precision(text, parts, precision):
    date = PartialDate.parse(text)
    assert date is not None and (date.year, date.month, date.day) == parts and date.precision == precision
    assert parse_published(text) == parts


@pytest.mark.parametrize("text", ["", None, "undated", "2023-13", "2023-02-32", "20231", "Feb 2023", 2023])
def test_what_is_no_iso_date_reads_as_none(text):
    assert PartialDate.parse(text) is None
    assert parse_published(text) == (None, None, None)


def test_iso_and_parse_round_trip():
    for date in (PartialDate(2009), PartialDate(2009, 3), PartialDate(2009, 3, 7), PartialDate(995, 12, 31)):
        assert PartialDate.parse(date.iso) == date
    assert PartialDate(995).iso == "0995"


def test_a_day_needs_its_month_and_parts_are_in_range():
    with pytest.raises(ValueError):
        PartialDate(2020, None, 3)
    with pytest.raises(ValueError):
        PartialDate(2020, 0)
    # Fact fields: a missing or unusable part ends the precision there.
    assert PartialDate.of(2020, None, 3) == PartialDate(2020)
    assert PartialDate.of(2020, 13, 3) == PartialDate(2020)
    assert PartialDate.of("2020", 1) is None
    assert iso_date(2020, 2, None) == "2020-02" and iso_date(None, 2, 3) is None


def test_every_label_is_written_from_the_one_month_table():
    assert [month_name(m, short=True) for m in (1, 9, 12)] == ["Jan", "Sep", "Dec"]
    assert date_label("2023-02-14") == "14 Feb 2023" == label_of("2023-02-14")
    assert date_text("2023-02-14") == "14 February 2023"
    assert date_label("2023-02") == "Feb 2023" and date_text("2023-02") == "February 2023"
    assert date_label("2011") == "2011" == date_text("2011")
    assert date_label(None) == "undated" == date_text("")
    assert event_label({"year": 2023, "month": 9}) == "Sep 2023"
    assert event_label({"year": None, "month": 8}) == "Aug, no year"
    assert event_label({"year": None, "month": None}) == "date unknown"


def test_text_that_is_no_date_is_shown_as_stored_by_every_label():
    # The short and long labels once differed here (the short one dropped the
    # month, the long one showed the text): both now show what is stored.
    assert date_label("2023-13") == "2023-13" == date_text("2023-13")
    assert date_label("soon") == "soon" == date_text("soon")
