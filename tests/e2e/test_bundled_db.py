"""The committed db.json is what `ofsted-tui rebuild corpus --db db.json` makes today."""

from __future__ import annotations

from ofsted_core.store import Store
from tests.e2e.cli_helpers import run_cli
from tests.paths import REPO

# When and from which copy of the files: differs between checkouts, not between versions.
VOLATILE = ("imported_at", "file")


def _comparable(path):
    data = Store(path).read()
    docs = [{k: v for k, v in d.items() if k not in VOLATILE} for d in data.documents]
    return sorted(docs, key=lambda d: d["id"]), sorted(data.facts, key=lambda f: f["id"]), data.events


def test_bundled_store_is_current(tmp_path):
    fresh = tmp_path / "db.json"
    result = run_cli("rebuild", "corpus", db=fresh, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    committed = _comparable(REPO / "db.json")
    rebuilt = _comparable(fresh)
    assert committed[0] == rebuilt[0], "db.json documents are stale: run `ofsted-tui rebuild corpus --db db.json`"
    assert committed[1] == rebuilt[1], "db.json facts are stale: run `ofsted-tui rebuild corpus --db db.json`"
    assert committed[2] == rebuilt[2], "db.json events are stale: run `ofsted-tui rebuild corpus --db db.json`"


def test_bundled_store_sources_are_relative_to_the_checkout():
    data = Store(REPO / "db.json").read()
    assert data.documents
    assert all(d["source"].startswith("corpus/") for d in data.documents)
