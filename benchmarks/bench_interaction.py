"""Interaction latency on a large store, driven through Pilot: search, filters, the reader.

    .venv/bin/python benchmarks/bench_interaction.py --docs 10000

The explorer runs headless (``run_test``, 160x48) in a fresh interpreter on the
generated store. Every frame the app produces is timed, and each frame is also
rendered to terminal codes as the real driver would, so drawing counts. For
each key press the figures are:

- *view recomputed*: from sending the key until the screen has recomputed its
  view (``refresh_view``: filtering, searching, handing rows to the lists), for
  the keys that change the filters;
- *frame*: from sending the key until the first frame after that is out, the
  latency a user sees (frames are paced by Textual, at most 60 a second);
- after the filters, the facet index the screen gets after a bookmark,
  remade from the one before (``FacetIndex.updated``) and built whole;
- for the search box, *hits listed*: until the first frame after the ranked
  hits (the Search tab's list) landed; the panes are filtered before that,
  from the index's unranked match, and the ranking follows in a thread;
- *counts shown*: until the first frame after the sidebar's counts, the tabs'
  labels, the title and the chart caught up with the rows (two frames after
  a key that redrew the list in view, in the frame of one that kept its lines;
  a key waits for them before the next).

Then, on a copy of the store, a bookmark (b on the document list), a note (n, a word typed, ctrl+s) and a
correction of the document's date (c, the date typed, enter), each followed by its undo (ctrl+z), each timed
from the key that saves it to the frame after the explorer adopted the store as written (the target is
100 ms). ``--saves-only`` runs these alone; ``--baseline DIR`` (a source tree of other code, e.g. ``git
archive main | tar -x -C DIR``) runs them with that tree's code too, the two trees taking turns
``--rounds`` times, in the same run.

Keys: typing queries into the search box one character at a time (with
backspaces and clearing; a second's pause before each query, as a user reads the hits), and in the filter sidebar toggling authorities,
ratings, eras and kinds, and typing a year range. The reader opens the longest
document from the document list (enter), several times, a second after the last key, and is
read for a second before it is scrolled; for scale, a plain
screen (Header, Static, Footer) is pushed as often, the framework's floor. Figures are p50 and
p95 over all key presses of each kind; peak memory is the child's own.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import gc
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import (  # noqa: E402
    Table, child_json, emit_child, machine_line, percentile, reproduce, save_result,
)

__all__ = ["main"]

TARGET_KEY_P95_MS = 50.0
TARGET_READER_MS = 100.0
TARGET_SAVE_MS = 100.0
SIZE = (160, 48)
QUERIES = ("inadequate", "children in care", '"requires improvement"', "Birmingham", "care leavers good",
           "exploitation", "social work practice")
READER_OPENS = 5
# A user reads between queries, and reads a document before scrolling it: the explorer is idle then. Keys within a
# query, and the pages scrolled, come at once.
THINK_S = 1.0
FRAME_WAIT_S = 2.0
# A view or a landing (hits ranked, counts caught up) that changed nothing on screen draws no
# frame: the next frame, if any comes this soon, is its; else it is shown when it ran.
LANDED_FRAME_S = 0.5


class _Clock:
    """Timestamps of frames and of view refreshes, for measuring one key press at a time."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        from textual._compositor import CompositorUpdate

        self.frames: list[float] = []
        self.frame_cpu: list[float] = []  # the process's CPU time at each frame
        self.views: list[float] = []
        self.ranked: list[float] = []
        self.caught_up: list[float] = []
        display = app._display

        def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate) and app.is_headless:
                # Headless skips turning the frame into terminal codes; do it, as a terminal would need.
                renderable.render_segments(app.console)
            self.frames.append(time.perf_counter())
            self.frame_cpu.append(time.process_time())

        app._display = timed_display

    def watch_view(self, screen) -> None:  # type: ignore[no-untyped-def]
        refresh_view = screen.refresh_view

        def timed_refresh_view(**how: bool) -> None:
            refresh_view(**how)
            self.views.append(time.perf_counter())

        screen.refresh_view = timed_refresh_view
        searched = screen._searched

        def timed_searched(*args):  # type: ignore[no-untyped-def]
            searched(*args)
            self.ranked.append(time.perf_counter())

        screen._searched = timed_searched
        catch_up = getattr(screen, "_catch_up", None)  # not in a screen that draws the counts with the rows
        if catch_up is not None:
            def timed_catch_up() -> None:
                catch_up()
                self.caught_up.append(time.perf_counter())

            screen._catch_up = timed_catch_up

    async def frame_after(self, moment: float, ready=lambda: True, wait: float = FRAME_WAIT_S) -> float:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + wait
        while time.perf_counter() < deadline:
            # Frames are appended in time order: the first after ``moment`` is found by bisection, where a scan of
            # every frame so far at each poll was CPU the benchmark took from the app it times, in its own loop.
            at = bisect.bisect_right(self.frames, moment)
            if at < len(self.frames) and ready():
                return self.frames[at]
            await asyncio.sleep(0.001)
        return float("nan")

    def cpu_at(self, frame: float) -> float:
        """The process's CPU time when ``frame`` was out."""
        return self.frame_cpu[self.frames.index(frame)] if frame in self.frames else float("nan")


class _Collections:
    """Milliseconds spent in garbage collections while it is on: all of them, and the full (generation 2) ones,
    the slow openings' and the slow keys' cause."""

    def __init__(self) -> None:
        self.ms = 0.0
        self.full_ms = 0.0
        self.full = 0  # how many full collections
        self._started = 0.0

    def __enter__(self) -> _Collections:
        gc.callbacks.append(self._timed)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._timed)

    def _timed(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        spent = (time.perf_counter() - self._started) * 1000
        self.ms += spent
        if info["generation"] == 2:
            self.full_ms += spent
            self.full += 1


async def _press(pilot, clock: _Clock, key: str, settled=lambda: True) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    """(view recomputed, frame, CPU to frame, hits listed, counts shown, garbage collection, of which full)
    milliseconds for one key press; 0 for the first when no view was, NaN for the two after CPU when none landed.
    The collections are those from the key until the press settled (its last landing shown).

    The press counts until the screen has settled (no ranking of hits under
    way, the counts caught up): the frame is the first one after the *last*
    recomputation of the view; where a ranking landed, or the counts caught
    up, the first frame after that.
    """
    views, ranked, caught_up = len(clock.views), len(clock.ranked), len(clock.caught_up)
    collections = _Collections().__enter__()
    start, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    deadline = time.perf_counter() + FRAME_WAIT_S
    while not settled() and time.perf_counter() < deadline:
        await asyncio.sleep(0.001)
    recomputed = clock.views[views:]
    handled = recomputed[-1] if recomputed else start
    frame = await clock.frame_after(handled, wait=LANDED_FRAME_S if recomputed else FRAME_WAIT_S)
    if recomputed and frame != frame:
        # The view changed nothing on screen: the key's frame is the one that showed it typed, if any.
        frame = max((f for f in clock.frames if start < f <= handled), default=handled)
    out = ((handled - start) * 1000 if recomputed else 0.0), (frame - start) * 1000, (clock.cpu_at(frame) - cpu) * 1000
    after = []
    for landed in (clock.ranked[ranked:], clock.caught_up[caught_up:]):
        if not landed:
            after.append(float("nan"))
            continue
        shown = await clock.frame_after(landed[-1], wait=LANDED_FRAME_S)
        after.append(((shown if shown == shown else landed[-1]) - start) * 1000)
    collections.__exit__()
    return (*out, *after, collections.ms, collections.full_ms)


def _reader_shown(app) -> bool:  # type: ignore[no-untyped-def]
    """The reader is on screen with its text laid out (not merely pushed)."""
    if type(app.screen).__name__ != "ReaderScreen":
        return False
    views = app.screen.query("#reader-document")
    return bool(views) and views.first().virtual_size.height > 0


def _facets_after_note(app) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(remade from the one before, built whole) milliseconds for the facet index after a bookmark, 3 times.

    The corpus is the one the explorer makes after a write (``Corpus.from_data(written, previous)``).
    """
    from dataclasses import replace

    from ofsted_core.corpus import Corpus
    from ofsted_core.filters import FacetIndex

    corpus, index = app.corpus, app.facet_index
    doc = corpus.sorted_documents()[0]
    note = {"id": "bench-bookmark", "kind": "bookmark", "doc_id": doc["id"]}
    written = Corpus.from_data(replace(corpus.data, annotations=[*corpus.data.annotations, note]), corpus)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        FacetIndex.updated(index, written)
        middle = time.perf_counter()
        FacetIndex.from_corpus(written)
        times.append(((middle - start) * 1000, (time.perf_counter() - middle) * 1000))
    return times


def _key_name(char: str) -> str:
    return {" ": "space", '"': "quotation_mark"}.get(char, char)


async def _drive(db: str) -> dict:
    from benchmarks.stores import longest_document
    from ofsted_tui.app import make_app
    from ofsted_tui.widgets.documents import DocumentList

    app = make_app(db)
    clock = _Clock(app)
    out: dict[str, list] = {"search": [], "filter": [], "timeline": [], "reader_open": [], "reader_scroll": [],
                            "plain_screen": []}
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        while not (app.corpus is not None and app.search_ready):
            await pilot.pause(0.05)
        out["loaded_s"] = [time.perf_counter() - started]
        main = app.main_screen
        clock.watch_view(main)
        # A blinking cursor draws a frame every half a second: one would pass for the frame of a key
        # (or a landing) that changed nothing on screen.
        from textual.widgets import Input

        for box in main.query(Input):
            box.cursor_blink = False
        corpus = app.corpus

        # Search box: type each query, delete part of it, then clear it.
        def settled() -> bool:
            return not getattr(main, "searching", False) and not getattr(main, "catching_up", False)

        await pilot.press("slash")
        for query in QUERIES:
            await asyncio.sleep(THINK_S)
            for char in query:
                out["search"].append(await _press(pilot, clock, _key_name(char), settled))
            for _ in range(3):
                out["search"].append(await _press(pilot, clock, "backspace", settled))
            out["search"].append(await _press(pilot, clock, "ctrl+u", settled))
        await pilot.press("escape")

        # Filters: toggle values of each facet on and off, then a year range.
        for facet in ("authorities", "grades", "eras", "kinds"):
            facet_list = main.query_one(f"#facet-{facet}")
            facet_list.focus()
            await pilot.pause()
            for key in ("space", "down", "space", "down", "space", "space", "up", "space", "up", "space"):
                out["filter"].append(await _press(pilot, clock, key, settled))
        for field, year in (("#year-from", "2014"), ("#year-to", "2020")):
            main.query_one(field).focus()
            await pilot.pause()
            for char in year:
                out["filter"].append(await _press(pilot, clock, char, settled))
        for field in ("#year-from", "#year-to"):
            main.query_one(field).focus()
            await pilot.pause()
            out["filter"].append(await _press(pilot, clock, "ctrl+u", settled))

        out["facets_after_note"] = _facets_after_note(app)

        # The timeline: moving the cursor shows the event's detail and trajectory.
        main.action_show_tab("timeline")  # not a key: a digit would go to the year box
        await pilot.pause()
        for key in ("down",) * 20 + ("pagedown",) * 5 + ("end", "home"):
            out["timeline"].append(await _press(pilot, clock, key))

        # The framework's floor for a new screen: a Header, a Static and a Footer pushed and drawn.
        from textual.screen import Screen
        from textual.widgets import Footer, Header, Static

        class PlainScreen(Screen[None]):
            def compose(self):  # type: ignore[no-untyped-def]
                yield Header()
                yield Static("baseline")
                yield Footer()

        for _ in range(READER_OPENS):
            start = time.perf_counter()
            app.push_screen(PlainScreen())
            frame = await clock.frame_after(start, lambda: isinstance(app.screen, PlainScreen))
            out["plain_screen"].append((0.0, (frame - start) * 1000))
            app.pop_screen()
            await pilot.pause()

        # The reader: open the longest document from the document list.
        longest_id, longest_chars = longest_document(db)
        longest = corpus.documents[longest_id]
        out["longest_chars"] = [longest_chars]
        main.action_show_tab("documents")
        documents = main.query_one(DocumentList)
        await pilot.pause()
        for _ in range(READER_OPENS):
            documents.cursor = next(i for i, d in enumerate(documents.rows) if d["id"] == longest["id"])
            documents.focus()
            await pilot.pause()
            await asyncio.sleep(THINK_S)
            with _Collections() as collected:
                start, cpu = time.perf_counter(), time.process_time()
                await pilot.press("enter")
                frame = await clock.frame_after(start, lambda: _reader_shown(app))
            out["reader_open"].append((0.0, (frame - start) * 1000, (clock.cpu_at(frame) - cpu) * 1000, collected.full_ms))
            await asyncio.sleep(THINK_S)
            for _ in range(10):
                out["reader_scroll"].append(await _press(pilot, clock, "pagedown"))
            await pilot.press("escape")
            await pilot.pause()
    return out


SAVES = 5
# What is saved on each document in turn: (kind, the keys that open its dialog and fill it, the key that saves it).
SAVE_KINDS = (("save", (), "b"), ("note", ("n", "x"), "ctrl+s"), ("correction", ("c",), "enter"))
CORRECTED_DATE = "2001-05-01"


async def _drive_saves(db: str) -> dict:
    """Each kind of save (``SAVE_KINDS``) and its undo (ctrl+z), on a copy of the store (the benchmark's is shared).

    For each: from the key that saves to the frame after the explorer adopted the store as written (the
    document list marks the bookmark, the facets count it), the CPU time of the process to that frame, and
    whether search was ready then (1) or being made ready again (0). Dialogs are opened and filled before
    the clock starts.
    """
    import shutil
    import tempfile

    from ofsted_core.store import Store
    from ofsted_tui.app import make_app
    from ofsted_tui.widgets.documents import DocumentList

    out: dict[str, list] = {kind: [] for name, *_ in SAVE_KINDS for kind in (name, f"{name}_undo")}
    out["undo"] = out.pop("save_undo")  # the names the summary has always had
    with tempfile.TemporaryDirectory(prefix="ofsted-bench-saves-") as tmp:
        copy = Path(tmp) / "db.json"
        shutil.copy(db, copy)
        shutil.copy(Store(Path(db)).bulk.path, Store(copy).bulk.path)
        app = make_app(str(copy))
        clock = _Clock(app)
        adopted: list[float] = []
        loaded = app._loaded

        def timed_loaded(*args):  # type: ignore[no-untyped-def]
            loaded(*args)
            adopted.append(time.perf_counter())

        app._loaded = timed_loaded
        async with app.run_test(size=SIZE) as pilot:
            while not (app.corpus is not None and app.corpus.complete and app.search_ready):
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            main = app.main_screen
            main.action_show_tab("documents")
            documents = main.query_one(DocumentList)
            await pilot.pause()
            for n in range(SAVES):
                documents.cursor = (n * 997) % len(documents.rows)
                await pilot.pause(0.2)
                for name, opening, saving in SAVE_KINDS:
                    for kind, keys, key in ((name, opening, saving), ("undo" if name == "save" else f"{name}_undo", (), "ctrl+z")):
                        for typed in keys:
                            await pilot.press(typed)
                            await pilot.pause(0.2)
                        if kind == "correction":
                            app.screen.query_one("#correction-value").value = CORRECTED_DATE
                            await pilot.pause(0.2)
                        before, seen = app.corpus, len(adopted)
                        collections = _Collections().__enter__()
                        start, cpu = time.perf_counter(), time.process_time()
                        await pilot.press(key)
                        deadline = time.perf_counter() + 10
                        while (app.corpus is before or len(adopted) == seen) and time.perf_counter() < deadline:
                            await asyncio.sleep(0.001)
                        at = adopted[-1] if len(adopted) > seen else start
                        frame = await clock.frame_after(at, wait=LANDED_FRAME_S)
                        # Nothing drawn after it (the list's rows unchanged on screen): shown when adopted.
                        used = (clock.cpu_at(frame) if frame == frame else time.process_time()) - cpu
                        frame = frame if frame == frame else at
                        collections.__exit__()
                        out[kind].append(((frame - start) * 1000, used * 1000, float(app.search_ready), collections.ms))
                        await pilot.pause(0.3)
            # What a save leaves to do after its frame (the lookup file written) ends before the folder is removed.
            deadline = time.perf_counter() + 10
            while any(worker.is_running for worker in app.workers) and time.perf_counter() < deadline:
                await asyncio.sleep(0.01)
    return out


SAVE_LABELS = {"save": "bookmark key (b)", "undo": "its undo (ctrl+z)", "note": "note saved (ctrl+s)",
               "note_undo": "its undo (ctrl+z)", "correction": "date corrected (enter)",
               "correction_undo": "its undo (ctrl+z)"}


def _saves_table(saves: dict, table: Table, summary: dict, baseline: dict | None = None, name: str = "") -> None:
    """Each kind of save, median / p95 / max to the updated screen and the CPU to it; against ``baseline``'s
    (another tree's, in the same run) where given."""
    for kind, label in SAVE_LABELS.items():
        if kind not in saves:
            continue  # an older tree's driver saved bookmarks alone
        frames, used, ready, *_ = zip(*saves[kind])
        figures = {"median": percentile(list(frames), 50), "p95": percentile(list(frames), 95), "max": max(frames),
                   "cpu_median": percentile(list(used), 50), "cpu_max": max(used), "search_ready": sum(ready)}
        table.add(f"{label} to the updated screen, median / p95 / max of {len(frames)}",
                  f"{figures['median']:.0f} / {figures['p95']:.0f} / {figures['max']:.0f}",
                  f"< {TARGET_SAVE_MS:.0f}", figures["max"] < TARGET_SAVE_MS)
        table.add("  CPU time to that frame (the whole process), median / max; search ready then",
                  f"{figures['cpu_median']:.0f} / {figures['cpu_max']:.0f}; {sum(ready):.0f} of {len(ready)}")
        if baseline and kind in baseline:
            b_frames, b_used, *_ = zip(*baseline[kind])
            b_median, b_max, b_cpu = percentile(list(b_frames), 50), max(b_frames), percentile(list(b_used), 50)
            table.add(f"  against {name} (same run): median / max; CPU median",
                      f"{b_median:.0f} -> {figures['median']:.0f} (x{figures['median'] / b_median:.2f}) / "
                      f"{b_max:.0f} -> {figures['max']:.0f}; {b_cpu:.0f} -> {figures['cpu_median']:.0f} ms "
                      f"(x{figures['cpu_median'] / b_cpu:.2f})")
            figures["baseline"] = {"median": b_median, "max": b_max, "cpu_median": b_cpu}
        # The first is the session's first write: a max well above the median is mostly that one.
        table.add("  each in turn (ms), of which garbage collections",
                  ", ".join(f"{x[0]:.0f} ({x[3]:.0f})" if len(x) > 3 else f"{x[0]:.0f}" for x in saves[kind]))
        summary[kind] = figures


def _saves_in_turn(script: str, db: Path, baseline: Path, rounds: int) -> tuple[dict, dict]:
    """This tree's saves and ``baseline``'s, each run ``rounds`` times in turn (fresh processes), pooled."""
    ours: dict[str, list] = {}
    theirs: dict[str, list] = {}
    for _ in range(rounds):
        for tree, into in ((baseline, theirs), (None, ours)):
            extra = ["--tree", str(tree)] if tree is not None else []
            for kind, rows in child_json([script, "--child-saves", str(db), *extra]).items():
                if isinstance(rows, list):
                    into.setdefault(kind, []).extend(rows)
    return ours, theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000, help="size of the generated store (default 10000)")
    parser.add_argument("--keys-only", action="store_true",
                        help="leave out the bookmark and its undo (a same-run comparison of keys, tree against tree)")
    parser.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--child-saves", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, help=argparse.SUPPRESS)  # the code a child runs (a --baseline)
    parser.add_argument("--saves-only", action="store_true", help="time the saves alone (no keys, no reader)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="a source tree of other code whose saves are timed in turn with these, in the same run")
    parser.add_argument("--rounds", type=int, default=3, help="with --baseline: runs of the saves per tree (default 3)")
    args = parser.parse_args(argv)
    if args.tree:
        sys.path.insert(0, str(args.tree.resolve()))  # before the explorer is imported
    if args.child:
        emit_child(asyncio.run(_drive(args.child)))
        return 0
    if args.child_saves:
        emit_child(asyncio.run(_drive_saves(args.child_saves)))
        return 0

    from benchmarks.stores import generated_store

    db = generated_store(args.docs)
    script = str(Path(__file__).resolve())
    if args.saves_only or args.baseline:
        return _main_saves(args, db, script)
    result = child_json([script, "--child", str(db)])
    saves = None if args.keys_only else child_json([script, "--child-saves", str(db)])
    table = Table(f"Interaction on the {args.docs:,}-document store (Pilot, headless {SIZE[0]}x{SIZE[1]}); "
                  "milliseconds, p50 / p95 (max)")
    summary = {}
    for kind, label, target in (
        ("search", "search box keystroke", TARGET_KEY_P95_MS),
        ("filter", "filter keystroke (facets, years)", TARGET_KEY_P95_MS),
        ("timeline", "timeline cursor key", None),
        ("reader_scroll", "reader page down (longest document)", None),
    ):
        # A key that changed nothing on screen (home at the top) draws no frame: left out, and counted.
        frames = [f for _, f, *_ in result[kind] if f == f]
        silent = len(result[kind]) - len(frames)
        handled = [h for h, *_ in result[kind] if h > 0]
        p50, p95, top = percentile(frames, 50), percentile(frames, 95), max(frames, default=float("nan"))
        if handled:
            table.add(f"{label}: view recomputed",
                      f"{percentile(handled, 50):.1f} / {percentile(handled, 95):.1f} ({max(handled):.0f})")
        note = f", {silent} drew nothing" if silent else ""
        table.add(f"{label}: to frame ({len(frames)} keys{note})", f"{p50:.1f} / {p95:.1f} ({top:.0f})",
                  f"p95 < {target:.0f}" if target else "", (p95 < target) if target else None)
        summary[kind] = {"p50": p50, "p95": p95, "max": top, "n": len(frames), "silent": silent,
                         "handled_p50": percentile(handled, 50), "handled_p95": percentile(handled, 95)}
        used = [x[2] for x in result[kind] if x[2] == x[2]]
        if used:
            # On a loaded machine wall-clock time waits for other work; CPU time does not.
            table.add(f"{label}: CPU time to frame (the whole process)",
                      f"{percentile(used, 50):.1f} / {percentile(used, 95):.1f} ({max(used):.0f})")
            summary[kind].update(cpu_p50=percentile(used, 50), cpu_p95=percentile(used, 95))
        collected = [x for x in result[kind] if len(x) > 6]
        if collected:
            # Which keys were slow for a collection: the slowest tenth, with their collections beside them.
            slowest = sorted(collected, key=lambda x: -x[1] if x[1] == x[1] else 0)[:max(1, len(collected) // 10)]
            table.add(f"{label}: garbage collection per key, p50 / p95 (max); full collections in {sum(x[6] > 0 for x in collected)} keys",
                      f"{percentile([x[5] for x in collected], 50):.1f} / {percentile([x[5] for x in collected], 95):.1f} "
                      f"({max(x[5] for x in collected):.0f})")
            table.add("  the slowest tenth: frame ms (of which collections, full)",
                      ", ".join(f"{x[1]:.0f} ({x[5]:.0f}, {x[6]:.0f})" for x in slowest))
            summary[kind].update(gc_p95=percentile([x[5] for x in collected], 95), gc_max=max(x[5] for x in collected))
        for at, what, name in ((3, "hits ranked and listed", "listed"), (4, "counts, tabs, title and chart shown", "counts")):
            after = [x[at] for x in result[kind] if len(x) > at and x[at] == x[at]]
            if after:
                table.add(f"{label}: {what} ({len(after)} keys)",
                          f"{percentile(after, 50):.1f} / {percentile(after, 95):.1f} ({max(after):.0f})")
                summary[kind].update({f"{name}_p50": percentile(after, 50), f"{name}_p95": percentile(after, 95)})
    if "facets_after_note" in result:
        updated, whole = zip(*result["facets_after_note"])
        table.add("facet index after a bookmark: remade from the one before / built whole",
                  f"{percentile(list(updated), 50):.1f} / {percentile(list(whole), 50):.0f} median of {len(updated)}")
        summary["facets_after_note"] = {"updated_ms": percentile(list(updated), 50),
                                        "whole_ms": percentile(list(whole), 50)}
    opens = [f for _, f, *_ in result["reader_open"]]
    slowest = max(opens)
    table.add(f"open the longest document ({result['longest_chars'][0] / 1024:.0f} K chars) in the reader",
              f"{percentile(opens, 50):.1f} median ({slowest:.0f} max) of {len(opens)}",
              f"< {TARGET_READER_MS:.0f}", slowest < TARGET_READER_MS)
    used = [x[2] for x in result["reader_open"] if len(x) > 2 and x[2] == x[2]]
    if used:
        table.add("  CPU time to that frame (the whole process)", f"{percentile(used, 50):.1f} median ({max(used):.0f} max)")
    paused = [x[3] for x in result["reader_open"] if len(x) > 3]
    if paused:
        # Each opening with its full collections: a max well above the median is mostly one of these.
        table.add("  each opening (ms), of which full garbage collections",
                  ", ".join(f"{x[1]:.0f} ({x[3]:.0f})" for x in result["reader_open"]))
    plain = [f for _, f in result["plain_screen"]]
    table.add("  for scale: push a plain screen (Header, Static, Footer)",
              f"{percentile(plain, 50):.1f} median ({max(plain):.0f} max) of {len(plain)}")
    summary["reader_open"] = {"median": percentile(opens, 50), "max": slowest, "chars": result["longest_chars"][0],
                              "plain_screen_median": percentile(plain, 50),
                              "cpu_median": percentile(used, 50), "cpu_max": max(used, default=float("nan"))}
    if saves:
        _saves_table(saves, table, summary)
    table.add("store loaded and indexed under Pilot", f"{result['loaded_s'][0]:.2f} s")
    table.add("peak memory", f"{result['peak_rss_mb']:.0f} MiB", "< 500 MiB", result["peak_rss_mb"] < 500)
    summary["peak_rss_mb"] = result["peak_rss_mb"]
    table.print()
    print(f"machine: {machine_line()}")
    print(reproduce("bench_interaction.py", ["--docs", str(args.docs)] + (["--keys-only"] if args.keys_only else [])))
    save_result(f"interaction-{args.docs}", {"docs": args.docs, "summary": summary, "raw": result, "saves": saves})
    return 0


def _main_saves(args: argparse.Namespace, db: Path, script: str) -> int:
    """``--saves-only`` / ``--baseline``: the saves alone, this tree's (against the baseline's in the same run)."""
    if args.baseline:
        saves, baseline = _saves_in_turn(script, db, args.baseline.resolve(), args.rounds)
    else:
        saves, baseline = child_json([script, "--child-saves", str(db)]), None
    rounds = f", {args.rounds} runs per tree in turn" if args.baseline else ""
    table = Table(f"Saves on the {args.docs:,}-document store (Pilot, headless {SIZE[0]}x{SIZE[1]}{rounds}); milliseconds")
    summary: dict = {}
    _saves_table(saves, table, summary, baseline, args.baseline.name if args.baseline else "")
    table.print()
    print(f"machine: {machine_line()}")
    extra = ["--baseline", str(args.baseline), "--rounds", str(args.rounds)] if args.baseline else ["--saves-only"]
    print(reproduce("bench_interaction.py", ["--docs", str(args.docs), *extra]))
    save_result(f"interaction-saves-{args.docs}", {"docs": args.docs, "summary": summary, "saves": saves,
                                                   "baseline": {"tree": str(args.baseline), "saves": baseline}
                                                   if args.baseline else None})
    return 0


if __name__ == "__main__":
    sys.exit(main())
