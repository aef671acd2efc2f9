"""A dataset's rows merge into the events of the reports they describe; where they disagree the report wins.

The dataset's facts come from importing a small made-up history CSV; the
report's are built by hand (what is tested is the merge, not the PDF reader).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from importers.pipeline import import_file
from ofsted_core.importing import document_row, fact_rows
from ofsted_core.timeline import build_events
from tests.unit.test_dataset import HEADER, LINK


def _dataset(tmp_path: Path, *rows: str) -> tuple[dict, list[dict]]:
    path = tmp_path / "history.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    doc = import_file(path)
    return document_row(doc, "2026-01-01T00:00:00+00:00"), fact_rows(doc)


def _report(kind: str = "ofsted_report", rating: str = "good", grade: int = 2) -> tuple[dict, list[dict]]:
    doc = {"id": "report", "kind": kind, "text": "Overall effectiveness Good", "authority": "Haringey",
           "published": None, "source": "report.pdf", "title": "Inspection of Haringey"}
    fact = {"id": "report-0000", "doc_id": "report", "type": "judgement", "span": [22, 26], "authority": "Haringey",
            "year": 2024, "month": 2, "day": 26, "precision": "day", "rating": rating, "rating_text": rating,
            "grade": grade, "area": "overall", "era": "ilacs", "event_type": "inspection", "evidence": "table"}
    return doc, [fact]


def _row(overall: str) -> str:
    return (f"80498,haringey,{LINK}1,x.pdf,12/04/24,standard,Ann Example,26/02/2024,08/03/2024,"
            f"{overall},good,good,good,good,1")


def _event(docs: list[dict], facts: list[dict]) -> dict[str, Any]:
    (event,) = [e for e in build_events(docs, facts) if e["year"] == 2024]
    return event


def test_the_row_and_the_report_are_one_event(tmp_path: Path) -> None:
    data, data_facts = _dataset(tmp_path, _row("good"))
    report, report_facts = _report()
    event = _event([data, report], data_facts + report_facts)
    assert event["doc_ids"] == ["report", data["id"]]  # the report first: it weighs most
    assert event["type"] == "standard inspection" and event["rating"] == "good"
    assert event["conflicts"] == []
    assert event["judgements"]["overall"]["doc_id"] == "report"
    assert sorted(event["judgements"]["overall"]["doc_ids"]) == sorted(["report", data["id"]])


def test_where_they_disagree_the_report_wins_and_the_dataset_is_the_conflict(tmp_path: Path) -> None:
    data, data_facts = _dataset(tmp_path, _row("inadequate"))
    report, report_facts = _report()
    for docs in ([data, report], [report, data]):
        event = _event(docs, data_facts + report_facts)
        assert (event["rating"], event["grade"]) == ("good", 2)
        (conflict,) = event["conflicts"]
        assert (conflict["area"], conflict["rating"], conflict["kind"]) == ("overall", "inadequate", "dataset")
        assert conflict["doc_ids"] == [data["id"]]
        # The dataset's fact keeps its provenance: the row and the report link.
        (fact,) = [f for f in data_facts if f["id"] in conflict["fact_ids"]]
        assert fact["row"] == 2 and fact["link"] == f"{LINK}1"


def test_the_dataset_outweighs_news(tmp_path: Path) -> None:
    data, data_facts = _dataset(tmp_path, _row("inadequate"))
    story, story_facts = _report(kind="news", rating="good", grade=2)
    story_facts[0]["evidence"] = "text"
    event = _event([data, story], data_facts + story_facts)
    assert event["rating"] == "inadequate"
    assert [(c["rating"], c["kind"]) for c in event["conflicts"]] == [("good", "news")]


def test_rows_of_many_councils_make_events_of_each(tmp_path: Path) -> None:
    other = f"80418,norfolk,{LINK}2,x.pdf,01/03/19,short,Bob Example,14/01/2019,18/01/2019,good,good,good,good,inspection_pre_dates_judgement,1"
    data, data_facts = _dataset(tmp_path, _row("good"), other)
    events = build_events([data], data_facts)
    assert {(e["authority"], e["date"], e["rating"]) for e in events} == {
        ("Haringey", "2024-02-26", "good"), ("Norfolk", "2019-01-14", "good")}
    assert {e["type"] for e in events} == {"standard inspection", "short inspection"}


def test_a_row_dated_by_its_publication_joins_no_inspection_after_it(tmp_path: Path) -> None:
    # Two 2015 reports of one council, known only by their publication (June and August):
    # the June one cannot be about an inspection in July.
    rows = (f"80567,surrey,{LINK}1,x.pdf,03/06/15,,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1",
            f"80567,surrey,{LINK}2,x.pdf,03/08/15,,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1")
    data, data_facts = _dataset(tmp_path, *rows)
    report = {"id": "report", "kind": "ofsted_report", "text": "Inspection", "authority": "Surrey",
              "published": None, "source": "report.pdf", "title": "Inspection of Surrey"}
    inspected = {"id": "report-0000", "doc_id": "report", "type": "inspection", "span": [0, 10], "authority": "Surrey",
                 "inspection_type": "inspection", "year": 2015, "month": 7, "day": 1, "precision": "day", "subject": True}
    events = build_events([data, report], data_facts + [inspected])
    by_month = {e["month"]: e for e in events}
    assert {f["row"] for f in data_facts if f["id"] in by_month[7]["fact_ids"]} == {3}
    assert {f["row"] for f in data_facts if f["id"] in by_month[None]["fact_ids"]} == {2}
