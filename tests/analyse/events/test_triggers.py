"""Event triggers: the words that report a political event, typed in PLOVER, and the
happenings that must stay uncoded."""

from __future__ import annotations

import pytest

from newsgraph.analyse.events.triggers import Trigger, find_triggers
from newsgraph.analyse.nlp import parse

from tests.conftest import SAMPLE


def _triggers(text: str) -> list[tuple[str, str | None, str]]:
    """(type, mode, trigger words) of every trigger of a text."""
    return [(t.type, t.mode, text[t.start : t.end]) for t in find_triggers(parse(text))]


def _types(text: str) -> set[str]:
    return {t for t, _, _ in _triggers(text)}


def test_an_air_raid_is_an_aerial_assault() -> None:
    found = _triggers("Russian warplanes bombed rebel positions near Aleppo on Tuesday.")
    assert ("ASSAULT", "aerial") in {(t, m) for t, m, _ in found}


def test_a_nominal_air_strike_keeps_its_words_and_head() -> None:
    text = "Russia's air strikes have killed hundreds of civilians, the monitors said."
    doc = parse(text)
    strikes = [t for t in find_triggers(doc) if doc[t.head].lower_ == "strikes"]
    assert strikes, _triggers(text)
    assert text[strikes[0].start : strikes[0].end] == "air strikes"
    assert (strikes[0].type, strikes[0].mode) == ("ASSAULT", "aerial")


def test_a_phone_call_between_leaders_is_consult_by_phone() -> None:
    assert ("CONSULT", "phone") in {
        (t, m) for t, m, _ in _triggers("Putin phoned Assad on Monday.")
    }


def test_police_arresting_protesters_is_coerce_arrest() -> None:
    found = _triggers("Police arrested 12 protesters outside the parliament in Minsk.")
    assert ("COERCE", "arrest") in {(t, m) for t, m, _ in found}


def test_imposed_sanctions_are_one_sanction_event() -> None:
    found = _triggers("The United States imposed new sanctions on Iran on Friday.")
    assert [t for t, _, _ in found].count("SANCTION") == 1, found


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake killed more than 300 people in the mountain villages.",
        "Dozens of homes were destroyed by the storm that struck the coast overnight.",
        "The company agreed to buy its smaller rival for $2 billion.",
    ],
)
def test_happenings_and_business_deals_are_not_events(text: str) -> None:
    assert _types(text) & {"ASSAULT", "AGREE", "COERCE"} == set(), _triggers(text)


def test_a_framing_verb_codes_its_complement_once() -> None:
    found = _triggers("Israel threatened to attack the militants' camps in Lebanon.")
    assert [t for t, _, _ in found] == ["THREATEN"], found


def test_an_empty_text_has_no_triggers() -> None:
    assert find_triggers(parse("")) == []


def test_triggers_come_in_text_order_with_confidence_in_range() -> None:
    text = "Troops withdrew from the border town after the two sides agreed on a ceasefire."
    found = find_triggers(parse(text))
    assert found == sorted(found, key=lambda t: t.start)
    assert all(isinstance(t, Trigger) and 0.0 <= t.confidence <= 1.0 for t in found)


def test_the_sample_page_events() -> None:
    text = SAMPLE.read_text("utf-8")
    doc = parse(text)
    found = {(t.type, t.mode, text[t.start : t.end].lower()) for t in find_triggers(doc)}
    coded = {(t, m) for t, m, _ in found}
    words = {w for _, _, w in found}
    assert ("RETREAT", "withdraw") in coded
    assert ("CONSULT", "phone") in coded
    assert any("telephone conversation" in w for w in words), sorted(found)
    assert ("ASSAULT", "aerial") in coded
    assert "SANCTION" in {t for t, _ in coded}
    assert any("seizure" in w for t, _, w in found if t in {"ASSAULT", "COERCE"})
    plates = next(s for s in doc.sents if "Souvenir plates" in s.text)
    assert not [t for t in find_triggers(doc) if plates.start <= t.head < plates.end]
