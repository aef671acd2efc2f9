"""An ``ofsted-tui import`` that says where its write has got to, for the crash tests.

    python -m tests.reliability.crash_child STAGE|slow|hold ARGS...
    python -m tests.reliability.crash_child STAGE|slow note DB

runs ``ofsted_tui.cli.main(ARGS)`` with the store's file operations wrapped, so
production code carries no test hooks. ``note DB`` instead saves two notes on
the store's first document as the explorer does (the second from the rows the
first wrote), the wrapping in place for the second only. Each stage of the write is printed to
stdout as it is reached; at ``STAGE`` the process stops there and waits to be
killed. ``slow`` stops nowhere but writes the new store in small pieces with
short pauses, so a kill at a random moment often lands mid-write. ``hold``
keeps the store locked for ``HOLD_S`` at the ``transaction`` stage, then
finishes, so another writer started meanwhile must wait its turn.

Stages, in order: ``transaction`` (store locked and read, about to change it),
``bulk-uncommitted`` (the bulk rows inserted in SQLite, not yet committed),
``bulk-written`` (committed), ``temp-created``, ``half-written``, ``synced`` (temporary file complete and on
disk), ``replaced`` (the new store is in place). A note's save has no bulk stages;
its ``transaction`` is when the store is locked and read, before the note is added.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time

from ofsted_core import bulk, fulltext, importing, store

from ofsted_tui import cli

STAGES = ("transaction", "bulk-uncommitted", "bulk-written", "temp-created", "half-written", "synced", "replaced")
PIECES = 64
HOLD_S = 1.0


def main(target: str, argv: list[str]) -> int:
    if argv[:1] == ["note"]:
        return _notes(target, argv[1])
    _wrap(target)
    return cli.main(argv)


def _notes(target: str, db: str) -> int:
    from ofsted_core.annotations import Change, change_annotations, make_annotation
    from ofsted_core.store import Store

    store = Store(db)
    shown = store.read()
    doc = shown.documents[0]
    shown, _ = change_annotations(store, Change(add=(make_annotation("note", doc, body="first"),)), shown)
    _wrap(target)
    change_annotations(store, Change(add=(make_annotation("note", doc, body="second"),)), shown)
    return 0


def _wrap(target: str) -> None:
    def reached(stage: str) -> None:
        sys.stdout.write(f"@{stage}\n")
        sys.stdout.flush()
        if stage == target:
            time.sleep(60)  # the test kills us here
        elif target == "hold" and stage == "transaction":
            time.sleep(HOLD_S)

    real_apply, real_mkstemp, real_fdopen, real_fsync, real_replace = (
        importing.apply_documents, tempfile.mkstemp, os.fdopen, os.fsync, os.replace)
    real_short, real_bulk_write = fulltext.short, bulk.Bulk.write
    temp_fds: set[int] = set()

    def apply_documents(*args, **kwargs):
        reached("transaction")
        return real_apply(*args, **kwargs)

    real_catalogue_transaction = store.Store.catalogue_transaction

    @contextlib.contextmanager
    def catalogue_transaction(self):
        with real_catalogue_transaction(self) as data:
            reached("transaction")
            yield data

    def mkstemp(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        temp_fds.add(made[0])
        reached("temp-created")
        return made

    class StagedFile(io.FileIO):
        def write(self, payload) -> int:
            view = memoryview(payload)
            half = len(view) // 2
            if target == "slow":
                step = max(1, len(view) // PIECES)
                for start in range(0, len(view), step):
                    super().write(view[start:start + step])
                    time.sleep(0.002)
            else:
                super().write(view[:half])
                reached("half-written")
                super().write(view[half:])
            return len(view)

    def fdopen(fd: int, mode: str = "r", *args, **kwargs):
        if fd in temp_fds:
            return StagedFile(fd, "wb")
        return real_fdopen(fd, mode, *args, **kwargs)

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if fd in temp_fds:  # not the folder's fsync after the rename, which may reuse the number
            temp_fds.discard(fd)
            reached("synced")

    def replace(src, dst) -> None:
        real_replace(src, dst)
        reached("replaced")

    def short(db):
        # Called inside the bulk write's transaction, after its rows are inserted.
        reached("bulk-uncommitted")
        return real_short(db)

    def bulk_write(self, *args, **kwargs):
        real_bulk_write(self, *args, **kwargs)
        reached("bulk-written")

    importing.apply_documents = apply_documents
    store.Store.catalogue_transaction = catalogue_transaction
    fulltext.short = short
    bulk.Bulk.write = bulk_write
    tempfile.mkstemp = mkstemp
    os.fdopen = fdopen
    os.fsync = fsync
    os.replace = replace


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
