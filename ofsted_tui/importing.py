"""Import files into the store: parse outside the lock, apply in one write.

Parsing is the slow part and needs no lock, so every file is read and
extracted first; then the store is locked, re-read (another writer may have
added documents meanwhile), changed and written once.

Re-importing the same text is a no-op. Re-importing an edited file (same
source, new text) replaces its document and facts; the user's annotations on
it follow it to the new version (see ``annotations.relink``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from importers.model import ImportedDocument, ImporterError
from importers.pipeline import IMPORTER_VERSION, import_file, iter_files
from ofsted_tui.annotations import rebuild_events, relink
from ofsted_tui.store import Store, StoreData

__all__ = [
    "Failure", "ImportReport", "apply_documents", "document_row", "fact_rows", "import_paths",
    "parse_files", "rebuild_store",
]

Progress = Callable[[str, int, int], None]  # (path, done, total)


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def document_row(doc: ImportedDocument, imported_at: str) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "kind": doc.kind,
        "publisher": doc.publisher,
        "authority": doc.authority,
        "published": doc.published,
        "format": doc.format,
        "text": doc.text,
        "furniture": [list(r) for r in doc.furniture],
        "imported_at": imported_at,
        "importer_version": IMPORTER_VERSION,
    }


def fact_rows(doc: ImportedDocument) -> list[dict[str, Any]]:
    rows = []
    for n, fact in enumerate(doc.facts):
        row = fact.to_dict()
        row["id"] = f"{doc.id}-{n:04d}"
        row["doc_id"] = doc.id
        rows.append(row)
    return rows


def parse_files(paths: Iterable[str], progress: Progress | None = None) -> tuple[list[ImportedDocument], list[Failure]]:
    found = list(iter_files(paths))
    docs: list[ImportedDocument] = []
    failures: list[Failure] = []
    for done, (path, problem) in enumerate(found, 1):
        if problem:
            failures.append(Failure(path, problem))
        else:
            try:
                docs.append(import_file(path))
            except ImporterError as exc:
                failures.append(Failure(path, exc.reason))
            except Exception as exc:  # noqa: BLE001 - one bad file must never stop the run
                failures.append(Failure(path, f"could not be imported ({type(exc).__name__}: {exc})"))
        if progress:
            progress(path, done, len(found))
    return docs, failures


def apply_documents(data: StoreData, docs: list[ImportedDocument], report: ImportReport, now: str) -> None:
    """Change ``data`` in place to hold ``docs``; fill ``report``."""
    by_id = {d["id"]: d for d in data.documents}
    by_source = {d["source"]: d for d in data.documents}
    replaced_ids: set[str] = set()
    new_docs, new_facts = [], []
    for doc in docs:
        if doc.id in by_id:
            report.unchanged.append(doc.source)
            continue
        old = by_source.get(doc.source)
        row = document_row(doc, now)
        rows = fact_rows(doc)
        if old is not None:
            replaced_ids.add(old["id"])
            relink(data.annotations, old, [f for f in data.facts if f["doc_id"] == old["id"]], row, rows)
            report.replaced.append(doc.source)
        else:
            report.added.append(doc.source)
        by_id[doc.id] = row
        by_source[doc.source] = row
        new_docs.append(row)
        new_facts.extend(rows)
        report.facts += len(rows)
    if not new_docs:
        data.changed = False
        return
    if replaced_ids:
        data.documents[:] = [d for d in data.documents if d["id"] not in replaced_ids]
        data.facts[:] = [f for f in data.facts if f["doc_id"] not in replaced_ids]
    data.documents.extend(new_docs)
    data.facts.extend(new_facts)
    data.events[:] = rebuild_events(data)


def import_paths(store: Store, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
    docs, failures = parse_files(paths, progress)
    report = ImportReport(failed=failures)
    if not docs:
        return report
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as data:
        apply_documents(data, docs, report, now)
    return report


def rebuild_store(store: Store, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
    """Replace every document with those under ``paths``; annotations follow by source."""
    docs, failures = parse_files(paths, progress)
    report = ImportReport(failed=failures)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as data:
        fresh = StoreData(annotations=data.annotations)
        apply_documents(fresh, docs, report, now)
        new_by_source = {d["source"]: d for d in fresh.documents}
        for old in data.documents:
            new = new_by_source.get(old["source"])
            if new is not None and new["id"] != old["id"]:
                relink(data.annotations, old, [f for f in data.facts if f["doc_id"] == old["id"]],
                       new, [f for f in fresh.facts if f["doc_id"] == new["id"]])
        data.documents[:] = fresh.documents
        data.facts[:] = fresh.facts
        data.events[:] = rebuild_events(data)
        data.changed = True
    return report
