"""Scores from weights learned on the labelled set's dev half.

Hand rules drawn from a few hundred pages stopped carrying to new pages
(README, Accuracy), so some choices are made by a linear model over features
that each name a general pattern of language ("the year follows 'since'",
"the grade and the area share a clause"), never a council, a document or a
grade. The weights are fitted by ``benchmarks/learn/`` from dev labels only
and saved under ``importers/data/models/``; nothing here knows any answer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "data" / "models"


@cache
def weights(model: str) -> Mapping[str, float]:
    """The named model's weights (``bias`` among them); empty where none is saved."""
    path = MODELS / f"{model}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["weights"]
    except FileNotFoundError:
        return {}


def margin(model: str, features: Mapping[str, float], fitted: Mapping[str, float] | None = None) -> float:
    w = weights(model) if fitted is None else fitted
    return w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in features.items())


def probability(model: str, features: Mapping[str, float]) -> float:
    """How likely the candidate described by ``features`` is right (binary model)."""
    z = max(-30.0, min(30.0, margin(model, features)))
    return 1.0 / (1.0 + math.exp(-z))


def best(model: str, candidates: Iterable[tuple[object, Mapping[str, float]]], *,
         fitted: Mapping[str, float] | None = None) -> tuple[object, float] | None:
    """The candidate a choice model ranks first, with its share of the softmax.

    ``candidates`` are (value, features) pairs for one decision (which year
    of the passage a grade belongs to, say); None where there are none.
    ``fitted`` stands for the saved weights (a cross-validation fold's, not yet saved).
    """
    scored = [(value, margin(model, feats, fitted)) for value, feats in candidates]
    if not scored:
        return None
    top = max(z for _, z in scored)
    total = sum(math.exp(z - top) for _, z in scored)
    value, z = max(scored, key=lambda pair: pair[1])
    return value, math.exp(z - top) / total
