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
    db_help = f"the store file (default: ${DB_ENV}, else the bundled db.json)"
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--db", type=Path, default=None, help=db_help)
    # After the command, --db must not reset one given before it ("ofsted-tui --db X
    # import ...") to the default: that wrote to the bundled store instead of X.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog="ofsted-tui", parents=[top],
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

    p = sub.add_parser("councils", parents=[common],
                       help="every council with its latest graded inspection, the grade before and visits since")
    p.add_argument("--region", help="only councils of this region (any part of its name)")
    p.add_argument("--grade", help="only councils whose latest grade is this (outstanding, good, RI, inadequate, or 1-4)")
    p.add_argument("--since", type=int, metavar="YEAR", help="only councils inspected in or after this year")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON for scripts")
    output.add_argument("--csv", action="store_true", help="print CSV")

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

    p = sub.add_parser("fetch", parents=[common],
                       help="download councils' Ofsted reports into your library, politely, and import them")
    p.add_argument("councils", nargs="*", metavar="COUNCIL", help="a council's name (or part of it) or Ofsted URN")
    p.add_argument("--all", action="store_true", help="every council the national CSV knows")
    p.add_argument("--since", metavar="YEAR|LAST", type=_since,
                   help="only reports published in YEAR or later, or (LAST) new since the last fetch")
    p.add_argument("--dry-run", action="store_true", help="list what would be downloaded; download nothing")
    p.add_argument("--to", type=Path, metavar="DIR",
                   help="the library folder (default: $XDG_DATA_HOME/ofsted-tui/reports)")
    p.add_argument("--delay", type=_seconds, default=2.0, metavar="SECONDS",
                   help="seconds between requests (default 2)")
    p.add_argument("--timeout", type=_seconds, default=30.0, metavar="SECONDS", help="per request (default 30)")
    p.add_argument("--csv", type=Path, action="append", default=[], metavar="FILE",
                   help="a national history CSV to read report links and council names from")
    return parser


def _since(value: str) -> int | str:
    if value.casefold() == "last":
        return "last"
    if value.isdigit() and len(value) == 4:
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} is not a year (like 2018) or LAST")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 3600:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds")
    return seconds


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
        names = _authority_names(corpus, args.authority)
        if names is None:
            return 1
        events = [e for e in events if e.get("authority") in names]
    if args.json:
        from ofsted_tui.export import EVENT_KEYS
        _print_json(console, [{k: e.get(k) for k in (*EVENT_KEYS, "label")} for e in events])
    else:
        console.print(timeline_table(corpus, events))
    return 0


def _authority_names(corpus: Any, given: str) -> set[str] | None:
    """The councils ``--authority`` names: a whole or partial name, another name, a URN or LA code.
    None (after saying so, with the nearest names) when it names none."""
    from importers.councils import find_councils, suggest
    from ofsted_tui.render import safe

    names = {c.name for c in find_councils(given)}
    # A name the store files documents under that the reference does not know.
    names |= {a for e in corpus.events if (a := e.get("authority")) and a.casefold() == given.strip().casefold()}
    if names:
        return names
    hint = suggest(given)
    message = f"ofsted-tui: no council matches {given!r}"
    message += f"; did you mean {' or '.join(repr(n) for n in hint)}?" if hint else "; see `ofsted-tui councils`"
    Console(stderr=True).print(safe(message, "bold red"))
    return None


def _councils(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.national import CSV_COLUMNS, council_rows, csv_row, filter_rows, grade_filter
    from ofsted_tui.render import councils_table, safe

    grade = None
    if args.grade:
        grade = grade_filter(args.grade)
        if grade is None:
            Console(stderr=True).print(safe(f"ofsted-tui: --grade {args.grade!r} is not a grade; use outstanding, "
                                            "good, RI (requires improvement), inadequate or 1-4", "bold red"))
            return 2
    corpus = _corpus(store)
    rows = filter_rows(council_rows(corpus.events, corpus.documents.values()), args.region, grade, args.since)
    if args.region and not rows:
        from importers.councils import regions
        if not any(args.region.casefold() in r.casefold() for r in regions()):
            Console(stderr=True).print(safe(f"ofsted-tui: no region matches {args.region!r}; regions: "
                                            f"{', '.join(regions())}", "bold red"))
            return 1
    if args.json:
        _print_json(console, rows)
    elif args.csv:
        import csv
        import io

        from ofsted_tui.export import _cell
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in csv_row(row).items()})
        sys.stdout.write(out.getvalue())
    else:
        console.print(councils_table(rows, console.width))
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


def _fetch(store: Store, args: argparse.Namespace, console: Console) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ofsted_tui.fetch.client import Client
    from ofsted_tui.fetch.library import Library, default_library
    from ofsted_tui.fetch.run import (
        FetchProblem, Sites, csv_links_in_store, download_plan, known_councils, not_yet_imported, plan_fetch,
        record_fetch, resolve_councils,
    )
    from ofsted_tui.importing import import_paths
    from ofsted_tui.render import fetch_plan_table, fetch_summary, import_summary, safe

    err = Console(stderr=True, highlight=False)
    if bool(args.councils) == args.all:
        err.print("ofsted-tui fetch: name one or more councils, or --all", style="bold red")
        return 2
    data = store.read()  # refuse early if the store is unusable
    try:
        csv_links = csv_links_in_store(data.documents, args.csv)
        known = known_councils(csv_links)
        if args.all and not known:
            # No national CSV: every council of today, by the reference's URNs.
            from importers.councils import councils as every_council

            known = {c.urn: c.name for c in every_council() if c.urn}
        councils = resolve_councils(sorted(known) if args.all else args.councils, known)
    except FetchProblem as exc:
        err.print(safe(f"ofsted-tui fetch: {exc}", "bold red"))
        return 2
    library = Library(args.to or default_library())
    client = Client(delay=args.delay, timeout=args.timeout)
    sites = Sites.from_env()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    tasks: dict[str, Any] = {}

    def tick(what: str, done: int, total: int) -> None:
        if what not in tasks:
            tasks[what] = progress.add_task(what, total=total)
        progress.update(tasks[what], completed=done)

    with progress:
        plan = plan_fetch(client, library, sites, councils, csv_links, args.since, tick)
        for note in plan.notes:
            err.print(safe(note, "yellow"))
        if args.dry_run:
            progress.stop()
            console.print(fetch_plan_table(plan))
            return 0
        report = download_plan(client, sites, plan, tick)
    record_fetch(library, councils, plan, report)
    console.print(fetch_summary(plan, report, library.root))
    ok = not report.failed and not plan.pages_failed
    # What this fetch downloaded, and what an interrupted one left unimported.
    to_import = not_yet_imported(plan, {d["source"] for d in data.documents})
    if to_import:
        imported = import_paths(store, [str(path) for path in to_import])
        console.print(import_summary(imported))
        ok = ok and imported.ok
    return 0 if ok else 1


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
    "import": _import, "rebuild": _rebuild, "timeline": _timeline, "councils": _councils, "search": _search,
    "show": _show, "export": _export, "fetch": _fetch,
}

if __name__ == "__main__":
    raise SystemExit(main())
