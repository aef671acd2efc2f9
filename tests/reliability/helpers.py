"""Running the real console script under faults, and reading stores for comparison.

Tests often run as root in containers, where permission bits do not apply:
``as_ordinary_user`` drops the two capabilities that let root ignore them, so
a file with no read permission or a read-only folder behaves for the child as
it does for any user. Elsewhere it changes nothing.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ofsted_core.store import Store
from tests.e2e.cli_helpers import console_script
from tests.paths import REPO

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2

# Any C0/C1 control but newline: what a document must never get into our output.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _drop_permission_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def permissions_apply() -> bool:
    """Whether a child started with ``as_ordinary_user`` is bound by permission bits."""
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(["true"], preexec_fn=_drop_permission_override, capture_output=True)
    return probe.returncode == 0


def need_permissions() -> None:
    if not permissions_apply():
        pytest.skip("running as root without CAP_SETPCAP: permission bits cannot be made to apply")


def run_cli(
    *args: str, db: Path | None = None, cwd: Path = REPO, env: dict[str, str] | None = None,
    preexec=None, timeout: float = 120,
) -> subprocess.CompletedProcess:
    """The console script, run as an ordinary user would run it."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("OFSTED_TUI_DB", None)
    command = [console_script(), *args]
    if db is not None:
        command += ["--db", str(db)]

    def start() -> None:
        if os.geteuid() == 0:
            _drop_permission_override()
        if preexec is not None:
            preexec()

    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=start)


def cli(capsys, *args: str, db: Path | None = None) -> tuple[int, str, str]:
    """``ofsted-tui ARGS`` in this process: (exit status, stdout, stderr).

    The same ``main`` the console script calls, without a process start, for
    matrices of commands; the environment and folder come from ``monkeypatch``.
    """
    from ofsted_tui.cli import main

    capsys.readouterr()
    code = main([*args, *(["--db", str(db)] if db is not None else [])])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def flat(text: str) -> str:
    """Output with Rich's table wrapping undone, for finding names and reasons."""
    return re.sub(r"[\s│┃|]+", " ", text)


def export(db: Path) -> dict[str, Any]:
    """What ``ofsted-tui export --format json`` prints for the store at ``db``."""
    from ofsted_core.corpus import load_corpus
    from ofsted_core.export import export_json

    return json.loads(export_json(load_corpus(Store(db))))


def comparable(path: Path) -> dict[str, Any]:
    """The store's contents without the import timestamps that differ between runs."""
    data = Store(path).read()
    documents = [{k: v for k, v in d.items() if k not in ("imported_at", "file")} for d in data.documents]
    return {
        "documents": sorted(documents, key=lambda d: d["id"]),
        "facts": sorted(data.facts, key=lambda f: f["id"]),
        "events": data.events,
        "annotations": data.annotations,
    }


def stray_files(folder: Path) -> list[str]:
    """Temporary files a writer left behind (its own, and SQLite's journal of an unfinished transaction)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", "-journal")))


def copy_store(source: Path, target: Path) -> None:
    """Copy a store: its catalogue and, where it has one, its bulk file."""
    import shutil

    shutil.copy(source, target)
    bulk = Store(source).bulk.path
    if bulk.exists():
        shutil.copy(bulk, Store(target).bulk.path)


def wait_for_stage(child: subprocess.Popen, stage: str, what: str = "the write") -> None:
    """Read a ``crash_child``'s stages until it says it reached ``stage``; fail the test if it never does."""
    for line in child.stdout:
        if line.strip() == f"@{stage}":
            return
    pytest.fail(f"{what} never reached {stage}: {child.stderr.read()}")


def kill_at_stage(child: subprocess.Popen, stage: str, what: str = "the write") -> None:
    """SIGKILL a ``crash_child`` once it has reached ``stage``, and check that the kill is what ended it."""
    import signal

    try:
        wait_for_stage(child, stage, what)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
