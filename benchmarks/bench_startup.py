"""Start-up: from launch to the first frame and to a filled timeline, against an empty Textual app.

    .venv/bin/python benchmarks/bench_startup.py --docs 10000 --repeat 5

Each launch is a fresh interpreter on a pseudo-terminal (160x48, the real
terminal driver, every frame written out), timed from just before the process
is spawned, so interpreter start-up and imports count. Three apps, interleaved
run by run so load on the machine hits them alike:

- the empty Textual app: a Header and a Footer, nothing else (the baseline);
- the explorer on the bundled store;
- the explorer on the generated store of ``--docs`` documents.

For the explorer the child notes when the timeline first receives rows, the
first frame written after that (the *filled* timeline), and when the search
index is ready. The figures are medians; the ratios are to the empty app's
first frame. Peak memory is each child's own.

Compiled bytecode: an installed ofsted-tui (like the Textual it is compared
with) runs from cached ``.pyc`` files, but a shell with
``PYTHONDONTWRITEBYTECODE`` set never writes them for a checkout, so every
launch would compile this project's modules again and the comparison would be
unfair to the explorer. The children therefore keep their bytecode under
``$OFSTED_BENCH_DIR/pycache`` (out of the working tree), and one launch of each
app is run first, untimed, to fill it. ``--no-bytecode-cache`` measures the
other way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

__all__ = ["main"]

TARGET_BUNDLED = 1.3
TARGET_LARGE = 2.0
COLUMNS, LINES = 160, 48
CHILD_TIMEOUT_S = 180.0


# -- the child: kept light, so the baseline and the explorer pay the same -----
def _child(kind: str, db: str, out: str, t0: float) -> None:
    import resource

    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks.setdefault(name, time.monotonic() - t0)

    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    if kind == "empty":
        class EmptyApp(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

        app: App[None] = EmptyApp()
        mark("imported")
    else:
        from ofsted_tui.app import make_app
        from ofsted_tui.widgets.timeline import TimelineList

        mark("imported")
        app = make_app(db)
        set_rows = TimelineList.set_rows

        def counting_set_rows(self, rows, *, cursor=None):  # type: ignore[no-untyped-def]
            set_rows(self, rows, cursor=cursor)
            if rows:
                mark("filled_data")

        TimelineList.set_rows = counting_set_rows  # type: ignore[method-assign]
        search_indexed = app._search_indexed

        def indexed(generation: int) -> None:
            search_indexed(generation)
            mark("search_ready")
            finish()

        app._search_indexed = indexed  # type: ignore[method-assign]

    def finish() -> None:
        # The explorer is done when its filled timeline is out and search is ready, in either order.
        if kind == "empty" or ("filled_frame" in marks and "search_ready" in marks):
            app.exit()

    display = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        # _display writes one frame to the terminal; the time after it returns is when it was out.
        display(screen, renderable)
        if renderable is None:
            return
        mark("first_frame")
        if "filled_data" in marks:
            mark("filled_frame")
        finish()

    app._display = timed_display  # type: ignore[method-assign]
    import threading

    # A watchdog: a child that never fills its timeline still ends, and says so by missing marks.
    watchdog = threading.Timer(CHILD_TIMEOUT_S, lambda: app.call_from_thread(app.exit))
    watchdog.daemon = True
    watchdog.start()
    app.run()
    watchdog.cancel()
    marks["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
    Path(out).write_text(json.dumps(marks))


# -- the parent ----------------------------------------------------------------
def _launch(kind: str, db: str, pycache: str | None) -> dict[str, float]:
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import tempfile
    import termios

    with tempfile.TemporaryDirectory(prefix="ofsted-startup-") as tmp:
        out = os.path.join(tmp, "marks.json")
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TEXTUAL")}
        env["TERM"] = "xterm-256color"
        if pycache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pycache
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--db", db, "--out", out]
        t0 = time.monotonic()
        proc = subprocess.Popen([*cmd, "--t0", repr(t0)], stdin=slave, stdout=slave, stderr=slave,
                                env=env, start_new_session=True)
        os.close(slave)
        tail = b""
        deadline = time.monotonic() + CHILD_TIMEOUT_S + 30
        try:
            # Drain the terminal as a real one would, or the child blocks writing frames.
            while time.monotonic() < deadline:
                ready, _, _ = select.select([master], [], [], 0.5)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    tail = (tail + chunk)[-4000:]
                elif proc.poll() is not None:
                    break
        finally:
            os.close(master)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        try:
            return json.loads(Path(out).read_text())
        except OSError:
            raise RuntimeError(f"the {kind} app wrote no timings; its terminal ended with:\n"
                               + tail.decode("utf-8", "replace")[-1500:]) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000, help="size of the generated store (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="launches of each app (default 5)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile the project's modules at every launch (as with PYTHONDONTWRITEBYTECODE)")
    parser.add_argument("--child", choices=("empty", "app"), help=argparse.SUPPRESS)
    parser.add_argument("--db", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.db, args.out, args.t0)
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.measure import BENCH_DIR, Table, machine_line, median, reproduce, save_result
    from benchmarks.stores import bundled_store, generated_store

    stores = {"bundled": str(bundled_store()), f"{args.docs}": str(generated_store(args.docs))}
    runs: dict[str, list[dict[str, float]]] = {"empty": [], **{name: [] for name in stores}}
    pycache = None if args.no_bytecode_cache else str(BENCH_DIR / "pycache")
    if pycache:
        _launch("empty", "", pycache)
        _launch("app", stores["bundled"], pycache)
    for _ in range(args.repeat):
        runs["empty"].append(_launch("empty", "", pycache))
        for name, db in stores.items():
            runs[name].append(_launch("app", db, pycache))

    def med(name: str, key: str) -> float:
        return median([r[key] for r in runs[name] if key in r])

    base = med("empty", "first_frame")
    table = Table(f"Start-up, median of {args.repeat} launches on a {COLUMNS}x{LINES} pseudo-terminal "
                  "(seconds from spawning the process; bytecode "
                  f"{'compiled at every launch' if args.no_bytecode_cache else 'cached, as installed'})")
    table.add("empty Textual app (Header + Footer): first frame", f"{base:.3f} s")
    summary: dict[str, dict[str, float]] = {"empty": {"first_frame": base, "peak_rss_mb": med("empty", "peak_rss_mb")}}
    for name, target in (("bundled", TARGET_BUNDLED), (f"{args.docs}", TARGET_LARGE)):
        label = "bundled store" if name == "bundled" else f"{int(name):,}-document store"
        first, filled, ready = med(name, "first_frame"), med(name, "filled_frame"), med(name, "search_ready")
        table.add(f"explorer, {label}: first frame", f"{first:.3f} s ({first / base:.2f}x)")
        table.add(f"explorer, {label}: filled timeline", f"{filled:.3f} s ({filled / base:.2f}x)",
                  f"< {target}x", filled / base < target)
        table.add(f"explorer, {label}: search index ready", f"{ready:.3f} s")
        table.add(f"explorer, {label}: peak memory", f"{med(name, 'peak_rss_mb'):.0f} MiB",
                  "< 500 MiB" if name != "bundled" else "", med(name, "peak_rss_mb") < 500 if name != "bundled" else None)
        summary[name] = {"first_frame": first, "filled_frame": filled, "search_ready": ready,
                         "peak_rss_mb": med(name, "peak_rss_mb"), "ratio": filled / base, "target": target,
                         "db_bytes": os.path.getsize(stores[name])}
    table.add("empty app peak memory", f"{summary['empty']['peak_rss_mb']:.0f} MiB")
    table.print()
    print(f"machine: {machine_line()}")
    flags = ["--no-bytecode-cache"] if args.no_bytecode_cache else []
    print(reproduce("bench_startup.py", ["--docs", str(args.docs), "--repeat", str(args.repeat), *flags]))
    save_result(f"startup-{args.docs}", {"docs": args.docs, "repeat": args.repeat, "bytecode_cache": bool(pycache),
                                         "summary": summary, "runs": runs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
