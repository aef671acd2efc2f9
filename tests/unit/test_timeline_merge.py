"""The timeline's grade for each area comes from the weightiest evidence, never from a count.

The documents and facts here are built by hand: what is tested is the merge,
not the extractor that finds the facts.
"""

from __future__ import annotations

from typing import Any

from ofsted_core.evidence import evidence_of
from ofsted_core.timeline import build_events

_RATINGS = {"outstanding": 1, "good": 2, "requires improvement": 3, "inadequate": 4}


def _doc(doc_id: str, kind: str, text: str = "", published: str | None = "2023-06") -> dict[str, Any]:
    return {"id": doc_id, "kind": kind, "text": text or f"{doc_id} says things.", "published": published,
            "authority": "Riverside", "source": f"{doc_id}.txt", "title": doc_id}


def _judgement(doc_id: str, n: int, rating: str, *, area: str = "overall", evidence: str | None = None,
               year: int = 2023, month: int | None = 3, span: tuple[int, int] | None = None,
               **extra: Any) -> dict[str, Any]:
    fact = {
        "id": f"{doc_id}-{n:04d}", "doc_id": doc_id, "type": "judgement", "span": list(span or (n * 10, n * 10 + 4)),
        "authority": "Riverside", "year": year, "month": month, "day": None, "rating": rating,
        "rating_text": rating, "grade": _RATINGS[rating], "area": area, "era": "ilacs",
        "event_type": "standard inspection", **extra,
    }
    if evidence:
        fact["evidence"] = evidence
    return fact


def _only_event(docs: list[dict], facts: list[dict]) -> dict[str, Any]:
    (event,) = build_events(docs, facts)
    return event


def test_a_table_grade_beats_ten_news_mentions_and_the_news_is_a_conflict():
    docs = [_doc("report", "ofsted_report")] + [_doc(f"news{i}", "news") for i in range(10)]
    facts = [_judgement("report", 1, "inadequate", evidence="table")]
    facts += [_judgement(f"news{i}", 1, "requires improvement", evidence="text") for i in range(10)]
    event = _only_event(docs, facts)
    assert (event["rating"], event["grade"]) == ("inadequate", 4)
    overall = event["judgements"]["overall"]
    assert overall["evidence"] == "table" and overall["doc_ids"] == ["report"]
    (conflict,) = event["conflicts"]
    assert conflict["area"] == "overall" and conflict["rating"] == "requires improvement"
    assert conflict["doc_ids"] == sorted(f"news{i}" for i in range(10))


def test_a_letter_beats_news_whatever_the_order_of_import():
    letter, story = _doc("letter", "ofsted_letter"), _doc("story", "news")
    facts = [_judgement("story", 1, "good"), _judgement("story", 2, "good"), _judgement("letter", 1, "inadequate")]
    for docs in ([letter, story], [story, letter]):
        event = _only_event(docs, facts)
        assert event["rating"] == "inadequate"
        assert [c["rating"] for c in event["conflicts"]] == ["good"]


def test_within_a_report_the_table_beats_the_headline_and_the_headline_beats_a_body_sentence():
    report = _doc("report", "ofsted_report")
    body_twice = [_judgement("report", n, "requires improvement", evidence="text") for n in (5, 6)]
    headline = _judgement("report", 1, "inadequate", evidence="headline")
    event = _only_event([report], [*body_twice, headline])
    assert event["rating"] == "inadequate"
    assert event["judgements"]["overall"]["evidence"] == "headline"
    table = _judgement("report", 9, "good", evidence="table")
    event = _only_event([report], [*body_twice, headline, table])
    assert event["rating"] == "good"
    # A document gives an area one grade, its weightiest: its own prose is no conflict.
    assert event["conflicts"] == []


def test_each_document_gives_its_weightiest_grade_and_the_weightiest_dissent_comes_first():
    docs = [_doc("report", "ofsted_report"), _doc("letter", "ofsted_letter"), _doc("story", "news")]
    facts = [
        _judgement("report", 1, "good", evidence="table"),
        _judgement("report", 2, "inadequate", evidence="text"),  # the report's own prose: not its word
        _judgement("story", 1, "requires improvement"), _judgement("story", 2, "good"),
        _judgement("letter", 1, "inadequate", evidence="headline"),
    ]
    event = _only_event(docs, facts)
    assert event["rating"] == "good" and event["judgements"]["overall"]["doc_ids"] == ["report"]
    assert [(c["rating"], c["doc_ids"], c["kind"]) for c in event["conflicts"]] == [
        ("inadequate", ["letter"], "ofsted_letter"), ("requires improvement", ["story"], "news")]


def test_agreeing_sources_make_no_conflict_and_each_area_is_weighed_on_its_own():
    docs = [_doc("report", "ofsted_report"), _doc("story", "news")]
    facts = [
        _judgement("report", 1, "good", evidence="table"),
        _judgement("report", 2, "requires improvement", area="care leavers", evidence="table"),
        _judgement("story", 1, "good"),
        _judgement("story", 2, "inadequate", area="care leavers"),
    ]
    event = _only_event(docs, facts)
    assert event["judgements"]["overall"]["doc_ids"] == ["report", "story"]
    assert event["judgements"]["care leavers"]["rating"] == "requires improvement"
    assert [(c["area"], c["rating"], c["doc_ids"]) for c in event["conflicts"]] == [
        ("care leavers", "inadequate", ["story"])]


def test_the_same_grade_in_the_words_of_another_era_is_no_conflict():
    docs = [_doc("report", "ofsted_report"), _doc("story", "news")]
    facts = [_judgement("report", 1, "requires improvement", evidence="table"),
             {**_judgement("story", 1, "requires improvement"), "rating": "adequate", "rating_text": "adequate"}]
    assert _only_event(docs, facts)["conflicts"] == []


def test_evidence_read_before_the_extractor_named_it():
    assert evidence_of({"source": "table"}) == "table"
    assert evidence_of({"source": "section"}) == "text"
    assert evidence_of({}) == "text"
    assert evidence_of({"evidence": "headline", "source": "table"}) == "headline"
    assert evidence_of({"evidence": "nonsense"}) == "text"


# -- quote links -----------------------------------------------------------------
REPORT_TEXT = (
    "Inspection of Riverside children's services. Overall effectiveness: inadequate.\n\n"
    "Children wait too long for help.\n\n"
    "At the previous inspection in 2019 services were judged good.\n\n"
    "Leaders then had a clear plan.\n"
)


def _quote_linked(doc_id: str, n: int, quoted: str, span: tuple[int, int]) -> dict[str, Any]:
    return {"id": f"{doc_id}-{n:04d}", "doc_id": doc_id, "type": "quote", "span": [0, 5], "text": "x",
            "source_links": [{"relation": "quotes", "doc_id": quoted, "span": list(span)}]}


def test_a_quote_link_shows_only_on_the_event_its_passage_is_about():
    report = _doc("report", "ofsted_report", REPORT_TEXT)
    story = _doc("story", "news", "Story. Children wait too long. Leaders then had a clear plan.")
    this = REPORT_TEXT.index("inadequate")
    before = REPORT_TEXT.index("good")
    facts = [
        _judgement("report", 1, "inadequate", evidence="headline", span=(this, this + 10)),
        _judgement("report", 2, "good", year=2019, month=None, span=(before, before + 4)),
        _judgement("story", 1, "inadequate", span=(0, 5)),
        _judgement("story", 2, "good", year=2019, month=None, span=(6, 10)),
        _quote_linked("story", 3, "report", (REPORT_TEXT.index("Children wait"), REPORT_TEXT.index("Children wait") + 20)),
        _quote_linked("story", 4, "report", (REPORT_TEXT.index("Leaders then"), REPORT_TEXT.index("Leaders then") + 20)),
    ]
    events = {e["year"]: e for e in build_events([report, story], facts)}
    assert events[2023]["quotes"] == [{"doc_id": "story", "quoted_doc_id": "report", "passages": 1}]
    assert events[2019]["quotes"] == [{"doc_id": "story", "quoted_doc_id": "report", "passages": 1}]
    # The 2023 event's passage is the one about 2023.
    report_only = [f for f in facts if f["id"] != "story-0004"]
    events = {e["year"]: e for e in build_events([report, story], report_only)}
    assert events[2019]["quotes"] == []


def test_a_quote_link_to_a_document_that_does_not_support_the_event_is_not_shown():
    report = _doc("report", "ofsted_report", REPORT_TEXT)
    story = _doc("story", "news", "Story about 2021.")
    facts = [
        _judgement("report", 1, "inadequate", evidence="headline", span=(10, 20)),
        _judgement("story", 1, "good", year=2021, span=(0, 5)),
        _quote_linked("story", 2, "report", (REPORT_TEXT.index("Children wait"), REPORT_TEXT.index("Children wait") + 20)),
    ]
    events = {e["year"]: e for e in build_events([report, story], facts)}
    assert events[2021]["quotes"] == [] and events[2023]["quotes"] == []


def test_a_rating_the_text_places_earlier_without_a_year_is_not_dated_by_the_document():
    # "Riverside, previously rated inadequate, ..." in a story of June 2023: the
    # earlier grade has no year, and the story's year is not it.
    docs = [_doc("news", "news", published="2023-06")]
    recalled = _judgement("news", 1, "inadequate", year=None, month=None, date_source="not stated")
    current = _judgement("news", 2, "good", year=None, month=None)
    events = build_events(docs, [recalled, current])
    dated = [e for e in events if e["year"] == 2023]
    assert [e["rating"] for e in dated] == ["good"]
    assert all(e["year"] is None for e in events if e["rating"] == "inadequate")


def test_areas_that_agree_are_not_an_overall_grade():
    """A 2010 inspection's two judgements, or a lone board or care leavers grade, give the event no rating of its own."""
    report = _doc("report", "ofsted_report")
    agreeing = [_judgement("report", 1, "good", area="help and protection", evidence="text"),
                _judgement("report", 2, "good", area="children in care", evidence="text")]
    lone_board = [_judgement("report", 3, "requires improvement", area="lscb", evidence="table")]
    for facts in (agreeing, lone_board):
        event = _only_event([report], facts)
        assert (event["rating"], event["grade"]) == (None, None)
        assert "overall" not in event["judgements"]
        assert {area: j["rating"] for area, j in event["judgements"].items()} == {
            f["area"]: f["rating"] for f in facts}


def _inspection(doc_id: str, n: int, *, year: int = 2011, month: int, subject: bool = False,
                **extra: Any) -> dict[str, Any]:
    return {"id": f"{doc_id}-{n:04d}", "doc_id": doc_id, "type": "inspection", "span": [n * 10, n * 10 + 4],
            "authority": "Riverside", "inspection_type": "inspection", "year": year, "month": month,
            "day": None, "subject": subject, **extra}


def _months(events: list[dict]) -> list[tuple[int | None, int | None]]:
    return [(e["year"], e["month"]) for e in events]


def test_an_earlier_inspection_a_report_dates_to_two_months_in_a_row_is_one_event():
    # Inspections run across a month's end: "inspection in February and March of 2019"
    # (https://modgov.lbbd.gov.uk/Internet/ieIssueDetails.aspx?IId=86913&Opt=3), "a four-week
    # inspection in September and October" (https://newsroom.shropshire.gov.uk/2017/11/childrens-services-ofsted).
    # A report recalling its council's 2011 inspection as "undertaken in June 2011" in one
    # part and "in May 2011" in its list of previous inspections: one inspection over a month's end.
    report = _doc("report", "ofsted_report", published="2014-09")
    facts = [_inspection("report", 1, month=6), _judgement("report", 2, "requires improvement", year=2011, month=6,
                                                           area="help and protection"),
             _inspection("report", 3, month=5), _judgement("report", 4, "requires improvement", year=2011, month=5,
                                                           area="help and protection"),
             _judgement("report", 5, "good", year=2011, month=5, area="children in care")]
    (event,) = build_events([report], facts)
    assert _months([event]) == [(2011, 5)]
    assert set(event["judgements"]) == {"help and protection", "children in care"} and event["conflicts"] == []


def test_a_range_of_dates_running_into_the_next_month_joins_that_months_mention():
    # "between 25 February and 6 March 2013" in one document, "in March 2013" in another.
    docs = [_doc("minutes", "minutes"), _doc("story", "news")]
    facts = [_inspection("minutes", 1, year=2013, month=2, end_year=2013, end_month=3),
             _inspection("story", 1, year=2013, month=3)]
    assert _months(build_events(docs, facts)) == [(2013, 2)]


def test_months_in_a_row_stay_apart_where_they_are_two_inspections():
    report = _doc("report", "ofsted_report", published="2013-06")
    # Different grades for one area: two inspections, whatever the months.
    graded = [_inspection("report", 1, month=2), _judgement("report", 2, "inadequate", year=2011, month=2),
              _inspection("report", 3, month=3), _judgement("report", 4, "good", year=2011, month=3)]
    assert _months(build_events([report], graded)) == [(2011, 2), (2011, 3)]
    # The report's own inspection and an earlier one it recalls a month before.
    own = [_inspection("report", 1, year=2013, month=3, subject=True), _inspection("report", 2, year=2013, month=2)]
    assert _months(build_events([report], own)) == [(2013, 2), (2013, 3)]
    # Two documents, each with its own month and no range between them.
    docs = [_doc("a", "news"), _doc("b", "news")]
    apart = [_inspection("a", 1, year=2013, month=2), _inspection("b", 1, year=2013, month=3)]
    assert _months(build_events(docs, apart)) == [(2013, 2), (2013, 3)]
    # Each begins on a day a text gives.
    days = [_inspection("report", 1, month=5, day=9), _inspection("report", 2, month=6, day=13)]
    assert _months(build_events([report], days)) == [(2011, 5), (2011, 6)]


def test_a_row_dated_by_its_reports_publication_joins_that_reports_inspection_however_late():
    # Surrey's council report (dev) was published on 3 June 2015 about an inspection of October and
    # November 2014; its board's review ran 15-17 June 2015. The record's row "published 2015-06-03"
    # is the report's, not the review's of that month.
    report = _doc("report", "ofsted_report", published="2015-06-03")
    review = _doc("review", "ofsted_report", published="2015-08-03")
    record = _doc("record", "dataset", published="2026-01-01")
    facts = [_inspection("report", 1, year=2014, month=10, subject=True, day=21),
             _inspection("review", 1, year=2015, month=6, subject=True, day=15),
             _inspection("record", 1, year=2015, month=None, subject=True, published="2015-06-03",
                         date_source="published"),
             _inspection("record", 2, year=2015, month=None, subject=True, published="2015-08-03",
                         date_source="published")]
    events = build_events([report, review, record], facts)
    assert [(e["year"], e["month"], sorted(e["fact_ids"])) for e in events] == [
        (2014, 10, ["record-0001", "report-0001"]), (2015, 6, ["record-0002", "review-0001"])]


def test_an_earlier_inspection_a_report_dates_by_year_and_by_a_month_across_the_years_end_is_one_event():
    # A report recalling "the last inspection in 2012" in its summary and listing "The last inspection
    # of the local authority's arrangements for the protection of children was in January 2013. The
    # local authority was judged to be adequate." (Shropshire's 2017 report, dev): one inspection.
    report = _doc("report", "ofsted_report", published="2017-11")
    facts = [_inspection("report", 1, year=2012, month=None),
             _judgement("report", 2, "requires improvement", year=2013, month=1)]
    (event,) = build_events([report], facts)
    assert _months([event]) == [(2013, 1)] and event["rating"] == "requires improvement"
    # December of the year before, the visit's own month.
    facts = [_inspection("report", 1, year=2013, month=None), _judgement("report", 2, "good", year=2012, month=12)]
    assert _months(build_events([report], facts)) == [(2012, 12)]


def test_a_year_and_a_month_across_the_years_end_stay_apart_where_nothing_ties_them():
    report = _doc("report", "ofsted_report", published="2017-11")
    # Another document's month: its own inspection, not this one's.
    docs = [report, _doc("story", "news")]
    facts = [_inspection("report", 1, year=2012, month=None), _judgement("story", 1, "good", year=2013, month=1)]
    assert sorted(_months(build_events(docs, facts))) == [(2012, None), (2013, 1)]
    # A month too far from the year's end.
    facts = [_inspection("report", 1, year=2012, month=None), _judgement("report", 2, "good", year=2013, month=4)]
    assert sorted(_months(build_events([report], facts))) == [(2012, None), (2013, 4)]
    # The year itself dated by month in the report: the mention is that inspection's.
    facts = [_inspection("report", 1, year=2012, month=None), _judgement("report", 2, "good", year=2012, month=6),
             _judgement("report", 3, "good", year=2013, month=1)]
    assert sorted(_months(build_events([report], facts))) == [(2012, 6), (2013, 1)]


def test_facts_no_council_is_named_for_make_no_event():
    # A folder's README listing report names ("inspection - 12 july 2016.pdf") gives an
    # inspection mention with a year and no council: it stays a fact of its document.
    readme = {**_doc("readme", "other"), "authority": None}
    named = _doc("story", "news")
    inspection = {"id": "readme-0001", "doc_id": "readme", "type": "inspection", "span": [0, 10],
                  "authority": None, "year": 2016, "month": 7, "day": 12, "event_type": "inspection"}
    graded = {**_judgement("readme", 2, "good"), "authority": None}
    events = build_events([readme, named], [inspection, graded, _judgement("story", 1, "good")])
    assert [e["authority"] for e in events] == ["Riverside"]
