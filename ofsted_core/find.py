"""What a person's words name: the timeline's events a filter keeps, the councils a name means,
the document a reference means. Each returns what it found, or raises ``NotFound`` or ``BadValue``
with a message saying why nothing could be used (the Library's callers print it as it is)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from importers.sanitize import clean_text
from ofsted_core.files import source_key  # not via importing: the importers' rules take a third of a second to load

__all__ = ["BadValue", "EventFilter", "NotFound", "authority_names", "documents_named", "event_filter", "type_named"]


class NotFound(LookupError):
    """A name or reference that matches nothing (or too much) in this store; the message says what does."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadValue(ValueError):
    """A value that is not of the kind asked for (a rating, a grade); the message lists the ones that are."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# importers.vocabulary is loaded where a rating is read: `search` and `show`, which open the
# Library too, need none of its tables.
def rating_words() -> str:
    from importers.vocabulary import RATINGS

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
        if self.since or self.until:
            if year is None or self.since and year < self.since or self.until and year > self.until:
                return False
        if self.rating:
            from importers.vocabulary import normalise_rating

            if normalise_rating(event.get("rating")) != self.rating:
                return False
        return self.types is None or event.get("type") in self.types


def event_filter(events: list[dict[str, Any]], since: int | None = None, until: int | None = None,
                 rating: str | None = None, type_: str | None = None) -> EventFilter:
    """The timeline's filters as given, checked: a rating in any era's words, a type by part of its name."""
    wanted = None
    if rating:  # the vocabulary's patterns are compiled only where a rating is read
        from importers.vocabulary import rating_named

        wanted = rating_named(rating)
        if wanted is None:
            raise BadValue(f"--rating {rating!r} is not a rating; use one of {rating_words()} (or RI)")
    types = None
    if type_:
        known = {e["type"] for e in events if e.get("type")}
        types = frozenset(type_named(type_, known))
        if not types:
            raise NotFound(f"no event type matches {type_!r}; types here: {', '.join(sorted(known)) or 'none'}")
    return EventFilter(since, until, wanted, types)


def authority_names(given: str, events: list[dict[str, Any]]) -> set[str]:
    """The councils a name means: a whole or partial name, another name, a URN or LA code,
    or a name this store files events under that the councils reference does not know."""
    from importers.councils import find_councils, suggest

    names = {c.name for c in find_councils(given)}
    names |= {a for e in events if (a := e.get("authority")) and a.casefold() == given.strip().casefold()}
    if names:
        return names
    hint = suggest(given)
    message = f"no council matches {given!r}"
    message += f"; did you mean {' or '.join(repr(n) for n in hint)}?" if hint else "; see `ofsted-tui councils`"
    raise NotFound(message)


def documents_named(documents: dict[str, dict[str, Any]], ref: str) -> list[dict[str, Any]]:
    """The documents ``show REF`` may mean: the one with that id, else those whose id starts
    with it, else those imported by that path however it is spelt, from any folder."""
    if ref in documents:
        return [documents[ref]]
    by_id = [d for d in documents.values() if d["id"].startswith(ref)]
    if by_id:
        return by_id
    # The source was stored with a file name's controls removed (importers.pipeline), so the
    # name as the shell spells it ("evil\x1b[31m.txt") is looked for as stored too.
    cleaned = clean_text(ref)
    wanted = source_key(cleaned)
    exact = [d for d in documents.values()
             if d["source"] in (ref, cleaned) or source_key(d["source"]) in (wanted, source_key(ref))]
    if exact:
        return exact
    # A source stored relative to the folder it was imported from resolves here to
    # another place; the file the reference names ends with that relative path.
    return [d for d in documents.values()
            if not os.path.isabs(d["source"]) and _ends_with(wanted, os.path.normpath(d["source"]))]


def _ends_with(path: str, tail: str) -> bool:
    return not tail.startswith("..") and (path == tail or path.endswith(os.sep + tail))
