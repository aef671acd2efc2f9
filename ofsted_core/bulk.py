"""The bulky rows of a store, in an SQLite file beside ``db.json``.

What never changes for a given version of a document lives here, keyed by
content: a document's text, title and furniture under its id (a hash of its
text), and the facts of one document as one blob under the hash of that blob
(tracing passages between documents makes new facts, hence a new key). The
full-text index (``ofsted_core.fulltext``) is kept in the same file and the
same transactions, and so is a small summary of each facts blob
(``ofsted_core.fact_summary``), all the explorer reads of the facts at start-up.

``db.json`` names the rows it uses (a document's id and ``facts_key``); the
store writes the rows here first, in one SQLite transaction, then replaces
``db.json``. Rows that neither the current ``db.json`` nor the new one name
are deleted in that same transaction: a crash leaves at worst rows that
nothing names, collected by the next write. This is the only module, with
``fulltext``, that uses sqlite3.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from importers.reading import not_regular
from ofsted_core import fulltext
from ofsted_core.fact_summary import FactSummary, summarise

__all__ = ["BULK_SUFFIX", "Bulk", "BulkError", "Connection", "add_texts", "bulk_path", "fact_key_of", "in_memory"]

BULK_SUFFIX = ".sqlite"
Connection = sqlite3.Connection  # for the type hints of modules that do not use sqlite3 themselves
# How many of the ids and keys listed (?1: JSON, [[ids...], [keys...]]) are not held (Bulk.holds).
# NOT EXISTS, not NOT IN: a null listed is missing (NOT IN would answer null, and it would not count).
_HOLDS_SQL = ("SELECT (SELECT count(*) FROM json_each(?1, '$[0]') AS listed"
              " WHERE NOT EXISTS (SELECT 1 FROM texts WHERE id = listed.value))"
              " + (SELECT count(*) FROM json_each(?1, '$[1]') AS listed"
              " WHERE NOT EXISTS (SELECT 1 FROM facts WHERE key = listed.value))")
# PRAGMA user_version of the file: a newer tool's file is refused, not misread.
BULK_VERSION = 1
BUSY_TIMEOUT_MS = 60_000
# Derived from the facts rows, so added to a file of the same version where it
# is missing: an older tool's file gains it at the next write, and an older
# tool reading a newer file ignores it (its rows are checked against ``facts``).
_SUMMARY_SCHEMA = "CREATE TABLE IF NOT EXISTS summaries(key TEXT PRIMARY KEY, body BLOB NOT NULL);"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS texts(id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, extra BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS facts(key TEXT PRIMARY KEY, body BLOB NOT NULL);
""" + _SUMMARY_SCHEMA + fulltext.INDEX_SCHEMA


class BulkError(Exception):
    """The bulk file cannot be used; ``reason`` says why and what to do."""

    def __init__(self, path: Path, reason: str, newer: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        # Written by a newer version: never set aside or replaced, whatever is asked.
        self.newer = newer


def bulk_path(store_file: Path) -> Path:
    """``db.sqlite`` beside ``db.json``; ``NAME.sqlite`` beside a store named otherwise."""
    if store_file.suffix == ".json":
        return store_file.with_suffix(BULK_SUFFIX)
    return store_file.with_name(store_file.name + BULK_SUFFIX)


def fact_key_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


# What a person can do about SQLite's failures, by its error name (it gives no errno).
_HINTS = {
    "SQLITE_FULL": "the disk is full: free some space and try again",
    "SQLITE_READONLY": "the file or its folder is not writable: check their permissions or use --db with a writable path",
    "SQLITE_CANTOPEN": "the file or its folder is not writable: check their permissions or use --db with a writable path",
    "SQLITE_IOERR": "the disk refused the write (full, over a file size limit, or not writable): free some space, "
                    "check the folder's permissions, or use --db with another path",
}


def _problem(exc: sqlite3.Error) -> str:
    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text):
        return f"is damaged ({text})"
    if "no such module: fts5" in text:
        return ("cannot be used: this Python's SQLite was built without FTS5, which search needs; use a Python "
                "whose sqlite3 has it (python.org's builds and most Linux distributions' do)")
    name = getattr(exc, "sqlite_errorname", "") or ""
    hint = next((hint for prefix, hint in _HINTS.items() if name.startswith(prefix)), None)
    return f"cannot be used ({text}; {hint})" if hint else f"cannot be used ({text})"


class Bulk:
    """The SQLite file at ``path`` (created by the first write)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.is_file()

    def _check_regular(self) -> None:
        """BulkError unless the file is a regular one or missing: a FIFO would block its opener forever."""
        try:
            kind = not_regular(os.stat(self.path).st_mode)
        except OSError:
            return
        if kind:
            raise BulkError(self.path, f"is {kind}, not a store file; it was left untouched")

    @contextlib.contextmanager
    def _connected(self, create: bool = False, threads: bool = False) -> Iterator[sqlite3.Connection]:
        self._check_regular()
        if not create and not self.exists():
            raise BulkError(self.path, "is missing")
        try:
            # mode=rw never creates a file: a missing one is said so above, not made empty.
            uri = f"file:{self.path}?mode={'rwc' if create else 'rw'}"
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=not threads,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise BulkError(self.path, _problem(exc)) from None
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > BULK_VERSION:
                raise BulkError(self.path, f"was written by a newer ofsted-tui (bulk version {version}, this one "
                                           f"reads up to {BULK_VERSION}); upgrade ofsted-tui to open it", newer=True)
            if version < BULK_VERSION:
                if not create:
                    raise BulkError(self.path, "is empty or not an ofsted-tui bulk file")
                db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {BULK_VERSION}; COMMIT;")
            yield db
        except sqlite3.Error as exc:
            raise BulkError(self.path, _problem(exc)) from None
        finally:
            if not threads:
                db.close()

    def set_aside(self) -> Path | None:
        """Rename an unreadable file to ``<name>.damaged[-N]`` (kept, never deleted), so a new one can be written."""
        if not self.path.exists():
            return None
        n, aside = 1, self.path.with_name(self.path.name + ".damaged")
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{n}")
        self.path.rename(aside)
        return aside

    def open_for_search(self) -> sqlite3.Connection:
        """A connection the search index keeps (used from several threads, one at a time)."""
        with self._connected(threads=True) as db:
            return db

    # -- reading -----------------------------------------------------------
    def read(self, ids: set[str], keys: set[str]) -> tuple[dict[str, tuple[str, bytes]], dict[str, bytes]]:
        """The text and extra blob of each document id, and the facts blob of each key, that are here.

        Every row is read and those asked for kept: a store's file holds few
        rows nothing names, and one scan beats ten thousand lookups.
        """
        with self._connected() as db:
            texts = {row[0]: (row[1], row[2]) for row in db.execute("SELECT id, text, extra FROM texts")
                     if row[0] in ids}
            facts = {row[0]: row[1] for row in db.execute("SELECT key, body FROM facts") if row[0] in keys}
        return texts, facts

    def read_some(self, ids: Iterable[str], keys: Iterable[str]) -> tuple[dict[str, tuple[str, bytes]], dict[str, bytes]]:
        """As ``read``, by lookup: for the rows of a few documents."""
        with self._connected() as db:
            texts = {}
            for doc_id in set(ids):
                row = db.execute("SELECT text, extra FROM texts WHERE id = ?", (doc_id,)).fetchone()
                if row is not None:
                    texts[doc_id] = (row[0], row[1])
            facts = {}
            for key in set(keys):
                row = db.execute("SELECT body FROM facts WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    facts[key] = row[0]
        return texts, facts

    def summaries(self, keys: Iterable[str]) -> dict[str, FactSummary]:
        """The summary of each facts blob ``keys`` names that is here (see ``ofsted_core.fact_summary``).

        A blob written without its summary (by an older version) is summarised
        now, and the summary kept where the file can be written at once;
        otherwise it is made again at the next read, until a write stores it.
        """
        wanted = set(keys)
        with self._connected() as db:
            out: dict[str, FactSummary] = {}
            if _has_summaries(db):
                out = {key: orjson.loads(body) for key, body in db.execute("SELECT key, body FROM summaries")
                       if key in wanted}
            missing = wanted - out.keys()
            if missing:
                made = {key: summarise(orjson.loads(body)) for key, body in db.execute("SELECT key, body FROM facts")
                        if key in missing}
                out.update(made)
                _keep_summaries(db, made)
        return out

    def ids(self) -> tuple[set[str], set[str]]:
        """The document ids and facts keys held."""
        with self._connected() as db:
            return ({row[0] for row in db.execute("SELECT id FROM texts")},
                    {row[0] for row in db.execute("SELECT key FROM facts")})

    def holds(self, listed: bytes) -> bool:
        """Whether every document id and facts key ``listed`` names (JSON: ``[[ids...], [keys...]]``) is held.

        Asked of SQLite, each name looked up in its table's key index: at 10,000 documents half the time of
        ``ids`` and the sets it makes, which a question of yes or no does not need.
        """
        with self._connected() as db:
            try:
                missing = db.execute(_HOLDS_SQL, (listed.decode(),)).fetchone()[0]
            except sqlite3.OperationalError:  # an SQLite without JSON (before 3.38 it was optional)
                ids, keys = orjson.loads(listed)
                held_ids, held_keys = self.ids()
                return held_ids.issuperset(ids) and held_keys.issuperset(keys)
        return missing == 0

    # -- writing -----------------------------------------------------------
    def write(self, texts: Iterable[tuple[str, str, str, bytes]], facts: Iterable[tuple[str, bytes]],
              keep: tuple[set[str], set[str]] | None = None) -> None:
        """Add rows (``(id, title, text, extra)`` and ``(key, body)``), in one transaction.

        With ``keep`` (ids, keys), every other row is deleted in the same
        transaction. Rows already here are left as they are: a key names one content.
        """
        with self._connected(create=True) as db:
            try:
                db.execute("BEGIN IMMEDIATE")
                if keep is not None:
                    _collect(db, *keep)
                _add_texts(db, texts)
                facts = list(facts)
                db.executemany("INSERT OR IGNORE INTO facts(key, body) VALUES (?, ?)", facts)
                _add_summaries(db, dict(facts))
                if fulltext.short(db):
                    fulltext.rebuild(db)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            _compact_if_sparse(db)

    @contextlib.contextmanager
    def texts_ahead(self, texts: list[tuple[str, str, str, bytes]]) -> Iterator[None]:
        """Add text rows (as ``write`` takes them) in a thread while the caller's block runs; waited for after it.

        Indexing the texts is most of a large import's write, and SQLite does
        it without Python's lock: here it runs on a core the caller's work
        (tracing sources) leaves idle. The rows go in a transaction of their
        own, ahead of the ``write`` whose ``db.json`` names them: until then
        they are rows nothing names, as after a crash, and a write that never
        comes leaves them to the next one to collect. Whatever fails here is
        left to ``write``, which adds the rows still missing and says what went
        wrong; a block that fails interrupts the thread.
        """
        opened: list[sqlite3.Connection] = []

        def add() -> None:
            with contextlib.suppress(BulkError, sqlite3.Error), self._connected(create=True) as db:
                opened.append(db)
                db.execute("BEGIN IMMEDIATE")
                try:
                    _add_texts(db, texts)
                    db.execute("COMMIT")
                finally:
                    if db.in_transaction:
                        db.execute("ROLLBACK")

        thread = threading.Thread(target=add, name="texts-ahead", daemon=True)
        thread.start()
        try:
            yield
        except BaseException:
            for db in opened:
                with contextlib.suppress(sqlite3.Error):
                    db.interrupt()
            raise
        finally:
            thread.join()

    def repair_index(self) -> bool:
        """Rebuild the full-text index where it lacks rows; whether it did."""
        with self._connected() as db:
            if not fulltext.short(db):
                return False
            db.execute("BEGIN IMMEDIATE")
            fulltext.rebuild(db)
            db.execute("COMMIT")
            return True


# SQLite reuses the pages of deleted rows but never gives them back to the disk;
# once a quarter of the file is free (after a rebuild, say), it is rewritten.
SPARSE_FRACTION = 0.25


def _add_texts(db: sqlite3.Connection, texts: Iterable[tuple[str, str, str, bytes]]) -> None:
    """Insert the text rows not held yet (their index entries follow by trigger)."""
    held = {row[0] for row in db.execute("SELECT id FROM texts")}
    db.executemany("INSERT OR IGNORE INTO texts(id, title, text, extra) VALUES (?, ?, ?, ?)",
                   (row for row in texts if row[0] not in held))


def _compact_if_sparse(db: sqlite3.Connection) -> None:
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    if free > SPARSE_FRACTION * db.execute("PRAGMA page_count").fetchone()[0]:
        db.execute("VACUUM")  # a transaction of its own: a crash leaves the file as it was


def _collect(db: sqlite3.Connection, ids: set[str], keys: set[str]) -> None:
    """Delete the rows not in ``ids`` and ``keys`` (the index follows by trigger)."""
    gone = [(row[0],) for row in db.execute("SELECT id FROM texts") if row[0] not in ids]
    db.executemany("DELETE FROM texts WHERE id = ?", gone)
    gone = [(row[0],) for row in db.execute("SELECT key FROM facts") if row[0] not in keys]
    db.executemany("DELETE FROM facts WHERE key = ?", gone)
    if _has_summaries(db):
        db.execute("DELETE FROM summaries WHERE key NOT IN (SELECT key FROM facts)")


def _has_summaries(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'summaries'").fetchone() is not None


def _add_summaries(db: sqlite3.Connection, at_hand: dict[str, bytes] | None = None) -> None:
    """Summarise, in the caller's transaction, every facts blob that has no summary yet.

    The blobs just written (``at_hand``, by key) are summarised from memory, and
    any other one read alone: reading them all back at once held a second copy
    of every blob of an import (60 MB at 10,000 documents).
    """
    db.execute(_SUMMARY_SCHEMA)
    at_hand = at_hand or {}
    missing = [row[0] for row in db.execute("SELECT key FROM facts WHERE key NOT IN (SELECT key FROM summaries)")]

    def body(key: str) -> bytes:
        found = at_hand.get(key)
        return found if found is not None else db.execute("SELECT body FROM facts WHERE key = ?", (key,)).fetchone()[0]

    db.executemany("INSERT INTO summaries(key, body) VALUES (?, ?)",
                   ((key, orjson.dumps(summarise(orjson.loads(body(key))))) for key in missing))


def _keep_summaries(db: sqlite3.Connection, made: dict[str, FactSummary]) -> None:
    """Store summaries made on reading, if the file can be written without waiting; else leave it as it is.

    Summaries are derived rows: a reader adding them changes nothing another
    reader or a writer sees, and a writer that holds the file adds them itself.
    """
    try:
        db.execute("PRAGMA busy_timeout = 0")
        db.execute("BEGIN IMMEDIATE")
        db.execute(_SUMMARY_SCHEMA)
        db.executemany("INSERT OR IGNORE INTO summaries(key, body) SELECT ?, ? WHERE EXISTS "
                       "(SELECT 1 FROM facts WHERE key = ?)",
                       ((key, orjson.dumps(summary), key) for key, summary in made.items()))
        db.execute("COMMIT")
    except sqlite3.Error:
        if db.in_transaction:
            db.execute("ROLLBACK")


def in_memory(texts: Iterable[tuple[str, str, str]]) -> sqlite3.Connection:
    """A bulk database in memory holding ``(id, title, text)`` rows: a search index of documents not in a store."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.executescript(_SCHEMA)
    add_texts(db, texts)
    return db


def add_texts(db: sqlite3.Connection, texts: Iterable[tuple[str, str, str]]) -> None:
    db.executemany("INSERT INTO texts(id, title, text, extra) VALUES (?, ?, ?, x'')", texts)
