"""Accuracy gate: attribution F1 on PolNeAR dev must not fall below the floors.

Like trafilatura's eval gate, an accuracy regression fails the build. The
floors sit just under what `newsgraph eval polnear ../shared/data/polnear
--split dev` gives now; raise them when the extractor improves. Runs the full
analysis on the 84 dev articles (about 20 s on two cores); skips when
../shared is absent.
"""

from __future__ import annotations

import pytest

from newsgraph.eval.polnear import evaluate, open_split

from tests.conftest import shared_path

FLOORS = {
    "content exact": 0.560,
    "content overlap": 0.826,
    "source": 0.746,
    "cue exact": 0.710,
    "source pronoun": 0.778,  # sources that are a pronoun ("he said"), on their own
}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, float]:
    scores = evaluate(open_split(shared_path("data", "polnear"), "dev"))
    assert not scores.failed, scores.failed
    return {name: m.f1 for name, m in scores.metrics.items() if m is not None}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_f1_stays_above_its_floor(dev_scores: dict[str, float], metric: str) -> None:
    assert dev_scores[metric] >= FLOORS[metric], f"{metric} F1 {dev_scores[metric]:.3f}"
