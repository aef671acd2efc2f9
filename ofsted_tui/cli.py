"""The ``ofsted-tui`` command: the explorer, or quick lookups without it.

Exit status: 0 success, 1 some files failed to import or nothing was found,
2 the store or the arguments cannot be used.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from ofsted_tui.store import Store, StoreError

__all__ = ["main", "default_db_path"]

DB_ENV = "OFSTED_TUI_DB"
# The bundled store sits at the top of the checkout, beside the packages.
BUNDLED_DB = Path(__file__).resolve().parent.parent / "db.json"
PROGRESS_MIN_FILES = 5


def default_db_path() -> Path:
    return Path(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else BUNDLED_DB


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for (see ofsted_tui.__getattr__)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        import ofsted_tui

        print(f"{parser.prog} {ofsted_tui.__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=None,
                        help=f"the store file (default: ${DB_ENV}, else the bundled db.json)")
    parser = argparse.ArgumentParser(
        prog="ofsted-tui", parents=[common],
        description="Explore the Ofsted inspection history of councils' children's services.",
        epilog="With no command, opens the explorer.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="import files and folders (.txt .md .html .pdf)")
    p.add_argument("paths", nargs="+", metavar="PATH")

    p = sub.add_parser("rebuild", parents=[common],
                       help="rebuild the store from a corpus folder, keeping annotations (how db.json is made)")
    p.add_argument("paths", nargs="*", metavar="PATH", default=["corpus"])

    p = sub.add_parser("timeline", parents=[common], help="print the inspection timeline")
    p.add_argument("--authority", help="only this council")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = sub.add_parser("search", parents=[common], help="find documents and passages")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = sub.add_parser("show", parents=[common], help="print one document with its facts")
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix of it) or source path")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = sub.add_parser("export", parents=[common], help="write the store out")
    p.add_argument("--format", choices=("json", "csv", "md"), default="json")
    p.add_argument("--table", choices=("facts", "events", "documents"), default="facts",
                   help="which table to write as CSV (default: facts)")
    p.add_argument("--out", type=Path, help="write to this file instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    store = Store(args.db or default_db_path())
    console = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    try:
        if args.command is None:
            return _explore(store, err)
        handler = _HANDLERS[args.command]
        return handler(store, args, console)
    except StoreError as exc:
        from ofsted_tui.render import safe
        err.print(safe(f"ofsted-tui: {exc.path}: {exc.reason}", "bold red"))
        return 2
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


def _explore(store: Store, err: Console) -> int:
    # A store that cannot be read is reported before the screen is taken over;
    # the app starts from what was read here rather than parsing the file twice.
    # Of a large store only the timeline's tables are read here: the app shows
    # them at once and reads the rest in a thread.
    stamp = store.mtime_ns()
    data = store.read_timeline() or store.read()
    from ofsted_tui.app import make_app

    app = make_app(store.path, data=data, stamp=stamp)
    del data  # the app owns the only reference, and lets go of it once its corpus is built
    app.run()
    return 0


def _import(store: Store, args: argparse.Namespace, console: Console) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ofsted_tui.importing import import_paths
    from ofsted_tui.render import import_summary

    store.read()  # refuse early, before parsing anything, if the store is unusable
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal,
    )
    task = None

    def tick(path: str, done: int, total: int) -> None:
        nonlocal task
        if total < PROGRESS_MIN_FILES:
            return
        if task is None:
            task = progress.add_task("Importing", total=total)
            progress.start()
        progress.update(task, completed=done)

    try:
        report = import_paths(store, args.paths, progress=tick)
    finally:
        progress.stop()
    console.print(import_summary(report))
    return 0 if report.ok else 1


def _rebuild(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.importing import rebuild_store
    from ofsted_tui.render import import_summary

    report = rebuild_store(store, args.paths)
    console.print(import_summary(report))
    return 0 if report.ok else 1


def _corpus(store: Store):
    from ofsted_tui.corpus import load_corpus
    return load_corpus(store)


def _print_json(console: Console, data: Any) -> None:
    from ofsted_tui.export import json_text
    sys.stdout.write(json_text(data))


def _timeline(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.render import timeline_table

    corpus = _corpus(store)
    events = corpus.events
    if args.authority:
        wanted = args.authority.casefold()
        events = [e for e in events if (e.get("authority") or "").casefold() == wanted]
    if args.json:
        from ofsted_tui.export import EVENT_KEYS
        _print_json(console, [{k: e.get(k) for k in (*EVENT_KEYS, "label")} for e in events])
    else:
        console.print(timeline_table(corpus, events))
    return 0


def _search(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.render import search_results

    corpus = _corpus(store)
    query = " ".join(args.query)
    hits = corpus.search_index.search(query, limit=args.limit)
    if args.json:
        _print_json(console, [
            {"doc_id": h.doc_id, "title": corpus.documents[h.doc_id].get("title"), "score": round(h.score, 4),
             "span": [h.start, h.end], "snippet": h.snippet} for h in hits
        ])
    elif hits:
        console.print(search_results(corpus, hits))
    else:
        console.print("No matches.")
    return 0 if hits else 1


def _show(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.export import DOCUMENT_KEYS, _fact_out
    from ofsted_tui.render import document_view, safe

    corpus = _corpus(store)
    doc = corpus.find_document(args.doc)
    if doc is None:
        Console(stderr=True).print(safe(f"ofsted-tui: no single document matches {args.doc!r}; "
                                        "see `ofsted-tui export --format csv --table documents`", "bold red"))
        return 1
    if args.json:
        out = {k: doc.get(k) for k in DOCUMENT_KEYS}
        out["text"] = doc["text"]
        out["facts"] = [_fact_out(f) for f in corpus.facts_of(doc["id"])]
        _print_json(console, out)
    else:
        console.print(document_view(corpus, doc))
    return 0


def _export(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.export import export_csv, export_json, export_markdown

    corpus = _corpus(store)
    if args.format == "json":
        payload = export_json(corpus)
    elif args.format == "csv":
        payload = export_csv(corpus, args.table)
    else:
        payload = export_markdown(corpus)
    if args.out:
        return _write_out(store, args.out, payload)
    else:
        sys.stdout.write(payload)
    return 0


def _write_out(store: Store, out: Path, payload: str) -> int:
    from ofsted_tui.export import ExportError, save_export
    from ofsted_tui.render import safe

    try:
        save_export(out, payload, store)
    except ExportError as exc:
        Console(stderr=True, highlight=False).print(safe(f"ofsted-tui: cannot write {exc.path}: {exc.reason}", "bold red"))
        return 2
    return 0


_HANDLERS = {
    "import": _import, "rebuild": _rebuild, "timeline": _timeline, "search": _search,
    "show": _show, "export": _export,
}

if __name__ == "__main__":
    raise SystemExit(main())
