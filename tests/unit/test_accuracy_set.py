"""The benchmark scores as its README says (the labels' own schema: test_report_labels, test_prose_labels)."""

from __future__ import annotations

import json

import pytest

from benchmarks import accuracy
from tests.paths import REPO

SHARED = REPO.parent / "shared"

SET = accuracy.SET


def _lines(pattern: str) -> list[tuple[str, dict]]:
    out = []
    for path in sorted((SET / "labels").glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.name}:{n}", json.loads(line)))
    return out


def test_report_split_covers_both_eras_in_halves():
    split = json.loads((SET / "report_split.json").read_text())
    assert set(split.values()) == {"dev", "test"}
    dev = sum(v == "dev" for v in split.values())
    assert abs(dev - (len(split) - dev)) <= 1


def test_every_prose_file_is_labelled():
    labelled = {row["file"] for _, row in _lines("prose*.jsonl")}
    assert {f"prose/{p.name}" for p in (SET / "prose").glob("*.txt")} == labelled


def test_council_names_compare_across_styles():
    assert accuracy.council_key("Bristol, City of") == accuracy.council_key("Bristol City Council")
    assert accuracy.council_key("Windsor & Maidenhead") == accuracy.council_key("Windsor and Maidenhead")
    assert accuracy.council_key("County Durham") == accuracy.council_key("Durham County Council")
    assert accuracy.council_key("Leeds") != accuracy.council_key("Leicester")
    assert accuracy.council_key("City of London") == accuracy.council_key("City of London Corporation")
    assert accuracy.council_key("City of London") not in ("", None, accuracy.council_key("Hackney"))


def test_combined_area_scores_as_its_parts():
    doc = {"authority": "Sutton", "published": "2019-03"}
    facts = [{"type": "judgement", "grade": 2, "rating": "good", "authority": None, "year": None,
              "month": None, "area": "children in care and care leavers"}]
    assert accuracy.judgement_tuples(facts, doc) == {
        ("sutton", 2019, "good", "children in care"), ("sutton", 2019, "good", "care leavers")}


def test_quote_matching_needs_most_words_on_both_sides():
    labelled = [{"text": "We accept the findings in full and will act on them", "speaker": "Jane Smith"}]
    close = [{"text": "We accept the findings in full and will act on them.", "speaker": "Smith"}]
    result = accuracy.ProseResult()
    accuracy.score_quotes(close, labelled, result)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (1, 0, 0)
    assert result.speakers_right == result.speakers_labelled == 1
    runaway = [{"text": "We accept the findings in full and will act on them, and then much more text "
                        "that the speaker never said at all in this story", "speaker": "Jane Smith"}]
    result = accuracy.ProseResult()
    accuracy.score_quotes(runaway, labelled, result)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (0, 1, 1)


def test_score_arithmetic():
    score = accuracy.Score(tp=9, fp=1, fn=3)
    assert round(score.precision, 3) == 0.9 and round(score.recall, 3) == 0.75
    assert round(score.f1, 3) == round(2 * 0.9 * 0.75 / 1.65, 3)
    assert accuracy.Score().f1 is None


@pytest.mark.skipif(not (SHARED / "reports" / "national").is_dir(), reason="../shared/reports/national is absent")
def test_every_split_file_is_a_real_report():
    split = json.loads((SET / "report_split.json").read_text())
    missing = [f for f in split if not (SHARED / "reports" / "national" / f).is_file()]
    assert not missing


def test_a_quotation_over_paragraphs_scores_however_it_is_split():
    labelled = [{"text": "We accept the findings in full and will act on them", "speaker": "Jane Smith"},
                {"text": "Children deserve nothing less than the best we can give", "speaker": "Jane Smith"}]
    one = [{"text": "We accept the findings in full and will act on them Children deserve nothing "
                    "less than the best we can give", "speaker": "Smith", "span": [0, 90]}]
    result = accuracy.ProseResult()
    accuracy.score_quotes(one, labelled, result)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (2, 0, 0)
    joined = [{"text": labelled[0]["text"] + " " + labelled[1]["text"], "speaker": "Jane Smith"}]
    split = [{**labelled[0], "span": [0, 50]}, {**labelled[1], "span": [60, 110]}]
    result = accuracy.ProseResult()
    accuracy.score_quotes(split, joined, result)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (1, 0, 0)
    unrelated = [{"text": "An entirely different sentence about budgets and buses", "speaker": "X", "span": [0, 9]}]
    result = accuracy.ProseResult()
    accuracy.score_quotes(split + unrelated, joined, result)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.fn) == (1, 1, 0)


def test_per_document_f1_weighs_each_page_once():
    # One long list read badly and three short stories read well: the pooled
    # figure follows the list, the per-document mean follows the pages.
    result = accuracy.ProseResult(document_f1=[0.0, 1.0, 1.0, 1.0])
    assert result.mean_document_f1 == 0.75
    assert accuracy.ProseResult().mean_document_f1 is None


def test_batch_option_scores_one_label_file(monkeypatch, capsys):
    """``--batch _batch7`` reads labels/prose_batch7.jsonl alone, so a fresh batch can be scored apart."""
    seen = []

    def fake_read(pattern):
        seen.append(pattern)
        return []

    monkeypatch.setattr(accuracy, "read_labels", fake_read)
    accuracy.main(["--only", "prose", "--split", "dev", "--batch", "_batch7"])
    assert seen == ["prose_batch7.jsonl"]
    assert "no labelled documents" in capsys.readouterr().out


def test_an_ungraded_visit_of_another_month_is_not_the_inspections_event():
    # Medway 2019: "a focused visit in February 2019" is a true ungraded event in
    # the year of the July inspection; it is not the inspection shown without a grade.
    row = {"inspection_start": "2019-07-15", "inspection_end": "2019-07-26"}
    visit = {"year": 2019, "month": 2, "grade": None}
    assert accuracy._other_visit(visit, row)
    assert not accuracy._other_visit({"year": 2019, "month": 7, "grade": None}, row)
    assert not accuracy._other_visit({"year": 2019, "month": None, "grade": None}, row)
    # A grade on another month is still scored against the report's overall.
    assert not accuracy._other_visit({"year": 2019, "month": 2, "grade": 4}, row)
