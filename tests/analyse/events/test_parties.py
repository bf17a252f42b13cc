"""Actors and recipients from the parse: who did it and to whom, with country and sector."""

from __future__ import annotations

from newsgraph.analyse.events.parties import parties
from newsgraph.model import EventParty

from tests.analyse.events.hand import ctx_of, trigger


def roles(text: str, words: str, kind: str) -> tuple[list[EventParty], list[EventParty]]:
    ctx = ctx_of(text)
    return parties(trigger(ctx.doc, words, kind), ctx)


def countries(found: list[EventParty]) -> list[str | None]:
    return [p.country for p in found]


def test_a_verb_gives_its_subject_as_actor_and_its_object_as_recipient() -> None:
    actors, recipients = roles(
        "Iraqi troops attacked Kurdish rebels near Mosul.", "attacked", "ASSAULT"
    )
    assert [(p.span.text, p.country, p.sector) for p in actors] == [("Iraqi troops", "IRQ", "MIL")]
    assert [p.span.text for p in recipients] == ["Kurdish rebels"]
    assert recipients[0].sector == "REB"


def test_a_passive_gives_its_by_agent_as_actor_and_its_subject_as_recipient() -> None:
    actors, recipients = roles("Crimea was seized by Russia in 2014.", "seized", "COERCE")
    assert [(p.span.text, p.country) for p in actors] == [("Russia", "RUS")]
    assert [(p.span.text, p.country) for p in recipients] == [("Crimea", "UKR")]
    assert actors[0].entity is not None


def test_each_member_of_a_compound_actor_is_one_party() -> None:
    text = "Russia, the United States and France signed an agreement in Geneva."
    actors, _ = roles(text, "agreement", "AGREE")
    assert countries(actors) == ["RUS", "USA", "FRA"]


def test_support_behind_or_for_somebody_makes_them_the_recipient() -> None:
    text = "The Wisconsin governor threw his support behind Sen. Ted Cruz."
    _, recipients = roles(text, "threw", "SUPPORT")
    assert [p.span.text for p in recipients] == ["Sen. Ted Cruz"]
    _, recipients = roles("Turkey called for the overthrow of Assad.", "called", "REQUEST")
    assert [p.span.text for p in recipients] == ["Assad"]
    _, recipients = roles("Turkey apologized for the remarks.", "apologized", "CONCEDE")
    assert recipients == []


def test_two_subjects_who_meet_meet_each_other() -> None:
    actors, recipients = roles("Obama and Putin met in Paris on Monday.", "met", "CONSULT")
    assert (countries(actors), countries(recipients)) == (["USA"], ["RUS"])
    actors, recipients = roles("Iraqi and Syrian troops attacked.", "attacked", "ASSAULT")
    assert recipients == []


def test_a_light_verb_gives_its_subject_and_its_prepositional_object() -> None:
    actors, recipients = roles(
        "The European Union imposed sanctions on Iran.", "sanctions", "SANCTION"
    )
    assert countries(actors) == ["IGO"]
    assert countries(recipients) == ["IRN"]


def test_talks_with_somebody_make_them_the_recipient() -> None:
    actors, recipients = roles("Putin held talks with Assad in Moscow.", "talks", "CONSULT")
    assert [(p.span.text, p.country, p.sector) for p in actors] == [("Putin", "RUS", "GOV")]
    assert [(p.span.text, p.country) for p in recipients] == [("Assad", "SYR")]


def test_between_x_and_y_gives_one_actor_and_one_recipient() -> None:
    actors, recipients = roles("There were talks between Israel and Syria.", "talks", "CONSULT")
    assert countries(actors) == ["ISR"]
    assert countries(recipients) == ["SYR"]


def test_a_possessive_is_the_actor_of_a_noun_trigger() -> None:
    text = "Russia's air strikes hit a market in Aleppo."
    actors, _ = roles(text, "strikes", "ASSAULT")
    assert [(p.span.text, p.country) for p in actors] == [("Russia", "RUS")]


def test_a_country_in_the_compound_acts_unless_it_is_as_likely_the_target() -> None:
    actors, _ = roles("New U.S. sanctions hit Iran's banks.", "sanctions", "SANCTION")
    assert countries(actors) == ["USA"]
    actors, _ = roles("Oil prices rose after the Kuwait invasion.", "invasion", "ASSAULT")
    assert "KWT" not in countries(actors)


def test_an_of_object_is_the_recipient_or_for_a_withdrawal_the_actor() -> None:
    _, recipients = roles("Ukraine protested against the seizure of Crimea.", "seizure", "COERCE")
    assert [(p.span.text, p.country) for p in recipients] == [("Crimea", "UKR")]
    text = "Putin ordered the withdrawal of Russian forces from Syria."
    actors, recipients = roles(text, "withdrawal", "RETREAT")
    assert [(p.span.text, p.country, p.sector) for p in actors] == [
        ("Russian forces", "RUS", "MIL")
    ]
    assert countries(recipients) == ["SYR"]


def test_a_reaction_verb_does_not_lend_its_subject_to_the_deed_it_reacts_to() -> None:
    text = "Germany condemned the seizure of the embassy by Iranian students."
    actors, _ = roles(text, "seizure", "COERCE")
    assert "DEU" not in countries(actors)


def test_a_pronoun_takes_the_entity_it_stands_for() -> None:
    text = "Iran said the ship was in its waters. It seized the British tanker on Friday."
    actors, recipients = roles(text, "seized", "COERCE")
    assert [(p.span.text, p.country) for p in actors] == [("It", "IRN")]
    assert countries(recipients) == ["GBR"]


def test_we_in_a_statement_is_its_speaker() -> None:
    text = '"We will strike back," Prime Minister Benjamin Netanyahu said.'
    actors, _ = roles(text, "strike", "THREATEN")
    assert [p.country for p in actors] == ["ISR"]
    assert actors[0].entity is not None


def test_an_agent_with_no_entity_takes_sector_from_the_agent_words() -> None:
    actors, _ = roles("Police arrested two men on Monday.", "arrested", "COERCE")
    assert [(p.span.text, p.entity, p.sector) for p in actors] == [("Police", None, "COP")]


def test_what_an_actor_owns_stands_for_the_actor() -> None:
    _, recipients = roles(
        "Cameron criticised the Kremlin's plan in parliament.", "criticised", "ACCUSE"
    )
    assert [(p.span.text, p.country) for p in recipients] == [("the Kremlin", "RUS")]


def test_a_date_is_no_party() -> None:
    _, recipients = roles("Obama condemned on Wednesday the attack.", "condemned", "ACCUSE")
    assert "Wednesday" not in [p.span.text for p in recipients]


def test_the_subject_of_what_is_asked_is_the_recipient() -> None:
    _, recipients = roles(
        "Clinton suggested the United States should send more troops.", "suggested", "REQUEST"
    )
    assert countries(recipients) == ["USA"]
    _, recipients = roles(
        "Merkel is calling for Russia to withdraw its troops.", "calling for", "REQUEST"
    )
    assert countries(recipients) == ["RUS"]


def test_the_object_of_a_verb_is_the_actor_of_the_verb_it_controls() -> None:
    actors, _ = roles(
        "Putin may hope to nudge the European Union to lift sanctions.", "lift", "CONCEDE"
    )
    assert countries(actors) == ["IGO"]
