"""Opening a file to import: only regular files, never more than ``MAX_BYTES``.

``stat`` is not enough to decide: a symlink to ``/dev/zero`` says 0 bytes and
never ends, and a FIFO blocks its reader until a writer comes. So a file is
opened without blocking, checked on the open descriptor, and read up to the
limit and one byte more.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from importers.model import ImporterError

__all__ = ["MAX_BYTES", "not_regular", "read_source", "too_large"]

MAX_BYTES = 25 * 1024 * 1024
_CHUNK = 1 << 20


def not_regular(mode: int) -> str | None:
    """What a file that is not a regular one is ("a FIFO (named pipe)"), ``None`` for a regular file."""
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def too_large(size: int, exact: bool = True) -> str:
    """Why a file of ``size`` bytes (at least, where not ``exact``) is refused."""
    said = f"{size / 2**20:.0f} MB" if exact else f"over {MAX_BYTES // 2**20} MB"
    return (f"is {said}; documents over {MAX_BYTES // 2**20} MB are not imported "
            "(split it or extract the relevant part)")


def read_source(path: Path, source: str) -> bytes:
    """The bytes of the regular file at ``path``; ImporterError for anything else or over the limit."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        kind = not_regular(os.fstat(fd).st_mode)
        if kind:
            raise ImporterError(source, f"is {kind}, not a regular file; skipped")
        chunks, size = [], 0
        while chunk := handle.read(min(_CHUNK, MAX_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise ImporterError(source, too_large(size, exact=False))
        return b"".join(chunks)
