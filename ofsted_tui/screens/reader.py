"""The reader: one document's text beside its facts, with notes and citations.

The screen mediates: the document view and the facts pane never talk to each
other. Moving through the facts marks the span in the text; moving through
the highlights in the text selects the fact. The screen also owns everything
that leaves the reader: following a quote to its source, copying or exporting
a passage with its citation, and saving notes, bookmarks and corrections to
the store (in a thread worker, since the store is written whole).

Without a store (``app.store`` missing) the reader is read-only and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ofsted_core.annotations import (
    Change, bookmark_change, change_annotations, correctable_fields, correction_change, make_annotation,
)
from ofsted_tui.clipboard import copy_text
from ofsted_tui.messages import AnnotationsSaved, ReportsWorkerFailures, SaveChange
from ofsted_core.citation import Citation, cite
from ofsted_core.corpus import Corpus
from ofsted_tui.screens.reader_dialogs import (
    ChoiceDialog, ConfirmDialog, CorrectionDialog, ExportDialog, NoteDialog, note_target,
)
from ofsted_core.sources import link_label
from ofsted_core.store import Store, StoreError
from ofsted_tui.widgets.facts import FactsPane, describe_fact, describe_note
from ofsted_core.labels import KIND_SHORT, doc_date_label, doc_title, plural
from ofsted_tui.widgets.keys_footer import KeysFooter
from ofsted_tui.widgets.reader import HIGHLIGHT_KINDS, NOTE_MARKS, DocumentView, FindBar
from importers.sanitize import printable

__all__ = ["ReaderScreen", "DEFAULT_EXPORT_PATH", "reader_for"]

DEFAULT_EXPORT_PATH = "ofsted-quotes.md"
READER = "reader"  # the name the app's one reusable reader is installed under (see reader_for)
LINK_WORDS_SHOWN = 90  # characters of the linked passage shown to tell several places apart
# Actions whose keys come and go with the selection (see check_action).
_STATEFUL_ACTIONS = ("find_next",)
# Singular and plural, for "no next person" and "7 people".
_KIND_WORDS = {
    "judgement": ("judgement", "judgements"), "quote": ("quote", "quotes"), "person": ("person", "people"),
    "date": ("date", "dates"), "statistic": ("statistic", "statistics"),
}


class ReaderScreen(ReportsWorkerFailures, Screen[None]):
    """Read one document; ``span`` or ``fact_id`` say where to open it."""

    HELP = "Reader"
    # Focused as the screen is shown, not after it mounts: a focus of its own
    # made the footer rebuild its keys once more on every opening.
    AUTO_FOCUS = "#reader-document"
    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
        & > #reader-title {
            height: 1; padding: 0 1; background: $panel;
            text-wrap: nowrap; text-overflow: ellipsis;
        }
        & > #reader-panes { height: 1fr; }
        & #reader-document { width: 1fr; }
        & #reader-facts { width: 40%; min-width: 26; max-width: 64; }
        & #reader-facts.-hidden { display: none; }
        & > #reader-status {
            height: auto; max-height: 2; padding: 0 1; background: $panel;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("n", "find_next(1)", "Next match", id="reader.find_next", show=False),
        Binding("N", "find_next(-1)", "Previous match", id="reader.find_previous", show=False),
        Binding("j", "move('judgement', 1)", "Next judgement", id="reader.next_judgement"),
        Binding("J", "move('judgement', -1)", "Previous judgement", id="reader.previous_judgement", show=False),
        Binding("q", "move('quote', 1)", "Next quote", id="reader.next_quote"),
        Binding("Q", "move('quote', -1)", "Previous quote", id="reader.previous_quote", show=False),
        Binding("p", "move('person', 1)", "Next person", id="reader.next_person", show=False),
        Binding("P", "move('person', -1)", "Previous person", id="reader.previous_person", show=False),
        Binding("d", "move('date', 1)", "Next date", id="reader.next_date", show=False),
        Binding("D", "move('date', -1)", "Previous date", id="reader.previous_date", show=False),
        Binding("s", "move('statistic', 1)", "Next statistic", id="reader.next_statistic", show=False),
        Binding("S", "move('statistic', -1)", "Previous statistic", id="reader.previous_statistic", show=False),
        Binding("right_square_bracket", "move('any', 1)", "Next highlight", id="reader.next_highlight", show=False),
        Binding("left_square_bracket", "move('any', -1)", "Previous highlight", id="reader.previous_highlight", show=False),
        Binding("f", "toggle_furniture", "Furniture", id="reader.furniture"),
        Binding("v", "toggle_facts", "Facts pane", id="reader.facts_pane", show=False),
        Binding("o", "follow", "Follow source", id="reader.follow"),
        Binding("y", "copy", "Copy with citation", id="reader.copy"),
        Binding("e", "export", "Export quote", id="reader.export", show=False),
        Binding("b", "bookmark(False)", "Bookmark", id="reader.bookmark"),
        Binding("B", "bookmark(True)", "Bookmark document", id="reader.bookmark_document", show=False),
        Binding("a", "note(False)", "Note", id="reader.note"),
        Binding("A", "note(True)", "Note on document", id="reader.note_document", show=False),
        Binding("c", "correct(False)", "Correct judgement or quote", id="reader.correct", show=False),
        Binding("C", "correct(True)", "Correct document (date)", id="reader.correct_document", show=False),
        Binding("x", "delete_note", "Delete note", id="reader.delete_note", show=False),
    ]

    class CorpusChanged(Message):
        """An annotation was saved: ``corpus`` is the store as now written.

        It bubbles to the app, which should adopt the corpus so other panes
        show the note or correction.
        """

        def __init__(self, corpus: Corpus) -> None:
            super().__init__()
            self.corpus = corpus

    def __init__(
        self, corpus: Corpus, doc_id: str, span: tuple[int, int] | None = None, fact_id: str | None = None,
        *, name: str | None = None, id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.corpus = corpus
        document = corpus.find_document(doc_id)
        self.doc_id = document["id"] if document else doc_id
        self._start_span = tuple(span) if span else None
        self._start_fact = fact_id
        self._flash = ""  # a one-off line for the status bar ("no next quote")
        self.export_path = DEFAULT_EXPORT_PATH
        self._key_states: tuple[bool | None, ...] = ()
        self._ready = False
        # The document whole (text, furniture), read from the store when the screen mounts.
        self._document: dict[str, Any] | None = None

    # -- parts ---------------------------------------------------------------
    @property
    def document(self) -> dict[str, Any] | None:
        return self._document

    @property
    def reader(self) -> DocumentView:
        return self.query_one("#reader-document", DocumentView)

    @property
    def facts_pane(self) -> FactsPane:
        return self.query_one("#reader-facts", FactsPane)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def store(self) -> Store | None:
        return getattr(self.app, "store", None)

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title", markup=False)
        with Horizontal(id="reader-panes"):
            yield DocumentView(id="reader-document")
            yield FactsPane(id="reader-facts")
        yield FindBar()
        yield Static(id="reader-status", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        # The store read again (a re-import, another program's write, a note saved elsewhere): this
        # screen, kept between openings, must never show, nor write from, the corpus it was given before.
        self.watch(self.app, "corpus", self._store_reloaded, init=False)
        if self.doc_id:  # none for a reader built ahead of its first document (prepare_reader)
            self._open()

    def show_document(
        self, corpus: Corpus, doc_id: str, span: tuple[int, int] | None = None, fact_id: str | None = None,
    ) -> None:
        """Open another document in this reader (mounted, not on screen), as a new reader would open it."""
        self.corpus = corpus
        document = corpus.find_document(doc_id)
        self.doc_id = document["id"] if document else doc_id
        self._start_span = tuple(span) if span else None
        self._start_fact = fact_id
        self._flash = ""
        self._document = None
        # Nothing of the last document stays: its find, its places, a pane or furniture hidden.
        self.find_bar.close()
        self.facts_pane.remove_class("-hidden")
        self.facts_pane.cursor = None
        self.facts_pane.scroll_home(animate=False, immediate=True)
        self.reader.furniture_hidden = False
        self.reader.scroll_home(animate=False, immediate=True)
        self.set_focus(self.reader)
        self._open()

    def _open(self) -> None:
        try:
            document = self._document = self.corpus.document(self.doc_id)
        except StoreError as exc:
            # Its rows left the bulk file under the explorer (another program, a damaged disk).
            self.notify(printable(f"Cannot open this document: {exc.path}: {exc.reason}"), title="Not opened",
                        severity="error", timeout=10, markup=False)
            self.call_later(self._close)
            return
        if document is None:
            self.notify(f"No document {printable(self.doc_id, multiline=True)} in this store", severity="error", markup=False)
            self.call_later(self._close)
            return
        self._show(document)
        # After the first layout: before it the reader has no height to scroll in.
        self.call_after_refresh(self._open_at_start, document)
        self._ready = True

    def _close(self) -> None:
        # Not awaited: a screen cannot await its own dismissal.
        self.dismiss()

    def _show(self, document: dict[str, Any], *, keep_position: bool = False) -> None:
        facts = self.corpus.facts_of(self.doc_id)
        notes = self.corpus.annotations_of(self.doc_id)
        self.reader.load(document, facts, notes, keep_position=keep_position)
        self.facts_pane.show(document, facts, notes, documents=self.corpus.documents)
        self.facts_pane.select_fact(self.reader.selected_fact_id)
        self._show_title(document, notes)
        self._show_status()

    def _open_at_start(self, document: dict[str, Any]) -> None:
        fact_id = self._start_fact
        if fact_id is None and self._start_span:
            # A span that is exactly a fact's opens on that fact, so the pane follows.
            fact_id = next(
                (f["id"] for f in self.reader.facts if tuple(f["span"]) == self._start_span), None,
            )
        if fact_id and self.reader.select_fact(fact_id):
            self.facts_pane.select_fact(fact_id)
        elif self._start_span:
            self.reader.mark_span(*self._start_span)
        self._show_status()

    def _show_title(self, document: dict[str, Any], notes: list[dict[str, Any]]) -> None:
        details = " \u00b7 ".join(
            str(part) for part in (
                KIND_SHORT.get(document.get("kind") or "", document.get("kind")),
                doc_date_label(document),
                document.get("authority"), document.get("publisher"),
            ) if part
        )
        marks = "".join(sorted({NOTE_MARKS.get(n.get("kind"), "") for n in notes if not n.get("fact_id")}))
        read_only = "  read-only" if self.store is None else ""
        self.query_one("#reader-title", Static).update(Content.assemble(
            (f"{marks} " if marks else "", "$text-warning bold"),
            (printable(doc_title(document), multiline=True), "bold"), ("  " + printable(details, multiline=True), "$foreground-muted"),
            (read_only, "$foreground-muted italic"),
        ))
        self.sub_title = printable(doc_title(document), multiline=True)

    def _show_status(self) -> None:
        """What is marked and its notes, else how much there is to move through; then any one-off message."""
        reader = self.reader
        document = self.document or {}
        text = document.get("text") or ""
        fact = reader.selected_fact
        note = self.facts_pane.highlighted_note if self.facts_pane.has_focus else None
        parts: list[Content | tuple[str, str] | str] = []
        palette = self.facts_pane.palette()
        if note is not None:
            parts.append(Content.from_rich_text(describe_note(note, {f["id"]: f for f in reader.facts}, text, palette)))
        elif fact is not None:
            parts += [(f"{fact['type']}  ", "$foreground-muted"),
                      Content.from_rich_text(describe_fact(fact, text, palette, self.corpus.documents))]
            for n in self.corpus.annotations_of(self.doc_id):
                if n.get("fact_id") == fact["id"] and n.get("kind") == "note":
                    body = " ".join(printable(n.get("body") or "").split())
                    parts += ["\n", (f"{NOTE_MARKS['note']} {body}", "$text-warning")]
        elif reader.mark is not None:
            parts.append((f"passage at {cite(document, *reader.mark).place()}", "$foreground-muted"))
        else:
            counts = [plural(reader.count_of(k), *_KIND_WORDS[k]) for k in HIGHLIGHT_KINDS if reader.count_of(k)]
            parts.append((" \u00b7 ".join(counts) or "no facts found in this document", "$foreground-muted"))
        if self._flash:
            # First: on a narrow screen the description after it may be cut, the message must not.
            parts = [(self._flash, "$text-warning"), "\n", *parts]
            self._flash = ""
        self.query_one("#reader-status", Static).update(Content.assemble(*parts))
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when a key's state changed: it rebuilds every key."""
        states = tuple(self.check_action(action, ()) for action in _STATEFUL_ACTIONS)
        if states != self._key_states:
            self._key_states = states
            if self._ready:  # while mounting, the first focus refreshes the footer anyway
                self.refresh_bindings()

    def _say(self, message: str) -> None:
        self._flash = message
        self._show_status()

    # -- following each other ------------------------------------------------
    @on(DocumentView.Selected)
    def _reader_moved(self, event: DocumentView.Selected) -> None:
        self.facts_pane.select_fact(event.fact_id)
        self._show_status()

    @on(FactsPane.FactHighlighted)
    def _fact_highlighted(self, event: FactsPane.FactHighlighted) -> None:
        self.reader.select_fact(event.fact_id)
        self._show_status()

    @on(FactsPane.NoteHighlighted)
    def _note_highlighted(self, event: FactsPane.NoteHighlighted) -> None:
        if event.note.get("fact_id"):
            self.reader.select_fact(event.note["fact_id"])
        self._show_status()

    @on(FactsPane.FactChosen)
    def _fact_chosen(self, event: FactsPane.FactChosen) -> None:
        self.reader.select_fact(event.fact_id)
        self.reader.focus()
        self._show_status()

    def on_descendant_focus(self) -> None:
        self._show_status()

    # -- moving and finding --------------------------------------------------
    def action_move(self, kind: str, direction: int) -> None:
        wanted = None if kind == "any" else kind
        if self.reader.move_highlight(wanted, direction) is None:
            word = "highlight" if wanted is None else _KIND_WORDS.get(wanted, (wanted,))[0]
            self.app.bell()
            self._say(f"no {'next' if direction > 0 else 'previous'} {word}")

    def action_find(self) -> None:
        self.find_bar.open(self.reader.query)

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self.reader.find(event.query)

    @on(FindBar.Submitted)
    def _find_submitted(self, event: FindBar.Submitted) -> None:
        # Enter keeps the current match (as vim and less do); n and N move on.
        if self.reader.query != event.query:
            self.reader.find(event.query)
        self.reader.focus()

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.reader.clear_find()
        self.reader.focus()

    @on(DocumentView.FindResults)
    def _find_results(self, event: DocumentView.FindResults) -> None:
        self.find_bar.show_count(event.query, event.count, event.current)
        self._refresh_keys()

    def action_find_next(self, direction: int) -> None:
        self.reader.find_next(direction)

    def action_toggle_furniture(self) -> None:
        document = self.document or {}
        hidden = not self.reader.furniture_hidden
        self.reader.set_furniture_hidden(hidden)
        count = len(document.get("furniture") or [])
        self._say(f"page furniture {'hidden' if hidden else 'dimmed'} ({plural(count, 'passage')})")

    def action_toggle_facts(self) -> None:
        self.facts_pane.toggle_class("-hidden")
        if self.facts_pane.has_class("-hidden") and self.facts_pane.has_focus:
            self.reader.focus()

    def action_back(self) -> None:
        if self.find_bar.is_open or self.reader.query:
            self.find_bar.close()
            self.reader.clear_find()
            self.reader.focus()
        else:
            self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_next":
            return True if self.reader.matches else None
        # The other keys always run, and say why when they have nothing to act on.
        return True

    # -- leaving the reader --------------------------------------------------
    def action_follow(self) -> None:
        fact = self.reader.selected_fact
        links = [link for link in (fact or {}).get("source_links") or [] if link.get("doc_id") in self.corpus.documents]
        if not links:
            self.app.bell()
            if fact is not None and (fact["type"] == "quote" or fact.get("source_links")):
                self._say(f"this {fact['type']} is not found in any other document in the store")
            else:
                self._say("o follows a quote to its source: go to a quote first (q)")
            return
        if len(links) == 1:
            self._open_link(links[0])
            return
        labels = [self._link_label(link) for link in links]

        def chosen(index: int | None) -> None:
            if index is not None:
                self._open_link(links[index])

        self.app.push_screen(ChoiceDialog(link_label(links[0].get("relation")).capitalize(), labels), chosen)

    def _link_label(self, link: dict[str, Any]) -> Content:
        """The linked document's title and date, and the words at the place (a quote may be found in several)."""
        doc = self.corpus.documents[link["doc_id"]]
        label = Content.assemble((printable(doc_title(doc), multiline=True), "bold"),
                                 ("  " + doc_date_label(doc), "$foreground-muted"))
        if link.get("span"):
            start, end = link["span"]
            try:
                text = self.corpus.text_of(link["doc_id"])
            except StoreError:
                text = ""  # the linked document is listed by its title alone; opening it says what is wrong
            words = " ".join(text[start:end].split())
            if words:
                cut = words if len(words) <= LINK_WORDS_SHOWN else words[:LINK_WORDS_SHOWN - 1].rstrip() + "…"
                label = Content.assemble(label, ("\n  “" + printable(cut, multiline=True) + "”", "italic"))
        return label

    def _open_link(self, link: dict[str, Any]) -> None:
        span = tuple(link["span"]) if link.get("span") else None
        self.app.push_screen(ReaderScreen(self.corpus, link["doc_id"], span=span, fact_id=link.get("fact_id")))

    def _passage(self) -> Citation | None:
        """The marked fact or passage, or else the current find match, with its citation."""
        document = self.document
        if document is None:
            return None
        fact = self.reader.selected_fact
        if fact is not None:
            return cite(document, *fact["span"], fact=fact)
        if self.reader.mark is not None and self.reader.mark[1] > self.reader.mark[0]:
            return cite(document, *self.reader.mark)
        if self.reader.current_match is not None:
            return cite(document, *self.reader.matches[self.reader.current_match])
        return None

    def _passage_or_say(self, key: str) -> Citation | None:
        citation = self._passage()
        if citation is None:
            self.app.bell()
            self._say(f"{key} takes the marked fact or passage: move to one first (j, q, ] or / to find)")
        return citation

    def action_copy(self) -> None:
        citation = self._passage_or_say("y")
        if citation is None:
            return
        fact = self.reader.selected_fact
        what = fact["type"] if fact is not None else "passage"
        route = copy_text(self.app, citation.as_text(), "press e to append it to a file")
        self.notify(f"{citation.place()}. {route}", title=f"{what.capitalize()} copied with its citation",
                    markup=False, timeout=6)

    def action_export(self) -> None:
        citation = self._passage_or_say("e")
        if citation is None:
            return

        def chosen(path: str | None) -> None:
            if path:
                self._append_citation(Path(path).expanduser(), citation)

        self.app.push_screen(ExportDialog(self.export_path, printable(citation.as_text(), multiline=True)), chosen)

    def _append_citation(self, path: Path, citation: Citation) -> None:
        from ofsted_core.export import ExportError, save_export

        try:
            save_export(path, citation.as_markdown() + "\n", self.store, append=True)
        except ExportError as exc:
            self.notify(f"Could not write {exc}", severity="error", markup=False)
            return
        self.export_path = str(path)
        self.notify(f"Appended to {path}", title="Quote exported", markup=False)

    # -- annotations ---------------------------------------------------------
    def _writable(self) -> bool:
        if self.store is None:
            self.app.bell()
            self._say("read-only: this reader has no store, so notes, bookmarks and corrections are off")
            return False
        return True

    def _target(self, document_only: bool) -> dict[str, Any] | None:
        return None if document_only else self.reader.selected_fact

    def _target_label(self, fact: dict[str, Any] | None) -> Content:
        document = self.document or {}
        if fact is None:
            return note_target(document)
        line = describe_fact(fact, document.get("text") or "", self.facts_pane.palette())
        return Content.assemble((f"{fact['type']} ", "$foreground-muted"), Content.from_rich_text(line))

    def action_bookmark(self, document_only: bool) -> None:
        document = self.document
        if document is None or not self._writable():
            return
        fact = self._target(document_only)
        label = "this fact" if fact else "this document"
        self.write_annotations(bookmark_change(document, self.corpus.annotations_of(self.doc_id), label,
                                               fact=fact, facts=self.reader.facts))

    def action_note(self, document_only: bool) -> None:
        document = self.document
        if document is None or not self._writable():
            return
        fact = self._target(document_only)

        def chosen(body: str | None) -> None:
            if body:
                note = make_annotation("note", document, fact=fact, facts=self.reader.facts, body=body)
                self.write_annotations(Change(add=(note,), done="Note saved"))

        self.app.push_screen(NoteDialog.asking(self.app, self._target_label(fact)), chosen)

    def action_correct(self, document_only: bool) -> None:
        document = self.document
        if document is None or not self._writable():
            return
        fact = self._target(document_only)
        fields = correctable_fields(fact)
        if not fields:
            assert fact is not None
            self.app.bell()
            self._say(f"a {fact['type']} has nothing to correct: c corrects a judgement or a quote, "
                      "C the document")
            return
        source = fact if fact is not None else document
        current = {name: source.get(name) for name in fields}
        start = fields[0]

        def chosen(answer: tuple[str, Any] | None) -> None:
            if answer is None:
                return
            field, value = answer
            self.write_annotations(correction_change(document, self.corpus.annotations_of(self.doc_id), field, value,
                                                     fact=fact, facts=self.reader.facts))

        self.app.push_screen(CorrectionDialog(self._target_label(fact), current, start), chosen)

    def _notes_here(self) -> list[dict[str, Any]]:
        """The notes under the cursor: the one highlighted in the facts pane, else those on the marked fact."""
        note = self.facts_pane.highlighted_note
        if note is not None:
            return [note]
        fact = self.reader.selected_fact
        if fact is None:
            return []
        return [n for n in self.corpus.annotations_of(self.doc_id) if n.get("fact_id") == fact["id"]]

    def action_delete_note(self) -> None:
        if not self._writable():
            return
        notes = self._notes_here()
        if not notes:
            self.app.bell()
            self._say("no note, bookmark or correction on this fact to delete")
            return
        text = (self.document or {}).get("text") or ""
        facts = {f["id"]: f for f in self.reader.facts}
        lines = [Content.from_rich_text(describe_note(n, facts, text, self.facts_pane.palette())) for n in notes]

        def delete(note: dict[str, Any], line: Content) -> None:
            def chosen(yes: bool | None) -> None:
                if yes:
                    self.write_annotations(Change(remove=(note["id"],), done=f"Deleted: {line.plain}"))

            self.app.push_screen(ConfirmDialog(Content.assemble("Delete ", line, "?")), chosen)

        if len(notes) == 1:
            delete(notes[0], lines[0])
            return

        def picked(index: int | None) -> None:
            if index is not None:
                delete(notes[index], lines[index])

        self.app.push_screen(ChoiceDialog("Delete which?", lines), picked)

    def write_annotations(self, change: Change, *, undoing: bool = False) -> None:
        """Save ``change`` off the UI thread; the reader then shows the store as written."""
        self._write(change, undoing)

    @on(SaveChange)
    def _save_change(self, message: SaveChange) -> None:
        # An undo (ctrl+z) while reading: saved here, so the reader redraws at once.
        message.stop()
        self.write_annotations(message.change, undoing=message.undoing)

    @work(thread=True, exit_on_error=False, group="reader-annotations", name="saving your annotation",
          description="save")
    def _write(self, change: Change, undoing: bool) -> None:
        store = self.store
        if store is None:
            return
        try:
            data, undo = change_annotations(store, change, self.corpus.data if self.corpus is not None else None)
            corpus = Corpus.from_data(data, self.corpus)  # unchanged rows reused, as the app does
        except StoreError as exc:
            self.app.call_from_thread(
                self.notify, f"Not saved: {exc.path}: {exc.reason}", severity="error", markup=False,
            )
            return
        self.app.call_from_thread(self._written, corpus, undo, undoing)

    def _written(self, corpus: Corpus, undo: Change, undoing: bool) -> None:
        self._adopt(corpus)
        self.post_message(self.CorpusChanged(corpus))
        self.post_message(AnnotationsSaved(undo, undoing))  # the app says so, and keeps the undo

    def _adopt(self, corpus: Corpus) -> None:
        """Show ``corpus`` (fresh from the store), keeping the place and the mark."""
        try:
            document = corpus.document(self.doc_id)
        except StoreError as exc:
            self._say(printable(f"not updated: {exc.path}: {exc.reason}"))
            return
        if document is None:
            return
        self.corpus, self._document = corpus, document
        self._show(document, keep_position=True)

    def _store_reloaded(self, corpus: Corpus | None) -> None:
        if not isinstance(corpus, Corpus) or not corpus.complete or corpus is self.corpus:
            return
        if self not in self.app.screen_stack:
            # Kept for the next opening, which is given the corpus then: only the old one is let go.
            self.corpus, self._document = corpus, None
            return
        if self.doc_id not in corpus.documents:
            self.corpus = corpus  # a note written from here starts from the store as it is now
            self._say("this document is no longer in the store (press escape)")
            return
        self._adopt(corpus)

    def on_screen_resume(self) -> None:
        # A reader opened from this one may have saved; the app holds the newest corpus.
        corpus = getattr(self.app, "corpus", None)
        if isinstance(corpus, Corpus) and corpus is not self.corpus and self.is_mounted:
            self._adopt(corpus)


def reader_for(app: Any, corpus: Corpus, doc_id: str, span: tuple[int, int] | None = None,
               fact_id: str | None = None) -> ReaderScreen:
    """A reader showing ``doc_id``, to push: the app's one reader, kept between openings, where it is free.

    Building a screen (composing, mounting and styling its widgets, then its
    footer's keys) was most of the time to open a document, and the longest
    took up to 160 ms on a quiet machine; a reader kept installed is only
    given the new document. A reader opened from a reader (following a quote
    to its source) is a new one over it, so going back finds the first as it was.
    """
    if app.is_screen_installed(READER):
        reader = app.get_screen(READER)
        if reader not in app.screen_stack and reader.is_mounted:
            reader.show_document(corpus, doc_id, span, fact_id)
            return reader
        return ReaderScreen(corpus, doc_id, span=span, fact_id=fact_id)
    reader = ReaderScreen(corpus, doc_id, span=span, fact_id=fact_id)
    app.install_screen(reader, READER)
    return reader


def prepare_reader(app: Any, corpus: Corpus) -> None:
    """Build the app's reader (compose, mount and style it, off screen) before it is first asked for.

    The first opening built the screen and read the reader's modules and
    styles, and was the slowest by far; once the explorer is idle it is
    done here, ahead (Textual's own first step of showing a screen).
    """
    if app.is_screen_installed(READER):
        return
    reader = ReaderScreen(corpus, "")
    app.install_screen(reader, READER)
    app._register(app, reader)
