"""Grade tables with a column per year, flattened to one cell a line (council minutes).

The table's shape is that of prose/2024-reading-council-ilacs-committee.txt in
the accuracy set's dev half; the other tables are the same pattern in other
words and years.
"""

from __future__ import annotations

from importers.extract import DocContext, extract_facts
from importers.extract.grade_columns import extract

READING = """The final report was published on 12 July 2024 with the following judgements:

2024 Grade

2019 Grade

Overall effectiveness

Requires Improvement to be Good

Requires Improvement to be Good

The experiences and progress of children who need help and protection

Requires Improvement to be Good

Requires Improvement to be Good

The experiences and progress of children in care


Requires Improvement to be Good

Members thanked officers for the report.
"""


def rows(text: str, authority: str = "Reading"):
    return [(f.get("authority"), f.get("year"), f.get("rating"), f.get("area"))
            for f in extract(text, DocContext(authority=authority, kind="minutes"))]


def test_each_grade_takes_its_columns_year():
    assert rows(READING) == [
        ("Reading", 2024, "requires improvement", "overall"),
        ("Reading", 2019, "requires improvement", "overall"),
        ("Reading", 2024, "requires improvement", "help and protection"),
        ("Reading", 2019, "requires improvement", "help and protection"),
    ]


def test_a_row_that_lost_an_empty_cell_is_not_guessed():
    # The children in care row has one grade for two columns.
    assert all(area != "children in care" for *_, area in rows(READING))


def test_the_table_wins_over_the_prose_rules_on_its_cells():
    facts = [f for f in extract_facts(READING, DocContext(authority="Reading", kind="minutes"))
             if f.type == "judgement" and f.get("area") != "children in care"]
    assert sorted((f.get("year"), f.get("area")) for f in facts) == [
        (2019, "help and protection"), (2019, "overall"), (2024, "help and protection"), (2024, "overall")]


def test_other_headings_and_grades_in_quotes():
    text = ("Judgement 2017\nJudgement 2021\nThe impact of leaders on social work practice with children and "
            "families\n‘Good’\n‘Outstanding’\nCare leavers\nInadequate\nGood\n")
    assert rows(text, "Stockport") == [
        ("Stockport", 2017, "good", "leadership"), ("Stockport", 2021, "outstanding", "leadership"),
        ("Stockport", 2017, "inadequate", "care leavers"), ("Stockport", 2021, "good", "care leavers"),
    ]


def test_years_alone_in_a_list_are_no_table():
    assert rows("2019\n2020\nThe council was rated good.\n") == []
    assert rows("2019 Grade\nOverall effectiveness\nGood\n") == []  # one column is no comparison
