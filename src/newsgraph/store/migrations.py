"""Schema versions: each corpus records its version in `meta`, and opening one upgrades it.

A numbered list of steps rather than Alembic: a corpus is a file that users
carry around and open with whatever newsgraph they have, so upgrading has to
happen on open, in process, with no migration scripts folder or config to
ship. A newer corpus than this newsgraph knows is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.schema import CreateIndex

from newsgraph.store.schema import meta, metadata

Step = Callable[[Connection], None]


def _v1(conn: Connection) -> None:
    """The first schema: every table, and full-text search over articles and quotes."""
    from newsgraph.store.fts import create_fts

    metadata.create_all(conn)
    create_fts(conn)


def _v2(conn: Connection) -> None:
    """Events become queryable: typed columns beside the JSON, and a row per actor/recipient.

    The stored event records are kept and rewritten into the new tables. Before
    this version no newsgraph produced events, so the old table is small enough
    to hold in memory while it is rebuilt.
    """
    from newsgraph.model import Event
    from newsgraph.store.events import replace_events
    from newsgraph.store.schema import (
        article_entities,
        event_entities,
        event_pairs,
        event_parties,
        events,
    )

    kept = conn.execute(
        select(events.c.article_id, events.c.seq, events.c.record).order_by(
            events.c.article_id, events.c.seq
        )
    ).all()
    event_entities.drop(conn, checkfirst=True)
    event_pairs.drop(conn, checkfirst=True)
    event_parties.drop(conn, checkfirst=True)
    events.drop(conn)
    events.create(conn)
    event_parties.create(conn)
    event_pairs.create(conn)
    event_entities.create(conn)
    by_article: dict[int, list[Event]] = {}
    for article_id, _, record in kept:
        by_article.setdefault(int(article_id), []).append(Event.from_dict(record))
    for article_id, found in by_article.items():
        rows = conn.execute(
            select(article_entities.c.local_id, article_entities.c.entity_id).where(
                article_entities.c.article_id == article_id
            )
        )
        replace_events(conn, article_id, found, {local: int(eid) for local, eid in rows})


def _v3(conn: Connection) -> None:
    """The index that finds the statements holding a mention (`timeline`, `quotes --about`)."""
    from newsgraph.store.schema import quotes

    for index in quotes.indexes:
        if index.name == "ix_quotes_content_span":
            index.create(conn, checkfirst=True)


def _v4(conn: Connection) -> None:
    """What the pages count, stored: (statement, entity) pairs, (actor, recipient) pairs of
    events and each entity's reach.

    Filled from the stored findings by the statements the writer runs for each
    new article (store/derived.py). A corpus made by this newsgraph got the
    tables and the columns from the first step, empty, and keeps them; one
    upgraded from version 1 got its event pairs (and, since version 5, its event
    entities) as step 2 rebuilt its events.
    """
    from newsgraph.store.derived import add_derived, add_event_pairs
    from newsgraph.store.schema import entities, event_pairs, quote_entities

    have = {c["name"] for c in inspect(conn).get_columns(entities.name)}
    for name in ("article_count", "mention_count", "quote_count"):
        if name not in have:
            conn.execute(
                text(f"ALTER TABLE {entities.name} ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0")
            )
    for index in entities.indexes:
        index.create(conn, checkfirst=True)
    if not inspect(conn).has_table(quote_entities.name):
        quote_entities.create(conn)
        add_derived(conn)
    if not inspect(conn).has_table(event_pairs.name):
        event_pairs.create(conn)
        add_event_pairs(conn)


def _v5(conn: Connection) -> None:
    """Which entities take part in which events, and on what day, stored: an entity's
    timeline counts and pages its events from an index instead of every event.

    A corpus made by this newsgraph got the table from the first step, empty, and
    keeps it; one upgraded from an older version gets it filled here.
    """
    from newsgraph.store.derived import add_event_entities
    from newsgraph.store.schema import event_entities

    if not inspect(conn).has_table(event_entities.name):
        event_entities.create(conn)
        add_event_entities(conn)


def _v6(conn: Connection) -> None:
    """The indexes that read a list of statements in its order and count a speaker's
    statements without the rows (store/schema.py), and the planner's statistics that
    let the database choose them."""
    from newsgraph.store.db import refresh_statistics
    from newsgraph.store.schema import articles, quotes

    conn.execute(text("DROP INDEX IF EXISTS ix_quotes_speaker_entity_id"))  # a prefix of one
    for index in (*articles.indexes, *quotes.indexes):  # reflection skips expression indexes
        conn.execute(CreateIndex(index, if_not_exists=True))
    refresh_statistics(conn)


STEPS: list[Step] = [_v1, _v2, _v3, _v4, _v5, _v6]
VERSION = len(STEPS)


def schema_version(conn: Connection) -> int:
    """The corpus's schema version, read without writing; 0 for no newsgraph schema."""
    if not inspect(conn).has_table(meta.name):
        return 0
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def check_current(engine: Engine, where: str) -> None:
    """Refuse, without writing, a corpus that a read-only open could not use as it is."""
    from newsgraph.store.db import StoreError

    with engine.connect() as conn:
        current = schema_version(conn)
    _refuse_newer(current)
    if current == 0:
        raise StoreError(f"{where} holds no newsgraph corpus yet (run `newsgraph ingest` first)")
    if current < VERSION:
        raise StoreError(
            f"this corpus has schema version {current}; this newsgraph reads {VERSION}: "
            "`newsgraph ingest` into it once to upgrade it"
        )


def _refuse_newer(current: int) -> None:
    """A newer corpus than this newsgraph knows is refused, never rewritten."""
    from newsgraph.store.db import StoreError

    if current > VERSION:
        raise StoreError(
            f"this corpus has schema version {current}; this newsgraph knows up to {VERSION}: "
            "upgrade newsgraph to open it"
        )


def migrate(engine: Engine) -> None:
    """Bring the database to VERSION, one step per transaction."""
    with engine.begin() as conn:
        meta.create(conn, checkfirst=True)
        current = schema_version(conn)
    _refuse_newer(current)
    for number in range(current + 1, VERSION + 1):
        with engine.begin() as conn:
            STEPS[number - 1](conn)
            values = {"key": "schema_version", "value": str(number)}
            if number == 1:
                conn.execute(meta.insert().values(**values))
            else:
                conn.execute(
                    meta.update().where(meta.c.key == "schema_version").values(value=str(number))
                )
