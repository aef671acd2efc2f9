"""The ``ofsted-tui`` command's arguments: every command, its options and an example of each.

Kept apart from ofsted_tui.cli so the handlers read as what they do, and so
``--help`` (which users read first) is in one place.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from importers.model import IMPORTABLE_KINDS

__all__ = ["DB_ENV", "parser", "CREATES_STORE"]

DB_ENV = "OFSTED_TUI_DB"
# The commands that may start a new store where --db names no file; any other
# command given a missing store is a typing mistake, not a wish for an empty one.
CREATES_STORE = frozenset({"import", "rebuild", "fetch"})

_EXAMPLES = {
    "import": """examples:
  ofsted-tui import reports/                      a folder, recursively
  ofsted-tui import letter.pdf minutes.html --db mine.json""",
    "rebuild": """examples:
  ofsted-tui rebuild corpus --db db.json         how the bundled store is made""",
    "timeline": """RATING is any era's wording: outstanding, good, "requires improvement",
adequate, inadequate, "performs well"...; TYPE is part of an event type:
inspection, "focused visit", "monitoring visit", "annual rating"...

examples:
  ofsted-tui timeline Croydon
  ofsted-tui timeline --authority "Isle of" --since 2015
  ofsted-tui timeline --rating inadequate --type inspection --json""",
    "councils": """examples:
  ofsted-tui councils --region london --grade RI
  ofsted-tui councils --since 2020 --csv > councils.csv""",
    "compare": """Each cell is the overall grade of that year's inspection (O G RI A I), "·" no graded
inspection, f a focused visit, m a monitoring visit, "–" an inspection with no overall grade,
"?" an inspection whose grade the national dataset lacks (a blank cell).

examples:
  ofsted-tui compare norfolk --neighbours
  ofsted-tui compare hull york leeds --csv > three.csv
  ofsted-tui compare 80418 --region --json""",
    "search": """A "quoted phrase" matches exactly; the last word matches as a prefix.

examples:
  ofsted-tui search "widespread or serious failures"
  ofsted-tui search leadership --limit 5 --json""",
    "show": """examples:
  ofsted-tui show 3fa2c1                          an id, or a unique prefix of one
  ofsted-tui show ~/reports/haringey-2018.pdf     the path it was imported by, from any folder""",
    "export": """examples:
  ofsted-tui export --format csv --table events --out events.csv
  ofsted-tui export --format md > timeline.md""",
    "fetch": """examples:
  ofsted-tui fetch hull "isle of wight"
  ofsted-tui fetch 80494 --dry-run
  ofsted-tui fetch --all --since LAST""",
}


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for (see ofsted_tui.__getattr__)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        import ofsted_tui

        print(f"{parser.prog} {ofsted_tui.__version__}")
        parser.exit()


def parser() -> argparse.ArgumentParser:
    db_help = f"the store file (default: ${DB_ENV}, else the bundled db.json)"
    top = argparse.ArgumentParser(add_help=False)
    top.add_argument("--db", type=Path, default=None, help=db_help)
    # After the command, --db must not reset one given before it ("ofsted-tui --db X
    # import ...") to the default: that wrote to the bundled store instead of X.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
    top_parser = argparse.ArgumentParser(
        prog="ofsted-tui", parents=[top], formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Explore the Ofsted inspection history of councils' children's services.",
        epilog="With no command, opens the explorer. `ofsted-tui COMMAND --help` describes each command.\n\n"
               "examples:\n  ofsted-tui\n  ofsted-tui timeline --authority haringey",
    )
    top_parser.add_argument("--version", action=_Version)
    sub = top_parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=summary, description=summary[:1].upper() + summary[1:] + ".",
                              epilog=_EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter)

    p = command("import", f"import files and folders ({IMPORTABLE_KINDS})")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, or a folder to import everything under")

    p = command("rebuild", "rebuild the store from a corpus folder, keeping annotations (how db.json is made)")
    p.add_argument("paths", nargs="*", metavar="PATH", default=["corpus"],
                   help="the files and folders to rebuild from (default: corpus)")

    p = command("timeline", "print the inspection timeline")
    # "ofsted-tui timeline Croydon" is what people type first; --authority says the same.
    p.add_argument("council", nargs="?", metavar="COUNCIL", help="only this council (as --authority)")
    p.add_argument("--authority", metavar="NAME", help="only this council: any name, part of one, URN or LA code")
    p.add_argument("--since", type=_year, metavar="YEAR", help="only events in or after this year")
    p.add_argument("--until", type=_year, metavar="YEAR", help="only events in or before this year")
    p.add_argument("--rating", metavar="RATING", help="only events with this overall rating")
    p.add_argument("--type", metavar="TYPE", help="only events of this type (part of its name)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = command("councils", "every council with its latest graded inspection, the grade before and visits since")
    p.add_argument("--region", help="only councils of this region (any part of its name)")
    p.add_argument("--grade", help="only councils whose latest grade is this (outstanding, good, RI, inadequate, or 1-4)")
    p.add_argument("--since", type=int, metavar="YEAR", help="only councils inspected in or after this year")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON for scripts")
    output.add_argument("--csv", action="store_true", help="print CSV")

    p = command("compare", "councils side by side: a grid of their overall grades by year")
    p.add_argument("councils", nargs="+", metavar="COUNCIL",
                   help="a council: any name, part of one, URN or LA code")
    p.add_argument("--neighbours", action="store_true", help="and each council's ten statistical neighbours")
    p.add_argument("--region", action="store_true", help="and every other council of its region")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON for scripts")
    output.add_argument("--csv", action="store_true", help="print CSV, a column per year")

    p = command("search", "find documents and passages")
    p.add_argument("query", nargs="+", metavar="WORD", help="words to find; quote a phrase to match it exactly")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N results (default 20)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = command("show", "print one document with its facts")
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix of it) or the path it was imported by")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")

    p = command("export", "write the store out")
    p.add_argument("--format", choices=("json", "csv", "md"), default="json", help="the format (default: json)")
    p.add_argument("--table", choices=("facts", "events", "documents"), default="facts",
                   help="which table to write as CSV (default: facts)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to this file instead of standard output")

    p = command("fetch", "download councils' Ofsted reports into your library, politely, and import them")
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
    return top_parser


def _year(value: str) -> int:
    if value.isdigit() and len(value) == 4:
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} is not a year (like 2018)")


def _since(value: str) -> int | str:
    if value.casefold() == "last":
        return "last"
    try:
        return _year(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a year (like 2018) or LAST") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return number


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 3600:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds")
    return seconds
