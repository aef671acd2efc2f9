"""The year a prose grade belongs to, chosen among its passage's years (judgement_year_model).

Sentences are short excerpts of dev pages of the accuracy set (Swindon's 2023 release, Community
Care's 2021 story on inadequate councils, the NW Evening Mail on Westmorland and Furness), cut to show
the pattern each test reads; never a test page.
"""

from __future__ import annotations

import pytest

from benchmarks.learn import judgement_year as script
from importers.extract import DocContext, judgement_year_model as year_model, judgements, learned

# Swindon's release: an earlier inspection's year in a "since the last inspection in" clause.
SWINDON = (
    "Published: Monday, 11th September 2023\n"
    "In its report, Ofsted noted “a significant deterioration in the quality and impact of services for "
    "children in Swindon” since the last inspection in 2019 where services were given an overall grading "
    "of ‘Good’."
)
SWINDON_CTX = DocContext(authority="Swindon", published=(2023, 9, 11), kind="news")
# Community Care: the year straight after the grade, in its clause.
SURREY = ("Ofsted commended Surrey council, rated inadequate in 2018, for how well its personal advisers "
          "(PAs) supported young people after they left care.")
SURREY_CTX = DocContext(published=(2021, 10, 27), kind="news")


def _decisions(text: str, ctx: DocContext) -> tuple[list, list]:
    with year_model.recording() as decisions:
        facts = judgements.extract(text, ctx)
    return facts, decisions


def _by_year(decision: dict) -> dict:
    return {c.year: c for c in decision["candidates"]}


@pytest.fixture
def weights(monkeypatch):
    """Use the given weights for the model, whatever file is saved."""
    def use(w: dict[str, float]) -> None:
        monkeypatch.setattr(learned, "weights", lambda model: w if model == year_model.MODEL else {})
    return use


def test_candidates_are_the_passage_years_the_page_date_and_no_year(weights):
    weights({})  # the rules alone, whatever model is saved
    facts, decisions = _decisions(SWINDON, SWINDON_CTX)
    (decision,) = decisions
    assert SWINDON[slice(*decision["span"])] == "Good"
    candidates = _by_year(decision)
    assert list(candidates) == [2019, 2023, None]  # in order of year, "no year" last
    earlier = candidates[2019]
    assert SWINDON[slice(*earlier.span)] == "2019"
    assert earlier.date == ({"year": 2019, "month": None, "day": None, "precision": "year"}, "text")
    # "since the last inspection in 2019 where services were given ... ‘Good’"
    for name in ("in_sentence", "cue_in", "earlier_inspection", "event_word", "earliest"):
        assert earlier.features.get(name) == 1.0, name
    assert "after_grade" not in earlier.features and "page_date" not in earlier.features
    page = candidates[2023]
    assert SWINDON[slice(*page.span)].startswith("Monday, 11th September 2023")
    assert page.features["page_date"] == 1.0 and page.features["in_before"] == 1.0  # the sentence before
    assert page.features["latest"] == 1.0
    nothing = candidates[None]
    assert nothing.span is None and nothing.features["none"] == 1.0
    # exactly one candidate is the rules' choice, and it is the year the facts carry
    (rules,) = [c for c in decision["candidates"] if c.features.get("rules")]
    assert {f.get("year") for f in facts} == {rules.year}


def test_a_year_right_after_the_grade_in_its_clause():
    _, decisions = _decisions(SURREY, SURREY_CTX)
    (decision,) = decisions
    candidates = _by_year(decision)
    own = candidates[2018]
    for name in ("in_sentence", "after_grade", "same_clause", "cue_in", "rules", "rules_text"):
        assert own.features.get(name) == 1.0, name
    assert own.features["distance"] < candidates[2021].features["distance"]
    assert candidates[2021].span is None and candidates[2021].features["page_only"] == 1.0


def test_no_model_no_change_and_recording_changes_nothing(weights):
    weights({})
    plain = judgements.extract(SWINDON, SWINDON_CTX)
    recorded, _ = _decisions(SWINDON, SWINDON_CTX)
    assert [f.fields for f in plain] == [f.fields for f in recorded]


def test_the_model_overrules_the_rules_only_above_its_threshold(weights, monkeypatch):
    rules_years = {f.get("year") for f in judgements.extract(SURREY, SURREY_CTX)}
    assert rules_years == {2018}
    # A model that trusts the page's date over everything (not a real one): it overrules ...
    weights({"page_date": 5.0})
    monkeypatch.setattr(year_model, "threshold", lambda: 0.6)
    (fact,) = judgements.extract(SURREY, SURREY_CTX)
    assert fact.get("year") == 2021 and fact.get("date_source") == "published"
    assert SURREY[slice(*fact.span)] == "inadequate"  # the grade keeps its own span
    _, (decision,) = _decisions(SURREY, SURREY_CTX)
    assert decision["overruled_by"].year == 2021  # what the script counts as an overruling
    # ... but not where it is less sure than the threshold asks
    monkeypatch.setattr(year_model, "threshold", lambda: 0.999)
    assert {f.get("year") for f in judgements.extract(SURREY, SURREY_CTX)} == {2018}


def test_a_list_of_years_and_reports_are_left_to_the_rules(weights):
    weights({"none": 50.0})
    # The NW Evening Mail on Westmorland and Furness: one grade, two years listed.
    listed = ("Children’s services at the former local authority Cumbria County Council were judged as "
              "‘inadequate’ in 2015, then as ‘requires improvement to be good’ in 2017 and 2022.")
    years = sorted(f.get("year") for f in judgements.extract(listed, DocContext(kind="news"))
                   if f.get("rating") == "requires improvement")
    assert years == [2017, 2022]
    report = DocContext(authority="Surrey", published=(2021, 10, 27), kind="ofsted_report")
    assert {f.get("year") for f in judgements.extract(SURREY, report)} == {2018}


def test_fitted_on_dev_pages_the_model_keeps_a_year_told_in_the_grades_clause(tmp_path):
    """Fitted on a sample of dev pages, the model ranks first the year its grade's own clause
    gives ("rated inadequate in 2018", "judged as ‘inadequate’ in 2015")."""
    rows = script.dev_rows(sample=30)
    paths = [script.saved_page(row, tmp_path) for row in rows]
    groups = [script.training_groups(page) for page in script.run(rows, paths, record=True)]
    weights = script.fit_choice([g for gs, _ in groups for g in gs], [c for _, cs in groups for c in cs], l2=8.0)
    assert weights.get("rules", 0) > 0
    cumbria = ("Children’s services at the former local authority Cumbria County Council were judged as "
               "‘inadequate’ in 2015, then as ‘requires improvement to be good’ in 2017 and 2022.")
    for text, ctx, year in ((SURREY, SURREY_CTX, 2018), (cumbria, SURREY_CTX, 2015)):
        _, decisions = _decisions(text, ctx)
        learned_weights = learned.weights
        try:
            learned.weights = lambda model: weights
            top, share = learned.best(year_model.MODEL, [(c, c.features) for c in decisions[0]["candidates"]])
        finally:
            learned.weights = learned_weights
        assert (top.year, top.features.get("rules")) == (year, 1.0) and share > 0.5


def test_the_script_runs_end_to_end_on_a_sample_and_is_deterministic(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    assert script.main(["--sample", "8", "--folder", str(first), "--force"]) == 0
    out = capsys.readouterr().out
    assert "dev pages" in out and "rules alone" in out and "model without rules" in out
    assert script.main(["--sample", "8", "--folder", str(second), "--force"]) == 0
    saved = (first / "judgement_year.json").read_text(encoding="utf-8")
    assert saved == (second / "judgement_year.json").read_text(encoding="utf-8")
    assert '"weights"' in saved
