"""The exported-ensemble evaluator must score rows exactly as walking each tree would."""

from __future__ import annotations

import math
import random

from newsgraph.clean.trees import load_model, predict_proba


def _walk(model: dict, row: list[float]) -> float:
    """The reference: each row down each tree in turn, values added in the trees' order."""
    raw = model["init"]
    for left, right, feature, threshold, value in model["trees"]:
        node = 0
        while left[node] != -1:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        raw += model["learning_rate"] * value[node]
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, raw))))


def test_scores_match_a_tree_walk_to_the_last_bit() -> None:
    # trees of different sizes (a stump, a lopsided tree, a leaf alone), and
    # rows on the thresholds themselves, where <= decides
    model = {
        "init": -0.4,
        "learning_rate": 0.1,
        "trees": [
            [[1, -1, -1], [2, -1, -1], [0, 0, 0], [0.5, 0.0, 0.0], [0.0, -1.5, 2.0]],
            [
                [1, 2, -1, -1, -1],
                [4, 3, -1, -1, -1],
                [1, 0, 0, 0, 0],
                [0.25, 0.75, 0.0, 0.0, 0.0],
                [0.0, 0.0, 0.3, -0.7, 1.1],
            ],
            [[-1], [-1], [0], [0.0], [0.9]],
        ],
    }
    rng = random.Random(5)
    rows = [[0.5, 0.25], [0.75, 0.3], [0.0, 1.0]]
    rows += [[rng.random(), rng.random()] for _ in range(3000)]  # more than one chunk
    assert predict_proba(model, rows) == [_walk(model, row) for row in rows]


def test_the_shipped_model_scores_like_a_tree_walk() -> None:
    stage = load_model("textdump")["stage1"]
    width = 1 + max(max(tree[2]) for tree in stage["trees"])
    rng = random.Random(7)
    rows = [[rng.choice([0.0, 1.0, rng.random() * 5]) for _ in range(width)] for _ in range(300)]
    assert predict_proba(stage, rows) == [_walk(stage, row) for row in rows]


def test_no_trees_or_no_rows() -> None:
    assert predict_proba({"init": 0.0, "learning_rate": 0.1, "trees": []}, [[1.0]]) == [0.5]
    assert predict_proba(load_model("textdump")["stage1"], []) == []
