"""The shipped event lexicon must be what `train/events.py` compiles from ../shared, so
that a change to the compiler or the runtime's reading of it cannot leave it stale.
(The type model is fitted on 4,500 parsed stories, too slow for a test; its
metadata says how it was trained.)"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="the training scripts need the dev extra (scikit-learn)")
TRAIN = Path(__file__).resolve().parents[2] / "train"
sys.path.insert(0, str(TRAIN))
# Loaded under another name: "events" is also the test package of the event stage.
_spec = importlib.util.spec_from_file_location("train_events", TRAIN / "events.py")
assert _spec is not None and _spec.loader is not None
train_events = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train_events)

from tests.conftest import shared_path  # noqa: E402


def test_the_shipped_lexicon_is_what_the_script_compiles() -> None:
    data = shared_path("data")
    shared_path("data", "phoenix-dictionaries", "CAMEO.2.0.txt")
    shared_path("data", "events-train", "ngec-PLOVER_structured_codebook.csv")
    shipped = json.loads(
        resources.files("newsgraph").joinpath("models/events.json").read_text("utf-8")
    )
    shipped.pop("model", None)
    built = json.loads(json.dumps(train_events.compile_lexicon(data)))
    assert shipped == built, "models/events.json is stale: run python train/events.py"


def test_the_shipped_model_says_how_it_was_trained() -> None:
    shipped = json.loads(
        resources.files("newsgraph").joinpath("models/events.json").read_text("utf-8")
    )
    model = shipped["model"]
    types = {kind for kind, _, _ in shipped["codes"].values()}
    assert model["weights"] and set(model["base"]) <= types
    assert 0.5 < model["held_out_auc"] <= 1.0
