"""Fit the choice model ``quote_speaker``: who said each quote (issue 11).

Imports every dev prose document (labels with "split": "dev", and the held-back pages
``seen.json`` lists, scored as dev) in-process, recording for each quote the speakers
``importers.extract.quote_speaker_model`` gathers; matches each extracted quote to its
label as ``benchmarks/accuracy.py`` does; and fits a conditional logit on the
candidates, the labelled speaker (by surname, as the benchmark compares) being the
right one. Quotes whose labelled speaker is none of the candidates teach nothing and
are left out.

It prints 5-fold cross-validation by document with the benchmark's own quote scoring:
the rules alone against the rules overruled by the model where its choice holds at
least a given share, for each share tried. The share that does best in
cross-validation is saved with the weights; where none beats the rules alone, the
saved threshold is above 1, so the model never overrules them.

    .venv/bin/python -m benchmarks.learn.quote_speaker            # fit, print, save
    .venv/bin/python -m benchmarks.learn.quote_speaker --sample 20 --out /tmp/models
    .venv/bin/python -m benchmarks.learn.quote_speaker --fresh _batch10   # pages no rule saw
    .venv/bin/python -m benchmarks.learn.quote_speaker --decide   # decide on the fresh batches, save or remove

Deterministic: documents in file order, folds by position, a fitter without chance.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.accuracy import ProseResult, _surname, half_of, match_quotes, read_labels, saved_page, score_quotes
from benchmarks.learn import fresh as fresh_batches
from benchmarks.learn.fit import fit_choice, save
from importers.extract import learned
from importers.extract.quote_speaker_model import MODEL, NEVER_OVERRULES as NEVER, Decision, apply, recording
from importers.model import ImporterError
from importers.pipeline import import_file

FOLDS = 5
# A strong penalty: a few hundred quotes, a dozen features; weights should stay modest.
L2 = 2.0
# Shares of belief the model's choice must hold to overrule the rules, tried in turn.
SHARES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# The settings ``--decide`` weighs on the fresh pages, fixed before they were scored: the
# lowest share tried above and a stricter one, with the rules' choice as a feature (the model
# learns where to overrule them) and without it (the model reads the language alone; share 0:
# its choice everywhere).
DECIDE = ((True, 0.5), (True, 0.7), (False, 0.0), (False, 0.7))


@dataclass
class Document:
    row: dict
    quotes: list[dict]  # the extracted quote facts, as the export gives them
    decisions: list[Decision | None]  # each quote's recorded decision (None: not recorded)


def dev_rows(sample: int | None = None) -> list[dict]:
    rows = sorted((r for r in read_labels("prose*.jsonl") if half_of(r) == "dev"), key=lambda r: r["file"])
    return rows[:sample] if sample else rows


def collect(rows: list[dict]) -> list[Document]:
    """Each dev document imported as a saved page (with its address), its quotes and decisions."""
    docs = []
    with tempfile.TemporaryDirectory() as scratch:
        for row in rows:
            path = saved_page(row, Path(scratch))
            with recording() as decisions:
                try:
                    imported = import_file(path)
                except ImporterError as exc:
                    print(f"  (not imported: {row['file']}: {exc})")
                    continue
            by_span = {d.span: d for d in decisions}
            quotes = [f.to_dict() for f in imported.facts if f.type == "quote"]
            docs.append(Document(row, quotes, [by_span.get(tuple(q["span"])) for q in quotes]))
    return docs


def training_rows(docs: list[Document]) -> tuple[list[list[dict]], list[int]]:
    """(candidate features of each quote, index of the labelled speaker among them)."""
    groups, chosen = [], []
    for doc in docs:
        decision_of = {id(q): d for q, d in zip(doc.quotes, doc.decisions)}
        _, found, _ = match_quotes(doc.quotes, doc.row.get("quotes", []))
        done: set[int] = set()
        for li, quote in sorted(found.items()):
            decision = decision_of.get(id(quote))
            if decision is None or id(quote) in done:
                continue
            done.add(id(quote))
            wanted = _surname(doc.row["quotes"][li].get("speaker"))
            right = [i for i, c in enumerate(decision.candidates) if _surname(c.name) == wanted]
            if not right:
                continue
            groups.append([c.features for c in decision.candidates])
            chosen.append(decision.rules if decision.rules in right else right[0])
    return groups, chosen


@dataclass
class Scored:
    """The benchmark's quote scores, with what the benchmark does not count: speakers
    given to quotes whose label names none (extras), and how often the rules were overruled."""

    result: ProseResult = field(default_factory=ProseResult)
    extras: int = 0
    overruled: int = 0

    def add(self, other: Scored) -> None:
        self.result.quotes.add(other.result.quotes)
        self.result.speakers_right += other.result.speakers_right
        self.result.speakers_labelled += other.result.speakers_labelled
        self.extras += other.extras
        self.overruled += other.overruled


def score(docs: list[Document], weights: dict[str, float] | None, share: float) -> Scored:
    """The benchmark's quote scoring with each speaker as the extractor would give it."""
    total = Scored()
    for doc in docs:
        quotes = []
        for quote, decision in zip(doc.quotes, doc.decisions):
            quote = dict(quote)
            if decision is not None and weights is not None:
                speaker = apply(decision.candidates, decision.rules, share, weights)
                total.overruled += speaker is not decision.candidates[decision.rules].speaker
                quote["speaker"] = speaker.name if speaker is not None else None
            quotes.append(quote)
        labels = doc.row.get("quotes", [])
        score_quotes(quotes, labels, total.result)
        _, found, _ = match_quotes(quotes, labels)
        total.extras += sum(1 for li, q in found.items() if not labels[li].get("speaker") and q.get("speaker"))
    return total


def _line(name: str, scored: Scored) -> str:
    result = scored.result
    q = result.quotes
    f1 = 2 * q.tp / (2 * q.tp + q.fp + q.fn) if q.tp else 0.0
    right = result.speakers_right / result.speakers_labelled if result.speakers_labelled else 0.0
    return (f"{name:<28} quotes F1 {f1:.3f} (tp {q.tp} fp {q.fp} fn {q.fn})  "
            f"speakers right {right:.3f} ({result.speakers_right} of {result.speakers_labelled}), "
            f"given where the label has none {scored.extras}, rules overruled {scored.overruled}")


@dataclass
class Folds:
    """Cross-validated scores: the rules alone, the rules overruled by the model at each
    share, and the model alone (fitted without the rules' choice as a feature)."""

    rules: Scored
    model: dict[float, Scored]
    alone: Scored

    @property
    def best(self) -> float:
        """The lowest share with the most speakers right and no more extras than the rules
        alone; ``NEVER`` where none beats the rules."""
        best, most = NEVER, self.rules.result.speakers_right
        for share in SHARES:
            scored = self.model[share]
            if scored.result.speakers_right > most and scored.extras <= self.rules.extras:
                best, most = share, scored.result.speakers_right
        return best


def cross_validate(docs: list[Document], folds: int = FOLDS) -> Folds:
    """Each fold of documents scored with weights fitted on the others."""
    out = Folds(Scored(), {share: Scored() for share in SHARES}, Scored())
    for k in range(folds):
        held = [d for i, d in enumerate(docs) if i % folds == k]
        train = [d for i, d in enumerate(docs) if i % folds != k]
        groups, chosen = training_rows(train)
        weights = fit_choice(groups, chosen, l2=L2)
        out.rules.add(score(held, None, NEVER))
        for share in SHARES:
            out.model[share].add(score(held, weights, share))
        out.alone.add(score(held, fit_choice(_without_rules(groups), chosen, l2=L2), 0.0))
    return out


def _without_rules(groups: list[list[dict]]) -> list[list[dict]]:
    return [[{n: v for n, v in feats.items() if not n.startswith("rules")} for feats in group] for group in groups]


def fresh_check(docs: list[Document], fresh: list[Document]) -> None:
    """Rules and model on dev pages no rule was written on (a batch labelled after the
    rules last changed), the model fitted on the other dev pages only: cross-validation
    on pages the rules were written on flatters the rules."""
    groups, chosen = training_rows(docs)
    weights = fit_choice(groups, chosen, l2=L2)
    print(f"fresh dev pages ({len(fresh)} documents), the model fitted on the other {len(docs)}:")
    print(_line("rules alone", score(fresh, None, NEVER)))
    for share in SHARES:
        print(_line(f"rules + model, share >= {share}", score(fresh, weights, share)))
    print(_line("model alone (no rules' choice)", score(fresh, fit_choice(_without_rules(groups), chosen, l2=L2), 0.0)))


def _setting(with_rules: bool, share: float) -> str:
    return f"{'with' if with_rules else 'without'} the rules' choice, share >= {share:g}"


def decide(out: Path | None = None) -> float:
    """Fit on every dev page but the fresh batches', decide on theirs (``fresh.decide``), then
    fit the kept setting on every dev page and save it, or remove the saved model; the share
    saved (``NEVER`` where none)."""
    with fresh_batches.alone(MODEL):
        kept = _decide(out)
    learned.forget()  # (the saved file has changed)
    return kept


def _decide(out: Path | None = None) -> float:
    train_rows, fresh_rows = fresh_batches.split(fresh_batches.dev_rows())
    train, new = collect(train_rows), collect(fresh_rows)
    groups, chosen = training_rows(train)
    rules = score(new, None, NEVER)
    print(_line("rules alone", rules))
    outcomes = []
    for with_rules, share in DECIDE:
        scored = score(new, fit_choice(groups if with_rules else _without_rules(groups), chosen, l2=L2), share)
        print(_line(_setting(with_rules, share), scored))
        outcomes.append(fresh_batches.Outcome(_setting(with_rules, share), scored.result.speakers_right, scored.extras))
    kept = fresh_batches.report(fresh_batches.Outcome("rules alone", rules.result.speakers_right, rules.extras),
                              outcomes, len(new))
    if kept is None:
        fresh_batches.settle(MODEL, None, lambda folder: None, out)
        return NEVER
    with_rules, share = DECIDE[[o.setting for o in outcomes].index(kept.setting)]
    groups, chosen = training_rows(train + new)
    weights = fit_choice(groups if with_rules else _without_rules(groups), chosen, l2=L2)
    about = (f"Who said each quote: a conditional logit over the speakers a reader weighs "
             f"(importers/extract/quote_speaker_model.py), {kept.setting}, fitted on all {len(train) + len(new)} "
             f"dev pages by benchmarks/learn/quote_speaker.py --decide after it beat the rules on the fresh "
             f"batches' dev pages; the rules stand unless the model's choice holds at least settings.threshold.")
    saved = fresh_batches.settle(MODEL, kept, lambda folder: save(MODEL, weights, folder=folder, about=about,
                                                                    settings={"threshold": share}), out)
    return share if saved else NEVER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="only the first N dev documents (a quick check)")
    parser.add_argument("--out", type=Path, help="folder to save the model in (default: the extractor's)")
    parser.add_argument("--fresh", metavar="BATCH",
                        help="only print rules and model on the dev pages of labels/prose{BATCH}.jsonl "
                             "(e.g. _batch11: pages labelled after the rules last changed), fitting on the rest")
    parser.add_argument("--decide", action="store_true",
                        help="fit on the dev pages but the fresh batches', decide on theirs, save the kept "
                             "setting fitted on every dev page (or remove the model)")
    args = parser.parse_args(argv)
    if args.decide:
        decide(args.out)
        return 0
    if args.fresh:
        fresh = {row["file"] for row in read_labels(f"prose{args.fresh}.jsonl")}
        rows = dev_rows()
        fresh_check(collect([r for r in rows if r["file"] not in fresh]),
                    collect([r for r in rows if r["file"] in fresh]))
        return 0
    docs = collect(dev_rows(args.sample))
    groups, chosen = training_rows(docs)
    print(f"{len(docs)} dev documents, {sum(len(d.quotes) for d in docs)} quotes extracted, "
          f"{len(groups)} with their labelled speaker among the candidates")
    folds = cross_validate(docs)
    best = folds.best
    print(f"{FOLDS}-fold cross-validation by document (dev only):")
    print(_line("rules alone", folds.rules))
    for share in SHARES:
        print(_line(f"rules + model, share >= {share}", folds.model[share]))
    print(_line("model alone (no rules' choice)", folds.alone))
    print(f"chosen share: {best}" + (" (no share beats the rules: the model never overrules them)"
                                      if best == NEVER else ""))
    weights = fit_choice(groups, chosen, l2=L2)
    path = save(MODEL, weights, folder=args.out, settings={"threshold": best},
                about="Who said each quote: a conditional logit over the speakers a reader weighs "
                      "(importers/extract/quote_speaker_model.py), fitted on dev labels by "
                      "benchmarks/learn/quote_speaker.py; the rules stand unless the model's choice "
                      "holds at least settings.threshold of the softmax.")
    learned.forget()
    print(f"saved {path}")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<20} {value:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
