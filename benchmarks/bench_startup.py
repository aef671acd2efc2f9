"""Start-up: from launch to the first frame and to a filled timeline, against an empty Textual app.

    .venv/bin/python benchmarks/bench_startup.py --docs 10000 --repeat 5

Each launch is a fresh interpreter on a pseudo-terminal (160x48, the real
terminal driver, every frame written out), timed from just before the process
is spawned, so interpreter start-up and imports count. Three apps, interleaved
run by run so load on the machine hits them alike:

- the empty Textual app: a Header and a Footer, nothing else (the baseline);
- the explorer on the bundled store;
- the explorer on the generated store of ``--docs`` documents.

The explorer is launched as ``ofsted-tui --db DB`` launches it: the child
imports what the console script imports (``ofsted_tui.cli``) and nothing
ahead of it, so Textual is imported when and as the command line imports it
(the instrumentation is put in as its modules load). Its child notes when the timeline first receives
rows, the first frame written after that (the *filled* timeline), when every
document has been read, and when the search index is ready; and, from the
filled timeline until search is ready, how late a 10 ms timer of the
interface ran at worst (the longest a key pressed meanwhile waits). The
figures are medians; the ratios are to the empty app's first frame. The CPU
time each process has used by that frame (all its threads) is given too, with
its ratio to the empty app's: load on the machine moves it far less than the
wall clock. Both apps are measured at the same moment: their first frame
written out (in both, the footer's keys come a frame later). The noise:
each launch's ratio to the empty app launched just before it is given as a
median and a range. Peak memory is each child's own. With ``--baseline DIR`` (a source tree of other
code, e.g. ``git archive main | tar -x -C DIR``), the explorer of that tree is
launched too, in turn in the same run, on copies of the same stores (each
version makes its own lookup file). One launch of each app on each store is
run first, untimed. With ``--instructions``, each app is launched once more
under valgrind's cachegrind, ending at its (filled) first frame: the
instructions it ran from the interpreter's start to that frame, which load on
the machine does not move (a fixed hash seed; about 40 s a launch).

Compiled bytecode: an installed ofsted-tui (like the Textual it is compared
with) runs from cached ``.pyc`` files, but a shell with
``PYTHONDONTWRITEBYTECODE`` set never writes them for a checkout, so every
launch would compile this project's modules again and the comparison would be
unfair to the explorer. The children therefore keep their bytecode under
``$OFSTED_BENCH_DIR/pycache`` (out of the working tree), filled by the untimed
launches. ``--no-bytecode-cache`` measures the other way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

__all__ = ["main"]

TARGET_BUNDLED = 1.3
TARGET_LARGE = 1.3  # issue 12: a filled timeline with search ready within 1.3x the empty app
TARGET_MEMORY_MB = 200  # issue 12: peak memory of the explorer on 10,000 documents
COLUMNS, LINES = 160, 48
CHILD_TIMEOUT_S = 180.0
TICK_S = 0.01  # the interface's timer while the store loads (see longest_stall)
EXIT_AT_FRAME = "OFSTED_BENCH_EXIT_AT_FRAME"  # set by --instructions: the child ends at its (filled) first frame


# -- the child: kept light, so the baseline and the explorer pay the same -----
def _child(kind: str, db: str, out: str, t0: float) -> None:
    import resource
    import threading

    marks: dict[str, float] = {}

    def mark(name: str, value: float | None = None) -> None:
        marks.setdefault(name, time.monotonic() - t0 if value is None else value)

    def instrument(app: App[None]) -> None:
        """Marks for the frames written, and the explorer's loading steps."""
        display = app._display
        stalls = {"last": 0.0, "longest": 0.0}

        def finish() -> None:
            # The explorer is done when its filled timeline is out and search is ready, in either order.
            if kind == "empty" or ("filled_frame" in marks and "search_ready" in marks):
                mark("longest_stall", stalls["longest"])
                app.exit()

        def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
            # _display writes one frame to the terminal; the time after it returns is when it was out.
            display(screen, renderable)
            if renderable is None:
                return
            mark("first_frame")
            mark("cpu_first_frame", time.process_time())
            if kind == "empty" and EXIT_AT_FRAME in os.environ:
                os._exit(0)
            if "filled_data" in marks and "filled_frame" not in marks:
                if EXIT_AT_FRAME in os.environ:
                    os._exit(0)  # counted from the interpreter's start to this frame, and nothing after it
                mark("filled_frame")
                mark("cpu_filled_frame", time.process_time())
                stalls["last"] = time.monotonic()
                app.set_interval(TICK_S, tick)
            finish()

        def tick() -> None:
            # How late the interface's own timer runs while the rest of the store loads:
            # the longest a key pressed meanwhile would wait.
            now = time.monotonic()
            stalls["longest"] = max(stalls["longest"], now - stalls["last"] - TICK_S)
            stalls["last"] = now

        app._display = timed_display  # type: ignore[method-assign]
        if kind != "empty":
            search_indexed, loaded = app._search_indexed, app._loaded

            def indexed(generation: int) -> None:
                search_indexed(generation)
                mark("search_ready")
                finish()

            def corpus_loaded(generation, stamp, corpus, index):  # type: ignore[no-untyped-def]
                loaded(generation, stamp, corpus, index)
                if corpus.complete:
                    mark("documents_ready")

            app._search_indexed = indexed  # type: ignore[method-assign]
            app._loaded = corpus_loaded  # type: ignore[method-assign]
        # A watchdog: a child that never fills its timeline still ends, and says so by missing marks.
        watchdog = threading.Timer(CHILD_TIMEOUT_S, lambda: app.call_from_thread(app.exit))
        watchdog.daemon = True
        watchdog.start()

    if kind == "empty":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header

        class EmptyApp(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

        app: App[None] = EmptyApp()
        mark("imported")
        instrument(app)
        app.run()
    else:
        # Launched as the command line does it (``ofsted-tui --db DB``): the console script imports
        # ``ofsted_tui.cli`` alone, which imports Textual and the interface when it needs them; they
        # are instrumented as they are imported, so the child imports nothing ahead of it.
        def instrument_app_module(app_module):  # type: ignore[no-untyped-def]
            make_app = app_module.make_app

            def instrumented_app(*args, **kwargs):  # type: ignore[no-untyped-def]
                made = make_app(*args, **kwargs)
                instrument(made)
                return made

            app_module.make_app = instrumented_app

        def instrument_timeline(timeline_module):  # type: ignore[no-untyped-def]
            set_rows = timeline_module.TimelineList.set_rows

            def counting_set_rows(self, rows, *, cursor=None):  # type: ignore[no-untyped-def]
                set_rows(self, rows, cursor=cursor)
                if rows:
                    mark("filled_data")

            timeline_module.TimelineList.set_rows = counting_set_rows

        _when_imported({"ofsted_tui.app": instrument_app_module, "ofsted_tui.widgets.timeline": instrument_timeline})
        from ofsted_tui import cli

        mark("imported")
        cli.main(["--db", db])
    marks["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
    Path(out).write_text(json.dumps(marks))


def _when_imported(hooks: dict[str, object]) -> None:
    """Call ``hooks[name](module)`` once module ``name`` has been imported (by whatever imports it first)."""
    import importlib.abc
    import importlib.util

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
            hook = hooks.pop(name, None)
            if hook is None:
                return None
            sys.meta_path.remove(self)  # the usual finders find it
            try:
                spec = importlib.util.find_spec(name)
            finally:
                if hooks:
                    sys.meta_path.insert(0, self)
            loader = spec.loader
            exec_module = loader.exec_module

            def exec_then_hook(module):  # type: ignore[no-untyped-def]
                exec_module(module)
                hook(module)

            loader.exec_module = exec_then_hook
            return spec

    sys.meta_path.insert(0, Finder())


# -- the parent ----------------------------------------------------------------
def _launch(kind: str, db: str, pycache: str | None, tree: Path | None = None,
            instructions: bool = False) -> dict[str, float]:
    """One launch's marks; with ``instructions``, the instructions it ran to its (filled) first frame instead."""
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
        if tree is not None:
            env["PYTHONPATH"] = str(tree)  # ahead of the installed checkout: the baseline's code is imported
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--db", db, "--out", out]
        log = os.path.join(tmp, "valgrind.log")
        if instructions:
            # Counted by cachegrind (the whole process, the interpreter's start included), which load does not
            # move; a fixed hash seed, so set and dict orders, and the work, are the same at every launch.
            cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                   f"--log-file={log}", *cmd]
            env.update({"PYTHONHASHSEED": "0", EXIT_AT_FRAME: "1"})
        t0 = time.monotonic()
        proc = subprocess.Popen([*cmd, "--t0", repr(t0)], stdin=slave, stdout=slave, stderr=slave,
                                env=env, start_new_session=True, cwd=tree)
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
        if instructions:
            found = re.search(r"I\s+refs:\s+([\d,]+)", Path(log).read_text() if os.path.exists(log) else "")
            if not found:
                raise RuntimeError(f"valgrind counted nothing for the {kind} app; its terminal ended with:\n"
                                   + tail.decode("utf-8", "replace")[-1500:])
            return {"instructions": int(found.group(1).replace(",", ""))}
        try:
            return json.loads(Path(out).read_text())
        except OSError:
            raise RuntimeError(f"the {kind} app wrote no timings; its terminal ended with:\n"
                               + tail.decode("utf-8", "replace")[-1500:]) from None


def _spread(runs: list[dict[str, float]], bases: list[dict[str, float]], key: str, base_key: str) -> str:
    """The median and range of each run's ``key`` over its round's empty app's ``base_key``, as ratios."""
    import statistics  # in the parent only: the children import nothing they do not share

    ratios = sorted(run[key] / base[base_key] for run, base in zip(runs, bases) if key in run and base_key in base)
    if not ratios:
        return "-"
    return f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x)"


def _copies(stores: dict[str, str], into: Path) -> dict[str, str]:
    """Each store's pair of files copied under ``into`` (once per run: the stores may have been rebuilt)."""
    import shutil

    from ofsted_core.lookup_cache import lookup_path
    from ofsted_core.store import Store

    copies = {}
    for name, db in stores.items():
        folder = into / name
        folder.mkdir(parents=True, exist_ok=True)
        for path in (Path(db), Store(db).bulk.path):
            shutil.copyfile(path, folder / path.name)
        lookup_path(folder / Path(db).name).unlink(missing_ok=True)
        copies[name] = str(folder / Path(db).name)
    return copies


def _count_instructions(table, summary, stores, base_stores, base_tree, pycache) -> None:  # type: ignore[no-untyped-def]
    """Each app's instructions to its filled first frame, and its ratio to the empty app's: what load does not move."""
    empty = _launch("empty", "", pycache, instructions=True)["instructions"]
    summary["empty"]["instructions"] = empty
    table.add("instructions to the first frame (valgrind): empty app", f"{empty / 1e6:,.0f} M")
    for name, db in stores.items():
        label = "bundled store" if name == "bundled" else f"{int(name):,}-document store"
        count = _launch("app", db, pycache, instructions=True)["instructions"]
        summary[name]["instructions"] = count
        line = f"{count / 1e6:,.0f} M ({count / empty:.2f}x)"
        if base_tree:
            before = _launch("app", base_stores[name], pycache, base_tree, instructions=True)["instructions"]
            summary[name]["instructions_before"] = before
            line += f"; {base_tree.name}: {before / 1e6:,.0f} M ({before / empty:.2f}x), x{count / before:.3f}"
        table.add(f"instructions to the filled timeline (valgrind): {label}", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000, help="size of the generated store (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="launches of each app (default 5)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile the project's modules at every launch (as with PYTHONDONTWRITEBYTECODE)")
    parser.add_argument("--baseline", type=Path, help="a source tree of the code to compare against, launched in turn")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each app's instructions to its filled first frame (valgrind, once each)")
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
    base_tree = args.baseline.resolve() if args.baseline else None
    # The baseline reads copies of the stores: beside one store, two versions' lookup files (one name, two
    # layouts) would each be found stale by the other and made again at every launch.
    base_stores = _copies(stores, BENCH_DIR / "baseline") if base_tree else stores
    runs: dict[str, list[dict[str, float]]] = {"empty": [], **{name: [] for name in stores}}
    if base_tree:
        runs.update({f"{name} before": [] for name in stores})
    pycache = None if args.no_bytecode_cache else str(BENCH_DIR / "pycache")
    # One launch of each, untimed: it fills the bytecode cache and makes each store's lookup file.
    _launch("empty", "", pycache)
    for name in stores:
        _launch("app", stores[name], pycache)
        if base_tree:
            _launch("app", base_stores[name], pycache, base_tree)
    for _ in range(args.repeat):
        runs["empty"].append(_launch("empty", "", pycache))
        for name, db in stores.items():
            runs[name].append(_launch("app", db, pycache))
            if base_tree:
                runs[f"{name} before"].append(_launch("app", base_stores[name], pycache, base_tree))

    def med(name: str, key: str) -> float:
        return median([r[key] for r in runs[name] if key in r])

    base = med("empty", "first_frame")
    table = Table(f"Start-up, median of {args.repeat} launches on a {COLUMNS}x{LINES} pseudo-terminal "
                  "(seconds from spawning the process; bytecode "
                  f"{'compiled at every launch' if args.no_bytecode_cache else 'cached, as installed'})")
    cpu_base = med("empty", "cpu_first_frame")
    table.add("empty Textual app (Header + Footer): first frame", f"{base:.3f} s; CPU {cpu_base:.3f} s")
    summary: dict[str, dict[str, float]] = {"empty": {"first_frame": base, "cpu_first_frame": cpu_base,
                                                      "peak_rss_mb": med("empty", "peak_rss_mb")}}
    for name, target in (("bundled", TARGET_BUNDLED), (f"{args.docs}", TARGET_LARGE)):
        label = "bundled store" if name == "bundled" else f"{int(name):,}-document store"
        first, filled, ready = med(name, "first_frame"), med(name, "filled_frame"), med(name, "search_ready")
        table.add(f"explorer, {label}: first frame", f"{first:.3f} s ({first / base:.2f}x)")
        table.add(f"explorer, {label}: filled timeline", f"{filled:.3f} s ({filled / base:.2f}x)",
                  f"< {target}x", filled / base < target)
        cpu = med(name, "cpu_filled_frame")
        # CPU time to the frame: what load on the machine moves least (the process's, all threads).
        table.add(f"explorer, {label}: filled timeline, CPU", f"{cpu:.3f} s ({cpu / cpu_base:.2f}x)")
        # The noise of those ratios: each launch against the empty app's launched just before it.
        table.add(f"explorer, {label}: each launch against the empty app's before it, median (range)",
                  f"wall {_spread(runs[name], runs['empty'], 'filled_frame', 'first_frame')}, "
                  f"CPU {_spread(runs[name], runs['empty'], 'cpu_filled_frame', 'cpu_first_frame')}")
        table.add(f"explorer, {label}: every document read", f"{med(name, 'documents_ready'):.3f} s")
        table.add(f"explorer, {label}: search index ready", f"{ready:.3f} s")
        table.add(f"explorer, {label}: longest pause of the interface meanwhile",
                  f"{med(name, 'longest_stall') * 1000:.0f} ms")
        large = name != "bundled"
        table.add(f"explorer, {label}: peak memory", f"{med(name, 'peak_rss_mb'):.0f} MiB",
                  f"< {TARGET_MEMORY_MB} MiB" if large else "", med(name, "peak_rss_mb") < TARGET_MEMORY_MB if large else None)
        if base_tree:
            before = f"{name} before"
            for key, what in (("filled_frame", "filled timeline"), ("search_ready", "search index ready")):
                table.add(f"  {what} against {base_tree.name} (same run)",
                          f"{med(before, key):.3f} -> {med(name, key):.3f} s ({med(before, key) / base:.2f}x -> "
                          f"{med(name, key) / base:.2f}x)")
            table.add(f"  filled timeline, CPU, against {base_tree.name} (same run)",
                      f"{med(before, 'cpu_filled_frame'):.3f} -> {cpu:.3f} s "
                      f"({med(before, 'cpu_filled_frame') / cpu_base:.2f}x -> {cpu / cpu_base:.2f}x)")
            table.add(f"  peak memory against {base_tree.name} (same run)",
                      f"{med(before, 'peak_rss_mb'):.0f} -> {med(name, 'peak_rss_mb'):.0f} MiB")
        summary[name] = {"first_frame": first, "filled_frame": filled, "cpu_filled_frame": cpu, "search_ready": ready,
                         "documents_ready": med(name, "documents_ready"),
                         "longest_stall": med(name, "longest_stall"),
                         "peak_rss_mb": med(name, "peak_rss_mb"), "ratio": filled / base, "target": target,
                         "db_bytes": os.path.getsize(stores[name])}
    table.add("empty app peak memory", f"{summary['empty']['peak_rss_mb']:.0f} MiB")
    if args.instructions:
        _count_instructions(table, summary, stores, base_stores, base_tree, pycache)
    table.print()
    print(f"machine: {machine_line()}")
    flags = (["--no-bytecode-cache"] if args.no_bytecode_cache else []) + (["--baseline", str(args.baseline)] if args.baseline else [])
    flags += ["--instructions"] if args.instructions else []
    print(reproduce("bench_startup.py", ["--docs", str(args.docs), "--repeat", str(args.repeat), *flags]))
    save_result(f"startup-{args.docs}", {"docs": args.docs, "repeat": args.repeat, "bytecode_cache": bool(pycache),
                                         "summary": summary, "runs": runs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
