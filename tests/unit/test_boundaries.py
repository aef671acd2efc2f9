"""The dependency direction in DESIGN.md: importers and the headless core never load the UI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO

HEADLESS = {
    "importers.pipeline": ("textual", "tinydb", "ofsted_tui", "ofsted_core"),
    "importers.extract": ("textual", "tinydb", "ofsted_tui", "ofsted_core"),
    "importers.vocabulary": ("textual", "tinydb", "ofsted_tui", "ofsted_core"),
    # The core draws nothing: at run time too, not only in its own import lines.
    "ofsted_core.corpus": ("textual", "rich", "ofsted_tui"),
    "ofsted_core.importing": ("textual", "rich", "ofsted_tui"),
    "ofsted_core.export": ("textual", "rich", "ofsted_tui"),
    "ofsted_core.national": ("textual", "rich", "ofsted_tui"),
    "ofsted_core.filters": ("textual", "rich", "ofsted_tui"),
    # The one entry point loads a module when a method first needs it: opening a library
    # for `show` or `timeline` costs neither the importers' rules nor the export code.
    "ofsted_core.library": ("textual", "rich", "ofsted_tui", "importers.extract", "ofsted_core.export",
                            "ofsted_core.corpus"),
    "ofsted_tui.render": ("textual",),
    # Network code is headless; the record of fetches (read by the explorer) needs no network or date rules.
    "ofsted_core.fetch.run": ("textual", "rich"),
    "ofsted_core.fetch.library": ("textual", "rich", "urllib3", "importers.extract"),
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
        for package in ("ofsted_core", "ofsted_tui")
        for p in (REPO / package).rglob("*.py")
        if "tinydb" in p.read_text(encoding="utf-8")
    ]
    assert users == ["ofsted_core/store.py"]


def test_import_linter_contracts_hold():
    """The contracts in pyproject.toml: the core draws nothing, the importers are pure."""
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    out = subprocess.run([linter, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_import_linter_catches_a_broken_boundary(tmp_path):
    """The same contracts fail on a core module that imports the interface (so the check above can fail)."""
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    for package in ("ofsted_core", "ofsted_tui", "importers"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "ofsted_core" / "leak.py").write_text("import ofsted_tui.app\n", encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    out = subprocess.run([linter, "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert out.returncode != 0
    assert "ofsted_core.leak -> ofsted_tui.app" in out.stdout


def test_the_explorer_starts_without_the_network_code():
    code = "import sys, ofsted_tui.app; print(','.join(m for m in ('urllib3', 'ofsted_core.fetch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
