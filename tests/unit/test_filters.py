"""Filters and facet counts over a small hand-made corpus."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ofsted_core.filters import NO_GRADE, UNKNOWN, FacetIndex, Filters, _indices, _mask


def _doc(doc_id, authority, kind, published, publisher="Ofsted"):
    return {"id": doc_id, "source": f"{doc_id}.txt", "title": doc_id.upper(), "kind": kind, "publisher": publisher,
            "authority": authority, "published": published, "text": "", "furniture": []}


def _event(event_id, authority, year, grade, type_, doc_ids, era="sif"):
    return {"id": event_id, "authority": authority, "year": year, "month": None, "grade": grade,
            "type": type_, "era": era, "doc_ids": doc_ids, "rating": "good" if grade else None}


DOCS = {
    "r1": _doc("r1", "Haringey", "ofsted_report", "2014-02-03"),
    "n1": _doc("n1", "Haringey", "news", "2014-03", publisher="BBC"),
    "r2": _doc("r2", "Camden", "ofsted_report", "2019"),
    "n2": _doc("n2", None, "news", None, publisher=None),
}
FACTS = {
    "f1": {"id": "f1", "doc_id": "r1", "type": "judgement", "grade": 3, "era": "sif", "year": 2014},
    "f2": {"id": "f2", "doc_id": "n1", "type": "judgement", "grade": 3, "era": "sif", "year": 2014},
    "f3": {"id": "f3", "doc_id": "n1", "type": "quote", "speaker": "Cllr  Jane  Doe"},
    "f4": {"id": "f4", "doc_id": "r2", "type": "judgement", "grade": 2, "era": "ilacs", "year": 2019},
    "f5": {"id": "f5", "doc_id": "n2", "type": "quote", "speaker": None},
}
EVENTS = [
    _event("e1", "Haringey", 2014, 3, "inspection", ["r1", "n1"]),
    _event("e2", "Camden", 2019, 2, "standard inspection", ["r2"], era="ilacs"),
    _event("e3", "Camden", 2021, None, "focused visit", ["r2"], era="ilacs"),
]
NOTES = [{"id": "a1", "kind": "bookmark", "doc_id": "n2"}, {"id": "a2", "kind": "note", "doc_id": "r2"}]


@pytest.fixture
def index() -> FacetIndex:
    return FacetIndex(DOCS, FACTS, EVENTS, NOTES)


def ids(items):
    return [item["id"] for item in items]


def facet(result, name):
    return {v.value: v for v in result.facets[name]}


def test_no_filters_pass_everything(index):
    result = index.apply(Filters())
    assert ids(result.events) == ["e1", "e2", "e3"]
    assert sorted(result.doc_ids) == ["n1", "n2", "r1", "r2"]
    assert not Filters().active


def test_authority_filters_events_and_documents(index):
    result = index.apply(Filters().toggled("authorities", "Camden"))
    assert ids(result.events) == ["e2", "e3"]
    assert result.doc_ids == {"r2"}


def test_values_within_a_facet_are_alternatives(index):
    filters = Filters().toggled("authorities", "Camden").toggled("authorities", "Haringey")
    assert ids(index.apply(filters).events) == ["e1", "e2", "e3"]
    assert filters.toggled("authorities", "Camden").authorities == {"Haringey"}


def test_facets_combine(index):
    filters = Filters().toggled("authorities", "Camden").toggled("grades", "2")
    result = index.apply(filters)
    assert ids(result.events) == ["e2"]
    assert result.doc_ids == {"r2"}


def test_counts_ignore_the_facets_own_choice_but_follow_the_others(index):
    result = index.apply(Filters().toggled("authorities", "Camden"))
    authorities = facet(result, "authorities")
    # Choosing Camden leaves Haringey's count visible as an alternative.
    assert authorities["Haringey"].events == 1 and authorities["Haringey"].documents == 2
    assert authorities["Camden"].selected and not authorities["Haringey"].selected
    grades = facet(result, "grades")
    assert grades["3"].events == 0  # no Camden event graded 3
    assert grades["2"].events == 1 and grades[NO_GRADE].events == 1


def test_missing_values_are_their_own_choice(index):
    result = index.apply(Filters().toggled("authorities", UNKNOWN))
    assert result.doc_ids == {"n2"} and result.events == []
    assert index.label("authorities", UNKNOWN) == "not stated"
    assert index.label("grades", NO_GRADE) == "No grade"


def test_documents_take_event_types_and_events_take_document_kinds(index):
    by_type = index.apply(Filters().toggled("event_types", "focused visit"))
    assert by_type.doc_ids == {"r2"} and ids(by_type.events) == ["e3"]
    by_kind = index.apply(Filters().toggled("kinds", "news"))
    assert ids(by_kind.events) == ["e1"]
    assert by_kind.doc_ids == {"n1", "n2"}


def test_speakers_are_normalised_and_reach_events(index):
    result = index.apply(Filters())
    assert set(facet(result, "speakers")) == {"Cllr Jane Doe"}
    chosen = index.apply(Filters().toggled("speakers", "Cllr Jane Doe"))
    assert chosen.doc_ids == {"n1"} and ids(chosen.events) == ["e1"]


def test_year_range_is_inclusive_and_drops_undated_items(index):
    result = index.apply(Filters().with_years(2014, 2019))
    assert ids(result.events) == ["e1", "e2"]
    assert result.doc_ids == {"r1", "n1", "r2"}
    assert ids(index.apply(Filters().with_years(2020, None)).events) == ["e3"]
    assert index.years == (2014, 2021)


def test_text_documents_restrict_both_sides(index):
    result = index.apply(Filters().with_text("climbie"), text_docs={"n1"})
    assert result.doc_ids == {"n1"}
    assert ids(result.events) == ["e1"]
    assert index.apply(Filters().with_text("zzz"), text_docs=set()).events == []


def test_annotations_filter(index):
    result = index.apply(Filters().toggled("marks", "note"))
    assert result.doc_ids == {"r2"} and ids(result.events) == ["e2", "e3"]
    assert [v.value for v in result.facets["marks"]] == ["bookmark", "note"]


def test_value_order_is_stable_and_grades_run_best_first(index):
    assert index.values("grades") == ["2", "3", NO_GRADE]
    assert index.values("authorities") == ["Camden", "Haringey", UNKNOWN]
    assert index.values("eras") == ["sif", "ilacs"]  # by first year seen
    assert index.values("kinds") == ["ofsted_report", "news"]


def test_a_chosen_value_the_corpus_lacks_stays_visible(index):
    result = index.apply(Filters().toggled("authorities", "Barnet"))
    barnet = facet(result, "authorities")["Barnet"]
    assert barnet.selected and barnet.events == 0
    assert result.events == [] and result.documents == []


def test_facet_counts_are_made_only_for_the_values_read(index):
    result = index.apply(Filters().toggled("grades", "2"))
    authorities = result.facets["authorities"]
    assert len(authorities) == 3 and not authorities._made
    camden = authorities[0]
    assert list(authorities._made) == [0]
    assert authorities[-1] == authorities[2] and authorities[0:1] == [camden]
    assert list(authorities) == [authorities[i] for i in range(3)]


def test_the_same_text_answer_is_applied_again_without_recounting(index):
    answer = {"n1"}
    first = index.apply(Filters().with_text("climbie"), text_docs=answer)
    again = index.apply(Filters().with_text("climbie").toggled("grades", "2"), text_docs=answer)
    assert first.doc_ids == {"n1"} and again.doc_ids <= {"n1"}
    assert index.apply(Filters().with_text("climbie"), text_docs={"r2"}).doc_ids == {"r2"}


def test_chosen_count_and_active():
    filters = Filters().toggled("grades", "1").toggled("grades", "2").with_years(2010, None).with_text(" x ")
    assert filters.active and filters.chosen_count() == 4
    assert not Filters().with_text("   ").active


def test_empty_corpus():
    index = FacetIndex({}, {}, [], [])
    result = index.apply(Filters().toggled("grades", "1"))
    assert result.events == [] and result.documents == []
    assert index.years is None


@pytest.mark.parametrize("positions", [[], [0], [3, 9, 64, 1000], list(range(20))])
def test_bit_masks_round_trip(positions):
    assert _indices(_mask(positions)) == positions


def test_filters_module_does_not_import_textual():
    code = "import sys, ofsted_core.filters; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_text_rows_keep_only_a_datasets_matching_events(index):
    """A document given ``text_rows`` (a dataset) brings only the events listed for it."""
    assert ids(index.apply(Filters().with_text("x"), text_docs={"r2"}).events) == ["e2", "e3"]
    one = index.apply(Filters().with_text("x"), text_docs={"r2"}, text_rows={"r2": {"e3"}})
    assert ids(one.events) == ["e3"] and one.doc_ids == {"r2"}
    assert index.apply(Filters().with_text("x"), text_docs={"r2"}, text_rows={"r2": set()}).events == []
    # An event another matching document supports stays, whatever the dataset's rows say.
    both = index.apply(Filters().with_text("x"), text_docs={"r1", "n1"}, text_rows={"r1": set()})
    assert ids(both.events) == ["e1"]


def test_a_result_says_which_documents_pass_as_its_list_does(index):
    every = {d["id"] for d in index.apply(Filters()).documents} | {"not-indexed"}
    for filters, text in ((Filters(), None), (Filters().toggled("authorities", "Camden"), None),
                          (Filters().with_text("x"), {"r2", "n1"}), (Filters().with_years(2014, 2019), None)):
        result = index.apply(filters, text_docs=text)
        assert {d for d in every if result.passes(d)} == {d["id"] for d in result.documents}


def test_text_masks_match_a_scan_of_every_matching_documents_events(index):
    """The events a text answer keeps, gathered in bulk, are those of each matching document (rows of datasets apart)."""
    docs = [d["id"] for d in index.apply(Filters()).documents]
    events = index.apply(Filters()).events
    for n in range(1 << len(docs)):
        chosen = {d for i, d in enumerate(docs) if n >> i & 1}
        for rows in ({}, {d: set() for d in sorted(chosen)[:1]},  # one read as a dataset with no matching row
                     {d: {e["id"] for e in events[::2]} for d in sorted(chosen)[-1:]}):  # or some rows matching
            expected = [e for e in events if any(d in chosen and (d not in rows or e["id"] in rows[d])
                                                 for d in e["doc_ids"])]
            got = index.apply(Filters().with_text("x"), text_docs=chosen, text_rows=rows).events
            assert ids(got) == ids(expected), (chosen, rows)


def test_a_document_is_listed_under_every_council_whose_events_it_supports():
    # The national record has no council of its own but supports every council's events: with
    # one council chosen, the Documents tab listed none of the sources its events name.
    docs = {"d": _doc("d", None, "dataset", "2026-08-20", publisher="data-to-insight"),
            "n": _doc("n", "Barnet", "news", "2019")}
    events = [_event("e1", "Barking and Dagenham", 2019, 3, "standard inspection", ["d"]),
              _event("e2", "Barnet", 2019, 2, "standard inspection", ["d", "n"]),
              _event("e3", "Enfield", 2019, 2, "standard inspection", ["n"])]
    index = FacetIndex(docs, {}, events, [])
    result = index.apply(Filters().toggled("authorities", "Barking and Dagenham"))
    assert ids(result.events) == ["e1"]
    assert result.doc_ids == {"d"}
    # A story about Barnet that also supports Enfield's event is Enfield's too.
    assert index.apply(Filters().toggled("authorities", "Enfield")).doc_ids == {"n"}
    # A document that supports no event and names no council is the "not stated" value's alone.
    lone = FacetIndex({"x": _doc("x", None, "news", None)}, {}, [], [])
    assert facet(lone.apply(Filters()), "authorities")[UNKNOWN].documents == 1
