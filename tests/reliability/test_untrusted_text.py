"""No document can take over the terminal, in the command line or in the explorer.

Document text, titles, speakers, file names and error messages carry
Textual/Rich markup and terminal control sequences. Markup must show as the
characters written; control sequences must never reach the terminal. The
command line is checked on its captured output, both as a pipe and with a
terminal forced (where Rich would turn parsed markup into real hyperlinks);
the explorer on exactly what it would write to the terminal.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from ofsted_tui.app import make_app
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from tests.reliability.helpers import CONTROL, cli, export, run_cli
from tests.reliability.samples import CONTROLS, HOSTILE, MARKUP

# Each piece of markup as it must appear on screen.
LITERALS = ("[b]bold[/b]", "[@click=app.quit]quit[/]", "[link=https://example.com/x]link[/link]", "[/x]")
# A path whose folders and name are markup and control sequences (a "/" in markup splits it into folders).
GOOD_NAME = "in/[@click=app.quit]q[/][b]x[/b] \x1b]52;c;cHduZWQ=\x07\x1b[2J\x08\r.txt"
BAD_NAME = "in/bad [@click=app.quit]q[/] \x1b]8;;http:evil\x1b\\.txt"
SPEAKER = "Jane [b]Smith[/b]"
TITLE = f"Title {HOSTILE}"
DOCUMENT = (
    f"Council news {HOSTILE}\n\n"
    "Camden Council's children's services were rated 'inadequate' by Ofsted in 2018.\n\n"
    f"\u201cWe will fix this {MARKUP} {CONTROLS},\u201d said Jane Smith, the director of children's services.\n\n"
    f"Notes in the margin: {HOSTILE}\n\n"
    # Ordinary prose, so the few control characters do not make the file look binary.
    + "Inspectors found that the quality of practice was too variable and that leaders did not know it. " * 12
)
# Only colours and cursor moves are ours to send; anything else is an injection.
OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*[mHK]")


def _write_inbox(root: Path) -> tuple[Path, Path]:
    good = root / GOOD_NAME
    good.parent.mkdir(parents=True)
    good.write_text(DOCUMENT, encoding="utf-8")
    good.with_name(good.stem + ".meta.json").write_text(
        json.dumps({"title": TITLE, "publisher": f"Publisher {HOSTILE}"}), encoding="utf-8")
    bad = root / BAD_NAME
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"\x00\x01binary" * 100)
    return good, bad


def _injection(output: str, where: str, ours: re.Pattern[str] | None = OWN_SEQUENCES) -> str | None:
    """Where a control character other than our own colours and moves (``ours``) is in ``output``."""
    residue = (ours.sub("", output) if ours else output).replace("\n", "")
    found = CONTROL.search(residue)
    if found is None:
        return None
    return f"{where}: {found.group()!r} in ...{residue[max(0, found.start() - 40):found.end() + 40]!r}..."


def _no_injection(output: str, where: str) -> None:
    problem = _injection(output, where)
    assert problem is None, problem


# -- the command line ----------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    _write_inbox(root)
    db = root / "db.json"
    imported = run_cli("import", GOOD_NAME, BAD_NAME, db=db, cwd=root)
    assert imported.returncode == 1, imported.stdout + imported.stderr
    assert _injection(imported.stdout + imported.stderr, "the console script's import", ours=None) is None
    assert "[@click=app.quit]q[/]" in imported.stdout  # the failed file, named as written
    return root, db


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_cli_output_holds_no_escape_sequence_from_documents(hostile_db, terminal, capsys, monkeypatch):
    root, db = hostile_db
    monkeypatch.chdir(root)
    monkeypatch.setenv("COLUMNS", "200")
    if terminal:  # Rich then writes colours, and would write hyperlinks for parsed [link] markup
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TERM", "xterm-256color")
        monkeypatch.delenv("NO_COLOR", raising=False)
    (doc,) = export(db)["documents"]
    commands = [
        ("import", GOOD_NAME, BAD_NAME), ("timeline",), ("search", "Camden"), ("show", doc["id"]),
        ("export", "--format", "md"), ("export", "--format", "csv"), ("export", "--format", "json"),
        ("export", "--format", "csv", "--table", "documents"),
        ("show", doc["id"], "--json"), ("timeline", "--json"), ("show", "[b]x[/b]\x1b]52;c;eA==\x07"),
    ]
    ours = OWN_SEQUENCES if terminal else None  # into a pipe, Rich writes no sequence at all
    problems = []
    for command in commands:
        _, out, err = cli(capsys, *command, db=db)
        where = " ".join(command[:5])
        problems += [_injection(out, f"{where} (stdout)", ours), _injection(err, f"{where} (stderr)", ours)]
        if terminal and "\x1b]8;" in out:
            problems.append(f"{where}: a hyperlink (OSC 8) was written")
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def test_cli_shows_markup_literally(hostile_db, capsys, monkeypatch):
    root, db = hostile_db
    monkeypatch.chdir(root)
    monkeypatch.setenv("COLUMNS", "200")
    (doc,) = export(db)["documents"]
    _, shown, _ = cli(capsys, "show", doc["id"], db=db)
    for literal in LITERALS:
        assert literal in shown
    assert TITLE.split(" \x1b")[0] in shown and "[@click=app.quit]q[/][b]x[/b]" in shown  # title, file name
    code, out, _ = cli(capsys, "import", BAD_NAME, db=db)
    assert code == 1 and "bad [@click=app.quit]q[/]" in out  # the error names the file as written
    _, _, err = cli(capsys, "show", "[b]nope[/b]", db=db)
    assert "[b]nope[/b]" in err  # error messages too


# -- the explorer --------------------------------------------------------------------
def _screen(app) -> tuple[str, list[str]]:
    """What the app would write to the terminal now, and the screen's lines as text."""
    compositor = app.screen._compositor
    raw = compositor.render_full_update().render_segments(app.console)
    return raw, [strip.text for strip in compositor.render_strips()]


def _check_screen(app, where: str) -> list[str]:
    raw, lines = _screen(app)
    _no_injection(raw, where)
    assert "\x1b]" not in raw, f"{where}: an OSC sequence (hyperlink, clipboard, title) was written"
    return lines


async def _until(condition, pilot, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the explorer"
        await pilot.pause(0.05)


def _hand_edited_row(data) -> None:
    """A document as a hand-edited or foreign store might hold it: never sanitised."""
    text = f"Raw text {HOSTILE} ends here."
    data.documents.append({
        "id": "raw0000000000001", "source": f"raw {HOSTILE}.txt", "title": f"Raw {HOSTILE}", "kind": "news",
        "publisher": HOSTILE, "authority": None, "published": "2020", "format": "txt", "text": text,
        "furniture": [], "imported_at": "2024-01-01T00:00:00+00:00",
    })
    start = text.index("[b]")
    data.facts.append({
        "id": "raw0000000000001-0000", "doc_id": "raw0000000000001", "type": "quote", "span": [start, start + 20],
        "text": text[start:start + 20], "speaker": f"{SPEAKER} {CONTROLS}", "role": HOSTILE, "organisation": None,
    })


def test_explorer_shows_hostile_text_literally_and_never_writes_it_to_the_terminal(tmp_path):
    good, _ = _write_inbox(tmp_path)
    db = tmp_path / "db.json"
    store = Store(db)
    assert import_paths(store, [str(good)]).ok
    with store.transaction() as data:
        _hand_edited_row(data)

    async def scenario() -> None:
        app = make_app(db)
        async with app.run_test(size=(160, 50)) as pilot:
            await _until(lambda: app.corpus is not None, pilot)
            await pilot.pause()
            _check_screen(app, "timeline")
            await pilot.press("2")
            await pilot.pause()
            lines = _check_screen(app, "documents")
            assert any("[b]bold[/b]" in line for line in lines), "a title's markup is not shown as written"

            for doc_id in list(app.corpus.documents):
                app.open_document(doc_id)
                await pilot.pause()
                await pilot.pause(0.2)
                lines = _check_screen(app, f"reader {doc_id}")
                screen = "\n".join(lines)
                assert "[@click=app.quit]quit[/]" in screen and "[b]bold[/b]" in screen
                await _click_on(pilot, lines, "[@click=app.quit]")
                assert app.is_running, "clicking markup in a document ran its action"
                await pilot.press("escape")
                await pilot.pause()

            # An error message naming a hostile file, from the import dialog.
            await pilot.press("i")
            await pilot.pause()
            dialog = app.screen
            dialog.query_one("#import-path").value = str(tmp_path / "in")
            await pilot.press("enter")
            await _until(lambda: dialog.report is not None, pilot)
            await pilot.pause()
            lines = _check_screen(app, "import summary")
            # The path may be cut short or wrapped; the markup in the file's name is shown as written.
            assert any("[@click=app.quit]q[/]" in line for line in lines), "\n".join(lines)

    asyncio.run(scenario())


async def _click_on(pilot, lines: list[str], literal: str) -> None:
    for y, line in enumerate(lines):
        if literal in line:
            x = cell_len(line[: line.index(literal)]) + 2
            await pilot.click(offset=(x, y))
            await pilot.pause()
            return
    raise AssertionError(f"{literal!r} is not on the screen")
