"""Run the installed ``ofsted-tui`` console script the way a user does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO


def console_script() -> str:
    found = Path(sys.executable).with_name("ofsted-tui")
    if found.exists():
        return str(found)
    which = shutil.which("ofsted-tui")
    assert which, "the ofsted-tui console script is not installed (pip install -e .)"
    return which


def run_cli(*args: str, db: Path | None = None, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("OFSTED_TUI_DB", None)
    command = [console_script(), *args]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120)


def run_json(*args: str, db: Path | None = None, cwd: Path = REPO):
    result = run_cli(*args, "--json", db=db, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def store_of(tmp_path: Path, text: str) -> Path:
    """A new store in ``tmp_path`` holding one story with ``text``."""
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    db = tmp_path / "mine.json"
    result = run_cli("import", str(story), db=db)
    assert result.returncode == 0, result.stderr
    return db
