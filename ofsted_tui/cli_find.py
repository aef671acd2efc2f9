"""What the command line's arguments name: the timeline's events a filter keeps, the document a
reference means. Each returns what it found, or a message saying why nothing could be used."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from importers.vocabulary import RATINGS, normalise_rating
from ofsted_core.files import source_key  # not via importing: the importers' rules take a third of a second to load

__all__ = ["EventFilter", "type_named", "documents_named"]


def rating_words() -> str:
    return ", ".join(RATINGS)


def _words(text: str) -> str:
    # "focused-visit", "Focused_Visit" and "focused visit" are one type to a person typing it.
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def type_named(given: str, types: set[str]) -> set[str]:
    """The event types a --type value is part of."""
    wanted = _words(given)
    return {t for t in types if wanted in _words(t)}


@dataclass(frozen=True)
class EventFilter:
    """The timeline's --since, --until, --rating and --type, already checked."""

    since: int | None = None
    until: int | None = None
    rating: str | None = None
    types: frozenset[str] | None = None

    @property
    def narrows(self) -> bool:
        return self != EventFilter()

    def keeps(self, event: dict[str, Any]) -> bool:
        year = event.get("year")
        if (self.since or self.until) and year is None:
            return False
        if self.since and year < self.since or self.until and year > self.until:
            return False
        if self.rating and normalise_rating(event.get("rating")) != self.rating:
            return False
        return self.types is None or event.get("type") in self.types


def documents_named(documents: dict[str, dict[str, Any]], ref: str) -> list[dict[str, Any]]:
    """The documents ``show REF`` may mean: the one with that id, else those whose id starts
    with it, else those imported by that path however it is spelt, from any folder."""
    if ref in documents:
        return [documents[ref]]
    by_id = [d for d in documents.values() if d["id"].startswith(ref)]
    if by_id:
        return by_id
    wanted = source_key(ref)
    exact = [d for d in documents.values() if d["source"] == ref or source_key(d["source"]) == wanted]
    if exact:
        return exact
    # A source stored relative to the folder it was imported from resolves here to
    # another place; the file the reference names ends with that relative path.
    return [d for d in documents.values()
            if not os.path.isabs(d["source"]) and _ends_with(wanted, os.path.normpath(d["source"]))]


def _ends_with(path: str, tail: str) -> bool:
    return not tail.startswith("..") and (path == tail or path.endswith(os.sep + tail))
