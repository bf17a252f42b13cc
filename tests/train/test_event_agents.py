"""The shipped PLOVER agent phrases must be what `train/event_agents.py` compiles from
../shared, so that neither the compiler nor the PLOVER file can change under them unseen."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

from tests.conftest import shared_path

TRAIN = Path(__file__).resolve().parents[2] / "train"
sys.path.insert(0, str(TRAIN))
_spec = importlib.util.spec_from_file_location("train_event_agents", TRAIN / "event_agents.py")
assert _spec is not None and _spec.loader is not None
event_agents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(event_agents)


def test_the_shipped_agent_phrases_are_what_the_script_compiles() -> None:
    shared_path("data", "events-train", "ngec-PLOVER_agents.txt")
    shipped = json.loads(
        resources.files("newsgraph").joinpath("models/event_agents.json").read_text("utf-8")
    )
    built = event_agents.compile_agents(shared_path("data"))
    assert shipped == built, "models/event_agents.json is stale: run python train/event_agents.py"


def test_only_phrases_phoenix_lacks_are_added_and_places_are_not_governments() -> None:
    built = event_agents.compile_agents(shared_path("data"))["agents"]
    assert built["DEFENSE MINISTER"] == "GOV" and built["DUMA"] == "LEG"
    assert "SPOKESMAN" not in built  # Phoenix has it: its sector stays Phoenix's
    assert "TOWN" not in built and "CAPITAL" not in built
    assert built["PARAMEDIC"] == "HLH"  # PLOVER's MED is medical, CAMEO's HLH
