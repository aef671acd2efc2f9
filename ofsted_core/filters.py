"""Filters over the timeline and the document list, with live facet counts.

Pure code (no Textual): the app's sidebar edits a ``Filters`` value and asks a
``FacetIndex`` for the events and documents that pass, and for each facet
value how many would pass if it were chosen too.

The index is built once per corpus, and after a note, bookmark or correction
remade from the one before (``FacetIndex.updated``): only the documents whose
annotations changed are looked at again. Every (facet, value) pair holds a bit set
(a Python ``int``) of the events and of the documents that have it, so a
keystroke costs a handful of big-integer ``&``/``|`` and ``bit_count`` calls
rather than a scan of 10,000 documents.

Facets describe both events and documents, linked through the documents that
support each event: a document "has" the event types of the events it
supports, an event "has" the document kinds and publishers of its sources, and
the speakers quoted in them. Values within one facet are alternatives (OR);
facets combine (AND).
"""

from __future__ import annotations

import copy
from collections import defaultdict, deque
from bisect import insort
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property
from itertools import chain, compress, count, repeat
from typing import Any, cast

from importers.model import AnnotationRow, DocumentRow, EventRow, FactRow
from importers.partial_date import PartialDate
from importers.grade_tables import get_era
from ofsted_core.bit_moves import Moves
from ofsted_core.document_order import document_order
from ofsted_core.fact_summary import FactSummary, summaries_by_doc, summarise
from ofsted_core.grades import GRADE_NAMES, NO_GRADE
from ofsted_core.labels import KIND_NAMES

__all__ = [
    "FACETS", "GRADE_NAMES", "NO_GRADE", "Facet", "FacetCounts", "FacetIndex", "FacetValue", "FilterResult",
    "Filters", "same_rows",
]

_ANNOTATION_NAMES = {"bookmark": "bookmarked", "note": "with notes", "correction": "corrected"}
UNKNOWN = "?"  # the value of an item that does not say (no authority, no publisher)


@dataclass(frozen=True)
class Facet:
    name: str  # the Filters field holding its chosen values
    title: str


FACETS: tuple[Facet, ...] = (
    Facet("authorities", "Authority"),
    Facet("grades", "Rating"),
    Facet("eras", "Era / framework"),
    Facet("event_types", "Event type"),
    Facet("kinds", "Document kind"),
    Facet("publishers", "Publisher"),
    Facet("speakers", "Speaker"),
    Facet("marks", "Notes & bookmarks"),
)
_FACET_NAMES = tuple(f.name for f in FACETS)


@dataclass(frozen=True)
class Filters:
    """What the user chose; an empty set means "any"."""

    authorities: frozenset[str] = frozenset()
    grades: frozenset[str] = frozenset()
    eras: frozenset[str] = frozenset()
    event_types: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    publishers: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    marks: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""

    def selected(self, facet: str) -> frozenset[str]:
        return getattr(self, facet)

    def toggled(self, facet: str, value: str) -> Filters:
        chosen = self.selected(facet)
        changed: dict[str, Any] = {facet: chosen - {value} if value in chosen else chosen | {value}}
        return replace(self, **changed)

    def only(self, facet: str, value: str) -> Filters:
        changed: dict[str, Any] = {facet: frozenset({value})}
        return replace(self, **changed)

    def with_years(self, year_from: int | None, year_to: int | None) -> Filters:
        return replace(self, year_from=year_from, year_to=year_to)

    def with_text(self, text: str) -> Filters:
        return replace(self, text=text)

    @property
    def has_years(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or self.has_years or any(self.selected(f) for f in _FACET_NAMES)

    def chosen_count(self) -> int:
        """How many choices are in force (for a badge on the sidebar)."""
        return sum(len(self.selected(f)) for f in _FACET_NAMES) + self.has_years + bool(self.text.strip())


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    events: int  # events that would pass with this value chosen (other facets as they are)
    documents: int
    selected: bool


class FacetCounts(Sequence[FacetValue]):
    """One facet's values with live counts, each counted when first read.

    A facet can have thousands of values (speakers) and the sidebar draws the
    few on screen, so a keystroke counts those rather than every value.
    """

    def __init__(self, index: FacetIndex, facet: str, values: list[str], chosen: frozenset[str],
                 base_events: int, base_docs: int) -> None:
        self._index, self._facet, self._values, self._chosen = index, facet, values, chosen
        self._base_events, self._base_docs = base_events, base_docs
        self._made: dict[int, FacetValue] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._values)))]
        if i < 0:
            i += len(self._values)
        made = self._made.get(i)
        if made is None:
            value = self._values[i]  # IndexError past the end ends iteration
            index, facet = self._index, self._facet
            made = self._made[i] = FacetValue(
                value=value,
                label=index.label(facet, value),
                events=(self._base_events & index.events.values[facet].get(value, 0)).bit_count(),
                documents=(self._base_docs & index.docs.values[facet].get(value, 0)).bit_count(),
                selected=value in self._chosen,
            )
        return made

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass
class FilterResult:
    events: list[EventRow]
    documents: list[DocumentRow]
    facets: dict[str, Sequence[FacetValue]] = field(default_factory=dict)

    # Where each document stands in the index, and the bit set of those that pass (see ``passes``).
    positions: Mapping[str, int] = field(default_factory=dict)
    doc_mask: int = 0

    @cached_property
    def doc_ids(self) -> set[str]:
        # Made when first asked: 10,000 ids a keystroke were a good part of applying the filters.
        return {d["id"] for d in self.documents}

    def passes(self, doc_id: str) -> bool:
        """Whether the document passes the filters: one bit tested, where ``doc_ids`` makes every id's set."""
        if not self.positions:
            return doc_id in self.doc_ids
        pos = self.positions.get(doc_id)
        return pos is not None and bool(self.doc_mask >> pos & 1)


# Bits written out ("0b1011") turned into bytes of 0 and 1, for itertools.compress.
_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _bits(mask: int) -> bytes:
    """One byte per position, lowest first: 1 where the bit is set, else 0 (the ones past the top are left off)."""
    return bin(mask)[:1:-1].encode("ascii").translate(_BITS)


def _pick(items: list[Any], mask: int) -> list[Any]:
    """The items at the set bits of ``mask`` (all in C: a keystroke picks from 10,000 rows)."""
    return list(compress(items, _bits(mask)))


def _indices(mask: int) -> list[int]:
    """The positions of the set bits, lowest first."""
    return list(compress(count(), _bits(mask)))


def _mask(indices: Iterable[int]) -> int:
    """An int with the bits at ``indices`` set."""
    positions = list(indices)
    if not positions:
        return 0
    # Digits written highest first and parsed at once, rather than an OR per bit (each copies the int).
    digits = bytearray(b"0" * (max(positions) + 1))
    deque(map(digits.__setitem__, positions, repeat(ord("1"))), maxlen=0)
    digits.reverse()
    return int(digits, 2)


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


class _Side:
    """Bit sets for one kind of item (events or documents)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.all = (1 << count) - 1
        self.values: dict[str, dict[str, int]] = {name: {} for name in _FACET_NAMES}
        self.years: dict[int, int] = {}
        # Positions are gathered first and turned into bit sets once: OR-ing one
        # bit at a time into a growing int would copy it for every item.
        self._positions: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in _FACET_NAMES}
        self._year_positions: dict[int, list[int]] = defaultdict(list)

    def add(self, facet: str, values: Iterable[str], index: int) -> None:
        table = self._positions[facet]
        for value in set(values):
            table[value].append(index)

    def add_year(self, year: int, index: int) -> None:
        self._year_positions[year].append(index)

    def freeze(self) -> None:
        for facet, table in self._positions.items():
            self.values[facet] = {value: _mask(positions) for value, positions in table.items()}
        self.years = {year: _mask(positions) for year, positions in self._year_positions.items()}
        self._positions, self._year_positions = {}, {}

    def moved(self, moves: Moves, count: int, fresh: Iterable[tuple[int, dict[str, set[str]], int | None]],
              ) -> tuple[_Side, dict[str, set[str]]]:
        """The bit sets of ``count`` items: this side's carried by ``moves``, and those of ``fresh`` items
        (position, values, year) added; and each facet's values whose items changed (their counts may)."""
        side = _Side(count)
        for pos, values, year in fresh:
            for facet, vals in values.items():
                side.add(facet, vals, pos)
            if year is not None:
                side.add_year(year, pos)

        changed: dict[str, set[str]] = {}

        def merged(masks: dict[Any, int], added: Mapping[Any, list[int]], facet: str = "") -> dict[Any, int]:
            out, dropped = moves.carry_all(masks)
            changed[facet] = dropped | added.keys()
            for value, positions in added.items():
                out[value] = out.get(value, 0) | _mask(positions)
            return {value: mask for value, mask in out.items() if mask} if dropped else out

        side.values = {facet: merged(self.values[facet], side._positions[facet], facet) for facet in _FACET_NAMES}
        side.years = merged(self.years, side._year_positions)
        side._positions, side._year_positions = {}, {}
        return side, changed

    def with_values(self, facet: str, values: dict[str, int]) -> _Side:
        """A copy whose ``facet`` has these bit sets (the others shared)."""
        side = copy.copy(self)
        side.values = {**self.values, facet: {v: m for v, m in values.items() if m}}
        return side


class FacetIndex:
    """Bit sets over one corpus; ``apply`` answers a ``Filters`` in milliseconds."""

    def __init__(
        self,
        documents: Mapping[str, DocumentRow],
        facts: Mapping[str, FactRow],
        events: list[EventRow],
        annotations: list[AnnotationRow],
        order: list[DocumentRow] | None = None,
        summaries: Mapping[str, FactSummary] | _SummaryOf | None = None,
        known_facts: Callable[[DocumentRow], dict[str, set[str]] | None] | None = None,
        sorted_order: bool = False,
    ) -> None:
        """``summaries`` (doc id -> ``fact_summary``) stand for ``facts`` where given: a corpus's, none read.

        ``known_facts``: a document's facet values from its facts where already known (see ``updated``).
        """
        self._documents = documents
        self._docs = order if order is not None else list(documents.values())
        self._events = list(events)
        self._doc_pos = {d["id"]: i for i, d in enumerate(self._docs)}
        self._doc_events: list[list[int]] = []
        # Whether the documents stand in ``document_order`` (a corpus's), which a correction's update keeps.
        self._sorted = sorted_order
        self.docs = _Side(len(self._docs))
        self.events = _Side(len(self._events))
        self._labels: dict[str, dict[str, str]] = {name: {} for name in _FACET_NAMES}
        self._era_start: dict[str, int] = {}
        self._text_cache: tuple[Iterable[str], Mapping[str, set[str]] | None, tuple[int, int]] | None = None
        # Each document's values read from its facts (grades, eras, speakers), kept for ``updated``.
        self._fact_values: dict[str, dict[str, set[str]]] = {}
        self._build(summaries if summaries is not None else summaries_by_doc(facts.values()), annotations, known_facts)

    @classmethod
    def from_corpus(cls, corpus: Any) -> FacetIndex:
        """Index a ``Corpus`` (anything with documents, facts, events, annotations)."""
        order = corpus.sorted_documents() if hasattr(corpus, "sorted_documents") else None
        return cls(corpus.documents, {}, corpus.events, corpus.annotations, order, corpus.summaries,
                   sorted_order=order is not None)

    @classmethod
    def updated(cls, previous: FacetIndex, corpus: Any) -> FacetIndex:
        """The index of ``corpus``, written from ``previous``'s by a note, bookmark or correction.

        Only the documents whose annotations differ are looked at again. A note
        or bookmark (the same document rows, the same events) changes the
        marks of those documents and of the events they support, and nothing
        else is touched; a correction (a document or a fact changed, the
        council's events rebuilt) re-reads the facts of those documents alone
        and carries every other item's bits to its new place (``_corrected``).
        """
        touched = _annotated_differently(previous._annotations, corpus.annotations)
        if corpus.documents is previous._documents and same_rows(previous._events, corpus.events):
            return previous._with_marks(corpus.annotations, touched)
        corrected = previous._corrected(corpus, touched)
        if corrected is not None:
            return corrected
        before = previous._documents

        def known_facts(doc: DocumentRow) -> dict[str, set[str]] | None:
            # A row that differs from the one indexed before (a correction of the document) is read again.
            doc_id = doc["id"]
            if doc_id in touched or before.get(doc_id) != doc:
                return None
            return previous._fact_values.get(doc_id, {})

        order = corpus.sorted_documents() if hasattr(corpus, "sorted_documents") else None
        return cls(corpus.documents, {}, corpus.events, corpus.annotations, order, _SummaryOf(corpus, previous._era_start),
                   known_facts, sorted_order=order is not None)

    # -- building ------------------------------------------------------------
    def _build(self, summaries: Mapping[str, FactSummary] | _SummaryOf, annotations: list[AnnotationRow],
               known_facts: Callable[[DocumentRow], dict[str, set[str]] | None] | None) -> None:
        per_doc: dict[str | None, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        if not isinstance(summaries, _SummaryOf):
            for doc_id, summary in summaries.items():
                self._read_summary(summary, per_doc[doc_id])
        else:
            # The regimes' first years as read before (a corrected year only ever adds an earlier one).
            self._era_start.update(summaries.era_start)
            for doc in self._docs:
                known = known_facts(doc) if known_facts is not None else None
                if known is None:
                    self._read_summary(summaries.of(doc["id"]), per_doc[doc["id"]])
                else:
                    per_doc[doc["id"]].update({k: set(v) for k, v in known.items()})
        self._fact_values = {doc_id: {k: set(v) for k, v in mine.items()} for doc_id, mine in per_doc.items()
                             if doc_id is not None}
        self._annotations = annotations
        for doc_id, kinds in _marks_of(annotations).items():
            per_doc[doc_id]["marks"] |= kinds

        self._link()
        empty: dict[str, set[str]] = {}
        for i, doc in enumerate(self._docs):
            for facet, vals in self._doc_values(i, per_doc.get(doc["id"], empty)).items():
                self.docs.add(facet, vals, i)
            year = _year(doc.get("published"))
            if year is not None:
                self.docs.add_year(year, i)

        for i, event in enumerate(self._events):
            for facet, vals in self._event_values(event, lambda doc_id: per_doc.get(doc_id, empty)).items():
                self.events.add(facet, vals, i)
            event_year = _event_year(event)
            if event_year is not None:
                self.events.add_year(event_year, i)

        self.docs.freeze()
        self.events.freeze()
        self._order = self._value_order()
        self._present = {facet: frozenset(values) for facet, values in self._order.items()}

    def _link(self) -> None:
        """Which events each document supports, and which documents each event has, by position."""
        position = self._doc_pos.get
        self._event_docs: list[list[int]] = [
            [pos for doc_id in event.get("doc_ids") or () if (pos := position(doc_id)) is not None]
            for event in self._events]
        self._doc_events = [[] for _ in self._docs]
        for i, positions in enumerate(self._event_docs):
            for pos in positions:
                self._doc_events[pos].append(i)
        self._events_with_docs = _mask(i for i, found in enumerate(self._event_docs) if found)

    def _doc_values(self, pos: int, mine: Mapping[str, set[str]]) -> dict[str, set[str]]:
        """The values of the document at ``pos``; ``mine``, those read from its facts and its marks."""
        doc = self._docs[pos]
        supported = [self._events[e] for e in self._doc_events[pos]]
        # A document is about its own council and every council whose events it supports: the
        # national record (no council of its own) and a round-up of several councils are listed
        # under each, as their events are.
        authorities = {name for name in (_norm(doc.get("authority")), *(_norm(e.get("authority")) for e in supported))
                       if name}
        return {
            "authorities": authorities or {UNKNOWN},
            "grades": set(mine.get("grades", ())) or {NO_GRADE},
            "eras": set(mine.get("eras", ())) | {era for e in supported if (era := e.get("era"))},
            "event_types": {e["type"] for e in supported if e.get("type")},
            "kinds": {doc.get("kind") or "other"},
            "publishers": {_norm(doc.get("publisher")) or UNKNOWN},
            "speakers": set(mine.get("speakers", ())),
            "marks": set(mine.get("marks", ())),
        }

    def _event_values(self, event: EventRow, mine: Callable[[str], Mapping[str, set[str]]]) -> dict[str, set[str]]:
        """The values of ``event``; ``mine`` gives a source's values read from its facts and its marks."""
        sources = [self._docs[self._doc_pos[d]] for d in event.get("doc_ids") or () if d in self._doc_pos]
        source_values = [mine(d["id"]) for d in sources]
        return {
            "authorities": {_norm(event.get("authority")) or UNKNOWN},
            "grades": {str(event["grade"]) if event.get("grade") else NO_GRADE},
            "eras": {era} if (era := event.get("era")) else set(),
            "event_types": {event["type"]} if event.get("type") else set(),
            "kinds": {d.get("kind") or "other" for d in sources},
            "publishers": {_norm(d.get("publisher")) or UNKNOWN for d in sources},
            "speakers": set().union(*(v.get("speakers", ()) for v in source_values)),
            "marks": set().union(*(v.get("marks", ()) for v in source_values)),
        }

    def _read_summary(self, summary: FactSummary, mine: dict[str, set[str]]) -> None:
        """A document's grades and eras (judgements) and speakers (quotes), from its facts' summary."""
        mine["grades"].update(summary["grades"])
        for raw_era, year in summary["eras"].items():
            era = _norm(raw_era)
            if era:
                mine["eras"].add(era)
                if year:
                    self._era_start[era] = min(self._era_start.get(era, 9999), int(year))
        mine["speakers"].update(speaker for raw in summary["speakers"] if (speaker := _norm(raw)))

    def _corrected(self, corpus: Any, touched: set[str]) -> FacetIndex | None:
        """This index remade for ``corpus``, written by a correction: None where it is not such a write.

        A correction changes a few document rows (a date moves one in date
        order), the facts of a few documents, and the events of a council or
        two. Those documents and events, the documents of the events that
        changed and the events of the documents that did, are indexed again;
        every other item's bits are carried to its new position (``Moves``),
        a few big-integer operations a value where building the index whole
        looked at 10,000 documents. The same documents in the same order of
        the catalogue are required, and every event kept in the same order:
        else (an import, a reload) the index is built whole.
        """
        before, after = self._documents, corpus.documents
        old_ids = list(self._doc_pos)
        if not (self._sorted and hasattr(corpus, "sorted_documents") and len(after) == len(before)
                and list(after) == list(before)):
            return None
        changed = {doc_id for doc_id, row in after.items() if before[doc_id] is not row and before[doc_id] != row}
        events = list(corpus.events)
        event_changes = _changed_events(self._events, events)
        if event_changes is None:
            return None
        index = copy.copy(self)
        index._documents, index._annotations, index._events, index._text_cache = after, corpus.annotations, events, None
        # What the corrected documents' facts say now (the regimes' first years as ``updated`` keeps them).
        index._era_start, index._fact_values = dict(self._era_start), dict(self._fact_values)
        summaries = _SummaryOf(corpus, index._era_start)
        for doc_id in changed | (touched & after.keys()):
            mine: dict[str, set[str]] = defaultdict(set)
            index._read_summary(summaries.of(doc_id), mine)
            index._fact_values[doc_id] = dict(mine)

        # The documents in date order: the changed ones taken out and put back where they now sort (ties in the
        # catalogue's order, as the corpus's stable sort leaves them).
        rank = {doc_id: i for i, doc_id in enumerate(after)}

        def order_key(doc: DocumentRow) -> tuple:
            return document_order(cast("dict[str, Any]", doc)), rank[doc["id"]]

        docs = list(map(after.__getitem__, (doc_id for doc_id in old_ids if doc_id not in changed)))
        for doc in sorted((after[doc_id] for doc_id in changed), key=order_key):
            insort(docs, doc, key=order_key)
        index._docs = docs
        index._doc_pos = dict(zip((d["id"] for d in docs), count()))
        index._link()

        # Indexed again: the events changed, and those with a source whose values changed (its row, its facts,
        # its marks); the documents changed or touched, and those of the events changed, whose types they have.
        dropped_events, added_events = event_changes
        sourced = changed | touched
        dropped_events |= set(chain.from_iterable(self._doc_events[self._doc_pos[d]] for d in sourced if d in after))
        added_events |= set(chain.from_iterable(index._doc_events[index._doc_pos[d]] for d in sourced if d in after))
        stale_docs = sourced & after.keys()
        stale_docs.update(old_ids[p] for e in dropped_events for p in self._event_docs[e])
        stale_docs.update(docs[p]["id"] for e in added_events for p in index._event_docs[e])

        marks = _marks_of(corpus.annotations)
        empty: dict[str, set[str]] = {}

        def mine_of(doc_id: str) -> Mapping[str, set[str]]:
            values = index._fact_values.get(doc_id, empty)
            return {**values, "marks": marks[doc_id]} if doc_id in marks else values

        doc_moves = Moves((self._doc_pos[d] for d in stale_docs), (index._doc_pos[d] for d in stale_docs), len(docs))
        event_moves = Moves(dropped_events, added_events, len(self._events))
        index.docs, doc_values = self.docs.moved(doc_moves, len(docs), (
            (pos, index._doc_values(pos, mine_of(docs[pos]["id"])), _year(docs[pos].get("published")))
            for pos in doc_moves.added))
        index.events, event_values = self.events.moved(event_moves, len(events), (
            (pos, index._event_values(events[pos], mine_of), _event_year(events[pos])) for pos in event_moves.added))
        index._order = index._value_order({facet: doc_values[facet] | event_values[facet] for facet in _FACET_NAMES},
                                          self)
        index._present = {facet: frozenset(values) for facet, values in index._order.items()}
        return index

    def _with_marks(self, annotations: list[AnnotationRow], touched: set[str]) -> FacetIndex:
        """This index with the marks (bookmarked, with notes, corrected) of ``touched`` documents as they are now.

        Bits are cleared and set for those documents and the events they
        support; everything else is shared with this index.
        """
        marks = _marks_of(annotations)
        doc_masks = dict(self.docs.values["marks"])
        event_masks = dict(self.events.values["marks"])
        events: set[int] = set()
        for doc_id in touched:
            pos = self._doc_pos.get(doc_id)
            if pos is None:
                continue
            _set_bit(doc_masks, pos, marks.get(doc_id, set()))
            events.update(self._doc_events[pos])
        for i in events:
            sources = (self._events[i].get("doc_ids") or ())
            _set_bit(event_masks, i, set().union(*(marks.get(d, ()) for d in sources if d in self._doc_pos)))
        index = copy.copy(self)
        index.docs = self.docs.with_values("marks", doc_masks)
        index.events = self.events.with_values("marks", event_masks)
        index._annotations = annotations
        index._text_cache = None
        index._order = {**self._order, "marks": [m for m in _ANNOTATION_NAMES
                                                 if m in index.docs.values["marks"] or m in index.events.values["marks"]]}
        index._present = {**self._present, "marks": frozenset(index._order["marks"])}
        return index

    def _value_order(self, changed: Mapping[str, set[str]] | None = None,
                     previous: FacetIndex | None = None) -> dict[str, list[str]]:
        """Each facet's values in a stable display order (never by live count).

        The publishers and speakers are ordered by how many items have them: given the ``previous`` index
        and the values whose items ``changed`` since, only those are counted again and put back in place.
        """
        def present(facet: str) -> set[str]:
            return set(self.docs.values[facet]) | set(self.events.values[facet])

        def total(facet: str, value: str) -> int:
            return (self.docs.values[facet].get(value, 0).bit_count()
                    + self.events.values[facet].get(value, 0).bit_count())

        def frequency(facet: str) -> list[str]:
            def key(value: str) -> tuple[int, str, str]:
                return -totals[value], value.lower(), value

            if previous is None or changed is None:
                totals = self._totals[facet] = {v: total(facet, v) for v in present(facet)}
                return sorted(totals, key=key)
            totals = self._totals[facet] = dict(previous._totals[facet])
            again = changed[facet]
            for value in again:
                if count := total(facet, value):
                    totals[value] = count
                else:
                    totals.pop(value, None)
            order = [v for v in previous._order[facet] if v not in again]
            for value in again & totals.keys():
                insort(order, value, key=key)
            return order

        self._totals: dict[str, dict[str, int]] = {}
        return {
            "authorities": sorted(present("authorities"), key=lambda v: (v == UNKNOWN, v.lower())),
            "grades": [g for g in GRADE_NAMES if g in present("grades")],
            "eras": sorted(present("eras"), key=self._era_key),
            "event_types": sorted(present("event_types")),
            "kinds": sorted(present("kinds"), key=lambda v: (list(KIND_NAMES).index(v) if v in KIND_NAMES else 99, v)),
            "publishers": frequency("publishers"),
            "speakers": frequency("speakers"),
            "marks": [m for m in _ANNOTATION_NAMES if m in present("marks")],
        }

    def _era_key(self, era_id: str) -> tuple[tuple[int, int], str]:
        """Regimes in the order they began; unknown ones by the first year seen."""
        era = get_era(era_id)
        return (era.start if era else (self._era_start.get(era_id, 9999), 0)), era_id

    # -- queries -------------------------------------------------------------
    @property
    def years(self) -> tuple[int, int] | None:
        """The first and last year any event or document has."""
        known = set(self.docs.years) | set(self.events.years)
        return (min(known), max(known)) if known else None

    def label(self, facet: str, value: str) -> str:
        if facet == "grades":
            return GRADE_NAMES.get(value, value)
        if facet == "kinds":
            return KIND_NAMES.get(value, value)
        if facet == "marks":
            return _ANNOTATION_NAMES.get(value, value)
        if facet == "eras" and (era := get_era(value)) is not None:
            return f"{era.years} {era.label}"
        if value == UNKNOWN:
            return "not stated"
        return value

    def values(self, facet: str) -> list[str]:
        return list(self._order.get(facet, ()))

    def _text_masks(self, doc_ids: Iterable[str], rows: Mapping[str, set[str]] | None = None) -> tuple[int, int]:
        """The bit sets of the documents matching a search, and of the events they bring.

        A matching document brings all its events, a dataset (in ``rows``) only those of its
        matching rows. A broad prefix ("c", "children i") matches nearly every document at each
        keystroke, so where most match, the few that do not are gathered instead, and only their
        events looked at: an event is left out where none of its documents brings it.
        """
        # The same answer is applied again on every other filter change: keep its masks.
        if self._text_cache is not None and self._text_cache[0] is doc_ids and self._text_cache[1] is rows:
            return self._text_cache[2]
        matched = doc_ids if isinstance(doc_ids, (set, frozenset)) else set(doc_ids)
        datasets = {pos: kept for doc_id, kept in (rows or {}).items()
                    if doc_id in matched and (pos := self._doc_pos.get(doc_id)) is not None}

        def brought(event: int, docs: bytes) -> bool:
            """Whether a matching document brings the event (docs: one byte per document, 1 where it matches)."""
            for pos in self._event_docs[event]:
                if pos < len(docs) and docs[pos]:
                    kept = datasets.get(pos)
                    if kept is None or self._events[event].get("id") in kept:
                        return True
            return False

        if len(matched) * 2 <= len(self._doc_pos):
            found = list(map(self._doc_pos.get, matched))
            # None for ids of documents not indexed here (rare: the search answers with the catalogue's).
            positions = [p for p in found if p is not None] if None in found else cast("list[int]", found)
            whole = [pos for pos in positions if pos not in datasets] if datasets else positions
            docs_mask = _mask(positions)
            in_datasets = chain.from_iterable(map(self._doc_events.__getitem__, datasets))
            bits = _bits(docs_mask)
            # The events of every whole match gathered in C; a dataset's checked one by one.
            events = chain(chain.from_iterable(map(self._doc_events.__getitem__, whole)),
                           [e for e in in_datasets if brought(e, bits)])
            masks = docs_mask, _mask(events)
        else:
            unmatched = list(map(self._doc_pos.__getitem__, self._doc_pos.keys() - matched))
            docs_mask = self.docs.all ^ _mask(unmatched)
            bits = _bits(docs_mask)
            doubtful = set(chain.from_iterable(map(self._doc_events.__getitem__, chain(unmatched, datasets))))
            dropped = [e for e in doubtful if not brought(e, bits)]
            masks = docs_mask, self._events_with_docs ^ _mask(dropped)
        self._text_cache = (doc_ids, rows, masks)
        return masks

    def _year_mask(self, side: _Side, filters: Filters) -> int:
        low = filters.year_from if filters.year_from is not None else -10**9
        high = filters.year_to if filters.year_to is not None else 10**9
        mask = 0
        for year, bits in side.years.items():
            if low <= year <= high:
                mask |= bits
        return mask

    def apply(self, filters: Filters, text_docs: Iterable[str] | None = None,
              text_rows: Mapping[str, set[str]] | None = None) -> FilterResult:
        """Events and documents passing ``filters``; facet counts for the sidebar.

        ``text_docs`` are the documents matching ``filters.text`` (the search
        index answers that); ``None`` means no text filter. ``text_rows`` gives,
        for a matching dataset, the events of its rows that match
        (``dataset_rows.events_in_matching_rows``); its other events are left out.
        """
        sides = {"events": self.events, "docs": self.docs}
        # One constraint mask per (side, facet) in force; the rest are "all".
        masks: dict[str, dict[str, int]] = {"events": {}, "docs": {}}
        for key, side in sides.items():
            for facet in _FACET_NAMES:
                chosen = filters.selected(facet)
                if chosen:
                    mask = 0
                    for value in chosen:
                        mask |= side.values[facet].get(value, 0)
                    masks[key][facet] = mask
            if filters.has_years:
                masks[key]["_years"] = self._year_mask(side, filters)
        if text_docs is not None:
            masks["docs"]["_text"], masks["events"]["_text"] = self._text_masks(text_docs, text_rows)

        totals = {key: _and(sides[key].all, masks[key].values()) for key in sides}
        facets: dict[str, Sequence[FacetValue]] = {}
        for facet in _FACET_NAMES:
            # Counts for a facet ignore its own choices, so alternatives stay visible.
            base = {
                key: _and(sides[key].all, (m for name, m in masks[key].items() if name != facet))
                for key in sides
            }
            chosen = filters.selected(facet)
            # A chosen value the corpus no longer has (after a reload) stays visible so it can be cleared;
            # it has no bit set, so it counts 0.
            values = self._order[facet]
            if chosen and not chosen.issubset(self._present[facet]):
                values = values + sorted(chosen - self._present[facet])
            facets[facet] = FacetCounts(self, facet, values, chosen, base["events"], base["docs"])

        events = self._events if totals["events"] == self.events.all else _pick(self._events, totals["events"])
        docs = self._docs if totals["docs"] == self.docs.all else _pick(self._docs, totals["docs"])
        return FilterResult(events=list(events), documents=list(docs), facets=facets, positions=self._doc_pos,
                            doc_mask=totals["docs"])


class _SummaryOf:
    """A corpus's documents' fact summaries one at a time, as ``FacetIndex`` reads them when it
    rebuilds from a previous index (only the documents a change touched are read)."""

    def __init__(self, corpus: Any, era_start: dict[str, int]) -> None:
        self._facts_of: Callable[[str], list[FactRow]] = corpus.facts_of
        self.era_start = era_start

    def of(self, doc_id: str) -> FactSummary:
        return summarise(self._facts_of(doc_id))


def _marks_of(annotations: Iterable[AnnotationRow]) -> dict[str, set[str]]:
    """Each document's kinds of annotation that are facet values (bookmark, note, correction)."""
    out: dict[str, set[str]] = defaultdict(set)
    for note in annotations:
        kind = note.get("kind")
        if kind in _ANNOTATION_NAMES:
            out[note.get("doc_id")].add(kind)  # type: ignore[index]
    return out


def _annotated_differently(before: Iterable[AnnotationRow], after: Iterable[AnnotationRow]) -> set[str]:
    """The documents whose annotations differ between two lists (added, removed or changed)."""
    def by_doc(notes: Iterable[AnnotationRow]) -> dict[Any, list[AnnotationRow]]:
        out: dict[Any, list[AnnotationRow]] = defaultdict(list)
        for note in notes:
            out[note.get("doc_id")].append(note)
        return out

    old, new = by_doc(before), by_doc(after)
    return {doc_id for doc_id in old.keys() | new.keys() if old.get(doc_id) != new.get(doc_id)}


def same_rows(before: Sequence[Any], after: Sequence[Any]) -> bool:
    """The same rows in the same order (the very objects, or equal ones rebuilt alike)."""
    return len(before) == len(after) and all(a is b or a == b for a, b in zip(before, after))


def _set_bit(masks: dict[str, int], position: int, values: set[str]) -> None:
    """Make the item at ``position`` have exactly ``values`` among ``masks``."""
    bit = 1 << position
    for value in masks.keys() | values:
        mask = masks.get(value, 0)
        masks[value] = (mask | bit) if value in values else (mask & ~bit)


def _and(start: int, masks: Iterable[int]) -> int:
    for mask in masks:
        start &= mask
    return start


def _event_year(event: EventRow) -> int | None:
    year = event.get("year")
    return None if year is None else int(year)


def _changed_events(before: list[EventRow], after: list[EventRow]) -> tuple[set[int], set[int]] | None:
    """The events of ``before`` not in ``after`` (old positions) and those new in it (new positions).

    A correction rebuilds the events of the councils it touches and keeps the others' very rows; of those
    rebuilt, the ones equal to an event before, in the same order (the longest such run), are kept too. None
    where the events kept are not in the same order (then the index is built whole).
    """
    old_rows, new_rows = {id(e) for e in before}, {id(e) for e in after}
    gone = [i for i, e in enumerate(before) if id(e) not in new_rows]
    came = [i for i, e in enumerate(after) if id(e) not in old_rows]

    def by_council(events: list[EventRow], positions: list[int]) -> dict[Any, list[int]]:
        out: dict[Any, list[int]] = defaultdict(list)
        for i in positions:
            out[events[i].get("authority")].append(i)
        return out

    dropped, added = set(gone), set(came)
    news = by_council(after, came)
    for council, olds in by_council(before, gone).items():
        mine = news.get(council, [])
        # repr stands for equality: equal rows built alike print alike (any that do not are indexed again).
        matcher = SequenceMatcher(None, [repr(before[o]) for o in olds], [repr(after[n]) for n in mine],
                                  autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            dropped.difference_update(olds[a:a + size])
            added.difference_update(mine[b:b + size])
    kept_old = [e for i, e in enumerate(before) if i not in dropped]
    kept_new = [e for i, e in enumerate(after) if i not in added]
    if len(kept_old) != len(kept_new) or not all(a is b or a == b for a, b in zip(kept_old, kept_new)):
        return None
    return dropped, added


def _year(published: Any) -> int | None:
    date = PartialDate.parse(published)
    return date.year if date else None
