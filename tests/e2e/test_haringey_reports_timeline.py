"""Seeds plus the four real Ofsted reports: the merged Haringey timeline, end to end."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli_helpers import run_cli, run_json
from tests.paths import CORPUS

pytestmark = pytest.mark.reports


@pytest.fixture(scope="module")
def timeline(tmp_path_factory, reports):
    db = tmp_path_factory.mktemp("reports") / "db.json"
    result = run_cli("import", str(CORPUS), str(reports), db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    docs = {d["id"]: d for d in json.loads(run_cli("export", db=db).stdout)["documents"]}
    return run_json("timeline", db=db), docs


@pytest.fixture(scope="module")
def reports():
    from tests.paths import REPORTS

    if len(list(REPORTS.glob("*.pdf"))) < 4:
        pytest.skip(f"the real Ofsted reports are not at {REPORTS} (they are not part of the repository)")
    return REPORTS


def _event(events, year):
    (event,) = [e for e in events if e["year"] == year and e["grade"]]
    return event


def _kinds(event, docs):
    return sorted(docs[d]["kind"] for d in event["doc_ids"])


def test_2014_sif_inspection_with_lscb(timeline):
    events, docs = timeline
    event = _event(events, 2014)
    assert (event["month"], event["day"], event["rating"]) == (5, 20, "requires improvement")
    areas = {a: j["rating"] for a, j in event["judgements"].items()}
    assert set(areas) >= {"overall", "help and protection", "children in care", "adoption", "care leavers",
                          "leadership", "lscb"}
    assert set(areas.values()) == {"requires improvement"}
    assert "ofsted_report" in _kinds(event, docs) and "news" in _kinds(event, docs)


def test_2018_every_judgement_requires_improvement(timeline):
    events, docs = timeline
    event = _event(events, 2018)
    assert event["month"] == 10 and event["rating"] == "requires improvement"
    assert event["rating_text"].lower().endswith("improvement to be good")
    assert {j["rating"] for j in event["judgements"].values()} == {"requires improvement"}
    assert len(event["judgements"]) >= 4
    assert "ofsted_report" in _kinds(event, docs) and "news" in _kinds(event, docs)


def test_2023_good_with_children_in_care_requiring_improvement(timeline):
    events, docs = timeline
    event = _event(events, 2023)
    assert (event["month"], event["rating"]) == (2, "good")
    assert event["judgements"]["children in care"]["rating"] == "requires improvement"
    assert event["judgements"]["care leavers"]["rating"] == "good"
    assert set(_kinds(event, docs)) >= {"ofsted_report", "ofsted_letter", "news"}


def test_2026_outstanding(timeline):
    events, _ = timeline
    event = _event(events, 2026)
    assert (event["month"], event["rating"]) == (1, "outstanding")
    areas = {a: j["rating"] for a, j in event["judgements"].items()}
    assert areas["leadership"] == areas["care leavers"] == "outstanding"
    assert areas["help and protection"] == areas["children in care"] == "good"


def test_no_event_is_invented_from_the_reports_boilerplate(timeline):
    events, _ = timeline
    assert [e["year"] for e in events if e["year"]] == [2008, 2009, 2010, 2011, 2014, 2017, 2018, 2023, 2025, 2026]
