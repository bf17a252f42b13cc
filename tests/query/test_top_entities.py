from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, func, select

from newsgraph.query.entities import entity_details, match_entities, top_entities, top_speakers
from newsgraph.store.schema import quotes

from tests.query.corpus import articles


def test_most_reported_first_with_counts(conn: Connection) -> None:
    rows = top_entities(conn, top=5)
    assert len(rows) == 5
    assert [r.articles for r in rows] == sorted((r.articles for r in rows), reverse=True)
    putin = next(r for r in top_entities(conn, top=100) if r.name == "Vladimir Putin")
    assert (putin.key, putin.articles) == ("PERSON:vladimir-putin", 2)
    said = conn.execute(
        select(func.count()).where(quotes.c.speaker_entity_id == putin.id)
    ).scalar_one()
    assert putin.mentions >= 20 and putin.quotes == said > 0


def test_type_filter_in_any_case(conn: Connection) -> None:
    people = top_entities(conn, top=50, type="person")
    assert people and {r.type for r in people} == {"PERSON"}
    assert top_entities(conn, type="SPACESHIP") == []


def test_match_prefers_exact_names(conn: Connection) -> None:
    assert [e.name for e in match_entities(conn, "russia")] == ["Russia"]
    assert {e.name for e in match_entities(conn, "Euro")} >= {"Europe", "European Union"}


def test_top_speakers_are_ranked_by_statements(conn: Connection) -> None:
    speakers = top_speakers(conn, 3)
    assert speakers[0].name == "Vladimir Putin"
    assert [s.quotes for s in speakers] == sorted((s.quotes for s in speakers), reverse=True)


def test_an_entitys_details_give_its_titles_most_frequent_first(conn: Connection) -> None:
    peskov = match_entities(conn, "Dmitry Peskov")[0]
    details = entity_details(conn, peskov.id)
    given: Counter[str] = Counter()
    for _, article in articles():
        for entity in article.entities:
            if entity.kb.get("key") == "dmitry-peskov" or entity.name == "Dmitry Peskov":
                given.update(entity.titles)
    assert given and set(details["titles"]) == set(given)
    counts = [given[t] for t in details["titles"]]
    assert counts == sorted(counts, reverse=True)
    assert "Dmitry Peskov" in details["names"]
