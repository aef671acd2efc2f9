"""Fixtures for the explorer's Pilot tests: a store written from plain dicts, the app on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ofsted_tui.app import OfstedApp, make_app
from ofsted_core.store import Store
from tests.ui.sample import build


@pytest.fixture(autouse=True)
def no_user_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The explorer reads the record of fetches in the user's library: never the real one here."""
    monkeypatch.setenv("OFSTED_TUI_LIBRARY", str(tmp_path / "no-library"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return build(tmp_path / "db.json")


@pytest.fixture
def app(store: Store) -> OfstedApp:
    return make_app(store.path)


@pytest.fixture
def opened(app: OfstedApp, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Calls to ``app.open_document`` (the reader is not opened)."""
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(app, "open_document", lambda doc_id, span=None, fact_id=None: calls.append((doc_id, span, fact_id)))
    return calls
