"""A store for the comparison's Pilot and snapshot tests: the small national CSV in the real format
(Norfolk and its ten statistical neighbours, tests/fixtures/national) and real-format Ofsted letters."""

from __future__ import annotations

from pathlib import Path

from ofsted_core.importing import import_paths
from ofsted_core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCES = (FIXTURES / "national" / "compare_history.csv", FIXTURES / "unseen" / "focused_letter.txt",
           FIXTURES / "unseen" / "monitoring_letter.txt")


def compare_store(path: Path) -> Store:
    store = Store(path)
    assert import_paths(store, [str(p) for p in SOURCES]).ok
    return store
