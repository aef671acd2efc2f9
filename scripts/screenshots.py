"""Redraw the README's screenshots (docs/explorer.svg, docs/reader.svg) from the bundled store.

    .venv/bin/python scripts/screenshots.py

The explorer runs headless at 160x48 on a copy of db.json (the bundled store is
never written), with the latest graded event selected, then its source opened in
the reader. Run it after a change to what the main screen or the reader shows.
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
    print("wrote docs/explorer.svg and docs/reader.svg")


if __name__ == "__main__":
    asyncio.run(main())
