"""`newsgraph eval events`: the scorer on tiny hand-written files, and gates on the dev set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.eval.events import Predicted, Sentence, evaluate, load, score

from tests.conftest import ROOT

DEV = sorted((ROOT / "benchmarks" / "data" / "events").glob("dev-*.jsonl"))


def sentence(text: str, *events: dict[str, object]) -> Sentence:
    return Sentence("s", "2016-03-15", "", text, list(events))


def gold(kind: str, trigger: str, **more: object) -> dict[str, object]:
    return {"type": kind, "trigger": trigger, "modality": "asserted", **more}


def pred(
    kind: str,
    at: int,
    *,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    mode: str | None = None,
    modality: str = "asserted",
) -> Predicted:
    return Predicted(kind, at, at + 3, mode, modality, frozenset(actors), frozenset(recipients))


def test_a_gold_event_is_matched_by_a_prediction_of_its_type() -> None:
    text = "Iraq attacked Iran and then accused Kuwait."
    s = sentence(text, gold("ASSAULT", "attacked"), gold("ACCUSE", "accused"))
    scores = score([(s, [pred("ASSAULT", 5), pred("THREATEN", 28)])])
    assert scores.counts == {"ASSAULT": [1, 0, 0], "ACCUSE": [0, 0, 1], "THREATEN": [0, 1, 0]}
    figures = scores.to_dict()
    # per type F1: ASSAULT 1, ACCUSE 0, THREATEN 0; micro: P 1/2, R 1/2
    assert figures["type_macro_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["type_micro_f1"] == pytest.approx(0.5)


def test_two_predictions_cannot_match_one_gold_event() -> None:
    s = sentence("Iraq attacked Iran.", gold("ASSAULT", "attacked"))
    scores = score([(s, [pred("ASSAULT", 5), pred("ASSAULT", 14)])])
    assert scores.counts["ASSAULT"] == [1, 1, 0]


def test_negated_events_are_left_out_on_both_sides() -> None:
    s = sentence("Iraq did not attack Iran.", gold("ASSAULT", "attack", modality="negated"))
    scores = score([(s, [pred("ASSAULT", 13, modality="negated")])])
    assert scores.counts.get("ASSAULT", [0, 0, 0]) == [0, 0, 0]
    assert scores.to_dict()["type_macro_f1"] == 0.0


def test_countries_are_scored_on_matched_events_with_a_gold_country() -> None:
    text = "Iraq attacked Iran. Police arrested a man."
    pairs = [
        (
            sentence(text, gold("ASSAULT", "attacked", actor_country="IRQ",
                                recipient_country="IRN")),
            [pred("ASSAULT", 5, actors=("IRQ",), recipients=("KWT",))],
        ),
        (
            sentence(text, gold("COERCE", "arrested", actor_country=None)),
            [pred("COERCE", 27, actors=("USA",))],
        ),
    ]  # fmt: skip
    figures = score(pairs).to_dict()
    assert figures["actor_country"] == {"accuracy": 1.0, "right": 1, "n": 1}
    assert figures["recipient_country"] == {"accuracy": 0.0, "right": 0, "n": 1}


def test_the_nearest_prediction_is_matched_so_its_countries_are_the_ones_scored() -> None:
    text = "Iraq attacked Iran, and Syria attacked Israel."
    s = sentence(text, gold("ASSAULT", "attacked", actor_country="IRQ"))
    far, near = pred("ASSAULT", 30, actors=("SYR",)), pred("ASSAULT", 5, actors=("IRQ",))
    assert score([(s, [far, near])]).to_dict()["actor_country"]["right"] == 1


def test_sentences_without_gold_events_should_get_no_prediction() -> None:
    pairs = [
        (sentence("An earthquake killed 100 people."), []),
        (sentence("A storm hit the coast."), [pred("ASSAULT", 2)]),
        (sentence("Rain fell."), [pred("ASSAULT", 0, modality="negated")]),
    ]
    assert score(pairs).to_dict()["uncoded"] == {"accuracy": 0.6667, "right": 2, "n": 3}


def test_mode_is_scored_where_the_gold_has_one() -> None:
    s = sentence("Putin phoned Assad and met Obama.", gold("CONSULT", "phoned", mode="phone"),
                 gold("CONSULT", "met"))  # fmt: skip
    found = [pred("CONSULT", 6, mode="visit"), pred("CONSULT", 23)]
    assert score([(s, found)]).to_dict()["mode"] == {"accuracy": 0.0, "right": 0, "n": 1}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bad_line_is_an_error_naming_its_file_and_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "Rain fell.", "events": []})
    path = write(tmp_path, good, "{not json")
    with pytest.raises(NewsgraphError, match=r"dev\.jsonl:2: not a JSON line"):
        load([path])
    bad_type = json.dumps({"text": "x", "events": [{"type": "BOMB"}]})
    with pytest.raises(NewsgraphError, match="unknown event type 'BOMB'"):
        load([write(tmp_path, bad_type)])


def test_sentences_are_analysed_after_their_context(tmp_path: Path) -> None:
    line = {"id": "a", "published": "2016-03-15", "context": "Iraq accused Iran.",
            "text": "Rain fell on the coast.", "events": []}  # fmt: skip
    scores = evaluate(load([write(tmp_path, json.dumps(line))]))
    assert scores.sentences == 1 and not scores.failed
    assert scores.to_dict()["uncoded"]["n"] == 1


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", "eval", "events", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_command_prints_json_and_a_table(tmp_path: Path) -> None:
    line = {"id": "a", "text": "Iraqi troops attacked Iran on Monday.", "published": "2016-03-15",
            "events": [gold("ASSAULT", "attacked", actor_country="IRQ")]}  # fmt: skip
    path = write(tmp_path, json.dumps(line))
    done = run(str(path), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["sentences"] == 1 and "type_macro_f1" in figures
    table = run(str(path))
    assert table.returncode == 0 and "type macro-F1" in table.stdout


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    done = run(str(tmp_path / "absent.jsonl"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "is not a file" in done.stderr


# Floors of the argument finder on the development set, with the gold triggers
# (`--gold-triggers`): the dev set is what the rules were developed on, so
# these gate regressions, they are no held-out figure. Raise them as it improves.
GOLD_TRIGGER_FLOORS = {"actor_country": 0.60, "recipient_country": 0.44}


@pytest.mark.skipif(not DEV, reason="needs benchmarks/data/events/dev-*.jsonl, not present")
def test_the_argument_finder_holds_its_floors_on_the_dev_set() -> None:
    scores = evaluate(load(DEV), gold_triggers=True).to_dict()
    for name, floor in GOLD_TRIGGER_FLOORS.items():
        assert scores[name]["accuracy"] >= floor, (name, scores[name])
