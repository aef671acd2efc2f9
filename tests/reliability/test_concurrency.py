"""Several writers on one store: every document lands and no annotation is lost.

Two imports started together; an import started while another holds the store
mid-write; an import by another process while the explorer has the store open
and saves a note of its own, after which the explorer shows the new documents.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

from ofsted_tui import app as app_module
from ofsted_core.annotations import make_annotation
from ofsted_tui.app import make_app
from ofsted_core.importing import import_paths
from ofsted_core.store import Store
from ofsted_tui.widgets.documents import DocumentList
from tests.e2e.cli_helpers import console_script
from tests.paths import REPO, SEEDS
from tests.reliability.helpers import export, run_cli

NOTE = "my note: ask about the 2019 visit"


def _store_with_a_note(tmp_path):
    """A store holding one document and the user's note on it."""
    story = tmp_path / "kent.txt"
    story.write_text("Kent County Council's children's services were rated 'good' by Ofsted in 2019.\n")
    db = tmp_path / "db.json"
    store = Store(db)
    assert import_paths(store, [str(story)]).ok
    with store.transaction() as data:
        data.annotations.append(make_annotation("note", data.documents[0], body=NOTE))
    return db


def _start_import(db, paths) -> subprocess.Popen:
    return subprocess.Popen([console_script(), "import", *map(str, paths), "--db", str(db)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _sources(db) -> list[str]:
    return sorted(d["source"].rsplit("/", 1)[-1] for d in export(db)["documents"])


def test_two_imports_started_together_both_land(tmp_path):
    db = _store_with_a_note(tmp_path)
    # Overlapping on purpose: the shared file must land once.
    first, second = _start_import(db, SEEDS[:3]), _start_import(db, SEEDS[2:])
    for child in (first, second):
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, out + err
    assert _sources(db) == sorted(["kent.txt", *(s.name for s in SEEDS)])
    assert [a["body"] for a in export(db)["annotations"]] == [NOTE]


def test_import_waits_for_a_writer_holding_the_store(tmp_path):
    db = _store_with_a_note(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", "hold", "import", *map(str, SEEDS[:2]), "--db", str(db)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "@transaction", holder.stderr.read()
    # The holder has read the store and will write it in a moment; this import must not be lost.
    waiter = run_cli("import", *map(str, SEEDS[2:]), db=db)
    out, err = holder.communicate(timeout=60)
    assert holder.returncode == 0, out + err
    assert waiter.returncode == 0, waiter.stdout + waiter.stderr
    assert _sources(db) == sorted(["kent.txt", *(s.name for s in SEEDS)])
    assert [a["body"] for a in export(db)["annotations"]] == [NOTE]


async def _until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the explorer"
        await asyncio.sleep(0.05)


def test_explorer_sees_an_import_by_another_process_and_keeps_its_own_note(tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "STORE_POLL_S", 0.1)
    db = _store_with_a_note(tmp_path)

    async def scenario() -> None:
        app = make_app(db)
        async with app.run_test(size=(140, 40)) as pilot:
            await _until(lambda: app.corpus is not None and len(app.corpus.documents) == 1)
            doc = next(iter(app.corpus.documents.values()))
            other = _start_import(db, SEEDS)
            # The explorer saves a note while the other process imports.
            app.add_annotation(make_annotation("note", doc, body="second note, from the explorer"), "Note saved")
            out, err = await asyncio.to_thread(other.communicate, timeout=60)
            assert other.returncode == 0, out + err
            await _until(lambda: len(app.corpus.documents) == 1 + len(SEEDS) and len(app.corpus.annotations) == 2)
            await pilot.pause()
            listed = app.main_screen.query_one(DocumentList)
            await _until(lambda: len(listed.rows) == 1 + len(SEEDS))

    asyncio.run(scenario())
    data = export(db)
    assert len(data["documents"]) == 1 + len(SEEDS)
    assert sorted(a["body"] for a in data["annotations"]) == sorted([NOTE, "second note, from the explorer"])
