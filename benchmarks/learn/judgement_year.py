"""Fit ``judgement_year``: which of its passage's years a prose grade belongs to.

    python -m benchmarks.learn.judgement_year [--sample N] [--folder DIR]
    python -m benchmarks.learn.judgement_year --decide [--folder DIR]   # on the fresh batches: save or remove

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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from benchmarks.accuracy import (
    Score, _set_score, areas_of, council_key, half_of, judgement_tuples, rating_key, read_labels, saved_page,
)
from benchmarks.learn import fresh as fresh_batches
from benchmarks.learn.fit import fit_choice, save
from importers.extract import judgement_year_model as year_model
from importers.extract import learned
from importers.model import ImporterError
from importers.pipeline import import_file

FOLDS = 5
PENALTIES = (8.0, 64.0)  # the fit divides by the number of grades: these are strong
THRESHOLDS = (0.5, 0.7, 0.9)
# The newest label file: its pages were labelled before any rule saw them (README, "How the
# tenth prose batch was collected and labelled"), so its dev pages are scored apart too.
FRESH_BATCH = "_batch10"
# The rules' choice as a feature (the model learns where to overrule them), or not (the model
# reads the language alone, and overrules the rules where it is sure).
VARIANTS = ("with rules", "without rules")
# The settings ``--decide`` weighs on the fresh batches' dev pages, fixed before they were scored:
# each variant at the penalty and share the module defaults to, and at a stricter share.
DECIDE = (("with rules", 8.0, year_model.THRESHOLD), ("with rules", 8.0, 0.9),
          ("without rules", 8.0, year_model.THRESHOLD), ("without rules", 8.0, 0.9))


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
    others = learned.weights

    def read(model: str) -> Mapping[str, float]:
        return (weights or {}) if model == year_model.MODEL else others(model)

    with mock.patch.object(learned, "weights", read), mock.patch.object(year_model, "threshold", lambda: threshold):
        yield


def run(rows: list[dict], paths: list[str], weights=None, threshold: float = 1.0, record: bool = False) -> list[dict]:
    """Import each page; per page its predicted and labelled tuples, facts and recorded decisions."""
    out = []
    with _model(weights, threshold):
        for row, path in zip(rows, paths):
            with year_model.recording() if record else nullcontext([]) as decisions:
                try:
                    doc = import_file(path)
                except ImporterError as exc:
                    print(f"  (not imported: {exc})", file=sys.stderr)
                    doc = None
            facts = [{"type": f.type, "span": f.span, **f.fields} for f in (doc.facts if doc else [])]
            info = {"published": doc.published, "authority": doc.authority} if doc else {}
            out.append({"predicted": judgement_tuples(facts, info), "labelled": labelled_tuples(row),
                        "facts": facts, "decisions": decisions, "doc": info})
    return out


def _right_years(page: dict, decision: dict) -> list[int]:
    """The candidates (by index) whose year the labels give the decision's grade most often."""
    labelled = page["labelled"]
    keys = {(council_key(f.get("authority") or page["doc"].get("authority")), rating_key(f.get("rating")), area)
            for f in page["facts"] if f["type"] == "judgement" and tuple(f["span"]) == tuple(decision["span"])
            for area in areas_of(f.get("area"))}
    counts = [sum((c, candidate.year, g, a) in labelled for c, g, a in keys) for candidate in decision["candidates"]]
    best = max(counts, default=0)
    return [i for i, n in enumerate(counts) if n == best] if best else []


def training_groups(page: dict) -> tuple[list[list[dict]], list[int]]:
    """Each recorded decision whose right year is one of its candidates: (features, right index).

    Where the labels give several candidates' years equally, the rules' choice is the right one
    if it is among them, else the decision is skipped."""
    groups, chosen = [], []
    for decision in page["decisions"]:
        right = _right_years(page, decision)
        if len(right) > 1:
            right = [i for i in right if decision["candidates"][i].features.get("rules")]
        if len(right) != 1:
            continue
        groups.append([candidate.features for candidate in decision["candidates"]])
        chosen.append(right[0])
    return groups, chosen


def overrulings(pages: list[dict]) -> tuple[int, int, int]:
    """How many grades the model moved off the rules' year: to the labelled year, off the
    labelled year, and elsewhere (neither year labelled)."""
    fixed = broke = other = 0
    for page in pages:
        for decision in page["decisions"]:
            new = decision["overruled_by"]
            if new is None:
                continue
            right = {decision["candidates"][i].year for i in _right_years(page, decision)}
            rules = next(c.year for c in decision["candidates"] if c.features.get("rules"))
            fixed += new.year in right
            broke += rules in right and new.year not in right
            other += not right or (rules not in right and new.year not in right)
    return fixed, broke, other


def score(pages: list[dict]) -> Score:
    total = Score()
    for page in pages:
        total.add(_set_score(page["predicted"], page["labelled"]))
    return total


@dataclass
class Result:
    """A configuration's figures summed over the pages it was scored on."""

    score: Score = field(default_factory=Score)
    fixed: int = 0
    broke: int = 0
    other: int = 0

    def add(self, pages: list[dict]) -> None:
        self.score.add(score(pages))
        fixed, broke, other = overrulings(pages)
        self.fixed, self.broke, self.other = self.fixed + fixed, self.broke + broke, self.other + other

    def line(self, name: str) -> str:
        s = self.score
        return (f"  {name:<36} P {s.precision or 0:.3f}  R {s.recall or 0:.3f}  F1 {s.f1 or 0:.3f}  "
                f"(tp {s.tp}, fp {s.fp}, fn {s.fn}; overruled: {self.fixed} right, {self.broke} wrong, "
                f"{self.other} neither)")


def _fit(recorded: list[dict], keep: list[bool], variant: str, l2: float) -> dict[str, float]:
    groups, chosen = [], []
    for page, use in zip(recorded, keep):
        if use:
            g, c = training_groups(page)
            groups += g
            chosen += c
    return fit_choice(_variant(groups, variant), chosen, l2=l2)


def _configs() -> list[tuple[str, float]]:
    return [(variant, l2) for variant in VARIANTS for l2 in PENALTIES]


def cross_validate(rows: list[dict], paths: list[str], recorded: list[dict]) -> dict[tuple, Result]:
    """Rules + model at each (variant, penalty, threshold), summed over the folds by document."""
    folds = [i % FOLDS for i in range(len(rows))]
    results: dict[tuple, Result] = {}
    for variant, l2 in _configs():
        for fold in range(FOLDS):
            weights = _fit(recorded, [f != fold for f in folds], variant, l2)
            held = [i for i, f in enumerate(folds) if f == fold]
            for threshold in THRESHOLDS:
                pages = run([rows[i] for i in held], [paths[i] for i in held], weights, threshold, record=True)
                results.setdefault((variant, l2, threshold), Result()).add(pages)
    return results


def fresh_pages(rows: list[dict], paths: list[str], recorded: list[dict], batch: str) -> dict[tuple, Result]:
    """Fit on the other dev pages, score the dev pages of ``batch``: pages labelled before any
    rule was written from them, the nearest the dev half has to the held-back half."""
    files = {r["file"] for r in read_labels(f"prose{batch}.jsonl")}
    inside = [row["file"] in files for row in rows]
    held = [i for i, yes in enumerate(inside) if yes]
    results: dict[tuple, Result] = {("rules",): Result()}
    results[("rules",)].add([recorded[i] for i in held])
    for variant, l2 in _configs():
        weights = _fit(recorded, [not yes for yes in inside], variant, l2)
        for threshold in THRESHOLDS:
            pages = run([rows[i] for i in held], [paths[i] for i in held], weights, threshold, record=True)
            results.setdefault((variant, l2, threshold), Result()).add(pages)
    return results


def decide(folder: Path | None = None) -> tuple | None:
    """Fit on every dev page but the fresh batches', decide on theirs (``fresh.decide``), then
    fit the kept setting on every dev page and save it with its share, or remove the saved
    model; the kept (variant, penalty, share), None for the rules alone."""
    with fresh_batches.alone(year_model.MODEL):
        kept = _decide(folder)
    learned.forget()  # (the saved file has changed)
    return kept


def _decide(folder: Path | None = None) -> tuple | None:
    rows = fresh_batches.dev_rows()
    train_rows, fresh_rows = fresh_batches.split(rows)
    with tempfile.TemporaryDirectory() as scratch:
        train_paths = [saved_page(row, Path(scratch)) for row in train_rows]
        fresh_paths = [saved_page(row, Path(scratch)) for row in fresh_rows]
        train = run(train_rows, train_paths, record=True)
        new = run(fresh_rows, fresh_paths, record=True)
        rules = Result()
        rules.add(new)
        print(rules.line("rules alone"))
        outcomes = []
        for variant, l2, threshold in DECIDE:
            result = Result()
            weights = _fit(train, [True] * len(train), variant, l2)
            result.add(run(fresh_rows, fresh_paths, weights, threshold, record=True))
            name = f"model {variant}, l2={l2:g} t={threshold:g}"
            print(result.line(name))
            outcomes.append(fresh_batches.Outcome(name, result.score.tp, result.score.fp))
    kept = fresh_batches.report(fresh_batches.Outcome("rules alone", rules.score.tp, rules.score.fp),
                                outcomes, len(new))
    if kept is None:
        fresh_batches.settle(year_model.MODEL, None, lambda where: None, folder)
        return None
    variant, l2, threshold = DECIDE[[o.setting for o in outcomes].index(kept.setting)]
    everything = train + new
    weights = _fit(everything, [True] * len(everything), variant, l2)
    about = (f"which year of its passage a prose grade belongs to; conditional logit, {variant}, l2={l2:g}, "
             f"fitted on all {len(everything)} dev pages by benchmarks/learn/judgement_year.py --decide after it "
             f"beat the rules on the fresh batches' dev pages; overrules them from settings.threshold")
    saved = fresh_batches.settle(year_model.MODEL, kept, lambda where: save(
        year_model.MODEL, weights, about=about, folder=where, settings={"threshold": threshold}), folder)
    return (variant, l2, threshold) if saved else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="only this many dev pages (a quick check)")
    parser.add_argument("--folder", type=Path, help="save the model here instead of importers/data/models")
    parser.add_argument("--force", action="store_true",
                        help="save the best even where it does not beat the rules (to inspect it, with --folder)")
    parser.add_argument("--fresh", default=FRESH_BATCH, metavar="BATCH",
                        help=f"also fit without this label file's dev pages and score them (default {FRESH_BATCH})")
    parser.add_argument("--decide", action="store_true",
                        help="fit on the dev pages but the fresh batches', decide on theirs, save the kept "
                             "setting fitted on every dev page (or remove the model)")
    args = parser.parse_args(argv)
    if args.decide:
        decide(args.folder)
        return 0
    rows = dev_rows(args.sample)
    with tempfile.TemporaryDirectory() as scratch:
        paths = [saved_page(row, Path(scratch)) for row in rows]
        recorded = run(rows, paths, record=True)
        groups = [training_groups(page) for page in recorded]
        n = sum(len(g) for g, _ in groups)
        overruled = sum(1 for g, c in groups for group, right in zip(g, c) if not group[right].get("rules"))
        print(f"judgement_year: {len(rows)} dev pages, {n} grades with their labelled year among the candidates, "
              f"{overruled} of them where the rules chose another")
        rules = Result()
        rules.add(recorded)
        results = cross_validate(rows, paths, recorded)
        fresh = fresh_pages(rows, paths, recorded, args.fresh) if args.fresh else {}
    print(f"{FOLDS}-fold cross-validation by document (dev), judgements (council, year, grade, area):")
    print(rules.line("rules alone"))
    for (variant, l2, threshold), result in results.items():
        print(result.line(f"model {variant}, l2={l2:g} t={threshold:g}"))
    if fresh and fresh[("rules",)].score.tp + fresh[("rules",)].score.fn:
        print(f"fitted on the other dev pages, scored on the dev pages of prose{args.fresh}.jsonl (no rule "
              f"was written from them):")
        for key, result in fresh.items():
            print(result.line("rules alone" if key == ("rules",) else f"model {key[0]}, l2={key[1]:g} t={key[2]:g}"))
    # (ties go to the stronger penalty and the higher threshold: the fewer overrulings)
    (variant, l2, threshold), best = max(results.items(), key=lambda kv: (kv[1].score.f1 or 0, kv[0][1], kv[0][2]))
    if (best.score.f1 or 0) <= (rules.score.f1 or 0) or best.score.fp > rules.score.fp:
        print("the model does not beat the rules alone without extras: " + ("saved all the same (--force)"
                                                                          if args.force else "nothing saved"))
        if not args.force:
            return 0
    weights = _fit(recorded, [True] * len(recorded), variant, l2)
    about = (f"which year of its passage a prose grade belongs to; conditional logit over {n} dev grades, "
             f"{variant}, l2={l2:g}; use with THRESHOLD={threshold:g} "
             f"(cross-validated F1 {best.score.f1 or 0:.3f} vs rules {rules.score.f1 or 0:.3f})")
    path = save(year_model.MODEL, weights, about=about, folder=args.folder)
    print(f"saved {os.path.relpath(path)} ({variant}, l2={l2:g}, threshold {threshold:g})")
    if threshold != year_model.THRESHOLD:
        print(f"  set THRESHOLD = {threshold:g} in importers/extract/judgement_year_model.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
