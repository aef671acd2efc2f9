"""The command line and every export say where sources disagree on a grade, and name the page of a fact."""

from __future__ import annotations

import csv
import io
import json

from tests.reliability.helpers import cli
from tests.ui.sample import disputed_data, write_store


def _store(tmp_path):
    return write_store(tmp_path / "db.json", disputed_data()).path


def test_timeline_marks_the_disputed_event_with_the_other_grade_and_who_gives_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    db = _store(tmp_path)
    code, out, _ = cli(capsys, "timeline", "--authority", "Haringey", db=db)
    assert code == 0
    lines = out.splitlines()
    feb = next(i for i, line in enumerate(lines) if "Feb 2023" in line)
    assert "Good" in lines[feb]
    assert any("\u2260 overall: Inadequate in 1 doc (news)" in line for line in lines[feb:feb + 8])
    assert sum("\u2260" in line for line in lines) == 1

    code, out, _ = cli(capsys, "timeline", "--json", db=db)
    events = {e["label"]: e for e in json.loads(out) if e["authority"] == "Haringey"}
    assert events["Feb 2023"]["rating"] == "good"
    assert events["Feb 2023"]["judgements"]["overall"]["evidence"] == "text"
    assert [(c["area"], c["rating"], c["doc_ids"]) for c in events["Feb 2023"]["conflicts"]] == [
        ("overall", "inadequate", ["h2023wrong"])]
    assert events["Feb 2014"]["conflicts"] == []


def test_the_exports_keep_the_conflict(tmp_path, capsys):
    db = _store(tmp_path)
    _, out, _ = cli(capsys, "export", "--format", "json", db=db)
    (event,) = [e for e in json.loads(out)["events"] if e["conflicts"]]
    assert event["conflicts"][0]["rating"] == "inadequate"
    _, out, _ = cli(capsys, "export", "--format", "csv", "--table", "events", db=db)
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["conflicts"]]
    assert len(rows) == 1 and rows[0]["conflicts"] == "overall: Inadequate in 1 doc (news) [h2023wrong]"
    assert (rows[0]["overall grade"], rows[0]["overall rating"]) == ("2", "Good")
    _, out, _ = cli(capsys, "export", "--format", "md", db=db)
    (row,) = [line for line in out.splitlines() if "\u2260" in line]
    plain = row.replace("\\", "")  # Markdown punctuation in the cell is escaped
    assert plain.startswith("| Feb 2023 | Haringey |") and "Good (\u2260 overall: Inadequate in 1 doc (news))" in plain
