"""The ``ofsted-tui`` command: the explorer, or quick lookups without it.

Exit status: 0 success, 1 some files failed to import or nothing was found,
2 the store or the arguments cannot be used.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ofsted_core.library import BadValue, Library, LibraryError, NotFound, collector_paused
from ofsted_tui.cli_args import CREATES_STORE, DB_ENV, parser as _parser

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["main", "default_db_path"]

# The bundled store sits at the top of the checkout, beside the packages.
BUNDLED_DB = Path(__file__).resolve().parent.parent / "db.json"
PROGRESS_MIN_FILES = 5
# Short commands that read every event and print them: they build large acyclic data (the events, their
# rows) and end, freeing it all. The cyclic collector's passes meanwhile walked that data again and again
# for nothing: a tenth to a fifth of their CPU at 10,000 documents. `search` and `show` read a few
# documents, and were no faster without it; imports, rebuilds, fetches and exports keep it too.
LOOKUPS = frozenset({"timeline", "councils", "compare"})


def default_db_path() -> Path:
    return Path(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else BUNDLED_DB


class _Out:
    """Standard output: Rich's console made on first use, so a lookup printed as plain text never loads Rich."""

    @cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(highlight=False)

    @staticmethod
    def plain() -> bool:
        """Whether Rich would print without colour or boxes (a pipe or a file, no colour forced): plain text then.

        Rich's own test, for what a command line meets: a terminal, or any of the
        variables that make Rich act as if it had one, gets Rich.
        """
        if any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")):
            return False
        isatty = getattr(sys.stdout, "isatty", None)
        return not (isatty and isatty())


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = _Out()
    try:
        # A mistyped --db must not open an empty explorer that a note would then
        # turn into a new store: only the commands that fill a store create one.
        library = Library.open(args.db or default_db_path(), create=args.command in CREATES_STORE)
        if not library.exists:
            _err().print(_safe(f"ofsted-tui: creating a new store at {library.path}", "yellow"))
        if args.command is None:
            return _explore(library)
        handler = _HANDLERS[args.command]
        with collector_paused() if args.command in LOOKUPS else contextlib.nullcontext():
            return handler(library, args, out)
    except (LibraryError, BadValue) as exc:
        _refuse(exc.message)
        return 2
    except NotFound as exc:
        _refuse(exc.message)
        return 1
    except KeyboardInterrupt:
        _err().print("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly with status 1, as Rich does, and keep
        # Python's exit from failing to flush into the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _refuse(message: str) -> None:
    _err().print(_safe(f"ofsted-tui: {message}", "bold red"))


def _safe(text: str, style: str) -> Any:
    # render (and the core modules it draws from) is loaded only when something is printed.
    from ofsted_tui.render import safe as text_of

    return text_of(text, style)


def _err() -> Console:
    from rich.console import Console

    # Messages are never hard-wrapped: a suggested command stays on one line
    # for copying, and the terminal wraps what is too long for it.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _print_table(out: _Out, renderable: Any) -> None:
    """A table or document, whole: piped or redirected, it is as wide as its longest
    value rather than cut or folded to 80 columns."""
    console = out.console
    if console.is_terminal:
        console.print(renderable)
        return
    widest = console.measure(renderable, options=console.options.update_width(100_000)).maximum
    console.width = max(console.width, widest)  # print(width=) cannot go beyond the console's own
    console.print(renderable)


def _explore(library: Library) -> int:
    # A store that cannot be read is reported before the screen is taken over;
    # the app starts from what was read here rather than parsing the file twice.
    # No garbage collection from here until the explorer's first frame (the app resumes it: see
    # OfstedApp.on_load): the collections due meanwhile, in importing Textual and in starting the app,
    # walked every object made so far, the rows just read among them (15 ms on the bundled store,
    # 35 at 10,000 documents).
    import gc

    running = gc.isenabled()
    gc.disable()
    try:
        stamp, data = library.first_snapshot()
        from ofsted_tui.app import make_app

        app = make_app(library.path, data=data, stamp=stamp, collector_held=running)
        del data  # the app owns the only reference, and lets go of it once its corpus is built
        app.run()
    finally:
        if running:
            gc.enable()  # however the app ended (it resumes the collector itself after its first frame)
    return 0


def _import(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ofsted_tui.render import import_summary

    library.check()  # refuse early, before parsing anything, if the store is unusable
    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=out.console, transient=True, disable=not out.console.is_terminal,
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
        report = library.import_paths(args.paths, progress=tick)
    finally:
        progress.stop()
    _print_table(out, import_summary(report))
    return 0 if report.ok else 1


def _rebuild(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from ofsted_tui.render import import_summary

    report = library.rebuild(args.paths)
    _print_table(out, import_summary(report))
    return 0 if report.ok else 1


def _print_json(data: Any) -> None:
    from ofsted_core.library import json_text

    sys.stdout.write(json_text(data))


def _timeline(library: Library, args: argparse.Namespace, out: _Out) -> int:
    if args.council and args.authority and args.council != args.authority:
        _err().print(_safe(f"ofsted-tui: two councils given ({args.council!r} and --authority {args.authority!r}); "
                           "give one", "red"))
        return 2
    timeline = library.timeline(args.authority or args.council, args.since, args.until, args.rating, args.type)
    hint = timeline.empty_hint
    if hint:
        _err().print(_safe(f"ofsted-tui: {hint}", "yellow"))
    if args.json:
        _print_json(timeline.json())
    elif not hint:
        _print_timeline(out, timeline.events)
    return 1 if hint else 0


def _print_timeline(out: _Out, events: list[dict[str, Any]]) -> None:
    if out.plain():  # the same words and columns Rich prints to a pipe, without loading it
        from ofsted_tui.timeline_cells import plain_timeline

        sys.stdout.writelines(plain_timeline(events))
    else:
        from ofsted_tui.render import timeline_table

        _print_table(out, timeline_table(events))


def _councils(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from ofsted_core.library import council_csv
    from ofsted_tui.render import councils_table

    rows = library.councils(args.region, args.grade, args.since)
    if not rows:  # only filters leave none (every council is listed otherwise): say so, as timeline does
        _err().print(_safe("ofsted-tui: no council matches these filters; `ofsted-tui councils` lists them all",
                           "yellow"))
    if args.json:
        _print_json(rows)
    elif args.csv:
        sys.stdout.write(council_csv(rows))
    elif rows:
        # Piped, every column is kept: nothing there is too narrow for them.
        _print_table(out, councils_table(rows, out.console.width if out.console.is_terminal else 200))
    return 0 if rows else 1


def _compare(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from ofsted_core.library import grid_csv, grid_json
    from ofsted_tui.render import compare_view

    grid = library.compare(args.councils, args.neighbours, args.region)
    missing = [row.name for row in grid.rows if not row.authorities]
    if missing:
        _err().print(_safe(f"ofsted-tui: this store has no events for {', '.join(missing)}; "
                          "`ofsted-tui fetch COUNCIL` downloads a council's reports", "yellow"))
    if args.json:
        _print_json(grid_json(grid))
    elif args.csv:
        sys.stdout.write(grid_csv(grid))
    else:
        _print_table(out, compare_view(grid, out.console.width if out.console.is_terminal else 200))
    return 0


def _search(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from ofsted_tui.render import search_results

    found = library.search(" ".join(args.query), limit=args.limit)
    if args.json:
        _print_json(found.json())
    elif found.hits:
        _print_table(out, search_results(found.corpus, found.hits))
    else:
        out.console.print("No matches.")
    return 0 if found.hits else 1


def _show(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from ofsted_tui.render import document_view

    # Only the document shown is read whole, with those it links to (and every event and note).
    shown = library.document(args.doc)
    if args.json:
        _print_json(shown.json())
    else:
        _print_table(out, document_view(shown.corpus, shown.document))
    return 0


def _export(library: Library, args: argparse.Namespace, out: _Out) -> int:
    payload = library.export(args.format, args.table, out=args.out)
    if not args.out:
        sys.stdout.write(payload)
    return 0


def _fetch(library: Library, args: argparse.Namespace, out: _Out) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ofsted_core.fetch.client import Client
    from ofsted_core.fetch.library import Library as Reports, default_library
    from ofsted_core.fetch.run import (
        FetchProblem, Sites, csv_links_in_store, download_plan, known_councils, not_yet_imported, plan_fetch,
        record_fetch, resolve_councils,
    )
    from ofsted_tui.render import fetch_plan_table, fetch_summary, import_summary

    err = _err()
    if bool(args.councils) == args.all:
        err.print("ofsted-tui fetch: name one or more councils, or --all", style="bold red")
        return 2
    documents = list(library.load().documents.values())  # refuse early if the store is unusable
    try:
        csv_links = csv_links_in_store(documents, args.csv)
        known = known_councils(csv_links)
        if args.all and not known:
            # No national CSV: every council of today, by the reference's URNs.
            from importers.councils import councils as every_council

            known = {c.urn: c.name for c in every_council() if c.urn}
        councils = resolve_councils(sorted(known) if args.all else args.councils, known)
    except FetchProblem as exc:
        err.print(_safe(f"ofsted-tui fetch: {exc}", "bold red"))
        return 2
    reports = Reports(args.to or default_library())
    client = Client(delay=args.delay, timeout=args.timeout)
    sites = Sites.from_env()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=out.console, transient=True, disable=not out.console.is_terminal)
    tasks: dict[str, Any] = {}

    def tick(what: str, done: int, total: int) -> None:
        if what not in tasks:
            tasks[what] = progress.add_task(what, total=total)
        progress.update(tasks[what], completed=done)

    with progress:
        plan = plan_fetch(client, reports, sites, councils, csv_links, args.since, tick)
        for note in plan.notes:
            err.print(_safe(note, "yellow"))
        if args.dry_run:
            progress.stop()
            _print_table(out, fetch_plan_table(plan))
            return 0
        report = download_plan(client, sites, plan, tick)
    record_fetch(reports, councils, plan, report)
    _print_table(out, fetch_summary(plan, report, reports.root))
    ok = not report.failed and not plan.pages_failed
    # What this fetch downloaded, and what an interrupted one left unimported.
    to_import = not_yet_imported(plan, {d["source"] for d in documents})
    if to_import:
        imported = library.import_paths([str(path) for path in to_import])
        _print_table(out, import_summary(imported))
        ok = ok and imported.ok
    return 0 if ok else 1


_HANDLERS = {
    "import": _import, "rebuild": _rebuild, "timeline": _timeline, "councils": _councils, "compare": _compare,
    "search": _search, "show": _show, "export": _export, "fetch": _fetch,
}

if __name__ == "__main__":
    raise SystemExit(main())
