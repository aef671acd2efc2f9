"""Real Ofsted reports on councils other than Haringey (the dev half): each report's own grades
are its table's and headline's, and the merged timeline shows them on its inspection.

Reads ``../shared/reports/national/`` and skips where it is absent. Only the
``dev`` half of ``benchmarks/accuracy/report_split.json`` is read here: the
``test`` half is kept for scoring.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from importers.extract.body_grades import covered_areas
from importers.model import ImportedDocument
from importers.pipeline import import_file
from ofsted_core.timeline import build_events
from tests.paths import NATIONAL, REPORT_SPLIT

LABELS = REPORT_SPLIT.parent / "labels"

pytestmark = pytest.mark.reports


@cache
def _dev_reports() -> tuple[str, ...]:
    split = json.loads(REPORT_SPLIT.read_text(encoding="utf-8"))
    return tuple(sorted(name for name, half in split.items() if half == "dev"))


@pytest.fixture(scope="module")
def reports() -> list[ImportedDocument]:
    paths = [NATIONAL / name for name in _dev_reports()]
    if not paths or not all(p.is_file() for p in paths):
        pytest.skip(f"the national reports are not at {NATIONAL} (they are not part of the repository)")
    return [import_file(p) for p in paths]


def _own_period(doc: ImportedDocument) -> tuple[int, int]:
    year, month = doc.inspected_start.split("-")[:2]
    return int(year), int(month)


def _own_grades(doc: ImportedDocument) -> dict[str, str]:
    return {f.get("area"): f.get("rating") for f in doc.facts
            if f.type == "judgement" and f.get("evidence") in ("table", "headline")}


def test_every_report_has_a_council_and_a_date(reports):
    for doc in reports:
        assert doc.kind == "ofsted_report" and doc.authority, doc.source
        assert doc.published or doc.inspected_start, doc.source


def test_every_report_states_its_overall_grade_in_its_table_or_headline(reports):
    for doc in reports:
        assert "overall" in _own_grades(doc), (doc.source, _own_grades(doc))


def test_no_grade_for_this_inspection_beyond_the_table_and_headline(reports):
    for doc in reports:
        own = _own_grades(doc)
        covered = covered_areas(set(own))
        period = _own_period(doc)
        for fact in doc.facts:
            if fact.type != "judgement" or fact.get("evidence") != "text":
                continue
            if (fact.get("year"), fact.get("month")) == period or fact.get("year") == period[0]:
                # Said in the body of this inspection: only for an area the table does not grade.
                assert fact.get("area") not in covered, (doc.source, fact.fields, doc.text[fact.span[0] - 150:fact.span[1]])
            else:
                assert fact.get("year") and fact.get("year") < period[0], (doc.source, fact.fields)


def test_no_other_council_in_a_reports_facts(reports):
    for doc in reports:
        for fact in doc.facts:
            if fact.type in ("judgement", "inspection"):
                assert fact.get("authority") in (None, doc.authority), (doc.source, fact.type, fact.fields)


def test_the_timeline_shows_each_reports_own_grade_on_its_inspection(reports):
    for doc in reports:
        document = {"id": doc.id, "kind": doc.kind, "published": doc.published, "authority": doc.authority}
        facts = [{**f.to_dict(), "id": f"{doc.id}-{k}", "doc_id": doc.id} for k, f in enumerate(doc.facts)]
        events = build_events([document], facts)
        year, month = _own_period(doc)
        own = [e for e in events if (e["year"], e["month"]) == (year, month)]
        assert len(own) == 1, (doc.source, [(e["year"], e["month"], e["type"]) for e in own])
        assert own[0]["rating"] == _own_grades(doc)["overall"], doc.source
        # No phantom: every other event is an earlier one of the same council, dated at least to its year.
        for event in events:
            assert event["authority"] == doc.authority, (doc.source, event["authority"])
            assert event["year"] is not None and (event["year"], event["month"] or 0) <= (year, month), (
                doc.source, event["year"], event["month"], event["type"])


def _labels() -> dict[str, dict]:
    """The dev reports' labels read by people from the PDFs (``benchmarks/accuracy/labels``), where present."""
    found = {}
    for path in sorted(LABELS.glob("reports*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                if label.get("split") == "dev":
                    found[label["file"]] = label
    return found


def test_own_grades_and_timeline_match_what_people_read_in_the_pdfs(reports):
    labels = _labels()
    if not labels:
        pytest.skip(f"no report labels in {LABELS} yet")
    for doc in reports:
        label = labels.get(str(Path(doc.source).relative_to(NATIONAL)))
        if label is None:
            continue
        assert doc.inspected_start == label["inspection_start"], doc.source
        assert doc.published == label["published"], doc.source
        # Every grade the report gives, and none it does not.
        assert _own_grades(doc) == label["judgements"], doc.source


def test_a_report_without_a_publication_date_is_shown_by_its_inspection_dates(reports, tmp_path):
    from tests.e2e.cli_helpers import run_cli

    doc = next(d for d in reports if d.published is None)
    db = tmp_path / "db.json"
    assert run_cli("import", doc.source, db=db).returncode == 0
    exported = json.loads(run_cli("export", db=db).stdout)["documents"]
    assert [(d["published"], d["inspected_start"], d["inspected_end"]) for d in exported] == [
        (None, doc.inspected_start, doc.inspected_end)]
    shown = run_cli("show", doc.id, db=db).stdout
    assert "Inspected" in shown and doc.inspected_end[:4] in shown
    markdown = run_cli("export", "--format", "md", db=db).stdout
    assert "- Date: inspected " in markdown
    csv_header = run_cli("export", "--format", "csv", "--table", "documents", db=db).stdout.splitlines()[0]
    assert "inspected_start" in csv_header


def test_the_rules_date_a_reports_first_page_grades_to_the_inspection_its_head_names(reports):
    # A report's body tells earlier visits too ("through a recent focused visit"): typed
    # as that visit, its own first-page grades were left undated (a visit grades nothing),
    # and a same-grade sentence about an earlier year then lent them its year.
    from importers.extract import DocContext, judgements

    for doc in reports:
        head = next(f.get("inspection_type") for f in doc.facts if f.type == "inspection" and f.get("subject"))
        ctx = DocContext(authority=doc.authority, kind=doc.kind, inspection_type=head)
        year = _own_period(doc)[0]
        for fact in judgements.extract(doc.text, ctx):
            start = fact.span[0]
            sentence = doc.text[max(doc.text.rfind(".", 0, start), doc.text.rfind("\n", 0, start)) + 1:
                                doc.text.find(".", start) % (len(doc.text) + 1)]
            # An undated first-page sentence ("Children's services in X are good") is the inspection's.
            if start < 600 and fact.get("authority") in (None, doc.authority) and not re.search(r"\b(?:19|20)\d\d\b", sentence):
                assert fact.get("year") == year, (doc.source, fact.span, fact.fields)
