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
        dates, improvements, inspections, judgements, people, quotes, statistics,
    )

    facts: list[Fact] = []
    for rule in (dates, inspections, judgements, quotes, people, statistics, improvements):
        facts.extend(rule.extract(text, ctx))
    if ctx.furniture:
        facts = [f for f in facts if not _inside_any(f.span, ctx.furniture)]
    facts.sort(key=lambda f: (f.span[0], f.span[1], f.type))
    return facts


def _inside_any(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)
