"""Fit ``judgement_year``: which of its passage's years a prose grade belongs to.

    python -m benchmarks.learn.judgement_year [--sample N] [--folder DIR]

Runs the importer on the dev half of the labelled prose (labels with "split": "dev" and the
pages ``seen.json`` lists), with ``importers.extract.judgement_year_model`` recording each
grade's candidates; a grade's right candidate is the year its labels give it, matched by
(council, grade, area) (skipped where no candidate has it, or where its council, grade and area
are labelled nowhere: that is an extra, not a year to choose). Then 5-fold cross-validation by
document: fit on four folds, import the fifth with those weights, score its (council, year,
grade, area) tuples with ``benchmarks/accuracy.py``'s own functions, and sum; printed for the
rules alone and for rules + model at each penalty and threshold. The whole dev half is then
fitted with the best of them and saved (importers/data/models/judgement_year.json), unless the
model does not beat the rules in cross-validation. Deterministic: the same labels give the same
file. No test page is read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.accuracy import (
    Score, _set_score, areas_of, council_key, half_of, judgement_tuples, rating_key, read_labels, saved_page,
)
from benchmarks.learn.fit import fit_choice, save
from importers.extract import judgement_year_model as year_model
from importers.extract import learned
from importers.model import ImporterError
from importers.pipeline import import_file

FOLDS = 5
PENALTIES = (8.0, 64.0)  # the fit divides by the number of grades: these are strong
THRESHOLDS = (0.65, 0.8, 0.9)
# The rules' choice as a feature (the model learns where to overrule them), or not (the model
# reads the language alone, and overrules the rules where it is sure).
VARIANTS = ("with rules", "without rules")


def _variant(groups: list[list[dict]], variant: str) -> list[list[dict]]:
    if variant == "with rules":
        return groups
    return [[{k: v for k, v in x.items() if not k.startswith("rules")} for x in group] for group in groups]


def dev_rows(sample: int | None = None) -> list[dict]:
    """The dev half's prose labels, by file name (every ``sample``-th only, where given)."""
    rows = sorted((r for r in read_labels("prose*.jsonl") if half_of(r) == "dev"), key=lambda r: r["file"])
    return rows[::max(1, len(rows) // sample)][:sample] if sample else rows


def labelled_tuples(row: dict) -> set[tuple]:
    return {(council_key(j["council"]), j.get("year"), rating_key(j["rating"]), area)
            for j in row.get("judgements", []) for area in areas_of(j.get("area"))}


@contextmanager
def _model(weights: dict[str, float] | None, threshold: float) -> Iterator[None]:
    """The extractor with these weights (None: rules alone), whatever file is saved."""
    saved_weights, saved_threshold = learned.weights, year_model.THRESHOLD
    learned.weights = lambda model: (weights or {}) if model == year_model.MODEL else saved_weights(model)
    year_model.THRESHOLD = threshold
    try:
        yield
    finally:
        learned.weights, year_model.THRESHOLD = saved_weights, saved_threshold


def run(rows: list[dict], paths: list[str], weights=None, threshold: float = 1.0, record: bool = False) -> list[dict]:
    """Import each page; per page its predicted and labelled tuples, facts and recorded decisions."""
    out = []
    with _model(weights, threshold):
        for row, path in zip(rows, paths):
            year_model.RECORD = [] if record else None
            try:
                doc = import_file(path)
            except ImporterError as exc:
                print(f"  (not imported: {exc})", file=sys.stderr)
                doc = None
            facts = [{"type": f.type, "span": f.span, **f.fields} for f in (doc.facts if doc else [])]
            info = {"published": doc.published, "authority": doc.authority} if doc else {}
            out.append({"predicted": judgement_tuples(facts, info), "labelled": labelled_tuples(row),
                        "facts": facts, "decisions": year_model.RECORD or [], "doc": info})
    year_model.RECORD = None
    return out


def training_groups(page: dict) -> tuple[list[list[dict]], list[int]]:
    """Each recorded decision whose right year is one of its candidates: (features, right index)."""
    labelled = page["labelled"]
    groups, chosen = [], []
    for decision in page["decisions"]:
        keys = {(council_key(f.get("authority") or page["doc"].get("authority")), rating_key(f.get("rating")), area)
                for f in page["facts"] if f["type"] == "judgement" and tuple(f["span"]) == tuple(decision["span"])
                for area in areas_of(f.get("area"))}
        counts = []
        for candidate in decision["candidates"]:
            counts.append(sum((c, candidate.year, g, a) in labelled for c, g, a in keys))
        best = max(counts, default=0)
        if best == 0:
            continue  # labelled nowhere with any candidate's year
        right = [i for i, n in enumerate(counts) if n == best]
        if len(right) > 1:
            rules = [i for i in right if decision["candidates"][i].features.get("rules")]
            if not rules:
                continue
            right = rules
        groups.append([candidate.features for candidate in decision["candidates"]])
        chosen.append(right[0])
    return groups, chosen


def score(pages: list[dict]) -> Score:
    total = Score()
    for page in pages:
        total.add(_set_score(page["predicted"], page["labelled"]))
    return total


def _line(name: str, s: Score) -> str:
    return f"  {name:<40} P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  F1 {s.f1 or 0:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"


def cross_validate(rows: list[dict], paths: list[str], recorded: list[dict]) -> dict[tuple, Score]:
    """Rules alone and rules + model at each (penalty, threshold), summed over the folds."""
    folds = [i % FOLDS for i in range(len(rows))]
    results: dict[tuple, Score] = {("rules",): score(recorded)}
    for variant, l2 in ((v, p) for v in VARIANTS for p in PENALTIES):
        for fold in range(FOLDS):
            groups, chosen = [], []
            for page, f in zip(recorded, folds):
                if f != fold:
                    g, c = training_groups(page)
                    groups += g
                    chosen += c
            weights = fit_choice(_variant(groups, variant), chosen, l2=l2)
            held = [i for i, f in enumerate(folds) if f == fold]
            for threshold in THRESHOLDS:
                pages = run([rows[i] for i in held], [paths[i] for i in held], weights, threshold)
                results.setdefault((variant, l2, threshold), Score()).add(score(pages))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="only this many dev pages (a quick check)")
    parser.add_argument("--folder", type=Path, help="save the model here instead of importers/data/models")
    parser.add_argument("--force", action="store_true",
                        help="save the best even where it does not beat the rules (to inspect it, with --folder)")
    args = parser.parse_args(argv)
    rows = dev_rows(args.sample)
    with tempfile.TemporaryDirectory() as scratch:
        paths = [saved_page(row, Path(scratch)) for row in rows]
        recorded = run(rows, paths, record=True)
        groups = [training_groups(page) for page in recorded]
        n = sum(len(g) for g, _ in groups)
        overruled = sum(1 for g, c in groups for group, right in zip(g, c) if not group[right].get("rules"))
        print(f"judgement_year: {len(rows)} dev pages, {n} grades with their labelled year among the candidates, "
              f"{overruled} of them where the rules chose another")
        results = cross_validate(rows, paths, recorded)
    rules = results.pop(("rules",))
    print(f"{FOLDS}-fold cross-validation by document (dev), judgements (council, year, grade, area):")
    print(_line("rules alone", rules))
    for (variant, l2, threshold), s in results.items():
        print(_line(f"model {variant}, l2={l2:g} t={threshold:g}", s))
    # (ties go to the stronger penalty and the higher threshold: the fewer overrulings)
    (variant, l2, threshold), best = max(results.items(), key=lambda kv: (kv[1].f1 or 0, kv[0][1], kv[0][2]))
    if (best.f1 or 0) <= (rules.f1 or 0) or best.fp > rules.fp:
        print("the model does not beat the rules alone without extras: " + ("saved all the same (--force)"
                                                                          if args.force else "nothing saved"))
        if not args.force:
            return 0
    all_groups = [g for page_groups, _ in groups for g in page_groups]
    all_chosen = [c for _, page_chosen in groups for c in page_chosen]
    weights = fit_choice(_variant(all_groups, variant), all_chosen, l2=l2)
    about = (f"which year of its passage a prose grade belongs to; conditional logit over "
             f"{len(all_groups)} dev grades, {variant}, l2={l2:g}; use with THRESHOLD={threshold:g} "
             f"(cross-validated F1 {best.f1:.3f} vs rules {rules.f1:.3f})")
    path = save(year_model.MODEL, weights, about=about, folder=args.folder)
    print(f"saved {os.path.relpath(path)} ({variant}, l2={l2:g}, threshold {threshold:g})")
    if threshold != year_model.THRESHOLD:
        print(f"  set THRESHOLD = {threshold:g} in importers/extract/judgement_year_model.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
