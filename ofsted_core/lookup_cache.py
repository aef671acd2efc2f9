"""``<db>.lookup``: what the lookups read of ``db.json``, already checked, laid out to read a part.

Why: every ``timeline``, ``show`` and ``search`` parsed the whole ``db.json`` (10 MiB at 10,000
documents) and checked every row, to print a few of them. This file is derived from ``db.json``
alone and holds, for the bytes it was made from, the catalogue, the annotations and the events
cut by council (``timeline COUNCIL`` parses that council's events only), each part serialised
apart and found through a header; and the events once more, in the store's order, without what
only their sources show (``rows``): the explorer's first frame parses those, half the bytes.

How a reader knows it matches: the header records the SHA-256 of the very ``db.json`` bytes it
was made from, and a reader uses it only when the bytes it has just read hash to that. Not by
size, time and inode as git's index does: a writer replaces ``db.json`` by a new file, whose
inode may be the one just freed, and a hand edit of the same length within one clock tick
keeps the size and the time. Hashing the bytes costs a read and 6 ms at 10 MiB, against the
parse and the checks it saves. So, whatever changed ``db.json`` (this version's write, an older
version's, a hand edit, a crash between the two files' writes, a writer racing the reader),
a stale file is never used: the reader parses ``db.json`` as before and writes this file again.
The file is written whole under another name and renamed, and each part carries a CRC, so a
torn or damaged one is ignored too. It is never a source of truth: deleting it is always safe.
It names no bulk row the reader does not check: the catalogue's ids and facts keys are checked
against ``db.sqlite`` at every read, as without it.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import stat
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ofsted_core.files import write_atomically

__all__ = ["SOURCES_ONLY", "Lookup", "build_lookup", "lookup_path", "read_lookup", "row_of", "save_lookup"]

# The first line; another version's layout is another line, and is ignored (made again).
MAGIC = b"ofsted-tui lookup 3\n"
SUFFIX = ".lookup"
# What of an event (and of each of its judgements) only its list of sources reads: the passages it cites,
# found by fact id, and what each source quotes of another (ofsted_tui.widgets.timeline.source_rows).
# Half the bytes of the events at 10,000 documents, and none of what a row, a chart or the detail shows.
SOURCES_ONLY = ("fact_ids", "quotes")


def lookup_path(target: Path) -> Path:
    """Beside the store's (resolved) file, named after it: the store's own files are refused as an export's output."""
    return target.with_name(target.name + SUFFIX)


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Lookup:
    """The lookup tables of one ``db.json``: each part parsed when first asked for."""

    body: memoryview
    header: dict[str, Any]
    # Parts already in memory, by name (those a reader that made the file had parsed).
    parsed: dict[Any, Any] = field(default_factory=dict)

    @property
    def authorities(self) -> list[str | None]:
        """Every council the events are filed under (None: events of no council)."""
        return [name for name, *_ in self.header["events"]]

    @property
    def documents(self) -> int:
        """How many documents the catalogue holds (without parsing it)."""
        return self.header["documents"]

    @property
    def types(self) -> list[str]:
        """Every event type, for a --type filter's choices."""
        return list(self.header["types"])

    def _part(self, name: Any, span: list[int]) -> Any:
        if name not in self.parsed:
            offset, length, _ = span
            self.parsed[name] = orjson.loads(self.body[offset:offset + length])
        return self.parsed[name]

    def events(self, authorities: Iterable[str | None] | None = None) -> list[dict[str, Any]]:
        """The events (of those councils only), in the store's order."""
        wanted = None if authorities is None else set(authorities)
        numbered = [pair for name, *span in self.header["events"] if wanted is None or name in wanted
                    for pair in self._part(("events", name), span)]
        numbered.sort(key=lambda pair: pair[0])
        return [event for _, event in numbered]

    def rows(self) -> list[dict[str, Any]]:
        """Every event in the store's order without what only its sources show (``row_of``): what a list
        of events, its chart and the event's detail read, in half the parsing."""
        return list(self._part("rows", self.header["rows"]))

    def catalogue(self) -> list[dict[str, Any]]:
        return list(self._part("catalogue", self.header["catalogue"]))

    def annotations(self) -> list[dict[str, Any]]:
        return list(self._part("annotations", self.header["annotations"]))

    def held(self) -> tuple[list[str], list[str]]:
        """The catalogue's document ids and facts keys: the bulk rows it names."""
        ids, keys = self._part("held", self.header["held"])
        return ids, keys

    def held_json(self) -> bytes:
        """``held`` as its JSON (``[[ids...], [keys...]]``), unparsed: what ``Bulk.holds`` asks about."""
        if "held" in self.parsed:
            return orjson.dumps(self.parsed["held"])
        offset, length, _ = self.header["held"]
        return bytes(self.body[offset:offset + length])


def read_lookup(path: Path, raw: bytes) -> Lookup | None:
    """The lookup file at ``path`` when it was made from exactly ``raw`` (db.json's bytes); None otherwise."""
    # Mapped, not read: a lookup reads the parts it needs. The mapping holds the file opened here,
    # so a file replaced meanwhile is still read whole, old or new, never a mix.
    # Opened without blocking and used only if it is a regular file: a FIFO or a device put at its
    # name is never waited on.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # unreadable, or empty
        return None
    finally:
        os.close(fd)
    end = data.find(b"\n", len(MAGIC))
    if data[:len(MAGIC)] != MAGIC or end < 0:
        return None
    try:
        header = orjson.loads(data[len(MAGIC):end])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict) or header.get("digest") != digest_of(raw):
        return None
    body = memoryview(data)[end + 1:]
    return Lookup(body, header) if _intact(header, body) else None


def _intact(header: dict[str, Any], body: memoryview) -> bool:
    """Whether every part is where the header says, with the bytes that were written (its CRC)."""
    try:
        spans = [header[name] for name in ("catalogue", "annotations", "held", "rows")]
        spans += [span for _, *span in header["events"]]
        types_ok = isinstance(header["types"], list) and type(header["documents"]) is int
        return types_ok and all(
            offset + length <= len(body) and zlib.crc32(body[offset:offset + length]) == crc
            for offset, length, crc in spans)
    except (KeyError, TypeError, ValueError):
        return False


def build_lookup(raw: bytes, catalogue: list[dict[str, Any]], held: tuple[list[str], list[str]],
                 events: list[dict[str, Any]], annotations: list[dict[str, Any]]) -> tuple[Lookup, bytes]:
    """The lookup of ``raw`` (db.json's bytes) made from its rows, as a reader parsed and checked them,
    and the file's bytes. ``held``: the catalogue's document ids and facts keys."""
    parts: list[bytes] = []
    parsed: dict[Any, Any] = {}
    size = 0

    def put(name: Any, value: Any) -> list[int]:
        nonlocal size
        blob = orjson.dumps(value)
        parts.append(blob)
        parsed[name] = value
        size += len(blob)
        return [size - len(blob), len(blob), zlib.crc32(blob)]

    by_council: dict[str | None, list[Any]] = {}
    for position, event in enumerate(events):
        by_council.setdefault(event.get("authority"), []).append([position, event])
    header: dict[str, Any] = {
        "events": [[name, *put(("events", name), pairs)] for name, pairs in by_council.items()],
        "types": sorted({t for e in events if (t := e.get("type"))}),
        "documents": len(held[0]),
        "catalogue": put("catalogue", catalogue),
        "annotations": put("annotations", annotations),
        "held": put("held", [list(held[0]), list(held[1])]),
        "rows": put("rows", [row_of(event) for event in events]),
    }
    header["digest"] = digest_of(raw)
    payload = b"".join([MAGIC, orjson.dumps(header), b"\n", *parts])  # one copy of 10 MB, not two
    return Lookup(memoryview(payload)[len(payload) - size:], header, parsed), payload


def row_of(event: dict[str, Any]) -> dict[str, Any]:
    """``event`` without the keys ``SOURCES_ONLY`` names, its own or its judgements'; every other key as it is."""
    row = {key: value for key, value in event.items() if key not in SOURCES_ONLY}
    judgements = event.get("judgements")
    if isinstance(judgements, dict):
        row["judgements"] = {area: {key: value for key, value in judgement.items() if key not in SOURCES_ONLY}
                             if isinstance(judgement, dict) else judgement for area, judgement in judgements.items()}
    return row


def save_lookup(path: Path, payload: bytes, mode_of: Path) -> None:
    """Write a lookup file (``build_lookup``'s bytes) with ``mode_of``'s permissions (the store's: it
    holds the same rows); best effort: where it cannot be written, readers parse ``db.json`` as before."""
    try:
        write_atomically(path, payload, mode_of=mode_of, durable=False)  # derived: checked at every read
    except OSError:
        pass
