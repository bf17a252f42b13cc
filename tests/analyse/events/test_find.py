"""The event stage end to end: triggers in, political events with all their arguments out."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import newsgraph.analyse.events.find as find
from newsgraph.analyse.events.triggers import Trigger
from newsgraph.model import Event
from newsgraph.pipeline import analyze
from newsgraph.schema import check_offsets, validate_article

from tests.analyse.events.hand import analysed, events
from tests.conftest import SAMPLE


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("An earthquake killed 100 villagers in Turkey.", "killed", "ASSAULT"),
        ("A man robbed a shop and stabbed the owner.", "stabbed", "ASSAULT"),
        ("Apple agreed to buy Beats for $3 billion.", "agreed", "AGREE"),
        ("The flu epidemic forced hospitals to close their doors.", "forced", "COERCE"),
        ("A storm battered the Turkish coast.", "battered", "ASSAULT"),
        ("A Turkish man stabbed his neighbour.", "stabbed", "ASSAULT"),
        ("Oklahoma City, where 168 people were killed, mourned.", "killed", "ASSAULT"),
        ("A powerful earthquake struck Turkey on Monday.", "struck", "ASSAULT"),
        ("Mazda is coming to Mexico with a new plant.", "coming to", "CONSULT"),
    ],
)
def test_an_event_without_a_political_actor_stays_uncoded(text: str, words: str, kind: str) -> None:
    assert events(text, (words, kind))[1] == []


def test_troops_named_by_their_country_are_political() -> None:
    _, found = events("Some 20,000 American GIs have massed in the desert.", ("massed", "MOBILIZE"))
    assert [(e.type, e.actors[0].country) for e in found] == [("MOBILIZE", "USA")]


def test_police_arresting_a_suspect_is_political() -> None:
    _, found = events("Police arrested two men in Dublin.", ("arrested", "COERCE"))
    assert [e.type for e in found] == ["COERCE"]
    assert found[0].location is not None and found[0].location.country == "IRL"


def test_future_cooperation_is_agree_and_a_future_withdrawal_concede() -> None:
    text = "Obama will meet Putin in Paris next week. Russia will withdraw its troops from Syria."
    _, found = events(text, ("meet", "CONSULT"), ("withdraw", "RETREAT"), published="2016-03-15")
    assert [(e.type, e.modality, e.cameo) for e in found] == [
        ("AGREE", "future", "036"),
        ("CONCEDE", "future", "035"),
    ]
    _, held = events("Obama met Putin in Paris.", ("met", "CONSULT"))
    assert [(e.type, e.modality) for e in held] == [("CONSULT", "asserted")]


def test_events_are_numbered_in_trigger_order_and_keep_the_coder_s_fields() -> None:
    text = "Russia's air strikes hit Aleppo. Putin later phoned Assad."
    article, doc = analysed(text, "2016-03-15")
    phoned, strikes = text.index("phoned"), text.index("strikes")
    triggers = [
        Trigger(doc.char_span(phoned, phoned + 6).root.i, phoned, phoned + 6, "CONSULT",
                "phone", "040", 0.8, ("diplomatic",)),
        Trigger(doc.char_span(strikes, strikes + 7).root.i, strikes, strikes + 7, "ASSAULT",
                "aerial", "195", 0.9),
    ]  # fmt: skip
    found = find.events_of(article, doc, triggers)
    assert [(e.id, e.type, e.mode, e.cameo) for e in found] == [
        ("v1", "ASSAULT", "aerial", "195"),
        ("v2", "CONSULT", "phone", "040"),
    ]
    assert found[1].confidence == 0.8 and found[1].contexts == ["diplomatic"]
    assert found[1].trigger.text == "phoned"
    assert found[1].sentence.text == "Putin later phoned Assad."
    assert found[1].date is not None and found[1].date.source == "published"


def test_an_agent_with_no_country_takes_the_article_s_after_the_filter() -> None:
    text = "Iraq accused Iran of shelling. Iraqi officials said soldiers attacked the border post."
    _, found = events(text, ("attacked", "ASSAULT"))
    assert found and found[0].actors[0].country == "IRQ"


def test_an_actor_with_no_country_does_not_take_its_own_target_s() -> None:
    text = "Mexico protested. Mexico recalled its envoy. Mr. Gore then accused Mexico of lying."
    _, found = events(text, ("accused", "ACCUSE"))
    assert [p.country for p in found[0].recipients] == ["MEX"]
    assert found[0].actors[0].country != "MEX"


def test_police_and_protesters_take_the_country_where_they_act() -> None:
    text = "Cuba, Cuba and Cuba were on every banner. Police arrested 30 protesters in Orlando."
    _, found = events(text, ("arrested", "COERCE"))
    assert [(p.sector, p.country) for p in found[0].actors] == [("COP", "USA")]


def test_a_country_attacked_by_a_political_actor_is_still_an_event() -> None:
    _, found = events("Syrian troops attacked Turkey on Monday.", ("attacked", "ASSAULT"))
    assert [p.country for p in found[0].recipients] == ["TUR"]


def test_an_agent_of_several_countries_takes_no_country_from_the_article() -> None:
    text = "Russia bombed Aleppo. Western leaders condemned the bombing of Aleppo by Russia."
    _, found = events(text, ("condemned", "ACCUSE"))
    assert [(p.span.text, p.country) for p in found[0].actors] == [("Western leaders", None)]


def _sample_triggers(doc: Doc) -> list[Trigger]:
    """A throwaway trigger list for the sample page, as a type coder could give it."""
    wanted = [
        ("withdrawal", "ordering the start", "RETREAT", "withdraw"),
        ("phoned", "when Putin", "CONSULT", "phone"),
        ("strikes", "Russia's air", "ASSAULT", "aerial"),
        ("sanctions", "but the", "SANCTION", None),
        ("seizure", "its seizure", "COERCE", "seize"),
    ]
    out = []
    for words, after, kind, mode in wanted:
        start = doc.text.index(words, doc.text.index(after))
        span = doc.char_span(start, start + len(words))
        out.append(Trigger(span.root.i, start, start + len(words), kind, mode))
    return out


@pytest.fixture(scope="module")
def sample_events() -> list[Event]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(find, "find_triggers", _sample_triggers)
        article = analyze(SAMPLE.read_bytes(), path=str(SAMPLE), published="2016-03-15")
    data = article.to_dict()
    validate_article(data)
    assert check_offsets(data) == []
    return article.events


def _by_type(found: list[Event], kind: str) -> Event:
    return next(e for e in found if e.type == kind)


def test_the_sample_s_withdrawal_is_russia_s_from_syria_on_march_14(
    sample_events: list[Event],
) -> None:
    event = _by_type(sample_events, "RETREAT")
    assert [p.country for p in event.actors] == ["RUS"]
    assert [p.country for p in event.recipients] == ["SYR"]
    assert event.date is not None and event.date.value == "2016-03-14"
    assert event.modality == "asserted"


def test_the_sample_s_phone_call_is_putin_s_to_assad_as_peskov_reports_it(
    sample_events: list[Event],
) -> None:
    event = _by_type(sample_events, "CONSULT")
    assert [(p.span.text, p.country) for p in event.actors] == [("Putin", "RUS")]
    assert [(p.span.text, p.country) for p in event.recipients] == [("Assad", "SYR")]
    assert event.modality == "reported" and event.quote is not None


def test_the_sample_s_air_strikes_are_russia_s_on_civilians_in_syria(
    sample_events: list[Event],
) -> None:
    event = _by_type(sample_events, "ASSAULT")
    assert [p.country for p in event.actors] == ["RUS"]
    assert [p.country for p in event.recipients] == ["SYR"]
    assert event.location is not None and event.location.span.text == "Syria"
    assert event.modality == "reported"  # "are estimated to have killed"


def test_the_sample_s_sanctions_are_imposed_by_three_on_russia(sample_events: list[Event]) -> None:
    event = _by_type(sample_events, "SANCTION")
    assert [p.country for p in event.actors][:2] == ["USA", "IGO"]
    assert len(event.actors) == 3
    assert [p.country for p in event.recipients] == ["RUS"]


def test_the_sample_s_seizure_of_crimea_is_russia_s(sample_events: list[Event]) -> None:
    event = _by_type(sample_events, "COERCE")
    assert [(p.span.text, p.country) for p in event.actors] == [("its", "RUS")]
    assert [(p.span.text, p.country) for p in event.recipients] == [("Crimea", "UKR")]


def test_a_parse_of_another_text_gives_no_events() -> None:
    article, _ = analysed("Putin phoned Assad.")
    _, other = analysed("Obama phoned Merkel.")
    assert find.find_events(article, other) == []
