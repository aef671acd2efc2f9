"""What a user types for a note or a correction: checked in the core, for every front end."""

from __future__ import annotations

import pytest

from ofsted_core.annotation_input import note_body, parse_correction, parse_date


@pytest.mark.parametrize(("typed", "stored"), [
    ("2023", "2023"), ("2023-2", "2023-02"), ("2023-02-14", "2023-02-14"),
    ("Feb 2023", "2023-02"), ("14 February 2023", "2023-02-14"), ("February 14, 2023", "2023-02-14"),
])
def test_dates_are_stored_at_the_precision_typed(typed, stored):
    assert parse_date(typed) == stored


@pytest.mark.parametrize("typed", ["", "soon", "14 February", "2023-02-30", "1850", "31/31/2023"])
def test_bad_dates_are_refused_with_a_reason(typed):
    with pytest.raises(ValueError, match=r"\w"):
        parse_date(typed)


def test_corrections_are_checked_per_field():
    assert parse_correction("published", " Feb 2023 ") == "2023-02"
    assert parse_correction("year", "2011") == 2011
    assert parse_correction("month", "Sept") == 9
    assert parse_correction("month", "3") == 3
    assert parse_correction("rating", "requires improvement to be good") == "requires improvement to be good"
    assert parse_correction("kind", "news") == "news"
    assert parse_correction("title", "  A   title ") == "A title"
    for field, typed in [("year", "twenty"), ("month", "13"), ("rating", "splendid"), ("kind", "blog"), ("area", "  ")]:
        with pytest.raises(ValueError):
            parse_correction(field, typed)


def test_a_note_is_trimmed_and_an_empty_one_refused():
    assert note_body("  The plan was late.\n") == "The plan was late."
    for blank in ("", "   ", "\n\t\n"):
        with pytest.raises(ValueError, match="empty"):
            note_body(blank)


def test_a_correction_of_an_unknown_rating_or_an_impossible_date_names_what_to_type():
    with pytest.raises(ValueError, match="not a rating"):
        parse_correction("rating", "marvellous")
    with pytest.raises(ValueError, match="not a date"):
        parse_correction("published", "2023-13-01")
