"""Helpers for the explorer's Pilot tests: run async tests, wait for workers, type."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

__all__ = ["explorer", "loaded", "pilot_test", "settle", "shown", "type_text"]

LOAD_TIMEOUT_S = 10.0


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with ``asyncio.run`` (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def loaded(pilot: Pilot[Any], *, search: bool = True) -> None:
    """Wait until the whole corpus (and the search index) are in and the screen has settled."""
    app = pilot.app
    deadline = asyncio.get_running_loop().time() + LOAD_TIMEOUT_S
    # The counts (sidebar, tabs, title) follow the rows a frame or two later: wait for them too.
    while (app.corpus is None or not app.corpus.complete or (search and not app.search_ready)
           or getattr(app.screen, "catching_up", False)):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the explorer did not load its store in time")
        await pilot.pause(0.02)
    await pilot.pause()


async def settle(pilot: Pilot[Any], condition: Any, what: str) -> None:
    """Pause until ``condition()`` holds (a worker finishing, a reload)."""
    deadline = asyncio.get_running_loop().time() + LOAD_TIMEOUT_S
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def shown(widget: Any) -> str:
    """The text a widget draws now, line by line."""
    from textual.geometry import Region

    width, height = widget.size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


@contextlib.asynccontextmanager
async def explorer(db: Path, data: Any, size: tuple[int, int]) -> AsyncIterator[tuple[Any, Pilot[Any]]]:
    """The explorer on a store of ``data`` written at ``db``, loaded and searchable: (app, pilot)."""
    from ofsted_tui.app import make_app
    from tests.ui.sample import build

    app = make_app(build(db, data).path)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        yield app, pilot
