"""The national table's helpers in ofsted_core.national: the jump to a typed name, the cells' texts,
the new reports by council and the spellings that name a council."""

from __future__ import annotations

import pytest

from ofsted_core.national import (
    authorities_of, council_rows, find_row, framework_text, new_by_council, sparkline, visits_text,
)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return council_rows([])  # every council of today, by name, nothing known of any


@pytest.mark.parametrize(("typed", "council"), [
    ("wind", "Windsor and Maidenhead"),  # a part of the name
    ("WIND", "Windsor and Maidenhead"),
    ("york", "York"),  # a name that starts so, before North Yorkshire and East Riding of Yorkshire
    ("yorkshire", "East Riding of Yorkshire"),  # none starts so: the first that holds it
    ("hull", "Kingston upon Hull"),  # an other name
    ("bcp", "Bournemouth, Christchurch and Poole"),
    ("  tower   ham", "Tower Hamlets"),  # spaces as typed
])
def test_a_typed_name_jumps_to_its_council(rows, typed: str, council: str) -> None:
    at = find_row(rows, typed)
    assert at is not None and rows[at]["council"] == council


def test_nothing_to_jump_to(rows) -> None:
    assert find_row(rows, "") is None
    assert find_row(rows, "atlantis") is None
    london = [r for r in rows if r["region"] == "London"]
    assert find_row(london, "wind") is None  # not among the rows given (filtered out)


def _row(**fields) -> dict:
    base = {"era": None, "inspection": None, "visits_since": [], "trajectory": []}
    return {**base, **fields}


def test_framework_visits_and_sparkline_texts() -> None:
    assert framework_text(_row(era="ilacs", inspection="short inspection")) == "ILACS short"
    assert framework_text(_row(era="sif", inspection="inspection")) == "SIF"
    assert framework_text(_row()) == ""
    visits = [{"type": "monitoring visit", "date": "2024-03-01"}, {"type": "focused visit", "date": "2025-06"}]
    assert visits_text(_row(visits_since=visits)) == "2: focused 2025-06"
    assert visits_text(_row()) == ""
    steps = [{"rating": r, "grade": g, "date": None} for r, g in
             (("inadequate", 4), ("requires improvement", 3), ("good", 2), ("outstanding", 1))]
    bars = sparkline(_row(trajectory=steps))
    assert "".join(bar for bar, _ in bars) == "▂▄▆█" and [g for _, g in bars] == [4, 3, 2, 1]


def test_new_reports_are_counted_by_council_under_any_spelling() -> None:
    documents = [
        {"id": "a", "source": "/lib/80498_haringey/a.pdf", "authority": "London Borough of Haringey"},
        {"id": "b", "source": "/lib/80498_haringey/b.pdf", "authority": "Haringey"},
        {"id": "c", "source": "/lib/80418_norfolk/c.pdf", "authority": "Norfolk"},
        {"id": "d", "source": "/elsewhere/d.pdf", "authority": "Norfolk"},
        {"id": "e", "source": "/lib/x/e.pdf", "authority": None},
    ]
    sources = frozenset({"/lib/80498_haringey/a.pdf", "/lib/80498_haringey/b.pdf", "/lib/80418_norfolk/c.pdf",
                         "/lib/x/e.pdf"})
    assert new_by_council(documents, sources) == {"Haringey": 2, "Norfolk": 1}
    assert new_by_council(documents, frozenset()) == {}


def test_the_spellings_that_name_a_council() -> None:
    items = [{"authority": "Haringey"}, {"authority": "London Borough of Haringey"}, {"authority": "Camden"},
             {"authority": None}, {"authority": "Nowhere Shire"}]
    assert authorities_of("Haringey", items) == {"Haringey", "London Borough of Haringey"}
    assert authorities_of("Barnet", items) == set()
