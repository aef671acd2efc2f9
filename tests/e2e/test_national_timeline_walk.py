"""The timeline of real dev reports beside the national record (both in ``../shared``,
skipped where absent), read as a user reads it: one event per inspection.

The record's rows before 2018 carry no inspection dates, only their report's
publication ("published 2015-01-06"); a report published in January is about
an inspection of the autumn before, and the row must join that inspection,
not stand beside it as a second, ungraded event of the publication's year.

Only councils whose reports are all in the ``dev`` half of
``benchmarks/accuracy/report_split.json`` are read.
"""

from __future__ import annotations

import datetime
import re
import json
from typing import Any

import pytest

from importers.councils import council
from importers.model import ImportedDocument
from importers.pipeline import import_file
from ofsted_core.grades import UNGRADED_TYPES
from ofsted_core.labels import rating_text
from ofsted_core.timeline import build_events
from tests.e2e.test_national_reports import _dev_reports, reports  # noqa: F401 (a fixture)
from tests.paths import NATIONAL, REPO, REPORT_SPLIT

pytestmark = pytest.mark.reports

HISTORY = REPO.parent / "shared" / "reference" / "ofsted_csc_ilacs_history.csv"


def _published(doc: ImportedDocument) -> str:
    """Ofsted names a report's file by its publication day, as the record's rows date it."""
    day = doc.source.rsplit(" - ", 1)[1].removesuffix(".pdf")
    return datetime.datetime.strptime(day, "%d %B %Y").date().isoformat()


def _rows(doc: ImportedDocument) -> list[dict[str, Any]]:
    return [{**f.to_dict(), "id": f"{doc.id}-{k}", "doc_id": doc.id} for k, f in enumerate(doc.facts)]


def _document(doc: ImportedDocument) -> dict[str, Any]:
    return {"id": doc.id, "kind": doc.kind, "published": doc.published, "authority": doc.authority,
            "text": doc.text}


def _dev_councils_reports() -> list[str]:
    """The dev reports of councils with no report in the test half."""
    split = json.loads(REPORT_SPLIT.read_text(encoding="utf-8"))
    tested = {name.split("/")[0] for name, half in split.items() if half != "dev"}
    return [name for name in _dev_reports() if name.split("/")[0] not in tested]


@pytest.fixture(scope="module")
def walked() -> tuple[list[ImportedDocument], ImportedDocument, list[dict]]:
    paths = [NATIONAL / name for name in _dev_councils_reports()]
    if not paths or not all(p.is_file() for p in paths) or not HISTORY.is_file():
        pytest.skip(f"needs the national reports at {NATIONAL} and the record at {HISTORY} (not in the repository)")
    reports = [import_file(p) for p in paths]
    record = import_file(HISTORY)
    events = build_events([_document(d) for d in (*reports, record)],
                          [row for d in (*reports, record) for row in _rows(d)])
    return reports, record, events


def test_a_reports_row_dated_by_publication_joins_its_inspection(walked):
    reports, record, events = walked
    checked = 0
    for doc in reports:
        own = {f"{doc.id}-{k}" for k, f in enumerate(doc.facts) if f.type == "inspection" and f.get("subject")}
        row = {f"{record.id}-{k}" for k, f in enumerate(record.facts)
               if f.type == "inspection" and f.get("authority") == doc.authority and f.get("published") == _published(doc)}
        if not own or not row:
            continue
        checked += 1
        (event,) = [e for e in events if own & set(e["fact_ids"])]
        assert row <= set(event["fact_ids"]), (doc.source, event["label"])
        # No second event of the council holds the row alone.
        assert not [x for x in events if x is not event and row & set(x["fact_ids"])], doc.source
    # Several dev reports were published in January or February, months after their visit.
    assert checked >= 8


# The bullet of a SIF report's "Information about this local authority area" that lists
# the homes the council runs: "The local authority operates one children's home. ...".
_HOMES_BULLET = re.compile(r"The local authority operates\b[^\n]*(?:\n(?!\n)[^\n]*)*")


def test_the_inspections_of_a_home_the_council_runs_are_not_the_councils(walked):
    reports, _, events = walked
    seen = 0
    for doc in reports:
        for bullet in _HOMES_BULLET.finditer(doc.text):
            if not re.search(r"\binspection\s+in\s+\w+\s+20\d\d", bullet.group()):
                continue
            seen += 1
            inside = [f for f in doc.facts if f.type == "inspection" and not f.get("subject")
                      and bullet.start() <= f.span[0] < bullet.end()]
            assert inside == [], (doc.source, [(f.get("year"), f.get("month")) for f in inside])
    assert seen >= 1  # Newham's 2014 report: "its last full inspection in April 2013 ... an interim inspection"


# An earlier visit named with its year just before it: "highlighted in the 2011
# unannounced inspection of contact, referral and assessment services".
_YEAR_BEFORE_VISIT = re.compile(r"\bthe (20\d\d) (unannounced inspection|focused visit|monitoring visit)\b")


def test_an_earlier_visit_named_with_its_year_is_on_the_timeline(walked):
    reports, _, events = walked
    seen = 0
    for doc in reports:
        for found in _YEAR_BEFORE_VISIT.finditer(" ".join(doc.text.split())):
            year, kind = int(found.group(1)), found.group(2)
            seen += 1
            assert [e for e in events if e["authority"] == doc.authority and e["year"] == year
                    and e["type"] == kind], (doc.source, found.group())
    assert seen >= 1


def test_a_row_published_in_january_is_an_inspection_of_the_year_before(walked):
    """... unless a report dates that inspection by the publication's year: West Sussex's
    2019 report recalls "the single inspection in 2016", published in January 2016."""
    reports, record, events = walked
    by_report = {f"{doc.id}-{k}" for doc in reports for k, _ in enumerate(doc.facts)}
    councils = {name.split("/")[0].split("_", 1)[1].replace("&", "and") for name in _dev_councils_reports()}
    seen = 0
    for k, fact in enumerate(record.facts):
        published = fact.get("published") or ""
        if fact.type != "inspection" or (fact.get("authority") or "").lower() not in councils or published[5:7] != "01":
            continue
        seen += 1
        (event,) = [e for e in events if f"{record.id}-{k}" in e["fact_ids"]]
        told = by_report & set(event["fact_ids"]) and event["year"] == int(published[:4])
        assert told or event["year"] == int(published[:4]) - 1, (fact.get("authority"), published, event["label"])
    assert seen >= 3  # Lincolnshire's, Wokingham's (their reports are here) and Plymouth's (not)


def test_no_event_of_a_council_before_it_existed():
    """The first report on a council formed since 2005 recalls its predecessor's inspections
    ("better support than they did at the time of the inspection in 2019"): they are not its own."""
    paths = [NATIONAL / name for name in _dev_councils_reports()
             if (found := council(name.split("/")[0].split("_", 1)[1])) is not None and found.since]
    if not paths or not all(p.is_file() for p in paths):
        pytest.skip(f"needs the dev reports on councils formed since 2005 at {NATIONAL} (not in the repository)")
    docs = [import_file(p) for p in paths]
    events = build_events([_document(d) for d in docs], [row for d in docs for row in _rows(d)])
    assert events
    for event in events:
        found = council(event["authority"])
        assert found is None or not found.since or event["year"] is None or event["year"] >= found.since, event["label"]


# Several earlier visits named with one list of months, the year said once or with each:
# "focused visits in January and December 2019", "in October 2022 and January 2024".
_VISITS_LISTED = re.compile(r"\b(focused|monitoring) visits in ((?:[A-Z][a-z]+(?: 20\d\d)?(?:, | and |, and ))+"
                            r"[A-Z][a-z]+ 20\d\d)")
_MONTHS = {datetime.date(2000, m, 1).strftime("%B"): m for m in range(1, 13)}


def test_each_visit_of_a_listed_run_is_on_the_timeline(walked):
    reports, _, events = walked
    seen = 0
    for doc in reports:
        for found in _VISITS_LISTED.finditer(" ".join(doc.text.split())):
            kind = f"{found.group(1)} visit"
            items = re.findall(r"([A-Z][a-z]+)(?: (20\d\d))?", found.group(2))
            year = None
            for month, stated in reversed(items):
                year = int(stated) if stated else year
                seen += 1
                assert [e for e in events if e["authority"] == doc.authority and e["year"] == year
                        and e["month"] == _MONTHS[month] and e["type"] == kind], (doc.source, found.group(), month)
    assert seen >= 2  # Herefordshire's 2022 report: "focused visits in January and December 2019"


def _report_labels() -> dict[str, dict[str, Any]]:
    """The labels of the reports read here (by a person, from the PDFs), by source path."""
    found = {}
    for path in sorted((REPO / "benchmarks" / "accuracy" / "labels").glob("reports_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            found[str(NATIONAL / label["file"])] = label
    return found


def test_an_earlier_inspection_a_report_dates_two_ways_is_one_event(walked):
    """Portsmouth's 2014 report dates its council's 2011 inspection "June 2011" in one part
    and "May 2011" in its list of previous inspections: one inspection, one event."""
    reports, _, events = walked
    labels = _report_labels()
    seen = 0
    for doc in reports:
        for earlier in labels[doc.source].get("earlier", ()):
            if not earlier.get("month"):
                continue
            near = [e for e in events if doc.id in e["doc_ids"] and e["authority"] == doc.authority
                    and e["year"] == earlier["year"] and e["month"] and abs(e["month"] - earlier["month"]) <= 1
                    and e["type"] not in UNGRADED_TYPES]
            seen += 1
            assert len(near) == 1, (doc.source, earlier, [e["label"] for e in near])
    assert seen >= 10


def test_an_earlier_inspection_of_one_subject_shows_its_grade_as_overall(walked):
    """A 2012-13 protection of children inspection, or a 2011 safeguarding inspection, graded
    one thing: the reports' lists give it as "The local authority was judged to be adequate"."""
    reports, _, events = walked
    labels = _report_labels()
    seen = 0
    for doc in reports:
        for earlier in labels[doc.source].get("earlier", ()):
            if earlier["type"] not in ("protection of children", "safeguarding"):
                continue
            seen += 1
            (event,) = [e for e in events if doc.id in e["doc_ids"] and e["authority"] == doc.authority
                        and (e["year"], e["month"]) == (earlier["year"], earlier["month"])]
            assert event["rating"] == earlier["areas"]["overall"], (doc.source, earlier, event["judgements"])
    assert seen >= 5


def test_a_record_row_without_grades_joins_the_graded_event_a_report_gives_or_says_the_file_lacks_them(walked):
    """The record reads no grade from reports before 2018: where a report here grades that
    inspection (West Sussex's and Havering's "since the last inspection, when ...", dated
    2016 elsewhere in the report), the row is on that graded event; alone, its event says
    the dataset lacks the grade rather than that Ofsted gave none."""
    reports, record, events = walked
    graded_earlier = {(doc.authority, earlier["year"]) for doc in reports
                      for earlier in _report_labels()[doc.source].get("earlier", ())}
    alone, joined, ungraded = 0, 0, []
    for k, fact in enumerate(record.facts):
        if fact.type != "inspection" or not fact.get("published"):
            continue
        found = [e for e in events if f"{record.id}-{k}" in e["fact_ids"]]
        if not found or found[0]["authority"] not in {doc.authority for doc in reports}:
            continue
        (event,) = found
        if (event["authority"], event["year"]) in graded_earlier:
            joined += 1
            if not event["judgements"]:
                ungraded.append((event["authority"], event["label"]))
        elif event["doc_ids"] == [record.id]:
            alone += 1
            assert rating_text(event) == "Grade not in dataset", (event["authority"], event["label"])
    # North Lincolnshire's 2022 report grades its 2017 inspection only by continuity
    # ("have remained outstanding" since then): ``importers.extract.continuity``.
    assert ungraded == []
    assert joined >= 3 and alone >= 5


def test_a_reports_own_inspection_is_on_its_own_councils_events(walked):
    reports, _, events = walked
    for doc in reports:
        own = {f"{doc.id}-{k}" for k, f in enumerate(doc.facts) if f.type == "inspection" and f.get("subject")}
        assert own
        assert {e["authority"] for e in events if own & set(e["fact_ids"])} == {doc.authority}, doc.source


def test_an_earlier_grade_a_report_states_only_by_continuity_is_that_inspections():
    """ "Since the last inspection, leaders have sustained outstanding services", "continue to
    receive a good service ... since the last inspection in 2018": the dev reports whose labels
    record an earlier grade "implied by continuity" give it to that year from their own text,
    without the national record (whose rows would hide a miss)."""
    labels = [label for label in _report_labels().values()
              if label["split"] == "dev" and "continuity" in label.get("how", "")]
    paths = [NATIONAL / label["file"] for label in labels]
    if not paths or not all(p.is_file() for p in paths):
        pytest.skip(f"needs the national reports at {NATIONAL} (not in the repository)")
    for label, path in zip(labels, paths):
        doc = import_file(path)
        for earlier in label["earlier"]:
            found = {(f.get("area"), f.get("rating")) for f in doc.facts
                     if f.type == "judgement" and f.get("year") == earlier["year"]}
            assert set(earlier["areas"].items()) <= found, (label["file"], earlier, found)
    assert len(labels) >= 3  # Isle of Wight 2023, Bracknell Forest 2026, Westminster 2025


def test_each_grade_a_report_gives_an_earlier_inspection_is_on_that_inspections_event(walked):
    """Every earlier inspection the dev reports grade (their labels' ``earlier``, read by a person)
    shows that grade for each area on the event of its council, year and month: Warrington's
    "rated inadequate for safeguarding and adequate for looked after children in its ...
    inspection in 2009" gives 2009 both grades, North Lincolnshire's "have remained outstanding"
    since 2017 gives 2017 three."""
    reports, _, events = walked
    labels = _report_labels()
    seen = 0
    for doc in reports:
        for earlier in labels[doc.source].get("earlier", ()):
            month = earlier.get("month")
            found = [e for e in events if e["authority"] == doc.authority and e["year"] == earlier["year"]
                     and (month is None or e["month"] in (None, month)) and e["judgements"]]
            assert len(found) == 1, (doc.source, earlier, [e["label"] for e in found])
            shown = {area: j["rating"] for area, j in found[0]["judgements"].items()}
            seen += 1
            assert {a: shown.get(a) for a in earlier["areas"]} == earlier["areas"], (doc.source, earlier, shown)
    assert seen >= 20


def test_each_inspection_event_of_a_dev_report_is_its_own_or_one_it_grades_and_shows_once(reports):
    """Every graded inspection event a dev report's facts make (each report alone, so that its own
    facts are what is read) is its own inspection or an earlier one its label records, and an
    inspection it also names by year alone is not shown twice: Shropshire's 2017 report recalls
    "the last inspection in 2012" and lists it as "January 2013", one event."""
    labels = _report_labels()
    graded, alone = 0, 0
    for doc in reports:
        label = labels[doc.source]
        known = [(int(label["inspection_start"][:4]), int(label["inspection_start"][5:7]))]
        known += [(e["year"], e["month"]) for e in label.get("earlier", ())]
        for event in build_events([_document(doc)], _rows(doc)):
            if event["type"] in UNGRADED_TYPES or event["authority"] != doc.authority:
                continue
            if event["judgements"]:
                graded += 1
                assert any(event["year"] == year and (month is None or event["month"] is None
                                                      or abs(event["month"] - month) <= 1)
                           for year, month in known), (doc.source, event["label"], event["judgements"])
            elif event["month"] is None:
                alone += 1
                # Within two months of a year's end from an inspection the report dates by its month.
                assert not [(year, month) for year, month in known if month and (
                    (year == event["year"] + 1 and month <= 2) or (year == event["year"] - 1 and month == 12))], (
                    doc.source, event["label"])
    assert graded >= 100 and alone >= 5
