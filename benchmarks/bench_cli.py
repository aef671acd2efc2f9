"""Command-line lookups and an annotation's write on a generated store, against grep's floor.

    .venv/bin/python benchmarks/bench_cli.py [--docs 10000] [--rounds 5]

Times, as whole processes, ``ofsted-tui search WORD``, ``timeline`` and
``show DOC`` on the store bench_import.py --keep-db made (built here where
missing), and ``grep -rli WORD`` over the corpus files it was imported from:
the floor a user compares a search with. Then, in one process, a note's
write (``change_annotations`` with the snapshot shown, as the explorer
makes it): the key-to-store part of the target, the screen's redraw aside.
Results go to ``$OFSTED_BENCH_DIR/cli-<docs>.json`` for summary.py.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import REPO, Table, corpus_dir, median, save_result  # noqa: E402
from benchmarks.stores import generated_store  # noqa: E402

__all__ = ["main"]

WORD = "leadership"
OFSTED_TUI = REPO / ".venv" / "bin" / "ofsted-tui"


def _whole_process(command: list[str], rounds: int) -> float:
    """The median wall time of ``command`` over ``rounds`` runs (after one to warm the caches)."""
    times = []
    for n in range(rounds + 1):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=REPO, check=False)
        if n:
            times.append(time.perf_counter() - start)
    return median(times)


def _note_write(db: Path, rounds: int) -> dict[str, float]:
    """Milliseconds to save a note (and to undo it), on a copy of the store."""
    from ofsted_core.annotations import Change, change_annotations, make_annotation
    from ofsted_core.corpus import Corpus
    from ofsted_core.store import Store

    with tempfile.TemporaryDirectory(prefix="ofsted-bench-note-") as tmp:
        copy = Path(tmp) / "db.json"
        shutil.copy(db, copy)
        shutil.copy(Store(db).bulk.path, Store(copy).bulk.path)
        store = Store(copy)
        shown = store.read()
        store.read()  # migrated, if it was written by an older version
        saves, undos = [], []
        for n in range(rounds):
            doc = shown.documents[(n * 7919) % len(shown.documents)]
            start = time.perf_counter()
            written, undo = change_annotations(store, Change(add=(make_annotation("note", doc, body="n"),)), shown)
            Corpus.from_data(written)
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            shown, _ = change_annotations(store, undo, written)
            undos.append(time.perf_counter() - start)
    return {"save_ms": median(saves) * 1000, "save_max_ms": max(saves) * 1000, "undo_ms": median(undos) * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    db = generated_store(args.docs)
    corpus = corpus_dir(args.docs)
    from ofsted_core.store import Store

    doc_id = Store(db).read_catalogue()[0]["id"]
    env_db = ["--db", str(db)]
    figures = {
        "search": _whole_process([str(OFSTED_TUI), "search", WORD, *env_db], args.rounds),
        "timeline": _whole_process([str(OFSTED_TUI), "timeline", *env_db], args.rounds),
        # The same events as JSON: the store's part, without drawing Rich's table of them.
        "timeline_json": _whole_process([str(OFSTED_TUI), "timeline", "--json", *env_db], args.rounds),
        "show": _whole_process([str(OFSTED_TUI), "show", doc_id, *env_db], args.rounds),
        "grep": _whole_process(["grep", "-rli", WORD, str(corpus)], args.rounds),
    }
    note = _note_write(db, args.rounds)
    table = Table(f"Command line and annotation writes, {args.docs:,} documents")
    for name in ("search", "timeline", "show"):
        table.add(f"ofsted-tui {name}, whole process", f"{figures[name]:.2f} s", "< 0.3 s", figures[name] < 0.3)
    table.add("  timeline --json (the same events, no table drawn)", f"{figures['timeline_json']:.2f} s")
    table.add(f"grep -rli {WORD} over the same files (floor)", f"{figures['grep']:.2f} s")
    table.add("save a note (write + corpus), median / max", f"{note['save_ms']:.0f} / {note['save_max_ms']:.0f} ms",
              "< 100 ms", note["save_ms"] < 100)
    table.add("undo it", f"{note['undo_ms']:.0f} ms")
    table.print()
    save_result(f"cli-{args.docs}", {"docs": args.docs, "seconds": figures, "note": note})
    return 0


if __name__ == "__main__":
    sys.exit(main())
