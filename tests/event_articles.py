"""Hand-made articles holding hand-made events, for the store, query, render and CLI tests.

Built without the analysis stages, so that these tests check what is done
with events whatever the event coder outputs. Spans are found by their text.
"""

from __future__ import annotations

from sqlalchemy import Engine

from newsgraph.model import (
    Article,
    Entity,
    Event,
    EventDate,
    EventParty,
    EventPlace,
    Party,
    Quote,
    Source,
    TextSpan,
    Timex,
)
from newsgraph.store import open_store
from newsgraph.store.write import store_article

from tests.builders import at, join_blocks, mentions

PULLOUT = (
    "Russian President Vladimir Putin ordered the withdrawal of Russian forces from Syria "
    "on March 14. Putin phoned Syrian President Bashar al-Assad to tell him. "
    "The United States and the European Union imposed sanctions on Russia over Ukraine."
)
SANCTIONS = (
    "Italy and Hungary will not extend the sanctions automatically, a diplomat said. "
    "Syrian forces shelled Aleppo on Sunday."
)


def _sentence(text: str, needle: str) -> TextSpan:
    """The sentence of `text` holding `needle`: from the previous full stop or line to the next."""
    hit = text.index(needle)
    stop, line = text.rfind(". ", 0, hit), text.rfind("\n", 0, hit)
    start = max(stop + 2 if stop >= 0 else 0, line + 1)
    end = text.index(".", hit) + 1
    return TextSpan(start, end, text[start:end])


def _entity(text: str, eid: str, name: str, kind: str, kb: dict[str, str], **codes: str) -> Entity:
    code = {"country": codes["country"], "sector": codes.get("sector", "")}
    return Entity(eid, name, kind, mentions=mentions(text, name), kb=kb, codes=[code])


def _party(
    text: str,
    words: str,
    entity: str | None,
    country: str,
    sector: str | None = None,
    after: str = "",
) -> EventParty:
    return EventParty(at(text, words, after), entity, country, sector)


def pullout() -> Article:
    """Putin withdraws from Syria (a dated timex), phones Assad; the US and EU sanction Russia."""
    text, blocks = join_blocks((("title", "Putin orders pullout"), ("paragraph", PULLOUT)))
    ents = [
        _entity(
            text,
            "e1",
            "Vladimir Putin",
            "PERSON",
            {"key": "vladimir-putin"},
            country="RUS",
            sector="GOV",
        ),
        _entity(text, "e2", "Syria", "GPE", {"iso3": "SYR"}, country="SYR"),
        _entity(
            text,
            "e3",
            "Bashar al-Assad",
            "PERSON",
            {"key": "bashar-al-assad"},
            country="SYR",
            sector="GOV",
        ),
        _entity(text, "e4", "United States", "GPE", {"iso3": "USA"}, country="USA"),
        _entity(text, "e5", "European Union", "ORG", {"key": "european-union"}, country="IGO"),
        _entity(text, "e6", "Russia", "GPE", {"iso3": "RUS"}, country="RUS"),
    ]
    syria = at(text, "Syria", "forces from")
    march = Timex("t1", at(text, "March 14"), "DATE", "2016-03-14")
    published = EventDate("2016-03-15", "published")
    events = [
        Event(
            "v1",
            "RETREAT",
            at(text, "ordered the withdrawal"),
            _sentence(text, "ordered the withdrawal"),
            mode="withdraw",
            contexts=["military"],
            actors=[_party(text, "Vladimir Putin", "e1", "RUS", "GOV", after="President")],
            recipients=[EventParty(syria, "e2", "SYR")],
            date=EventDate("2016-03-14", "timex", "t1"),
            location=EventPlace(syria, "e2", "163843", 35.0, 38.0, "SYR"),
            cameo="0874",
            confidence=0.9,
        ),
        Event(
            "v2",
            "CONSULT",
            at(text, "phoned"),
            _sentence(text, "phoned"),
            mode="phone",
            actors=[_party(text, "Putin", "e1", "RUS", "GOV", after="Syria")],
            recipients=[_party(text, "Bashar al-Assad", "e3", "SYR", "GOV")],
            date=published,
            cameo="041",
            confidence=0.8,
        ),
        Event(
            "v3",
            "SANCTION",
            at(text, "imposed sanctions"),
            _sentence(text, "imposed sanctions"),
            actors=[
                _party(text, "United States", "e4", "USA"),
                _party(text, "European Union", "e5", "IGO", "IGO"),
            ],
            recipients=[_party(text, "Russia", "e6", "RUS", after="sanctions on")],
            date=published,
            cameo="163",
            confidence=0.7,
        ),
    ]
    return Article(
        text,
        Source("text", url="https://example.org/pullout"),
        title="Putin orders pullout",
        published="2016-03-15",
        blocks=blocks,
        entities=ents,
        timexes=[march],
        events=events,
    )


def sanctions() -> Article:
    """A reported, future refusal inside a quote, and an assault by an agent that is no entity."""
    text, blocks = join_blocks((("paragraph", SANCTIONS),))
    ents = [
        _entity(text, "e1", "Italy", "GPE", {"iso3": "ITA"}, country="ITA"),
        _entity(text, "e2", "Hungary", "GPE", {"iso3": "HUN"}, country="HUN"),
        _entity(text, "e3", "Aleppo", "GPE", {"geonames": "170063"}, country="SYR"),
    ]
    claim = at(text, "Italy and Hungary will not extend the sanctions automatically")
    quote = Quote(
        "q1", "indirect", claim, cue=at(text, "said"), speaker=Party(at(text, "a diplomat"))
    )
    aleppo = at(text, "Aleppo")
    events = [
        Event(
            "v1",
            "REJECT",
            at(text, "will not extend"),
            _sentence(text, "will not extend"),
            actors=[_party(text, "Italy", "e1", "ITA"), _party(text, "Hungary", "e2", "HUN")],
            date=EventDate("2016-03", "timex", "t9"),
            modality="future",
            quote="q1",
            cameo="12",
            confidence=0.6,
        ),
        Event(
            "v2",
            "ASSAULT",
            at(text, "shelled"),
            _sentence(text, "shelled"),
            actors=[_party(text, "Syrian forces", None, "SYR", "MIL")],
            recipients=[EventParty(aleppo, "e3", "SYR")],
            date=EventDate("2016-03-20", "timex", "t2"),
            location=EventPlace(aleppo, "e3", "170063", 36.2, 37.16, "SYR"),
            cameo="194",
            confidence=0.75,
        ),
    ]
    return Article(
        text,
        Source("text", path="sanctions.txt"),
        published="2016-03-21",
        blocks=blocks,
        entities=ents,
        quotes=[quote],
        events=events,
    )


def build(db_url: str) -> Engine:
    """A corpus of the two articles at `db_url`; the caller disposes of the engine."""
    engine = open_store(db_url)
    with engine.begin() as conn:
        store_article(conn, "pullout", pullout())
        store_article(conn, "sanctions", sanctions())
    return engine
