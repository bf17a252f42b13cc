"""The place of an event: a place entity after "in", "at", "near" on its clause."""

from __future__ import annotations

from newsgraph.analyse.events.where import event_place
from newsgraph.model import EventPlace

from tests.analyse.events.hand import ctx_of, trigger


def place_of(text: str, words: str, kind: str = "CONSULT") -> EventPlace | None:
    ctx = ctx_of(text)
    return event_place(trigger(ctx.doc, words, kind), ctx)


def test_a_city_gets_its_geonames_identity_coordinates_and_country() -> None:
    found = place_of("Putin held talks with Assad in Geneva.", "talks")
    assert found is not None
    assert (found.span.text, found.country) == ("Geneva", "CHE")
    assert found.geonames and found.lat is not None and found.lon is not None
    assert found.entity is not None


def test_a_place_named_through_of_is_found() -> None:
    found = place_of("Russian forces would remain at the seaport of Tartus.", "remain", "MOBILIZE")
    assert found is not None and found.span.text == "Tartus"


def test_the_place_of_a_clause_below_a_noun_trigger() -> None:
    text = "Russia's air strikes are estimated to have killed some 1,700 civilians in Syria."
    found = place_of(text, "strikes", "ASSAULT")
    assert found is not None and found.country == "SYR"


def test_no_place_in_the_text_gives_none() -> None:
    assert place_of("Putin phoned Assad on Monday.", "phoned") is None


def test_a_source_is_not_a_place() -> None:
    assert place_of("Russia withdrew its forces from Syria.", "withdrew", "RETREAT") is None
