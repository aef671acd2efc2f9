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

from ofsted_tui.cli_args import CREATES_STORE, DB_ENV, parser as _parser
from ofsted_core.store import Store, StoreError

__all__ = ["main", "default_db_path"]

# The bundled store sits at the top of the checkout, beside the packages.
BUNDLED_DB = Path(__file__).resolve().parent.parent / "db.json"
PROGRESS_MIN_FILES = 5


def default_db_path() -> Path:
    return Path(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else BUNDLED_DB


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    store = Store(args.db or default_db_path())
    console = Console(highlight=False)
    err = _err()
    if not store.path.exists():
        from ofsted_tui.render import safe
        # A mistyped --db must not open an empty explorer that a note would then
        # turn into a new store: only the commands that fill a store create one.
        if args.command not in CREATES_STORE:
            err.print(safe(f"ofsted-tui: {store.path}: no such store; give --db an existing file, "
                           "or import into a new one with `ofsted-tui import PATH --db FILE`", "bold red"))
            return 2
        err.print(safe(f"ofsted-tui: creating a new store at {store.path}", "yellow"))
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


def _err() -> Console:
    # Messages are never hard-wrapped: a suggested command stays on one line
    # for copying, and the terminal wraps what is too long for it.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _print_table(console: Console, renderable: Any) -> None:
    """A table or document, whole: piped or redirected, it is as wide as its longest
    value rather than cut or folded to 80 columns."""
    if console.is_terminal:
        console.print(renderable)
        return
    widest = console.measure(renderable, options=console.options.update_width(100_000)).maximum
    console.width = max(console.width, widest)  # print(width=) cannot go beyond the console's own
    console.print(renderable)


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

    from ofsted_core.importing import import_paths
    from ofsted_tui.render import import_summary

    store.check()  # refuse early, before parsing anything, if the store is unusable
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
    _print_table(console, import_summary(report))
    return 0 if report.ok else 1


def _rebuild(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_core.importing import rebuild_store
    from ofsted_tui.render import import_summary

    report = rebuild_store(store, args.paths)
    _print_table(console, import_summary(report))
    return 0 if report.ok else 1


def _corpus(store: Store):
    from ofsted_core.corpus import load_corpus
    return load_corpus(store)


def _print_json(console: Console, data: Any) -> None:
    from ofsted_core.export import json_text
    sys.stdout.write(json_text(data))


def _timeline(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.render import safe, timeline_table

    from ofsted_core.corpus import Corpus

    corpus = Corpus.from_data(store.read_events())  # the events alone: no document is read
    keep, refused = _event_filter(corpus.events, args)
    if keep is None:
        return refused
    events = corpus.events
    if args.authority:
        names = _authority_names(corpus, args.authority)
        if names is None:
            return 1
        events = [e for e in events if e.get("authority") in names]
    events = [e for e in events if keep.keeps(e)]
    narrowed = bool(args.authority) or keep.narrows
    if not events and narrowed:
        if keep.narrows:
            message = "no events match these filters; `ofsted-tui timeline` lists them all"
        else:
            import shlex
            message = (f"this store has no events for {' or '.join(sorted(names))}; "
                       f"`ofsted-tui fetch {' '.join(shlex.quote(n) for n in sorted(names))}` downloads its reports")
        _err().print(safe(f"ofsted-tui: {message}", "yellow"))
    if args.json:
        from ofsted_core.export import EVENT_KEYS
        _print_json(console, [{k: e.get(k) for k in (*EVENT_KEYS, "label")} for e in events])
    elif events or not narrowed:
        _print_table(console, timeline_table(corpus, events))
    return 0 if events or not narrowed else 1


def _event_filter(events: list[dict[str, Any]], args: argparse.Namespace) -> tuple[Any, int]:
    """The timeline's filters and 0, or None and the exit status after saying which one cannot be used."""
    from importers.vocabulary import rating_named
    from ofsted_tui.cli_find import EventFilter, rating_words, type_named
    from ofsted_tui.render import safe

    rating = rating_named(args.rating) if args.rating else None
    if args.rating and rating is None:
        _err().print(safe(f"ofsted-tui: --rating {args.rating!r} is not a rating; use one of {rating_words()} "
                          "(or RI)", "bold red"))
        return None, 2
    types = None
    if args.type:
        known = {e["type"] for e in events if e.get("type")}
        types = frozenset(type_named(args.type, known))
        if not types:
            _err().print(safe(f"ofsted-tui: no event type matches {args.type!r}; types here: "
                              f"{', '.join(sorted(known)) or 'none'}", "bold red"))
            return None, 1
    return EventFilter(args.since, args.until, rating, types), 0


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
    _err().print(safe(message, "bold red"))
    return None


def _councils(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_core.national import (
        CSV_COLUMNS, GRADE_HINT, council_rows, csv_row, filter_rows, grade_filter, region_matches,
    )
    from ofsted_tui.render import councils_table, safe

    grade = None
    if args.grade:
        grade = grade_filter(args.grade)
        if grade is None:
            _err().print(safe(f"ofsted-tui: --grade {args.grade!r} is not a grade; {GRADE_HINT}", "bold red"))
            return 2
    corpus = _corpus(store)
    rows = filter_rows(council_rows(corpus.events, corpus.documents.values()), args.region, grade, args.since)
    if args.region and not rows and not region_matches(args.region):
        from importers.councils import regions
        _err().print(safe(f"ofsted-tui: no region matches {args.region!r}; regions: "
                          f"{', '.join(regions())}", "bold red"))
        return 1
    if args.json:
        _print_json(console, rows)
    elif args.csv:
        _write_csv(CSV_COLUMNS, [csv_row(row) for row in rows])
    else:
        # Piped, every column is kept: nothing there is too narrow for them.
        _print_table(console, councils_table(rows, console.width if console.is_terminal else 200))
    return 0


def _compare(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_core.compare import choose_councils, compare_grid, grid_csv_rows, grid_json
    from ofsted_tui.render import compare_view

    corpus = _corpus(store)
    names: list[str] = []
    for given in args.councils:
        found = _authority_names(corpus, given)
        if found is None:
            return 1
        names += sorted(found)
    grid = compare_grid(corpus.events, choose_councils(names, args.neighbours, args.region))
    missing = [row.name for row in grid.rows if not row.authorities]
    if missing:
        from ofsted_tui.render import safe
        _err().print(safe(f"ofsted-tui: this store has no events for {', '.join(missing)}; "
                          "`ofsted-tui fetch COUNCIL` downloads a council's reports", "yellow"))
    if args.json:
        _print_json(console, {"years": grid.years, "councils": grid_json(grid)})
    elif args.csv:
        columns, rows = grid_csv_rows(grid)
        _write_csv(columns, rows)
    else:
        _print_table(console, compare_view(grid, console.width if console.is_terminal else 200))
    return 0


def _write_csv(columns: Any, rows: list[dict[str, Any]]) -> None:
    import csv
    import io

    from ofsted_core.export import _cell
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    sys.stdout.write(out.getvalue())


def _search(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_tui.render import search_results

    from ofsted_core.corpus import search_store

    query = " ".join(args.query)
    corpus, hits = search_store(store, query, limit=args.limit)
    if args.json:
        _print_json(console, [
            {"doc_id": h.doc_id, "title": corpus.documents[h.doc_id].get("title"), "score": round(h.score, 4),
             "span": [h.start, h.end], "snippet": h.snippet} for h in hits
        ])
    elif hits:
        _print_table(console, search_results(corpus, hits))
    else:
        console.print("No matches.")
    return 0 if hits else 1


def _show(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_core.export import DOCUMENT_KEYS, _fact_out
    from ofsted_tui.cli_find import documents_named
    from ofsted_tui.render import document_view, safe

    from ofsted_core.corpus import document_corpus

    found = documents_named({row["id"]: row for row in store.read_catalogue()}, args.doc)
    if len(found) != 1:
        message = f"ofsted-tui: no document matches {args.doc!r}; see `ofsted-tui export --format csv --table documents`"
        if found:
            message = f"ofsted-tui: {args.doc!r} matches {len(found)} documents; give more of the id:"
            message += "".join(f"\n  {d['id']}  {d['source']}" for d in sorted(found, key=lambda d: d["id"]))
        _err().print(safe(message, "bold red"))
        return 1
    # Only the document shown is read whole, with those it links to (and every event and note).
    corpus = document_corpus(store, found[0]["id"])
    doc = corpus.documents[found[0]["id"]]
    if args.json:
        out = {k: doc.get(k) for k in DOCUMENT_KEYS}
        out["text"] = doc["text"]
        out["facts"] = [_fact_out(f) for f in corpus.facts_of(doc["id"])]
        _print_json(console, out)
    else:
        _print_table(console, document_view(corpus, doc))
    return 0


def _export(store: Store, args: argparse.Namespace, console: Console) -> int:
    from ofsted_core.export import export_csv, export_json, export_markdown

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

    from ofsted_core.fetch.client import Client
    from ofsted_core.fetch.library import Library, default_library
    from ofsted_core.fetch.run import (
        FetchProblem, Sites, csv_links_in_store, download_plan, known_councils, not_yet_imported, plan_fetch,
        record_fetch, resolve_councils,
    )
    from ofsted_core.importing import import_paths
    from ofsted_tui.render import fetch_plan_table, fetch_summary, import_summary, safe

    err = _err()
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
            _print_table(console, fetch_plan_table(plan))
            return 0
        report = download_plan(client, sites, plan, tick)
    record_fetch(library, councils, plan, report)
    _print_table(console, fetch_summary(plan, report, library.root))
    ok = not report.failed and not plan.pages_failed
    # What this fetch downloaded, and what an interrupted one left unimported.
    to_import = not_yet_imported(plan, {d["source"] for d in data.documents})
    if to_import:
        imported = import_paths(store, [str(path) for path in to_import])
        _print_table(console, import_summary(imported))
        ok = ok and imported.ok
    return 0 if ok else 1


def _write_out(store: Store, out: Path, payload: str) -> int:
    from ofsted_core.export import ExportError, save_export
    from ofsted_tui.render import safe

    try:
        save_export(out, payload, store)
    except ExportError as exc:
        _err().print(safe(f"ofsted-tui: cannot write {exc.path}: {exc.reason}", "bold red"))
        return 2
    return 0


_HANDLERS = {
    "import": _import, "rebuild": _rebuild, "timeline": _timeline, "councils": _councils, "compare": _compare,
    "search": _search, "show": _show, "export": _export, "fetch": _fetch,
}

if __name__ == "__main__":
    raise SystemExit(main())
