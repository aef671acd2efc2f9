"""What every benchmark script shares: clocks, peak memory, child runs, the machine, results.

Figures go to standard output as a table, with the command that reproduces
them; each script also saves them as JSON under the results folder
(``$OFSTED_BENCH_DIR``, default ``/tmp/ofsted-bench``) for ``summary.py``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "BENCH_DIR", "REPO", "Table", "child_json", "corpus_dir", "emit_child", "machine",
    "median", "peak_rss_mb", "percentile", "reproduce", "save_result", "timed",
]

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("OFSTED_BENCH_DIR", "/tmp/ofsted-bench"))
_CHILD_MARK = "@@bench-result@@ "


def corpus_dir(docs: int) -> Path:
    return BENCH_DIR / f"corpus-{docs}"


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct``-th percentile by linear interpolation (pct in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def emit_child(result: dict[str, Any]) -> None:
    """Hand a child run's figures to the parent (one marked JSON line on stdout)."""
    result.setdefault("peak_rss_mb", round(peak_rss_mb(), 1))
    print(_CHILD_MARK + json.dumps(result), flush=True)


def child_json(args: Sequence[str], timeout: float = 1800, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``python <args>`` in a fresh interpreter and return the figures it emitted."""
    cmd = [sys.executable, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          env={**os.environ, **(env or {})})
    for line in proc.stdout.splitlines():
        if line.startswith(_CHILD_MARK):
            return json.loads(line[len(_CHILD_MARK):])
    raise RuntimeError(f"{shlex.join(cmd)} emitted no result (exit {proc.returncode}):\n{proc.stderr[-3000:]}")


def machine() -> dict[str, Any]:
    """The machine the figures come from, as the README's Performance section quotes it."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        pass
    versions = {}
    for package in ("textual", "tinydb", "orjson", "pypdfium2"):
        try:
            from importlib.metadata import version
            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - a missing package is reported as such
            versions[package] = "absent"
    try:
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        load = "unknown"
    return {
        "load": load, "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory, 1) if memory else None,
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        **versions,
    }


def machine_line() -> str:
    m = machine()
    return (f"{m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}, "
            f"Textual {m['textual']}, TinyDB {m['tinydb']}; load average {m['load']} (other work on the machine "
            "slows wall-clock figures)")


def reproduce(script: str, args: Sequence[str]) -> str:
    return "reproduce: " + shlex.join([".venv/bin/python", f"benchmarks/{script}", *args])


def save_result(name: str, result: dict[str, Any]) -> Path:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"{name}.json"
    path.write_text(json.dumps({**result, "machine": machine(), "at": time.strftime("%Y-%m-%d %H:%M:%S")},
                               indent=1), encoding="utf-8")
    return path


class Table:
    """A plain-text table of figures; each row may carry a target and whether it is met."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, label: str, value: str, target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("met" if met else "MISSED")
        self.rows.append((label, value, target, verdict))

    def print(self) -> None:
        widths = [max(len(r[i]) for r in self.rows) if self.rows else 0 for i in range(4)]
        print(self.title)
        for row in self.rows:
            print("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
