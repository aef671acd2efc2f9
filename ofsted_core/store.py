"""The store: ``db.json`` (TinyDB's layout; the only module that reads or writes it) and its bulk file.

``db.json`` holds what is small and edited: the documents' catalogue (every
field of a document but its text, furniture and page starts, with the key of
its facts), the events, the annotations and the metadata. The bulky rows that
never change for a given version of a document, and the full-text index,
are in ``db.sqlite`` beside it (``ofsted_core.bulk``). A write puts the bulk
rows first, in one SQLite transaction, then replaces ``db.json``: a crash at
any moment leaves the pair as before or as after (bulk rows nothing names are
collected by the next write). A catalogue naming rows the bulk file lacks is
reported with what to re-import, never shown with documents missing.

Promises (each has a test):
- a write never leaves a broken file: the new store is written to a temporary
  file in the same folder, flushed and fsynced, then ``os.replace``-d over the old;
- two writers never interleave: every write holds ``<db>.lock`` while it reads
  the current file, applies its change and writes it back;
- one write per import run (the whole file is rewritten, in TinyDB's layout,
  with one orjson serialisation);
- a note's save compares ``db.json``'s bytes with what this store last wrote
  before reusing those rows, so another writer's change is never lost;
- a store that cannot be read is reported with its path and the reason and is
  never overwritten;
- a write that fails (full disk, read-only folder) leaves the old store intact
  and says why;
- a store of an older schema is migrated when opened, after its exact bytes
  are kept as ``<db>.bak-schema<N>`` (schema 1 held everything in ``db.json``).

Readers get plain dicts (``StoreData``), never TinyDB objects or queries.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import operator
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from importers.reading import not_regular
from ofsted_core.bulk import Bulk, BulkError, bulk_path, fact_key_of
from ofsted_core.files import TMP_SUFFIX, write_atomically
from ofsted_core.lookup_cache import Lookup, build_lookup, digest_of, lookup_path, read_lookup, save_lookup
from ofsted_core.store_rows import row_problem

# filelock is imported by the code that writes: the explorer reads the store
# without it, and its first frame should not wait for it. db.json is written in
# TinyDB's layout without a TinyDB object (see Store._write_catalogue).

__all__ = ["SCHEMA_VERSION", "StoreData", "Store", "StoreError", "TABLES", "collector_paused", "text_row"]

# Schema 0: the tables of schema 1, written before the "meta" table existed.
# Schema 1: every table in db.json. Schema 2: the bulk rows in db.sqlite.
SCHEMA_VERSION = 2
TABLES = ("documents", "facts", "events", "annotations")
_META = "meta"
LOCK_TIMEOUT_S = 60.0
# What to do about a store that cannot be read, said in every such message.
_DAMAGED = "it was left untouched. Restore it from a backup or move it aside to start a new store"
_NOT_OURS = "it was left untouched. Check the path given with --db or $OFSTED_TUI_DB"
# A document's fields kept in the bulk file, not the catalogue.
BULK_FIELDS = ("text", "furniture", "page_starts")
FACTS_KEY = "facts_key"
# A store with more documents than this shows its timeline before reading the rest.
TIMELINE_FIRST_MIN_DOCUMENTS = 300


def _warn(message: str, *args: Any) -> None:
    # logging is loaded only for a warning: a lookup never gives one, and its import is one to spare.
    import logging

    logging.getLogger(__name__).warning(message, *args)


class StoreError(Exception):
    """The store cannot be used; the message names the file and what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _check_regular(path: Path) -> None:
    """StoreError unless ``path`` is a regular file or missing.

    Opening a FIFO would wait for a writer forever, and replacing a device
    with a file breaks it: neither is ever opened as a store.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: reading it says which
    kind = not_regular(mode)
    if kind == "a folder":
        raise StoreError(path, "is a folder, not a store file; pass --db with a file path")
    if kind:
        raise StoreError(path, f"is {kind}, not a store file; it was left untouched. Pass --db with a file path")


def _refuse_read_only(path: Path, target: Path) -> None:
    """StoreError where the store file is read-only: its mode is the owner's "do not change".

    Replacing a file needs only the folder's permission, so without this
    check a read-only store would be overwritten without a word.
    """
    if _read_only(target):
        raise StoreError(path, "is read-only; it was left as it was. Make it writable (chmod u+w) to change it, "
                               "or use --db with another file")


def _read_only(target: Path) -> bool:
    """Whether the file's mode says "do not change" (to its owner, root included), or it cannot be written."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(target, os.W_OK)


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, ``None`` for a missing file; StoreError otherwise."""
    _check_regular(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except PermissionError:
        raise StoreError(path, "cannot read the store (permission denied); check the file's permissions") from None
    except IsADirectoryError:
        raise StoreError(path, "is a folder, not a store file; pass --db with a file path") from None
    except OSError as exc:
        raise StoreError(path, f"cannot read the store ({exc.strerror or exc}); check the disk and the file's permissions") from None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile (for building large acyclic data).

    Parsing a large store makes millions of dicts and lists; each batch of new
    ones set off a collection that walked all the earlier ones again, which was
    about 40% of the parse. JSON cannot hold a cycle, so nothing is missed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(path: Path, raw: bytes | None) -> dict[str, Any] | None:
    """The store's JSON, ``None`` for a missing or empty file; StoreError otherwise."""
    if raw is None or not raw.strip():
        return None
    try:
        with collector_paused():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            path,
            f"is not a readable store (broken JSON: {exc}); {_DAMAGED}",
        ) from None
    if not isinstance(data, dict):
        raise StoreError(path, f"is not an ofsted-tui store (the JSON is not an object); {_NOT_OURS}")
    return data


def _schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(_META) or {}
    rows = list(meta.values()) if isinstance(meta, dict) else []
    if not rows:
        # Every table but TinyDB's default must be one of ours, or this is not our file.
        unknown = set(data) - set(TABLES) - {"_default"}
        if unknown:
            raise StoreError(path, f"is not an ofsted-tui store (unknown tables: {', '.join(sorted(unknown))}); {_NOT_OURS}")
        # Rows without a meta table: written before schema 1. Nothing at all: a new store.
        return 0 if any(data.get(name) for name in TABLES) else SCHEMA_VERSION
    version = rows[0].get("schema") if isinstance(rows[0], dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreError(path, f"has no readable schema version (meta table damaged); {_DAMAGED}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"was written by a newer ofsted-tui (schema {version}, this one reads up to {SCHEMA_VERSION}); "
            "upgrade ofsted-tui to open it. The file was left untouched",
        )
    return version


def _same_rows(data: dict[str, Any]) -> dict[str, Any]:
    # Schema 1 only added the meta table; schema 2 moves rows to the bulk file,
    # which the write that follows the migration does: the rows are unchanged.
    return data


# _MIGRATIONS[n] turns a schema-n store into a schema n+1 one (all tables in one dict).
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _same_rows, 1: _same_rows}


def _upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    for step in range(version, SCHEMA_VERSION):
        data = _MIGRATIONS[step](data)
    return data


# What a person can do about a failed write, by errno.
_WRITE_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and try again",
    errno.EDQUOT: "the disk quota is used up: free some space and try again",
    errno.EROFS: "the folder is on a read-only file system: use --db with a writable path",
    errno.EACCES: "the folder is not writable: check its permissions or use --db with a writable path",
    errno.EPERM: "the folder is not writable: check its permissions or use --db with a writable path",
    errno.EFBIG: "the file is larger than this system allows",
}


def _os_detail(exc: OSError) -> str:
    hint = _WRITE_HINTS.get(exc.errno or 0)
    return f"{exc.strerror or exc}; {hint}" if hint else f"{exc.strerror or exc}"


def _write_error(path: Path, exc: OSError) -> StoreError:
    return StoreError(path, f"cannot write the store ({_os_detail(exc)}); the old store was left intact")


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files left by a writer that was killed mid-write.

    Only a lock holder creates them, so under the lock any that exist are stale.
    """
    prefix = f".{path.name}."  # matched literally: a store named "[ab].json" is no pattern
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TMP_SUFFIX):
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()


def _atomic_write_bytes(path: Path, payload: bytes, mode_of: Path | None = None) -> None:
    """``write_atomically``, its failure said as the store's."""
    try:
        write_atomically(path, payload, mode_of)
    except OSError as exc:
        raise _write_error(path, exc) from None


@dataclass(repr=False)
class StoreData:
    """A snapshot of the store as plain dicts; what the rest of the app reads."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    # A transaction writes only when its body left this True (re-import no-ops).
    changed: bool = True
    # False for the timeline's tables alone (Store.read_timeline).
    complete: bool = True
    # Top-level tables this version does not know (a newer tool's, another
    # program's): kept as they are, written back unchanged.
    extra: dict[str, Any] = field(default_factory=dict)
    # The bulk file the documents were read from (its full-text index serves search).
    bulk: Path | None = None
    # Sources of documents the catalogue names but whose bulk rows were missing:
    # left out of this snapshot (a transaction's, to be re-imported).
    missing: list[str] = field(default_factory=list)

    # Short: a snapshot is handed to thread workers, which Textual describes by
    # the repr of their arguments (the full one was hundreds of megabytes).
    def __repr__(self) -> str:
        sizes = ", ".join(f"{len(getattr(self, name))} {name}" for name in TABLES)
        return f"<StoreData: {sizes}>"


class Store:
    """The store file at ``path`` and its bulk file (both created on first write)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        # The file written: a symlinked store is written through to its
        # target (the link stays a link); its lock, bulk file, backups and
        # temporary files sit beside the target, so every name of one store shares them.
        self.target = Path(os.path.realpath(self.path))
        self.lock_path = self.target.with_name(self.target.name + ".lock")
        self.bulk = Bulk(bulk_path(self.target))
        # What lookups read of db.json, derived from its bytes (see ofsted_core.lookup_cache).
        self.lookup_path = lookup_path(self.target)
        # db.json as this object last wrote it (see catalogue_transaction).
        self._written: _Written | None = None

    # -- reading -----------------------------------------------------------
    def read(self, only: set[str] | None = None) -> StoreData:
        """Everything in the store; an empty snapshot where the file does not exist yet.

        With ``only``, the documents (and facts) are those ids alone, read by
        lookup, with every event and annotation: what a command showing a few
        documents needs (a store of an older schema is read whole).

        A store of an older schema is migrated on disk first (see ``_migrate``);
        where it cannot be written, it is read as migrated and left as it is.
        A catalogue naming bulk rows that are not there raises StoreError
        saying what to re-import. Should another process replace the store
        between the reading of its two files, it is read again.
        """
        for attempt in range(3):
            stamp = self.mtime_ns()
            data = _parse(self.path, _read_bytes(self.path))
            if data is None:
                return StoreData()
            version = _schema_of(self.path, data)
            if version < SCHEMA_VERSION:
                return self._read_old(data, version)
            try:
                return self._assembled(data, only=only)
            except StoreError:
                if attempt == 2 or self.mtime_ns() == stamp:
                    raise
        raise AssertionError("unreachable")

    def _read_old(self, data: dict[str, Any], version: int) -> StoreData:
        snapshot = _snapshot(self.path, _upgrade(data, version))
        try:
            with self._locked():
                # Another process may have migrated it while we waited for the lock.
                raw = _read_bytes(self.path)
                data = _parse(self.path, raw)
                if data is not None and _schema_of(self.path, data) < SCHEMA_VERSION:
                    snapshot = self._migrate(raw, data)
        except StoreError as exc:
            _warn("%s: read as schema %d, but not migrated on disk: %s", self.path, SCHEMA_VERSION, exc.reason)
        return snapshot

    def read_catalogue(self, held_only: bool = False) -> list[dict[str, Any]]:
        """The documents' catalogue rows (no text), from ``db.json`` and the bulk file's keys, never a text.

        A catalogue naming rows the bulk file lacks raises StoreError as
        ``read`` does; with ``held_only`` (what a re-import may skip) those rows
        are left out instead. A store of an older schema is read (and migrated) whole.
        """
        data = _parse(self.path, _read_bytes(self.path))
        if data is None:
            return []
        if _schema_of(self.path, data) < SCHEMA_VERSION:
            return self.read().documents
        return self._held_catalogue(data, held_only)

    def _held_catalogue(self, data: dict[str, Any], held_only: bool = False) -> list[dict[str, Any]]:
        # Apart from read_catalogue, so a reader that has parsed db.json already checks it without parsing it again.
        rows = _catalogue_rows(_table(self.path, data, "documents").values())
        if not rows:
            return []
        try:
            ids, keys = self.bulk.ids()
        except BulkError as exc:
            if held_only:
                return []
            raise StoreError(exc.path, f"{exc.reason}; {self._lost_rows_hint()}") from None
        held = [row for row in rows if row.get("id") in ids and row.get(FACTS_KEY) in keys]
        if len(held) < len(rows) and not held_only:
            raise self._missing_error([str(row.get("source")) for row in rows if row not in held])
        return held

    def lookup(self) -> Lookup:
        """The catalogue (rows without text), events and annotations, as a lookup reads them.

        From ``<db>.lookup`` where it was made from db.json's present bytes
        (see ``ofsted_core.lookup_cache``), its rows checked then; else db.json
        is parsed and checked as every read does, and the file made for the
        next lookup. Either way the catalogue's bulk rows are checked against
        the bulk file, so a store whose files disagree is reported here as
        everywhere. A store of an older schema is read (and migrated) whole.
        """
        return self._lookup()[0]

    def _lookup(self) -> tuple[Lookup, StoreData | None]:
        """``lookup``, and the whole snapshot where the store was of an older schema (read whole to migrate it)."""
        raw = _read_bytes(self.path)
        if raw is not None and raw.strip():
            cached = read_lookup(self.lookup_path, raw)
            if cached is not None and self._holds(cached):
                return cached, None
        data = _parse(self.path, raw)
        if data is None:
            return build_lookup(b"", [], ([], []), [], [])[0], StoreData()
        if _schema_of(self.path, data) < SCHEMA_VERSION:
            whole = self.read()  # migrated on disk where it can be: its bytes are no longer these
            return build_lookup(b"", whole.documents, _held_by(whole.documents), whole.events,
                                whole.annotations)[0], whole
        catalogue = self._held_catalogue(data)
        snapshot = self._timeline_only(data)
        lookup, payload = build_lookup(raw or b"", catalogue, _held_by(catalogue), snapshot.events,
                                       snapshot.annotations)
        # A read-only store is its owner's "do not change": nothing is written beside it either.
        if not _read_only(self.target):
            save_lookup(self.lookup_path, payload, self.target)
        return lookup, None

    def sweep(self) -> None:
        """Delete the temporary files a killed writer left (a lookup file's among them), where no writer
        holds the lock now (one that does sweeps as it takes it). For a run that writes nothing: an
        import that finds every file unchanged still leaves the folder clean."""
        from filelock import FileLock, Timeout

        if not self.target.exists() or _read_only(self.target):
            return
        lock = FileLock(str(self.lock_path), timeout=0)
        try:
            lock.acquire()
        except (Timeout, OSError):
            return
        try:
            _remove_stale_temps(self.target)
        finally:
            lock.release()

    def write_lookup(self) -> bool:
        """Write the lookup file of ``db.json`` as this object last wrote it, from the rows it wrote.

        Otherwise the next lookup parses and checks the whole file to make it (0.2 s more at 10,000
        documents). The rows are those that reader would get, made into the file by the same code:
        the catalogue's objects, the events and annotations checked as a read checks them (should one
        fail, nothing is written, and the reader parsing the file reports it). The file records the
        SHA-256 of the bytes written, so should ``db.json`` change meanwhile it is never used (see
        ``ofsted_core.lookup_cache``); nor is it written where this object has written again since
        (that write's is due), where it wrote nothing, or beside a read-only store. Best effort, and
        outside the lock: a transaction never waits for it (a note's save runs it after its frame).
        Whether it was written.
        """
        written = self._written
        if written is None or written.payload is None or _read_only(self.target):
            return False
        if row_problem("events", written.events, {}) or row_problem("annotations", written.annotations, {}):
            return False
        catalogue = _catalogue_rows(written.documents)
        payload = build_lookup(written.payload, catalogue, _held_by(catalogue), written.events,
                               written.annotations)[1]
        if self._written is not written:
            return False
        save_lookup(self.lookup_path, payload, self.target)
        return True

    def _holds(self, lookup: Lookup) -> bool:
        """Whether the bulk file holds the rows ``lookup``'s catalogue names (else the caller parses db.json, which
        says what is missing)."""
        if not lookup.documents:
            return True
        try:
            return self.bulk.holds(lookup.held_json())
        except BulkError:
            return False

    def read_events(self) -> StoreData:
        """The events and annotations alone (no text read): what the timeline command shows."""
        lookup = self.lookup()
        return StoreData(events=lookup.events(), annotations=lookup.annotations(), complete=False)

    def read_index(self, events: bool = True) -> StoreData:
        """The catalogue (rows without text, as ``read_catalogue`` gives), events and annotations, from ``lookup``.

        What a lookup of a few documents starts from: it then reads those
        documents whole with ``read_documents``, without parsing db.json again.
        Without ``events``, none are read (a document's page and search hits show none).
        A store of an older schema is read (and migrated) whole.
        """
        lookup, whole = self._lookup()
        return whole if whole is not None else self._index(lookup, events)

    def _index(self, lookup: Lookup, events: bool = True) -> StoreData:
        return StoreData(documents=lookup.catalogue(), events=lookup.events() if events else [],
                         annotations=lookup.annotations(), complete=False, bulk=self.bulk.path)

    def read_first(self) -> tuple[StoreData, bool]:
        """What the explorer draws first, checked as ``read_index`` checks it, and whether it is the timeline alone.

        Of a large store (``TIMELINE_FIRST_MIN_DOCUMENTS`` documents or more)
        whose lookup file was there already, the events and annotations alone:
        the first frame draws nothing else, and the catalogue (half the
        parsing) is read by ``read_index`` once that frame is out. The events
        then come without what only their sources show (``Lookup.rows``: half
        their parsing), as the first frame draws them; ``read_index`` reads
        them whole. Otherwise
        what ``read_index`` gives (a lookup file just made has the catalogue
        parsed already).
        """
        lookup, whole = self._lookup()
        if whole is not None:
            return whole, False
        if "catalogue" not in lookup.parsed and lookup.documents >= TIMELINE_FIRST_MIN_DOCUMENTS:
            return StoreData(events=lookup.rows(), annotations=lookup.annotations(), complete=False,
                             bulk=self.bulk.path), True
        return self._index(lookup), False

    def check(self) -> None:
        """StoreError where the catalogue cannot be used (before a long import parses anything).

        Missing bulk rows are no reason to refuse: importing their files again repairs them.
        """
        data = _parse(self.path, _read_bytes(self.path))
        if data is not None:
            _schema_of(self.path, data)

    def read_timeline(self) -> StoreData | None:
        """The events and annotations of a large store, without its documents and facts.

        They fill the explorer's timeline while the rest is read. ``None`` (a
        small store, or one of an older schema, which is migrated by ``read``)
        means read it all; a store of a newer schema raises StoreError as ``read`` does.
        """
        data = _parse(self.path, _read_bytes(self.path))
        if data is None or _schema_of(self.path, data) != SCHEMA_VERSION:
            return None
        if len(_table(self.path, data, "documents")) < TIMELINE_FIRST_MIN_DOCUMENTS:
            return None
        return self._timeline_only(data)

    def _timeline_only(self, data: dict[str, Any]) -> StoreData:
        snapshot = _snapshot(self.path, {name: data[name] for name in ("events", "annotations") if name in data})
        snapshot.complete = False
        return snapshot

    def _assembled(self, data: dict[str, Any], repair: bool = False, only: set[str] | None = None) -> StoreData:
        """The snapshot of a current store: its catalogue with each document's bulk rows put back.

        With ``repair`` (a transaction that re-imports), documents whose rows
        are missing, or all of them where the bulk file cannot be read, are
        left out and listed in ``missing`` rather than refused.
        """
        catalogue = _table(self.path, data, "documents")
        if only is not None:
            catalogue = {key: row for key, row in catalogue.items() if not isinstance(row, dict) or row.get("id") in only}
        if not catalogue:
            return _snapshot(self.path, {**data, "documents": {}}, bulk=self.bulk.path)
        ids = {row.get("id") for row in catalogue.values() if isinstance(row, dict)}
        keys = {row.get(FACTS_KEY) for row in catalogue.values() if isinstance(row, dict)}
        try:
            texts, blobs = self.bulk.read(ids, keys) if only is None else self.bulk.read_some(ids, keys)
        except BulkError as exc:
            if not repair or exc.newer:
                raise StoreError(exc.path, f"{exc.reason}; {self._lost_rows_hint()}") from None
            # A write transaction, under the lock: an unreadable file is kept aside and a new one written.
            try:
                aside = self.bulk.set_aside()
            except OSError as err:
                raise StoreError(exc.path, f"{exc.reason}, and could not be set aside ({_os_detail(err)})") from None
            _warn("%s: %s; kept as %s; its documents are left out until imported again", exc.path, exc.reason,
                        aside)
            texts, blobs = {}, {}
        documents: dict[str, Any] = {}
        facts: dict[str, Any] = {}
        missing: list[str] = []
        for key, row in catalogue.items():
            if not isinstance(row, dict):
                documents[key] = row  # refused by _snapshot, with its row id
                continue
            body, blob = texts.get(row.get("id")), blobs.get(row.get(FACTS_KEY))
            if body is None or blob is None:
                missing.append(str(row.get("source")))
                continue
            documents[key] = _whole(row, body)
            for fact in orjson.loads(blob):
                facts[str(len(facts) + 1)] = fact
        if missing and not repair:
            raise self._missing_error(missing)
        snapshot = _snapshot(self.path, {**data, "documents": documents, "facts": facts}, bulk=self.bulk.path)
        snapshot.missing = missing
        return snapshot

    def _missing_error(self, sources: list[str]) -> StoreError:
        shown = ", ".join(sources[:3]) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")
        return StoreError(self.bulk.path, f"lacks the text or facts of {len(sources)} document(s) that {self.path} "
                                          f"lists ({shown}); re-import them with `ofsted-tui import FILE --db "
                                          f"{self.path}`, or {self._lost_rows_hint()}")

    def _lost_rows_hint(self) -> str:
        return (f"rebuild the store from its source files with `ofsted-tui rebuild FOLDER --db {self.path}` "
                f"(your notes are kept), or restore {self.bulk.path.name} from a backup")

    def size(self) -> int:
        """The store's size in bytes, both files (0 when they cannot be seen)."""
        total = 0
        for path in (self.path, self.bulk.path):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def mtime_ns(self) -> int | None:
        """The catalogue's modification stamp, for noticing another writer's change.

        Every write replaces ``db.json`` last, so its stamp changes with every write.
        """
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return None

    # -- writing -----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, backup: str | None = None) -> Iterator[StoreData]:
        """Lock, read the current store, let the caller change it, write it once.

        The caller mutates the lists of the yielded ``StoreData``; when the block
        ends without an exception the whole store is written (bulk rows, then
        ``db.json`` atomically). With ``backup``, ``db.json``'s bytes are first
        kept as ``<db>.bak-<backup>`` (replacing the previous one of that name),
        and the bulk rows it names are kept while that backup is there; the
        lookup file is written after (``write_lookup``). Documents whose bulk
        rows are missing are left out of the snapshot and listed in its
        ``missing``, so that re-importing them repairs the store.
        """
        with self._locked():
            raw = _read_bytes(self.path)
            _refuse_read_only(self.path, self.target)
            data = _parse(self.path, raw)
            if backup and raw and raw.strip():
                _atomic_write_bytes(self.backup_path(backup), raw, mode_of=self.path)
            if data is None:
                snapshot = StoreData(bulk=self.bulk.path)
            elif _schema_of(self.path, data) < SCHEMA_VERSION:
                snapshot = self._migrate(raw, data)
            else:
                snapshot = self._assembled(data, repair=True)
            yield snapshot
            if snapshot.changed:
                self._write(snapshot)
        if snapshot.changed:
            self.write_lookup()  # an import's whole run is seconds; the lookup after it is then fast

    @contextlib.contextmanager
    def catalogue_transaction(self) -> Iterator[StoreData]:
        """As ``transaction``, for changes that touch no bulk row: annotations, and the events they move.

        The yielded snapshot's documents are catalogue rows (no text, each
        with its ``facts_key``) and it has no facts; only ``db.json`` is
        written, and the bulk file is not read. A store of an older schema is
        first migrated by a full ``transaction``.

        Where ``db.json`` still holds, byte for byte, what this object last
        wrote, the rows it wrote are used rather than parsed again: parsing
        the 10 MiB file of 10,000 documents was most of a note's save. The
        bytes are read and compared under the lock every time, so another
        writer's change is always seen. The rows are shared with the snapshot
        handed back, which (like every snapshot) its readers do not change.
        The lookup file is left to the caller (``write_lookup``): a note's save
        shows its change first.
        """
        with self._locked():
            raw = _read_bytes(self.path)
            _refuse_read_only(self.path, self.target)
            # Taken, not peeked: should the body or the write fail, the next transaction parses the file.
            written, self._written = self._written, None
            if written is not None and written.holds(raw):
                snapshot = written.snapshot(self.bulk.path)
            else:
                snapshot, written = self._catalogue_snapshot(raw), None
            yield snapshot
            if snapshot.changed:
                self._write_catalogue(snapshot, snapshot.documents, written)

    def expect(self, shown: StoreData) -> bool:
        """Get ready to write from ``shown`` (a catalogue snapshot as read), so the next write need not parse db.json.

        The rows are serialised as a write would lay them out; only where
        that gives ``db.json``'s very bytes (then parsing the file gives these
        rows) does the next ``catalogue_transaction`` start from them, and it
        checks the file again (its SHA-256) under the lock, as after a write of its own.
        A file laid out otherwise (tables this version does not know, another
        writer's, a hand edit) is parsed then as before. The first note of a
        session parsed and checked the whole file: 0.1-0.2 s of CPU at 10,000
        documents, here moved to when the explorer is idle. Whether the rows
        were the file's.
        """
        if shown.facts or any("text" in doc for doc in shown.documents):
            return False  # whole rows: not what a catalogue transaction starts from
        # Compared by SHA-256, and kept so (hashing the file at the write costs milliseconds), each side read
        # or made a part at a time: neither is held whole, nor kept (10 MiB each at 10,000 documents, which
        # stayed in the process's memory once freed). Nor is the catalogue's serialisation kept apart: the write
        # makes it again.
        on_disk = _file_digest(self.path)
        if on_disk is None:
            return False  # missing or unreadable: the write will say what is wrong with the file
        before = self._written
        if before is not None and (before.digest or digest_of(before.payload or b"")) == on_disk:
            return True  # this store wrote it
        digest = _layout_digest(shown.documents, shown.events, shown.annotations)
        if digest != on_disk:
            return False
        # Should a write have replaced ``before`` meanwhile, this may replace its record: the next write then
        # finds the bytes differ and parses the file, as ever.
        self._written = _Written(None, list(shown.documents), list(shown.events), list(shown.annotations), {},
                                 digest=digest)
        return True

    def _catalogue_snapshot(self, raw: bytes | None) -> StoreData:
        """The snapshot ``catalogue_transaction`` yields, parsed from ``raw`` (the caller holds the lock)."""
        data = _parse(self.path, raw)
        if data is not None and _schema_of(self.path, data) < SCHEMA_VERSION:
            self._migrate(raw, data)
            data = _parse(self.path, _read_bytes(self.path))
        snapshot = StoreData(bulk=self.bulk.path, complete=False)
        if data is not None:
            snapshot = _snapshot(self.path, {name: data[name] for name in ("events", "annotations") if name in data},
                                 bulk=self.bulk.path)
            snapshot.documents = [row for _, row in sorted(_table(self.path, data, "documents").items(),
                                                           key=lambda item: int(item[0]))]
            snapshot.extra = {name: table for name, table in data.items() if name not in TABLES and name != _META}
            snapshot.complete = False
        return snapshot

    def read_documents(self, catalogue: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The whole documents and the facts of some catalogue rows, read by lookup (a few, not all).

        StoreError where a row's bulk rows are missing, as ``read`` says it.
        """
        rows = list(catalogue)
        try:
            texts, blobs = self.bulk.read_some((row["id"] for row in rows), (row.get(FACTS_KEY) for row in rows))
        except BulkError as exc:
            raise StoreError(exc.path, f"{exc.reason}; {self._lost_rows_hint()}") from None
        documents, facts = [], []
        for row in rows:
            body, blob = texts.get(row["id"]), blobs.get(row.get(FACTS_KEY))
            if body is None or blob is None:
                raise StoreError(self.bulk.path, f"lacks the text or facts of {row.get('source')}; re-import it, "
                                                 f"or {self._lost_rows_hint()}")
            documents.append(_whole(row, body))
            facts.extend(orjson.loads(blob))
        # Checked as a whole read checks them: a damaged row is reported, never shown or written.
        lengths: dict[str, int] = {}
        for name, rows_read in (("documents", documents), ("facts", facts)):
            found = row_problem(name, rows_read, lengths)
            if found is not None:
                position, problem = found
                sources = ", ".join(str(row.get("source")) for row in rows)
                raise StoreError(self.bulk.path, f"a row of table {name!r} read for {sources} is damaged ({problem}); "
                                                 f"re-import it, or {self._lost_rows_hint()}")
            lengths = {doc["id"]: len(doc["text"]) for doc in documents}
        return documents, facts

    def owns(self, other: Path | str) -> bool:
        """Whether ``other`` is the store or one of its files (bulk file, lock, backups, temporary files).

        Compared with links resolved, and by inode where the file exists, so
        no spelling of the store's path passes for another file.
        """
        with contextlib.suppress(OSError):
            if os.path.samefile(other, self.path):
                return True
        mine = self.target
        theirs = Path(os.path.realpath(other))
        if theirs.parent != mine.parent:
            return False
        name, bulk = theirs.name, self.bulk.path.name
        return (name in (mine.name, bulk) or name.startswith((f"{mine.name}.", f".{mine.name}.", f"{bulk}-")))

    def backup_path(self, label: str) -> Path:
        return self.target.with_name(f"{self.target.name}.bak-{label}")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S)
            lock.acquire()
        except Timeout:
            raise StoreError(self.path, f"another ofsted-tui is writing this store (lock {self.lock_path} held for {LOCK_TIMEOUT_S:.0f} s); try again when it finishes") from None
        except OSError as exc:
            raise StoreError(self.path, f"cannot lock the store ({_os_detail(exc)}); the store was left as it was") from None
        try:
            _remove_stale_temps(self.target)
            yield
        finally:
            lock.release()

    def _migrate(self, raw: bytes | None, data: dict[str, Any]) -> StoreData:
        """Keep the old file's bytes as a backup, then write it in the current schema.

        The caller holds the lock. A backup of the same name holding other bytes
        (an earlier migration of another file) is never overwritten.
        """
        version = _schema_of(self.path, data)
        snapshot = _snapshot(self.path, _upgrade(data, version), bulk=self.bulk.path)  # damaged rows fail here, before any write
        _refuse_read_only(self.path, self.target)
        backup = self.target.with_name(f"{self.target.name}.bak-schema{version}")
        n = 1
        while backup.exists() and _read_bytes(backup) != raw:
            n += 1
            backup = self.target.with_name(f"{self.target.name}.bak-schema{version}-{n}")
        if not backup.exists():
            _atomic_write_bytes(backup, raw or b"", mode_of=self.path)
        self._write(snapshot)
        _warn("%s: migrated from schema %d to %d; the old file was kept as %s",
                    self.path, version, SCHEMA_VERSION, backup)
        return snapshot

    def _write(self, snapshot: StoreData) -> None:
        """The bulk rows first (one SQLite transaction), then ``db.json`` replaced atomically.

        The caller holds the lock. Bulk rows named by neither the file being
        replaced, its backups nor the new catalogue are collected in the same
        SQLite transaction.
        """
        catalogue, texts, blobs = _split(snapshot)
        if texts or self.bulk.exists():
            keep = _named(catalogue)
            # A schema backup holds its own rows; any other (a rebuild's) names rows here.
            for path in (self.path, *(b for b in self._backups() if ".bak-schema" not in b.name)):
                named = _named_by(path)
                keep[0].update(named[0])
                keep[1].update(named[1])
            try:
                self.bulk.write(texts, blobs, keep=keep)
            except BulkError as exc:
                raise StoreError(self.path, f"cannot write its bulk file {exc.path.name}, which {exc.reason}; "
                                            "the old store was left intact") from None
        self._write_catalogue(snapshot, catalogue)

    def _backups(self) -> list[Path]:
        prefix = f"{self.target.name}.bak-"
        try:
            return [self.target.with_name(name) for name in os.listdir(self.target.parent) if name.startswith(prefix)]
        except OSError:
            return []

    def _write_catalogue(self, snapshot: StoreData, catalogue: list[dict[str, Any]],
                         before: _Written | None = None) -> None:
        """``db.json`` replaced atomically by the catalogue, events and annotations, in TinyDB's layout.

        One orjson serialisation of the tables as TinyDB lays them out
        (``_tinydb_layout``): TinyDB's own write re-inserted every row of every
        table first, which cost a note's save as much as the serialisation.
        Where the catalogue, or the events, are the very rows of ``before``
        (what this store wrote last, still the file), their serialisation is
        reused: a note changes no catalogue row, and rows are replaced, never
        changed in place. The caller holds the lock. What was written is kept for the
        next ``catalogue_transaction`` (see there).
        """
        self._written = None
        documents_json = _serialised(catalogue, before, "documents")
        # A note or bookmark leaves the events as they were (see annotations.change_annotations): 4.7 MiB of
        # JSON at 10,000 documents, serialised again at every save.
        events_json = _serialised(snapshot.events, before, "events")
        payload, spans = _joined(documents_json, events_json, snapshot.annotations, snapshot.extra)
        del documents_json, events_json  # views of the payload before, which it may now free
        _atomic_write_bytes(self.target, payload)
        self._written = _Written(payload, list(catalogue), list(snapshot.events), list(snapshot.annotations),
                                 dict(snapshot.extra), spans=spans)


@dataclass(frozen=True)
class _Written:
    """``db.json`` as a store last wrote it: its bytes, its rows and its catalogue serialised."""

    payload: bytes | None  # None where only its SHA-256 is kept (Store.expect)
    documents: list[dict[str, Any]]
    events: list[dict[str, Any]]
    annotations: list[dict[str, Any]]
    extra: dict[str, Any]
    digest: str | None = None
    # Where the tables' serialisations lie in ``payload``: table -> (offset, length).
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def serialised(self, table: str) -> memoryview | None:
        """Table ``table`` (``documents`` or ``events``) as written, where the payload is kept (not copied)."""
        if self.payload is None or table not in self.spans:
            return None
        at, length = self.spans[table]
        return memoryview(self.payload)[at:at + length]

    def holds(self, raw: bytes | None) -> bool:
        """Whether ``raw`` (db.json's bytes now) is what these rows were written as, or found to be."""
        if self.payload is not None:
            return raw == self.payload
        return raw is not None and digest_of(raw) == self.digest

    def snapshot(self, bulk: Path) -> StoreData:
        """The catalogue snapshot of these rows: they were checked when they were read or made, and are in order."""
        return StoreData(documents=list(self.documents), events=list(self.events),
                         annotations=list(self.annotations), extra=dict(self.extra), bulk=bulk, complete=False)


def _file_digest(path: Path) -> str | None:
    """The SHA-256 of a store file's bytes, read a part at a time; None where it is missing or cannot be read."""
    try:
        _check_regular(path)
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except (OSError, StoreError):
        return None


def _layout_digest(documents: list[dict[str, Any]], events: list[dict[str, Any]],
                   annotations: list[dict[str, Any]]) -> str:
    """The SHA-256 of what ``_tinydb_layout`` of these rows (and no other table) serialises to, a row at a time.

    orjson writes JSON compactly, so a table is ``{`` and its rows' ``"n":row`` joined by commas, then ``}``.
    """
    marks = [orjson.Fragment(b'"\0%d"' % n) for n in range(3)]
    skeleton = orjson.dumps({**_tinydb_layout(marks[0], [], [], {}), "events": marks[1], "annotations": marks[2]})
    digest = hashlib.sha256()
    for n, rows in enumerate((documents, events, annotations)):
        head, skeleton = skeleton.split(b'"\0%d"' % n, 1)
        digest.update(head + b"{")
        for position, row in enumerate(rows, 1):
            digest.update(b'%s"%d":%s' % (b"," if position > 1 else b"", position, orjson.dumps(row)))
        digest.update(b"}")
    digest.update(skeleton)
    return digest.hexdigest()


def _serialised(rows: list[dict[str, Any]], before: _Written | None, table: str) -> bytes | memoryview:
    """Table ``rows`` numbered (``_numbered``) and serialised: as ``before`` serialised that table where
    they are its very rows, else made."""
    if before is not None:
        kept = getattr(before, table)
        if len(kept) == len(rows) and all(map(operator.is_, kept, rows)):
            kept_json = before.serialised(table)
            if kept_json is not None:
                return kept_json
    return orjson.dumps(_numbered(rows))


def _joined(documents_json: bytes | memoryview, events_json: bytes | memoryview, annotations: list[dict[str, Any]],
            extra: dict[str, Any]) -> tuple[bytes, dict[str, tuple[int, int]]]:
    """``orjson.dumps`` of ``_tinydb_layout`` with the catalogue and the events serialised already, and where
    each lies in it (table -> offset, length).

    Made by joining them into the rest: a table serialised by an earlier write is a view of that write's
    payload (kept to compare with the file at the next write), so it is copied once, here, and never
    kept twice. orjson escapes NUL inside strings, so the marks cannot occur in the rest.
    """
    marks = [b'"\0%d"' % n for n in range(2)]
    skeleton = orjson.dumps(_tinydb_layout(*map(orjson.Fragment, marks), annotations, extra))
    head, rest = skeleton.split(marks[0], 1)
    middle, tail = rest.split(marks[1], 1)
    events_at = len(head) + len(documents_json) + len(middle)
    spans = {"documents": (len(head), len(documents_json)), "events": (events_at, len(events_json))}
    return b"".join((head, documents_json, middle, events_json, tail)), spans


def _numbered(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A table as TinyDB holds it: its rows keyed by their ids, numbered from 1 in order (what TinyDB
    gives rows inserted into an emptied table)."""
    return {str(n): row for n, row in enumerate(rows, 1)}


def _tinydb_layout(documents: Any, events: list[dict[str, Any]] | orjson.Fragment, annotations: list[dict[str, Any]],
                   extra: dict[str, Any]) -> dict[str, Any]:
    """The store's tables as TinyDB's JSON storage holds them, so TinyDB reads the file as its own.

    ``documents`` is the catalogue table already numbered (``_numbered``), or serialised; ``events``
    their rows, or the table serialised. The meta table first; tables this version does not know
    after ours, as they were.
    """
    events_table = events if isinstance(events, orjson.Fragment) else _numbered(events)
    return {_META: {"1": {"schema": SCHEMA_VERSION}}, "documents": documents, "events": events_table,
            "annotations": _numbered(annotations), **extra}


def _split(snapshot: StoreData) -> tuple[list[dict[str, Any]], list[tuple[str, str, str, bytes]], list[tuple[str, bytes]]]:
    """The catalogue rows, bulk text rows and facts blobs of a snapshot.

    A document's facts are one blob, keyed by its hash: the same facts give
    the same key, so an unchanged document's blob is never written twice.
    A row that is already a catalogue row (no text: a write of the catalogue
    alone) is kept as it is.
    """
    facts_of: dict[str, list[dict[str, Any]]] = {}
    for fact in snapshot.facts:
        facts_of.setdefault(fact["doc_id"], []).append(fact)
    catalogue, texts, blobs = [], [], []
    for doc in snapshot.documents:
        if "text" not in doc:
            catalogue.append(doc)
            continue
        blob = orjson.dumps(facts_of.get(doc["id"], []))
        key = fact_key_of(blob)
        texts.append(text_row(doc))
        blobs.append((key, blob))
        row = {name: value for name, value in doc.items() if name not in BULK_FIELDS}
        row[FACTS_KEY] = key
        catalogue.append(row)
    return catalogue, texts, blobs


def text_row(doc: dict[str, Any]) -> tuple[str, str, str, bytes]:
    """A whole document's row of the bulk file's texts: id, title, text and its other bulk fields."""
    extra = orjson.dumps({name: doc[name] for name in BULK_FIELDS[1:] if name in doc})
    return doc["id"], doc.get("title") or "", doc["text"], extra


def _whole(row: dict[str, Any], body: tuple[str, bytes]) -> dict[str, Any]:
    """A document as the app reads it: its catalogue row with its bulk fields put back."""
    text, extra = body
    doc = {name: value for name, value in row.items() if name != FACTS_KEY}
    doc["text"] = text
    doc.update(orjson.loads(extra))
    return doc


def _named(catalogue: Iterable[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """The bulk rows a catalogue names: document ids and facts keys."""
    ids, keys = set(), set()
    for row in catalogue:
        if isinstance(row, dict):
            ids.add(row.get("id"))
            keys.add(row.get(FACTS_KEY))
    return ids, keys


def _catalogue_rows(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """The catalogue's rows that are objects, in order: what a lookup lists (the bulk file is checked for them)."""
    return [row for row in rows if isinstance(row, dict)]


def _held_by(catalogue: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The bulk rows a catalogue's rows name, in its order: document ids and facts keys."""
    return [row.get("id") for row in catalogue], [row.get(FACTS_KEY) for row in catalogue]


def _named_by(path: Path) -> tuple[set[str], set[str]]:
    """The bulk rows the store file (or backup) at ``path`` names; nothing where it cannot be read."""
    try:
        data = orjson.loads(path.read_bytes())
        table = data.get("documents") if isinstance(data, dict) else None
        return _named(table.values()) if isinstance(table, dict) else (set(), set())
    except (OSError, orjson.JSONDecodeError):
        return set(), set()


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise StoreError(path, f"table {name!r} is damaged (not an object); {_DAMAGED}")
    return table


def _snapshot(path: Path, data: dict[str, Any], bulk: Path | None = None) -> StoreData:
    extra = {name: table for name, table in data.items() if name not in TABLES and name != _META}
    tables: dict[str, list[dict[str, Any]]] = {}
    lengths: dict[str, int] = {}
    for name in TABLES:  # documents first: a fact's span is checked against its text
        keys, rows = _rows(path, data, name)
        found = row_problem(name, rows, lengths)
        if found is not None:
            position, problem = found
            raise StoreError(path, f"row {keys[position]} of table {name!r} is damaged ({problem}); {_DAMAGED}")
        if name == "documents":
            lengths = {doc["id"]: len(doc["text"]) for doc in rows}
        tables[name] = rows
    return StoreData(**tables, extra=extra, bulk=bulk)


def _rows(path: Path, data: dict[str, Any], name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The row ids of table ``name`` in order, and its rows."""
    table = _table(path, data, name)
    try:
        keys = sorted(table, key=int)
    except (ValueError, TypeError):
        raise StoreError(path, f"table {name!r} is damaged (bad row ids); {_DAMAGED}") from None
    return keys, [table[key] for key in keys]
