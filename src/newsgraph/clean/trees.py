"""Evaluate a gradient-boosted tree ensemble exported to JSON.

The line classifier is trained with scikit-learn (`train/textdump.py`), but
running it needs only these few lines, so scikit-learn stays a development
dependency and the model ships as plain, diffable JSON.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_model(name: str) -> dict[str, Any]:
    """A model committed under `newsgraph/models/`, read once per process."""
    path = resources.files("newsgraph") / "models" / f"{name}.json"
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model


def predict_proba(model: dict[str, Any], rows: list[list[float]]) -> list[float]:
    """P(positive class) of each feature row under a binary boosted ensemble."""
    rate = model["learning_rate"]
    out = []
    for row in rows:
        raw = model["init"]
        for left, right, feature, threshold, value in model["trees"]:
            node = 0
            while left[node] != -1:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            raw += rate * value[node]
        out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, raw)))))
    return out
