"""The accuracy set's prose labels keep to the schema of benchmarks/accuracy/README.md.

The labels are answers read by people; the benchmark trusts them, so an area name
misspelt, a quote that is not in its document, a page saved twice or a label without
its text would silently skew its figures. These tests catch that; they never compare
labels with the extractor.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections import Counter

import pytest

from importers.vocabulary import AREAS, RATINGS, normalise_rating
from tests.paths import REPO, REPORTS

ACCURACY = REPO / "benchmarks" / "accuracy"
LABEL_FILES = sorted((ACCURACY / "labels").glob("prose*.jsonl"))
LA_LOOKUP = REPORTS.parents[1] / "reference" / "la_lookup.csv"

KINDS = {"news", "trade", "minutes", "press_release", "blog", "parliament"}
FIELDS = {"file", "url", "publisher", "kind", "published", "split", "judgements", "quotes"}
# The prose file name: prose/<date, year or "undated">-<publisher>-<topic>.txt, lower-case ascii.
FILE_NAME = re.compile(r"prose/(?:(?:19|20)\d\d(?:-\d\d){0,2}|undated)-[a-z0-9]+(?:-[a-z0-9]+)*\.txt")
WORD = re.compile(r"[a-z0-9]+")


def _labels() -> list[tuple[str, int, dict]]:
    return [(path.name, n, json.loads(line))
            for path in LABEL_FILES
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip()]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


LABELS = _labels()
IDS = [f"{source}:{line}" for source, line, _ in LABELS]


def test_there_are_prose_labels():
    assert LABELS, f"no labels/prose*.jsonl under {ACCURACY}"


def test_no_page_or_file_is_labelled_twice():
    for key in ("url", "file"):
        twice = [value for value, n in Counter(label[key] for _, _, label in LABELS).items() if n > 1]
        assert not twice, f"labelled twice by {key}: {twice}"


@pytest.mark.parametrize(("source", "line", "label"), LABELS, ids=IDS)
def test_a_label_keeps_to_the_schema(source, line, label):
    where = f"{source} line {line}"
    assert FIELDS <= set(label), f"{where}: missing {FIELDS - set(label)}"
    assert FILE_NAME.fullmatch(label["file"]), f"{where}: file name {label['file']!r}"
    assert label["kind"] in KINDS, f"{where}: kind {label['kind']!r}"
    assert label["split"] in ("dev", "test"), where
    if label["published"] is not None:
        datetime.date.fromisoformat(label["published"])
    for judgement in label["judgements"]:
        assert set(judgement) == {"council", "year", "rating", "area"}, f"{where}: {judgement}"
        assert judgement["area"] in AREAS, f"{where}: unknown area {judgement['area']!r}"
        assert judgement["rating"] in RATINGS and normalise_rating(judgement["rating"]) == judgement["rating"], \
            f"{where}: {judgement['rating']!r}"
        year = judgement["year"]
        assert year is None or (isinstance(year, int) and 2000 <= year <= 2030), f"{where}: year {year!r}"
    for quote in label["quotes"]:
        assert set(quote) == {"text", "speaker"}, f"{where}: {quote}"
        assert len(_words(quote["text"])) >= 4, f"{where}: a quote under four words: {quote['text']!r}"


@pytest.mark.parametrize(("source", "line", "label"), LABELS, ids=IDS)
def test_the_labelled_text_is_saved_and_holds_its_quotes(source, line, label):
    path = ACCURACY / label["file"]
    assert path.is_file(), f"{source} line {line}: {label['file']} is not saved"
    have = Counter(_words(path.read_text(encoding="utf-8")))
    for quote in label["quotes"]:
        # Word by word, so a quote broken by "she said" and joined with a space still fits.
        missing = Counter(_words(quote["text"])) - have
        assert not missing, f"{source} line {line}: {dict(missing)} not in {label['file']}"


@pytest.mark.skipif(not LA_LOOKUP.exists(), reason=f"{LA_LOOKUP} is absent")
def test_each_council_is_named_as_in_the_lookup_and_none_is_the_seed():
    with LA_LOOKUP.open(encoding="utf-8-sig", newline="") as handle:
        names = {row["local_authority_ons_name"] for row in csv.DictReader(handle)}
    councils = {j["council"] for _, _, label in LABELS for j in label["judgements"]}
    assert not councils - names, f"not as la_lookup.csv names them: {sorted(councils - names)}"
    # Haringey is the project's seed council: its documents were read to write the rules.
    assert "Haringey" not in councils


# --- the agreement study's blind relabelling (benchmarks/agreement.py) -------------------

RELABEL = ACCURACY / "agreement" / "relabel.jsonl"
RELABELS = [json.loads(line) for line in RELABEL.read_text(encoding="utf-8").splitlines() if line.strip()] \
    if RELABEL.exists() else []
BY_FILE = {label["file"]: label for _, _, label in LABELS}


@pytest.mark.skipif(not RELABELS, reason=f"{RELABEL} is absent")
def test_the_relabelling_reads_the_seeded_sample_and_keeps_to_the_schema():
    from benchmarks.agreement import sample

    assert [row["file"] for row in RELABELS] == sample(), "relabel.jsonl is not the seeded sample, in order"
    assert Counter(row["split"] for row in RELABELS) == {"dev": 20, "test": 20}
    for row in RELABELS:
        where = f"relabel.jsonl {row['file']}"
        label = BY_FILE[row["file"]]
        assert (row["split"], row["kind"]) == (label["split"], label["kind"]), where
        if row["published"] is not None:
            datetime.date.fromisoformat(row["published"])
        for judgement in row["judgements"]:
            assert set(judgement) == {"council", "year", "rating", "area"}, f"{where}: {judgement}"
            assert judgement["area"] in AREAS and judgement["rating"] in RATINGS, f"{where}: {judgement}"


def test_the_sample_spreads_over_files_halves_kinds_and_eras():
    from benchmarks.agreement import SAMPLED_FILES, _page_era, label_rows, sample

    rows = {row["file"]: (source, row) for source, row in label_rows()}
    picked = [rows[name] for name in sample()]
    assert len(set(sample())) == 40
    assert Counter((source, row["split"]) for source, row in picked) == \
        {(source, split): 4 for source in SAMPLED_FILES for split in ("dev", "test")}
    assert {row["kind"] for _, row in picked} == KINDS
    assert len({_page_era(row) for _, row in picked}) == 4
    assert sample(12) != sample(), "the seed decides the sample"


def test_disagreements_are_named_by_the_field_that_differs():
    from benchmarks.agreement import _kinds_of

    label = {("kent", 2022, "outstanding", "overall"), ("kent", 2010, "inadequate", "overall"),
             ("leeds", 2015, "good", "overall"), ("york", 2019, "good", "overall"),
             ("hull", 2018, "requires improvement", "overall")}
    relabel = {("kent", 2022, "outstanding", "overall"), ("leeds", None, "good", "overall"),
               ("york", 2018, "good", "overall"), ("hull", 2018, "inadequate", "overall"),
               ("bury", 2016, "good", "overall")}
    assert sorted(_kinds_of(label, relabel)) == sorted([
        "earlier grade only in the label", "year null vs a year", "year off by one", "rating word",
        "council only in the relabel"])
