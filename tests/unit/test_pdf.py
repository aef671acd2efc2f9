"""read_pdf on PDFs the tests write themselves: layout, metadata, facts and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.extract.inspections import INSPECTION_TYPES
from importers.metadata import detect_metadata
from importers.model import FACT_FIELDS, ImporterError, Parsed
from importers.pdf import read_pdf
from importers.pipeline import import_file
from importers.sanitize import clean_text
from tests.fixtures.pdf_builder import (
    FOOTER_DATES,
    FOOTER_TITLE,
    Page,
    build_pdf,
    drawing_only_pdf,
    ilacs_style_report,
)


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def outside(parsed: Parsed) -> str:
    """The text with its furniture ranges left out."""
    out, last = [], 0
    for start, end in parsed.furniture:
        out.append(parsed.text[last:start])
        last = end
    return "".join(out + [parsed.text[last:]])


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Parsed:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(build_pdf(ilacs_style_report()))
    return read_pdf(path)


def paragraphs(parsed: Parsed) -> list[str]:
    return [p for p in outside(parsed).split("\n\n") if p.strip()]


# --- text ---------------------------------------------------------------------


def test_the_text_is_clean(report: Parsed) -> None:
    assert report.text == clean_text(report.text)
    assert "\ufffe" not in report.text and "\ufb01" not in report.text and "\r" not in report.text


def test_running_footer_and_page_numbers_are_furniture_only(report: Parsed) -> None:
    # Each page after the first keeps its footer, title above dates and page number, as one block.
    for number in (2, 3):
        footer = f"{FOOTER_TITLE}\n{FOOTER_DATES} {number}"
        start = report.text.index(footer)
        assert any(s <= start and start + len(footer) <= e for s, e in report.furniture)
    # Outside the furniture the title and the dates are left once each, at the head of the report.
    assert outside(report).count(FOOTER_TITLE) == 1 and outside(report).count(FOOTER_DATES) == 1
    assert outside(report).startswith(f"{FOOTER_TITLE}\n\nInspection dates: {FOOTER_DATES}")


def test_a_paragraph_reads_on_across_the_page_break(report: Parsed) -> None:
    assert any(p.endswith("where demand for help is highest. Leaders know what needs to improve and have plans "
                          "in place.") for p in paragraphs(report))
    assert any(p.startswith("3. Children’s cases stay open") and p.endswith(
        "well attended by partners, who share information well. Thresholds are understood across the "
        "partnership.") for p in paragraphs(report))


def test_hyphens_ligatures_and_bullets(report: Parsed) -> None:
    text = outside(report)
    assert "child protection concerns" in text
    assert "decision-making" in text
    assert "Workers are confident and skilled" in text
    assert "\n\n• The timeliness of initial safety planning for a small number of disabled children when a risk " \
           "of harm is suspected.\n\n• The quality of supervision" in text


def test_footnote_marker_and_footnote(report: Parsed) -> None:
    found = paragraphs(report)
    assert "What needs to improve?¹" in found
    note = found.index("¹ The areas for improvement have been cross-referenced with the national framework.")
    assert found[note - 1].startswith("3. Children’s cases stay open")


def test_table_rows_read_as_one_line_each(report: Parsed) -> None:
    found = paragraphs(report)
    assert "The experiences and progress of children in care\nRequires improvement to be good" in found
    assert "Overall effectiveness Good" in found


def test_the_closing_boilerplate_is_furniture(report: Parsed) -> None:
    assert "regulates and inspects" not in outside(report)
    assert "© Crown copyright 2026" not in outside(report)


# --- metadata and facts ---------------------------------------------------------


def test_metadata(report: Parsed) -> None:
    meta = report.meta
    assert {k: meta.get(k) for k in (
        "title", "kind", "publisher", "authority", "published", "inspection_type", "inspection_start",
        "inspection_end", "lead_inspector", "inspectors",
    )} == {
        "title": "Inspection of Barnsley local authority children’s services",
        "kind": "ofsted_report",
        "publisher": "Ofsted",
        "authority": "Barnsley",
        "published": None,  # ILACS reports print no publication date
        "inspection_type": "short inspection",
        "inspection_start": "2026-01-12",
        "inspection_end": "2026-01-16",
        "lead_inspector": "Jane Example",
        "inspectors": ["Jane Example"],
    }


def test_judgement_facts_from_the_table_and_the_section_headings(report: Parsed) -> None:
    judgements = [f for f in report.facts if f.type == "judgement"]
    table = [(f.get("area"), f.get("rating"), f.get("grade")) for f in judgements if f.get("source") == "table"]
    assert table == [
        ("leadership", "good", 2), ("help and protection", "good", 2),
        ("children in care", "requires improvement", 3), ("care leavers", "outstanding", 1), ("overall", "good", 2),
    ]
    sections = [(f.get("area"), report.text[f.span[0]:f.span[1]]) for f in judgements if f.get("source") == "section"]
    assert sections == [("help and protection", "good"), ("children in care", "requires improvement to be good")]
    for fact in judgements:
        assert (fact.get("year"), fact.get("month"), fact.get("day")) == (2026, 1, 12)
        assert fact.get("authority") == "Barnsley" and fact.get("era") == "ilacs"


def test_inspection_and_improvement_facts(report: Parsed) -> None:
    (inspection,) = [f for f in report.facts if f.type == "inspection"]
    assert report.text[inspection.span[0]:inspection.span[1]] == f"Inspection dates: {FOOTER_DATES}"
    assert inspection.get("inspection_type") == "short inspection"
    assert inspection.get("inspection_type") in INSPECTION_TYPES
    assert inspection.get("subject") is True and inspection.get("date_source") == "text"
    assert inspection.get("lead_inspector") == "Jane Example"
    improvements = [f.get("text") for f in report.facts if f.type == "improvement"]
    assert improvements == [
        "The timeliness of initial safety planning for a small number of disabled children when a risk of harm "
        "is suspected.",
        "The quality of supervision in ensuring that plans for children make a positive impact.",
    ]


def test_every_fact_span_is_inside_the_text_and_has_its_fields(report: Parsed) -> None:
    for fact in report.facts:
        start, end = fact.span
        assert 0 <= start < end <= len(report.text)
        assert set(FACT_FIELDS[fact.type]) <= set(fact.fields)
        if fact.type == "judgement":
            assert report.text[start:end] == fact.get("rating_text")
        if fact.type == "improvement":
            assert " ".join(report.text[start:end].split()) == fact.get("text")
        assert not any(s <= start < e for s, e in report.furniture)


def letter_pages() -> list[Page]:
    first = Page()
    for i, line in enumerate(("Ofsted", "Piccadilly Gate", "Store Street", "Manchester", "M1 2WD")):
        first.text(400, 780 - 14.5 * i, line, 10)
    first.text(70.9, 680, "14 March 2025")
    for i, line in enumerate(("Alex Director", "Director of Children’s Services", "Barnsley Council")):
        first.text(70.9, 650 - 14.5 * i, line)
    first.text(70.9, 590, "Dear Alex Director")
    first.text(70.9, 562, "Focused visit to Barnsley children’s services")
    y = first.paragraph(70.9, 534, "This letter summarises the findings of the focused visit to Barnsley "
                        "children’s services on 11 and 12 February 2025. His Majesty’s Inspectors for this "
                        "visit were Jane Example and John Sample.", width=452)
    first.text(70.9, y - 14, "What needs to improve in this area of social work practice?")
    first.paragraph(70.9, y - 42, "• The consistency of supervision and its impact on plans for children.",
                    width=452, hanging=17.9)
    second = Page()
    y = second.paragraph(70.9, 736, "Ofsted will take the findings from this focused visit into account when "
                         "planning the next inspection or visit.", width=452)
    second.text(70.9, y - 20, "Yours sincerely")
    second.text(70.9, y - 60, "Jane Example")
    second.text(70.9, y - 74.5, "His Majesty’s Inspector")
    return [first, second]


def test_a_focused_visit_letter(tmp_path: Path) -> None:
    parsed = read_pdf(write(tmp_path, build_pdf(letter_pages())))
    meta = parsed.meta
    assert meta["kind"] == "ofsted_letter"
    assert meta["title"] == "Focused visit to Barnsley children’s services"
    assert meta["published"] == "2025-03-14"
    assert meta["inspection_type"] == "focused visit"
    assert (meta["inspection_start"], meta["inspection_end"]) == ("2025-02-11", "2025-02-12")
    assert meta["lead_inspector"] == "Jane Example"
    assert meta["inspectors"] == ["Jane Example", "John Sample"]
    assert [f.get("text") for f in parsed.facts if f.type == "improvement"] == [
        "The consistency of supervision and its impact on plans for children."]
    assert not [f for f in parsed.facts if f.type == "judgement"]


def test_a_pdf_that_is_not_from_ofsted_gets_text_but_no_report_metadata(tmp_path: Path) -> None:
    page = Page()
    page.text(70.9, 760, "Cabinet meeting minutes", 16)
    page.paragraph(70.9, 720, "The cabinet noted the report on school transport and agreed the budget for the "
                   "next year. Members asked for an update on the library service in the autumn.", width=452)
    parsed = read_pdf(write(tmp_path, build_pdf([page])))
    assert parsed.text.startswith("Cabinet meeting minutes\n\nThe cabinet noted the report")
    assert parsed.facts == [] and parsed.furniture == []
    assert "kind" not in parsed.meta and "publisher" not in parsed.meta


def _minutes_page() -> Page:
    page = Page()
    page.text(70.9, 760, "Cabinet meeting minutes, 4 March 2024", 16)
    page.paragraph(70.9, 720, "The cabinet noted the report on school transport and agreed the budget for the "
                   "next year. Members asked for an update on the library service in the autumn.", width=452)
    return page


@pytest.mark.parametrize("pages", [ilacs_style_report, lambda: [_minutes_page()]], ids=["report", "minutes"])
def test_an_import_keeps_the_readers_metadata_and_the_texts_for_the_rest(tmp_path: Path, pages) -> None:
    # The import may skip detections whose answers the reader overrides; what
    # it keeps must be what running them all and letting the reader win gives.
    path = write(tmp_path, build_pdf(pages()))
    parsed = read_pdf(path)
    expected = detect_metadata(parsed.text)
    expected.update({key: value for key, value in parsed.meta.items() if value})
    doc = import_file(path)
    got = {"title": doc.title, "kind": doc.kind, "publisher": doc.publisher, "authority": doc.authority,
           "published": doc.published}
    assert got == {key: expected.get(key) for key in got}


def test_control_sequences_in_the_text_layer_are_removed(tmp_path: Path) -> None:
    page = Page()
    page.paragraph(70.9, 720, "A line with \x1b[31mcolour\x1b[0m codes and a \x07bell in it, and more words to "
                   "make it long enough to read as a page of text.", width=452)
    parsed = read_pdf(write(tmp_path, build_pdf([page])))
    assert "\x1b" not in parsed.text and "\x07" not in parsed.text
    assert "colour codes and a bell in it" in parsed.text


# --- files that cannot be read ---------------------------------------------------


def reason(path: Path) -> str:
    with pytest.raises(ImporterError) as caught:
        read_pdf(path)
    assert caught.value.path == str(path)
    return caught.value.reason


def test_an_encrypted_pdf_asks_for_an_unprotected_copy(tmp_path: Path) -> None:
    data = build_pdf(ilacs_style_report(), password="secret")
    assert "password-protected" in reason(write(tmp_path, data))


def test_the_encrypted_test_file_is_really_encrypted_not_damaged(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    data = build_pdf(ilacs_style_report(), password="secret")
    document = pdfium.PdfDocument(data, password="secret")
    assert "Inspection dates" in document[0].get_textpage().get_text_range()


def test_a_truncated_pdf(tmp_path: Path) -> None:
    data = build_pdf(ilacs_style_report())
    assert "truncated" in reason(write(tmp_path, data[: len(data) * 2 // 3]))


def test_a_damaged_pdf(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    assert "damaged" in reason(write(tmp_path, data))


@pytest.mark.parametrize(("data", "words"), [
    (b"<!DOCTYPE html><html><body><p>Saved page</p></body></html>", "web page"),
    (b"PK\x03\x04" + b"\x00" * 40, "ZIP"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image"),
    (b"", "empty"),
    (b"Just some text\n", "%PDF-"),
])
def test_a_file_that_is_not_a_pdf(tmp_path: Path, data: bytes, words: str) -> None:
    found = reason(write(tmp_path, data))
    assert found.startswith("is not a PDF") and words in found


def test_a_pdf_without_a_text_layer(tmp_path: Path) -> None:
    assert "no text layer" in reason(write(tmp_path, drawing_only_pdf(3)))


def test_a_pdf_whose_pages_are_mostly_images(tmp_path: Path) -> None:
    pages = [ilacs_style_report()[0], Page(drawing=True), Page(drawing=True), Page(drawing=True)]
    assert "3 of 4 pages" in reason(write(tmp_path, build_pdf(pages)))


def test_uncompressed_pdfs_read_alike(tmp_path: Path, report: Parsed) -> None:
    plain = read_pdf(write(tmp_path, build_pdf(ilacs_style_report(), compress=False)))
    assert plain.text == report.text
