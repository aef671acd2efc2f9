"""Document metadata: kind, title, publisher, published date and council."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.metadata import (
    detect_kind,
    detect_metadata,
    detect_published,
    detect_publisher,
    detect_title,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "haringey"


def seed(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# --- the seeds -------------------------------------------------------------------


def test_seed_000_undated_news() -> None:
    meta = detect_metadata(seed("000"))
    # Its first line is a sentence (the standfirst), so no headline is printed.
    assert meta == {"title": None, "kind": "news", "publisher": None, "published": None,
                    "authority": "Haringey"}


def test_seed_001_undated_news_with_headline() -> None:
    meta = detect_metadata(seed("001"))
    assert meta["title"] == "Haringey children’s service improving says Ofsted"
    assert meta["kind"] == "news"
    # "The inspection, which took place in August" and "released today" date nothing.
    assert meta["published"] is None
    assert meta["authority"] == "Haringey"


def test_seed_002_ofsted_letter() -> None:
    meta = detect_metadata(seed("002"))
    assert meta == {
        "title": "Focused visit to Haringey children's services",
        "kind": "ofsted_letter",
        "publisher": "Ofsted",
        "published": "2025-03-14",
        "authority": "Haringey",
    }


def test_seed_003_undated_news() -> None:
    meta = detect_metadata(seed("003"))
    assert meta["title"] == "Haringey children’s services making progress but requires improvement"
    assert meta["kind"] == "news"
    # "in March 2013" is in the body.
    assert meta["published"] is None
    assert meta["authority"] == "Haringey"


def test_seed_004_bbc_news() -> None:
    meta = detect_metadata(seed("004"))
    assert meta == {
        "title": "'Baby Peter' council's child services 'improved'",
        "kind": "news",
        "publisher": "BBC",
        # The dateline, not the 2018 copyright year or "August 2007" in the body.
        "published": "2010-02-23",
        "authority": "Haringey",
    }


# --- passages of each kind, about other councils -----------------------------------

OLD_LETTER = """Ofsted
Aviation House
125 Kingsway
London WC2B 6SE

T 08456 404040
www.ofsted.gov.uk

3 November 2011

Mr Ian Smith
Director of Children's Services
Leeds City Council
Civic Hall
Leeds LS1 1UR

Dear Mr Smith

Unannounced inspection of contact, referral and assessment arrangements within local authority children's services

This letter summarises the findings of the unannounced inspection of contact, referral and assessment arrangements within local authority children's services in Leeds, which took place on 11 and 12 October 2011.

Areas for development
- The quality of assessments.

Yours sincerely

Jane Doe
Her Majesty's Inspector
"""

REPORT = """Inspection of Kent local authority children's services

Inspection dates: 13 to 24 February 2023
Lead inspector: A Person, His Majesty's Inspector

Judgement Grade
The impact of leaders on social work practice with children and families Good
Overall effectiveness Good

Children in Kent receive good help. Ofsted found that leaders know their services well.
What needs to improve?
The quality of supervision.
"""

PDF_REPORT = """1

Wigan

Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the Local Safeguarding Children Board

Inspection date: 20 May 2014 – 11 June 2014
Report published: 18 July 2014

The overall judgement is good

Ofsted produces this report under its power to combine reports.
"""

MINUTES = """SOUTHWARK COUNCIL

Minutes of the Children's Services Scrutiny Commission held on Tuesday 12 March 2014 at 7.00 pm at Town Hall

Present: Councillor A Smith (Chair), Councillor B Jones

1. Apologies for absence
Apologies were received from Councillor C Brown.
2. Declarations of interest
None.
3. Ofsted inspection of children's services
The director reported that Ofsted had rated the service good in 2013.
RESOLVED: that the report be noted.
"""

NEWS = """Skip to main content
Birmingham children's services rated inadequate again
By Jane Reporter
Published: 3 March 2023

Birmingham's children's services have been rated inadequate by Ofsted, inspectors said.

Cllr Sam Jones said: "We are disappointed."

The council said it would appeal. A spokesman added that a plan was in place since 2021.

© Newsquest Media Group Ltd 2023. All rights reserved.
"""


def test_old_ofsted_letter_from_another_council() -> None:
    meta = detect_metadata(OLD_LETTER)
    assert meta["kind"] == "ofsted_letter"
    assert meta["title"] == (
        "Unannounced inspection of contact, referral and assessment arrangements within "
        "local authority children's services"
    )
    assert meta["publisher"] == "Ofsted"
    assert meta["published"] == "2011-11-03"
    assert meta["authority"] == "Leeds"


def test_report_from_another_council() -> None:
    meta = detect_metadata(REPORT)
    assert meta["kind"] == "ofsted_report"
    assert meta["title"] == "Inspection of Kent local authority children's services"
    assert meta["publisher"] == "Ofsted"
    # Inspection dates are not the report's publication date.
    assert meta["published"] is None
    assert meta["authority"] == "Kent"


def test_pdf_report_heading_broken_over_lines() -> None:
    meta = detect_metadata(PDF_REPORT)
    assert meta["kind"] == "ofsted_report"
    assert meta["title"] == (
        "Inspection of services for children in need of help and protection, "
        "children looked after and care leavers"
    )
    assert meta["published"] == "2014-07-18"
    assert meta["authority"] == "Wigan"


def test_minutes() -> None:
    meta = detect_metadata(MINUTES)
    assert meta["kind"] == "minutes"
    assert meta["title"].startswith("Minutes of the Children's Services Scrutiny Commission")
    assert meta["published"] == "2014-03-12"
    assert meta["publisher"] is None
    assert meta["authority"] == "Southwark"


def test_news_from_another_council() -> None:
    meta = detect_metadata(NEWS)
    assert meta == {
        "title": "Birmingham children's services rated inadequate again",
        "kind": "news",
        "publisher": "Newsquest Media Group Ltd",
        "published": "2023-03-03",
        "authority": "Birmingham",
    }


def test_plain_text_is_other() -> None:
    text = "Notes for the team\n\nRemember to file the reports before Friday.\n"
    assert detect_kind(text) == "other"
    assert detect_metadata(text)["authority"] is None


def test_a_letter_not_from_ofsted_is_not_an_ofsted_letter() -> None:
    text = "12 May 2020\n\nDear Parent\n\nSchool trip\n\nPlease sign the form.\n\nYours sincerely\n\nThe Head\n"
    assert detect_kind(text) != "ofsted_letter"


def test_a_letter_is_not_taken_for_a_report() -> None:
    # Ofsted letters use a report's words ("What needs to improve").
    assert detect_kind(seed("002")) == "ofsted_letter"


# --- published dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        ("Page last updated at 12:08 GMT, Tuesday, 23 February 2010", "2010-02-23"),
        ("Published: 3 March 2023", "2023-03-03"),
        ("Published 3 March 2023 | By Jane Smith", "2023-03-03"),
        ("By Jane Smith | Published 3 March 2023", "2023-03-03"),
        ("Last updated 10:31, 4 April 2023", "2023-04-04"),
        ("Updated: 4 April 2023", "2023-04-04"),
        ("Date of publication: June 2019", "2019-06"),
        ("Publication date: 2016", "2016"),
        ("Posted on February 23, 2010", "2010-02-23"),
        ("Tue 4 Apr 2023 10.31 BST", "2023-04-04"),
        ("By Jane Smith, 5 May 2021", "2021-05-05"),
        ("Date: 12 March 2014", "2014-03-12"),
        ("Published: 2023-03-03T10:00:00Z", "2023-03-03"),
        # A council newsroom's label as a sentence (dev: 2018-08-06-north-yorkshire-...).
        ("This story was published 6 August 2018", "2018-08-06"),
        ("This article was first published on 12 March 2019", "2019-03-12"),
        ("This press release was published on Tuesday, 4 April 2023", "2023-04-04"),
    ],
)
def test_datelines(head: str, iso: str) -> None:
    text = f"Council services rated good\n{head}\n\nThe council said it was pleased with the report.\n"
    assert detect_published(text) == iso


def test_published_label_wins_over_updated() -> None:
    text = "Headline of the story here\nUpdated: 5 March 2023\nPublished: 3 March 2023\n\nBody."
    assert detect_published(text) == "2023-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "Council rated good\n\nThe inspection took place in February 2023 and the report followed.",
        "Council rated good\n\nIn 2014 the council was rated inadequate.\n\nCopyright © 2018 BBC.",
        "Council rated good\n\nUpdated figures show 2014 was a hard year for the council.",
        "Council rated good\n\nThe report was published on 3 March 2023, the council said in a statement.",
        # A date line deep in the body is not a dateline.
        "Council rated good\n" + "The council said it was pleased.\n" * 12 + "3 March 2023\n",
        "Inspection of Kent local authority children's services\n\nInspection dates: 13 to 24 February 2023\n",
        "Notes\n\nDate of next meeting: 4 April 2014\n",
        # Only the page's own label: the report it tells of is not the page.
        "Council rated good\nThis report was published on 3 March 2023 by Ofsted.\n",
    ],
)
def test_body_dates_are_never_the_published_date(text: str) -> None:
    assert detect_published(text) is None


def test_letter_date_before_the_salutation_only() -> None:
    text = "Dear Ms Jones\n\nFocused visit to Leeds children's services\n\n14 March 2025\n\nBody."
    assert detect_published(text) is None


# --- titles and publishers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Skip to content\nMenu\nKent children's services rated good\nBody text follows here.",
         "Kent children's services rated good"),
        ("# Kent children's services rated good\n\nBody.", "Kent children's services rated good"),
        ("Published: 3 March 2023\nKent children's services rated good\nBody.",
         "Kent children's services rated good"),
        ("Is this the end for Kent's children's services?\nBody.",
         "Is this the end for Kent's children's services?"),
        ("The council was rated good by inspectors last week, the report shows.\nMore.", None),
        ("", None),
    ],
)
def test_news_titles(text: str, title: str | None) -> None:
    assert detect_title(text, "news") == title


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Story.\nCopyright © 2018 BBC. The BBC is not responsible.", "BBC"),
        ("Story.\n© Archant Community Media Ltd", "Archant Community Media Ltd"),
        ("Story.\n© Copyright 2023 Newsquest Media Group Ltd. All rights reserved", "Newsquest Media Group Ltd"),
        ("Story.\nCopyright 2001-2023 Reach plc", "Reach plc"),
        ("Story.\n© Crown copyright 2023", None),
        ("Steps:\n(c) The council must ensure children are safe.", None),
        ("Copyright law was discussed.", None),
        ("No signals at all.", None),
    ],
)
def test_publisher_from_copyright_line(text: str, publisher: str | None) -> None:
    assert detect_publisher(text, "news") == publisher


def test_publisher_of_ofsted_documents() -> None:
    assert detect_publisher(REPORT) == "Ofsted"
    assert detect_publisher(OLD_LETTER) == "Ofsted"


# --- robustness --------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    meta = detect_metadata(text)
    assert set(meta) == {"title", "kind", "publisher", "published", "authority"}
    assert meta["kind"] in {"ofsted_report", "ofsted_letter", "news", "minutes", "other"}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["Dear Ms X\n", "Published: ", "3 March 2023", "\n", "Ofsted", "© ", "Minutes of ", "said ",
     "Kent", " held on ", "Inspection of ", "children's services", "Yours sincerely\n", "|"]
)).map("".join))
def test_signal_soup_never_raises(text: str) -> None:
    meta = detect_metadata(text)
    if meta["published"] is not None:
        assert meta["published"][:2] in {"19", "20"}



def test_ofsted_letter_copied_without_its_address_block_is_a_letter():
    text = (
        "9 March 2021\n\nFocused visit to Reading children's services\n\n"
        "This letter summarises the findings of the focused visit to Reading children's services "
        "on 2 and 3 February 2021.\n\nYours sincerely\n\nAnne Waterman\nHer Majesty's Inspector\n"
    )
    assert detect_kind(text) == "ofsted_letter"
    # A sign-off alone, from no inspector, is no Ofsted letter.
    assert detect_kind("Thank you for your letter about the park.\n\nYours sincerely\n\nJo Bloggs\n") != (
        "ofsted_letter"
    )


def test_a_release_opening_on_its_day_is_dated_by_it() -> None:
    # A council release's first paragraph opens on its day and a colon:
    # https://hillingdon.gov.uk/article/12010/Hillingdon-Councils-Childrens-Services-judged-Outstanding-by-Ofsted (dev)
    head = ("Hillingdon Council's Children's Services judged 'Outstanding' by Ofsted\n"
            "Monday 20 November 2023: Hillingdon Council's Children's Services has been judged as one of "
            "the best in England, following an 'Outstanding' Ofsted report.\n")
    assert detect_published(head) == "2023-11-20"
    # A wire story's place, day and dash.
    assert detect_published("LONDON, 12 June 2020 - Ofsted has published its findings.\n") == "2020-06-12"
    # Not a timeline's lines, nor Hansard's column heading (a written answer's day dates
    # none of the grades it lists).
    assert detect_published("Timeline\nJune 2012: rated inadequate\n12 June 2013: Ofsted rated it good.\n") is None
    assert detect_published("Previous Section | Index | Home Page |\n5 Jan 2010 : Column 286W\n") is None


def test_a_dateline_may_give_the_pages_reading_time() -> None:
    # https://www.sefton.gov.uk/mysefton-news/latest-news/sefton-children-s-services-rated-good-by-ofsted (dev)
    head = "Sefton Children’s Services Rated ‘Good’ by Ofsted\n\n12 August 2025 3min read\n\nSefton Council is celebrating.\n"
    assert detect_published(head) == "2025-08-12"
    # A reading time alone dates nothing.
    # https://www.cypnow.co.uk/content/analysis/new-inspections-reveal-progress (dev)
    assert detect_published("Analysis\n\nNew inspections reveal progress\n\n3 mins read Children's Services\n") is None
