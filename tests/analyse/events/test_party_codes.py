"""A party's words, entity, country and sector, from the phrase head the role finder gives."""

from __future__ import annotations

from newsgraph.analyse.events.party_codes import core, party, plover_sector
from newsgraph.model import EventParty

from tests.analyse.events.hand import ctx_of


def party_of(text: str, head: str) -> EventParty:
    ctx = ctx_of(text)
    start = text.index(head)
    span = ctx.doc.char_span(start, start + len(head))
    assert span is not None
    return party(span.root, ctx)


def test_an_agent_takes_its_country_from_a_country_word_and_its_sector_from_its_role() -> None:
    found = party_of("Syrian soldiers shelled the town.", "soldiers")
    assert (found.span.text, found.entity, found.country, found.sector) == (
        "Syrian soldiers", None, "SYR", "MIL",
    )  # fmt: skip


def test_a_named_actor_gives_its_codes() -> None:
    found = party_of("Vladimir Putin phoned Assad.", "Putin")
    assert found.entity is not None
    assert (found.country, found.sector) == ("RUS", "GOV")


def test_a_person_s_of_phrase_names_his_country_before_the_entity_s_codes() -> None:
    text = "Saddam Hussein threatened Kuwait. King Hussein of Jordan arrived in Washington."
    found = party_of(text, "Hussein of Jordan")
    assert found.country == "JOR"


def test_a_count_stands_for_what_it_counts() -> None:
    found = party_of("Hundreds of Iraqi protesters marched.", "Hundreds")
    assert found.span.text == "Hundreds of Iraqi protesters"
    assert (found.country, found.sector) == ("IRQ", "OPP")


def test_the_words_of_a_party_never_cross_a_blank_line() -> None:
    ctx = ctx_of("Behind Russia's Surprise\n\nTroops attacked the town.")
    troops = next(t for t in ctx.doc if t.text == "Troops")
    assert all("\n" not in t.text and t.i >= troops.i - 1 for t in core(troops, ctx.article.text))


def test_an_agent_phoenix_lacks_takes_its_sector_from_plover_agents() -> None:
    assert plover_sector("Duma deputies") == "LEG"
    assert plover_sector("the new defense minister") == "GOV"
    assert plover_sector("the weather") == ""
