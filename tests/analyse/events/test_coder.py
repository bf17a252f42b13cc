"""The supervised trigger coder's scoring: weights read from JSON, no scikit-learn."""

from __future__ import annotations

import pytest

from newsgraph.analyse.events.coder import NONE, best, decide, is_candidate, scores
from newsgraph.analyse.events.triggers import candidate_coding
from newsgraph.analyse.nlp import parse

MODEL = {
    "classes": [NONE, "ASSAULT", "PROTEST"],
    "bias": [1.0, 0.0, 0.0],
    "weights": {"lem=bomb": [0.0, 4.0, 0.0], "lem=march": [0.0, 0.0, 3.0]},
}


def test_scores_are_probabilities_that_follow_the_weights() -> None:
    probs = scores(["lem=bomb", "pos=VERB"], MODEL)
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.__getitem__) == "ASSAULT"
    assert best(probs, 0.5) == ("ASSAULT", probs["ASSAULT"])


def test_a_token_with_no_evidence_stays_uncoded() -> None:
    probs = scores(["lem=unseen"], MODEL)
    assert max(probs, key=probs.__getitem__) == NONE
    assert best(probs, 0.4) is None


def test_training_lemmas_widen_the_lexicon_candidates() -> None:
    doc = parse("Moscow pledged to help the rebels.")
    pledged = next(t for t in doc if t.lower_ == "pledged")
    coded = candidate_coding(pledged)
    assert is_candidate(pledged, coded, frozenset({"pledge"}))
    determiner = next(t for t in doc if t.lower_ == "the")
    assert not is_candidate(determiner, None, frozenset({"the"}))


def test_sense_check_verdicts_and_specific_codings_rule_the_decision() -> None:
    probs = {NONE: 0.3, "ASSAULT": 0.5, "PROTEST": 0.2}
    rules = {"threshold": 0.4, "drop": ["absorbed"], "trust": ""}
    assert decide(probs, rules, "absorbed", None) is None
    assert decide(probs, rules, "kept", None) == ("ASSAULT", 0.5)
    doubtful = {NONE: 0.9, "ASSAULT": 0.05, "PROTEST": 0.05}
    assert decide(doubtful, rules, "kept", "PROTEST") is None
    trusting = rules | {"trust": "always"}
    assert decide(doubtful, trusting, "kept", "PROTEST") == ("PROTEST", 0.4)
    assert decide(doubtful, trusting, "weak", "PROTEST") is None


def test_agreeing_with_the_lexicon_lowers_the_bar() -> None:
    probs = {NONE: 0.6, "ASSAULT": 0.25, "PROTEST": 0.15}
    rules = {"threshold": 0.3, "drop": [], "trust": "", "agree": 0.2}
    assert decide(probs, rules, "kept", None, "ASSAULT") == ("ASSAULT", 0.25)
    assert decide(probs, rules, "kept", None, "PROTEST") is None  # the model prefers another
    assert decide(probs, rules, "kept", None, None) is None
