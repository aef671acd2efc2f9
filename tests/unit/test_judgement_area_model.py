"""The learned pairing of ratings with the area phrases of their sentence (judgement_area_pair).

Features are checked on short real sentences of the accuracy set's dev half; the saved model's
choices on whole dev pages; the fitting script end to end on a few dev documents.
"""

from __future__ import annotations


import pytest

from benchmarks.learn import fit, fresh
from benchmarks.learn import judgement_area_pair as script
from importers.extract import DocContext, judgement_area_model, learned
from importers.extract.clauses import index_for
from importers.extract.judgement_rating import _Rating
from importers.extract.judgements import extract
from importers.extract.judging import RATING_CUES, RATING_RE, Cue, judging_cue
from importers.extract.scan import matches_at_cues
from importers.pipeline import import_file
from tests.paths import ACCURACY_PROSE

# Real sentences of dev pages (a county council's cabinet decision, 2024; a council's news page;
# a local paper, 2024; a county council's news page, 2017).
EAST_SUSSEX = ("The Council’s Children’s Services has been judged to be good overall and outstanding for the "
               "experiences and progress of children in care.")
NORTH_TYNESIDE = ("Other services for children who need help and protection, children who are looked after or in "
                  "permanent placements, adoption, and the leadership, management and governance from the "
                  "council’s politicians and senior officers were judged to be ‘Good’.")
WALTHAM_FOREST = ("The report, published today, rated the experiences and progress of children in Waltham Forest’s "
                  "care ‘outstanding’, but stated support for care leavers must improve.")


def _rating(text: str, words: str) -> _Rating:
    """The rating word ``words`` of ``text`` as the extractor sees it (its judging cue, or "none")."""
    matches = sorted(matches_at_cues(RATING_RE, text, RATING_CUES), key=lambda m: m.start())
    index = index_for(text)
    i = next(k for k, m in enumerate(matches) if m.group() == words)
    cue = judging_cue(index, matches, i) or Cue("none", matches[i].start())
    return _Rating(index, matches, [m.start() for m in matches], i, cue, index.sentence_at(matches[i].start()))


def _pair(pairs, area: str):
    (found,) = [p for p in pairs if p.area == area]
    return found


def test_a_grade_before_the_area_it_is_given_for():
    pairs = judgement_area_model.pairs(_rating(EAST_SUSSEX, "outstanding"), set(), "other")
    in_care = _pair(pairs, "children in care").features
    assert {"beside_grade_grade_first", "prep_before_area", "gap_0_2", "other_ratings_in_sentence",
            "cue_none", "rules_gave_none"} <= set(in_care)
    assert "area_before" not in in_care and "other_grade_between" not in in_care
    # "good overall and outstanding": the word "overall" is nearer "good" than "outstanding"
    overall = [p for p in pairs if p.area == "overall" and EAST_SUSSEX[p.start:p.end] == "overall"]
    assert overall and "nearer_other_rating" in overall[0].features and "area_before" in overall[0].features


def test_a_list_of_areas_before_its_grade():
    rating = _rating(NORTH_TYNESIDE, "Good")
    pairs = judgement_area_model.pairs(rating, {"adoption", "leadership"}, "news")
    in_care = _pair(pairs, "children in care")
    assert not in_care.given and _pair(pairs, "adoption").given
    assert {"area_before", "judging_between_area_first", "copula_between_area_first", "listed_with_given",
            "areas_in_sentence_3+", "rules_gave_several"} <= set(in_care.features)
    assert "judging_between_grade_first" not in in_care.features


def test_a_turn_of_clause_and_an_aspect_of_an_area():
    pairs = judgement_area_model.pairs(_rating(WALTHAM_FOREST, "outstanding"), {"children in care"}, "news")
    leavers = _pair(pairs, "care leavers").features
    assert {"contrast_between", "aspect_before_area", "comma_between_grade_first"} <= set(leavers)
    assert "rules_gave_it" not in leavers and len(pairs) == 1  # ("children in ... care" names no area)


def test_an_area_the_rules_graded_otherwise_in_the_sentence():
    with judgement_area_model.recording() as recorded:
        facts = extract(EAST_SUSSEX, DocContext(authority="East Sussex", published=(2024, 3, 8), kind="other"))
    assert [(f.get("rating"), f.get("area")) for f in facts if f.span not in recorded] == [("good", "overall")]
    given = recorded.pop("given")
    assert given and all(pair.given for _, pair in given)
    # "outstanding" paired with the sentence's "Children's Services", which the rules rated good
    services = [p for p in recorded.values() if EAST_SUSSEX[p.start:p.end] == "Children’s Services"]
    assert services and all("area_graded_otherwise_in_sentence" in p.features for p in services)


def _judgements(name: str) -> set:
    doc = import_file(ACCURACY_PROSE / name)
    return {(f.get("authority"), f.get("year"), f.get("rating"), f.get("area"), doc.text[f.span[0]:f.span[1]])
            for f in doc.facts if f.type == "judgement"}


@pytest.fixture(scope="module")
def dev_model(tmp_path_factory):
    """The model the script fits on every dev document with its chosen setting, where the
    extractor reads it (whether or not the script keeps it: these are its choices)."""
    folder = tmp_path_factory.mktemp("models")
    with fresh.alone(judgement_area_model.MODEL):  # (as ``--decide`` fits it: the other models off)
        weights = script._fit(script.gather(), script.CHOSEN_L2, script.CHOSEN_ROWS)
    fit.save(judgement_area_model.MODEL, weights, about="test", folder=folder)
    saved = learned.MODELS
    learned.MODELS = folder
    learned.weights.cache_clear()
    yield weights
    learned.MODELS = saved
    learned.weights.cache_clear()


def test_the_model_takes_a_grade_given_for_an_area_after_the_overall_one(dev_model):
    # A dev page (a cabinet decision): "judged to be good overall and outstanding for the
    # experiences and progress of children in care"; the judging rules take "good" only.
    found = _judgements("2024-03-08-eastsussex-cabinet-decision-ofsted-good.txt")
    assert ("East Sussex", 2024, "outstanding", "children in care",
            "outstanding for the experiences and progress of children in care") in found
    assert ("East Sussex", 2024, "good", "overall", "good") in found


def test_the_model_takes_an_attributive_grade_of_an_area(dev_model):
    # A dev page's headline: "Outstanding leadership sees Essex children's services rated good ..."
    found = _judgements("2017-10-12-essex-council-pilot-inspection-good.txt")
    assert ("Essex", 2017, "outstanding", "leadership", "Outstanding leadership") in found


def test_the_model_leaves_an_area_described_after_a_turn(dev_model):
    # "... care ‘outstanding’, but stated support for care leavers must improve"
    found = _judgements("2024-08-20-walthamforestecho-good-children-in-care-outstanding.txt")
    assert not any(area == "care leavers" for _, _, _, area, _ in found)
    assert any(rating == "outstanding" and area == "children in care" for _, _, rating, area, _ in found)


def test_without_a_saved_model_the_rules_alone_decide(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "MODELS", tmp_path)
    learned.weights.cache_clear()
    try:
        found = _judgements("2024-03-08-eastsussex-cabinet-decision-ofsted-good.txt")
    finally:
        learned.weights.cache_clear()
    assert {(rating, area) for _, _, rating, area, _ in found} == {("good", "overall")}


def test_reports_are_left_to_their_own_rules():
    ctx = DocContext(authority="Essex", published=(2017, 10, 12), kind="ofsted_report")
    text = "Outstanding leadership sees Essex children’s services rated good in pilot Ofsted inspection."
    with judgement_area_model.recording() as recorded:
        facts = extract(text, ctx)
    assert not recorded and all(f.span == (text.index("good"), text.index("good") + 4) for f in facts)


def test_fit_probability_is_what_the_extractor_reads(tmp_path, monkeypatch):
    weights = {"bias": -0.5, "gap_0_2": 1.25, "contrast_between": -2.0}
    monkeypatch.setattr(learned, "MODELS", tmp_path)
    learned.weights.cache_clear()
    fit.save("toy_pair", weights, about="test", folder=tmp_path)
    try:
        for feats in ({}, {"gap_0_2": 1.0}, {"gap_0_2": 1.0, "contrast_between": 1.0}):
            assert learned.probability("toy_pair", feats, fitted=weights) == pytest.approx(learned.probability("toy_pair", feats))
    finally:
        learned.weights.cache_clear()


def test_the_script_cross_validates_and_fits_the_same_weights_twice(tmp_path, capsys):
    first = tmp_path / "a"
    assert script.main(["--limit", "10", "--out", str(first)]) == 0
    out = capsys.readouterr().out
    assert "10 dev documents" in out and "rules alone" in out and "rules + model new exact l2=8 p>=0.45" in out
    # (kept or not, as the cross-validation decides; the fit itself is the same every time)
    assert ("saved" in out) == (first / "judgement_area_pair.json").exists()
    weights = script._fit(script.gather(10), script.CHOSEN_L2, script.CHOSEN_ROWS)
    assert weights == script._fit(script.gather(10), script.CHOSEN_L2, script.CHOSEN_ROWS)
    assert weights and all(isinstance(v, float) for v in weights.values())
    # features name patterns of language only: no council, year or page word among them
    assert all(name.replace("_", "").replace("+", "").isalnum() and not any(ch.isdigit() for ch in name[:1])
               for name in weights)


def test_the_model_is_kept_only_where_it_beats_the_rules_without_extras():
    from benchmarks.accuracy import Score

    rules = Score(tp=719, fp=57, fn=82)
    assert script.kept(rules, Score(tp=721, fp=57, fn=80))
    assert not script.kept(rules, Score(tp=722, fp=58, fn=79))
    assert not script.kept(rules, Score(tp=719, fp=50, fn=82))
