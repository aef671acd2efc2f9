"""The judgement table read from clean text, in each shape extracted text gives it."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract.judgement_table import (
    extract,
    find_judgement_table,
    inspection_period,
    label_area,
)
from importers.model import FACT_FIELDS

# The ILACS table as PDF text extraction gives it: labels wrapped, each grade
# on a line of its own, a grade split over two lines, the overall row on one.
WRAPPED = """Inspection of Anytown local authority
children's services
Inspection dates: 4 to 15 March 2019
Lead inspector: Pat Example, Her Majesty's Inspector
Judgement Grade
The impact of leaders on social work practice with children
and families
Requires improvement
to be good
The experiences and progress of children who need help and
protection
Good
The experiences and progress of children in care and care
leavers
Inadequate
Overall effectiveness Requires improvement
to be good
Leaders have made progress since the last inspection, but too many children wait too long.
"""

# The same table re-flowed: one line per label, blank lines between rows.
REFLOWED = """Inspection dates: 13 to 24 February 2023

Judgement Grade

The impact of leaders on social work practice with children and families
Good

The experiences and progress of children who need help and protection
Good

The experiences and progress of children in care
Requires improvement to be good

The experiences and progress of care leavers
Outstanding

Overall effectiveness Good

Most children are well supported."""

# Labels and grades on one line each, and no header row.
ONE_LINE_ROWS = """Inspection dates: 2 to 6 June 2025

The impact of leaders on social work practice with children and families Outstanding
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Outstanding
Overall effectiveness Outstanding
"""

# A SIF first page: the overall sentence, numbered rows, the LSCB sentence.
SIF = """Inspection date: 7 October 2015 – 29 October 2015
Report published: 4 December 2015
The overall judgement is inadequate
Children's services in the area are not yet good.
1. Children who need help and protection Inadequate
2. Children looked after and achieving permanence Requires
improvement
2.1 Adoption performance Good
2.2 Experiences and progress of care leavers
Requires
improvement
3. Leadership, management and governance Inadequate
The effectiveness of the Local Safeguarding Children Board (LSCB) is requires
improvement
"""


def rows_of(text: str) -> list[tuple[str, str]]:
    return [(row.area, " ".join(text[row.start:row.end].split()).lower()) for row in find_judgement_table(text)]


def test_wrapped_labels_and_split_grades() -> None:
    assert rows_of(WRAPPED) == [
        ("leadership", "requires improvement to be good"),
        ("help and protection", "good"),
        ("children in care and care leavers", "inadequate"),
        ("overall", "requires improvement to be good"),
    ]


def test_row_labels_are_whole_and_spans_hold_the_grade_as_printed() -> None:
    rows = find_judgement_table(WRAPPED)
    assert rows[0].label == "The impact of leaders on social work practice with children and families"
    assert WRAPPED[rows[0].start:rows[0].end] == "Requires improvement\nto be good"
    assert WRAPPED[rows[1].label_start:rows[1].label_end] == (
        "The experiences and progress of children who need help and\nprotection"
    )


def test_reflowed_table_with_blank_lines_between_rows() -> None:
    assert rows_of(REFLOWED) == [
        ("leadership", "good"),
        ("help and protection", "good"),
        ("children in care", "requires improvement to be good"),
        ("care leavers", "outstanding"),
        ("overall", "good"),
    ]


def test_grades_at_the_end_of_one_line_rows_without_a_header() -> None:
    assert [area for area, _ in rows_of(ONE_LINE_ROWS)] == [
        "leadership", "help and protection", "children in care", "care leavers", "overall",
    ]


def test_sif_numbered_rows_with_the_overall_and_lscb_sentences() -> None:
    rows = find_judgement_table(SIF)
    assert [(row.number, row.area) for row in rows] == [
        (None, "overall"), ("1", "help and protection"), ("2", "children in care"), ("2.1", "adoption"),
        ("2.2", "care leavers"), ("3", "leadership"), (None, "lscb"),
    ]
    assert [" ".join(SIF[r.start:r.end].split()) for r in rows] == [
        "inadequate", "Inadequate", "Requires improvement", "Good", "Requires improvement", "Inadequate",
        "requires improvement",
    ]


def test_facts_are_dated_by_the_inspection_not_the_publication() -> None:
    facts = extract(SIF, SimpleNamespace(authority="Anytown"))
    assert {(f.get("year"), f.get("month"), f.get("day")) for f in facts} == {(2015, 10, 7)}
    assert {(f.get("end_year"), f.get("end_month"), f.get("end_day")) for f in facts} == {(2015, 10, 29)}
    overall = next(f for f in facts if f.get("area") == "overall")
    expected = {
        "authority": "Anytown", "rating": "inadequate", "grade": 4, "era": "sif", "precision": "day",
        "event_type": "inspection", "date_source": "text",
    }
    assert {key: overall.get(key) for key in expected} == expected


def test_facts_carry_every_judgement_field_and_their_span_is_the_grade() -> None:
    facts = extract(WRAPPED, None)
    assert len(facts) == 4
    for fact in facts:
        assert set(FACT_FIELDS["judgement"]) <= set(fact.fields)
        assert WRAPPED[fact.span[0]:fact.span[1]] == fact.get("rating_text")
        assert fact.get("era") == "ilacs"
    assert [f.get("grade") for f in facts] == [3, 2, 4, 3]


def test_a_table_without_inspection_dates_has_undated_judgements() -> None:
    text = REFLOWED.replace("Inspection dates: 13 to 24 February 2023", "")
    facts = extract(text, None)
    assert len(facts) == 5
    assert all(f.get("year") is None and f.get("precision") is None for f in facts)


def test_rows_stop_at_a_label_that_names_no_judgement() -> None:
    text = REFLOWED.replace("The experiences and progress of children in care\n",
                            "The quality of the council's website\n")
    assert [area for area, _ in rows_of(text)] == ["leadership", "help and protection"]


def test_prose_and_news_are_not_tables() -> None:
    for text in (
        "Haringey Council has received its first 'good' rating for its children's services.\n"
        "Inspectors said care leavers get good support.\nThe report is outstanding",
        "Children who need help and protection receive a good service\nfrom the council, which is good",
        "The experiences and progress of children in care: good\n\n1. Children live in stable homes.",
        "Overall effectiveness",
        "",
    ):
        assert find_judgement_table(text) == []


def test_one_body_heading_is_not_a_table_without_a_header() -> None:
    text = ("Children's services\n\nThe experiences and progress of children in care: good\n"
            "The experiences and progress of care leavers: good\n")
    assert find_judgement_table(text) == []


def test_label_area_accepts_names_and_rejects_sentences() -> None:
    assert label_area("The experiences and progress of children who need help and protection") == (
        "help and protection")
    assert label_area("Children looked after and achieving permanence") == "children in care"
    assert label_area("The graded judgement for adoption performance is") == "adoption"
    assert label_area("The effectiveness of the LSCB") == "lscb"
    assert label_area("Overall effectiveness") == "overall"
    assert label_area("The overall judgement is") == "overall"
    assert label_area("Care leavers told inspectors that their personal advisers") is None
    assert label_area("The council's website") is None
    assert label_area("") is None


def test_inspection_period_reads_every_printed_form() -> None:
    cases = {
        "Inspection dates: 13 to 24 February 2023": (2023, 2, 13, 2023, 2, 24),
        "Inspection dates: 29 October 2018 to 9 November 2018": (2018, 10, 29, 2018, 11, 9),
        "Inspection date: 20 May 2014 – 11 June 2014": (2014, 5, 20, 2014, 6, 11),
        "Inspection dates: 29 October – 9 November 2018": (2018, 10, 29, 2018, 11, 9),
        "Dates of inspection: 3 June 2019": (2019, 6, 3, None, None, None),
        # A title's wrapped last word joined to the label's line by the page's text.
        "Review of the effectiveness of the Local Safeguarding Children Board Inspection date: 2 March 2015 "
        "– 4 March 2015": (2015, 3, 2, 2015, 3, 4),
        "This letter summarises the findings of the focused visit to Anytown children's services on "
        "11 and 12 February 2025.": (2025, 2, 11, 2025, 2, 12),
    }
    for text, expected in cases.items():
        period = inspection_period(text)
        assert period is not None, text
        assert (period.year, period.month, period.day, period.end_year, period.end_month, period.end_day) == expected
        assert text[period.start:period.end] == period.text


def test_no_inspection_period_in_a_news_story() -> None:
    assert inspection_period("The council was inspected last year and the report came out on 3 May 2023.") is None
    # Mid-line, the label needs its colon: a sentence's "inspection date" is no dates line.
    assert inspection_period("Officers agreed the inspection date 3 May 2023 with Ofsted.") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_is_safe(text: str) -> None:
    for fact in extract(text, None):
        start, end = fact.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == fact.get("rating_text")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WRAPPED.splitlines() + SIF.splitlines() + ["", "Good", "to be good"]), max_size=30))
def test_shuffled_table_lines_are_safe(lines: list[str]) -> None:
    text = "\n".join(lines)
    for fact in extract(text, None):
        assert text[fact.span[0]:fact.span[1]] == fact.get("rating_text")
