"""Prose patterns of the 2008-2012 regimes' judgements (issue 11): annual performance
assessments, the 2009-11 annual rating and the 2009-12 safeguarding and looked after
children inspections. Each rule is checked on a dev-half document (benchmarks/accuracy/prose/)
and on a page of the era check set (benchmarks/accuracy/era_check/, labelled by hand before
the extractor was run on it) or, where the check set has none, in other words (said so).
Test-half documents are never read here.
"""

from __future__ import annotations

from tests.paths import REPO, prose_text
from tests.unit.test_prose_areas import rows as listed

ERA_CHECK = REPO / "benchmarks" / "accuracy" / "era_check"


def rows(text: str, authority: str | None = None, published=(None, None, None)) -> set[tuple]:
    """(council, year, rating, area) per judgement, each once."""
    return set(listed(text, authority, published))


def test_a_count_of_parts_graded_names_no_area():
    # prose/2008-12-22-oldhamchronicle-oldham-apa-adequate.txt (dev): "four out of six areas
    # achieved a Grade 3 Good rating with the other two adequate" grades no area it names.
    found = rows(prose_text("2008-12-22-oldhamchronicle-oldham-apa-adequate.txt"), "Oldham", (2008, 12, 22))
    assert ("Oldham", 2008, "good", "overall") not in found
    assert ("Oldham", 2008, "adequate", "overall") in found  # the headline's grade stays
    assert ("Oldham", 2008, "good", "help and protection") in found  # "'staying safe' ... 'good'"
    # era_check/undated-bbc-gloucestershire-childrens-care-inadequate.txt: "rated six out of 22
    # categories as 'inadequate'" (the count as the object) grades neither strand of the report.
    text = (ERA_CHECK / "undated-bbc-gloucestershire-childrens-care-inadequate.txt").read_text(encoding="utf-8")
    found = rows(text, "Gloucestershire")
    assert not {r for r in found if r[3] in ("help and protection", "children in care")}
    assert (None, "good", "overall") in {(y, r, a) for _, y, r, a in found}  # "performing well"


def test_one_strands_capacity_to_improve_is_no_judgement():
    # prose/2012-07-31-iharrow-harrow-safeguarding-lac-adequate.txt (dev): "Ofsted ranked only as
    # 'adequate' the Council's capacity to improve its safeguarding service".
    found = rows(prose_text("2012-07-31-iharrow-harrow-safeguarding-lac-adequate.txt"), "Harrow", (2012, 7, 31))
    assert found == {("Harrow", 2012, "adequate", "help and protection"),
                     ("Harrow", 2012, "adequate", "children in care")}
    # In other words (the check set names no council with a strand's capacity): the strand after
    # the capacity, and the capacity of the whole inspection, which is a judgement of its own.
    assert rows("Ofsted judged as inadequate the authority's capacity to improve its child protection "
                "services.", "Somerset") == set()
    assert rows("Inspectors rated Somerset's capacity for improvement as adequate.", "Somerset") == {
        ("Somerset", None, "adequate", "capacity for improvement")}
