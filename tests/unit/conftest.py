"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from ofsted_core import store as store_module


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per parse of ``db.json`` from here on (what the store's fast paths exist to spare)."""
    counted: list[int] = []
    real = store_module._parse
    monkeypatch.setattr(store_module, "_parse", lambda path, raw: counted.append(1) or real(path, raw))
    return counted
