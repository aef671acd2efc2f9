"""The TinyDB store behind ``db.json``: the only module that touches TinyDB.

Promises (each has a test):
- a write never leaves a broken file: the new store is written to a temporary
  file in the same folder, flushed and fsynced, then ``os.replace``-d over the old;
- two writers never interleave: every write holds ``<db>.lock`` while it reads
  the current file, applies its change and writes it back;
- one write per import run (TinyDB's JSON storage rewrites the whole file);
- a store that cannot be read is reported with its path and the reason and is
  never overwritten;
- a write that fails (full disk, read-only folder) leaves the old store intact
  and says why;
- a store of an older schema is migrated when opened, after its exact bytes
  are kept as ``<db>.bak-schema<N>``.

Readers get plain dicts (``StoreData``), never TinyDB objects or queries.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from importers.reading import not_regular
from ofsted_core.files import TMP_SUFFIX, write_atomically
from ofsted_core.store_rows import row_problem

# filelock and tinydb are imported by the code that writes: the explorer reads
# the store without them, and its first frame should not wait for them.

__all__ = ["SCHEMA_VERSION", "StoreData", "Store", "StoreError", "TABLES", "collector_paused"]

# Schema 0: the tables of schema 1, written before the "meta" table existed.
SCHEMA_VERSION = 1
TABLES = ("documents", "facts", "events", "annotations")
_META = "meta"
LOCK_TIMEOUT_S = 60.0
# What to do about a store that cannot be read, said in every such message.
_DAMAGED = "it was left untouched. Restore it from a backup or move it aside to start a new store"
_NOT_OURS = "it was left untouched. Check the path given with --db or $OFSTED_TUI_DB"

log = logging.getLogger(__name__)


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
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise StoreError(path, "is read-only; it was left as it was. Make it writable (chmod u+w) to change it, "
                               "or use --db with another file")


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


def _load_raw(path: Path) -> dict[str, Any] | None:
    """The file's JSON, ``None`` for a missing or empty file; StoreError otherwise."""
    return _parse(path, _read_bytes(path))


# -- reading a large store table by table ---------------------------------------
# orjson parses a document into its own tree before making Python objects, and
# keeps its own copy of the input: parsing an 87 MiB store at once needed about
# 170 MiB on top of the file's bytes and the objects made. Read one table at a
# time, only that table's bytes and tree are held, and the whole file never is.
BY_TABLE_MIN_BYTES = 8 << 20
_SCAN_CHUNK = 4 << 20
_TOP_KEYS = (*TABLES, _META, "_default")
# Biggest passing need first, while little else is held: many small rows make
# orjson's tree largest for their size (facts), long texts make it small
# (documents), the other tables are small. Peak for the 10,000-document store:
# 392 MiB in this order, 453 MiB in file order.
_READ_ORDER = ("facts", "documents", "events", "annotations", _META, "_default")
_WRITE_ORDER = ("events", "annotations", "documents", "facts")
# What the explorer's timeline needs before the rest (see Store.read_timeline).
_TIMELINE_TABLES = frozenset({_META, "events", "annotations"})


def _table_offsets(handle: Any, size: int, only: frozenset[str] | None = None) -> list[tuple[int, str]] | None:
    """Where each top-level table's key starts (at the ``{`` or ``,`` before it), in file order.

    The first key follows the opening brace; each later one follows the end of
    a table, ``}},"name":`` (the last row's brace and the table's) or
    ``{},"name":`` (an empty table). A JSON
    string never holds an unescaped quote, so this is a key; if it is a nested
    one, the pieces cut at it do not parse and the caller reads the whole file.
    With ``only``, the scan stops once those tables and the key after the last
    of them are found: a store written small tables first gives its timeline
    after reading a few megabytes of a hundred.
    """
    keys = {f'"{name}":'.encode(): name for name in _TOP_KEYS}
    overlap = 3 + max(map(len, keys))
    found: set[tuple[int, str]] = set()
    head = handle.read(_SCAN_CHUNK)
    opening = len(head) - len(head.lstrip())
    found.update((opening, name) for key, name in keys.items() if head.startswith(b"{" + key, opening))
    start, buf = 0, head
    while buf:
        for end in (b'}},"', b'{},"'):  # after a table with rows, after an empty one
            at = buf.find(end)
            while at != -1:
                found.update((start + at + 2, name) for key, name in keys.items() if buf.startswith(key, at + 3))
                at = buf.find(end, at + 1)
        if start + len(buf) >= size or (only is not None and _bounded(found, only)):
            break
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            break
        # Keep the end of this piece: a boundary may straddle the two.
        start, buf = start + len(buf) - overlap, buf[-overlap:] + chunk
    return sorted(found) or None


def _bounded(found: set[tuple[int, str]], only: frozenset[str]) -> bool:
    """Whether every table in ``only`` has been found, and a key after the last of them."""
    at = {name: offset for offset, name in found}
    return only <= at.keys() and any(offset > max(at[name] for name in only) for offset in at.values())


def _load_by_table(path: Path, only: frozenset[str] | None = None) -> dict[str, Any] | None:
    """The store's JSON read table by table (``only`` those tables); ``None`` where that does not apply.

    ``None`` (a small, missing, unreadable or unexpected file) sends the caller
    to the whole-file reading, which gives the right message for every problem.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # never opened: a FIFO would block
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < BY_TABLE_MIN_BYTES:
                return None
            offsets = _table_offsets(handle, size, only)
            if offsets is None:
                return None
            handle.seek(0)
            if handle.read(offsets[0][0]).strip():
                return None  # something before the first table
            handle.seek(max(0, size - 64))
            last = handle.read().rstrip()
            if not last.endswith(b"}"):
                return None
            closing = max(0, size - 64) + len(last) - 1
            pieces = []
            bounds = [offset for offset, _ in offsets[1:]] + [closing]
            for i, ((offset, name), stop) in enumerate(zip(offsets, bounds, strict=True)):
                key = (b"," if i else b"{") + f'"{name}":'.encode()
                handle.seek(offset)
                if handle.read(len(key)) != key or stop <= offset + len(key):
                    return None
                if only is None or name in only:
                    pieces.append((name, offset + len(key), stop))
            data: dict[str, Any] = {}
            shared: dict[str, str] = {}
            for name, first, stop in sorted(pieces, key=lambda piece: _READ_ORDER.index(piece[0])):
                handle.seek(first)
                with collector_paused():
                    table = _parse_rows(handle.read(stop - first), shared, _SHARED_VALUES.get(name, ()))
                if not isinstance(table, dict):
                    return None
                data[name] = table
            return data
    except (OSError, orjson.JSONDecodeError):
        return None


# A table is parsed a megabyte of rows at a time: orjson's tree is then never
# more than a piece's, and a thread reading the store lets the interface's
# thread run between pieces (orjson holds the interpreter for a whole call).
PIECE_BYTES = 1 << 20
_ROW_CUT = re.compile(rb'\},"\d+":\{')  # between two rows of a compact table: '}' ends the first


# Fields whose few values repeat over thousands of rows (a fact's type and
# document, a date's precision, a rating's words). JSON gives every row its own
# copy of each; a large store's rows share one (60 MiB of 460 at 10,000 documents).
_SHARED_VALUES = {
    "facts": ("doc_id", "type", "precision", "date_source", "unit", "measure", "authority", "role",
              "rating", "rating_text", "event_type", "area", "era", "organisation", "inspection_type"),
    "documents": ("kind", "format", "authority", "publisher", "importer_version", "imported_at"),
}


def _parse_rows(raw: bytes, shared: dict[str, str], keys: tuple[str, ...]) -> Any:
    """A table's JSON (``{"1": {...}, "2": {...}}``) parsed in pieces of whole rows.

    A cut is only ever made between two rows: inside a row's object the piece
    before the cut would leave a brace open and not parse, and the caller then
    reads the whole file. A table laid out otherwise is parsed in one piece.
    The string values of ``keys`` are shared through ``shared``.
    """
    view = memoryview(raw.strip())
    if len(view) <= PIECE_BYTES or view[:1] != b"{":
        return _shared(orjson.loads(view), shared, keys)
    table: dict[str, Any] = {}
    start, end = 1, len(view) - 1  # inside the table's braces
    while start < end:
        cut = _ROW_CUT.search(view, start + PIECE_BYTES, end) if end - start > PIECE_BYTES else None
        stop = cut.start() + 1 if cut else end
        rows = _shared(orjson.loads(b"".join((b"{", view[start:stop], b"}"))), shared, keys)
        if not isinstance(rows, dict):
            return None
        table.update(rows)
        start = stop + 1  # past the comma
    return table


def _shared(rows: Any, shared: dict[str, str], keys: tuple[str, ...]) -> Any:
    """``rows`` with each string value of ``keys`` replaced by the first equal one seen."""
    if keys and isinstance(rows, dict):
        same = shared.setdefault
        for row in rows.values():
            if isinstance(row, dict):
                for key in keys:
                    value = row.get(key)
                    if value.__class__ is str:
                        row[key] = same(value, value)
    return rows


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


def _from_schema0(data: dict[str, Any]) -> dict[str, Any]:
    # Schema 1 only added the meta table; the rows are unchanged.
    return data


# _MIGRATIONS[n] turns a schema-n store into a schema n+1 one.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_schema0}


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

    # Short: a snapshot is handed to thread workers, which Textual describes by
    # the repr of their arguments (the full one was hundreds of megabytes).
    def __repr__(self) -> str:
        sizes = ", ".join(f"{len(getattr(self, name))} {name}" for name in TABLES)
        return f"<StoreData: {sizes}>"


class Store:
    """The store file at ``path`` (created on first write)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        # The file written: a symlinked store is written through to its
        # target (the link stays a link); its lock, backups and temporary
        # files sit beside the target, so every name of one store shares them.
        self.target = Path(os.path.realpath(self.path))
        self.lock_path = self.target.with_name(self.target.name + ".lock")

    # -- reading -----------------------------------------------------------
    def read(self) -> StoreData:
        """Everything in the store; an empty snapshot where the file does not exist yet.

        A store of an older schema is migrated on disk first (see ``_migrate``);
        where it cannot be written, it is read as migrated and left as it is.
        """
        data = _load_by_table(self.path)
        if data is None:
            data = _parse(self.path, _read_bytes(self.path))
        if data is None:
            return StoreData()
        version = _schema_of(self.path, data)
        if version == SCHEMA_VERSION:
            return _snapshot(self.path, data)
        snapshot = _snapshot(self.path, _upgrade(data, version))
        try:
            with self._locked():
                # Another process may have migrated it while we waited for the lock.
                raw = _read_bytes(self.path)
                data = _parse(self.path, raw)
                if data is not None and _schema_of(self.path, data) < SCHEMA_VERSION:
                    snapshot = self._migrate(raw, data)
        except StoreError as exc:
            log.warning("%s: read as schema %d, but not migrated on disk: %s", self.path, SCHEMA_VERSION, exc.reason)
        return snapshot

    def read_timeline(self) -> StoreData | None:
        """The events and annotations of a large store, without its documents and facts.

        They fill the explorer's timeline while the rest is read. ``None`` (a
        small store, or one this cannot read quickly) means read it all; a store
        of a newer schema raises StoreError as ``read`` does.
        """
        data = _load_by_table(self.path, only=_TIMELINE_TABLES)
        if data is None or _META not in data or _schema_of(self.path, data) != SCHEMA_VERSION:
            return None
        snapshot = _snapshot(self.path, data)
        snapshot.complete = False
        return snapshot

    def size(self) -> int:
        """The file's size in bytes (0 when it cannot be seen)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def mtime_ns(self) -> int | None:
        """The file's modification stamp, for noticing another writer's change."""
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return None

    # -- writing -----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, backup: str | None = None) -> Iterator[StoreData]:
        """Lock, read the current store, let the caller change it, write it once.

        The caller mutates the lists of the yielded ``StoreData``; when the block
        ends without an exception the whole store is written atomically. With
        ``backup``, the store's bytes are first kept as ``<db>.bak-<backup>``
        (replacing the previous one of that name), whatever the block does.
        """
        with self._locked():
            raw = _read_bytes(self.path)
            _refuse_read_only(self.path, self.target)
            data = _parse(self.path, raw)
            if backup and raw and raw.strip():
                _atomic_write_bytes(self.backup_path(backup), raw, mode_of=self.path)
            if data is None:
                snapshot = StoreData()
            elif _schema_of(self.path, data) < SCHEMA_VERSION:
                snapshot = self._migrate(raw, data)
            else:
                snapshot = _snapshot(self.path, data)
            yield snapshot
            if snapshot.changed:
                self._write(snapshot)

    def owns(self, other: Path | str) -> bool:
        """Whether ``other`` is the store or one of its files (lock, backups, temporary files).

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
        name = theirs.name
        return name == mine.name or name.startswith((f"{mine.name}.", f".{mine.name}."))

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
        snapshot = _snapshot(self.path, _upgrade(data, version))  # damaged rows fail here, before any write
        _refuse_read_only(self.path, self.target)
        backup = self.target.with_name(f"{self.target.name}.bak-schema{version}")
        n = 1
        while backup.exists() and _read_bytes(backup) != raw:
            n += 1
            backup = self.target.with_name(f"{self.target.name}.bak-schema{version}-{n}")
        if not backup.exists():
            _atomic_write_bytes(backup, raw or b"", mode_of=self.path)
        self._write(snapshot)
        log.warning("%s: migrated from schema %d to %d; the old file was kept as %s",
                    self.path, version, SCHEMA_VERSION, backup)
        return snapshot

    def _write(self, snapshot: StoreData) -> None:
        from tinydb import TinyDB
        from tinydb.middlewares import CachingMiddleware
        from tinydb.storages import Storage

        path = self.target
        extra = snapshot.extra

        class _AtomicJSONStorage(Storage):
            """TinyDB storage: orjson codec, atomic replace on write, never writes a bad file."""

            def read(self) -> dict[str, Any] | None:
                data = _load_raw(path)
                if data is not None:
                    _schema_of(path, data)
                return data

            def write(self, data: dict[str, Any]) -> None:
                # Tables this version does not know stay as they were, after ours.
                _atomic_write_bytes(path, orjson.dumps({**data, **extra}))

            def close(self) -> None:
                pass

        # CachingMiddleware defers every insert to one flush on close: one write per run.
        db = TinyDB(storage=CachingMiddleware(_AtomicJSONStorage))
        db.storage.WRITE_CACHE_SIZE = 1 << 62
        try:
            db.drop_tables()
            # Tables are written in this order; the small ones first let the
            # explorer read its timeline without scanning the whole file.
            db.table(_META).insert({"schema": SCHEMA_VERSION})
            for name in _WRITE_ORDER:  # empty ones too, so a reader knows where each ends
                db.table(name, cache_size=0).insert_multiple(getattr(snapshot, name))
        finally:
            db.close()


def _snapshot(path: Path, data: dict[str, Any]) -> StoreData:
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
    return StoreData(**tables, extra=extra)


def _rows(path: Path, data: dict[str, Any], name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The row ids of table ``name`` in order, and its rows."""
    table = data.get(name)
    if table is None:
        return [], []
    if not isinstance(table, dict):
        raise StoreError(path, f"table {name!r} is damaged (not an object); {_DAMAGED}")
    try:
        keys = sorted(table, key=int)
    except (ValueError, TypeError):
        raise StoreError(path, f"table {name!r} is damaged (bad row ids); {_DAMAGED}") from None
    return keys, [table[key] for key in keys]
