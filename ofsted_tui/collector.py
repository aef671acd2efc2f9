"""When a large explorer collects its garbage: once the user pauses, not in the middle of a key or an opening.

Why: the corpus of a large store is frozen once read (``OfstedApp``), but
what the explorer draws stays in the collector's way: the strips Textual
keeps for what is on screen (seven caches each, and in reference cycles, so
only a collection frees them), the lists' rows, the reader's lines. A full
(generation 2) collection walks all of it, and Python starts one after ten
younger ones, once the objects that outlived them reach a quarter of those
that outlived the last: at 10,000 documents 50-160 ms each on a quiet machine,
several while opening the longest document or scrolling it, landing on
whichever key allocated next.

First, collections come less often (``tune``): the youngest generation is
collected after 7,000 new objects rather than 700, so a burst (a page down
allocates tens of thousands: strips, segments, their caches) sets off a
tenth of the full collections. Measured under Pilot at 10,000 documents, 3
searches and 4 openings of the longest document scrolled 10 pages each: 83
full collections and 6.0 s of collecting (of 17 s of CPU) at Python's
default; 6 and 1.2 s (of 14 s) with this; 29 and 3.2 s at 2,000.

Then, once nothing has happened for ``IDLE_S`` (no input, no worker running)
and a full collection is coming (``DUE``: younger collections since the last),
it is run then: the next burst of keys starts with none pending. Nothing is
frozen here: Textual's strips die in cycles, and a frozen cycle is never
freed (measured: 130,000 objects, 10 MiB, after a few searches and openings).
"""

from __future__ import annotations

import gc
import time
from typing import Any

__all__ = ["IDLE_S", "IdleCollector", "tune"]

IDLE_S = 0.3  # a pause between words, or a reader reading: under it, keys come in one burst
_POLL_S = IDLE_S / 2
# Generation-1 collections since the last full one (of the 10 after which Python may start one): past this,
# the full collection is run at the next pause rather than left to land on a key.
DUE = 3
YOUNG_THRESHOLD = 7_000  # Python's default is 700; the older generations' thresholds are kept (10, 10)


def tune() -> None:
    """Collect less often, for a large corpus (see above); for the rest of the process, as freezing is."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


class IdleCollector:
    """Collect ``app``'s garbage while it is idle, where ``large()`` says it is worth it."""

    def __init__(self, app: Any, large: Any) -> None:
        self._app = app
        self._large = large
        self._active_at = time.monotonic()
        self.settled = 0  # how many times (for the tests)
        self._timer = app.set_interval(_POLL_S, self._tick, name="idle-collector")

    def active(self) -> None:
        """Input arrived: the user is not idle."""
        self._active_at = time.monotonic()

    def _tick(self) -> None:
        if gc.get_count()[2] < DUE or time.monotonic() - self._active_at < IDLE_S or not self._large():
            return
        if any(worker.is_running for worker in self._app.workers):
            return  # a worker's result is about to be drawn: not now
        self.settle()

    def settle(self) -> None:
        gc.collect()
        self.settled += 1
