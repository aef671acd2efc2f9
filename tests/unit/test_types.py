"""The typed model holds: mypy checks the modules that take and return the store's typed rows.

The store (``ofsted_core.store``, ``corpus``, ``importing``) still hands out
plain ``dict[str, Any]`` rows and is being rewritten; the modules below take
the rows as ``importers.model``'s TypedDicts, and where they read the store's
rows the one cast says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parents[2]
TYPED = [
    "importers/model.py", "importers/partial_date.py", "importers/vocabulary.py", "importers/sanitize.py",
    "ofsted_core/timeline.py", "ofsted_core/annotations.py", "ofsted_core/export.py", "ofsted_core/national.py",
    "ofsted_core/filters.py", "ofsted_core/labels.py", "ofsted_core/citation.py", "ofsted_core/evidence.py",
    "ofsted_core/grades.py", "ofsted_core/sources.py", "ofsted_core/annotation_input.py",
    "ofsted_core/library.py", "ofsted_core/find.py",
]


def test_the_typed_modules_pass_mypy(tmp_path):
    # Imported modules outside the list are read for their types but not reported on.
    out, err, status = api.run([
        "--ignore-missing-imports", "--follow-imports=silent", "--no-error-summary",
        "--cache-dir", str(tmp_path), *(str(ROOT / name) for name in TYPED),
    ])
    assert status == 0, out + err
