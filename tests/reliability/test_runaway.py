"""Nothing hangs an import, and nothing of it outlives it.

A FIFO or a device named like a document is skipped with a reason (given,
or found in a folder, with the worker pool running); the size limit holds
while reading, whatever ``stat`` says; ctrl+c ends an import whose workers
are busy; a SIGKILL of an import takes its workers with it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from importers.model import ImporterError
from importers.reading import MAX_BYTES, read_source
from ofsted_core.importing import PARALLEL_MIN_FILES
from ofsted_core.store import Store
from tests.e2e.cli_helpers import console_script
from tests.paths import REPO, SEEDS
from tests.reliability.helpers import flat, run_cli


def _folder(tmp_path: Path, files: int = PARALLEL_MIN_FILES + 3, copies: int = 1) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(files):
        seed = SEEDS[n % len(SEEDS)].read_text(encoding="utf-8")
        (folder / f"{n:02d}.txt").write_text(f"Copy {n}.\n" + "\n\n".join([seed] * copies), encoding="utf-8")
    return folder


def test_a_fifo_in_a_folder_is_skipped_while_the_pool_runs(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "x.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    db = tmp_path / "db.json"
    result = run_cli("import", str(folder), db=db, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    out = flat(result.stdout)
    assert "x.txt is a FIFO (named pipe), not a regular file" in out
    assert "zero.txt is a character device, not a regular file" in out
    assert len(Store(db).read().documents) == PARALLEL_MIN_FILES + 3


@pytest.mark.parametrize("device", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_named_fifo_or_device_is_skipped(tmp_path, device):
    path = tmp_path / "x.txt"
    if device == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(device)
    result = run_cli("import", str(path), str(SEEDS[0]), db=tmp_path / "db.json", timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not a regular file" in flat(result.stdout)
    assert len(Store(tmp_path / "db.json").read().documents) == 1


def test_the_size_limit_holds_while_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:  # sparse: no disk used
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(ImporterError, match="over 25 MB"):
        read_source(big, str(big))
    exact = tmp_path / "exact.txt"
    with exact.open("wb") as out:
        out.truncate(MAX_BYTES)
    assert len(read_source(exact, str(exact))) == MAX_BYTES


def _processes_with(token: str) -> list[int]:
    """Processes whose command line holds ``token`` (the import and its forked workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                state = (entry / "stat").read_text().split(") ", 1)[1][0]
            except OSError:
                continue
            if token.encode() in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


def _start_busy_import(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    folder = _folder(tmp_path, files=24, copies=60)  # long enough to be caught mid-parse
    command = [console_script(), "import", str(folder), "--db", str(tmp_path / "db.json")]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_processes_with(str(folder))) < 2:  # the import and at least one worker
        assert child.poll() is None and time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    return child, str(folder)


def _gone_within(token: str, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _processes_with(token)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc to find the workers")
def test_ctrl_c_ends_an_import_whose_workers_are_busy(tmp_path):
    child, token = _start_busy_import(tmp_path)
    child.send_signal(signal.SIGINT)
    try:
        assert child.wait(timeout=15) == 130
    finally:
        child.kill()
    assert "interrupted" in child.stderr.read()
    assert _gone_within(token, 10) == []


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc to find the workers")
def test_a_killed_import_takes_its_workers_with_it(tmp_path):
    child, token = _start_busy_import(tmp_path)
    child.kill()
    child.wait()
    left = _gone_within(token, 10)
    for pid in left:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []
