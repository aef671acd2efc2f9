"""Seeds plus the real reports: the story's quotes traced to the 2014 report, end to end."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli_helpers import run_cli, run_json
from tests.paths import CORPUS, REPORTS

pytestmark = pytest.mark.reports

QUOTED = "There are no widespread or serious failures"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if len(list(REPORTS.glob("*.pdf"))) < 4:
        pytest.skip(f"the real Ofsted reports are not at {REPORTS} (they are not part of the repository)")
    db = tmp_path_factory.mktemp("sources") / "db.json"
    result = run_cli("import", str(CORPUS), str(REPORTS), db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(run_cli("export", db=db).stdout), db


def test_the_story_quoting_the_2014_report_links_to_it_both_ways(exported):
    data, _ = exported
    docs = {d["id"]: d for d in data["documents"]}
    facts = {f["id"]: f for f in data["facts"]}
    (quote,) = [f for f in data["facts"] if f["type"] == "quote" and (f.get("text") or "").startswith(QUOTED)]
    assert docs[quote["doc_id"]]["source"].endswith("003_aa15a38785ba05d7.txt")
    report_links = [link for link in quote["source_links"]
                    if docs[link["doc_id"]]["source"].endswith("sif-published-2014-07-18.pdf")]
    assert report_links and all(link["relation"] == "quotes" for link in report_links)
    first = report_links[0]
    passage = facts[first["fact_id"]]
    assert passage["type"] == "passage" and passage["span"] == first["span"]
    back = {"doc_id": quote["doc_id"], "fact_id": quote["id"], "span": quote["span"], "relation": "quoted_by"}
    assert back in passage["source_links"]


def test_show_lists_the_link_and_the_2014_event_says_the_story_quotes_the_report(exported):
    data, db = exported
    docs = {d["id"]: d for d in data["documents"]}
    shown = run_cli("show", str(CORPUS / "haringey" / "003_aa15a38785ba05d7.txt"), db=db)
    assert shown.returncode == 0, shown.stderr
    assert "found in: London Borough of Haringey" in " ".join(shown.stdout.split())
    (event,) = [e for e in run_json("timeline", db=db) if e["year"] == 2014 and e["grade"]]
    pairs = {(docs[q["doc_id"]]["kind"], docs[q["quoted_doc_id"]]["source"].rsplit("/", 1)[-1]): q["passages"]
             for q in event["quotes"]}
    assert pairs[("news", "sif-published-2014-07-18.pdf")] >= 5
