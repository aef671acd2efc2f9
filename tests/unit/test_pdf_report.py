"""Reading a report's or letter's structure from its clean text (no PDF needed)."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.pdf_report import read_report

SIF_HEAD = """Metropolitan Borough of Anytown

Inspection of services for children in need of help and protection, children looked after and care leavers

Inspection date: 7 October 2015 – 29 October 2015

Report published: 4 December 2015

The overall judgement is inadequate

1. Children who need help and protection Inadequate

2. Children looked after and achieving permanence Requires improvement

2.1 Adoption performance Good

2.2 Experiences and progress of care leavers Requires improvement

3. Leadership, management and governance Inadequate

Contents

Section 1: the local authority 3

What does the local authority need to improve? 6

What does the local authority need to improve?

Areas for priority action

1. Ensure that children at risk of harm are seen
and assessed without delay.

2. Ensure that managers oversee decisions about thresholds.

Areas for improvement

3. Improve the quality of plans.

Information about this inspection

The inspection team

Lead inspector: Sam Example HMI

Team inspectors: Alex Person HMI, Jo Bloggs HMI and Chris O'Brien, Ofsted Inspector

The experiences and progress of children who need help and protection
are inadequate

Children wait too long for help. Plans are weak.

What the inspection judgements mean: the local authority

A local authority that is inadequate is providing services where there are widespread failures.

A good local authority leads effective services.

Section 2: The effectiveness of the Local Safeguarding Children Board

The effectiveness of the LSCB requires improvement

Areas for improvement

4. Ensure that the Board audits multi-agency work.

Any complaints about the inspection or the report should be made following the procedures set out in the guidance.

The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects.

© Crown copyright 2015"""

LETTER = """Ofsted
Piccadilly Gate
Store Street
Manchester

3 September 2019

Jo Director
Director of Children's Services

Dear Jo Director

Monitoring visit to Anytown local authority children's services

This letter summarises the findings of the monitoring visit to Anytown local authority children's services on 6 and 7 August 2019. The visit was carried out by Her Majesty's Inspectors Pat Example and Lee Sample.

Areas covered by the visit

Inspectors reviewed the progress made in the quality of help for children.

Yours sincerely

Pat Example
Her Majesty's Inspector"""


def test_a_sif_report_read_as_text() -> None:
    report = read_report(SIF_HEAD)
    meta = report.meta
    assert meta["title"] == ("Metropolitan Borough of Anytown: Inspection of services for children in need of "
                             "help and protection, children looked after and care leavers")
    assert meta["kind"] == "ofsted_report" and meta["publisher"] == "Ofsted"
    assert meta["published"] == "2015-12-04"
    assert (meta["inspection_start"], meta["inspection_end"]) == ("2015-10-07", "2015-10-29")
    assert meta["inspection_type"] == "inspection"  # a full SIF inspection
    assert meta["lead_inspector"] == "Sam Example"
    assert meta["inspectors"] == ["Sam Example", "Alex Person", "Jo Bloggs", "Chris O'Brien"]


def test_improvements_with_their_area_and_priority() -> None:
    report = read_report(SIF_HEAD)
    items = [(f.get("text"), f.get("area"), f.get("priority", False))
             for f in report.facts if f.type == "improvement"]
    assert items == [
        ("Ensure that children at risk of harm are seen and assessed without delay.", None, True),
        ("Ensure that managers oversee decisions about thresholds.", None, True),
        ("Improve the quality of plans.", None, False),
        ("Ensure that the Board audits multi-agency work.", "lscb", False),
    ]


def test_a_wrapped_section_heading_and_the_lscb_heading_are_judgements() -> None:
    report = read_report(SIF_HEAD)
    sections = [(f.get("area"), SIF_HEAD[f.span[0]:f.span[1]]) for f in report.facts
                if f.type == "judgement" and f.get("source") == "section"]
    assert sections == [("help and protection", "inadequate"), ("lscb", "requires improvement")]


def test_boilerplate_ranges_cover_contents_definitions_and_back_page() -> None:
    report = read_report(SIF_HEAD)
    covered = [SIF_HEAD[s:e] for s, e in report.boilerplate]
    assert covered[0].startswith("Contents") and covered[0].endswith("need to improve? 6")
    assert covered[1].startswith("What the inspection judgements mean")
    assert covered[1].endswith("A good local authority leads effective services.\n\n")
    assert covered[2].startswith("Any complaints") and covered[2].endswith("© Crown copyright 2015")
    # Generic definitions ("A local authority that is inadequate ...") are never judgements.
    for fact in report.facts:
        assert not any(s <= fact.span[0] < e for s, e in report.boilerplate)


def _section_grades(report) -> list[tuple[str, str]]:
    return [(f.get("area"), f.get("rating")) for f in report.facts
            if f.type == "judgement" and f.get("source") == "section"]


def test_the_contents_line_of_the_definitions_is_not_their_heading() -> None:
    # "What the inspection judgements mean 47" in the contents: were it the heading,
    # everything from there to the back page would be read as Ofsted's standard wording.
    text = SIF_HEAD.replace("Section 1: the local authority 3\n",
                            "Section 1: the local authority 3\n\nWhat the inspection judgements mean 47\n")
    report = read_report(text)
    body = text.index("Children wait too long")
    assert not any(s <= body < e for s, e in report.boilerplate)
    assert any(text[s:e].startswith("What the inspection judgements mean: the local authority")
               for s, e in report.boilerplate)


def test_a_reinspection_reprinting_the_previous_grades_as_a_list_gives_them_no_section() -> None:
    # "The judgements for the local authority were: – Overall effectiveness: inadequate – ..."
    previous = ("Previous Ofsted inspections\n\nThe previous single inspection was published in September 2015. "
                "The judgements for the local authority were:\n\n– Overall effectiveness: inadequate\n\n"
                "– Adoption performance: good\n\n")
    text = SIF_HEAD.replace("Information about this inspection\n", previous + "Information about this inspection\n")
    report = read_report(text)
    sections = _section_grades(report)
    assert sections == [("help and protection", "inadequate"), ("lscb", "requires improvement")]
    # The list is the previous inspection's: its year, not this inspection's date, and no weight of a table.
    previous = [(f.get("year"), f.get("month"), f.get("area"), f.get("rating"), f.get("evidence"))
                for f in report.facts if f.type == "judgement" and f.get("source") == "previous"]
    assert previous == [(2015, None, "overall", "inadequate", "text"), (2015, None, "adoption", "good", "text")]


def test_a_monitoring_visit_letter() -> None:
    meta = read_report(LETTER).meta
    assert meta["kind"] == "ofsted_letter"
    assert meta["title"] == "Monitoring visit to Anytown local authority children's services"
    assert meta["inspection_type"] == "monitoring visit"
    assert meta["published"] == "2019-09-03"
    assert (meta["inspection_start"], meta["inspection_end"]) == ("2019-08-06", "2019-08-07")
    assert meta["lead_inspector"] == "Pat Example"
    assert meta["inspectors"] == ["Pat Example", "Lee Sample"]
    # Ofsted's letterhead (Manchester) is not the council the letter is about.
    assert "authority" not in meta
    assert read_report(LETTER.replace("Anytown", "Sutton")).meta["authority"] == "Sutton"


@pytest.mark.parametrize("sentence", [
    "Her Majesty’s Inspectors for this visit were Pat Example and Lee Sample.",
    "The inspectors for this inspection were Pat Example and Lee Sample.",
    "The visit was CARRIED OUT BY Her Majesty's Inspectors Pat Example and Lee Sample.",
])
def test_the_visit_team_in_a_sentence(sentence: str) -> None:
    text = LETTER.replace("The visit was carried out by Her Majesty's Inspectors Pat Example and Lee Sample.", sentence)
    assert sentence in text
    assert read_report(text).meta["inspectors"] == ["Pat Example", "Lee Sample"]


def test_an_ilacs_head_with_the_lead_inspectors_title_on_its_own_line() -> None:
    text = ("Anytown\n\nInspection of children's social care services\n\nInspection dates: 4 to 15 March 2019\n\n"
            "Lead inspector: Pat Example\nHer Majesty's Inspector\n\nJudgement Grade\n\n"
            "Overall effectiveness Good\n\nInspectors found strong practice across the service.")
    meta = read_report(text).meta
    assert meta["title"] == "Anytown: Inspection of children's social care services"
    assert meta["lead_inspector"] == "Pat Example"
    assert meta["inspection_type"] == "standard inspection"  # twelve days on site
    assert "published" not in meta


def test_a_document_not_from_ofsted_gets_no_report_metadata() -> None:
    report = read_report("Minutes of the cabinet\n\nInspection dates: 4 to 15 March 2019 were noted by members.")
    assert "kind" not in report.meta and report.facts == [] and report.boilerplate == []


def test_empty_text() -> None:
    report = read_report("")
    assert (report.meta, report.facts, report.boilerplate) == ({}, [], [])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500))
def test_any_text_is_safe(text: str) -> None:
    full = "Ofsted\n\nInspection dates: 1 to 5 June 2020\n\n" + text
    report = read_report(full)
    for fact in report.facts:
        assert 0 <= fact.span[0] <= fact.span[1] <= len(full)
    for start, end in report.boilerplate:
        assert 0 <= start <= end <= len(full)


@pytest.mark.parametrize("heading, area", [
    # the grade alone on the line after its heading
    ("The experiences and progress of children looked after and achieving permanence\nRequires improvement",
     "children in care"),
    # "... care leavers: requires improvement to be" / "good": read whole, never "good"
    ("The experiences and progress of care leavers: requires improvement to be\ngood", "care leavers"),
])
def test_a_section_grade_on_the_line_after_its_heading_or_over_two_lines(heading: str, area: str) -> None:
    text = SIF_HEAD.replace("Children wait too long for help.", heading + "\n\nChildren wait too long for help.")
    sections = _section_grades(read_report(text))
    assert (area, "requires improvement") in sections and (area, "good") not in sections


def test_the_boards_grade_printed_as_a_sentence_under_its_heading() -> None:
    # "The Local Safeguarding Children Board requires improvement." under the board's heading: its only grade
    text = SIF_HEAD.replace("The effectiveness of the LSCB requires improvement",
                            "The Local Safeguarding Children Board (LSCB)\n\n"
                            "The Local Safeguarding Children Board requires improvement.")
    text = text.replace("Children wait too long for help. Plans are weak.",
                        "Children wait too long for help. Plans are weak.\n\nAdoption performance is good.")
    report = read_report(text)
    sections = _section_grades(report)
    # A one-sentence paragraph about another area is a sentence, not a heading.
    assert sections == [("help and protection", "inadequate"), ("lscb", "requires improvement")]


def test_the_publication_date_after_the_inspection_dates_on_one_line() -> None:
    text = SIF_HEAD.replace("Inspection date: 7 October 2015 – 29 October 2015\n\nReport published: 4 December 2015",
                            "Inspection date: 7 October 2015 – 29 October 2015 Report published: 4 December 2015")
    meta = read_report(text).meta
    assert meta["published"] == "2015-12-04"
    assert (meta["inspection_start"], meta["inspection_end"]) == ("2015-10-07", "2015-10-29")
