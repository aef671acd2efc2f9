"""Every fact of a real PDF report names the page a person finds its words on.

Checked against PDFium's own text of each page, on reports of the development
half of ``../shared/reports/national/`` (see benchmarks/accuracy/report_split.json);
skipped where those reports are absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from importers.pipeline import import_file
from ofsted_core.citation import cite
from ofsted_core.importing import document_row
from tests.paths import REPO

NATIONAL = REPO.parent / "shared" / "reports" / "national"
SPLIT = REPO / "benchmarks" / "accuracy" / "report_split.json"
# One report of each era, from the development half.
SAMPLE = (
    "80438_brighton and hove/children's services inspection - 22 june 2015.pdf",
    "80441_bristol/children's services inspection - 10 march 2023.pdf",
)


def _printed_pages(name: str) -> tuple[Path, list[str]]:
    """A development report and PDFium's own text of each page, whitespace collapsed; skips where absent."""
    path = NATIONAL / name
    if not path.is_file():
        pytest.skip(f"the real national reports are not at {NATIONAL} (they are not part of the repository)")
    assert json.loads(SPLIT.read_text(encoding="utf-8"))[name] == "dev"
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return path, [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("name", SAMPLE)
def test_each_fact_is_on_the_page_it_names(name: str) -> None:
    path, pages = _printed_pages(name)
    doc = import_file(path)
    assert len(doc.page_starts) == len(pages)
    checked = 0
    for fact in doc.facts:
        words = " ".join(doc.text[fact.span[0]:fact.span[1]].split())[:30]
        printed_on = [n for n, page in enumerate(pages, 1) if words in page]
        if len(words) < 12 or not printed_on:
            continue  # too short to place, or mended across a line (a hyphen dropped)
        checked += 1
        assert fact.get("page") in printed_on, (words, fact.get("page"), printed_on)
    assert checked >= 10


def test_a_numbered_paragraph_is_cited_by_its_own_number_on_the_page_it_starts() -> None:
    path, pages = _printed_pages(SAMPLE[0])
    imported = import_file(path)
    doc = {**document_row(imported, "now"), "id": imported.id}
    numbered = list(re.finditer(r"(?m)^(\d{1,3})\. (\S+ \S+ \S+ \S+)", doc["text"]))
    assert len(numbered) > 50
    for match in numbered[10:]:  # past the short numbered list of recommendations
        citation = cite(doc, match.start(2), match.end(2))
        assert citation.numbered == int(match.group(1))
        assert f"{match.group(1)}. {match.group(2)}" in pages[citation.page - 1]
        assert citation.place() == f"page {citation.page}, paragraph {match.group(1)}"
