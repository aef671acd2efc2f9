"""A store whose JSON parses but whose rows are wrong is refused like a damaged one.

Exit status 2, a message naming the file, the table, the row and what is
wrong, for reading, writing and the explorer; the file is left byte for byte.
"""

from __future__ import annotations

import json

import pytest

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS
from tests.reliability.helpers import cli, flat

COMMANDS = (("timeline",), ("export", "--format", "csv"), ("search", "Ofsted"), ("import", str(SEEDS[1])), ())


def _first(data, table):
    return data[table][min(data[table], key=int)]


DAMAGE = {
    "document without text": ("documents", lambda d: _first(d, "documents").pop("text")),
    "document text not a string": ("documents", lambda d: _first(d, "documents").update(text=12)),
    "row that is a number": ("facts", lambda d: d["facts"].update({"99999": 7})),
    "fact without id": ("facts", lambda d: _first(d, "facts").pop("id")),
    "span that is a string": ("facts", lambda d: _first(d, "facts").update(span="0-10")),
    "span out of range": ("facts", lambda d: _first(d, "facts").update(span=[0, 10**9])),
    "fact without type": ("facts", lambda d: _first(d, "facts").pop("type")),
    "huge integer": ("facts", lambda d: _first(d, "facts").update(year=2**62)),
    "event without doc_ids": ("events", lambda d: _first(d, "events").pop("doc_ids")),
    "judgements as a list": ("events", lambda d: _first(d, "events").update(judgements=[])),
    "annotation that is a string": ("annotations", lambda d: d["annotations"].update({"1": "note"})),
}


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("valid") / "db.json"
    assert import_paths(Store(db), [str(SEEDS[0])]).ok
    # Written as a single-file store (schema 1), where every row can be damaged in
    # place; opening it checks the rows before migrating, as reading a current store does.
    data = Store(db).read()
    as_table = lambda rows: {str(n): row for n, row in enumerate(rows, 1)}  # noqa: E731
    single = {name: as_table(getattr(data, name)) for name in ("documents", "facts", "events", "annotations")}
    single["meta"] = {"1": {"schema": 1}}
    assert single["facts"] and single["events"]
    return single


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "explorer")
def test_a_damaged_row_is_refused_and_the_store_untouched(tmp_path, capsys, monkeypatch, valid, damage, command):
    monkeypatch.setenv("COLUMNS", "300")
    table, change = DAMAGE[damage]
    data = json.loads(json.dumps(valid))
    change(data)
    db = tmp_path / "db.json"
    db.write_text(json.dumps(data))
    content = db.read_bytes()
    code, _, err = cli(capsys, *command, db=db)
    assert code == 2, err
    message = flat(err)
    assert str(db) in message and f"of table '{table}' is damaged" in message and "Restore it from a backup" in message
    assert db.read_bytes() == content
