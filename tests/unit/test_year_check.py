"""The year check set (benchmarks/accuracy/year_check): pages labelled apart from both halves
and from the other check sets, scored with ``accuracy.py --labels``."""

from __future__ import annotations

from benchmarks import accuracy
from tests.paths import SPEAKER_CHECK, YEAR_CHECK
from tests.unit.test_speaker_check import _key  # one way of comparing two pages' addresses


def _rows(folder=YEAR_CHECK) -> list[dict]:
    return accuracy.read_labels("labels.jsonl", folder)


def test_every_check_label_names_its_own_page_and_scores_judgements_only():
    rows = _rows()
    assert len(rows) >= 15
    assert len({row["file"] for row in rows}) == len(rows)
    for row in rows:
        assert (accuracy.SET / row["file"]).is_file(), row["file"]
        assert row["split"] == "check" and row["quotes"] is None, row["file"]
        for judgement in row["judgements"]:
            assert accuracy.council_key(judgement["council"]) and accuracy.rating_key(judgement["rating"])
            assert judgement["year"] is None or 2005 <= judgement["year"] <= 2026, row["file"]


def test_no_check_page_is_a_page_of_either_half_or_another_check_set():
    others = {_key(row["url"]) for row in accuracy.read_labels("prose*.jsonl") if row.get("url")}
    others |= {_key(row["url"]) for row in _rows(SPEAKER_CHECK)}
    others |= {_key(row["url"]) for row in _rows(accuracy.SET / "era_check")}
    assert not [row["file"] for row in _rows() if _key(row["url"]) in others]
