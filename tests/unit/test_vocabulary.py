"""The rating vocabulary: normalised ratings, grades, eras and judgement areas."""

from __future__ import annotations

import pytest

from importers.vocabulary import (
    AREA_COMPONENTS,
    AREAS,
    ERAS,
    GRADE_COLOURS,
    GRADE_LABELS,
    RATINGS,
    area_for,
    era_for,
    find_areas,
    get_era,
    grade_of,
    normalise_rating,
    rating_label,
)


@pytest.mark.parametrize(
    ("written", "rating", "grade"),
    [
        ("Outstanding", "outstanding", 1),
        ("performs excellently", "excellent", 1),
        ("excellent", "excellent", 1),
        ("good", "good", 2),
        ("‘Good’", "good", 2),
        ("performs well", "good", 2),
        ("performing well", "good", 2),
        ("adequate", "adequate", 3),
        ("performs adequately", "adequate", 3),
        ("requires improvement", "requires improvement", 3),
        ("Requires improvement to be good", "requires improvement", 3),
        ("require improvement to be good", "requires improvement", 3),
        ("requires \nimprovement", "requires improvement", 3),
        ("requiring improvement", "requires improvement", 3),
        ("poor", "poor", 4),
        ("performed poorly", "poor", 4),
        ("INADEQUATE", "inadequate", 4),
    ],
)
def test_written_forms_normalise_to_one_rating_and_grade(written, rating, grade):
    assert normalise_rating(written) == rating
    assert grade_of(written) == grade
    assert RATINGS[rating].grade == grade


@pytest.mark.parametrize("written", ["", "well", "progress", "improvement", "good progress", "performs", None, 3])
def test_other_words_are_no_rating(written):
    assert normalise_rating(written) is None
    assert grade_of(written) is None


def test_grades_run_from_one_best_to_four_worst():
    assert [RATINGS[r].grade for r in ("outstanding", "good", "requires improvement", "inadequate")] == [1, 2, 3, 4]
    assert [RATINGS[r].grade for r in ("excellent", "good", "adequate", "poor")] == [1, 2, 3, 4]
    assert set(GRADE_LABELS) == set(GRADE_COLOURS) == {1, 2, 3, 4}
    assert GRADE_LABELS[3] == "Requires improvement to be good"


def test_labels_for_display():
    assert rating_label("requires improvement") == "Requires improvement to be good"
    assert rating_label("good") == "Good"
    assert rating_label("good", era="annual-rating") == "Performs well"
    assert rating_label("poor", era="annual-rating") == "Performs poorly"
    assert rating_label("outstanding", era="annual-rating") == "Outstanding"
    assert rating_label("nonsense") is None


def test_every_era_awards_only_known_ratings_and_has_a_start():
    ids = [era.id for era in ERAS]
    assert len(ids) == len(set(ids))
    for era in ERAS:
        assert set(era.ratings) <= set(RATINGS)
        assert era.event_type in ("inspection", "annual rating")
        assert get_era(era.id) is era
        assert era.graded == bool(era.ratings)
    assert not get_era("ilacs-visits").graded and get_era("ilacs").graded
    assert get_era(None) is None and get_era("nope") is None


@pytest.mark.parametrize(
    ("year", "phrase", "month", "era"),
    [
        (2008, "inadequate", None, "apa"),
        (2007, "good", None, "apa"),
        (2009, "poor", None, "annual-rating"),
        (2010, "performs well", None, "annual-rating"),
        (None, "performs poorly", None, "annual-rating"),
        (2011, "adequate", None, "safeguarding-lac"),
        (2010, "good", None, "safeguarding-lac"),  # a plain "good" is an inspection's
        (2013, "good", None, "protection-lac"),  # ten months of 2013 against SIF's two
        (2013, "good", 12, "sif"),
        (2013, "requires improvement", None, "sif"),  # only SIF awarded it that year
        (2014, "requires improvement", None, "sif"),
        (2017, "inadequate", None, "sif"),
        (2018, "require improvement to be good", None, "ilacs"),
        (2023, "Good", 2, "ilacs"),
        (2025, "focused visit", None, "ilacs-visits"),
        (2011, "unannounced inspection", None, "unannounced-cra"),
        (2014, "SIF", None, "sif"),
        (None, "ILACS", None, "ilacs"),
        (None, "requires improvement", None, None),  # SIF or ILACS: cannot tell
        (None, "good", None, None),
        (2003, "good", None, None),
        (2014, None, None, "sif"),
    ],
)
def test_era_for(year, phrase, month, era):
    assert era_for(year, phrase, month) == era


def test_era_for_tolerates_nonsense():
    assert era_for("2014", "good") is None
    assert era_for(2014, "good", month=13) == "sif"


@pytest.mark.parametrize(
    ("phrase", "area"),
    [
        ("the experiences and progress of children who need help and protection", "help and protection"),
        ("children in need of help and protection", "help and protection"),
        ("The impact of leaders on social work practice with children and families", "leadership"),
        ("Leadership, management and governance", "leadership"),
        ("leadership and management", "leadership"),
        ("The experiences and progress of children in care", "children in care"),
        ("children looked after", "children in care"),
        ("looked after children", "children in care"),
        ("looked-after children", "children in care"),
        ("Children looked after and achieving permanence", "children in care"),
        ("services for children in care", "children in care"),
        ("the experiences and progress of children in care and care leavers", "children in care and care leavers"),
        ("experiences and progress of care leavers", "care leavers"),
        ("Adoption performance", "adoption"),
        ("Local Safeguarding Children Board", "lscb"),
        ("the LSCB", "lscb"),
        ("Overall effectiveness", "overall"),
        ("children's services", "overall"),
        ("Haringey children’s services department", "overall"),
        ("capacity for improvement", "capacity for improvement"),
        ("staff morale", None),
        ("", None),
        (None, None),
    ],
)
def test_phrases_name_areas(phrase, area):
    assert area_for(phrase) == area
    if area is not None:
        assert area in AREAS


def test_combined_area_covers_both_of_todays_areas():
    assert AREA_COMPONENTS["children in care and care leavers"] == ("children in care", "care leavers")
    assert all(set(parts) <= set(AREAS) for parts in AREA_COMPONENTS.values())


def test_find_areas_marks_formal_headings_and_spans():
    text = "Overall effectiveness Good; leadership was strong and adoption is timely."
    found = find_areas(text)
    assert [(text[a.start:a.end], a.area, a.heading) for a in found] == [
        ("Overall effectiveness", "overall", True),
        ("leadership", "leadership", False),
        ("adoption", "adoption", False),
    ]
    assert find_areas(text, 22, 40) == [found[1]]
    assert find_areas(None) == []


def test_one_table_names_and_colours_every_grade():
    from importers.vocabulary import GRADES
    from ofsted_core.grades import GRADE_NAMES, NO_GRADE

    # Every rating of every era falls on a grade the table names and colours.
    assert {rating.grade for rating in RATINGS.values()} == set(GRADES)
    for number, grade in GRADES.items():
        assert RATINGS[grade.rating].grade == number
        assert GRADE_LABELS[number] == grade.label and GRADE_COLOURS[number] == grade.colour
        assert GRADE_NAMES[str(number)] == grade.name
    # The facet's short name covers both eras' words for grade 3.
    assert GRADE_NAMES["3"] == "RI / adequate" and GRADE_NAMES["1"] == "Outstanding"
    assert list(GRADE_NAMES) == ["1", "2", "3", "4", NO_GRADE]


def test_the_areas_a_framework_the_text_does_not_fix_grades():
    from importers.vocabulary import areas_judged, areas_judged_alike, areas_judged_by_count

    # After 2016 a page may tell of a SIF or an ILACS inspection: what both grade alike.
    assert set(areas_judged_alike(2016)) == {"overall", "help and protection", "leadership"}
    # After 2018 only ILACS, of 2018-23 or since: the same three (children in care is one area
    # with care leavers until 2023, two since).
    assert set(areas_judged_alike(2019)) == {"overall", "help and protection", "leadership"}
    # Before the single inspection framework, or with no year at all, the areas are not known: none.
    assert areas_judged_alike(2010) == () and areas_judged_alike(None) == ()
    # A count of judgements fixes the framework where one alone has that many.
    assert areas_judged_by_count(4) == areas_judged("ilacs", 2019)
    assert areas_judged_by_count(5) == areas_judged("ilacs", 2024)
    assert areas_judged_by_count(6) == areas_judged("sif", 2015)
    assert areas_judged_by_count(3) == () and areas_judged_by_count(None) == ()
