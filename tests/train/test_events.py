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
    shipped.pop("coder", None)
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


# The supervised coder's script (train/events_coder.py), imported the same way.
_spec_coder = importlib.util.spec_from_file_location(
    "train_events_coder", TRAIN / "events_coder.py"
)
assert _spec_coder is not None and _spec_coder.loader is not None
events_coder = importlib.util.module_from_spec(_spec_coder)
sys.modules["train_events_coder"] = events_coder  # its dataclasses look their module up
_spec_coder.loader.exec_module(events_coder)


def _row(doc: str, text: str, events: list[dict[str, str]]) -> dict[str, object]:
    return {"corpus": "timebank", "doc": doc, "text": text, "events": events}


def test_training_refuses_documents_of_the_dev_set() -> None:
    train = [_row("A1", "x", []), _row("B2", "y", [])]
    events_coder.check_disjoint(train, [_row("C3", "z", [])])
    with pytest.raises(SystemExit, match="training documents are in the dev files"):
        events_coder.check_disjoint(train, [_row("B2", "y", [])])


MODALITIES = {"asserted", "reported", "future", "hypothetical", "negated"}


def test_the_labelled_sentences_keep_the_format_the_coder_trains_on() -> None:
    """Every training line as the README describes it: unique ids, PLOVER types,
    the guide's modalities, a trigger that is words of its sentence (else the
    coder learns nothing from it), and no document of the development set."""
    rows = events_coder.load(sorted(events_coder.TRAIN.glob("*.jsonl")))
    shipped = json.loads(
        resources.files("newsgraph").joinpath("models/events.json").read_text("utf-8")
    )
    types = {kind for kind, _, _ in shipped["codes"].values()}
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert {"corpus", "doc", "published", "context", "text", "events"} <= set(row)
        for event in row["events"]:
            assert event["type"] in types and event["modality"] in MODALITIES, row["id"]
            assert event["trigger"].lower() in row["text"].lower(), row["id"]
    dev = events_coder.load(sorted(events_coder.DEV.glob("dev-*.jsonl")))
    events_coder.check_disjoint(rows, dev)


def test_tokens_inside_a_gold_trigger_are_its_type_and_the_rest_none() -> None:
    from newsgraph.analyse.nlp import parse

    text = "Russia pulled its troops out of Syria, and Assad welcomed the move."
    event = {"type": "RETREAT", "trigger": "pulled its troops out"}
    s = events_coder.sentence(_row("A1", text, [event]), parse(text))
    labels = {t.lemma: t.label for t in s.tokens}
    assert labels["pull"] == "RETREAT"
    assert labels["welcome"] == "NONE"
    assert s.heads == ["pull"] and all(s.recalled)


def test_the_shipped_coder_says_how_it_was_trained() -> None:
    shipped = json.loads(
        resources.files("newsgraph").joinpath("models/events.json").read_text("utf-8")
    )
    coder = shipped["coder"]
    types = {kind for kind, _, _ in shipped["codes"].values()}
    assert "NONE" in coder["classes"] and set(coder["classes"]) - {"NONE"} <= types
    assert all(len(w) == len(coder["classes"]) for w in coder["weights"].values())
    assert 0.0 < coder["rules"]["threshold"] < 1.0 and coder["cv"]["macro_f1"] > 0.0
    assert coder["dev"]["coder"]["macro_f1"] > coder["dev"]["model"]["macro_f1"]
