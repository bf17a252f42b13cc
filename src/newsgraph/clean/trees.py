"""Evaluate a gradient-boosted tree ensemble exported to JSON.

The line classifier is trained with scikit-learn (`train/textdump.py`), but
running it needs only numpy and these few lines, so scikit-learn stays a
development dependency and the model ships as plain, diffable JSON.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

# Rows scored at once: a page of 100,000 lines must not need its rows times the
# trees in memory several times over.
_CHUNK = 2048
_PACKED: dict[int, tuple[dict[str, Any], tuple[np.ndarray, ...]]] = {}


@cache
def load_model(name: str) -> dict[str, Any]:
    """A model committed under `newsgraph/models/`, read once per process."""
    path = resources.files("newsgraph") / "models" / f"{name}.json"
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model


def _pack(model: dict[str, Any]) -> tuple[np.ndarray, ...]:
    """The trees as arrays (tree × node), padded to the largest, kept per model.

    The model itself is kept with its arrays, so its id cannot be reused while
    they are; a few recent models suffice (training scores many in turn).
    """
    hit = _PACKED.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1]
    trees = model["trees"]
    size = max((len(t[0]) for t in trees), default=1)
    arrays = []
    for column, dtype, pad in (
        (0, np.intp, -1),
        (1, np.intp, -1),
        (2, np.intp, 0),
        (3, float, 0.0),
        (4, float, 0.0),
    ):
        arrays.append(
            np.array(
                [t[column] + [pad] * (size - len(t[column])) for t in trees], dtype=dtype
            ).reshape(len(trees), size)
        )
    packed = tuple(arrays)
    if len(_PACKED) >= 8:
        _PACKED.pop(next(iter(_PACKED)))
    _PACKED[id(model)] = (model, packed)
    return packed


def predict_proba(model: dict[str, Any], rows: list[list[float]]) -> list[float]:
    """P(positive class) of each feature row under a binary boosted ensemble.

    Every tree walks all rows at once (numpy), a level per step; the trees'
    values are then added to each row in the trees' order, as a plain loop over
    them would, so the scores are the same to the last bit, at a fraction of the
    cost of walking each row through each tree in Python.
    """
    left, right, feature, threshold, value = _pack(model)
    rate = model["learning_rate"]
    out: list[float] = []
    for lo in range(0, len(rows), _CHUNK):
        x = np.array(rows[lo : lo + _CHUNK], dtype=float)
        out += [
            _sigmoid(r)
            for r in _raw(x, left, right, feature, threshold, value, model["init"], rate)
        ]
    return out


def _raw(
    x: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    feature: np.ndarray,
    threshold: np.ndarray,
    value: np.ndarray,
    init: float,
    rate: float,
) -> list[float]:
    """The ensemble's log-odds of each row of `x`.

    Nodes are indexed flat (tree × node, row × feature): one gather per array a
    level, far cheaper than two-dimensional indexing.
    """
    count, size = left.shape
    flat = x.ravel()
    node = np.tile(np.arange(count) * size, (x.shape[0], 1))  # row × tree, flat node index
    base = (np.arange(x.shape[0]) * x.shape[1])[:, None]
    lefts, rights, features, thresholds = (a.ravel() for a in (left, right, feature, threshold))
    while True:
        lower = lefts.take(node)
        inner = lower != -1
        if not inner.any():
            break
        goes_left = flat.take(base + features.take(node)) <= thresholds.take(node)
        child = np.where(goes_left, lower, rights.take(node))
        node = np.where(inner, node - node % size + child, node)
    steps = (rate * value.ravel().take(node)).T  # tree × row
    raw = np.full(x.shape[0], init, dtype=float)
    for step in steps:
        raw += step
    return raw.tolist()


def _sigmoid(raw: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, raw))))
