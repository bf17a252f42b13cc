"""What the writer derives for the pages: (statement, entity) pairs and each entity's reach,
the same whether stored article by article or filled for a whole corpus on upgrade."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, Engine, Index, inspect, select, text

from newsgraph.query.entities import match_entities
from newsgraph.query.timeline import event_days, event_entries
from newsgraph.store import open_store
from newsgraph.store.events import replace_events
from newsgraph.store.migrations import VERSION
from newsgraph.store.schema import (
    article_sources,
    entities,
    event_entities,
    event_pairs,
    meta,
    quote_entities,
    quotes,
)
from newsgraph.store.write import entity_key, store_article

from tests.event_articles import build as build_events
from tests.event_articles import pullout, sanctions
from tests.query.corpus import articles, build


def _event_pairs(conn: Connection) -> set[tuple[Any, ...]]:
    """The event pairs as (article id, event seq, actor entity key, recipient entity key, days)."""
    source, target = entities.alias("source"), entities.alias("target")
    rows = conn.execute(
        select(
            event_pairs.c.article_id,
            event_pairs.c.event_seq,
            source.c.key,
            target.c.key,
            event_pairs.c.day_first,
            event_pairs.c.day_last,
        )
        .join(source, source.c.id == event_pairs.c.source_entity_id)
        .join(target, target.c.id == event_pairs.c.target_entity_id)
    )
    return {tuple(r) for r in rows}


def _derived(conn: Connection) -> tuple[set[tuple[Any, ...]], dict[str, tuple[int, int, int]]]:
    """The pairs as (quote's article id, local id, entity key, speaker key, day), and the
    counts by entity key."""
    speaker = entities.alias("speaker")
    pairs = conn.execute(
        select(
            quotes.c.article_id,
            quotes.c.local_id,
            entities.c.key,
            speaker.c.key,
            quote_entities.c.day,
        )
        .join(quotes, quotes.c.id == quote_entities.c.quote_id)
        .join(entities, entities.c.id == quote_entities.c.entity_id)
        .outerjoin(speaker, speaker.c.id == quote_entities.c.speaker_entity_id)
    )
    counts = conn.execute(
        select(
            entities.c.key,
            entities.c.article_count,
            entities.c.mention_count,
            entities.c.quote_count,
        )
    )
    return {tuple(p) for p in pairs}, {r[0]: (r[1], r[2], r[3]) for r in counts}


def test_each_statement_is_paired_with_the_entities_mentioned_in_its_content(
    db_url: str,
) -> None:
    engine = build(db_url)
    with engine.connect() as conn:
        stored, _ = _derived(conn)
        stored_as = dict(
            conn.execute(select(article_sources.c.input_key, article_sources.c.article_id)).all()
        )
    engine.dispose()
    expected = set()
    for input_key, article in articles():
        article_id = stored_as[input_key]
        keys = {e.id: entity_key(e) for e in article.entities}
        for q in article.quotes:
            speaker = keys.get(q.speaker.entity) if q.speaker and q.speaker.entity else None
            for e in article.entities:
                if any(q.content.start <= m.start and m.end <= q.content.end for m in e.mentions):
                    day = article.published[:10] if article.published else None
                    expected.add((article_id, q.id, keys[e.id], speaker, day))
    assert stored == expected and any(p[3] == "PERSON:vladimir-putin" for p in stored)


def test_entity_counts_are_its_articles_mentions_and_statements(db_url: str) -> None:
    engine = build(db_url)
    with engine.connect() as conn:
        _, counts = _derived(conn)
    engine.dispose()
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for _, article in articles():
        keys = {e.id: entity_key(e) for e in article.entities}
        seen.update(set(keys.values()))
        for e in article.entities:
            named[keys[e.id]] += len(e.mentions)
        said.update(
            keys[q.speaker.entity] for q in article.quotes if q.speaker and q.speaker.entity
        )
    assert counts == {key: (seen[key], named[key], said[key]) for key in seen}
    assert counts["PERSON:vladimir-putin"][0] == 2


def _back_to_version_3(engine: Engine) -> None:
    """The corpus as version 3 left it: no pairs tables, no count columns."""
    with engine.begin() as conn:
        quote_entities.drop(conn)
        event_pairs.drop(conn)
        event_entities.drop(conn)
        for index in entities.indexes:
            if isinstance(index, Index) and index.name and index.name.startswith("ix_entities_"):
                index.drop(conn, checkfirst=True)
        for name in ("article_count", "mention_count", "quote_count"):
            conn.execute(text(f"ALTER TABLE entities DROP COLUMN {name}"))
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="3"))


def test_an_older_corpus_is_upgraded_to_what_storing_it_anew_gives(db_url: str) -> None:
    engine = build(db_url)
    with engine.connect() as conn:
        fresh, fresh_events = _derived(conn), _event_pairs(conn)
    _back_to_version_3(engine)
    with engine.connect() as conn:
        assert "quote_entities" not in inspect(conn).get_table_names()
    engine.dispose()
    engine = open_store(db_url)
    try:
        with engine.connect() as conn:
            upgraded, upgraded_events = _derived(conn), _event_pairs(conn)
            version = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version"))
            assert int(version.scalar_one()) == VERSION
    finally:
        engine.dispose()
    assert upgraded == fresh and fresh[0] and fresh[1]
    assert upgraded_events == fresh_events and fresh_events


def test_event_pairs_join_each_actor_to_each_recipient_and_follow_a_rewrite(
    db_url: str,
) -> None:
    engine = build_events(db_url)
    try:
        with engine.connect() as conn:
            before = {(s, t) for _, _, s, t, _, _ in _event_pairs(conn)}
        # "Syrian forces" names no entity: the pair takes Syria's, by its country code
        assert before == {
            ("PERSON:vladimir-putin", "iso3:SYR"),
            ("PERSON:vladimir-putin", "PERSON:bashar-al-assad"),
            ("iso3:USA", "iso3:RUS"),
            ("ORG:european-union", "iso3:RUS"),
            ("iso3:SYR", "geonames:170063"),
        }
        with engine.begin() as conn:
            article_id = conn.execute(
                select(article_sources.c.article_id).where(
                    article_sources.c.input_key == "sanctions"
                )
            ).scalar_one()
            replace_events(conn, article_id, sanctions().events[:1], {})
        with engine.connect() as conn:
            after = {(s, t) for _, _, s, t, _, _ in _event_pairs(conn)}
        assert after == before - {("iso3:SYR", "geonames:170063")}
    finally:
        engine.dispose()


def _event_timelines(conn: Connection) -> dict[str, tuple[Any, ...]]:
    """Each entity's event days and event entries (role, article id, seq), by entity key."""
    found = {}
    for (key,) in conn.execute(select(entities.c.key)):
        entity = match_entities(conn, key)[0]
        entries = [(e.role, e.event.to_dict()) for e in event_entries(conn, entity)]
        found[key] = (event_days(conn, entity), entries)
    return found


def test_a_version_4_corpus_is_upgraded_to_the_same_event_timelines(db_url: str) -> None:
    engine = build_events(db_url)
    with engine.connect() as conn:
        fresh = _event_timelines(conn)
    with engine.begin() as conn:
        event_entities.drop(conn)
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="4"))
    engine.dispose()
    engine = open_store(db_url)
    try:
        with engine.connect() as conn:
            upgraded = _event_timelines(conn)
            assert _event_timelines(conn)["iso3:SYR"][0]  # "Syrian forces" count for Syria
    finally:
        engine.dispose()
    assert upgraded == fresh


def test_a_country_stored_after_its_unnamed_parties_still_takes_part_in_their_events(
    db_url: str,
) -> None:
    engine = open_store(db_url)
    try:
        with engine.begin() as conn:  # "Syrian forces" stored before any article names Syria
            store_article(conn, "sanctions", sanctions())
            store_article(conn, "pullout", pullout())
        with engine.connect() as conn:
            syria = match_entities(conn, "iso3:SYR")[0]
            taken = {(e.role, e.event.trigger) for e in event_entries(conn, syria)}
            pairs = {(s, t) for _, _, s, t, _, _ in _event_pairs(conn)}
    finally:
        engine.dispose()
    assert ("actor", "shelled") in taken and ("recipient", "ordered the withdrawal") in taken
    assert ("iso3:SYR", "geonames:170063") in pairs  # the network draws the same edge
