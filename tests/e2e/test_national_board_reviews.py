"""Real reports of the dev half (``../shared/reports/national/``, skipped where absent): the
review of a Local Safeguarding Children Board is a board review, never the council's
inspection, whether it is printed with the inspection (a SIF report) or on its own; and a
month named beside a statistic ("only 68% in June 2015") dates no inspection.

Only the ``dev`` half of ``benchmarks/accuracy/report_split.json`` is read.
"""

from __future__ import annotations

import re

import pytest

from importers.extract.clauses import other_event_date
from importers.extract.dates import find_dates
from importers.model import ImportedDocument
from importers.pdf_report import read_report
from importers.pipeline import import_file
from ofsted_core.timeline import build_events
from tests.e2e.test_national_reports import _dev_reports
from tests.paths import NATIONAL

pytestmark = pytest.mark.reports

_SIF = re.compile(r"^\d{4,7}_[^/]+/children's services inspection - \d\d \w+ 201[4-7]\.pdf$")
_DATES_LINE = re.compile(r"^[ \t]*Inspection dates?[ \t]*:[^\n]*$", re.MULTILINE)
# The board's own section of a SIF report opens on its heading (the last one: the contents
# page prints it too).
_BOARD_HEADING = re.compile(r"\n\nThe (?:Local Safeguarding Children Board|LSCB)(?: \(LSCB\))?\n\n")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A month and year standing next to a rate or a count, in either order.
_BESIDE_A_FIGURE = re.compile(
    rf"\d[\d,.]*\s*%\s+(?:in|at|by)\s+{_MONTH}\s+20\d\d"
    rf"|\b(?:In|At|By)\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+20\d\d,\s+(?:there\s+were\s+)?\d[\d,]*\s+"
    r"(?:children|young|families|cases)"
)


@pytest.fixture(scope="module")
def sif_reports() -> list[ImportedDocument]:
    paths = [NATIONAL / name for name in _dev_reports() if _SIF.match(name)]
    if not paths or not all(p.is_file() for p in paths):
        pytest.skip(f"the national reports are not at {NATIONAL} (they are not part of the repository)")
    return [import_file(p) for p in paths]


def _events(doc_id: str, published: str | None, authority: str | None, facts: list) -> list[dict]:
    document = {"id": doc_id, "kind": "ofsted_report", "published": published, "authority": authority}
    rows = [{**f.to_dict(), "id": f"{doc_id}-{k}", "doc_id": doc_id} for k, f in enumerate(facts)]
    return build_events([document], rows)


def test_a_sif_report_with_its_boards_review_is_the_councils_inspection(sif_reports):
    for doc in sif_reports:
        own = [f for f in doc.facts if f.type == "inspection" and f.get("subject")]
        assert own and {f.get("inspection_type") for f in own} == {"inspection"}, doc.source
        graded = {f.get("area") for f in doc.facts
                  if f.type == "judgement" and f.get("evidence") in ("table", "headline")}
        if "lscb" in graded:
            assert "overall" in graded, doc.source  # the board's grade sits beside the council's


def test_a_boards_review_published_on_its_own_is_a_board_review(sif_reports):
    # Each SIF report's own board section, set out as the board's review alone is printed when
    # it comes apart from the council's report: its title, its inspection dates, its section.
    checked = 0
    for doc in sif_reports:
        text = doc.text
        dates = _DATES_LINE.search(text)
        headings = list(_BOARD_HEADING.finditer(text))
        if dates is None or not headings:
            continue
        board = ("Review of the effectiveness of the Local Safeguarding Children Board\n\n"
                 f"{dates.group(0)}\n\n{text[headings[-1].start() + 2:]}")
        report = read_report(board)
        assert report.meta.get("inspection_type") == "review", doc.source
        events = _events("board", report.meta.get("published"), doc.authority, report.facts)
        assert events and {e["type"] for e in events} == {"review"}, (doc.source, [e["type"] for e in events])
        checked += 1
    assert checked >= 5


def test_a_month_beside_a_statistic_dates_no_inspection(sif_reports):
    found = 0
    for doc in sif_reports:
        text = doc.text
        for match in _BESIDE_A_FIGURE.finditer(text):
            (date,) = [d for d in find_dates(match.group(0)) if d.month is not None]
            assert other_event_date(match.group(0), date), (doc.source, match.group(0))
            start = text.rfind(".", 0, match.start()) + 1
            end = text.find(".", match.end())
            for fact in doc.facts:
                if fact.type == "inspection" and start <= fact.span[0] < end and not fact.get("subject"):
                    dated = (fact.get("year"), fact.get("month"))
                    assert dated != (date.year, date.month), (doc.source, match.group(0))
            found += 1
    assert found >= 3  # the dev reports print several ("52% in February 2015")
