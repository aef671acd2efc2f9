"""Deciding a learned model on dev pages no rule was written from (issue 11).

Cross-validation over the dev half flatters the hand rules: they were written from those very
pages, so in every fold the rules have seen the held-out pages and the model has not. The
prose batches labelled while no rule was being written from them (``FRESH_LABELS``) are the
fair place to decide: each script fits its model on every other dev page, scores those
batches' dev pages with the benchmark's own scoring, rules alone against rules + model at a
few settings fixed in advance (never a grid: some thirty pages are few, and a grid fits them),
and keeps the model only by ``decide``'s rule, fixed before any figure was seen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from benchmarks.accuracy import half_of, read_labels
from importers.extract import learned

# Collected and labelled while no rule was being written from them (README of the accuracy set,
# "How the tenth/eleventh prose batch was collected and labelled").
FRESH_LABELS = ("prose_batch10.jsonl", "prose_batch11.jsonl")


def fresh_files() -> set[str]:
    return {row["file"] for name in FRESH_LABELS for row in read_labels(name)}


def dev_rows() -> list[dict]:
    """The dev half's prose labels (with the held-back pages tests cite), by file name."""
    return sorted((r for r in read_labels("prose*.jsonl") if half_of(r) == "dev"), key=lambda r: r["file"])


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the dev pages to fit on, the fresh batches' dev pages to decide on)."""
    fresh = fresh_files()
    return [r for r in rows if r["file"] not in fresh], [r for r in rows if r["file"] in fresh]


@contextmanager
def alone(model: str) -> Iterator[None]:
    """The other learned models off while ``model`` is decided: each is weighed against the
    rules alone, whatever the others' saved files say, so the decisions do not hang on the order
    the scripts are run in."""
    saved = learned.weights
    with mock.patch.object(learned, "weights", lambda name: saved(name) if name == model else {}):
        yield


@dataclass(frozen=True)
class Outcome:
    """One setting's figures on the fresh pages: how many right (speakers, judgement tuples) and
    how many extras (a speaker where the label names none, a judgement not labelled)."""

    setting: str
    right: int
    extras: int

    def gain_over(self, rules: Outcome) -> tuple[int, int, int]:
        """(right added, extras added, net gain) against the rules alone."""
        added, extra = self.right - rules.right, self.extras - rules.extras
        return added, extra, added - extra


def decide(rules: Outcome, settings: Sequence[Outcome]) -> Outcome | None:
    """The setting to keep: more right than the rules alone and a positive net gain (right added
    minus extras added); of several, the largest net gain, then the fewest extras, then the first
    listed. None: the rules alone."""
    passing = [s for s in settings if s.gain_over(rules)[0] > 0 and s.gain_over(rules)[2] > 0]
    if not passing:
        return None
    return min(passing, key=lambda s: (-s.gain_over(rules)[2], s.extras, settings.index(s)))


def report(rules: Outcome, settings: Sequence[Outcome], pages: int) -> Outcome | None:
    """Print each setting's figures on the fresh pages and the decision; return the kept one."""
    print(f"decided on the dev pages of {', '.join(FRESH_LABELS)} ({pages} pages, no rule written from them), "
          "the model fitted on the other dev pages:")
    print(f"  {'rules alone':<44} right {rules.right:>4}  extras {rules.extras:>3}")
    for s in settings:
        added, extra, net = s.gain_over(rules)
        print(f"  {s.setting:<44} right {s.right:>4}  extras {s.extras:>3}  "
              f"(right {added:+d}, extras {extra:+d}, net {net:+d})")
    kept = decide(rules, settings)
    print(f"decision: keep the model, {kept.setting}" if kept else
          "decision: not kept (no setting gets more right with a positive net gain); the rules alone decide")
    return kept
