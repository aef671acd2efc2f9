"""A store holding the national record for the Councils tab's tests: the fixture history CSV.

``tests/fixtures/national/history.csv`` is in the data-to-insight scraper's
format with made-up grades for ten councils (none of it read from a report),
so the tab's tests and snapshots run wherever the repository is checked out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ofsted_core.store import Store
from ofsted_tui.cli import main

__all__ = ["HISTORY", "TODAY", "national_store"]

HISTORY = Path(__file__).resolve().parent.parent / "fixtures" / "national" / "history.csv"
TODAY = dt.date(2026, 12, 1)  # "months since" is counted to this day, so pictures do not age


def national_store(path: Path) -> Store:
    """A store at ``path`` with the fixture CSV imported (through the command line, as a user does)."""
    assert main(["import", str(HISTORY), "--db", str(path)]) == 0
    return Store(path)
