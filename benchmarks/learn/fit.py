"""Fitting the linear models ``importers.extract.learned`` reads.

Plain L2-regularised logistic regression (binary) and conditional logit
(choose one of a group), by full-batch gradient descent with a fixed step
schedule: the sets are a few thousand rows of sparse named features, small
enough that exactness and no dependency beat speed. Deterministic for the
same rows, so a saved model can be checked by fitting it again.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from importers.extract import learned

Features = Mapping[str, float]


def fit_binary(rows: Sequence[Features], labels: Sequence[bool], *, l2: float = 1.0,
               steps: int = 400, rate: float = 0.5) -> dict[str, float]:
    """Weights for P(label | features); ``l2`` is the penalty per feature."""
    w: dict[str, float] = {"bias": 0.0}
    n = max(1, len(rows))
    for step in range(steps):
        grad: dict[str, float] = {"bias": 0.0}
        for x, y in zip(rows, labels):
            err = learned.sigmoid(learned.linear(w, x)) - (1.0 if y else 0.0)
            grad["bias"] += err
            for k, v in x.items():
                grad[k] = grad.get(k, 0.0) + err * v
        lr = rate / (1.0 + step / 100)
        for k, g in grad.items():
            penalty = 0.0 if k == "bias" else l2 * w.get(k, 0.0)
            w[k] = w.get(k, 0.0) - lr * (g + penalty) / n
    return {k: round(v, 6) for k, v in sorted(w.items()) if v}


def fit_choice(groups: Sequence[Sequence[Features]], chosen: Sequence[int], *, l2: float = 1.0,
               steps: int = 400, rate: float = 0.5) -> dict[str, float]:
    """Weights for choosing ``chosen[i]`` among ``groups[i]`` (softmax over each group).

    A bias means nothing to a choice, so none is fitted.
    """
    w: dict[str, float] = {}
    n = max(1, len(groups))
    for step in range(steps):
        grad: dict[str, float] = {}
        for group, right in zip(groups, chosen):
            scores = [learned.linear(w, x) for x in group]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for i, x in enumerate(group):
                err = exps[i] / total - (1.0 if i == right else 0.0)
                for k, v in x.items():
                    grad[k] = grad.get(k, 0.0) + err * v
        lr = rate / (1.0 + step / 100)
        for k, g in grad.items():
            w[k] = w.get(k, 0.0) - lr * (g + l2 * w.get(k, 0.0)) / n
    return {k: round(v, 6) for k, v in sorted(w.items()) if v}


def save(model: str, weights: dict[str, float], *, about: str, folder: Path | None = None,
         settings: Mapping[str, float] | None = None) -> Path:
    """Write a model where ``importers.extract.learned`` reads it; ``settings`` are what
    the fitter chose beside the weights (a threshold picked by cross-validation)."""
    path = (folder or learned.MODELS) / f"{model}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    saved: dict = {"about": about, "weights": weights}
    if settings:
        saved["settings"] = dict(settings)
    path.write_text(json.dumps(saved, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
