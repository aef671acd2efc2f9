"""The learned-model pieces: fitting recovers a rule the rows follow, and scoring reads it back."""

from __future__ import annotations

import random

from benchmarks.learn import fit
from importers.extract import learned


def _rows(seed: int = 7):
    rnd = random.Random(seed)
    rows, labels = [], []
    for _ in range(300):
        x = {"cue": float(rnd.random() < 0.5), "noise": float(rnd.random() < 0.5)}
        rows.append(x)
        labels.append(x["cue"] == 1.0 if rnd.random() < 0.9 else x["cue"] != 1.0)
    return rows, labels


def test_binary_fit_weights_the_informative_feature(tmp_path, monkeypatch):
    rows, labels = _rows()
    weights = fit.fit_binary(rows, labels, l2=0.1)
    assert weights["cue"] > 1.5 and abs(weights.get("noise", 0.0)) < 0.5
    monkeypatch.setattr(learned, "MODELS", tmp_path)
    learned.weights.cache_clear()
    fit.save("toy", weights, about="test", folder=tmp_path)
    try:
        assert learned.probability("toy", {"cue": 1.0}) > 0.8
        assert learned.probability("toy", {"cue": 0.0}) < 0.2
    finally:
        learned.weights.cache_clear()


def test_choice_fit_prefers_the_candidate_with_the_cue(tmp_path, monkeypatch):
    rnd = random.Random(3)
    groups, chosen = [], []
    for _ in range(200):
        right = rnd.randrange(3)
        groups.append([{"near": 1.0 if i == right else float(rnd.random() < 0.2), "first": float(i == 0)}
                       for i in range(3)])
        chosen.append(right)
    weights = fit.fit_choice(groups, chosen, l2=0.1)
    assert weights["near"] > 1.0
    monkeypatch.setattr(learned, "MODELS", tmp_path)
    learned.weights.cache_clear()
    fit.save("toy_choice", weights, about="test", folder=tmp_path)
    try:
        value, share = learned.best("toy_choice", [("a", {"first": 1.0}), ("b", {"near": 1.0})])
        assert value == "b" and share > 0.5
        assert learned.best("toy_choice", []) is None
    finally:
        learned.weights.cache_clear()


def test_a_model_not_saved_scores_evenly():
    learned.weights.cache_clear()
    assert learned.probability("no such model", {"cue": 1.0}) == 0.5


def test_recording_hands_each_model_its_own_store_and_ends_with_the_block():
    assert learned.record_of("toy") is None
    with learned.recording("toy", []) as outer:
        with learned.recording("other", {}) as other:
            assert learned.record_of("toy") is outer and learned.record_of("other") is other
        assert learned.record_of("other") is None
    assert learned.record_of("toy") is None


def test_settings_are_read_from_the_folder_the_models_are_read_from(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "MODELS", tmp_path)
    assert learned.settings("toy") == {}
    fit.save("toy", {"bias": 1.0}, about="test", folder=tmp_path, settings={"threshold": 0.6})
    learned.forget()
    try:
        assert learned.settings("toy") == {"threshold": 0.6}
    finally:
        learned.forget()
