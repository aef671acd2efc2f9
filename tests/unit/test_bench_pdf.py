"""benchmarks/bench_pdf.py: the check that two trees import the real reports alike, and its guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import bench_pdf


def _line(source: str, **fields: object) -> str:
    return json.dumps({"source": source, **fields}, sort_keys=True)


def test_the_same_imports_differ_nowhere() -> None:
    lines = [_line("a.pdf", text="one"), _line("b.pdf", text="two")]
    assert bench_pdf.differing(lines, list(lines)) == []


def test_a_report_imported_differently_is_named() -> None:
    mine = [_line("a.pdf", text="one", facts=[1]), _line("b.pdf", text="two")]
    theirs = [_line("a.pdf", text="one", facts=[1, 2]), _line("b.pdf", text="two")]
    assert bench_pdf.differing(mine, theirs) == ["a.pdf"]


def test_a_report_missing_from_one_tree_is_reported() -> None:
    mine = [_line("a.pdf", text="one"), _line("b.pdf", text="two")]
    differ = bench_pdf.differing(mine, mine[:1])
    assert differ == ["(2 reports here, 1 there)"]


def test_another_tree_cannot_be_chosen_once_the_importers_are_loaded(tmp_path: Path) -> None:
    # The tests have imported this tree's importers: timing "another tree" now
    # would time this one, so the child refuses instead of reporting false figures.
    import importers.pipeline  # noqa: F401

    with pytest.raises(RuntimeError, match="before the tree was chosen"):
        bench_pdf._use_tree(tmp_path)
