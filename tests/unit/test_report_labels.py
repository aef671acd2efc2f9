"""The accuracy set's report labels keep to the schema of benchmarks/accuracy/README.md.

The labels are answers read by people from the PDFs; the benchmark trusts them, so a
typo in an area name, a file labelled twice or a split copied wrongly would silently
skew its figures. These tests catch that; they never compare labels with the extractor.
"""

from __future__ import annotations

import csv
import datetime
import json
import re

import pytest

from importers.vocabulary import AREAS, RATINGS, normalise_rating
from tests.paths import REPO, REPORTS

ACCURACY = REPO / "benchmarks" / "accuracy"
SPLIT = json.loads((ACCURACY / "report_split.json").read_text(encoding="utf-8"))
LABEL_FILES = sorted((ACCURACY / "labels").glob("reports*.jsonl"))
NATIONAL = REPORTS.parent / "national"
LA_LOOKUP = REPORTS.parents[1] / "reference" / "la_lookup.csv"

FRAMEWORKS = {"SIF", "SIF re-inspection", "LAC", "safeguarding and LAC",
              "ILACS standard", "ILACS short", "ILACS reformed"}
# The annual rating's "performs excellently / poorly" are not report grades.
REPORT_RATINGS = {name for name in RATINGS if name not in ("excellent", "poor")}
ERA_FILES = {"reports_2013_2017.jsonl": range(2013, 2018), "reports_2018_2026.jsonl": range(2018, 2027)}


def _labels() -> list[tuple[str, int, dict]]:
    return [(path.name, n, json.loads(line))
            for path in LABEL_FILES
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]


def _file_year(path: str) -> int:
    # Ofsted's file names end with the (publication) date: "... - 12 july 2016.pdf"
    return int(re.search(r"(\d{4})\.pdf$", path).group(1))


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


LABELS = _labels()


def test_there_are_report_labels():
    assert LABELS, f"no labels/reports*.jsonl under {ACCURACY}"


@pytest.mark.parametrize(("name", "years"), sorted(ERA_FILES.items()))
def test_an_era_file_labels_each_report_of_its_era_once(name, years):
    path = ACCURACY / "labels" / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    files = [json.loads(line)["file"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert files == sorted(files), f"{name} is not sorted by file"
    assert sorted(files) == sorted(set(files)), f"{name} labels a report twice"
    assert set(files) == {f for f in SPLIT if _file_year(f) in years}


def test_no_report_is_labelled_in_two_places():
    files = [label["file"] for _, _, label in LABELS]
    assert len(files) == len(set(files))


@pytest.mark.parametrize(("source", "line", "label"), LABELS,
                         ids=[f"{s}:{n}" for s, n, _ in LABELS])
def test_a_label_keeps_to_the_schema(source, line, label):
    where = f"{source} line {line}"
    assert label["split"] == SPLIT[label["file"]], f"{where}: split differs from report_split.json"
    assert label["urn"] == label["file"].split("_", 1)[0], f"{where}: URN is not the folder's"
    assert label["framework"] in FRAMEWORKS, where
    start, end = _date(label["inspection_start"]), _date(label["inspection_end"])
    published = _date(label["published"])
    assert start <= end, where
    assert published is None or published >= end, f"{where}: published before the inspection ended"
    for area, rating in label["judgements"].items():
        assert area in AREAS, f"{where}: unknown area {area!r}"
        assert rating in REPORT_RATINGS and normalise_rating(rating) == rating, f"{where}: {rating!r}"
    for earlier in label["earlier"]:
        assert set(earlier) == {"year", "month", "type", "areas"}, where
        assert earlier["areas"], f"{where}: an earlier inspection without a grade"
        assert (earlier["year"], earlier["month"] or 0) < (start.year, start.month), \
            f"{where}: earlier inspection {earlier} is not before this one"
        for area, rating in earlier["areas"].items():
            assert area in AREAS and rating in REPORT_RATINGS, f"{where}: {area!r}: {rating!r}"


@pytest.mark.skipif(not LA_LOOKUP.exists(), reason=f"{LA_LOOKUP} is absent")
def test_the_council_is_named_as_in_the_lookup():
    with LA_LOOKUP.open(encoding="utf-8-sig", newline="") as handle:
        names = {row["urn"]: row["local_authority_ons_name"] for row in csv.DictReader(handle)}
    wrong = [(label["file"], label["council"]) for _, _, label in LABELS
             if names.get(label["urn"]) != label["council"]]
    assert not wrong


@pytest.mark.skipif(not NATIONAL.exists(), reason=f"{NATIONAL} is absent")
def test_each_labelled_report_exists():
    missing = [label["file"] for _, _, label in LABELS if not (NATIONAL / label["file"]).is_file()]
    assert not missing
