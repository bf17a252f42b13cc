"""Averaged fits must read, in the cleaner, as the mean of their log-odds, and a model
that chooses its own decoding thresholds must carry them to the cleaner."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="the training scripts need the dev extra (scikit-learn)")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "train"))

from textdump import GRID, average, fit, fit_two_stage, prepare

from newsgraph.clean.assemble import assemble
from newsgraph.clean.textdump import clean_textdump
from newsgraph.clean.trees import predict_proba
from newsgraph.model import Source


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


_PROSE = (
    "the council said on monday that its engineers found new cracks in the old bridge and "
    "repairs would take months while drivers of lorries must use the ring road for now"
)
_MENU = ["Home", "World", "Business", "Sport", "Culture", "Video", "Log in", "Opinion", "Travel"]
_FOOTER = ["Share", "Comments", "Privacy policy", "Terms of use", "Contact us", "© 2024 Example"]


def _page(rng: random.Random) -> tuple[str, list[str]]:
    """A synthetic dump (menu, headline, prose, footer) and its true paragraphs."""
    words = _PROSE.split()
    body = [
        " ".join(rng.choice(words) for _ in range(rng.randint(18, 40))).capitalize() + "."
        for _ in range(rng.randint(4, 8))
    ]
    menu = rng.sample(_MENU, 6)
    footer = rng.sample(_FOOTER, 5)
    text = "\n".join([*menu, "Council shuts the harbour bridge to lorries", *body, *footer])
    return text, body


def test_a_model_that_chooses_its_thresholds_carries_a_pair_of_the_grid_to_the_cleaner() -> None:
    rng = random.Random(5)
    pages = [_page(rng) for _ in range(12)]
    docs = [prepare(text, "\n".join(body), f"page-{n}") for n, (text, body) in enumerate(pages)]
    model = fit_two_stage(docs, seed=1, choose=True)
    pair = (model["core_threshold"], model["body_threshold"])
    assert pair in GRID
    text, body = _page(rng)
    article = assemble(clean_textdump(text, model), Source(input="textdump"))
    assert article.blocks_of("paragraph") == body
