"""Command-line lookups and an annotation's write on a generated store, against grep's floor.

    .venv/bin/python benchmarks/bench_cli.py [--docs 10000] [--rounds 5] [--baseline DIR]

Times, as whole processes, ``ofsted-tui search WORD``, ``timeline``,
``timeline COUNCIL`` and ``show DOC`` (and ``timeline`` as the first lookup
after a write: its lookup file removed before each run; and after the
explorer saved a note, as it saves one, on a copy) on the store
bench_import.py --keep-db made (built here where missing), and ``grep -rli
WORD`` over the corpus files it was imported from:
the floor a user compares a search with. Then, in one process, a note's
write (``change_annotations`` with the snapshot shown, as the explorer
makes it): the key-to-store part of the target, the screen's redraw aside.
Results go to ``$OFSTED_BENCH_DIR/cli-<docs>.json`` for summary.py.

With ``--baseline DIR`` (a source tree of the code to compare against, e.g.
``git archive main | tar -x -C DIR``), the same commands and the same note
are timed with that code in the same run, round by round in turn, so that
other work on the machine weighs on both alike; the ratios are printed.

Compiled bytecode, as ``bench_startup.py`` does: an installed ofsted-tui runs
from cached ``.pyc`` files, but a shell with ``PYTHONDONTWRITEBYTECODE`` set
never writes them for a checkout, and compiling the project's modules at every
run was 0.1-0.2 s of each command. The commands keep their bytecode under
``$OFSTED_BENCH_DIR/pycache`` (out of the working trees), filled by the untimed
first run of each; ``--no-bytecode-cache`` measures the other way.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import BENCH_DIR, REPO, Table, corpus_dir, median, save_result  # noqa: E402
from benchmarks.stores import generated_store  # noqa: E402

__all__ = ["main"]

WORD = "leadership"
COUNCIL = "Croydon"  # one council's timeline: the events of one council read and printed
OFSTED_TUI = REPO / ".venv" / "bin" / "ofsted-tui"


def _launcher(tree: Path | None) -> list[str]:
    """The command line's launcher: the installed entry point, or the code of ``tree`` run as a module."""
    return [str(OFSTED_TUI)] if tree is None else [sys.executable, "-m", "ofsted_tui.cli"]


# Where the commands keep their bytecode (None: compiled at every run, as PYTHONDONTWRITEBYTECODE says).
_PYCACHE: list[str | None] = [str(BENCH_DIR / "pycache")]


def _env(tree: Path | None) -> dict[str, str]:
    env = {**os.environ} if tree is None else {**os.environ, "PYTHONPATH": str(tree)}
    if _PYCACHE[0]:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _PYCACHE[0]  # mirrors each source's absolute path: trees never share
    return env


def _whole_process(commands: dict[Path | None, list[str]], rounds: int,
                   before: Callable[[Path | None], object] | None = None) -> dict[Path | None, float]:
    """The median wall time of each tree's command over ``rounds`` runs (after one to warm the caches),
    the trees taking turns within each round; ``before`` is called with the tree before each run, untimed."""
    times: dict[Path | None, list[float]] = {tree: [] for tree in commands}
    for n in range(rounds + 1):
        for tree, command in commands.items():
            if before is not None:
                before(tree)
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, cwd=tree or REPO, env=_env(tree), check=False)
            if n:
                times[tree].append(time.perf_counter() - start)
    return {tree: median(values) for tree, values in times.items()}


# A note saved as the explorer saves it (Library.annotate), then the lookup file written as the explorer writes
# it after the save's frame, where the tree's code does. Kept, not undone: an undo writes db.json's bytes before
# the note again, whose lookup file is still there.
_EXPLORER_NOTE = (
    "import sys; sys.path.insert(0, sys.argv[1]); from ofsted_core.library import Library; "
    "from ofsted_core.annotations import Change, make_annotation; library = Library(sys.argv[2]); "
    "shown = library.store.read_index(); note = make_annotation('note', shown.documents[0], body='n'); "
    "library.annotate(Change(add=(note,)), shown); getattr(library, 'write_lookup', lambda: None)()"
)


def _explorer_note(tree: Path | None, db: Path) -> None:
    root = tree or REPO
    subprocess.run([sys.executable, "-c", _EXPLORER_NOTE, str(root), str(db)], cwd=root, env=_env(tree), check=True,
                   capture_output=True)


def _note_write_in(tree: Path | None, db: Path, rounds: int) -> dict[str, float]:
    """``_note_write`` run by the code of ``tree`` (this checkout where None), in a fresh interpreter."""
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); from benchmarks.bench_cli import _note_write; "
            "print(json.dumps(_note_write(__import__('pathlib').Path(sys.argv[2]), int(sys.argv[3]))))")
    root = tree or REPO
    proc = subprocess.run([sys.executable, "-c", code, str(root), str(db), str(rounds)], capture_output=True,
                          text=True, cwd=root, env=_env(tree), check=True)
    return json.loads(proc.stdout.splitlines()[-1])


def _note_write(db: Path, rounds: int) -> dict[str, float]:
    """Milliseconds to save a note (and to undo it), on a copy of the store."""
    from ofsted_core.annotations import Change, change_annotations, make_annotation
    from ofsted_core.corpus import Corpus
    from ofsted_core.store import Store

    # What a save rebuilds the events with, and the lock it takes, are imported by then in the explorer
    # (``ofsted_tui.app._LATER``).
    import filelock  # noqa: F401
    import ofsted_core.timeline  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="ofsted-bench-note-") as tmp:
        copy = Path(tmp) / "db.json"
        shutil.copy(db, copy)
        shutil.copy(Store(db).bulk.path, Store(copy).bulk.path)
        store = Store(copy)
        shown = store.read()
        store.read()  # migrated, if it was written by an older version
        # As the explorer does: the corpus shown is built from the store as written, the one before lending
        # it what is unchanged, and its lookups built (a --baseline tree times this with its own copy of this code).
        corpus = Corpus.from_data(shown)
        corpus.build_lookups()
        saves, undos = [], []
        for n in range(rounds):
            doc = shown.documents[(n * 7919) % len(shown.documents)]
            start = time.perf_counter()
            written, undo = change_annotations(store, Change(add=(make_annotation("note", doc, body="n"),)), shown)
            corpus = Corpus.from_data(written, corpus)
            corpus.build_lookups()
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            shown, _ = change_annotations(store, undo, written)
            corpus = Corpus.from_data(shown, corpus)
            undos.append(time.perf_counter() - start)
    return {"save_ms": median(saves) * 1000, "save_max_ms": max(saves) * 1000, "undo_ms": median(undos) * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="a source tree of the code to compare against, timed in turn")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile the project's modules at every run (as with PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args(argv)
    if args.no_bytecode_cache:
        _PYCACHE[0] = None
    db = generated_store(args.docs)
    corpus = corpus_dir(args.docs)
    from ofsted_core.store import Store

    doc_id = Store(db).read_catalogue()[0]["id"]
    trees: list[Path | None] = [None] + ([args.baseline.resolve()] if args.baseline else [])
    env_db = ["--db", str(db)]
    lookups = {
        "search": ["search", WORD], "timeline": ["timeline"],
        # The same events as JSON: the store's part, without drawing Rich's table of them.
        "timeline_json": ["timeline", "--json"], "show": ["show", doc_id], "timeline_council": ["timeline", COUNCIL],
    }
    timed = {name: _whole_process({tree: [*_launcher(tree), *command, *env_db] for tree in trees}, args.rounds)
             for name, command in lookups.items()}
    # The first lookup after a write (the explorer's note, an import, an edit): db.json parsed and checked,
    # and the lookup file made again (ofsted_core/lookup_cache.py); code before that file ignores it.
    from ofsted_core.lookup_cache import lookup_path

    stale = lookup_path(db.resolve())
    lookups["timeline_after_write"] = lookups["timeline"]
    timed["timeline_after_write"] = _whole_process(
        {tree: [*_launcher(tree), "timeline", *env_db] for tree in trees}, args.rounds,
        before=lambda tree: stale.unlink(missing_ok=True))
    # The first lookup after the explorer saved a note, on a copy of the store: each tree saves with its own code.
    with tempfile.TemporaryDirectory(prefix="ofsted-bench-cli-") as tmp:
        copy = Path(tmp) / "db.json"
        shutil.copy(db, copy)
        shutil.copy(Store(db).bulk.path, Store(copy).bulk.path)
        lookups["timeline_after_note"] = lookups["timeline"]
        timed["timeline_after_note"] = _whole_process(
            {tree: [*_launcher(tree), "timeline", "--db", str(copy)] for tree in trees}, args.rounds,
            before=lambda tree: _explorer_note(tree, copy))
    figures = {name: by_tree[None] for name, by_tree in timed.items()}
    figures["grep"] = _whole_process({None: ["grep", "-rli", WORD, str(corpus)]}, args.rounds)[None]
    notes = {tree: _note_write_in(tree, db, args.rounds) for tree in trees}
    note = notes[None]
    table = Table(f"Command line and annotation writes, {args.docs:,} documents")
    for name in ("search", "timeline", "show"):
        table.add(f"ofsted-tui {name}, whole process", f"{figures[name]:.2f} s", "< 0.3 s", figures[name] < 0.3)
    table.add("  timeline --json (the same events, no table drawn)", f"{figures['timeline_json']:.2f} s")
    table.add(f"  timeline {COUNCIL} (one council's events)", f"{figures['timeline_council']:.2f} s", "< 0.3 s",
              figures["timeline_council"] < 0.3)
    table.add("  timeline, the first after a write (db.json parsed, the lookup file made)",
              f"{figures['timeline_after_write']:.2f} s")
    table.add("  timeline, the first after the explorer saved a note (the lookup file written by it, where it is)",
              f"{figures['timeline_after_note']:.2f} s")
    table.add(f"grep -rli {WORD} over the same files (floor)", f"{figures['grep']:.2f} s")
    table.add("save a note (write + corpus), median / max", f"{note['save_ms']:.0f} / {note['save_max_ms']:.0f} ms",
              "< 100 ms", note["save_ms"] < 100)
    table.add("undo it", f"{note['undo_ms']:.0f} ms")
    baseline: dict[str, float] = {}
    if args.baseline:
        base = trees[1]
        baseline = {name: by_tree[base] for name, by_tree in timed.items()}
        baseline.update({f"note_{k}": v / 1000 for k, v in notes[base].items()})
        for name in lookups:
            table.add(f"  {name} against {args.baseline.name} (same run)",
                      f"{baseline[name]:.2f} -> {figures[name]:.2f} s, x{figures[name] / baseline[name]:.2f}")
        table.add(f"  note save against {args.baseline.name} (same run)",
                  f"{notes[base]['save_ms']:.0f} -> {note['save_ms']:.0f} ms, x{note['save_ms'] / notes[base]['save_ms']:.2f}")
    table.print()
    save_result(f"cli-{args.docs}", {"docs": args.docs, "seconds": figures, "note": note,
                                     "bytecode_cache": not args.no_bytecode_cache,
                                     **({"baseline": {"tree": str(args.baseline), "seconds": baseline}} if baseline else {})})
    return 0


if __name__ == "__main__":
    sys.exit(main())
