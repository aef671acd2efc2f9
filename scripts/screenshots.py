"""Redraw the README's screenshots (docs/explorer.svg, docs/reader.svg, docs/councils.svg).

    .venv/bin/python scripts/screenshots.py

The explorer runs headless at 160x48 on a copy of db.json (the bundled store is
never written), with the latest graded event selected, then its source opened in
the reader. The Councils tab is drawn on a copy with the national history CSV
(``../shared/reference/ofsted_csc_ilacs_history.csv``, public data) imported too,
so every council has its grades; without that file it is left as it is. Run it
after a change to what the main screen or the reader shows.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ofsted_tui.app import make_app  # noqa: E402

SIZE = (160, 48)
HISTORY = ROOT.parent / "shared" / "reference" / "ofsted_csc_ilacs_history.csv"


async def _wait(pilot, condition, what: str, seconds: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise SystemExit(f"screenshots: {what} did not happen in {seconds:.0f} s")
        await pilot.pause(0.05)
    await pilot.pause()


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.json"
        shutil.copyfile(ROOT / "db.json", db)
        app = make_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await _wait(pilot, lambda: app.corpus is not None and app.corpus.complete and app.search_ready,
                        "loading the store")
            app.title = "ofsted-tui"
            # The latest events are at the end of the timeline; step back to the last graded one.
            await pilot.press("end")
            for _ in range(6):
                event = app.screen.query_one("TimelineList").current  # type: ignore[attr-defined]
                if event and event.get("grade"):
                    break
                await pilot.press("up")
            await pilot.pause(0.3)
            app.save_screenshot(str(ROOT / "docs" / "explorer.svg"))
            await pilot.press("enter")
            await _wait(pilot, lambda: type(app.screen).__name__ == "ReaderScreen", "opening the reader")
            await pilot.pause(0.5)
            app.save_screenshot(str(ROOT / "docs" / "reader.svg"))
        if not HISTORY.exists():
            print(f"docs/councils.svg left as it is: {HISTORY} is absent")
        else:
            from ofsted_tui.cli import main as cli

            if cli(["import", str(HISTORY), "--db", str(db)]) != 0:
                raise SystemExit(f"screenshots: importing {HISTORY} failed")
            app = make_app(db)
            async with app.run_test(size=SIZE) as pilot:
                await _wait(pilot, lambda: app.corpus is not None and app.corpus.complete, "loading the store")
                app.title = "ofsted-tui"
                await pilot.press("4", "s", "s", "s", "home")  # sorted by grade, best first
                await pilot.pause(0.3)
                app.save_screenshot(str(ROOT / "docs" / "councils.svg"))
    print("wrote docs/explorer.svg, docs/reader.svg and docs/councils.svg")


if __name__ == "__main__":
    asyncio.run(main())
