"""Averaged fits must read, in the cleaner, as the mean of their log-odds."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="the training scripts need the dev extra (scikit-learn)")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))

from textdump import average, fit

from newsgraph.clean.trees import predict_proba


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_averaged_fits_predict_the_mean_of_their_log_odds() -> None:
    rng = random.Random(3)
    rows = [[rng.random(), rng.random()] for _ in range(400)]
    labels = [int(x + 0.3 * rng.random() > 0.7) for x, _ in rows]
    weights = [1.0] * len(rows)
    parts = [fit(rows, labels, weights, seed) for seed in (1, 2, 3)]
    probe = [[0.1, 0.5], [0.6, 0.2], [0.9, 0.9]]
    alone = [predict_proba(part, probe) for part in parts]
    assert alone[0] != alone[1]  # different subsamples, different trees
    together = predict_proba(average(parts), probe)
    for i, p in enumerate(together):
        mean = sum(_logit(a[i]) for a in alone) / len(alone)
        assert _logit(p) == pytest.approx(mean, abs=1e-9)
