"""Gradient-boosted trees as JSON, shared by the training scripts.

`newsgraph.clean.trees.predict_proba` evaluates what `export` writes, so the
models run without scikit-learn. The scripts in `train/` import this module
as a sibling (`python train/quotes.py` puts `train/` on the import path).
"""

from __future__ import annotations

import math
from typing import Any

from sklearn.ensemble import GradientBoostingClassifier


def export(model: GradientBoostingClassifier, trained_by: str | None = None) -> dict[str, Any]:
    """A fitted binary ensemble as JSON for `newsgraph.clean.trees.predict_proba`.

    `trained_by`, when given, names the script in the output.
    """
    prior = model.init_.class_prior_[1]
    trees = []
    for (estimator,) in model.estimators_:
        t = estimator.tree_
        trees.append(
            [
                t.children_left.tolist(),
                t.children_right.tolist(),
                [max(f, 0) for f in t.feature.tolist()],
                [round(x, 6) for x in t.threshold.tolist()],
                [round(v[0][0], 6) for v in t.value.tolist()],
            ]
        )
    out: dict[str, Any] = {"kind": "gradient-boosted trees, binary"}
    if trained_by is not None:
        out["trained_by"] = trained_by
    out |= {
        "init": math.log(prior / (1 - prior)),
        "learning_rate": model.learning_rate,
        "trees": trees,
    }
    return out
