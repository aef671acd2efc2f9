"""When a large explorer collects its garbage: once the user pauses, not in the middle of a key or an opening.

Why: the corpus of a large store is frozen once read (``OfstedApp``), but
what the explorer makes after it stays in the collector's way: the strips
Textual keeps for what is drawn (seven caches each), the lists' rows, the
reader's layout of a long document. A full (generation 2) collection walks
all of it and is set off by whichever allocation comes next; at 10,000
documents they took 50-160 ms each, several while opening the longest
document or scrolling it, and some keystrokes waited for one.

So, once nothing has happened for ``IDLE_S`` (no input, no worker running)
and the collector has run since the last time, what is alive is collected
fully and then frozen. The full collection walks only what was made since
the last time (a few milliseconds to tens, while nothing waits), so nothing
dead is frozen; a collection in the next burst of keys then walks only what
that burst made. Frozen objects are still freed by reference counting when
dropped (the corpus, rows, strips and layouts hold no cycles); only a
frozen object that later dies in a reference cycle waits for the next
``gc.unfreeze`` (a reload's).
"""

from __future__ import annotations

import gc
import time
from typing import Any

__all__ = ["IDLE_S", "IdleCollector"]

IDLE_S = 0.3  # a pause between words, or a reader reading: under it, keys come in one burst
_POLL_S = IDLE_S / 2
_collections = [0]  # automatic and explicit collections in this process: something was made since


def _counted(phase: str, info: dict[str, Any]) -> None:
    if phase == "stop":
        _collections[0] += 1


# One callback for the process, holding no app (each collector compares the count with its own).
gc.callbacks.append(_counted)


class IdleCollector:
    """Collect and freeze ``app``'s garbage while it is idle, where ``large()`` says it is worth it."""

    def __init__(self, app: Any, large: Any) -> None:
        self._app = app
        self._large = large
        self._active_at = time.monotonic()
        self._seen = _collections[0]  # the count when it last settled
        self.settled = 0  # how many times (for the tests)
        self._timer = app.set_interval(_POLL_S, self._tick, name="idle-collector")

    def active(self) -> None:
        """Input arrived: the user is not idle."""
        self._active_at = time.monotonic()

    def _tick(self) -> None:
        if _collections[0] == self._seen or time.monotonic() - self._active_at < IDLE_S or not self._large():
            return
        if any(worker.is_running for worker in self._app.workers):
            return  # a worker's result is about to be drawn: not now
        self.settle()

    def settle(self) -> None:
        gc.collect()
        gc.freeze()
        self._seen = _collections[0]
        self.settled += 1
