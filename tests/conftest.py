"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import REPORTS


@pytest.fixture
def reports_dir() -> Path:
    """The real Haringey PDF reports; tests using them skip where they are absent."""
    pdfs = sorted(REPORTS.glob("*.pdf")) if REPORTS.is_dir() else []
    if len(pdfs) < 4:
        pytest.skip(f"the real Ofsted reports are not at {REPORTS} (they are not part of the repository)")
    return REPORTS
