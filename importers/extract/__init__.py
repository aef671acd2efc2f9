"""Fact extraction from clean document text.

Each rule module exposes ``extract(text, ctx) -> list[Fact]`` and knows nothing
of files, formats or storage. ``extract_facts`` runs them all; rules are general
to the language of inspections and reporting, never written for one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.model import Fact

__all__ = ["DocContext", "extract_facts"]


@dataclass
class DocContext:
    """What the rules may know about the document beyond its text."""

    authority: str | None = None  # the council the document is about, canonical name
    published: tuple[int | None, int | None, int | None] = (None, None, None)  # y, m, d
    kind: str = "other"
    furniture: list[tuple[int, int]] = field(default_factory=list)  # spans to ignore


def extract_facts(text: str, ctx: DocContext) -> list[Fact]:
    # Imported here so a rule module may import DocContext from this package.
    from importers.extract import (
        dates, improvements, inspections, judgement_table, judgements, people, quotes, statistics,
    )

    # The table rule runs first: a report's table row and a prose mention of the
    # same words must not both become facts (see ``_drop_overlaps``).
    rules = (judgement_table, dates, inspections, judgements, quotes, people, statistics, improvements)
    by_rule = [rule.extract(text, ctx) for rule in rules]
    if ctx.furniture:
        by_rule = [[f for f in facts if not _inside_any(f.span, ctx.furniture)] for facts in by_rule]
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


def _inside_any(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)
