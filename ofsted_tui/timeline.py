"""Merge judgement and inspection facts from many documents into timeline events.

One event per authority and inspection: the 2023 inspection mentioned by a news
story, by a later Ofsted letter and by the report itself is one event with three
sources. Rules, in order:

1. Facts with a month (from their own text, or the inspection the document
   reports) cluster by authority, year, month and kind of visit (a graded
   inspection and a focused visit in one month stay apart).
2. Facts known only to the year, or dated only by their document's publication,
   join the cluster of their authority and year that fits (the latest one not
   after the publication), or make a year-only event.
3. Facts with a month but no year stay their own "year unknown" event: the year
   is never guessed.
4. Undated judgements join the earliest event of their authority with the same
   rating that is not before the latest date their document mentions (a story
   cannot report an inspection older than what it cites); otherwise they make
   an undated event.

The event's rating comes from the most authoritative source (the report, then
an Ofsted letter, then the news) and within it the most frequent statement.
Its ``quotes`` say which of its sources quote which document (a story quoting
the report), from the quotes' ``source_links``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from importers.extract.dates import iso_date
from importers.vocabulary import rating_label

__all__ = ["build_events", "date_label", "UNGRADED_TYPES"]

# Kinds of visit that never carry a graded judgement. (A "review" of the LSCB
# was judged, alongside the inspection it was reported with.)
UNGRADED_TYPES = frozenset({
    "focused visit", "monitoring visit", "joint targeted area inspection",
    "unannounced inspection", "progress report",
})
# Most specific first: the type an event shows when its sources differ.
_TYPE_ORDER = (
    "focused visit", "monitoring visit", "joint targeted area inspection",
    "unannounced inspection", "progress report", "annual rating",
    "annual performance assessment", "short inspection", "standard inspection",
    "inspection", "review",
)
_SOURCE_RANK = {"ofsted_report": 0, "ofsted_letter": 1, "minutes": 2, "news": 3, "other": 4}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class _Cluster:
    authority: str | None
    year: int | None
    month: int | None
    graded: bool
    facts: list[dict[str, Any]] = field(default_factory=list)
    day: int | None = None


def _kind(fact: dict[str, Any]) -> str:
    if fact["type"] == "inspection":
        return fact.get("inspection_type") or "inspection"
    return fact.get("event_type") or "inspection"


def _graded(fact: dict[str, Any]) -> bool:
    return _kind(fact) not in UNGRADED_TYPES


def _authority(fact: dict[str, Any], doc: dict[str, Any]) -> str | None:
    return fact.get("authority") or doc.get("authority")


def _published(doc: dict[str, Any]) -> tuple[int | None, int | None]:
    raw = doc.get("published") or ""
    parts = raw.split("-")
    try:
        year = int(parts[0]) if parts[0] else None
        month = int(parts[1]) if len(parts) > 1 else None
    except ValueError:
        return None, None
    return year, month


def _doc_floor(facts: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """The latest (year, month) a document mentions: what it reports is not older."""
    latest = (0, 0)
    for fact in facts:
        if fact["type"] == "date" and fact.get("year"):
            latest = max(latest, (fact["year"], fact.get("month") or 0))
    return latest


def build_events(
    documents: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    docs = {doc["id"]: doc for doc in documents}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        if fact.get("doc_id") in docs:
            by_doc.setdefault(fact["doc_id"], []).append(fact)

    clusters: dict[tuple, _Cluster] = {}
    loose: list[tuple[dict, dict]] = []  # year-only or publication-dated facts
    undated: list[tuple[dict, dict]] = []
    # A fixed order (best source first, then id) makes the result
    # independent of the order documents were imported in.
    for doc_id in sorted(by_doc, key=lambda d: _doc_rank(docs[d])):
        doc = docs[doc_id]
        for fact in sorted(by_doc[doc_id], key=lambda f: tuple(f["span"])):
            if fact["type"] not in ("judgement", "inspection"):
                continue
            if fact["type"] == "judgement" and not fact.get("grade"):
                continue
            year, month = fact.get("year"), fact.get("month")
            if fact["type"] == "judgement" and year is None and month is None and doc.get("published"):
                # A document given its date later (a correction) dates its judgements too.
                fact = {**fact, "year": _published(doc)[0], "date_source": "published"}
                year = fact["year"]
            if fact["type"] == "judgement" and fact.get("date_source") == "published":
                # Published weeks after the visit: only the year of a judgement is safe.
                month = None
            if year is None and month is None:
                undated.append((fact, doc))
            elif month is None:
                loose.append((fact, doc))
            else:
                key = (_authority(fact, doc), year, month, _graded(fact))
                cluster = clusters.setdefault(key, _Cluster(*key))
                cluster.facts.append(fact)
                if fact.get("day") and fact["type"] == "inspection":
                    cluster.day = min(cluster.day or 99, fact["day"])

    for fact, doc in loose:
        authority, year = _authority(fact, doc), fact["year"]
        pub_year, pub_month = _published(doc)
        candidates = [
            c for c in clusters.values()
            if c.authority == authority and c.year == year and c.month and c.graded == _graded(fact)
        ]
        if fact.get("date_source") == "published" and pub_month and pub_year == year:
            before = [c for c in candidates if c.month <= pub_month]
            candidates = before or candidates
        if candidates:
            max(candidates, key=lambda c: c.month).facts.append(fact)
        else:
            key = (authority, year, None, _graded(fact))
            clusters.setdefault(key, _Cluster(*key)).facts.append(fact)

    # Judgements first, so a document's undated inspection mention can follow them.
    placed: dict[str, _Cluster] = {}
    floors: dict[str, tuple[int, int]] = {}  # once per document, not per judgement: a long report has thousands
    for fact, doc in sorted(undated, key=lambda item: item[0]["type"] != "judgement"):
        authority = _authority(fact, doc)
        if fact["type"] == "judgement":
            if doc["id"] not in floors:
                floors[doc["id"]] = _doc_floor(by_doc[doc["id"]])
            floor = floors[doc["id"]]
            candidates = [
                c for c in clusters.values()
                if c.authority == authority and c.year is not None
                and (c.year, c.month or 12) >= floor
                and any(f.get("rating") == fact.get("rating") for f in c.facts if f["type"] == "judgement")
            ]
            if candidates:
                chosen = min(candidates, key=lambda c: (c.year, c.month or 0))
                chosen.facts.append(fact)
                placed[doc["id"]] = chosen
                continue
        elif doc["id"] in placed and placed[doc["id"]].graded == _graded(fact):
            placed[doc["id"]].facts.append(fact)
            continue
        if fact["type"] == "judgement" or fact.get("subject"):
            key = (authority, None, None, _graded(fact))
            placed[doc["id"]] = clusters.setdefault(key, _Cluster(*key))
            placed[doc["id"]].facts.append(fact)

    quoted = _quoted_documents(by_doc, docs)
    events = [_event(c, docs, quoted) for c in clusters.values()]
    events.sort(key=_sort_key)
    return events


def _quoted_documents(by_doc: dict[str, list[dict]], docs: dict[str, dict]) -> dict[str, dict[str, int]]:
    """For each document, the documents its quotes were traced to and how many passages of each."""
    out: dict[str, dict[str, int]] = {}
    for doc_id, facts in by_doc.items():
        spans: dict[str, set[tuple[int, int]]] = {}
        for fact in facts:
            for link in fact.get("source_links") or ():
                if link.get("relation") == "quotes" and link.get("doc_id") in docs:
                    spans.setdefault(link["doc_id"], set()).add(tuple(link.get("span") or ()))
        if spans:
            out[doc_id] = {other: len(found) for other, found in sorted(spans.items())}
    return out


def _doc_rank(doc: dict[str, Any]) -> tuple[int, str]:
    return (_SOURCE_RANK.get(doc.get("kind"), 4), doc["id"])


def _sort_key(event: dict[str, Any]) -> tuple:
    # Undated events last; a month with no year sorts after the dated ones too.
    return (event["year"] is None, event["year"] or 0, event["month"] or 0,
            event["authority"] or "", event["type"])


def _best_judgement(judgements: list[tuple[dict, dict]]) -> dict | None:
    if not judgements:
        return None
    judgements = sorted(judgements, key=lambda item: (_doc_rank(item[1]), tuple(item[0]["span"])))
    best_rank = _SOURCE_RANK.get(judgements[0][1].get("kind"), 4)
    top = [f for f, doc in judgements if _SOURCE_RANK.get(doc.get("kind"), 4) == best_rank]
    counts = Counter(f["rating"] for f in top)
    rating = counts.most_common(1)[0][0]
    return next(f for f in top if f["rating"] == rating)


def _event(cluster: _Cluster, docs: dict[str, dict], quoted: dict[str, dict[str, int]]) -> dict[str, Any]:
    facts = cluster.facts
    kinds = {_kind(f) for f in facts}
    event_type = next((t for t in _TYPE_ORDER if t in kinds), sorted(kinds)[0])
    by_area: dict[str, list[tuple[dict, dict]]] = {}
    for fact in facts:
        if fact["type"] == "judgement":
            area = fact.get("area") or "overall"
            by_area.setdefault(area, []).append((fact, docs[fact["doc_id"]]))
    judgements = {}
    for area, items in by_area.items():
        best = _best_judgement(items)
        judgements[area] = {
            "rating": best["rating"],
            "rating_text": best.get("rating_text"),
            "grade": best.get("grade"),
            "fact_ids": [f["id"] for f, _ in items],
            "doc_ids": sorted({f["doc_id"] for f, _ in items}),
        }
    overall = judgements.get("overall")
    if overall is None and len({j["rating"] for j in judgements.values()}) == 1:
        overall = next(iter(judgements.values()))
    eras = Counter(f.get("era") for f in facts if f.get("era"))
    doc_ids = sorted({f["doc_id"] for f in facts},
                     key=lambda d: (_SOURCE_RANK.get(docs[d].get("kind"), 4), d))
    precision = _precision(cluster)
    event = {
        "authority": cluster.authority,
        "year": cluster.year,
        "month": cluster.month,
        "day": cluster.day if cluster.month else None,
        "precision": precision,
        "date": iso_date(cluster.year, cluster.month, cluster.day if cluster.month else None),
        "type": event_type,
        "rating": overall["rating"] if overall else None,
        "rating_text": overall["rating_text"] if overall else None,
        "grade": overall["grade"] if overall else None,
        "era": eras.most_common(1)[0][0] if eras else None,
        "judgements": judgements,
        "doc_ids": doc_ids,
        "fact_ids": [f["id"] for f in facts],
        # Which source quotes which document (traced by ofsted_tui.sources): a story quoting the report.
        "quotes": [{"doc_id": d, "quoted_doc_id": other, "passages": n}
                   for d in doc_ids for other, n in quoted.get(d, {}).items()],
    }
    event["label"] = date_label(event)
    event["rating_label"] = rating_label(event["rating"], event["era"])
    key = f"{cluster.authority}|{cluster.year}|{cluster.month}|{cluster.graded}"
    event["id"] = "ev-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    return event


def _precision(cluster: _Cluster) -> str | None:
    if cluster.year is None:
        return "month" if cluster.month else None
    if cluster.month is None:
        return "year"
    return "day" if cluster.day else "month"


def date_label(event: dict[str, Any]) -> str:
    """The date at its known precision: "Feb 2023", "2011", "Aug, year unknown"."""
    year, month = event.get("year"), event.get("month")
    if year is None and month:
        return f"{_MONTHS[month - 1]}, year unknown"
    if year is None:
        return "date unknown"
    if month is None:
        return str(year)
    return f"{_MONTHS[month - 1]} {year}"
