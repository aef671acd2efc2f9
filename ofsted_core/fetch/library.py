"""The user's library of fetched reports: one folder per council, and a record of fetches.

    <library>/<urn>_<council>/<date>_<type>_<file id>.pdf
    <library>/fetches.json

A file's Ofsted id is in its name, so a file already on disk is never fetched
again even if the record is lost. The record lists every fetch (when, which
councils, which files it listed and which it downloaded); the files first
listed by the latest fetch are "new since the last fetch".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the explorer reads the record; it need not load the listing's date rules
    from ofsted_core.fetch.listing import ReportLink

__all__ = ["LIBRARY_ENV", "Library", "default_library"]

LIBRARY_ENV = "OFSTED_TUI_LIBRARY"
RECORD = "fetches.json"
_ID_IN_NAME = re.compile(r"_(\d+)\.pdf$")


def default_library() -> Path:
    """$OFSTED_TUI_LIBRARY, else $XDG_DATA_HOME/ofsted-tui/reports, else ~/.local/share/ofsted-tui/reports."""
    if os.environ.get(LIBRARY_ENV):
        return Path(os.environ[LIBRARY_ENV]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "ofsted-tui" / "reports"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("'", "")).strip("-") or "report"


@dataclass
class Fetch:
    """One run of ``fetch`` as recorded."""

    at: str
    councils: list[str]
    listed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)  # file ids no earlier fetch had listed
    downloaded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # listed but not downloaded: tried again by --since LAST


class Library:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.record_path = self.root / RECORD

    # -- files ---------------------------------------------------------------
    def folder(self, urn: str, council: str | None) -> Path:
        return self.root / (f"{urn}_{_slug(council)}" if council else str(urn))

    def path_for(self, link: ReportLink, urn: str, council: str | None) -> Path:
        return self.folder(urn, council) / f"{link.date or 'undated'}_{_slug(link.label)}_{link.file_id}.pdf"

    def files_on_disk(self) -> dict[str, Path]:
        """Every whole report file in the library, by Ofsted file id."""
        if not self.root.is_dir():
            return {}
        found = {}
        for path in self.root.glob("*/*.pdf"):
            match = _ID_IN_NAME.search(path.name)
            if match:
                found[match.group(1)] = path
        return found

    # -- the record ----------------------------------------------------------
    def fetches(self) -> list[Fetch]:
        """The recorded fetches, oldest first; an unreadable record reads as none (it is rewritten whole)."""
        try:
            raw = json.loads(self.record_path.read_text(encoding="utf-8"))
            return [Fetch(**{k: entry[k] for k in Fetch.__dataclass_fields__ if k in entry})
                    for entry in raw.get("fetches", [])]
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return []

    def listed_before(self) -> set[str]:
        return {file_id for fetch in self.fetches() for file_id in fetch.listed}

    def last_fetch(self) -> Fetch | None:
        fetches = self.fetches()
        return fetches[-1] if fetches else None

    def record(self, fetch: Fetch) -> None:
        from ofsted_core.store import _atomic_write_bytes

        self.root.mkdir(parents=True, exist_ok=True)
        fetches = [*self.fetches(), fetch]
        if not fetches[:-1] and self.record_path.exists() and self.record_path.stat().st_size:
            # A record that cannot be read is kept aside, not overwritten.
            os.replace(self.record_path, self.record_path.with_name(RECORD + ".damaged"))
        payload: dict[str, Any] = {"version": 1, "fetches": [vars(f) for f in fetches]}
        _atomic_write_bytes(self.record_path, json.dumps(payload, indent=1).encode("utf-8"))

    def new_since_last_fetch(self) -> list[Path]:
        """The files the latest fetch found new and has on disk, for the explorer to mark."""
        last = self.last_fetch()
        if last is None:
            return []
        on_disk = self.files_on_disk()
        return [on_disk[file_id] for file_id in last.new if file_id in on_disk]

    def new_by_council(self) -> dict[str, int]:
        """How many reports the latest fetch found new, by council URN (for a table of councils to mark)."""
        counts: dict[str, int] = {}
        for path in self.new_since_last_fetch():
            urn = path.parent.name.split("_", 1)[0]
            counts[urn] = counts.get(urn, 0) + 1
        return counts


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
