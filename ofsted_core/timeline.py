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
3. Facts with a month but no year stay their own "no year" event: the year
   is never guessed.
4. Undated judgements join the earliest event of their authority with the same
   rating for the same area that is not before the latest date their document
   mentions (a story cannot report an inspection older than what it cites);
   otherwise they make an undated event.

Each area's grade comes from the weightiest evidence: the kind of document
(the report, then an Ofsted letter, then minutes, news, others) and within it
how the grade was read (``evidence``: the judgement table, then the headline,
then any other sentence). Mentions are never counted: ten stories repeating a
grade do not outweigh the report's table. Each document gives an area one
grade, that of its weightiest statement; where documents give an area
different grades the event keeps the others in ``conflicts`` ({area, rating,
grade, evidence, kind, doc_ids, fact_ids}) for a person to check.

Its ``quotes`` say which of its sources quote which document (a story quoting
the report), from the quotes' ``source_links``: only where the quoted document
supports the event and the quoted passage lies in the part of it about this
event (a report that recalls an earlier inspection is quoted about that one).
"""

from __future__ import annotations

import hashlib
import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from importers.model import DATASET_KIND, ConflictRow, DocumentRow, EventRow, FactRow, JudgementRow, source_rank
from importers.partial_date import PartialDate, iso_date, month_name
from importers.grade_tables import rating_label
from ofsted_core.evidence import EVIDENCE, evidence_of
from ofsted_core.grades import UNGRADED_TYPES

__all__ = ["build_events", "date_label", "dated_by_document"]

# Most specific first: the type an event shows when its sources differ.
_TYPE_ORDER = (
    "focused visit", "monitoring visit", "joint targeted area inspection",
    "unannounced inspection", "progress report", "annual rating",
    "annual performance assessment", "short inspection", "standard inspection",
    "inspection", "review",
)


# An event's place: authority, year, month, graded or not.
_Key = tuple[str | None, int | None, int | None, bool]
# Where each part of a document begins, and the id of the cluster it is about.
_Owners = tuple[list[int], list[int | None]]


@dataclass
class _Cluster:
    authority: str | None
    year: int | None
    month: int | None
    graded: bool
    facts: list[FactRow] = field(default_factory=list)
    day: int | None = None


def _kind(fact: FactRow) -> str:
    if fact["type"] == "inspection":
        return fact.get("inspection_type") or "inspection"
    return fact.get("event_type") or "inspection"


def _graded(fact: FactRow) -> bool:
    return _kind(fact) not in UNGRADED_TYPES


def _authority(fact: FactRow, doc: DocumentRow) -> str | None:
    return fact.get("authority") or doc.get("authority")


def dated_by_document(judgement: FactRow, doc: DocumentRow) -> bool:
    """Whether the timeline gives a judgement its document's year: it states no
    date of its own, the document has one, and the text does not place it earlier."""
    return (judgement.get("year") is None and judgement.get("month") is None and bool(doc.get("published"))
            and judgement.get("date_source") != "not stated")


def _published(doc: DocumentRow | FactRow) -> tuple[int | None, int | None]:
    date = PartialDate.parse(doc.get("published"))
    return (date.year, date.month) if date else (None, None)


def _doc_floor(facts: Iterable[FactRow]) -> tuple[int, int]:
    """The latest (year, month) a document mentions: what it reports is not older."""
    latest = (0, 0)
    for fact in facts:
        year = fact.get("year")
        if fact["type"] == "date" and year:
            latest = max(latest, (year, fact.get("month") or 0))
    return latest


def build_events(
    documents: Iterable[DocumentRow], facts: Iterable[FactRow]
) -> list[EventRow]:
    docs = {doc["id"]: doc for doc in documents}
    by_doc: dict[str, list[FactRow]] = {}
    for fact in facts:
        if fact.get("doc_id") in docs:
            by_doc.setdefault(fact["doc_id"], []).append(fact)

    clusters: dict[_Key, _Cluster] = {}
    loose: list[tuple[FactRow, DocumentRow]] = []  # year-only or publication-dated facts
    undated: list[tuple[FactRow, DocumentRow]] = []
    # A fixed order (best source first, then id) makes the result
    # independent of the order documents were imported in.
    for doc_id in sorted(by_doc, key=lambda d: _doc_rank(docs[d])):
        doc = docs[doc_id]
        for fact in sorted(by_doc[doc_id], key=lambda f: tuple(f["span"])):
            if fact["type"] not in ("judgement", "inspection"):
                continue
            if fact["type"] == "judgement" and not fact.get("grade"):
                continue
            if not _authority(fact, doc):
                # A council's history is the tool's unit: a grade or an inspection no council
                # is named for (a folder's README listing report names, a national round-up)
                # stays a fact of its document, never an event of "unknown".
                continue
            year, month = fact.get("year"), fact.get("month")
            if fact["type"] == "judgement" and dated_by_document(fact, doc):
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
                key: _Key = (_authority(fact, doc), year, month, _graded(fact))
                cluster = clusters.setdefault(key, _Cluster(*key))
                cluster.facts.append(fact)
                day = fact.get("day")
                if day and fact["type"] == "inspection":
                    cluster.day = min(cluster.day or 99, day)

    _join_months(clusters)
    reported = _reports_by_publication(clusters.values(), docs)
    # The clusters with a month, by council, year and gradedness, in order: the loop below adds
    # none (only month-less ones), and a scan of every cluster for each fact was quadratic.
    dated: dict[tuple, list[_Cluster]] = {}
    for c in clusters.values():
        if c.month:
            dated.setdefault((c.authority, c.year, c.graded), []).append(c)
    for fact, doc in loose:
        authority, year = _authority(fact, doc), fact["year"]
        if fact.get("published") and (authority, fact["published"]) in reported:
            # A row dated only by its report's publication is that report's record: it joins the
            # inspection the report published that day is about, however long after it came out.
            reported[(authority, fact["published"])].facts.append(fact)
            continue
        # A dataset's row carries its own report's publication (``published``); a
        # document's facts share the document's.
        pub_year, pub_month = _published(fact if fact.get("published") else doc)
        candidates = list(dated.get((authority, year, _graded(fact)), ()))
        if fact.get("date_source") == "published" and pub_month and pub_year == year:
            before = [c for c in candidates if (c.month or 0) <= pub_month]
            # A report is never published before its inspection: a row's own date is exact.
            candidates = before if fact.get("published") else before or candidates
            if not candidates and fact.get("published") and pub_year is not None:
                candidates = _year_before(clusters.values(), authority, _graded(fact), pub_year, pub_month)
        if (not candidates and year is not None and fact["type"] == "inspection" and not fact.get("subject")
                and not fact.get("published")):
            candidates = _across_the_year_end(dated, authority, year, _graded(fact), fact.get("doc_id"))
        if candidates:
            max(candidates, key=lambda c: c.month or 0).facts.append(fact)
        else:
            if (fact.get("published") and fact.get("date_source") == "published" and pub_month == 1
                    and pub_year is not None and pub_year == year
                    and (authority, year, None, _graded(fact)) not in clusters):
                # Ofsted never publishes a report in the month its inspection began (none of
                # the record's 319 dated rows): one published in January is of the year before,
                # unless a text dates that inspection by the publication's year ("the single
                # inspection in 2016" of a report published in January 2016).
                year = pub_year - 1
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
                and any(_same_grade(f, fact) for f in c.facts if f["type"] == "judgement")
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

    owners = _passage_owners(clusters.values(), docs)
    events = []
    for cluster in clusters.values():
        event = _event(cluster, docs)
        event["quotes"] = _event_quotes(cluster, event["doc_ids"], by_doc, owners)
        events.append(event)
    events.sort(key=event_order)
    return events


def _reports_by_publication(clusters: Iterable[_Cluster], docs: dict[str, DocumentRow]) -> dict[tuple, _Cluster]:
    """The event of each document's own inspection, by its council and publication day."""
    found: dict[tuple, _Cluster] = {}
    for cluster in clusters:
        for fact in cluster.facts:
            doc = docs[fact["doc_id"]]
            published = doc.get("published")
            if (fact["type"] == "inspection" and fact.get("subject") and doc.get("kind") != DATASET_KIND
                    and published and len(str(published)) == 10):
                found.setdefault((cluster.authority, published), cluster)
    return found


def _join_months(clusters: dict[_Key, _Cluster]) -> None:
    """Join the events of one inspection dated to two months that follow each other.

    A two-week inspection often runs across a month's end ("between 23 May and 3 June
    2011", "conducted in February and March 2024"), and a text may date it by either
    month: a report's "last Ofsted inspection ... was undertaken in June 2011" and its
    "previous inspection ... was in May 2011" are one inspection. The later month joins
    the earlier (the month the inspection began) where a range of dates in the earlier
    runs into it, or where a document dates an inspection to both months in the same
    voice (both its own inspection, or both an earlier one) and no area is graded
    differently in the two.
    """
    dated = [(authority, year, month) for authority, year, month, graded in clusters
             if year is not None and month is not None and graded]
    for authority, year, month in sorted(dated, key=lambda k: (str(k[0]), k[1], k[2]), reverse=True):
        later = clusters.get((authority, year, month, True))
        earlier = clusters.get((authority, year, month - 1, True)) if month > 1 else None
        if later is None or earlier is None or not _one_inspection(earlier, later):
            continue
        earlier.facts += later.facts  # its day stays the earlier month's
        del clusters[(authority, year, month, True)]


def _one_inspection(earlier: _Cluster, later: _Cluster) -> bool:
    if any(f["type"] == "inspection" and f.get("end_month") == later.month
           and f.get("end_year") in (None, later.year) for f in earlier.facts):
        return True
    if all(any(f["type"] == "inspection" and f.get("day") for f in c.facts) for c in (earlier, later)):
        return False  # each begins on a day a text gives: two inspections
    # Whether each document tells of its own inspection or an earlier one, in each month.
    voices: dict[str, set[bool]] = {}
    for cluster in (earlier, later):
        for fact in cluster.facts:
            if fact["type"] == "inspection":
                voices.setdefault(fact["doc_id"], set()).add(bool(fact.get("subject")))
    docs_of = [{f["doc_id"] for f in c.facts} for c in (earlier, later)]
    shared = docs_of[0] & docs_of[1]
    if not shared or any(len(voices.get(d, ())) > 1 for d in shared):
        return False
    grades = [_grades_by_area(c) for c in (earlier, later)]
    return all(grades[0][area] == grades[1][area] for area in grades[0].keys() & grades[1].keys())


# How near a year's end one inspection's other dating may fall: December, or January and February.
_YEAR_END_MONTHS = 2


def _across_the_year_end(
    dated: dict[tuple, list[_Cluster]], authority: str | None, year: int, graded: bool, doc_id: str | None,
) -> list[_Cluster]:
    """The inspection a document dates by its month just across a year's end from the year it
    gives one of its mentions of an earlier inspection.

    A report may date its last inspection by a year in one place and by a month in another
    ("Since the last inspection in 2012" in its summary, "The last inspection of the local
    authority's arrangements for the protection of children was in January 2013" in its list):
    one inspection, begun near the year's end, shown once with its month. Called only where
    nothing dates an inspection of that council in the mention's own year; the document must
    date exactly one inspection that near.
    """
    near = [c for c in dated.get((authority, year + 1, graded), ()) if (c.month or 99) <= _YEAR_END_MONTHS]
    near += [c for c in dated.get((authority, year - 1, graded), ()) if (c.month or 0) > 12 - _YEAR_END_MONTHS + 1]
    mine = [c for c in near if any(f.get("doc_id") == doc_id for f in c.facts)]
    return mine if len(mine) == 1 else []


def _grades_by_area(cluster: _Cluster) -> dict[str, set[Any]]:
    found: dict[str, set[Any]] = {}
    for fact in cluster.facts:
        if fact["type"] == "judgement":
            found.setdefault(fact.get("area") or "overall", set()).add(fact.get("grade"))
    return found


# Ofsted publishes a report within months of the inspection: in the national
# record 99% of reports appear within 5 months of the month the visit began.
_PUBLICATION_LAG_MONTHS = 5


def _year_before(
    clusters: Iterable[_Cluster], authority: str | None, graded: bool, pub_year: int, pub_month: int,
) -> list[_Cluster]:
    """The inspections of the year before that a report published early in a year can be about.

    A row dated only by its report's publication ("published 06/01/2015") is
    about an inspection that ended before it: in January that is often the
    autumn before ("Inspection dates: 6 October 2014 to 30 October 2014").
    Only an inspection within the publication lag counts; one known only to
    its year (a later report's "the last inspection in 2016") counts when the
    publication falls within the lag of that year's end. The month-dated come
    first, the most specific reading.
    """
    if pub_month > _PUBLICATION_LAG_MONTHS:
        return []
    found = [
        c for c in clusters
        if c.authority == authority and c.graded == graded and c.year == pub_year - 1
        and (c.month is None or pub_month + 12 - c.month <= _PUBLICATION_LAG_MONTHS)
    ]
    dated = [c for c in found if c.month]
    return dated or found


def _passage_owners(clusters: Iterable[_Cluster], docs: dict[str, DocumentRow]) -> dict[str, _Owners]:
    """For each document, which event each part of it is about.

    A part runs from the paragraph of a fact placed on an event to the
    paragraph of the next fact placed on another; the text before the first
    such fact (a report's title and headline) is about the first. Returned as
    (part starts, id of the owning cluster) for a bisect.
    """
    placed: dict[str, list[tuple[int, int]]] = {}
    for cluster in clusters:
        for fact in cluster.facts:
            placed.setdefault(fact["doc_id"], []).append((fact["span"][0], id(cluster)))
    owners = {}
    for doc_id, found in placed.items():
        text = docs[doc_id].get("text") or ""
        starts: list[int] = [0]
        owner: list[int | None] = [None]
        for start, cluster_id in sorted(found):
            if cluster_id == owner[-1]:
                continue
            at = text.rfind("\n\n", 0, start)
            at = at + 2 if at >= 0 else 0
            if owner[-1] is None:
                owner[-1] = cluster_id
            elif at <= starts[-1]:  # two events in one paragraph: the second from its own fact
                starts.append(start)
                owner.append(cluster_id)
            else:
                starts.append(at)
                owner.append(cluster_id)
        owners[doc_id] = (starts, owner)
    return owners


def _event_quotes(
    cluster: _Cluster, doc_ids: list[str], by_doc: dict[str, list[FactRow]],
    owners: dict[str, _Owners],
) -> list[dict[str, Any]]:
    """Which of the event's sources quote which other source, on this event: {doc_id, quoted_doc_id, passages}."""
    sources = set(doc_ids)
    out = []
    for doc_id in doc_ids:
        spans: dict[str, set[tuple[int, ...]]] = {}
        for fact in by_doc.get(doc_id, ()):
            for link in fact.get("source_links") or ():
                other, span = link.get("doc_id"), tuple(link.get("span") or ())
                if link.get("relation") != "quotes" or other not in sources or other == doc_id or not span:
                    continue
                starts, owner = owners[other]
                if owner[bisect.bisect_right(starts, span[0]) - 1] == id(cluster):
                    spans.setdefault(other, set()).add(span)
        out += [{"doc_id": doc_id, "quoted_doc_id": other, "passages": len(found)}
                for other, found in sorted(spans.items())]
    return out


def _same_grade(a: FactRow, b: FactRow) -> bool:
    """The same rating for the same area: an undated "rated good" is not the good of another area."""
    return a.get("rating") == b.get("rating") and (a.get("area") or "overall") == (b.get("area") or "overall")


def _doc_rank(doc: DocumentRow) -> tuple[int, str]:
    return (source_rank(doc.get("kind")), doc["id"])


def event_order(event: EventRow | dict[str, Any]) -> tuple:
    """Where an event sorts in the timeline: undated events last; a month with no year after the dated ones too."""
    return (event["year"] is None, event["year"] or 0, event["month"] or 0,
            event["authority"] or "", event["type"])


def _weight(item: tuple[FactRow, DocumentRow]) -> tuple:
    """Weightiest first: the kind of document, then how the grade was read; then a fixed order."""
    fact, doc = item
    return (source_rank(doc.get("kind")), EVIDENCE.index(evidence_of(fact)), doc["id"], tuple(fact["span"]))


def _area_judgement(area: str, items: list[tuple[FactRow, DocumentRow]]) -> tuple[JudgementRow, list[ConflictRow]]:
    """The area's grade from its weightiest statement, and the other grades sources give it (its conflicts).

    Each document gives the area one grade, that of its own weightiest
    statement: a report's table is its word, whatever its prose says in
    passing (which the extractor classifies). Documents are what disagree.
    """
    items = sorted(items, key=_weight)
    own: dict[str, tuple[FactRow, DocumentRow]] = {}
    for fact, doc in items:
        own.setdefault(doc["id"], (fact, doc))
    best, best_doc = items[0]
    by_grade: dict[Any, list[tuple[FactRow, DocumentRow]]] = {}
    for fact, doc in own.values():  # in order of weight
        by_grade.setdefault(fact.get("grade"), []).append((fact, doc))
    agreeing = by_grade.pop(best.get("grade"))
    judgement: JudgementRow = {
        "rating": best["rating"],
        "rating_text": best.get("rating_text"),
        "grade": best.get("grade"),
        "evidence": evidence_of(best),
        "kind": best_doc.get("kind"),
        "doc_id": best_doc["id"],
        "fact_ids": [f["id"] for f, _ in items],
        "doc_ids": sorted(doc["id"] for _, doc in agreeing),
    }
    conflicts: list[ConflictRow] = []
    for stated in by_grade.values():  # the weightiest dissent first
        fact, doc = stated[0]
        conflicts.append({
            "area": area,
            "rating": fact["rating"],
            "rating_text": fact.get("rating_text"),
            "grade": fact.get("grade"),
            "evidence": evidence_of(fact),
            "kind": doc.get("kind"),
            "doc_ids": sorted(d["id"] for _, d in stated),
            "fact_ids": [f["id"] for f, _ in stated],
        })
    return judgement, conflicts


def _event(cluster: _Cluster, docs: dict[str, DocumentRow]) -> EventRow:
    facts = cluster.facts
    # A judgement's "inspection" is a default, not a kind it names: where the event's
    # inspection facts name one, it is theirs (a board's review published on its own is a review).
    kinds = {_kind(f) for f in facts if f["type"] == "inspection" or _kind(f) != "inspection"}
    kinds = kinds or {_kind(f) for f in facts}
    event_type = next((t for t in _TYPE_ORDER if t in kinds), sorted(kinds)[0])
    by_area: dict[str, list[tuple[FactRow, DocumentRow]]] = {}
    for fact in facts:
        if fact["type"] == "judgement":
            area = fact.get("area") or "overall"
            by_area.setdefault(area, []).append((fact, docs[fact["doc_id"]]))
    judgements, conflicts = {}, []
    for area, items in by_area.items():
        judgements[area], disagree = _area_judgement(area, items)
        conflicts += disagree
    # The event's own rating is its overall judgement and nothing else: areas
    # that happen to agree (a 2010 inspection's two judgements, a lone LSCB or
    # care leavers grade) are not a grade the inspection gave as a whole.
    overall = judgements.get("overall")
    eras = Counter(f.get("era") for f in facts if f.get("era"))
    doc_ids = sorted({f["doc_id"] for f in facts},
                     key=lambda d: (source_rank(docs[d].get("kind")), d))
    precision = _precision(cluster)
    event: EventRow = {
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
        "conflicts": sorted(conflicts, key=lambda c: c["area"]),  # stable: the weightiest dissent first within an area
        "doc_ids": doc_ids,
        "fact_ids": [f["id"] for f in facts],
        # Which source quotes which document (traced by ofsted_core.sources): a story quoting the report.
        "quotes": [],
    }
    if all(docs[d].get("kind") == DATASET_KIND for d in doc_ids):
        event["dataset_only"] = True
    if not overall and any(f.get("overall_not_in_dataset") for f in facts):
        event["overall_not_in_dataset"] = True  # the dataset's blank cell: Ofsted gave one, the file lacks it
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


def date_label(event: EventRow) -> str:
    """The date at its known precision: "Feb 2023", "2011", "Aug, no year".

    A month without its year reads no longer than a day's date ("14 Feb 2023"),
    so it fits the timeline's date column beside the others.
    """
    year, month = event.get("year"), event.get("month")
    if year is None and month:
        return f"{month_name(month, short=True)}, no year"
    date = PartialDate.of(year, month)
    return date.label() if date else "date unknown"
