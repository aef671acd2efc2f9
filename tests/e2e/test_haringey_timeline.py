"""The Haringey timeline built from the five seeds, end to end through the console script."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli_helpers import run_cli, run_json
from tests.paths import CORPUS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeded") / "db.json"
    result = run_cli("import", str(CORPUS), db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def _source_names(event, docs):
    return sorted(docs[d]["source"].rsplit("/", 1)[-1][:3] for d in event["doc_ids"])


def test_seed_timeline(seeded):
    events = run_json("timeline", db=seeded)
    docs = {d["id"]: d for d in json.loads(run_cli("export", db=seeded).stdout)["documents"]}
    by_label = {}
    for event in events:
        assert event["authority"] == "Haringey"
        by_label.setdefault(event["label"], []).append(event)
    summary = {label: [(e["type"], e["rating"]) for e in evs] for label, evs in by_label.items()}

    assert [r for _, r in summary["2008"]] == ["inadequate"]
    assert summary["2009"] == [("annual rating", "poor")]
    assert summary["Feb 2010"] == [("progress report", None)]
    assert summary["Aug, no year"] == [("unannounced inspection", None)]
    assert [r for _, r in summary["2011"]] == ["adequate"]
    assert [r for _, r in summary["2018"]] == ["requires improvement"]
    assert summary["Feb 2025"] == [("focused visit", None)]

    (y2014,) = [e for e in events if e["year"] == 2014]
    assert y2014["rating"] == "requires improvement"
    assert _source_names(y2014, docs) == ["000", "003"]

    (y2023,) = [e for e in events if e["year"] == 2023]
    assert (y2023["month"], y2023["rating"]) == (2, "good")
    assert y2023["judgements"]["children in care"]["rating"] == "requires improvement"
    assert _source_names(y2023, docs) == ["000", "002"]

    dated = [e for e in events if e["year"] is not None]
    assert [e["year"] for e in dated] == sorted(e["year"] for e in dated)
    assert [e["year"] for e in dated] == [2008, 2009, 2010, 2011, 2014, 2018, 2023, 2025]


def test_undated_documents_stay_undated(seeded):
    docs = json.loads(run_cli("export", db=seeded).stdout)["documents"]
    published = {d["source"].rsplit("/", 1)[-1][:3]: d["published"] for d in docs}
    assert published == {"000": None, "001": None, "002": "2025-03-14", "003": None, "004": "2010-02-23"}
