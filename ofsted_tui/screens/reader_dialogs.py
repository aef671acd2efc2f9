"""Small dialogs the reader opens: a note, a correction, an export path, a choice.

Each is a ``ModalScreen`` that returns its answer through ``dismiss`` (None
when cancelled), so the reader (or the main screen) decides what to save.
Every dialog saves the same way, and says so: Enter in a one-line box,
ctrl+s in a box of several lines. Text shown here comes
from documents and is built as ``Content``, never parsed as markup.
What the user typed is checked by ``ofsted_core.annotation_input`` (an empty
note, a correction's allowed values and dates), the same checks for every
front end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ofsted_core.annotation_input import note_body, parse_correction
from ofsted_core.labels import doc_title
from importers.sanitize import printable

__all__ = [
    "ChoiceDialog", "ConfirmDialog", "CorrectionDialog", "ExportDialog", "NoteDialog", "ReaderDialog", "note_target",
]

def note_target(doc: dict[str, Any], limit: int = 60) -> Content:
    """"document <title>": what a note or correction of the whole document is on, as a dialog says it."""
    title = " ".join(printable(doc_title(doc)).split())
    title = title if len(title) <= limit else title[: limit - 1] + "\u2026"
    return Content.assemble(("document ", "$foreground-muted"), (title, "bold"))


def _one_line(value: Any, limit: int = 56) -> str:
    """A current value shown beside its field: untrusted, so made safe, and cut short."""
    flat = " ".join(printable("" if value is None else str(value)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


class ReaderDialog(ModalScreen[Any]):
    """The dialogs' common part: escape cancels (and returns None)."""

    HELP = "Dialogs"
    DEFAULT_CSS = """
    ReaderDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 72; max-width: 95%; height: auto; max-height: 90%;
            border: round $primary; background: $surface; padding: 0 1;
        }
        & Label { width: 100%; }  /* wrapped, never cut at the box's edge (a long error) */
        & .dialog-hint { color: $text-muted; }
        & .dialog-error { color: $text-error; }
        & OptionList { height: auto; max-height: 10; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(ReaderDialog):
    """Ask for a note's text (several lines; ctrl+s saves, as in every multi-line box); returns it, or None.

    The app keeps one (``asking``), shown again for each note: closing a dialog
    removed its screen, and Textual then laid out the whole screen beneath it
    twice, as much as the note's own save took at 10,000 documents.
    """

    HELP = "Note"
    NAME = "note-dialog"

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="dialog.save")]
    def __init__(self, target: Content | str, body: str = "") -> None:
        super().__init__()
        self._target = target if isinstance(target, Content) else Content(target)
        self._body = body

    @classmethod
    def asking(cls, app: App[Any], target: Content | str, body: str = "") -> NoteDialog:
        """The app's note dialog, to push, asking about ``target`` from ``body``: made once and kept (installed),
        so that closing it leaves the screen beneath as it is."""
        if not app.is_screen_installed(cls.NAME):
            app.install_screen(cls(target, body), cls.NAME)
        dialog = app.get_screen(cls.NAME)
        assert isinstance(dialog, cls)
        dialog._ask(target, body)
        return dialog

    def _ask(self, target: Content | str, body: str) -> None:
        """Ask about ``target`` afresh: its line, ``body`` (no undo history) and no error; shown as when made."""
        self._target = target if isinstance(target, Content) else Content(target)
        self._body = body
        if self.is_mounted:  # shown before: its widgets are there, holding the last note
            self.query_one(".dialog-target", Static).update(Content.assemble("On ", self._target))
            self.query_one(TextArea).load_text(body)
            self.query_one("#note-error", Label).update("")
            self.query_one(TextArea).focus()

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Note"
            yield Static(Content.assemble("On ", self._target), classes="dialog-target")
            yield TextArea(self._body, id="note-body", soft_wrap=True, show_line_numbers=False)
            yield Label("", classes="dialog-error", id="note-error")
            yield Label("ctrl+s save \u00b7 escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        try:
            body = note_body(self.query_one(TextArea).text)
        except ValueError as exc:
            self.query_one("#note-error", Label).update(Content(str(exc)))
            return
        self.dismiss(body)


class CorrectionDialog(ReaderDialog):
    """Pick a field, type its corrected value; returns (field, value), or None."""

    def __init__(self, target: Content | str, current: dict[str, Any], start_field: str | None = None) -> None:
        super().__init__()
        self._target = target if isinstance(target, Content) else Content(target)
        self._current = current
        self._start = start_field if start_field in current else next(iter(current))

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Correct"
            yield Static(Content.assemble("Correct ", self._target), classes="dialog-target")
            yield OptionList(
                *(Option(Content.assemble((f"{name:<10}", "bold"), (_one_line(v), "$foreground-muted")), id=name)
                  for name, v in self._current.items()),
                id="correction-field",
            )
            yield Input(placeholder="corrected value", id="correction-value")
            yield Label("", classes="dialog-error", id="correction-error")
            yield Label("\u2191\u2193 field \u00b7 enter save \u00b7 escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        fields = self.query_one("#correction-field", OptionList)
        fields.highlighted = fields.get_option_index(self._start)
        self.query_one("#correction-value", Input).focus()

    @property
    def field(self) -> str:
        option = self.query_one("#correction-field", OptionList).highlighted_option
        return option.id if option and option.id else self._start

    @on(OptionList.OptionHighlighted, "#correction-field")
    def _field_changed(self, event: OptionList.OptionHighlighted) -> None:
        value = self._current.get(self.field)
        box = self.query_one("#correction-value", Input)
        box.value = "" if value is None else str(value)
        box.placeholder = f"corrected {self.field}"
        self.query_one("#correction-error", Label).update("")

    @on(OptionList.OptionSelected, "#correction-field")
    def _field_chosen(self) -> None:
        self.query_one("#correction-value", Input).focus()

    def on_key(self, event: events.Key) -> None:
        # Up and down choose the field while typing the value.
        if event.key in ("up", "down") and self.focused is self.query_one("#correction-value", Input):
            fields = self.query_one("#correction-field", OptionList)
            fields.action_cursor_up() if event.key == "up" else fields.action_cursor_down()
            event.stop()

    @on(Input.Submitted, "#correction-value")
    def _save(self, event: Input.Submitted) -> None:
        try:
            value = parse_correction(self.field, event.value)
        except ValueError as exc:
            self.query_one("#correction-error", Label).update(Content(str(exc)))
            return
        self.dismiss((self.field, value))


class ExportDialog(ReaderDialog):
    """Ask for the file to append a quote to; returns the path, or None."""

    def __init__(self, path: str, preview: str) -> None:
        super().__init__()
        self._path = path
        self._preview = preview

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export quote"
            yield Static(Content(self._preview), classes="dialog-hint")
            yield Input(self._path, placeholder="file to append to", id="export-path")
            yield Label("appends Markdown \u00b7 enter save \u00b7 escape cancel", classes="dialog-hint")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class ChoiceDialog(ReaderDialog):
    """Pick one of several labelled items; returns its index, or None."""

    def __init__(self, title: str, labels: Sequence[Content | str]) -> None:
        super().__init__()
        self._title = title
        self._labels = [label if isinstance(label, Content) else Content(label) for label in labels]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            yield OptionList(*(Option(label, id=str(i)) for i, label in enumerate(self._labels)), id="choices")
            yield Label("enter open \u00b7 escape cancel", classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))


class ConfirmDialog(ReaderDialog):
    """Ask yes or no; returns True or None."""

    HELP = "Question"

    BINDINGS = [
        Binding("y", "confirm", "Yes", id="dialog.yes"),
        Binding("n", "cancel", "No", id="dialog.no"),
    ]

    def __init__(self, question: Content | str) -> None:
        super().__init__()
        self._question = question if isinstance(question, Content) else Content(question)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question)
            yield Label("y yes \u00b7 n or escape no", classes="dialog-hint")

    def action_confirm(self) -> None:
        self.dismiss(True)
