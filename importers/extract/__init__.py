"""Fact extraction from clean document text.

Each rule module exposes ``extract(text, ctx) -> list[Fact]`` and knows nothing
of files, formats or storage. ``extract_facts`` runs them all; rules are general
to the language of inspections and reporting, never written for one document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate

from importers.model import Fact

__all__ = ["DocContext", "extract_facts"]


@dataclass
class DocContext:
    """What the rules may know about the document beyond its text."""

    authority: str | None = None  # the council the document is about, canonical name
    published: tuple[int | None, int | None, int | None] = (None, None, None)  # y, m, d
    kind: str = "other"
    furniture: list[tuple[int, int]] = field(default_factory=list)  # spans to ignore
    # The type of inspection the document's head states (a report's title and
    # dates line, ``importers.pdf_report``); None where no head was read.
    inspection_type: str | None = None


def extract_facts(text: str, ctx: DocContext) -> list[Fact]:
    # Imported here so a rule module may import DocContext from this package.
    from importers.extract import (
        dates, grade_columns, improvements, inspections, judgement_table, judgements, people, quotes, statistics,
    )

    # The table rule runs first: a report's table row and a prose mention of the
    # same words must not both become facts (see ``_drop_overlaps``).
    rules = (judgement_table, grade_columns, dates, inspections, judgements, quotes, people, statistics, improvements)
    by_rule = [rule.extract(text, ctx) for rule in rules]
    if ctx.furniture:
        inside = _Ranges(ctx.furniture).contain
        by_rule = [[f for f in facts if not inside(f.span)] for facts in by_rule]
    facts = _drop_overlaps(by_rule)
    facts.sort(key=lambda f: (f.span[0], f.span[1], f.type))
    return facts


def _drop_overlaps(by_rule: list[list[Fact]]) -> list[Fact]:
    """Drop a judgement on words an earlier rule (in priority order) already judged.

    One rule may give several judgements on the same words: "Croydon, Sandwell
    and Northamptonshire were rated inadequate" is one per council.
    """
    kept: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for facts in by_rule:
        spans = []
        for fact in facts:
            if fact.type == "judgement":
                if any(fact.span[0] < end and start < fact.span[1] for start, end in taken):
                    continue
                spans.append(fact.span)
            kept.append(fact)
        taken.extend(spans)
    return kept


class _Ranges:
    """Ranges of the text, asked whether one of them holds a span.

    Each question is a binary search over the ranges, so many facts against
    many ranges (a report's page furniture) cost little.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self.starts = [start for start, _ in ordered]
        # The furthest end of any range starting at or before each one.
        self.reach = list(accumulate((end for _, end in ordered), max))

    def contain(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_right(self.starts, span[0]) - 1
        return i >= 0 and span[1] <= self.reach[i]
