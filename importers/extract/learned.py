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
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

MODELS = Path(__file__).resolve().parent.parent / "data" / "models"

_Store = TypeVar("_Store")
# What each model records while a fitter imports pages (model name -> its store). A context
# variable, not a global: a recording in one thread or task never catches another's import.
_RECORDS: ContextVar[Mapping[str, Any]] = ContextVar("learned_records", default={})


@contextmanager
def recording(model: str, store: _Store) -> Iterator[_Store]:
    """While inside, ``model`` records its candidates into ``store`` (what it decides is the
    fitter's business, offline): the one way every learned choice hands its rows to
    ``benchmarks/learn``."""
    token = _RECORDS.set({**_RECORDS.get(), model: store})
    try:
        yield store
    finally:
        _RECORDS.reset(token)


def record_of(model: str) -> Any:
    """The store ``model`` records into, or None where no fitter is recording it."""
    return _RECORDS.get().get(model)


def settings(model: str) -> Mapping[str, Any]:
    """What the fitter chose beside the named model's weights (its threshold); empty where none."""
    return _settings(model, MODELS)


@cache
def _settings(model: str, folder: Path) -> Mapping[str, Any]:
    # (by folder too: a test or a fitter that points MODELS elsewhere reads that folder's)
    return _saved(model, folder).get("settings", {})


def _saved(model: str, folder: Path) -> Mapping[str, Any]:
    try:
        return json.loads((folder / f"{model}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def forget() -> None:
    """Read the saved models afresh (a fitter has just written one)."""
    weights.cache_clear()
    _settings.cache_clear()


@cache
def weights(model: str) -> Mapping[str, float]:
    """The named model's weights (``bias`` among them); empty where none is saved."""
    return _saved(model, MODELS).get("weights", {})


def linear(w: Mapping[str, float], features: Mapping[str, float]) -> float:
    """The linear score of ``features`` under weights ``w``: the fitter's and the extractor's alike."""
    return w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in features.items())


def sigmoid(z: float) -> float:
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def margin(model: str, features: Mapping[str, float], fitted: Mapping[str, float] | None = None) -> float:
    return linear(weights(model) if fitted is None else fitted, features)


def probability(model: str, features: Mapping[str, float], *, fitted: Mapping[str, float] | None = None) -> float:
    """How likely the candidate described by ``features`` is right (binary model).

    ``fitted`` stands for the saved weights (a cross-validation fold's, not yet saved).
    """
    return sigmoid(margin(model, features, fitted))


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
