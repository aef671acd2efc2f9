"""A store can always be rebuilt from its sources: the export is the proof.

There is no command that imports an export; instead ``export --format json``
of a store equals the export of a store rebuilt from the same sources, and
rebuilding a store in place keeps the user's annotations.
"""

from __future__ import annotations

import json

from ofsted_core.annotations import make_annotation
from ofsted_core.store import Store
from tests.paths import CORPUS
from tests.reliability.helpers import cli, export


def _by_id(rows):
    return sorted(rows, key=lambda row: row["id"])


def test_export_equals_a_store_rebuilt_from_the_same_sources(tmp_path, capsys):
    db = tmp_path / "db.json"
    assert cli(capsys, "import", str(CORPUS), db=db)[0] == 0
    with Store(db).transaction() as data:
        data.annotations.append(make_annotation("note", data.documents[0], body="keep me"))
    before = json.loads(cli(capsys, "export", db=db)[1])

    fresh = tmp_path / "fresh.json"
    assert cli(capsys, "rebuild", str(CORPUS), db=fresh)[0] == 0
    rebuilt = export(fresh)
    assert _by_id(rebuilt["facts"]) == _by_id(before["facts"])
    assert _by_id(rebuilt["documents"]) == _by_id(before["documents"])
    assert rebuilt["events"] == before["events"]

    assert cli(capsys, "rebuild", str(CORPUS), db=db)[0] == 0
    again = export(db)
    assert _by_id(again["facts"]) == _by_id(before["facts"])
    assert again["annotations"] == before["annotations"]
