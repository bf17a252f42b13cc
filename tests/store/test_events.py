"""Events in the corpus: typed columns, a row per party, replacing on a rewrite, upgrading v1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import JSON, Column, Engine, Integer, MetaData, Table, func, select

from newsgraph.model import Event
from newsgraph.store import open_store
from newsgraph.store.events import day_range, replace_events
from newsgraph.store.schema import (
    entities,
    event_entities,
    event_pairs,
    event_parties,
    events,
    meta,
)
from newsgraph.store.write import store_article

from tests.event_articles import build, pullout, sanctions


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2016-03-14", "2016-03-14", "2016-03-14"),
        ("2016-03-14T10:30", "2016-03-14", "2016-03-14"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2015", "2015-01-01", "2015-12-31"),
        ("2016-W11", "2016-03-14", "2016-03-20"),
        ("2016-Q1", "2016-01-01", "2016-03-31"),
        ("2016-SU", "2016-06-01", "2016-08-31"),
        ("PAST_REF", None, None),
        ("P6M", None, None),
        ("XXXX-03-14", None, None),
        ("2016-13", None, None),
        (None, None, None),
    ],
)
def test_the_days_a_date_covers(value: str | None, first: str | None, last: str | None) -> None:
    assert day_range(value) == (first, last)


@pytest.fixture
def corpus(db_url: str) -> Iterator[Engine]:
    engine = build(db_url)
    yield engine
    engine.dispose()


def _count(engine: Engine, table: Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_events_are_stored_with_their_columns_and_their_parties(corpus: Engine) -> None:
    with corpus.connect() as conn:
        rows = conn.execute(select(events).order_by(events.c.article_id, events.c.seq)).all()
        parties = conn.execute(
            select(
                event_parties.c.role,
                event_parties.c.text,
                event_parties.c.country,
                event_parties.c.sector,
                entities.c.key,
            )
            .outerjoin(entities, entities.c.id == event_parties.c.entity_id)
            .order_by(
                event_parties.c.article_id,
                event_parties.c.event_seq,
                event_parties.c.role,
                event_parties.c.seq,
            )
        ).all()
    assert [r.type for r in rows] == ["RETREAT", "CONSULT", "SANCTION", "REJECT", "ASSAULT"]
    withdrawal = rows[0]
    assert (withdrawal.mode, withdrawal.date, withdrawal.day_first) == (
        "withdraw",
        "2016-03-14",
        "2016-03-14",
    )
    assert (withdrawal.geonames, withdrawal.location, withdrawal.cameo) == (
        "163843",
        "Syria",
        "0874",
    )
    assert Event.from_dict(withdrawal.record) == pullout().events[0]
    refusal = rows[3]
    assert (refusal.modality, refusal.quote_local_id) == ("future", "q1")
    assert (refusal.day_first, refusal.day_last) == ("2016-03-01", "2016-03-31")
    # a compound actor is one row per member, each pointing at its corpus entity
    assert ("actor", "United States", "USA", None, "iso3:USA") in parties
    assert ("actor", "European Union", "IGO", "IGO", "ORG:european-union") in parties
    assert ("recipient", "Russia", "RUS", None, "iso3:RUS") in parties
    # an agent that is no named entity keeps its country and sector
    assert ("actor", "Syrian forces", "SYR", "MIL", None) in parties
    assert len(parties) == 11


def test_storing_again_never_duplicates_events(corpus: Engine) -> None:
    before = (_count(corpus, events), _count(corpus, event_parties))
    with corpus.begin() as conn:
        assert store_article(conn, "pullout", pullout())[0] == "done"
        assert store_article(conn, "copy-of-pullout", pullout())[0] == "duplicate"
    assert (_count(corpus, events), _count(corpus, event_parties)) == before


def test_rewriting_an_articles_events_replaces_them(corpus: Engine) -> None:
    with corpus.begin() as conn:
        article_id = conn.execute(
            select(events.c.article_id).where(events.c.type == "REJECT")
        ).scalar_one()
        replace_events(conn, article_id, sanctions().events[1:], {})
    with corpus.connect() as conn:
        kept = (
            conn.execute(select(events.c.type).where(events.c.article_id == article_id))
            .scalars()
            .all()
        )
    assert kept == ["ASSAULT"]
    assert _count(corpus, events) == 4 and _count(corpus, event_parties) == 9


def test_a_version_1_corpus_is_upgraded_keeping_its_events(db_url: str) -> None:
    engine = open_store(db_url)
    with engine.begin() as conn:
        store_article(conn, "pullout", pullout())
        records = conn.execute(select(events.c.article_id, events.c.seq, events.c.record)).all()
        # back to the version 1 shape: events as JSON only, no party, pair or entity rows
        event_entities.drop(conn)
        event_pairs.drop(conn)
        event_parties.drop(conn)
        events.drop(conn)
        old = Table(
            "events",
            MetaData(),
            Column("article_id", Integer, nullable=False),
            Column("seq", Integer, nullable=False),
            Column("record", JSON, nullable=False),
        )
        old.create(conn)
        conn.execute(old.insert(), [dict(r._mapping) for r in records])
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="1"))
    engine.dispose()
    engine = open_store(db_url)
    try:
        assert _count(engine, events) == 3 and _count(engine, event_parties) == 7
        assert _count(engine, event_pairs) == 4  # Putin on Syria and on Assad; US, EU on Russia
        assert _count(engine, event_entities) > 0  # the entity timeline's rows are rebuilt too
        with engine.connect() as conn:
            putin = conn.execute(
                select(entities.c.name)
                .join(event_parties, event_parties.c.entity_id == entities.c.id)
                .where(event_parties.c.role == "actor", event_parties.c.event_seq == 0)
            ).scalar_one()
        assert putin == "Vladimir Putin"
    finally:
        engine.dispose()
