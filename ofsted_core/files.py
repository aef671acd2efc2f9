"""Files: what identifies a source file, and writing one so a crash leaves the old one or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["TMP_SUFFIX", "source_key", "write_atomically"]

TMP_SUFFIX = ".tmp"


def write_atomically(path: Path, payload: bytes, mode_of: Path | None = None, durable: bool = True) -> None:
    """Write ``payload`` to ``path`` through a temporary file in its folder and a rename.

    The file keeps the permissions of ``mode_of`` (default: the file it
    replaces). OSError says why it could not be written; the old file is then
    untouched and no temporary file is left. ``durable=False`` skips the
    fsyncs, for a derived file that its reader checks and can make again: after
    a power loss it may be old, empty or damaged, which that check refuses.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        mode_of = mode_of or path
        if mode_of.exists():
            shutil.copymode(mode_of, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if not durable:
        return
    # Make the rename itself durable.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def source_key(source: str) -> str:
    """What identifies a document's file: its path with links and ``..`` resolved.

    Two spellings of one file (relative and absolute, through a symlink) are
    one source; a stored relative source is resolved from the current folder.
    """
    return os.path.realpath(source)
