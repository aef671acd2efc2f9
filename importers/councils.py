"""Every English council with children's services duties, since 2005: the councils reference.

Read from ``importers/data/councils.json``, derived from the data-to-insight
network's ``la_lookup.csv`` by ``scripts/make_councils.py`` (public data under
the Open Government Licence). It holds names, codes, region, type and
statistical neighbours, never grades. A council's ``name`` is the spelling the
authority extractor files documents under (``importers.authorities``), so the
timeline's ``authority`` is a key here.

Look a council up by any of its names, its Ofsted URN, its old (three-digit)
or new (GSS) LA code with ``council``; by part of a name with
``find_councils``; ``suggest`` offers near spellings when nothing matches.
Councils abolished since 2005 (Northamptonshire until 2021, ...) stay known
under their own names, with ``until`` and ``succeeded_by``.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "Council", "council", "councils", "find_councils", "neighbours_of", "reference_names",
    "regions", "suggest",
]

_DATA = Path(__file__).resolve().parent / "data" / "councils.json"


@dataclass(frozen=True)
class Council:
    name: str
    other_names: tuple[str, ...]
    urn: str | None  # Ofsted's unique reference number: reports.ofsted.gov.uk/provider/44/<urn>
    la_code: str | None  # the DfE's old three-digit code ("309")
    gss_code: str | None  # the ONS code ("E09000014")
    region: str | None
    type: str | None  # London borough, metropolitan district, unitary, county
    neighbours: tuple[str, ...]  # the ten statistical neighbours, by old LA code, nearest first
    since: int | None  # the year it took the duties over, if after 2005
    until: int | None  # the year it lost them (abolished or merged), else None
    succeeded_by: tuple[str, ...]

    @property
    def current(self) -> bool:
        return self.until is None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "other_names": list(self.other_names), "urn": self.urn,
            "la_code": self.la_code, "gss_code": self.gss_code, "region": self.region,
            "type": self.type, "neighbours": list(self.neighbours), "since": self.since,
            "until": self.until, "succeeded_by": list(self.succeeded_by),
        }


@lru_cache(maxsize=1)
def _all() -> tuple[Council, ...]:
    rows = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Council(
            name=row["name"], other_names=tuple(row["other_names"]), urn=row["urn"],
            la_code=row["la_code"], gss_code=row["gss_code"], region=row["region"], type=row["type"],
            neighbours=tuple(row["neighbours"]), since=row["since"], until=row["until"],
            succeeded_by=tuple(row["succeeded_by"]),
        )
        for row in rows
    )


def councils(include_former: bool = False) -> tuple[Council, ...]:
    """Today's councils (153), by name; with ``include_former`` those abolished since 2005 too."""
    return tuple(c for c in _all() if include_former or c.current)


@lru_cache(maxsize=1)
def _index() -> dict[str, Council]:
    index: dict[str, Council] = {}
    for c in _all():
        for key in (*c.names, c.urn, c.la_code, c.gss_code):
            if key:
                index.setdefault(_fold(key), c)
    return index


def _fold(text: str) -> str:
    return " ".join(text.replace("&", "and").replace(".", "").casefold().split())


def council(key: str | int | None) -> Council | None:
    """The council a name (any spelling the extractor knows: "Hull", "London Borough of
    Haringey", "BCP"), Ofsted URN, old LA code or GSS code names; else None."""
    if key is None:
        return None
    text = str(key).strip()
    found = _index().get(_fold(text))
    if found is not None or not text:
        return found
    from importers.authorities import canonical_authority  # the extractor's spellings, read lazily (it reads ours)

    canonical = canonical_authority(text)
    return _index().get(_fold(canonical)) if canonical else None


def find_councils(text: str, include_former: bool = True) -> list[Council]:
    """Councils a whole name, code or part of a name names: "northampton" -> the three
    Northamptonshires, "hull" -> Kingston upon Hull. An exact name or code gives that one alone."""
    exact = council(text)
    if exact is not None:
        return [exact]
    wanted = _fold(text)
    if not wanted:
        return []
    return [c for c in _all() if (include_former or c.current) and any(wanted in _fold(n) for n in c.names)]


def suggest(text: str, limit: int = 3) -> list[str]:
    """The council names closest in spelling to ``text``, for "did you mean"."""
    names = {_fold(n): c.name for c in _all() for n in c.names}
    close = difflib.get_close_matches(_fold(text), list(names), n=limit * 2, cutoff=0.6)
    return list(dict.fromkeys(names[n] for n in close))[:limit]


def neighbours_of(target: Council) -> list[Council]:
    """Its statistical neighbours, nearest first (none for a council abolished before the lookup)."""
    return [c for code in target.neighbours if (c := council(code)) is not None]


def regions() -> tuple[str, ...]:
    return tuple(sorted({c.region for c in _all() if c.region}))


def reference_names() -> dict[str, tuple[str, ...]]:
    """Each council's other names from the reference, for the authority extractor to recognise (names only)."""
    return {c.name: c.other_names for c in _all() if c.other_names}
