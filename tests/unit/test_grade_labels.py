"""Grades read in one casing wherever they are shown (timeline, facts pane, sidebar, CLI, exports)."""

from __future__ import annotations

from ofsted_core.grades import GRADE_NAMES, sentence_case

from ofsted_tui.grades import rating_badge
from ofsted_core.labels import KIND_NAMES, KIND_SHORT, rating_text


def test_ratings_as_written_read_in_sentence_case():
    # As report tables, letters and news print them.
    assert [sentence_case(t) for t in ("inadequate", "INADEQUATE", "Requires Improvement", "requires improvement to be good",
                                       "performing poorly")] == [
        "Inadequate", "Inadequate", "Requires improvement", "Requires improvement to be good", "Performing poorly"]
    assert sentence_case("") == "" and sentence_case(None) is None


def test_a_headline_verb_reads_as_the_grade_name():
    # SIF headlines: "Children's services in Durham require improvement to be good".
    assert sentence_case("require improvement to be good") == "Requires improvement to be good"
    assert sentence_case("Required improvement") == "Required improvement"


def test_badges_facets_and_rows_share_the_casing():
    assert rating_badge("requires improvement", 3).plain == " Requires improvement "
    assert rating_badge(None, None).plain == " No grade "
    assert rating_text({"rating_text": "GOOD", "rating": "good"}) == "Good"
    assert rating_text({"rating": "inadequate"}) == "Inadequate"
    assert all(name[0].isupper() for name in GRADE_NAMES.values())


def test_every_kind_has_a_word_for_lists_and_one_for_the_filters():
    from importers.model import DOCUMENT_KINDS

    assert set(KIND_SHORT) == set(KIND_NAMES) == set(DOCUMENT_KINDS)
    assert not any("_" in word for word in (*KIND_SHORT.values(), *KIND_NAMES.values()))


def test_abbreviations_keep_their_capitals_and_area_grades_are_not_an_overall_one():
    assert rating_badge("RI", 3, as_written=True).plain == " RI "
    assert rating_text({"rating": None, "judgements": {"lscb": {"rating": "good"}}}) == "No overall grade"
    assert rating_text({"rating": None, "judgements": {}}) == "No grade"


def test_an_event_without_a_grade_says_whether_its_kind_awards_one():
    # "No grade" on an inspection known only from "the last inspection in 2017"
    # would tell a reader Ofsted gave none.
    assert rating_text({"type": "inspection", "rating": None, "judgements": {}}) == "Grade not stated"
    assert rating_text({"type": "standard inspection", "rating": None}) == "Grade not stated"
    assert rating_text({"type": "focused visit", "rating": None}) == "Not graded"
    assert rating_text({"type": "monitoring visit", "rating": None}) == "Not graded"
    assert rating_text({"type": "monitoring visit", "rating": "Inadequate"}) == "Inadequate"


def test_an_inspection_known_only_from_the_dataset_says_the_file_lacks_its_grade():
    # The national dataset reads no grade from reports before 2018: Ofsted gave one, the file has none.
    from ofsted_core.timeline import build_events

    row = {"id": "record-0001", "doc_id": "record", "type": "inspection", "span": [0, 10], "authority": "Riverside",
           "inspection_type": "inspection", "year": 2014, "month": None, "day": None, "subject": True,
           "date_source": "published", "published": "2014-06-30"}
    record = {"id": "record", "kind": "dataset", "text": "line 2", "published": "2026-08-01", "authority": None}
    (event,) = build_events([record], [row])
    assert rating_text(event) == "Grade not in dataset"
    # A report that names the inspection without a grade is a text that does not state it.
    report = {"id": "report", "kind": "ofsted_report", "text": "x", "published": "2019-05-08", "authority": "Riverside"}
    mention = {**row, "id": "report-0001", "doc_id": "report", "subject": False, "date_source": "text"}
    mention.pop("published")
    (event,) = build_events([record, report], [row, mention])
    assert rating_text(event) == "Grade not stated"
    assert rating_text({"type": "focused visit", "rating": None, "dataset_only": True}) == "Not graded"
