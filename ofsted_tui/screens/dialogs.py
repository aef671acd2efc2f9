"""Dialogs that ask before writing: import and export (a note and a correction are in reader_dialogs).

Each is a modal screen that returns what the user chose (``dismiss``); the app
does the writing. Import and export run in thread workers so the screen keeps
drawing; import reports progress with a bar and ends with a summary.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, ProgressBar, RadioButton, RadioSet, Static

from ofsted_core.citation import cite
from importers.model import IMPORTABLE_KINDS
from ofsted_tui.clipboard import copy_text
from ofsted_core.corpus import Corpus
from ofsted_tui.messages import ReportsWorkerFailures
from ofsted_tui.screens.reader_dialogs import ReaderDialog
from ofsted_core.store import Store
from ofsted_core.labels import plural, printable

if TYPE_CHECKING:
    from ofsted_core.importing import ImportReport

__all__ = ["ExportDialog", "ImportDialog", "PathSuggester", "import_summary_text"]


class PathSuggester(Suggester):
    """Completes a typed path with the first file or folder that starts with it."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, stem = os.path.split(expanded)
        try:
            names = sorted(n for n in os.listdir(folder or ".") if n.startswith(stem) and not n.startswith("."))
        except OSError:
            return None
        if not names or names[0] == stem:
            return None
        full = os.path.join(folder, names[0])
        suffix = names[0][len(stem):] + ("/" if os.path.isdir(full) else "")
        return value + suffix


class _Dialog(ReportsWorkerFailures, ReaderDialog):
    """A dialog whose escape closes it (the import dialog refuses while it runs)."""

    def action_cancel(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)


class ImportDialog(_Dialog):
    """Import a file or folder into the store, with progress and a summary."""

    HELP = "Import"

    def __init__(self, store: Store, path: str = "") -> None:
        super().__init__()
        self.store = store
        self._start_path = path
        self.running = False
        self.report: ImportReport | None = None
        self._root = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog") as box:
            box.border_title = "Import documents"
            yield Label(f"A file or a folder of {IMPORTABLE_KINDS} files (→ completes the path):")
            yield Input(self._start_path, placeholder="~/Downloads/ofsted", id="import-path", suggester=PathSuggester())
            yield Label("enter import \u00b7 escape close", classes="dialog-hint")
            with Horizontal(classes="buttons"):
                yield Button("Import", variant="primary", id="import-start")
                yield Button("Close", id="import-close")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static(id="import-file")
            with VerticalScroll(id="import-summary-scroll"):
                yield Static(id="import-summary")

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-start")
    def _start(self) -> None:
        if self.running:
            return
        raw = self.query_one("#import-path", Input).value.strip()
        if not raw:
            self.notify("Type the path of a file or folder to import", severity="warning")
            return
        path = os.path.expanduser(raw)
        if not os.path.exists(path):
            self.query_one("#import-summary", Static).update(Text(printable(f"Not found: {path}"), style="bold red"))
            return
        self.running = True
        self.query_one("#import-start", Button).disabled = True
        self.query_one("#import-summary", Static).update("")
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._root = path
        self._import(path)

    @work(thread=True, exit_on_error=False, exclusive=True, name="importing")
    def _import(self, path: str) -> None:
        def progress(current: str, done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, current, done, total)

        # The importers (PDF, HTML) load only when someone imports.
        from ofsted_core.importing import import_paths

        try:
            report = import_paths(self.store, [path], progress=progress)
        finally:
            self.app.call_from_thread(self._stopped)
        self.app.call_from_thread(self._finished, report)

    def _progress(self, current: str, done: int, total: int) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#import-file", Static).update(Text(printable(f"{done}/{total}  {current}"), no_wrap=True, overflow="ellipsis"))

    def _stopped(self) -> None:
        self.running = False
        self.query_one("#import-start", Button).disabled = False

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self.query_one("#import-summary", Static).update(import_summary_text(report, self._root))
        changed = len(report.added) + len(report.replaced)
        done = f"Imported {plural(changed, 'document')}" + (f", {len(report.failed)} failed" if report.failed else "")
        self.query_one("#import-file", Static).update(Text(done, style="bold"))
        # Back in the path box, all of it selected: type the next path and press enter.
        path = self.query_one("#import-path", Input)
        path.focus()
        path.select_all()

    @on(Button.Pressed, "#import-close")
    def action_close(self) -> None:
        if self.running:
            self.notify("The import is still running; it will finish in a moment", severity="warning")
            return
        report = self.report
        self.dismiss(bool(report and (report.added or report.replaced)))


def import_summary_text(report: ImportReport, root: str) -> Text:
    """Counts, then each file not imported (named from the folder imported) and why."""
    out = Text()
    counts = (("added", len(report.added)), ("replaced", len(report.replaced)),
              ("unchanged", len(report.unchanged)), ("failed", len(report.failed)))
    out.append(" · ".join(f"{n} {what}" for what, n in counts))
    out.append(f" · {plural(report.facts, 'fact')} found\n")
    if report.failed:
        out.append("\nNot imported:\n", style="bold")
    base = root if os.path.isdir(root) else os.path.dirname(root)
    for failure in report.failed:
        name = os.path.relpath(failure.path, base) if base else failure.path
        out.append(f"  {printable(name)}", style="bold")
        out.append(f": {printable(failure.reason)}\n")
    out.rstrip()
    return out


_FORMATS = {"md": "Markdown", "csv": "CSV", "json": "JSON"}
_DEFAULT_NAMES = {"timeline": "ofsted-timeline.md", "quote": "ofsted-quotes.md"}


def extension_of(path: str) -> str:
    """The lower-case extension of a typed path, without its dot ("" for none)."""
    return os.path.splitext(path.strip())[1].lstrip(".").lower()


class ExportDialog(_Dialog):
    """Export the timeline as shown (filtered), or one quote with its citation.

    The format follows the file name's extension (typing "x.csv" chooses CSV,
    choosing CSV renames "x.md" to "x.csv"); a name whose extension names no
    format, or another format than a quote's Markdown, is warned about below
    the field. The path last written is offered again for the rest of the
    session (``OfstedApp.export_paths``).
    """

    HELP = "Export"

    def __init__(self, corpus: Corpus, events: list[dict[str, Any]], quote: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.events = events
        self.quote = quote
        self.citation = cite(corpus.document(quote["doc_id"]) or {}, *quote["span"], fact=quote) if quote else None

    @property
    def _purpose(self) -> str:
        return "quote" if self.quote else "timeline"

    def compose(self) -> ComposeResult:
        path = self.app.export_paths.get(self._purpose) or _DEFAULT_NAMES[self._purpose]  # type: ignore[attr-defined]
        with Vertical(classes="dialog", id="export-dialog") as box:
            if self.quote:
                box.border_title = "Export a quote with its citation"
                yield Static(Text(printable(self.citation.as_text(), multiline=True)), id="export-preview")
            else:
                box.border_title = f"Export the timeline shown ({plural(len(self.events), 'event')})"
                chosen = extension_of(path) if extension_of(path) in _FORMATS else "md"
                with RadioSet(id="export-format"):
                    for ext, name in _FORMATS.items():
                        yield RadioButton(name, value=ext == chosen)
            yield Label("Write to (a quote is added to the end of the file):" if self.quote else "Write to:")
            yield Input(path, id="export-path", suggester=PathSuggester())
            yield Static(id="export-warning")
            yield Label("enter save \u00b7 escape cancel", classes="dialog-hint")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="export-save")
                if self.quote:
                    yield Button("Copy", id="export-copy")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()
        self._warn()

    @property
    def format(self) -> str:
        if self.quote:
            return "md"
        index = self.query_one(RadioSet).pressed_index
        return list(_FORMATS)[max(0, index)]

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        stem, ext = os.path.splitext(path.value)
        if ext.lstrip(".").lower() in _FORMATS:  # follow the format unless the user chose another name
            with path.prevent(Input.Changed):
                path.value = f"{stem}.{self.format}"
        self._warn()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        ext = extension_of(event.value)
        if not self.quote and ext in _FORMATS and ext != self.format:
            # The set says it changed once it has seen the button; _format_changed warns then.
            list(self.query(RadioButton))[list(_FORMATS).index(ext)].value = True
            return
        self._warn()

    def mismatch(self) -> str:
        """Why the file name and the format disagree, or "" when they agree."""
        ext = extension_of(self.query_one("#export-path", Input).value)
        if ext == self.format or not ext and not self.query_one("#export-path", Input).value.strip():
            return ""
        what = "A quote is written as Markdown" if self.quote else f"The file will hold {_FORMATS[self.format]}"
        named = f"the name ends in .{ext}" if ext else "the name has no extension"
        return f"{what}, but {named}: end it in .{self.format} to match."

    def _warn(self) -> None:
        warning = self.mismatch()
        label = self.query_one("#export-warning", Static)
        label.update(Text(printable(warning)))
        label.display = bool(warning)

    def content(self) -> str:
        from ofsted_core.export import export_csv, export_json, export_markdown

        if self.citation is not None:
            return self.citation.as_markdown() + "\n"
        if self.format == "csv":
            return export_csv(self.corpus, "events", self.events)
        if self.format == "json":
            return export_json(self.corpus, self.events)
        return export_markdown(self.corpus, self.events)

    @on(Button.Pressed, "#export-copy")
    def _copy(self) -> None:
        if self.citation is not None:
            route = copy_text(self.app, self.citation.as_text(), "Save appends it to the file named here")
            self.notify(route, title="Quote copied with its citation", timeout=6, markup=False)

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-save")
    def _save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Type a file name to write to", severity="warning")
            return
        self._write(Path(os.path.expanduser(raw)), raw, self.content(), append=bool(self.quote))

    @work(thread=True, exit_on_error=False, exclusive=True, name="exporting")
    def _write(self, path: Path, typed: str, content: str, append: bool) -> None:
        from ofsted_core.export import ExportError, save_export

        try:
            save_export(path, content, getattr(self.app, "store", None), append=append)
        except ExportError as exc:
            self.app.call_from_thread(self.notify, f"Not written: {exc}", severity="error", markup=False)
            return
        self.app.call_from_thread(self._written, path, typed)

    def _written(self, path: Path, typed: str) -> None:
        self.app.export_paths[self._purpose] = typed  # type: ignore[attr-defined]
        self.app.notify(f"Written to {path}", timeout=4, markup=False)
        self.dismiss(str(path))
