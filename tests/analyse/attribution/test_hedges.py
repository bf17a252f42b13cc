"""Hedges: modal, epistemic and distancing words, with the words that make the phrase."""

from __future__ import annotations

from newsgraph.analyse.attribution.hedges import find_hedges
from newsgraph.analyse.nlp import load_nlp


def _hedges(text: str) -> list[str]:
    return [h.text for h in find_hedges(list(load_nlp()(text)))]


def test_modals_and_adverbs() -> None:
    assert _hedges("The move may potentially hurt him, reportedly.") == [
        "may",
        "potentially",
        "reportedly",
    ]


def test_passive_estimate_keeps_its_phrase() -> None:
    assert _hedges("The strikes are estimated to have killed 1,700 people.") == ["are estimated to"]


def test_about_only_before_a_number() -> None:
    assert _hedges("They talked about the plan for about 20 minutes.") == ["about"]


def test_firm_statement_has_none() -> None:
    assert _hedges("The president signed the bill on Monday.") == []
