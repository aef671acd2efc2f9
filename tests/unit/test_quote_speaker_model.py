"""The learned choice of a quote's speaker (issue 11): the candidates a reader weighs, their
features on real text of the accuracy set's dev half, the saved model's choice, and the
fitting script end to end on a small sample.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.learn import quote_speaker as script
from importers.extract import DocContext, quote_speaker_model
from importers.extract.quote_speaker_model import NEVER_OVERRULES, apply, recording
from importers.extract.quotes import extract
from importers.sanitize import clean_text
from tests.paths import prose_text


def decisions(name: str, authority: str | None = None) -> tuple[str, dict[str, quote_speaker_model.Decision]]:
    """A dev document's text and its recorded decisions, by the first words of each quote."""
    text = clean_text(prose_text(name))
    with recording() as found:
        extract(text, DocContext(authority=authority, kind="news"))
    return text, {" ".join(text[d.span[0]:d.span[1]].split()[:5]): d for d in found}


def candidate(decision: quote_speaker_model.Decision, name: str | None) -> quote_speaker_model.Candidate:
    (found,) = [c for c in decision.candidates if c.name == name]
    return found


# --- the candidates and their features -------------------------------------------------

def test_a_speaker_after_the_quote_with_the_verb_before_the_name():
    # Spelthorne Liberal Democrats' blog, 2010 (dev): "“...,” said County Councillor X, ..."
    text, by_quote = decisions("2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt", "Surrey")
    decision = by_quote["This is better than failing"]
    searle = candidate(decision, "Pauline Searle")
    assert decision.candidates[decision.rules] is searle
    assert {"rules", "rules_verb_after", "sentence_after", "words_0_3", "speech_verb", "nearest",
            "kind_full_name", "subject_of_verb_after"} <= searle.features.keys()
    assert text[searle.span[0]:searle.span[1]].startswith("County Councillor Pauline Searle")
    # The inspectorate, named in the sentence before, is weighed too, and with no speech verb of its own there.
    ofsted = candidate(decision, "Ofsted")
    assert "previous_sentence" in ofsted.features and "speech_verb" not in ofsted.features
    assert not {"rules", "subject_of_verb_before", "subject_of_verb_after"} & ofsted.features.keys()
    # So is no speaker at all, on a news page.
    assert candidate(decision, None).features == {"none": 1.0, "none_news": 1.0}


def test_a_speech_running_on_into_the_next_paragraph_is_the_last_speakers():
    _, by_quote = decisions("2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt", "Surrey")
    searle = candidate(by_quote["In spite of the hard"], "Pauline Searle")
    assert {"rules_runs_on", "last_speaker"} <= searle.features.keys()


def test_colon_introduction_and_a_pronoun_resolved_to_the_body_before():
    # Brixton Blog, 2015 (dev): "The report said: “...”", then "It ... “...”".
    _, by_quote = decisions("2015-05-brixtonblog-lambeth-inadequate.txt", "Lambeth")
    report = candidate(by_quote["weak management oversight has led"], "Ofsted")
    assert {"colon_intro", "sentence_before", "speech_verb", "kind_ofsted", "subject_of_verb_before"} <= (
        report.features.keys())
    it = candidate(by_quote["poor permanency planning, insufficiency of"], "Ofsted")
    assert {"pronoun", "last_speaker"} <= it.features.keys()


def test_the_listener_of_called_on_has_no_speech_verb():
    # Brixton Blog (dev): "The Green Party has now called on Councillor Imogen Walker ... “to account ...”".
    _, by_quote = decisions("2015-05-brixtonblog-lambeth-inadequate.txt", "Lambeth")
    decision = by_quote["to account for monumental failings"]
    assert decision.candidates[decision.rules].name == "Green Party"
    assert "speech_verb" not in candidate(decision, "Imogen Walker").features
    assert "kind_org" in candidate(decision, "Green Party").features


def test_a_spokesperson_is_a_role_and_the_rules_none_is_a_candidate():
    # Community Care, 2009 (dev): "a council spokesperson said ... “...”", then a bulleted list.
    _, by_quote = decisions("2009-01-13-communitycare-surrey-improvement-notice.txt", "Surrey")
    spokesperson = candidate(by_quote["no concerns or complaints"], "Surrey Council spokesperson")
    assert {"kind_role", "speech_verb", "words_0_3"} <= spokesperson.features.keys()
    listed = by_quote["at all levels within the"]
    assert listed.candidates[listed.rules].speaker is None
    assert {"rules", "rules_none"} <= listed.candidates[listed.rules].features.keys()
    assert "not_in_passage" in candidate(listed, "Surrey Council spokesperson").features


# --- the model's choice ----------------------------------------------------------------

@pytest.fixture(scope="module")
def dev_weights():
    """The model the script fits on every dev page (with the rules' choice), saved or not."""
    groups, chosen = script.training_rows(script.collect(script.dev_rows()))
    return script.fit_choice(groups, chosen, l2=script.L2)


def test_the_dev_model_ranks_the_attributed_speaker_first_on_dev_sentences(dev_weights):
    _, spelthorne = decisions("2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt", "Surrey")
    _, brixton = decisions("2015-05-brixtonblog-lambeth-inadequate.txt", "Lambeth")
    # share 0: whatever the model ranks first, as if it always overruled the rules.
    assert apply(*_of(spelthorne["There are new thresholds for"]), 0.0, dev_weights).name == "Diana Smith"
    assert apply(*_of(brixton["weak management oversight has led"]), 0.0, dev_weights).name == "Ofsted"


def test_the_rules_stand_below_the_threshold_and_a_confident_model_overrules_them():
    _, by_quote = decisions("2010-10-22-spelthornelibdems-surrey-adequate-childrens-services.txt", "Surrey")
    candidates, rules = _of(by_quote["This is better than failing"])
    favour_ofsted = {"kind_ofsted": 10.0}
    assert apply(candidates, rules, 0.9, favour_ofsted).name == "Ofsted"
    assert apply(candidates, rules, NEVER_OVERRULES, favour_ofsted).name == "Pauline Searle"


def test_the_saved_threshold_is_the_extractors():
    path = quote_speaker_model.learned.MODELS / "quote_speaker.json"
    if not path.exists():  # (none kept: the rules' choice stands everywhere)
        assert quote_speaker_model.threshold() is None
        return
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["settings"]["threshold"] == quote_speaker_model.threshold()
    assert set(saved["weights"]) <= _FEATURES


def _of(decision: quote_speaker_model.Decision):
    return decision.candidates, decision.rules


# Every feature name the gatherer may give: a closed list of patterns, never a word of a page.
_FEATURES = {
    "none", "rules", "last_speaker", "nearest", "not_in_passage", "sentence_before", "sentence_after",
    "previous_sentence", "next_sentence", "paragraph_before", "further_after", "words_0_3", "words_4_10",
    "words_11_30", "words_over_30", "speech_verb", "according_to", "colon_intro", "dash_after", "pronoun",
    "quote_between", "named_again", "kind_ofsted", "kind_role", "kind_full_name", "kind_surname", "kind_org",
    "kind_group", "kind_people", "subject_of_verb_before", "subject_of_verb_after",
    *(f"none_{kind}" for kind in quote_speaker_model._PAGE_KINDS),
    *(f"rules_{how}" for how in ("none", "verb_before", "verb_after", "dash_after", "named_before", "in_sentence",
                                 "statement_heading", "colon_paragraph", "runs_on", "sentence_before",
                                 "paragraph_before", "inspectorate_named")),
}


# --- the fitting script ----------------------------------------------------------------

def test_the_script_fits_cross_validates_and_saves_deterministically(tmp_path, capsys):
    first, second = tmp_path / "one", tmp_path / "two"
    assert script.main(["--sample", "12", "--out", str(first)]) == 0
    printed = capsys.readouterr().out
    assert "rules alone" in printed and "rules + model, share >= 0.5" in printed and "model alone" in printed
    assert script.main(["--sample", "12", "--out", str(second)]) == 0
    saved = (first / "quote_speaker.json").read_text(encoding="utf-8")
    assert saved == (second / "quote_speaker.json").read_text(encoding="utf-8")
    model = json.loads(saved)
    assert model["weights"] and set(model["weights"]) <= _FEATURES
    assert model["settings"]["threshold"] in (*script.SHARES, NEVER_OVERRULES)


def test_cross_validation_scores_the_rules_as_the_benchmark_does():
    docs = script.collect(script.dev_rows(12))
    assert docs and all(len(d.quotes) == len(d.decisions) for d in docs)
    folds = script.cross_validate(docs)
    # The rules alone overrule nothing; the model alone, fitted without the rules' choice, may.
    assert folds.rules.overruled == 0
    assert folds.rules.result.speakers_labelled == folds.alone.result.speakers_labelled > 0


@pytest.fixture(autouse=True)
def _keep_the_saved_threshold():
    yield
    quote_speaker_model.learned.forget()


def test_the_fresh_check_fits_on_the_other_pages_and_scores_the_fresh_ones(capsys):
    docs = script.collect(script.dev_rows(10))
    script.fresh_check(docs[:7], docs[7:])
    printed = capsys.readouterr().out
    assert "fresh dev pages (3 documents), the model fitted on the other 7" in printed
    assert "rules alone" in printed and "model alone" in printed
