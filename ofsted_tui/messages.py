"""The explorer's app-level messages: what screens and the palette ask for.

Screens and the command palette post these instead of calling into the app
(or into each other); the app, or the screen that owns the thing asked for,
handles them. A message posted on a screen bubbles up to the app, so a
screen posts with ``self.post_message``. Filters and years belong to the
main screen, so the palette posts those to it.

Messages sent at every keystroke or tick define ``can_replace``: Textual then
handles only the last of a burst still waiting in the queue.
"""

from __future__ import annotations

from typing import Any, Literal

from textual.message import Message
from textual.worker import Worker, WorkerState

from ofsted_core.annotations import Change
from ofsted_core.filters import Filters

__all__ = [
    "AnnotationRequested", "AnnotationsSaved", "FiltersRequested", "OpenDocument", "SaveChange",
    "ReportsWorkerFailures", "SearchTyped", "StoreChanged", "WorkerFailed", "YearRequested",
]


class OpenDocument(Message):
    """Open ``doc_id`` in the reader, at ``span`` or at the fact ``fact_id``. Handled by the app."""

    def __init__(self, doc_id: str, span: tuple[int, int] | None = None, fact_id: str | None = None) -> None:
        super().__init__()
        self.doc_id, self.span, self.fact_id = doc_id, span, fact_id


class AnnotationRequested(Message):
    """Ask the user for a note or a correction of ``doc`` and save it. Handled by the app."""

    def __init__(self, kind: Literal["note", "correction"], doc: dict[str, Any]) -> None:
        super().__init__()
        self.kind, self.doc = kind, doc


class SaveChange(Message):
    """Write ``change`` to the store's annotations (``undoing``: it undoes an earlier one). Handled by the app."""

    def __init__(self, change: Change, undoing: bool = False) -> None:
        super().__init__()
        self.change, self.undoing = change, undoing


class AnnotationsSaved(Message):
    """A screen wrote a change itself; ``undo`` reverses it. The app says so and keeps the undo."""

    def __init__(self, undo: Change, undoing: bool) -> None:
        super().__init__()
        self.undo, self.undoing = undo, undoing


class FiltersRequested(Message):
    """Show the timeline filtered by ``filters`` (``said``: a notice to show). Posted to the main screen."""

    def __init__(self, filters: Filters, said: str = "") -> None:
        super().__init__()
        self.filters, self.said = filters, said


class YearRequested(Message):
    """Move the timeline's cursor to the first event of ``year`` or after. Posted to the main screen."""

    def __init__(self, year: int) -> None:
        super().__init__()
        self.year = year


class SearchTyped(Message):
    """The search box now reads ``text``; sent at every key, so only the latest of a burst counts."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SearchTyped)


class StoreChanged(Message):
    """Another process changed the store file; read it again. Ticks of the watcher coalesce."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StoreChanged)


class WorkerFailed(Message):
    """A worker raised: the app's one handler says what failed and logs the traceback."""

    def __init__(self, worker: Worker[Any]) -> None:
        super().__init__()
        self.worker = worker


class ReportsWorkerFailures:
    """Mixed into a screen: its workers' failures go to the app's one handler.

    ``Worker.StateChanged`` does not bubble, so each node running workers
    passes failures on; ``WorkerFailed`` bubbles from the screen to the app.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.post_message(WorkerFailed(event.worker))  # type: ignore[attr-defined]
