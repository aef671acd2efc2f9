"""The TinyDB store behind ``db.json``: the only module that touches TinyDB.

Promises (each has a test):
- a write never leaves a broken file: the new store is written to a temporary
  file in the same folder, flushed and fsynced, then ``os.replace``-d over the old;
- two writers never interleave: every write holds ``<db>.lock`` while it reads
  the current file, applies its change and writes it back;
- one write per import run (TinyDB's JSON storage rewrites the whole file);
- a store that cannot be read is reported with its path and the reason and is
  never overwritten.

Readers get plain dicts (``StoreData``), never TinyDB objects or queries.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

__all__ = ["SCHEMA_VERSION", "StoreData", "Store", "StoreError", "TABLES"]

SCHEMA_VERSION = 1
TABLES = ("documents", "facts", "events", "annotations")
_META = "meta"
LOCK_TIMEOUT_S = 60.0


class StoreError(Exception):
    """The store cannot be used; the message names the file and what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _load_raw(path: Path) -> dict[str, Any] | None:
    """The file's JSON, ``None`` for a missing or empty file; StoreError otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except PermissionError:
        raise StoreError(path, "cannot read the store (permission denied); check the file's permissions") from None
    except IsADirectoryError:
        raise StoreError(path, "is a folder, not a store file; pass --db with a file path") from None
    except OSError as exc:
        raise StoreError(path, f"cannot read the store ({exc.strerror or exc})") from None
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            path,
            f"is not a readable store (broken JSON: {exc}); it was left untouched. "
            "Restore it from a backup or move it aside to start a new store",
        ) from None
    if not isinstance(data, dict):
        raise StoreError(path, "is not an ofsted-tui store (the JSON is not an object); it was left untouched")
    return data


def _schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(_META) or {}
    rows = list(meta.values()) if isinstance(meta, dict) else []
    if not rows:
        # Every table but TinyDB's default must be one of ours, or this is not our file.
        unknown = set(data) - set(TABLES) - {"_default"}
        if unknown:
            raise StoreError(path, f"is not an ofsted-tui store (unknown tables: {', '.join(sorted(unknown))}); it was left untouched")
        return SCHEMA_VERSION
    version = rows[0].get("schema") if isinstance(rows[0], dict) else None
    if not isinstance(version, int):
        raise StoreError(path, "has no readable schema version; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"was written by a newer ofsted-tui (schema {version}, this one reads up to {SCHEMA_VERSION}); "
            "upgrade ofsted-tui to open it. The file was left untouched",
        )
    return version


def _atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so a crash leaves the old file or the new, never a mix."""
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(path, f"cannot write the store ({exc.strerror or exc}); the old store was left intact") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise StoreError(path, f"cannot write the store ({exc.strerror or exc}); the old store was left intact") from None
    # Make the rename itself durable.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


class _AtomicJSONStorage(Storage):
    """TinyDB storage: orjson codec, atomic replace on write, never writes a bad file."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def read(self) -> dict[str, Any] | None:
        data = _load_raw(self._path)
        if data is not None:
            _schema_of(self._path, data)
        return data

    def write(self, data: dict[str, Any]) -> None:
        _atomic_write_bytes(self._path, orjson.dumps(data))

    def close(self) -> None:
        pass


@dataclass
class StoreData:
    """A snapshot of the store as plain dicts; what the rest of the app reads."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    # A transaction writes only when its body left this True (re-import no-ops).
    changed: bool = True


class Store:
    """The store file at ``path`` (created on first write)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    # -- reading -----------------------------------------------------------
    def read(self) -> StoreData:
        """Everything in the store; an empty snapshot where the file does not exist yet."""
        data = _load_raw(self.path)
        if data is None:
            return StoreData()
        _schema_of(self.path, data)
        return StoreData(**{name: _rows(self.path, data, name) for name in TABLES})

    def mtime_ns(self) -> int | None:
        """The file's modification stamp, for noticing another writer's change."""
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return None

    # -- writing -----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[StoreData]:
        """Lock, read the current store, let the caller change it, write it once.

        The caller mutates the lists of the yielded ``StoreData``; when the block
        ends without an exception the whole store is written atomically.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S)
            lock.acquire()
        except Timeout:
            raise StoreError(self.path, f"another ofsted-tui is writing this store (lock {self.lock_path} held for {LOCK_TIMEOUT_S:.0f} s); try again when it finishes") from None
        except OSError as exc:
            raise StoreError(self.path, f"cannot lock the store ({exc.strerror or exc}); is the folder writable?") from None
        try:
            snapshot = self.read()
            yield snapshot
            if snapshot.changed:
                self._write(snapshot)
        finally:
            lock.release()

    def _write(self, snapshot: StoreData) -> None:
        storage_path = self.path

        class _Bound(_AtomicJSONStorage):
            def __init__(self) -> None:
                super().__init__(storage_path)

        # CachingMiddleware defers every insert to one flush on close: one write per run.
        db = TinyDB(storage=CachingMiddleware(_Bound))
        db.storage.WRITE_CACHE_SIZE = 1 << 62
        try:
            db.drop_tables()
            for name in TABLES:
                rows = getattr(snapshot, name)
                if rows:
                    db.table(name, cache_size=0).insert_multiple(rows)
            db.table(_META).insert({"schema": SCHEMA_VERSION})
        finally:
            db.close()


def _rows(path: Path, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    table = data.get(name)
    if table is None:
        return []
    if not isinstance(table, dict):
        raise StoreError(path, f"table {name!r} is damaged (not an object); the file was left untouched")
    try:
        return [table[key] for key in sorted(table, key=int)]
    except (ValueError, TypeError):
        raise StoreError(path, f"table {name!r} is damaged (bad row ids); the file was left untouched") from None
