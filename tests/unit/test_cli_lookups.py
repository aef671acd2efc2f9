"""The command line's lookups load and read only what they print, and print what they printed before.

Piped, ``timeline`` writes the plain columns Rich would write to a pipe, without loading Rich;
``timeline --json`` loads no export code (``show`` parsing db.json once: test_store_lookups).
"""

from __future__ import annotations

import subprocess
import sys
from io import StringIO

import pytest
from rich.console import Console

from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from ofsted_tui.render import timeline_table
from ofsted_tui.timeline_cells import plain_timeline
from tests.paths import REPO, SEEDS


def _event(label: str, authority: str | None, rating: str | None, grade: int | None, **more) -> dict:
    return {"id": f"ev-{label}", "label": label, "authority": authority, "type": "inspection", "rating": rating,
            "rating_text": rating, "grade": grade, "doc_ids": ["a", "b"][:more.pop("docs", 1)], **more}


EVENTS = [
    _event("Jan 2006", "Haringey", "good", 2),
    # An area graded otherwise, and a source that disagrees: more lines in the rating cell.
    _event("2019", "Kent", "requires improvement to be good", 3, docs=2,
           judgements={"overall": {"rating": "requires improvement to be good", "grade": 3},
                       "children in care": {"rating": "inadequate", "grade": 4}},
           conflicts=[{"area": "overall", "rating": "good", "grade": 2, "kind": "news", "doc_ids": ["c"]}]),
    # Untrusted text: a terminal escape and a control character in a council's name, wide characters.
    _event("Mar 2020", "Evil\x1b[31mCouncil\x07", None, None),
    _event("Undated", None, "outstanding", 1, judgements={"leadership": {"rating": "[b]good[/b]", "grade": 2}}),
    _event("2021", "日本語 council", "good", 2),
]


def _rich_piped(events: list[dict]) -> str:
    """What Rich prints to a pipe (the way the command line prints any table)."""
    console = Console(file=StringIO(), width=80, highlight=False)
    table = timeline_table(events)
    console.width = max(console.width, console.measure(table, options=console.options.update_width(100_000)).maximum)
    console.print(table)
    return console.file.getvalue()


def test_the_plain_timeline_is_what_rich_prints_to_a_pipe():
    plain = "".join(plain_timeline(EVENTS))
    assert plain == _rich_piped(EVENTS)
    assert "\x1b" not in plain and "\x07" not in plain and "EvilCouncil" in plain.replace("[31m", "")
    assert "[b]good[/b]" in plain  # a cell's text is never read as markup
    lines = plain.splitlines()
    kent = next(n for n, line in enumerate(lines) if "Kent" in line)
    assert "children in care: Inadequate" in lines[kent + 1] and "\u2260 overall: Good in 1 doc (news)" in lines[kent + 2]
    assert lines[kent].endswith(" 2")  # the Docs column, right-aligned


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    if not SEEDS:
        pytest.skip("the seed corpus is absent")
    db = tmp_path_factory.mktemp("lookups") / "db.json"
    assert import_paths(Store(db), [str(seed) for seed in SEEDS]).ok
    return db


def _loaded_by(argv: list[str]) -> set[str]:
    """The modules a fresh process has loaded once ``ofsted-tui ARGV`` has printed (to a pipe)."""
    code = ("import sys, io, contextlib\nfrom ofsted_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    status = main({argv!r})\n"
            "print(status, ' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    status, *modules = out.stdout.split()
    assert status == "0", out.stderr
    return set(modules)


def _heavy(modules: set[str], *allowed: str) -> list[str]:
    """The interface toolkit, TinyDB, the importers' rules and the export code, where ``modules`` has them."""
    heavy = ("textual", "tinydb", "filelock", "dateutil", "importers.extract.", "ofsted_core.export",
             "ofsted_core.timeline", "ofsted_core.importing")
    return sorted(m for m in modules if m.startswith(heavy) and m not in allowed)


def test_a_piped_timeline_loads_neither_rich_nor_the_core_s_heavier_modules(seeded):
    for argv in (["timeline"], ["timeline", "--json"]):
        loaded = _loaded_by([*argv, "--db", str(seeded)])
        assert _heavy(loaded) == [] and "rich.console" not in loaded and "ofsted_core.corpus" not in loaded


def test_search_and_show_load_no_interface_toolkit_nor_the_importers_rules(seeded):
    doc_id = Store(seeded).read_catalogue()[0]["id"]
    assert _heavy(_loaded_by(["search", "council", "--db", str(seeded)])) == []
    # A document's page cites places by page and paragraph: that one module of the importers.
    assert _heavy(_loaded_by(["show", doc_id, "--db", str(seeded)]), "importers.extract.paragraphs") == []


class _GoneReader(StringIO):
    """Standard output whose reader has gone away (``ofsted-tui timeline | head``)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def writelines(self, lines) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return False


def test_a_reader_that_goes_away_ends_a_lookup_quietly(seeded, monkeypatch, capsys):
    import os

    from ofsted_tui.cli import main

    for argv in (["timeline"], ["timeline", "--json"]):
        read_end, write_end = os.pipe()
        try:
            monkeypatch.setattr(sys, "stdout", _GoneReader(write_end))
            assert main([*argv, "--db", str(seeded)]) == 1
        finally:
            monkeypatch.undo()
            os.close(read_end)
            os.close(write_end)
        assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [["timeline"], ["timeline", "No Such Council"], ["councils"],
                                  ["compare", "Haringey", "Kent"], ["search", "inadequate"], ["show", "nothing-has-this-id"],
                                  ["export", "--format", "json"]])
def test_the_event_lookups_run_without_the_cyclic_collector_and_give_it_back(seeded, monkeypatch, capsys, argv):
    import gc

    from ofsted_tui import cli

    command = argv[0]
    handler = cli._HANDLERS[command]
    seen: list[bool] = []

    def watched(*args):
        seen.append(gc.isenabled())
        return handler(*args)

    monkeypatch.setitem(cli._HANDLERS, command, watched)
    assert gc.isenabled()
    cli.main([*argv, "--db", str(seeded)])  # no such council or document: a failed lookup, through the same path
    capsys.readouterr()
    assert seen == [command not in ("timeline", "councils", "compare")]  # search, show and export keep it
    assert gc.isenabled()
