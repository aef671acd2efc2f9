"""read_pdf on the four real Haringey reports (SIF 2014, ILACS 2018, 2023, 2026).

The reports are not part of the repository: every test here takes the
``reports_dir`` fixture, which skips with the reason where they are absent.
The assertions hold structure and judgements only, never the reports' words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from importers.model import Parsed
from importers.pdf import read_pdf

pytestmark = pytest.mark.reports

RI = "requires improvement"
EXPECTED = {
    "sif-published-2014-07-18.pdf": {
        "meta": {"kind": "ofsted_report", "inspection_type": "inspection", "inspection_start": "2014-05-20",
                 "inspection_end": "2014-06-11", "published": "2014-07-18"},
        "era": "sif",
        "table": [("overall", RI), ("help and protection", RI), ("children in care", RI), ("adoption", RI),
                  ("care leavers", RI), ("leadership", RI), ("lscb", RI)],
        "sections": [("help and protection", RI), ("children in care", RI), ("adoption", RI),
                     ("care leavers", RI), ("leadership", RI), ("lscb", RI)],
        "improvements": {None: 17, "lscb": 4},
        "footnotes": 3,
    },
    "ilacs-standard-published-2018-12-14.pdf": {
        "meta": {"kind": "ofsted_report", "inspection_type": "standard inspection", "inspection_start": "2018-10-29",
                 "inspection_end": "2018-11-09", "published": None},
        "era": "ilacs",
        "table": [("leadership", RI), ("help and protection", RI), ("children in care and care leavers", RI),
                  ("overall", RI)],
        "sections": [("help and protection", RI), ("children in care and care leavers", RI), ("leadership", RI)],
        "improvements": {None: 9},
        "footnotes": 0,
    },
    "ilacs-standard-published-2023-04-11.pdf": {
        "meta": {"kind": "ofsted_report", "inspection_type": "standard inspection", "inspection_start": "2023-02-13",
                 "inspection_end": "2023-02-24", "published": None},
        "era": "ilacs",
        "table": [("leadership", "good"), ("help and protection", "good"), ("children in care", RI),
                  ("care leavers", "good"), ("overall", "good")],
        "sections": [("help and protection", "good"), ("children in care", RI), ("care leavers", "good"),
                     ("leadership", "good")],
        "improvements": {None: 5},
        "footnotes": 0,
    },
    "ilacs-short-published-2026-02-24.pdf": {
        "meta": {"kind": "ofsted_report", "inspection_type": "short inspection", "inspection_start": "2026-01-12",
                 "inspection_end": "2026-01-16", "published": None},
        "era": "ilacs",
        "table": [("leadership", "outstanding"), ("help and protection", "good"), ("children in care", "good"),
                  ("care leavers", "outstanding"), ("overall", "outstanding")],
        "sections": [("help and protection", "good"), ("children in care", "good"),
                     ("care leavers", "outstanding"), ("leadership", "outstanding")],
        "improvements": {None: 1},
        "footnotes": 1,
    },
}
NAMES = sorted(EXPECTED)


@cache
def parse(path: Path) -> Parsed:
    return read_pdf(path)


@cache
def bare_pages(path: Path) -> tuple[str, ...]:
    document = pdfium.PdfDocument(path)
    return tuple(document[i].get_textpage().get_text_range() for i in range(len(document)))


def outside(parsed: Parsed) -> str:
    out, last = [], 0
    for start, end in parsed.furniture:
        out.append(parsed.text[last:start])
        last = end
    return "".join(out + [parsed.text[last:]])


@pytest.fixture(params=NAMES)
def name(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def parsed(reports_dir: Path, name: str) -> Parsed:
    return parse(reports_dir / name)


def test_metadata(parsed: Parsed, name: str) -> None:
    expected = EXPECTED[name]["meta"]
    assert {key: parsed.meta.get(key) for key in expected} == expected
    assert parsed.meta["authority"] == "Haringey"
    assert parsed.meta["publisher"] == "Ofsted"
    lead = parsed.meta["lead_inspector"]
    assert lead and parsed.meta["inspectors"][0] == lead
    assert re.search(rf"Lead inspector: {re.escape(lead)}\b", parsed.text)


def test_the_sif_report_names_its_whole_team(reports_dir: Path) -> None:
    meta = parse(reports_dir / "sif-published-2014-07-18.pdf").meta
    assert len(meta["inspectors"]) == 7 and len(set(meta["inspectors"])) == 7


def test_table_judgements_are_dated_by_the_inspection(parsed: Parsed, name: str) -> None:
    table = [f for f in parsed.facts if f.type == "judgement" and f.get("source") == "table"]
    assert [(f.get("area"), f.get("rating")) for f in table] == EXPECTED[name]["table"]
    start = EXPECTED[name]["meta"]["inspection_start"]
    for fact in table:
        assert f"{fact.get('year')}-{fact.get('month'):02d}-{fact.get('day'):02d}" == start
        assert fact.get("era") == EXPECTED[name]["era"] and fact.get("authority") == "Haringey"
        assert parsed.text[fact.span[0]:fact.span[1]] == fact.get("rating_text")


def test_body_sections_carry_their_areas_judgement(parsed: Parsed, name: str) -> None:
    sections = [(f.get("area"), f.get("rating")) for f in parsed.facts
                if f.type == "judgement" and f.get("source") == "section"]
    assert sections == EXPECTED[name]["sections"]
    spans = parsed.meta["sections"]
    assert [s["area"] for s in spans] == [area for area, _ in EXPECTED[name]["sections"]]
    assert all(a["end"] <= b["start"] for a, b in zip(spans, spans[1:]))


def test_improvements_are_one_fact_per_item(parsed: Parsed, name: str) -> None:
    improvements = [f for f in parsed.facts if f.type == "improvement"]
    assert Counter(f.get("area") for f in improvements) == EXPECTED[name]["improvements"]
    for fact in improvements:
        item = parsed.text[fact.span[0]:fact.span[1]]
        assert item[0].isupper() and item.rstrip()[-1] in ".)"
        assert " ".join(item.split()) == fact.get("text")


def test_the_inspection_fact(parsed: Parsed, name: str) -> None:
    (inspection,) = [f for f in parsed.facts if f.type == "inspection"]
    meta = EXPECTED[name]["meta"]
    start = (inspection.get("year"), inspection.get("month"), inspection.get("day"))
    end = (inspection.get("end_year"), inspection.get("end_month"), inspection.get("end_day"))
    assert "%d-%02d-%02d" % start == meta["inspection_start"]
    assert "%d-%02d-%02d" % end == meta["inspection_end"]
    assert inspection.get("inspection_type") == meta["inspection_type"]
    assert inspection.get("lead_inspector") == parsed.meta["lead_inspector"]


def test_no_word_is_lost_or_repeated(reports_dir: Path, parsed: Parsed, name: str) -> None:
    """The reader's words, furniture included, are exactly the extracted page texts' words."""
    def words(text: str) -> Counter[str]:
        return Counter(re.findall(r"[A-Za-z]+", text.replace("\ufffe", "-")))

    assert words(parsed.text) == words("\n".join(bare_pages(reports_dir / name)))


def test_every_page_number_is_furniture(reports_dir: Path, parsed: Parsed, name: str) -> None:
    pages = len(bare_pages(reports_dir / name))
    numbers = set()
    for start, end in parsed.furniture:
        numbers.update(int(n) for n in re.findall(r"(?m)(?:^| )(\d{1,2})$", parsed.text[start:end]))
    assert set(range(2, pages + 1)) <= numbers


def test_running_headers_never_reach_the_body(reports_dir: Path, parsed: Parsed, name: str) -> None:
    body = outside(parsed)
    for page_text in bare_pages(reports_dir / name)[1:]:
        # PDFium reads each later page's running footer or page number first.
        first = page_text.split("\r\n", 1)[0].strip()
        if re.fullmatch(r"\d+", first):
            assert not re.search(rf"(?m)^{first}$", body)
        else:
            assert body.count(first) <= 1  # once at most: the report's own title


def test_the_text_reads_cleanly(parsed: Parsed) -> None:
    assert not re.search("[\ufffe\ufb00-\ufb06\ue000-\uf8ff\r\u00ad]", parsed.text)
    paragraphs = [p for p in outside(parsed).split("\n\n") if p.strip()]
    # A paragraph break never falls inside a sentence (the SIF title's "and" aside).
    assert sum(1 for p in paragraphs if p[0].islower()) <= 1
    assert not any(p.endswith("-") for p in paragraphs)
    # Prose is re-flowed: long paragraphs are single lines.
    assert all("\n" not in p for p in paragraphs if len(p) > 300)


def test_footnotes_follow_their_paragraph_with_their_marker(parsed: Parsed, name: str) -> None:
    notes = [p for p in parsed.text.split("\n\n") if re.match("[¹²³⁴⁵⁶⁷⁸⁹] [A-Z]", p)]
    assert len(notes) == EXPECTED[name]["footnotes"]
    for note in notes:
        assert parsed.text.index(note[0]) < parsed.text.index(note)


def test_boilerplate_is_furniture_and_holds_no_fact(parsed: Parsed, name: str) -> None:
    last_start, last_end = parsed.furniture[-1]
    assert last_end == len(parsed.text)  # Ofsted's back page
    assert "Crown copyright" in parsed.text[last_start:last_end]
    assert "Crown copyright" not in outside(parsed)
    if name.startswith("sif"):
        # The contents page and both "What the inspection judgements mean" sections.
        assert parsed.text.count("What the inspection judgements mean") == 4
        assert "What the inspection judgements mean" not in outside(parsed)
    for fact in parsed.facts:
        assert not any(s <= fact.span[0] < e for s, e in parsed.furniture)
