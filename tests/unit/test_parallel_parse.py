"""parse_files in worker processes: the same documents, failures and progress as one by one."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

import ofsted_core.importing as importing
from ofsted_core.importing import PARALLEL_MIN_FILES, Failure, parse_files
from tests.paths import SEEDS

DYING_MARK = "worker-dies-here"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for a pool, with bad ones among them."""
    root = tmp_path_factory.mktemp("many")
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    for n in range(24):
        sub = root / f"part{n % 3}"
        sub.mkdir(exist_ok=True)
        # Each file different, so each is its own document.
        (sub / f"story{n:02d}.txt").write_text(f"Story {n}\n\n{texts[n % len(texts)]}", encoding="utf-8")
    (root / "part1" / "binary.txt").write_bytes(b"\x00\x01\x02 not text" * 50)
    (root / "part2" / "empty.md").write_text("   \n", encoding="utf-8")
    (root / "part2" / f"{DYING_MARK}.txt").write_text("Ofsted rated the council good in 2019.", encoding="utf-8")
    return root


def run(paths: list[str], workers: int) -> tuple[list, list[Failure], list[tuple[str, int, int]]]:
    ticks: list[tuple[str, int, int]] = []
    docs, failures = parse_files(paths, progress=lambda *tick: ticks.append(tick), workers=workers)
    return docs, failures, ticks


def test_pool_gives_what_one_by_one_gives(folder: Path) -> None:
    paths = [str(folder), str(folder / "missing.txt")]
    serial = run(paths, workers=1)
    pooled = run(paths, workers=2)
    assert pooled == serial
    docs, failures, ticks = pooled
    assert len(docs) == 25
    assert [f.path.rsplit("/", 1)[-1] for f in failures] == ["binary.txt", "empty.md", "missing.txt"]
    assert "binary file" in failures[0].reason and failures[2].reason == "does not exist"
    assert [done for _, done, _ in ticks] == list(range(1, 29))
    assert {total for _, _, total in ticks} == {28}


def test_without_processes_it_parses_here(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = run([str(folder)], workers=1)

    def refuse(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", refuse)
    assert run([str(folder)], workers=2) == serial


def _dying_chunk(chunk):  # type: ignore[no-untyped-def]
    if multiprocessing.parent_process() is not None and any(DYING_MARK in path for path, _ in chunk):
        os._exit(1)  # a worker killed mid-run (a crash in a native library, the OOM killer)
    return [importing._parse_one(path, problem) for path, problem in chunk]


def test_a_dead_worker_does_not_lose_files(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = run([str(folder)], workers=1)
    monkeypatch.setattr(importing, "_parse_chunk", _dying_chunk)
    assert run([str(folder)], workers=2) == serial


def test_few_files_never_start_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args, **kwargs):
        raise AssertionError("a pool was started for a few files")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", forbidden)
    few = [str(path) for path in SEEDS[:PARALLEL_MIN_FILES - 1]]
    docs, failures = parse_files(few, workers=2)
    assert len(docs) == len(few) and not failures
