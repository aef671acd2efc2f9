"""Deciding the learned models on the fresh batches' dev pages (benchmarks/learn/fresh.py, ``--decide``)."""

from __future__ import annotations

import json

import pytest

from benchmarks.learn import fresh
from benchmarks.learn import judgement_area_pair as area_script
from benchmarks.learn import judgement_year as year_script
from benchmarks.learn import quote_speaker as quote_script
from importers.extract import learned

RULES = fresh.Outcome("rules alone", right=47, extras=2)


def test_a_model_is_kept_only_with_more_right_and_a_positive_net_gain():
    same = fresh.Outcome("same", 47, 2)
    more_right_more_extras = fresh.Outcome("+2 right, +2 extras", 49, 4)  # net 0
    fewer_extras_only = fresh.Outcome("0 right, -1 extra", 47, 1)  # net +1, but nothing more right
    assert fresh.decide(RULES, [same, more_right_more_extras, fewer_extras_only]) is None
    small = fresh.Outcome("+1 right", 48, 2)
    large = fresh.Outcome("+4 right, +3 extras", 51, 5)
    assert fresh.decide(RULES, [small, large]) is small  # (net +1 both: the fewer extras)
    better = fresh.Outcome("+3 right, -2 extras", 50, 0)
    assert fresh.decide(RULES, [small, large, better]) is better
    assert better.gain_over(RULES) == (3, -2, 5)


def test_the_fresh_pages_are_the_fresh_batches_dev_pages_and_never_fitted_on():
    train, new = fresh.split(fresh.dev_rows())
    files = fresh.fresh_files()
    assert new and all(row["file"] in files for row in new)
    assert not any(row["file"] in files for row in train)
    assert all(row["split"] == "dev" for row in new)  # (no held-back page among them)


def test_the_other_models_are_off_while_one_is_decided(monkeypatch):
    monkeypatch.setattr(learned, "weights", lambda model: {"bias": 1.0})
    with fresh.alone("quote_speaker"):
        assert learned.weights("quote_speaker") == {"bias": 1.0}
        assert learned.weights("judgement_year") == {}
    assert learned.weights("judgement_year") == {"bias": 1.0}


def _saved(model: str) -> dict | None:
    path = learned.MODELS / f"{model}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def test_each_saved_model_is_one_of_its_scripts_fixed_settings():
    quote = _saved("quote_speaker")
    assert quote is None or quote["settings"]["threshold"] in {share for _, share in quote_script.DECIDE}
    year = _saved("judgement_year")
    assert year is None or year["settings"]["threshold"] in {t for _, _, t in year_script.DECIDE}
    area = _saved("judgement_area_pair")
    assert area is None or area["settings"]["threshold"] in area_script.DECIDE


def test_a_kept_model_is_saved_only_where_no_pattern_test_moves(tmp_path, monkeypatch, capsys):
    kept = fresh.Outcome("a setting", 50, 2)
    trials = []

    def write(folder):
        trials.append(folder)
        (folder / "toy.json").write_text("{}", encoding="utf-8")

    monkeypatch.setattr(fresh, "patterns_moved", lambda folder: ["tests/unit/test_x.py::test_y"])
    assert not fresh.settle("toy", kept, write, tmp_path)
    assert not (tmp_path / "toy.json").exists() and "vetoed" in capsys.readouterr().out
    monkeypatch.setattr(fresh, "patterns_moved", lambda folder: [])
    assert fresh.settle("toy", kept, write, tmp_path)
    assert (tmp_path / "toy.json").exists() and trials[-1] == tmp_path  # (tried apart first)
    assert not fresh.settle("toy", None, write, tmp_path) and not (tmp_path / "toy.json").exists()


def test_the_pattern_tests_are_read_with_the_models_of_the_folder_given(tmp_path):
    # (an empty folder: the rules alone, as every pattern test expects)
    assert fresh.patterns_moved(tmp_path) == []


@pytest.mark.parametrize("script, model, settings", [
    (quote_script, "quote_speaker", {share for _, share in quote_script.DECIDE}),
    (year_script, "judgement_year", {t for _, _, t in year_script.DECIDE})])
def test_deciding_saves_a_kept_model_fitted_with_one_of_the_fixed_settings(script, model, settings, tmp_path,
                                                                           monkeypatch, capsys):
    # (fits on some two hundred dev pages: a few seconds each; no pattern test run)
    monkeypatch.setattr(fresh, "patterns_moved", lambda folder: [])
    script.decide(tmp_path)
    printed = capsys.readouterr().out
    assert "prose_batch10.jsonl, prose_batch11.jsonl" in printed
    path = tmp_path / f"{model}.json"
    assert path.exists() == ("decision: keep" in printed)
    if path.exists():
        assert json.loads(path.read_text(encoding="utf-8"))["settings"]["threshold"] in settings
