"""A deterministic generator of a national corpus about councils' children's services.

``generate(count, seed)`` yields ``count`` documents (news stories, Ofsted
letters and reports, a few very long reports) spread over every English
council, in the mix the issue plans for: about five in a hundred are reports,
thirteen are letters, the rest news. The same ``count`` and ``seed`` always
give the same documents, byte for byte, whatever the machine or hash seed:
every choice comes from a ``random.Random`` seeded with a string naming it.

All text is written here from templates; none is copied from real documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpusgen.history import (
    COUNCILS, FORMER_COUNCILS, REPORTED, LETTERED, Inspection, council_history, slug,
)
from benchmarks.corpusgen.letters import write_letter
from benchmarks.corpusgen.news import write_news
from benchmarks.corpusgen.reports import write_report
from benchmarks.corpusgen.words import person

__all__ = ["GeneratedDocument", "generate", "generator_stamp", "long_report_count"]
_MIX = (("ofsted_report", 0.05), ("ofsted_letter", 0.13), ("news", 0.82))
# Councils abolished since 2005 still appear, about once in every 25 documents.
_ROTATION = COUNCILS + tuple(sorted(FORMER_COUNCILS))


@dataclass
class GeneratedDocument:
    path: str  # relative to the corpus folder: "<council-slug>/<n>-<kind>.txt"
    text: str
    title: str
    council: str
    kind: str  # ofsted_report, ofsted_letter, news
    published: str  # ISO date
    regime: str | None  # the inspection regime the document is about (None: a feature story)
    grades: dict[str, str] = field(default_factory=dict)  # area -> normalised rating it reports
    long: bool = False

    def manifest_row(self) -> dict:
        return {
            "path": self.path, "council": self.council, "kind": self.kind, "title": self.title,
            "published": self.published, "regime": self.regime, "grades": self.grades,
            "long": self.long, "chars": len(self.text),
        }


def generator_stamp() -> str:
    """A digest of the generator's own source: a corpus written by other code is stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def long_report_count(count: int) -> int:
    """How many very long reports a corpus of ``count`` documents holds."""
    return max(1, count // 2000) if count >= 50 else 0


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in _MIX:
        if roll < share:
            return kind
        roll -= share
    return "news"


class _Council:
    """One council's history and the documents not yet written about it."""

    def __init__(self, name: str, seed: int, inspectors: list[str]) -> None:
        self.name = name
        self.history = council_history(name, seed, inspectors)
        order = random.Random(f"{seed}:order:{name}")
        # Shuffled so a small corpus still spans every era, not only the oldest.
        self.reports = [v for v in self.history if v.regime in REPORTED]
        self.letters = [v for v in self.history if v.regime in LETTERED]
        order.shuffle(self.reports)
        order.shuffle(self.letters)
        self.graded = [v for v in self.history if v.overall]


def generate(count: int, seed: int = 1) -> Iterator[GeneratedDocument]:
    crew = random.Random(f"{seed}:inspectors")
    inspectors = sorted({person(crew) for _ in range(80)})
    councils = {name: _Council(name, seed, inspectors) for name in _ROTATION}
    longs = long_report_count(count)
    long_at = {count * (2 * k + 1) // (2 * longs) for k in range(longs)} if longs else set()
    for n in range(count):
        council = councils[_ROTATION[n % len(_ROTATION)]]
        rng = random.Random(f"{seed}:doc:{n}")
        long = n in long_at
        kind = "ofsted_report" if long else _kind(rng)
        yield _document(n, rng, council, kind, long)


def _document(n: int, rng: random.Random, council: _Council, kind: str, long: bool) -> GeneratedDocument:
    visit: Inspection | None = None
    reported = [v for v in council.history if v.regime in REPORTED]
    long = long and bool(reported)
    if kind == "ofsted_report" and (council.reports or long):
        # A long report may repeat an inspection already reported: it is a stress case.
        visit = rng.choice(reported) if long else council.reports.pop(0)
        title, text = write_report(rng, visit, long=long)
        published = visit.published
    elif kind in ("ofsted_report", "ofsted_letter") and council.letters:
        kind = "ofsted_letter"
        visit = council.letters.pop(0)
        title, text = write_letter(rng, visit, council.history)
        published = visit.published
    else:
        kind = "news"
        if council.history and rng.random() < 0.85:
            # Most stories follow a graded inspection; some a visit's letter.
            visit = rng.choice(council.graded if council.graded and rng.random() < 0.75 else council.history)
            published = visit.published + dt.timedelta(days=rng.randint(0, 10))
        else:
            first = council.history[0].published if council.history else dt.date(2009, 1, 1)
            published = first + dt.timedelta(days=rng.randint(30, 5000))
            published = min(published, dt.date(2025, 12, 31))
        title, text = write_news(rng, council.name, published, visit, council.history)
    ext = "md" if kind == "news" and rng.random() < 0.05 else "txt"
    if ext == "md":
        # The Markdown reader drops emphasis markers; the headline keeps its words.
        text = text.replace(title, f"**{title}**", 1)
    return GeneratedDocument(
        path=f"{slug(council.name)}/{n:05d}-{kind.replace('ofsted_', '')}.{ext}",
        text=text, title=title, council=council.name, kind=kind, published=published.isoformat(),
        regime=visit.regime if visit else None, grades=dict(visit.grades) if visit else {}, long=long,
    )
