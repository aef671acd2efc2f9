"""The user's notes, bookmarks and corrections, and how they survive re-imports.

An annotation names its document by ``source`` and ``doc_id`` and, for a fact,
by a ``fact_key``: the fact's type, the words at its span and which occurrence
of those words it is. Document ids and fact ids change when a file is edited
and re-imported; the key does not, so ``relink`` moves annotations onto the new
version. An annotation whose fact is gone keeps its place on the document.

Corrections (a date for an undated document, a fact's rating) are applied on
top of the imported facts when the timeline is built, never written into them,
so a re-import cannot undo them.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any, cast

from importers.model import AnnotationRow, DocumentRow, EventRow, FactRow
from ofsted_core.store import Store, StoreData, collector_paused

__all__ = [
    "ANNOTATION_KINDS", "CORRECTABLE", "apply_corrections", "fact_key", "make_annotation",
    "Change", "bookmark_change", "change_annotations", "correctable_fields", "correction_change", "rebuild_events", "relink", "save_annotation",
    "delete_annotation",
]

ANNOTATION_KINDS = ("note", "bookmark", "correction")
# What a correction may change: a document's fields, and those of each type of fact
# that carries something a reader can get wrong (a judgement's rating, a quote's words).
CORRECTABLE = {
    "document": ("published", "authority", "title", "kind"),
    "judgement": ("rating", "year", "month", "area", "authority"),
    "quote": ("speaker", "text"),
}


def correctable_fields(fact: FactRow | None) -> tuple[str, ...]:
    """The fields a correction may change on ``fact`` (the document's when None); empty if none."""
    return CORRECTABLE["document"] if fact is None else CORRECTABLE.get(fact.get("type") or "", ())


def fact_key(fact: FactRow, text: str, facts: list[FactRow]) -> str:
    """``type|words|n``: the n-th fact of this type with these words in the document."""
    def words(f: FactRow) -> str:
        start, end = f["span"]
        return " ".join(text[start:end].split()).lower()

    mine = words(fact)
    same = [f for f in facts if f["type"] == fact["type"] and words(f) == mine]
    same.sort(key=lambda f: f["span"][0])
    index = next((i for i, f in enumerate(same) if f["id"] == fact["id"]), 0)
    return f"{fact['type']}|{mine}|{index}"


def make_annotation(
    kind: str, doc: DocumentRow, *, fact: FactRow | None = None,
    facts: list[FactRow] | None = None, body: str = "",
    field: str | None = None, value: Any = None,
) -> AnnotationRow:
    if kind not in ANNOTATION_KINDS:
        raise ValueError(f"unknown annotation kind {kind!r}")
    if kind == "correction":
        allowed = correctable_fields(fact)
        if field not in allowed:
            raise ValueError(f"cannot correct {field!r}; correctable: {', '.join(allowed) or 'nothing'}")
    return {
        "id": uuid.uuid4().hex[:12],
        "kind": kind,
        "source": doc["source"],
        "doc_id": doc["id"],
        "fact_id": fact["id"] if fact else None,
        "fact_key": fact_key(fact, doc["text"], facts or [fact]) if fact else None,
        "body": body,
        "field": field,
        "value": value,
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def relink(
    annotations: list[AnnotationRow], old_doc: DocumentRow, old_facts: list[FactRow],
    new_doc: DocumentRow, new_facts: list[FactRow],
) -> None:
    """Move annotations of ``old_doc`` onto its re-imported version, in place."""
    new_keys = {fact_key(f, new_doc["text"], new_facts): f["id"] for f in new_facts}
    for note in annotations:
        if note.get("doc_id") != old_doc["id"]:
            continue
        note["doc_id"] = new_doc["id"]
        note["source"] = new_doc["source"]
        key = note.get("fact_key")
        if key:
            note["fact_id"] = new_keys.get(key)


def apply_corrections(data: StoreData) -> tuple[list[DocumentRow], list[FactRow]]:
    """Documents and facts with the user's corrections applied (copies where changed).

    Without corrections the lists are returned as they are, not copied.
    """
    corrections = [a for a in data.annotations if a.get("kind") == "correction"]
    # The store holds plain dicts: the rows are read as the types they are written as.
    if not corrections:
        return cast("list[DocumentRow]", data.documents), cast("list[FactRow]", data.facts)
    from importers.vocabulary import grade_of, normalise_rating

    docs = {d["id"]: d for d in data.documents}
    facts = {f["id"]: f for f in data.facts}
    for note in corrections:
        target = facts if note.get("fact_id") else docs
        key = note.get("fact_id") or note.get("doc_id")
        if key not in target:
            continue
        row = target[key] = copy.copy(target[key])
        row[note["field"]] = note["value"]
        if note["field"] == "rating" and row.get("type") == "judgement":
            rating = normalise_rating(str(note["value"]))
            if rating:
                row["rating"], row["grade"] = rating, grade_of(rating)
    return cast("list[DocumentRow]", list(docs.values())), cast("list[FactRow]", list(facts.values()))


def rebuild_events(data: StoreData) -> list[EventRow]:
    # Imported here: the timeline pulls in the date extractor, which the explorer
    # needs only when it writes, not to draw its first frame.
    from ofsted_core.timeline import build_events

    docs, facts = apply_corrections(data)
    return build_events(docs, facts)


@dataclass(frozen=True)
class Change:
    """Annotations to add and ids to remove, in one write; ``done`` says what it did."""

    add: tuple[AnnotationRow, ...] = ()
    remove: tuple[str, ...] = ()
    done: str = ""


def change_annotations(store: Store, change: Change, shown: StoreData | None = None) -> tuple[StoreData, Change]:
    """Apply ``change`` in one write; returns the store as written and the change that undoes it.

    Only ``db.json`` is written (annotations touch no bulk row). Events are
    made of documents and facts with the corrections applied
    (``rebuild_events``), so a note or a bookmark leaves them as they are,
    and a correction (added or removed) rebuilds only the events of the
    councils it touches, since it can move or re-rate an event. Reading the
    council's documents and rebuilding its events was most of a bookmark's
    save at 10,000 documents. Nothing is written when nothing
    changes (removing ids that are not there). The undo puts back what was
    removed, with its ids, and removes what was added. The store as written
    is ``shown`` (the snapshot the caller shows) with the new events and
    annotations; without it, the store is read again.
    """
    removing = set(change.remove)
    # A save makes thousands of acyclic rows; a full collection meanwhile walked the million rows of the
    # corpus shown (up to a second at 10,000 documents), on whichever thread allocated next.
    with collector_paused(), store.catalogue_transaction() as data:
        removed = tuple(cast("AnnotationRow", a) for a in data.annotations if a.get("id") in removing)
        data.changed = bool(change.add or removed)
        if data.changed:
            data.annotations[:] = [a for a in data.annotations if a.get("id") not in removing]
            data.annotations.extend(cast("list[dict[str, Any]]", change.add))
            touched = (*change.add, *removed)
            if any(note.get("kind") == "correction" for note in touched):
                data.events[:] = _events_after(store, data, touched)
    undo = Change(add=removed, remove=tuple(a["id"] for a in change.add), done=change.done)
    if shown is None:
        return store.read(), undo
    written = StoreData(documents=shown.documents, facts=shown.facts, events=data.events,
                        annotations=data.annotations, bulk=shown.bulk)
    return written, undo


def _events_after(store: Store, data: StoreData, notes: tuple[AnnotationRow, ...]) -> list[dict[str, Any]]:
    """The timeline after ``notes`` were added or removed: the events of the councils they touch rebuilt.

    ``data`` is a catalogue snapshot. The councils touched are those of the
    annotated documents, of the events holding them, and any a correction
    names; the documents read are every one in those councils' events or
    catalogued under them, and again their councils, until nothing is added.
    An event of one council is made only of facts of documents in its events
    (see ``timeline.build_events``), so this gives what a full rebuild gives.
    """
    from ofsted_core.timeline import event_order

    notes_with_authority = [n for n in notes if n.get("kind") == "correction" and n.get("field") == "authority"]
    councils: set[str | None] = {cast("str | None", n.get("value")) for n in notes_with_authority}
    by_id = {row["id"]: row for row in data.documents}
    doc_ids: set[str] = set()
    new_docs: set[str] = {n["doc_id"] for n in notes if n.get("doc_id")}
    walked: set[str | None] = set()
    # Each step looks only at what the step before added: every event and row was walked
    # again at each step, a quarter of a note's save at 10,000 documents.
    while True:
        doc_ids |= new_docs
        councils |= {by_id[d].get("authority") for d in new_docs if d in by_id}
        councils |= {e.get("authority") for e in data.events if not new_docs.isdisjoint(e["doc_ids"])}
        unwalked, walked = councils - walked, walked | councils
        more: set[str] = set()
        if unwalked:
            more = {d for e in data.events if e.get("authority") in unwalked for d in e["doc_ids"]}
            more |= {row["id"] for row in data.documents if row.get("authority") in unwalked}
        new_docs = more - doc_ids
        if not new_docs:
            break
    documents, facts = store.read_documents(by_id[d] for d in sorted(doc_ids) if d in by_id)
    rebuilt = rebuild_events(StoreData(documents=documents, facts=facts, annotations=data.annotations))
    kept = [e for e in data.events if e.get("authority") not in councils]
    fresh = cast("list[dict[str, Any]]", [e for e in rebuilt if e.get("authority") in councils])
    return sorted(kept + fresh, key=event_order)


def bookmark_change(
    doc: DocumentRow, notes: list[AnnotationRow], label: str,
    fact: FactRow | None = None, facts: list[FactRow] | None = None,
) -> Change:
    """Bookmark ``doc`` (or its ``fact``), or remove the bookmark ``notes`` (the document's annotations) hold."""
    fact_id = fact["id"] if fact else None
    existing = tuple(n["id"] for n in notes if n.get("kind") == "bookmark" and n.get("fact_id") == fact_id)
    if existing:
        return Change(remove=existing, done=f"Bookmark removed from {label}")
    return Change(add=(make_annotation("bookmark", doc, fact=fact, facts=facts),), done=f"Bookmarked {label}")


def correction_change(
    doc: DocumentRow, notes: list[AnnotationRow], field: str, value: Any,
    fact: FactRow | None = None, facts: list[FactRow] | None = None,
) -> Change:
    """Correct ``field``; a correction of the same field, among ``notes``, is replaced rather than stacked."""
    fact_id = fact["id"] if fact else None
    replaced = tuple(n["id"] for n in notes if n.get("kind") == "correction" and n.get("field") == field
                     and n.get("fact_id") == fact_id)
    note = make_annotation("correction", doc, fact=fact, facts=facts, field=field, value=value)
    return Change(add=(note,), remove=replaced, done=f"Corrected the {field}")


def save_annotation(store: Store, note: AnnotationRow, *, replace: tuple[str, ...] = ()) -> StoreData:
    """Add ``note`` (dropping the annotations with ids in ``replace``) in one write; the store as written."""
    return change_annotations(store, Change(add=(note,), remove=replace))[0]


def delete_annotation(store: Store, note_id: str) -> StoreData:
    """Remove the annotation ``note_id``; no write when there is none."""
    return change_annotations(store, Change(remove=(note_id,)))[0]
