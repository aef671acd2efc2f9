"""What the explorer knows of a document's facts before reading them: a small summary.

The explorer starts from the catalogue and the events; a document's facts are
read only when it is opened. What the first screen still needs of them (the
facet counts of ``ofsted_core.filters``, the fact counts of the document list,
the quotes the command palette offers to export) comes from this summary,
made when the facts are written to the bulk file and stored beside them
(``ofsted_core.bulk``), so start-up reads a few fields per document, never the
facts themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

__all__ = ["QUOTE_WORDS", "FactSummary", "summarise", "summaries_by_doc"]

QUOTE_WORDS = 12  # a quote's first words, enough to recognise it in a list


class FactSummary(TypedDict):
    counts: dict[str, int]  # facts of each type
    grades: list[str]  # the grades judgements give
    eras: dict[str, int | None]  # the eras judgements name, with the first year any gives (None: no year)
    speakers: list[str]  # who the quotes are from, as the extractor wrote them
    quotes: list[list[str | None]]  # [fact id, first words, speaker] of each quote


def summarise(facts: Iterable[Mapping[str, Any]]) -> FactSummary:
    """The summary of one document's facts (corrections applied by the caller, where any)."""
    counts: Counter[str] = Counter()
    grades: set[str] = set()
    eras: dict[str, int | None] = {}
    speakers: set[str] = set()
    quotes: list[list[str | None]] = []
    for fact in facts:
        kind = fact.get("type")
        counts[str(kind)] += 1
        if kind == "judgement":
            if fact.get("grade"):
                grades.add(str(fact["grade"]))
            era = fact.get("era")
            if era:
                year = int(fact["year"]) if fact.get("year") else None
                before = eras.get(str(era))
                eras[str(era)] = year if before is None else before if year is None else min(before, year)
        elif kind == "quote":
            if fact.get("speaker"):
                speakers.add(str(fact["speaker"]))
            words = " ".join(str(fact.get("text") or "").split()[:QUOTE_WORDS])
            quotes.append([str(fact.get("id")), words, fact.get("speaker")])
    return FactSummary(counts=dict(counts), grades=sorted(grades), eras=eras, speakers=sorted(speakers),
                       quotes=quotes)


def summaries_by_doc(facts: Iterable[Mapping[str, Any]]) -> dict[str, FactSummary]:
    """The summary of each document's facts, from facts of many documents (held in memory)."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for fact in facts:
        grouped.setdefault(str(fact.get("doc_id")), []).append(fact)
    return {doc_id: summarise(rows) for doc_id, rows in grouped.items()}
