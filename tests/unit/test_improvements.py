"""Improvements: items under "What needs to improve" and kindred headings, and inline lists in news."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.extract import DocContext
from importers.extract.improvements import extract
from importers.sanitize import clean_text
from tests.paths import SEEDS, seed_text

CTX = DocContext(authority="Haringey", kind="ofsted_report")


def items(text: str, ctx: DocContext = CTX) -> list[tuple[str, str | None]]:
    out = []
    for fact in extract(text, ctx):
        assert fact.type == "improvement"
        assert fact.fields["text"] == text[fact.span[0]:fact.span[1]]
        out.append((fact.fields["text"], fact.fields["area"]))
    return out


def seed(prefix: str) -> str:
    return clean_text(seed_text(prefix))


# --- the seeds ----------------------------------------------------------------------


def test_single_bullet_in_the_focused_visit_letter():
    assert items(seed("002")) == [
        ("The consistency of supervision and its impact on progressing plans for children.", None),
    ]


def test_inline_areas_in_need_of_development_in_the_news():
    assert items(seed("001")) == [
        ("workload pressures within the children in need team", None),
        ("the quality of case closure summaries", None),
        ("the reporting of the outcome of initial assessments", None),
    ]


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_news_without_improvement_lists_has_none(prefix):
    assert items(seed(prefix)) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_improvement_span_is_its_text(path):
    raw = path.read_text(encoding="utf-8")
    for fact in extract(raw, CTX):
        assert fact.fields["text"] == raw[fact.span[0]:fact.span[1]]
        assert fact.fields["text"] == fact.fields["text"].strip()


# --- report layouts -------------------------------------------------------------------

ILACS = """\
positive difference to most children’s lives.
What needs to improve?
◼ The effectiveness of permanence planning for children in care, including the
challenge brought by independent reviewing officers.
◼ The identification of and response to children in private fostering arrangements.
Inspection of Anytown local authority children’s services
13 to 24 February 2023 2
◼ The provision and quality of life-story work at key developmental stages in
children’s lives.
The experiences and progress of children who need help and
protection: good
1. Services for children who need help and protection in Anytown are strong.
2. Children benefit from a well-coordinated range of early help services.
"""


def test_wrapped_bullets_skipping_furniture_and_stopping_at_the_next_section():
    furniture_start = ILACS.index("Inspection of Anytown")
    furniture_end = ILACS.index("◼ The provision")
    ctx = DocContext(kind="ofsted_report", furniture=[(furniture_start, furniture_end)])
    assert [text for text, _ in items(ILACS, ctx)] == [
        "The effectiveness of permanence planning for children in care, including the\n"
        "challenge brought by independent reviewing officers.",
        "The identification of and response to children in private fostering arrangements.",
        "The provision and quality of life-story work at key developmental stages in\nchildren’s lives.",
    ]


SIF = """\
What does the local authority need to improve? 6
Summary of key findings 3
...
What does the local authority need to improve?
Areas for improvement
26. Accelerate plans to provide a comprehensive early help offer which builds on the
principles of integrated working.
27. Ensure that strategy discussions include all relevant agencies.
7
28. Ensure that all agencies know and understand the role of the Local
Authority Designated Officer.
8
Information about this inspection
Inspectors have looked closely at the experiences of children.
Section 2: The effectiveness of the Local Safeguarding Children Board
The effectiveness of the LSCB requires improvement
Areas for improvement
106. Ensure that schools are more fully involved at Board level.
Key strengths and weaknesses of the LSCB
110. The LSCB complies with statutory guidance.
"""


def test_numbered_recommendations_with_page_numbers_and_areas_from_headings():
    assert items(SIF) == [
        ("Accelerate plans to provide a comprehensive early help offer which builds on the\n"
         "principles of integrated working.", None),
        ("Ensure that strategy discussions include all relevant agencies.", None),
        ("Ensure that all agencies know and understand the role of the Local\n"
         "Authority Designated Officer.", None),
        ("Ensure that schools are more fully involved at Board level.", "lscb"),
    ]


def test_heading_followed_by_paragraphs_gives_a_sentence_each():
    text = ("Areas for development\n\n"
            "The local authority should improve the timeliness of assessments. It should also make sure "
            "that managers record their decisions.\n\n"
            "Main findings\n\nChildren are seen quickly.")
    assert [t for t, _ in items(text)] == [
        "The local authority should improve the timeliness of assessments.",
        "It should also make sure that managers record their decisions.",
    ]


def test_timeframe_subheadings_inside_recommendations():
    text = ("Recommendations\n"
            "For immediate action:\n"
            "• ensure that all referrals are screened within 24 hours\n"
            "Within three months:\n"
            "• review the quality of child protection plans\n"
            "• strengthen management oversight of casework\n"
            "Main findings\n"
            "Children are safe.")
    assert [t for t, _ in items(text)] == [
        "ensure that all referrals are screened within 24 hours",
        "review the quality of child protection plans",
        "strengthen management oversight of casework",
    ]


def test_lead_in_line_then_dashes_and_an_area_from_the_heading_above():
    text = ("The experiences and progress of care leavers\n"
            "What needs to improve in this area of social work practice?\n"
            "The local authority should:\n"
            "- improve pathway plans\n"
            "- make sure care leavers know their entitlements\n"
            "\n"
            "Staff know young people well.")
    assert items(text) == [
        ("improve pathway plans", "care leavers"),
        ("make sure care leavers know their entitlements", "care leavers"),
    ]


@pytest.mark.parametrize(
    "heading",
    ["What needs to improve", "Areas for priority action", "Priority actions", "**Recommendations**",
     "What does the council need to improve?", "Areas for improvement:"],
)
def test_heading_forms(heading):
    text = f"Summary\n{heading}\n* Improve the quality of supervision.\n* Reduce caseloads.\nNext section\nMore."
    assert [t for t, _ in items(text)] == ["Improve the quality of supervision.", "Reduce caseloads."]


def test_inline_list_with_colon_and_commas():
    text = ("The letter set out areas for improvement: the quality of plans, the timeliness of "
            "assessments and the recording of supervision. Leaders accept them.")
    assert [t for t, _ in items(text, DocContext(kind="news"))] == [
        "the quality of plans", "the timeliness of assessments", "the recording of supervision",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Contents\nWhat needs to improve? 6\nMain findings 7\n",
        "Inspectors said what needs to improve is supervision.\n- a bullet in another part",
        "The council knows what it needs to improve and has a plan.",
        "What needs to improve?\n",
        "Though no priority actions were needed, staff were praised.",
        "",
    ],
)
def test_not_improvements(text):
    assert items(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["What needs to improve?", "Areas for improvement", "\n", "- ", "• ", "1. ", "The plan", ".", " ",
     "areas for development – ", "; ", "x"]), max_size=40).map("".join))
def test_headings_and_bullets_never_break_the_invariants(text):
    for fact in extract(text, CTX):
        assert fact.fields["text"] == text[fact.span[0]:fact.span[1]]
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_is_safe(text):
    for fact in extract(text, CTX):
        assert 0 <= fact.span[0] < fact.span[1] <= len(text)
