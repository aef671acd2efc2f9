"""The dependency direction in DESIGN.md: importers and the headless core never load the UI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.paths import REPO

HEADLESS = {
    "importers.pipeline": ("textual", "tinydb", "ofsted_tui"),
    "importers.extract": ("textual", "tinydb", "ofsted_tui"),
    "importers.vocabulary": ("textual", "tinydb", "ofsted_tui"),
    "ofsted_tui.corpus": ("textual",),
    "ofsted_tui.importing": ("textual",),
    "ofsted_tui.export": ("textual",),
    "ofsted_tui.render": ("textual",),
    # Network code is headless; the record of fetches (read by the explorer) needs no network or date rules.
    "ofsted_tui.fetch.run": ("textual", "rich"),
    "ofsted_tui.fetch.library": ("textual", "rich", "urllib3", "importers.extract"),
}


@pytest.mark.parametrize(("module", "forbidden"), HEADLESS.items())
def test_module_does_not_import(module, forbidden):
    code = (
        "import importlib, sys; importlib.import_module(%r); "
        "print(','.join(m for m in %r if m in sys.modules))" % (module, forbidden)
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_the_store_module_touches_tinydb():
    users = [
        p.relative_to(REPO).as_posix()
        for p in (REPO / "ofsted_tui").rglob("*.py")
        if "tinydb" in p.read_text(encoding="utf-8")
    ]
    assert users == ["ofsted_tui/store.py"]


def test_the_explorer_starts_without_the_network_code():
    code = "import sys, ofsted_tui.app; print(','.join(m for m in ('urllib3', 'ofsted_tui.fetch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
