"""Import files into the store: parse outside the lock, apply in one write.

Parsing is the slow part and needs no lock, so every file is read and
extracted first; then the store is locked, re-read (another writer may have
added documents meanwhile), changed and written once.

Re-importing the same text is a no-op. Re-importing an edited file (same
source, new text) replaces its document and facts; the user's annotations on
it follow it to the new version (see ``annotations.relink``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from importers.model import DATASET_KIND, ImportedDocument, ImporterError
from importers.pipeline import IMPORTER_VERSION, import_file, iter_files
from importers.sanitize import clean_text
from ofsted_core.annotations import rebuild_events, relink
from ofsted_core.files import source_key
from ofsted_core.sources import trace_sources
from ofsted_core.store import Store, StoreData, StoreError, collector_paused, text_row

__all__ = [
    "Failure", "ImportReport", "Prepared", "apply_documents", "document_row", "fact_rows", "file_stamp", "import_paths",
    "parse_files", "parse_found", "prepare_documents", "rebuild_store", "source_key",
]

Progress = Callable[[str, int, int], None]  # (path, done, total)
Keyed = Callable[[str], str]  # a source's key (``source_key``)


def _resolved_once() -> Keyed:
    """``source_key`` remembering each path for one import: resolving a path stats each of its
    folders, and an import asks for every file's key five times (0.23 s CPU at 3,000 files, 0.05 s so)."""
    return functools.lru_cache(maxsize=None)(source_key)


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
    # Documents a rebuild kept because their file failed this time.
    kept: list[str] = field(default_factory=list)
    facts: int = 0
    # Parts of imported files that were skipped (a dataset's bad rows): (path, what and where).
    warnings: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _under_any(key: str, roots: list[str]) -> bool:
    return any(key == root or key.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def file_stamp(path: str) -> dict[str, Any] | None:
    """What tells an unchanged file without parsing it: its size, modification time and a hash of its bytes.

    Taken before the file is parsed, so a file changed meanwhile differs from
    its stamp and is parsed again next time. None where it cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}


def _unchanged(row: dict[str, Any], path: str) -> bool:
    """Whether ``path`` is the file ``row`` was imported from, as it was, by this importer.

    Size and modification time first (a stat); a file whose time changed but
    not its size (touched, copied) is hashed to be sure.
    """
    stamp = row.get("file")
    if row.get("importer_version") != IMPORTER_VERSION or not isinstance(stamp, dict):
        return False
    try:
        now = os.stat(path)
    except OSError:
        return False
    if now.st_size != stamp.get("size"):
        return False
    if now.st_mtime_ns == stamp.get("mtime_ns"):
        return True
    fresh = file_stamp(path)
    return fresh is not None and fresh["sha256"] == stamp.get("sha256")


def document_row(doc: ImportedDocument, imported_at: str, doc_id: str | None = None,
                 file: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": doc_id or doc.id,
        "source": doc.source,
        "title": doc.title,
        "kind": doc.kind,
        "publisher": doc.publisher,
        "authority": doc.authority,
        "published": doc.published,
        "inspected_start": doc.inspected_start,
        "inspected_end": doc.inspected_end,
        "url": doc.url,
        "format": doc.format,
        "text": doc.text,
        "furniture": [list(r) for r in doc.furniture],
        "page_starts": list(doc.page_starts),
        "imported_at": imported_at,
        "importer_version": IMPORTER_VERSION,
        "file": file,
    }


def fact_rows(doc: ImportedDocument, doc_id: str | None = None) -> list[dict[str, Any]]:
    # The id hashes the whole text: once per document, never once per fact.
    doc_id = doc_id or doc.id
    rows = []
    for n, fact in enumerate(doc.facts):
        row = fact.to_dict()
        row["id"] = f"{doc_id}-{n:04d}"
        row["doc_id"] = doc_id
        rows.append(row)
    return rows


@dataclass
class Prepared:
    """A parsed document as the rows it becomes, made before the store is locked."""

    id: str
    source: str
    row: dict[str, Any]
    facts: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)  # rows of a dataset skipped, by line


def prepare_documents(docs: Iterable[ImportedDocument], imported_at: str,
                      stamps: dict[str, dict[str, Any] | None] | None = None, key: Keyed = source_key) -> list[Prepared]:
    """The rows of ``docs``; ``stamps`` gives each file's stamp (``file_stamp``) by its ``source_key``."""
    prepared = []
    for doc in docs:
        doc_id = doc.id
        file = (stamps or {}).get(key(doc.source))
        row = document_row(doc, imported_at, doc_id, file)
        if doc.warnings:
            row["warnings"] = list(doc.warnings)  # said again when a re-import skips the file
        prepared.append(Prepared(doc_id, doc.source, row, fact_rows(doc, doc_id), list(doc.warnings)))
    return prepared


def parse_files(
    paths: Iterable[str], progress: Progress | None = None, workers: int | None = None,
) -> tuple[list[ImportedDocument], list[Failure]]:
    """Read and extract every file under ``paths``, in order; failures are reported per file.

    Many files are parsed by a pool of processes (``workers``, default one per
    core; 1 parses here), with the same documents, failures and progress calls,
    in the same order, as parsing them one by one.
    """
    return parse_found(list(iter_files(paths)), progress, workers)


def parse_found(
    found: list[tuple[str, str | None]], progress: Progress | None = None, workers: int | None = None,
) -> tuple[list[ImportedDocument], list[Failure]]:
    """``parse_files`` of the ``(path, problem)`` pairs ``iter_files`` gave."""
    docs: list[ImportedDocument] = []
    failures: list[Failure] = []
    for done, (path, outcome) in enumerate(_outcomes(found, workers), 1):
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            docs.append(outcome)
        if progress:
            progress(path, done, len(found))
    return docs, failures


# Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 9
# Files per task: enough to amortise the round trip, few enough to spread the work evenly.
_MAX_CHUNK = 16

_Found = tuple[str, "str | None"]  # (path, problem) as iter_files yields them


def _parse_one(path: str, problem: str | None) -> ImportedDocument | Failure:
    if problem:
        return Failure(clean_text(path), problem)
    try:
        return import_file(path)
    except ImporterError as exc:
        return Failure(exc.path, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the run
        return Failure(clean_text(path), f"could not be imported ({type(exc).__name__}: {exc})")


def _parse_chunk(chunk: list[_Found]) -> list[ImportedDocument | Failure]:
    return [_parse_one(path, problem) for path, problem in chunk]


def _outcomes(found: list[_Found], workers: int | None) -> Iterator[tuple[str, ImportedDocument | Failure]]:
    workers = _worker_count() if workers is None else workers
    if workers < 2 or sum(1 for _, problem in found if not problem) < PARALLEL_MIN_FILES:
        for path, problem in found:
            yield path, _parse_one(path, problem)
        return
    yield from _pooled(found, workers)


def _worker_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _pooled(found: list[_Found], workers: int) -> Iterator[tuple[str, ImportedDocument | Failure]]:
    """``_parse_one`` over ``found`` in worker processes, yielded in the given order.

    At most two chunks per worker are in flight, so finished documents never
    pile up faster than they are taken. Where processes cannot be started, or a
    worker dies, the files not yet yielded are parsed here instead.
    """
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    size = max(1, min(_MAX_CHUNK, len(found) // (workers * 4)))
    chunks = [found[i:i + size] for i in range(0, len(found), size)]
    taken = 0  # chunks yielded so far
    context = _process_context()
    # A forked worker's parent is this process; a forkserver's is the server.
    parent = os.getpid() if context.get_start_method() == "fork" else None
    try:
        pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(parent,))
    except (OSError, ValueError, NotImplementedError, ImportError):  # no processes here (a sandbox)
        pool = None
    try:
        if pool is not None:
            pending: deque[Future] = deque()
            while taken < len(chunks):
                while taken + len(pending) < len(chunks) and len(pending) < 2 * workers:
                    pending.append(pool.submit(_parse_chunk, chunks[taken + len(pending)]))
                outcomes = pending.popleft().result()
                for (path, _), outcome in zip(chunks[taken], outcomes):
                    yield path, outcome
                taken += 1
    except Exception:  # noqa: BLE001 - a pool that fails in any way (a worker killed): parse the rest here
        pass
    except BaseException:
        # Interrupted (ctrl+c): the workers' files are not waited for.
        if pool is not None:
            _kill_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    for chunk in chunks[taken:]:
        for path, problem in chunk:
            yield path, _parse_one(path, problem)


def _start_worker(parent: int | None) -> None:
    import signal

    # Ctrl-C reaches every process of the terminal's group: the importing
    # process alone handles it (it stops the pool), the workers print nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker ends when its parent does, however that ends (a SIGKILL leaves
    # no one to shut the pool down): the kernel kills it then.
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the parent died before the request above took effect


def _kill_workers(pool: Any) -> None:
    # The executor has no public way to end its running workers.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError):
            process.kill()


def _process_context():  # type: ignore[no-untyped-def]
    import multiprocessing
    import sys
    import threading

    # Forking is the cheapest start, but only safe while this process has one
    # thread (the explorer imports from a thread worker): else start clean ones.
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def apply_documents(data: StoreData, docs: list[Prepared], report: ImportReport, key: Keyed = source_key) -> None:
    """Change ``data`` in place to hold ``docs``; fill ``report``.

    Runs under the store's lock: every row was made beforehand (``prepare_documents``).
    """
    by_id = {d["id"]: d for d in data.documents}
    by_source = {key(d["source"]): d for d in data.documents}
    replaced: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (old row, new row)
    new_docs, new_facts = [], []
    for doc in docs:
        report.warnings += [Failure(doc.source, warning) for warning in doc.warnings]
        source = key(doc.source)
        old = by_source.get(source)
        same = by_id.get(doc.id)
        if same is not None:
            if old is not None and old["id"] != same["id"]:
                # Edited to the very text of another document: the old version
                # goes, and its notes move onto the document that text is.
                replaced.append((old, same))
                report.replaced.append(doc.source)
                by_source[source] = same
            else:
                report.unchanged.append(doc.source)
            continue
        row, rows = doc.row, doc.facts
        if old is not None:
            replaced.append((old, row))
            report.replaced.append(doc.source)
        else:
            report.added.append(doc.source)
        by_id[doc.id] = row
        by_source[source] = row
        new_docs.append(row)
        new_facts.extend(rows)
        report.facts += len(rows)
    if not new_docs and not replaced:
        data.changed = False
        return
    old_facts: dict[str, list[dict[str, Any]]] = {old["id"]: [] for old, _ in replaced}
    if replaced:
        for fact in data.facts:
            if fact["doc_id"] in old_facts:
                old_facts[fact["doc_id"]].append(fact)
        data.documents[:] = [d for d in data.documents if d["id"] not in old_facts]
        data.facts[:] = [f for f in data.facts if f["doc_id"] not in old_facts]
    data.documents.extend(new_docs)
    data.facts.extend(new_facts)
    # Links between documents (quotes traced to their source, repeated passages)
    # are recomputed for the councils touched; links to a replaced version go with it.
    touched = ({row.get("authority") for row in new_docs if row["kind"] != DATASET_KIND}
               | {old.get("authority") for old, _ in replaced if old.get("kind") != DATASET_KIND})
    data.facts[:] = trace_sources(data.documents, data.facts, touched)
    if replaced:
        # After tracing, so a note on a traced passage follows the new version too.
        new_facts_of: dict[str, list[dict[str, Any]]] = {row["id"]: [] for _, row in replaced}
        for fact in data.facts:
            if fact["doc_id"] in new_facts_of:
                new_facts_of[fact["doc_id"]].append(fact)
        for old, row in replaced:
            relink(data.annotations, old, old_facts[old["id"]], row, new_facts_of[row["id"]])
    data.events[:] = rebuild_events(data)


def import_paths(store: Store, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
    """Import the files under ``paths``; a file unchanged since it was imported is not parsed again."""
    found = list(iter_files(paths))
    key = _resolved_once()
    catalogue = {key(row["source"]): row for row in store.read_catalogue(held_only=True) if isinstance(row.get("source"), str)}
    unchanged = [path for path, problem in found
                 if not problem and (row := catalogue.get(key(path))) is not None and _unchanged(row, path)]
    skipped = set(unchanged)
    found = [(path, problem) for path, problem in found if path not in skipped]
    stamps = {key(path): file_stamp(path) for path, problem in found if not problem}
    with _collector_paused_here():
        docs, failures = parse_found(found, progress)
        report = ImportReport(failed=failures)
        for path in unchanged:
            row = catalogue[key(path)]
            report.unchanged.append(row["source"])
            report.warnings += [Failure(row["source"], warning) for warning in row.get("warnings") or ()]
        if not docs:
            store.sweep()
            return report
        prepared = prepare_documents(docs, _now(), stamps, key)
        del docs
        with store.transaction() as data:
            # The texts' index is written meanwhile, on the core tracing leaves idle.
            with store.bulk.texts_ahead([text_row(doc.row) for doc in prepared]):
                apply_documents(data, prepared, report, key)
            _report_missing(data, report, key)
    return report


def _collector_paused_here() -> contextlib.AbstractContextManager[None]:
    """The cyclic collector paused while this import is all the process does (the command line).

    The documents parsed, and the rows, links and events made of them, are
    millions of acyclic objects: a collection set off by each batch walked them
    all again (at 10,000 documents, 2.6 s of taking the workers' documents and
    a fifth of the store's step). An import in a worker thread of the explorer
    leaves it running: the interface keeps making cyclic garbage meanwhile.
    """
    if threading.current_thread() is threading.main_thread():
        return collector_paused()
    return contextlib.nullcontext()


def _report_missing(data: StoreData, report: ImportReport, key: Keyed = source_key) -> None:
    """Say which documents were left out because their bulk rows were lost, unless imported again now."""
    imported = {key(d["source"]) for d in data.documents}
    report.failed += [Failure(source, "its text and facts were missing from the store's bulk file, so it was "
                                      "left out; import it again") for source in data.missing
                      if key(source) not in imported]
    if data.missing:
        data.changed = True


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


REBUILD_BACKUP = "rebuild"


def rebuild_store(store: Store, paths: Iterable[str], progress: Progress | None = None) -> ImportReport:
    """Replace every document with those under ``paths``; annotations follow by source.

    A rebuild never empties the store: where no document could be read at all
    it is refused (StoreError, the store untouched), and a document whose file
    failed this time is kept with its facts and notes (listed in ``kept``).
    The store as it was is kept as ``<db>.bak-rebuild`` first.
    """
    paths = list(paths)
    found = list(iter_files(paths))
    key = _resolved_once()
    stamps = {key(path): file_stamp(path) for path, problem in found if not problem}
    with _collector_paused_here():
        docs, failures = parse_found(found, progress)
    report = ImportReport(failed=failures)
    if not docs:
        problems = "; ".join(f"{f.path}: {f.reason}" for f in failures[:3]) or "no importable files found"
        raise StoreError(store.path, f"nothing to rebuild from ({', '.join(paths)}): {problems}. "
                                     "The store was left as it was; give the folder of the sources")
    failed_roots = [key(f.path) for f in failures]
    with _collector_paused_here():
        prepared = prepare_documents(docs, _now(), stamps, key)
        del docs
        return _rebuild(store, prepared, report, failed_roots, key)


def _rebuild(store: Store, prepared: list[Prepared], report: ImportReport, failed_roots: list[str], key: Keyed) -> ImportReport:
    with store.transaction(backup=REBUILD_BACKUP) as data:
        kept = [d for d in data.documents if _under_any(key(d["source"]), failed_roots)]
        kept_ids = {d["id"] for d in kept}
        fresh = StoreData(documents=list(kept), facts=[f for f in data.facts if f["doc_id"] in kept_ids],
                          annotations=data.annotations)
        report.kept = [d["source"] for d in kept]
        with store.bulk.texts_ahead([text_row(doc.row) for doc in prepared]):  # as import_paths
            apply_documents(fresh, prepared, report, key)
        new_by_source = {key(d["source"]): d for d in fresh.documents}
        for old in data.documents:
            new = new_by_source.get(key(old["source"]))
            if new is not None and new["id"] != old["id"]:
                relink(data.annotations, old, [f for f in data.facts if f["doc_id"] == old["id"]],
                       new, [f for f in fresh.facts if f["doc_id"] == new["id"]])
        data.documents[:] = fresh.documents
        data.facts[:] = fresh.facts
        data.events[:] = rebuild_events(data)
        data.changed = True
        _report_missing(data, report, key)
    return report
