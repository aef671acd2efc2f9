"""The one entry point of the core: a ``Library`` opened on a store, with a method for each thing
the command line, the explorer and the tests ask of it.

Each method delegates to the module that holds the logic (corpus, timeline, search, importing,
annotations, export, national, compare, find); nothing here decides anything of its own. Every
failure of the store or of a write comes out as ``LibraryError``, whose ``message`` is what the
command line prints; a name that matches nothing is ``NotFound`` and a value of the wrong kind
``BadValue`` (from ``ofsted_core.find``), each with a message to print as it is.

The modules are imported when a method first needs them: ``ofsted-tui show`` must not pay for
the importers' rules or the export code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from ofsted_core.find import BadValue, EventFilter, NotFound
from ofsted_core.store import Store, StoreData, StoreError, collector_paused

if TYPE_CHECKING:
    from importers.model import DocumentRow, EventRow
    from ofsted_core.annotations import Change
    from ofsted_core.compare import Grid
    from ofsted_core.corpus import Corpus
    from ofsted_core.importing import ImportReport, Progress
    from ofsted_core.search import SearchHit

__all__ = [
    "BadValue", "DocumentView", "Library", "LibraryError", "NotFound", "SearchResult", "Timeline",
    "collector_paused", "council_csv", "csv_text", "grid_csv", "grid_json", "json_text",
]

EXPORT_KINDS = ("json", "csv", "md")


class LibraryError(StoreError):
    """The store cannot be read or written, or an export cannot be written.

    A ``StoreError`` (so code that catches those still does), with ``message``: the
    file and what to do, as the command line prints it after ``ofsted-tui: ``.
    """

    def __init__(self, path: Path | str, reason: str, message: str | None = None) -> None:
        super().__init__(path, reason)
        self.message = message or f"{path}: {reason}"


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except LibraryError:
        raise
    except StoreError as exc:
        raise LibraryError(exc.path, exc.reason) from None


@dataclass(frozen=True)
class Timeline:
    """The events a timeline's filters keep (as stored: corrections are applied when events are built)."""

    events: list[dict[str, Any]]
    # The councils --authority named (empty: every council).
    authorities: frozenset[str]
    filters: EventFilter

    @property
    def narrowed(self) -> bool:
        return bool(self.authorities) or self.filters.narrows

    def json(self) -> list[dict[str, Any]]:
        """The events as ``timeline --json`` prints them."""
        from ofsted_core.json_out import EVENT_KEYS, event_fields

        return [event_fields(e, (*EVENT_KEYS, "label")) for e in self.events]

    @property
    def empty_hint(self) -> str | None:
        """Why a narrowed timeline is empty and what to do; None when it is not."""
        if self.events or not self.narrowed:
            return None
        if self.filters.narrows:
            return "no events match these filters; `ofsted-tui timeline` lists them all"
        import shlex

        names = sorted(self.authorities)
        return (f"this store has no events for {' or '.join(names)}; "
                f"`ofsted-tui fetch {' '.join(shlex.quote(n) for n in names)}` downloads its reports")


class DocumentView(NamedTuple):
    """One document as its page shows it: the corpus it was read into (with the documents its
    facts link to and every note; no event, which a page does not show) and the document itself,
    corrections applied."""

    corpus: Corpus
    document: dict[str, Any]

    @property
    def facts(self) -> list[dict[str, Any]]:
        return self.corpus.facts_of(self.document["id"])

    def json(self) -> dict[str, Any]:
        """The document, its text and its facts as ``show --json`` prints them."""
        from ofsted_core.export import DOCUMENT_KEYS, _fact_out

        out = {k: self.document.get(k) for k in DOCUMENT_KEYS}
        out["text"] = self.corpus.text_of(self.document["id"])
        out["facts"] = [_fact_out(f) for f in self.facts]
        return out


class SearchResult(NamedTuple):
    """The hits of a search, best first, and a corpus holding their documents (and the notes; no event)."""

    corpus: Corpus
    hits: list[SearchHit]

    def json(self) -> list[dict[str, Any]]:
        """The hits as ``search --json`` prints them."""
        return [{"doc_id": h.doc_id, "title": self.corpus.documents[h.doc_id].get("title"),
                 "score": round(h.score, 4), "span": [h.start, h.end], "snippet": h.snippet} for h in self.hits]


# What the command line prints for scripts, from the modules that define each shape.
def json_text(data: Any) -> str:
    from ofsted_core.json_out import json_text as text

    return text(data)


def csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    from ofsted_core.export import csv_text as text

    return text(columns, rows)


def council_csv(rows: list[dict[str, Any]]) -> str:
    from ofsted_core.national import CSV_COLUMNS, csv_row

    return csv_text(list(CSV_COLUMNS), [csv_row(row) for row in rows])


def grid_json(grid: Grid) -> dict[str, Any]:
    from ofsted_core.compare import grid_json as councils

    return {"years": grid.years, "councils": councils(grid)}


def grid_csv(grid: Grid) -> str:
    from ofsted_core.compare import grid_csv_rows

    return csv_text(*grid_csv_rows(grid))


class Library:
    """A store of documents, facts, events and annotations, and everything done with it."""

    def __init__(self, path: Path | str | Store) -> None:
        # An open Store is taken as it is: the explorer keeps the one it polls for changes.
        self.store = path if isinstance(path, Store) else Store(path)

    @classmethod
    def open(cls, path: Path | str, create: bool = False) -> Library:
        """The library at ``path``; unless ``create``, a missing store is refused rather than started."""
        library = cls(path)
        if not create and not library.exists:
            raise LibraryError(path, "no such store; give --db an existing file, "
                                     "or import into a new one with `ofsted-tui import PATH --db FILE`")
        return library

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def exists(self) -> bool:
        return self.store.path.exists()

    def check(self) -> None:
        """Refuse now, before any work, a store that cannot be used."""
        with _errors():
            self.store.check()

    # -- reading ---------------------------------------------------------------
    def load(self, only: set[str] | None = None) -> Corpus:
        """The store as a corpus (corrections applied); with ``only``, just those documents."""
        from ofsted_core.corpus import load_corpus

        with _errors():
            return load_corpus(self.store, only)

    def first_snapshot(self) -> tuple[int | None, StoreData]:
        """What the explorer shows first, and the store's stamp when it was read: the catalogue, events and
        annotations (``corpus.lazy_snapshot``); the texts and facts are read when a document is opened.

        Of a large store, the events (less what only their sources read: ``Lookup.rows``) and annotations
        alone where the catalogue can wait (``Store.read_first``): the snapshot is then not ``complete``, and
        the explorer reads the rest after its first frame."""
        from ofsted_core.corpus import lazy_snapshot

        # Without the collector: each batch of parsed rows set off a collection that walked the interface's
        # modules and every earlier row again, a third of this read's CPU at 10,000 documents.
        with _errors(), collector_paused():
            stamp = self.store.mtime_ns()
            first, timeline_only = self.store.read_first()
            return stamp, first if timeline_only else lazy_snapshot(self.store, first)

    def corpus_of(self, data: StoreData, previous: Corpus | None = None) -> Corpus:
        """The corpus of a snapshot of this store (``first_snapshot``, a write's), its texts read from here."""
        from ofsted_core.corpus import Corpus

        return Corpus.from_data(data, previous, store=self.store)

    def timeline(self, authority: str | None = None, since: int | None = None, until: int | None = None,
                 rating: str | None = None, type: str | None = None) -> Timeline:  # noqa: A002 - the CLI's word
        """The events kept by the command line's filters; only the events are read, no document."""
        from ofsted_core.find import authority_names, event_filter

        with _errors():
            lookup = self.store.lookup()
        # A council's timeline parses that council's events alone; the names and types are of them all.
        keep = event_filter([{"type": t} for t in lookup.types], since, until, rating, type)
        names = frozenset(authority_names(authority, [{"authority": a} for a in lookup.authorities])) if authority \
            else frozenset()
        events = [e for e in lookup.events(names if authority else None) if keep.keeps(e)]
        return Timeline(events, names, keep)

    def search(self, query: str, limit: int = 20) -> SearchResult:
        """The best ``limit`` hits and a corpus of their documents, from the store's persisted index."""
        from ofsted_core.corpus import search_store

        with _errors():
            # Hits show no event: the catalogue and the notes are read, the events are not.
            return SearchResult(*search_store(self.store, query, limit=limit, index=self.store.read_index(events=False)))

    def documents(self, authority: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """The catalogue's rows (no text), of a council (any name ``authority`` means) and of a kind."""
        from ofsted_core.find import authority_names

        with _errors():
            rows = self.store.read_catalogue()
        if authority:
            names = authority_names(authority, [{"authority": r.get("authority")} for r in rows])
            rows = [r for r in rows if r.get("authority") in names]
        return [r for r in rows if not kind or r.get("kind") == kind]

    def document(self, ref: str) -> DocumentView:
        """The document ``ref`` means: its id, a unique prefix of it, or the path it was imported by."""
        from ofsted_core.corpus import document_corpus
        from ofsted_core.find import documents_named

        with _errors():
            # The catalogue for the name, the notes for the page; a page shows no event, so none is read.
            index = self.store.read_index(events=False)
            found = documents_named({row["id"]: row for row in index.documents}, ref)
            if len(found) == 1:
                corpus = document_corpus(self.store, found[0]["id"], index)
                return DocumentView(corpus, cast("dict[str, Any]", corpus.document(found[0]["id"])))
        if found:
            raise NotFound(f"{ref!r} matches {len(found)} documents; give more of the id:"
                           + "".join(f"\n  {d['id']}  {d['source']}" for d in sorted(found, key=lambda d: d["id"])))
        raise NotFound(f"no document matches {ref!r}; see `ofsted-tui export --format csv --table documents`")

    def facts(self, doc_id: str) -> list[dict[str, Any]]:
        """The facts of one document, in the order of the text, corrections applied."""
        return self.document(doc_id).facts if doc_id else []

    def councils(self, region: str | None = None, grade: str | None = None,
                 since: int | None = None) -> list[dict[str, Any]]:
        """Every council's row of the national table: latest graded inspection, the one before, visits since."""
        from ofsted_core.national import GRADE_HINT, council_rows, filter_rows, grade_filter, region_matches

        wanted = grade_filter(grade) if grade else None
        if grade and wanted is None:
            raise BadValue(f"--grade {grade!r} is not a grade; {GRADE_HINT}")
        corpus = self.load()
        # The corpus holds the model's rows as plain dicts (see importers.model).
        events, documents = cast("list[EventRow]", corpus.events), cast("list[DocumentRow]", list(corpus.documents.values()))
        rows = filter_rows(council_rows(events, documents), region, wanted, since)
        if region and not rows and not region_matches(region):
            from importers.councils import regions

            raise NotFound(f"no region matches {region!r}; regions: {', '.join(regions())}")
        return rows

    def compare(self, names: Sequence[str], neighbours: bool = False, region: bool = False) -> Grid:
        """The councils ``names`` mean (with their neighbours or region) side by side, by year."""
        from ofsted_core.compare import choose_councils, compare_grid
        from ofsted_core.find import authority_names

        corpus = self.load()
        chosen = [name for given in names for name in sorted(authority_names(given, corpus.events))]
        return compare_grid(corpus.events, choose_councils(chosen, neighbours, region))

    # -- writing ---------------------------------------------------------------
    def import_paths(self, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
        """Import files and folders; the store is checked before anything is parsed."""
        from ofsted_core.importing import import_paths

        self.check()
        with _errors():
            return import_paths(self.store, paths, progress=progress)

    def rebuild(self, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
        """Rebuild the store from these files and folders, keeping the annotations."""
        from ofsted_core.importing import rebuild_store

        with _errors():
            return rebuild_store(self.store, paths, progress=progress)

    def annotate(self, change: Change, shown: StoreData | None = None) -> tuple[StoreData, Change]:
        """Apply a note, bookmark or correction change in one write: the store as written, and its undo."""
        from ofsted_core.annotations import change_annotations

        with _errors():
            return change_annotations(self.store, change, shown)

    def write_lookup(self) -> bool:
        """After ``annotate``, once its change is shown: write the lookup file from the rows written, so the
        next lookup does not parse the whole store to make it (``Store.write_lookup``). Whether it was."""
        return self.store.write_lookup()

    def undo(self, undo: Change, shown: StoreData | None = None) -> tuple[StoreData, Change]:
        """Undo a change with what ``annotate`` returned for it (itself undone by what this returns)."""
        return self.annotate(undo, shown)

    def export(self, kind: str = "json", table: str = "facts", out: Path | None = None,
               corpus: Corpus | None = None) -> str:
        """The store (or ``corpus``) as JSON, CSV (one ``table``) or Markdown; written to ``out`` when given,
        whole or not at all and never over the store's own files."""
        from ofsted_core.export import ExportError, export_csv, export_json, export_markdown, save_export

        if kind not in EXPORT_KINDS:
            raise BadValue(f"--format {kind!r} is not a format; use one of {', '.join(EXPORT_KINDS)}")
        corpus = corpus if corpus is not None else self.load()
        payload = (export_json(corpus) if kind == "json" else
                   export_csv(corpus, table) if kind == "csv" else export_markdown(corpus))
        if out is not None:
            try:
                save_export(out, payload, self.store)
            except ExportError as exc:
                raise LibraryError(exc.path, exc.reason, f"cannot write {exc.path}: {exc.reason}") from None
        return payload
