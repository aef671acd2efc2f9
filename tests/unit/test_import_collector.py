"""An import pauses the cyclic garbage collector where it is all the process does, and only there."""

from __future__ import annotations

import gc
import threading

import pytest

from ofsted_core import importing
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.paths import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed corpus is absent")


def _import_recording(tmp_path, monkeypatch) -> list[bool]:
    seen: list[bool] = []
    real_parse, real_apply = importing.parse_found, importing.apply_documents

    def parse(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_parse(*args, **kwargs)

    def apply(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(importing, "parse_found", parse)
    monkeypatch.setattr(importing, "apply_documents", apply)
    assert import_paths(Store(tmp_path / "db.json"), [str(seed) for seed in SEEDS]).ok
    return seen


def test_the_command_lines_import_runs_without_the_collector_and_restores_it(tmp_path, monkeypatch):
    assert gc.isenabled()
    assert _import_recording(tmp_path, monkeypatch) == [False, False]
    assert gc.isenabled()


def test_an_import_in_a_worker_thread_leaves_the_collector_to_the_interface(tmp_path, monkeypatch):
    seen: list[list[bool]] = []
    worker = threading.Thread(target=lambda: seen.append(_import_recording(tmp_path, monkeypatch)))
    worker.start()
    worker.join()
    assert seen == [[True, True]]
